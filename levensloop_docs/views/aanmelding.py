"""Template context of the aanmeldformulier and of the terugkoppeling letter.

Both documents share one context (``aanmelding``): the case's meta, person and consent
as the plan shows them, the region's contacts, and the aanmelding with every criterion
resolved against the region profile. The same context feeds the ZVH's PDF form
(``formulier.py``), so a mapping file names the fields a template would use, e.g.
``aanmelding.aanmelder.organisatie`` or ``aanmelding.criteria_landelijk.1.voldoet``.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, TypedDict

from levensloop_docs import __version__
from levensloop_docs.i18n import _, format_date_or_month
from levensloop_docs.model.casus import Aanmelding, Casus
from levensloop_docs.model.validators import first_day
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.criteria import (
    Assessment,
    CriterionAnswer,
    aanmelding_warnings,
    assess,
    regional_summary,
    summary_line,
)
from levensloop_docs.reference.regions import Region, optional_region
from levensloop_docs.views.common import RegionView, date_text, period_text, region_view, text
from levensloop_docs.views.plan import ContextBuilder, MetaView, PersonView, SharingView

if TYPE_CHECKING:
    from levensloop_docs.views.anoniem import TafelView

# plain letters: Carlito (the Calibri stand-in) has no ballot-box glyphs
CHECKED, UNCHECKED = "X", ""
NO_REASON = "–"  # the meeting gave no reason: a dash, never the criterion's own text


class CriterionView(TypedDict):
    """One criterion with its verdict (``stand_context``)."""

    nummer: int
    sleutel: str
    tekst: str
    kort: str
    oordeel: str
    oordeel_sleutel: str
    toelichting: str
    beantwoord: bool
    voldoet: bool
    voldoet_niet: bool
    onbekend: bool
    vak_voldoet: str
    vak_voldoet_niet: str
    vak_onbekend: str


class NotMet(CriterionView):
    soort: str
    waarom_niet: str


class CriteriaView(TypedDict):
    landelijk: list[CriterionView]
    regio: list[CriterionView]
    criteria_landelijk: dict[str, CriterionView]
    criteria_regio: dict[str, CriterionView]
    alle_landelijk_voldaan: bool
    alle_regio_voldaan: bool
    landelijk_samenvatting: str
    regio_samenvatting: str
    regio_te_bevestigen: str
    niet_voldaan: list[NotMet]


class ProcesregisseurLine(TypedDict):
    naam: str
    functie: str
    telefoon: str
    email: str


class InformationRequest(TypedDict):
    organisatie: str
    gevraagd_op: str
    antwoord: str


class ProcesregisseurView(TypedDict):
    procesregisseur: ProcesregisseurLine
    informatie_partners: list[InformationRequest]
    voorcheck: str
    client_op_de_hoogte: str


class Attempt(TypedDict):
    interventie: str
    organisatie: str
    periode: str
    resultaat: str


class RiskLine(TypedDict):
    instrument: str
    datum: str
    uitgevoerd_door: str
    uitkomst: str


class EndingTitle(TypedDict):
    titel: str
    einde: str


class IntakeView(TypedDict):
    geprobeerd: list[Attempt]
    risicotaxatie: RiskLine
    heeft_risicotaxatie: bool
    acute_crisis: str
    acute_crisis_sleutel: str
    acute_crisis_toelichting: str
    titels_die_aflopen: list[EndingTitle]
    grondslag_na_titel: str
    grondslag_na_titel_toelichting: str
    tafel_samenvatting: str


class Referrer(TypedDict):
    organisatie: str
    naam: str
    functie: str
    telefoon: str
    email: str


class HistoryEvent(TypedDict):
    datum: str
    soort: str
    soort_sleutel: str
    omschrijving: str


class MeetingLine(TypedDict):
    datum: str
    deelnemers: list[str]
    deelnemers_tekst: str


class AanmeldingView(CriteriaView, ProcesregisseurView, IntakeView):
    """The aanmelding with every criterion resolved (``aanmelding_context``)."""

    aanmelder: Referrer
    datum: str
    reden: str
    voorgeschiedenis: list[HistoryEvent]
    huidige_zorg: str
    overleg: MeetingLine
    besluit: str
    besluit_sleutel: str
    besluit_toelichting: str
    levensloopaanbieder: str
    casusregisseur: str
    gemeentelijke_casusregisseur: str
    advies: str
    advies_noemt_heraanmelding: bool
    waarschuwingen: list[str]


class AanmeldingContext(TypedDict):
    """What the aanmeldformulier, the terugkoppeling and the ZVH's PDF form mapping receive."""

    meta: MetaView
    persoon: PersonView
    gegevensdeling: SharingView
    regio: RegionView
    aanmelding: AanmeldingView
    vandaag: str
    briefdatum: str
    generator: str
    anoniem: bool


def _box(on: bool) -> str:
    return CHECKED if on else UNCHECKED


