"""One batch: every case of a folder, only what changed, over all cores, crash-safe.

Order of work (nothing is written before step 3):

1. lock the output folder, remove temporary files a killed run left behind (a dry run
   skips this step: it writes nothing, not even the lock);
2. check the templates of the documents this run can make (cached by template hash in
   the manifest) and refuse a broken one: exit 2, file and paragraph, nothing written;
3. decide per case, without reading it when its hash and the manifest say enough, which
   outputs are out of date and why;
4. phase one (worker processes): read and validate the cases that are new or changed,
   learn their documents, and refuse duplicate case ids;
5. phase two (worker processes): make the out-of-date outputs; the manifest records an
   output only after it has been renamed into place, and is saved atomically after each
   of the first outputs, then every second, and at the end.

A broken case is reported (file and reason) and never stops the others. Between the
phases the batch keeps per case its id and documents, and the parsed case only packed
(about 3 KB) and only up to ``KEEP_PARSED`` bytes in all; beyond that phase two reads the
file again. So memory stays flat however many cases there are. A full disk or a
read-only output folder is said in Dutch with the folder; the per-case report is kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from levensloop_docs.atomic import ensure_dir
from levensloop_docs.batch.inputs import Fingerprints, data_hash, plan_hash, selection_key
from levensloop_docs.batch.manifest import (
    LOCK_NAME,
    CaseRecord,
    Manifest,
    OutputRecord,
    file_hash,
    output_record_state,
)
from levensloop_docs.batch.progress import LineProgress, Progress
from levensloop_docs.batch.worker import CaseResult, Planned, init_worker, plan_case, preload, render_case
from levensloop_docs.diskerrors import explain, not_writable
from levensloop_docs.errors import CaseFileError, LevensloopError, TemplateProblemError
from levensloop_docs.i18n import _
from levensloop_docs.run.documents import DocumentType, parse_document_request, registry
from levensloop_docs.runtmp import private_run, run_tmp

SAVE_EVERY = 1.0  # seconds between manifest saves during a run
FIRST_SAVES = 3  # the manifest is saved after each of the first outputs: a kill then loses little
KEEP_PARSED = 16 << 20  # bytes of packed parsed cases kept for phase two (about 5,000 cases)


def reasons() -> dict[str, str]:
    """Why an output is made, as ``--droog`` and the summary say it."""
    return {
        "new": _("new case"),
        "case": _("case changed"),
        "template": _("template changed"),
        "data": _("data changed"),
        "program": _("program version changed"),
        "options": _("other options"),
        "missing": _("output missing"),
        "changed": _("output changed by hand"),
        "unknown": _("output not made by genereer"),
        "failed": _("failed last time"),
        "safety": _("safety points changed on this date (a title or consent ended)"),
        "concept": _("made as CONCEPT before; --definitief decides again"),
        "all": _("everything requested (--alles)"),
    }


@dataclass
class BatchOptions:
    folder: Path
    out_dir: Path
    requested: list[str] | None = None
    formats: tuple[str, ...] | None = None
    pdf_a: bool = False
    everything: bool = False
    dry_run: bool = False
    workers: int | None = None
    definitive: bool = False  # --definitief: a document with open safety points is refused
    today: date = field(default_factory=date.today)
    examples: list[Path] | None = None  # for the template check; None: the shipped examples


@dataclass
class Failure:
    case: str  # the case file, relative to the folder
    reason: list[str]
    bad_input: bool
    traceback: str = ""  # only with LEVENSLOOP_DEBUG=1


@dataclass
class Summary:
    made: list[tuple[str, str]] = field(default_factory=list)  # (output, reason); --droog: would make
    unchanged: int = 0
    failed: list[Failure] = field(default_factory=list)
    cases: int = 0
    concepts: dict[str, int] = field(default_factory=dict)  # case file -> CONCEPT documents made now
    problem: LevensloopError | None = None  # what stopped the run (e.g. a full disk), after the report


@dataclass
class _Case:
    key: str
    path: Path
    digest: str
    case_reason: str | None  # new/case/failed/all: every output is made, the case is read
    replan: bool
    failed: bool = False
    case_id: str = ""
    packed: bytes = b""  # the parsed case from phase one (worker.pack), while the budget lasts
    planned: list[Planned] = field(default_factory=list)
    todo: dict[str, str] = field(default_factory=dict)  # output name -> reason key
    safety: dict[str, str] = field(default_factory=dict)  # request -> gate outcome now (phase one)
    window: tuple[str, str] | None = None  # phase one: the dates the outcomes hold between


def run_batch(opts: BatchOptions, progress: Progress | None = None) -> Summary:
    progress = progress or LineProgress()
    types = registry()
    fp = Fingerprints(data=data_hash())
    # the template check comes before anything is created, the output folder included
    passed = _check_templates(_candidates(types, opts.requested), fp, Manifest.load(opts.out_dir), opts)
    with _prepared(opts):
        manifest = Manifest.load(opts.out_dir)
        manifest.checked.update(passed)
        cases = _decide(opts, types, fp, manifest)
        summary = Summary(cases=len(cases))
        with _pool(opts, cases) as pool:
            _phase_one(pool, opts, cases, manifest, summary, progress, fp)
            _count(cases, summary)
            if not opts.dry_run:
                summary.problem = _libreoffice_problem(cases)
                if summary.problem is None:
                    _phase_two(pool, opts, cases, manifest, summary, progress, fp)
                else:
                    summary.made = []
        return summary


# --- setting up -----------------------------------------------------------------------------

def _os_error(exc: OSError, folder: Path) -> Exception:
    """A full disk or a read-only folder in Dutch; any other OSError as it is."""
    return explain(exc, folder) or exc


@contextlib.contextmanager
def _prepared(opts: BatchOptions) -> Iterator[None]:
    """The output folder, its lock and the run's private temporary folder; a dry run: nothing."""
    if opts.dry_run:
        yield
        return
    try:
        ensure_dir(opts.out_dir)
    except OSError as exc:
        raise _os_error(exc, opts.out_dir) from None
    if not os.access(opts.out_dir, os.W_OK):
        raise not_writable(opts.out_dir)
    with _locked(opts.out_dir), private_run():
        _remove_temporaries(opts.out_dir)
        yield


