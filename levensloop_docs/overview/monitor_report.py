"""The monitor of a region, a group of regions or the whole country, from protected blocks.

Every figure is a block cell or a sum of block cells (``protection.py``), so reports for
overlapping or adjacent periods, or for a region and its group, never give a hidden cell
away. The report shows: the flows per calendar year with the previous period of the same length,
the regions side by side, the caseload, the profile at inclusion in the layout of Tabel 4
of the Noord Nederland evaluation (percentages over the known values, unknowns stated), the
escalations, and the criteria that were not met when someone was not included.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.overview.monitor import FORMS, MEASURES, Period
from levensloop_docs.overview.monitor_blocks import (
    BED_WAIT_BANDS,
    NATIONAL_CRITERIA,
    NO_REASON,
    SINCE_INCLUSION_BANDS,
    YEAR_COL,
    YES_NO_ITEMS,
    BedColumns,
    Blocks,
    EscalationColumns,
    build_blocks,
    characteristics,
    registrant_kinds,
    waiting_days,
)
from levensloop_docs.overview.protection import NATIONAL, Block, Value, hierarchy, total
from levensloop_docs.overview.tables import Table
from levensloop_docs.reference.regiogroups import Selection, ketenveldnorm_groups, load_groups, select
from levensloop_docs.reference.regions import region_keys, region_label

MIN_THRESHOLD = 3


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
        "geslacht": _("Sex"), "leeftijd": _("Age at inclusion"),
        "lvb": _("Problems: (suspected) LVB"), "ggz": _("Problems: GGZ"),
        "verslaving": _("Problems: addiction"), "psychosociaal": _("Problems: psychosocial"),
        "nah": _("Problems: NAH"),
        "wlz_indicatie": _("Wlz indication"), "forensische_titel": _("Forensic title"),
        "machtiging": _("Court authorisation (RM) or care authorisation (ZM) at registration"),
        "verblijf": _("Stay at registration"),
        "behoefte_opname": _("Need for admission at registration"),
        "behoefte_gemeente": _("Need for municipal support at registration"),
        "reeds_in_zorg": _("Already in care with a partner of the approach"),
    }


def _value_label(key: str, value: str, vocab: Vocabularies) -> str:
    if key == "verblijf" and value != "onbekend":
        return vocab["verblijf"].label(value)
    return {"ja": _("yes"), "nee": _("no"), "onbekend": _("unknown"), "man": _("man"),
            "vrouw": _("woman"), "anders": _("other sex")}.get(value, value)


# -- periods ----------------------------------------------------------------------------------


def year_aligned(period: Period) -> bool:
    return (period.van.month, period.van.day, period.tot.month, period.tot.day) == (1, 1, 12, 31)


def years_of(period: Period) -> list[int]:
    return list(range(period.van.year, period.tot.year + 1))


def snap(period: Period) -> Period:
    """The whole calendar years that hold the period (the CLI asks for them; this is for callers)."""
    return Period(date(period.van.year, 1, 1), date(period.tot.year, 12, 31))


def previous(period: Period) -> Period:
    n = len(years_of(period))
    return Period(date(period.van.year - n, 1, 1), date(period.van.year - 1, 12, 31))


# -- reading the blocks for a selection -------------------------------------------------------


def _rows(blocks: Blocks, selection: Selection) -> list[str] | str:
    """The block row of the selection, or the regions to add up (a list given with commas)."""
    if selection.regios is None:
        return NATIONAL
    hier = blocks.hier
    if selection.sleutel in hier.rows:
        return selection.sleutel
    return [r for r in selection.regios if r in hier.leaves]


def _cell(block: Block | None, rows: list[str] | str, col: int) -> Value:
    if block is None:
        return Value.exact(0)
    if isinstance(rows, str):
        return block.value(rows, col)
    return total(block.value(r, col) for r in rows)


def flow(blocks: Blocks, measure: str, rows: list[str] | str, period: Period) -> Value:
    """The measure over the period's years: the sum of the year cells."""
    return total(_cell(blocks.flows.get((measure, y)), rows, YEAR_COL) for y in years_of(period))


def since_start(blocks: Blocks, measure: str, rows: list[str] | str, until: Period) -> Value:
    first = min(blocks.years, default=until.van.year)
    return flow(blocks, measure, rows, Period(date(first, 1, 1), until.tot))


def _percent(part: Value, known: Value) -> str:
    if not (part.is_exact and known.is_exact) or known.lo == 0:
        return "–"
    return f"{round(100 * part.lo / known.lo)}%"


# -- the report -------------------------------------------------------------------------------


