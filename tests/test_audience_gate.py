"""One privacy gate: a field added to the model later reaches no partner or client document
unless the policy names it (review F5).

Each model class of a case gets a subclass with one new field holding a sentinel, as a
later version of the model might add; the case is rebuilt from those subclasses. The gates
(``filter_case`` for the partner sheet, ``audience_case`` for the crisiskaart, the opnamebrief,
the overdracht and the client's documents, ``plan_case`` for the client's copy of the plan)
copy by allow-list, so the new field comes out empty, and the documents' contexts do not
carry it; one test builds every partner- or client-facing kind of the registry. A field the
policy does name (the person's name, under 'identificatie') still gets through: the test
would see a gate that lets nothing through.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from conftest import EXAMPLES
from pydantic import BaseModel

from levensloop_docs.case.casefile import load_case
from levensloop_docs.model import casus as model
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.reference.policy import audience_case, filter_case, load_policy, sharing
from levensloop_docs.views.audience import allowed_groups
from levensloop_docs.views.client import signaleringsplan, toestemming
from levensloop_docs.views.crisiskaart import crisiskaart
from levensloop_docs.views.partner_sheet import partner_sheet_context

TODAY = date(2026, 11, 23)
SECRET = "NIEUWVELD-GEHEIM-7731"


def _with_new_field(cls: type[BaseModel]) -> type[BaseModel]:
    """``cls`` as a later model version might have it: one field more."""
    return type(cls.__name__, (cls,), {"__annotations__": {"later_toegevoegd": str},
                                        "later_toegevoegd": ""})


def _extended(value: Any) -> Any:
    """Rebuild every model object with the subclass that has the new field, holding SECRET."""
    if isinstance(value, list):
        return [_extended(v) for v in value]
    if not isinstance(value, BaseModel):
        return value
    fields = {name: _extended(getattr(value, name)) for name in type(value).model_fields}
    return _with_new_field(type(value)).model_construct(**fields, later_toegevoegd=SECRET)


def _leaks(value: Any) -> list[str]:
    """Every place in a (filtered) case where SECRET is found."""
    if isinstance(value, list):
        return [leak for v in value for leak in _leaks(v)]
    if isinstance(value, BaseModel):
        found = [type(value).__name__] if getattr(value, "later_toegevoegd", "") == SECRET else []
        parts = [getattr(value, name, None) for name in type(value).model_fields]
        return found + [leak for part in parts for leak in _leaks(part)]
    return []


@pytest.fixture(scope="module")
def case() -> model.Casus:
    casus = load_case(EXAMPLES / "detentie-midden-nederland.yaml", today=TODAY).casus
    extended = _extended(casus)
    assert "Persoon" in _leaks(extended) and "Partner" in _leaks(extended)  # the sentinel is there
    return extended  # type: ignore[no-any-return]


def test_the_new_field_is_in_the_case_for_the_network(case: model.Casus) -> None:
    kinds = {type(x).__name__ for x in (case.persoon, case.netwerk.partners[0], case.scenarios[0],
                                        case.opschaling.stappen[0], case.meta, case.client)}
    assert {"Persoon", "Partner", "Scenario", "OpschalingsStap", "Meta"} <= kinds


@pytest.mark.parametrize("kind", ["politie", "reclassering", "gemeente"])
def test_a_partner_sheet_and_a_crisiskaart_carry_no_new_field(case: model.Casus, kind: str) -> None:
    policy, vocab = load_policy(), load_vocabularies()
    roles = {r for r in vocab["rollen"] if vocab["rollen"].get(r, "partnersoort", r) == kind}
    own = {p.id for p in case.netwerk.partners if p.rol in roles}
    share = sharing(policy, case, kind, TODAY, own)
    assert _leaks(filter_case(case, share, roles)) == []
    groups = allowed_groups(policy, "crisiskaart", case, TODAY, kind, own)
    assert _leaks(audience_case(case, groups, own)) == []
    for context in (partner_sheet_context(case, vocab, TODAY, kind), crisiskaart(case, vocab, TODAY, kind)):
        assert SECRET not in json.dumps(context, default=str)


def test_the_opnamebrief_carries_no_new_field(case: model.Casus) -> None:
    from levensloop_docs.views.overgang import opnamebrief

    clinics = {p.id for p in case.netwerk.partners if p.rol == "kliniek"}
    groups = allowed_groups(load_policy(), "opnamebrief", case, TODAY, "kliniek", clinics)
    assert "opschaling" in groups and _leaks(audience_case(case, groups)) == []
    assert SECRET not in json.dumps(opnamebrief(case, load_vocabularies(), TODAY, None), default=str)


def test_the_clients_documents_carry_no_new_field(case: model.Casus) -> None:
    policy = load_policy()
    for audience in ("client", "toestemming"):
        assert _leaks(audience_case(case, allowed_groups(policy, audience, case, TODAY))) == []
    assert SECRET not in json.dumps(signaleringsplan(case, TODAY), default=str)
    assert SECRET not in json.dumps(toestemming(case, load_vocabularies(), TODAY), default=str)


def test_a_field_the_policy_names_does_get_through(case: model.Casus) -> None:
    """The gate is an allow-list, not a wall: 'identificatie' brings the name."""
    groups = allowed_groups(load_policy(), "crisiskaart", case, TODAY, "politie", set())
    assert "identificatie" in groups
    assert audience_case(case, groups).persoon.naam == case.persoon.naam
    assert audience_case(case, ()).persoon.naam == ""
    night = [p.organisatie for p in audience_case(case, ()).netwerk.partners]
    assert night and all(p.day_and_night for p in audience_case(case, ()).netwerk.partners)


# Every document kind of the registry (templates/documenten.yaml), by its context: the ones
# that leave the team for a partner, a clinic, another region or the client, and the ones
# the team keeps (its own plan, the registration and the tafelversie, the evaluation, the
# register). A new kind must be put in one of the two before this test passes. Two facing
# kinds pick their fields one by one instead of reading a gated case: the terugkoppeling (to
# the aanmelder) and the uitstroom context (its overdrachtsbrief goes to the next provider;
# the uitstroombesluit shares the context). They are built here too.
FACING = {"plan_client", "partnerblad", "signaleringsplan", "toestemming", "crisiskaart", "opnamebrief",
          "overdracht", "terugkoppeling", "uitstroom"}
INTERNAL = {"plan", "aanmelding", "aanmelding_anoniem", "voortgang", "verstrekkingen"}


def test_every_document_kind_is_named_facing_or_internal() -> None:
    from levensloop_docs.run.documents import registry

    contexts = {d.context for d in registry().values()}
    assert contexts == FACING | INTERNAL and not FACING & INTERNAL, contexts ^ (FACING | INTERNAL)


@pytest.fixture(scope="module")
def registration() -> model.Casus:
    """A case with a decided registration, for the terugkoppeling (detentie has none)."""
    casus = load_case(EXAMPLES / "aanmelding-oost-brabant.yaml", today=TODAY).casus
    assert casus.aanmelding is not None and casus.aanmelding.besluit
    return _extended(casus)  # type: ignore[no-any-return]


def test_no_partner_or_client_document_carries_a_new_field(
    case: model.Casus, registration: model.Casus
) -> None:
    """The done-when of issue 29: for every facing kind and every parameter, the context the
    template receives has no trace of a field the policy does not name."""
    from levensloop_docs.errors import InputError
    from levensloop_docs.run.documents import registry

    vocab, made = load_vocabularies(), set()
    for doc in registry().values():
        if doc.context not in FACING:
            continue
        source = registration if doc.context == "terugkoppeling" else case
        for parameter in doc.parameters or (None,):
            try:
                context = doc.build_context(source, vocab, TODAY, parameter)
            except InputError:  # a partner type or region the case does not have
                continue
            assert SECRET not in json.dumps(context, default=str), (doc.name, parameter)
            made.add(doc.context)
    assert made == FACING  # each facing kind was built at least once


def test_the_clients_copy_of_the_plan_carries_no_new_field_but_the_plan(case: model.Casus) -> None:
    from levensloop_docs.reference.policy import plan_case

    groups = allowed_groups(load_policy(), "plan_client", case, TODAY)
    copy = plan_case(case, groups)
    assert _leaks(copy) == []
    # an allow-list, not a wall: the plan's own parts come through
    assert copy.persoon.naam == case.persoon.naam and len(copy.scenarios) == len(case.scenarios)
    assert [n.naam for n in copy.netwerk.naasten] == [n.naam for n in case.netwerk.naasten]
    assert all(not n.toelichting and not n.bescherming for n in copy.netwerk.naasten)


def test_the_consent_form_reads_the_naasten_from_the_gate(case: model.Casus) -> None:
    """The gate decides whom the form asks about; the kind 'slachtoffer' never leaves it."""
    groups = allowed_groups(load_policy(), "toestemming", case, TODAY)
    gated = audience_case(case, groups).netwerk.naasten
    assert all("slachtoffer" not in n.type for n in gated)
    victims = [n.naam for n in case.netwerk.naasten if "slachtoffer" in n.type and not n.toestemming_contact]
    assert victims and not {n.naam for n in gated} & set(victims)
    form = toestemming(case, load_vocabularies(), TODAY)
    assert [n["naam"] for n in form["naasten"]] == [n.naam for n in gated]
