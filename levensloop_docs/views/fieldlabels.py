"""A readable Dutch label for every field of the case file, for ``inzage``.

The labels are the interview's own questions ("Waar verblijft de persoon?", "Wat wil deze
naaste?"): the interview parts name each field they ask with its key and its label, and
those pairs are read from their source text (not imported: the interview is a layer above
the views). A part asks a list item's fields as ``{key}.telefoon``; such a field gets the
label for every field of the part's sections that ends the same way, unless the part asks
two such fields with different labels (criteria of a step up and of the way down): then,
like a field the interview never asks, it is named after itself ("Verblijf toelichting").
The labels are translated through the catalogs, as in the interview.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from levensloop_docs.i18n import _

# ask.text("persoon.naam", _("Name") / interview.question(f"{key}.id", "text", _("Short name (id)")
_ASKED = re.compile(
    r"\(\s*f?\"(?P<key>[^\"]+)\",\s*(?:\"[a-z]+\",\s*)?_\(\s*\"(?P<label>[^\"]+)\"\s*\)"
)
# the sections of the case file each part asks about
PART_SECTIONS = {
    "meta": ("meta",), "persoon": ("persoon",), "juridisch": ("persoon.juridisch_kader",),
    "gegevensdeling": ("gegevensdeling",), "netwerk": ("netwerk",),
    "levensgebieden": ("levensgebieden",), "scenarios": ("scenarios",), "opschaling": ("opschaling",),
    "risicotaxatie": ("risicotaxaties",), "evaluatie": ("evaluaties", "client", "meta"),
    "incidenten": ("incidenten",), "uitstroom": ("uitstroom",), "bij_inclusie": ("bij_inclusie",),
}  # fmt: skip


def _normal(path: str) -> str:
    return re.sub(r"\[[^\]]*\]", "[]", path)


@cache
def _labels() -> dict[str, str]:
    """Field path (``netwerk.naasten[].wil``) -> the interview's label (its msgid)."""
    from levensloop_docs.reference.policy import case_field_paths

    folder = Path(__file__).resolve().parent.parent / "interview" / "parts"
    paths = sorted(case_field_paths())
    found: dict[str, str] = {}
    clashing: set[str] = set()
    try:
        sources = sorted(folder.glob("*.py"))
    except OSError:
        return found
    for source in sources:
        sections = PART_SECTIONS.get(source.stem, ())
        try:
            text = source.read_text(encoding="utf-8")
        except OSError:
            continue
        for match in _ASKED.finditer(text):
            key, label = _normal(match.group("key")), match.group("label")
            if "{" not in key:
                found.setdefault(key, label)
                continue
            tail = key.split("}", 1)[1]  # ".telefoon", ".bestemming.plaats"
            for path in paths:
                if any(path.startswith(s) for s in sections) and _normal(path).endswith(tail):
                    if path in found and found[path] != label and path not in clashing:
                        clashing.add(path)
                    found.setdefault(path, label)
    for path in clashing:
        del found[path]
    return found


def field_label(path: str, name: str) -> str:
    """The label of a field (path with [] for list items); its own name when nothing asks it."""
    label = _labels().get(_normal(path).removesuffix("[]"))
    if label:
        return _(label)
    return name.replace("_", " ").capitalize()
