"""A real terminal of a given size for tests: pexpect drives the program, pyte draws the screen.

``Terminal.expect`` waits until a text is on the screen as a person would see it (not
merely somewhere in the byte stream), so a test can also assert what is NOT visible,
or how many columns an answer line gets.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pexpect
import pyte

ROOT = Path(__file__).resolve().parent.parent
_APP_STARTS, _APP_ENDS = "\x1b[?2004h", "\x1b[?2004l"


class Terminal:
    def __init__(self, cwd: Path, *args: str, rows: int = 24, cols: int = 80) -> None:
        # The pty does not answer cursor-position requests; without this each prompt waits for one.
        env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "PYTHONPATH": str(ROOT)}
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        command = ["-m", "levensloop_docs", *args]
        self.child = pexpect.spawn(sys.executable, command, encoding="utf-8", timeout=20,
                                   dimensions=(rows, cols), env=env, cwd=str(cwd))
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.Stream(self.screen)
        self.log: list[str] = []
        self.raw = ""
        self._sent_at = 0  # length of ``raw`` when keys were last sent

    def _pump(self, wait: float) -> None:
        try:
            data = self.child.read_nonblocking(100_000, timeout=wait)
        except pexpect.TIMEOUT:
            return
        except pexpect.EOF:
            raise
        self.log.append(data)
        self.raw += data
        self.stream.feed(data)

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def expect(self, wanted: str, timeout: float = 20) -> str:
        """Wait until ``wanted`` is on the screen; return the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if wanted in self.text():
                return self.text()
            try:
                self._pump(0.1)
            except pexpect.EOF:
                break
        raise AssertionError(f"not on the screen: {wanted!r}\n--- screen ---\n{self.text()}")

    def settle(self, quiet: float = 0.3) -> str:
        """Read until nothing new comes for ``quiet`` seconds; return the screen."""
        while True:
            before = len(self.log)
            try:
                self._pump(quiet)
            except pexpect.EOF:
                return self.text()
            if len(self.log) == before:
                return self.text()

    def send(self, keys: str) -> None:
        self.child.send(keys)
        self._sent_at = len(self.raw)

    def answer(self, keys: str, timeout: float = 30) -> None:
        """Send ``keys`` to the next prompt, once it is drawn and reads keys.

        Keys typed between two prompts are not safe in a real terminal (the line is in
        cooked mode then), so wait until a prompt started after the last keys: a
        prompt_toolkit application switches bracketed paste on when it starts and off
        when it ends.
        """
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            started = self.raw.rfind(_APP_STARTS)
            if started >= self._sent_at and started > self.raw.rfind(_APP_ENDS):
                self.send(keys)
                return
            self._pump(0.05)
        raise AssertionError(f"no prompt came for {keys!r}\n--- screen ---\n{self.text()}")

    def finish(self, timeout: float = 30) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                self._pump(0.2)
            except pexpect.EOF:
                break
        self.child.close()
        return int(self.child.exitstatus if self.child.exitstatus is not None else -1)
