"""Part 'risicotaxatie': risk assessments (instrument, date, outcome, next one)."""

from __future__ import annotations

from typing import Any

from levensloop_docs.case.rules import NEXT_RISK_AFTER, RISK_IN_FUTURE
from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import later_than, not_in_future
from levensloop_docs.interview.session import Interview, Item, store


def _edit(interview: Interview, key: str, item: Item) -> Item:
    store(
        item,
        "instrument",
        interview.choice(f"{key}.instrument", _("Instrument"), "instrumenten", item.get("instrument")),
    )
    check_done = not_in_future(interview.today, RISK_IN_FUTURE)
    before = item.get("datum")
    done = interview.date(f"{key}.datum", _("Date"), before, required=True, check=check_done)
    store(item, "datum", done)
    _follow_date(interview, before, done)
    store(
        item, "uitkomst", interview.text(f"{key}.uitkomst", _("Outcome"), item.get("uitkomst"), required=True)
    )
    store(
        item,
        "uitgevoerd_door",
        interview.text(f"{key}.uitgevoerd_door", _("Done by"), item.get("uitgevoerd_door")),
    )
    check = later_than(NEXT_RISK_AFTER, done)
    store(
        item,
        "volgende",
        interview.date(f"{key}.volgende", _("Next risk assessment"), item.get("volgende"), check=check),
    )
    return item


def _follow_date(interview: Interview, before: Any, after: Any) -> None:
    """The exit criterion names this assessment by its date: follow a changed date there too."""
    uit = interview.data.get("uitstroom")
    if before and after != before and isinstance(uit, dict) and uit.get("risicotaxatie_datum") == before:
        uit["risicotaxatie_datum"] = after


def _named_by_exit(interview: Interview, item: Item) -> str | None:
    """The exit criterion 'risk clearly lower' names this assessment: say so before removing it."""
    uit = interview.data.get("uitstroom") or {}
    if not item.get("datum") or uit.get("risicotaxatie_datum") != item.get("datum"):
        return None
    return _("The exit criterion 'a risk assessment shows a clearly lower risk' names this assessment; "
             "if you remove it, that mention goes too.")


def _drop_from_exit(interview: Interview, item: Item) -> bool:
    (interview.data.get("uitstroom") or {}).pop("risicotaxatie_datum", None)
    return True


def run(interview: Interview) -> None:
    items = interview.edit_list(
        "risicotaxaties",
        _("Risk assessments"),
        interview.data.setdefault("risicotaxaties", []),
        lambda r: f"{r.get('instrument')} {format_date(r.get('datum'))}",
        lambda key, item: _edit(interview, key, item),
        lambda item: _named_by_exit(interview, item),
        lambda item: _drop_from_exit(interview, item),
    )
    store(interview.data, "risicotaxaties", items)
