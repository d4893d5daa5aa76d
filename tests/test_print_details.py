"""Print details from the reviews of 7 December (issue 28 leftovers, issue 25).

Phone numbers never break at their hyphen in the Markdown documents' DOCX (so neither in the
PDF made from it): the signaleringsplan printed "050-" at a line end and "0000101" on the
next. Read back with python-docx: the hyphen is Word's non-breaking hyphen, and the text
still reads "050-0000101".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, RunCli
from docx import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_phone_numbers_keep_their_hyphen_unbroken(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / "caravan.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", case)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "signaleringsplan")
    assert result.code == 0, result.err
    doc = Document(str(tmp_path / "uit" / "LLA-2026-0042_signaleringsplan_v2.docx"))
    body = doc.element.body
    raw = "".join(t.text or "" for t in body.iter(f"{W}t"))
    # every digit-hyphen-digit of a phone number is a w:noBreakHyphen, none a plain "-"
    hyphens = list(body.iter(f"{W}noBreakHyphen"))
    assert hyphens and "050-0000101" not in raw
    for h in hyphens:
        before, after = h.getprevious(), h.getnext()
        assert before.text[-3:].isdigit() and after.text[:4].isdigit()
    paragraphs = [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows
                                                     for c in r.cells]
    assert any("050-0000101" in p for p in paragraphs)  # read back, it is the number as written


@pytest.mark.parametrize(("key", "confirmed"), [("limburg", False), ("drenthe", False), ("groningen", True)])
def test_unconfirmed_regional_criteria_carry_a_note_in_the_handreiking(
    run_cli: RunCli, tmp_path: Path, key: str, confirmed: bool
) -> None:
    """Review D3: Limburg's criteria 3-8 cannot be checked against the source, Drenthe's are an
    example; where the criteria are printed, the reader is told they are still to be confirmed."""
    result = run_cli("handreiking", "--regio", key, "--uit", tmp_path, "--formaat", "html")
    assert result.code == 0, result.err
    page = (tmp_path / f"handreiking-{key}.html").read_text(encoding="utf-8")
    assert ("Te bevestigen door de regio" in page) is not confirmed
    if key == "limburg":
        assert "criteria 3 tot en met 8 staan niet in de bron" in page


def test_the_aanmeldformulier_says_the_regional_criteria_are_to_be_confirmed(
    run_cli: RunCli, tmp_path: Path
) -> None:
    case = tmp_path / "aanmelding.yaml"
    shutil.copy(EXAMPLES / "aanmelding-drenthe.yaml", case)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    doc = Document(str(tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier_v1.docx"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Niet aan alle regionale criteria is voldaan" in text
    assert "Te bevestigen door de regio: deze zeven criteria zijn een voorbeeld" in text


def test_an_example_regions_handreiking_says_its_numbers_are_made_up(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue 28: the leaflets of an example region said their numbers were made up, the
    handreiking printed the same night and bed numbers without a word."""
    result = run_cli("handreiking", "--regio", "limburg", "--uit", tmp_path, "--formaat", "html")
    assert result.code == 0, result.err
    page = (tmp_path / "handreiking-limburg.html").read_text(encoding="utf-8")
    first = page.index("Voorbeeld: de namen, telefoonnummers, adressen en bedden van regio Limburg")
    assert first < page.index("043-0000")  # before the first number of the region
    contact = page[page.index(">Contact<"):]
    assert "Voorbeeld: deze contactgegevens zijn verzonnen." in contact


def test_the_bed_list_says_how_to_apply_and_what_a_bed_needs(run_cli: RunCli, tmp_path: Path) -> None:
    """Review D6: the bed table could not be used to arrange a bed: no contact, no aanmeldroute,
    no conditions, no VG/LVB bed."""
    result = run_cli("handreiking", "--regio", "groningen", "--uit", tmp_path, "--formaat", "html")
    assert result.code == 0, result.err
    page = (tmp_path / "handreiking-groningen.html").read_text(encoding="utf-8")
    beds = page[page.rindex("Beveiligde bedden in de regio"):page.rindex("Als de samenwerking vastloopt")]
    items = beds.split("<li>")[1:]
    assert len(items) == 4 and all("Opname regelen:" in i and "Aanmelden:" in i and "Voorwaarden:" in i
                                   for i in items)
    assert "zelfbindingsverklaring" in items[0]  # a BIZ bed: what usually holds
    assert "SGLVG+" in items[3] and "rechterlijke machtiging (Wzd)" in items[3]  # a VG/LVB bed
    assert ".." not in beds and "hoe lang het wachten is" in beds