@dataclass
class MonitorReport:
    regio: str
    period: Period
    threshold: int
    tables: dict[str, Table]
    context: dict[str, Any]
    charts: dict[str, bytes]
    made: date = date.min

    @property
    def stem(self) -> str:
        return f"monitor-{self.regio}-{self.period.van.isoformat()}-{self.period.tot.isoformat()}"


def make_blocks(found: CaseSet, threshold: int, last_year: int) -> Blocks:
    """The protected blocks up to ``last_year``: the same for every report on this folder."""
    key = ("monitor-blocks", threshold, last_year)
    if key not in found.memo:
        found.memo[key] = _make_blocks(found, threshold, last_year)
    blocks: Blocks = found.memo[key]
    return blocks


def _make_blocks(found: CaseSet, threshold: int, last_year: int) -> Blocks:
    groups = {g.sleutel: g.regios for g in load_groups().values()}
    hier = hierarchy([*region_keys(), *(c.meta.regio for c in found.cases)], groups)
    units = {g.sleutel: g.regios for g in ketenveldnorm_groups()}
    return build_blocks(found.cases, hier, load_vocabularies(), threshold, last_year, units)


def build_report(found: CaseSet, regio: str, period: Period, threshold: int, made: date,
                 charts: bool = True) -> MonitorReport:
    """The tables and context; ``charts=False`` skips matplotlib (only CSV or XLSX wanted)."""
    threshold = max(threshold, MIN_THRESHOLD)
    selection = select(regio)
    period = snap(period)
    before = previous(period)
    blocks = make_blocks(found, threshold, period.tot.year)
    rows = _rows(blocks, selection)
    vocab = load_vocabularies()
    labels = measure_labels()
    time_table = _time_table(blocks, rows, period, before)
    region_table, region_rows = _region_table(blocks, selection, period)
    profile_years = [y for y in blocks.years if y <= period.tot.year]
    unit_rows = _profile_rows(blocks, selection)
    kenmerken, tabel4, population = _profile_tables(blocks, unit_rows or [], profile_years, vocab)
    covered = years_of(period)
    tables = {
        "aantallen": time_table, "regios": region_table, "tabel4": tabel4, "kenmerken": kenmerken,
        "escalaties": _escalation_table(blocks, rows, covered, vocab),
        "bed_wachttijd": _bed_table(blocks, unit_rows, covered, "wait"),
        "bed_na_inclusie": _bed_table(blocks, unit_rows, covered, "since"),
        "aanmelders": _registrant_table(blocks, unit_rows, covered, vocab),
        "redenen": _reasons_table(blocks, rows, covered),
        "redenen_regio": _regional_reasons_table(blocks, selection, covered),
    }
    context = {
        "regio": selection.naam, "van": format_date(period.van), "tot": format_date(period.tot),
        "vorige_van": format_date(before.van), "vorige_tot": format_date(before.tot),
        "gemaakt": format_date(made), "drempel": threshold,
        "casussen": sum(1 for c in found.cases if selection.covers(c.meta.regio)),
        "gelezen": found.total, "overgeslagen": len(found.broken),
        "stand": _stock(blocks, rows, period, selection),
        "populatie": population.text(), "kenmerken_jaren": _years_text(profile_years),
        "kenmerken_gepoold": unit_rows is not None,
        "kenmerken_eenheid": _unit_names(blocks, selection),
        "jaren": _years_text(covered),
        "wachttijd": _waits(found, selection, covered, threshold),
        **{k: v for k, v in tables.items()},
    }
    pictures = _charts(time_table, region_table, region_rows, labels) if charts else {}
    return MonitorReport(selection.sleutel, period, threshold, tables, context, pictures, made)


def _profile_rows(blocks: Blocks, selection: Selection) -> list[str] | str | None:
    """The profile rows that cover exactly the selection's regions; None if they do not exist."""
    if selection.regios is None:
        return NATIONAL
    wanted = set(selection.regios)
    units = {blocks.unit_of.get(r, r) for r in wanted}
    covered = {r for r, u in blocks.unit_of.items() if u in units}
    return sorted(units) if covered <= wanted else None


def _unit_names(blocks: Blocks, selection: Selection) -> str:
    """For a province: the ketenveldnorm region whose profile it is part of."""
    names = {g.sleutel: g.naam for g in ketenveldnorm_groups()}
    units = sorted({blocks.unit_of.get(r, r) for r in selection.regios or ()})
    return ", ".join(names.get(u, region_label(u)) for u in units)


