"""ZRM over time in the levensloopplan: the voortgangsverslag's chart and table, read back.

The plan of a case with evaluations gets section "5.N Voortgang: ZRM-scores per evaluatie"
(a picture with alt text and a table with the same numbers); a plan without evaluations has
neither; an archived version shows only the evaluations it had.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, RunCli

from levensloop_docs.case.casefile import load_case
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.views.zrmchart import zrm_series

EVAL = EXAMPLES / "evaluatie"
# the ZRM table: the baseline at inclusion, then each evaluation
HEADER = ["Levensgebied", "29-10-2024 (inclusie)", "20-05-2025", "18-11-2025", "17-11-2026"]
LIFE = "LLA-2024-0117"  # three evaluations over two years, plan v4
HEADING = "Voortgang: ZRM-scores per evaluatie"
PNG = b"\x89PNG\r\n\x1a\n"


def _render(tmp_path: Path, case_path: Path, *formats: str) -> Path:
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    case = load_case(case_path)
    run = RenderRun(out_dir=tmp_path, today=date(2026, 11, 23))
    try:
        for job in plan_jobs(case, ["levensloopplan"], formats):
            render_job(run, job)
    finally:
        run.close()
    meta = case.casus.meta
    return tmp_path / f"{meta.casus_id}_levensloopplan_v{meta.planversie}"


def _zrm_table(doc: Any) -> Any:
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "Levensgebied"
                and re.fullmatch(r"\d\d-\d\d-\d{4}", t.rows[0].cells[-1].text))


def _expected_rows(case_path: Path) -> dict[str, list[str]]:
    vocab = load_vocabularies()
    series = zrm_series(load_case(case_path).casus, vocab)
    return {label: [str(series.scores[key].get(d, "")) for d in series.dates]
            for key, label in series.labels.items()}


def test_plan_docx_has_the_chart_with_alt_text_and_a_table_with_the_case_numbers(tmp_path: Path) -> None:
    from docx import Document
    from PIL import Image

    stem = _render(tmp_path, EVAL / f"{LIFE}.yaml", "docx")
    doc = Document(str(stem.with_suffix(".docx")))
    numbered = [p.text for p in doc.paragraphs if p.text.startswith("5.")
                and p.style is not None and p.style.name == "Heading 2"]
    assert numbered[-1] == f"5.{len(numbered)} {HEADING}"  # numbered after the levensgebieden
    assert len(doc.inline_shapes) == 1
    inline = doc.inline_shapes[0]._inline
    assert "dezelfde cijfers staan in de tabel" in inline.docPr.get("descr")
    image = doc.part.related_parts[inline.graphic.graphicData.pic.blipFill.blip.embed].blob
    assert image.startswith(PNG)
    import io

    with Image.open(io.BytesIO(image)) as picture:
        assert picture.size[0] > 600 and picture.size[1] > 300
    table = _zrm_table(doc)
    assert [c.text for c in table.rows[0].cells] == HEADER
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows == _expected_rows(EVAL / f"{LIFE}.yaml")
    assert rows["Middelengebruik"] == ["2", "2", "2", "3"]  # baseline at inclusion first


def test_plan_pdf_has_the_chart_as_an_image_and_the_table_text(
    tmp_path: Path, needs_libreoffice: None
) -> None:
    from pypdf import PdfReader

    stem = _render(tmp_path, EVAL / f"{LIFE}.yaml", "pdf")
    reader = PdfReader(str(stem.with_suffix(".pdf")))
    pages = [(page, page.extract_text()) for page in reader.pages]
    page, text = next((p, t) for p, t in pages if HEADING in t)
    # the picture is an image XObject of the page with the heading, not only somewhere in the file
    names = [img.name for img in page.images]
    assert len(names) == 1
    picture = page.images[0].image
    assert picture is not None and picture.size[0] > 600
    flat = re.sub(r"\s+", " ", text)
    assert "20-05-2025 18-11-2025 17-11-2026" in flat and "29-10-2024" in flat and "(inclusie)" in flat
    for label, scores in _expected_rows(EVAL / f"{LIFE}.yaml").items():
        assert f"{label} {' '.join(scores)}" in flat


def test_plan_without_evaluations_has_no_chart_and_no_zrm_section(tmp_path: Path) -> None:
    from docx import Document

    first = EVAL / f"{LIFE}.geschiedenis" / "v1.yaml"  # the first plan: no evaluation yet
    assert not load_case(first).casus.evaluaties
    doc = Document(str(_render(tmp_path, first, "docx").with_suffix(".docx")))
    assert len(doc.inline_shapes) == 0
    assert not [p.text for p in doc.paragraphs if HEADING in p.text]
    assert not [t for t in doc.tables if t.rows[0].cells[-1].text == "17-11-2026"]
    assert "Levensgebieden" in "\n".join(p.text for p in doc.paragraphs)


def test_an_old_version_shows_only_its_own_evaluations(run_cli: RunCli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "uit"
    result = run_cli("genereer", EVAL / f"{LIFE}.yaml", "--versie", "2", "--document", "levensloopplan",
                     "--uit", out)
    assert result.code == 0, result.err
    doc = Document(str(out / f"{LIFE}_levensloopplan_v2.docx"))
    assert len(doc.inline_shapes) == 1
    table = _zrm_table(doc)
    assert [c.text for c in table.rows[0].cells] == HEADER[:3]  # v2: baseline + one evaluation
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    assert rows == _expected_rows(EVAL / f"{LIFE}.geschiedenis" / "v2.yaml")


def test_the_same_chart_is_drawn_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan and the verslag of one case show the same chart: the second is not redrawn."""
    from levensloop_docs.views import zrmchart

    series = zrm_series(load_case(EVAL / f"{LIFE}.yaml").casus, load_vocabularies())
    monkeypatch.setattr(zrmchart, "_DRAWN", {})
    drawn: list[object] = []
    real = zrmchart._draw

    def counting(s: zrmchart.ZrmSeries, title: str) -> bytes:
        drawn.append(s)
        return real(s, title)

    monkeypatch.setattr(zrmchart, "_draw", counting)
    first = zrmchart.zrm_chart_png(series)
    assert zrmchart.zrm_chart_png(series) == first and len(drawn) == 1
    other = zrmchart.ZrmSeries(series.dates, series.labels,
                               {**series.scores, "huisvesting": dict.fromkeys(series.dates, 5)})
    assert zrmchart.zrm_chart_png(other) != first and len(drawn) == 2  # other numbers: a new chart


