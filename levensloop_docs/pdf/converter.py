"""One persistent LibreOffice that turns DOCX into PDF, document after document.

Starting LibreOffice costs more than a second; converting a document in a running one
costs a fraction of that. A ``Converter`` starts ``soffice`` once (its own throwaway
profile folder in the run's private temporary folder, so two runs never collide), under a
guard process that ends it when this process ends, even by ``kill -9`` (``_guard.py``),
plus a small bridge process that talks to it over UNO (``_unobridge.py``). Each document
gets a timeout; when LibreOffice hangs or dies, both processes are killed, started again,
and the document is tried once more.

API (also for batch workers in other processes)::

    with Converter(timeout=120) as conv:          # one per process or thread
        conv.convert(Path("a.docx"), Path("a.pdf"), pdf_a=False)

    failures = convert_many([(src, target), ...], workers=os.cpu_count(), pdf_a=False)
    # -> {target: ConversionError} for the documents that failed; the rest are written

``convert`` writes the raw LibreOffice PDF (tagged; PDF/A-2b with ``pdf_a``). The
metadata step (``levensloop_docs.pdf.metadata``) comes after.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from levensloop_docs.errors import ConversionError
from levensloop_docs.i18n import _
from levensloop_docs.pdf.locate import require_soffice, require_uno_python
from levensloop_docs.platform_os import kill_group, lo_pipe_socket, own_group
from levensloop_docs.runtmp import guard_command, run_tmp

DEFAULT_TIMEOUT = 120.0  # seconds per document; a large plan converts in a few
DEFAULT_START_TIMEOUT = 60.0
BRIDGE = Path(__file__).with_name("_unobridge.py")


def filter_options(pdf_a: bool) -> dict[str, Any]:
    """writer_pdf_Export options: tagged (accessible) always; PDF/A-2b on request."""
    options: dict[str, Any] = {"UseTaggedPDF": True, "ExportBookmarks": True, "ExportNotes": False}
    if pdf_a:
        options["SelectPdfVersion"] = 2  # 2 = PDF/A-2b
    return options


class _Hang(Exception):
    """LibreOffice or the bridge did not answer in time, or died."""


class Converter:
    """A running LibreOffice plus its UNO bridge; ``close()`` stops both and removes the profile."""

    def __init__(
        self,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        start_timeout: float = DEFAULT_START_TIMEOUT,
        soffice: Path | None = None,
        uno_python: str | None = None,
    ) -> None:
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.soffice = soffice or require_soffice()
        self.uno_python = uno_python or require_uno_python(self.soffice)
        self._office: subprocess.Popen[str] | None = None  # the guard that runs soffice
        self._office_group: int | None = None
        self._bridge: subprocess.Popen[str] | None = None
        self._answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self._profile: Path | None = None
        self.starts = 0

    def __enter__(self) -> Converter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def office_pid(self) -> int | None:
        """Process (group) id of soffice, for tests that simulate a hang."""
        return self._office_group

    def convert(self, src: Path, target: Path, *, pdf_a: bool = False) -> None:
        """Write ``src`` (DOCX) as PDF to ``target``; retry once after a restart."""
        try:
            self._attempt(src, target, pdf_a)
            return
        except _Hang:
            self._stop()
        try:
            self._attempt(src, target, pdf_a)
        except _Hang as exc:
            self._stop()
            raise self._error(target, str(exc)) from None

    def _error(self, target: Path, reason: str) -> ConversionError:
        if reason == "timeout":
            msg = _("LibreOffice did not finish {file} within {seconds} seconds, also not after a restart.")
            return ConversionError(
                msg.format(file=target.name, seconds=round(self.timeout)),
                hint=_("LibreOffice was stopped. Open the DOCX in Word or LibreOffice to check it, "
                       "or run 'levensloop doctor'."),
            )
        if reason == "start":
            msg = _("LibreOffice did not start within {seconds} seconds, so {file} was not made.")
            return ConversionError(
                msg.format(file=target.name, seconds=round(self.start_timeout)),
                hint=_("Run 'levensloop doctor' to see what is wrong with LibreOffice."),
            )
        return ConversionError(
            _("LibreOffice could not turn {file} into PDF.").format(file=target.name),
            hint=_("Open the DOCX in Word or LibreOffice to check it, or run 'levensloop doctor'."),
        )

    def _attempt(self, src: Path, target: Path, pdf_a: bool) -> None:
        if not self._alive():
            self._start()
        assert self._bridge is not None and self._bridge.stdin is not None
        request = {"src": str(src.resolve()), "dst": str(target.resolve()), "filter": filter_options(pdf_a)}
        try:
            self._bridge.stdin.write(json.dumps(request) + "\n")
            self._bridge.stdin.flush()
        except OSError:
            raise _Hang("died") from None
        answer = self._wait(self.timeout, "timeout")
        if not answer.get("ok") or not target.exists():
            raise _Hang("failed")

    def _alive(self) -> bool:
        procs = (self._office, self._bridge)
        return all(p is not None and p.poll() is None for p in procs)

    def _start(self) -> None:
        self._stop()
        self.starts += 1
        self._profile = Path(tempfile.mkdtemp(prefix="libreoffice-", dir=run_tmp()))
        (self._profile / "tmp").mkdir()
        pipe = f"levensloop-{os.getpid()}-{secrets.token_hex(6)}"
        office = [
            str(self.soffice), "--headless", "--invisible", "--nologo", "--norestore",
            "--nodefault", "--nolockcheck", f"-env:UserInstallation={self._profile.as_uri()}",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ]
        # soffice runs under a guard in a process group of its own (so a hang is killed as a whole);
        # the guard kills it and removes the profile when this process ends, even by kill -9.
        # LibreOffice's own temporary files (lu*.tmp) go into the profile, not into /tmp.
        self._office = subprocess.Popen(
            guard_command(*_removals(self._profile, pipe), "--", *office),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", **own_group(),
            env={**os.environ, "TMPDIR": str(self._profile / "tmp"), "TMP": str(self._profile / "tmp"),
                 "TEMP": str(self._profile / "tmp")},
        )
        assert self._office.stdout is not None
        first = self._office.stdout.readline().strip()
        self._office_group = int(first) if first.isdigit() and first != "0" else None
        if self._office_group is None:
            raise _Hang("start")
        self._bridge = subprocess.Popen(
            [self.uno_python, str(BRIDGE), pipe, str(self.start_timeout)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, encoding="utf-8", **own_group(),
        )
        self._tell_guard(f"kill {self._bridge.pid}")
        self._answers = queue.Queue()
        assert self._bridge.stdout is not None
        threading.Thread(target=_read_lines, args=(self._bridge.stdout, self._answers), daemon=True).start()
        self._wait(self.start_timeout + 5, "start")

    def _tell_guard(self, line: str) -> None:
        if self._office is not None and self._office.stdin is not None:
            with contextlib.suppress(OSError, ValueError):
                self._office.stdin.write(line + "\n")
                self._office.stdin.flush()

    def _wait(self, timeout: float, reason: str) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                answer = self._answers.get(timeout=min(1.0, max(0.0, deadline - time.monotonic())))
            except queue.Empty:
                if time.monotonic() >= deadline:
                    raise _Hang(reason) from None
                if self._office is not None and self._office.poll() is not None and reason != "start":
                    raise _Hang("died") from None
                continue
            if answer is None:  # the bridge ended: LibreOffice died or never came up
                raise _Hang("start" if reason == "start" else "died")
            return answer

    def _stop(self) -> None:
        if self._office_group is not None:
            _kill(self._office_group)
        if self._bridge is not None:
            _kill_group(self._bridge)
        if self._office is not None:
            if self._office.stdin is not None:
                with contextlib.suppress(OSError):
                    self._office.stdin.close()  # the guard cleans up and ends
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._office.wait(timeout=15)
            if self._office.stdout is not None:
                self._office.stdout.close()
        self._bridge = self._office = None
        self._office_group = None
        if self._profile is not None:
            shutil.rmtree(self._profile, ignore_errors=True)
            self._profile = None

    def close(self) -> None:
        if self._bridge is not None and self._bridge.stdin is not None:
            with contextlib.suppress(OSError):
                self._bridge.stdin.close()  # the bridge asks LibreOffice to quit
            if self._office is not None:
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._office.wait(timeout=5)  # the guard ends with LibreOffice
        self._stop()


def _removals(profile: Path, pipe: str) -> list[str]:
    """What the guard removes: the profile, and on POSIX the socket of LibreOffice's pipe."""
    out = ["--remove", str(profile)]
    socket = lo_pipe_socket(pipe)
    if socket is not None:
        out += ["--remove", socket]
    return out


