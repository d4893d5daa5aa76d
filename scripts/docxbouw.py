"""Building blocks for the Word templates (python-docx). Used by the maak_*.py scripts.

A one-time tool, outside the product: the .docx in templates/ is the source of truth, the
file a functional administrator edits in Word (and a region overrides with
``levensloop sjablonen kopieer``). Nothing builds, tests or renders with these scripts
(tests/test_own_templates.py holds that). Run one only to start a template afresh; it
refuses to overwrite an existing .docx unless given ``--overschrijf``, because that would
silently throw away every edit made in Word since.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
HEADER_FILL = "DCE6F0"
FONT = "Calibri"  # LibreOffice uses the metric-compatible Carlito (fonts-crosextra-carlito)


def new_document(title: str) -> DocumentObject:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.0)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 11)):
        st = styles[name]
        st.font.name = FONT
        st.font.size = Pt(size)
        st.font.color.rgb = ACCENT
        st.font.bold = name != "Title"
        rfonts = st.element.rPr.rFonts
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            rfonts.set(qn(attr), FONT)
        st.paragraph_format.space_before = Pt(12 if name == "Heading 1" else 8)
        st.paragraph_format.space_after = Pt(4)
        st.paragraph_format.keep_with_next = True
    doc.core_properties.title = title
    doc.core_properties.language = "nl-NL"
    dutch(doc)
    return doc


def dutch(doc: DocumentObject) -> None:
    """nl-NL in the styles (Word proofs Dutch; PDF /Lang nl-NL), no stale stylesWithEffects part."""
    from levensloop_docs.render.ooxml import finish

    finish(doc)


def field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """Insert a Word field (PAGE, NUMPAGES) into ``paragraph``."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    text = OxmlElement("w:t")
    text.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for el in (begin, instr, sep, text, end):
        run._r.append(el)


def header_footer(doc: DocumentObject, header_text: str, footer_text: str) -> None:
    section = doc.sections[0]
    hp = section.header.paragraphs[0]
    hp.text = header_text
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in hp.runs:
        run.font.size = Pt(8.5)
        run.font.color.rgb = ACCENT
    fp = section.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run(footer_text + " · pagina ")
    field(fp, "PAGE")
    fp.add_run(" van ")
    field(fp, "NUMPAGES")
    for run in fp.runs:
        run.font.size = Pt(8.5)


def shade(cell, fill: str = HEADER_FILL) -> None:  # type: ignore[no-untyped-def]
    tc_pr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))  # on by being there ('true' is not in the strict schema)


def grid_table(doc: DocumentObject, headers: list[str], loop: str, cells: list[str],
               widths: list[float]) -> Table:
    """A table with a shaded header row and one templated row repeated by ``{%tr for %}``."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for i, text in enumerate(headers):
        cell = table.rows[0].cells[i]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shade(cell)
    repeat_header(table.rows[0])
    table.rows[1].cells[0].text = "{%tr " + loop + " %}"
    for i, text in enumerate(cells):
        table.rows[2].cells[i].text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    for row in table.rows:
        for i, w in enumerate(widths):
            row.cells[i].width = Cm(w)
    return table


def label_table(doc: DocumentObject, rows: list[tuple[str, str]], widths: tuple[float, float] = (5.0, 11.6)) -> Table:
    """A two-column table: label left (shaded), value right."""
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = doc.styles["Table Grid"]
    for r, (label, value) in enumerate(rows):
        left, right = table.rows[r].cells
        left.text = ""
        left.paragraphs[0].add_run(label).bold = True
        shade(left)
        right.text = value
        left.width, right.width = Cm(widths[0]), Cm(widths[1])
    return table


def para(doc: DocumentObject, text: str, style: str | None = None, *, italic: bool = False) -> None:
    p = doc.add_paragraph(style=style)
    run = p.add_run(text)
    run.italic = italic


def save(doc: DocumentObject, path: Path, argv: list[str] | None = None) -> None:
    """Write a freshly built template; an existing one only with ``--overschrijf`` on the command line."""
    args = sys.argv[1:] if argv is None else argv
    if path.exists() and "--overschrijf" not in args:
        raise SystemExit(
            f"{path} bestaat al en is de bron (wat in Word is aangepast, gaat verloren). "
            "Niets geschreven. Begint u echt opnieuw? Draai het script dan met --overschrijf."
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))


def fixed_widths(table: Table, widths: list[float]) -> Table:
    """Make column widths stick in Word and LibreOffice: fixed layout plus the grid columns."""
    table.autofit = False  # python-docx writes <w:tblLayout w:type="fixed"/> in its place
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=False):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths, strict=False):
            cell.width = Cm(w)
    return table