@pytest.mark.parametrize("document", ["levensloopplan", "voortgangsverslag"])
def test_the_fast_renderer_writes_the_picture_as_docxtpl_does(
    document: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same parts, same bytes (media, relationships, content types, drawing XML with alt text)."""
    import zipfile

    from levensloop_docs.render import docx as render
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs

    (job,) = plan_jobs(load_case(EVAL / f"{LIFE}.yaml"), [document], ("docx",))
    run = RenderRun(out_dir=tmp_path, today=date(2026, 11, 23))
    context, props = run.context(job), run.properties(job)
    render.render_docx_docxtpl(job.document.template, context, tmp_path / "docxtpl.docx", props)

    def no_fallback(*args: object) -> None:
        raise AssertionError("the picture went the slow docxtpl way")

    monkeypatch.setattr(render, "render_docx_docxtpl", no_fallback)
    render.render_docx(job.document.template, context, tmp_path / "snel.docx", props)
    plain, fast = zipfile.ZipFile(tmp_path / "docxtpl.docx"), zipfile.ZipFile(tmp_path / "snel.docx")
    assert sorted(fast.namelist()) == sorted(plain.namelist())
    assert "word/media/image1.png" in fast.namelist() and fast.testzip() is None
    for entry in plain.namelist():
        if entry != "docProps/core.xml":  # holds the time of making
            assert fast.read(entry) == plain.read(entry), entry


def test_a_picture_in_a_footer_goes_the_docxtpl_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A footer's picture needs the footer's own relationship: the fast path leaves it to docxtpl."""
    from docx import Document

    from levensloop_docs.render import docx as render
    from levensloop_docs.views.zrmchart import Image, zrm_chart_png

    series = zrm_series(load_case(EVAL / f"{LIFE}.yaml").casus, load_vocabularies())
    picture = Image(zrm_chart_png(series), 4.0, "Een grafiek.")
    slow: list[Path] = []
    real = render.render_docx_docxtpl

    def counted(template: Path, context: dict[str, Any], target: Path, properties: dict[str, str]) -> None:
        slow.append(target)
        real(template, context, target, properties)

    monkeypatch.setattr(render, "render_docx_docxtpl", counted)
    for where in ("body", "footer"):
        template = tmp_path / f"{where}.docx"
        doc = Document()
        doc.core_properties.title = "x"  # a core properties part, as every real template has
        doc.add_paragraph("{{ plaatje }}")
        if where == "footer":
            doc.sections[0].footer.paragraphs[0].text = "{{ plaatje }}"
        doc.save(str(template))
        render.render_docx(template, {"plaatje": picture}, tmp_path / f"{where}-uit.docx", {})
        made = Document(str(tmp_path / f"{where}-uit.docx"))
        assert len(made.inline_shapes) == 1
        assert made.inline_shapes[0]._inline.docPr.get("descr") == "Een grafiek."
    assert slow == [tmp_path / "footer-uit.docx"]
    footer = Document(str(tmp_path / "footer-uit.docx")).sections[0].footer
    assert footer._element.xpath(".//wp:inline")  # the footer's own picture
