"""The monitor's figures as protected blocks (see ``protection.py``): per year, every region.

Counted per case, by the region of the case (``meta.regio``):

- flows by calendar year: aanmeldingen (date of the aanmelding), inclusies (the inclusion date:
  the aanmelding's decision, else ``meta.inclusiedatum``), niet geïncludeerd and aangehouden
  (the decision's date), uitstroom (``uitstroom.datum``);
- per year of inclusion, the person **as registered** (``bij_inclusie``; sex and age from
  ``persoon``; the three needs fall back to the aanmelding's): every value of every
  characteristic, unknown included, so each characteristic adds up to the year's inclusions;
- per year: escalations by level and form, and the national criteria that were "voldoet
  niet" in the decisions not to include.
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
    escalations: dict[int, Block]  # levels x forms, and the total
    reasons: dict[int, Block]  # national criteria 'voldoet niet' among the non-inclusions
    undated: dict[str, int]  # per region: included, without any inclusion date
    levels: tuple[str, ...]
    # per year: included by 31 December, not exited, and no levensloopplan set yet (waiting list
    # after inclusion, as 004 reports it); a stock at the year's end, protected like the flows
    waiting: dict[int, Block] | None = None


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
    unit_hier, unit_of = profile_units(hier, units or {})
    flows: Counter = {}
    prof: Counter = {}
    esc: Counter = {}
    rea: Counter = {}
    undated: dict[str, int] = {}
    years: set[int] = set()
    for casus in cases:
        region = casus.meta.regio
        for measure, day in flow_events(casus):
            if day.year <= last_year:
                years.add(day.year)
                _bump(flows, (measure, day.year), region, YEAR_COL, 1)
        _profile(casus, chars, prof, last_year, unit_of)
        _escalations(casus, levels, esc, last_year)
        _reasons(casus, rea, last_year)
        if included_without_date(casus):
            undated[region] = undated.get(region, 0) + 1
    ordered = sorted(years)
    flow_blocks = {(m, y): protect(hier, flows.get((m, y), {}), 1, [], threshold)
                   for m in MEASURES for y in ordered}
    profile_blocks = _protect_profiles(hier, unit_hier, prof, chars, ordered, threshold, flow_blocks, flows)
    width = len(levels) * len(FORMS) + 1
    esc_blocks = {y: protect(hier, {r: v for (_k, yy), d in esc.items() if yy == y for r, v in d.items()},
                             width, [(tuple(range(width - 1)), width - 1)], threshold) for y in ordered}
    reason_blocks = {y: protect(hier, rea.get(("r", y), {}), len(NATIONAL_CRITERIA), [], threshold)
                     for y in ordered}
    waiting = {y: protect(hier, _waiting_list(cases, y), 1, [], threshold) for y in ordered}
    return Blocks(hier, unit_hier, unit_of, threshold, ordered, flow_blocks, profile_blocks, esc_blocks,
                  reason_blocks, undated, levels, waiting)


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


def _escalations(casus: Casus, levels: tuple[str, ...], store: Counter, last_year: int) -> None:
    width = len(levels) * len(FORMS) + 1
    for e in escalations_of(casus):
        if e.datum is None or e.datum.year > last_year or e.niveau not in levels:
            continue
        col = levels.index(e.niveau) * len(FORMS) + FORMS.index(e.vorm or UNKNOWN_FORM)
        _bump(store, ("e", e.datum.year), casus.meta.regio, col, width)
        _bump(store, ("e", e.datum.year), casus.meta.regio, width - 1, width)


def _reasons(casus: Casus, store: Counter, last_year: int) -> None:
    a = casus.aanmelding
    decided = decision_date(casus)
    if a is None or a.besluit != "niet_geincludeerd" or decided is None or decided.year > last_year:
        return
    for c in a.criteria_landelijk:
        if c.oordeel == "voldoet_niet" and c.criterium in NATIONAL_CRITERIA:
            _bump(store, ("r", decided.year), casus.meta.regio, NATIONAL_CRITERIA.index(c.criterium),
                  len(NATIONAL_CRITERIA))


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
