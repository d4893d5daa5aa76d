"""The regional handreiking: chapters plus region data, a table of contents with real page numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from _pdf_helpers import squash
from conftest import TODAY, RunCli, libreoffice_or_skip
from test_markdown import StructureCheck
from test_partner_leaflets import only_our_fonts, pdf_fonts

from levensloop_docs.reference.regions import Region, load_region, region_keys
from levensloop_docs.resources import shipped_templates_dir
from levensloop_docs.run.publish import chapter_files, handreiking_publication
from levensloop_docs.run.renderrun import RenderRun, render_job


@pytest.fixture
def own_templates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "sjablonen"
    shutil.copytree(shipped_templates_dir(), copy)
    monkeypatch.setenv("LEVENSLOOP_SJABLONEN", str(copy))
    return copy


def test_the_booklet_has_the_work_process_roles_route_and_contacts(tmp_path: Path) -> None:
    region = load_region("groningen")
    (html_file,) = render_job(RenderRun(out_dir=tmp_path),
                              handreiking_publication(region, TODAY).in_formats(("html",)))
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
    (html_file,) = render_job(RenderRun(out_dir=tmp_path / "a"), groningen.in_formats(("html",)))
    page = html_file.read_text("utf-8")
    assert "Werkwijze in Groningen" in page and "Casusoverleg in Groningen" in page
    assert "Van aanmelding tot uitstroom" not in page
    drenthe = handreiking_publication(load_region("drenthe"), TODAY)
    (other,) = render_job(RenderRun(out_dir=tmp_path / "b"), drenthe.in_formats(("html",)))
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
    # issue 28: a flow chart per situation (Graphviz), with the same content as tables per situation
    import base64

    region = load_region("midden-nederland")
    (html_file,) = render_job(RenderRun(out_dir=tmp_path),
                              handreiking_publication(region, TODAY).in_formats(("html",)))
    page = html_file.read_text("utf-8")
    StructureCheck.check_page(page)
    # in parts that each print at their natural size (review: the whole chart printed at 6 pt)
    imgs = re.findall(r"<img [^>]+>", page)
    assert len(imgs) == 4
    for img in imgs:
        src = re.search(r'src="data:image/png;base64,([^"]+)"', img)
        assert src is not None
        assert base64.b64decode(src.group(1)).startswith(b"\x89PNG\r\n\x1a\n")
        alt = re.search(r'alt="([^"]+)"', img)
        assert alt is not None and "Stroomschema van regio Midden-Nederland, deel:" in alt.group(1)
    assert "acute crisis, contact met justitie en uitstroom" in page
    # the text version: per situation a table of steps and decisions
    text = " ".join(re.sub(r"<[^>]+>", " ", page.split("Het schema in tekst")[1]).split())
    for part in (
        "Aanmelding en inclusie",
        "Op- en afschalen",
        "Acute crisis",
        "Contact met justitie",
        "Uitstroom",
        "Stap 4: Beveiligde intensieve zorg (BIZ)",
        "Beslissing: Opschalen naar Beveiligde intensieve zorg",
        "beslist: de burgemeester (Wvggz)",
        "titel: crisismaatregel (Wvggz)",
        "Direct gevaar: bel 112",
        "Verblijf in een penitentiaire inrichting (PI)",
        "Beslissing: Uitstromen?",
    ):
        assert part in text, part


def test_the_booklet_has_biz_criteria_afschaling_knelpunten_and_begrippen(tmp_path: Path) -> None:
    pub = handreiking_publication(load_region("groningen"), TODAY)
    (html_file,) = render_job(RenderRun(out_dir=tmp_path), pub.in_formats(("html",)))
    text = _page_text(html_file)
    for part in (
        "Drie vormen van opschalen",
        "Planbare klinische zorg",
        "acute psychiatrische crisis",
        "Opname na contact met justitie",
        "Extra eisen voor beveiligde intensieve zorg",
        "structurerend behandelklimaat",
        "fysieke beveiliging",
        "zorgmachtiging of crisismaatregel",
        "garandeert de terugkeer",
        "gewone klinische plek",
        "zodra de kliniek meldt dat de persoon stabiel is",
        "De risicofactoren zijn stabiel",
        "De voorwaarden voor goede vervolgzorg zijn op orde",
        "Er is een warme overdracht",
    ):
        assert part in text, part
    # the escalation path for knelpunten, in its order
    section = text.split("Als de samenwerking vastloopt")[-1]
    path = [
        section.index(f"{step} :")
        for step in ("Casus", "Procesregisseur", "Bestuurlijk overleg", "Financiers")
    ]
    assert path == sorted(path) and "ministerie van VWS" in section
    begrippen = text.split("Begrippen")[-1]
    for term in ("BIZ", "FPA, FVA", "HIC, KIB", "Terugkeergarantie", "Zorgmachtiging", "ZVH"):
        assert term in begrippen, term
    assert "Hij vraagt" not in text  # the procesregisseur is not always a man


def test_region_specifics_come_from_the_profile(tmp_path: Path) -> None:
    region = load_region("midden-nederland")
    assert len(region.aanmeldpunten) == 3
    pub = handreiking_publication(region, TODAY)
    (html_file,) = render_job(RenderRun(out_dir=tmp_path / "mn"), pub.in_formats(("html",)))
    text = _page_text(html_file)
    for punt in region.aanmeldpunten:
        for value in (punt.werkgebied, punt.naam, punt.telefoon):
            assert value in text, value
    assert "Zo werkt het in regio Midden-Nederland" in text and "drie ForFACT-teams" in text
    # a region with one ZVH names it as the place to register, and has no list of aanmeldpunten
    groningen = load_region("groningen")
    pub = handreiking_publication(groningen, TODAY)
    (other,) = render_job(RenderRun(out_dir=tmp_path / "gr"), pub.in_formats(("html",)))
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
    profile.write_text(
        profile.read_text("utf-8").replace("werkgebied: Flevoland", "werkgbied: Flevoland"), "utf-8"
    )
    monkeypatch.setenv("LEVENSLOOP_DATA", str(copy))
    with pytest.raises(DataFileError) as info:
        load_region("midden-nederland")
    assert "aanmeldpunten" in " ".join(p.path for p in info.value.problems)


def _flow(key: str) -> Any:
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.render.stroomschema import build_flow
    from levensloop_docs.views.regio import region_context

    return build_flow(region_context(load_region(key), load_vocabularies(), TODAY)["regio"])


@pytest.mark.parametrize("key", region_keys())
def test_every_regions_stroomschema_has_the_crisis_and_justice_branches_and_the_exit(key: str) -> None:
    """Review D1: decision points (who, when, title), acute crisis straight to BIZ, justice, uitstroom."""
    from levensloop_docs.render.stroomschema import dot_source, table_rows

    flow = _flow(key)
    ids = {n.id: n for n in flow.nodes}
    for node in (
        "gevaar",
        "crisisdienst",
        "crisismaatregel",
        "biz_crisis",
        "aanhouding",
        "detentie",
        "pi",
        "terugkeer",
        "afschalen",
        "uitstroom_besluit",
        "uitstroom",
        "inclusie",
    ):
        assert node in ids, node
    edges = {(e.start, e.end) for e in flow.edges}
    heaviest = f"stap{len(load_region(key).route)}"
    assert ("biz_crisis", heaviest) in edges  # straight to the heaviest step, no steps in between
    assert ("crisismaatregel", "biz_crisis") in edges and ("detentie", "pi") in edges
    decisions = [n for n in flow.nodes if n.kind == "besluit"]
    assert all(n.wie for n in decisions) and ids["crisismaatregel"].titel == "crisismaatregel (Wvggz)"
    assert "Direct gevaar: bel 112" in dot_source(flow)
    assert {r["situatie"] for r in table_rows(flow)} == {
        "Aanmelding en inclusie",
        "Op- en afschalen",
        "Acute crisis",
        "Contact met justitie",
        "Uitstroom",
    }


def test_the_stroomschema_png_is_laid_out_by_graphviz_and_fits_a_page() -> None:
    from levensloop_docs.render.stroomschema import draw_png

    png = draw_png(_flow("groningen"), dpi=60)
    assert png.startswith(b"\x89PNG") and png == draw_png(_flow("groningen"), dpi=60)
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert height / width < 1.4  # an A4 text area: taller than that and it is cut off


@pytest.mark.parametrize("key", ["midden-nederland", "groningen", "limburg"])
def test_the_stroomschema_parts_print_their_type_at_8_pt_or_more(key: str, tmp_path: Path) -> None:
    """Review (issue 28): the whole chart, 42 cm wide, printed at 3-6 pt on the page. Each part
    is now placed at its natural size (its PNG records the 110 dpi it was drawn at), so the
    smallest type, the 8 pt arrow labels, prints at 8 pt; and each part fits the text area."""
    from docx import Document
    from docx.image.image import Image

    from levensloop_docs.render.stroomschema import FONT_PT, PARTS

    (path,) = render_job(RenderRun(out_dir=tmp_path),
                         handreiking_publication(load_region(key), TODAY).in_formats(("docx",)))
    doc = Document(str(path))
    shapes = list(doc.inline_shapes)
    assert len(shapes) == len(PARTS)
    for shape in shapes:
        blob = doc.part.related_parts[shape._inline.graphic.graphicData.pic.blipFill.blip.embed].blob
        image = Image.from_blob(blob)
        assert image.horz_dpi == 110
        natural = image.px_width / image.horz_dpi * 914400  # EMU
        printed_pt = min(FONT_PT.values()) * shape.width / natural
        assert printed_pt >= 7.99, (key, printed_pt)
        assert shape.width <= 170 * 36000 and shape.height <= 250 * 36000  # mm in EMU


def test_without_graphviz_the_error_is_dutch_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from levensloop_docs.errors import ConversionError
    from levensloop_docs.render.stroomschema import draw_png, graphviz_available

    monkeypatch.setenv("PATH", str(tmp_path))  # no 'dot' anywhere
    with pytest.raises(ConversionError) as info:
        draw_png(_flow("limburg"))
    assert "Graphviz" in str(info.value) and "apt-get install graphviz" in str(info.value)
    ok, detail = graphviz_available()
    assert not ok and "niet geïnstalleerd" in detail


def test_groningen_as_its_startnotitie_describes_it(tmp_path: Path) -> None:
    """Review D3 and seed 002: the levensloopteam decides; its own first ring and tweede schil."""
    region = load_region("groningen")
    assert region.inclusie_door == "het levensloopteam"
    assert set(region.eerste_ring) == {
        "levensloopaanbieder",
        "beschermd_wonen",
        "gemeente",
        "vg_lvb_zorg",
        "ervaringsdeskundige",
        "procesregisseur",
    }
    assert {"politie", "Openbaar Ministerie", "reclassering", "GGD"} <= set(region.tweede_schil)
    flow = _flow("groningen")
    assert next(n for n in flow.nodes if n.id == "inclusie").wie == "het levensloopteam"
    text = _page_text(
        render_job(RenderRun(out_dir=tmp_path),
                   handreiking_publication(region, TODAY).in_formats(("html",)))[0]
    )
    assert "Het besluit neemt het levensloopteam" in text and "Tweede schil" in text
    assert "Zo werkt het in regio Groningen" in text  # review D3: its own section, as Midden-Nederland
    assert "inclusieoverleg besluit" not in text


def test_midden_nederland_no_longer_contradicts_itself_on_the_aanmeldoverleg(tmp_path: Path) -> None:
    text = _page_text(
        render_job(RenderRun(out_dir=tmp_path),
                   handreiking_publication(load_region("midden-nederland"), TODAY).in_formats(("html",)))[0]
    )
    assert "Het besluit neemt het casusoverleg van het ZVH (er is geen apart aanmeldoverleg)" in text
    assert "aanmeld- of inclusieoverleg" not in text


@pytest.mark.parametrize("key", region_keys())
def test_the_route_is_marked_standard_until_the_region_sets_it(key: str, tmp_path: Path) -> None:

    region = load_region(key)
    assert not region.route_vastgesteld
    text = _page_text(
        render_job(RenderRun(out_dir=tmp_path),
                   handreiking_publication(region, TODAY).in_formats(("html",)))[0]
    )
    assert "standaardroute – door de regio vast te stellen" in text
    own = region.model_copy(update={"route_vastgesteld": True})
    text = _page_text(
        render_job(RenderRun(out_dir=tmp_path / "b"),
                   handreiking_publication(own, TODAY).in_formats(("html",)))[0]
    )
    assert "standaardroute" not in text and f"route van regio {region.naam}" in text


def test_no_unsourced_norm_in_any_region_or_chapter() -> None:
    from levensloop_docs.resources import data_dir

    files = [
        *sorted((data_dir() / "regios").glob("*.yaml")),
        *sorted((shipped_templates_dir() / "handreiking").rglob("*.md")),
    ]
    for path in files:
        assert "werkdag" not in path.read_text("utf-8"), path


def test_beds_and_aanmeldpunten_are_lists_whose_numbers_cannot_break(tmp_path: Path) -> None:
    """Review D5, D6: no narrow table column for phone numbers or towns; the bed's intake contact."""
    region = load_region("midden-nederland")
    (html_file,) = render_job(RenderRun(out_dir=tmp_path),
                              handreiking_publication(region, TODAY).in_formats(("html",)))
    page = html_file.read_text("utf-8")
    for a in region.aanmeldpunten:
        assert f'tel. <span class="tel">{a.telefoon}</span>' in page  # kept on one line
        assert not re.search(rf"<td>[^<]*{re.escape(a.telefoon)}", page)
    for b in region.bedden:
        line = f'Opname regelen: {b.contact}, tel. <span class="tel">{b.telefoon}</span>.'
        assert b.telefoon and line in " ".join(page.split())
        assert not re.search(rf"<td>\s*{re.escape(b.plaats)}\s*</td>", page)


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
    section = doc.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None
    assert len(doc.inline_shapes) == 4  # the chart in parts, each readable at print size
    for shape in doc.inline_shapes:
        assert shape._inline.docPr.get("descr").startswith("Stroomschema van regio Midden-Nederland")
        assert shape.width <= page - left - right
    reader = PdfReader(tmp_path / "handreiking-midden-nederland.pdf")
    pages = [p.extract_text() or "" for p in reader.pages]
    # issue 28: the chart is a page of its own, the tables follow it
    schema_page = next(i for i, t in enumerate(pages) if "Per situatie de stappen" in t)
    assert reader.pages[schema_page].images, "het stroomschema ontbreekt in de PDF"
    widths = [img.image.size[0] if img.image else 0 for img in reader.pages[schema_page].images]
    assert max(widths) >= 600  # a real picture
    # no page break before every chapter: the booklet is shorter than one page per chapter plus the
    # cover, and two chapter titles share a page
    chapters = [
        "De levensloopaanpak in het kort",
        "Van aanmelding tot uitstroom",
        "Rollen en taken",
        "Op- en afschalen in regio Midden-Nederland",
        "Gegevens delen",
        "Contact",
        "Begrippen",
    ]
    starts = [next(i for i, t in enumerate(pages[1:], start=1) if squash(c) in squash(t)) for c in chapters]
    assert len(set(starts)) < len(chapters), starts
    # issue 28 added the stroomschema and its tables per situation (was: 9 pages); the chart in
    # four parts at a readable size takes three pages more than one chart at 4 pt
    assert len(pages) <= 18


