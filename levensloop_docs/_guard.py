"""A guard that cleans up after a run, even after ``kill -9`` of that run.

This file runs as a script under the same Python, with the standard library only::

    python -I _guard.py --remove PATH [--remove PATH ...] [-- PROGRAM ARGS...]

Its parent starts it in a session of its own (so killing the parent's process group does
not reach it) with stdin a pipe. When the parent closes the pipe, or dies in any way (the
kernel then closes the pipe for it), stdin ends. Then the guard
kills PROGRAM's process group and every group named on stdin (``kill PGID`` lines),
removes each PATH (a folder or a file), and exits. After a death (no ``done`` line
first) it removes the paths again for ``--settle`` seconds, as dying processes may still
write into them.

With a PROGRAM, the guard starts it in a new session, prints its process id (= its process
group) on stdout, and also ends, cleaning up the same way, when PROGRAM ends by itself: so
the parent can watch the guard as if it were PROGRAM.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

_groups: set[int] = set()
_lock = threading.Lock()


def _kill_groups() -> None:
    with _lock:
        groups = sorted(_groups)
    for pgid in groups:
        with contextlib.suppress(OSError):
            if hasattr(os, "killpg"):
                os.killpg(pgid, signal.SIGKILL)
            else:  # Windows: no process groups; the program itself
                os.kill(pgid, signal.SIGTERM)


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
    if program:
        try:
            child = subprocess.Popen(
                program, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True,
            )
        except OSError:
            print(0, flush=True)
            _remove(args.remove, 0)
            sys.exit(1)
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