def _read_lines(stream: IO[str], answers: queue.Queue[dict[str, Any] | None]) -> None:
    for line in stream:
        with contextlib.suppress(ValueError):
            answers.put(json.loads(line))
    answers.put(None)


def _kill(group: int) -> None:
    """soffice's group; on Windows its tree (``soffice.exe`` starts ``soffice.bin``)."""
    kill_group(group)


def _kill_group(proc: subprocess.Popen[Any]) -> None:
    if proc.poll() is None:
        kill_group(proc.pid)
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def convert_many(
    pairs: Sequence[tuple[Path, Path]],
    *,
    workers: int | None = None,
    pdf_a: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
) -> dict[Path, ConversionError]:
    """Convert (src, target) pairs with ``workers`` LibreOffices side by side.

    Each worker owns one converter for all its documents; one document's failure does
    not stop the others. Returns the failures by target.
    """
    count = max(1, min(workers or os.cpu_count() or 1, len(pairs)))
    chunks = [list(pairs[i::count]) for i in range(count)]

    def run(chunk: list[tuple[Path, Path]]) -> dict[Path, ConversionError]:
        failed: dict[Path, ConversionError] = {}
        with Converter(timeout=timeout) as conv:
            for src, target in chunk:
                try:
                    conv.convert(src, target, pdf_a=pdf_a)
                except ConversionError as exc:
                    failed[target] = exc
        return failed

    failures: dict[Path, ConversionError] = {}
    with ThreadPoolExecutor(max_workers=count) as pool:
        for result in pool.map(run, chunks):
            failures.update(result)
    return failures


TIMEOUT_ENV = "LEVENSLOOP_PDF_TIMEOUT"


def start_converter() -> Converter:
    """One LibreOffice for a whole run, with the per-document timeout from the environment."""
    return Converter(timeout=float(os.environ.get(TIMEOUT_ENV) or DEFAULT_TIMEOUT))
