"""levensloop monitor: figures equal the known marginals of a synthetic folder; pooling; privacy.

Rewritten for issue 27 (behaviour meant to change): counts per calendar year from protected
blocks, the profile from the values recorded at inclusion (``bij_inclusie``), pooled per
ketenveldnorm region, every category listed, threshold at least 3.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from _overview_cases import write_case
from conftest import RunCli

from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.monitor import Period
from levensloop_docs.overview.monitor_report import build_report

YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))
TODAY = date(2026, 12, 31)


def _included(i: int, regio: str, year: int = 2026, **extra: Any) -> dict[str, Any]:
    decided = date(year, 1 + i % 12, 15)
    fields: dict[str, Any] = {
        "persoon.geslacht": "man" if i % 10 else None,  # every tenth: sex unknown
        "persoon.verblijf": "zelfstandig",  # now; at inclusion most were homeless
        "persoon.geboortedatum": date(1980 + i % 20, 5, 1),
        "bij_inclusie": {"ggz": "ja", "lvb": "ja" if i % 3 == 0 else "onbekend" if i % 3 == 1 else "nee",
                         "verslaving": "ja" if i % 5 else "nee", "psychosociaal": "ja",
                         "machtiging": "ja" if i % 4 == 0 else "nee",
                         "verblijf": "dakloos" if i % 2 == 0 else "beschermd_wonen"},
        "aanmelding.casusregisseur": "Casusregisseur (verzonnen)",
        **extra,
    }
    return {"regio": regio, "status": "geincludeerd", "besluit": "geincludeerd", "besluit_datum": decided,
            "aangemeld": decided - timedelta(days=10 + i % 30), **fields}


def _north(tmp_path: Path) -> Path:
    """Groningen 12, Friesland 9, Drenthe 9 included in 2026; 9 in 2025; rejections with reasons."""
    folder = tmp_path / "noord"
    n = 0
    for regio, count in (("groningen", 12), ("friesland", 9), ("drenthe", 9)):
        for _i in range(count):
            n += 1
            write_case(folder, n, **_included(n, regio))
    for _i in range(9):
        n += 1
        write_case(folder, n, **_included(n, "groningen", year=2025))
    for _i in range(4):
        n += 1
        write_case(folder, n, regio="drenthe", status="niet_geincludeerd", besluit="niet_geincludeerd",
                   besluit_datum=date(2026, 3, 1), aangemeld=date(2026, 2, 1), **{
                       "aanmelding.criteria_landelijk": [{"criterium": "2", "oordeel": "voldoet_niet"},
                                                         {"criterium": "6", "oordeel": "voldoet_niet"}]})
    for _i in range(3):  # included without an aanmelding block: counted by meta.inclusiedatum
        n += 1
        write_case(folder, n, regio="friesland", status="geincludeerd", aangemeld=None,
                   **{"meta.inclusiedatum": date(2026, 4, 1)})
    n += 1
    write_case(folder, n, regio="friesland", status="geincludeerd", aangemeld=None)  # no date at all
    return folder


def _row(table: list[list[str]], label: str) -> list[str]:
    return next(r for r in table if r[0] == label)


def test_pooled_noord_nederland_in_the_tabel_4_layout(tmp_path: Path) -> None:
    """Review A3.3 / issue 'done when': one pooled report, percentages over the known values."""
    report = build_report(load_folder(_north(tmp_path), TODAY), "noord-nederland", YEAR, 3, TODAY)
    table = report.tables["aantallen"]
    assert table[0][:3] == ["", "2026", "Totaal"]
    assert _row(table, "Inclusies")[1:4] == ["33", "33", "9"]  # 30 + 3 by inclusiedatum; 2025: 9
    assert _row(table, "Inclusies")[4] == "+24"
    assert _row(table, "Niet geïncludeerd")[1] == "4"
    assert report.context["stand"]["zonder_datum"] == "<3"  # the one without any date, counted apart
    tabel4 = report.tables["tabel4"]
    assert report.context["populatie"] == "42"  # everyone included in 2025-2026 with a date
    lvb = _row(tabel4, "Problematiek: (vermoeden van) LVB")
    # of the 39 with bij_inclusie: every third 'ja', every third 'onbekend'; the 3 others unknown
    yes = sum(1 for i in range(1, 40) if i % 3 == 0)
    no = sum(1 for i in range(1, 40) if i % 3 == 2)
    assert lvb == ["Problematiek: (vermoeden van) LVB", f"{round(100 * yes / (yes + no))}%", str(yes + no),
                   str(42 - yes - no)]
    assert _row(tabel4, "Problematiek: GGZ")[1:] == ["100%", "39", "3"]
    stay = _row(tabel4, "Verblijf bij aanmelding")[1]
    assert stay.startswith("49% dakloos; 51% beschermd wonen; 0% forensische kliniek")  # not the current
    details = report.tables["kenmerken"]
    labels = [r[1] for r in details]
    for category in ("Dakloos", "Penitentiaire inrichting", "Zelfstandig", "anders"):
        assert category in labels  # every category, zeros included
    reasons = report.tables["redenen"]
    assert [r[1] for r in reasons[1:]] == ["0", "4", "0", "0", "0", "4", "0"]  # last: none named
    # 004: the caseload on the last day and since the start (nobody left: the same)
    north = _row(report.tables["regios"], "Noord-Nederland")
    assert north[-2:] == ["42", "42"] and report.context["stand"]["sinds_start"] == "42"
    # none of them has a plan set yet: all on the waiting list after inclusion (those with a date)
    assert report.context["stand"]["wachtlijst"] == "42"


def test_a_province_gets_no_profile_of_its_own(tmp_path: Path) -> None:
    report = build_report(load_folder(_north(tmp_path), TODAY), "drenthe", YEAR, 3, TODAY)
    assert report.context["kenmerken_gepoold"] is False
    assert report.context["kenmerken_eenheid"] == "Noord-Nederland"
    assert _row(report.tables["aantallen"], "Inclusies")[1] == "9"


def test_national_roll_up_lists_every_ketenveldnorm_region(tmp_path: Path) -> None:
    """Review F1: --regio alle, the eleven regions of the January 2022 monitor, zeros included."""
    folder = _north(tmp_path)
    for i in range(4):
        write_case(folder, 200 + i, **_included(200 + i, "limburg"))
    report = build_report(load_folder(folder, TODAY), "alle", YEAR, 3, TODAY)
    regions = report.tables["regios"]
    assert len(regions) == 1 + 11 + 1
    assert _row(regions, "Noord-Nederland")[2] == "33"
    assert _row(regions, "Haaglanden")[1:6] == ["0"] * 5
    # four people in Limburg: their profile has cells of 1 and 2, so the year's 4 is hidden, and
    # the national total with it (33 + 4 would give it away)
    assert _row(regions, "Limburg")[2] == "×" and _row(regions, "Alle regio's")[2] != "37"


def test_comma_list_is_a_sum_of_protected_cells(tmp_path: Path) -> None:
    report = build_report(load_folder(_north(tmp_path), TODAY), "groningen,friesland", YEAR, 3, TODAY)
    assert _row(report.tables["aantallen"], "Inclusies")[1] == "24"


def test_every_period_that_is_not_whole_years_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    from levensloop_docs.overview.monitor_report import year_aligned

    for first in range(1, 13):
        for last in range(first, 13):
            end = date(2027, 1, 1) if last == 12 else date(2026, last + 1, 1)
            period = Period(date(2026, first, 1), end - timedelta(days=1))
            assert year_aligned(period) is ((first, last) == (1, 12))
    result = run_cli("monitor", tmp_path, "--regio", "drenthe", "--van", "1-1-2026", "--tot", "30-11-2026")
    assert result.code == 2 and "--van 1-1-2026 --tot 31-12-2026" in result.err
    result = run_cli("monitor", tmp_path, "--regio", "drenthe", "--van", "1-1-2026", "--tot", "31-12-2026",
                     "--drempel", "2")
    assert result.code == 2 and "--drempel" in result.err


def test_cli_rejects_a_period_backwards_and_an_unknown_region(tmp_path: Path, run_cli: RunCli) -> None:
    folder = _north(tmp_path)
    result = run_cli("monitor", folder, "--regio", "drenthe", "--van", "1-1-2027", "--tot", "31-12-2026")
    assert result.code == 2 and "--tot" in result.err
    result = run_cli("monitor", folder, "--regio", "atlantis", "--van", "1-1-2026", "--tot", "31-12-2026")
    assert result.code == 2 and "noord-nederland" in result.err and "alle" in result.err


def test_inclusion_counts_from_inclusiedatum_and_missing_dates_are_counted(tmp_path: Path) -> None:
    """Review A3.1: an included case without an aanmelding block counts by meta.inclusiedatum."""
    from levensloop_docs.overview.monitor import counts

    folder = tmp_path / "c"
    write_case(folder, 1, regio="limburg", status="geincludeerd", aangemeld=None,
               **{"meta.inclusiedatum": date(2026, 2, 17)})
    write_case(folder, 2, regio="limburg", status="geincludeerd", aangemeld=None)  # no date anywhere
    write_case(folder, 3, regio="limburg", status="uitgestroomd", aangemeld=None,
               **{"meta.inclusiedatum": date(2026, 3, 1), "uitstroom.datum": date(2026, 3, 30)})
    found = counts(load_folder(folder, TODAY).cases, Period(date(2026, 1, 1), date(2026, 3, 31)))
    assert found.totals["inclusies"] == 2 and found.undated["inclusies"] == 1


def test_cli_writes_csv_xlsx_and_docx_with_charts(tmp_path: Path, run_cli: RunCli) -> None:
    from docx import Document
    from openpyxl import load_workbook
    from PIL import Image

    out = tmp_path / "uit"
    result = run_cli("monitor", _north(tmp_path), "--regio", "noord-nederland", "--van", "1-1-2026",
                     "--tot", "31-12-2026", "--uit", out, "--formaat", "docx,html,csv,xlsx", "--drempel", "3")
    assert result.code == 0, result.err
    stem = out / "monitor-noord-nederland-2026-01-01-2026-12-31"
    rows = list(csv.reader(stem.with_suffix(".csv").read_text(encoding="utf-8-sig").splitlines(),
                           delimiter=";"))
    assert _row(rows, "Inclusies")[2] == "33"
    book = load_workbook(stem.with_suffix(".xlsx"))
    assert book.sheetnames == ["aantallen", "regios", "tabel4", "kenmerken", "escalaties", "bed_wachttijd",
                               "bed_na_inclusie", "aanmelders", "redenen", "redenen_regio"]
    doc = Document(str(stem.with_suffix(".docx")))
    assert len(doc.inline_shapes) == 2
    for shape in doc.inline_shapes:
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        image = doc.part.related_parts[blip.embed].blob
        assert Image.open(io.BytesIO(image)).format == "PNG"
    text = "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    assert "geen persoonsgegevens" in text and "zoals ze bij aanmelding en inclusie werden vastgelegd" in text
    assert "Geslacht (% man)" in text
    html = stem.with_suffix(".html").read_text(encoding="utf-8")
    assert html.count('src="data:image/png;base64,') == 2 and "Persoon " not in html


@pytest.mark.pdf
def test_pdf_has_the_charts_as_images(tmp_path: Path, run_cli: RunCli) -> None:
    from conftest import libreoffice_or_skip
    from pypdf import PdfReader

    libreoffice_or_skip()
    out = tmp_path / "uit"
    result = run_cli("monitor", _north(tmp_path), "--regio", "noord-nederland", "--van", "1-1-2026",
                     "--tot", "31-12-2026", "--uit", out, "--formaat", "pdf")
    assert result.code == 0, result.err
    reader = PdfReader(out / "monitor-noord-nederland-2026-01-01-2026-12-31.pdf")
    images = {image.data: image for page in reader.pages for image in page.images}
    assert len(images) == 2
    assert "Monitor levensloopaanpak Noord-Nederland" in reader.pages[0].extract_text()


def test_cli_tables_only_need_no_charts(
    tmp_path: Path, run_cli: RunCli, monkeypatch: pytest.MonkeyPatch
) -> None:
    import levensloop_docs.overview.charts as charts

    def no_chart(*args: object) -> bytes:
        raise AssertionError("a chart was drawn for tables only")

    monkeypatch.setattr(charts, "bar_chart", no_chart)
    out = tmp_path / "uit"
    result = run_cli("monitor", _north(tmp_path), "--regio", "drenthe", "--van", "1-1-2026", "--tot",
                     "31-12-2026", "--uit", out, "--formaat", "csv,xlsx")
    assert result.code == 0, result.err
    assert "monitor-drenthe-2026-01-01-2026-12-31.xlsx" in {p.name for p in out.iterdir()}


def test_example_folder_script_is_consistent_and_valid(tmp_path: Path, run_cli: RunCli) -> None:
    """scripts/maak_monitorvoorbeelden.py: the same files on every run, valid for controleer."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "maak", Path(__file__).resolve().parent.parent / "scripts" / "maak_monitorvoorbeelden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = {p.name: p.read_bytes() for p in module.write(tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in module.write(tmp_path / "b")}
    assert first == second
    result = run_cli("controleer", tmp_path / "a")
    assert result.code == 0, result.err
    cases = load_folder(tmp_path / "a", TODAY).cases
    north = [c for c in cases if c.meta.regio in ("groningen", "friesland", "drenthe")
             and c.meta.status in ("geincludeerd", "uitgestroomd")]
    assert len(north) >= 20 and any(c.meta.regio == "limburg" for c in cases)
    assert any(c.bij_inclusie is not None and c.bij_inclusie.lvb == "onbekend" for c in north)
    assert [p.name for p in sorted((Path(__file__).resolve().parent.parent / "examples" / ".monitor").glob(
        "*.yaml"))] == sorted(first)  # the committed folder is what the script writes


def test_inclusion_interview_records_sex_and_values_as_registered(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A3.3: sex is asked, and every Tabel 4 item is ja / nee / onbekend on its own."""
    from ruamel.yaml import YAML

    root = Path(__file__).resolve().parent.parent
    data = YAML(typ="safe").load((root / "examples" / "antwoorden" / "aanmelding-voorbeeld.antwoorden")
                                 .read_text(encoding="utf-8"))
    assert data["aanmelding"]["besluit"] == "geincludeerd"
    data["persoon"]["geslacht"] = "man"
    data["bij_inclusie"] = {"verblijf": "dakloos", "ggz": "ja", "lvb": "onbekend", "verslaving": "nee"}
    answers = tmp_path / "antwoorden.yaml"
    with answers.open("w", encoding="utf-8") as fh:
        YAML().dump(data, fh)
    folder = tmp_path / "casussen"
    result = run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", answers)
    assert result.code == 0, result.err
    [case_file] = list(folder.glob("*.yaml"))
    case = YAML(typ="safe").load(case_file.read_text(encoding="utf-8"))
    assert case["persoon"]["geslacht"] == "man"
    b = case["bij_inclusie"]
    assert (b["verblijf"], b["ggz"], b["lvb"], b["verslaving"], b["nah"]) == (
        "dakloos", "ja", "onbekend", "nee", "onbekend")
    assert run_cli("controleer", case_file).code == 0


def test_bundled_examples_are_counted_at_registration() -> None:
    """Every included example has its values at inclusion (bij_inclusie) and sex, so Tabel 4 'at
    registration' counts all three northern inclusions (and the two elsewhere) with known values."""
    from levensloop_docs.overview.monitor_blocks import registered_value
    from levensloop_docs.overview.monitor_report import make_blocks

    examples = Path(__file__).resolve().parent.parent / "examples"
    found = load_folder(examples, TODAY)  # with evaluatie/, without the hidden .monitor/
    included = [c for c in found.cases if c.meta.status in ("geincludeerd", "uitgestroomd")]
    north = [c for c in included if c.meta.regio in ("groningen", "friesland", "drenthe")]
    assert len(north) == 3 and len(included) == 5
    for casus in included:
        assert casus.bij_inclusie is not None and casus.persoon.geslacht is not None, casus.meta.casus_id
        assert casus.meta.inclusiedatum is not None
        assert registered_value(casus, "verblijf", casus.meta.inclusiedatum) != "onbekend"
    # the values at registration, not the current ones: LLA-2022-0031 lives on his own now
    bram = next(c for c in north if c.meta.casus_id == "LLA-2022-0031")
    assert bram.persoon.verblijf == "zelfstandig"
    assert registered_value(bram, "verblijf", date(2022, 8, 30)) == "dakloos"
    blocks = make_blocks(found, 3, 2026)
    # the unprotected counts under the blocks: every northern inclusion is in Noord-Nederland's profile
    people = 0
    for year in blocks.years:
        block = blocks.profile.get(("verblijf", year, "noord-nederland"))
        if block is not None:
            people += block.s.values[0][-1]
            assert block.s.values[0][-2] == 0  # nobody's stay 'onbekend'
    assert people == 3


@pytest.mark.parametrize("regio", ["limburg", "groningen", "midden-nederland"])
def test_shipped_examples_count_their_inclusion_in_2026(regio: str) -> None:
    """Review A3.1 as the reviewer ran it: the shipped examples no longer report 0 inclusions for
    three regions that each included someone in 2026 (a small number shows as '<3', never '0')."""
    examples = Path(__file__).resolve().parent.parent / "examples"
    report = build_report(load_folder(examples, TODAY), regio, YEAR, 3, TODAY)
    assert _row(report.tables["aantallen"], "Inclusies")[1] == "<3"
    assert report.tables["regios"][-1][2] == "<3"
    assert report.context["stand"]["zonder_datum"] == "0"  # every included example has its date


def test_the_people_total_is_hidden_in_every_characteristic_or_in_none(tmp_path: Path) -> None:
    """Review A3.2: the population is one number; a characteristic whose cells are small must not
    print it while the next one hides it ('Totaal ×' beside 'Totaal 2'). Each characteristic of a
    region and year adds up to the same inclusions, so their totals are hidden together, and
    together with the year's inclusions in the counts."""
    from levensloop_docs.overview.monitor_blocks import YEAR_COL
    from levensloop_docs.overview.monitor_report import make_blocks

    folder = tmp_path / "klein"
    for i in range(1, 8):  # small units: Limburg 2, Oost-Brabant 1, the north 4 in two years
        regio = ("limburg", "limburg", "oost-brabant", "groningen", "drenthe", "friesland", "drenthe")[i - 1]
        write_case(folder, i, **_included(i, regio, year=2025 + i % 2))
    blocks = make_blocks(load_folder(folder, TODAY), 3, 2026)
    seen_hidden = 0
    for (_key, year, unit), block in blocks.profile.items():
        total_col = block.columns - 1
        hidden = {k for (k, y, u), b in blocks.profile.items() if y == year and u == unit
                  and b.hidden(u, b.columns - 1)}
        assert hidden in (set(), {k for (k, y, u) in blocks.profile if y == year and u == unit})
        row = unit if unit in blocks.hier.rows else "alle"
        assert block.hidden(unit, total_col) == blocks.flows[("inclusies", year)].hidden(row, YEAR_COL)
        seen_hidden += block.hidden(unit, total_col)
    assert seen_hidden, "the folder should have hidden totals"
