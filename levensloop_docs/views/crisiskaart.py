"""The crisiskaart for one partner type (``genereer CASE --document crisiskaart:politie``).

One A4 page for the moment it goes wrong: 112 first, the 24/7 numbers, the casusregisseur,
the red signals, the clinic and its intake contact, the afschaling agreement and the
terugkeergarantie, and the minimum to identify the person. What the page may carry is the
policy's 'publiek: crisiskaart' as far as this partner type may see it (the same sharing
decision as its partner sheet); a group that is not allowed is absent from the context.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.case.planrules import casusregisseur, destination_contact, is_admission
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import audience_case, load_policy, sharing
from levensloop_docs.views.audience import (
    MetaLine,
    PersonLine,
    PhoneLine,
    allowed_groups,
    left_out,
    meta,
    person_line,
    phone_line,
    require_casusregisseur,
    require_night_number,
)
from levensloop_docs.views.common import NightLine, night_lines, texts
from levensloop_docs.views.common import text as t
from levensloop_docs.views.partner_sheet import kind_texts, not_in_network, resolve_kind, sheet_label

WANTED = ("identificatie", "contacten", "scenario_taken", "signalen", "opschaling")


class ClinicLine(TypedDict):
    stap: int
    naar: str
    naam: str
    intake: str
    telefoon: str
    terugkeergarantie: bool
    verborgen: bool  # the card may not name this destination (it says so, not that it is unknown)


class RedLine(TypedDict):
    naam: str
    signalen: list[str]
    taken: list[str]


class WayDown(TypedDict):
    naar: str
    bestemming: str
    wie_stabiel: str


class CrisiskaartView(TypedDict):
    """What the crisiskaart template receives (``templates/crisiskaart/crisiskaart.md``)."""

    meta: MetaLine
    partner: str
    persoon: PersonLine | None
    nacht: list[NightLine]
    in_crisis: list[str]
    casusregisseur: PhoneLine | None
    rood: list[RedLine] | None
    klinieken: list[ClinicLine] | None
    afschaling: WayDown | None
    weggelaten: list[str]


def clinics(casus: Casus, vocab: Vocabularies, full: Casus | None = None) -> list[ClinicLine]:
    """Each admission step: where to, its intake contact, and whether the place is kept.

    ``full``: the case before the gate; a destination it has but the card may not name is
    marked 'verborgen' (the card says it is not on it, not that it is unknown).
    """
    out: list[ClinicLine] = []
    before = (full or casus).opschaling.stappen
    for i, (s, b) in enumerate(zip(casus.opschaling.stappen, before, strict=True), start=1):
        if not is_admission(s.naar):
            continue
        contact = destination_contact(casus, s)
        out.append({
            "stap": i,
            "naar": vocab["niveaus"].label(s.naar),
            "naam": t(contact[0]) if contact else t(s.bestemming.plaats),
            "intake": t(contact[1]) if contact else "",
            "telefoon": t(contact[2]) if contact else "",
            "terugkeergarantie": s.terugkeergarantie,
            "verborgen": not (s.bestemming.plaats or s.bestemming.partner)
            and bool(b.bestemming.plaats or b.bestemming.partner),
        })  # fmt: skip
    return out


def red_signals(casus: Casus, own: set[str], with_tasks: bool) -> list[RedLine]:
    """Every scenario's red signals; its name and this partner's own red duties need 'scenario_taken'."""
    out: list[RedLine] = []
    for i, s in enumerate(casus.scenarios, start=1):
        taken = [t(a.wat) for a in s.acties if a.fase == "rood" and a.wie in own] if with_tasks else []
        if s.signalen.rood or taken:
            naam = (t(s.naam) if with_tasks else "") or _("Scenario {n}").format(n=i)
            out.append({"naam": naam, "signalen": texts(s.signalen.rood), "taken": taken})
    return out


def crisiskaart(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> CrisiskaartView:
    policy = load_policy()
    kind, roles = resolve_kind(parameter, policy, vocab)
    if not any(p.rol in roles for p in casus.netwerk.partners):
        raise not_in_network(casus, kind, roles, vocab, policy)  # a card for a stranger: none
    require_night_number(casus, "crisiskaart")
    require_casusregisseur(casus, "crisiskaart")
    own = {p.id for p in casus.netwerk.partners if p.rol in roles}
    groups = allowed_groups(policy, "crisiskaart", casus, today, kind, own)
    # a clinic's name or a step's criteria may name what this partner may not see at all
    known = sharing(policy, casus, kind, today, own).groups
    # from here on only what the policy allows: the case after the one gate
    # the scenarios of its partner sheet only: those where this partner has a duty
    full, casus = casus, audience_case(casus, groups, own, known, duty_only=True)
    af = casus.opschaling.afschaling
    regisseur = casusregisseur(casus)
    ctx: CrisiskaartView = {
        "meta": meta(casus, today),
        "partner": sheet_label(vocab, kind, roles),
        "persoon": person_line(casus) if "identificatie" in groups else None,
        "nacht": night_lines(casus),
        # what this kind of partner does in a crisis (the PI: its own doctor, not the crisisdienst;
        # the gemeente: the burgemeester's crisismaatregel), the same on every card of the kind
        "in_crisis": kind_texts(vocab, kind, "crisis"),
        "casusregisseur": phone_line(regisseur) if regisseur and "contacten" in groups else None,
        "rood": red_signals(casus, own, "scenario_taken" in groups) if "signalen" in groups else None,
        "klinieken": clinics(casus, vocab, full) if "opschaling" in groups else None,
        "afschaling": None,
        "weggelaten": left_out(policy, groups, WANTED),
    }
    if "opschaling" in groups and af is not None:
        stabiel = casus.partner(af.wie_stabiel) if af.wie_stabiel else None
        ctx["afschaling"] = {
            "naar": vocab["niveaus"].label(af.naar),
            "bestemming": t(af.bestemming),
            "wie_stabiel": t(stabiel.organisatie) if stabiel else "",
        }
    return ctx


def crisiskaart_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> CrisiskaartView:
    return crisiskaart(casus, vocab, today, parameter)
