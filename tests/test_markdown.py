"""The Markdown engine: values stay data (property-tested), Dutch errors, valid HTML, print-ready DOCX."""

from __future__ import annotations

import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from levensloop_docs.errors import TemplateProblemError
from levensloop_docs.render.markdown import html_document, render_markdown_text
from levensloop_docs.text import clean_text

TEMPLATE = """# Kop {{ v }}

Tekst: {{ v }}

- {{ v }}
- vast

| kolom |
|---|
| {{ v }} |
"""
SPECIALS = list("\n\t<>&\"'#*_[]()`|{}\\!-+.=~:%")
PIECES = ["{{ 7*7 }}", "{% raw %}", "<script>", "&amp;", "\n\n# x", "    ", "\n- ", "\n1. ", "](x)"]
LETTERS = st.characters(blacklist_categories=("Cs", "Cc"))
CHARS = st.text(st.one_of(LETTERS, st.sampled_from(SPECIALS)), max_size=20)
VALUES = st.lists(st.one_of(CHARS, st.sampled_from(PIECES)), max_size=6).map("".join)
VOID = {"br", "hr", "meta", "img", "link", "input", "col", "area", "base", "wbr"}


def texts_by_tag(body: str) -> dict[str, list[str]]:
    """Text of each h1, p, li and td, with <br> read back as a line break."""
    import lxml.html

    root = lxml.html.fragment_fromstring(body, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return {tag: [el.text_content() for el in root.iter(tag)] for tag in ("h1", "p", "li", "td")}


@settings(max_examples=150, deadline=None)
@given(VALUES)
@example("<b>vet</b> & [link](http://x) *nadruk* `code` {{ 7*7 }}")
@example("# geen kop\n\n- geen lijst\n    inspringen\n===")
@example("| geen | tabel |")
def test_a_value_arrives_letter_for_letter_and_never_becomes_markup(value: str) -> None:
    rendered = render_markdown_text(TEMPLATE, {"v": value}, name=Path("t.md"))
    expected = clean_text(value)
    found = texts_by_tag(rendered.body)
    assert found["h1"] == [f"Kop {expected}"]
    assert found["p"] == [f"Tekst: {expected}"]
    assert found["li"] == [expected, "vast"]
    assert found["td"] == [expected]
    tags = StructureCheck.tags_of(rendered.body)
    assert tags <= {"h1", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "br"}


def test_markup_in_values_is_escaped_in_the_html() -> None:
    rendered = render_markdown_text("Naam: {{ v }}", {"v": '<script>alert("x")</script>'}, name=Path("t.md"))
    assert "<script>" not in rendered.body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in rendered.body


def test_headings_get_plain_ids_not_derived_from_their_text() -> None:
    rendered = render_markdown_text("# {{ v }}\n\n## Twee\n", {"v": "Geheim"}, name=Path("t.md"))
    found = [(h.level, h.text, h.anchor) for h in rendered.headings]
    assert found == [(1, "Geheim", "kop-1"), (2, "Twee", "kop-2")]
    assert 'id="kop-1"' in rendered.body and "geheim" not in rendered.body.lower().replace("geheim</h1>", "")


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ("{{ bestaat_niet }}", "bestaat_niet"),
        ("{% for x in %}", "opbouw van het sjabloon"),
        ("{{ ''.__class__.__mro__ }}", "niet is toegestaan"),
        ('{% include "bestaat/niet.md" %}', "bestaat/niet.md"),
    ],
)
def test_template_errors_are_dutch_and_name_the_file(source: str, fragment: str) -> None:
    with pytest.raises(TemplateProblemError) as caught:
        render_markdown_text(source, {}, name=Path("sjablonen/folder.md"), search_path=Path("/nonexistent"))
    text = "\n".join(caught.value.lines())
    assert "sjablonen/folder.md" in text
    assert fragment.lower() in text.lower()


