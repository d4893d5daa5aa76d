"""Checks that span several fields of a case: references, dates, routes.

Pydantic checks each value on its own (``model.py``); what needs the whole case is
here. Reference checks read the raw YAML so that a dangling ``wie`` is reported in
the same run as a type error elsewhere in the file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.errors import Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies

Loc = tuple[str | int, ...]

# Every field that names a partner or naaste by its id ("*" = each list item).
REFERENCE_FIELDS: tuple[tuple[str, ...], ...] = (
    ("levensgebieden", "*", "acties", "*", "wie"),
    ("scenarios", "*", "acties", "*", "wie"),
    ("scenarios", "*", "wie_bellen", "*"),
    ("opschaling", "stappen", "*", "wie_besluit"),
    ("meta", "akkoord", "*", "wie"),
    ("opschaling", "stappen", "*", "bestemming", "partner"),
    ("opschaling", "afschaling", "wie_stabiel"),
    ("persoon", "juridisch_kader", "*", "bij_afloop_wie"),
    ("gegevensdeling", "toestemming_partners", "*"),
)


def format_loc(loc: Loc) -> str:
    """``('levensgebieden', 2, 'acties', 0, 'wie')`` -> ``levensgebieden[2].acties[0].wie``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _walk(node: Any, spec: Sequence[str], loc: Loc) -> Iterator[tuple[Loc, Any]]:
    if not spec:
        yield loc, node
        return
    head, rest = spec[0], spec[1:]
    if head == "*":
        if isinstance(node, list):
            for i, item in enumerate(node):
                yield from _walk(item, rest, (*loc, i))
    elif isinstance(node, Mapping) and head in node:
        yield from _walk(node[head], rest, (*loc, head))


def known_ids(raw: Mapping[str, Any]) -> tuple[set[str], list[tuple[Loc, str]]]:
    """The ids of partners and naasten, and every id that occurs twice."""
    seen: set[str] = set()
    doubles: list[tuple[Loc, str]] = []
    netwerk = raw.get("netwerk")
    for group in ("partners", "naasten"):
        for loc, value in _walk(netwerk, (group, "*", "id"), ("netwerk",)):
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
        (loc, Problem(file, format_loc(loc), _("This short name is used twice in the network.")))
        for loc, _value in doubles
    ]
    msg = _("This refers to a partner that is not in netwerk.partners or netwerk.naasten. "
            "Add the partner first, or use the short name (id) of an existing one.")
    for spec in REFERENCE_FIELDS:
        for loc, value in _walk(raw, spec, ()):
            if isinstance(value, str) and value not in ids:
                found.append((loc, Problem(file, format_loc(loc), msg)))
    return found


def _p(loc: Loc, message: str, *, warning: bool = False) -> tuple[Loc, Problem]:
    return loc, Problem(None, format_loc(loc), message, warning=warning)


def date_problems(casus: Casus, today: date) -> Iterator[tuple[Loc, Problem]]:
    meta, persoon = casus.meta, casus.persoon
    if persoon.geboortedatum and persoon.geboortedatum > today:
        yield _p(("persoon", "geboortedatum"), _("The date of birth lies in the future."))
    elif persoon.geboortedatum and _years(persoon.geboortedatum, today) < 18:
        msg = _("The person is younger than 18; the approach is for adults.")
        yield _p(("persoon", "geboortedatum"), msg, warning=True)
    if meta.vastgesteld and meta.volgende_evaluatie and meta.volgende_evaluatie <= meta.vastgesteld:
        msg = _("The next evaluation must come after the date the plan was set (vastgesteld).")
        yield _p(("meta", "volgende_evaluatie"), msg)
    for i, titel in enumerate(persoon.juridisch_kader):
        if titel.start and titel.einde and titel.einde < titel.start:
            msg = _("The end date lies before the start date.")
            yield _p(("persoon", "juridisch_kader", i, "einde"), msg)
    for i, rt in enumerate(casus.risicotaxaties):
        if rt.datum > today:
            yield _p(("risicotaxaties", i, "datum"), _("A risk assessment cannot be dated in the future."))
        if rt.volgende and rt.volgende <= rt.datum:
            msg = _("The next risk assessment must come after this one.")
            yield _p(("risicotaxaties", i, "volgende"), msg)
    uit = casus.uitstroom
    if uit.stabiel_sinds and uit.stabiel_sinds > today:
        yield _p(("uitstroom", "stabiel_sinds"), _("This date lies in the future."))
    dates = {rt.datum for rt in casus.risicotaxaties}
    if uit.risicotaxatie_datum and uit.risicotaxatie_datum not in dates:
        msg = _("No risk assessment in 'risicotaxaties' has this date.")
        yield _p(("uitstroom", "risicotaxatie_datum"), msg)


def consent_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    gd = casus.gegevensdeling
    if gd.ingetrokken_datum and not gd.ingetrokken:
        msg = _("A withdrawal date is filled in, but 'ingetrokken' is not true.")
        yield _p(("gegevensdeling", "ingetrokken"), msg)
    if gd.ingetrokken_datum and gd.toestemming_datum and gd.ingetrokken_datum < gd.toestemming_datum:
        msg = _("Consent cannot be withdrawn before it was given.")
        yield _p(("gegevensdeling", "ingetrokken_datum"), msg)
    if gd.route == "vrijwillig" and not gd.ingetrokken and gd.toestemming_datum is None:
        msg = _("The voluntary route needs written consent: fill in the date of consent.")
        yield _p(("gegevensdeling", "toestemming_datum"), msg, warning=True)


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
    yield _p(("gegevensdeling", "route"), text, warning=True)


def structure_problems(casus: Casus, vocab: Vocabularies) -> Iterator[tuple[Loc, Problem]]:
    seen: set[str] = set()
    for i, gebied in enumerate(casus.levensgebieden):
        if gebied.gebied in seen:
            yield _p(("levensgebieden", i, "gebied"), _("This levensgebied appears twice."))
        seen.add(gebied.gebied)
    niveaus = vocab["niveaus"]
    for i, stap in enumerate(casus.opschaling.stappen):
        if int(niveaus.get(stap.naar, "volgorde", 0)) <= int(niveaus.get(stap.van, "volgorde", 0)):
            msg = _("A step up must go to a heavier level than it starts from.")
            yield _p(("opschaling", "stappen", i, "naar"), msg)
    ag = casus.aanmelding
    if ag and ag.overleg and ag.overleg.datum and ag.overleg.datum < ag.datum:
        msg = _("The meeting cannot take place before the registration.")
        yield _p(("aanmelding", "overleg", "datum"), msg)


def case_problems(casus: Casus, vocab: Vocabularies, today: date) -> list[tuple[Loc, Problem]]:
    from levensloop_docs.case.planrules import plan_problems
    from levensloop_docs.reference.criteria import case_problems as region_and_criteria

    return [
        *date_problems(casus, today),
        *consent_problems(casus),
        *route_problems(casus, vocab, today),
        *structure_problems(casus, vocab),
        *region_and_criteria(casus),  # meta.regio names a profile; criteria keys; aanmelding warnings
        *plan_problems(casus, vocab, today),  # safety, legal route, completeness, voice (warnings)
    ]


def _years(born: date, today: date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
