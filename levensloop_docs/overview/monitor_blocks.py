"""The monitor's figures as protected blocks (see ``protection.py``): per year, every region.

Counted per case, by the region of the case (``meta.regio``):

- flows by calendar year: aanmeldingen (date of the aanmelding), inclusies (the inclusion date:
  the aanmelding's decision, else ``meta.inclusiedatum``), niet geïncludeerd and aangehouden
  (the decision's date), uitstroom (``uitstroom.datum``);
- per year of inclusion, the person **as registered** (``bij_inclusie``; sex and age from
  ``persoon``; the three needs fall back to the aanmelding's): every value of every
  characteristic, unknown included, so each characteristic adds up to the year's inclusions;
- per year of the aanmelding and ketenveldnorm region: who registered, by kind of organisation
  (``aanmelder.soort``; never a name), adding up to the region's aanmeldingen of the year;
- per year: escalations by level and form, with the admissions to BIZ as a column; per year and
  ketenveldnorm region those admissions by the wait for the bed (``bed_aangevraagd`` to the
  admission) and, per person, the time from inclusion to the first admission to BIZ;
- per year: the national criteria that were "voldoet niet" in the decisions not to include (and
  how many such decisions named none), and per region its own regional criteria.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from levensloop_docs.case.uitstroom import escalations as escalations_of
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.overview.deadlines import decision_date, inclusion_date
from levensloop_docs.overview.monitor import FORMS, MEASURES, UNKNOWN_FORM
from levensloop_docs.overview.protection import Block, Hierarchy, protect

YEAR_COL = 0  # a flow block has one column: the year (quarters made every province's cell small)
YES_NO = ("ja", "nee", "onbekend")
AGE_BANDS = ("18-29", "30-39", "40-49", "50-64", "65+", "onbekend")
SEXES = ("man", "vrouw", "anders", "onbekend")
# Tabel 4 of the Noord Nederland evaluation, in its order; then NAH, which it does not have
YES_NO_ITEMS = ("lvb", "ggz", "verslaving", "psychosociaal", "wlz_indicatie", "forensische_titel",
                "machtiging", "behoefte_opname", "behoefte_gemeente", "reeds_in_zorg", "nah")
NATIONAL_CRITERIA = ("1", "2", "3", "4", "5", "6")
NO_REASON = len(NATIONAL_CRITERIA)  # the column of non-inclusions that name no criterion 'voldoet niet'
UNKNOWN = "onbekend"
# days from asking for a BIZ bed to the admission (004: outside a crisis there is often a wait)
BED_WAIT_BANDS = ((7, "0-7"), (30, "8-30"), (90, "31-90"), (None, "91+"))
# days from inclusion to the first admission to BIZ after it
SINCE_INCLUSION_BANDS = ((91, "0-91"), (365, "92-365"), (730, "366-730"), (None, "731+"))


@dataclass(frozen=True)
class EscalationColumns:
    """The columns of an escalation block: levels x forms, their total, and the BIZ admissions.

    The BIZ admissions (the BIZ row of the escalations) are a column of their own, so the bed
    blocks (``BedColumns``), whose bands add up to them, can hide that number in both places.
    """

    levels: tuple[str, ...]

    @property
    def total(self) -> int:
        return len(self.levels) * len(FORMS)

    @property
    def biz(self) -> int:
        return self.total + 1

    @property
    def width(self) -> int:
        return self.total + 2

    def cell(self, level: str, form: str) -> int:
        return self.levels.index(level) * len(FORMS) + FORMS.index(form)

    def lines(self) -> list[tuple[tuple[int, ...], int]]:
        out = [(tuple(range(self.total)), self.total)]
        if "biz" in self.levels:
            out.append((tuple(self.cell("biz", f) for f in FORMS), self.biz))
        return out


class BedColumns:
    """The columns of a bed block: admissions to BIZ by the wait for the bed, and their total
    (the BIZ admissions of the escalation block); persons by the time from inclusion to their
    first admission to BIZ, and their total. Each band list ends with 'onbekend'."""

    @staticmethod
    def wait(band: int) -> int:
        return band

    admissions = len(BED_WAIT_BANDS) + 1

    @staticmethod
    def since(band: int) -> int:
        return BedColumns.admissions + 1 + band

    first = admissions + 1 + len(SINCE_INCLUSION_BANDS) + 1
    width = first + 1

    @staticmethod
    def lines() -> list[tuple[tuple[int, ...], int]]:
        return [(tuple(range(BedColumns.admissions)), BedColumns.admissions),
                (tuple(BedColumns.since(b) for b in range(len(SINCE_INCLUSION_BANDS) + 1)), BedColumns.first)]


def band(days: int | None, bands: tuple[tuple[int | None, str], ...]) -> int:
    """The index of the band of ``days``; the one after the last for unknown."""
    if days is None:
        return len(bands)
    return next(i for i, (upper, _label) in enumerate(bands) if upper is None or days <= upper)


def registrant_kinds(vocab: Vocabularies) -> tuple[str, ...]:
    return (*vocab["aanmeldersoorten"].keys(), UNKNOWN)


def flow_events(casus: Casus) -> list[tuple[str, date]]:
    """(measure, day) of every flow of one case, whatever the period."""
    out: list[tuple[str, date]] = []
    a = casus.aanmelding
    if a is not None:
        out.append(("aanmeldingen", a.datum))
        decided = decision_date(casus)
        if a.besluit in ("niet_geincludeerd", "aangehouden") and decided is not None:
            out.append(("afwijzingen" if a.besluit == "niet_geincludeerd" else "aangehouden", decided))
    included = inclusion_date(casus)
    if included is not None:
        out.append(("inclusies", included))
    if casus.meta.status == "uitgestroomd" and casus.uitstroom.datum is not None:
        out.append(("uitstroom", casus.uitstroom.datum))
    return out


def included_without_date(casus: Casus) -> bool:
    a = casus.aanmelding
    was_included = casus.meta.status in ("geincludeerd", "uitgestroomd") or (
        a is not None and a.besluit == "geincludeerd")
    return was_included and inclusion_date(casus) is None


def _janee(value: bool | None) -> str:
    return "onbekend" if value is None else ("ja" if value else "nee")


def characteristics(vocab: Vocabularies) -> dict[str, tuple[str, ...]]:
    """Every characteristic with all its values (the last is always 'onbekend')."""
    stays = (*vocab["verblijf"].keys(), "onbekend")
    return {"geslacht": SEXES, "leeftijd": AGE_BANDS, **dict.fromkeys(YES_NO_ITEMS, YES_NO),
            "verblijf": stays}


def _age_band(casus: Casus, on: date) -> str:
    born = casus.persoon.geboortedatum
    if born is None:
        return "onbekend"
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    for band, upper in (("18-29", 29), ("30-39", 39), ("40-49", 49), ("50-64", 64)):
        if age <= upper:
            return band
    return "65+"


def registered_value(casus: Casus, key: str, included: date) -> str:
    """The value of one characteristic as registered at inclusion ('onbekend' if not recorded)."""
    b, a = casus.bij_inclusie, casus.aanmelding
    if key == "geslacht":
        return casus.persoon.geslacht or "onbekend"
    if key == "leeftijd":
        return _age_band(casus, included)
    if key == "verblijf":
        return (b.verblijf if b is not None else None) or "onbekend"
    value = str(getattr(b, key)) if b is not None else "onbekend"
    if value == "onbekend" and key in ("behoefte_opname", "behoefte_gemeente", "reeds_in_zorg") and a:
        value = _janee(getattr(a, key))
    return value


@dataclass
class Blocks:
    """Every protected block of the folder, by year.

    The profile is kept per ketenveldnorm region (``units``: Noord-Nederland pools Groningen,
    Friesland and Drenthe) and for the nation, never per province: as in the Noord Nederland
    evaluation, provincial numbers are too small to describe people without naming them.
    """

    hier: Hierarchy
    units: Hierarchy  # the rows of the profile blocks
    unit_of: dict[str, str]  # region -> its unit
    threshold: int
    years: list[int]
    flows: dict[tuple[str, int], Block]  # (measure, year): Q1..Q4 and the year
    # (characteristic, year of inclusion, unit): values and total; one block per unit, so a
    # small unit does not make the others hide more; the nation is their sum (a range if needed)
    profile: dict[tuple[str, int, str], Block]
    escalations: dict[int, Block]  # levels x forms, the total, BIZ beds (``EscalationColumns``)
    reasons: dict[int, Block]  # national criteria 'voldoet niet' among the non-inclusions, and none
    undated: dict[str, int]  # per region: included, without any inclusion date
    levels: tuple[str, ...]
    # per year: included by 31 December, not exited, and no levensloopplan set yet (waiting list
    # after inclusion, as 004 reports it); a stock at the year's end, protected like the flows
    waiting: dict[int, Block] | None = None
    # (year of the aanmelding, unit): kinds of registrant (``registrant_kinds``) and their total, per
    # ketenveldnorm region like the profile
    registrants: dict[tuple[int, str], Block] | None = None
    # (year, region): that region's own criteria 'voldoet niet' (one row: criteria differ per region)
    regional_reasons: dict[tuple[int, str], Block] | None = None
    regional_criteria: dict[str, tuple[str, ...]] | None = None  # region -> its criteria keys
    esc_columns: EscalationColumns | None = None
    # (year, unit): BIZ admissions by the wait for the bed and persons by the time from inclusion
    # (``BedColumns``), per ketenveldnorm region like the profile: provinces are too small
    beds: dict[tuple[int, str], Block] | None = None


Counter = dict[tuple[str, int], dict[str, list[int]]]


def _bump(store: Counter, key: tuple[str, int], region: str, col: int, width: int) -> None:
    store.setdefault(key, {}).setdefault(region, [0] * width)[col] += 1


def profile_units(hier: Hierarchy, units: dict[str, tuple[str, ...]]) -> tuple[Hierarchy, dict[str, str]]:
    """The ketenveldnorm regions as rows (a region in none of them is a unit of its own)."""
    unit_of = {m: key for key, members in units.items() for m in members}
    for leaf in hier.leaves:
        unit_of.setdefault(leaf, leaf)
    return Hierarchy(tuple(sorted(set(unit_of.values())))), unit_of


def build_blocks(cases: list[Casus], hier: Hierarchy, vocab: Vocabularies, threshold: int,
                 last_year: int, units: dict[str, tuple[str, ...]] | None = None) -> Blocks:
    chars = characteristics(vocab)
    levels = tuple(vocab["niveaus"].keys())
    columns = EscalationColumns(levels)
    kinds = registrant_kinds(vocab)
    regional = regional_criteria_keys()
    unit_hier, unit_of = profile_units(hier, units or {})
    flows: Counter = {}
    prof: Counter = {}
    esc: Counter = {}
    rea: Counter = {}
    reg: Counter = {}
    bed: Counter = {}
    regional_rea: Counter = {}
    undated: dict[str, int] = {}
    years: set[int] = set()
    for casus in cases:
        region = casus.meta.regio
        for measure, day in flow_events(casus):
            if day.year <= last_year:
                years.add(day.year)
                _bump(flows, (measure, day.year), region, YEAR_COL, 1)
        _profile(casus, chars, prof, last_year, unit_of)
        _escalations(casus, columns, esc, last_year)
        _beds(casus, bed, last_year, unit_of)
        _reasons(casus, rea, regional_rea, regional, last_year)
        _registrant(casus, kinds, reg, last_year, unit_of)
        if included_without_date(casus):
            undated[region] = undated.get(region, 0) + 1
    ordered = sorted(years)
    flow_blocks = {(m, y): protect(hier, flows.get((m, y), {}), 1, [], threshold)
                   for m in MEASURES for y in ordered}
    profile_blocks = _protect_profiles(hier, unit_hier, prof, chars, ordered, threshold, flow_blocks, flows)
    esc_blocks, bed_blocks = _protect_beds(hier, unit_hier, unit_of, esc, bed, columns, ordered, threshold)
    reason_blocks = {y: protect(hier, rea.get(("r", y), {}), NO_REASON + 1, [], threshold)
                     for y in ordered}
    regional_blocks = {(y, r): protect(Hierarchy((r,)), regional_rea.get((r, y), {}), len(keys), [],
                                       threshold)
                       for y in ordered for r, keys in regional.items()}
    waiting = {y: protect(hier, _waiting_list(cases, y), 1, [], threshold) for y in ordered}
    registrants = {(y, u): b for y in ordered for u, b in _protect_registrants(
        hier, unit_hier, reg, len(kinds) + 1, y, flow_blocks, flows, threshold).items()}
    return Blocks(hier, unit_hier, unit_of, threshold, ordered, flow_blocks, profile_blocks, esc_blocks,
                  reason_blocks, undated, levels, waiting, registrants, regional_blocks, regional, columns,
                  bed_blocks)


def regional_criteria_keys() -> dict[str, tuple[str, ...]]:
    """Every region profile's own criteria, by key (a region without a valid profile has none)."""
    from levensloop_docs.reference.regions import optional_region, region_keys

    out = {}
    for key in region_keys():
        region = optional_region(key)
        if region is not None and region.criteria:
            out[key] = tuple(c.sleutel for c in region.criteria)
    return out


