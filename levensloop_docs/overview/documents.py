"""The overview, the agenda and the monitor as region-level publications (run/publish.py).

Each is a Markdown template in ``templates/overzicht/`` rendered with a plain context of
text cells; the one render pipeline (``run.renderrun.render_job``) writes it as PDF, HTML
and DOCX like the leaflets and a case's documents.
CSV and XLSX are written here, from the same tables.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.i18n import _, format_date
from levensloop_docs.render.markdown import RenderedMarkdown, render_markdown_file, with_anchors
from levensloop_docs.run.publish import Publication
from levensloop_docs.templatefolders import template_folders, template_path

DOCUMENT_FORMATS = ("pdf", "html", "docx")
TABLE_FORMATS = ("csv", "xlsx")


def template(name: str) -> Path:
    return template_path(f"overzicht/{name}.md")


def render(name: str, context: dict[str, Any]) -> RenderedMarkdown:
    return render_markdown_file(template(name), context, search_path=template_folders())


def publication(name: str, context: dict[str, Any], title: str, stem: str, per: date,
                pictures: dict[str, str] | None = None, landscape: bool = False,
                font_size: float | None = None) -> Publication:
    """A region-level document; ``pictures`` fills ``<img>`` placeholders (see charts.embed)."""
    rendered = render(name, context)
    if pictures:
        from levensloop_docs.overview.charts import embed

        rendered = with_anchors(embed(rendered.body, pictures))
    confidential = _("Confidential")
    footer = f"{title} · {format_date(per)} · {confidential}"
    return Publication(rendered, title, footer, stem, confidential=True, landscape=landscape,
                       font_size=font_size)


def write_publication(pub: Publication | None, formats: tuple[str, ...], out_dir: Path,
                      tables: dict[str, list[list[str]]], stem: str = "") -> list[Path]:
    """Write the documents (one LibreOffice for PDF) and the tables (CSV: the first table)."""
    from levensloop_docs.overview.tables import write_csv, write_xlsx
    from levensloop_docs.run.renderrun import RenderRun, render_job

    written: list[Path] = []
    docs = tuple(f for f in formats if f in DOCUMENT_FORMATS)
    stem = pub.stem() if pub is not None else stem  # without a document the caller names the files
    if docs and pub is not None:
        with RenderRun(out_dir=out_dir) as run:
            written += render_job(run, pub.in_formats(docs))
    if "csv" in formats:
        for i, (name, table) in enumerate(tables.items()):
            target = out_dir / (f"{stem}.csv" if i == 0 else f"{stem}-{name}.csv")
            write_csv(target, table)
            written.append(target)
    if "xlsx" in formats:
        target = out_dir / f"{stem}.xlsx"
        write_xlsx(target, tables)
        written.append(target)
    return written
