"""The class of every rule, and the safety gate that every case document passes.

Each check in ``rules.py`` and ``planrules.py`` carries a key (``Problem.rule``); ``RULES``
below is the one place that says what kind of rule it is. A *safety* rule (a crisis number,
the escalation route and its contact, who declares the person stable, the legal basis on
the document's date, the basis for sharing, consent) also says which document kinds it
concerns, what is open in plain Dutch and what to do about it.

``gate`` applies them to one document: a document whose case breaks a safety rule that
concerns it is a CONCEPT (``run/concept.py`` marks every page and lists the points on page
1; ``genereer --definitief`` refuses it). Some documents cannot serve their purpose at all
without the rule (``refuses``): an opnamebrief that may not name the person or the reason,
a consent form that would tell the client no consent is needed while the title has ended.
Those are not made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from levensloop_docs.errors import Problem
from levensloop_docs.i18n import _

if TYPE_CHECKING:  # the batch reads a recorded outcome (key_status) without the case model
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import Vocabularies

SAFETY, COMPLETENESS, CONSISTENCY, STYLE = "veiligheid", "volledigheid", "samenhang", "stijl"

# Document kinds: the names in templates/documenten.yaml.
PLAN, PARTNER, CARD, SIGNALS = "levensloopplan", "partner", "crisiskaart", "signaleringsplan"
LETTER, HANDOVER, CONSENT = "opnamebrief", "overdracht", "toestemmingsverklaring"
REPORT, EXIT_DECISION, EXIT_LETTER = "voortgangsverslag", "uitstroombesluit", "overdrachtsbrief"
GATED = frozenset({PLAN, PARTNER, CARD, SIGNALS, LETTER, HANDOVER, CONSENT, REPORT, EXIT_DECISION,
                   EXIT_LETTER})
# who to call in a crisis: every document someone may act on at night
CRISIS = frozenset({PLAN, PARTNER, CARD, SIGNALS, LETTER, HANDOVER})
# the escalation route: where the person goes, and whom the clinic calls
DESTINATION = frozenset({PLAN, PARTNER, CARD, LETTER, HANDOVER})
# the legal basis of an escalation step
LEGAL = frozenset({PLAN, PARTNER, LETTER, HANDOVER})
# documents that share the client's data with others
SHARED = frozenset({PLAN, PARTNER, CARD, LETTER, HANDOVER, REPORT, EXIT_DECISION, EXIT_LETTER})

Text = Callable[[], str]


@dataclass(frozen=True)
class RuleClass:
    """What kind of rule a key is; for a safety rule also its documents, point and advice."""

    klasse: str
    concerns: frozenset[str] = frozenset()
    point: Text | None = None  # plain Dutch: what is open
    todo: Text | None = None  # plain Dutch: what to do
    refuses: frozenset[str] = frozenset()  # documents that cannot serve their purpose without it


def _safety(concerns: frozenset[str], point: Text, todo: Text,
            refuses: frozenset[str] = frozenset()) -> RuleClass:
    return RuleClass(SAFETY, concerns | refuses, point, todo, refuses)


RULES: dict[str, RuleClass] = {
    # -- safety: crisis contacts
    "casusregisseur_telefoon": _safety(
        CRISIS, lambda: _("The casusregisseur has no phone number in the plan."),
        lambda: _("Fill in the phone number of the casusregisseur (the levensloopaanbieder) in the plan.")),
    "nachtlijn": _safety(
        CRISIS, lambda: _("There is no number that answers day and night (the bereikbaarheidsdienst of "
                          "the levensloopaanbieder)."),
        lambda: _("Ask the levensloopaanbieder for its 24/7 number and add it to the plan. "
                  "Until then: in danger, call 112.")),
    "crisisdienst": _safety(
        CRISIS, lambda: _("The GGZ crisisdienst is missing: nights and weekends are not covered."),
        lambda: _("Add the GGZ crisisdienst of the region and its number to the network.")),
    # -- safety: the escalation route
    "bestemming_ontbreekt": _safety(
        DESTINATION, lambda: _("An admission step does not say where the person goes."),
        lambda: _("Name the clinic or the bed of the region for this step.")),
    "bestemming_contact": _safety(
        DESTINATION, lambda: _("The clinic of an admission step has no contact person or phone number."),
        lambda: _("Agree an intake contact with the clinic and add name and phone number to the "
                  "plan.")),
    "bestemming_niveau": _safety(
        DESTINATION, lambda: _("The bed type of a step does not match the level the step goes to."),
        lambda: _("Let the step go to the level of its bed type (for example HIC: beveiligde "
                  "intensieve zorg), or choose another bed.")),
    "wie_stabiel": _safety(
        DESTINATION, lambda: _("Nobody is named who declares the person stable, so de-escalation "
                               "has no start."),
        lambda: _("Agree who declares the person stable (usually the clinic) and add it to the "
                  "plan.")),
    "opname_zonder_reden": _safety(
        frozenset({PLAN, LETTER}), lambda: _("An admission step does not say when or why the person "
                                             "is admitted."),
        lambda: _("Write down when this step is taken (its criteria).")),
    # -- safety: the legal basis on the document's date
    "basis_lopend": _safety(
        LEGAL, lambda: _("A step relies on a running zorgmachtiging, but none runs on the date of "
                         "this document."),
        lambda: _("Record the title that runs now, or change the legal basis of the step "
                  "(for example: crisismaatregel).")),
    "basis_acuut": _safety(
        LEGAL, lambda: _("The route for an acute crisis waits for a zorgmachtiging to be requested; "
                         "that takes weeks."),
        lambda: _("Name the crisismaatregel (burgemeester) as the basis of this step, or as its "
                  "fallback.")),
    "basis_zelfbinding": _safety(
        LEGAL, lambda: _("A step rests only on a zelfbindingsverklaring, with no fallback when it is "
                         "withdrawn."),
        lambda: _("Name what applies when it is withdrawn: the crisismaatregel, or a zorgmachtiging "
                  "via the OM.")),
    # -- safety: the basis for sharing, and consent
    "route_afgelopen": _safety(
        SHARED, lambda: _("The data-sharing route rests on a title that has ended: there is no basis "
                          "any more for what this document shares."),
        lambda: _("Ask the client for written consent and record the voluntary route, or record "
                  "the title that runs now."),
        refuses=frozenset({CONSENT})),
    "toestemming_ontbreekt": _safety(
        SHARED, lambda: _("The voluntary route is recorded, but not when the client gave consent."),
        lambda: _("Record the date of the signed consent form, or ask the client to sign one.")),
    "toestemming_ingetrokken": _safety(
        SHARED, lambda: _("The client withdrew consent: this document may share only what another "
                          "basis allows."),
        lambda: _("Record the basis that applies now (a running title), or ask the client again.")),
    "toestemming_verlopen": _safety(
        SHARED, lambda: _("The client's consent has expired."),
        lambda: _("Ask the client again and record the new date and period of the consent.")),
    # -- safety: checks of one document (``_document_problems``)
    "opname_geen_grondslag": _safety(
        frozenset(), lambda: _("The clinic may not receive the person's name or the reason for the "
                               "admission on the current basis for sharing, so the letter would be "
                               "empty."),
        lambda: _("Ask the client for consent to share with the clinic, or record the title that "
                  "runs now; then make the letter again."),
        refuses=frozenset({LETTER})),
    # -- completeness: the plan is weaker without it, but nobody is put at risk by what it says
    "biz_zonder_regulier": RuleClass(COMPLETENESS),
    "afschaling_bestemming": RuleClass(COMPLETENESS),
    "opname_velden": RuleClass(COMPLETENESS),
    "scenario_justitie": RuleClass(COMPLETENESS),
    "basis_dubbel": RuleClass(COMPLETENESS),
    "titel_afloop": RuleClass(COMPLETENESS),
    "scenario_levensgebied": RuleClass(COMPLETENESS),
    "zrm_zonder_domein": RuleClass(COMPLETENESS),
    "slachtoffer_bescherming": RuleClass(COMPLETENESS),
    "stem_client": RuleClass(COMPLETENESS),
    "minderjarig": RuleClass(COMPLETENESS),
    "incident_datum": RuleClass(COMPLETENESS),
    "incident_vorm": RuleClass(COMPLETENESS),
    # -- consistency: values that contradict each other (errors: nothing is made)
    "dubbele_id": RuleClass(CONSISTENCY),
    "verwijzing": RuleClass(CONSISTENCY),
    "geboortedatum_toekomst": RuleClass(CONSISTENCY),
    "datum_toekomst": RuleClass(CONSISTENCY),
    "incident_toekomst": RuleClass(CONSISTENCY),
    "bed_na_opname": RuleClass(CONSISTENCY),
    "taxatie_toekomst": RuleClass(CONSISTENCY),
    "evaluatie_na_vastgesteld": RuleClass(CONSISTENCY),
    "einde_na_start": RuleClass(CONSISTENCY),
    "taxatie_volgorde": RuleClass(CONSISTENCY),
    "intrekking_na_toestemming": RuleClass(CONSISTENCY),
    "besluit_na_aanmelding": RuleClass(CONSISTENCY),
    "overleg_na_aanmelding": RuleClass(CONSISTENCY),
    "evaluatie_volgorde": RuleClass(CONSISTENCY),
    "evaluatie_zelfde_dag": RuleClass(CONSISTENCY),
    "volgende_evaluatie": RuleClass(CONSISTENCY),
    "opschalen_zwaarder": RuleClass(CONSISTENCY),
    "uitstroom_taxatie": RuleClass(CONSISTENCY),
    "intrekking_vlag": RuleClass(CONSISTENCY),
    "levensgebied_dubbel": RuleClass(CONSISTENCY),
    "evaluatie_toekomst": RuleClass(CONSISTENCY),
    "zrm_dubbel": RuleClass(CONSISTENCY),
    "evaluatie_actie": RuleClass(CONSISTENCY),
    "notulen_dubbel": RuleClass(CONSISTENCY),
    "notulen_dubbel_feit": RuleClass(CONSISTENCY),
    # -- style: how it reads in print
    "pijl": RuleClass(STYLE),
    "datum_zonder_jaar": RuleClass(STYLE),
}


def is_safety(rule: str) -> bool:
    found = RULES.get(rule)
    return found is not None and found.klasse == SAFETY


@dataclass(frozen=True)
class OpenPoint:
    """One broken safety rule, as the document and the terminal say it."""

    rule: str
    field: str  # where the fix goes (levensgebieden[2].acties[0].wie), for the terminal
    text: str  # plain Dutch: what is open (with the step, when it is about one)
    todo: str  # plain Dutch: what to do


@dataclass(frozen=True)
class Verdict:
    """The gate's answer for one document: its open points, and those that refuse it."""

    kind: str
    points: tuple[OpenPoint, ...] = ()
    refusals: tuple[OpenPoint, ...] = ()

    @property
    def concept(self) -> bool:
        return bool(self.points) and not self.refusals


