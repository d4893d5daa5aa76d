"""Generic leaflets and the regional handreiking: Markdown for a region, not for a case.

A leaflet is one Markdown template per partner type (``templates/partnerinfo/folders/``).
The handreiking is composed of chapters (``templates/handreiking/*.md``, in name order);
a region adds a chapter or replaces one of the same name by putting a file in
``templates/handreiking/<regio>/``. Both get the same region context (contacts, route,
beds, criteria) and are written as HTML, DOCX and PDF (DOCX through the shared
LibreOffice). The handreiking's table of contents gets its page numbers from a first
PDF pass: the headings are looked up in that PDF and the DOCX is made again with them.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from levensloop_docs.errors import UsageError
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.reference.regions import Region, national_criteria
from levensloop_docs.render.markdown import (
    RenderedMarkdown,
    demote_headings,
    html_document,
    render_markdown_file,
    toc_html,
    with_anchors,
)
from levensloop_docs.run.renderrun import RenderRun
from levensloop_docs.templatefolders import template_files, template_folders, template_path
from levensloop_docs.views.common import contact_view, region_view, text
from levensloop_docs.views.regio import region_extras

FORMATS = ("pdf", "html", "docx")
Context = dict[str, Any]


LEAFLETS, CHAPTERS = "partnerinfo/folders", "handreiking"


def leaflet_kinds() -> list[str]:
    """The partner types that have a leaflet: one Markdown file each (shipped or the region's own)."""
    return sorted(p.stem for p in template_files(LEAFLETS, "*.md") if not p.name.startswith(("_", ".")))


def region_context(region: Region, vocab: Vocabularies, today: date) -> Context:
    rollen, niveaus, bedtypes = vocab["rollen"], vocab["niveaus"], vocab["bedtypes"]
    return {
        "regio": {
            **region_view(region.sleutel, region),
            "criteria": [c.tekst for c in region.criteria],
            "bedden": [
                {"naam": b.naam, "bedtype": bedtypes.label(b.bedtype), "plaats": b.plaats,
                 "beveiligingsniveau": b.beveiligingsniveau or "",
                 "contact": b.contact, "telefoon": b.telefoon}
                for b in region.bedden
            ],
            "route": [
                {"nummer": i, "niveau": niveaus.label(s.niveau), "niveau_sleutel": s.niveau,
                 "wie": [rollen.label(r) for r in s.wie], "wie_sleutels": list(s.wie), "wat": s.wat,
                 # the neighbours on the route: where opschalen and afschalen lead from here
                 "hoger": niveaus.label(region.route[i].niveau) if i < len(region.route) else "",
                 "lager": niveaus.label(region.route[i - 2].niveau) if i > 1 else ""}
                for i, s in enumerate(region.route, start=1)
            ],
            "aanmeldpunten": [
                {**contact_view(a), "werkgebied": text(a.werkgebied)} for a in region.aanmeldpunten
            ],
            "bijzonderheden": list(region.bijzonderheden),
            # role keys in ring 1 of this region, in the profile's order; the rest is ring 2
            "eerste_ring": list(region.eerste_ring),
            "uitgave": _publisher(region, today),
            **region_extras(region, vocab),
        },
        "criteria_landelijk": [c.tekst for c in national_criteria()],
        "datum": format_date(today),
    }


def _publisher(region: Region, today: date) -> Context:
    """Who publishes the region's documents and when they are reviewed (default: a year on)."""
    issued = region.vastgesteld or today
    review = region.herzien or issued.replace(year=issued.year + 1, day=min(issued.day, 28))
    return {"uitgever": region.uitgever or region.zvh.naam, "vastgesteld": format_date(issued),
            "herzien": format_date(review)}


def render_leaflet(kind: str, region: Region, today: date) -> RenderedMarkdown:
    template = template_path(f"{LEAFLETS}/{kind}.md")
    if kind not in leaflet_kinds():
        msg = _("There is no leaflet for '{kind}'. Choose from: {known}.")
        raise UsageError(msg.format(kind=kind, known=", ".join(leaflet_kinds())))
    context = region_context(region, load_vocabularies(), today)
    context["partner"] = kind
    return render_markdown_file(template, context, search_path=template_folders())


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
    context = region_context(region, load_vocabularies(), today)
    context["rollen"] = _roles(load_vocabularies())
    context.update(stroomschema_context(context["regio"]))
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


def stroomschema_context(regio: Context) -> Context:
    """The region's stroomschema (Graphviz PNG, alt text, the same content as table rows)."""
    from levensloop_docs.render import stroomschema

    return stroomschema.stroomschema_context(regio)


def _esc(text: str) -> str:
    import html

    return html.escape(text)


def _roles(vocab: Vocabularies) -> dict[str, str]:
    return {k: vocab["rollen"].label(k) for k in vocab["rollen"]}


@dataclass(frozen=True)
class Publication:
    """One region document to write: its content, title, footer and file stem."""

    rendered: RenderedMarkdown
    title: str
    footer: str
    stem: str
    toc: bool = False
    confidential: bool = False  # about cases (overview, agenda), not a public leaflet
    landscape: bool = False  # wide tables (overview, monitor): A4 on its side
    font_size: float | None = None  # body text in points; None: the house 11 pt


def publish(pub: Publication, formats: tuple[str, ...], run: RenderRun) -> list[Path]:
    """Write ``pub`` in every format into the run's output folder (PDF with the run's LibreOffice)."""
    from levensloop_docs.atomic import ensure_dir, write_text
    from levensloop_docs.render.markdown_docx import build_docx

    out_dir = run.out_dir
    ensure_dir(out_dir)
    written: list[Path] = []
    pages: dict[str, int] | None = None
    if "pdf" in formats:
        target = out_dir / f"{pub.stem}.pdf"
        pages = _write_pdf(pub, target, run)
        written.append(target)
    for fmt in formats:
        target = out_dir / f"{pub.stem}.{fmt}"
        if fmt == "html":
            page = html_document(pub.rendered, title=pub.title, footer=pub.footer)
            contents = toc_html(pub.rendered.headings, first=2, levels=3) if pub.toc else ""
            write_text(target, page.replace('<div class="inhoudsopgave"></div>', contents))
        elif fmt == "docx":
            build_docx(pub.rendered.body, target, properties=_properties(pub), footer=pub.footer,
                       toc=_toc(pub, pages), landscape=pub.landscape,
                       font_size=pub.font_size)
        elif fmt != "pdf":
            msg = _("Unknown format: {formats}. Choose from: {known}.")
            raise UsageError(msg.format(formats=fmt, known=", ".join(FORMATS)))
        if fmt != "pdf":
            written.append(target)
    order = {f: i for i, f in enumerate(formats)}
    return sorted(written, key=lambda p: order.get(p.suffix[1:], 99))


def _properties(pub: Publication) -> dict[str, str]:
    return {"title": pub.title, "subject": pub.title, "keywords": "levensloopaanpak",
            "comments": "levensloop-docs",
            "category": _("Confidential") if pub.confidential else _("Public")}  # fmt: skip


def _toc(pub: Publication, pages: dict[str, int] | None) -> list[Any] | None:
    from levensloop_docs.render.markdown_docx import TocEntry

    if not pub.toc:
        return None
    return [
        TocEntry(h.level - 1, h.text, (pages or {}).get(h.anchor))
        for h in pub.rendered.headings if h.level in (2, 3)
    ]


def _write_pdf(pub: Publication, target: Path, run: RenderRun) -> dict[str, int]:
    """Convert via DOCX; with a table of contents, twice (the second with page numbers)."""
    from levensloop_docs.atomic import write_bytes
    from levensloop_docs.pdf.metadata import PdfInfo, finish
    from levensloop_docs.render.markdown_docx import build_docx

    converter = run.converter
    pages: dict[str, int] = {}
    from levensloop_docs.runtmp import run_tmp  # with the run's other temporary files

    with tempfile.TemporaryDirectory(prefix="partner-", dir=run_tmp()) as tmp:
        docx, raw = Path(tmp) / f"{pub.stem}.docx", Path(tmp) / f"{pub.stem}.pdf"
        for _pass in range(2 if pub.toc else 1):
            build_docx(pub.rendered.body, docx, properties=_properties(pub), footer=pub.footer,
                       toc=_toc(pub, pages or {h.anchor: 99 for h in pub.rendered.headings}),
                       landscape=pub.landscape, font_size=pub.font_size)
            converter.convert(docx, raw)
            if pub.toc:
                pages = heading_pages(raw, pub.rendered)
        info = PdfInfo(title=pub.title, subject=pub.title, case_id="", template=pub.stem,
                       template_version="", created=datetime.now(UTC))
        write_bytes(target, finish(raw.read_bytes(), info))
    return pages


def heading_pages(pdf: Path, rendered: RenderedMarkdown) -> dict[str, int]:
    """The page (1-based) of each h2/h3, found in order in the text of the PDF."""
    from pypdf import PdfReader

    texts = ["".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    found: dict[str, int] = {}
    wanted = [h for h in rendered.headings if h.level in (2, 3)]
    # start after the table of contents, which lists every heading too
    start = _after_contents(texts, wanted)
    index = start
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


def leaflet_publication(kind: str, region: Region, today: date) -> Publication:
    rendered = render_leaflet(kind, region, today)
    title = rendered.title or _("Levensloopaanpak: information for partners")
    # the leaflet's own date (when the region set it), as in its heading; not the print date
    footer = _("Levensloopaanpak · region {region} · {date}").format(
        region=region.naam, date=_publisher(region, today)["vastgesteld"])
    return Publication(rendered, title, footer, f"partnerinfo-{kind}-{region.sleutel}")


def handreiking_publication(region: Region, today: date) -> Publication:
    rendered = render_handreiking(region, today)
    title = _("Handreiking levensloopaanpak region {region}").format(region=region.naam)
    footer = _("Handreiking levensloopaanpak · region {region} · {date}").format(
        region=region.naam, date=format_date(today))
    return Publication(rendered, title, footer, f"handreiking-{region.sleutel}", toc=True)
