"""Producers of the Markdown engine in a render run: HTML and DOCX (PDF goes via the DOCX).

``produce_pdf.py`` registers ("markdown", "pdf"): it asks the ("markdown", "docx")
producer below for a DOCX and converts it with the run's LibreOffice, so a Markdown
document prints with the same footer and page numbers as its Word version. A case's
Markdown documents and the region publications (``run/publish.py``) both come here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.atomic import write_text
from levensloop_docs.render.markdown import RenderedMarkdown, html_document, toc_html
from levensloop_docs.run.producers import Output, producer

if TYPE_CHECKING:
    from levensloop_docs.render.markdown_docx import TocEntry
    from levensloop_docs.run.renderrun import RenderRun

# where a page with a table of contents wants it (the handreiking's cover)
CONTENTS = '<div class="inhoudsopgave"></div>'


@producer("markdown", "html")
def make_html(run: RenderRun, job: Output, context: dict[str, Any], target: Path) -> None:
    page = job.page(context)
    contents = toc_html(page.headings, first=2, levels=3) if job.toc else ""
    text = html_document(page, title=job.properties()["title"], footer=job.footer(),
                         font_size=job.font_size)
    write_text(target, text.replace(CONTENTS, contents))


@producer("markdown", "docx")
def make_docx(run: RenderRun, job: Output, context: dict[str, Any], target: Path) -> None:
    from levensloop_docs.render.markdown_docx import build_docx

    page = job.page(context)
    build_docx(page.body, target, properties=job.properties(), footer=job.footer(),
               toc=toc_entries(run, job, page), landscape=job.landscape, font_size=job.font_size)


def toc_entries(run: RenderRun, job: Output, page: RenderedMarkdown) -> list[TocEntry] | None:
    """The contents (h2, h3) with the pages a PDF of this run found for them (none: no numbers)."""
    from levensloop_docs.render.markdown_docx import TocEntry

    if not job.toc:
        return None
    pages = run.pages.get(job.stem(), {})
    return [TocEntry(h.level - 1, h.text, pages.get(h.anchor)) for h in page.headings if h.level in (2, 3)]
