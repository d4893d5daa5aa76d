"""The regional handreiking: chapters plus region data, a table of contents with real page numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from _pdf_helpers import squash
from conftest import TODAY, libreoffice_or_skip
from test_markdown import StructureCheck
from test_partner_leaflets import only_our_fonts, pdf_fonts

from levensloop_docs.reference.regions import load_region
from levensloop_docs.resources import templates_dir
from levensloop_docs.run.publish import chapter_files, handreiking_publication, publish
from levensloop_docs.run.renderrun import RenderRun


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "sjablonen"
    shutil.copytree(templates_dir(), copy)
    monkeypatch.setenv("LEVENSLOOP_SJABLONEN", str(copy))
    return copy


def test_the_booklet_has_the_work_process_roles_route_and_contacts(tmp_path: Path) -> None:
    region = load_region("groningen")
    (html_file,) = publish(handreiking_publication(region, TODAY), ("html",), RenderRun(out_dir=tmp_path))
    page = html_file.read_text("utf-8")
    checker = StructureCheck.check_page(page)
    assert "nav" in checker.seen
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    for part in ("Van aanmelding tot uitstroom", "1. Aanmelden", "6. Uitstromen", "Rollen en taken",
                 "Op- en afschalen in regio Groningen", "Contact", region.zvh.naam, region.zvh.telefoon,
                 region.aanbieder.naam, "23 november 2026"):  # fmt: skip
        assert part in text, part
    # the route as steps, each with who acts, in the region's order
    steps = re.findall(r"Stap (\d): (.+?) Wie doet mee: (.+?)(?= Stap \d:| Afschalen)", text)
    assert [s[0] for s in steps] == [str(i) for i in range(1, len(region.route) + 1)]
    assert "Politie" in steps[-1][2] and "Openbaar Ministerie" in steps[-1][2]
    # the table of contents links to every chapter heading
    anchors = set(re.findall(r'href="#(kop-\d+)"', page))
    assert anchors and anchors <= set(re.findall(r'id="(kop-\d+)"', page))


def test_a_region_adds_and_replaces_chapters_by_dropping_files(own_templates: Path, tmp_path: Path) -> None:
    folder = own_templates / "handreiking" / "groningen"
    folder.mkdir()
    (folder / "02-werkproces.md").write_text("# Werkwijze in Groningen\n\nBij ons gaat het zo.\n", "utf-8")
    (folder / "07-extra.md").write_text("# Casusoverleg in {{ regio.naam }}\n\nElke dinsdag.\n", "utf-8")
    names = [p.name for p in chapter_files("groningen")]
    assert names == sorted(names) and "07-extra.md" in names
    assert chapter_files("groningen")[1].parent == folder
    groningen = handreiking_publication(load_region("groningen"), TODAY)
    (html_file,) = publish(groningen, ("html",), RenderRun(out_dir=tmp_path / "a"))
    page = html_file.read_text("utf-8")
    assert "Werkwijze in Groningen" in page and "Casusoverleg in Groningen" in page
    assert "Van aanmelding tot uitstroom" not in page
    drenthe = handreiking_publication(load_region("drenthe"), TODAY)
    (other,) = publish(drenthe, ("html",), RenderRun(out_dir=tmp_path / "b"))
    other_page = other.read_text("utf-8")
    assert "Van aanmelding tot uitstroom" in other_page and "Casusoverleg" not in other_page


def test_a_chapter_with_an_error_names_its_file(own_templates: Path, run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    chapter = own_templates / "handreiking" / "03-rollen.md"
    chapter.write_text("# Rollen\n\n{{ regio.bestaat_niet }}\n", "utf-8")
    result = run_cli("handreiking", "--regio", "groningen", "--formaat", "html", "--uit", tmp_path / "uit")
    assert result.code == 2
    assert "03-rollen.md" in result.err and "bestaat_niet" in result.err
    assert not (tmp_path / "uit").exists()


@pytest.mark.pdf
def test_pdf_and_docx_have_a_table_of_contents_with_the_right_page_numbers(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document
    from pypdf import PdfReader

    libreoffice_or_skip()
    result = run_cli("handreiking", "--regio", "groningen", "--formaat", "pdf,docx,html", "--uit", tmp_path)
    assert result.code == 0, result.err
    pdf = tmp_path / "handreiking-groningen.pdf"
    reader = PdfReader(pdf)
    pages = [page.extract_text() or "" for page in reader.pages]
    assert len(pages) >= 5
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number} van {len(pages)}" in text
    entries = re.findall(r"^(.+?)\s*\.{3,}\s*(\d+)\s*$", pages[0], flags=re.M)
    assert len(entries) >= 10, pages[0]
    for title, page in entries:
        assert squash(title) in squash(pages[int(page) - 1]), (title, page)
    assert int(entries[-1][1]) > int(entries[0][1])
    doc = Document(str(tmp_path / "handreiking-groningen.docx"))
    toc = [p.text for p in doc.paragraphs if re.match(r".+\t\d+$", p.text)]
    assert [t.split("\t") for t in toc[: len(entries)]] == [[t.strip(), n] for t, n in entries]
    assert reader.outline, "geen bladwijzers"
    assert only_our_fonts(pdf) and "Carlito-Bold" in pdf_fonts(pdf), pdf_fonts(pdf)