@contextlib.contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One batch per output folder at a time (a second one would race for the manifest)."""
    from levensloop_docs.errors import OutputLockedError
    from levensloop_docs.platform_os import try_lock

    try:
        fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise _os_error(exc, out_dir) from None
    try:
        if not try_lock(fd):
            msg = _("Another 'levensloop genereer' is writing to {folder}. Wait until it is done.")
            raise OutputLockedError(msg.format(folder=out_dir)) from None
        yield
    finally:
        os.close(fd)


def _remove_temporaries(out_dir: Path) -> None:
    """Half-written files of a killed run (atomic.py's '.NAME.xxxx.tmp'); we hold the lock."""
    for tmp in out_dir.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def _candidates(types: dict[str, DocumentType], requested: list[str] | None) -> dict[str, DocumentType]:
    """The document types this run may make: the requested ones, or all without a parameter."""
    if requested:
        names = {parse_document_request(r)[0] for r in requested}
        return {n: t for n, t in types.items() if n in names}
    return {n: t for n, t in types.items() if t.by_default}


def _check_templates(types: dict[str, DocumentType], fp: Fingerprints, manifest: Manifest,
                     opts: BatchOptions) -> dict[str, str]:
    """Check the templates not checked before; return the keys of those that passed now."""
    from levensloop_docs.run.checkcache import checked_templates
    from levensloop_docs.run.templatecheck import default_examples, requested_parameters

    examples = opts.examples if opts.examples is not None else default_examples()
    example_key = hashlib.sha256(b"".join(file_hash(p).encode() for p in examples)).hexdigest()
    parameters = requested_parameters(opts.requested or [])
    keys = {
        name: hashlib.sha256("|".join(
            [fp.template(doc), fp.document(doc), fp.data, fp.program, example_key,
             ",".join(sorted(parameters.get(name, [])))]
        ).encode()).hexdigest()
        for name, doc in types.items()
    }
    todo = {n: t for n, t in types.items() if manifest.checked.get(n) != keys[n]}
    if not todo:
        return {}
    found = checked_templates(todo, opts.today, parameters, examples=examples)  # user cache: once per change
    errors = [p for p in found if not p.warning]
    if errors:
        raise TemplateProblemError(
            problems=errors, summary=_("A template has an error, so nothing was made."),
            hint=_("Open the template in Word, correct the field between {{ }} or {% %}, and try again. "
                   "'levensloop sjablonen controleer' checks all templates."),
        )
    return {n: keys[n] for n in todo}


# --- deciding -------------------------------------------------------------------------------

def _decide(opts: BatchOptions, types: dict[str, DocumentType], fp: Fingerprints,
            manifest: Manifest) -> list[_Case]:
    from levensloop_docs.case.casefile import find_case_files

    files = find_case_files(opts.folder)
    if not files:
        raise CaseFileError(problems=[], summary=_("No case files (.yaml) found."))
    register, selection = plan_hash(types), selection_key(opts.requested, opts.formats)
    cases = []
    for path in files:
        key = path.relative_to(opts.folder).as_posix()
        digest = case_digest(path)
        record = manifest.cases.get(key)
        case_reason = _case_reason(record, digest, opts.everything)
        # a date in the case has passed (or the run is dated before one): read it again, and
        # make again only the documents whose safety outcome changed (``_output_reasons``)
        replan = (case_reason is not None or record is None or record["register"] != register
                  or selection not in record["selecties"] or not _in_window(record, opts.today))
        case = _Case(key, path, digest, case_reason, replan)
        if record is not None and not replan:
            case.case_id = record["casus_id"]
            case.planned = _planned_from(record, opts, types)
            case.todo = _output_reasons(case, record, types, fp, opts)
        cases.append(case)
    known = {c.key for c in cases}
    for key in [k for k in manifest.cases if k not in known]:
        del manifest.cases[key]  # case file gone: forget it (its outputs stay on disk)
    return cases


def _in_window(record: CaseRecord, today: date) -> bool:
    start, end = record["peilvenster"]
    return (not start or date.fromisoformat(start) <= today) and (not end or today < date.fromisoformat(end))


def case_digest(path: Path) -> str:
    """The hash of a case file, and of its plan history when it has one.

    The voortgangsverslag compares the plan with its previous version, so an archived
    version that changes makes the case's documents again. Without history the hash is the
    file's own (manifests of earlier runs stay valid).
    """
    from levensloop_docs.case.history import history_files

    older = history_files(path)
    if not older:
        return file_hash(path)
    combined = hashlib.sha256(file_hash(path).encode())
    for archived in older:
        combined.update(archived.name.encode() + b"\0" + file_hash(archived).encode())
    return combined.hexdigest()


def _case_reason(record: CaseRecord | None, digest: str, everything: bool) -> str | None:
    if everything:
        return "all"
    if record is None:
        return "new"
    if not record["casus"]:
        return "failed"
    if record["casus"] != digest:
        return "case"
    return None


def _selected(request: str, fmt: str, opts: BatchOptions, types: dict[str, DocumentType]) -> bool:
    """Is this output part of what this run makes (``--document``, ``--formaat``)?"""
    from levensloop_docs.run.documents import DEFAULT_FORMATS

    if fmt not in (opts.formats or DEFAULT_FORMATS):
        return False
    name, parameter = parse_document_request(request)
    if opts.requested:
        wanted = {parse_document_request(r) for r in opts.requested}
        return (name, parameter) in wanted
    return name in types and types[name].by_default


def _planned_from(record: CaseRecord, opts: BatchOptions, types: dict[str, DocumentType]) -> list[Planned]:
    grouped: dict[tuple[str, str], list[str]] = {}
    for name, out in record["bestanden"].items():
        stem, _dot, fmt = name.rpartition(".")
        if _selected(out["document"], fmt, opts, types):
            grouped.setdefault((out["document"], stem), []).append(fmt)
    planned = []
    for (request, stem), fmts in grouped.items():
        document, parameter = parse_document_request(request)
        planned.append(Planned(document, parameter, stem, tuple(fmts)))
    return planned


def _options(fmt: str, pdf_a: bool) -> str:
    return "pdf-a" if fmt == "pdf" and pdf_a else ""


def _output_reasons(case: _Case, record: CaseRecord | None, types: dict[str, DocumentType],
                    fp: Fingerprints, opts: BatchOptions) -> dict[str, str]:
    todo: dict[str, str] = {}
    for item in case.planned:
        doc = types.get(item.document)
        for fmt in item.formats:
            name = f"{item.stem}.{fmt}"
            if case.case_reason is not None:
                todo[name] = case.case_reason
                continue
            out = record["bestanden"].get(name) if record is not None else None
            reason = _stale(out, doc, fp, _options(fmt, opts.pdf_a))
            if reason is None and out is not None:
                reason = _safety_changed(out, case.safety.get(item.request), opts.definitive)
            if reason is None and out is not None:
                reason = output_record_state(opts.out_dir, name, out)
            elif reason is None:
                reason = "unknown" if (opts.out_dir / name).exists() else "missing"
            if reason is not None:
                todo[name] = reason
    return todo


def _stale(out: OutputRecord | None, doc: DocumentType | None, fp: Fingerprints, options: str) -> str | None:
    if out is None:
        return None
    if doc is None or out["sjabloon"] != fp.template(doc) or out["documentsoort"] != fp.document(doc):
        return "template"
    if out["gegevens"] != fp.data:
        return "data"
    if out["programma"] != fp.program:
        return "program"
    if out["opties"] != options:
        return "options"
    return None


def _safety_changed(out: OutputRecord, now: str | None, definitive: bool) -> str | None:
    """The gate says something else on this date; or --definitief meets a concept on disk."""
    from levensloop_docs.case.safety import CONCEPT_STATUS, key_status

    if now is not None and out["veiligheid"] != now:
        return "safety"
    if definitive and key_status(out["veiligheid"]) == CONCEPT_STATUS:
        return "concept"
    return None


# --- running --------------------------------------------------------------------------------

@contextlib.contextmanager
def _pool(opts: BatchOptions, cases: list[_Case]) -> Iterator[ProcessPoolExecutor | None]:
    """Worker processes, only when some case needs reading or making."""
    busy = sum(1 for c in cases if c.replan or c.todo)
    if busy == 0:
        yield None
        return
    workers = max(1, min(opts.workers or os.cpu_count() or 1, busy))
    # one private temporary folder for the whole run, where one is needed (PDF); a worker
    # that needs one otherwise makes its own, with the same guard
    try:
        tmp = run_tmp() if not opts.dry_run and "pdf" in (opts.formats or ()) else None
    except OSError as exc:
        raise _os_error(exc, opts.out_dir) from None
    preload()
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=init_worker,
        initargs=(opts.out_dir, opts.pdf_a, opts.today, tmp, opts.definitive)
    )
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _results(pool: ProcessPoolExecutor, futures: dict[Future[CaseResult], str]) -> Iterator[CaseResult]:
    """Results as they come; a finished future is let go, so results do not pile up."""
    for future in as_completed(futures):
        key = futures.pop(future)
        try:
            yield future.result()
        except BrokenProcessPool:
            yield CaseResult(key, reason=[_("A worker process stopped unexpectedly.")])


