"""The PDF producer: any document that can be a DOCX can be a PDF.

Registered for every engine: the engine's own DOCX producer makes the DOCX (or the DOCX
this job just wrote is reused), the run's shared converter turns it into PDF, and the
metadata step sets the document properties. The converter is started on the first PDF
of a run (``RenderRun.converter``); leaving the run stops it.
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
from levensloop_docs.run.producers import producer
from levensloop_docs.runtmp import run_tmp
from levensloop_docs.templatefolders import template_relative

if TYPE_CHECKING:
    from levensloop_docs.run.renderrun import Job, RenderRun


def template_name(job: Job) -> str:
    return template_relative(job.document.template)


def pdf_info(run: RenderRun, job: Job) -> PdfInfo:
    props = run.properties(job)
    return PdfInfo(
        title=props["title"],
        subject=props["subject"],
        case_id=job.case.casus.meta.casus_id,
        template=template_name(job),
        template_version=job.document.version,
        created=datetime.now(UTC),
    )


@producer("docx", "pdf")
@producer("markdown", "pdf")
def make_pdf(run: RenderRun, job: Job, context: dict[str, Any], target: Path) -> None:
    """Render the job as DOCX, convert it with the shared LibreOffice, finish and write it."""
    conv = run.converter
    with tempfile.TemporaryDirectory(prefix="pdf-", dir=run_tmp()) as tmp:
        docx = run.docx_for(job, context, Path(tmp), "pdf")
        raw = Path(tmp) / f"{job.stem()}.libreoffice.pdf"
        conv.convert(docx, raw, pdf_a=run.pdf_a)
        data = finish(raw.read_bytes(), pdf_info(run, job))
    write_bytes(target, data)


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