def _years_text(years: list[int]) -> str:
    if not years:
        return "–"
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _time_table(blocks: Blocks, rows: list[str] | str, period: Period, before: Period) -> Table:
    years = years_of(period)
    header = ["", *[str(y) for y in years], _("Total"), _("Previous period"),
              _("Difference with the previous period")]
    table: Table = [header]
    for measure, label in measure_labels().items():
        cells = [_cell(blocks.flows.get((measure, y)), rows, YEAR_COL).text() for y in years]
        now, then = flow(blocks, measure, rows, period), flow(blocks, measure, rows, before)
        table.append([label, *cells, now.text(), then.text(), (now - then).text(signed=True)])
    return table


def _region_rows(selection: Selection, blocks: Blocks) -> list[tuple[str, str]]:
    """(block row, printed name) of the rows side by side; the last is the selection's total."""
    hier = blocks.hier
    if selection.regios is None:
        rows = [(g.sleutel if g.sleutel in hier.rows else g.regios[0], g.naam)
                for g in ketenveldnorm_groups()]
        known = {m for g in ketenveldnorm_groups() for m in g.regios}
        rows += [(r, region_label(r)) for r in hier.leaves if r not in known]
        return [*rows, (NATIONAL, _("All regions"))]
    members = [(r, region_label(r)) for r in selection.regios if r in hier.leaves]
    if len(members) == 1:
        return members
    return [*members, (selection.sleutel, selection.naam)]


def _region_table(blocks: Blocks, selection: Selection, period: Period) -> tuple[Table, list[str]]:
    labels = measure_labels()
    header = [_("Region"), *labels.values(), _("In care on the last day"), _("Included since the start")]
    table: Table = [header]
    names = []
    for row, name in _region_rows(selection, blocks):
        key: list[str] | str = row if row in blocks.hier.rows else list(selection.regios or ())
        incl = since_start(blocks, "inclusies", key, period)
        exits = since_start(blocks, "uitstroom", key, period)
        in_care = incl - exits
        in_care = Value(max(in_care.lo, 0), in_care.hi)
        table.append([name, *[flow(blocks, m, key, period).text() for m in MEASURES], in_care.text(),
                      incl.text()])
        names.append(name)
    return table, names


def _stock(blocks: Blocks, rows: list[str] | str, period: Period, selection: Selection) -> dict[str, str]:
    incl = since_start(blocks, "inclusies", rows, period)
    exits = since_start(blocks, "uitstroom", rows, period)
    in_care = incl - exits
    undated = sum(n for r, n in blocks.undated.items() if selection.covers(r))
    t = blocks.threshold
    last = blocks.waiting.get(period.tot.year) if blocks.waiting else None
    return {"sinds_start": incl.text(), "in_zorg": Value(max(in_care.lo, 0), in_care.hi).text(),
            "zonder_datum": str(undated) if undated == 0 or undated >= t else f"<{t}",
            "wachtlijst": _cell(last, rows, 0).text()}


def _profile_tables(blocks: Blocks, rows: list[str] | str, years: list[int],
                    vocab: Vocabularies) -> tuple[Table, Table, Value]:
    chars, names = characteristics(vocab), characteristic_labels()
    detail: Table = [[_("Characteristic"), _("Value"), _("Number"), _("% of known")]]
    tabel4: Table = [[_("Characteristic"), _("Percentage (of known)"), _("Number known"),
                     _("Number unknown")]]
    population = Value.exact(0)
    order = ["leeftijd", "geslacht", "lvb", "ggz", "verslaving", "psychosociaal", "wlz_indicatie",
             "forensische_titel", "machtiging", "verblijf", "behoefte_opname", "behoefte_gemeente",
             "reeds_in_zorg", "nah"]
    for key in order:
        values = chars[key]
        counts = [_profile_cell(blocks, key, years, rows, i) for i in range(len(values))]
        everyone = _profile_cell(blocks, key, years, rows, len(values))
        if not rows:  # no profile for this selection: every cell stays empty
            counts, everyone = [Value(0, None)] * len(values), Value(0, None)
        population = everyone if key == "leeftijd" else population
        known = total(counts[:-1])
        if known.is_exact and everyone.is_exact:
            known = Value.exact(everyone.lo - counts[-1].lo) if counts[-1].is_exact else known
        for i, value in enumerate(values):
            pct = "" if value == "onbekend" else _percent(counts[i], known)
            detail.append([names[key] if i == 0 else "", _value_label(key, value, vocab),
                           counts[i].text(), pct])
        tabel4.append([_tabel4_label(key), _tabel4_value(key, values, counts, known, vocab), known.text(),
                       counts[-1].text()])
    return detail, tabel4, population


