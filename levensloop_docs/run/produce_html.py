"""The HTML producer of the Word engine: the job's DOCX, read back as a printable page.

The DOCX is the one this job wrote (or a fresh one in a temporary folder), so the HTML
carries the same text as the Word and PDF versions; ``render/docx_html.py`` explains why.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.atomic import write_text
from levensloop_docs.render.markdown import html_document
from levensloop_docs.run.producers import Output, producer
from levensloop_docs.runtmp import run_tmp

if TYPE_CHECKING:
    from levensloop_docs.run.renderrun import RenderRun


@producer("docx", "html")
def make_html(run: RenderRun, job: Output, context: dict[str, Any], target: Path) -> None:
    from levensloop_docs.render.docx_html import docx_file_to_html

    with tempfile.TemporaryDirectory(prefix="html-", dir=run_tmp()) as tmp:
        page = docx_file_to_html(run.docx_for(job, context, Path(tmp), "html"))
    write_text(target, html_document(page, title=job.properties()["title"], footer=job.footer(),
                                     font_size=job.font_size))
