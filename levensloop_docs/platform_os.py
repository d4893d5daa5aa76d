"""The one place that knows POSIX from Windows (and macOS): processes, groups, owners, locks.

Every other module asks here instead of calling ``os.kill``, ``os.killpg``, ``fcntl``,
``os.getuid``, ``start_new_session`` or ``/tmp`` paths itself (``tests/test_portability_static.py``
holds that). The differences this hides:

- *Is a process alive?* ``os.kill(pid, 0)`` checks on POSIX but sends Ctrl-C on Windows
  (``signal.CTRL_C_EVENT == 0``); ``psutil.pid_exists`` is right on both.
- *A child in a group of its own*, so Ctrl-C in the console does not reach it and it can be
  killed as a whole: a new session on POSIX, ``CREATE_NEW_PROCESS_GROUP`` on Windows.
- *Kill a program and everything it started*: ``killpg`` on POSIX; on Windows the tree
  (``soffice.exe`` is a launcher, ``soffice.bin`` does the work) via psutil, and a Job Object
  that kills the tree when the process holding it dies in any way.
- *Whose is this file?* The uid on POSIX; on Windows the ACL decides, so every file counts
  as ours.

``_guard.py`` loads this file by path and runs with the standard library plus psutil, so
nothing here may import the rest of the package.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

WINDOWS = os.name == "nt"
LINUX = sys.platform.startswith("linux")
MACOS = sys.platform == "darwin"

# errors of a file held open by another program (Word, OneDrive, a virus scanner): Windows only
SHARING_VIOLATION = 32
ACCESS_DENIED = 5


def alive(pid: int) -> bool:
    """True while process ``pid`` exists (also when it belongs to someone else)."""
    if pid <= 0:
        return False
    import psutil

    try:
        if not psutil.pid_exists(pid):
            return False
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except psutil.AccessDenied:
        return True


def own_group() -> dict[str, Any]:
    """``subprocess.Popen`` arguments that start a child in a process group of its own."""
    if WINDOWS:
        return {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0x200)}
    return {"start_new_session": True}


def kill_tree(pid: int) -> None:
    """Kill process ``pid`` and every process it started (children first found, then killed)."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [*root.children(recursive=True), root]
    except psutil.Error:
        return
    for proc in procs:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(procs, timeout=5)


def kill_group(leader: int) -> None:
    """Kill the group that ``leader`` started with ``own_group()``, or its tree where there are no groups."""
    if hasattr(os, "killpg") and not WINDOWS:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(leader, signal.SIGKILL)
        return
    kill_tree(leader)


def user_id() -> str | None:
    """The numeric user id on POSIX; ``None`` on Windows (there the folder's ACL decides)."""
    getuid = getattr(os, "getuid", None)
    return str(getuid()) if getuid is not None else None


