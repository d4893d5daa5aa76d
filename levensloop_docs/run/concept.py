"""CONCEPT marking: a document whose case breaks a safety rule is never printed as if complete.

The gate (``case/safety.py``) says which points are open for one document. Here they are put
on the finished file, in one way for every template: the DOCX gets "CONCEPT" in the header of
every page and a box at the top of page 1 listing the open points with what to do (the PDF is
made from that DOCX, so it says the same); the HTML gets a banner that repeats on every
printed page and the same box. No template needs to know about it.
"""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from levensloop_docs.case.safety import OpenPoint, Verdict
from levensloop_docs.errors import UnsafeDocumentError
from levensloop_docs.i18n import _, ngettext

RED = "B00020"
PINK = "FBEAEA"


def banner() -> str:
    return _("CONCEPT - not complete, do not act on it as if it were")


def box_title(n: int) -> str:
    return ngettext("This document is a CONCEPT: {n} point is open",
                    "This document is a CONCEPT: {n} points are open", n).format(n=n)


def what_to_do() -> str:
    return _("What to do:")


# -- DOCX -------------------------------------------------------------------------------------

def mark_docx(path: Path, points: tuple[OpenPoint, ...]) -> None:
    """Put the CONCEPT header on every page and the box of open points at the top of page 1."""
    from docx import Document

    from levensloop_docs.atomic import write_bytes

    doc = Document(str(path))
    for header in _headers(doc):
        _header_line(header)
    _box(doc, points)
    data = io.BytesIO()
    doc.save(data)
    write_bytes(path, data.getvalue())


def _headers(doc: Any) -> list[Any]:
    """Every header a page can show: each section's own (first page and even pages when used).

    A header linked to the previous section shows that section's header, already marked.
    """
    headers = []
    for i, section in enumerate(doc.sections):
        kinds = [section.header]
        if section.different_first_page_header_footer:
            kinds.append(section.first_page_header)
        if doc.settings.odd_and_even_pages_header_footer:
            kinds.append(section.even_page_header)
        headers += [h for h in kinds if i == 0 or not h.is_linked_to_previous]
    return headers


def _header_line(header: Any) -> None:
    from docx.shared import Pt, RGBColor

    first = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    para = first.insert_paragraph_before() if first.text.strip() else first
    run = para.add_run(banner())
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor.from_string(RED)


def _box(doc: Any, points: tuple[OpenPoint, ...]) -> None:
    """A one-cell table with a red border and a light fill, moved to the start of the body."""
    from docx.shared import Pt, RGBColor

    table = doc.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    _cell_style(cell)
    title = cell.paragraphs[0]
    run = title.add_run(box_title(len(points)))
    run.bold = True
    run.font.size = Pt(12)
    run.font.color.rgb = RGBColor.from_string(RED)
    for point in points:
        para = cell.add_paragraph()
        para.paragraph_format.left_indent = Pt(12)
        para.paragraph_format.first_line_indent = Pt(-12)
        para.paragraph_format.space_before = Pt(3)
        para.add_run("• " + point.text + " ")
        todo = para.add_run(what_to_do() + " ")
        todo.bold = True
        para.add_run(point.todo)
    body = doc.element.body
    body.insert(0, table._tbl)
    spacer = doc.add_paragraph()._p  # keeps the box off the document's own first table
    body.insert(1, spacer)


def _cell_style(cell: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), PINK)
    tc_pr.append(shd)
    borders = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "18")
        edge.set(qn("w:color"), RED)
        borders.append(edge)
    tc_pr.append(borders)


# -- HTML -------------------------------------------------------------------------------------

# Only the tags the rest of the page uses (a one-cell table, as the box in the DOCX).
CSS = (
    ".concept-kop{position:fixed;top:0;left:0;right:0;margin:0;text-align:center;font-weight:bold;"
    f"color:#{RED};background:#fff;border-bottom:2px solid #{RED};padding:2px 0}}"
    f"table.concept{{border:3px solid #{RED};background:#{PINK};margin:2.2em 0 1em;width:100%}}"
    f"table.concept td{{border:0;padding:.4em 1em}}.concept-titel{{color:#{RED};font-size:1.15em}}"
)


def concept_html(points: tuple[OpenPoint, ...]) -> str:
    """The banner (fixed: printed at the top of every page) and the box of open points."""
    items = "".join(
        f"<li>{html.escape(p.text)} <strong>{html.escape(what_to_do())}</strong> {html.escape(p.todo)}</li>"
        for p in points
    )
    return (
        f"<style>{CSS}</style>\n"
        f'<p class="concept-kop" role="note">{html.escape(banner())}</p>\n'
        f'<table class="concept" role="alert"><tr><td><p class="concept-titel"><strong>'
        f"{html.escape(box_title(len(points)))}</strong></p><ul>{items}</ul></td></tr></table>\n"
    )


def mark_html(path: Path, points: tuple[OpenPoint, ...]) -> None:
    from levensloop_docs.atomic import write_text

    page = path.read_text(encoding="utf-8")
    head, sep, rest = page.partition("<body>\n")
    if not sep:  # not our own page layout: put it first
        head, sep, rest = "", "", page
    write_text(path, head + sep + concept_html(points) + rest)


def mark(path: Path, fmt: str, points: tuple[OpenPoint, ...]) -> None:
    """Mark one finished file of a concept document (PDF: its DOCX was marked before)."""
    if not points:
        return
    if fmt == "docx":
        mark_docx(path, points)
    elif fmt == "html":
        mark_html(path, points)


# -- refusals ---------------------------------------------------------------------------------

def refusal(case_id: str, title: str, verdict: Verdict, *, definitive: bool) -> UnsafeDocumentError:
    """Why a document is not made: it cannot serve its purpose, or it would be a concept."""
    points = verdict.refusals or verdict.points
    if verdict.refusals:
        msg = _("Case {case}: the {title} is not made, because it cannot do its job:")
    else:
        msg = _("Case {case}: the {title} is not made as final (--definitief), because points are open:")
    lines = [msg.format(case=case_id, title=title)]
    for p in points:
        lines.append(f"  - {p.text} {what_to_do()} {p.todo} ({p.field})")
    hint = None if verdict.refusals or not definitive else _(
        "Without --definitief the document is made, marked CONCEPT, with these points on page 1.")
    return UnsafeDocumentError("\n".join(lines), hint=hint)
