"""The voortgangsverslag's "Wat is gewijzigd sinds versie N" never stands alone at a page bottom."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import EXAMPLES

from levensloop_docs.case.casefile import load_case

EVAL = EXAMPLES / "evaluatie"
LIFE = "LLA-2024-0117"
HEADING = "7. Wat is gewijzigd sinds versie 3"
FIRST_CHANGE = "contactpersoon en telefoon gewijzigd"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _case_with_lines(folder: Path, extra: int) -> Path:
    """The example with ``extra`` more 'wat gaat goed' lines: the heading moves down the page."""
    folder.mkdir(parents=True)
    text = (EVAL / f"{LIFE}.yaml").read_text(encoding="utf-8")
    lines = "".join(f"      - Afspraak {i} nagekomen\n" for i in range(extra))
    text = text.replace("      - Schuldregeling\n", "      - Schuldregeling\n" + lines)
    (folder / f"{LIFE}.yaml").write_text(text, encoding="utf-8")
    shutil.copytree(EVAL / f"{LIFE}.geschiedenis", folder / f"{LIFE}.geschiedenis")
    return folder / f"{LIFE}.yaml"


def _render(paths: list[Path], out: Path, *formats: str) -> list[Path]:
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    run = RenderRun(out_dir=out, today=date(2026, 11, 23))
    made = []
    try:
        for path in paths:
            for job in plan_jobs(load_case(path), ["voortgangsverslag"], formats):
                made.extend(render_job(run, job))
    finally:
        run.close()
    return made


def _keeps(paragraph: object) -> tuple[bool, bool]:
    p_pr = paragraph._p.pPr  # type: ignore[attr-defined]
    return (p_pr is not None and p_pr.find(f"{W}keepNext") is not None,
            p_pr is not None and p_pr.find(f"{W}keepLines") is not None)


def test_the_changes_heading_keeps_with_the_next_paragraph_in_the_docx(tmp_path: Path) -> None:
    from docx import Document

    (made,) = _render([EVAL / f"{LIFE}.yaml"], tmp_path, "docx")
    paragraphs = Document(str(made)).paragraphs
    index = next(i for i, p in enumerate(paragraphs) if p.text == HEADING)
    # on the paragraph itself, not only in the heading style (which Word users may edit)
    assert _keeps(paragraphs[index]) == (True, True)
    group = paragraphs[index + 1]
    assert group.text == "Netwerk" and _keeps(group) == (True, True)
    assert FIRST_CHANGE in paragraphs[index + 2].text


def test_the_changes_heading_and_first_change_share_a_page_in_the_pdf(
    tmp_path: Path, needs_libreoffice: None
) -> None:
    """44-46 extra lines put the heading on the last lines of page 3 (found with LibreOffice 7.4:
    without w:keepNext the heading stood alone there); the example itself is checked too."""
    from pypdf import PdfReader

    cases = [EVAL / f"{LIFE}.yaml"]
    cases += [_case_with_lines(tmp_path / f"c{n}", n) for n in (44, 45, 46)]
    for n, case in enumerate(cases):
        out = tmp_path / f"uit{n}"
        (pdf,) = _render([case], out, "pdf")
        pages = [page.extract_text() for page in PdfReader(str(pdf)).pages]
        heading = next(i for i, t in enumerate(pages) if HEADING in t)
        first = next(i for i, t in enumerate(pages) if FIRST_CHANGE in t)
        assert heading == first, (case, heading, first)