def _phase_one(pool: ProcessPoolExecutor | None, opts: BatchOptions, cases: list[_Case],
               manifest: Manifest, summary: Summary, progress: Progress, fp: Fingerprints) -> None:
    todo = [c for c in cases if c.replan]
    if not todo or pool is None:
        return
    by_key = {c.key: c for c in todo}
    futures = {pool.submit(plan_case, c.key, c.path, opts.requested, opts.formats): c.key for c in todo}
    progress.start(len(futures), _("Reading cases"))
    results, kept = [], 0
    for result in _results(pool, futures):
        progress.advance()
        if opts.dry_run or kept + len(result.packed) > KEEP_PARSED:
            result.packed = b""  # phase two reads this one again
        kept += len(result.packed)
        results.append(result)
    progress.stop()
    # by the id in lower case: on Windows and macOS LLA-1 and lla-1 would write the same files
    owners = {c.case_id.casefold(): c.key for c in cases if not c.replan and c.case_id}
    types = registry()
    for result in sorted(results, key=lambda r: r.key):
        case = by_key[result.key]
        if not result.reason and owners.setdefault(result.case_id.casefold(), case.key) != case.key:
            other = Path(owners[result.case_id.casefold()]).name
            msg = _("Case id {id} is also used in {other}. Every case needs its own id.")
            result.reason, result.bad_input = [msg.format(id=result.case_id, other=other)], True
        if result.reason:
            _fail(case, result, manifest, summary)
            continue
        case.case_id, case.planned, case.packed = result.case_id, result.planned, result.packed
        case.safety, case.window = result.safety, result.window
        case.todo = _output_reasons(case, manifest.cases.get(case.key), types, fp, opts)


