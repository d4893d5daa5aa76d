"""The minutes interview (``levensloop notuleer MAP --datum D``): one meeting, item by item.

On the usual engine (``run.py``): every case on the agenda is one run, with its own lock,
draft (autosave, resume after Ctrl-C), summary and confirmation, saved by the one writer
(``case/casefile.save_case``, only the changed lines). Per item: discussed or not ("niet
besproken": nothing is written), who attended per organisation (function, no personal
name), the decision, and who does what (``wie`` is a partner of the case).

One fact lives in one place (see ``model/casus.py`` ``Verslag``): for a registration the
decision is asked with the aanmelding's own questions (``aanmelding.besluit`` ...) and the
attendance goes to ``aanmelding.overleg``; for a plan set in this meeting the date and the
attendance go to ``meta.vastgesteld`` and ``meta.aanwezig``. The verslag keeps the rest.

Question keys mirror the case file (``overleggen[2].afspraken[0].wie``); three are no
field: ``overleggen[i].besproken``, ``overleggen[i].organisaties`` (which organisations
attended) and ``overleggen[i].plan_vastgesteld``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial

from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.session import Interview, Item, Part, store
from levensloop_docs.model.casus import attendee_line, attendee_parts

Row = tuple[str, str]  # (organisatie, functie)


@dataclass(frozen=True)
class Punt:
    """One agenda item about this case, as the agenda lists it (overview/agenda.py)."""

    nummer: int
    soort: str  # a kind of overview/agenda.py KINDS
    titel: str  # "3. Plan vaststellen: LLA-2026-0042"
    toelichting: str
    organisaties: tuple[str, ...]


@dataclass(frozen=True)
class Vergadering:
    datum: date
    naam: str  # levensloopteam, aanmeldtafel


def minutes_parts(punten: Sequence[Punt], meeting: Vergadering) -> tuple[Part, ...]:
    """One part per item of this case, in the order of the agenda."""
    return tuple(Part(f"punt{p.nummer}", partial(_title, p), partial(run_item, p, meeting)) for p in punten)


def _title(punt: Punt) -> str:
    return punt.titel


def _copy(day: date) -> date:
    """A date object of its own: YAML would write one object used twice as an anchor (&id001)."""
    return date.fromordinal(day.toordinal())


def _find(minutes: list[Item], day: date, kind: str) -> int | None:
    return next((i for i, v in enumerate(minutes) if v.get("datum") == day and v.get("soort") == kind), None)


def run_item(punt: Punt, meeting: Vergadering, interview: Interview) -> None:
    minutes: list[Item] = interview.data.setdefault("overleggen", [])
    index = _find(minutes, meeting.datum, punt.soort)
    key = f"overleggen[{len(minutes) if index is None else index}]"
    item: Item = minutes[index] if index is not None else {}
    interview.say(punt.toelichting)
    label = _("Was this item discussed in the meeting of {day}? (no: not discussed, nothing is recorded)")
    if not interview.confirm(f"{key}.besproken", label.format(day=format_date(meeting.datum)), True):
        store(interview.data, "overleggen", minutes)
        return
    item["datum"], item["soort"] = _copy(meeting.datum), punt.soort
    rows = _attendees(interview, key, punt, _current_attendees(interview, punt, item, meeting.datum))
    if punt.soort == "aanmelding":
        _registration(interview, item, rows, meeting)
    elif punt.soort == "plan":
        _plan(interview, key, item, rows, meeting)
    else:
        store(item, "aanwezigen", [_row(o, f) for o, f in rows])
        _decision(interview, key, item)
    _agreements(interview, key, item)
    if index is None:
        minutes.append(item)
    store(interview.data, "overleggen", minutes)


def _row(organisatie: str, functie: str) -> Item:
    row: Item = {"organisatie": organisatie}
    store(row, "functie", functie)
    return row


def _current_attendees(interview: Interview, punt: Punt, item: Item, day: date) -> list[Row]:
    """What is recorded already (asked again with it as the answer), from where it lives."""
    meta = interview.data.get("meta") or {}
    overleg = (interview.data.get("aanmelding") or {}).get("overleg") or {}
    if punt.soort == "aanmelding" and overleg.get("datum") == day:
        return [attendee_parts(x) for x in overleg.get("deelnemers") or []]
    if punt.soort == "plan" and meta.get("vastgesteld") == day and meta.get("aanwezig"):
        return [attendee_parts(x) for x in meta["aanwezig"]]
    return [(a["organisatie"], a.get("functie", "")) for a in item.get("aanwezigen") or []]


def _attendees(interview: Interview, key: str, punt: Punt, current: list[Row]) -> list[Row]:
    """Which organisations attended (from the case's network), others, and each one's function."""
    known = list(dict.fromkeys([*punt.organisaties, *(o for o, _f in current)]))
    chosen = interview.multi(f"{key}.organisaties", _("Which organisations attended?"),
                             [(o, o) for o in known], [o for o, _f in current])
    others = interview.lines(f"{key}.andere_organisaties",
                             _("Other organisations that attended (one per line; empty: none)"), [])
    functions = dict(current)
    rows = []
    for i, org in enumerate(dict.fromkeys([*chosen, *others])):
        label = _("Function of who attended for {organisation} (no name)").format(organisation=org)
        rows.append((org, interview.text(f"{key}.aanwezigen[{i}].functie", label, functions.get(org, ""))))
    return rows


def _registration(interview: Interview, item: Item, rows: list[Row], meeting: Vergadering) -> None:
    """The aanmelding's own record: the meeting, who attended, and its decision questions."""
    from levensloop_docs.interview.aanmelding import run_besluit

    overleg = interview.section("aanmelding", "overleg")
    overleg["datum"] = _copy(meeting.datum)
    store(overleg, "deelnemers", [attendee_line(o, f) for o, f in rows])
    run_besluit(interview)
    item.pop("aanwezigen", None)
    item.pop("besluit", None)


def _plan(interview: Interview, key: str, item: Item, rows: list[Row], meeting: Vergadering) -> None:
    meta = interview.section("meta")
    was = meta.get("vastgesteld") == meeting.datum
    if interview.confirm(f"{key}.plan_vastgesteld", _("Was the levensloopplan set in this meeting?"), was):
        meta["vastgesteld"] = _copy(meeting.datum)
        store(meta, "vastgesteld_in", meeting.naam)
        store(meta, "aanwezig", [attendee_line(o, f) for o, f in rows])
        item.pop("aanwezigen", None)  # meta.aanwezig holds them
    else:
        store(item, "aanwezigen", [_row(o, f) for o, f in rows])
    _decision(interview, key, item)


def _decision(interview: Interview, key: str, item: Item) -> None:
    store(item, "besluit", interview.text(f"{key}.besluit", _("Decision"), item.get("besluit"),
                                          multiline=True))


def _agreements(interview: Interview, key: str, item: Item) -> None:
    partners = [(str(p["id"]), interview.who(p["id"]))
                for p in (interview.data.get("netwerk") or {}).get("partners") or [] if "id" in p]
    if not partners:
        interview.say(_("This case has no partners in its network: agreements need one (netwerk.partners)."))
        return

    def edit(k: str, agreement: Item) -> Item:
        who = interview.choice(f"{k}.wie", _("Who does it?"), partners, agreement.get("wie"))
        store(agreement, "wie", who)
        store(agreement, "wat", interview.text(f"{k}.wat", _("What?"), agreement.get("wat"), required=True))
        store(agreement, "wanneer", interview.date(f"{k}.wanneer", _("By when? (empty: no date)"),
                                                   agreement.get("wanneer")))
        return agreement

    items = interview.edit_list(
        f"{key}.afspraken", _("Who does what"), item.setdefault("afspraken", []),
        lambda a: f"{interview.who(a.get('wie'))}: {str(a.get('wat', ''))[:50]}", edit)
    store(item, "afspraken", items)