def owned_by_me(path: Path) -> bool:
    """Did this user make ``path``? On Windows every file in the user's own temp folder counts as yours."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or path.lstat().st_uid == getuid()


def owner_name(uid: int) -> str | None:
    """The account name of file owner ``uid`` (its number when unknown); ``None`` on Windows."""
    try:
        import pwd
    except ImportError:
        return None
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def lo_socket_dir() -> Path | None:
    """Where LibreOffice puts the socket of ``--accept=pipe`` (fixed in its code); Windows: a named pipe."""
    return None if WINDOWS else Path("/tmp")


def lo_pipe_socket(pipe: str) -> str | None:
    """The socket file of LibreOffice pipe ``pipe``, to remove after a crash; ``None`` on Windows."""
    folder = lo_socket_dir()
    if folder is None:
        return None
    return str(folder / f"OSL_PIPE_{user_id() or 0}_{pipe}")


def registered_programs(exe: str) -> list[Path]:
    """Windows: where the registry says ``exe`` is (App Paths; LibreOffice's own UNO key).

    The installer registers ``soffice.exe`` under App Paths, per machine or per user; an
    empty list elsewhere or when nothing is registered.
    """
    if not WINDOWS:
        return []
    try:  # through importlib: the typing stubs hide winreg off Windows, tests put a fake one in
        winreg: Any = importlib.import_module("winreg")
    except ImportError:
        return []
    found: list[Path] = []
    app_paths = rf"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\{exe}"
    keys = [(winreg.HKEY_LOCAL_MACHINE, app_paths, ""), (winreg.HKEY_CURRENT_USER, app_paths, "")]
    if exe.casefold() == "soffice.exe":
        for node in ("", "WOW6432Node\\"):
            keys.append((winreg.HKEY_LOCAL_MACHINE, rf"SOFTWARE\{node}LibreOffice\UNO\InstallPath", ""))
    for hive, key, value in keys:
        with contextlib.suppress(OSError):
            with winreg.OpenKey(hive, key) as handle:
                text = str(winreg.QueryValueEx(handle, value)[0]).strip('"')
            path = Path(text)
            found.append(path if path.suffix.casefold() == ".exe" else path / exe)
    return found


def usable_cores() -> int:
    """The cores this process may run on (a container's limit on Linux, else all)."""
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity is not None else (os.cpu_count() or 1)


def change_stamp(stat: os.stat_result) -> int | None:
    """When the file last changed in any way (content, times, rename), as no program can set it
    back: POSIX ctime. ``None`` on Windows, where ``st_ctime`` is when the file was created."""
    return None if WINDOWS else stat.st_ctime_ns


def die_with_parent() -> bool:
    """Linux: let the kernel kill this process when its parent dies (PR_SET_PDEATHSIG).

    False where that is not possible (macOS, Windows); there the guard's pipe still tells.
    """
    if not LINUX:
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return False
    return True


def try_lock(fd: int) -> bool:
    """An exclusive lock on an open file without waiting: True when taken, False when another
    process holds it. Released when the file is closed (or its process dies)."""
    try:
        import fcntl
    except ImportError:
        return _try_lock_windows(fd)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _try_lock_windows(fd: int) -> bool:
    # msvcrt locks a byte range from the current position, mandatory and per handle: lock
    # byte 0 (a range past the end of an empty file is allowed)
    import msvcrt

    os.lseek(fd, 0, os.SEEK_SET)
    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
    except OSError:
        return False
    return True


def on_hangup(handler: Any) -> None:
    """Call ``handler`` when the terminal closes (SIGHUP); Windows has no such signal."""
    sighup = getattr(signal, "SIGHUP", None)
    if sighup is not None:
        signal.signal(sighup, handler)


def file_in_use(exc: OSError) -> bool:
    """Does ``exc`` say another program holds the file open (Word on Windows)?"""
    return getattr(exc, "winerror", None) in (SHARING_VIOLATION, ACCESS_DENIED)


class KillOnClose:
    """Windows: a Job Object that kills every process in it when its last handle closes.

    The guard holds it: when the guard dies in any way, Windows closes the handle and
    LibreOffice (launcher and ``soffice.bin``) goes too. On POSIX this does nothing; the
    process group and the guard's pipe do the same there.
    """

    def __init__(self) -> None:
        self._handle: int | None = None
        if WINDOWS:
            with contextlib.suppress(OSError, AttributeError):
                self._handle = _new_kill_on_close_job()

    def add(self, pid: int) -> bool:
        if self._handle is None:
            return False
        try:
            return _assign_to_job(self._handle, pid)
        except (OSError, AttributeError):
            return False


def _new_kill_on_close_job() -> int | None:  # pragma: no cover - Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]

    class _Basic(ctypes.Structure):
        _fields_ = [
            ("PerProcessUserTimeLimit", ctypes.c_int64), ("PerJobUserTimeLimit", ctypes.c_int64),
            ("LimitFlags", wintypes.DWORD), ("MinimumWorkingSetSize", ctypes.c_size_t),
            ("MaximumWorkingSetSize", ctypes.c_size_t), ("ActiveProcessLimit", wintypes.DWORD),
            ("Affinity", ctypes.c_size_t), ("PriorityClass", wintypes.DWORD),
            ("SchedulingClass", wintypes.DWORD),
        ]

    class _Io(ctypes.Structure):
        _fields_ = [(name, ctypes.c_uint64) for name in (
            "ReadOperationCount", "WriteOperationCount", "OtherOperationCount",
            "ReadTransferCount", "WriteTransferCount", "OtherTransferCount")]

    class _Extended(ctypes.Structure):
        _fields_ = [
            ("BasicLimitInformation", _Basic), ("IoInfo", _Io),
            ("ProcessMemoryLimit", ctypes.c_size_t), ("JobMemoryLimit", ctypes.c_size_t),
            ("PeakProcessMemoryUsed", ctypes.c_size_t), ("PeakJobMemoryUsed", ctypes.c_size_t),
        ]

    kernel32.CreateJobObjectW.restype = wintypes.HANDLE
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        return None
    info = _Extended()
    info.BasicLimitInformation.LimitFlags = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    extended_limit_information = 9
    if not kernel32.SetInformationJobObject(
        job, extended_limit_information, ctypes.byref(info), ctypes.sizeof(info)
    ):
        kernel32.CloseHandle(job)
        return None
    return int(job)


def _assign_to_job(job: int, pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
    process_all_access = 0x1F0FFF
    handle = kernel32.OpenProcess(process_all_access, False, pid)
    if not handle:
        return False
    try:
        return bool(kernel32.AssignProcessToJobObject(job, handle))
    finally:
        kernel32.CloseHandle(handle)
