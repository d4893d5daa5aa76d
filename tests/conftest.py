"""Shared fixtures: example cases, an in-process CLI runner, a fixed 'today'."""

from __future__ import annotations

import inspect
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


def plan_example_paths() -> list[Path]:
    """The examples with levensgebieden, found without parsing or validating a case.

    Parametrize lists are made at collection; loading every case there made every
    ``pytest -k`` run pay for it (review F12). The test loads the case it needs.
    """
    import re

    listed = re.compile(r"^levensgebieden:[ \t]*\n[ \t]+- ", re.MULTILINE)
    return [p for p in example_paths() if listed.search(p.read_text(encoding="utf-8"))]


@dataclass
class CliResult:
    code: int
    out: str
    err: str


# -- the 'slow' marker: `pytest -m "not slow"` is the edit-test loop; CI runs everything ------------

# whole modules that start LibreOffice, a process pool, a real terminal or build a wheel
SLOW_MODULES = frozenset({
    "test_pdf", "test_pdf_converter", "test_pdf_emoji", "test_batch", "test_batch_crash",
    "test_batch_robust", "test_templatecheck_wheel", "test_interview_terminal", "test_overview_terminal",
})
# parametrized cases that pay for a folder batch or a hostile input
SLOW_IDS = ("diep-genest", "dubbel-casusnummer")
# in a test's own source: it converts to PDF or runs a folder as a batch
SLOW_CALLS = ("libreoffice_or_skip(", '"--formaat", "pdf"', '("pdf",)', ', "pdf")', "copytree(EXAMPLES",
              "run_batch(")


def _is_slow(item: pytest.Item) -> bool:
    if item.path.stem in SLOW_MODULES or item.get_closest_marker("pdf") is not None:
        return True
    if "needs_libreoffice" in getattr(item, "fixturenames", ()) or any(k in item.nodeid for k in SLOW_IDS):
        return True
    function = getattr(item, "function", None)
    try:
        source = inspect.getsource(function) if function is not None else ""
    except (OSError, TypeError):
        return False
    folder_batch = "genereer" in source and ("cases" in getattr(item, "fixturenames", ()))
    return folder_batch or any(call in source for call in SLOW_CALLS)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark LibreOffice, batch, terminal and wheel tests 'slow' in one place (no per-file markers)."""
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)


# the run_cli fixture: run_cli('genereer', case, '--uit', folder)
RunCli = Callable[..., CliResult]


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overviews' per-user cache (overview/cache.py) goes to a fresh folder, never ~/.cache;
    the user's settings file (a region's own templates folder) is never read."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("LEVENSLOOP_INSTELLINGEN", str(tmp_path_factory.mktemp("instellingen") / "geen.yaml"))
    # the disclosure register of a rendered case (case/register.py): never beside the bundled examples
    monkeypatch.setenv("LEVENSLOOP_VERSTREKKINGEN", str(tmp_path_factory.mktemp("verstrekkingen")))


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