def gate(casus: Casus, vocab: Vocabularies, today: date, kind: str,
         parameter: str | None = None) -> Verdict:
    """The safety rules the case breaks on ``today`` that concern a document of ``kind``."""
    if kind not in GATED:
        return Verdict(kind)
    found = safety_problems(casus, vocab, today)
    found += _document_problems(casus, vocab, today, kind, parameter)
    points: list[OpenPoint] = []
    refusals: list[OpenPoint] = []
    for loc, problem in found:
        rule = RULES[problem.rule]
        if kind not in rule.concerns or not _about_this_step(casus, kind, parameter, loc):
            continue
        point = _point(problem, loc)
        if point in points or point in refusals:
            continue
        (refusals if kind in rule.refuses else points).append(point)
    return Verdict(kind, tuple(points), tuple(refusals))


Found = list[tuple[tuple[str | int, ...], Problem]]


def safety_problems(casus: Casus, vocab: Vocabularies, today: date) -> Found:
    """The safety rules the case breaks on ``today``: only the checks that hold safety rules
    (the gate runs for every document; typography and completeness need not run again)."""
    from levensloop_docs.case import planrules, rules

    found: Found = [*rules.consent_problems(casus, today), *rules.route_problems(casus, vocab, today)]
    if planrules.has_plan(casus):
        found += [*planrules.contact_problems(casus), *planrules.route_problems(casus, vocab),
                  *planrules.legal_problems(casus, today)]
    return [(loc, p) for loc, p in found if is_safety(p.rule)]