def stand_context(s: CriterionAnswer, vocab: Vocabularies, nummer: int = 0) -> CriterionView:
    # 'nummer' is what print shows; 'sleutel' is internal (mapping files of PDF forms use it)
    return {
        "nummer": nummer,
        "sleutel": s.criterium.sleutel,
        "tekst": text(s.criterium.tekst),
        "kort": text(s.criterium.kort or s.criterium.tekst),
        "oordeel": vocab["oordelen"].label(s.oordeel),
        "oordeel_sleutel": s.oordeel,
        "toelichting": text(s.toelichting),
        "beantwoord": s.beantwoord,
        "voldoet": s.oordeel == "voldoet",
        "voldoet_niet": s.oordeel == "voldoet_niet",
        "onbekend": s.oordeel == "onbekend",
        "vak_voldoet": _box(s.oordeel == "voldoet"),
        "vak_voldoet_niet": _box(s.oordeel == "voldoet_niet"),
        "vak_onbekend": _box(s.oordeel == "onbekend"),
    }


def _criteria(assessment: Assessment, vocab: Vocabularies, region: Region | None = None) -> CriteriaView:
    landelijk = [stand_context(s, vocab, i) for i, s in enumerate(assessment.landelijk, start=1)]
    regio = [stand_context(s, vocab, i) for i, s in enumerate(assessment.regio, start=1)]
    unconfirmed = text(region.criteria_te_bevestigen) if region else ""
    return {
        "landelijk": landelijk,
        "regio": regio,
        "criteria_landelijk": {c["sleutel"]: c for c in landelijk},
        "criteria_regio": {c["sleutel"]: c for c in regio},
        "alle_landelijk_voldaan": assessment.all_national_met,
        "alle_regio_voldaan": assessment.all_regional_met,
        "landelijk_samenvatting": summary_line(assessment),
        # a region whose criteria are not confirmed says so where they are printed (aanmeldformulier
        # and tafelversie print this line under the regional table)
        "regio_samenvatting": " ".join(x for x in (regional_summary(assessment), unconfirmed) if x),
        "regio_te_bevestigen": unconfirmed,
        # for the terugkoppeling: what the meeting found not met, by number
        # 'waarom_niet' is the meeting's own reason, never the criterion's wording: a letter
        # that printed the criterion there read as a finding ("er is een hoog risico")
        "niet_voldaan": [
            {"soort": _("national") if soort == "landelijk" else _("regional"), **c,
             "waarom_niet": c["toelichting"] or NO_REASON}
            for soort, group in (("landelijk", landelijk), ("regio", regio))
            for c in group if c["voldoet_niet"]
        ],
    }


def procesregisseur_context(ag: Aanmelding, vocab: Vocabularies) -> ProcesregisseurView:
    """The procesregisseur's own steps: who, the information asked of partners, the pre-check."""
    p = ag.procesregisseur
    return {
        "procesregisseur": {
            "naam": text(p.naam if p else ""), "functie": text(p.functie if p else ""),
            "telefoon": text(p.telefoon if p else ""), "email": text(p.email if p else ""),
        },
        "informatie_partners": [
            {"organisatie": text(v.organisatie), "gevraagd_op": date_text(v.gevraagd_op),
             "antwoord": text(v.antwoord)}
            for v in ag.informatie_partners
        ],
        "voorcheck": text(ag.voorcheck),
        "client_op_de_hoogte": _client_knows()[ag.client_op_de_hoogte],
    }


def _crisis_answers() -> dict[str, str]:
    return {"ja": _("yes, there is an acute crisis now"), "nee": _("no acute crisis now"),
            "onbekend": _("not known")}


def intake_context(ag: Aanmelding, casus: Casus, vocab: Vocabularies) -> IntakeView:
    """The structured intake: what was tried, the risicotaxatie, acute crisis, basis after a title."""
    r = ag.risicotaxatie
    return {
        "geprobeerd": [
            {"interventie": text(p.interventie), "organisatie": text(p.organisatie),
             "periode": _period(p.van, p.tot), "resultaat": text(p.resultaat) or NO_REASON}
            for p in ag.geprobeerd
        ],
        "risicotaxatie": {
            "instrument": vocab["instrumenten"].label(r.instrument) if r else "",
            "datum": format_date_or_month(r.datum) if r and r.datum else "",
            "uitgevoerd_door": text(r.uitgevoerd_door) if r else "",
            "uitkomst": text(r.uitkomst) if r else "",
        },
        "heeft_risicotaxatie": r is not None,
        "acute_crisis": _crisis_answers()[ag.acute_crisis],
        "acute_crisis_sleutel": ag.acute_crisis,
        "acute_crisis_toelichting": text(ag.acute_crisis_toelichting),
        "titels_die_aflopen": _ending_titles(ag, casus, vocab),
        "grondslag_na_titel": vocab["routes"].label(ag.grondslag_na_titel) if ag.grondslag_na_titel else "",
        "grondslag_na_titel_toelichting": text(ag.grondslag_na_titel_toelichting),
        "tafel_samenvatting": text(ag.tafel_samenvatting),
    }


