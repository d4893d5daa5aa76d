"""One render run: from validated cases to finished files in an output folder.

``plan_jobs`` decides what to make (which document, which parameter, which
formats); ``render_job`` makes one job's files. Each output format is produced by a
function registered in ``PRODUCERS`` for (engine, format): the DOCX engine here, PDF
conversion and Markdown/HTML in their own modules. Every job passes the safety gate
first (``RenderRun.verdict``, ``case/safety.py``): a document it refuses is not made, one
with open points is marked CONCEPT (``run/concept.py``).

``render_job`` is the one way a document file is made: a case's documents (``Job``) and
the region publications (``run/publish.py``: leaflets, the handreiking, the overview, the
agenda, the monitor) are both jobs of it (``producers.Output``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.case.casefile import CaseFile
from levensloop_docs.case.safety import OpenPoint, Verdict, gate
from levensloop_docs.errors import FileInUseError, UsageError
from levensloop_docs.i18n import _
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.run.documents import DEFAULT_FORMATS as DEFAULT_FORMATS  # re-exported
from levensloop_docs.run.documents import DocumentType, parse_document_request, registry
from levensloop_docs.run.producers import PRODUCERS, Output, producer

if TYPE_CHECKING:
    from levensloop_docs.pdf.metadata import PdfInfo
    from levensloop_docs.render.markdown import RenderedMarkdown


@dataclass(frozen=True)
class Job:
    """One document of one case, in one or more formats."""

    case: CaseFile
    document: DocumentType
    parameter: str | None
    formats: tuple[str, ...]
    concept: tuple[OpenPoint, ...] = ()  # the gate's open points: the files are marked CONCEPT

    def stem(self) -> str:
        return self.document.output_stem(self.case.casus, self.parameter)

    def target(self, out_dir: Path, fmt: str) -> Path:
        return out_dir / f"{self.stem()}.{fmt}"

    @property
    def engine(self) -> str:
        return self.document.engine

    @property
    def name(self) -> str:
        return self.document.name

    @property
    def font_size(self) -> float | None:
        return self.document.font_size

    toc = False  # a case document has no table of contents with page numbers
    landscape = False

    def gated(self, run: RenderRun) -> Job:
        """This job with the gate's open points (CONCEPT); a refused document raises."""
        from levensloop_docs.run.concept import refusal

        verdict = run.verdict(self)
        if verdict.refusals or (run.definitive and verdict.points):
            casus_id = self.case.casus.meta.casus_id
            raise refusal(casus_id, self.document.title, verdict, definitive=run.definitive)
        return replace(self, concept=verdict.points)

    def context(self, run: RenderRun) -> dict[str, Any]:
        return run.context(self)

    def page(self, context: dict[str, Any]) -> RenderedMarkdown:
        from levensloop_docs.render.markdown import render_markdown_file
        from levensloop_docs.templatefolders import template_folders

        return render_markdown_file(self.document.template, context, search_path=template_folders())

    def properties(self) -> dict[str, str]:
        doc, cid = self.document, self.case.casus.meta.casus_id
        return {
            "title": f"{doc.title} {cid}",
            "subject": doc.title,
            "identifier": cid,
            "keywords": f"levensloopaanpak; {cid}",
            "comments": _("template {name} version {version}").format(
                name=doc.template.name, version=doc.version),
            "category": _("Confidential"),
        }

    def footer(self) -> str:
        """The footer of a page that has no Word footer of its own (HTML, Markdown's DOCX)."""
        doc = self.document
        text = _("Confidential · {case_id} · {title} (version {version})")
        return text.format(case_id=self.case.casus.meta.casus_id, title=doc.title, version=doc.version)

    def pdf_info(self) -> PdfInfo:
        from datetime import UTC, datetime

        from levensloop_docs.pdf.metadata import PdfInfo
        from levensloop_docs.templatefolders import template_relative

        props = self.properties()
        return PdfInfo(
            title=props["title"],
            subject=props["subject"],
            case_id=self.case.casus.meta.casus_id,
            template=template_relative(self.document.template),
            template_version=self.document.version,
            created=datetime.now(UTC),
        )


