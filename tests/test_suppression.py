"""Small cells: hidden, and not recoverable from row and column totals (checked by brute force)."""

from __future__ import annotations

import itertools
import random

import pytest

from levensloop_docs.overview.suppression import Suppressed, grid_lines, pinned, suppress, with_totals

T = 5


def _hidden_per_line(s: Suppressed, lines: list) -> list[int]:  # type: ignore[type-arg]
    return [sum(s.hidden(c) for c in (*cells, total)) for cells, total in lines]


def _feasible_values(s: Suppressed, rows: int, cols: int, row_totals: bool, col_totals: bool) -> dict:  # type: ignore[type-arg]
    """Every value a reader could give each hidden inner cell, knowing the marks and the shown totals.

    Brute force over the hidden inner cells: a '<5' cell is 1-4, a '×' cell at least 5 (up to
    the grand total); the totals follow and must match what is shown (or be hidden with a
    fitting mark). A × cell is tried up to the smallest shown total of its row or column
    (no larger value fits); a smaller search could only find fewer options, never more.
    """
    grand = sum(sum(r[: cols]) for r in s.values[:rows])
    inner = [(r, c) for r in range(rows) for c in range(cols) if s.hidden((r, c))]

    def upper(cell: tuple[int, int]) -> int:
        totals = [(cell[0], cols), (rows, cell[1])]
        return min([s.values[r][c] for r, c in totals if not s.hidden((r, c))] or [grand])

    domains = [range(1, T) if cell in s.primary else range(T, upper(cell) + 1) for cell in inner]
    seen: dict[tuple[int, int], set[int]] = {cell: set() for cell in inner}
    for guess in itertools.product(*domains):
        grid = [list(r[:cols]) for r in s.values[:rows]]
        for (r, c), v in zip(inner, guess, strict=True):
            grid[r][c] = v
        full = with_totals(grid, row_totals=row_totals, col_totals=col_totals)
        if all(_fits(s, (r, c), full[r][c]) for r in range(len(full)) for c in range(len(full[0]))):
            for (r, c), v in zip(inner, guess, strict=True):
                seen[(r, c)].add(v)
    return seen


def _fits(s: Suppressed, cell: tuple[int, int], value: int) -> bool:
    if cell in s.primary:
        return 1 <= value < T
    if cell in s.secondary:
        return value >= T
    return value == s.values[cell[0]][cell[1]]


@pytest.mark.parametrize("seed", range(40))
def test_no_small_cell_recoverable_in_small_tables(seed: int) -> None:
    rng = random.Random(seed)
    rows, cols = 2, rng.choice([2, 3])
    values = [[rng.choice([0, 1, 2, 3, 4, 5, 6, 8, 11]) for _ in range(cols)] for _ in range(rows)]
    grid = with_totals(values, row_totals=True, col_totals=True)
    lines = grid_lines(rows + 1, cols + 1, row_totals=True, col_totals=True)
    s = suppress(grid, lines, T)
    assert all(n != 1 for n in _hidden_per_line(s, lines))  # never one hidden cell in a line
    assert all(s.hidden(c) for r, row in enumerate(grid) for c in [(r, j) for j, v in enumerate(row)
                                                                     if 0 < v < T])
    for cell, options in _feasible_values(s, rows, cols, True, True).items():
        assert grid[cell[0]][cell[1]] in options
        if cell in s.primary:
            assert len(options) >= 2, f"{values}: cell {cell} is recoverable"


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
