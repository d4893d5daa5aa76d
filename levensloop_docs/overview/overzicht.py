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


def overview_publication(rows: list[CaseRow], per: date, found: CaseSet,
                         render: bool = True) -> tuple[Publication | None, Table]:
    """The document and its table; ``render=False`` skips the document (only a CSV is wanted)."""
    table = overview_table(rows, load_vocabularies())
    if not render:
        return None, table
    context = {
        "per": format_date(per), "aantal": len(rows), "regio": "", "totaal": found.total,
        "overgeslagen": len(found.broken), "koppen": table[0], "rijen": table[1:],
        "horizon": HORIZON_DAYS,
    }
    title = _("Overview of cases")
    return publication("overzicht", context, title, f"overzicht-{per.isoformat()}", per), table
