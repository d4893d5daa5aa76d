"""Checks that span several fields of a case: references, dates, routes.

Pydantic checks each value on its own (``model.py``); what needs the whole case is
here. Reference checks read the raw YAML so that a dangling ``wie`` is reported in
the same run as a type error elsewhere in the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.errors import Problem
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.problems import Loc, format_loc

# Every field that names a partner or naaste by its id ("*" = each list item).
REFERENCE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("levensgebieden", "*", "acties", "*", "wie"),
    ("scenarios", "*", "acties", "*", "wie"),
    ("scenarios", "*", "wie_bellen", "*"),
    ("opschaling", "stappen", "*", "wie_besluit"),
    ("meta", "akkoord", "*", "wie"),
    ("gegevensdeling", "toestemming_partners", "*"),
    ("opschaling", "stappen", "*", "bestemming", "partner"),
    ("opschaling", "afschaling", "wie_stabiel"),
    ("persoon", "juridisch_kader", "*", "bij_afloop_wie"),
    ("overleggen", "*", "afspraken", "*", "wie"),
)


def walk_fields(node: Any, spec: Sequence[str], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if not spec:
        yield loc, node
        return
    head, rest = spec[0], spec[1:]
    if head == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from walk_fields(item, rest, (*loc, i))
    elif isinstance(node, Mapping) and head in node:
        yield from walk_fields(node[head], rest, (*loc, head))


def known_ids(raw: Mapping[str, Any]) -> tuple[set[str], list[tuple[Loc, str]]]:
    """The ids of partners and naasten, and every id that occurs twice."""
    seen: set[str] = set()
    doubles: list[tuple[Loc, str]] = []
    netwerk = raw.get("netwerk")
    for group in ("partners", "naasten"):
        for loc, value in walk_fields(netwerk, (group, "*", "id"), ("netwerk",)):
            if isinstance(value, str):
                if value in seen:
                    doubles.append((loc, value))
                seen.add(value)
    return seen, doubles


def reference_problems(raw: Any, file: Path | None) -> list[tuple[Loc, Problem]]:
    if not isinstance(raw, Mapping):
        return []
    ids, doubles = known_ids(raw)
    found = [
        (loc, Problem(file, format_loc(loc), _("This short name is used twice in the network."),
                      rule="dubbele_id"))
        for loc, _value in doubles
    ]
    msg = _("This refers to a partner that is not in netwerk.partners or netwerk.naasten. "
            "Add the partner first, or use the short name (id) of an existing one.")
    for spec in REFERENCE_FIELDS:
        for loc, value in walk_fields(raw, spec, ()):
            if isinstance(value, str) and value not in ids:
                found.append((loc, Problem(file, format_loc(loc), msg, rule="verwijzing")))
    return found


@dataclass(frozen=True)
class Rule:
    """A rule between two values, ``earlier`` and ``later``: the one place it is written.

    ``controleer`` applies it to a whole case (``date_problems`` and friends); the
    interview applies it at the prompt where the second of the two is typed
    (``interview/parts/datechecks.py``), so both say the same thing in the same words.
    """

    broken: Callable[[Any, Any], bool]
    message: Callable[[], str]
    key: str = ""  # its key in ``case/safety.py`` RULES (the class of the rule)

    def problem(self, earlier: Any, later: Any) -> str | None:
        """The Dutch message when the pair breaks the rule; None when fine or a value is missing."""
        if earlier is None or later is None:
            return None
        return self.message() if self.broken(earlier, later) else None


def _after(earlier: Any, later: Any) -> bool:
    return bool(earlier > later)


def _not_after(earlier: Any, later: Any) -> bool:
    return bool(later <= earlier)


# (earlier, later) = (the date, today) for the "not in the future" rules. ``key``: the rule's
# class in ``case/safety.py`` RULES.
BORN_IN_FUTURE = Rule(_after, lambda: _("The date of birth lies in the future."),
                      key="geboortedatum_toekomst")
IN_FUTURE = Rule(_after, lambda: _("This date lies in the future."), key="datum_toekomst")
INCIDENT_IN_FUTURE = Rule(_after, lambda: _("An incident cannot be dated in the future."),
                          key="incident_toekomst")
BED_BEFORE_ADMISSION = Rule(_after, lambda: _("The bed cannot be asked for after the admission itself."),
                            key="bed_na_opname")
RISK_IN_FUTURE = Rule(_after, lambda: _("A risk assessment cannot be dated in the future."),
                      key="taxatie_toekomst")
EVALUATION_AFTER_SET = Rule(
    _not_after, lambda: _("The next evaluation must come after the date the plan was set (vastgesteld)."),
    key="evaluatie_na_vastgesteld")
END_AFTER_START = Rule(_after, lambda: _("The end date lies before the start date."), key="einde_na_start")
NEXT_RISK_AFTER = Rule(_not_after, lambda: _("The next risk assessment must come after this one."),
                       key="taxatie_volgorde")
WITHDRAWN_AFTER_CONSENT = Rule(_after, lambda: _("Consent cannot be withdrawn before it was given."),
                               key="intrekking_na_toestemming")
DECISION_AFTER_REGISTRATION = Rule(_after, lambda: _("The decision cannot be taken before the registration."),
                                   key="besluit_na_aanmelding")
MEETING_AFTER_REGISTRATION = Rule(_after, lambda: _("The meeting cannot take place before the registration."),
                                  key="overleg_na_aanmelding")
EVALUATION_AFTER_PREVIOUS = Rule(_after, lambda: _(
    "This evaluation is dated before the previous one. Evaluations are kept oldest first; check the date."),
    key="evaluatie_volgorde")
NEXT_EVALUATION_AFTER = Rule(_not_after, lambda: _("The next evaluation must come after this evaluation."),
                             key="volgende_evaluatie")
# (earlier, later) = the order numbers of the levels "van" and "naar".
STEP_UP_HEAVIER = Rule(_not_after, lambda: _("A step up must go to a heavier level than it starts from."),
                       key="opschalen_zwaarder")


def _same_day(earlier: Any, later: Any) -> bool:
    return bool(earlier == later)


# A warning: a rerun after a kill once recorded one evaluation twice (new plan version, same date).
EVALUATIONS_ON_ONE_DAY = Rule(_same_day, lambda: _(
    "Two evaluations on the same date. Was one evaluation recorded twice? Then remove one "
    "(the plan version went up twice too; the history folder keeps each version)."),
    key="evaluatie_zelfde_dag")


def level_order(vocab: Vocabularies, level: str | None) -> int | None:
    """The weight of a level (niveaus.volgorde), for ``STEP_UP_HEAVIER``."""
    return None if level is None else int(vocab["niveaus"].get(level, "volgorde", 0))


def _rule(loc: Loc, rule: Rule, earlier: Any, later: Any) -> Iterator[tuple[Loc, Problem]]:
    message = rule.problem(earlier, later)
    if message:
        yield _p(loc, message, rule=rule.key)


def _p(loc: Loc, message: str, *, warning: bool = False, rule: str) -> tuple[Loc, Problem]:
    return loc, Problem(None, format_loc(loc), message, warning=warning, rule=rule)


def date_problems(casus: Casus, today: date) -> Iterator[tuple[Loc, Problem]]:
    meta, persoon = casus.meta, casus.persoon
    born = persoon.geboortedatum
    yield from _rule(("persoon", "geboortedatum"), BORN_IN_FUTURE, born, today)
    if born and born <= today and _years(born, today) < 18:
        msg = _("The person is younger than 18; the approach is for adults.")
        yield _p(("persoon", "geboortedatum"), msg, warning=True, rule="minderjarig")
    evaluation: Loc = ("meta", "volgende_evaluatie")
    yield from _rule(evaluation, EVALUATION_AFTER_SET, meta.vastgesteld, meta.volgende_evaluatie)
    for i, titel in enumerate(persoon.juridisch_kader):
        end: Loc = ("persoon", "juridisch_kader", i, "einde")
        yield from _rule(end, END_AFTER_START, titel.start, titel.einde)
    for i, rt in enumerate(casus.risicotaxaties):
        yield from _rule(("risicotaxaties", i, "datum"), RISK_IN_FUTURE, rt.datum, today)
        yield from _rule(("risicotaxaties", i, "volgende"), NEXT_RISK_AFTER, rt.datum, rt.volgende)
    for j, incident in enumerate(casus.incidenten):
        yield from _rule(("incidenten", j, "datum"), INCIDENT_IN_FUTURE, incident.datum, today)
        yield from _rule(("incidenten", j, "bed_aangevraagd"), BED_BEFORE_ADMISSION, incident.bed_aangevraagd,
                         incident.datum)
    uit = casus.uitstroom
    yield from _rule(("uitstroom", "stabiel_sinds"), IN_FUTURE, uit.stabiel_sinds, today)
    dates = {rt.datum for rt in casus.risicotaxaties}
    if uit.risicotaxatie_datum and uit.risicotaxatie_datum not in dates:
        msg = _("No risk assessment in 'risicotaxaties' has this date.")
        yield _p(("uitstroom", "risicotaxatie_datum"), msg, rule="uitstroom_taxatie")


def consent_problems(casus: Casus, today: date) -> Iterator[tuple[Loc, Problem]]:
    gd = casus.gegevensdeling
    if gd.ingetrokken_datum and not gd.ingetrokken:
        msg = _("A withdrawal date is filled in, but 'ingetrokken' is not true.")
        yield _p(("gegevensdeling", "ingetrokken"), msg, rule="intrekking_vlag")
    withdrawn: Loc = ("gegevensdeling", "ingetrokken_datum")
    yield from _rule(withdrawn, WITHDRAWN_AFTER_CONSENT, gd.toestemming_datum, gd.ingetrokken_datum)
    if gd.route == "vrijwillig" and not gd.ingetrokken and gd.toestemming_datum is None:
        msg = _("The voluntary route needs written consent: fill in the date of consent.")
        yield _p(("gegevensdeling", "toestemming_datum"), msg, warning=True, rule="toestemming_ontbreekt")
    if gd.route == "vrijwillig" and gd.ingetrokken:
        msg = _("The client withdrew consent and the route is still the voluntary route: the documents "
                "share only what another basis allows. Record the route that applies now.")
        yield _p(("gegevensdeling", "ingetrokken"), msg, warning=True, rule="toestemming_ingetrokken")
    until = gd.toestemming_geldig_tot
    if gd.route == "vrijwillig" and not gd.ingetrokken and until is not None and until < today:
        msg = _("The consent was valid until {date}: ask the client again and record the new date "
                "(toestemming_datum, toestemming_geldig_tot).")
        yield _p(("gegevensdeling", "toestemming_geldig_tot"), msg.format(date=format_date(until)),
                 warning=True, rule="toestemming_verlopen")


def route_problems(casus: Casus, vocab: Vocabularies, today: date) -> Iterator[tuple[Loc, Problem]]:
    """A route whose every carrying title has ended no longer gives a basis for sharing."""
    from levensloop_docs.i18n import format_date, format_list
    from levensloop_docs.reference.policy import load_policy, route_ended

    policy = load_policy()
    ended = route_ended(policy, casus, today)
    if ended is None:
        return
    route = casus.gegevensdeling.route
    titles = [k.titel for k in casus.persoon.juridisch_kader if k.titel in policy.grounds.get(route, ())]
    msg = _("The route '{route}' rests on a title ({titles}) that ended on {date}. From that date the "
            "partner sheets share only what another basis allows. Record the route that applies now, "
            "or the new title.")
    text = msg.format(route=vocab["routes"].label(route), date=format_date(ended),
                      titles=format_list(dict.fromkeys(vocab["titels"].label(t) for t in titles)))
    yield _p(("gegevensdeling", "route"), text, warning=True, rule="route_afgelopen")


def structure_problems(casus: Casus, vocab: Vocabularies) -> Iterator[tuple[Loc, Problem]]:
    seen: set[str] = set()
    for i, gebied in enumerate(casus.levensgebieden):
        if gebied.gebied in seen:
            yield _p(("levensgebieden", i, "gebied"), _("This levensgebied appears twice."),
                     rule="levensgebied_dubbel")
        seen.add(gebied.gebied)
    for i, stap in enumerate(casus.opschaling.stappen):
        van, naar = level_order(vocab, stap.van), level_order(vocab, stap.naar)
        yield from _rule(("opschaling", "stappen", i, "naar"), STEP_UP_HEAVIER, van, naar)
    ag = casus.aanmelding
    if ag and ag.overleg:
        loc: Loc = ("aanmelding", "overleg", "datum")
        yield from _rule(loc, MEETING_AFTER_REGISTRATION, ag.datum, ag.overleg.datum)
    if ag and ag.besluit_datum:
        # the monitor's waiting time (registration to decision) would be negative
        where: Loc = ("aanmelding", "besluit_datum")
        yield from _rule(where, DECISION_AFTER_REGISTRATION, ag.datum, ag.besluit_datum)


def incident_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    """Incidents: dated (the uitstroom check needs it), an escalation with its form."""
    for j, incident in enumerate(casus.incidenten):
        if incident.datum is None:
            msg = _("An incident or escalation needs a date: without it the uitstroom check cannot "
                    "tell since when the person is stable.")
            yield _p(("incidenten", j, "datum"), msg, rule="incident_datum")
        if incident.niveau != "ambulant" and incident.vorm is None:
            msg = _("This escalation has no form (vorm): planned clinical care, acute crisis or after "
                    "contact with justice. The monitor counts it as 'unknown' until it is filled in.")
            yield _p(("incidenten", j, "vorm"), msg, warning=True, rule="incident_vorm")


def evaluation_problems(casus: Casus, today: date) -> Iterator[tuple[Loc, Problem]]:
    """Evaluations: in order of date, not in the future, known actions."""
    previous: date | None = None
    for i, ev in enumerate(casus.evaluaties):
        loc: Loc = ("evaluaties", i)
        if ev.datum > today:
            yield _p((*loc, "datum"), _("An evaluation cannot be dated in the future."),
                     rule="evaluatie_toekomst")
        yield from _rule((*loc, "datum"), EVALUATION_AFTER_PREVIOUS, previous, ev.datum)
        message = EVALUATIONS_ON_ONE_DAY.problem(previous, ev.datum)
        if message:
            yield _p((*loc, "datum"), message, warning=True, rule=EVALUATIONS_ON_ONE_DAY.key)
        previous = ev.datum
        yield from _rule((*loc, "volgende_evaluatie"), NEXT_EVALUATION_AFTER, ev.datum, ev.volgende_evaluatie)
        yield from _evaluation_items(ev, loc)
    if casus.evaluaties:
        yield from _unknown_actions(casus, len(casus.evaluaties) - 1)


def _evaluation_items(ev: Any, loc: Loc) -> Iterator[tuple[Loc, Problem]]:
    seen: set[str] = set()
    for j, score in enumerate(ev.zrm):
        if score.gebied in seen:
            yield _p((*loc, "zrm", j, "gebied"), _("This levensgebied has two ZRM scores here."),
                     rule="zrm_dubbel")
        seen.add(score.gebied)


def _unknown_actions(casus: Casus, i: int) -> Iterator[tuple[Loc, Problem]]:
    """The latest evaluation may only change the status of actions the plan still has.

    An action that was finished or stopped may leave the plan; older evaluations describe
    earlier plan versions (kept in the history folder) and are not checked against this one.
    """
    actions = {(g.gebied, a.wat.strip()) for g in casus.levensgebieden for a in g.acties}
    for j, item in enumerate(casus.evaluaties[i].acties):
        ended = item.status in ("afgerond", "gestopt")
        if (item.gebied, item.actie.strip()) not in actions and not ended:
            msg = _("This action is not (any more) in the plan under this levensgebied. Copy its text "
                    "('wat') exactly from the plan, or give it the status afgerond or gestopt.")
            yield _p(("evaluaties", i, "acties", j, "actie"), msg, rule="evaluatie_actie")


def minutes_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    """Minutes (``overleggen``): one per item and meeting, and no copy of a fact kept elsewhere."""
    seen: set[tuple[date, str]] = set()
    for i, v in enumerate(casus.overleggen):
        loc: Loc = ("overleggen", i)
        if (v.datum, v.soort) in seen:
            yield _p((*loc, "soort"), _("This item already has minutes of this meeting."),
                     rule="notulen_dubbel")
        seen.add((v.datum, v.soort))
        if v.soort == "aanmelding" and v.besluit:
            yield _p((*loc, "besluit"), _("The decision on a registration is aanmelding.besluit "
                                          "(with besluit_toelichting); do not record it twice."),
                     rule="notulen_dubbel_feit")
        if v.soort == "aanmelding" and v.aanwezigen:
            yield _p((*loc, "aanwezigen"), _("Who attended the meeting on a registration is "
                                             "aanmelding.overleg.deelnemers; do not record it twice."),
                     rule="notulen_dubbel_feit")
        if v.soort == "plan" and v.aanwezigen and v.datum == casus.meta.vastgesteld:
            yield _p((*loc, "aanwezigen"), _("The plan was set in this meeting: who attended is "
                                             "meta.aanwezig; do not record it twice."),
                     rule="notulen_dubbel_feit")


def case_problems(casus: Casus, vocab: Vocabularies, today: date) -> list[tuple[Loc, Problem]]:
    from levensloop_docs.case.planrules import plan_problems
    from levensloop_docs.reference.criteria import case_problems as region_and_criteria

    return [
        *date_problems(casus, today),
        *consent_problems(casus, today),
        *route_problems(casus, vocab, today),
        *structure_problems(casus, vocab),
        *evaluation_problems(casus, today),
        *incident_problems(casus),
        *minutes_problems(casus),
        *region_and_criteria(casus),  # meta.regio names a profile; criteria keys; aanmelding warnings
        *plan_problems(casus, vocab, today),  # safety, legal route, completeness, voice (warnings)
    ]


def _years(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
