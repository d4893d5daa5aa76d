"""One privacy gate: a field added to the model later reaches no partner or client document
unless the policy names it (review F5).

Each model class of a case gets a subclass with one new field holding a sentinel, as a
later version of the model might add; the case is rebuilt from those subclasses. The gates
(``filter_case`` for the partner sheet, ``audience_case`` for the crisiskaart, the opnamebrief,
the client's signaleringsplan and the toestemmingsverklaring) copy by allow-list, so the new field comes
out empty, and the documents' contexts do not carry it. A field the policy does name (the person's name, under
'identificatie') still gets through: the test would see a gate that lets nothing through.
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
