"""Word (DOCX) from the HTML of a Markdown document, built with python-docx.

Building the document ourselves (rather than letting LibreOffice import HTML) gives a
file that prints the same in Word and LibreOffice: A4, real heading styles (bookmarks
in the PDF), a footer with "pagina X van Y" fields, a framed contact box, and only
Calibri (Carlito in LibreOffice, the same width) and Liberation Mono. Bullets and
numbers are written as text with a hanging indent, so a numbered list always starts at 1.

Pictures: an ``<img>`` (Markdown ``![alt](data:image/png;base64,...)``) is embedded when its
source is a PNG or JPEG data URI, with the alt text as the picture's description; any
other source prints the alt text, so a document never reads files or the network.

Recognised blocks: h1-h3, p, ul/ol (nested), table, blockquote, ``div.contact`` and
``div.kader`` (framed boxes), ``div.klein`` (small print), ``section.nieuwe-pagina`` (starts
on a new page; a chapter, ``section.hoofdstuk``, runs on after the one before) and
``div.inhoudsopgave`` (where the table of contents goes).
"""

from __future__ import annotations

import copy
import functools
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from levensloop_docs.atomic import atomic_path
from levensloop_docs.i18n import _

FONT = "Calibri"
MONO = "Liberation Mono"
ACCENT = "0B4F6C"
TEXT_WIDTH_MM = 170
LANDSCAPE_TEXT_WIDTH_MM = 257  # A4 on its side, the same 20 mm margins
MARK_FILL = "FCE4D6"  # a row marked for action (<tr class="actie">): light orange, also in grey print
SHORT_TABLE_ROWS = 10  # up to this many rows a table is kept on one page


# div.groen / div.oranje / div.rood: the stoplight of a signaleringsplan (fill, bar colour); the
# text carries a symbol too (● ◊ ▪), so the phase reads in grey print as well.
PHASE_COLOURS = {"groen": ("E8F5E9", "2E7D32"), "oranje": ("FFF3E0", "E67E22"), "rood": ("FBEEEC", "C0392B")}


@dataclass(frozen=True)
class TocEntry:
    level: int
    text: str
    page: int | None = None


def _set_font(rpr_owner: Any, name: str) -> None:
    """Set a font on a style or run, dropping theme fonts (they would win over the name)."""
    from docx.oxml.ns import qn

    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _styles(doc: Any, font_size: float | None = None) -> None:
    from docx.shared import Pt, RGBColor

    body = font_size or 11
    normal = doc.styles["Normal"]
    _set_font(normal.element, FONT)
    normal.font.size = Pt(body)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    sizes = {"Title": 22, "Heading 1": 18, "Heading 2": 14, "Heading 3": 12}
    for name, size in sizes.items():
        style = doc.styles[name]
        _set_font(style.element, FONT)
        style.font.size = Pt(round(size * body / 11))
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = RGBColor.from_string(ACCENT if name != "Heading 3" else "1A1A1A")
        style.paragraph_format.space_before = Pt(14 if name != "Heading 3" else 10)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True


def _page(doc: Any, footer: str, landscape: bool = False) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    section = doc.sections[0]
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.footer_distance = Mm(10)
    para = section.footer.paragraphs[0]
    para.style = doc.styles["Normal"]  # the Footer style's own tab stops would come first
    para.paragraph_format.space_after = Pt(0)
    width = LANDSCAPE_TEXT_WIDTH_MM if landscape else TEXT_WIDTH_MM
    para.paragraph_format.tab_stops.add_tab_stop(Mm(width), alignment=2)  # 2 = right
    page, of = _("page"), _("of")  # "pagina 2 van 5"
    for part in (f"{footer}\t{page} ", "PAGE", f" {of} ", "NUMPAGES"):
        if part in ("PAGE", "NUMPAGES"):
            _field(para, part)
        else:
            para.add_run(part)
    for run in para.runs:
        run.font.size = Pt(8.5)


