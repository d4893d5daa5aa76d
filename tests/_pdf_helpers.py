"""Helpers for the PDF tests: read PDFs and DOCX back as text, and a fake soffice."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pypdf.generic import ArrayObject, DictionaryObject, StreamObject

DIACRITICS = "ëïéúûĳ€äöüèàçÉËÏÖÜ"


def squash(text: str) -> str:
    """Text without any whitespace: PDF line breaks fall elsewhere than in the DOCX."""
    return "".join(text.split())


def pdf_text(path: Path, password: str | None = None) -> str:
    from pypdf import PdfReader

    reader = PdfReader(path)
    if password is not None:
        reader.decrypt(password)
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def pdf_dict(value: object) -> DictionaryObject:
    """A pypdf value that must be a dictionary: pypdf types every lookup as the base PdfObject."""
    from pypdf.generic import DictionaryObject

    assert isinstance(value, DictionaryObject), type(value)
    return value


def pdf_stream(value: object) -> StreamObject:
    """A pypdf value that must be a stream (the XMP metadata)."""
    from pypdf.generic import StreamObject

    assert isinstance(value, StreamObject), type(value)
    return value


def pdf_array(value: object) -> ArrayObject:
    """A pypdf value that must be an array (a page's annotations)."""
    from pypdf.generic import ArrayObject

    assert isinstance(value, ArrayObject), type(value)
    return value


def pdf_str(value: object) -> str:
    """A pypdf value that must be text (a document-information entry)."""
    assert isinstance(value, str), type(value)
    return value


def outline_titles(outline: Sequence[object]) -> list[str]:
    """Top-level bookmark titles (nested lists hold each document's own headings)."""
    return [str(getattr(item, "title", "")) for item in outline if not isinstance(item, list)]


def fake_soffice(folder: Path, real: Path | None = None, release: Path | None = None) -> Path:
    """A soffice that never answers; with ``release``: it runs the real one once that file exists."""
    script = folder / "soffice"
    hang = "exec sleep 600"
    if real is not None and release is not None:
        hang = f'if [ -e "{release}" ]; then exec "{real}" "$@"; fi\nexec sleep 600'
    script.write_text(f"#!/bin/sh\n{hang}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script
