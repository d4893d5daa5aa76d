"""What a worker process does: read one case, say which outputs it has, or make them.

Each worker keeps one ``RenderRun`` for its whole life, so the vocabularies, the compiled
Word templates (``docxcache``) and, for PDF, one running LibreOffice are set up once per
process, not once per document. Results are plain data (picklable); errors become a
Dutch reason that names the case file and fields, never their content.
"""

from __future__ import annotations

import os
import pickle
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported by the batch before it starts workers (``preload``), not at start-up
    from levensloop_docs.case.casefile import CaseFile
    from levensloop_docs.run.renderrun import Job, RenderRun

_RUN: RenderRun | None = None


@dataclass(frozen=True)
class Planned:
    """One document of a case: registry name, parameter, output stem and formats."""

    document: str
    parameter: str | None
    stem: str
    formats: tuple[str, ...]

    @property
    def request(self) -> str:
        return f"{self.document}:{self.parameter}" if self.parameter else self.document


@dataclass
class CaseResult:
    key: str
    case_id: str = ""
    planned: list[Planned] = field(default_factory=list)
    written: dict[str, tuple[str, int, int]] = field(default_factory=dict)  # name -> hash, size, mtime
    reason: list[str] = field(default_factory=list)  # why it failed; empty when it did not
    bad_input: bool = False
    traceback: str = ""  # only with LEVENSLOOP_DEBUG=1: for the administrator
    disk: list[str] = field(default_factory=list)  # a full disk or read-only folder: its lines, said once
    packed: bytes = b""  # phase one: the parsed case, pickled and compressed (``pack``), for phase two
    concepts: list[str] = field(default_factory=list)  # stems of the documents made as CONCEPT
    # the gate's outcome on the run's date per document request (``safety.safety_key``), and the
    # dates between which it holds (ISO, "" for open): the manifest keeps both for the next run
    safety: dict[str, str] = field(default_factory=dict)
    window: tuple[str, str] | None = None
    refused: list[str] = field(default_factory=list)  # output names of the documents refused now


def init_worker(out_dir: Path, pdf_a: bool, today: date, tmp: Path | None = None,
                definitive: bool = False) -> None:
    """Process initializer: one render run per worker, closed when the worker ends.

    ``tmp``: the batch's private temporary folder (``runtmp``), shared by all its workers.
    """
    from multiprocessing.util import Finalize

    from levensloop_docs.run.renderrun import RenderRun
    from levensloop_docs.runtmp import adopt

    global _RUN
    os.umask(0o077)
    _die_with_parent()
    adopt(tmp)
    _RUN = RenderRun(out_dir=out_dir, pdf_a=pdf_a, today=today, definitive=definitive)
    Finalize(_RUN, _RUN.close, exitpriority=10)


def preload() -> None:
    """Import what a worker uses, in the batch process before it starts its workers: forked,
    they share it instead of each importing it (a rerun with nothing to do starts none)."""
    import levensloop_docs.run.renderrun  # noqa: F401
    from levensloop_docs.case.casefile import preload as validation

    validation()


def _die_with_parent() -> None:
    """Linux: when the batch process dies (even by kill -9 of its pid alone), so does this worker.

    Its LibreOffice then goes too: the converter's guard sees the worker go.
    """
    import multiprocessing

    from levensloop_docs.platform_os import die_with_parent

    parent = multiprocessing.parent_process()
    if parent is None or not die_with_parent():
        return
    if os.getppid() != parent.pid:  # the parent died before prctl took effect
        os._exit(1)


def _run() -> RenderRun:
    if _RUN is None:  # in-process use (tests, single worker)
        raise RuntimeError("init_worker was not called")
    return _RUN