@dataclass
class RenderRun:
    """Owns what every job of a run shares: vocabularies, today's date, the output folder."""

    out_dir: Path
    vocab: Vocabularies = field(default_factory=load_vocabularies)
    today: date = field(default_factory=date.today)
    pdf_a: bool = False
    definitive: bool = False  # --definitief: a document with open points is refused, not marked
    # Expensive things a run starts once and shares (e.g. the LibreOffice converter);
    # each must have a close() method, called by close().
    resources: dict[str, Any] = field(default_factory=dict)
    # per publication stem: the page of each heading, found in its first PDF (``toc``)
    pages: dict[str, dict[str, int]] = field(default_factory=dict)
    # a bundle's run: the parts that leave the case team are collected here, and recorded in
    # the disclosure register under the bundle's name (run/disclosures.py), not their own
    collect: list[Any] | None = None
    # the template check: a case without a register gets what its documents would record
    sample_register: bool = False
    _gated: Any = field(default=None, repr=False)
    _verdicts: dict[tuple[str, str | None], Verdict] = field(default_factory=dict, repr=False)

    def __enter__(self) -> RenderRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for resource in self.resources.values():
            resource.close()
        self.resources.clear()

    @property
    def converter(self) -> Any:
        """The run's one LibreOffice (``pdf.converter.Converter``), started on first use."""
        conv = self.resources.get("pdf")
        if conv is None:
            from levensloop_docs.pdf.converter import start_converter

            conv = self.resources["pdf"] = start_converter()
        return conv

    def verdict(self, job: Job) -> Verdict:
        """The safety gate for this document on the run's date (the document date).

        Kept for the case last asked about (the caller asks again after rendering); the case
        object itself is held, so a new case with a reused id() is never mistaken for it.
        """
        casus = job.case.casus
        if self._gated is not casus:
            self._gated, self._verdicts = casus, {}
        key = (job.document.name, job.parameter)
        if key not in self._verdicts:
            self._verdicts[key] = gate(casus, self.vocab, self.today, job.document.name, job.parameter)
        return self._verdicts[key]

    def start_converter_early(self) -> None:
        """Start the run's LibreOffice now, in the background, while the DOCX files render.

        LibreOffice takes 1.3 s or more to start; a single case would otherwise render its
        DOCX first and only then wait for it. The first PDF waits for the start to finish.
        A LibreOffice that is missing or does not start says so at that first PDF, as before.
        """
        if "pdf" in self.resources:
            return
        import contextlib

        from levensloop_docs.errors import LevensloopError
        from levensloop_docs.pdf.converter import start_converter

        with contextlib.suppress(LevensloopError):  # no LibreOffice: the first PDF says so
            self.resources["pdf"] = _Warming(start_converter())

    def context(self, job: Job) -> dict[str, Any]:
        doc = job.document
        history = self.history(job.case) if doc.wants_history() else []
        register = self.register(job.case) if doc.wants_register() else []
        ctx = doc.build_context(job.case.casus, self.vocab, self.today, job.parameter, history, register)
        ctx["document"] = {"titel": doc.title, "versie": doc.version, "sjabloon": doc.template.name}
        return ctx

    def register(self, case: CaseFile) -> list[Any]:
        """The case's disclosure register (case/register.py), one item per disclosure."""
        from levensloop_docs.case.register import read_register

        found = list(read_register(case.path))
        if not found and self.sample_register:
            from levensloop_docs.run.disclosures import sample_register

            every = [Job(case, doc, parameter, ("docx",))
                     for doc in registry().values() for parameter in doc.parameters or (None,)]
            return sample_register(self, every)
        return found

    def history(self, case: CaseFile) -> list[Any]:
        """The newest archived plan version before the case's own, as a one-item list (or none).

        The voortgangsverslag compares with the previous version only; older versions are
        not read (each costs a parse and a validation). The archive was valid when it was
        set, so it is read with the fast YAML parser; a broken one is reported as usual.
        """
        from levensloop_docs.case.history import previous_version

        path = previous_version(case.path, case.casus.meta.planversie)
        return [] if path is None else [self._read_archived(path, case.casus.meta.casus_id)]

    def _read_archived(self, path: Path, case_id: str) -> Any:
        """The archived version, refused when it is not what its name says (another case, or
        another version swapped in): the verslag would compare with the wrong plan (F2)."""
        from levensloop_docs.case.casefile import read_case
        from levensloop_docs.case.history import identity_problems

        casus = read_case(path, self.vocab, self.today).casus  # a broken one raises with lines
        meta = casus.meta
        wrong = identity_problems(path, (meta.casus_id, meta.planversie), case_id, int(path.stem[1:]))
        if wrong:
            from levensloop_docs.errors import InputError

            raise InputError(wrong[0].describe())
        return casus

    def properties(self, job: Output) -> dict[str, str]:
        return job.properties()

    def footer(self, job: Output) -> str:
        return job.footer()

    def docx_for(self, job: Output, context: dict[str, Any], folder: Path, fmt: str) -> Path:
        """The DOCX that ``fmt`` (pdf, html) is made from: the one this job wrote just before,
        or a fresh one in ``folder``. One DOCX, so every format says the same."""
        fmts = job.formats
        # the HTML carries its own concept box (run/concept.py), so it is read from a plain DOCX;
        # a table of contents gets its page numbers from this PDF, so its DOCX is made again
        plain = fmt == "html" and bool(job.concept)
        if "docx" in fmts and fmts.index("docx") < fmts.index(fmt) and not plain and not job.toc:
            written = job.target(self.out_dir, "docx")
            if written.exists():
                return written
        docx = folder / f"{job.stem()}.docx"
        producer_for(job, "docx", fmt)(self, job, context, docx)
        if not plain:
            from levensloop_docs.run.concept import mark

            mark(docx, "docx", job.concept)
        return docx


