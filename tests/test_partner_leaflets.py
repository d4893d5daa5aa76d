"""Generic leaflets: every partner type for every shipped region, in HTML, DOCX and PDF."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest
from _pdf_helpers import docx_text, pdf_dict, pdf_text, squash
from conftest import TODAY, RunCli, libreoffice_or_skip
from test_markdown import StructureCheck

from levensloop_docs.reference.regions import Region, all_regions, load_region
from levensloop_docs.run.publish import leaflet_kinds, leaflet_publication
from levensloop_docs.run.renderrun import RenderRun, render_job

DATUM = "23 november 2026"  # TODAY, as Babel writes it
VASTGESTELD = "1 november 2026"  # uitgave.vastgesteld of every shipped region profile


def contacts(region: Region) -> list[str]:
    return [c for c in (region.naam, region.zvh.naam, region.zvh.telefoon, region.aanbieder.naam,
                        region.aanbieder.telefoon, region.zvh.email) if c]  # fmt: skip


def pdf_fonts(path: Path) -> set[str]:
    """The embedded font families, without the subset prefix: {'Carlito', 'Carlito-Bold'}."""
    from pypdf import PdfReader

    fonts: set[str] = set()
    for page in PdfReader(path).pages:
        for ref in (pdf_dict(page["/Resources"]).get("/Font") or {}).values():
            fonts.add(str(ref.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return fonts


def only_our_fonts(path: Path) -> bool:
    return all(f.startswith(("Carlito", "LiberationMono", "LiberationSans")) for f in pdf_fonts(path))


def test_there_are_leaflets_for_the_partners_the_issue_names() -> None:
    assert {"gemeente", "penitentiaire_inrichting", "reclassering", "politie", "woningcorporatie",
            "openbaar_ministerie", "kliniek"} <= set(leaflet_kinds())


def _html_text(kind: str, region: Region, folder: Path) -> str:
    (html_file,) = render_job(RenderRun(out_dir=folder),
                              leaflet_publication(kind, region, TODAY).in_formats(("html",)))
    return " ".join(re.sub(r"<[^>]+>", "", html_file.read_text("utf-8")).split())


# the naasten and client leaflets are for family and for the person, not for a partner
PARTNER_KINDS = [k for k in leaflet_kinds() if k not in ("naasten", "client")]


def test_the_naasten_leaflet_names_112_its_publisher_and_that_a_role_may_be_refused(tmp_path: Path) -> None:
    region = load_region("midden-nederland")
    text = _html_text("naasten", region, tmp_path)
    assert "bel 112" in text and region.zvh.naam in text
    assert "Uitgegeven door Zorg- en Veiligheidshuis Midden-Nederland (voorbeeld)." in text
    assert "nee" in text.lower()


@pytest.mark.parametrize("kind", PARTNER_KINDS)
def test_every_leaflet_names_the_basis_describes_behaviour_and_explains_its_words(
    kind: str, tmp_path: Path
) -> None:
    region = load_region("midden-nederland")
    text = _html_text(kind, region, tmp_path)
    # the privacy basis: the ZVH convenant, the routes, whom to ask
    assert "convenant en het privacyreglement" in text and region.zvh.naam in text
    for route in ("toestemming", "onder voorwaarden", "Wvggz of Wzd", "bemoeizorg"):
        assert route in text, route
    assert "functionaris gegevensbescherming" in text
    assert "Voor de " in text or "Voor het OM" in text  # one line on what the basis is for this partner
    # behaviour, not people; no count of people without a source
    assert "gevaarlijk gedrag" in text
    assert not re.search(r"\b(zijn|is) gevaarlijk\b", text, re.IGNORECASE)
    assert "tientallen" not in text and not re.search(r"\d+\s*(mensen|personen|cliënten)", text)
    # a short begrippenlijst, and who publishes the leaflet and when it is reviewed
    assert "Begrippen" in text and "Grondslag:" in text and "BIZ:" in text
    assert ("Uitgegeven door Zorg- en Veiligheidshuis Midden-Nederland (voorbeeld). Vastgesteld op "
            "1 november 2026; wordt uiterlijk op 1 november 2027 opnieuw bekeken.") in text


def test_a_region_without_publisher_data_gets_its_zvh_and_a_review_a_year_on(tmp_path: Path) -> None:

    # issue 28: the shipped profiles now all carry a date; this test takes it away
    region = load_region("groningen")
    undated = region.uitgave.model_copy(update={"vastgesteld": None, "herzien": None})
    region = region.model_copy(update={"uitgave": undated})
    assert not region.uitgever
    text = _html_text("politie", region, tmp_path)
    assert f"Uitgegeven door {region.zvh.naam}. Vastgesteld op {DATUM}" in text
    assert "uiterlijk op 23 november 2027 opnieuw bekeken" in text


def test_reclassering_reports_to_the_om_as_always_and_informs_the_same_day(tmp_path: Path) -> None:
    text = _html_text("reclassering", load_region("drenthe"), tmp_path)
    assert "Meld een overtreding zoals altijd aan het Openbaar Ministerie" in text
    assert "dezelfde dag ook de casusregisseur" in text
    # never advice that reads as "wait with the report"
    assert "voordat u een melding" not in text and "Stem af voordat" not in text


def test_om_and_kliniek_leaflets_carry_their_own_tasks(tmp_path: Path) -> None:
    region = load_region("midden-nederland")
    om = _html_text("openbaar_ministerie", region, tmp_path / "om")
    assert "Wat vragen wij van het Openbaar Ministerie?" in om
    assert "zorgmachtiging loopt via de officier van justitie" in om
    assert "Beveiligde intensieve zorg (BIZ)" in om  # the route step the OM takes part in
    kliniek = _html_text("kliniek", region, tmp_path / "kliniek")
    assert "Meld wanneer de persoon stabiel is." in kliniek
    assert "structurerend behandelklimaat en fysieke beveiliging" in kliniek
    assert "Klinisch regulier" in kliniek


@pytest.mark.parametrize("region", all_regions(), ids=lambda r: r.sleutel)
def test_every_leaflet_renders_for_every_region_as_valid_html_with_its_contacts(
    region: Region, tmp_path: Path
) -> None:
    for kind in leaflet_kinds():
        pub = leaflet_publication(kind, region, TODAY)
        html_file, docx_file = render_job(RenderRun(out_dir=tmp_path), pub.in_formats(("html", "docx")))
        page = html_file.read_text("utf-8")
        StructureCheck.check_page(page)
        text = " ".join(page.split())
        for item in contacts(region):
            assert " ".join(item.split()) in text, (kind, item)
        # issue 28: the leaflet's own date (every shipped profile: 1 november 2026), not the print date
        assert VASTGESTELD in text and f"Regio {region.naam}" in text
        assert "Wat is de levensloopaanpak?" in text and "Wie belt u?" in text
        words = docx_text(docx_file)
        assert all(" ".join(c.split()) in " ".join(words.split()) for c in contacts(region))
        assert stat.S_IMODE(html_file.stat().st_mode) == 0o600


def longest_leaflets(folder: Path) -> list[tuple[str, Region]]:
    """Per kind the region whose leaflet holds the most text, and each other region once in its
    longest kind: the pages that can overflow, without converting all 91 leaflets to PDF
    (a LibreOffice conversion each, 80 s of the suite)."""
    regions = {region.sleutel: region for region in all_regions()}
    size = {(kind, key): len(_html_text(kind, region, folder / f"{kind}-{key}"))
            for kind in leaflet_kinds() for key, region in regions.items()}
    chosen = {(kind, max(regions, key=lambda r: size[kind, r])) for kind in leaflet_kinds()}
    for key in regions.keys() - {r for _, r in chosen}:
        chosen.add((max(leaflet_kinds(), key=lambda k: size[k, key]), key))
    return [(kind, regions[key]) for kind, key in sorted(chosen)]


@pytest.mark.pdf
def test_every_leaflet_pdf_has_the_region_contacts_on_at_most_two_pages(tmp_path: Path) -> None:
    from pypdf import PdfReader

    libreoffice_or_skip()
    chosen = longest_leaflets(tmp_path / "html")
    assert {kind for kind, _ in chosen} == set(leaflet_kinds())
    assert {region.sleutel for _, region in chosen} == {r.sleutel for r in all_regions()}
    with RenderRun(out_dir=tmp_path) as run:
        for kind, region in chosen:
            (pdf,) = render_job(run, leaflet_publication(kind, region, TODAY).in_formats(("pdf",)))
            text = squash(pdf_text(pdf))
            for item in contacts(region):
                assert squash(item) in text, (region.sleutel, kind, item)
            assert squash(VASTGESTELD) in text
            pages = len(PdfReader(pdf).pages)
            assert 1 <= pages <= 2, (region.sleutel, kind, pages)
            assert "pagina1van" in text
            assert only_our_fonts(pdf), pdf_fonts(pdf)


def test_region_text_is_data_in_the_leaflet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A region profile is edited by hand: markup in it must print literally, not as HTML or Markdown."""
    from levensloop_docs.reference.regions import load_region
    from levensloop_docs.resources import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    profile = copy / "regios" / "groningen.yaml"
    text = profile.read_text("utf-8").replace(
        "naam: Zorg- en Veiligheidshuis Groningen (voorbeeld)", 'naam: "ZVH <script>x</script> *ster* [a](b)"'
    )
    profile.write_text(text, "utf-8")
    monkeypatch.setenv("LEVENSLOOP_DATA", str(copy))
    region = load_region("groningen")
    pub = leaflet_publication("gemeente", region, TODAY)
    (html_file,) = render_job(RenderRun(out_dir=tmp_path / "uit"), pub.in_formats(("html",)))
    page = html_file.read_text("utf-8")
    assert "<script>" not in page
    assert "ZVH &lt;script&gt;x&lt;/script&gt; *ster* [a](b)" in page
    StructureCheck.check_page(page)


