"""Every benchmark script runs, at a tiny size: a benchmark that crashes fails here, not in a
review months later (issue 31: benchmarks/genereer.py crashed on a Markdown template).

No figure is checked (speed is measured by the scripts themselves, never in a test); each
script must finish with exit code 0 and print the lines it promises. The ones that start
LibreOffice are marked ``pdf``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "benchmarks"

# script -> (tiny arguments, a text every run prints)
TINY: dict[str, tuple[list[str], str]] = {
    "genereer.py": (["--casussen", "3", "--naief", "3", "--pdf", "0"], "een sjabloon gewijzigd"),
    "casus.py": (["--herhaal", "1", "--zonder-pdf"], "levensloopplan (Word), DOCX"),
    "overzicht.py": (["--casussen", "4"], "monitor"),
    "voortgang.py": (["--casussen", "2", "--naief", "1"], "voortgangsverslag"),
    "interview.py": (["--herhaal", "1"], "--help"),
    "interview_walk.py": (["--walks", "1", "--budget", "10"], "0 failed;"),
}
WITH_PDF: dict[str, tuple[list[str], str]] = {
    "pdf.py": (["--aantal", "2"], "converter"),
    "genereer.py": (["--casussen", "2", "--naief", "1", "--pdf", "2"], "docx,pdf"),
    "casus.py": (["--herhaal", "1"], "DOCX en PDF"),
}


def run_script(name: str, args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache"),
           "TMPDIR": str(tmp_path)}
    return subprocess.run([sys.executable, str(SCRIPTS / name), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1200, check=False)


def test_every_benchmark_script_has_a_smoke_run() -> None:
    scripts = {p.name for p in SCRIPTS.glob("*.py") if not p.name.startswith("_")}
    assert scripts == set(TINY) | set(WITH_PDF)


@pytest.mark.parametrize("name", sorted(TINY))
def test_benchmark_runs_at_a_tiny_size(name: str, tmp_path: Path) -> None:
    args, promised = TINY[name]
    result = run_script(name, args, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert promised in result.stdout, result.stdout
    assert "Traceback" not in result.stderr, result.stderr


@pytest.mark.pdf
@pytest.mark.parametrize("name", sorted(WITH_PDF))
def test_benchmark_with_libreoffice_runs_at_a_tiny_size(
    name: str, tmp_path: Path, needs_libreoffice: None
) -> None:
    args, promised = WITH_PDF[name]
    result = run_script(name, args, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert promised in result.stdout, result.stdout
