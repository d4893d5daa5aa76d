"""levensloop agenda: the items of a meeting from purpose-built cases, and the minutes blocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from _overview_cases import write_case
from conftest import RunCli

from levensloop_docs.overview.agenda import Meeting, agenda_items
from levensloop_docs.overview.cases import load_folder

MEETING = Meeting(date(2026, 12, 10), date(2026, 11, 26), date(2026, 12, 24))
PARTNERS = [
    {"id": "forfact", "rol": "levensloopaanbieder", "organisatie": "ForFACT Noord (voorbeeld)"},
    {"id": "gemeente", "rol": "gemeente", "organisatie": "Gemeente Assen (voorbeeld)"},
]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "casussen"
    write_case(folder, 1, status="aangemeld", aangemeld=date(2026, 11, 30))  # new registration
    write_case(folder, 2, status="aangehouden", besluit="aangehouden", besluit_datum=date(2026, 11, 12),
               aangemeld=date(2026, 11, 2))  # held: back on the agenda
    included = {"status": "geincludeerd", "besluit": "geincludeerd", "besluit_datum": date(2026, 6, 1),
                "netwerk.partners": PARTNERS}
    write_case(folder, 3, **included)  # plan not set yet
    write_case(folder, 4, **included, **{  # evaluation before the next meeting; escalation since the last
        "meta.vastgesteld": date(2026, 6, 20), "meta.volgende_evaluatie": date(2026, 12, 20),
        "meta.akkoord": [{"wie": "forfact", "datum": date(2026, 6, 21)}],
        "incidenten": [
            {"datum": date(2026, 11, 20), "omschrijving": "Detox.", "niveau": "klinisch_regulier",
             "vorm": "gepland"},  # before the last meeting
            {"datum": date(2026, 11, 28), "omschrijving": "Onrust.", "niveau": "ambulant"},  # no escalation
            {"datum": date(2026, 12, 1), "omschrijving": "Crisis.", "niveau": "biz",
             "vorm": "acute_crisis"}]})
    write_case(folder, 5, **included, **{  # evaluation after the next meeting: not on the agenda
        "meta.vastgesteld": date(2026, 6, 20), "meta.volgende_evaluatie": date(2027, 1, 20),
        "meta.akkoord": [{"wie": "forfact", "datum": date(2026, 6, 21)}]})
    write_case(folder, 6, regio="groningen", status="aangemeld", aangemeld=date(2026, 12, 1))
    return folder


def test_items_by_kind_and_date(tmp_path: Path) -> None:
    found = load_folder(_folder(tmp_path), MEETING.datum)
    items = agenda_items(found.cases, MEETING, "drenthe")
    assert [(i.kind, i.casus_id[-1]) for i in items] == [
        ("aanmelding", "2"), ("aanmelding", "1"), ("plan", "3"), ("evaluatie", "4"), ("escalatie", "4")]
    assert items[0].detail["aangehouden"] == "ja" and items[0].detail["wacht"] == "38"
    assert items[3].day == date(2026, 12, 20)
    assert items[4].detail == {"naar": "biz", "vorm": "acute_crisis"}
    assert items[2].organisations == ("Reclassering Noord, unit Assen (voorbeeld)",
                                      "ForFACT Noord (voorbeeld)", "Gemeente Assen (voorbeeld)")
    assert len(agenda_items(found.cases, MEETING)) == 6  # all regions


def test_cli_agenda_docx_has_a_minutes_block_per_item(tmp_path: Path, run_cli: RunCli) -> None:
    from docx import Document

    out = tmp_path / "uit"
    result = run_cli("agenda", _folder(tmp_path), "--datum", "10-12-2026", "--vorige", "26-11-2026",
                     "--volgende", "24-12-2026", "--regio", "drenthe", "--overleg", "aanmeldtafel",
                     "--uit", out, "--formaat", "docx,html")
    assert result.code == 0, result.err
    assert "5 punten op de agenda" in result.out
    doc = Document(str(out / "agenda-drenthe-2026-12-10.docx"))
    headings = [p.text for p in doc.paragraphs if p.style and p.style.name.startswith("Heading")]
    assert headings[0] == "Agenda aanmeldtafel"
    # issue 27: the open actions come before the overview, rondvraag and next meeting after the items
    assert headings[1:3] == ["Actiepunten uit eerdere overleggen", "Overzicht"]
    assert headings[-2:] == ["Rondvraag", "Volgend overleg"]
    assert headings[3:-2] == ["1. Aanmelding: SYN-2026-00002", "2. Aanmelding: SYN-2026-00001",
                            "3. Plan vaststellen: SYN-2026-00003", "4. Evaluatie: SYN-2026-00004",
                            "5. Escalatie: SYN-2026-00004"]
    who = [t for t in doc.tables if t.cell(0, 0).text == "Wie"]
    present = [t for t in doc.tables if t.cell(0, 0).text == "Organisatie"]
    assert len(who) == len(present) == 5
    assert [r.cells[0].text for r in present[2].rows[1:3]] == [
        "Reclassering Noord, unit Assen (voorbeeld)", "ForFACT Noord (voorbeeld)"]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Opgeschaald op 1 december 2026 naar beveiligde intensieve zorg (biz): acute crisis." in text
    html = (out / "agenda-drenthe-2026-12-10.html").read_text(encoding="utf-8")
    assert "Persoon 1" not in html and "SYN-2026-00006" not in html


def test_cli_meetings_out_of_order(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("agenda", _folder(tmp_path), "--datum", "10-12-2026", "--vorige", "11-12-2026",
                     "--regio", "drenthe")
    assert result.code == 2 and "--vorige" in result.err


def test_cli_agenda_needs_a_region_or_group(tmp_path: Path, run_cli: RunCli) -> None:
    """A team meeting is for one region (review A2.2): without --regio nothing is made."""
    folder, out = _folder(tmp_path), tmp_path / "uit"
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--uit", out)
    assert result.code == 2 and "--regio" in result.err and not out.exists()
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--regio", "atlantis", "--uit", out)
    assert result.code == 2 and "noord-nederland" in result.err


def test_a_group_of_regions_meets_as_one_team(tmp_path: Path) -> None:
    from levensloop_docs.reference.regiogroups import select

    found = load_folder(_folder(tmp_path), MEETING.datum)
    items = agenda_items(found.cases, MEETING, select("noord-nederland"))
    assert {i.regio for i in items} == {"drenthe", "groningen"} and len(items) == 6
    assert {i.regio for i in agenda_items(found.cases, MEETING, select("limburg"))} == set()


def test_registration_item_names_open_and_failed_criteria(tmp_path: Path) -> None:
    """Review A2.3: which national and which regional criterion is open or not met."""
    folder = tmp_path / "c"
    write_case(folder, 1, status="aangemeld", aangemeld=date(2026, 11, 30), **{
        "aanmelding.criteria_regio": [{"criterium": "alternatieven", "oordeel": "voldoet_niet"},
                                      {"criterium": "rondpompen", "oordeel": "onbekend"}]})
    found = load_folder(folder, MEETING.datum)
    [item] = agenda_items(found.cases, MEETING, "drenthe")
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.agenda_document import explanation

    text = explanation(item, load_vocabularies())
    assert "criterium 6" in text  # the example's national criterion 6 is unknown
    assert "regionale criteria" in text and "niet voldaan: criterium 7" in text
    assert "tafelversie van het aanmeldformulier" in text and "--geanonimiseerd" in text


def _minutes_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "n"
    minutes = [{"datum": date(2026, 12, 10), "soort": "escalatie",
                "besluit": "Noor blijft in de kliniek tot Noor stabiel is; moeder Grietje Verbeek belt.",
                "afspraken": [{"wie": "forfact", "wat": "Kennismaken met Noor Dijkstra.",
                               "wanneer": date(2026, 12, 15)}]}]
    write_case(folder, 1, status="geincludeerd", besluit="geincludeerd", besluit_datum=date(2026, 6, 1), **{
        "persoon.naam": "Noor Dijkstra", "persoon.roepnaam": "Noor", "netwerk.partners": PARTNERS,
        "netwerk.naasten": [{"id": "moeder", "naam": "Grietje Verbeek", "relatie": "moeder"}],
        "overleggen": minutes})
    return folder


def test_verslag_keeps_its_promise_of_no_names(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A2.1: the client's and naasten's names in the minutes' free text are replaced."""
    folder, out = _minutes_folder(tmp_path), tmp_path / "uit"
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--regio", "drenthe", "--verslag",
                     "--uit", out, "--formaat", "html")
    assert result.code == 0, result.err
    page = (out / "verslag-drenthe-2026-12-10.html").read_text(encoding="utf-8")
    import re

    assert not re.search(r"\b(Noor|Dijkstra|Grietje|Verbeek)\b", page)
    assert "[naam] blijft in de kliniek" in page and "Kennismaken met [naam]" in page
    assert "vervangen door [naam]" in page
    # a named version only when asked, and it says so
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--regio", "drenthe", "--verslag",
                     "--met-namen", "--uit", out, "--formaat", "html")
    assert result.code == 0, result.err
    named = (out / "verslag-drenthe-2026-12-10-met-namen.html").read_text(encoding="utf-8")
    assert "Noor blijft in de kliniek" in named and "bevat namen van personen" in named


