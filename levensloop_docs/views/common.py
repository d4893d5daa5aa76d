"""The view functions every audience shares: each piece of template data is built once here.

The plan (``plan.py``), the partner sheet (``partner_sheet.py``) and the aanmelding
documents (``aanmelding.py``) all take their texts, dates, phases, escalation steps,
contacts and region contacts from these functions, so a step or a phase reads the same on
every document. The partner sheet first filters the case through the sharing policy
(``reference/policy.py``, ``filter_case``) and then calls the same functions: what the
filter removed cannot reach a template. Dutch words come from the catalogs or the
vocabularies, never from literals here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TypedDict

from levensloop_docs.case.planrules import night_numbers, night_phone
from levensloop_docs.i18n import _, format_date, format_list
from levensloop_docs.model.casus import (
    Actie,
    Afschaling,
    Casus,
    Levensgebied,
    Naaste,
    OpschalingsStap,
    Partner,
    Persoon,
    Risicotaxatie,
    Scenario,
    ScenarioActie,
    Titel,
)
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import Contact, Region
from levensloop_docs.text import clean_text

# the keys of the stoplight, in order; their words and colours are in vocabulaires/fasen.yaml
FASES = ("groen", "oranje", "rood")


def text(value: str | None) -> str:
    """Typed text, safe for DOCX, HTML and PDF."""
    return clean_text(value or "")


def texts(values: Iterable[str]) -> list[str]:
    return [text(v) for v in values]


def date_text(value: date | None) -> str:
    """``date(2026, 11, 23)`` -> ``23 november 2026``; no date -> empty text."""
    return format_date(value)


def yes_no(flag: bool) -> str:
    return _("yes") if flag else _("no")


def period_text(
    van: date | str | None, tot: date | str | None, show: Callable[[date | str], str]
) -> str:
    """``van – tot`` as ``show`` prints a date (or a month); 'now' without an end."""
    if van is None and tot is None:
        return _("period unknown")
    start = show(van) if van is not None else "?"
    end = show(tot) if tot is not None else _("now")
    return f"{start} – {end}"


def set_on(value: date | None) -> str:
    """The date a plan was set, or the plain words that it has not been set yet."""
    return date_text(value) or _("not yet set")


# -- phases ------------------------------------------------------------------------------------


class PhaseStyle(TypedDict):
    fase: str
    label: str  # Groen
    uitleg: str  # het gaat goed (the plan)
    toestand: str  # rustig (the partner sheet)
    kleur: str  # cell colour in the plan


def phase_style(fase: str, vocab: Vocabularies) -> PhaseStyle:
    v = vocab["fasen"]
    return {
        "fase": fase,
        "label": v.label(fase),
        "uitleg": str(v.get(fase, "uitleg", "")),
        "toestand": str(v.get(fase, "toestand", "")),
        "kleur": str(v.get(fase, "kleur", "FFFFFF")),
    }


# -- people ------------------------------------------------------------------------------------


class PartnerEntry(TypedDict):
    id: str
    rol: str
    rol_sleutel: str
    ring: int
    organisatie: str
    contactpersoon: str
    functie: str
    telefoon: str
    email: str
    naam: str  # organisation (contact person)
    bereikbaar: str  # phone and e-mail, one a line


def partner_name(p: Partner) -> str:
    """Organisation (contact person): how a partner is named on every document."""
    return text(p.organisatie + (f" ({p.contactpersoon})" if p.contactpersoon else ""))


def partner_entry(p: Partner, vocab: Vocabularies) -> PartnerEntry:
    rollen = vocab["rollen"]
    return {
        "id": text(p.id),
        "rol": rollen.label(p.rol),
        "rol_sleutel": p.rol,
        "ring": p.ring or rollen.get(p.rol, "ring", 2),
        "organisatie": text(p.organisatie),
        "contactpersoon": text(p.contactpersoon),
        "functie": text(p.functie),
        "telefoon": text(p.telefoon),
        "email": text(p.email),
        "naam": partner_name(p),
        "bereikbaar": text("\n".join(x for x in (p.telefoon, p.email) if x)),
    }


class NaasteEntry(TypedDict):
    id: str
    naam: str
    relatie: str
    type: str
    toestemming_contact: str
    telefoon: str
    toelichting: str


def naaste_entry(n: Naaste, vocab: Vocabularies) -> NaasteEntry:
    types = vocab["naastentypes"]
    return {
        "id": text(n.id),
        "naam": text(n.naam),
        "relatie": text(n.relatie),
        "type": format_list(types.label(k).lower() for k in n.type),
        "toestemming_contact": yes_no(n.toestemming_contact),
        "telefoon": text(n.telefoon),
        "toelichting": text(n.toelichting),
    }


class Names:
    """Resolves ``wie`` references to readable names, within the people it was given.

    ``unknown`` is what a reference outside them reads as: on a partner sheet a neutral
    phrase, so that nobody the sheet may not name is named.
    """

    def __init__(
        self, partners: list[Partner], naasten: list[Naaste], vocab: Vocabularies, unknown: str | None = None
    ) -> None:
        self.people: dict[str, Partner | Naaste] = {p.id: p for p in partners}
        self.people.update({n.id: n for n in naasten})
        self.names = {p.id: partner_name(p) for p in partners}
        self.names.update({n.id: f"{text(n.naam)} ({text(n.relatie)})" for n in naasten})
        self.unknown = unknown

    def known(self, ref: str) -> bool:
        return ref in self.names

    def who(self, ref: str) -> str:
        if ref in self.names:
            return self.names[ref]
        return self.unknown if self.unknown is not None else text(ref)

    def call_line(self, ref: str) -> CallLine:
        """Whom a scenario calls: in a crisis the reader needs the number, not only the name.

        The police's 0900 line is for afterwards, never for a crisis: the template says so.
        """
        found = self.people.get(ref)
        phone = text(found.telefoon) if found is not None and found.telefoon else ""
        police = isinstance(found, Partner) and found.rol == "politie"
        return {"wie": self.who(ref), "telefoon": phone, "politie": police}


class CallLine(TypedDict):
    wie: str
    telefoon: str
    politie: bool


class NightLine(TypedDict):
    naam: str  # the service, never the casusregisseur's own name (nobody reaches her at night)
    organisatie: str
    telefoon: str
    waarvoor: str  # when to call this number rather than the other
    soort: str  # "bereikbaarheidsdienst", "crisisdienst" or "" (templates word it for their reader)


def night_lines(casus: Casus, names: Names | None = None) -> list[NightLine]:
    """The 24/7 numbers (``planrules.night_numbers``), one shape for every document.

    A night line is a service: the bereikbaarheidsdienst of the levensloopaanbieder (advice,
    knows the client and this plan) or the crisisdienst (acute psychiatric assessment). Named
    after the casusregisseur, a partner would think she answers at 3 a.m.
    """
    out: list[NightLine] = []
    for p in night_numbers(casus):
        org = text(p.organisatie)
        if p.rol == "levensloopaanbieder":
            naam = _("On-call service {organisation} (not the case director personally)").format(
                organisation=org)
            waarvoor, soort = _("advice; knows the client and this plan"), "bereikbaarheidsdienst"
        elif p.rol == "crisisdienst":
            naam, waarvoor, soort = org, _("acute psychiatric assessment"), "crisisdienst"
        else:
            naam, waarvoor, soort = org, "", ""
        out.append({"naam": naam, "organisatie": org, "telefoon": text(night_phone(p)), "waarvoor": waarvoor,
                    "soort": soort})
    return out


# -- actions, areas, scenarios ------------------------------------------------------------------


class ActionEntry(TypedDict):
    wat: str
    wie: str
    wie_id: str
    wanneer: str
    status: str


def action_entry(a: Actie, vocab: Vocabularies, names: Names) -> ActionEntry:
    wanneer = a.wanneer
    return {
        "wat": text(a.wat),
        "wie": names.who(a.wie),
        "wie_id": a.wie,
        "wanneer": date_text(wanneer) if isinstance(wanneer, date) else text(wanneer),
        "status": vocab["actiestatussen"].label(a.status),
    }


class AreaView(TypedDict):
    gebied: str
    zrm_score: int | str
    situatie: str
    risicos: list[str]
    doelen: list[str]
    acties: list[ActionEntry]


def area_view(g: Levensgebied, vocab: Vocabularies, names: Names) -> AreaView:
    return {
        "gebied": vocab["levensgebieden"].label(g.gebied),
        "zrm_score": g.zrm_score or "",
        "situatie": text(g.situatie),
        "risicos": texts(g.risicos),
        "doelen": texts(g.doelen),
        "acties": [action_entry(a, vocab, names) for a in g.acties],
    }


class ScenarioAction(TypedDict):
    wie: str
    wie_id: str
    wat: str


class ScenarioPhase(PhaseStyle):
    signalen: list[str]
    acties: list[ScenarioAction]


class ScenarioView(TypedDict):
    naam: str
    soort: str
    beschrijving: str
    signalen: dict[str, list[str]]
    fasen: list[ScenarioPhase]
    wie_bellen: str  # the names only (a partner sheet); the plan lists ``bellen`` with numbers


def scenario_action(a: ScenarioActie, names: Names) -> ScenarioAction:
    return {"wie": names.who(a.wie), "wie_id": a.wie, "wat": text(a.wat)}


def scenario_view(s: Scenario, vocab: Vocabularies, names: Names) -> ScenarioView:
    """One scenario with every phase and whom to call."""
    fasen: list[ScenarioPhase] = [
        {
            **phase_style(f, vocab),
            "signalen": texts(getattr(s.signalen, f)),
            "acties": [scenario_action(a, names) for a in s.acties if a.fase == f],
        }
        for f in FASES
    ]
    return {
        "naam": text(s.naam),
        "soort": vocab["scenariosoorten"].label(s.soort),
        "beschrijving": text(s.beschrijving),
        "signalen": {f: texts(getattr(s.signalen, f)) for f in FASES},
        "fasen": fasen,
        "wie_bellen": format_list(names.who(r) for r in s.wie_bellen),
    }


# -- escalation ---------------------------------------------------------------------------------


class StepView(TypedDict):
    nummer: int
    van: str
    naar: str
    criteria: list[str]
    wie_besluit: str
    bedtype: str
    plaats: str
    bestemming: str  # bed type and place, in one line
    beveiligingsniveau: int | str
    juridische_basis: str
    vervoer: str
    overdracht: str
    doorloopt: list[str]
    terugkeergarantie: str
    terugkeer_toelichting: str


def escalation_step(nummer: int, s: OpschalingsStap, vocab: Vocabularies, names: Names) -> StepView:
    niveaus, bestemming = vocab["niveaus"], s.bestemming
    bedtype = vocab["bedtypes"].label(bestemming.bedtype) if bestemming.bedtype else ""
    return {
        "nummer": nummer,
        "van": niveaus.label(s.van),
        "naar": niveaus.label(s.naar),
        "criteria": texts(s.criteria),
        "wie_besluit": names.who(s.wie_besluit),
        "bedtype": bedtype,
        "plaats": text(bestemming.plaats),
        "bestemming": ", ".join(x for x in (bedtype, text(bestemming.plaats)) if x),
        "beveiligingsniveau": bestemming.beveiligingsniveau or "",
        "juridische_basis": vocab["juridische_basis"].label(s.juridische_basis) if s.juridische_basis else "",
        "vervoer": text(s.vervoer),
        "overdracht": text(s.overdracht),
        "doorloopt": texts(s.doorloopt),
        # empty (the row is left out) for a step where it was never asked
        "terugkeergarantie": yes_no(s.terugkeergarantie) if s.terugkeer_gevraagd else "",
        "terugkeer_toelichting": text(s.terugkeer_toelichting),
    }


class DeescalationView(TypedDict):
    criteria: list[str]
    naar: str
    bestemming: str
    warme_overdracht: str


def deescalation_view(af: Afschaling | None, vocab: Vocabularies) -> DeescalationView | None:
    """The de-escalation decided in advance."""
    if af is None:
        return None
    return {
        "criteria": texts(af.criteria),
        "naar": vocab["niveaus"].label(af.naar),
        "bestemming": text(af.bestemming),
        "warme_overdracht": text(af.warme_overdracht),
    }


# -- the person's frame -------------------------------------------------------------------------


class TitleEntry(TypedDict):
    titel: str
    start: str
    einde: str
    toelichting: str


def title_entry(k: Titel, vocab: Vocabularies) -> TitleEntry:
    return {
        "titel": vocab["titels"].label(k.titel),
        "start": date_text(k.start),
        "einde": date_text(k.einde),
        "toelichting": text(k.toelichting),
    }


def legal_frame(p: Persoon, vocab: Vocabularies) -> list[TitleEntry]:
    return [title_entry(k, vocab) for k in p.juridisch_kader]


def problem_labels(p: Persoon, vocab: Vocabularies) -> str:
    return format_list(vocab["problematiek"].label(k) for k in p.problematiek)


class RiskEntry(TypedDict):
    instrument: str
    datum: str
    uitkomst: str
    uitgevoerd_door: str
    volgende: str


def risk_entries(items: list[Risicotaxatie], vocab: Vocabularies) -> list[RiskEntry]:
    return [
        {
            "instrument": vocab["instrumenten"].label(r.instrument),
            "datum": date_text(r.datum),
            "uitkomst": text(r.uitkomst),
            "uitgevoerd_door": text(r.uitgevoerd_door),
            "volgende": date_text(r.volgende) or _("not planned"),
        }
        for r in items
    ]


# -- region -------------------------------------------------------------------------------------


class ContactView(TypedDict):
    naam: str
    adres: str
    telefoon: str
    email: str
    website: str


def contact_view(c: Contact | None) -> ContactView:
    c = c or Contact.model_construct(naam="")
    return {"naam": text(c.naam), "adres": text(c.adres), "telefoon": text(c.telefoon),
            "email": text(c.email), "website": text(c.website)}  # fmt: skip


class RegionView(TypedDict):
    sleutel: str
    naam: str
    voorbeeld: bool
    zvh: ContactView
    aanbieder: ContactView


def region_view(key: str, region: Region | None) -> RegionView:
    """The region's two fixed contacts (ZVH and coordinating provider); the key if unknown."""
    return {
        "sleutel": key,
        "naam": text(region.naam) if region else key,
        "voorbeeld": bool(region and region.voorbeeld),
        "zvh": contact_view(region.zvh if region else None),
        "aanbieder": contact_view(region.aanbieder if region else None),
    }


def exit_criterion_labels() -> dict[str, str]:
    """The three uitstroom criteria as the seeds word them (plan, uitstroombesluit, overdracht)."""
    return {
        "stabiel": _("At least two years stable on the danger criterion"),
        "beschermende_factoren": _("Protective factors lastingly secured"),
        "risico_verlaagd": _("Risk demonstrably reduced (risk assessment)"),
    }


def goal_verdicts() -> dict[str, str]:
    """How far an evaluation found a goal reached (evaluaties[].doelen[].oordeel)."""
    return {"bereikt": _("Reached"), "deels": _("Partly reached"), "niet": _("Not reached")}
