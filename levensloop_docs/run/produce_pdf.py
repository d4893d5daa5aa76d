"""The PDF producer: any document that can be a DOCX can be a PDF.

Registered for every engine: the engine's own DOCX producer makes the DOCX (or the DOCX
this job just wrote is reused), the run's shared converter turns it into PDF, and the
metadata step sets the document properties (``job.pdf_info()``). The converter is started on
the first PDF of a run (``RenderRun.converter``); leaving the run stops it. A region
publication's PDF is made here too.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.atomic import write_bytes
from levensloop_docs.case.casefile import CaseFile
from levensloop_docs.i18n import _
from levensloop_docs.pdf.metadata import PdfInfo, finish
from levensloop_docs.run.documents import registry
from levensloop_docs.run.producers import Output, producer
from levensloop_docs.runtmp import run_tmp

if TYPE_CHECKING:
    from levensloop_docs.render.markdown import RenderedMarkdown
    from levensloop_docs.run.renderrun import Job, RenderRun


@producer("docx", "pdf")
@producer("markdown", "pdf")
def make_pdf(run: RenderRun, job: Output, context: dict[str, Any], target: Path) -> None:
    """Render the job as DOCX, convert it with the shared LibreOffice, finish and write it.

    With a table of contents, twice: the first PDF says on which page each heading fell
    (two-digit placeholders keep the contents as wide), the second prints those numbers.
    """
    conv = run.converter
    with tempfile.TemporaryDirectory(prefix="pdf-", dir=run_tmp()) as tmp:
        raw = Path(tmp) / f"{job.stem()}.libreoffice.pdf"
        if job.toc:
            page = job.page(context)
            run.pages[job.stem()] = {h.anchor: 99 for h in page.headings}
            conv.convert(run.docx_for(job, context, Path(tmp), "pdf"), raw, pdf_a=run.pdf_a)
            run.pages[job.stem()] = heading_pages(raw, page)
        conv.convert(run.docx_for(job, context, Path(tmp), "pdf"), raw, pdf_a=run.pdf_a)
        data = finish(raw.read_bytes(), job.pdf_info())
    write_bytes(target, data)


def heading_pages(pdf: Path, rendered: RenderedMarkdown) -> dict[str, int]:
    """The page (1-based) of each h2/h3, found in order in the text of the PDF."""
    from pypdf import PdfReader

    texts = ["".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    found: dict[str, int] = {}
    wanted = [h for h in rendered.headings if h.level in (2, 3)]
    # start after the table of contents, which lists every heading too
    index = _after_contents(texts, wanted)
    for heading in wanted:
        needle = "".join(heading.text.split())
        for i in range(index, len(texts)):
            if needle in texts[i]:
                found[heading.anchor] = i + 1
                index = i
                break
    return found


def _after_contents(texts: list[str], wanted: list[Any]) -> int:
    if not wanted:
        return 0
    last = "".join(wanted[-1].text.split())
    for i, page_text in enumerate(texts):
        if last in page_text:
            return i + 1
    return 0


def outline_title(job: Job) -> str:
    """The bookmark of a document in a bundle: its title, and its parameter if it has one."""
    if job.parameter:
        return f"{job.document.title} ({job.parameter})"
    return job.document.title


def bundle_requests(case: CaseFile) -> list[str]:
    """Every document of the case that can be a PDF (documents with a parameter only on request)."""
    return [
        name for name, doc in registry().items()
        if "pdf" in doc.formats and doc.by_default and doc.applies_to(case.casus)
    ]


def bundle_info(case: CaseFile, jobs: list[Job]) -> PdfInfo:
    cid = case.casus.meta.casus_id
    names = ", ".join(f"{j.document.name} {j.document.version}" for j in jobs)
    return PdfInfo(
        title=_("Bundle {case_id}").format(case_id=cid),
        subject=", ".join(outline_title(j) for j in jobs),
        case_id=cid,
        template=names,
        template_version="",
        created=datetime.now(UTC),
    )
