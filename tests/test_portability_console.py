"""A Windows console: cp1252 or cp850 output, paths with spaces, case files with CRLF line ends.

The CLI runs as a real process with PYTHONIOENCODING set to the Windows code pages: a
character those cannot show (ĳ, €, an emoji) in a path or a value must not end the run
with a UnicodeEncodeError.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES, RunCli

CARAVAN = EXAMPLES / "caravan-groningen.yaml"
ANSWERS = EXAMPLES / "antwoorden" / "nieuw-voorbeeld.antwoorden"


def _cli(*args: str | Path, encoding: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "PYTHONUTF8": "0", "LEVENSLOOP_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "levensloop_docs", *map(str, args)],
                          capture_output=True, env=env, cwd=cwd, timeout=300, check=False)


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "utf-8"])
def test_messages_print_in_a_windows_code_page(tmp_path: Path, encoding: str) -> None:
    folder = tmp_path / "Mijn casussen ĳs € 🍺"
    folder.mkdir()
    broken = folder / "kapot bestand ĳ.yaml"
    broken.write_text(re.sub(r"planversie: *\d+", "planversie: twee", CARAVAN.read_text(encoding="utf-8")),
                      encoding="utf-8")
    done = _cli("controleer", folder, encoding=encoding, cwd=tmp_path)
    err = done.stderr.decode(encoding, errors="replace")
    assert done.returncode == 2, err
    assert "UnicodeEncodeError" not in err and "onverwachts" not in err
    assert "planversie" in err and "kapot bestand" in err
    out = _cli("nieuw", "--map", folder, "--antwoorden", ANSWERS, encoding=encoding, cwd=tmp_path)
    assert out.returncode == 0, out.stderr.decode(encoding, errors="replace")
    assert "Opgeslagen" in out.stdout.decode(encoding, errors="replace")
    assert (folder / "LLA-2026-0107.yaml").is_file()


def test_help_prints_in_cp850(tmp_path: Path) -> None:
    done = _cli("--help", encoding="cp850", cwd=tmp_path)
    assert done.returncode == 0 and b"levensloop" in done.stdout


def test_a_case_file_with_crlf_line_ends_reads_and_keeps_them(run_cli: RunCli, tmp_path: Path) -> None:
    """Saved in Notepad: CRLF. Reading works, and editing one answer keeps the rest byte for byte."""
    folder = tmp_path / "map met spaties"
    folder.mkdir()
    case = folder / "caravan groningen.yaml"
    original = CARAVAN.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    case.write_bytes(original)
    assert run_cli("controleer", case).code == 0
    answers = tmp_path / "antw.yaml"
    answers.write_text("persoon:\n  roepnaam: Sjoerd\n", encoding="utf-8")
    result = run_cli("bewerk", case, "--onderdeel", "persoon", "--antwoorden", answers,
                     "--uit", folder / "uit")
    assert result.code == 0, result.err
    saved = case.read_bytes()
    assert b"roepnaam: Sjoerd\r\n" in saved
    assert saved.count(b"\n") == saved.count(b"\r\n")  # no mixed line ends
    changed = [(a, b) for a, b in zip(original.split(b"\r\n"), saved.split(b"\r\n"), strict=False) if a != b]
    assert len(changed) == 1 and b"roepnaam" in changed[0][1]
    assert run_cli("controleer", case).code == 0


def test_genereer_into_a_folder_with_spaces(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "Mijn Documenten" / "uit voer"
    source = tmp_path / "C schijf" / "caravan groningen.yaml"
    source.parent.mkdir()
    shutil.copy(CARAVAN, source)
    result = run_cli("genereer", source, "--uit", out, "--document", "levensloopplan")
    assert result.code == 0, result.err
    assert any(p.suffix == ".docx" for p in out.iterdir())
