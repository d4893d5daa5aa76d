"""levensloop overzicht: deadlines on purpose-built dates, urgency order, files read back."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from _overview_cases import write_case
from conftest import RunCli

from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.deadlines import overview_rows

PER = date(2026, 12, 7)
FORFACT = [{"id": "forfact", "rol": "levensloopaanbieder", "organisatie": "ForFACT Noord (voorbeeld)",
            "contactpersoon": "Casusregisseur Een (verzonnen)"}]
SIGNED = [{"wie": "forfact", "datum": date(2026, 6, 2)}]


def _included(folder: Path, number: int, **fields: object) -> Path:
    base: dict[str, object] = {
        "netwerk.partners": FORFACT, "meta.vastgesteld": date(2026, 6, 1),
        "meta.volgende_evaluatie": date(2027, 5, 1), "meta.akkoord": SIGNED,
        "persoon.juridisch_kader": [],
    }
    base.update(fields)
    return write_case(folder, number, status="geincludeerd", besluit="geincludeerd",
                      besluit_datum=date(2026, 3, 1), aangemeld=date(2026, 2, 2), **base)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "casussen"
    _included(  # A: evaluation overdue, not signed, title and consent ending, exit date known
        folder, 1,
        **{"meta.volgende_evaluatie": date(2026, 12, 1), "meta.akkoord": [{"wie": "forfact"}],
           "persoon.juridisch_kader": [
               {"titel": "bijzondere_voorwaarden", "einde": date(2027, 2, 1)},
               {"titel": "wlz_indicatie", "einde": date(2027, 6, 1)}],
           "risicotaxaties": [
               {"instrument": "HKT-R", "datum": date(2025, 1, 10), "uitkomst": "Hoog.",
                "volgende": date(2026, 1, 10)},
               {"instrument": "HKT-R", "datum": date(2026, 1, 10), "uitkomst": "Matig.",
                "volgende": date(2026, 12, 20)}],
           "gegevensdeling": {"route": "vrijwillig", "toestemming_datum": date(2026, 1, 1),
                              "toestemming_geldig_tot": date(2027, 1, 15)},
           "uitstroom.stabiel_sinds": date(2025, 6, 1)})
    write_case(folder, 2, status="aangemeld", aangemeld=date(2026, 11, 7))  # B: waits 30 days
    _included(folder, 3, **{"gegevensdeling": {  # C: consent withdrawn
        "route": "vrijwillig", "toestemming_datum": date(2026, 1, 1), "ingetrokken": True,
        "ingetrokken_datum": date(2026, 10, 1)}})
    _included(folder, 4)  # D: nothing due
    return folder


def test_deadlines_on_built_dates(tmp_path: Path) -> None:
    found = load_folder(_folder(tmp_path), PER)
    assert not found.broken
    rows = overview_rows(found.cases, PER)
    assert [r.casus_id[-1] for r in rows] == ["1", "3", "2", "4"]
    a, c, b, d = rows
    assert a.evaluatie_te_laat and a.volgende_evaluatie == date(2026, 12, 1)
    assert a.niet_ondertekend and not d.niet_ondertekend
    assert [(t.detail, t.day) for t in a.titels_aflopend] == [("bijzondere_voorwaarden", date(2027, 2, 1))]
    assert a.volgende_risicotaxatie == date(2026, 12, 20) and not a.risicotaxatie_te_laat
    assert (a.toestemming, a.toestemming_datum) == ("verloopt", date(2027, 1, 15))
    assert a.vroegste_uitstroom == date(2027, 6, 1)
    assert a.casusregisseur == "Casusregisseur Een (verzonnen)"
    assert (b.wacht_dagen, b.wacht_sinds) == (30, date(2026, 11, 7)) and not b.overdue
    assert c.toestemming == "ingetrokken"
    assert not d.deadlines or all(x.day >= PER for x in d.deadlines)


def test_a_later_day_makes_more_overdue(tmp_path: Path) -> None:
    found = load_folder(_folder(tmp_path), PER)
    later = overview_rows(found.cases, date(2027, 1, 20))
    a = next(r for r in later if r.casus_id.endswith("1"))
    assert a.risicotaxatie_te_laat and a.toestemming == "verlopen"
    assert a.titels_aflopend[0].day == date(2027, 2, 1)  # still ahead, within 90 days


def test_cli_writes_csv_html_docx_and_names_a_broken_case(tmp_path: Path, run_cli: RunCli) -> None:
    from docx import Document

    folder = _folder(tmp_path)
    (folder / "kapot.yaml").write_text("meta:\n  casus_id: LLA-2026-0999\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--uit", out, "--formaat", "csv,html,docx")
    assert result.code == 0, result.err
    assert "kapot.yaml" in result.err and "1 van de 5" in result.err
    csv_file = out / "overzicht-2026-12-07.csv"
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    ids = ["SYN-2026-00001", "SYN-2026-00003", "SYN-2026-00002", "SYN-2026-00004"]
    assert [r[0] for r in rows[1:]] == ids
    assert "01-12-2026 (te laat)" in rows[1] and "nee" in rows[1]
    assert any("30 dagen" in cell for cell in rows[3])
    html = (out / "overzicht-2026-12-07.html").read_text(encoding="utf-8")
    assert "SYN-2026-00003" in html and "Persoon 3" not in html  # case ids, never names
    table = Document(str(out / "overzicht-2026-12-07.docx")).tables[-1]
    assert [table.cell(i, 0).text for i in range(1, 5)] == [r[0] for r in rows[1:]]
    assert "1 van de 5" in Document(str(out / "overzicht-2026-12-07.docx")).paragraphs[2].text or any(
        "1 van de 5" in cell.text for t in Document(str(out / "overzicht-2026-12-07.docx")).tables
        for row in t.rows for cell in row.cells)


def test_cli_csv_cell_cannot_become_a_formula(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "c"
    partners = [{**FORFACT[0], "contactpersoon": "=HYPERLINK(\"x\")"}]
    _included(folder, 1, **{"netwerk.partners": partners})
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--uit", tmp_path / "u", "--formaat", "csv")
    assert result.code == 0, result.err
    text = (tmp_path / "u" / "overzicht-2026-12-07.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=";"))
    assert rows[1][2] == "'=HYPERLINK(\"x\")"


def test_cli_bad_date_is_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("overzicht", _folder(tmp_path), "--per", "31-2-2026")
    assert result.code == 2 and "--per" in result.err
