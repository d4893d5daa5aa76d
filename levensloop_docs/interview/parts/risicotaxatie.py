"""Part 'risicotaxatie': risk assessments (instrument, date, outcome, next one)."""

from __future__ import annotations

from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import after, not_in_future
from levensloop_docs.interview.session import Interview, Item, store


def _edit(interview: Interview, key: str, item: Item) -> Item:
    store(
        item,
        "instrument",
        interview.choice(f"{key}.instrument", _("Instrument"), "instrumenten", item.get("instrument")),
    )
    done = interview.date(
        f"{key}.datum", _("Date"), item.get("datum"), required=True, check=not_in_future(interview.today)
    )
    store(item, "datum", done)
    store(
        item, "uitkomst", interview.text(f"{key}.uitkomst", _("Outcome"), item.get("uitkomst"), required=True)
    )
    store(
        item,
        "uitgevoerd_door",
        interview.text(f"{key}.uitgevoerd_door", _("Done by"), item.get("uitgevoerd_door")),
    )
    check = after(done, _("The next risk assessment must come after this one."))
    store(
        item,
        "volgende",
        interview.date(f"{key}.volgende", _("Next risk assessment"), item.get("volgende"), check=check),
    )
    return item


def run(interview: Interview) -> None:
    items = interview.edit_list(
        "risicotaxaties",
        _("Risk assessments"),
        interview.data.setdefault("risicotaxaties", []),
        lambda r: f"{r.get('instrument')} {format_date(r.get('datum'))}",
        lambda key, item: _edit(interview, key, item),
    )
    store(interview.data, "risicotaxaties", items)