def _profile_cell(blocks: Blocks, key: str, years: list[int], rows: list[str] | str, col: int) -> Value:
    units = list(blocks.units.leaves) if rows == NATIONAL else list(rows)
    return total(blocks.profile[(key, y, u)].value(u, col) for y in years for u in units
                 if (key, y, u) in blocks.profile)


def _tabel4_label(key: str) -> str:
    if key == "geslacht":
        return _("Sex (% man)")
    if key in YES_NO_ITEMS:
        return characteristic_labels()[key]
    return characteristic_labels()[key]


def _tabel4_value(key: str, values: tuple[str, ...], counts: list[Value], known: Value,
                  vocab: Vocabularies) -> str:
    if key in YES_NO_ITEMS or key == "geslacht":
        return _percent(counts[0], known)
    parts = [f"{_percent(c, known)} {_value_label(key, v, vocab).lower()}"
             for v, c in zip(values[:-1], counts[:-1], strict=True)]
    return "; ".join(parts)


def _columns(blocks: Blocks) -> EscalationColumns:
    return blocks.esc_columns or EscalationColumns(blocks.levels)


def _years_total(blocks: dict[int, Block] | None, rows: list[str] | str, years: list[int], col: int) -> Value:
    return total(_cell((blocks or {}).get(y), rows, col) for y in years)


def _escalation_table(blocks: Blocks, rows: list[str] | str, years: list[int], vocab: Vocabularies) -> Table:
    columns = _columns(blocks)
    header = [_("Level"), *form_labels().values(), _("Total")]
    table: Table = [header]
    for level in blocks.levels:
        cells = [_years_total(blocks.escalations, rows, years, columns.cell(level, form)) for form in FORMS]
        # BIZ has its own total in the block (the admissions the bed tables add up to)
        row_total = total(cells)
        if level == "biz":
            row_total = _years_total(blocks.escalations, rows, years, columns.biz)
        table.append([vocab["niveaus"].label(level), *[c.text() for c in cells], row_total.text()])
    everything = _years_total(blocks.escalations, rows, years, columns.total)
    table.append([_("Total"), *[""] * len(FORMS), everything.text()])
    return table


def bed_band_labels(which: str) -> list[str]:
    if which == "wait":
        return [_("0 to 7 days"), _("8 to 30 days"), _("31 to 90 days"), _("more than 90 days"),
                _("not known (no date the bed was asked for)")]
    return [_("within 3 months"), _("3 to 12 months"), _("1 to 2 years"), _("more than 2 years"),
            _("not known (no inclusion date)")]


def _bed_table(blocks: Blocks, rows: list[str] | str | None, years: list[int], which: str) -> Table:
    """Admissions to BIZ by the wait for the bed, or people by the time from inclusion (every band).

    Per ketenveldnorm region, like the profile (``rows`` None: the selection is part of one, and
    every cell stays empty).
    """
    if which == "wait":
        header = [_("Wait from asking for the bed to the admission"), _("Admissions to BIZ")]
        cols = [BedColumns.wait(b) for b in range(len(BED_WAIT_BANDS) + 1)]
        everyone = BedColumns.admissions
    else:
        header = [_("From inclusion to the first admission to BIZ"), _("Persons")]
        cols = [BedColumns.since(b) for b in range(len(SINCE_INCLUSION_BANDS) + 1)]
        everyone = BedColumns.first
    table: Table = [header]
    for label, col in zip([*bed_band_labels(which), _("Total")], [*cols, everyone], strict=True):
        table.append([label, _unit_cell(blocks.beds, rows, years, col).text() if rows else ""])
    return table


def _unit_cell(found: dict[tuple[int, str], Block] | None, rows: list[str] | str, years: list[int],
               col: int) -> Value:
    """The sum over the years and the ketenveldnorm regions of ``rows`` of one column of unit blocks."""
    blocks = found or {}
    wanted = sorted({u for _y, u in blocks}) if rows == NATIONAL else list(rows)
    return total(blocks[(y, u)].value(u, col) for y in years for u in wanted if (y, u) in blocks)


def _registrant_table(blocks: Blocks, rows: list[str] | str | None, years: list[int],
                      vocab: Vocabularies) -> Table:
    """Registrations by the kind of organisation that registered (every kind, zeros included).

    Per ketenveldnorm region, like the profile (``rows`` None: every cell stays empty).
    """
    kinds = registrant_kinds(vocab)
    table: Table = [[_("Registered by"), _("Registrations"), _("% of known")]]
    if rows:
        counts = [_unit_cell(blocks.registrants, rows, years, i) for i in range(len(kinds) + 1)]
    else:
        counts = [Value(0, None)] * (len(kinds) + 1)
    everyone = counts[-1]
    known = total(counts[:-2])
    if everyone.is_exact and counts[-2].is_exact:
        known = Value.exact(everyone.lo - counts[-2].lo)
    for i, kind in enumerate(kinds):
        label = _("not recorded") if kind == "onbekend" else vocab["aanmeldersoorten"].label(kind)
        shown = counts[i].text() if rows else ""
        pct = "" if kind == "onbekend" or not rows else _percent(counts[i], known)
        table.append([label, shown, pct])
    table.append([_("Total"), everyone.text() if rows else "", ""])
    return table