def test_a_chapter_asks_for_a_new_page_explicitly(tmp_path: Path) -> None:
    from docx import Document

    from levensloop_docs.render.markdown import render_markdown_text
    from levensloop_docs.render.markdown_docx import build_docx

    source = (
        '# A\n\ntekst\n\n<section class="hoofdstuk" markdown="1">\n## Loopt door\n\nx\n</section>\n\n'
        '<section class="nieuwe-pagina" markdown="1">\n## Nieuwe pagina\n\ny\n</section>\n'
    )
    rendered = render_markdown_text(source, {}, name=tmp_path / "x.md")
    build_docx(rendered.body, tmp_path / "x.docx", properties={"title": "t"}, footer="f")
    paragraphs = Document(str(tmp_path / "x.docx")).paragraphs
    breaks = {p.text: p.paragraph_format.page_break_before for p in paragraphs}
    assert breaks["Loopt door"] is None and breaks["Nieuwe pagina"] is True


# ---- the rings: ring 1 is a setting of the region profile -------------------------------------


def _rings(region: Region, out: Path) -> tuple[str, str]:
    (html_file,) = render_job(RenderRun(out_dir=out),
                              handreiking_publication(region, TODAY).in_formats(("html",)))
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
    for role in (
        "Reclassering",
        "Politie",
        "Openbaar Ministerie",
        "Penitentiaire inrichting",
        "Kliniek",
        "Woningcorporatie",
        "Naasten",
    ):
        assert role in second and role not in first, role
    # a region that puts the reclassering and the huisarts in ring 1 moves them there, with their task
    wider = region.model_copy(update={"eerste_ring": (*region.eerste_ring, "reclassering", "huisarts")})
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


