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
    assert [r[1] for r in rows[1:]] == ids  # issue 27: "Actie nodig" is the first column now
    assert [r[0] for r in rows[1:]] == ["te laat", "te laat", "binnen 90 dagen", ""]
    assert "01-12-2026 (te laat)" in rows[1] and "plan niet door iedereen getekend" in rows[1][-1]
    assert any("30 dagen" in cell for cell in rows[3])
    html = (out / "overzicht-2026-12-07.html").read_text(encoding="utf-8")
    assert "SYN-2026-00003" in html and "Persoon 3" not in html  # case ids, never names
    table = Document(str(out / "overzicht-2026-12-07.docx")).tables[-1]
    assert [table.cell(i, 1).text for i in range(1, 5)] == [r[1] for r in rows[1:]]
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
    assert rows[1][4] == "'=HYPERLINK(\"x\")"


def test_cli_bad_date_is_exit_2(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("overzicht", _folder(tmp_path), "--per", "31-2-2026")
    assert result.code == 2 and "--per" in result.err


def _signals_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "signalen"
    # E: planned aanmeldoverleg on 3 Dec passed without a decision; its title ended on 1 Dec
    write_case(folder, 5, status="aangemeld", aangemeld=date(2026, 11, 9), **{
        "aanmelding.overleg": {"datum": date(2026, 12, 3)},
        "persoon.juridisch_kader": [{"titel": "bijzondere_voorwaarden", "einde": date(2026, 12, 1)}]})
    # F: in BIZ now, escalated in November, release from detention in January, uitstroom possible
    _included(folder, 6, regio="limburg", **{
        "opschaling.huidig_niveau": "biz",
        "incidenten": [{"datum": date(2026, 11, 20), "omschrijving": "Opname.", "niveau": "biz",
                        "vorm": "justitie"}],
        "persoon.juridisch_kader": [{"titel": "detentie", "einde": date(2027, 1, 15)}]})
    # G: stable for two years on the day of the overview; consent given, without an end date
    _included(folder, 7, regio="limburg", **{
        "uitstroom.stabiel_sinds": date(2024, 12, 7),
        "gegevensdeling": {"route": "vrijwillig", "toestemming_datum": date(2026, 9, 28)}})
    return folder


def test_signals_a_procesregisseur_watches(tmp_path: Path) -> None:
    """Review A1.4: passed overleg, ended title, level, last escalation, consent date, uitstroom."""
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.tables import overview_cells

    rows = overview_rows(load_folder(_signals_folder(tmp_path), PER).cases, PER)
    e, f, g = (next(r for r in rows if r.casus_id.endswith(n)) for n in ("5", "6", "7"))
    vocab = load_vocabularies()
    cells_e, cells_f, cells_g = overview_cells(e, vocab), overview_cells(f, vocab), overview_cells(g, vocab)
    assert e.action() == "te_laat" and cells_e["actie"] == "te laat"
    assert "aanmeldoverleg van 03-12-2026 voorbij zonder besluit" in cells_e["signalen"]
    assert "afgelopen op 01-12-2026, zonder vervolg" in cells_e["signalen"]
    assert cells_f["status"] == "Geïncludeerd · Beveiligde intensieve zorg (BIZ)"
    assert cells_f["escalatie"].startswith("20-11-2026 Beveiligde")
    assert cells_g["toestemming"] == "sinds 28-09-2026"
    assert cells_g["uitstroom"] == "mogelijk" and g.action() == "deze_week"  # not the date of --per
    assert "vrijlating uit detentie 15-01-2027" in cells_f["signalen"]


def test_cli_region_filter_and_marked_rows_in_html_and_docx(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A1.1-A1.3: --regio, a region column, marked rows; landscape Word."""
    from docx import Document
    from docx.enum.section import WD_ORIENT

    folder = _signals_folder(tmp_path)
    out = tmp_path / "uit"
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--regio", "limburg", "--uit", out,
                     "--formaat", "html,docx,csv")
    assert result.code == 0, result.err
    html = (out / "overzicht-limburg-2026-12-07.html").read_text(encoding="utf-8")
    assert "SYN-2026-00006" in html and "SYN-2026-00005" not in html
    assert html.count('class="actie"') == 1 and "<td>Limburg</td>" in html  # G, this week
    doc = Document(str(out / "overzicht-limburg-2026-12-07.docx"))
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    row = doc.tables[-1].rows[1]
    assert 'w:fill="FCE4D6"' in row._tr.xml and row.cells[0].paragraphs[0].runs[0].bold
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--regio", "atlantis")
    assert result.code == 2 and "--regio" in result.err


def test_landscape_columns_keep_a_case_number_on_one_line(tmp_path: Path) -> None:
    """Review A1.1: every column at least as wide as its longest word (the case number)."""
    from docx import Document
    from docx.shared import Mm

    from levensloop_docs.render.markdown_docx import build_docx

    head = "".join(f"<th>{h}</th>" for h in ("Actie nodig", "Casus", "Signalen"))
    body = "<tr><td>te laat</td><td>LLA-2024-0117</td><td>" + "lange tekst " * 30 + "</td></tr>"
    target = tmp_path / "t.docx"
    build_docx(f"<table><tr>{head}</tr>{body}</table>", target, properties={}, footer="", landscape=True)
    widths = [c.width for c in Document(str(target)).tables[0].columns]
    assert widths[1] >= Mm(len("LLA-2024-0117") * 1.75)
    assert sum(widths, Mm(0)) <= Mm(258)


def test_twenty_cases_in_word_are_one_landscape_table_that_may_break(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A1.1 in the Word version (the PDF is made from the same layout): A4 on its side, the
    header row repeats, only the header is kept with the next row (the whole table kept together
    pushed it to page 2 and left page 1 empty), no header word or case number broken."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    folder, out = tmp_path / "c", tmp_path / "uit"
    for i in range(1, 21):
        write_case(folder, i, aangemeld=date(2026, 11, 1))
    result = run_cli("overzicht", folder, "--per", "7-12-2026", "--uit", out, "--formaat", "docx")
    assert result.code == 0, result.err
    doc = Document(str(out / "overzicht-2026-12-07.docx"))
    section = doc.sections[0]
    page, height = section.page_width, section.page_height
    left, right = section.left_margin, section.right_margin
    assert page is not None and height is not None and left is not None and right is not None
    assert section.orientation == WD_ORIENT.LANDSCAPE and page > height
    table = doc.tables[-1]
    assert len(table.rows) == 21
    header = table.rows[0]._tr
    assert header.xpath("./w:trPr/w:tblHeader")  # repeated on every page
    kept = [i for i, row in enumerate(table.rows) if row._tr.xpath(".//w:pPr/w:keepNext")]
    assert kept == [0]
    widths = [c.width for c in table.columns]
    assert sum(widths, Mm(0)) <= page - left - right
    for col, cell in enumerate(header.tc_lst):
        words = "".join(t.text or "" for t in cell.iter(cell.tag.replace("tc", "t"))).split()
        assert words
        longest = max(len(w) for w in words)
        assert widths[col] >= Mm(longest * 1.8), (col, words)  # bold 8.5 pt: a word fits on one line
    assert widths[1] >= Mm(len("SYN-2026-00001") * 1.75)