def _short(text: str) -> str:
    return text if len(text) <= 90 else text[:87].rstrip() + "…"


def _reasons_table(blocks: Blocks, rows: list[str] | str, years: list[int]) -> Table:
    from levensloop_docs.reference.regions import national_criteria

    texts = {c.sleutel: c.tekst for c in national_criteria()}
    table: Table = [[_("National criterion not met"), _("Number of non-inclusions")]]
    for i, key in enumerate(NATIONAL_CRITERIA):
        value = _years_total(blocks.reasons, rows, years, i)
        table.append([f"{key}. {_short(texts.get(key, key))}", value.text()])
    none = _years_total(blocks.reasons, rows, years, NO_REASON)
    table.append([_("No criterion recorded as not met"), none.text()])
    return table


def _regional_reasons_table(blocks: Blocks, selection: Selection, years: list[int]) -> Table:
    """Each region's own criteria 'voldoet niet' at a non-inclusion: every criterion, zeros included.

    Regional criteria differ per region, so they are never added up over regions.
    """
    from levensloop_docs.reference.regions import optional_region

    table: Table = [[_("Region"), _("Regional criterion not met"), _("Number of non-inclusions")]]
    regional = blocks.regional_criteria or {}
    wanted = selection.regios if selection.regios is not None else tuple(sorted(regional))
    for region in wanted:
        keys = regional.get(region, ())
        profile = optional_region(region)
        for i, key in enumerate(keys):
            criterion = profile.criterion(key) if profile is not None else None
            text = (criterion.kort or criterion.tekst) if criterion is not None else key
            block_of = {y: b for (y, r), b in (blocks.regional_reasons or {}).items() if r == region}
            value = _years_total(block_of, region, years, i)
            table.append([region_label(region) if i == 0 else "", f"{i + 1}. {_short(text)}", value.text()])
    return table


def _waits(found: CaseSet, selection: Selection, years: list[int], threshold: int) -> list[dict[str, str]]:
    """Median days from aanmelding to decision per calendar year (a fixed block: the same in every report)."""
    out = []
    for year in years:
        days = [d for r, ds in waiting_days(found.cases, year).items() if selection.covers(r) for d in ds]
        enough = len(days) >= 2 * threshold
        out.append({"jaar": str(year),
                    "mediaan": str(round(statistics.median(days))) if enough else "–"})
    return out


def _charts(time_table: Table, region_table: Table, region_names: list[str],
            labels: dict[str, str]) -> dict[str, bytes]:
    from levensloop_docs.overview.charts import bar_chart

    def series(cells: list[str]) -> tuple[list[int | None], list[str]]:
        return [int(c) if c.isdigit() else None for c in cells], cells

    months = time_table[0][1:-3]
    s1: dict[str, Sequence[int | None]] = {}
    s2: dict[str, Sequence[int | None]] = {}
    m1: dict[str, Sequence[str]] = {}
    m2: dict[str, Sequence[str]] = {}
    for row in time_table[1:3]:
        s1[row[0]], m1[row[0]] = series(row[1:-3])
    regions = region_names[:-1] if len(region_names) > 1 else region_names
    for col, measure in ((1, "aanmeldingen"), (2, "inclusies")):
        cells = [r[col] for r in region_table[1:1 + len(regions)]]
        s2[labels[measure]], m2[labels[measure]] = series(cells)
    return {
        "tijd": bytes(bar_chart(months, s1, m1, _("Registrations and inclusions per year"), _("Number"))),
        "regio": bytes(bar_chart(regions, s2, m2, _("Registrations and inclusions per region"), _("Number"))),
    }


def monitor_publication(report: MonitorReport) -> Any:
    """The report as a region-level publication with its charts embedded."""
    from levensloop_docs.overview.charts import data_uri
    from levensloop_docs.overview.documents import publication

    title = _("Monitor levensloopaanpak {region}").format(region=report.context["regio"])
    pictures = {name: data_uri(png) for name, png in report.charts.items()}
    return publication("monitor", report.context, title, report.stem, report.made, pictures, landscape=True,
                       font_size=9.5)