def _fail(case: _Case, result: CaseResult, manifest: Manifest, summary: Summary) -> None:
    case.planned, case.todo, case.failed = [], {}, True
    summary.failed.append(Failure(case.key, result.reason, result.bad_input, result.traceback))
    record = manifest.cases.get(case.key)
    if record is not None:
        record["casus"] = ""  # read and make it again next time


def _count(cases: list[_Case], summary: Summary) -> None:
    labels = reasons()
    for case in cases:
        summary.made.extend((name, labels[reason]) for name, reason in sorted(case.todo.items()))
        summary.unchanged += sum(len(p.formats) for p in case.planned) - len(case.todo)


def _libreoffice_problem(cases: list[_Case]) -> LevensloopError | None:
    """PDF needs LibreOffice: look once, before any document, instead of failing every case."""
    if not any(name.endswith(".pdf") for case in cases for name in case.todo):
        return None
    from levensloop_docs.errors import ConversionError
    from levensloop_docs.pdf.locate import require_soffice, require_uno_python

    try:
        require_uno_python(require_soffice())
    except ConversionError as exc:
        exc.hint = "\n".join(h for h in (exc.hint, _("Nothing was made.")) if h)
        return exc
    return None


def _disk_problem(result: CaseResult) -> LevensloopError:
    """A worker's full disk or read-only folder, as the error that ends the report."""
    from levensloop_docs.errors import DiskFullError, OutputFolderError

    kind = OutputFolderError if result.bad_input else DiskFullError
    return kind(result.disk[0], hint="\n".join(result.disk[1:]) or None)


