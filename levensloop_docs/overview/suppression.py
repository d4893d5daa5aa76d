"""Small cells in aggregate tables: hidden, and not recoverable from the totals.

A table is a grid of counts with its totals as ordinary cells; ``lines`` says which cells
add up to which total (a row and its row total, a column and its column total). What a
reader is told, and all the protection assumes the reader knows:

- a hidden cell printed ``<threshold`` (``<5``) is 0, 1, ... or ``threshold - 1``: every count
  from 1 to ``threshold - 1`` (primary), and a 0 where one had to be hidden;
- a hidden cell printed ``×`` is ``threshold`` or more;
- every other cell is printed as it is, zeros included.

Rules:

- primary: a count from 1 to ``threshold - 1`` is hidden;
- secondary: a line with one hidden cell would give it away (total minus the rest), so
  the next smallest non-zero cell of that line is hidden too (``×``);
- then the table is attacked as a reader would: with the linear equations of all lines
  (a hidden cell that the equations fix is found) and with the ranges of the marks, propagated
  until nothing changes. While any small cell (or a ``forced`` one) comes out exact, one more
  cell of its lines is hidden.

That runs twice. First against a stricter reader who takes every small count for 1 to
``threshold - 1``, hiding only non-zero cells and narrowing ranges along one line at a time:
this keeps every table that the rule before (zeros never hidden) did protect exactly as it was.
Where nothing non-zero is left to hide (a total ``<3`` over two parts ``<3``, the other parts 0:
that reader finds both are 1), it leaves the cell. The second pass is against the reader the
rule describes (``<3`` is 0-2), narrows ranges along the lines combined as well, guards every
hidden cell (a ``×`` too), and hides a 0 of a line as ``<threshold`` where no other cell is left.
If even with every cell of its lines hidden a cell comes out exact (only tiny tables, such as
``[[1, 1], [2, 2]]`` with its totals), the table is ``withheld``: nothing of it is printed.
``pinned`` is the attack; the tests use it, a brute force and hypothesis on small tables. The
attack narrows ranges by propagation and is not complete: the brute force shows that rarely a
``×`` can still be worked out exactly (a count at or above the threshold; never a ``<5`` so far).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

Cell = tuple[int, int]
Line = tuple[tuple[Cell, ...], Cell]  # the cells and the total they add up to

DEFAULT_THRESHOLD = 5
BIG = 10**9


@dataclass(frozen=True)
class Suppressed:
    """Which cells of a grid are hidden: primary (small) and secondary (to protect them)."""

    values: tuple[tuple[int, ...], ...]
    primary: frozenset[Cell]
    secondary: frozenset[Cell]
    threshold: int
    # so small that even with every cell of its lines hidden the marks give a count away: nothing
    # of the table is printed (``–``); no table of the monitor's tests or examples comes to this
    withheld: bool = False

    def hidden(self, cell: Cell) -> bool:
        return self.withheld or cell in self.primary or cell in self.secondary

    def small(self, cell: Cell) -> bool:
        """Hidden and printed ``<threshold``: a count below the threshold, 0 included."""
        return not self.withheld and self.hidden(cell) and self.values[cell[0]][cell[1]] < self.threshold

    def text(self, cell: Cell) -> str:
        if self.withheld:
            return "–"
        if self.small(cell):
            return f"<{self.threshold}"
        if self.hidden(cell):
            return "×"
        return str(self.values[cell[0]][cell[1]])

    def bounds(self, cell: Cell) -> tuple[int, int | None]:
        """What the printed text says the cell is: ``<5`` 0-4, ``×`` 5 or more (None: no limit)."""
        if self.withheld:
            return 0, None
        if self.small(cell):
            return 0, self.threshold - 1
        if self.hidden(cell):
            return self.threshold, None
        value = self.values[cell[0]][cell[1]]
        return value, value

    def shown(self, cell: Cell) -> int | None:
        return None if self.hidden(cell) else self.values[cell[0]][cell[1]]


def grid_lines(rows: int, cols: int, *, row_totals: bool, col_totals: bool) -> list[Line]:
    """Lines of a grid whose last column (``row_totals``) and/or last row hold the totals."""
    lines: list[Line] = []
    if row_totals:
        for r in range(rows):
            lines.append((tuple((r, c) for c in range(cols - 1)), (r, cols - 1)))
    if col_totals:
        for c in range(cols):
            lines.append((tuple((r, c) for r in range(rows - 1)), (rows - 1, c)))
    return lines


def with_totals(values: Sequence[Sequence[int]], *, row_totals: bool, col_totals: bool) -> list[list[int]]:
    """The grid with a total column and/or row added."""
    grid = [list(r) + ([sum(r)] if row_totals else []) for r in values]
    if col_totals:
        grid.append([sum(col) for col in zip(*grid, strict=True)] if grid else [])
    return grid


def suppress(values: Sequence[Sequence[int]], lines: Iterable[Line],
             threshold: int = DEFAULT_THRESHOLD, forced: Iterable[Cell] = ()) -> Suppressed:
    """Hide the small cells and enough others; ``forced`` cells are hidden from the start.

    ``forced`` lets two tables that share cells (the inclusions of a year are the total of each
    characteristic of that year's people) hide a shared cell in both; a forced 0 is printed
    ``<threshold`` like any hidden 0.

    Two passes. The first hides only non-zero cells and protects against a reader who takes every
    small count for 1 to ``threshold - 1``: a stricter reader than the rule states, so the tables it
    protects stay as the monitor printed them before a 0 could be hidden. Where that reader cannot
    be stopped (a total ``<3`` over two parts ``<3`` and nothing else left to hide), it leaves the
    cell; the second pass protects against the reader the rule describes (``<3`` is 0-2) and may
    hide zeros, which closes exactly those cases.
    """
    grid = tuple(tuple(r) for r in values)
    lines = list(lines)
    primary = frozenset(
        (r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if 0 < v < threshold
    )
    secondary: set[Cell] = {c for c in forced if c not in primary}
    # a forced cell hides something in another table: it must not be computable here either
    protected = primary | frozenset(secondary)
    _protect(grid, lines, primary, secondary, threshold, protected, stated=False)
    withheld = not _protect(grid, lines, primary, secondary, threshold, protected, stated=True)
    return Suppressed(grid, primary, frozenset(secondary), threshold, withheld)


def _protect(grid: Sequence[Sequence[int]], lines: list[Line], primary: frozenset[Cell], secondary: set[Cell],
             threshold: int, protected: frozenset[Cell], stated: bool) -> bool:
    """One pass: hide cells (into ``secondary``) until no protected cell can be computed.

    ``stated``: the reader of the stated rule (a ``<5`` is 0-4), every hidden cell guarded and
    zeros may be hidden; False when a cell stays exact with nothing left to hide. Else the stricter
    reader (a small count is 1-4) and only non-zero cells, leaving what cannot be helped.
    """
    stuck_lines: set[int] = set()
    stuck: set[Cell] = set()
    for _round in range(10_000):
        hidden = primary | frozenset(secondary)
        # a line with exactly one hidden cell: the total gives it away
        single = next((i for i, ln in enumerate(lines)
                       if i not in stuck_lines and len(_members(ln) & hidden) == 1), None)
        if single is not None:
            extra = _next_smallest(grid, lines[single], hidden, lines, stated)
            if extra is None:
                stuck_lines.add(single)
            else:
                secondary.add(extra)
            continue
        # the stated rule: no hidden cell at all may come out exact (a × no more than a <5)
        guarded = hidden if stated else protected
        exposed = pinned(grid, lines, primary, frozenset(secondary), threshold, guarded,
                         small_from=0 if stated else 1, combined=stated) - stuck
        if not exposed:
            return True
        cell = min(exposed)
        line = _best_line(grid, cell, lines, hidden, stated)
        extra = _next_smallest(grid, line, hidden, lines, stated) if line else None
        if extra is None and stated:  # every line through it is hidden: widen a line next to it
            extra = _next_to(grid, lines, hidden)
            if extra is None:
                return False
        if extra is None:
            stuck.add(cell)
        else:
            secondary.add(extra)
    return not stated


def _members(line: Line) -> set[Cell]:
    return {*line[0], line[1]}


def _value(grid: Sequence[Sequence[int]], cell: Cell) -> int:
    return grid[cell[0]][cell[1]]


def _best_line(grid: Sequence[Sequence[int]], cell: Cell, lines: list[Line], hidden: frozenset[Cell],
               zeros: bool) -> Line | None:
    """Of the lines through an exposed cell that have a cell left to hide, the one with the fewest hidden."""
    through = [ln for ln in lines if cell in _members(ln)]
    options = [ln for ln in through if _next_smallest(grid, ln, hidden, lines, zeros) is not None]
    return min(options, key=lambda ln: len(_members(ln) & hidden), default=None)


def _next_smallest(grid: Sequence[Sequence[int]], line: Line, hidden: frozenset[Cell], lines: Sequence[Line],
                   zeros: bool) -> Cell | None:
    """The smallest non-zero cell of the line still shown, else its total; else (``zeros``) a shown 0."""
    cells, total = line
    choices = [c for c in cells if c not in hidden and _value(grid, c) > 0]
    if choices:
        return min(choices, key=lambda c: (_value(grid, c), c))
    if total not in hidden and _value(grid, total) > 0:
        return total
    if not zeros:
        return None
    shown = [c for c in (*cells, total) if c not in hidden]

    def cost(c: Cell) -> tuple[int, int, Cell]:
        # hiding a 0 whose other lines show everything makes each of them a line with one hidden cell
        others = [len(_members(ln) & hidden) for ln in lines if ln != line and c in _members(ln)]
        return sum(1 for n in others if n == 0), -sum(others), c

    return min(shown, key=cost, default=None)


def _next_to(grid: Sequence[Sequence[int]], lines: Sequence[Line], hidden: frozenset[Cell]) -> Cell | None:
    """A cell still shown of a line that holds hidden cells (the line with the fewest first)."""
    touched = [ln for ln in lines if _members(ln) & hidden and _members(ln) - hidden]
    line = min(touched, key=lambda ln: len(_members(ln) & hidden), default=None)
    return _next_smallest(grid, line, hidden, lines, True) if line is not None else None


# -- the attack ---------------------------------------------------------------------------


def pinned(values: Sequence[Sequence[int]], lines: Sequence[Line], primary: frozenset[Cell],
           secondary: frozenset[Cell], threshold: int, protected: frozenset[Cell] | None = None,
           small_from: int = 0, combined: bool = True) -> set[Cell]:
    """The small (primary) cells, or other ``protected`` ones, a reader can compute exactly.

    The reader knows the shown cells, that a cell printed ``<threshold`` is 0 to ``threshold - 1``
    and one printed ``×`` at least ``threshold``; ``small_from=1``: a reader who also takes each
    small count (not a hidden 0) to be at least 1. ``combined=False``: ranges narrowed along each
    line only, as the first pass did before zeros could be hidden (it keeps those tables as they were).
    """
    hidden = primary | secondary
    if not hidden:
        return set()
    unknown = sorted(hidden)
    reduced = _reduced(values, lines, unknown)
    # unknowns fixed by the equations alone: a row of the reduced echelon form with one entry
    exact = {next(iter(terms)) for terms, _constant in reduced if len(terms) == 1}
    both_ways = reduced + _reduced(values, lines, unknown[::-1]) if combined else []
    exact |= _bounded_exact(values, lines, primary, secondary, threshold, small_from, both_ways)
    return exact & set(protected if protected is not None else primary)


def _equations(values: Sequence[Sequence[int]], lines: Sequence[Line],
               unknown: list[Cell]) -> list[tuple[dict[Cell, int], int]]:
    """Each line as sum(coefficient * unknown) = constant, known cells moved to the right."""
    hidden = set(unknown)
    out = []
    for cells, total in lines:
        terms: dict[Cell, int] = {}
        constant = 0
        for cell, sign in [*((c, 1) for c in cells), (total, -1)]:
            if cell in hidden:
                terms[cell] = terms.get(cell, 0) + sign
            else:
                constant -= sign * _value(values, cell)
        if terms:
            out.append((terms, constant))
    return out


def _reduced(values: Sequence[Sequence[int]], lines: Sequence[Line],
             unknown: list[Cell]) -> list[tuple[dict[Cell, Fraction], Fraction]]:
    """The equations in reduced echelon form, unknowns eliminated in the order of ``unknown``."""
    index = {c: i for i, c in enumerate(unknown)}
    rows = []
    for terms, constant in _equations(values, lines, unknown):
        row = [Fraction(0)] * (len(unknown) + 1)
        for cell, coef in terms.items():
            row[index[cell]] = Fraction(coef)
        row[-1] = Fraction(constant)
        rows.append(row)
    r = 0
    for col in range(len(unknown)):
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
        r += 1
    return [({unknown[j]: x for j, x in enumerate(row[:-1]) if x != 0}, row[-1]) for row in rows[:r]]


def _bounded_exact(values: Sequence[Sequence[int]], lines: Sequence[Line], primary: frozenset[Cell],
                   secondary: frozenset[Cell], threshold: int, small_from: int,
                   reduced: list[tuple[dict[Cell, Fraction], Fraction]]) -> set[Cell]:
    """Unknowns fixed by the equations together with what the marks say about each cell.

    The ranges are narrowed along each line and along the lines combined (``reduced``: the reduced
    echelon form, eliminating first in one order, then in the other): a line alone misses what two
    lines say together, as 'row minus column' leaving two cells of which one is at least the threshold.
    """
    unknown = sorted(primary | secondary)
    # what the marks say: a <5 cell is 0-4 (a small count from ``small_from``), a × cell at least 5
    small = {c for c in unknown if _value(values, c) < threshold}
    low = {c: (small_from if c in primary else 0) if c in small else threshold for c in unknown}
    high = {c: threshold - 1 if c in small else BIG for c in unknown}
    # the lines themselves have coefficients +1 and -1 and whole numbers: kept as int, as it is fast
    equations: list[tuple[dict[Cell, int], int] | tuple[dict[Cell, Fraction], Fraction]] = [
        *_equations(values, lines, unknown), *reduced]
    for _round in range(200):
        changed = False
        for terms, constant in equations:
            for cell, coef in terms.items():
                others = [(a * low[c], a * high[c]) for c, a in terms.items() if c != cell]
                rest_low = sum(min(pair) for pair in others)
                rest_high = sum(max(pair) for pair in others)
                # coef * x = constant - rest, and x is a whole number
                if coef in (1, -1):
                    lo, hi = sorted(((constant - rest_high) * coef, (constant - rest_low) * coef))
                else:
                    ends = sorted(((constant - rest_high) / coef, (constant - rest_low) / coef))
                    lo, hi = math.ceil(ends[0]), math.floor(ends[1])
                lo, hi = math.ceil(lo), math.floor(hi)
                if lo > low[cell]:
                    low[cell], changed = lo, True
                if hi < high[cell]:
                    high[cell], changed = hi, True
        if not changed:
            break
    return {c for c in unknown if low[c] >= high[c]}
