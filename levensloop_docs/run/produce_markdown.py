"""Producers of the Markdown engine in a render run: HTML and DOCX (PDF goes via the DOCX).

``pdf/produce.py`` registers ("markdown", "pdf"): it asks the ("markdown", "docx")
producer below for a DOCX and converts it with the run's LibreOffice, so a Markdown
document prints with the same footer and page numbers as its Word version.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.atomic import write_text
from levensloop_docs.render.markdown import RenderedMarkdown, html_document, render_markdown_file
from levensloop_docs.run.producers import producer
from levensloop_docs.templatefolders import template_folders

if TYPE_CHECKING:
    from levensloop_docs.run.renderrun import Job, RenderRun


def rendered(job: Job, context: dict[str, Any]) -> RenderedMarkdown:
    return render_markdown_file(job.document.template, context, search_path=template_folders())


@producer("markdown", "html")
def make_html(run: RenderRun, job: Job, context: dict[str, Any], target: Path) -> None:
    page = rendered(job, context)
    title = run.properties(job)["title"]
    size = job.document.font_size
    write_text(target, html_document(page, title=title, footer=run.footer(job), font_size=size))


@producer("markdown", "docx")
def make_docx(run: RenderRun, job: Job, context: dict[str, Any], target: Path) -> None:
    from levensloop_docs.render.markdown_docx import build_docx

    page = rendered(job, context)
    build_docx(page.body, target, properties=run.properties(job), footer=run.footer(job),
               font_size=job.document.font_size)
