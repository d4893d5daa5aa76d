"""A single case's PDF does not wait for LibreOffice to start after its DOCX: the run starts
LibreOffice in the background first (``RenderRun.start_converter_early``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pdf_helpers import pdf_text, squash
from conftest import EXAMPLES, RunCli

from levensloop_docs.case.casefile import read_case
from levensloop_docs.errors import LevensloopError
from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

CASE = EXAMPLES / "caravan-groningen.yaml"


@pytest.mark.pdf
def test_the_early_converter_is_the_one_that_makes_the_pdf(tmp_path: Path, needs_libreoffice: None) -> None:
    jobs = plan_jobs(read_case(CASE), ["opnamebrief"], ("docx", "pdf"))
    with RenderRun(out_dir=tmp_path) as run:
        run.start_converter_early()
        made = [p for job in jobs for p in render_job(run, job)]
        assert run.converter.starts == 1  # started once, in the background, and used
    pdf = next(p for p in made if p.suffix == ".pdf")
    assert "opname" in squash(pdf_text(pdf)).lower()
    assert not list(tmp_path.glob("leeg*"))  # the warming document stays in the run's own folder


def test_without_libreoffice_the_first_pdf_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(tmp_path / "bestaat-niet"))
    jobs = plan_jobs(read_case(CASE), ["opnamebrief"], ("pdf",))
    with RenderRun(out_dir=tmp_path) as run:
        run.start_converter_early()  # says nothing yet: a DOCX-only run must not fail on it
        with pytest.raises(LevensloopError):
            render_job(run, jobs[0])


def test_genereer_docx_only_starts_no_libreoffice(run_cli: RunCli, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(tmp_path / "bestaat-niet"))
    result = run_cli("genereer", CASE, "--document", "opnamebrief", "--formaat", "docx", "--uit", tmp_path)
    assert result.code == 0, result.err
