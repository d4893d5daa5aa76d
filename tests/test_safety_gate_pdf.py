"""The CONCEPT mark and the open points in the PDF (real LibreOffice, read back with pypdf).

The deliberately incomplete example (``tests/data/concept-voorbeeld.yaml``) prints its plan
and a partner sheet as CONCEPT: every page carries the mark, page 1 lists the open points
with what to do. ``--definitief`` writes no PDF for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from _pdf_helpers import squash
from conftest import ROOT, RunCli
from pypdf import PdfReader

INCOMPLETE = ROOT / "tests" / "data" / "concept-voorbeeld.yaml"
MARK = "CONCEPT - niet volledig, niet gebruiken alsof het klopt"

pytestmark = pytest.mark.pdf


def _pages(path: Path) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(str(path)).pages]


@pytest.mark.usefixtures("needs_libreoffice")
def test_plan_and_partner_sheet_pdf_show_concept_and_the_open_points(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("genereer", INCOMPLETE, "--uit", tmp_path, "--formaat", "pdf",
                     "--document", "levensloopplan", "--document", "partner:gemeente")
    assert result.code == 0, result.err
    assert "2 documenten zijn een CONCEPT" in result.out
    documents = (("levensloopplan", "Samenwerkingsafspraken"), ("partner-gemeente", "CasusLLA-2024-0999"))
    for name, title in documents:
        pages = _pages(tmp_path / f"LLA-2024-0999_{name}_v4.pdf")
        assert len(pages) > 1 and all(squash(MARK) in p for p in pages), name
        first = pages[0]
        for text in ("Dit document is een CONCEPT: 7 punten staan open", "De GGZ-crisisdienst ontbreekt",
                     "Stap 1: De route bij een acute crisis wacht op de aanvraag van een zorgmachtiging",
                     "Wat te doen: Noem de crisismaatregel (burgemeester)"):
            assert squash(text) in first, (name, text)
        # the box comes before the document's own title
        assert first.index(squash("Dit document is een CONCEPT")) < first.index(title)


@pytest.mark.usefixtures("needs_libreoffice")
def test_definitief_writes_no_pdf(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("genereer", INCOMPLETE, "--uit", tmp_path, "--formaat", "pdf",
                     "--document", "levensloopplan", "--definitief")
    assert result.code == 2
    assert not list(tmp_path.glob("*.pdf"))
