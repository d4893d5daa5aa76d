"""Documents for the client: the signaleringsplan in eenvoudige taal and the consent form.

The signaleringsplan is an allow-list like the partner sheet, with the client as its
audience (policy 'publiek: client'): the scenarios only in the client's own words
(``scenarios[].in_eigen_woorden``), what helps, whom to call, and the agreements with
naasten who took a role (``afspraak_client`` and consent for contact). Never the
professionals' signal text, risicotaxatie, problematiek or other people's details.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.case.planrules import casusregisseur
from levensloop_docs.model.casus import Casus, Naaste
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import VOLUNTARY, audience_case, consent_covers, load_policy
from levensloop_docs.views.audience import (
    MetaLine,
    PhoneLine,
    allowed_groups,
    meta,
    phone_line,
)
from levensloop_docs.views.common import NightLine, night_lines, texts
from levensloop_docs.views.common import date_text as d
from levensloop_docs.views.common import text as t


class OwnWords(TypedDict):
    """A scenario in the client's own words."""

    titel: str
    groen: list[str]
    oranje: list[str]
    rood: list[str]
    wat_helpt: list[str]


class NaasteRole(TypedDict):
    naam: str
    relatie: str
    afspraak: str


class SignaleringsplanView(TypedDict):
    """What the signaleringsplan template receives."""

    meta: MetaLine
    naam: str
    doelen: list[str]
    wat_helpt: list[str]
    scenarios: list[OwnWords]
    samen: str
    casusregisseur: PhoneLine | None
    nacht: list[NightLine]
    naasten: list[NaasteRole]


def _first_name(casus: Casus) -> str:
    p = casus.persoon
    return t(p.roepnaam or p.naam.split()[0])


def _naaste_with_role(n: Naaste) -> bool:
    """Named to the client only where the naaste agreed to a role the client may know of."""
    return n.toestemming_contact and bool(n.afspraak_client.strip())


def signaleringsplan(casus: Casus, today: date) -> SignaleringsplanView:
    groups = allowed_groups(load_policy(), "client", casus, today)
    # co-authorship is claimed only where the plan records it (client.betrokkenheid)
    samen = casus.client.betrokkenheid or ""
    casus = audience_case(casus, groups)  # only what the client's own plan may carry
    scenarios: list[OwnWords] = []
    if "eigen_woorden" in groups:
        for s in casus.scenarios:
            w = s.in_eigen_woorden
            if w is None:
                continue
            scenarios.append({
                "titel": t(w.titel),
                "groen": texts(w.groen), "oranje": texts(w.oranje), "rood": texts(w.rood),
                "wat_helpt": texts(w.wat_helpt),
            })  # fmt: skip
    regisseur = casusregisseur(casus) if "contacten" in groups else None
    return {
        "meta": meta(casus, today),
        "naam": _first_name(casus) if "identificatie" in groups else "",
        "doelen": texts(casus.client.doelen) if "eigen_woorden" in groups else [],
        "wat_helpt": texts(casus.client.wat_helpt) if "eigen_woorden" in groups else [],
        "scenarios": scenarios,
        "samen": samen,
        "casusregisseur": phone_line(regisseur) if regisseur else None,
        "nacht": night_lines(casus) if "contacten" in groups else [],
        "naasten": [
            {"naam": t(n.naam.split()[0]), "relatie": t(n.relatie), "afspraak": t(n.afspraak_client)}
            for n in casus.netwerk.naasten
            if "naasten_afspraken" in groups and _naaste_with_role(n)
        ],
    }


def signaleringsplan_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> SignaleringsplanView:
    return signaleringsplan(casus, today)


# -- the consent form ----------------------------------------------------------------------

class ConsentRow(TypedDict):
    organisatie: str
    groepen: list[str]  # what the policy shares with this organisation on consent
    nu: bool  # the consent on file covers it
    extra: list[str]  # what it gets on top of what every organisation gets


class ConsentPerson(TypedDict):
    naam: str
    geboortedatum: str


class NaasteName(TypedDict):
    naam: str
    relatie: str


class ToestemmingView(TypedDict):
    """What the toestemmingsverklaring template receives."""

    meta: MetaLine
    persoon: ConsentPerson | None
    partners: list[ConsentRow]
    basis: list[str]
    naasten: list[NaasteName]
    vertegenwoordigers: list[str]
    casusregisseur: PhoneLine | None
    vrijwillig: bool
    route: str
    vanaf: str
    vastgelegd: bool
    tot: str


def toestemming(casus: Casus, vocab: Vocabularies, today: date) -> ToestemmingView:
    """Per partner the groups the policy shares with consent (the voluntary route)."""
    policy = load_policy()
    groups = allowed_groups(policy, "toestemming", casus, today)
    rollen = vocab["rollen"]
    # everything the form says comes from the case after the gate: the consent on file too, and
    # the naasten it asks about (the gate decides who, so the form needs no hidden kind)
    casus = audience_case(casus, groups)
    g = casus.gegevensdeling
    recorded = g.route == VOLUNTARY and g.toestemming_datum is not None and not g.ingetrokken
    # one yes/no per organisation: consent is given or withdrawn per organisation, never per kind
    rows: list[tuple[str, list[str], bool]] = []
    for p in casus.netwerk.partners:
        kind = str(rollen.get(p.rol, "partnersoort", p.rol))
        if kind in ("levensloopaanbieder", "client"):
            continue  # the casusregisseur keeps the plan; the client is the one who signs
        # the consent on file (h17: toestemming_partners; empty scope = the whole network)
        rows.append((t(p.organisatie), list(policy.allowed(kind, VOLUNTARY)),
                     recorded and consent_covers(casus, {p.id})))
    # a wettelijk vertegenwoordiger in care matters (curator, mentor) signs beside the client; a
    # bewindvoerder represents in money matters only, so not on consent to share care data
    vertegenwoordigers = [t(p.contactpersoon or p.organisatie) for p in casus.netwerk.partners
                          if rollen.get(p.rol, "toestemming", False)]
    # what every partner gets is said once; each row names only what comes on top
    basis = [k for k in policy.groups if rows and all(k in groepen for _o, groepen, _n in rows)]
    partners: list[ConsentRow] = [
        {"organisatie": o, "groepen": groepen, "nu": nu, "extra": [k for k in groepen if k not in basis]}
        for o, groepen, nu in rows
    ]
    regisseur = casusregisseur(casus)
    return {
        "meta": meta(casus, today),
        "persoon": {"naam": t(casus.persoon.naam), "geboortedatum": d(casus.persoon.geboortedatum)}
        if "identificatie" in groups else None,
        "partners": partners if "toestemming" in groups else [],
        "basis": basis if "toestemming" in groups else [],
        "naasten": [
            {"naam": t(n.naam), "relatie": t(n.relatie)}
            for n in casus.netwerk.naasten
        ] if "toestemming" in groups else [],
        "vertegenwoordigers": vertegenwoordigers,
        "casusregisseur": phone_line(regisseur) if regisseur and "contacten" in groups else None,
        "vrijwillig": g.route == VOLUNTARY,
        "route": vocab["routes"].label(g.route),
        "vanaf": d(g.toestemming_datum),
        "vastgelegd": recorded,
        # the period the consent was given for; else until the next evaluation asks it again
        "tot": d(g.toestemming_geldig_tot) or d(casus.meta.volgende_evaluatie),
    }


def toestemming_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> ToestemmingView:
    return toestemming(casus, vocab, today)


def has_scenarios(casus: Casus) -> bool:
    from levensloop_docs.case.planrules import has_plan

    return has_plan(casus) and bool(casus.scenarios)
