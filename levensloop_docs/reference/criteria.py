"""Inclusion criteria of an aanmelding: the verdict per criterion and the warnings.

Plain logic without any prompt library, shared by the interview, ``controleer`` and
the documents (STYLE: question logic separate from the prompt layer).

API (used by the aanmelding interview)::

    OORDELEN                                   # ("voldoet", "voldoet_niet", "onbekend")
    beoordeel(aanmelding, region) -> Beoordeling
        .landelijk / .regio: tuple[CriteriumStand, ...]  (every criterion, unanswered = onbekend)
        .alle_landelijk_voldaan: bool, .niet_voldaan / .onbekend: national keys
    samenvatting(beoordeling) -> str           # one Dutch sentence: are all national criteria met?
    regio_samenvatting(beoordeling) -> str     # the same for the regional criteria (by number)
    nummers(standen, oordeel) -> tuple[int]    # printed numbers of the criteria with a verdict
    waarschuwingen(aanmelding, region) -> list[Waarschuwing]   # (veld, tekst), never blocking
    besluit_waarschuwingen(besluit, beoordeling) -> list[str]  # decision contradicts criteria
    crisis_woorden(text) -> list[str]          # crisis keywords found (data/crisiswoorden.yaml)
    case_problems(casus) -> list[(loc, Problem)]  # region exists, criterion keys known (errors)
                                                  # + the warnings above (Problem.warning=True)
A region may be ``None`` (profile missing): then only the national criteria count.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from levensloop_docs.errors import DataFileError, LevensloopError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Aanmelding, Casus, CriteriumOordeel
from levensloop_docs.problems import Loc, format_loc
from levensloop_docs.reference.regions import Criterion, Region, load_region, national_criteria, region_keys
from levensloop_docs.resources import data_dir

OORDELEN = ("voldoet", "voldoet_niet", "onbekend")


@dataclass(frozen=True)
class CriteriumStand:
    """One criterion with the answer given (``onbekend`` when it was not answered)."""

    criterium: Criterion
    oordeel: str
    toelichting: str
    beantwoord: bool

    @property
    def voldoet(self) -> bool:
        return self.oordeel == "voldoet"


@dataclass(frozen=True)
class Beoordeling:
    landelijk: tuple[CriteriumStand, ...]
    regio: tuple[CriteriumStand, ...]

    @property
    def alle_landelijk_voldaan(self) -> bool:
        return all(s.voldoet for s in self.landelijk)

    @property
    def alle_regio_voldaan(self) -> bool:
        return all(s.voldoet for s in self.regio)

    @property
    def niet_voldaan(self) -> tuple[str, ...]:
        return tuple(s.criterium.sleutel for s in self.landelijk if s.oordeel == "voldoet_niet")

    @property
    def onbekend(self) -> tuple[str, ...]:
        return tuple(s.criterium.sleutel for s in self.landelijk if s.oordeel == "onbekend")


@dataclass(frozen=True)
class Waarschuwing:
    veld: str
    tekst: str


def _standen(criteria: tuple[Criterion, ...], answers: list[CriteriumOordeel]) -> tuple[CriteriumStand, ...]:
    given = {a.criterium: a for a in answers}
    out = []
    for c in criteria:
        answer = given.get(c.sleutel)
        if answer is None:
            out.append(CriteriumStand(c, "onbekend", "", False))
        else:
            out.append(CriteriumStand(c, answer.oordeel, answer.toelichting, True))
    return tuple(out)


def beoordeel(aanmelding: Aanmelding, region: Region | None) -> Beoordeling:
    """Every national and regional criterion with its answer; missing answers count as unknown."""
    regional = region.criteria if region is not None else ()
    return Beoordeling(
        landelijk=_standen(national_criteria(), aanmelding.criteria_landelijk),
        regio=_standen(regional, aanmelding.criteria_regio),
    )


def nummers(standen: tuple[CriteriumStand, ...], oordeel: str) -> tuple[int, ...]:
    """The printed numbers (1..n, in profile order) of the criteria with this verdict."""
    return tuple(i for i, s in enumerate(standen, start=1) if s.oordeel == oordeel)


def _details(standen: tuple[CriteriumStand, ...]) -> str:
    parts = []
    failed = nummers(standen, "voldoet_niet")
    open_ = nummers(standen, "onbekend")
    if failed:
        parts.append(_("not met: criterion {keys}").format(keys=", ".join(map(str, failed))))
    if open_:
        parts.append(_("not yet established: criterion {keys} (discuss in the meeting)").format(
            keys=", ".join(map(str, open_))))
    return "; ".join(parts)


def samenvatting(beoordeling: Beoordeling) -> str:
    """One sentence on the national criteria, by criterion number (never an internal key)."""
    if beoordeling.alle_landelijk_voldaan:
        return _("All national criteria are met.")
    details = _details(beoordeling.landelijk)
    if not beoordeling.niet_voldaan:
        return _("Not every national criterion has been established yet ({details}).").format(details=details)
    return _("Not all national criteria are met ({details}).").format(details=details)


def regio_samenvatting(beoordeling: Beoordeling) -> str:
    """The same sentence for the regional criteria; empty when the region has none."""
    if not beoordeling.regio:
        return ""
    if beoordeling.alle_regio_voldaan:
        return _("All regional criteria are met.")
    details = _details(beoordeling.regio)
    if not nummers(beoordeling.regio, "voldoet_niet"):
        return _("Not every regional criterion has been established yet ({details}).").format(details=details)
    return _("Not all regional criteria are met ({details}).").format(details=details)


def besluit_waarschuwingen(besluit: str | None, beoordeling: Beoordeling) -> list[str]:
    """Texts when the decision contradicts the national criteria (a warning, never a block)."""
    if besluit == "geincludeerd" and not beoordeling.alle_landelijk_voldaan:
        return [_("The person is included, but not every national criterion is met. "
                  "Check the criteria or record why the meeting decided otherwise.")]
    if besluit == "niet_geincludeerd" and beoordeling.alle_landelijk_voldaan:
        return [_("The person is not included, although every national criterion is met. "
                  "Record the reason in 'besluit_toelichting'.")]
    return []


def _fold(text: str) -> str:
    """Lower case without accents, so 'suicidaal' and 'suïcidaal' both match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def crisis_woorden_path() -> Path:
    return data_dir() / "crisiswoorden.yaml"


