"""The batch manifest fingerprints the whole document definition (review F1)."""

from __future__ import annotations

import dataclasses
from typing import Any

from levensloop_docs.batch.inputs import document_hash
from levensloop_docs.run.documents import DocumentType, registry


def test_changing_lettergrootte_changes_the_fingerprint() -> None:
    doc = registry()["signaleringsplan"]
    bigger = dataclasses.replace(doc, font_size=(doc.font_size or 11) + 6)
    assert document_hash(bigger) != document_hash(doc)


def test_a_field_added_to_the_definition_is_fingerprinted_without_listing_it() -> None:
    @dataclasses.dataclass(frozen=True)
    class Extended(DocumentType):
        kantlijn: str = "smal"  # a field a later version might add

    doc = registry()["levensloopplan"]
    base = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    narrow, wide = Extended(**base), Extended(**base, kantlijn="breed")
    assert document_hash(narrow) != document_hash(wide)


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, str):
        return value + "x"
    if isinstance(value, tuple):
        return (*value, "x")
    return 13.0 if value is None else float(value) + 1


def test_every_field_but_the_template_path_counts() -> None:
    doc = registry()["levensloopplan"]
    for f in dataclasses.fields(doc):
        if f.name != "template":
            changed = dataclasses.replace(doc, **{f.name: _changed(getattr(doc, f.name))})
            assert document_hash(changed) != document_hash(doc), f.name


def test_moving_the_templates_folder_keeps_the_fingerprint() -> None:
    doc = registry()["levensloopplan"]
    moved = dataclasses.replace(doc, template=doc.template.parent.parent / "elders" / doc.template.name)
    assert document_hash(moved) == document_hash(doc)