def _protect_registrants(hier: Hierarchy, units: Hierarchy, values: Counter, width: int, year: int,
                         flow_blocks: dict[tuple[str, int], Block], flows: Counter,
                         threshold: int) -> dict[str, Block]:
    """Who registered, one block per ketenveldnorm region (as the profile: provinces are too small).

    A block's total is that region's aanmeldingen of the year in the flow block: a cell hidden in
    either is hidden in both; both are protected again until they agree.
    """
    key = ("aanmeldingen", year)
    total_col = width - 1
    lines = [(tuple(range(total_col)), total_col)]
    row_of = {u: _flow_row(hier, u, units) for u in units.leaves}
    flow = flow_blocks[key]
    hidden = {u for u, row in row_of.items() if flow.hidden(row, YEAR_COL)}
    while True:  # each round hides more cells of finite tables, so it ends
        blocks = {u: protect(Hierarchy((u,)), values.get(("a", year), {}), width, lines, threshold,
                             forced=[(u, total_col)] if u in hidden else []) for u in units.leaves}
        more = {u for u, b in blocks.items() if b.hidden(u, total_col)}
        if more <= hidden:
            return blocks
        hidden |= more
        flow = protect(hier, flows.get(key, {}), 1, [], threshold,
                       forced=[(row_of[u], YEAR_COL) for u in sorted(hidden)])
        flow_blocks[key] = flow
        hidden |= {u for u, row in row_of.items() if flow.hidden(row, YEAR_COL)}


