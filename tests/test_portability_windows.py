"""The main flows under CPython's Windows rules, emulated on Linux (``windows`` fixture, _portability.py).

Each of these failed before the tool was made portable (review ecosysteem 2026-12-07):
every write died on fsync of a read-only handle, a stale lock crashed ``bewerk``, the
temporary folders of dead runs stayed, and a document open in Word was called a
read-only folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from _portability import WindowsRules
from conftest import EXAMPLES, RunCli

ANSWERS = EXAMPLES / "antwoorden" / "nieuw-voorbeeld.antwoorden"
CARAVAN = EXAMPLES / "caravan-groningen.yaml"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


# --- the emulation itself ------------------------------------------------------------------

def test_the_emulation_refuses_what_windows_refuses(windows: WindowsRules, tmp_path: Path) -> None:
    """The rules hold in the test process: so a test below that passes, passes under them."""
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with open(path, "rb") as fh, pytest.raises(OSError) as bad:
        os.fsync(fh.fileno())
    assert bad.value.errno == 9
    with pytest.raises(OSError) as kill:
        os.kill(os.getpid(), 0)
    assert getattr(kill.value, "winerror", None) == 87
    windows.hold_open(path)
    other = tmp_path / "b.txt"
    other.write_text("y", encoding="utf-8")
    with pytest.raises(PermissionError) as held:
        os.replace(other, tmp_path / "A.TXT")  # the same file on NTFS
    assert getattr(held.value, "winerror", None) == 32
    assert not hasattr(os, "killpg") and not hasattr(os, "getuid")


# --- writes --------------------------------------------------------------------------------

def test_every_write_flushes_through_a_handle_that_may_write(windows: WindowsRules, tmp_path: Path) -> None:
    from levensloop_docs.atomic import atomic_path, write_bytes, write_text

    write_bytes(tmp_path / "a.bin", b"abc")
    write_text(tmp_path / "sub" / "b.txt", "één")
    with atomic_path(tmp_path / "c.docx") as tmp:
        tmp.write_bytes(b"PK")
    assert (tmp_path / "a.bin").read_bytes() == b"abc"
    assert (tmp_path / "sub" / "b.txt").read_text(encoding="utf-8") == "één"
    assert (tmp_path / "c.docx").read_bytes() == b"PK"
    assert windows.readonly_fsyncs == 0
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_file_word_holds_briefly_is_replaced_after_a_retry(windows: WindowsRules, tmp_path: Path) -> None:
    from levensloop_docs.atomic import write_bytes

    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    windows.hold_open(target, times=2)  # OneDrive or a virus scanner, for a moment
    write_bytes(target, b"new")
    assert target.read_bytes() == b"new" and len(windows.refused_replaces) == 2


def test_a_file_open_in_word_is_named_with_what_to_do(windows: WindowsRules, tmp_path: Path) -> None:
    from levensloop_docs.atomic import write_bytes
    from levensloop_docs.errors import FileInUseError

    target = tmp_path / "LLA-2026-0042_levensloopplan_v2.pdf"
    target.write_bytes(b"old")
    windows.hold_open(target)
    with pytest.raises(FileInUseError) as refused:
        write_bytes(target, b"new")
    text = " ".join(refused.value.lines())
    assert "Sluit LLA-2026-0042_levensloopplan_v2.pdf in Word en probeer opnieuw" in text
    assert "alleen-lezen" not in text
    assert target.read_bytes() == b"old" and not list(tmp_path.glob(".*.tmp"))


def test_genereer_with_one_document_open_in_word_makes_the_others(
    windows: WindowsRules, run_cli: RunCli, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", CARAVAN, "--uit", out).code == 0
    made = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    plan = next(name for name in made if "levensloopplan" in name)
    windows.hold_open(out / plan)
    before = {name: (out / name).stat().st_mtime_ns for name in made}
    result = run_cli("genereer", CARAVAN, "--uit", out)
    assert result.code == 1, result.err
    assert f"Sluit {plan} in Word en probeer opnieuw" in result.err
    assert "alleen-lezen" not in result.err and "onverwachts" not in result.err
    others = [name for name in made if name != plan]
    assert all((out / name).stat().st_mtime_ns > before[name] for name in others)  # written again
    assert all(name in result.out for name in others)


# --- processes -----------------------------------------------------------------------------

def test_liveness_is_not_os_kill(windows: WindowsRules) -> None:
    from levensloop_docs.process import alive

    assert alive(os.getpid()) and not alive(_dead_pid())
    assert windows.kill_zero_calls == 0


def test_temporary_folders_of_dead_runs_are_swept(
    windows: WindowsRules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs import runtmp

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = tmp_path / f"{runtmp.PREFIX}{_dead_pid()}-abcd"
    (dead / "libreoffice-x").mkdir(parents=True)
    (dead / "plan.docx").write_bytes(b"personal data")
    alive = tmp_path / f"{runtmp.PREFIX}{os.getpid()}-efgh"
    alive.mkdir()
    assert runtmp.sweep(tmp_path) == [dead]
    assert not dead.exists() and alive.exists()
    assert windows.kill_zero_calls == 0


def test_run_folder_guard_is_started_in_a_group_of_its_own_the_windows_way(
    windows: WindowsRules, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """start_new_session does nothing on Windows: the guard must get CREATE_NEW_PROCESS_GROUP."""
    from levensloop_docs import platform_os, runtmp

    seen: list[dict[str, object]] = []
    real = platform_os.own_group

    def spy() -> dict[str, object]:
        seen.append(real())
        return seen[-1]

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(runtmp, "own_group", spy)
    # a folder made (or adopted) by an earlier test in this process would be reused: start clean
    monkeypatch.setattr(runtmp, "_owned", None)
    monkeypatch.setattr(runtmp, "_adopted", None)
    folder = runtmp.run_tmp()
    try:
        assert folder.is_dir()
        assert seen and "creationflags" in seen[0] and "start_new_session" not in seen[0]
        assert windows.ignored_popen_args == []
    finally:
        runtmp.cleanup()
    assert not folder.exists()


def test_kill_group_without_process_groups_kills_the_tree(windows: WindowsRules) -> None:
    """soffice.exe starts soffice.bin: killing the first alone left the second holding the profile."""
    import psutil

    from levensloop_docs.platform_os import kill_group

    launcher = subprocess.Popen([sys.executable, "-c", (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        "print(child.pid, flush=True)\ntime.sleep(60)\n")], stdout=subprocess.PIPE, text=True)
    assert launcher.stdout is not None
    worker = int(launcher.stdout.readline())
    kill_group(launcher.pid)
    launcher.wait(timeout=10)
    launcher.stdout.close()
    assert not psutil.pid_exists(worker) or psutil.Process(worker).status() == psutil.STATUS_ZOMBIE


# --- the main flows ------------------------------------------------------------------------

def test_nieuw_with_an_answers_file_saves_the_case(
    windows: WindowsRules, run_cli: RunCli, tmp_path: Path
) -> None:
    result = run_cli("nieuw", "--map", tmp_path, "--antwoorden", ANSWERS)
    assert result.code == 0, result.err
    assert (tmp_path / "LLA-2026-0107.yaml").is_file()
    assert run_cli("controleer", tmp_path / "LLA-2026-0107.yaml").code == 0


def test_bewerk_takes_over_a_stale_lock(windows: WindowsRules, run_cli: RunCli, tmp_path: Path) -> None:
    from levensloop_docs.interview.lock import LockInfo, lock_path

    case = tmp_path / "caravan-groningen.yaml"
    shutil.copy(CARAVAN, case)
    mine = LockInfo.mine()
    lock_path(case).write_text(LockInfo(mine.user, mine.host, _dead_pid(), datetime.now()).dumps(),
                               encoding="utf-8")
    answers = tmp_path / "antw.yaml"
    answers.write_text("vergrendeling_overnemen: ja\npersoon:\n  roepnaam: Sjoerd\n", encoding="utf-8")
    result = run_cli("bewerk", case, "--onderdeel", "persoon", "--antwoorden", answers,
                     "--uit", tmp_path / "u")
    assert result.code == 0, result.err
    assert "roepnaam: Sjoerd" in case.read_text(encoding="utf-8")
    assert not lock_path(case).exists()
    assert windows.kill_zero_calls == 0


def test_genereer_of_the_examples_folder_writes_every_document(
    windows: WindowsRules, run_cli: RunCli, cases: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    dry = run_cli("genereer", cases, "--uit", out, "--droog")
    assert dry.code == 0, dry.err
    result = run_cli("genereer", cases, "--uit", out, "--processen", "2")
    assert result.code == 0, result.err
    made = [p for p in out.iterdir() if p.suffix == ".docx"]
    assert len(made) >= len(list(cases.glob("*.yaml")))
    assert windows.readonly_fsyncs == 0 and windows.ignored_popen_args == []


FAKE_BRIDGE = '''
import json, sys
from pypdf import PdfWriter
if sys.argv[1:] == ["-c", "import uno"]:
    sys.exit(0)
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    request = json.loads(line)
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    with open(request["dst"], "wb") as fh:
        writer.write(fh)
    print(json.dumps({"ok": True}), flush=True)
'''


def _fake_libreoffice(folder: Path) -> tuple[Path, Path]:
    """A soffice that only waits to be stopped, and a 'Python with uno' that answers as the bridge."""
    folder.mkdir()
    soffice = folder / "soffice"
    soffice.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(600)\n", encoding="utf-8")
    bridge = folder / "bridge.py"
    bridge.write_text(FAKE_BRIDGE, encoding="utf-8")
    python = folder / "python"
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{bridge}" "$@"\n', encoding="utf-8")
    for path in (soffice, python):
        path.chmod(0o700)
    return soffice, python


def test_a_pdf_batch_with_a_fake_converter(
    windows: WindowsRules, run_cli: RunCli, cases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PDF path end to end (guard, bridge, kill, temp folder) without LibreOffice itself."""
    from pypdf import PdfReader

    from levensloop_docs.pdf.locate import find_uno_python

    soffice, python = _fake_libreoffice(tmp_path / "lo")
    monkeypatch.setenv("LEVENSLOOP_SOFFICE", str(soffice))
    monkeypatch.setenv("LEVENSLOOP_UNO_PYTHON", str(python))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    find_uno_python.cache_clear()
    try:
        out = tmp_path / "uit"
        result = run_cli("genereer", cases, "--uit", out, "--formaat", "pdf", "--processen", "2")
        assert result.code == 0, result.err
    finally:
        find_uno_python.cache_clear()
    made = sorted(out.glob("*.pdf"))
    assert len(made) >= len(list(cases.glob("*.yaml")))
    assert all(str(PdfReader(p).root_object.get("/Lang")) == "nl-NL" for p in made)
    assert windows.ignored_popen_args == [] and windows.kill_zero_calls == 0
    assert not list((tmp_path / "temp").glob("levensloop-run-*"))  # every run's folder removed


