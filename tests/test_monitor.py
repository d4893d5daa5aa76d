"""levensloop monitor: figures equal the known marginals of a synthetic folder; privacy; charts."""

from __future__ import annotations

import csv
import io
import statistics
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from _overview_cases import write_case
from conftest import RunCli

from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.monitor import Period
from levensloop_docs.overview.monitor_report import build_report

VAN, TOT = date(2026, 1, 1), date(2026, 3, 31)
PERIOD = Period(VAN, TOT)


def _spec(i: int) -> dict[str, Any]:
    """Included case i (0..39): every characteristic in blocks, so the marginals are known."""
    decided = date(2026, 1 + i % 3, 15)
    fields: dict[str, Any] = {
        "persoon.geslacht": "man" if i < 30 else "vrouw" if i < 35 else None,
        "persoon.problematiek": (["lvb_vermoeden", "ggz", "verslaving"] if i < 20
                                 else ["ggz", "psychosociaal"] if i < 32 else []),
        "persoon.juridisch_kader": ([{"titel": "wlz_indicatie"}] if i < 10
                                    else [{"titel": "bijzondere_voorwaarden"}] if i < 20
                                    else [{"titel": "wvggz_zorgmachtiging"}] if i < 30
                                    else [{"titel": "geen"}] if i < 35 else []),
        "persoon.verblijf": "dakloos" if i < 20 else "beschermd_wonen" if i < 30 else "forensische_kliniek",
        "persoon.geboortedatum": date(1980 + i % 20, 5, 1) if i < 35 else None,
        "aanmelding.behoefte_opname": True if i < 15 else False if i < 30 else None,
        "aanmelding.casusregisseur": "Casusregisseur (verzonnen)",
    }
    if i < 10:
        fields["incidenten"] = [{"datum": date(2026, 2, 1), "omschrijving": "Opname.", "niveau": "biz",
                                 "vorm": "acute_crisis"},
                                {"datum": date(2026, 2, 9), "omschrijving": "Ruzie.", "niveau": "ambulant"}]
    elif i < 15:
        fields["incidenten"] = [
            {"datum": date(2025, 3, 1), "omschrijving": "Opname.", "niveau": "biz",
             "vorm": "justitie"},  # before the period
            {"datum": date(2026, 3, 1), "omschrijving": "Detox.", "niveau": "klinisch_regulier",
             "vorm": "gepland"}]
    elif i < 20:  # an escalation recorded without its form: counted as unknown
        fields["incidenten"] = [{"datum": date(2026, 1, 20), "omschrijving": "Opname.",
                                 "niveau": "intensief_ambulant"}]
    status = "uitgestroomd" if i >= 35 else "geincludeerd"
    if status == "uitgestroomd":
        fields["uitstroom.datum"] = date(2026, 3, 20)
    return {"status": status, "besluit": "geincludeerd", "besluit_datum": decided,
            "aangemeld": decided - timedelta(days=5 + i), **fields}


def _folder(tmp_path: Path) -> tuple[Path, list[dict[str, Any]]]:
    folder = tmp_path / "casussen"
    specs = [_spec(i) for i in range(40)]
    specs += [{"status": "niet_geincludeerd", "besluit": "niet_geincludeerd",
               "besluit_datum": date(2026, 2, 10), "aangemeld": date(2026, 2, 1)}] * 6
    specs += [{"status": "aangehouden", "besluit": "aangehouden", "besluit_datum": date(2026, 3, 5),
               "aangemeld": date(2026, 2, 20)}] * 5
    specs += [{"status": "aangemeld", "aangemeld": date(2026, 3, 25)}] * 5
    for n, spec in enumerate(specs):
        write_case(folder, n, regio="drenthe", **spec)
    for n in range(7):  # another region, for the chart per region
        write_case(folder, 100 + n, regio="groningen", status="aangemeld", aangemeld=date(2026, 1, 9))
    return folder, specs


def _row(table: list[list[str]], label: str) -> list[str]:
    return next(r for r in table if r[0] == label)