def _field(paragraph: Any, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES); LibreOffice and Word compute it when laying out."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    def char(kind: str) -> Any:
        run = paragraph.add_run()
        run.font.size = Pt(8.5)
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        return run

    char("begin")
    instr = paragraph.add_run()
    instr.font.size = Pt(8.5)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    char("separate")
    cached = paragraph.add_run("1")
    cached.font.size = Pt(8.5)
    char("end")


def _shade(cell: Any, fill: str, borders: dict[str, tuple[str, int]]) -> None:
    """Background, borders and margins of a cell, each put where the schema wants it in ``w:tcPr``.

    Word's order is tcW, gridSpan, vMerge, tcBorders, shd, noWrap, tcMar, ...: appended in
    another order Word may call the file damaged (python-docx's inserts keep the order).
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    edges = OxmlElement("w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        color, size = borders.get(side, ("auto", 0))
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "single" if size else "nil")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:color"), color)
        edges.append(edge)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    margins = OxmlElement("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "140")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    after_mar = ("w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark", "w:headers", "w:cellIns",
                 "w:cellDel", "w:cellMerge", "w:tcPrChange")
    tcpr.insert_element_before(margins, *after_mar)
    tcpr.insert_element_before(shd, "w:noWrap", "w:tcMar", *after_mar)
    tcpr.insert_element_before(edges, "w:shd", "w:noWrap", "w:tcMar", *after_mar)


class _Builder:
    """Walks the HTML tree once and appends paragraphs and tables to the document."""

    def __init__(self, doc: Any, toc: list[TocEntry], width_mm: float = TEXT_WIDTH_MM) -> None:
        self.doc = doc
        self.toc = toc
        self.width_mm = width_mm
        self.break_before = False
        self.small = False  # inside div.klein: small print (begrippenlijst, colofon)

    # -- inline ---------------------------------------------------------------------------
    def inline(self, para: Any, element: Any, fmt: frozenset[str] = frozenset()) -> None:
        if element.text:
            self.run(para, element.text, fmt)
        for child in element:
            self.inline_one(para, child, fmt)
            if child.tail:
                self.run(para, child.tail, fmt)

    def inline_one(self, para: Any, child: Any, fmt: frozenset[str]) -> None:
        """One inline element, without its tail (the caller writes the tail)."""
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "br":
            para.add_run().add_break()
            return
        if tag == "img":
            self.picture(para, child)
            return
        extra = {"strong": "b", "b": "b", "em": "i", "i": "i", "code": "code"}.get(tag)
        self.inline(para, child, fmt | {extra} if extra else fmt)
        href = child.get("href", "") if tag == "a" else ""
        shown = href.removeprefix("mailto:")
        if href.startswith(("http", "mailto:")) and shown not in child.text_content():
            self.run(para, f" ({shown})", fmt)

    def run(self, para: Any, text: str, fmt: frozenset[str]) -> None:
        if "\n" in text:  # a line break in the Markdown source is a space in print
            text = re.sub(r"[ \t]*\n\s*", " ", text)
        run = para.add_run()
        _text_keeping_numbers(run, text)
        if self.small and not para.style.name.startswith("Heading"):
            run.font.size = _pt(9.5)
        run.bold = True if "b" in fmt else None
        run.italic = True if "i" in fmt else None
        if "code" in fmt:
            _set_font(run._r, MONO)

    def picture(self, para: Any, img: Any) -> None:
        """An embedded PNG or JPEG (data URI), at most the text width, with its alt text kept."""
        alt = img.get("alt", "")
        blob = image_bytes(img.get("src", ""))
        if blob is None:  # only embedded pictures: a path or a URL would read outside the document
            self.run(para, f"[{alt}]" if alt else "", frozenset())
            return
        from docx.image.image import Image

        info = Image.from_blob(blob)
        natural_mm = info.px_width / (info.horz_dpi or 96) * 25.4
        para.paragraph_format.keep_together = True
        shape = para.add_run().add_picture(io.BytesIO(blob), width=_mm(min(natural_mm, TEXT_WIDTH_MM)))
        shape._inline.docPr.set("descr", alt)  # the alt text, for screen readers (Word: "Alt Text")

    # -- blocks ---------------------------------------------------------------------------
    def paragraph(self, box: Any, style: str | None = None) -> Any:
        para = box.add_paragraph()
        if style is not None:  # what ``add_paragraph(style=...)`` does, without its style search
            para._p.style = _style_id(style, "paragraph")
        if self.break_before:
            para.paragraph_format.page_break_before = True
            self.break_before = False
        return para

    def blocks(self, box: Any, element: Any, depth: int = 0) -> None:
        if element.text and element.text.strip():
            self.run(self.paragraph(box), element.text.strip(), frozenset())
        for child in element:
            self.block(box, child, depth)
            if child.tail and child.tail.strip():
                self.run(self.paragraph(box), child.tail.strip(), frozenset())

    def block(self, box: Any, el: Any, depth: int) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.inline(self.paragraph(box, f"Heading {min(3, int(tag[1]))}"), el)
        elif tag == "p":
            self.inline(self.paragraph(box), el)
        elif tag in ("ul", "ol"):
            self.listing(box, el, depth)
        elif tag == "table":
            self.table(box, el)
        elif tag == "blockquote":
            self.quote(box, el)
        elif tag in ("div", "section", "main", "nav", "article"):
            self.container(box, el, tag, depth)
        elif tag == "hr":
            return
        elif tag:
            self.inline(self.paragraph(box), el)

    def quote(self, box: Any, el: Any) -> None:
        for para_el in el:
            para = self.paragraph(box)
            para.paragraph_format.left_indent = _mm(8)
            self.inline(para, para_el, frozenset({"i"}))

    def container(self, box: Any, el: Any, tag: str, depth: int) -> None:
        """A div or section: its class says whether it is a contents list, a frame, small print."""
        classes = set((el.get("class") or "").split())
        if tag == "div" and "inhoudsopgave" in classes:
            self.contents(box)
        elif tag == "div" and classes & {"contact", "kader"}:
            self.framed(box, el, "kader" in classes)
        elif tag == "div" and classes & set(PHASE_COLOURS):
            self.phase(box, el, PHASE_COLOURS[next(iter(classes & set(PHASE_COLOURS)))])
        elif tag == "div" and "klein" in classes:
            self.small = True
            try:
                self.blocks(box, el, depth)
            finally:
                self.small = False
        elif tag == "section" and "nieuwe-pagina" in classes:
            self.break_before = True
            self.blocks(box, el, depth)
        else:
            self.blocks(box, el, depth)

    def listing(self, box: Any, el: Any, depth: int) -> None:
        from docx.shared import Mm

        number = 0
        for li in el:
            if not isinstance(li.tag, str) or li.tag != "li":
                continue
            number += 1
            mark = f"{number}." if el.tag == "ol" else ("•" if depth % 2 == 0 else "–")
            para = self.paragraph(box)
            fmt = para.paragraph_format
            fmt.left_indent = Mm(6 + 6 * depth)
            fmt.first_line_indent = Mm(-6)
            fmt.space_after = _pt(3)
            fmt.tab_stops.add_tab_stop(Mm(6 + 6 * depth))
            para.add_run(f"{mark}\t")
            self.list_item(box, para, li, depth)

    def list_item(self, box: Any, para: Any, li: Any, depth: int) -> None:
        """The first text of an item goes after the mark; nested lists and paragraphs follow."""
        current: Any = para
        if li.text and li.text.strip():
            self.run(current, li.text.lstrip(), frozenset())
        for child in li:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in ("ul", "ol"):
                self.listing(box, child, depth + 1)
                current = None
            elif tag == "p":
                if current is None or current is not para or len(para.runs) > 1:
                    current = self.paragraph(box)
                    current.paragraph_format.left_indent = _mm(6 + 6 * depth)
                self.inline(current, child)
            else:
                if current is None:
                    current = self.paragraph(box)
                    current.paragraph_format.left_indent = _mm(6 + 6 * depth)
                self.inline_one(current, child, frozenset())
            if child.tail and child.tail.strip():
                if current is None:
                    current = self.paragraph(box)
                    current.paragraph_format.left_indent = _mm(6 + 6 * depth)
                self.run(current, child.tail, frozenset())

    def table(self, box: Any, el: Any) -> None:
        """A table, row by row on the XML (python-docx's ``table.cell`` walks every cell each time).

        The header row (``th`` cells) repeats on each page; no row is split over two pages.
        """
        from docx.table import _Cell

        rows = [r for r in el.iter("tr")]
        if not rows:
            return
        width = max(len([c for c in r if c.tag in ("td", "th")]) for r in rows)
        table = box.add_table(rows=len(rows), cols=width)
        table._tbl.tblStyle_val = _style_id("Table Grid", "table")  # = table.style = ..., looked up once
        wide = self.width_mm > TEXT_WIDTH_MM
        fit = _fitted_widths if wide else _column_widths
        widths = fit(rows, width, self.width_mm)
        if wide:
            _narrow_margins(table)
        for j, column in enumerate(table.columns):  # the grid too: LibreOffice lays out by it
            column.width = widths[j]
        keep_all = len(rows) <= SHORT_TABLE_ROWS  # a short table stays on one page
        made: dict[tuple[int, bool, bool, bool], Any] = {}  # a finished plain cell per column and kind
        for i, (row, tr) in enumerate(zip(rows, table._tbl.tr_lst, strict=True)):
            cells = [c for c in row if c.tag in ("td", "th")]
            marked = "actie" in (row.get("class") or "").split()
            for j, (cell_el, tc) in enumerate(zip(cells, tr.tc_lst, strict=False)):
                # a long table may break between rows, but never right after its header
                keep = i < len(rows) - 1 and (keep_all or i == 0)
                text = _plain_text(cell_el) if not self.small else None
                key = (j, keep, bool(text), marked)
                if text is not None and key in made:
                    tr.replace(tc, _with_text(made[key], text))
                    continue
                self.table_cell(_Cell(tc, table), cell_el, widths[j], keep, marked)
                if text is not None:
                    made[key] = tc
            _no_split(tr, header=all(c.tag == "th" for c in cells) and i == 0)
        self.paragraph(box).paragraph_format.space_after = _pt(2)

    def table_cell(self, cell: Any, cell_el: Any, width: Any, keep_with_next: bool,
                   marked: bool = False) -> None:
        cell.width = width
        para = cell.paragraphs[0]
        para.paragraph_format.space_after = _pt(2)
        header = cell_el.tag == "th"
        self.inline(para, cell_el, frozenset({"b"}) if header or marked else frozenset())
        if marked:
            _fill(cell, MARK_FILL)
        if header:
            _shade(cell, "E4EEF2", {s: ("B8C7CF", 4) for s in ("top", "left", "bottom", "right")})
        if keep_with_next:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True

    def framed(self, box: Any, el: Any, warning: bool) -> None:
        table = box.add_table(rows=1, cols=1)
        cell = table.cell(0, 0)
        if warning:
            _shade(cell, "FBEEEC", {"left": ("C0392B", 24)})
        else:
            _shade(cell, "EEF5F8", {s: (ACCENT, 12) for s in ("top", "left", "bottom", "right")})
        first = cell.paragraphs[0]
        self.blocks(cell, el)
        if len(cell.paragraphs) > 1 and not first.text:
            first._p.getparent().remove(first._p)
        self.paragraph(box).paragraph_format.space_after = _pt(2)

    def phase(self, box: Any, el: Any, colours: tuple[str, str]) -> None:
        """A stoplight phase of a signaleringsplan: a tinted box with a thick bar in its colour."""
        fill, bar = colours
        table = box.add_table(rows=1, cols=1)
        cell = table.cell(0, 0)
        _shade(cell, fill, {"left": (bar, 48)})
        first = cell.paragraphs[0]
        self.blocks(cell, el)
        if len(cell.paragraphs) > 1 and not first.text:
            first._p.getparent().remove(first._p)
        self.paragraph(box).paragraph_format.space_after = _pt(2)

    def contents(self, box: Any) -> None:
        from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
        from docx.shared import Mm

        if not self.toc:
            return
        self.paragraph(box, "Heading 2").add_run("Inhoud")
        for entry in self.toc:
            para = self.paragraph(box)
            fmt = para.paragraph_format
            fmt.left_indent = Mm(0 if entry.level <= 1 else 6)
            fmt.space_after = _pt(2)
            fmt.tab_stops.add_tab_stop(Mm(TEXT_WIDTH_MM), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
            run = para.add_run(f"{entry.text}\t{entry.page if entry.page is not None else ''}")
            run.bold = True if entry.level <= 1 else None
        self.break_before = True


_DATA_URI = re.compile(r"data:image/(png|jpeg);base64,([A-Za-z0-9+/=\s]+)")


# The hyphen of a Dutch phone number (050-0000101, 0900-8844, 06-12345678): a line may not
# break there, or "050-" ends one line and the number goes on the next (review 7 december).
PHONE_HYPHEN = re.compile(r"(?<![\d-])(0\d{1,3})-(?=\d{4,8}(?![\d-]))")


def _text_keeping_numbers(run: Any, text: str) -> None:
    """The run's text, with a non-breaking hyphen (``w:noBreakHyphen``) in each phone number.

    Word and LibreOffice draw it as the font's own hyphen (no fallback glyph), and read back
    with python-docx (``run.text``) it is "-" again.
    """
    from docx.oxml import OxmlElement

    start = 0
    for m in PHONE_HYPHEN.finditer(text):
        run._r.add_t(text[start:m.end(1)])
        run._r.append(OxmlElement("w:noBreakHyphen"))
        start = m.end()
    if start < len(text):
        run._r.add_t(text[start:])


def image_bytes(src: str) -> bytes | None:
    """The picture of a ``data:image/png;base64,...`` (or jpeg) URI; None for anything else."""
    import base64
    import binascii

    match = _DATA_URI.fullmatch(src.strip())
    if match is None:
        return None
    try:
        return base64.b64decode(match.group(2), validate=False)
    except (binascii.Error, ValueError):
        return None


def _plain_text(cell_el: Any) -> str | None:
    """The text of a data cell without markup, tabs or line breaks; None for any other cell.

    Such a cell is the same XML as the one before it in its column, but for the text: it is
    copied instead of built again (20,000 cells through python-docx's API take seconds).
    """
    if cell_el.tag != "td" or len(cell_el):
        return None
    text = cell_el.text or ""
    return None if any(c in text for c in "\t\n\r") else text


def _with_text(model_tc: Any, text: str) -> Any:
    """A copy of the finished cell ``model_tc`` holding ``text`` (kept as is, spaces too)."""
    from docx.oxml.ns import qn

    tc = copy.deepcopy(model_tc)
    for t in tc.iter(qn("w:t")):
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return tc


def _no_split(tr: Any, header: bool = False) -> None:
    """The row is never split over two pages; a header row repeats at the top of each page."""
    from docx.oxml import OxmlElement

    props = tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))


def _fill(cell: Any, fill: str) -> None:
    """Shade a cell (a row marked for action); its borders stay the table's."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


# Millimetres per character of the longest word, plus the cell's padding: a column is never
# narrower than its longest word ('Gepland', 'Levensgebied', 'december'), so no word is broken
# over lines ('Ge / pla / nd', review of 7 December 2026).
MM_PER_CHAR = 2.1
CELL_PADDING_MM = 4.0


def _column_widths(rows: list[Any], count: int, text_mm: float = TEXT_WIDTH_MM) -> list[Any]:
    """Each column at least its longest word; the rest shared by how much each column holds."""
    weight = [8.0] * count
    longest = [0] * count
    for row in rows:
        for j, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            content = cell.text_content()
            weight[j] = max(weight[j], min(60.0, float(len(content))))
            longest[j] = max([longest[j], *(len(word) for word in content.split())])
    floor = [min(25.0, n) * MM_PER_CHAR + CELL_PADDING_MM for n in longest]
    if sum(floor) > text_mm:  # too many columns for their words: share the width as before
        floor = [0.0] * count
    rest = text_mm - sum(floor)
    total = sum(weight)
    return [_mm(f + rest * w / total) for f, w in zip(floor, weight, strict=True)]


def _narrow_margins(table: Any) -> None:
    """Cell margins of 1 mm left and right: a landscape table has many columns."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), "57")  # twentieths of a point: 1 mm
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    # before tblLook (python-docx writes one): the schema's order, or Word may call the file damaged
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription",
                                           "w:tblPrChange")


def _fitted_widths(rows: list[Any], count: int, text_mm: float) -> list[Any]:
    """Wide (landscape) tables: every column at least as wide as its longest word, so a date
    or a case number is never broken over lines; the rest of the width goes to the long texts."""
    longest_word = [4.0] * count
    want = [4.0] * count
    for row in rows:
        for j, cell in enumerate(c for c in row if c.tag in ("td", "th")):
            text = cell.text_content()
            words = text.split()
            longest_word[j] = max(longest_word[j], float(max((len(w) for w in words), default=0)) + 2.5)
            want[j] = max(want[j], min(45.0, float(len(text)) + 1.5))
    base = sum(longest_word)
    room = (text_mm - 2.2 * count) / 1.75  # narrow cell margins (table), 1.75 mm a character
    if base >= room:
        return [_mm(text_mm * w / base) for w in longest_word]
    extra = [max(0.0, w - b) for w, b in zip(want, longest_word, strict=True)]
    spread = sum(extra) or 1.0
    chars = [b + (room - base) * e / spread for b, e in zip(longest_word, extra, strict=True)]
    if not sum(extra):
        chars = [b * room / base for b in longest_word]
    return [_mm(text_mm * c / sum(chars)) for c in chars]


def _mm(value: float) -> Any:
    from docx.shared import Mm

    return Mm(value)


def _pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)


_FOOTER_MARK = "levensloop-voettekst-3f9c"  # replaced by each document's footer


@functools.lru_cache(maxsize=8)
def _base(font_size: float | None, landscape: bool = False) -> Any:
    """The empty document with the house styles and the page set up, made once per size and
    orientation."""
    from docx import Document

    doc = Document()
    _styles(doc, font_size)
    _page(doc, _FOOTER_MARK, landscape)
    return doc


@functools.cache
def _style_id(name: str, kind: str) -> str | None:
    """python-docx's ``get_style_id`` for a style of the base document, once per process: it
    searches the 800 kB of styles on every call (a quarter of a document's time)."""
    from docx.enum.style import WD_STYLE_TYPE

    kinds = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "table": WD_STYLE_TYPE.TABLE}
    found = _base(None).part.get_style_id(name, kinds[kind])
    return None if found is None else str(found)  # None: the default style, written as no style


def _fresh(font_size: float | None, footer: str, landscape: bool = False) -> Any:
    """A copy of ``_base`` with this document's footer: what Document(), ``_styles`` and
    ``_page(doc, footer, landscape)`` make, at half the cost (tests/test_markdown.py compares them)."""
    doc = copy.deepcopy(_base(font_size, landscape))
    first = doc.sections[0].footer.paragraphs[0].runs[0]
    first.text = first.text.replace(_FOOTER_MARK, footer)
    return doc


def build_docx(
    body_html: str,
    target: Path,
    *,
    properties: dict[str, str],
    footer: str,
    toc: list[TocEntry] | None = None,
    font_size: float | None = None,
    landscape: bool = False,
) -> None:
    """Write the HTML fragment ``body_html`` as a DOCX to ``target`` (atomically).

    ``font_size``: body text in points (headings scale with it); None keeps the house 11 pt.
    ``landscape``: A4 on its side (wide tables: the overzicht, the monitor).
    """
    import lxml.html

    from levensloop_docs.render.docx import set_properties
    from levensloop_docs.render.ooxml import finish

    doc = _fresh(font_size, footer, landscape)
    root = lxml.html.fragment_fromstring(body_html or "<p></p>", create_parent="div")
    builder = _Builder(doc, toc or [], LANDSCAPE_TEXT_WIDTH_MM if landscape else TEXT_WIDTH_MM)
    builder.blocks(doc, root)
    set_properties(doc, properties)
    finish(doc)  # Dutch, and no stale stylesWithEffects part
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
