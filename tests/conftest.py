"""Shared fixtures: example cases, an in-process CLI runner, a fixed 'today'."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TODAY = date(2026, 11, 23)


def example_paths() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


@dataclass
class CliResult:
    code: int
    out: str
    err: str


# the run_cli fixture: run_cli('genereer', case, '--uit', folder)
RunCli = Callable[..., CliResult]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overviews' per-user cache (overview/cache.py) goes to a fresh folder, never ~/.cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> RunCli:
    """Run ``levensloop ARGS`` in-process; returns exit code, stdout and stderr."""
    from levensloop_docs.cli.main import run_in_process

    def run(*args: str | Path) -> CliResult:
        code = run_in_process([str(a) for a in args])
        captured = capsys.readouterr()
        return CliResult(int(code or 0), captured.out, captured.err)

    return run


@pytest.fixture
def cases(tmp_path: Path) -> Path:
    """The top-level example cases (not the subfolders) in a writable folder of their own."""
    folder = tmp_path / "casussen"
    folder.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A writable copy of the examples folder."""
    target = tmp_path / "examples"
    shutil.copytree(EXAMPLES, target)
    return target


def soffice_available() -> bool:
    return shutil.which("soffice") is not None or shutil.which("libreoffice") is not None


def libreoffice_or_skip() -> None:
    """PDF tests: skipped without LibreOffice on a laptop, a failure under CI=true."""
    if soffice_available():
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("LibreOffice (soffice) ontbreekt in CI: installeer het via scripts/installeer.sh")
    pytest.skip("LibreOffice is niet geïnstalleerd")


@pytest.fixture
def needs_libreoffice() -> None:
    """The rule of libreoffice_or_skip, as a fixture."""
    libreoffice_or_skip()


@pytest.fixture
def shared_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Own copies of templates/ and the data folder (LEVENSLOOP_SJABLONEN, LEVENSLOOP_DATA).

    The registry and vocabularies are cached per process: cleared before and after.
    """
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.run.documents import registry

    root = tmp_path / "gedeeld"
    shutil.copytree(ROOT / "templates", root / "templates")
    shutil.copytree(ROOT / "levensloop_docs" / "data", root / "data")
    monkeypatch.setenv("LEVENSLOOP_SJABLONEN", str(root / "templates"))
    monkeypatch.setenv("LEVENSLOOP_DATA", str(root / "data"))
    registry.cache_clear()
    load_vocabularies.cache_clear()
    yield root
    monkeypatch.undo()
    registry.cache_clear()
    load_vocabularies.cache_clear()


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> Any:
    """CPython's Windows rules, emulated in this process (tests/_portability.py)."""
    from _portability import install

    monkeypatch.setenv("USERNAME", "casemanager")  # getpass on Windows: there is no pwd/getuid
    return install(monkeypatch)