def test_counts_and_waiting_time_equal_the_marginals(tmp_path: Path) -> None:
    folder, specs = _folder(tmp_path)
    report = build_report(load_folder(folder, TOT), "drenthe", PERIOD, 5, TOT)
    table = report.tables["aantallen"]
    registered = sum(1 for s in specs if s["aangemeld"] and VAN <= s["aangemeld"] <= TOT)
    assert _row(table, "Aanmeldingen")[-1] == str(registered)
    assert _row(table, "Inclusies")[1:] == ["14", "13", "13", "40"]
    assert _row(table, "Niet geïncludeerd")[1:] == ["0", "6", "0", "6"]
    assert _row(table, "Aangehouden")[1:] == ["0", "0", "5", "5"]
    assert _row(table, "Uitstroom")[1:] == ["0", "0", "5", "5"]
    waits = [(s["besluit_datum"] - s["aangemeld"]).days for s in specs if s.get("besluit_datum")]
    context = report.context["wachttijd"]
    assert context["n"] == str(len(waits)) == "51"
    assert context["gemiddeld"] == f"{round(statistics.fmean(waits), 1)}".replace(".", ",")
    assert context["mediaan"] == f"{statistics.median(waits):g}".replace(".", ",")
    regions = report.tables["regios"]
    assert _row(regions, "Groningen")[1] == "7" and _row(regions, "Drenthe")[2] == "40"


def test_profile_equals_tabel_4_marginals_with_unknowns(tmp_path: Path) -> None:
    folder, _specs = _folder(tmp_path)
    report = build_report(load_folder(folder, TOT), "drenthe", PERIOD, 5, TOT)
    rows = report.tables["kenmerken"]

    def block(label: str) -> list[list[str]]:
        start = next(i for i, r in enumerate(rows) if r[0] == label)
        end = next((i for i in range(start + 1, len(rows)) if rows[i][0]), len(rows))
        return rows[start:end]

    # [value, number, % of known, unknown, total]
    assert [r[1:] for r in block("Geslacht")] == [
        ["man", "30", "86%", "5", "40"], ["vrouw", "5", "14%", "", ""], ["anders", "0", "0%", "", ""]]
    assert [r[1:] for r in block("Problematiek: (vermoeden van) LVB")] == [
        ["ja", "20", "62%", "8", "40"], ["nee", "12", "38%", "", ""]]
    assert block("Problematiek: GGZ")[0][1:] == ["ja", "32", "100%", "8", "40"]
    assert block("Problematiek: psychosociaal")[0][1:] == ["ja", "12", "38%", "8", "40"]
    for label in ("Wlz-indicatie", "Forensische titel", "Rechterlijke machtiging of zorgmachtiging"):
        assert block(label)[0][1:] == ["ja", "10", "29%", "5", "40"], label
    assert [r[1:3] for r in block("Verblijf")] == [["Dakloos", "20"], ["Beschermd wonen", "10"],
                                                   ["Forensische kliniek", "10"]]
    assert block("Behoefte aan opname bij aanmelding")[0][1:] == ["ja", "15", "50%", "10", "40"]
    ages = [TOT.year - (1980 + i % 20) - 1 for i in range(35)]  # born 1 May, counted on 31 March
    assert report.context["leeftijd"] == {
        "gemiddeld": f"{round(statistics.fmean(ages), 1)}".replace(".", ","),
        "minimum": str(min(ages)), "maximum": str(max(ages)), "bekend": "35", "onbekend": "5"}
    assert report.context["populatie"] == "40"


