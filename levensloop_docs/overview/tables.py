"""Rows of the overview as Dutch text cells, and CSV/XLSX files of any table.

CSV is written for Dutch spreadsheet programs (``;`` between fields, UTF-8 with a byte
order mark) and a cell that starts like a formula gets a ``'`` before it, so opening
the file never runs what someone typed in a case.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.overview.deadlines import CaseRow

Table = list[list[str]]


def short(day: date | None) -> str:
    return format_date(day, "short") if day else ""


def _flagged(day: date | None, per: date) -> str:
    if day is None:
        return ""
    return short(day) + (" " + _("(overdue)") if day < per else "")


def overview_columns() -> list[tuple[str, str]]:
    """(key, Dutch header) of the overview table, in print order."""
    return [
        ("casus", _("Case")),
        ("status", _("Status")),
        ("casusregisseur", _("Case director")),
        ("evaluatie", _("Next evaluation")),
        ("titels", _("Legal title ends")),
        ("risicotaxatie", _("Next risk assessment")),
        ("toestemming", _("Consent")),
        ("uitstroom", _("Earliest exit")),
        ("ondertekend", _("Plan signed")),
        ("concept", _("Documents")),
        ("wacht", _("Registration waiting")),
    ]


def overview_cells(row: CaseRow, vocab: Vocabularies) -> dict[str, str]:
    per = row.per
    consent = {
        "ingetrokken": _("withdrawn"), "verlopen": _("expired"), "verloopt": _("expires"),
    }.get(row.toestemming, "")
    if consent and row.toestemming_datum:
        consent += " " + short(row.toestemming_datum)
    titels = "; ".join(f"{vocab['titels'].label(d.detail)} {short(d.day)}" for d in row.titels_aflopend)
    wacht = ""
    if row.wacht_dagen is not None:
        wacht = _("{days} days (since {day})").format(days=row.wacht_dagen, day=short(row.wacht_sinds))
    signed = ""
    if row.status == "geincludeerd":
        signed = _("no") if row.niet_ondertekend else _("yes")
    return {
        "casus": row.casus_id,
        "status": vocab["statussen"].label(row.status),
        "casusregisseur": row.casusregisseur,
        "evaluatie": _flagged(row.volgende_evaluatie, per),
        "titels": titels,
        "risicotaxatie": _flagged(row.volgende_risicotaxatie, per),
        "toestemming": consent,
        "uitstroom": short(row.vroegste_uitstroom),
        "ondertekend": signed,
        "concept": _("only CONCEPT") if row.alleen_concept else "",
        "wacht": wacht,
    }


def overview_table(rows: list[CaseRow], vocab: Vocabularies) -> Table:
    """Header row and one text row per case."""
    columns = overview_columns()
    body = [[cells[k] for k, _h in columns] for cells in (overview_cells(r, vocab) for r in rows)]
    return [[h for _k, h in columns], *body]


def _safe(cell: str) -> str:
    return "'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell


def csv_text(table: Table) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in table:
        writer.writerow([_safe(c) for c in row])
    return "\ufeff" + buffer.getvalue()


def write_csv(path: Path, table: Table) -> None:
    from levensloop_docs.atomic import write_text

    write_text(path, csv_text(table))


def write_xlsx(path: Path, sheets: dict[str, Table]) -> None:
    """One worksheet per table; numbers stay numbers (a suppressed cell stays the text '<5')."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from levensloop_docs.atomic import atomic_path

    book = Workbook()
    book.remove(book.active)
    for name, table in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        for row in table:
            sheet.append([_number(c) for c in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    with atomic_path(path) as tmp:
        book.save(str(tmp))


def _number(cell: str) -> int | float | str:
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        return float(cell.replace(",", ".")) if cell[:1].isdigit() else _safe(cell)
    except ValueError:
        return _safe(cell)
