"""The overview as a document: the context of ``templates/overzicht/overzicht.md``."""

from __future__ import annotations

from datetime import date

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.overview.deadlines import HORIZON_DAYS, CaseRow
from levensloop_docs.overview.documents import publication
from levensloop_docs.overview.tables import Table, overview_table
from levensloop_docs.run.publish import Publication


def overview_publication(rows: list[CaseRow], per: date, found: CaseSet, render: bool = True,
                         regio: str = "", stem: str = "") -> tuple[Publication | None, Table]:
    """The document and its table; ``render=False`` skips the document (only a CSV is wanted).

    Landscape; a row that needs action this week or is overdue is marked (shaded and bold in
    Word and PDF, ``class="actie"`` in HTML).
    """
    table = overview_table(rows, load_vocabularies())
    if not render:
        return None, table
    marked = [r.action() in ("te_laat", "deze_week") for r in rows]
    context = {
        "per": format_date(per), "aantal": len(rows), "regio": regio, "totaal": found.total,
        "overgeslagen": len(found.broken), "koppen": table[0],
        "rijen": [{"cellen": cells, "actie": mark} for cells, mark in zip(table[1:], marked, strict=True)],
        "horizon": HORIZON_DAYS,
    }
    title = _("Overview of cases")
    return publication("overzicht", context, title, stem or f"overzicht-{per.isoformat()}", per,
                       landscape=True, font_size=8.5), table
