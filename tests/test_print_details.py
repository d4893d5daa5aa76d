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


def test_phone_numbers_do_not_break_in_the_html_either(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue 28: the DOCX and PDF got a non-breaking hyphen, the HTML could still end a line
    with "050-". Every number of the page sits in a span the stylesheet keeps on one line; its
    text is the number as written (copied, it is what was typed), in a Word-made page (the
    plan) and in a Markdown-made one (the handreiking)."""
    import re

    case = tmp_path / "caravan.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", case)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "levensloopplan",
                     "--formaat", "html")
    assert result.code == 0, result.err
    result = run_cli("handreiking", "--regio", "midden-nederland", "--uit", tmp_path / "uit",
                     "--formaat", "html")
    assert result.code == 0, result.err
    booklet = (tmp_path / "uit" / "handreiking-midden-nederland.html").read_text("utf-8")
    assert ".tel { white-space: nowrap; }" in booklet
    for page in sorted((tmp_path / "uit").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        spans = re.findall(r'<span class="tel">([^<]*)</span>', text)
        assert spans, page.name
        assert all(re.fullmatch(r"0\d{1,3}-\d{4,8}", s) for s in spans), spans
        bare = re.sub(r'<span class="tel">[^<]*</span>|<[^>]*>', " ", text)
        assert not re.findall(r"(?<![\w-])0\d{1,3}-\d{4,8}(?![\w-])", bare), page.name


def test_the_html_phone_span_knows_the_spellings_and_leaves_other_numbers() -> None:
    from levensloop_docs.render.markdown import unbroken_phone_numbers

    for number in ("050-0000101", "06-12345678", "06 12 34 56 78", "+31 6 1234 5678",
                   "0031 6 12345678", "0900-8844"):
        wrapped = f'<p>bel <span class="tel">{number}</span>.</p>'
        assert unbroken_phone_numbers(f"<p>bel {number}.</p>") == wrapped
    for other in ("13-04-1988", "1988-04-13", "LLA-2026-0057", "123 456 782", "1.234.567",
                  '<img src="data:image/png;base64,050-0000101">'):
        assert unbroken_phone_numbers(other) == other
