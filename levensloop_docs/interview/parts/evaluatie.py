"""Part 'evaluatie': when the plan was set, the next evaluation, version and authors."""

from __future__ import annotations

from datetime import date

from levensloop_docs.case.rules import EVALUATION_AFTER_SET
from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import later_than
from levensloop_docs.interview.session import Interview, Item, store

MONTHS_TO_EVALUATION = 6


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


def run(interview: Interview) -> None:
    meta = interview.section("meta")
    set_on = interview.date(
        "meta.vastgesteld", _("Date the plan was set (vastgesteld)"), meta.get("vastgesteld", interview.today)
    )
    store(meta, "vastgesteld", set_on)
    default = meta.get("volgende_evaluatie") or (
        _months_later(set_on, MONTHS_TO_EVALUATION) if set_on else None
    )
    check = later_than(EVALUATION_AFTER_SET, set_on)
    store(
        meta,
        "volgende_evaluatie",
        interview.date("meta.volgende_evaluatie", _("Next evaluation"), default, check=check),
    )
    if not interview.new:
        version = interview.number("meta.planversie", _("Plan version"), meta.get("planversie", 1), 1, 999)
        store(meta, "planversie", version)
    store(meta, "auteurs", interview.lines("meta.auteurs", _("Authors (name and role)"), meta.get("auteurs")))
    _meeting(interview, meta)
    _client_voice(interview)
    if interview.people():
        _agreed(interview, meta)


def _meeting(interview: Interview, meta: Item) -> None:
    """Where the plan was set, who attended, and how often it is evaluated."""
    question = _("In which meeting was the plan set?")
    where = interview.text("meta.vastgesteld_in", question, meta.get("vastgesteld_in"))
    store(meta, "vastgesteld_in", where)
    store(meta, "aanwezig", interview.lines("meta.aanwezig", _("Who attended?"), meta.get("aanwezig")))
    rhythm = interview.text(
        "meta.evaluatie_ritme", _("How often is the plan evaluated?"), meta.get("evaluatie_ritme")
    )
    store(meta, "evaluatie_ritme", rhythm)


def _client_voice(interview: Interview) -> None:
    """What the client wants, in their own words, and how they took part in the plan."""
    client = interview.section("client")
    goals = interview.lines("client.doelen", _("The client's own goals"), client.get("doelen"))
    store(client, "doelen", goals)
    store(client, "wat_helpt", interview.lines("client.wat_helpt", _("What helps the client?"),
                                               client.get("wat_helpt")))
    part = interview.choice(
        "client.betrokkenheid",
        _("Did the client co-write, see or refuse the plan?"),
        "betrokkenheid",
        client.get("betrokkenheid"),
        required=False,
    )
    store(client, "betrokkenheid", part)
    if not client:
        interview.data.pop("client", None)


def _agreement(interview: Interview, key: str, item: Item) -> Item:
    store(item, "wie", interview.choice(f"{key}.wie", _("Who agreed?"), interview.people(), item.get("wie")))
    store(item, "datum", interview.date(f"{key}.datum", _("On which date?"), item.get("datum")))
    return item


def _agreed(interview: Interview, meta: Item) -> None:
    items = interview.edit_list(
        "meta.akkoord",
        _("Who agreed to the plan?"),
        meta.setdefault("akkoord", []),
        lambda a: f"{interview.who(a.get('wie'))} {format_date(a.get('datum'))}",
        lambda key, item: _agreement(interview, key, item),
    )
    store(meta, "akkoord", items)
