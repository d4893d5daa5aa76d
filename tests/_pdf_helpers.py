"""Helpers for the PDF tests: read PDFs and DOCX back as text, and a fake soffice."""

from __future__ import annotations

import stat
from pathlib import Path

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


def outline_titles(outline: list[object]) -> list[str]:
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