# The documents made for every case with a plan, that partners act on in a crisis.
EVERY_CASE = (PLAN, PARTNER, CARD)


def concept_only(casus: Casus, vocab: Vocabularies, today: date) -> bool:
    """The plan, the partner sheets and the crisis cards can only be printed as CONCEPT (or not
    at all): what ``overzicht`` shows per case. False for a case without a plan."""
    from levensloop_docs.case.planrules import has_plan

    if not has_plan(casus) or casus.meta.status == "uitgestroomd":
        return False
    verdicts = [gate(casus, vocab, today, kind) for kind in EVERY_CASE]
    return all(v.points or v.refusals for v in verdicts)


def _point(problem: Problem, loc: tuple[str | int, ...]) -> OpenPoint:
    rule = RULES[problem.rule]
    assert rule.point is not None and rule.todo is not None  # every safety rule has both
    text = rule.point()
    if len(loc) > 2 and loc[:2] == ("opschaling", "stappen") and isinstance(loc[2], int):
        text = _("Step {n}: {text}").format(n=loc[2] + 1, text=text)
    return OpenPoint(problem.rule, problem.path, text, rule.todo())


def _about_this_step(casus: Casus, kind: str, parameter: str | None, loc: tuple[str | int, ...]) -> bool:
    """An opnamebrief is about one step: the points of the other steps are not its own."""
    if kind != LETTER or len(loc) < 3 or loc[:2] != ("opschaling", "stappen"):
        return True
    return loc[2] == letter_step(casus, parameter)


