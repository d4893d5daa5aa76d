"""The differencing attack (review F5): no combination of monitor reports gives a hidden cell away.

On synthetic folders (small random counts in four regions over three years), the attacker
makes every report the CLI allows: every period of whole years (every pair of first and last
year), for every region, the Noord-Nederland group, a list with commas and the whole country.
Every number printed in the counts, the table per region and the profile becomes a constraint
"these base cells add up to a value in [lo, hi]" (``5``, ``<3`` = 1-2, ``×`` = at least 3,
``4–6``, ``≥ 3``). The attacker then solves all of them together: the equalities by
elimination, the bounds by propagation. A base cell that any report hides must stay open.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from pathlib import Path

import pytest
from _overview_cases import write_case

from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.monitor import Period
from levensloop_docs.overview.monitor_report import build_report

REGIONS = ("groningen", "friesland", "drenthe", "limburg")
NORTH = ("groningen", "friesland", "drenthe")
YEARS = (2024, 2025, 2026)
SELECTIONS = ("groningen", "friesland", "drenthe", "limburg", "noord-nederland", "groningen,drenthe", "alle")
MEASURES = {"Aanmeldingen": "aanmeldingen", "Inclusies": "inclusies", "Niet geïncludeerd": "afwijzingen",
            "Aangehouden": "aangehouden", "Uitstroom": "uitstroom"}
THRESHOLD = 3
Cell = tuple[str, ...]


def _folder(tmp_path: Path, seed: int) -> Path:
    rng = random.Random(seed)
    folder = tmp_path / f"seed{seed}"
    n = 0
    for regio in REGIONS:
        for year in YEARS:
            for _i in range(rng.choice([0, 1, 1, 2, 3, 4, 6])):
                n += 1
                decided = date(year, rng.randrange(1, 13), rng.randrange(1, 28))
                kind = rng.choice(["in", "in", "in", "niet", "uit"])
                extra = {"bij_inclusie": {"lvb": rng.choice(["ja", "nee", "onbekend"]), "ggz": "ja"},
                         "persoon.geslacht": rng.choice(["man", "man", "vrouw"])}
                if kind == "niet":
                    write_case(folder, n, regio=regio, status="niet_geincludeerd",
                               besluit="niet_geincludeerd", besluit_datum=decided, aangemeld=decided)
                elif kind == "uit":
                    write_case(folder, n, regio=regio, status="uitgestroomd", besluit="geincludeerd",
                               besluit_datum=decided, aangemeld=decided,
                               **{**extra, "uitstroom.datum": date(2026, 12, 1)})
                else:
                    write_case(folder, n, regio=regio, status="geincludeerd", besluit="geincludeerd",
                               besluit_datum=decided, aangemeld=decided, **extra)
    return folder


def _interval(text: str) -> tuple[int, int | None]:
    text = text.replace("−", "-").strip()
    if text.isdigit():
        return int(text), int(text)
    if text.startswith("<"):
        return 1, int(text[1:]) - 1
    if text == "×":
        return THRESHOLD, None
    if text.startswith("≥"):
        return int(text[1:].strip()), None
    low, high = re.fullmatch(r"(\d+)–(\d+)", text).groups()  # type: ignore[union-attr]
    return int(low), int(high)


def _leaves(selection: str) -> tuple[str, ...]:
    if selection == "alle":
        return REGIONS
    if selection == "noord-nederland":
        return NORTH
    return tuple(selection.split(","))


def _units(selection: str) -> tuple[str, ...] | None:
    if selection == "alle":
        return ("noord-nederland", "limburg")
    if selection == "noord-nederland":
        return ("noord-nederland",)
    if selection == "limburg":
        return ("limburg",)
    return None


Constraint = tuple[frozenset[Cell], int, int | None]


Add = Callable[[set[Cell], str], None]
ROWS = {"Groningen": ("groningen",), "Friesland": ("friesland",), "Drenthe": ("drenthe",),
        "Limburg": ("limburg",), "Noord-Nederland": NORTH, "Alle regio's": REGIONS}


def _constraints(folder: Path) -> tuple[list[Constraint], set[Cell]]:
    """Every printed number of every report, and the base cells some report printed hidden."""
    found = load_folder(folder, date(2026, 12, 31))
    out: list[Constraint] = []
    hidden: set[Cell] = set()

    def add(cells: set[Cell], text: str) -> None:
        if not cells or not text:
            return
        low, high = _interval(text)
        out.append((frozenset(cells), low, high))
        if len(cells) == 1 and high != low:
            hidden.update(cells)

    for first in YEARS:
        for last in YEARS[YEARS.index(first):]:
            period = Period(date(first, 1, 1), date(last, 12, 31))
            for selection in SELECTIONS:
                report = build_report(found, selection, period, THRESHOLD, date(2026, 12, 31), charts=False)
                _counts(report.tables, selection, first, last, add)
                _profile(report.tables["kenmerken"], selection, last, add)
    return out, hidden


def _counts(tables: dict[str, list[list[str]]], selection: str, first: int, last: int, add: Add) -> None:
    leaves, years = _leaves(selection), range(first, last + 1)
    before = [y for y in range(first - (last - first + 1), first) if y >= YEARS[0]]
    for row in tables["aantallen"][1:]:
        m = MEASURES[row[0]]
        for y, text in zip(years, row[1:], strict=False):
            add({(m, r, str(y)) for r in leaves}, text)
        add({(m, r, str(y)) for r in leaves for y in years}, row[len(years) + 1])
        add({(m, r, str(y)) for r in leaves for y in before}, row[len(years) + 2])
    for row in tables["regios"][1:]:
        regions = ROWS.get(row[0], leaves if selection == "groningen,drenthe" else ())
        for j, m in enumerate(MEASURES.values(), start=1):
            add({(m, r, str(y)) for r in regions for y in years}, row[j])


def _profile(table: list[list[str]], selection: str, last: int, add: Add) -> None:
    units = _units(selection)
    if units is None:
        return
    key = ""
    for row in table[1:]:
        key = row[0] or key
        add({("profiel", u, str(y), key, row[1]) for u in units for y in range(YEARS[0], last + 1)}, row[2])


def _attack(constraints: list[Constraint]) -> dict[Cell, tuple[Fraction, Fraction | None]]:
    """What the reader can conclude about each base cell: bounds, and exact values by elimination."""
    cells = sorted({c for cs, _l, _h in constraints for c in cs})
    low: dict[Cell, Fraction] = dict.fromkeys(cells, Fraction(0))
    high: dict[Cell, Fraction | None] = dict.fromkeys(cells, None)
    for _round in range(100):
        changed = False
        for cs, lo, hi in constraints:
            for c in cs:
                others_low = sum((low[o] for o in cs if o != c), Fraction(0))
                others_high = [high[o] for o in cs if o != c]
                current = high[c]
                if hi is not None and (current is None or hi - others_low < current):
                    high[c], changed = Fraction(hi) - others_low, True
                if None not in others_high:
                    bound = Fraction(lo) - sum(h for h in others_high if h is not None)
                    if bound > low[c]:
                        low[c], changed = bound, True
        if not changed:
            break
    for c, value in _eliminate(constraints, cells).items():
        low[c] = high[c] = value
    return {c: (low[c], high[c]) for c in cells}


def _eliminate(constraints: list[Constraint], cells: list[Cell]) -> dict[Cell, Fraction]:
    index = {c: i for i, c in enumerate(cells)}
    rows = []
    for cs, lo, hi in constraints:
        if lo == hi:
            row = [Fraction(0)] * (len(cells) + 1)
            for c in cs:
                row[index[c]] = Fraction(1)
            row[-1] = Fraction(lo)
            rows.append(row)
    pivots, r = [], 0
    for col in range(len(cells)):
        pivot = next((i for i in range(r, len(rows)) if rows[i][col] != 0), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        lead = rows[r][col]
        rows[r] = [x / lead for x in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col] != 0:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r], strict=True)]
        pivots.append(col)
        r += 1
    return {cells[col]: rows[i][-1] for i, col in enumerate(pivots)
            if all(rows[i][j] == 0 for j in range(len(cells)) if j != col)}


def _family(cell: Cell) -> tuple[str, ...]:
    """Cells of different measures (or characteristics) never share a printed number."""
    return (cell[0], cell[3]) if cell[0] == "profiel" else (cell[0],)


@pytest.mark.parametrize("seed", [1, 2])
def test_no_report_combination_recovers_a_hidden_cell(tmp_path: Path, seed: int) -> None:
    constraints, hidden = _constraints(_folder(tmp_path, seed))
    assert hidden, "the folder should have small cells to protect"
    families: dict[tuple[str, ...], set[Constraint]] = {}
    for constraint in constraints:
        families.setdefault(_family(next(iter(constraint[0]))), set()).add(constraint)
    known: dict[Cell, tuple[Fraction, Fraction | None]] = {}
    for family in families.values():
        known.update(_attack(sorted(family, key=repr)))
    recovered = {c: known[c] for c in hidden if known[c][1] is not None and known[c][0] == known[c][1]}
    assert not recovered, f"hidden cells computed from {len(constraints)} printed numbers: {recovered}"