class StructureCheck(HTMLParser):
    """A small validator: balanced tags, no stray end tags, doctype, lang, charset, title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.seen: set[str] = set()
        self.doctype = False
        self.attrs: dict[str, dict[str, str | None]] = {}
        self.ids: list[str] = []

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl.lower() == "doctype html"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)
        self.attrs.setdefault(tag, dict(attrs))
        self.ids.extend(v for k, v in attrs if k == "id" and v)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.add(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> sluit {self.stack[-1:]} ")
            return
        self.stack.pop()

    @classmethod
    def tags_of(cls, fragment: str) -> set[str]:
        checker = cls()
        checker.feed(fragment)
        checker.close()
        return checker.seen

    @classmethod
    def check_page(cls, page: str) -> StructureCheck:
        checker = cls()
        checker.feed(page)
        checker.close()
        assert checker.doctype, "geen <!DOCTYPE html>"
        assert not checker.errors, checker.errors
        assert not checker.stack, f"niet gesloten: {checker.stack}"
        assert checker.attrs["html"].get("lang") == "nl"
        assert checker.attrs["meta"].get("charset") == "utf-8"
        assert {"head", "title", "body", "main", "style"} <= checker.seen
        assert len(checker.ids) == len(set(checker.ids)), "dubbele id's"
        return checker


def test_a_page_is_valid_html_with_a_print_stylesheet() -> None:
    rendered = render_markdown_text(
        '# Titel\n\n<div class="contact" markdown="1">\n## Bel\n\n- **ZVH**: {{ v }}\n</div>\n',
        {"v": "a < b & c"}, name=Path("t.md"),
    )
    page = html_document(rendered, title="Titel <x>", footer="voet & zo", toc=True)
    checker = StructureCheck.check_page(page)
    assert {"nav", "footer"} <= checker.seen
    assert "@page" in page and "size: A4" in page and "counter(page)" in page
    assert "<title>Titel &lt;x&gt;</title>" in page


def test_docx_is_a4_with_heading_styles_page_numbers_and_only_our_fonts(tmp_path: Path) -> None:
    from docx import Document
    from docx.oxml.ns import qn

    from levensloop_docs.render.markdown_docx import TocEntry, build_docx

    rendered = render_markdown_text(
        '# Titel\n\n<div class="inhoudsopgave"></div>\n\n## Deel {{ v }}\n\n'
        "Tekst met **vet** en *schuin*.\n\n1. een\n2. twee\n    - sub\n\n"
        '<div class="contact" markdown="1">\n## Bel\n\nZVH: {{ v }}\n</div>\n\n'
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        {"v": "<x> & y"}, name=Path("t.md"),
    )
    target = tmp_path / "t.docx"
    build_docx(rendered.body, target, properties={"title": "T"}, footer="Voet",
               toc=[TocEntry(1, "Deel", 2)])
    doc = Document(str(target))
    section = doc.sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert (round(width.mm), round(height.mm)) == (210, 297)
    styles = [p.style.name if p.style else "" for p in doc.paragraphs if p.text.strip()]
    assert styles[0] == "Heading 1" and "Heading 2" in styles
    texts = [p.text for p in doc.paragraphs]
    assert "Deel <x> & y" in texts
    assert "1.\teen" in texts and "2.\ttwee" in texts and "–\tsub" in texts
    assert "Deel\t2" in texts  # the table of contents
    assert doc.tables[0].cell(0, 0).text.startswith("Bel")  # the contact box
    assert "ZVH: <x> & y" in doc.tables[0].cell(0, 0).text
    with zipfile.ZipFile(target) as z:
        footer = "".join(z.read(n).decode("utf-8") for n in z.namelist() if "footer" in n)
    assert "PAGE" in footer and "NUMPAGES" in footer
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Calibri" and fonts.get(qn("w:asciiTheme")) is None
    body = doc.element.body.xml
    assert set(re.findall(r'w:(?:ascii|hAnsi)="([^"]+)"', body)) <= {"Calibri", "Liberation Mono"}


@pytest.mark.parametrize(("font_size", "landscape"), [(None, False), (14.0, False), (None, True)])
def test_the_kept_base_document_builds_what_a_fresh_one_builds(
    tmp_path: Path, font_size: float | None, landscape: bool
) -> None:
    """build_docx copies a styled base made once per size; every part equals a document made
    from scratch (Document, styles, page, body), footer included, whatever came before."""
    import lxml.html
    from docx import Document

    from levensloop_docs.render import markdown_docx as md
    from levensloop_docs.render.docx import set_properties
    from levensloop_docs.render.ooxml import finish

    body = render_markdown_text(TEMPLATE, {"v": "a & b\tc"}, name=Path("t.md")).body
    md.build_docx(body, tmp_path / "eerst.docx", properties={"title": "A"}, footer="Eerste\tvoet",
                  font_size=font_size, landscape=landscape)  # a run before: nothing may carry over
    fast = tmp_path / "snel.docx"
    md.build_docx(body, fast, properties={"title": "T"}, footer="Voet <1> & 2", font_size=font_size,
                  landscape=landscape)
    doc = Document()
    md._styles(doc, font_size)
    md._page(doc, "Voet <1> & 2", landscape)
    width = md.LANDSCAPE_TEXT_WIDTH_MM if landscape else md.TEXT_WIDTH_MM
    md._Builder(doc, [], width).blocks(doc, lxml.html.fragment_fromstring(body, create_parent="div"))
    set_properties(doc, {"title": "T"})
    finish(doc)  # every DOCX is Dutch and has no stale stylesWithEffects part (render/ooxml.py)
    slow = tmp_path / "traag.docx"
    doc.save(str(slow))
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(slow) as b:
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name != "docProps/core.xml":  # holds the time it was made
                assert a.read(name) == b.read(name), name
        assert b"Voet &lt;1&gt; &amp; 2" in a.read("word/footer1.xml") or any(
            b"Voet &lt;1&gt; &amp; 2" in a.read(n) for n in a.namelist() if "footer" in n)


def test_style_ids_looked_up_once_are_python_docx_own() -> None:
    """The builder sets a style by its id, found once per process (python-docx searches every
    time); the id is what ``paragraph.style = name`` would have written."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    from levensloop_docs.render.markdown_docx import _style_id

    part = Document().part
    for name in ("Heading 1", "Heading 2", "Heading 3", "Normal"):
        assert _style_id(name, "paragraph") == part.get_style_id(  # type: ignore[no-untyped-call]
            name, WD_STYLE_TYPE.PARAGRAPH)
    assert _style_id("Normal", "paragraph") is None  # the default style: no w:pStyle
    table_id = part.get_style_id("Table Grid", WD_STYLE_TYPE.TABLE)  # type: ignore[no-untyped-call]
    assert _style_id("Table Grid", "table") == table_id
