"""The Windows rules of CPython, emulated on Linux where they differ (tests/test_portability*.py).

No Windows machine runs these tests. What CPython does differently there, and what broke the
tool on Windows before (review ecosysteem 2026-12-07), is put into this process instead:

- ``os.fsync`` on a handle opened read-only fails with EBADF (FlushFileBuffers needs write access);
- ``os.kill(pid, 0)`` does not check a process: it is ``CTRL_C_EVENT`` and fails (WinError 87)
  (except inside psutil, whose Linux backend may; on Windows it uses OpenProcess);
- ``os.killpg``, ``os.setsid``, ``os.getuid`` and ``os.geteuid`` do not exist;
- ``subprocess.Popen(start_new_session=..., preexec_fn=...)`` has no effect (recorded here);
- ``os.replace`` onto a file another program (Word) holds open fails with PermissionError,
  ``winerror`` 32;
- file names are case-insensitive: replacing ``a.docx`` while ``A.docx`` exists overwrites it.

``platform_os.WINDOWS`` is set, so the platform module takes its Windows branches (its psutil
tree-kill works on Linux too; the Job Object is skipped, as ctypes has no WinDLL here).
Forked batch workers inherit all of it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

SHARING_VIOLATION = 32
INVALID_PARAMETER = 87


class WindowsRules:
    """What the emulation saw, and the files "Word" holds open."""

    def __init__(self) -> None:
        self.held: dict[str, int] = {}  # casefolded path -> how many more replaces fail (-1: always)
        self.refused_replaces: list[Path] = []
        self.ignored_popen_args: list[str] = []
        self.kill_zero_calls = 0
        self.readonly_fsyncs = 0

    def hold_open(self, path: Path, times: int = -1) -> None:
        """Word opens ``path``: replacing it fails ``times`` times (-1: until released)."""
        self.held[_key(path)] = times

    def release(self, path: Path) -> None:
        self.held.pop(_key(path), None)

    # --- the patched functions ---------------------------------------------------------------

    def fsync(self, real: Any) -> Any:
        def fsync(fd: Any) -> None:
            fileno = fd if isinstance(fd, int) else fd.fileno()
            if fcntl.fcntl(fileno, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
                self.readonly_fsyncs += 1
                raise OSError(errno.EBADF, "Bad file descriptor")
            real(fileno)

        return fsync

    def kill(self, real: Any) -> Any:
        def kill(pid: int, sig: int) -> None:
            # psutil's Linux backend checks this way; on Windows psutil has its own (OpenProcess)
            from_psutil = sys._getframe(1).f_globals.get("__name__", "").startswith("psutil")
            if sig == 0 and not from_psutil:  # CTRL_C_EVENT: GenerateConsoleCtrlEvent, no check
                self.kill_zero_calls += 1
                exc = OSError(errno.EINVAL, "The parameter is incorrect")
                exc.winerror = INVALID_PARAMETER  # type: ignore[attr-defined]
                raise exc
            real(pid, sig)

        return kill

    def replace(self, real: Any) -> Any:
        def replace(src: Any, dst: Any, **kwargs: Any) -> None:
            target = _same_name_any_case(Path(os.fspath(dst)))
            left = self.held.get(_key(target))
            if left is not None and left != 0:
                if left > 0:
                    self.held[_key(target)] = left - 1
                self.refused_replaces.append(target)
                exc = PermissionError(
                    errno.EACCES,
                    "The process cannot access the file because it is being used by another process",
                    os.fspath(src), None, os.fspath(target),
                )
                exc.winerror = SHARING_VIOLATION  # type: ignore[attr-defined]
                raise exc
            real(src, target, **kwargs)

        return replace

    def popen_init(self, real: Any) -> Any:
        rules = self

        def __init__(popen: Any, *args: Any, **kwargs: Any) -> None:
            for name in ("start_new_session", "preexec_fn", "process_group"):
                if kwargs.pop(name, None):
                    rules.ignored_popen_args.append(name)  # Windows: silently no effect
            kwargs.pop("creationflags", None)  # a Windows flag; Linux refuses a non-zero one
            real(popen, *args, **kwargs)

        return __init__


def _key(path: Path) -> str:
    return os.path.abspath(os.fspath(path)).casefold()


def _same_name_any_case(path: Path) -> Path:
    """The file NTFS would open for ``path``: an existing one whose name differs only in case."""
    if path.exists():
        return path
    try:
        for sibling in path.parent.iterdir():
            if sibling.name.casefold() == path.name.casefold():
                return sibling
    except OSError:
        pass
    return path


def install(monkeypatch: pytest.MonkeyPatch) -> WindowsRules:
    from levensloop_docs import platform_os

    rules = WindowsRules()
    monkeypatch.setattr(os, "fsync", rules.fsync(os.fsync))
    monkeypatch.setattr(os, "kill", rules.kill(os.kill))
    monkeypatch.setattr(os, "replace", rules.replace(os.replace))
    monkeypatch.setattr(subprocess.Popen, "__init__", rules.popen_init(subprocess.Popen.__init__))
    for name in ("killpg", "setsid", "getuid", "geteuid", "getpgid"):
        monkeypatch.delattr(os, name, raising=False)
    monkeypatch.setattr(platform_os, "WINDOWS", True)
    return rules
