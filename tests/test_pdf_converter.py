"""The persistent converter: reuse, a hang, a crash, a bad file, and no LibreOffice at all."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from _pdf_helpers import fake_soffice, pdf_text
from conftest import RunCli, example_paths, libreoffice_or_skip

from levensloop_docs.errors import ConversionError
from levensloop_docs.pdf.converter import Converter, convert_many
from levensloop_docs.pdf.diagnose import write_sample_docx
from levensloop_docs.pdf.locate import find_soffice


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bron") / "proef.docx"
    write_sample_docx(path)
    return path


@pytest.fixture(scope="module")
def converter() -> Iterator[Converter]:
    libreoffice_or_skip()
    with Converter(timeout=60) as conv:
        yield conv


def test_one_libreoffice_for_many_documents(
    needs_libreoffice: None, converter: Converter, sample: Path, tmp_path: Path
) -> None:
    converter.convert(sample, tmp_path / "a.pdf")
    starts = converter.starts
    converter.convert(sample, tmp_path / "b.pdf")
    converter.convert(sample, tmp_path / "c.pdf")
    assert converter.starts == starts
    assert "€" in pdf_text(tmp_path / "c.pdf")


def test_a_hanging_libreoffice_is_restarted_and_the_document_retried(
    needs_libreoffice: None, converter: Converter, sample: Path, tmp_path: Path
) -> None:
    converter.convert(sample, tmp_path / "warm.pdf")
    starts, pid = converter.starts, converter.office_pid
    assert pid is not None
    os.killpg(pid, signal.SIGSTOP)  # LibreOffice freezes: it never answers
    converter.timeout = 5
    try:
        converter.convert(sample, tmp_path / "na-hang.pdf")
    finally:
        converter.timeout = 60
    assert converter.starts == starts + 1
    assert "ĳ" in pdf_text(tmp_path / "na-hang.pdf")


def test_a_crashed_libreoffice_is_started_again(
    needs_libreoffice: None, converter: Converter, sample: Path, tmp_path: Path
) -> None:
    converter.convert(sample, tmp_path / "warm.pdf")
    pid = converter.office_pid
    assert pid is not None
    os.killpg(pid, signal.SIGKILL)
    converter.convert(sample, tmp_path / "na-crash.pdf")
    assert (tmp_path / "na-crash.pdf").exists()


def test_a_broken_document_fails_in_dutch_and_the_next_converts(
    needs_libreoffice: None, converter: Converter, sample: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04 dit is geen Word-bestand")
    with pytest.raises(ConversionError) as caught:
        converter.convert(broken, tmp_path / "kapot.pdf")
    assert "kon kapot.pdf niet omzetten naar PDF" in caught.value.message
    converter.convert(sample, tmp_path / "daarna.pdf")
    assert (tmp_path / "daarna.pdf").exists()


def test_a_libreoffice_that_never_answers_ends_in_a_dutch_error(
    needs_libreoffice: None, sample: Path, tmp_path: Path
) -> None:
    real = find_soffice()
    assert real is not None
    release = tmp_path / "werkt-weer"
    fake = fake_soffice(tmp_path, real=real, release=release)
    with Converter(soffice=fake, start_timeout=2, timeout=5) as conv:
        with pytest.raises(ConversionError) as caught:
            conv.convert(sample, tmp_path / "eerste.pdf")
        assert "LibreOffice startte niet binnen 2 seconden" in caught.value.message
        assert "eerste.pdf" in caught.value.message
        assert not (tmp_path / "eerste.pdf").exists()
        release.touch()  # LibreOffice answers again: the next document converts
        conv.start_timeout = 60
        conv.convert(sample, tmp_path / "tweede.pdf")
    assert (tmp_path / "tweede.pdf").exists()


def test_convert_many_uses_several_libreoffices(
    needs_libreoffice: None, sample: Path, tmp_path: Path
) -> None:
    pairs = [(sample, tmp_path / f"{i}.pdf") for i in range(4)]
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"PK\x03\x04 geen Word-bestand")
    failures = convert_many([*pairs, (broken, tmp_path / "kapot.pdf")], workers=2, timeout=60)
    assert list(failures) == [tmp_path / "kapot.pdf"]
    assert all(target.exists() for _src, target in pairs)


def test_without_libreoffice_pdf_fails_in_dutch_and_docx_still_works(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(tmp_path / "geen-soffice"))
    case = example_paths()[0]
    result = run_cli("genereer", case, "--uit", tmp_path / "pdf", "--formaat", "pdf")
    assert result.code == 1  # a missing LibreOffice is a runtime problem, not bad input
    assert "LibreOffice is niet gevonden" in result.err
    assert "apt-get install libreoffice-writer-nogui" in result.err
    assert "www.libreoffice.org" in result.err
    assert "Traceback" not in result.err
    assert not list((tmp_path / "pdf").glob("*.pdf"))
    result = run_cli("genereer", case, "--uit", tmp_path / "docx", "--formaat", "docx")
    assert result.code == 0, result.err
    assert list((tmp_path / "docx").glob("*.docx"))


def test_doctor_without_libreoffice_says_how_to_install(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(tmp_path / "geen-soffice"))
    result = run_cli("doctor")
    assert result.code == 1
    assert "[PROBLEEM] LibreOffice: Niet gevonden." in result.out
    assert "Installeer LibreOffice" in result.out
    assert "Niet alles werkt" in result.err


def test_the_password_is_never_an_argument(monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    from levensloop_docs.cli.commands.bundel import ask_password, bundel

    names = {n for p in bundel.params for n in (*p.opts, *p.secondary_opts)}
    assert not any("wachtwoord" in n or "password" in n for n in names)
    asked: dict[str, object] = {}

    def fake_prompt(text: str, **kwargs: object) -> str:
        asked.update(kwargs, text=text)
        return "geheim-uit-prompt"

    monkeypatch.delenv("LEVENSLOOP_WACHTWOORD", raising=False)
    monkeypatch.setattr(click, "prompt", fake_prompt)
    assert ask_password() == "geheim-uit-prompt"
    assert asked["hide_input"] is True and asked["confirmation_prompt"] is True
    assert asked["text"] == "Wachtwoord voor de PDF"
    monkeypatch.setenv("LEVENSLOOP_WACHTWOORD", "uit-omgeving")
    assert ask_password() == "uit-omgeving"