class _FakeMsvcrt:
    """msvcrt.locking as Windows has it: a byte range per file, refused while another handle
    holds it (the fds stand for handles; each test opens its own)."""

    LK_NBLCK = 2

    def __init__(self) -> None:
        self.held: dict[tuple[int, int], int] = {}

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        assert mode == self.LK_NBLCK and nbytes == 1
        key = (os.fstat(fd).st_ino, os.lseek(fd, 0, os.SEEK_CUR))
        holder = self.held.get(key)
        if holder is not None and holder != fd and self._still_open(holder, key[0]):
            raise PermissionError(13, "Permission denied")
        self.held[key] = fd

    @staticmethod
    def _still_open(fd: int, inode: int) -> bool:  # closing a handle releases its locks
        try:
            return os.fstat(fd).st_ino == inode
        except OSError:
            return False


def test_a_second_batch_on_the_same_folder_is_refused_on_windows_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.batch.run import _locked
    from levensloop_docs.errors import OutputLockedError

    monkeypatch.setitem(sys.modules, "fcntl", None)  # import fcntl fails, as on Windows
    monkeypatch.setitem(sys.modules, "msvcrt", _FakeMsvcrt())
    with _locked(tmp_path), pytest.raises(OutputLockedError), _locked(tmp_path):
        pass
    with _locked(tmp_path):  # the first one released its lock
        pass