def _registrant(casus: Casus, kinds: tuple[str, ...], store: Counter, last_year: int,
                unit_of: dict[str, str]) -> None:
    a = casus.aanmelding
    if a is None or a.datum.year > last_year:
        return
    kind = a.aanmelder.soort if a.aanmelder.soort in kinds else UNKNOWN
    unit = unit_of.get(casus.meta.regio, casus.meta.regio)
    _bump(store, ("a", a.datum.year), unit, kinds.index(kind), len(kinds) + 1)
    _bump(store, ("a", a.datum.year), unit, len(kinds), len(kinds) + 1)


def _waiting_list(cases: list[Casus], year: int) -> dict[str, list[int]]:
    end = date(year, 12, 31)
    out: dict[str, list[int]] = {}
    for casus in cases:
        included = inclusion_date(casus)
        left = casus.uitstroom.datum if casus.meta.status == "uitgestroomd" else None
        plan = casus.meta.vastgesteld
        if included is not None and included <= end and (left is None or left > end) and (
                plan is None or plan > end):
            out.setdefault(casus.meta.regio, [0])[0] += 1
    return out


def _profile(casus: Casus, chars: dict[str, tuple[str, ...]], store: Counter, last_year: int,
             unit_of: dict[str, str]) -> None:
    included = inclusion_date(casus)
    if included is None or included.year > last_year:
        return
    for key, values in chars.items():
        value = registered_value(casus, key, included)
        col = values.index(value) if value in values else len(values) - 1
        unit = unit_of.get(casus.meta.regio, casus.meta.regio)
        _bump(store, (key, included.year), unit, col, len(values) + 1)
        _bump(store, (key, included.year), unit, len(values), len(values) + 1)


