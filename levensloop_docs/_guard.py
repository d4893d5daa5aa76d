"""A guard that cleans up after a run, even after ``kill -9`` of that run.

This file runs as a script under the same Python, with the standard library, psutil and the
sibling ``platform_os.py`` (loaded by path, not through the package) only::

    python -I _guard.py --remove PATH [--remove PATH ...] [-- PROGRAM ARGS...]

Its parent starts it in a process group of its own (so killing the parent's process group,
or Ctrl-C in the console, does not reach it) with stdin a pipe. When the parent closes the
pipe, or dies in any way (the kernel then closes the pipe for it), stdin ends. Then the guard
kills PROGRAM's process group and every group named on stdin (``kill PGID`` lines),
removes each PATH (a folder or a file), and exits. After a death (no ``done`` line
first) it removes the paths again for ``--settle`` seconds, as dying processes may still
write into them.

With a PROGRAM, the guard starts it in a new process group (on Windows also in a Job Object
that kills it, with ``soffice.bin`` behind ``soffice.exe``, when the guard dies), prints its
process id (= its process group) on stdout, and also ends, cleaning up the same way, when
PROGRAM ends by itself: so the parent can watch the guard as if it were PROGRAM.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import threading
import time
from types import ModuleType


def _load_platform() -> ModuleType:
    """``platform_os.py`` beside this file, without importing the package (``python -I``)."""
    spec = importlib.util.spec_from_file_location(
        "_levensloop_platform_os", os.path.join(os.path.dirname(os.path.abspath(__file__)), "platform_os.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


platform_os = _load_platform()
_groups: set[int] = set()
_lock = threading.Lock()


def _kill_groups() -> None:
    with _lock:
        groups = sorted(_groups)
    for pgid in groups:
        platform_os.kill_group(pgid)  # Windows: no groups; the program and what it started


def _remove(paths: list[str], settle: float) -> None:
    """Remove the paths; again after a moment, in case a dying process still wrote into one."""
    deadline = time.monotonic() + settle
    while True:
        for path in paths:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(path)
        if time.monotonic() >= deadline:
            break
        time.sleep(0.2)


_orderly = threading.Event()  # the parent said "done": it ended normally, nothing is still writing


def _watch_stdin(done: threading.Event) -> None:
    """Read ``kill PGID`` and ``done`` lines until stdin ends (the parent closed it or died)."""
    for line in sys.stdin:
        word, _sep, value = line.strip().partition(" ")
        if word == "kill" and value.isdigit():
            with _lock:
                _groups.add(int(value))
        elif word == "done":
            _orderly.set()
    done.set()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--remove", action="append", default=[])
    parser.add_argument("--settle", type=float, default=0.0)
    parser.add_argument("program", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    program = [a for a in args.program if a != "--"] if args.program else []
    ended = threading.Event()
    threading.Thread(target=_watch_stdin, args=(ended,), daemon=True).start()
    child = None
    job = platform_os.KillOnClose()  # held until the guard ends, however it ends
    if program:
        try:
            child = subprocess.Popen(
                program, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, **platform_os.own_group(),
            )
        except OSError:
            print(0, flush=True)
            _remove(args.remove, 0)
            sys.exit(1)
        job.add(child.pid)
        with _lock:
            _groups.add(child.pid)
        print(child.pid, flush=True)
    while not ended.wait(0.2 if child is not None else None):
        if child is not None and child.poll() is not None:
            break  # PROGRAM ended by itself: clean up and end, so the parent sees it
    _kill_groups()
    if child is not None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            child.wait(timeout=10)
    _remove(args.remove, 0 if _orderly.is_set() else args.settle)


if __name__ == "__main__":
    main()
