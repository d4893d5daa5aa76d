"""Questions as plain data: what is asked, and how an answer is parsed and checked.

Nothing here knows about questionary. A :class:`Question` carries a stable ``key``
(the answers-file key and the draft key), the Dutch ``label``, the current value as
``default`` and the ``kind`` that decides how a typed answer becomes a clean value.
:meth:`Question.parse` uses the validators that ``controleer`` uses, so the prompt,
the answers file and the case file accept exactly the same input.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from levensloop_docs.i18n import _
from levensloop_docs.model import validators as v

Kind = Literal[
    "text", "lines", "date", "month", "when", "phone", "email", "ref", "number",
    "choice", "multi", "confirm", "list",
]  # fmt: skip

# Answers of a list question ("list editing"): an action on the items shown.
ADD, DONE = "toevoegen", "klaar"
LIST_VERBS = ("bewerk", "omhoog", "verwijder")

Check = Callable[[Any], None]


class GoBack(Exception):
    """The person asked for the previous question ("terug"); an asker raises it instead of answering."""


@dataclass(frozen=True)
class Question:
    """One question. ``default`` is a clean value (what ``parse`` would return)."""

    key: str
    kind: Kind
    label: str
    default: Any = None
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()  # (value, label) for choice/multi
    items: tuple[str, ...] = ()  # labels of the current items of a list question
    notes: tuple[str, ...] = ()  # per item: what removing it also touches ("" when nothing)
    first: int = 0  # a list that shows only its tail (the newest items): the index of the first shown
    shortcuts: tuple[str, ...] = ()  # one key per choice (j, n, ...) instead of typing to search
    back: bool = True  # False: a question outside the interview's order (a lock, a draft, making documents)
    hint: str = ""
    multiline: bool = False
    low: int = 1
    high: int = 5
    check: Check | None = None  # extra check that spans fields; raises ValueError

    def parse(self, raw: Any) -> Any:
        """Turn what was typed (or written in an answers file) into a clean value."""
        value = _PARSERS[self.kind](self, raw)
        if self.required and value in (None, "", []):
            raise ValueError(_("This question needs an answer."))
        if self.check is not None and value not in (None, "", []):
            self.check(value)
        return value

    def show(self, value: Any) -> str:
        """A clean value as the text a prompt shows as its default."""
        if value is None:
            return ""
        if isinstance(value, date):
            return f"{value.day}-{value.month}-{value.year}"
        if self.kind == "month" and isinstance(value, str):
            from levensloop_docs.i18n import format_date_or_month

            return format_date_or_month(value)
        if isinstance(value, list):
            return "\n".join(str(x) for x in value)
        return str(value)

    def label_of(self, value: str) -> str:
        return next((label for key, label in self.choices if key == value), value)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _text(q: Question, raw: Any) -> str:
    if _blank(raw):
        return ""
    if isinstance(raw, bool) or not isinstance(raw, str | int | float | date):
        raise ValueError(_("Expected a text."))
    return str(raw).strip()


def _lines(q: Question, raw: Any) -> list[str]:
    if _blank(raw):
        return []
    if isinstance(raw, str):
        items: Sequence[Any] = raw.splitlines()
    elif isinstance(raw, list):
        items = raw
    else:
        raise ValueError(_("Expected one text per line (or a list)."))
    return [str(x).strip() for x in items if str(x).strip()]


def _optional(parser: Callable[[Any], Any]) -> Callable[[Question, Any], Any]:
    def parse(q: Question, raw: Any) -> Any:
        return None if _blank(raw) else parser(raw.strip() if isinstance(raw, str) else raw)

    return parse


def _number(q: Question, raw: Any) -> int | None:
    if _blank(raw):
        return None
    try:
        number = int(str(raw).strip())
    except ValueError:
        number = q.low - 1
    if not q.low <= number <= q.high:
        raise ValueError(_("Type a whole number from {low} to {high}.").format(low=q.low, high=q.high))
    return number


def _choice(q: Question, raw: Any) -> str | None:
    if _blank(raw):
        return None
    value = str(raw).strip()
    if value not in {key for key, _label in q.choices}:
        allowed = ", ".join(key for key, _label in q.choices if key)
        raise ValueError(_("Choose one of: {allowed}.").format(allowed=allowed))
    return value or None


def _multi(q: Question, raw: Any) -> list[str]:
    if _blank(raw):
        return []
    values = list(raw) if isinstance(raw, list | tuple) else [raw]
    return [v for v in (_choice(q, x) for x in values) if v]


_YES = {"ja", "j", "yes", "y", "true", "waar", "1"}
_NO = {"nee", "n", "no", "false", "onwaar", "0"}


def _confirm(q: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueError(_("Answer ja or nee."))


def _list_action(q: Question, raw: Any) -> str:
    text = str(raw).strip()
    if text in (ADD, DONE):
        return text
    verb, _sep, index = text.partition(":")
    if verb in LIST_VERBS and index.isdigit() and int(index) < len(q.items):
        return text
    raise ValueError(_("Choose toevoegen, klaar, or bewerk/omhoog/verwijder with a number."))


_PARSERS: dict[str, Callable[[Question, Any], Any]] = {
    "text": _text,
    "lines": _lines,
    "date": _optional(v.parse_date),
    "month": _optional(v.parse_date_or_month),  # a day, or only a month ("mei 2019")
    "when": _optional(v.parse_date_or_text),
    "phone": _optional(v.parse_phone),
    "email": _optional(v.parse_email),
    "ref": _optional(v.parse_ref),
    "number": _number,
    "choice": _choice,
    "multi": _multi,
    "confirm": _confirm,
    "list": _list_action,
}
