"""A readable Dutch summary of what an interview changed, shown before saving.

List items are named by what identifies them (a partner's id, a levensgebied, a
scenario's name) rather than by position, so moving one partner up does not read
as changes to five partners; a new order gets one line of its own.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date

MAX_LINES = 60
IDENTITY = ("id", "gebied", "naam", "titel", "wat")


def _names(items: list[Any]) -> list[str]:
    """A name per list item; positions (1, 2, ...) when the items have no unique name."""
    names = []
    for i, item in enumerate(items):
        key = next((k for k in IDENTITY if isinstance(item, Mapping) and isinstance(item.get(k), str)), None)
        names.append(str(item[key]) if key else str(i + 1))
    return names if len(set(names)) == len(names) else [str(i + 1) for i in range(len(items))]


def _leaves(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(node, Mapping):
        for key, value in node.items():
            yield from _leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list) and node and all(isinstance(x, Mapping) for x in node):
        yield f"{path}#", _names(node)  # the order, compared on its own
        for name, value in zip(_names(node), node, strict=True):
            yield from _leaves(value, f"{path}[{name}]")
    else:
        yield path, node


def show_value(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, list):
        return "; ".join(show_value(v) for v in value)
    text = str(value).replace("\n", " ")
    return text if len(text) <= 70 else text[:67] + "..."


def _order_line(path: str, before: list[str], after: list[str]) -> str | None:
    kept_before = [n for n in before if n in after]
    kept_after = [n for n in after if n in before]
    if kept_before == kept_after:
        return None
    return "  ~ " + _("{field}: new order {names}").format(field=path[:-1], names=", ".join(after))


def changes(old: Mapping[str, Any], new: Mapping[str, Any], *, values: bool = True) -> list[str]:
    """One line per changed field: ``+`` new, ``-`` removed, ``~`` changed.

    ``values=False`` names the fields only: for runs without a person at the screen, whose
    output may end up in a log (personal data stays out of logs).
    """
    before, after = dict(_leaves(old)), dict(_leaves(new))
    lines = []
    for path, value in after.items():
        if path.endswith("#"):
            line = _order_line(path, before.get(path, []), value) if values else None
            lines.extend([line] if line else [])
        elif path not in before:
            lines.append(f"  + {path}: {show_value(value)}" if values else f"  + {path}")
        elif before[path] != value:
            shown = f": {show_value(before[path])} -> {show_value(value)}" if values else ""
            lines.append(f"  ~ {path}{shown}")
    lines.extend(f"  - {path}" for path in before if path not in after and not path.endswith("#"))
    return lines


def summary(old: Mapping[str, Any], new: Mapping[str, Any], *, values: bool = True) -> list[str]:
    lines = changes(old, new, values=values)
    if not lines:
        return [_("Nothing has changed.")]
    head = [_("What changes (number of fields: {n}):").format(n=len(lines))]
    if len(lines) > MAX_LINES:
        rest = len(lines) - MAX_LINES
        return [*head, *lines[:MAX_LINES], "  " + _("... and {n} more.").format(n=rest)]
    return head + lines
