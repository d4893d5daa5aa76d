"""Date checks that compare an answer with today or with an earlier answer (shared by parts)."""

from __future__ import annotations

from datetime import date

from levensloop_docs.i18n import _
from levensloop_docs.interview.questions import Check


def not_in_future(today: date) -> Check:
    def check(value: date) -> None:
        if value > today:
            raise ValueError(_("This date lies in the future."))

    return check


def not_before(first: date | None, message: str) -> Check:
    """The answer may equal ``first`` (an end date on the start date), not lie before it."""

    def check(value: date) -> None:
        if first is not None and value < first:
            raise ValueError(message)

    return check


def after(first: date | None, message: str) -> Check:
    """The answer must lie after ``first`` (the next evaluation after this one)."""

    def check(value: date) -> None:
        if first is not None and value <= first:
            raise ValueError(message)

    return check
