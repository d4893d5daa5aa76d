"""One private temporary folder per run, for everything a run writes outside its output.

LibreOffice profiles, the intermediate DOCX and PDF files of a PDF (a complete plan:
personal data) and LibreOffice's own temporary files (its ``TMPDIR``) all go into
``levensloop-run-PID-xxxx`` in the system's temporary folder, created 0700 on first use.
It is removed when the run ends, however it ends:

- normally, or after an error or Ctrl-C: by ``cleanup()`` (the CLI edge and the batch
  call it; ``atexit`` as a last resort);
- after ``kill -9``: by a guard process (``_guard.py``, in a process group of its own) that
  notices that the pipe from its parent has closed;
- and if even that did not happen (a reboot, a killed guard): the next run removes the
  folders of runs whose process is gone (``sweep``).

Batch workers are handed the folder (``adopt``) and never remove it.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from levensloop_docs.platform_os import lo_socket_dir, own_group, owned_by_me
from levensloop_docs.process import alive

PREFIX = "levensloop-run-"
GUARD = Path(__file__).with_name("_guard.py")


@dataclass
class _Owned:
    pid: int
    path: Path
    guard: subprocess.Popen[bytes] | None


_owned: _Owned | None = None
_adopted: Path | None = None  # in a batch worker: the folder of the batch


def guard_command(*args: str) -> list[str]:
    """``python -I _guard.py ARGS``: the guard needs only the standard library."""
    return [sys.executable, "-I", str(GUARD), *args]


def run_tmp() -> Path:
    """This run's private temporary folder (created on first use)."""
    global _owned
    if _owned is not None and _owned.pid == os.getpid() and _owned.path.is_dir():
        return _owned.path
    if _adopted is not None and _adopted.is_dir():
        return _adopted
    base = Path(tempfile.gettempdir())
    sweep(base)
    path = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=base))  # mode 0700
    guard = None
    with contextlib.suppress(OSError):  # without a guard, cleanup() and the next sweep still work
        guard = subprocess.Popen(
            guard_command("--remove", str(path), "--settle", "2"),
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            **own_group(),  # Ctrl-C in the console must not reach the guard before it cleaned up
        )
    _owned = _Owned(os.getpid(), path, guard)
    atexit.register(cleanup)
    return path


def owns_folder() -> bool:
    """Has this process made a folder that is still there to clean up?"""
    return _owned is not None and _owned.pid == os.getpid()


def cleanup() -> None:
    """Remove the folder this process made (a worker's call does nothing)."""
    global _owned
    owned = _owned
    if owned is None or owned.pid != os.getpid():
        return
    _owned = None
    shutil.rmtree(owned.path, ignore_errors=True)
    if owned.guard is not None:
        if owned.guard.stdin is not None:
            with contextlib.suppress(OSError):
                owned.guard.stdin.write(b"done\n")  # an orderly end: no need to wait and look again
                owned.guard.stdin.close()  # the guard ends; the folder is already gone
        with contextlib.suppress(subprocess.TimeoutExpired):
            owned.guard.wait(timeout=5)


def adopt(path: Path | None) -> None:
    """In a batch worker: use the batch's folder, and let go of what a fork copied.

    A forked worker holds a copy of the parent's end of the guard's pipe; closing it here
    means a worker that outlives a killed parent does not keep the guard waiting.
    """
    global _owned, _adopted
    owned = _owned
    if owned is not None and owned.pid != os.getpid():
        _owned = None
        if owned.guard is not None and owned.guard.stdin is not None:
            with contextlib.suppress(OSError):
                owned.guard.stdin.close()
    _adopted = path


@contextlib.contextmanager
def private_run() -> Iterator[None]:
    """Around a whole run: folders of dead runs are swept, the one made during it removed at its end."""
    made_here = not owns_folder() and _adopted is None
    if made_here:
        sweep(Path(tempfile.gettempdir()))
    try:
        yield
    finally:
        if made_here:
            cleanup()


def _stale(path: Path, pid: str) -> bool:
    return pid.isdigit() and owned_by_me(path) and not alive(int(pid))


def sweep(base: Path) -> list[Path]:
    """Remove what earlier runs (of this user) whose process is gone left behind.

    Their private folders, and the sockets LibreOffice makes in /tmp for our converters
    (``OSL_PIPE_UID_levensloop-PID-xxxx``), which a killed LibreOffice cannot remove.
    """
    removed = []
    with contextlib.suppress(OSError):
        for folder in base.glob(f"{PREFIX}*"):
            with contextlib.suppress(OSError):
                if _stale(folder, folder.name[len(PREFIX):].partition("-")[0]):
                    shutil.rmtree(folder, ignore_errors=True)
                    removed.append(folder)
    sockets = lo_socket_dir()  # None on Windows: LibreOffice uses a named pipe there
    if sockets is None:
        return removed
    with contextlib.suppress(OSError):
        for socket in sockets.glob("OSL_PIPE_*_levensloop-*"):
            with contextlib.suppress(OSError):
                if _stale(socket, socket.name.partition("_levensloop-")[2].partition("-")[0]):
                    socket.unlink()
                    removed.append(socket)
    return removed