def pack(raw: Any) -> bytes:
    """A parsed case as compact bytes (about 3 KB): phase two then need not parse the file again."""
    return zlib.compress(pickle.dumps(raw, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(packed: bytes) -> Any:
    return pickle.loads(zlib.decompress(packed)) if packed else None


def load_case_fast(path: Path, raw: Any = None) -> CaseFile:
    """``load_case``, with the C YAML parser when the file is valid.

    The round-trip parser (comments, line numbers) is several times slower; it is only
    needed to place a problem on its line, so an invalid file is read again by
    ``load_case``, which raises the usual error with lines.
    """
    from levensloop_docs.case.casefile import CaseFile, load_case, read_case, validate_raw

    if raw is None:
        return read_case(path)
    casus, problems = validate_raw(raw, path)
    if casus is None or any(not p.warning for p in problems):
        return load_case(path)
    return CaseFile(path, raw, casus, "", [p for p in problems if p.warning])


def _failure(result: CaseResult, exc: Exception) -> CaseResult:
    from levensloop_docs.diskerrors import explain
    from levensloop_docs.errors import CaseFileError, LevensloopError

    if isinstance(exc, OSError):
        explained = explain(exc, _RUN.out_dir if _RUN is not None else Path.cwd())
        if explained is not None:  # the case says where; the batch gives the advice once
            result.reason, result.disk = [explained.message], explained.lines()
            result.bad_input = explained.exit_code == 2
            return result
    if isinstance(exc, LevensloopError):
        result.reason = exc.lines()
        result.bad_input = isinstance(exc, CaseFileError) or exc.exit_code == 2
    else:  # the message of an unknown error could quote case data: name the kind only
        result.reason = [f"{type(exc).__name__}"]
        if os.environ.get("LEVENSLOOP_DEBUG"):  # the administrator asked for the details
            import traceback

            result.traceback = "".join(traceback.format_exception(exc))
    return result


def _dated(run: RenderRun, case: CaseFile, job: Job, result: CaseResult) -> None:
    """Record the gate's outcome for this document on the run's date, and its date window."""
    from levensloop_docs.case.safety import date_window, safety_key

    casus = case.casus
    result.safety[Planned(job.document.name, job.parameter, "", ()).request] = safety_key(
        casus, run.verdict(job), run.today)
    if result.window is None:
        start, end = date_window(casus, run.today)
        result.window = (start.isoformat() if start else "", end.isoformat() if end else "")


def plan_case(key: str, path: Path, requested: list[str] | None,
              formats: tuple[str, ...] | None) -> CaseResult:
    """Which documents this case has (phase one: read and validate only), and the gate's
    outcome for each on the run's date (a rerun compares it with what the manifest recorded)."""
    from levensloop_docs.run.renderrun import plan_jobs

    run = _run()
    result = CaseResult(key)
    try:
        case = load_case_fast(path)
        result.case_id, result.packed = case.casus.meta.casus_id, pack(case.raw)
        for job in plan_jobs(case, requested, formats, only_applicable=True):
            result.planned.append(Planned(job.document.name, job.parameter, job.stem(), job.formats))
            _dated(run, case, job, result)
    except Exception as exc:
        return _failure(result, exc)
    return result


def render_case(key: str, path: Path, planned: list[Planned], packed: bytes = b"") -> CaseResult:
    """Make the given documents of one case; report every file written (after its rename)."""
    from levensloop_docs.batch.manifest import file_hash
    from levensloop_docs.errors import UnsafeDocumentError
    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.renderrun import Job, render_job

    run = _run()
    result = CaseResult(key, planned=planned)
    refused: list[UnsafeDocumentError] = []
    try:
        case = load_case_fast(path, unpack(packed))
        result.case_id = case.casus.meta.casus_id
        types = registry()
        for item in planned:
            job = Job(case, types[item.document], item.parameter, item.formats)
            _dated(run, case, job, result)
            try:  # the safety gate refuses one document; the case's others are still made
                targets = render_job(run, job)
            except UnsafeDocumentError as exc:
                refused.append(exc)
                result.refused += [f"{item.stem}.{fmt}" for fmt in item.formats]
                continue
            if run.verdict(job).points:
                result.concepts.append(item.stem)
            for target in targets:
                stat = target.stat()
                result.written[target.name] = (file_hash(target), stat.st_size, stat.st_mtime_ns)
    except Exception as exc:
        return _failure(result, exc)
    if refused:
        result.reason = [line for exc in refused for line in exc.lines()]
        result.bad_input = True
    return result
