"""Partner sheets and crisiskaarten that fit the partner (review 2026-12-07 casus, [M] 27 and 29).

The PI card told a prison to call the regional crisisdienst, which does not come inside; the
gemeente card said nothing of the burgemeester's crisismaatregel; the woningcorporatie got
four phone numbers and no action. The PI sheet had no reclassering to call; the politie
sheet said "U hoeft nu niets te doen" above its red-phase duties and told the police to call
the police; the woningcorporatie sheet said nothing of what the network guarantees it.
Read back from the DOCX with python-docx.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, TODAY
from docx import Document

from levensloop_docs.case.casefile import load_case
from levensloop_docs.run.documents import registry
from levensloop_docs.run.renderrun import Job, RenderRun, render_job

CASE = EXAMPLES / "detentie-midden-nederland.yaml"


def _text(tmp_path: Path, request: str) -> str:
    name, _sep, parameter = request.partition(":")
    job = Job(load_case(CASE), registry()[name], parameter or None, ("docx",))
    out = tmp_path / "uit"
    out.mkdir(exist_ok=True)
    with RenderRun(out_dir=out, today=TODAY) as run:
        (path,) = render_job(run, job)
    doc = Document(str(path))
    # paragraph text: a phone number's non-breaking hyphen reads as "-" (not a w:t of its own)
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_the_pi_card_says_what_to_do_inside_and_on_the_release_day(tmp_path: Path) -> None:
    text = _text(tmp_path, "crisiskaart:penitentiaire_inrichting")
    assert "In de inrichting komt de GGZ-crisisdienst niet" in text
    assert "inrichtingsarts" in text and "Penitentiair Psychiatrisch Centrum (PPC)" in text
    assert "gelden na het ontslag" in text and "De dag van ontslag" in text


def test_the_gemeente_card_names_the_burgemeesters_crisismaatregel(tmp_path: Path) -> None:
    text = _text(tmp_path, "crisiskaart:gemeente")
    assert "de burgemeester een crisismaatregel nemen" in text


def test_the_woningcorporatie_card_has_an_action_for_threat_and_overlast(tmp_path: Path) -> None:
    text = _text(tmp_path, "crisiskaart:woningcorporatie")
    assert "Dreiging tegen uw medewerkers: bel 112" in text
    assert "Overlast of huurachterstand: bel dezelfde werkdag de casusregisseur" in text


def test_the_pi_sheet_can_call_the_reclassering_and_knows_what_to_facilitate(tmp_path: Path) -> None:
    text = _text(tmp_path, "partner:penitentiaire_inrichting")
    assert "Reclassering Midden-Nederland (voorbeeld)" in text and "030-0000204" in text
    assert "Wat u van het netwerk kunt verwachten" in text and "intakes (ook via beeldbellen)" in text
    assert "inrichtingsarts" in text


def test_the_politie_sheet_with_red_duties_does_not_say_nothing_to_do(tmp_path: Path) -> None:
    text = _text(tmp_path, "partner:politie")
    assert "U hoeft nu niets te doen" not in text
    assert "Uw taken als het misgaat staan hieronder" in text
    assert "Direct ter plaatse" in text  # the red-phase duty is still there
    daarna = [line for line in text.split("\n") if line.startswith(" Daarna:") or "Daarna:" in line]
    assert daarna and not any("Politie" in line for line in daarna)


@pytest.mark.parametrize("kind", ["woningcorporatie", "penitentiaire_inrichting"])
def test_sheets_say_what_the_partner_may_expect(tmp_path: Path, kind: str) -> None:
    text = _text(tmp_path, f"partner:{kind}")
    assert "Wat u van het netwerk kunt verwachten" in text
    if kind == "woningcorporatie":
        assert "één vast aanspreekpunt" in text and "huur en uitkering doorlopen" in text


def test_the_overdracht_says_why_when_with_consent_toezicht_and_signatures(tmp_path: Path) -> None:
    """Review casus 32: the overdracht to another region lacked the move, the consent, the
    supervision that runs on, the signaleringsplan and signatures."""
    text = _text(tmp_path, "overdracht:groningen")
    for field in ("Reden van de verhuizing", "Nieuwe gemeente en woonplaats", "Datum van overdracht",
                  "De cliënt stemt in met deze overdracht"):
        assert field in text
    assert "Schriftelijke toestemming om gegevens te delen: gegeven op 14 oktober 2026" in text
    assert "bijzondere voorwaarden, loopt tot 28 februari 2027" in text
    assert "over aan de reclassering in regio Groningen" in text
    assert "signaleringsplan van de cliënt mee" in text
    assert "Ontvangend levensloopteam regio Groningen" in text and "Cliënt (voor gezien)" in text


def test_what_the_card_leaves_out_is_its_own_line_not_the_last_signal(tmp_path: Path) -> None:
    """Review casus 34 [L]: 'Niet op deze kaart ...' was glued into the last red signal."""
    doc_lines = _text(tmp_path, "crisiskaart:penitentiaire_inrichting").split("\n")
    line = next(x for x in doc_lines if "Niet op deze kaart" in x)
    assert line.startswith("Niet op deze kaart") and "inverzekeringstelling" not in line
