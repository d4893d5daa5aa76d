"""Part 'juridisch': the legal framework and funding titles (a list)."""

from __future__ import annotations

from levensloop_docs.case.rules import END_AFTER_START
from levensloop_docs.i18n import _
from levensloop_docs.interview.parts.datechecks import later_than
from levensloop_docs.interview.session import Interview, Item, store


def _edit(interview: Interview, key: str, item: Item) -> Item:
    store(
        item, "titel", interview.choice(f"{key}.titel", _("Title or framework"), "titels", item.get("titel"))
    )
    start = interview.date(f"{key}.start", _("Start date"), item.get("start"))
    store(item, "start", start)
    check = later_than(END_AFTER_START, start)
    store(
        item,
        "einde",
        interview.date(f"{key}.einde", _("End date (empty if open)"), item.get("einde"), check=check),
    )
    store(
        item, "toelichting", interview.text(f"{key}.toelichting", _("Explanation"), item.get("toelichting"))
    )
    return item


def run(interview: Interview) -> None:
    p = interview.section("persoon")
    titels = interview.vocab["titels"]
    items = interview.edit_list(
        "persoon.juridisch_kader",
        _("Legal framework and titles"),
        p.setdefault("juridisch_kader", []),
        lambda i: titels.label(str(i.get("titel", ""))),
        lambda key, item: _edit(interview, key, item),
    )
    store(p, "juridisch_kader", items)