def _save(manifest: Manifest, summary: Summary, opts: BatchOptions) -> None:
    """Save the manifest; a full disk is reported after the per-case report, not instead of it."""
    try:
        manifest.save()
    except OSError as exc:
        problem = explain(exc, opts.out_dir)
        if problem is None:
            raise
        summary.problem = summary.problem or problem


def _phase_two(pool: ProcessPoolExecutor | None, opts: BatchOptions, cases: list[_Case],
               manifest: Manifest, summary: Summary, progress: Progress, fp: Fingerprints) -> None:
    types = registry()
    for case in cases:
        if (case.planned or case.replan) and not case.todo and not case.failed:
            _record(case, CaseResult(case.key, case.case_id), manifest, types, fp, opts)
    todo = [c for c in cases if c.todo]
    if pool is None or not todo:
        _save(manifest, summary, opts)
        return
    by_key = {c.key: c for c in todo}
    futures = {}
    for case in todo:
        futures[pool.submit(render_case, case.key, case.path, _restricted(case), case.packed)] = case.key
        case.packed = b""  # the work item holds it until a worker takes it
    progress.start(len(futures), _("Making documents"))
    last_save, saves = time.monotonic(), 0
    made = {name for name, _reason in summary.made}
    try:
        for result in _results(pool, futures):
            case = by_key[result.key]
            _drop_refused(case, result, manifest, opts)
            _record(case, result, manifest, types, fp, opts)
            if result.concepts:
                summary.concepts[case.key] = len(result.concepts)
            if result.reason:
                summary.failed.append(Failure(case.key, result.reason, result.bad_input, result.traceback))
                made -= set(case.todo) - set(result.written)
            if result.disk and summary.problem is None:
                summary.problem = _disk_problem(result)
            progress.advance()
            if saves < FIRST_SAVES or time.monotonic() - last_save > SAVE_EVERY:
                _save(manifest, summary, opts)
                last_save, saves = time.monotonic(), saves + 1
    finally:
        progress.stop()
        _save(manifest, summary, opts)
    summary.made = [(n, r) for n, r in summary.made if n in made]