def test_meeting_day_of_a_planned_registration_has_blocks_to_write_in(
    tmp_path: Path, run_cli: RunCli
) -> None:
    """Review A2.4: on the day of the aanmeldoverleg the item is not filled as if it were over."""
    folder, out = tmp_path / "d", tmp_path / "uit"
    write_case(folder, 1, status="aangemeld", aangemeld=date(2026, 11, 9),
               **{"aanmelding.overleg": {"datum": date(2026, 12, 3)}})
    result = run_cli("agenda", folder, "--datum", "3-12-2026", "--regio", "drenthe", "--uit", out,
                     "--formaat", "html")
    assert result.code == 0, result.err
    page = (out / "agenda-drenthe-2026-12-03.html").read_text(encoding="utf-8")
    assert "Nog geen besluit" not in page and "niet vastgelegd" not in page
    assert "<td>geen afspraken</td>" not in page
    assert page.count("<td>Reclassering Noord, unit Assen (voorbeeld)</td>") == 1


def test_overdue_risk_assessment_release_and_exit_come_on_the_agenda(tmp_path: Path) -> None:
    """Review A2.5: what the team must act on beyond plans and evaluations."""
    folder = tmp_path / "w"
    included = {"status": "geincludeerd", "besluit": "geincludeerd", "besluit_datum": date(2024, 6, 1),
                "aangemeld": date(2024, 5, 1),
                "netwerk.partners": PARTNERS, "meta.vastgesteld": date(2024, 6, 20),
                "meta.akkoord": [{"wie": "forfact", "datum": date(2024, 6, 21)}]}
    write_case(folder, 1, **included, **{"risicotaxaties": [
        {"instrument": "HKT-R", "datum": date(2025, 10, 1), "uitkomst": "Hoog.",
         "volgende": date(2026, 10, 21)}]})
    write_case(folder, 2, **included, **{"persoon.juridisch_kader": [
        {"titel": "detentie", "einde": date(2027, 1, 15)}]})
    write_case(folder, 3, **included, **{"uitstroom.stabiel_sinds": date(2024, 12, 7)})
    items = agenda_items(load_folder(folder, MEETING.datum).cases, MEETING, "drenthe")
    kinds = {(i.kind, i.casus_id[-1]) for i in items}
    assert {("risicotaxatie", "1"), ("detentie", "2"), ("uitstroom", "3")} <= kinds


