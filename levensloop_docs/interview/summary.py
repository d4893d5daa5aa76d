"""A readable Dutch summary of what an interview changed, shown before saving."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from levensloop_docs.checks import format_loc
from levensloop_docs.i18n import _, format_date

MAX_LINES = 60


def _leaves(node: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[str, Any]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _leaves(value, (*loc, key))
    elif isinstance(node, list) and any(isinstance(x, Mapping) for x in node):
        for i, value in enumerate(node):
            yield from _leaves(value, (*loc, i))
    else:
        yield format_loc(loc), node


def show_value(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 70 else text[:67] + "..."


def changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    """One line per changed field: ``+`` new, ``-`` removed, ``~`` changed."""
    before, after = dict(_leaves(old)), dict(_leaves(new))
    lines = []
    for path, value in after.items():
        if path not in before:
            lines.append(f"  + {path}: {show_value(value)}")
        elif before[path] != value:
            lines.append(f"  ~ {path}: {show_value(before[path])} -> {show_value(value)}")
    lines.extend(f"  - {path}" for path in before if path not in after)
    return lines


def summary(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[str]:
    lines = changes(old, new)
    if not lines:
        return [_("Nothing has changed.")]
    head = [_("What changes (number of fields: {n}):").format(n=len(lines))]
    if len(lines) > MAX_LINES:
        rest = len(lines) - MAX_LINES
        return [*head, *lines[:MAX_LINES], "  " + _("... and {n} more.").format(n=rest)]
    return head + lines
