"""What the national monitor of January 2022 (seed 004) compares, in the monitor (review A3.4, F8).

Who registered (by kind of organisation, never a name), the wait for a BIZ bed (from the request
to the admission, and from inclusion to the first admission), and the reasons for non-inclusion
by criterion, the regional criteria included. Each figure is checked against the known counts of
a synthetic folder; every category is listed, zeros included; the new figures are protected like
the rest of the monitor (a cell hidden in one table is hidden where another table repeats it).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from _overview_cases import write_case
from conftest import RunCli
from test_monitor import TODAY, YEAR, _included, _row

from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.monitor_blocks import YEAR_COL, registrant_kinds
from levensloop_docs.overview.monitor_report import build_report, make_blocks

NORTH = ("groningen", "friesland", "drenthe")


def test_who_registered_by_kind_of_organisation_every_kind_listed(tmp_path: Path) -> None:
    folder = tmp_path / "aanmelders"
    n = 0
    expected = {"reclassering": 9, "gemeente": 6, "politie": 6, "ggz": 3, None: 3}
    for kind, count in expected.items():
        for _i in range(count):
            n += 1
            write_case(folder, n, regio=NORTH[n % 3], aangemeld=date(2026, 1 + n % 12, 3),
                       **{"aanmelding.aanmelder.soort": kind})
    report = build_report(load_folder(folder, TODAY), "noord-nederland", YEAR, 3, TODAY)
    table = report.tables["aanmelders"]
    vocab = load_vocabularies()["aanmeldersoorten"]
    # every kind of the vocabulary, then 'niet vastgelegd' and the total: the shape never changes
    assert [r[0] for r in table[1:]] == [*(vocab.label(k) for k in vocab), "niet vastgelegd", "Totaal"]
    assert _row(table, vocab.label("reclassering"))[1:] == ["9", "38%"]  # of the 24 with a known kind
    assert _row(table, vocab.label("ggz"))[1] == "3"
    assert _row(table, vocab.label("openbaar_ministerie"))[1:] == ["0", "0%"]
    assert _row(table, "niet vastgelegd")[1] == "3" and _row(table, "Totaal")[1] == "27"
    assert _row(report.tables["aantallen"], "Aanmeldingen")[1] == "27"  # the same number
    # a province alone: its own counts, every kind listed all the same
    drenthe = build_report(load_folder(folder, TODAY), "drenthe", YEAR, 3, TODAY).tables["aanmelders"]
    assert len(drenthe) == len(table)
    # the organisation and the registrant's name are nowhere in the monitor
    text = repr(report.tables) + repr(report.context)
    assert "Reclassering Noord, unit Assen" not in text and "Ilse Bakker" not in text


def test_the_registrant_total_and_the_registrations_hide_the_same_cells(tmp_path: Path) -> None:
    """The total of 'who registered' is the year's aanmeldingen: hidden in one, hidden in both."""
    rng = random.Random(4)
    folder = tmp_path / "klein"
    kinds = [*registrant_kinds(load_vocabularies())[:-1], None]
    for n in range(1, 40):
        write_case(folder, n, regio=rng.choice([*NORTH, "limburg", "oost-brabant"]),
                   aangemeld=date(rng.choice([2025, 2026]), rng.randrange(1, 13), 5),
                   **{"aanmelding.aanmelder.soort": rng.choice(kinds)})
    blocks = make_blocks(load_folder(folder, TODAY), 3, 2026)
    assert blocks.registrants is not None
    row_of = {"noord-nederland": "noord-nederland", "limburg": "limburg", "oost-brabant": "oost-brabant"}
    checked = 0
    for year in blocks.years:
        flow = blocks.flows[("aanmeldingen", year)]
        for unit, row in row_of.items():
            registrants = blocks.registrants[(year, unit)]
            last = registrants.columns - 1
            assert flow.hidden(row, YEAR_COL) == registrants.hidden(unit, last), (year, unit)
            assert flow.s.values[blocks.hier.rows.index(row)][YEAR_COL] == registrants.s.values[0][last]
            checked += flow.hidden(row, YEAR_COL)
    assert checked, "the folder should have hidden cells to compare"


def _biz(day: date, asked: date | None, vorm: str = "acute_crisis") -> dict[str, object]:
    out: dict[str, object] = {"datum": day, "omschrijving": "Opname (verzonnen).", "niveau": "biz",
                              "vorm": vorm}
    if asked is not None:
        out["bed_aangevraagd"] = asked
    return out