def _period(van: date | str | None, tot: date | str | None) -> str:
    return period_text(van, tot, format_date_or_month)


def _ending_titles(ag: Aanmelding, casus: Casus, vocab: Vocabularies) -> list[EndingTitle]:
    """Titles that end on or after the registration: the sharing needs a basis after them."""
    return [
        {"titel": vocab["titels"].label(t.titel), "einde": date_text(t.einde)}
        for t in casus.persoon.juridisch_kader if t.einde is not None and t.einde >= ag.datum
    ]


def letter_date(ag: Aanmelding, today: date) -> str:
    """The terugkoppeling carries the date of the decision (or the meeting), not the print date."""
    day = ag.besluit_datum or (ag.overleg.datum if ag.overleg else None) or today
    return date_text(day)


def _client_knows() -> dict[str, str]:
    return {"ja": _("yes, the client knows of the registration"),
            "nee": _("no, the client does not know of the registration"),
            "onbekend": _("not known")}


def aanmelding_context(
    ag: Aanmelding, region: Region | None, vocab: Vocabularies, casus: Casus
) -> AanmeldingView:
    a = ag.aanmelder
    history = sorted(ag.voorgeschiedenis, key=lambda g: (g.datum is None, first_day(g.datum or date.min)))
    overleg = ag.overleg
    deelnemers = [text(x) for x in overleg.deelnemers] if overleg else []
    return {
        "aanmelder": {"organisatie": text(a.organisatie), "naam": text(a.naam), "functie": text(a.functie),
                      "telefoon": text(a.telefoon), "email": text(a.email)},
        "datum": date_text(ag.datum),
        "reden": text(ag.reden),
        "voorgeschiedenis": [
            {"datum": format_date_or_month(g.datum) or _("date unknown"),
             "soort": vocab["gebeurtenissoorten"].label(g.soort),
             "soort_sleutel": g.soort, "omschrijving": text(g.omschrijving)}
            for g in history
        ],
        "huidige_zorg": text(ag.huidige_zorg),
        **_criteria(assess(ag, region), vocab, region),
        "overleg": {
            "datum": date_text(overleg.datum if overleg else None),
            "deelnemers": deelnemers,
            "deelnemers_tekst": "; ".join(deelnemers),
        },
        "besluit": vocab["besluiten"].label(ag.besluit) if ag.besluit else "",
        "besluit_sleutel": ag.besluit or "",
        "besluit_toelichting": text(ag.besluit_toelichting),
        "levensloopaanbieder": text(ag.levensloopaanbieder),
        "casusregisseur": text(ag.casusregisseur),
        "gemeentelijke_casusregisseur": text(ag.gemeentelijke_casusregisseur),
        "advies": text(ag.advies),
        "advies_noemt_heraanmelding": "opnieuw" in ag.advies.casefold(),
        "waarschuwingen": [w.text for w in aanmelding_warnings(ag, region)],
        **procesregisseur_context(ag, vocab),
        **intake_context(ag, casus, vocab),
    }


def build_aanmelding_context(casus: Casus, vocab: Vocabularies, today: date) -> AanmeldingContext:
    """The context of both aanmelding documents and of the PDF form mapping."""
    if casus.aanmelding is None:
        from levensloop_docs.errors import UsageError

        msg = _("Case {id} has no aanmelding (section 'aanmelding:').").format(id=casus.meta.casus_id)
        raise UsageError(msg)
    base = ContextBuilder(casus, vocab, today)
    region = optional_region(casus.meta.regio)
    return {
        "meta": base.meta(),
        "persoon": base.persoon(),
        "gegevensdeling": base.gegevensdeling(),
        "regio": region_view(casus.meta.regio, region),
        "aanmelding": aanmelding_context(casus.aanmelding, region, vocab, casus),
        "vandaag": date_text(today),
        "briefdatum": letter_date(casus.aanmelding, today),
        "generator": f"levensloop-docs {__version__}",
        "anoniem": False,
    }


def form_view(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> AanmeldingContext:
    return build_aanmelding_context(casus, vocab, today)


def anonymous_form_view(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> TafelView:
    """The tafelversie: only the allow-listed fields, coarsened (see ``views/anoniem.py``)."""
    from levensloop_docs.views.anoniem import tafel_context

    return tafel_context(casus, build_aanmelding_context(casus, vocab, today), vocab)


def feedback_view(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> AanmeldingContext:
    if casus.aanmelding is None or casus.aanmelding.besluit is None:
        from levensloop_docs.errors import UsageError

        msg = _("Case {id} has no decision yet (aanmelding.besluit): there is nothing to report back.")
        raise UsageError(msg.format(id=casus.meta.casus_id))
    return build_aanmelding_context(casus, vocab, today)


def has_aanmelding(casus: Casus) -> bool:
    return casus.aanmelding is not None


def has_decision(casus: Casus) -> bool:
    return casus.aanmelding is not None and casus.aanmelding.besluit is not None
