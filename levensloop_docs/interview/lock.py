"""A lock file beside a case: who edits it, since when.

``.CASE.yaml.lock`` names user@host, the process id and the start time. A second
``bewerk`` is told who is editing. A lock is stale when its process is gone (same
host) or when it is older than ``STALE_AFTER``. A person may take over any lock after
a question (worded for a stale or a live one); an answers file never takes a live one.
The session that lost its lock notices at its next answer (``CaseLock.held``): from then
on its answers go to a draft of its own and it cannot save (interview/session.py).
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
        now = now or datetime.now()
        if now - self.since > STALE_AFTER:
            return True
        return self.host == socket.gethostname() and not alive(self.pid)

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
    hint = _("Wait until they are done, or run 'levensloop bewerk {file}' in a terminal: it offers "
             "to take the case over.")
    return ConflictError(msg, hint=hint.format(file=case_path.name))