class _Warming:
    """A converter warmed by a background thread: LibreOffice started and one tiny document
    converted (its first import is the slowest). Every other call waits for that first."""

    def __init__(self, converter: Any) -> None:
        import threading

        self._converter = converter
        self._thread = threading.Thread(target=self._warm, name="libreoffice-start", daemon=True)
        self._thread.start()

    def _warm(self) -> None:
        import contextlib

        with contextlib.suppress(Exception):  # the first real PDF starts it again and reports
            self._convert_empty()

    def _convert_empty(self) -> None:
        import tempfile

        from docx import Document

        from levensloop_docs.runtmp import run_tmp

        with tempfile.TemporaryDirectory(prefix="opwarmen-", dir=run_tmp()) as tmp:
            empty = Path(tmp) / "leeg.docx"
            Document().save(str(empty))
            self._converter.convert(empty, Path(tmp) / "leeg.pdf")

    def _ready(self) -> Any:
        self._thread.join()
        return self._converter

    def convert(self, *args: Any, **kwargs: Any) -> Any:
        return self._ready().convert(*args, **kwargs)

    def close(self) -> None:
        self._ready().close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ready(), name)


# the modules that register producers (@producer) of each format; any other format: all of them
_PRODUCER_MODULES = {
    "docx": ("produce_markdown",),
    "html": ("produce_markdown", "produce_html"),
    "pdf": ("produce_pdf", "formulier"),
}


@cache
def _load_producers(fmt: str) -> None:
    """Import the modules that register producers of ``fmt`` (lazy: a fast --help, and a DOCX
    run does not import the PDF step, whose XML escaping alone imports urllib and http)."""
    import importlib

    every = tuple(sorted({m for names in _PRODUCER_MODULES.values() for m in names}))
    for module in _PRODUCER_MODULES.get(fmt, every):
        importlib.import_module(f"levensloop_docs.run.{module}")


