"""A lock file beside a case: who edits it, since when.

``.CASE.yaml.lock`` names user@host, the process id and the start time; it lives beside
the case, so it also works in a team folder (network share, OneDrive). A second
interview is told who is editing. Three kinds of lock held by someone else:

- dead here (``dead_here``): same host, the process is gone (a kill, a crash). Every
  interview takes it over, with or without an answers file, and says so.
- live (``live``): the process runs on this host, or the lock is fresh (younger than
  ``STALE_AFTER``) and from another host, where we cannot see the process. Never taken
  over: not with one keystroke, not by an answers file.
- old (older than ``STALE_AFTER``, another host): a person may take it over after a
  question; an answers file only with ``vergrendeling_overnemen: ja``.

The session that lost its lock notices at its next answer (``CaseLock.held``): from then
on its answers go to a draft of its own, which the next ``bewerk`` offers, and it cannot
save (interview/session.py).
Creation uses O_EXCL, so two editors cannot both get the lock, also
on a shared drive that honours it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from levensloop_docs.errors import ConflictError
from levensloop_docs.i18n import _, format_date
from levensloop_docs.process import alive

STALE_AFTER = timedelta(hours=12)


def lock_path(case_path: Path) -> Path:
    return case_path.with_name(f".{case_path.name}.lock")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        from levensloop_docs.platform_os import user_id

        return user_id() or "?"


@dataclass(frozen=True)
class LockInfo:
    user: str
    host: str
    pid: int
    since: datetime

    @classmethod
    def mine(cls) -> LockInfo:
        return cls(_user(), socket.gethostname(), os.getpid(), datetime.now().replace(microsecond=0))

    def who(self) -> str:
        return f"{self.user}@{self.host}"

    def when(self) -> str:
        return f"{format_date(self.since.date())} {self.since:%H:%M}"

    def stale(self, now: datetime | None = None) -> bool:
        """Dead here, or old: no running session is known to hold it."""
        return self.dead_here() or self.old(now)

    def dead_here(self) -> bool:
        """Made on this computer by a process that no longer runs (liveness via ``process.alive``)."""
        return self.host == socket.gethostname() and not alive(self.pid)

    def old(self, now: datetime | None = None) -> bool:
        return (now or datetime.now()) - self.since > STALE_AFTER

    def live(self) -> bool:
        """A session that may still run: never taken over."""
        return not self.stale()

    def dumps(self) -> str:
        data = {"wie": self.user, "host": self.host, "pid": self.pid, "sinds": self.since.isoformat()}
        return json.dumps(data) + "\n"


def read_lock(case_path: Path) -> LockInfo | None:
    """The current lock, if any; an unreadable lock file counts as an old, stale lock."""
    path = lock_path(case_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(
            str(data["wie"]), str(data["host"]), int(data["pid"]), datetime.fromisoformat(data["sinds"])
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockInfo("?", "?", 0, datetime.min)


class CaseLock:
    """Held while an interview edits a case; release() removes it (only if it is ours)."""

    def __init__(self, case_path: Path, info: LockInfo) -> None:
        self.case_path = case_path
        self.info = info

    @classmethod
    def acquire(cls, case_path: Path, take_over: Callable[[LockInfo], bool]) -> CaseLock:
        """Take the lock; someone else's only if ``take_over(info)`` agrees, else ConflictError.

        ``take_over`` decides for stale and live locks alike (``info.stale()`` tells which):
        a live session that loses its lock cannot save over us, the digest check refuses it.
        """
        for _attempt in range(2):
            mine = LockInfo.mine()
            try:
                fd = os.open(lock_path(case_path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                other = read_lock(case_path)
                if other is None:
                    continue
                if not take_over(other):
                    raise _busy(case_path, other) from None
                with contextlib.suppress(FileNotFoundError):
                    lock_path(case_path).unlink()
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(mine.dumps())
            return cls(case_path, mine)
        raise _busy(case_path, read_lock(case_path) or LockInfo.mine())

    def held(self) -> bool:
        """Still ours? False once another session took the case over (its lock replaced ours)."""
        return read_lock(self.case_path) == self.info

    def release(self) -> None:
        current = read_lock(self.case_path)
        if current is not None and current.pid == self.info.pid and current.host == self.info.host:
            with contextlib.suppress(FileNotFoundError):
                lock_path(self.case_path).unlink()


def _busy(case_path: Path, other: LockInfo) -> ConflictError:
    msg = _("{file} is being edited by {who} since {since}.").format(
        file=case_path.name, who=other.who(), since=other.when()
    )
    if other.host == socket.gethostname() and other.live():
        hint = _("That session still runs on this computer (process {pid}). Finish it there, or stop it "
                 "with Ctrl-C: its answers stay in the draft, and this command can then go on.")
        return ConflictError(msg, hint=hint.format(pid=other.pid))
    hint = _("Wait until that session is done. Was that computer switched off or did it hang? Then this "
             "lock can be taken over after {hours} hours, or earlier by typing 'overnemen' when asked.")
    return ConflictError(msg, hint=hint.format(hours=int(STALE_AFTER.total_seconds() // 3600)))
