"""Inclusion criteria of an aanmelding: the verdict per criterion and the warnings.

Plain logic without any prompt library, shared by the interview, ``controleer`` and
the documents (STYLE: question logic separate from the prompt layer).

API (used by the aanmelding interview)::

    OORDELEN                                   # ("voldoet", "voldoet_niet", "onbekend")
    assess(aanmelding, region) -> Assessment
        .landelijk / .regio: tuple[CriterionAnswer, ...]  (every criterion, unanswered = onbekend)
        .all_national_met: bool, .not_met / .onbekend: national keys
    summary_line(assessment) -> str           # one Dutch sentence: are all national criteria met?
    regional_summary(assessment) -> str     # the same for the regional criteria (by number)
    numbers(standen, oordeel) -> tuple[int]    # printed numbers of the criteria with a verdict
    aanmelding_warnings(aanmelding, region) -> list[AanmeldingWarning]  # (field, text), never blocking
    decision_warnings(besluit, assessment) -> list[str]  # decision contradicts criteria
    crisis_words(text) -> list[str]          # crisis keywords found (data/crisiswoorden.yaml)
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

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Aanmelding, Casus, CriteriumOordeel
from levensloop_docs.problems import Loc, format_loc
from levensloop_docs.reference.regions import Criterion, Region, load_region, national_criteria, region_keys
from levensloop_docs.resources import data_dir

OORDELEN = ("voldoet", "voldoet_niet", "onbekend")


@dataclass(frozen=True)
class CriterionAnswer:
    """One criterion with the answer given (``onbekend`` when it was not answered)."""

    criterium: Criterion
    oordeel: str
    toelichting: str
    beantwoord: bool

    @property
    def voldoet(self) -> bool:
        return self.oordeel == "voldoet"


@dataclass(frozen=True)
class Assessment:
    landelijk: tuple[CriterionAnswer, ...]
    regio: tuple[CriterionAnswer, ...]

    @property
    def all_national_met(self) -> bool:
        return all(s.voldoet for s in self.landelijk)

    @property
    def all_regional_met(self) -> bool:
        return all(s.voldoet for s in self.regio)

    @property
    def not_met(self) -> tuple[str, ...]:
        return tuple(s.criterium.sleutel for s in self.landelijk if s.oordeel == "voldoet_niet")

    @property
    def onbekend(self) -> tuple[str, ...]:
        return tuple(s.criterium.sleutel for s in self.landelijk if s.oordeel == "onbekend")


@dataclass(frozen=True)
class AanmeldingWarning:
    field: str  # path such as aanmelding.besluit
    text: str


def _answers(criteria: tuple[Criterion, ...], answers: list[CriteriumOordeel]) -> tuple[CriterionAnswer, ...]:
    given = {a.criterium: a for a in answers}
    out = []
    for c in criteria:
        answer = given.get(c.sleutel)
        if answer is None:
            out.append(CriterionAnswer(c, "onbekend", "", False))
        else:
            out.append(CriterionAnswer(c, answer.oordeel, answer.toelichting, True))
    return tuple(out)


def assess(aanmelding: Aanmelding, region: Region | None) -> Assessment:
    """Every national and regional criterion with its answer; missing answers count as unknown."""
    regional = region.criteria if region is not None else ()
    return Assessment(
        landelijk=_answers(national_criteria(), aanmelding.criteria_landelijk),
        regio=_answers(regional, aanmelding.criteria_regio),
    )


def numbers(standen: tuple[CriterionAnswer, ...], oordeel: str) -> tuple[int, ...]:
    """The printed numbers (1..n, in profile order) of the criteria with this verdict."""
    return tuple(i for i, s in enumerate(standen, start=1) if s.oordeel == oordeel)


def _details(standen: tuple[CriterionAnswer, ...]) -> str:
    parts = []
    failed = numbers(standen, "voldoet_niet")
    open_ = numbers(standen, "onbekend")
    if failed:
        parts.append(_("not met: criterion {keys}").format(keys=", ".join(map(str, failed))))
    if open_:
        parts.append(_("not yet established: criterion {keys} (discuss in the meeting)").format(
            keys=", ".join(map(str, open_))))
    return "; ".join(parts)


def summary_line(assessment: Assessment) -> str:
    """One sentence on the national criteria, by criterion number (never an internal key)."""
    if assessment.all_national_met:
        return _("All national criteria are met.")
    details = _details(assessment.landelijk)
    if not assessment.not_met:
        return _("Not every national criterion has been established yet ({details}).").format(details=details)
    return _("Not all national criteria are met ({details}).").format(details=details)


def regional_summary(assessment: Assessment) -> str:
    """The same sentence for the regional criteria; empty when the region has none."""
    if not assessment.regio:
        return ""
    if assessment.all_regional_met:
        return _("All regional criteria are met.")
    details = _details(assessment.regio)
    if not numbers(assessment.regio, "voldoet_niet"):
        return _("Not every regional criterion has been established yet ({details}).").format(details=details)
    return _("Not all regional criteria are met ({details}).").format(details=details)


def decision_warnings(besluit: str | None, assessment: Assessment) -> list[str]:
    """Texts when the decision contradicts the national criteria (a warning, never a block)."""
    if besluit == "geincludeerd" and not assessment.all_national_met:
        return [_("The person is included, but not every national criterion is met. "
                  "Check the criteria or record why the meeting decided otherwise.")]
    if besluit == "niet_geincludeerd" and assessment.all_national_met:
        return [_("The person is not included, although every national criterion is met. "
                  "Record the reason in 'besluit_toelichting'.")]
    return []


def _fold(text: str) -> str:
    """Lower case without accents, so 'suicidaal' and 'suïcidaal' both match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def crisis_words_path() -> Path:
    return data_dir() / "crisiswoorden.yaml"


