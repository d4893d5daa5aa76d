"""Generic leaflets and the regional handreiking: Markdown for a region, not for a case.

A leaflet is one Markdown template per partner type (``templates/partnerinfo/folders/``).
The handreiking is composed of chapters (``templates/handreiking/*.md``, in name order);
a region adds a chapter or replaces one of the same name by putting a file in
``templates/handreiking/<regio>/``. Both get the same region context (contacts, route,
beds, criteria). Each is a ``Publication``: a job of the one render pipeline
(``renderrun.render_job``), written as HTML, DOCX and PDF by the same producers as a
case's documents. The handreiking's table of contents gets its page numbers from a first
PDF pass (``produce_pdf.make_pdf``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.errors import UsageError
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.reference.regions import Region
from levensloop_docs.render.markdown import (
    RenderedMarkdown,
    demote_headings,
    render_markdown_file,
    with_anchors,
)
from levensloop_docs.run.renderrun import RenderRun
from levensloop_docs.templatefolders import template_files, template_folders, template_path
from levensloop_docs.views.regio import publisher, region_context

if TYPE_CHECKING:
    from levensloop_docs.case.safety import OpenPoint
    from levensloop_docs.pdf.metadata import PdfInfo

FORMATS = ("pdf", "html", "docx")
Context = dict[str, Any]


LEAFLETS, CHAPTERS = "partnerinfo/folders", "handreiking"


def leaflet_kinds() -> list[str]:
    """The partner types that have a leaflet: one Markdown file each (shipped or the region's own)."""
    return sorted(p.stem for p in template_files(LEAFLETS, "*.md") if not p.name.startswith(("_", ".")))


def render_leaflet(kind: str, region: Region, today: date) -> RenderedMarkdown:
    template = template_path(f"{LEAFLETS}/{kind}.md")
    if kind not in leaflet_kinds():
        msg = _("There is no leaflet for '{kind}'. Choose from: {known}.")
        raise UsageError(msg.format(kind=kind, known=", ".join(leaflet_kinds())))
    context = leaflet_context(kind, region, today)
    return render_markdown_file(template, context, search_path=template_folders())


def leaflet_context(kind: str, region: Region, today: date) -> Context:
    """What a leaflet template receives (also the shape ``sjablonen controleer`` checks against)."""
    return {**region_context(region, load_vocabularies(), today), "partner": kind}


def chapter_files(region_key: str) -> list[Path]:
    """The chapters in name order; a file in the region's folder wins over the general one."""
    chosen: dict[str, Path] = {}
    for folder in (CHAPTERS, f"{CHAPTERS}/{region_key}"):
        for path in template_files(folder, "*.md"):
            if not path.name.startswith(("_", ".")):
                chosen[path.name] = path
    return [chosen[name] for name in sorted(chosen)]


def render_handreiking(region: Region, today: date) -> RenderedMarkdown:
    files = chapter_files(region.sleutel)
    if not files:
        msg = _("There are no chapters for the handreiking in {folder}.")
        raise UsageError(msg.format(folder=template_path(CHAPTERS)))
    context = handreiking_context(region, today)
    parts = []
    for path in files:
        chapter = render_markdown_file(path, context, search_path=template_folders())
        parts.append(f'<section class="hoofdstuk">\n{demote_headings(chapter.body)}\n</section>')
    title = _("Guide to the levensloopaanpak")
    subtitle = _("Region {region} · for partners in care, safety and the social domain")
    version = _("Version of {date}").format(date=_esc(format_date(today)))
    cover = (
        f"<h1>{title}</h1>\n<p class=\"ondertitel\">{subtitle.format(region=_esc(region.naam))}</p>\n"
        f"<p>{version}</p>\n<div class=\"inhoudsopgave\"></div>\n"
    )
    return with_anchors(cover + "\n".join(parts))


def handreiking_context(region: Region, today: date, draw: bool = True) -> Context:
    """What every chapter of the handreiking receives; ``draw=False``: without the chart's pictures."""
    vocab = load_vocabularies()
    context: Context = {**region_context(region, vocab, today), "rollen": _roles(vocab)}
    context.update(stroomschema_context(context["regio"], draw))
    return context


def stroomschema_context(regio: Mapping[str, Any], draw: bool = True) -> Context:
    """The region's stroomschema (Graphviz PNG, alt text, the same content as table rows)."""
    from levensloop_docs.render import stroomschema

    return stroomschema.stroomschema_context(regio, draw)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def _roles(vocab: Vocabularies) -> dict[str, str]:
    return {k: vocab["rollen"].label(k) for k in vocab["rollen"]}


@dataclass(frozen=True)
class Publication:
    """One region document to write: its content, title, footer and file stem.

    A job of the one render pipeline (``renderrun.render_job``, ``producers.Output``), like
    a case's Markdown document: the same producers, properties and PDF step. It is about
    no one case, so the safety gate has nothing to weigh and nothing is marked CONCEPT.
    """

    rendered: RenderedMarkdown
    title: str
    footer_line: str
    file_stem: str
    toc: bool = False
    confidential: bool = False  # about cases (overview, agenda), not a public leaflet
    landscape: bool = False  # wide tables (overview, monitor): A4 on its side
    font_size: float | None = None  # body text in points; None: the house 11 pt
    formats: tuple[str, ...] = ()
    concept: tuple[OpenPoint, ...] = ()

    def in_formats(self, formats: tuple[str, ...]) -> Publication:
        """The job that writes this publication in ``formats`` (an unknown one: a Dutch error)."""
        wrong = [f for f in formats if f not in FORMATS]
        if wrong:
            msg = _("Unknown format: {formats}. Choose from: {known}.")
            raise UsageError(msg.format(formats=", ".join(wrong), known=", ".join(FORMATS)))
        return replace(self, formats=formats)

    @property
    def engine(self) -> str:
        return "markdown"

    @property
    def name(self) -> str:
        return self.file_stem

    def stem(self) -> str:
        return self.file_stem

    def target(self, out_dir: Path, fmt: str) -> Path:
        return out_dir / f"{self.file_stem}.{fmt}"

    def gated(self, run: RenderRun) -> Publication:
        return self

    def context(self, run: RenderRun) -> Context:
        return {}

    def page(self, context: Context) -> RenderedMarkdown:
        return self.rendered

    def properties(self) -> dict[str, str]:
        return {"title": self.title, "subject": self.title, "keywords": "levensloopaanpak",
                "comments": "levensloop-docs",
                "category": _("Confidential") if self.confidential else _("Public")}  # fmt: skip

    def footer(self) -> str:
        return self.footer_line

    def pdf_info(self) -> PdfInfo:
        from levensloop_docs.pdf.metadata import PdfInfo

        return PdfInfo(title=self.title, subject=self.title, case_id="", template=self.file_stem,
                       template_version="", created=datetime.now(UTC))


def leaflet_publication(kind: str, region: Region, today: date) -> Publication:
    rendered = render_leaflet(kind, region, today)
    title = rendered.title or _("Levensloopaanpak: information for partners")
    # the leaflet's own date (when the region set it), as in its heading; not the print date
    footer = _("Levensloopaanpak · region {region} · {date}").format(
        region=region.naam, date=publisher(region, today)["vastgesteld"])
    return Publication(rendered, title, footer, f"partnerinfo-{kind}-{region.sleutel}")


def handreiking_publication(region: Region, today: date) -> Publication:
    rendered = render_handreiking(region, today)
    title = _("Handreiking levensloopaanpak region {region}").format(region=region.naam)
    footer = _("Handreiking levensloopaanpak · region {region} · {date}").format(
        region=region.naam, date=format_date(today))
    return Publication(rendered, title, footer, f"handreiking-{region.sleutel}", toc=True)