@producer("docx", "docx")
def _docx(run: RenderRun, job: Job, context: dict[str, Any], target: Path) -> None:
    from levensloop_docs.render.docx import render_docx

    render_docx(job.document.template, context, target, job.properties())


def plan_jobs(
    case: CaseFile, requested: list[str] | None, formats: tuple[str, ...] | None,
    *, only_applicable: bool = False,
) -> list[Job]:
    """The jobs for one case: the requested documents, or every document the case supports.

    A document named for one case is made even if the case does not call for it (the user
    asked); ``only_applicable`` (a folder) keeps a named document to the cases it fits.
    """
    types = registry()
    jobs: list[Job] = []
    wanted = requested or [n for n, t in types.items() if t.by_default and t.applies_to(case.casus)]
    for request in wanted:
        name, parameter = parse_document_request(request)
        doc = types.get(name)
        if doc is None:
            msg = _("Unknown document '{name}'. Choose from: {known}.")
            raise UsageError(msg.format(name=name, known=", ".join(types)))
        if only_applicable and not doc.applies_to(case.casus):
            continue  # a folder run: no plan for a case that is only aangemeld
        chosen = tuple(f for f in (formats or DEFAULT_FORMATS) if f in doc.formats)
        if not chosen and not requested:
            continue  # not asked for by name and has none of these formats: genereer says so
        if not chosen:
            msg = _("Document '{name}' cannot be made as {formats}; it can be made as {allowed}.")
            raise UsageError(msg.format(
                name=name, formats=", ".join(formats or ()), allowed=", ".join(doc.formats)
            ))
        jobs.append(Job(case, doc, parameter, chosen))
    return jobs


def producer_for(job: Output, fmt: str, asked: str | None = None) -> Any:
    """The producer of ``fmt`` for this job's engine; ``asked``: the format it is made for."""
    _load_producers(fmt)
    make = PRODUCERS.get((job.engine, fmt))
    if make is None:
        msg = _("Format {fmt} is not available for {name}.")
        raise UsageError(msg.format(fmt=asked or fmt, name=job.name))
    return make


def render_job(run: RenderRun, job: Output) -> list[Path]:
    """Make every format of one job; return the files written, in the job's format order.

    The one way a document file is made (a case document or a region publication). The
    safety gate comes first: a document that cannot do its job (or, with
    ``run.definitive``, one with open points) raises ``UnsafeDocumentError`` and nothing of
    it is written; otherwise its open points go on every file (CONCEPT).
    """
    from levensloop_docs.run.concept import mark

    job = job.gated(run)
    context = job.context(run)
    written: dict[str, Path] = {}
    blocked: list[Path] = []
    for fmt in making_order(job):
        make = producer_for(job, fmt)
        target = job.target(run.out_dir, fmt)
        try:
            make(run, job, context, target)
            mark(target, fmt, job.concept)
        except FileInUseError as exc:  # open in Word: the other formats are still made
            blocked.extend(exc.files)
            continue
        written[fmt] = target
    done = [written[f] for f in job.formats if f in written]
    if done:  # a case document for someone outside the team: the register
        from levensloop_docs.run.disclosures import record_job

        record_job(run, job, done)
    if blocked:
        raise in_use_all(blocked, done)
    return done


def making_order(job: Output) -> list[str]:
    """The job's formats; with a table of contents the PDF first: the DOCX takes its page numbers."""
    if job.toc and "pdf" in job.formats:
        return ["pdf", *(f for f in job.formats if f != "pdf")]
    return list(job.formats)


def in_use_all(blocked: list[Path], done: list[Path]) -> FileInUseError:
    """One error naming every file that another program held open, with what was written anyway."""
    names = ", ".join(p.name for p in blocked)
    return FileInUseError(
        _("{files}: open in another program (Word?), so not replaced.").format(files=names),
        hint=_("Close {files} in Word and try again.").format(files=names),
        files=blocked, done=done,
    )