def _escalations(casus: Casus, columns: EscalationColumns, store: Counter, last_year: int) -> None:
    width, region = columns.width, casus.meta.regio
    for e in escalations_of(casus):
        if e.datum is None or e.datum.year > last_year or e.niveau not in columns.levels:
            continue
        key = ("e", e.datum.year)
        _bump(store, key, region, columns.cell(e.niveau, e.vorm or UNKNOWN_FORM), width)
        _bump(store, key, region, columns.total, width)
        if e.niveau == "biz":
            _bump(store, key, region, columns.biz, width)


def _beds(casus: Casus, store: Counter, last_year: int, unit_of: dict[str, str]) -> None:
    """Every admission to BIZ by the wait for its bed; the first one after inclusion by the time since."""
    unit = unit_of.get(casus.meta.regio, casus.meta.regio)
    width = BedColumns.width
    included = inclusion_date(casus)
    first = True
    for e in escalations_of(casus):  # oldest first, all dated
        if e.datum is None or e.datum.year > last_year:
            break
        if e.niveau != "biz":
            continue
        key = ("b", e.datum.year)
        waited = (e.datum - e.bed_aangevraagd).days if e.bed_aangevraagd is not None else None
        _bump(store, key, unit, BedColumns.wait(band(waited, BED_WAIT_BANDS)), width)
        _bump(store, key, unit, BedColumns.admissions, width)
        if first and (included is None or e.datum >= included):
            first = False
            since = (e.datum - included).days if included is not None else None
            _bump(store, key, unit, BedColumns.since(band(since, SINCE_INCLUSION_BANDS)), width)
            _bump(store, key, unit, BedColumns.first, width)