def test_escalations_by_level_and_form(tmp_path: Path) -> None:
    folder, _specs = _folder(tmp_path)
    table = build_report(load_folder(folder, TOT), "drenthe", PERIOD, 5, TOT).tables["escalaties"]
    assert table[0][1:] == ["Geplande klinische zorg", "Acute crisis", "Na contact met justitie",
                            "Vorm onbekend", "Totaal"]
    assert table[1][1:] == ["0", "0", "0", "0", "0"]  # ambulant: the ten orange incidents are none
    assert table[2][1:] == ["0", "0", "0", "5", "5"]  # intensief ambulant, without a form
    assert table[3][1:] == ["5", "0", "0", "0", "5"]  # klinisch regulier
    assert table[4][1:] == ["0", "10", "0", "0", "10"]  # BIZ; the one from 2025 is outside the period
    assert table[5][1:] == ["5", "10", "0", "5", "20"]


def _small_region(tmp_path: Path) -> Path:
    folder = tmp_path / "klein"
    for n in range(3):  # three inclusions, two rejections, one man with unknown sex beside
        write_case(folder, n, regio="friesland", status="geincludeerd", besluit="geincludeerd",
                   besluit_datum=date(2026, 2, 1 + n), **{"persoon.geslacht": "man" if n else None})
    for n in range(3, 5):
        write_case(folder, n, regio="friesland", status="niet_geincludeerd", besluit="niet_geincludeerd",
                   besluit_datum=date(2026, 2, 9))
    for n in range(5, 17):
        write_case(folder, n, regio="drenthe", status="geincludeerd", besluit="geincludeerd",
                   besluit_datum=date(2026, 1 + n % 3, 3))
    return folder


def test_small_region_hides_every_small_cell_and_totals_do_not_give_them_away(tmp_path: Path) -> None:
    from levensloop_docs.overview.monitor_report import counts_by_region, counts_over_time
    from levensloop_docs.overview.suppression import grid_lines

    found = load_folder(_small_region(tmp_path), TOT)
    report = build_report(found, "friesland", PERIOD, 5, TOT)
    for name, table in report.tables.items():
        for row in table[1:]:
            for cell in row:
                assert cell not in {"1", "2", "3", "4"}, f"{name}: {row}"
    assert "Persoon" not in str(report.context) and "SYN-" not in str(report.context)
    _t, s = counts_over_time([c for c in found.cases if c.meta.regio == "friesland"], PERIOD, 5)
    lines = grid_lines(len(s.values), len(s.values[0]), row_totals=True, col_totals=False)
    assert all(sum(s.hidden(c) for c in (*cells, total)) != 1 for cells, total in lines)
    _t, s, _names = counts_by_region(found.cases, PERIOD, 5)
    lines = grid_lines(len(s.values), len(s.values[0]), row_totals=False, col_totals=True)
    assert all(sum(s.hidden(c) for c in (*cells, total)) != 1 for cells, total in lines)
    assert report.context["leeftijd"]["gemiddeld"] == "–"  # fewer than 5 known ages