def test_the_wait_for_a_biz_bed_and_the_time_from_inclusion(tmp_path: Path) -> None:
    """004 §4.3: outside a crisis a secured bed is often not free at once; both waits in bands."""
    folder = tmp_path / "bedden"
    # (days from request to admission or None, days from inclusion to the first admission)
    people = [(2, 10), (5, 20), (0, 40), (3, 60), (12, 100), (20, 150), (30, 200), (45, 30),
              (60, 50), (80, 70), (None, 15), (None, 25), (None, 35)]
    for n, (wait, since) in enumerate(people, start=1):
        data = _included(n, NORTH[n % 3])
        included = data["besluit_datum"] = date(2026, 1, 10) + timedelta(days=n)
        data["aangemeld"] = included - timedelta(days=10)
        admitted = included + timedelta(days=since)
        incidents = [_biz(admitted, admitted - timedelta(days=wait) if wait is not None else None)]
        if n <= 3:  # a second admission later in the year: an admission, not a first one
            incidents.append(_biz(admitted + timedelta(days=90), admitted + timedelta(days=85), "gepland"))
        write_case(folder, n, **data, incidenten=incidents)
    report = build_report(load_folder(folder, TODAY), "noord-nederland", YEAR, 3, TODAY)
    waits = report.tables["bed_wachttijd"]
    assert [r[1] for r in waits[1:]] == ["7", "3", "3", "0", "3", "16"]  # 4 + the 3 second ones (5 days)
    assert waits[1][0] == "0 tot en met 7 dagen" and waits[5][0].startswith("niet bekend")
    first = report.tables["bed_na_inclusie"]
    assert [r[1] for r in first[1:]] == ["10", "3", "0", "0", "0", "13"]  # one person, one first admission
    biz = _row(report.tables["escalaties"], "Beveiligde intensieve zorg (BIZ)")
    assert biz[-1] == "16"  # the same admissions as the escalation table's BIZ row


def test_an_admission_before_inclusion_is_no_first_admission(tmp_path: Path) -> None:
    folder = tmp_path / "ervoor"
    for n in range(1, 4):
        data = _included(n, "groningen")
        included = data["besluit_datum"] = date(2026, 6, 1)
        data["aangemeld"] = date(2026, 5, 1)
        write_case(folder, n, **data, incidenten=[_biz(included - timedelta(days=5), None),
                                                  _biz(included + timedelta(days=400 - 300), None)])
    report = build_report(load_folder(folder, TODAY), "noord-nederland", YEAR, 3, TODAY)
    assert [r[1] for r in report.tables["bed_na_inclusie"][1:]] == ["0", "3", "0", "0", "0", "3"]
    assert _row(report.tables["bed_wachttijd"], "Totaal")[1] == "6"


def test_a_bed_asked_for_after_the_admission_is_refused(tmp_path: Path, run_cli: RunCli) -> None:
    data = _included(1, "groningen")
    path = write_case(tmp_path / "c", 1, **data, incidenten=[_biz(date(2026, 3, 1), date(2026, 3, 9))])
    result = run_cli("controleer", path)
    assert result.code == 2 and "incidenten[0].bed_aangevraagd" in result.err, result.err
    assert "na de opname" in result.err


def test_reasons_for_non_inclusion_by_national_and_regional_criterion(tmp_path: Path) -> None:
    """Review F8 / A3.4: the regional criteria count as reasons, per region, every one listed."""
    from levensloop_docs.reference.regions import load_region

    folder = tmp_path / "redenen"
    n = 0

    def rejected(regio: str, national: list[str], regional: list[str]) -> None:
        nonlocal n
        n += 1
        write_case(folder, n, regio=regio, status="niet_geincludeerd", besluit="niet_geincludeerd",
                   besluit_datum=date(2026, 4, 1), aangemeld=date(2026, 3, 1), **{
                       "aanmelding.criteria_landelijk": [{"criterium": k, "oordeel": "voldoet_niet"}
                                                         for k in national],
                       "aanmelding.criteria_regio": [{"criterium": k, "oordeel": "voldoet_niet"}
                                                     for k in regional]})

    for i in range(4):  # Groningen: 'all alternatives tried' fails four times, never the national ones
        rejected("groningen", [], ["alternatieven", *(["patroon"] if i < 3 else [])])
    for _i in range(3):
        rejected("drenthe", ["2"], [])
    for _i in range(3):  # decided without naming any criterion
        rejected("friesland", [], [])
    report = build_report(load_folder(folder, TODAY), "noord-nederland", YEAR, 3, TODAY)
    national = report.tables["redenen"]
    assert [r[1] for r in national[1:]] == ["0", "3", "0", "0", "0", "0", "3"]
    assert national[-1][0] == 'Geen criterium als "voldoet niet" vastgelegd'
    regional = report.tables["redenen_regio"]
    groningen, drenthe, friesland = (load_region(r) for r in ("groningen", "drenthe", "friesland"))
    # every regional criterion of the three regions, zeros included, each region on its own
    assert len(regional) == 1 + len(groningen.criteria) + len(drenthe.criteria) + len(friesland.criteria)
    rows = {(r[1].split(".")[0], r[2]) for r in regional[1:]}
    keys = [c.sleutel for c in groningen.criteria]
    g_rows = regional[1:1 + len(keys)]
    assert g_rows[0][0] == "Groningen" and all(r[0] == "" for r in g_rows[1:])
    assert g_rows[keys.index("alternatieven")][2] == "4" and g_rows[keys.index("patroon")][2] == "3"
    assert sum(int(r[2]) for r in g_rows) == 7 and rows
    assert all(r[2] == "0" for r in regional[1 + len(keys):])  # nothing regional in Drenthe or Friesland
    # one region alone lists only its own criteria
    alone = build_report(load_folder(folder, TODAY), "groningen", YEAR, 3, TODAY).tables["redenen_regio"]
    assert len(alone) == 1 + len(keys)