@cache
def _crisis_words(path: Path) -> tuple[str, ...]:
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    try:
        data = load_yaml(path, round_trip=False)
    except YamlReadError as exc:
        summary = _("The list of crisis words is not valid.")
        raise DataFileError(problems=[exc.problem], summary=summary) from None
    words = data.get("woorden") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        problem = Problem(path, "woorden", _("Expected a list of words (lines that start with '- ')."))
        raise DataFileError(problems=[problem], summary=_("The list of crisis words is not valid."))
    return tuple(w.strip() for w in words)


def crisis_woorden(text: str) -> list[str]:
    """The crisis keywords that occur in ``text`` (as part of a word, accents ignored)."""
    folded = _fold(text)
    return [w for w in _crisis_words(crisis_woorden_path()) if _fold(w) in folded]


def status_waarschuwingen(status: str, besluit: str | None) -> list[str]:
    if besluit is None and status in ("geincludeerd", "niet_geincludeerd", "aangehouden"):
        return [_("The status says a decision was taken, but the aanmelding has no decision (besluit).")]
    allowed = {besluit, "uitgestroomd"} if besluit == "geincludeerd" else {besluit}
    if besluit is not None and status not in allowed:
        return [_("The status does not match the decision of the meeting; set meta.status to the decision.")]
    return []


def waarschuwingen(aanmelding: Aanmelding, region: Region | None) -> list[Waarschuwing]:
    """Everything the procesregisseur should see before saving; nothing here blocks."""
    found: list[Waarschuwing] = []
    words = crisis_woorden(aanmelding.reden)
    if words:
        msg = _("The reason suggests an acute crisis ({words}). Registration is preferably done in a "
                "calm period; deal with the crisis first through the usual crisis route.")
        found.append(Waarschuwing("aanmelding.reden", msg.format(words=", ".join(words))))
    beoordeling = beoordeel(aanmelding, region)
    for text in besluit_waarschuwingen(aanmelding.besluit, beoordeling):
        found.append(Waarschuwing("aanmelding.besluit", text))
    if aanmelding.besluit == "niet_geincludeerd" and not aanmelding.advies.strip():
        msg = _("The person is not included: write an advice for the registrant in 'advies'.")
        found.append(Waarschuwing("aanmelding.advies", msg))
    if aanmelding.besluit == "geincludeerd" and not aanmelding.casusregisseur.strip():
        msg = _("The person is included: name the assigned casusregisseur.")
        found.append(Waarschuwing("aanmelding.casusregisseur", msg))
    return found


def _key_problems(
    answers: list[CriteriumOordeel], known: list[str], field: str, where: str
) -> Iterator[tuple[Loc, Problem]]:
    seen: set[str] = set()
    for i, answer in enumerate(answers):
        loc: Loc = ("aanmelding", field, i, "criterium")
        if answer.criterium not in known:
            msg = _("This criterion does not exist in {where}. Choose one of: {allowed}.")
            yield loc, Problem(None, format_loc(loc), msg.format(where=where, allowed=", ".join(known)))
        elif answer.criterium in seen:
            yield loc, Problem(None, format_loc(loc), _("This criterion is answered twice."))
        seen.add(answer.criterium)


def _region(key: str) -> Region | None:
    try:
        return load_region(key)
    except DataFileError:
        if key in region_keys():
            raise  # the profile exists but is broken: the administrator must see why
        return None


def case_problems(casus: Casus) -> list[tuple[Loc, Problem]]:
    """Region and criteria checks of a case (errors) and the aanmelding warnings."""
    found: list[tuple[Loc, Problem]] = []
    region = _region(casus.meta.regio)
    if region is None:
        from levensloop_docs.reference.regions import unknown_region_message

        found.append((("meta", "regio"), Problem(None, "meta.regio", unknown_region_message())))
    ag = casus.aanmelding
    if ag is None:
        return found
    national = [c.sleutel for c in national_criteria()]
    found += _key_problems(ag.criteria_landelijk, national, "criteria_landelijk", _("the national criteria"))
    if region is not None:
        where = _("the criteria of region {region}").format(region=region.sleutel)
        keys = [c.sleutel for c in region.criteria]
        found += _key_problems(ag.criteria_regio, keys, "criteria_regio", where)
    warnings = [*waarschuwingen(ag, region)]
    for text in status_waarschuwingen(casus.meta.status, ag.besluit):
        warnings.append(Waarschuwing("meta.status", text))
    for w in warnings:
        loc = tuple(w.veld.split("."))
        found.append((loc, Problem(None, w.veld, w.tekst, warning=True)))
    return found


def safe_region(key: str) -> Region | None:
    """The region profile, or None when it is missing or broken (for documents: never raises)."""
    try:
        return load_region(key)
    except LevensloopError:
        return None
