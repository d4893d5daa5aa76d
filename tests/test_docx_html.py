"""The HTML version of the Word-template documents: the finished DOCX read back as a page.

The plan and the voortgangsverslag of the life-course example are made as DOCX and HTML;
the HTML is parsed and compared with the case (the ZRM table equals the data, the chart is
a PNG with its alternative text, the diff is there), and text typed by a user arrives in
the page as text: never as markup, whatever it contains.
"""

from __future__ import annotations

import base64
import dataclasses
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from conftest import EXAMPLES, TODAY, RunCli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_plan_docx import PLAN_EXAMPLES, TEXT, _client_only, text_slots
from test_plan_zrm import _expected_rows

from levensloop_docs.case.casefile import load_case
from levensloop_docs.render.markdown import CSP
from levensloop_docs.run.documents import registry
from levensloop_docs.run.renderrun import Job, RenderRun, render_job
from levensloop_docs.text import clean_text

EVAL = EXAMPLES / "evaluatie"
# the ZRM table: the baseline at inclusion, then each evaluation
HEADER = ["Levensgebied", "29-10-2024 (inclusie)", "20-05-2025", "18-11-2025", "17-11-2026"]
LIFE = "LLA-2024-0117"  # three evaluations over two years, plan v4
PNG = b"\x89PNG\r\n\x1a\n"
# what mammoth writes for the templates' content; a user's text never adds an element
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "footer", "h1", "h2", "h3",
                "h4", "h5", "h6", "p", "strong", "em", "br", "table", "thead", "tbody", "tr", "th",
                "td", "ul", "ol", "li", "img", "a", "sup", "sub", "s", "u",
                "span"}  # span.tel: a phone number kept on one line (render/markdown.py)


class Page(HTMLParser):
    """The text of a page (``<br>`` as a line break), its tags, headings, images and tables."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.parts: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.images: list[dict[str, str]] = []
        self.tables: list[list[list[str]]] = []
        self._heading: str | None = None
        self._cell: list[str] | None = None
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag == "br":
            self._text("\n")
        elif tag == "img":
            self.images.append({k: v or "" for k, v in attrs})
        elif tag in ("h1", "h2", "h3", "h4"):
            self._heading = tag
            self.headings.append((tag, ""))
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = None
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "p":
            self._text("\n")

    def handle_data(self, data: str) -> None:
        self._text(data)

    def _text(self, data: str) -> None:
        self.parts.append(data)
        if self._heading:
            tag, text = self.headings[-1]
            self.headings[-1] = (tag, text + data)
        if self._cell is not None:
            self._cell.append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def _render(out: Path, case_path: Path, document: str) -> Path:
    case = load_case(case_path, today=TODAY)
    with RenderRun(out_dir=out, today=date(2026, 11, 23)) as run:
        (_docx, html) = render_job(run, Job(case, registry()[document], None, ("docx", "html")))
    return html


def test_plan_html_has_the_chapters_the_zrm_chart_and_the_same_numbers_as_the_case(tmp_path: Path) -> None:
    html = _render(tmp_path, EVAL / f"{LIFE}.yaml", "levensloopplan")
    assert html.name == f"{LIFE}_levensloopplan_v4.html"
    assert html.stat().st_mode & 0o777 == 0o600
    source = html.read_text(encoding="utf-8")
    assert CSP in source and "<script" not in source
    page = Page(source)
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    # one h1 (the title); the plan's numbered chapters below it, as in Word's navigation pane
    assert [h for h in page.headings if h[0] == "h1"] == [("h1", "Levensloopplan")]
    chapters = [text for tag, text in page.headings if tag == "h2" and re.match(r"\d+\. ", text)]
    assert chapters[:2] == ["1. Persoon", "2. Juridisch kader en financiering"]
    assert "6. Scenario's" in chapters
    (image,) = page.images
    assert "dezelfde cijfers staan in de tabel" in image["alt"]
    prefix = "data:image/png;base64,"
    assert image["src"].startswith(prefix)
    assert base64.b64decode(image["src"][len(prefix):]).startswith(PNG)
    table = next(t for t in page.tables
                 if t[0][0] == "Levensgebied" and re.fullmatch(r"\d\d-\d\d-\d{4}", t[0][-1]))
    assert table[0] == HEADER
    assert {row[0]: row[1:] for row in table[1:]} == _expected_rows(EVAL / f"{LIFE}.yaml")
    assert f"Vertrouwelijk · {LIFE} · Levensloopplan" in page.text


def test_voortgangsverslag_html_has_the_chart_and_what_changed(tmp_path: Path) -> None:
    page = _page(_render(tmp_path, EVAL / f"{LIFE}.yaml", "voortgangsverslag"))
    assert ("h1", "Voortgangsverslag") in page.headings
    assert ("h2", "7. Wat is gewijzigd sinds versie 3") in page.headings
    assert "contactpersoon en telefoon gewijzigd" in page.text
    assert len(page.images) == 1 and page.images[0]["alt"]


def test_genereer_makes_every_document_of_a_case_as_html_too(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = run_cli("genereer", EVAL / "LLA-2022-0031.yaml", "--uit", out, "--formaat", "docx,html")
    assert result.code == 0, result.err
    assert "Let op:" not in result.err
    made = {p.name.split("_")[1] for p in out.glob("*.html")}
    assert {"levensloopplan", "voortgangsverslag", "uitstroombesluit", "overdrachtsbrief"} <= made
    assert sorted(p.stem for p in out.glob("*.html")) == sorted(p.stem for p in out.glob("*.docx"))


def test_an_aanmeldformulier_as_html_only(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    case = EXAMPLES / "aanmelding-drenthe.yaml"
    result = run_cli("genereer", case, "--uit", out, "--formaat", "html", "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    (html,) = out.iterdir()  # the DOCX it is made from is not left behind
    page = _page(html)
    assert page.headings[0][0] == "h1" and "Aanmeld" in page.headings[0][1]
    assert load_case(case, today=TODAY).casus.meta.casus_id in page.text


# markup a user might type, whole: it must come out as these very characters
MARKUP = st.sampled_from(["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>vet</b>",
                          "&amp;", "&lt;p&gt;", "&#60;", "<!-- x -->", "]]>", "<![CDATA[", "</td></tr>"])
HTML_TEXT = st.lists(st.one_of(TEXT, MARKUP), min_size=1, max_size=4).map("".join)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(HTML_TEXT, min_size=1, max_size=8))
def test_random_unicode_in_every_text_field_is_text_in_the_html(tmp_path: Path, values: list[str]) -> None:
    base = load_case(next(p for p in PLAN_EXAMPLES if p.name == "caravan-groningen.yaml"), today=TODAY)
    case = dataclasses.replace(base, casus=base.casus.model_copy(deep=True))
    expected: list[str] = []
    for n, (owner, name, index) in enumerate(text_slots(case.casus)):
        if _client_only(owner, name):
            continue
        value = f"⟦{n}⟧{values[n % len(values)]}⟦/{n}⟧"
        if index is None:
            setattr(owner, name, value)
        else:
            getattr(owner, name)[index] = value
        expected.append(clean_text(value))
    out = tmp_path / f"uit-{abs(hash(tuple(values)))}"
    with RenderRun(out_dir=out, today=TODAY) as run:
        (_docx, html) = render_job(run, Job(case, registry()["levensloopplan"], None, ("docx", "html")))
    page = _page(html)
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    assert not page.images  # no evaluations, no chart; and a user's text never makes one
    for text in expected:
        assert text in page.text, repr(text)
    shutil.rmtree(out)
