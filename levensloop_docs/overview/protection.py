"""Disclosure control that holds across reports: fixed blocks, and totals derived from them.

Hiding small cells inside one table is not enough: two reports whose periods differ by one
month give that month exactly by subtraction (review F5). The rule here makes every number
a report prints a function of cells that are the same in every report, whatever its period
or region:

- the cells are fixed **blocks**: per calendar year and measure, one table of every region,
  every group of regions (``data/regiogroepen.yaml``) and the national total, by quarter
  and for the whole year; per year of inclusion and characteristic, the same rows by value.
  Each block is protected once (``suppression.suppress``: ``<3`` for 1-2, and for a 0 that had to
  be hidden too; ``×`` for a count of 3 or more hidden so that no hidden cell can be computed
  through the region, group or year totals), and a cell shared by two blocks is hidden in both
  (``forced``). A reader is told, and the protection assumes, that ``<3`` is 0-2 and ``×`` 3 or more;
- a report only asks for whole quarters, and prints either a block cell or a **sum of block
  cells**; a sum with a hidden part is printed as the range it must lie in (``0–4``,
  ``≥ 12``), which a reader could work out from the cells anyway.

So no combination of reports says more than the blocks, and the blocks are protected against
the equations of all their rows and columns. What stays possible: comparing reports made on
different days, after cases were added or changed; a coordinator publishes a period once.

Before zeros could be hidden, ``<3`` read as 1-2: a total ``<3`` over two ``<3`` parts, the other
parts shown as 0, gave both parts away (``tests/test_monitor_differencing.py`` found it). Now a 0
is hidden where nothing else is left, and ``<3`` says 0-2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from levensloop_docs.overview.suppression import Line, Suppressed, suppress

NATIONAL = "alle"


@dataclass(frozen=True)
class Value:
    """What a reader knows of a number: between ``lo`` and ``hi`` (None: no upper bound)."""

    lo: int
    hi: int | None
    mark: str = ""  # a single hidden cell prints as its block shows it ("<3", "×")

    @staticmethod
    def exact(n: int) -> Value:
        return Value(n, n)

    @property
    def is_exact(self) -> bool:
        return self.hi == self.lo

    def __add__(self, other: Value) -> Value:
        hi = None if self.hi is None or other.hi is None else self.hi + other.hi
        return Value(self.lo + other.lo, hi)

    def __sub__(self, other: Value) -> Value:
        """The difference of two counts (may be negative: a change between periods)."""
        lo = -10**9 if other.hi is None else self.lo - other.hi
        hi = None if self.hi is None else self.hi - other.lo
        return Value(lo, hi)

    def text(self, signed: bool = False) -> str:
        def num(n: int) -> str:
            return f"+{n}" if signed and n > 0 else str(n).replace("-", "−")

        if self.mark:
            return self.mark
        if self.is_exact:
            return num(self.lo)
        if self.hi is None:
            return f"≥ {num(self.lo)}" if self.lo > -10**9 else "?"
        if self.lo <= -10**9:
            return f"≤ {num(self.hi)}"
        return f"{num(self.lo)}–{num(self.hi)}"


def total(values: Iterable[Value]) -> Value:
    """The sum; a sum of one cell keeps how its block prints it."""
    items = list(values)
    if len(items) == 1:
        return items[0]
    out = Value.exact(0)
    for v in items:
        out = out + v
    return out


@dataclass(frozen=True)
class Hierarchy:
    """The rows of every block: the regions, the groups with more than one region, the nation."""

    leaves: tuple[str, ...]
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def rows(self) -> list[str]:
        return [*self.leaves, *self.groups, NATIONAL]

    def members(self, key: str) -> tuple[str, ...]:
        if key == NATIONAL:
            return self.leaves
        return self.groups.get(key, (key,))

    def lines(self, cols: int) -> list[Line]:
        """Per column: each group (and the nation) is the sum of its regions."""
        index = {k: i for i, k in enumerate(self.rows)}
        out: list[Line] = []
        for c in range(cols):
            for key in [*self.groups, NATIONAL]:
                cells = tuple((index[m], c) for m in self.members(key))
                out.append((cells, (index[key], c)))
        return out


def hierarchy(regions_in_data: Iterable[str], groups: dict[str, tuple[str, ...]]) -> Hierarchy:
    """Every region with a case or in a group; groups of one region are that region's row."""
    leaves = set(regions_in_data)
    for members in groups.values():
        leaves.update(members)
    multi = {k: tuple(sorted(set(m))) for k, m in sorted(groups.items())
             if len(set(m)) > 1 and k not in leaves and k != NATIONAL}
    return Hierarchy(tuple(sorted(leaves)), multi)


@dataclass(frozen=True)
class Block:
    """One protected table: ``values[row key]`` per column, and what may be printed of it."""

    hier: Hierarchy
    columns: int
    s: Suppressed

    def value(self, row: str, col: int) -> Value:
        cell = (self.hier.rows.index(row), col)
        if not self.s.hidden(cell):
            return Value.exact(self.s.values[cell[0]][cell[1]])
        lo, hi = self.s.bounds(cell)  # '<3' is 0-2 (a hidden 0 prints so too), '×' 3 or more
        return Value(lo, hi, self.s.text(cell))

    def hidden(self, row: str, col: int) -> bool:
        return self.s.hidden((self.hier.rows.index(row), col))

    def text(self, row: str, col: int) -> str:
        return self.s.text((self.hier.rows.index(row), col))


def protect(hier: Hierarchy, leaf_values: Mapping[str, Sequence[int]], columns: int,
            row_lines: Sequence[tuple[tuple[int, ...], int]], threshold: int,
            forced: Iterable[tuple[str, int]] = ()) -> Block:
    """Protect one block; ``leaf_values`` per region (missing: zeros), groups are summed here.

    ``row_lines``: within each row, which columns add up to which (e.g. four quarters to the
    year); ``forced``: (row, column) cells another block hid.
    """
    zero = [0] * columns
    leaf = {k: list(leaf_values.get(k, zero)) for k in hier.leaves}
    grid = [[sum(leaf[m][c] for m in hier.members(key)) for c in range(columns)] for key in hier.rows]
    lines = hier.lines(columns)
    for r in range(len(grid)):
        for cols, tot in row_lines:
            lines.append((tuple((r, c) for c in cols), (r, tot)))
    index = {k: i for i, k in enumerate(hier.rows)}
    s = suppress(grid, lines, threshold, forced=[(index[k], c) for k, c in forced])
    return Block(hier, columns, s)
