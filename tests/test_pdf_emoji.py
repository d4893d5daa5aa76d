"""Emoji typed in a case reach the PDF, drawn by a real font, or doctor says why not (issue 17)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from _pdf_helpers import pdf_text
from conftest import EXAMPLES

from levensloop_docs.pdf.diagnose import EMOJI_PACKAGE, EMOJI_SAMPLE, check_emoji_font, embedded_fonts

BEER, PHONE = EMOJI_SAMPLE, "\u260e"  # one only an emoji font has, one DejaVu has too


def test_emoji_in_a_signal_is_in_the_pdf_in_an_emoji_font(  # type: ignore[no-untyped-def]
    needs_libreoffice: None, run_cli, tmp_path: Path
) -> None:
    text = (EXAMPLES / "caravan-groningen.yaml").read_text(encoding="utf-8")
    old = "oranje: [Brieven van de grondeigenaar,"
    assert old in text
    case = tmp_path / "emoji.yaml"
    new = f"oranje: [Brieven {BEER} van de grondeigenaar {PHONE},"
    case.write_text(text.replace(old, new), encoding="utf-8")
    out = tmp_path / "uit"
    result = run_cli("genereer", case, "--uit", out, "--formaat", "pdf", "--document", "levensloopplan")
    assert result.code == 0, result.err
    pdf = out / "LLA-2026-0042_levensloopplan_v2.pdf"
    words = pdf_text(pdf)
    assert BEER in words and PHONE in words
    # The text layer keeps a character even when no font draws it (an empty box on paper);
    # the embedded emoji font shows it is really printed.
    families = check_emoji_font().detail.split(", ")
    assert any(font.startswith(tuple(families)) for font in embedded_fonts(pdf)), embedded_fonts(pdf)


def test_doctor_names_the_emoji_font(needs_libreoffice: None, run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("doctor")
    assert "Lettertype voor emoji" in result.out
    line = next(x for x in result.out.splitlines() if "Lettertype voor emoji" in x)
    assert "Symbola" in line or "Emoji" in line, line


def test_doctor_warns_without_an_emoji_font(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fontconfig that knows no fonts at all: the check fails and names the package."""
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    empty = tmp_path / "leeg"
    empty.mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{empty}</dir>'
        f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>',
        encoding="utf-8",
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(conf))
    check = check_emoji_font()
    assert not check.ok
    assert EMOJI_PACKAGE in check.detail
    assert "leeg vakje" in check.detail
