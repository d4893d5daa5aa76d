"""Large Word tables: built row by row on the XML, read back by python-docx the same as the CSV."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from conftest import RunCli
from docx import Document
from docx.oxml.ns import qn

from levensloop_docs.render.markdown_docx import build_docx

ROOT = Path(__file__).resolve().parent.parent


def _texts(path: Path) -> list[list[str]]:
    table = Document(str(path)).tables[-1]
    return [[cell.text for cell in row.cells] for row in table.rows]


def _flags(path: Path) -> list[tuple[bool, bool]]:
    """Per row: (never split over two pages, repeats as a header on each page)."""
    tbl = Document(str(path)).tables[-1]._tbl
    return [(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None,
             tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None) for tr in tbl.tr_lst]


def test_overview_docx_of_300_cases_reads_back_as_the_csv(tmp_path: Path, run_cli: RunCli) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from genereer import build_corpus

    folder, out = tmp_path / "casussen", tmp_path / "uit"
    build_corpus(folder, 300)
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--uit", out, "--formaat", "csv,docx")
    assert result.code == 0, result.err
    rows = list(csv.reader((out / "overzicht-2026-12-07.csv").read_text(encoding="utf-8-sig")
                           .splitlines(), delimiter=";"))
    assert len(rows) == 301
    assert _texts(out / "overzicht-2026-12-07.docx") == rows
    assert _flags(out / "overzicht-2026-12-07.docx") == [(True, True)] + [(True, False)] * 300


def test_cells_with_spaces_markup_and_empty_text_read_back(tmp_path: Path) -> None:
    body = ["<tr><th>Casus</th><th>Tekst</th></tr>"]
    cells = [("A-1", "  met spaties  "), ("A-2", ""), ("A-3", "a &amp; b &lt;c&gt;"), ("A-4", "é ü ß"),
             ("A-5", "<strong>vet</strong> en gewoon"), ("A-6", "één<br>twee"), ("A-7", "laatste")]
    body += [f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in cells]
    target = tmp_path / "t.docx"
    build_docx("<table>" + "".join(body) + "</table>", target, properties={}, footer="voet")
    texts = _texts(target)
    expected = ["  met spaties  ", "", "a & b <c>", "é ü ß", "vet en gewoon", "één\ntwee", "laatste"]
    assert texts == [["Casus", "Tekst"], *([a, b] for (a, _b), b in zip(cells, expected, strict=True))]
    doc = Document(str(target))
    bold = doc.tables[-1].rows[5].cells[1].paragraphs[0].runs[0]
    assert bold.bold and bold.text == "vet"
    assert not doc.tables[-1].rows[7].cells[1].paragraphs[0].runs[0].bold


MARKDOWN_TABLE = """| {% for kop in tabel[0] %}{{ kop }} | {% endfor %}

|{% for kop in tabel[0] %} --- |{% endfor %}

{% for rij in tabel[1:] %}
| {% for cel in rij %}{{ cel }} | {% endfor %}

{% endfor %}
"""


def test_html_table_template_gives_the_html_of_the_markdown_table() -> None:
    """``_tabel.md`` writes the table as HTML: the same HTML as the Markdown table it replaced."""
    from levensloop_docs.render.markdown import render_markdown_text
    from levensloop_docs.templatefolders import template_folders, template_path

    table = [["Casus", "Wacht | lang", ""], ["A-1", "<b>niet vet</b> & zo", ""], ["A-2", "", "**ster**"]]
    name = template_path("overzicht/_tabel.md")
    include = '{% include "overzicht/_tabel.md" %}'
    html = render_markdown_text(include, {"tabel": table}, name=name, search_path=template_folders()).body
    before = render_markdown_text(MARKDOWN_TABLE, {"tabel": table}, name=name).body
    assert html.strip() == before.strip()
    assert "&lt;b&gt;niet vet&lt;/b&gt; &amp; zo" in html and "**ster**" in html
