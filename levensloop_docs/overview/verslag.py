"""The minutes of a meeting as they stand in the case files: which items, and what was recorded.

``levensloop notuleer`` stores the minutes of an agenda item in the case it is about
(``Casus.overleggen``, see model/casus.py ``Verslag``). One fact lives in one place, so the
minutes of an item are read from where each fact is kept:

- a registration: the decision is the aanmelding's own (``aanmelding.besluit`` and
  ``besluit_toelichting``), who attended is ``aanmelding.overleg.deelnemers`` (the meeting
  is ``aanmelding.overleg.datum``); the verslag adds only the agreements (who does what);
- a plan set in this meeting (``meta.vastgesteld`` is the meeting day): who attended is
  ``meta.aanwezig``; the verslag holds the decision text and the agreements;
- every other item: the verslag holds attendance, decision and agreements.

An item stays on the agenda of its meeting after it was decided: ``meeting_items`` adds the
items recorded for that day to the items still due, so the document of a past meeting
shows what was decided there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus, Verslag, attendee_parts
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.overview.agenda import KINDS, AgendaItem, Meeting, _item, agenda_items, in_selection
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.reference.regiogroups import Selection


@dataclass(frozen=True)
class Minutes:
    """What was recorded for one item: rows of text only, ready for the template."""

    aanwezigen: list[tuple[str, str]] = field(default_factory=list)  # (organisatie, functie)
    besluit: str = ""
    afspraken: list[tuple[str, str, str]] = field(default_factory=list)  # (wie, wat, wanneer)


def recorded(casus: Casus, day: date, kind: str) -> Verslag | None:
    return next((v for v in casus.overleggen if v.datum == day and v.soort == kind), None)


def decided_here(casus: Casus, day: date) -> bool:
    """The registration was decided in the meeting of ``day`` (its own record says so).

    A meeting planned for that day without a decision yet is still to be held: its item gets
    empty blocks to write in, not "no decision" as if the meeting were over.
    """
    a = casus.aanmelding
    return a is not None and a.overleg is not None and a.overleg.datum == day and a.besluit is not None


def _recorded_kinds(casus: Casus, day: date) -> list[str]:
    kinds = [v.soort for v in casus.overleggen if v.datum == day]
    if decided_here(casus, day):
        kinds.append("aanmelding")
    return list(dict.fromkeys(kinds))


def meeting_items(cases: list[Casus], meeting: Meeting,
                  regio: Selection | str | None = None) -> list[AgendaItem]:
    """The agenda of the meeting, plus the items already recorded for it (then no longer due)."""
    items = agenda_items(cases, meeting, regio)
    have = {(i.casus_id, i.kind) for i in items}
    for casus in cases:
        if not in_selection(casus, regio):
            continue
        for kind in _recorded_kinds(casus, meeting.datum):
            if (casus.meta.casus_id, kind) not in have:
                items.append(_item(kind, casus, meeting.datum))  # no detail: dealt with here
    return sorted(items, key=lambda i: (KINDS.index(i.kind), i.day or date.min, i.casus_id))


def minutes(casus: Casus, kind: str, day: date, vocab: Vocabularies) -> Minutes | None:
    """The minutes of item ``kind`` in the meeting of ``day``, from where each fact lives."""
    verslag = recorded(casus, day, kind)
    if kind == "aanmelding" and decided_here(casus, day):
        return _registration(casus, verslag, vocab)
    if verslag is None:
        return None
    rows = [(a.organisatie, a.functie) for a in verslag.aanwezigen]
    if kind == "plan" and casus.meta.vastgesteld == day:
        rows = rows or [attendee_parts(x) for x in casus.meta.aanwezig]
        decision = _("The levensloopplan was set in this meeting.")
        besluit = f"{decision}\n{verslag.besluit}" if verslag.besluit else decision
        return Minutes(rows, besluit, _agreements(casus, verslag))
    return Minutes(rows, verslag.besluit, _agreements(casus, verslag))


def _registration(casus: Casus, verslag: Verslag | None, vocab: Vocabularies) -> Minutes:
    a = casus.aanmelding
    assert a is not None and a.overleg is not None
    label = vocab["besluiten"].label(a.besluit) if a.besluit else _("No decision yet.")
    besluit = f"{label}\n{a.besluit_toelichting}" if a.besluit_toelichting else label
    rows = [attendee_parts(x) for x in a.overleg.deelnemers]
    return Minutes(rows, besluit, _agreements(casus, verslag) if verslag else [])


def _agreements(casus: Casus, verslag: Verslag) -> list[tuple[str, str, str]]:
    from levensloop_docs.overview.tables import short

    out = []
    for a in verslag.afspraken:
        partner = casus.partner(a.wie)
        who = partner.organisatie if partner else a.wie  # an organisation, no personal name
        out.append((who, a.wat, short(a.wanneer)))
    return out


ACTION_WINDOW_DAYS = 183  # agreements of meetings in the last half year come back as action points


def open_actions(cases: list[Casus], meeting: Meeting, regio: Selection | str | None = None
                 ) -> list[tuple[date | None, str, str, str]]:
    """The agreements of earlier meetings still due (on or after the last meeting, or undated).

    (wanneer, casus, wie (organisation), wat), by due date, undated last: checked at the start
    of the meeting. The free text is the caller's to pseudonymise.
    """
    from datetime import timedelta

    since = meeting.datum - timedelta(days=ACTION_WINDOW_DAYS)
    out = []
    for casus in cases:
        if not in_selection(casus, regio):
            continue
        for v in casus.overleggen:
            if not since <= v.datum < meeting.datum:
                continue
            for a in v.afspraken:
                if a.wanneer is None or a.wanneer >= meeting.vorige:
                    partner = casus.partner(a.wie)
                    who = partner.organisatie if partner else a.wie
                    out.append((a.wanneer, casus.meta.casus_id, who, a.wat))
    return sorted(out, key=lambda x: (x[0] is None, x[0] or date.min, x[1]))


def with_earlier_minutes(cases: list[Casus], meeting: Meeting) -> set[str]:
    """Cases with minutes of an earlier meeting in the action window (read whole for their text)."""
    from datetime import timedelta

    since = meeting.datum - timedelta(days=ACTION_WINDOW_DAYS)
    return {c.meta.casus_id for c in cases if any(since <= v.datum < meeting.datum for v in c.overleggen)}


def with_minutes(cases: list[Casus], day: date) -> set[str]:
    """The cases with minutes of the meeting of ``day`` (the cache keeps this much, not the text)."""
    return {c.meta.casus_id for c in cases if _recorded_kinds(c, day)}


_CASE_ID = re.compile(r"^\s*casus_id:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def read_whole(target: Path, found: CaseSet, ids: set[str], today: date) -> tuple[CaseSet, dict[str, Path]]:
    """``found`` with the cases ``ids`` read whole from their files, and their paths by id.

    The overview cache keeps no minutes text, so the cases on the agenda are read again;
    only those: a file whose ``casus_id`` line names another case is not parsed at all.
    """
    from levensloop_docs.case.casefile import find_case_files
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.cases import load_one

    vocab, whole, paths = load_vocabularies(), {}, {}
    for path in find_case_files(target):
        try:
            named = _CASE_ID.search(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue  # load_folder named it already
        if named is not None and named.group(1) not in ids:
            continue
        result = load_one(path, vocab, today)
        if isinstance(result, Casus) and result.meta.casus_id in ids:
            whole[result.meta.casus_id], paths[result.meta.casus_id] = result, path
    cases = [whole.get(c.meta.casus_id, c) for c in found.cases]
    return CaseSet(cases=cases, broken=found.broken), paths