def letter_step(casus: Casus, parameter: str | None) -> int | None:
    """The index of the step an opnamebrief is for (as ``views/overgang.choose_step`` chooses: the
    next admission, not the level the person is at now; a test holds the two together)."""
    from levensloop_docs.case.planrules import is_admission

    steps = [(i, s) for i, s in enumerate(casus.opschaling.stappen) if is_admission(s.naar)]
    if parameter is None:
        ahead = [i for i, s in steps if s.naar != casus.opschaling.huidig_niveau]
        chosen = ahead or [i for i, _s in steps]
        return chosen[0] if chosen else None
    return next((i for i, s in steps if parameter in (str(i + 1), s.bestemming.partner)), None)


def _document_problems(casus: Casus, vocab: Vocabularies, today: date, kind: str,
                       parameter: str | None) -> Found:
    """Rules of one document kind that the case rules cannot see (its audience's basis)."""
    if kind != LETTER:
        return []
    from levensloop_docs.reference.policy import load_policy, sharing

    index = letter_step(casus, parameter)
    if index is None:
        return []  # the view says which steps there are
    policy = load_policy()
    step = casus.opschaling.stappen[index]
    rollen = vocab["rollen"]
    clinics = {p.id for p in casus.netwerk.partners if rollen.get(p.rol, "partnersoort", p.rol) == "kliniek"}
    if step.bestemming.partner:
        clinics.add(step.bestemming.partner)
    groups = policy.audience(LETTER) & set(sharing(policy, casus, "kliniek", today, clinics).groups)
    if "identificatie" in groups and "opschaling" in groups:
        return []
    loc: tuple[str | int, ...] = ("gegevensdeling", "route")
    return [(loc, Problem(None, "gegevensdeling.route", "", warning=True, rule="opname_geen_grondslag"))]


# -- what a rerun must know: the outcome on a date, and how long it holds ----------------------

COMPLETE, CONCEPT_STATUS, REFUSED = "volledig", "concept", "geweigerd"


def safety_key(casus: Casus, verdict: Verdict, today: date) -> str:
    """What the batch manifest records per output: the gate's outcome on the document date.

    A rerun compares it, so a document printed as complete while its basis was valid is made
    again (as CONCEPT, or refused) once the title or the consent has ended. The titles that
    run on the date are part of it: what a document shares rests on them even when the gate
    has nothing to say. Starts with the status (``volledig``, ``concept``, ``geweigerd``), so
    ``--definitief`` can tell a concept on disk without reading the case.
    """
    import hashlib
    import json

    from levensloop_docs.reference.policy import running_titles

    status = REFUSED if verdict.refusals else CONCEPT_STATUS if verdict.points else COMPLETE
    state = [[[p.rule, p.field] for p in verdict.points], [[p.rule, p.field] for p in verdict.refusals],
             sorted(running_titles(casus, today))]
    digest = hashlib.sha256(json.dumps(state).encode("utf-8")).hexdigest()[:16]
    return f"{status}:{digest}"


def key_status(key: str) -> str:
    return key.partition(":")[0]


def date_window(casus: Casus, today: date) -> tuple[date | None, date | None]:
    """The dates between which every date rule of the case gives what it gives on ``today``.

    The rules compare the document date with dates of the case (a title's end, the consent's
    validity) by ``<`` or ``<=``, so their outcome can only change on such a date or the day
    after. ``(from, until)``: from ``from`` (inclusive; None: always before) until ``until``
    (exclusive; None: never). Every date of the case counts, not only those the rules read
    today: reading the case again costs little, making a document again only happens when
    its ``safety_key`` changed.
    """
    from datetime import timedelta

    edges: set[date] = set()
    for value in _dates(casus.model_dump()):
        edges.add(value)
        if value < date.max:
            edges.add(value + timedelta(days=1))
    before = [d for d in edges if d <= today]
    after = [d for d in edges if d > today]
    return (max(before) if before else None, min(after) if after else None)


def _dates(value: object) -> list[date]:
    if isinstance(value, date):
        return [value]
    if isinstance(value, dict):
        return [d for v in value.values() for d in _dates(v)]
    if isinstance(value, list | tuple):
        return [d for v in value for d in _dates(v)]
    return []