def _restricted(case: _Case) -> list[Planned]:
    """The documents of a case with only the formats that are out of date."""
    out = []
    for item in case.planned:
        fmts = tuple(f for f in item.formats if f"{item.stem}.{f}" in case.todo)
        if fmts:
            out.append(Planned(item.document, item.parameter, item.stem, fmts))
    return out


def _drop_refused(case: _Case, result: CaseResult, manifest: Manifest, opts: BatchOptions) -> None:
    """Remove the earlier file of a document the gate refuses now, when it was printed complete.

    Otherwise the folder keeps a document that looks final while its basis is gone (a title
    ended since), and someone prints that one. A file changed by hand is left, with a word.
    """
    from levensloop_docs.case.safety import COMPLETE, key_status

    record = manifest.cases.get(case.key)
    if record is None or not result.refused:
        return
    for name in result.refused:
        out = record["bestanden"].get(name)
        if out is None or key_status(out["veiligheid"]) != COMPLETE:
            continue
        if output_record_state(opts.out_dir, name, out) is None:
            (opts.out_dir / name).unlink()
            del record["bestanden"][name]
            result.reason.append(_("{name} (made earlier as complete) was removed.").format(name=name))
        else:
            result.reason.append(_("{name} (made earlier as complete, changed by hand since) is still "
                                   "there: do not use it.").format(name=name))


def _record(case: _Case, result: CaseResult, manifest: Manifest, types: dict[str, DocumentType],
            fp: Fingerprints, opts: BatchOptions) -> None:
    """Put what was written into the manifest; the case counts as done only without failure."""
    old = manifest.cases.get(case.key)
    outputs = dict(old["bestanden"]) if old is not None else {}
    docs = {f"{p.stem}.{f}": p for p in case.planned for f in p.formats}
    for name, (digest, size, mtime) in result.written.items():
        item = docs[name]
        doc = types[item.document]
        fmt = name.rpartition(".")[2]
        outputs[name] = OutputRecord(
            document=item.request, sjabloon=fp.template(doc), documentsoort=fp.document(doc),
            versie=doc.version, gegevens=fp.data, programma=fp.program,
            opties=_options(fmt, opts.pdf_a), veiligheid=result.safety.get(item.request, ""),
            uitvoer=digest, grootte=size, mtime_ns=mtime,
        )
    done = not result.reason
    register, selection = plan_hash(types), selection_key(opts.requested, opts.formats)
    keep = old is not None and done and old["casus"] == case.digest and old["register"] == register
    if done:  # this selection's outputs as planned now, plus other selections' when still valid
        outputs = {n: o for n, o in outputs.items() if n in docs or (
            keep and not _selected(o["document"], n.rpartition(".")[2], opts, types))}
    selections = [s for s in (old["selecties"] if keep and old is not None else []) if s != selection]
    manifest.cases[case.key] = CaseRecord(
        casus=case.digest if done else "",
        casus_id=case.case_id or result.case_id,
        register=register,
        selecties=[*selections, selection] if done else [],
        peilvenster=list(result.window or case.window or _old_window(old, opts.today)),
        bestanden=outputs,
    )


def _old_window(old: CaseRecord | None, today: date) -> tuple[str, str]:
    """The recorded window while it still holds; else one that has ended, so the case is read."""
    if old is not None and _in_window(old, today):
        start, end = old["peilvenster"]
        return start, end
    return "", today.isoformat()