def test_partnerinfo_command_writes_the_formats_asked(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("partnerinfo", "--partner", "reclassering", "--regio", "drenthe",
                     "--formaat", "html,docx", "--uit", tmp_path)  # fmt: skip
    assert result.code == 0, result.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["partnerinfo-reclassering-drenthe.docx", "partnerinfo-reclassering-drenthe.html"]
    assert "2 bestanden geschreven" in result.out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--partner", "bakker", "--regio", "groningen"], "Onbekende waarde 'bakker' bij --partner"),
        (["--partner", "gemeente", "--regio", "atlantis"], "Onbekende waarde 'atlantis' bij --regio"),
        (["--partner", "gemeente", "--regio", "groningen", "--formaat", "odt"], "Onbekend formaat: odt"),
    ],
)
def test_partnerinfo_bad_choices_give_a_dutch_message_and_write_nothing(
    run_cli: RunCli, tmp_path: Path, args: list[str], message: str
) -> None:
    result = run_cli("partnerinfo", *args, "--uit", tmp_path / "uit")
    assert result.code == 2
    assert message in result.err and "Traceback" not in result.err
    assert not (tmp_path / "uit").exists()


def test_the_commands_load_no_heavy_library_for_help() -> None:
    import subprocess
    import sys

    code = (
        "import sys, levensloop_docs.cli.commands.partnerinfo, levensloop_docs.cli.commands.handreiking;"
        "heavy = ('markdown', 'docx', 'jinja2', 'pypdf', 'pydantic', 'lxml');"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


# -- issue 28 (review C): night number, support for naasten, Wpg, date, new leaflets -------------


def test_there_are_leaflets_for_the_other_partners_and_the_client() -> None:
    """Review C4: zorgaanbieders, beschermd wonen/MO, bewindvoerder, huisarts and the client."""
    assert {"zorgaanbieder", "woonaanbieder", "bewindvoerder", "huisarts", "client"} <= set(leaflet_kinds())


@pytest.mark.parametrize("kind", leaflet_kinds())
def test_every_leaflet_gives_the_number_for_nights_and_weekends(kind: str, tmp_path: Path) -> None:
    """Review C2: not only 112 and office numbers; the region profile's crisisdienst number."""
    region = load_region("groningen")
    assert region.nacht is not None and region.nacht.telefoon
    text = _html_text(kind, region, tmp_path)
    assert "'s Nachts en in het weekend:" in text and region.nacht.telefoon in text, kind
    assert "bel 112" in text


def test_a_region_without_a_night_number_says_so(tmp_path: Path) -> None:

    region = load_region("groningen").model_copy(update={"buiten_kantoortijd": None})
    text = _html_text("politie", region, tmp_path)
    assert "de regio heeft nog geen nummer vastgelegd" in text


def test_the_naasten_leaflet_points_naasten_and_victims_to_support_of_their_own(tmp_path: Path) -> None:
    """Review C3: mantelzorg, familievertrouwenspersoon and, for a victim, Slachtofferhulp."""
    region = load_region("midden-nederland")
    text = _html_text("naasten", region, tmp_path)
    assert "Steun voor uzelf" in text
    assert "Steun als mantelzorger" in text and "Steunpunt mantelzorg van uw gemeente (voorbeeld)" in text
    assert "familievertrouwenspersoon" in text.casefold() and "030-0000092" in text
    assert "Slachtofferhulp Nederland" in text
    # the promise is the one the client's copy of the plan keeps (tests/test_plan_client.py)
    assert "De persoon krijgt een eigen exemplaar van het plan" in text
    assert "staat niet in de stukken die de persoon zelf krijgt" not in text


def test_the_politie_leaflet_names_the_wet_politiegegevens(tmp_path: Path) -> None:
    text = _html_text("politie", load_region("limburg"), tmp_path)
    assert "Wet politiegegevens (Wpg)" in text


@pytest.mark.parametrize("kind", ["politie", "naasten", "client"])
def test_the_heading_carries_the_date_the_leaflet_was_set_not_the_print_date(
    kind: str, tmp_path: Path
) -> None:
    region = load_region("midden-nederland")  # vastgesteld 1 november 2026; the tests run on 23 november
    text = _html_text(kind, region, tmp_path)
    assert "Regio Midden-Nederland · vastgesteld 1 november 2026" in text
    assert DATUM not in text


def test_the_client_leaflet_says_what_the_client_may(tmp_path: Path) -> None:
    text = _html_text("client", load_region("drenthe"), tmp_path)
    for words in ("Meepraten", "Uw eigen exemplaar", "Toestemming geven of intrekken", "Klagen",
                  "patiëntenvertrouwenspersoon", "casusregisseur", "bel 112"):
        assert words in text, words
