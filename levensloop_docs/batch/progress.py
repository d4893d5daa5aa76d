"""Progress of a batch: a rich bar with ETA on a terminal, plain lines otherwise.

Lines (a log file, CI, a pipe) never contain carriage returns or colour codes: one line
at every tenth of the work, so a log of 2,000 cases stays short.
"""

from __future__ import annotations

import sys
from typing import IO, Any, Protocol

from levensloop_docs.i18n import _


class Progress(Protocol):
    def start(self, total: int, label: str) -> None: ...
    def advance(self) -> None: ...
    def stop(self) -> None: ...


class LineProgress:
    def __init__(self, stream: IO[str] | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = self.done = self.next_mark = 0
        self.label = ""

    def start(self, total: int, label: str) -> None:
        self.total, self.done, self.next_mark, self.label = total, 0, 1, label

    def advance(self) -> None:
        self.done += 1
        if self.total and self.done * 10 >= self.next_mark * self.total:
            while self.done * 10 >= self.next_mark * self.total:
                self.next_mark += 1
            line = _("{label}: {done} of {total} cases ({percent}%)").format(
                label=self.label, done=self.done, total=self.total,
                percent=self.done * 100 // self.total,
            )
            print(line, file=self.stream, flush=True)

    def stop(self) -> None:
        return None


class BarProgress:
    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TextColumn(_("left")), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._task: Any = None

    def start(self, total: int, label: str) -> None:
        self._bar.start()
        self._task = self._bar.add_task(label, total=total)

    def advance(self) -> None:
        self._bar.advance(self._task)

    def stop(self) -> None:
        self._bar.stop()


def for_terminal() -> Progress:
    return BarProgress() if sys.stderr.isatty() else LineProgress()