def test_previous_actions_by_due_date_and_the_frame(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A2.5 / F7: the open agreements come back, by due date; time, place, chair, rondvraag."""
    folder, out = _minutes_folder(tmp_path), tmp_path / "uit"
    earlier = [{"datum": date(2026, 11, 26), "soort": "escalatie", "besluit": "Verder.",
                "afspraken": [{"wie": "forfact", "wat": "Kennismaken met Noor.",
                               "wanneer": date(2026, 12, 15)},
                              {"wie": "gemeente", "wat": "Briefadres regelen.", "wanneer": date(2026, 12, 1)},
                              {"wie": "gemeente", "wat": "Al gedaan.", "wanneer": date(2026, 11, 1)}]}]
    write_case(folder, 2, status="geincludeerd", besluit="geincludeerd", besluit_datum=date(2026, 6, 1), **{
        "persoon.naam": "Noor Dijkstra", "persoon.roepnaam": "Noor", "netwerk.partners": PARTNERS,
        "overleggen": earlier})
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--vorige", "26-11-2026", "--regio",
                     "drenthe", "--tijd", "10.00-12.00 uur", "--plaats", "ZVH Assen", "--uit", out,
                     "--formaat", "html")
    assert result.code == 0, result.err
    page = (out / "agenda-drenthe-2026-12-10.html").read_text(encoding="utf-8")
    assert page.index("Briefadres regelen.") < page.index("Kennismaken met [naam].")  # by due date
    assert "Al gedaan." not in page  # due before the previous meeting
    assert "10.00-12.00 uur" in page and "ZVH Assen" in page and "Rondvraag" in page
    assert "Volgend overleg" in page


def test_the_agenda_itself_prints_no_names_from_the_minutes(tmp_path: Path, run_cli: RunCli) -> None:
    """Review A2.1 (agenda p.2 had the same text as the verslag): the agenda with its recorded
    minutes keeps the header's promise too, in HTML and in Word."""
    import re

    from docx import Document

    folder, out = _minutes_folder(tmp_path), tmp_path / "uit"
    result = run_cli("agenda", folder, "--datum", "10-12-2026", "--regio", "drenthe", "--uit", out,
                     "--formaat", "html,docx")
    assert result.code == 0, result.err
    page = (out / "agenda-drenthe-2026-12-10.html").read_text(encoding="utf-8")
    doc = Document(str(out / "agenda-drenthe-2026-12-10.docx"))
    words = "\n".join([p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows
                                                          for c in r.cells])
    for text in (page, words):
        assert "vervangen door [naam]" in text  # the header says what it does
        assert not re.search(r"\b(Noor|Dijkstra|Grietje|Verbeek)\b", text)
        assert "[naam] blijft in de kliniek" in text