def test_cli_writes_csv_xlsx_and_docx_with_charts(tmp_path: Path, run_cli: RunCli) -> None:
    from docx import Document
    from openpyxl import load_workbook
    from PIL import Image

    folder, _specs = _folder(tmp_path)
    out = tmp_path / "uit"
    result = run_cli("monitor", folder, "--regio", "drenthe", "--van", "1-1-2026", "--tot", "31-3-2026",
                     "--uit", out, "--formaat", "docx,html,csv,xlsx", "--drempel", "6")
    assert result.code == 0, result.err
    stem = out / "monitor-drenthe-2026-01-01-2026-03-31"
    rows = list(csv.reader(stem.with_suffix(".csv").read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))
    assert _row(rows, "Inclusies")[-1] == "40"
    kenmerken = list(csv.reader(Path(f"{stem}-kenmerken.csv").read_text(encoding="utf-8-sig").splitlines(),
                                delimiter=";"))
    # vrouw 5 and onbekend 5 are both < 6 and add up to 40 - 30: both would be exactly 5, so
    # 30 is hidden too; no percentage in a row with a hidden cell
    assert kenmerken[1:3] == [["Geslacht", "man", "×", "", "<6", "40"], ["", "vrouw", "<6", "", "", ""]]
    book = load_workbook(stem.with_suffix(".xlsx"))
    assert book.sheetnames == ["aantallen", "regios", "kenmerken", "escalaties"]
    assert [c.value for c in book["aantallen"][3]][-1] == 40  # a number, not text
    doc = Document(str(stem.with_suffix(".docx")))
    assert len(doc.inline_shapes) == 2
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = doc.part.related_parts[blip.embed].blob
        assert Image.open(io.BytesIO(image)).format == "PNG"
        assert "Staafdiagram" in shape._inline.docPr.get("descr")
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "<6" in text and "geen persoonsgegevens" in text
    html = stem.with_suffix(".html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 2 and "Persoon " not in html


@pytest.mark.pdf
def test_pdf_has_the_charts_as_images(tmp_path: Path, run_cli: RunCli) -> None:
    from conftest import libreoffice_or_skip
    from pypdf import PdfReader

    libreoffice_or_skip()
    folder, _specs = _folder(tmp_path)
    out = tmp_path / "uit"
    result = run_cli("monitor", folder, "--regio", "drenthe", "--van", "1-1-2026", "--tot", "31-3-2026",
                     "--uit", out, "--formaat", "pdf")
    assert result.code == 0, result.err
    reader = PdfReader(out / "monitor-drenthe-2026-01-01-2026-03-31.pdf")
    # LibreOffice shares one resource dictionary between pages: count distinct pictures
    images = {image.data: image for page in reader.pages for image in page.images}
    assert len(images) == 2 and all(i.image is not None and i.image.width > 400 for i in images.values())
    assert "Monitor levensloopaanpak regio Drenthe" in reader.pages[0].extract_text()


def test_cli_rejects_a_period_backwards_and_an_unknown_region(tmp_path: Path, run_cli: RunCli) -> None:
    folder, _specs = _folder(tmp_path)
    result = run_cli("monitor", folder, "--regio", "drenthe", "--van", "1-4-2026", "--tot", "1-1-2026")
    assert result.code == 2 and "--tot" in result.err
    result = run_cli("monitor", folder, "--regio", "atlantis", "--van", "1-1-2026", "--tot", "1-4-2026")
    assert result.code == 2 and "drenthe" in result.err


def test_cli_tables_only_need_no_charts(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import levensloop_docs.overview.charts as charts

    def no_chart(*args: object) -> bytes:
        raise AssertionError("a chart was drawn for tables only")

    monkeypatch.setattr(charts, "bar_chart", no_chart)
    folder, _specs = _folder(tmp_path)
    out = tmp_path / "uit"
    result = run_cli("monitor", folder, "--regio", "drenthe", "--van", "1-1-2026", "--tot", "31-3-2026",
                     "--uit", out, "--formaat", "csv,xlsx")
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "monitor-drenthe-2026-01-01-2026-03-31-escalaties.csv",
        "monitor-drenthe-2026-01-01-2026-03-31-kenmerken.csv",
        "monitor-drenthe-2026-01-01-2026-03-31-regios.csv",
        "monitor-drenthe-2026-01-01-2026-03-31.csv", "monitor-drenthe-2026-01-01-2026-03-31.xlsx"]


def test_inclusion_counts_from_inclusiedatum_and_missing_dates_are_counted(tmp_path: Path) -> None:
    """Review A3.1: an included case without an aanmelding block counts by meta.inclusiedatum."""
    from levensloop_docs.overview.monitor import counts

    folder = tmp_path / "c"
    write_case(folder, 1, regio="limburg", status="geincludeerd", aangemeld=None,
               **{"meta.inclusiedatum": date(2026, 2, 17)})
    write_case(folder, 2, regio="limburg", status="geincludeerd", aangemeld=None)  # no date anywhere
    write_case(folder, 3, regio="limburg", status="uitgestroomd", aangemeld=None,
               **{"meta.inclusiedatum": date(2026, 3, 1), "uitstroom.datum": date(2026, 3, 30)})
    found = counts(load_folder(folder, TOT).cases, PERIOD)
    assert found.totals["inclusies"] == 2 and found.undated["inclusies"] == 1
