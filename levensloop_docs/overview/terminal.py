"""The overview as a text table for the terminal, laid out in one pass.

rich's ``Table`` measures and wraps every cell through several layers of renderables:
for 400 rows of ten columns that took over a second, more than reading the 2,000 cases
from the cache. This module draws the same kind of table (rich's heavy-head box, columns
shrunk to fit the width, words wrapped, a word longer than its column folded) with plain
strings, wrapping each distinct (text, width) once: dates and statuses repeat a lot.
Colour and bold still go through rich (``StyledLines``), so a pipe gets plain text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

PAD = 1  # spaces either side of a cell, as rich's default


def cell_len(text: str) -> int:
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


@functools.lru_cache(maxsize=65536)
def wrap(text: str, width: int) -> tuple[str, ...]:
    """``text`` in lines of at most ``width`` cells: on spaces, a longer word folded."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            while cell_len(word) > width:  # fold a word that can never fit
                if current:
                    lines.append(current)
                    current = ""
                head = _fit(word, width)
                lines.append(head)
                word = word[len(head):]
            if not word:
                continue
            if not current:
                current = word
            elif cell_len(current) + 1 + cell_len(word) <= width:
                current += " " + word
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return tuple(lines) or ("",)


def _fit(word: str, width: int) -> str:
    """The longest start of ``word`` that fits ``width`` cells (at least one character)."""
    end = len(word)
    while end > 1 and cell_len(word[:end]) > width:
        end -= 1
    return word[:end]


def column_widths(headers: Sequence[str], rows: Sequence[Sequence[str]], total: int) -> list[int]:
    """Content width per column so the whole table (borders and padding) fits ``total``.

    Each column gets what its longest line needs; when that is too wide, the widest column
    gives up a cell at a time, first down to its longest word, then below it (words fold).
    """
    count = len(headers)
    natural = [cell_len(h) for h in headers]
    words = [max((cell_len(w) for w in h.split()), default=0) for h in headers]
    for row in rows:
        for j, cell in enumerate(row):
            natural[j] = max(natural[j], max((cell_len(line) for line in cell.split("\n")), default=0))
            words[j] = max(words[j], max((cell_len(w) for w in cell.split()), default=0))
    widths = [max(1, n) for n in natural]
    room = max(count, total - (count + 1) - 2 * PAD * count)
    for floor in (words, [1] * count):
        while sum(widths) > room:
            shrinkable = [j for j in range(count) if widths[j] > max(1, floor[j])]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda j: widths[j])
            widths[widest] -= 1
    return widths


@dataclass(frozen=True)
class Line:
    text: str
    style: str | None = None


def table_lines(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                styles: Sequence[str | None], total: int) -> list[Line]:
    """The table as lines of text, each with the rich style of its row (header bold)."""
    widths = column_widths(headers, rows, total)
    pad = " " * PAD

    def rule(left: str, fill: str, cross: str, right: str) -> str:
        return left + cross.join(fill * (w + 2 * PAD) for w in widths) + right

    def block(cells: Sequence[str], edge: str) -> Iterator[str]:
        wrapped = [wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        for i in range(max(len(w) for w in wrapped)):
            parts = []
            for lines, w in zip(wrapped, widths, strict=True):
                text = lines[i] if i < len(lines) else ""
                parts.append(pad + text + " " * (w - cell_len(text)) + pad)
            yield edge + edge.join(parts) + edge

    full = sum(widths) + 2 * PAD * len(widths) + len(widths) + 1
    out = [Line(title.center(full), "italic")] if title else []
    out.append(Line(rule("┏", "━", "┳", "┓")))
    out += [Line(text, "bold") for text in block(headers, "┃")]
    out.append(Line(rule("┡", "━", "╇", "┩")))
    for row, style in zip(rows, styles, strict=True):
        out += [Line(text, style) for text in block(row, "│")]
    out.append(Line(rule("└", "─", "┴", "┘")))
    return out


class StyledLines:
    """A rich renderable of finished lines: rich only writes them (with colour on a terminal)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.segment import Segment
        from rich.style import Style

        styles: dict[str | None, Any] = {}
        newline = Segment.line()
        for line in self.lines:
            if line.style not in styles:
                styles[line.style] = Style.parse(line.style) if line.style else None
            yield Segment(line.text, styles[line.style])
            yield newline
