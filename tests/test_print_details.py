"""Print details from the reviews of 7 December (issue 28 leftovers, issue 25).

Phone numbers never break at their hyphen in the Markdown documents' DOCX (so neither in the
PDF made from it): the signaleringsplan printed "050-" at a line end and "0000101" on the
next. Read back with python-docx: the hyphen is Word's non-breaking hyphen, and the text
still reads "050-0000101".
"""

from __future__ import annotations

import shutil
from pathlib import Path

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
