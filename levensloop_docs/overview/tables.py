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
from levensloop_docs.overview.deadlines import CaseRow, Deadline

Table = list[list[str]]


def short(day: date | None) -> str:
    return format_date(day, "short") if day else ""


def _flagged(day: date | None, per: date) -> str:
    if day is None:
        return ""
    return short(day) + (" " + _("(overdue)") if day < per else "")


def overview_columns() -> list[tuple[str, str]]:
    """(key, short Dutch header) of the overview table, in print order (landscape, one line each)."""
    return [
        ("actie", _("Action")),
        ("casus", _("Case")),
        ("regio", _("Region")),
        ("status", _("Status")),
        ("casusregisseur", _("Case director")),
        ("evaluatie", _("Evaluation")),
        ("titels", _("Title ends")),
        ("risicotaxatie", _("Risk ass.")),
        ("toestemming", _("Consent")),
        ("uitstroom", _("Exit")),
        ("escalatie", _("Last escalation")),
        ("signalen", _("Signals")),
    ]


def action_labels() -> dict[str, str]:
    return {"te_laat": _("overdue"), "deze_week": _("this week"), "binnen_90": _("within 90 days"), "": ""}


def signal_text(signal: Deadline, vocab: Vocabularies) -> str:
    day = short(signal.day)
    if signal.kind == "overleg_voorbij":
        return _("aanmeldoverleg of {day} passed without a decision").format(day=day)
    if signal.kind == "titel_afgelopen":
        title = vocab["titels"].label(signal.detail)
        return _("{title} ended {day}, no follow-up").format(title=title, day=day)
    if signal.kind == "vrijlating":
        return _("release from detention {day}").format(day=day)
    return ""


def _consent_cell(row: CaseRow) -> str:
    consent = {
        "ingetrokken": _("withdrawn"), "verlopen": _("expired"), "verloopt": _("expires"),
    }.get(row.toestemming, "")
    if consent and row.toestemming_datum:
        return consent + " " + short(row.toestemming_datum)
    if row.toestemming_sinds:  # given, without an end in sight: say since when
        return _("since {day}").format(day=short(row.toestemming_sinds))
    return ""


def overview_cells(row: CaseRow, vocab: Vocabularies) -> dict[str, str]:
    from levensloop_docs.reference.regions import region_label

    per = row.per
    titels = "; ".join(f"{vocab['titels'].label(d.detail)} {short(d.day)}" for d in row.titels_aflopend)
    signals = [signal_text(s, vocab) for s in row.signalen]
    if row.wacht_dagen is not None:
        wait = _("{days} days (since {day})").format(days=row.wacht_dagen, day=short(row.wacht_sinds))
        signals.insert(0, wait)
    if row.status == "geincludeerd" and row.niet_ondertekend:
        signals.append(_("plan not signed by everyone"))
    if row.alleen_concept:  # the safety gate (case/safety.py): no document can be final yet
        signals.append(_("documents only as CONCEPT"))
    status = vocab["statussen"].label(row.status)
    if row.niveau:  # the current level of care, with the status: one column less on the page
        status += f" · {vocab['niveaus'].label(row.niveau)}"
    escalation = ""
    if row.laatste_escalatie is not None:
        last = row.laatste_escalatie
        escalation = f"{short(last.day)} {vocab['niveaus'].label(last.detail)}"
    exit_cell = _("possible") if row.uitstroom_mogelijk else short(row.vroegste_uitstroom)
    return {
        "actie": action_labels()[row.action()],
        "casus": row.casus_id,
        "regio": region_label(row.regio),
        "status": status,
        "casusregisseur": row.casusregisseur,
        "evaluatie": _flagged(row.volgende_evaluatie, per),
        "titels": titels,
        "risicotaxatie": _flagged(row.volgende_risicotaxatie, per),
        "toestemming": _consent_cell(row),
        "uitstroom": exit_cell,
        "escalatie": escalation,
        "signalen": "; ".join(s for s in signals if s),
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
