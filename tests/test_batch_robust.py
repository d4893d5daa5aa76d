"""``genereer MAP`` when the world is hostile: a full disk, a read-only folder, a second batch,
no LibreOffice, an unexpected error in a worker, many cases in little memory, and the
private temporary folder of a run (owner-only, gone after kill -9, swept by the next run).

A full disk is simulated in-process (``os.replace`` into the output folder fails with
ENOSPC; the worker processes are forked, so they inherit it) and, when this runs as root,
made real with a small tmpfs. A read-only folder is a read-only tmpfs as root, else a
folder without write permission.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import subprocess
import tempfile
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

from levensloop_docs.batch.manifest import LOCK_NAME, MANIFEST_NAME

Cli = Callable[..., Any]


def _copies(folder: Path, count: int) -> Path:
    """``count`` cases from the examples, each with its own case id."""
    folder.mkdir()
    examples = sorted(EXAMPLES.glob("*.yaml"))
    for number in range(count):
        text = examples[number % len(examples)].read_text(encoding="utf-8")
        body = re.sub(r"casus_id: \S+", f"casus_id: TST-{number:05d}", text, count=1)
        (folder / f"casus-{number:05d}.yaml").write_text(body, encoding="utf-8")
    return folder


@contextlib.contextmanager
def _tmpfs(folder: Path, options: str) -> Iterator[None]:
    """A tmpfs at ``folder`` (root only; skipped where mounting is not allowed)."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a tmpfs needs root")
    folder.mkdir(exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a tmpfs is not allowed here")
    try:
        yield
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# --- a full disk -----------------------------------------------------------------------------

def _full_disk_in(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, nothing more can be put in ``out``: renames into it fail with ENOSPC."""
    real = os.replace

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        if Path(dst).parent.resolve() == out.resolve():
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(src))
        real(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def test_full_disk_is_named_and_the_per_case_report_kept(
    run_cli: Cli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    manifest_before = (out / MANIFEST_NAME).read_bytes()
    (cases / "kapot.yaml").write_text("meta: [dit is geen casus\n")
    _full_disk_in(out, monkeypatch)
    result = run_cli("genereer", cases, "--uit", out, "--alles")
    assert result.code == 1
    assert f"Fout: De schijf is vol: in {out} past niets meer." in result.err
    assert "Maak ruimte op die schijf" in result.err
    assert (result.out + result.err).count("Maak ruimte op die schijf") == 1  # the advice once
    assert "Er ging iets onverwachts mis" not in result.err
    # the per-case report is there: the broken case and the cases that could not be written
    assert "Mislukt:" in result.out
    assert "kapot.yaml:" in result.out
    assert "caravan-groningen.yaml:" in result.out
    assert result.out.count(f"De schijf is vol: in {out} past niets meer.") >= 5
    assert (out / MANIFEST_NAME).read_bytes() == manifest_before  # the old manifest is intact
    assert not list(out.glob(".*.tmp"))


def test_full_disk_on_a_real_small_tmpfs(run_cli: Cli, tmp_path: Path) -> None:
    cases = _copies(tmp_path / "casussen", 20)  # far more than 160 KB of documents
    out = tmp_path / "klein"
    with _tmpfs(out, "size=160k,mode=0700"):
        result = run_cli("genereer", cases, "--uit", out)
        assert result.code == 1, result.err
        assert f"De schijf is vol: in {out} past niets meer." in result.err + result.out
        assert "Er ging iets onverwachts mis" not in result.err
        assert "Mislukt:" in result.out
        assert not list(out.glob(".*.tmp"))


# --- a read-only output folder ---------------------------------------------------------------

@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    if os.geteuid() == 0:
        with _tmpfs(folder, "ro,size=64k"):
            yield
        return
    folder.mkdir()
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o700)


def test_read_only_output_folder_is_named_and_a_dry_run_still_works(
    run_cli: Cli, cases: Path, tmp_path: Path
) -> None:
    out = tmp_path / "alleen-lezen"
    with _read_only(out):
        result = run_cli("genereer", cases, "--uit", out)
        assert result.code == 2
        assert f"Kan niet schrijven in {out}: de map is alleen-lezen" in result.err
        assert "Er ging iets onverwachts mis" not in result.err
        dry = run_cli("genereer", cases, "--uit", out, "--droog")
        assert dry.code == 0, dry.err
        assert "Er is niets geschreven" in dry.out
        assert not any(out.iterdir())


def test_a_dry_run_writes_nothing_not_even_the_lock(run_cli: Cli, cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    (out / LOCK_NAME).unlink()
    before = sorted(p.name for p in out.iterdir())
    (cases / "caravan-groningen.yaml").write_text(
        (cases / "caravan-groningen.yaml").read_text().replace("planversie: 2", "planversie: 3"))
    dry = run_cli("genereer", cases, "--uit", out, "--droog")
    assert dry.code == 0, dry.err
    assert "casus gewijzigd" in dry.out
    assert sorted(p.name for p in out.iterdir()) == before
    assert not (out / LOCK_NAME).exists()


# --- a second batch in the same folder -------------------------------------------------------

def test_a_second_batch_in_the_same_folder_is_a_runtime_error(
    run_cli: Cli, cases: Path, tmp_path: Path
) -> None:
    import fcntl

    out = tmp_path / "uit"
    out.mkdir()
    fd = os.open(out / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        result = run_cli("genereer", cases, "--uit", out)
    finally:
        os.close(fd)
    assert result.code == 1
    assert f"schrijft al in {out}" in result.err
    assert not list(out.glob("*.docx"))


# --- no LibreOffice ----------------------------------------------------------------------------

def test_without_libreoffice_a_pdf_batch_says_so_once_and_exits_1(
    run_cli: Cli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(tmp_path / "bestaat-niet"))
    out = tmp_path / "uit"
    result = run_cli("genereer", cases, "--uit", out, "--formaat", "pdf")
    assert result.code == 1
    assert "LibreOffice is niet gevonden" in result.err
    assert (result.out + result.err).count("apt-get install libreoffice-writer-nogui") == 1
    assert "de andere zijn klaar" not in result.out + result.err
    assert "Er is niets gemaakt." in result.err
    assert not list(out.glob("*.pdf"))


def test_all_cases_failed_does_not_speak_of_the_others(run_cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    (folder / "a.yaml").write_text("meta: [kapot\n")
    (folder / "b.yaml").write_text("meta: [ook kapot\n")
    result = run_cli("genereer", folder, "--uit", tmp_path / "uit")
    assert result.code == 2
    assert "Alle 2 casussen zijn mislukt." in result.err
    assert "de andere" not in result.err


# --- an unexpected error in a worker -----------------------------------------------------------

def _break_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    import levensloop_docs.run.renderrun as generate

    def broken(run: Any, job: Any) -> list[Path]:
        raise ZeroDivisionError("ergens deelt iets door nul")

    monkeypatch.setattr(generate, "render_job", broken)  # workers are forked: they inherit it


def test_unexpected_worker_error_shows_its_kind_and_with_debug_its_traceback(
    run_cli: Cli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _break_rendering(monkeypatch)
    monkeypatch.delenv("LEVENSLOOP_DEBUG", raising=False)
    plain = run_cli("genereer", cases, "--uit", tmp_path / "gewoon")
    assert plain.code == 1
    assert "ZeroDivisionError" in plain.out
    assert "Traceback" not in plain.out + plain.err
    assert "deelt iets door nul" not in plain.out + plain.err  # the message could hold case data

    monkeypatch.setenv("LEVENSLOOP_DEBUG", "1")
    debug = run_cli("genereer", cases, "--uit", tmp_path / "debug")
    assert debug.code == 1
    assert "Traceback (most recent call last)" in debug.err
    assert "in broken" in debug.err and "ZeroDivisionError: ergens deelt iets door nul" in debug.err


# --- memory ------------------------------------------------------------------------------------

def _peak_of_dry_run(run_cli: Cli, cases: Path, out: Path) -> int:
    tracemalloc.start()
    try:
        result = run_cli("genereer", cases, "--uit", out, "--droog", "--processen", "2")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.code == 0, result.err
    return peak


def test_memory_of_the_batch_process_does_not_grow_with_the_parsed_cases(
    run_cli: Cli, tmp_path: Path
) -> None:
    """The batch process keeps a few hundred bytes per case, not every parsed case."""
    few = _copies(tmp_path / "klein", 30)
    assert run_cli("genereer", few, "--uit", tmp_path / "warm", "--droog").code == 0  # imports, caches
    small = _peak_of_dry_run(run_cli, few, tmp_path / "uit-klein")
    large = _peak_of_dry_run(run_cli, _copies(tmp_path / "groot", 180), tmp_path / "uit-groot")
    per_case = (large - small) / 150
    assert per_case < 8_000, f"{per_case:.0f} bytes per case"  # before: 20-34 KB


# --- the private temporary folder --------------------------------------------------------------

def test_a_run_sweeps_the_temporary_folders_of_dead_runs(
    run_cli: Cli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.runtmp import PREFIX

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    stale = tmp / f"{PREFIX}{_free_pid()}-oud"
    stale.mkdir()
    (stale / "plan.pdf").write_bytes(b"%PDF- een plan van een gestopte run")
    alive = tmp / f"{PREFIX}{os.getppid()}-loopt"
    alive.mkdir()
    assert run_cli("genereer", cases, "--uit", tmp_path / "uit").code == 0
    assert not stale.exists()
    assert alive.exists()  # a running process: its folder is left alone
    assert [p.name for p in tmp.iterdir()] == [alive.name]


def _free_pid() -> int:
    for pid in range(4_000_000, 100, -7919):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            continue
    raise AssertionError("no free process id")


def test_the_private_folder_is_owner_only_and_gone_after_kill_9(tmp_path: Path) -> None:
    import signal
    import sys
    import time

    from conftest import ROOT

    tmp = tmp_path / "tmp"
    tmp.mkdir()
    code = ("import time; from levensloop_docs.runtmp import run_tmp\n"
            "folder = run_tmp(); (folder / 'plan.pdf').write_bytes(b'%PDF- persoonsgegevens')\n"
            "print(folder, flush=True); time.sleep(120)\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(tmp)}, start_new_session=True)
    assert proc.stdout is not None
    folder = Path(proc.stdout.readline().strip())
    assert folder.parent == tmp and (folder / "plan.pdf").exists()
    assert folder.stat().st_mode & 0o777 == 0o700
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 15
    while folder.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not folder.exists()


def test_beyond_the_budget_for_parsed_cases_phase_two_reads_the_file_again(
    run_cli: Cli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import levensloop_docs.batch.run as batch_run

    kept = tmp_path / "bewaard"
    assert run_cli("genereer", cases, "--uit", kept).code == 0
    monkeypatch.setattr(batch_run, "KEEP_PARSED", 0)  # no parsed case is kept between the phases
    again = tmp_path / "opnieuw"
    result = run_cli("genereer", cases, "--uit", again, "--processen", "1")
    assert result.code == 0, result.err
    assert sorted(p.name for p in again.glob("*.docx")) == sorted(p.name for p in kept.glob("*.docx"))
    assert _docx_texts(again) == _docx_texts(kept)


def _docx_texts(folder: Path) -> dict[str, str]:
    from docx import Document

    return {p.name: "\n".join(par.text for par in Document(str(p)).paragraphs)
            for p in sorted(folder.glob("*.docx"))}