def test_the_werkproces_gaps_of_review_d7_are_filled(tmp_path: Path) -> None:
    pub = handreiking_publication(load_region("limburg"), TODAY)
    text = _page_text(render_job(RenderRun(out_dir=tmp_path), pub.in_formats(("html",)))[0])
    for part in ("Verhuizen naar een andere regio", "Financiering", "Zorgverzekeringswet (Zvw)",
                 "Wet forensische zorg (Wfz)", "Ervaringsdeskundige", "Zorgverzekeraar of zorgkantoor",
                 "De persoon zelf", "hulpbron", "slachtoffer", "risicofactor",
                 "Het plan noemt zelf wanneer het opnieuw wordt geëvalueerd",
                 # 001 (registration), 002 (advice after the exit); the first plan: no unsourced norm
                 "registratiesysteem van het ZVH", "het label Ketenveldnorm",
                 "Binnen welke termijn na de inclusie het eerste plan er is, legt de regio vast",
                 "Ook na de uitstroom kunnen de zorgpartners het levensloopteam om advies en consultatie"):
        assert part in text, part
    assert "op vaste momenten" not in text


def test_the_stroomschema_keeps_its_strokes_off_the_text() -> None:
    """Looked at as PNG (issue 28): the cut corners of the route's decision boxes crossed the
    first and last letters ("Opschalen", "Stabiel?"), and in the exit part the way back ended on
    the label of the way in ("lang stabiel"). The boxes get room; the way back comes in at the side."""
    from levensloop_docs.render.stroomschema import dot_source, part_flow

    flow = _flow("groningen")
    route = dot_source(part_flow(flow, ("route",)), zigzag=True)
    decisions = [line for line in route.splitlines() if "diagonals" in line]
    assert len(decisions) == len(load_region("groningen").route)  # three up, one down
    assert all('margin="0.2,0.08"' in line for line in decisions)
    exit_part = dot_source(part_flow(flow, ("uitstroom",)))
    (back,) = [line for line in exit_part.splitlines() if "style=dashed" in line and "->" in line]
    assert 'headport="e"' in back
    both = dot_source(part_flow(flow, ("crisis", "justitie")))
    assert "headport" not in both  # two columns: the ways back already come in from the side
    labels = re.findall(r'-> "[^"]+" \[[^]]*label="([^"]*)"', exit_part + both)
    assert labels and all(line.startswith(" ") for label in labels for line in label.split("\\n"))
