"""Shared pieces of the documents for an audience of their own: the client, a crisis card,
the receiving clinic, the levensloopteam of another region.

Each of those documents asks ``allowed_groups`` what it may carry (the policy's 'publiek'
section, and for a document that goes to a partner also that partner type's sharing) and
builds its context from those groups only, as the partner sheet does.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from levensloop_docs.case.planrules import casusregisseur, night_numbers
from levensloop_docs.errors import InputError
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus, Partner
from levensloop_docs.reference.policy import Policy, sharing
from levensloop_docs.views.common import date_text as d
from levensloop_docs.views.common import text as t


def allowed_groups(policy: Policy, audience: str, casus: Casus, today: date,
                   kind: str | None = None, partner_ids: set[str] | None = None) -> tuple[str, ...]:
    """The groups a document for ``audience`` may carry; for a partner also what its type may see.

    ``partner_ids``: the partners of that type in the network (a consent may cover only some).
    """
    groups = policy.audience(audience)
    if kind is not None:
        groups &= set(sharing(policy, casus, kind, today, partner_ids).groups)
    order = [*policy.groups, *sorted(policy.audience(audience) - set(policy.groups))]
    return tuple(g for g in order if g in groups)


def left_out(policy: Policy, groups: tuple[str, ...], wanted: tuple[str, ...]) -> list[str]:
    """Labels of the groups this document would carry but may not (printed as 'niet op ...')."""
    return [policy.groups[g] for g in wanted if g not in groups and g in policy.groups]


def partners_of_kind(casus: Casus, vocab: Any, kind: str) -> set[str]:
    rollen = vocab["rollen"]
    return {p.id for p in casus.netwerk.partners if rollen.get(p.rol, "partnersoort", p.rol) == kind}


class PhoneLine(TypedDict):
    organisatie: str
    contactpersoon: str
    functie: str
    telefoon: str
    nacht: str


class PersonLine(TypedDict):
    naam: str
    roepnaam: str
    geboortedatum: str


def person_line(casus: Casus) -> PersonLine:
    """Who the document is about, as far as the gated case names the person."""
    p = casus.persoon
    return {"naam": t(p.naam), "roepnaam": t(p.roepnaam), "geboortedatum": d(p.geboortedatum)}


class MetaLine(TypedDict):
    casus_id: str
    planversie: int
    vastgesteld: str
    volgende_evaluatie: str
    vandaag: str


def phone_line(p: Partner) -> PhoneLine:
    return {
        "organisatie": t(p.organisatie),
        "contactpersoon": t(p.contactpersoon),
        "functie": t(p.functie),
        "telefoon": t(p.telefoon),
        "nacht": t(p.buiten_kantoortijd),
    }


def require_night_number(casus: Casus, document: str) -> None:
    """A card or letter for a crisis without a number for the night is worse than none."""
    if not night_numbers(casus):
        msg = _(
            "Case {case}: the {document} needs a number that answers day and night. Fill in "
            "'netwerk.partners[].buiten_kantoortijd' (the bereikbaarheidsdienst of the "
            "levensloopaanbieder) or add a partner with role 'crisisdienst' and its telefoon."
        )
        raise InputError(msg.format(case=casus.meta.casus_id, document=document))


def require_casusregisseur(casus: Casus, document: str) -> Partner:
    p = casusregisseur(casus)
    if p is None or not p.telefoon:
        msg = _(
            "Case {case}: the {document} needs the casusregisseur's phone number. Add a partner "
            "with role 'levensloopaanbieder' and fill in its 'telefoon' (netwerk.partners[].telefoon)."
        )
        raise InputError(msg.format(case=casus.meta.casus_id, document=document))
    return p


def meta(casus: Casus, today: date) -> MetaLine:
    return {
        "casus_id": t(casus.meta.casus_id),
        "planversie": casus.meta.planversie,
        "vastgesteld": d(casus.meta.vastgesteld),
        "volgende_evaluatie": d(casus.meta.volgende_evaluatie),
        "vandaag": d(today),
    }