def _protect_beds(hier: Hierarchy, units: Hierarchy, unit_of: dict[str, str], esc: Counter, bed: Counter,
                  columns: EscalationColumns, years: list[int], threshold: int,
                  ) -> tuple[dict[int, Block], dict[tuple[int, str], Block]]:
    """The escalation blocks and the bed blocks, with the BIZ admissions hidden in both or neither.

    A bed block has one unit (a ketenveldnorm region) as its only row, as the profile does; its
    admissions are the escalation block's BIZ admissions of that unit's row.
    """
    row_of = {u: _flow_row(hier, u, units) for u in units.leaves}
    esc_out: dict[int, Block] = {}
    bed_out: dict[tuple[int, str], Block] = {}
    for year in years:
        values = esc.get(("e", year), {})
        block = protect(hier, values, columns.width, columns.lines(), threshold)
        hidden = {u for u, row in row_of.items() if block.hidden(row, columns.biz)}
        while True:  # each round hides more cells of finite tables, so it ends
            beds = {u: protect(Hierarchy((u,)), bed.get(("b", year), {}), BedColumns.width,
                               BedColumns.lines(), threshold,
                               forced=[(u, BedColumns.admissions)] if u in hidden else [])
                    for u in units.leaves}
            more = {u for u, b in beds.items() if b.hidden(u, BedColumns.admissions)}
            if more <= hidden:
                break
            hidden |= more
            block = protect(hier, values, columns.width, columns.lines(), threshold,
                            forced=[(row_of[u], columns.biz) for u in sorted(hidden)])
            hidden |= {u for u, row in row_of.items() if block.hidden(row, columns.biz)}
        esc_out[year] = block
        bed_out.update({(year, u): b for u, b in beds.items()})
    return esc_out, bed_out


