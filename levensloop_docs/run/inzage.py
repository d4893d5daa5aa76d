"""``levensloop inzage CASUS``: the copy of everything a case holds, for an inzageverzoek.

One document for the client (PDF/A with a bookmark per chapter and part, and DOCX/HTML)
built from the case file as stored (``views/inzage``): the current plan, every archived
version in ``CASUS.geschiedenis/``, the evaluations, incidents and minutes, and the
disclosure register (``case/register.read_register``). What concerns others is not in it:
it goes into a second document, ``…_inzage-apart``, for the professional to decide on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.i18n import _, format_date, format_list
from levensloop_docs.run.publish import Publication

if TYPE_CHECKING:
    from levensloop_docs.pdf.metadata import PdfInfo
    from levensloop_docs.views.inzage import Apart, Chapter

CLIENT_FORMATS = ("pdf", "docx", "html")


@dataclass(frozen=True)
class CasePublication(Publication):
    """A publication about one case: its id in the document's properties, always confidential."""

    case_id: str = ""
    # the copy for the client: the case file it was made from (recorded in its register when
    # written, ``run/disclosures.record_job``); None for the part held back for the professional
    for_client_of: Path | None = None
    held_back: int = 0

    def pdf_info(self) -> PdfInfo:
        from levensloop_docs.pdf.metadata import PdfInfo

        return PdfInfo(title=self.title, subject=self.title, case_id=self.case_id, template=self.file_stem,
                       template_version="", created=datetime.now(UTC))


@dataclass(frozen=True)
class Inzage:
    document: CasePublication
    apart: CasePublication | None
    held_back: int
    versions: int
    disclosures: int | None  # None: the register could not be read


def build_inzage(case_path: Path, today: date) -> Inzage:
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.case.history import archived_numbers, version_path
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.reference.policy import load_policy
    from levensloop_docs.views.inzage import case_chapters, read_raw

    casus = load_case(case_path, today=today).casus  # a case that cannot be read is named as such
    vocab, policy = load_vocabularies(), load_policy()
    current = casus.meta.planversie
    apart: list[Apart] = []
    chapters = case_chapters(read_raw(case_path), vocab, policy,
                             _("version {n} (current)").format(n=current),
                             _("The plan now (version {n})").format(n=current), apart, own_chapters=True)
    older = [n for n in reversed(archived_numbers(case_path)) if n != current]
    for number in older:
        heading = _("Earlier version {n} of the plan").format(n=number)
        found = case_chapters(read_raw(version_path(case_path, number)), vocab, policy,
                              _("version {n}").format(n=number), heading, apart, own_chapters=False)
        chapters += found
    register = _register(case_path)
    case_id = casus.meta.casus_id
    context: dict[str, Any] = {
        "casus_id": case_id, "vandaag": format_date(today), "apart": len(apart),
        "hoofdstukken": [_chapter(c) for c in chapters], "verstrekkingen": register,
    }
    title = _("Inzage {case}").format(case=case_id)
    footer = _("Inzage · case {case} · {date} · Confidential").format(case=case_id, date=format_date(today))
    document = CasePublication(_render("inzage/inzage.md", context), title, footer, f"{case_id}_inzage",
                               toc=True, confidential=True, case_id=case_id, for_client_of=case_path,
                               held_back=len(apart))
    side = None
    if apart:
        side_context = {"casus_id": case_id, "vandaag": format_date(today),
                        "apart": [vars(a) for a in apart]}
        side_title = _("Held back at the inzage: decide first ({case})").format(case=case_id)
        side_footer = _("Not for the client without a decision · case {case}").format(case=case_id)
        side = CasePublication(_render("inzage/inzage-apart.md", side_context), side_title, side_footer,
                               f"{case_id}_inzage-apart", confidential=True, case_id=case_id)
    return Inzage(document, side, len(apart), 1 + len(older), None if register is None else len(register))


def _chapter(chapter: Chapter) -> dict[str, Any]:
    return {"titel": chapter.titel, "toelichting": "",
            "blokken": [{"kop": b.kop, "niveau": b.niveau, "rijen": [vars(r) for r in b.rijen]}
                        for b in chapter.blokken]}


def _render(name: str, context: dict[str, Any]) -> Any:
    from levensloop_docs.render.markdown import render_markdown_file
    from levensloop_docs.templatefolders import template_folders, template_path

    return render_markdown_file(template_path(name), context, search_path=template_folders())


def _register(case_path: Path) -> list[dict[str, Any]] | None:
    """The disclosures as rows; None when the register exists but cannot be read."""
    from levensloop_docs.errors import LevensloopError

    try:
        from levensloop_docs.case.register import read_register

        entries = read_register(case_path)
    except (LevensloopError, OSError, ValueError):
        return None
    rows = []
    for v in entries:
        try:
            when = format_date(datetime.fromisoformat(v.tijd).date())
        except ValueError:
            when = v.tijd
        rows.append({
            "wanneer": when, "document": v.titel or v.document,
            "aan": str(v.publiek.get("label") or v.publiek.get("sleutel") or ""),
            "grond": str(v.grondslag.get("label") or v.grondslag.get("route") or ""),
            "gedeeld": format_list(v.gedeeld.values()), "aantal": v.aantal,
        })
    return rows


def write_inzage(inzage: Inzage, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """The client's document as PDF/A (bookmarks from its headings) and DOCX/HTML; the part held
    back as DOCX/HTML only: a working paper for the professional."""
    from levensloop_docs.run.renderrun import RenderRun, render_job

    written: list[Path] = []
    with RenderRun(out_dir=out_dir, pdf_a=True) as run:
        written += render_job(run, inzage.document.in_formats(formats))
        if inzage.apart is not None:
            side = tuple(f for f in formats if f != "pdf") or ("docx",)
            written += render_job(run, inzage.apart.in_formats(side))
    return written