@cache
def _load_crisis_words(path: Path) -> tuple[str, ...]:
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


def crisis_words(text: str) -> list[str]:
    """The crisis keywords that occur in ``text`` (as part of a word, accents ignored)."""
    folded = _fold(text)
    return [w for w in _load_crisis_words(crisis_words_path()) if _fold(w) in folded]


def status_warnings(status: str, besluit: str | None) -> list[str]:
    if besluit is None and status in ("geincludeerd", "niet_geincludeerd", "aangehouden"):
        return [_("The status says a decision was taken, but the aanmelding has no decision (besluit).")]
    allowed = {besluit, "uitgestroomd"} if besluit == "geincludeerd" else {besluit}
    if besluit is not None and status not in allowed:
        return [_("The status does not match the decision of the meeting; set meta.status to the decision.")]
    return []


def aanmelding_warnings(aanmelding: Aanmelding, region: Region | None) -> list[AanmeldingWarning]:
    """Everything the procesregisseur should see before saving; nothing here blocks."""
    found: list[AanmeldingWarning] = []
    words = crisis_words(aanmelding.reden)
    if words:
        msg = _("The reason suggests an acute crisis ({words}). Registration is preferably done in a "
                "calm period; deal with the crisis first through the usual crisis route.")
        found.append(AanmeldingWarning("aanmelding.reden", msg.format(words=", ".join(words))))
    assessment = assess(aanmelding, region)
    for text in decision_warnings(aanmelding.besluit, assessment):
        found.append(AanmeldingWarning("aanmelding.besluit", text))
    if aanmelding.besluit == "niet_geincludeerd" and not aanmelding.advies.strip():
        msg = _("The person is not included: write an advice for the registrant in 'advies'.")
        found.append(AanmeldingWarning("aanmelding.advies", msg))
    if aanmelding.besluit == "geincludeerd" and not aanmelding.casusregisseur.strip():
        msg = _("The person is included: name the assigned casusregisseur.")
        found.append(AanmeldingWarning("aanmelding.casusregisseur", msg))
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
    warnings = [*aanmelding_warnings(ag, region)]
    for text in status_warnings(casus.meta.status, ag.besluit):
        warnings.append(AanmeldingWarning("meta.status", text))
    for w in warnings:
        loc = tuple(w.field.split("."))
        found.append((loc, Problem(None, w.field, w.text, warning=True)))
    return found

