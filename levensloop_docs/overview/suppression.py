"""Small cells in aggregate tables: hidden, and not recoverable from the totals.

A table is a grid of counts with its totals as ordinary cells; ``lines`` says which cells
add up to which total (a row and its row total, a column and its column total). Rules:

- primary: a count from 1 to ``threshold - 1`` is shown as ``<threshold`` (``<5``);
- secondary: a line with one hidden cell would give it away (total minus the rest), so
  the next smallest non-zero cell of that line is hidden too (shown as ``×``). Zeros are
  never chosen: a hidden zero next to one small cell is found by elimination;
- then the table is attacked as a reader would: with the linear equations of all lines
  (a hidden cell that the equations fix is found) and with bounds (a ``<5`` cell is 1-4,
  a ``×`` cell at least ``threshold``, as zeros are never hidden), propagated until
  nothing changes. While any small cell comes out exact, one more cell of its lines is
  hidden. ``pinned`` is that attack; the tests use it and a brute force on small tables.
"""

from __future__ import annotations

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

    def hidden(self, cell: Cell) -> bool:
        return cell in self.primary or cell in self.secondary

    def text(self, cell: Cell) -> str:
        if cell in self.primary:
            return f"<{self.threshold}"
        if cell in self.secondary:
            return "×"
        return str(self.values[cell[0]][cell[1]])

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
    characteristic of that year's people) hide a shared cell in both; it never holds a zero.
    """
    grid = tuple(tuple(r) for r in values)
    lines = list(lines)
    primary = frozenset(
        (r, c) for r, row in enumerate(grid) for c, v in enumerate(row) if 0 < v < threshold
    )
    secondary: set[Cell] = {c for c in forced if c not in primary and _value(grid, c) > 0}
    # a forced cell hides something in another table: it must not be computable here either
    protected = primary | frozenset(secondary)
    for _round in range(10_000):
        hidden = primary | secondary
        # a line with exactly one hidden cell: the total gives it away
        single = next((ln for ln in lines if len(_members(ln) & hidden) == 1), None)
        target = single
        if target is None:
            exposed = pinned(grid, lines, primary, frozenset(secondary), threshold, protected)
            if not exposed:
                break
            target = _best_line(next(iter(sorted(exposed))), lines, hidden)
        extra = _next_smallest(grid, target, hidden) if target else None
        if extra is None:  # nothing left to hide in that line: hide all of it
            extra_cells = {c for ln in lines for c in _members(ln) if _value(grid, c) > 0} - hidden
            if not extra_cells:
                break
            secondary |= extra_cells
        else:
            secondary.add(extra)
    return Suppressed(grid, primary, frozenset(secondary), threshold)


def _members(line: Line) -> set[Cell]:
    return {*line[0], line[1]}


def _value(grid: Sequence[Sequence[int]], cell: Cell) -> int:
    return grid[cell[0]][cell[1]]


def _best_line(cell: Cell, lines: list[Line], hidden: frozenset[Cell]) -> Line | None:
    """Of the lines through an exposed cell, the one with the fewest hidden cells."""
    through = [ln for ln in lines if cell in _members(ln)]
    options = [ln for ln in through if _members(ln) - hidden]
    return min(options, key=lambda ln: len(_members(ln) & hidden), default=None)


def _next_smallest(grid: Sequence[Sequence[int]], line: Line, hidden: frozenset[Cell]) -> Cell | None:
    cells, total = line
    choices = [c for c in cells if c not in hidden and _value(grid, c) > 0]
    if not choices and total not in hidden and _value(grid, total) > 0:
        return total
    return min(choices, key=lambda c: (_value(grid, c), c), default=None)


# -- the attack ---------------------------------------------------------------------------


def pinned(values: Sequence[Sequence[int]], lines: Sequence[Line], primary: frozenset[Cell],
           secondary: frozenset[Cell], threshold: int, protected: frozenset[Cell] | None = None) -> set[Cell]:
    """The small (primary) cells, or other ``protected`` ones, a reader can compute exactly."""
    hidden = primary | secondary
    unknown = sorted(hidden)
    exact = _linear_exact(values, lines, unknown)
    exact |= _bounded_exact(values, lines, primary, secondary, threshold)
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


def _linear_exact(values: Sequence[Sequence[int]], lines: Sequence[Line], unknown: list[Cell]) -> set[Cell]:
    """Unknowns fixed by the equations alone: a pivot row of the echelon form with one entry."""
    index = {c: i for i, c in enumerate(unknown)}
    rows = []
    for terms, constant in _equations(values, lines, unknown):
        row = [Fraction(0)] * (len(unknown) + 1)
        for cell, coef in terms.items():
            row[index[cell]] = Fraction(coef)
        row[-1] = Fraction(constant)
        rows.append(row)
    pivots: list[int] = []
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
        pivots.append(col)
        r += 1
    exact = set()
    for i, col in enumerate(pivots):
        if all(rows[i][j] == 0 for j in range(len(unknown)) if j != col):
            exact.add(unknown[col])
    return exact


def _bounded_exact(values: Sequence[Sequence[int]], lines: Sequence[Line], primary: frozenset[Cell],
                   secondary: frozenset[Cell], threshold: int) -> set[Cell]:
    """Unknowns fixed by the equations together with what the marks say about each cell."""
    unknown = sorted(primary | secondary)
    # a <5 cell is 1-4; a × cell is at least the threshold (zeros are never hidden)
    low = {c: (1 if c in primary else threshold) for c in unknown}
    high = {c: (threshold - 1 if c in primary else BIG) for c in unknown}
    equations = _equations(values, lines, unknown)
    for _round in range(200):
        changed = False
        for terms, constant in equations:
            for cell, coef in terms.items():
                rest_low = sum(min(a * low[c], a * high[c]) for c, a in terms.items() if c != cell)
                rest_high = sum(max(a * low[c], a * high[c]) for c, a in terms.items() if c != cell)
                # coef * x = constant - rest  (coef is +1 or -1)
                lo, hi = sorted(((constant - rest_high) * coef, (constant - rest_low) * coef))
                if lo > low[cell]:
                    low[cell], changed = lo, True
                if hi < high[cell]:
                    high[cell], changed = hi, True
        if not changed:
            break
    return {c for c in unknown if low[c] >= high[c]}
