"""The monitor as tables with small cells hidden, its charts, and the document context.

Every table of counts goes through ``suppression.suppress`` with the lines that add up
in it; percentages are shown only where no cell of their row is hidden (a percentage
and a shown count would give the hidden denominator away).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date, format_number
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.overview.monitor import (
    FORMS,
    MEASURES,
    Period,
    Profile,
    ProfileRow,
    by_region,
    counts,
    escalations,
    profile,
)
from levensloop_docs.overview.suppression import Suppressed, grid_lines, suppress, with_totals
from levensloop_docs.overview.tables import Table
from levensloop_docs.reference.regions import region_label

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def measure_labels() -> dict[str, str]:
    return {
        "aanmeldingen": _("Registrations"), "inclusies": _("Inclusions"),
        "afwijzingen": _("Not included"), "aangehouden": _("Held"), "uitstroom": _("Exits"),
    }


def form_labels() -> dict[str, str]:
    return {"gepland": _("Planned clinical care"), "acute_crisis": _("Acute crisis"),
            "justitie": _("After contact with justice"), "onbekend": _("Form unknown")}


def characteristic_labels() -> dict[str, str]:
    return {
        "geslacht": _("Sex"), "lvb": _("Problems: (suspected) LVB"), "ggz": _("Problems: GGZ"),
        "verslaving": _("Problems: addiction"), "psychosociaal": _("Problems: psychosocial"),
        "wlz": _("Wlz indication"), "forensisch": _("Forensic title"),
        "rm_zm": _("Court authorisation (RM) or care authorisation (ZM)"), "verblijf": _("Stay"),
        "behoefte_opname": _("Need for admission at registration"),
        "behoefte_gemeente": _("Need for municipal support at registration"),
        "reeds_in_zorg": _("Already in care with a partner of the approach"),
    }


def _cells(s: Suppressed, row: int, count: int) -> list[str]:
    return [s.text((row, c)) for c in range(count)]


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


@dataclass
class MonitorReport:
    regio: str
    period: Period
    threshold: int
    tables: dict[str, Table]
    context: dict[str, Any]
    charts: dict[str, bytes]

    @property
    def stem(self) -> str:
        return f"monitor-{self.regio}-{self.period.van.isoformat()}-{self.period.tot.isoformat()}"


def _grid_table(header: list[str], labels: list[str], s: Suppressed) -> Table:
    width = len(header) - 1
    return [header, *[[labels[r], *_cells(s, r, width)] for r in range(len(labels))]]


def counts_over_time(cases: list[Casus], period: Period, threshold: int) -> tuple[Table, Suppressed]:
    """Rows: the five measures; columns: the months of the period and the total."""
    found = counts(cases, period)
    months = period.months()
    values = [[found.per_month[m][ym] for ym in months] for m in MEASURES]
    grid = with_totals(values, row_totals=True, col_totals=False)
    s = suppress(grid, grid_lines(len(grid), len(months) + 1, row_totals=True, col_totals=False), threshold)
    header = ["", *[f"{MONTHS[m - 1]} {y}" for y, m in months], _("Total")]
    labels = list(measure_labels().values())
    return _grid_table(header, labels, s), s


def counts_by_region(
    cases: list[Casus], period: Period, threshold: int
) -> tuple[Table, Suppressed, list[str]]:
    """Rows: the regions and the total; columns: the five measures (regions add up)."""
    per_region = by_region(cases, period)
    regions = list(per_region)
    values = [[per_region[r][m] for m in MEASURES] for r in regions]
    grid = with_totals(values, row_totals=False, col_totals=True)
    s = suppress(grid, grid_lines(len(grid), len(MEASURES), row_totals=False, col_totals=True), threshold)
    header = [_("Region"), *measure_labels().values()]
    labels = [region_label(r) for r in regions] + [_("All regions")]
    return _grid_table(header, labels, s), s, labels


def escalation_table(cases: list[Casus], period: Period, vocab: Vocabularies, threshold: int) -> Table:
    levels = vocab["niveaus"].keys()
    grid = with_totals(escalations(cases, period, levels), row_totals=True, col_totals=True)
    lines = grid_lines(len(grid), len(FORMS) + 1, row_totals=True, col_totals=True)
    s = suppress(grid, lines, threshold)
    header = [_("Level"), *form_labels().values(), _("Total")]
    labels = [vocab["niveaus"].label(k) for k in levels] + [_("Total")]
    return _grid_table(header, labels, s)


def _category_label(row: ProfileRow, key: str, vocab: Vocabularies) -> str:
    if row.key == "verblijf":
        return vocab["verblijf"].label(key)
    return {"ja": _("yes"), "nee": _("no"), "man": _("man"), "vrouw": _("woman"),
            "anders": _("other sex")}.get(key, key)


def profile_table(prof: Profile, vocab: Vocabularies, threshold: int) -> Table:
    """Per characteristic and value: number, percentage of those known; then the unknowns."""
    names = characteristic_labels()
    table: Table = [[_("Characteristic"), _("Value"), _("Number"), _("% of known"), _("Unknown"),
                     _("Total")]]
    for row in prof.rows:
        values = [*row.counts, row.unknown]
        grid = with_totals([values], row_totals=True, col_totals=False)
        s = suppress(grid, grid_lines(1, len(values) + 1, row_totals=True, col_totals=False), threshold)
        hidden_any = any(s.hidden((0, c)) for c in range(len(values) + 1))
        unknown_text, total_text = s.text((0, len(values) - 1)), s.text((0, len(values)))
        for i, key in enumerate(row.categories):
            if row.key == "verblijf" and row.counts[i] == 0:
                continue
            pct = "" if hidden_any else _percent(row.counts[i], row.known)
            first = i == 0 or (row.key == "verblijf" and not any(row.counts[:i]))
            table.append([names[row.key] if first else "", _category_label(row, key, vocab),
                          s.text((0, i)), pct, unknown_text if first else "",
                          total_text if first else ""])
    return table


def age_cells(prof: Profile, threshold: int) -> dict[str, str]:
    ages = prof.ages.known
    small = len(ages) < threshold
    hide = f"<{threshold}"
    return {
        "gemiddeld": "–" if small else format_number(round(sum(ages) / len(ages), 1)),
        "minimum": "–" if small else str(min(ages)),
        "maximum": "–" if small else str(max(ages)),
        "bekend": hide if 0 < len(ages) < threshold else str(len(ages)),
        "onbekend": hide if 0 < prof.ages.unknown < threshold else str(prof.ages.unknown),
    }


def waiting_cells(cases: list[Casus], period: Period, threshold: int) -> dict[str, str]:
    found = counts(cases, period)
    n = len(found.waiting)
    if n < threshold:
        return {"n": f"<{threshold}" if n else "0", "gemiddeld": "–", "mediaan": "–"}
    mean, median = found.waiting_mean or 0.0, found.waiting_median or 0.0
    return {"n": str(n), "gemiddeld": format_number(round(mean, 1)), "mediaan": format_number(median)}


def build_report(found: CaseSet, regio: str, period: Period, threshold: int, made: date,
                 charts: bool = True) -> MonitorReport:
    """The tables and context; ``charts=False`` skips matplotlib (only CSV or XLSX wanted)."""

    vocab = load_vocabularies()
    region_cases = [c for c in found.cases if c.meta.regio == regio]
    time_table, time_s = counts_over_time(region_cases, period, threshold)
    region_table, region_s, region_names = counts_by_region(found.cases, period, threshold)
    prof = profile(region_cases, period, vocab)
    prof_table = profile_table(prof, vocab, threshold)
    esc_table = escalation_table(region_cases, period, vocab, threshold)
    undated = counts(region_cases, period).undated
    labels = measure_labels()
    pictures = {
        "regio": _chart_regions(region_s, region_names, labels, bar_chart),
        "tijd": _chart_time(time_s, time_table[0][1:-1], labels, bar_chart),
    } if charts else {}
    context = {
        "regio": region_label(regio), "van": format_date(period.van), "tot": format_date(period.tot),
        "gemaakt": format_date(made), "drempel": threshold, "casussen": len(region_cases),
        "gelezen": found.total, "overgeslagen": len(found.broken),
        "tijd": time_table, "regios": region_table, "kenmerken": prof_table, "escalaties": esc_table,
        "leeftijd": age_cells(prof, threshold), "wachttijd": waiting_cells(region_cases, period, threshold),
        "populatie": f"<{threshold}" if 0 < prof.population < threshold else str(prof.population),
        "zonder_datum": [f"{labels[m]}: {n if n >= threshold else f'<{threshold}'}"
                         for m, n in undated.items() if n],
    }
    tables = {"aantallen": time_table, "regios": region_table, "kenmerken": prof_table,
              "escalaties": esc_table}
    return MonitorReport(regio, period, threshold, tables, context, pictures)


def _series(s: Suppressed, rows: list[int], col: int, by_row: bool) -> tuple[list[int | None], list[str]]:
    cells = [(r, col) if by_row else (col, r) for r in rows]
    return [s.shown(c) for c in cells], [s.text(c) for c in cells]


def bar_chart(*args: Any) -> bytes:
    from levensloop_docs.overview.charts import bar_chart as draw

    return draw(*args)


def _chart_regions(s: Suppressed, names: list[str], labels: dict[str, str], draw: Any) -> bytes:
    rows = list(range(len(names) - 1))  # the regions, without the total row
    series, marks = {}, {}
    for col, measure in ((0, "aanmeldingen"), (1, "inclusies")):
        series[labels[measure]], marks[labels[measure]] = _series(s, rows, col, True)
    return bytes(draw(names[:-1], series, marks, _("Registrations and inclusions per region"),
                      _("Number")))


def _chart_time(s: Suppressed, months: list[str], labels: dict[str, str], draw: Any) -> bytes:
    cols = list(range(len(months)))
    series, marks = {}, {}
    for row, measure in ((0, "aanmeldingen"), (1, "inclusies")):
        series[labels[measure]], marks[labels[measure]] = _series(s, cols, row, False)
    return bytes(draw(months, series, marks, _("Registrations and inclusions per month"), _("Number")))


def monitor_publication(report: MonitorReport) -> Any:
    """The report as a region-level publication with its charts embedded."""
    from levensloop_docs.overview.charts import data_uri
    from levensloop_docs.overview.documents import publication

    title = _("Monitor levensloopaanpak region {region}").format(region=report.context["regio"])
    pictures = {name: data_uri(png) for name, png in report.charts.items()}
    return publication("monitor", report.context, title, report.stem, report.period.tot, pictures)
