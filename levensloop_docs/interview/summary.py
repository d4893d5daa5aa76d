"""A readable Dutch summary of what an interview changed, shown before saving.

List items are named by what identifies them (a partner's id, a levensgebied, a
scenario's name) rather than by position, so moving one partner up does not read
as changes to five partners; a new order gets one line of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date, ngettext

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
    return [_("What changes (number of fields: {n}):").format(n=len(lines)), *lines]


# -- the summary in words, one line per part --------------------------------------------

_WIDTH = 200  # names listed after a count are cut here; the terminal wraps the line itself


def _group_label(path: tuple[str, ...]) -> str:
    labels = {
        ("meta",): _("Case"),
        ("persoon",): _("Person"),
        ("persoon", "juridisch_kader"): _("Legal framework"),
        ("gegevensdeling",): _("Data sharing"),
        ("netwerk", "partners"): _("Network"),
        ("netwerk", "naasten"): _("Network"),
        ("levensgebieden",): _("Levensgebieden"),
        ("scenarios",): _("Scenarios"),
        ("opschaling",): _("Scaling up and down"),
        ("opschaling", "stappen"): _("Scaling up and down"),
        ("risicotaxaties",): _("Risk assessment"),
        ("uitstroom",): _("Exit (uitstroom)"),
        ("incidenten",): _("Incidents and escalations"),
        ("aanmelding",): _("Aanmelding"),
        ("aanmelding", "voorgeschiedenis"): _("Aanmelding"),
        ("aanmelding", "criteria_landelijk"): _("Inclusion criteria"),
        ("aanmelding", "criteria_regio"): _("Inclusion criteria"),
    }
    return labels.get(path, path[0])


def _nouns(path: tuple[str, ...], n: int) -> str:
    nouns: dict[tuple[str, ...], Callable[[], str]] = {
        ("persoon", "juridisch_kader"): lambda: ngettext("title", "titles", n),
        ("netwerk", "partners"): lambda: ngettext("partner", "partners", n),
        ("netwerk", "naasten"): lambda: ngettext("naaste", "naasten", n),
        ("levensgebieden",): lambda: ngettext("levensgebied", "levensgebieden", n),
        ("scenarios",): lambda: ngettext("scenario", "scenarios", n),
        ("opschaling", "stappen"): lambda: ngettext("step up", "steps up", n),
        ("risicotaxaties",): lambda: ngettext("risk assessment", "risk assessments", n),
        ("incidenten",): lambda: ngettext("incident", "incidents", n),
        ("aanmelding", "voorgeschiedenis"): lambda: ngettext("event", "events", n),
        ("aanmelding", "criteria_landelijk"): lambda: ngettext("national criterion", "national criteria", n),
        ("aanmelding", "criteria_regio"): lambda: ngettext("regional criterion", "regional criteria", n),
    }
    return nouns.get(path, lambda: ngettext("item", "items", n))()


LISTS = (
    ("persoon", "juridisch_kader"), ("netwerk", "partners"), ("netwerk", "naasten"), ("levensgebieden",),
    ("scenarios",), ("opschaling", "stappen"), ("risicotaxaties",), ("aanmelding", "voorgeschiedenis"),
    ("aanmelding", "criteria_landelijk"), ("aanmelding", "criteria_regio"), ("incidenten",),
)  # fmt: skip
_VOCABULARY = {"gebied": "levensgebieden", "titel": "titels", "instrument": "instrumenten"}
_ITEM_NAME = ("organisatie", "naam", "gebied", "titel", "instrument", "criterium", "omschrijving", "wat")


def _item_name(item: Any, vocab: Any) -> str:
    if not isinstance(item, Mapping):
        return show_value(item)
    if "van" in item and "naar" in item:  # a step up
        return f"{_label(vocab, 'niveaus', item['van'])} -> {_label(vocab, 'niveaus', item['naar'])}"
    for key in _ITEM_NAME:
        if isinstance(item.get(key), str | date):
            vocabulary = _VOCABULARY.get(key)
            name = _label(vocab, vocabulary, item[key]) if vocabulary else show_value(item[key])
            when = item.get("datum")
            return f"{name} {format_date(when)}" if key == "instrument" and isinstance(when, date) else name
    return "?"


def _label(vocab: Any, name: str | None, key: Any) -> str:
    try:
        return str(vocab[name].label(str(key))) if vocab is not None and name else str(key)
    except (KeyError, LookupError):
        return str(key)


def _joined(names: list[str]) -> str:
    text = ", ".join(names)
    return text if len(text) <= _WIDTH else text[: _WIDTH - 3] + "..."


def _at(data: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        data = data.get(key) if isinstance(data, Mapping) else None
    return data


def _list_words(path: tuple[str, ...], old: list[Any], new: list[Any], vocab: Any) -> list[str]:
    def named(items: list[Any]) -> dict[str, Any]:
        return {_item_name(item, vocab): item for item in items}

    before, after = named(old), named(new)
    added = [n for n in after if n not in before]
    removed = [n for n in before if n not in after]
    changed = [
        f"{n}: {_joined(_changed_fields(before[n], after[n]))}"
        for n in after
        if n in before and after[n] != before[n]
    ]
    parts = []
    for names, verb in ((added, _("added")), (changed, _("changed")), (removed, _("removed"))):
        if names:
            parts.append(f"{len(names)} {_nouns(path, len(names))} {verb} ({_joined(names)})")
    kept_before = [n for n in before if n in after]
    if not parts and kept_before != [n for n in after if n in before]:
        parts.append(_("new order"))
    return parts


def _changed_fields(old: Any, new: Any) -> list[str]:
    """The fields of a list item that differ (top level: "telefoon", "acties")."""
    if not (isinstance(old, Mapping) and isinstance(new, Mapping)):
        return []
    return [_field(k) for k in dict.fromkeys([*new, *old]) if old.get(k) != new.get(k)]


def _field(path: str) -> str:
    return path.replace("_", " ").replace(".", " ")


# Fields whose value is a key of a vocabulary: shown by its label ("Dakloos", not "dakloos").
_FIELD_VOCABULARY = {"verblijf": "verblijf", "route": "routes", "status": "statussen", "besluit": "besluiten"}


def _shown(path: str, value: Any, vocab: Any) -> str:
    name = _FIELD_VOCABULARY.get(path.rsplit(".", 1)[-1])
    return _label(vocab, name, value) if name and isinstance(value, str) else show_value(value)


def _mapping_words(old: Any, new: Any, skip: set[str], values: bool, vocab: Any = None) -> list[str]:
    before = {p: v for p, v in _leaves(old or {}) if p.split(".")[0].split("[")[0] not in skip}
    after = {p: v for p, v in _leaves(new or {}) if p.split(".")[0].split("[")[0] not in skip}
    before = {p: v for p, v in before.items() if not p.endswith("#")}
    after = {p: v for p, v in after.items() if not p.endswith("#")}
    filled = [p for p in after if p not in before]
    changed = [p for p in after if p in before and before[p] != after[p]]
    cleared = [p for p in before if p not in after]
    if values and len(filled) + len(changed) + len(cleared) <= 3:
        out = [f"{_field(p)}: {_shown(p, after[p], vocab)}" for p in filled]
        out += [
            f"{_field(p)}: {_shown(p, before[p], vocab)} -> {_shown(p, after[p], vocab)}" for p in changed
        ]
        return out + [_("{field} emptied").format(field=_field(p)) for p in cleared]
    out = []
    for paths, verb in ((filled, _("filled in")), (changed, _("changed")), (cleared, _("emptied"))):
        if paths:
            out.append(f"{_joined([_field(p) for p in paths])} {verb}")
    return out


def in_words(
    old: Mapping[str, Any], new: Mapping[str, Any], vocab: Any = None, *, values: bool = True
) -> list[str]:
    """What changes, one line per part, in the casemanager's words (the full list: ``changes``)."""
    by_part: dict[str, list[str]] = {}
    tops = list(dict.fromkeys([*new, *old]))
    for top in tops:
        subs = [p for p in LISTS if p[0] == top and len(p) == 2]
        skip = {p[1] for p in subs}
        if (top,) not in LISTS:
            words = _mapping_words(old.get(top), new.get(top), skip, values, vocab)
            by_part.setdefault(_group_label((top,)), []).extend(words)
        for path in [p for p in LISTS if p == (top,)] + subs:
            words = _list_words(path, _at(old, path) or [], _at(new, path) or [], vocab)
            by_part.setdefault(_group_label(path), []).extend(words)
    return [f"  {part}: " + "; ".join(words) for part, words in by_part.items() if words]


def summary_in_words(
    old: Mapping[str, Any], new: Mapping[str, Any], vocab: Any = None, *, values: bool = True
) -> list[str]:
    lines = in_words(old, new, vocab, values=values)
    if not lines:
        return [_("Nothing has changed.")]
    return [_("What changes:"), *lines]