def _reasons(casus: Casus, store: Counter, regional_store: Counter, regional: dict[str, tuple[str, ...]],
             last_year: int) -> None:
    a = casus.aanmelding
    decided = decision_date(casus)
    if a is None or a.besluit != "niet_geincludeerd" or decided is None or decided.year > last_year:
        return
    region = casus.meta.regio
    failed = [c.criterium for c in a.criteria_landelijk if c.oordeel == "voldoet_niet"]
    for key in failed:
        if key in NATIONAL_CRITERIA:
            _bump(store, ("r", decided.year), region, NATIONAL_CRITERIA.index(key), NO_REASON + 1)
    own = regional.get(region, ())
    failed_regional = [c.criterium for c in a.criteria_regio if c.oordeel == "voldoet_niet"]
    for key in failed_regional:
        if key in own:
            _bump(regional_store, (region, decided.year), region, own.index(key), len(own))
    if not failed and not failed_regional:
        _bump(store, ("r", decided.year), region, NO_REASON, NO_REASON + 1)


def _flow_row(hier: Hierarchy, unit: str, units: Hierarchy) -> str:
    """The row of the flow blocks that counts the same people as a profile row."""
    if unit in hier.rows:
        return unit
    members = [leaf for leaf in hier.leaves if leaf == unit]
    return members[0] if members else units.rows[-1]


def _protect_profiles(hier: Hierarchy, units: Hierarchy, prof: Counter, chars: dict[str, tuple[str, ...]],
                      years: list[int], threshold: int, flow_blocks: dict[tuple[str, int], Block],
                      flows: Counter) -> dict[tuple[str, int, str], Block]:
    """Each characteristic's total is the year's inclusions: a cell hidden in one is hidden in all."""
    out: dict[tuple[str, int, str], Block] = {}
    row_of = {u: _flow_row(hier, u, units) for u in units.leaves}
    for year in years:
        incl = flow_blocks[("inclusies", year)]
        hidden = {u for u, row in row_of.items() if incl.hidden(row, YEAR_COL)}
        blocks: dict[tuple[str, str], Block] = {}
        for _round in range(20):
            for unit in units.leaves:
                own = Hierarchy((unit,))
                for key, values in chars.items():
                    width = len(values) + 1
                    blocks[(key, unit)] = protect(own, prof.get((key, year), {}), width,
                                                  [(tuple(range(width - 1)), width - 1)], threshold,
                                                  forced=[(unit, width - 1)] if unit in hidden else [])
            more = {u for (_k, u), b in blocks.items() if b.hidden(u, b.columns - 1)}
            if more <= hidden and all(incl.hidden(row_of[u], YEAR_COL) for u in hidden):
                break
            hidden |= more
            incl = protect(hier, flows.get(("inclusies", year), {}), 1, [], threshold,
                           forced=[(row_of[u], YEAR_COL) for u in hidden])
            flow_blocks[("inclusies", year)] = incl
            hidden |= {u for u, row in row_of.items() if incl.hidden(row, YEAR_COL)}
        out.update({(key, year, unit): b for (key, unit), b in blocks.items()})
    return out


Waits = Callable[[str], list[int]]


def waiting_days(cases: list[Casus], year: int) -> dict[str, list[int]]:
    """Days from aanmelding to decision, per region, for the decisions of ``year``."""
    out: dict[str, list[int]] = {}
    for casus in cases:
        a = casus.aanmelding
        decided = decision_date(casus) if a is not None and a.besluit else None
        if a is not None and decided is not None and decided.year == year:
            out.setdefault(casus.meta.regio, []).append((decided - a.datum).days)
    return out
