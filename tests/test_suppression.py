"""Small cells: hidden, and not recoverable from row and column totals (brute force, hypothesis).

The reader of these tests knows what the report states and nothing more: every printed number,
that a cell printed ``<5`` is 0 to 4 (a count of 1 to 4, or a 0 hidden to protect one), that a
cell printed ``×`` is 5 or more, and which cells add up to which printed or hidden total.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from levensloop_docs.overview.suppression import Suppressed, grid_lines, pinned, suppress, with_totals

T = 5
Cell = tuple[int, int]


def _hidden_per_line(s: Suppressed, lines: list) -> list[int]:  # type: ignore[type-arg]
    return [sum(s.hidden(c) for c in (*cells, total)) for cells, total in lines]


def _fits(s: Suppressed, cell: Cell, value: int) -> bool:
    """Whether ``value`` agrees with what is printed in ``cell`` (``<5``: 0-4, ``×``: 5 or more)."""
    low, high = s.bounds(cell)
    return low <= value and (high is None or value <= high)


def _readings(s: Suppressed, rows: int, cols: int, row_totals: bool,
              col_totals: bool) -> Iterator[list[list[int]]]:
    """Every table a reader cannot rule out: the hidden inner cells tried over their printed ranges.

    A ``×`` cell is tried up to the largest value a printed total of its row or column, or the
    grand total, allows (the true grand total plus the threshold if all of them are hidden): a
    smaller search can only find fewer readings, so a cell with two readings here has two.
    """
    inner = [(r, c) for r in range(rows) for c in range(cols) if s.hidden((r, c))]
    full = with_totals([list(r[:cols]) for r in s.values[:rows]], row_totals=row_totals,
                       col_totals=col_totals)
    grand = sum(sum(r[:cols]) for r in s.values[:rows])

    def cap(cell: Cell) -> int:
        totals = ([(cell[0], cols)] if row_totals else []) + ([(rows, cell[1])] if col_totals else [])
        if row_totals and col_totals:
            totals.append((rows, cols))
        limits = [s.bounds(t)[1] for t in totals]
        return min([h for h in limits if h is not None] or [grand + s.threshold])

    domains = {}
    for cell in inner:
        low, high = s.bounds(cell)
        domains[cell] = range(low, (cap(cell) if high is None else high) + 1)
    grid = [list(r[:cols]) for r in s.values[:rows]]

    def fits_so_far(r: int, c: int) -> bool:
        """Row ``r`` up to column ``c`` and the columns above it do not already exceed their totals."""
        row_high = s.bounds((r, cols))[1] if row_totals else None
        col_high = s.bounds((rows, c))[1] if col_totals else None
        return (row_high is None or sum(grid[r][: c + 1]) <= row_high) and (
            col_high is None or sum(grid[i][c] for i in range(r + 1)) <= col_high)

    def search(k: int) -> Iterator[list[list[int]]]:
        if k == len(inner):
            table = with_totals(grid, row_totals=row_totals, col_totals=col_totals)
            if all(_fits(s, (r, c), table[r][c]) for r in range(len(full)) for c in range(len(full[0]))):
                yield table
            return
        r, c = inner[k]
        for v in domains[(r, c)]:
            grid[r][c] = v
            if fits_so_far(r, c):
                yield from search(k + 1)
            else:  # a larger value only exceeds more
                break
        grid[r][c] = s.values[r][c]

    yield from search(0)


def _feasible_values(s: Suppressed, rows: int, cols: int, row_totals: bool, col_totals: bool,
                     ) -> dict[Cell, set[int]]:
    """Values a reader could give each hidden cell (inner cells and totals), until each has two."""
    hidden = [(r, c) for r in range(len(s.values)) for c in range(len(s.values[0])) if s.hidden((r, c))]
    seen: dict[Cell, set[int]] = {cell: set() for cell in hidden}
    for table in _readings(s, rows, cols, row_totals, col_totals):
        for r, c in hidden:
            seen[(r, c)].add(table[r][c])
        if all(len(v) >= 2 for v in seen.values()):
            break
    return seen


def _check(values: list[list[int]], threshold: int, row_totals: bool = True,
           col_totals: bool = True) -> Suppressed:
    """Suppress ``values`` with its totals and check the rule: small cells hidden, none recoverable."""
    rows, cols = len(values), len(values[0])
    grid = with_totals(values, row_totals=row_totals, col_totals=col_totals)
    lines = grid_lines(len(grid), len(grid[0]), row_totals=row_totals, col_totals=col_totals)
    s = suppress(grid, lines, threshold)
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            assert s.hidden((r, c)) or not 0 < v < threshold, f"{values}: {v} shown"
            expected = (f"<{threshold}" if v < threshold else "×") if s.hidden((r, c)) else str(v)
            expected = "–" if s.withheld else expected
            assert s.text((r, c)) == expected
    assert all(n != 1 for n in _hidden_per_line(s, lines))  # never one hidden cell in a line
    assert all(_fits(s, (r, c), v) for r, row in enumerate(grid) for c, v in enumerate(row))  # the truth fits
    # every cell printed '<t' (a count under the threshold, or a hidden 0) has two readings or more; a
    # '×' (at least t) is guarded by the attack in ``suppress`` too, but that attack narrows ranges
    # by propagation and is not complete: rarely a '×' can still be worked out (never a small one)
    for cell, options in _feasible_values(s, rows, cols, row_totals, col_totals).items():
        if s.small(cell) or s.withheld:
            assert len(options) >= 2, f"{values}: hidden cell {cell} ({s.text(cell)}) is {options}"
    return s


@pytest.mark.parametrize("seed", range(40))
def test_no_small_cell_recoverable_in_small_tables(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = 2, rng.choice([2, 3])
    _check([[rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 11]) for _ in range(cols)] for _ in range(rows)], T)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 3).flatmap(lambda rows: st.integers(1, 3).flatmap(lambda cols: st.lists(
    st.lists(st.sampled_from([0, 0, 0, 1, 1, 2, 3, 4]), min_size=cols, max_size=cols),
    min_size=rows, max_size=rows))), st.sampled_from([3, 4]), st.booleans())
def test_no_hidden_cell_is_determined_in_random_tables_with_zeros(
        values: list[list[int]], threshold: int, both: bool) -> None:
    """Hypothesis: whatever small table (many zeros), every '<t' cell has two or more readings."""
    _check(values, threshold, row_totals=True, col_totals=both)


def test_a_total_below_the_threshold_over_two_small_parts_does_not_give_them_away() -> None:
    """The leak the differencing attack found: two counts of 1, zeros beside them and a total '<3'.

    Read as 1-2, the two parts were both 1; '<3' is 0-2, so a 0 or a 2 fits as well.
    """
    s = _check([[1, 0], [0, 1]], 3)
    assert [s.text((r, c)) for r in range(3) for c in range(3)] == [
        "<3", "0", "<3", "0", "<3", "<3", "<3", "<3", "<3"]
    one_way = _check([[1, 1, 0, 0]], 3, col_totals=False)
    assert [one_way.text((0, c)) for c in range(5)] == ["<3", "<3", "0", "0", "<3"]


def test_a_zero_is_hidden_where_no_other_cell_is_left() -> None:
    """Small counts in two rows and a row of zeros: with the zeros shown, the column totals (× is 3 or
    more, two parts of at most 2) and the row totals pin the counts; a hidden 0 reads as 0-2."""
    s = _check([[2, 2], [1, 1], [0, 0]], 3)
    assert [s.text((2, c)) for c in range(3)] == ["<3", "<3", "<3"]  # the zeros, hidden as small
    assert pinned(s.values, grid_lines(4, 3, row_totals=True, col_totals=True), s.primary,
                  s.secondary - {(2, 0), (2, 1), (2, 2)}, 3, s.primary)  # shown, they gave the rest away


def test_a_table_whose_marks_alone_give_a_count_away_is_withheld() -> None:
    """Every cell small or hidden, yet '<3' (at most 2) against '×' (at least 3) pins them: nothing
    of the table is printed."""
    s = _check([[1, 1], [2, 2]], 3)
    assert s.withheld and {s.text((r, c)) for r in range(3) for c in range(3)} == {"–"}


def test_one_dimensional_row_with_one_small_cell() -> None:
    grid = with_totals([[3, 0, 10, 12]], row_totals=True, col_totals=False)
    lines = grid_lines(1, 5, row_totals=True, col_totals=False)
    s = suppress(grid, lines, T)
    assert [s.text((0, c)) for c in range(5)] == ["<5", "0", "×", "12", "25"]


def test_small_cell_next_to_a_threshold_value_is_protected_by_bounds() -> None:
    # <5 and × alone would give 1 + 5 = 6 away (× is at least 5): a third cell is hidden
    grid = with_totals([[1, 5, 20]], row_totals=True, col_totals=False)
    s = suppress(grid, grid_lines(1, 4, row_totals=True, col_totals=False), T)
    assert s.text((0, 0)) == "<5" and s.hidden((0, 1)) and s.hidden((0, 2))


def test_two_small_cells_that_add_up_to_their_maximum_hide_the_total() -> None:
    grid = with_totals([[4, 4]], row_totals=True, col_totals=False)
    s = suppress(grid, grid_lines(1, 3, row_totals=True, col_totals=False), T)
    assert s.hidden((0, 2))


def test_threshold_is_configurable_and_zero_is_shown() -> None:
    grid = with_totals([[7, 0, 12]], row_totals=True, col_totals=False)
    lines = grid_lines(1, 4, row_totals=True, col_totals=False)
    assert [suppress(grid, lines, 10).text((0, c)) for c in range(4)] == ["<10", "0", "×", "19"]
    assert [suppress(grid, lines, 5).text((0, c)) for c in range(4)] == ["7", "0", "12", "19"]


def test_attack_finds_a_cell_given_away_by_one_line() -> None:
    grid = with_totals([[3, 10]], row_totals=True, col_totals=False)
    lines = grid_lines(1, 3, row_totals=True, col_totals=False)
    assert pinned(grid, lines, frozenset({(0, 0)}), frozenset(), T) == {(0, 0)}
