"""The regional handreiking: chapters plus region data, a table of contents with real page numbers."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from _pdf_helpers import squash
from conftest import TODAY, RunCli, libreoffice_or_skip
from test_markdown import StructureCheck
from test_partner_leaflets import only_our_fonts, pdf_fonts

from levensloop_docs.reference.regions import Region, load_region
from levensloop_docs.resources import shipped_templates_dir
from levensloop_docs.run.publish import chapter_files, handreiking_publication, publish
from levensloop_docs.run.renderrun import RenderRun


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "sjablonen"
    shutil.copytree(shipped_templates_dir(), copy)
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


def test_a_chapter_with_an_error_names_its_file(own_templates: Path, run_cli: RunCli, tmp_path: Path) -> None:
    chapter = own_templates / "handreiking" / "03-rollen.md"
    chapter.write_text("# Rollen\n\n{{ regio.bestaat_niet }}\n", "utf-8")
    result = run_cli("handreiking", "--regio", "groningen", "--formaat", "html", "--uit", tmp_path / "uit")
    assert result.code == 2
    assert "03-rollen.md" in result.err and "bestaat_niet" in result.err
    assert not (tmp_path / "uit").exists()


@pytest.mark.pdf
def test_pdf_and_docx_have_a_table_of_contents_with_the_right_page_numbers(
    run_cli: RunCli, tmp_path: Path
) -> None:
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


# ---- stroomschema, region specifics, BIZ and afschaal criteria, knelpunten, begrippen ----------


def _page_text(html_file: Path) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html_file.read_text("utf-8")).split())


def test_the_stroomschema_is_a_picture_of_the_regions_route_with_a_text_table(tmp_path: Path) -> None:
    import base64

    region = load_region("midden-nederland")
    (html_file,) = publish(handreiking_publication(region, TODAY), ("html",), RenderRun(out_dir=tmp_path))
    page = html_file.read_text("utf-8")
    StructureCheck.check_page(page)
    (img,) = re.findall(r"<img [^>]+>", page)
    src = re.search(r'src="data:image/png;base64,([^"]+)"', img)
    assert src is not None
    assert base64.b64decode(src.group(1)).startswith(b"\x89PNG\r\n\x1a\n")
    alt = re.search(r'alt="([^"]+)"', img)
    assert alt is not None and "Stroomschema van op- en afschalen in regio Midden-Nederland" in alt.group(1)
    assert "4. Beveiligde intensieve zorg (BIZ)" in alt.group(1)
    # the text version: one row per step of the region file, with where up and down lead
    rows = [[re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", r, flags=re.S)]
            for r in re.findall(r"<tr>(.*?)</tr>", page.split("Het schema in tekst")[1], flags=re.S)]
    table = [r for r in rows if r][: len(region.route)]
    assert [r[0] for r in table] == ["1", "2", "3", "4"]
    assert table[0][1].startswith("Ambulant") and table[0][3] == "(lichtste stap)"
    assert table[1][2].startswith("Klinisch regulier") and table[1][3].startswith("Ambulant")
    assert table[3][1] == "Beveiligde intensieve zorg (BIZ)" and table[3][2] == "(zwaarste stap)"


def test_the_booklet_has_biz_criteria_afschaling_knelpunten_and_begrippen(tmp_path: Path) -> None:
    pub = handreiking_publication(load_region("groningen"), TODAY)
    (html_file,) = publish(pub, ("html",), RenderRun(out_dir=tmp_path))
    text = _page_text(html_file)
    for part in ("Drie vormen van opschalen", "Planbare klinische zorg", "acute psychiatrische crisis",
                 "Opname na contact met justitie", "Extra eisen voor beveiligde intensieve zorg",
                 "structurerend behandelklimaat", "fysieke beveiliging", "zorgmachtiging of crisismaatregel",
                 "garandeert de terugkeer", "gewone klinische plek",
                 "zodra de kliniek meldt dat de persoon stabiel is", "De risicofactoren zijn stabiel",
                 "De voorwaarden voor goede vervolgzorg zijn op orde", "Er is een warme overdracht"):
        assert part in text, part
    # the escalation path for knelpunten, in its order
    section = text.split("Als de samenwerking vastloopt")[-1]
    path = [section.index(f"{step} :") for step in ("Casus", "Procesregisseur", "Bestuurlijk overleg",
                                                    "Financiers")]
    assert path == sorted(path) and "ministerie van VWS" in section
    begrippen = text.split("Begrippen")[-1]
    for term in ("BIZ", "FPA, FVA", "HIC, KIB", "Terugkeergarantie", "Zorgmachtiging", "ZVH"):
        assert term in begrippen, term
    assert "Hij vraagt" not in text  # the procesregisseur is not always a man


def test_region_specifics_come_from_the_profile(tmp_path: Path) -> None:
    region = load_region("midden-nederland")
    assert len(region.aanmeldpunten) == 3
    pub = handreiking_publication(region, TODAY)
    (html_file,) = publish(pub, ("html",), RenderRun(out_dir=tmp_path / "mn"))
    text = _page_text(html_file)
    for punt in region.aanmeldpunten:
        for value in (punt.werkgebied, punt.naam, punt.telefoon):
            assert value in text, value
    assert "Zo werkt het in regio Midden-Nederland" in text and "drie ForFACT-teams" in text
    # a region with one ZVH names it as the place to register, and has no list of aanmeldpunten
    groningen = load_region("groningen")
    pub = handreiking_publication(groningen, TODAY)
    (other,) = publish(pub, ("html",), RenderRun(out_dir=tmp_path / "gr"))
    other_text = _page_text(other)
    assert f"U meldt aan bij {groningen.zvh.naam}" in other_text and "Werkgebied" not in other_text


def test_a_profile_with_an_unknown_field_in_an_aanmeldpunt_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.errors import DataFileError
    from levensloop_docs.resources import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    profile = copy / "regios" / "midden-nederland.yaml"
    profile.write_text(profile.read_text("utf-8").replace("werkgebied: Flevoland", "werkgbied: Flevoland"),
                       "utf-8")
    monkeypatch.setenv("LEVENSLOOP_DATA", str(copy))
    with pytest.raises(DataFileError) as info:
        load_region("midden-nederland")
    assert "aanmeldpunten" in " ".join(p.path for p in info.value.problems)


def test_the_stroomschema_png_is_drawn_from_the_steps_and_reproducible() -> None:
    from levensloop_docs.render.stroomschema import Step, draw_png

    two = [Step(1, "Ambulant", "ForFACT"), Step(2, "BIZ", "Kliniek, Politie")]
    first = draw_png(two, up_label="opschalen", down_label="afschalen")
    again = draw_png(two, up_label="opschalen", down_label="afschalen")
    assert first.startswith(b"\x89PNG") and first == again
    three = draw_png([*two, Step(3, "FPC", "OM")], up_label="opschalen", down_label="afschalen")

    def height(png: bytes) -> int:
        return int.from_bytes(png[20:24], "big")  # IHDR: width, then height

    assert height(three) > height(first)


def test_a_picture_from_a_file_or_url_is_never_read(tmp_path: Path) -> None:
    from docx import Document

    from levensloop_docs.render.markdown_docx import build_docx

    secret = tmp_path / "geheim.png"
    secret.write_bytes(b"\x89PNG not really")
    target = tmp_path / "x.docx"
    body = f'<p><img src="{secret}" alt="plaatje"> en <img src="https://example.org/a.png" alt="web"></p>'
    build_docx(body, target, properties={"title": "t"}, footer="f")
    doc = Document(str(target))
    assert len(doc.inline_shapes) == 0
    assert "[plaatje] en [web]" in doc.paragraphs[0].text


@pytest.mark.pdf
def test_the_stroomschema_is_in_the_docx_and_pdf_and_chapters_run_on(run_cli: RunCli, tmp_path: Path) -> None:
    from docx import Document
    from pypdf import PdfReader

    libreoffice_or_skip()
    result = run_cli("handreiking", "--regio", "midden-nederland", "--formaat", "pdf,docx", "--uit", tmp_path)
    assert result.code == 0, result.err
    doc = Document(str(tmp_path / "handreiking-midden-nederland.docx"))
    (shape,) = doc.inline_shapes
    assert shape._inline.docPr.get("descr").startswith("Stroomschema van op- en afschalen")
    section = doc.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None
    assert shape.width <= page - left - right
    reader = PdfReader(tmp_path / "handreiking-midden-nederland.pdf")
    pages = [p.extract_text() or "" for p in reader.pages]
    (schema_page,) = [i for i, t in enumerate(pages) if "Het schema in tekst" in t]
    assert reader.pages[schema_page].images, "het stroomschema ontbreekt in de PDF"
    widths = [img.image.size[0] if img.image else 0 for img in reader.pages[schema_page].images]
    assert max(widths) >= 600  # a real picture
    # no page break before every chapter: the booklet is shorter than one page per chapter plus the
    # cover, and two chapter titles share a page
    chapters = ["De levensloopaanpak in het kort", "Van aanmelding tot uitstroom", "Rollen en taken",
                "Op- en afschalen in regio Midden-Nederland", "Gegevens delen", "Contact", "Begrippen"]
    starts = [next(i for i, t in enumerate(pages[1:], start=1) if squash(c) in squash(t)) for c in chapters]
    assert len(set(starts)) < len(chapters), starts
    assert len(pages) <= 9


def test_a_chapter_asks_for_a_new_page_explicitly(tmp_path: Path) -> None:
    from docx import Document

    from levensloop_docs.render.markdown import render_markdown_text
    from levensloop_docs.render.markdown_docx import build_docx

    source = ('# A\n\ntekst\n\n<section class="hoofdstuk" markdown="1">\n## Loopt door\n\nx\n</section>\n\n'
              '<section class="nieuwe-pagina" markdown="1">\n## Nieuwe pagina\n\ny\n</section>\n')
    rendered = render_markdown_text(source, {}, name=tmp_path / "x.md")
    build_docx(rendered.body, tmp_path / "x.docx", properties={"title": "t"}, footer="f")
    paragraphs = Document(str(tmp_path / "x.docx")).paragraphs
    breaks = {p.text: p.paragraph_format.page_break_before for p in paragraphs}
    assert breaks["Loopt door"] is None and breaks["Nieuwe pagina"] is True


# ---- the rings: ring 1 is a setting of the region profile -------------------------------------


def _rings(region: Region, out: Path) -> tuple[str, str]:
    (html_file,) = publish(handreiking_publication(region, TODAY), ("html",), RenderRun(out_dir=out))
    chapter = _page_text(html_file).split("Rollen en taken")[-1].split("Op- en afschalen")[0]
    first, second = chapter.split("Tweede ring")
    return first, second


def test_ring_one_is_the_regions_and_every_other_role_is_in_ring_two(tmp_path: Path) -> None:
    # issue 28: Groningen has its own ring now (seed 002); Limburg keeps the default one
    region = load_region("limburg")
    assert region.eerste_ring == ("procesregisseur", "levensloopaanbieder", "gemeente")
    first, second = _rings(region, tmp_path / "a")
    for role in ("Procesregisseur", "Levensloopaanbieder", "Gemeentelijke casusregisseur"):
        assert role in first and role not in second, role
    for role in ("Reclassering", "Politie", "Openbaar Ministerie", "Penitentiaire inrichting", "Kliniek",
                 "Woningcorporatie", "Naasten"):
        assert role in second and role not in first, role
    # a region that puts the reclassering and the huisarts in ring 1 moves them there, with their task
    wider = dataclasses.replace(region, eerste_ring=(*region.eerste_ring, "reclassering", "huisarts"))
    first, second = _rings(wider, tmp_path / "b")
    assert "Reclassering : toezicht en begeleiding" in first and "Reclassering" not in second
    assert "Huisarts : delen van het plan uitvoeren" in first and "Huisarts" not in second
    assert "GGZ-behandelaar , Verslavingszorg en VG- of LVB-zorg : delen van het plan" in second
    assert "Politie" in second and "Politie" not in first


def test_a_ring_set_in_the_profile_file_reaches_the_booklet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.resources import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    profile = copy / "regios" / "drenthe.yaml"
    ring = "\neerste_ring: [procesregisseur, levensloopaanbieder, politie]\n"
    profile.write_text(profile.read_text("utf-8") + ring, "utf-8")
    monkeypatch.setenv("LEVENSLOOP_DATA", str(copy))
    first, second = _rings(load_region("drenthe"), tmp_path / "uit")
    assert "Politie : signaleren" in first and "Gemeentelijke casusregisseur" in second
    assert "Gemeentelijke casusregisseur" not in first
