"""Input that is not what it seems: a case 'file' that is a pipe or a device, an output folder
that is a file or cannot be written. Each gets a Dutch message and exit 2, never a hang.

The commands run as a separate process with a time limit: a regression here hangs, and a
hang must fail the test rather than the whole run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLES

EXAMPLE = EXAMPLES / "caravan-groningen.yaml"
ROOT = Path(__file__).resolve().parent.parent


def levensloop(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "levensloop_docs", *map(str, args)],
        capture_output=True, text=True, timeout=60, env=full_env, check=False,
    )


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "casus.yaml"
    os.mkfifo(path)
    return path


@pytest.fixture
def zero_link(tmp_path: Path) -> Path:
    path = tmp_path / "casus.yaml"
    path.symlink_to("/dev/zero")
    return path


@pytest.mark.parametrize("special", ["fifo", "zero_link"])
@pytest.mark.parametrize("command", ["controleer", "genereer", "bundel"])
def test_a_case_file_must_be_a_regular_file(
    special: str, command: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path: Path = request.getfixturevalue(special)
    out: list[str | Path] = [] if command == "controleer" else ["--uit", tmp_path / "uit"]
    result = levensloop(command, path, *out)
    assert result.returncode == 2, result.stderr
    assert "geen gewoon bestand" in result.stderr, result.stderr
    assert str(path) in result.stderr


def out_is_a_file(tmp_path: Path) -> Path:
    target = tmp_path / "uitvoer"
    target.write_text("ik ben een bestand", "utf-8")
    return target


def out_under_a_file(tmp_path: Path) -> Path:
    return out_is_a_file(tmp_path) / "map"


def out_not_writable(tmp_path: Path) -> Path:
    return Path("/proc")  # a folder nobody can write in, root included


@pytest.mark.parametrize("make_out", [out_is_a_file, out_under_a_file, out_not_writable])
@pytest.mark.parametrize("command", ["genereer", "bundel"])
def test_an_unusable_output_folder_is_named_before_libreoffice_starts(
    make_out: object, command: str, tmp_path: Path
) -> None:
    out = make_out(tmp_path)  # type: ignore[operator]
    formats = ["--formaat", "pdf"] if command == "genereer" else []
    # a LibreOffice that cannot start: were it started first, the message would be about it
    result = levensloop(command, EXAMPLE, "--uit", out, *formats, env={"LEVENSLOOP_SOFFICE": "/nonexistent"})
    assert result.returncode == 2, result.stderr
    assert "uitvoermap" in result.stderr.lower() and str(out) in result.stderr, result.stderr
    assert "LibreOffice" not in result.stderr and "onverwachts" not in result.stderr
