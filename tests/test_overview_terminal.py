"""The overview's terminal table: every cell's text kept, every line as wide as the table."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from levensloop_docs.overview.terminal import cell_len, column_widths, table_lines, wrap

HEADERS = ["Casus", "Status", "Volgende evaluatie", "Aanmelding wacht"]
text = st.text(alphabet=st.sampled_from("ab é-()0123456789"), max_size=40)


def _cells_of(lines: list[str], count: int) -> list[list[str]]:
    """The text of each column, per printed line, without the box and the padding."""
    split = [line[1:-1].split(line[0]) for line in lines]
    return [[part.strip() for part in parts] for parts in split if len(parts) == count]


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.lists(text, min_size=4, max_size=4), max_size=8),
       width=st.integers(min_value=20, max_value=160))
def test_every_cell_text_is_printed_and_every_line_fits(rows: list[list[str]], width: int) -> None:
    lines = [line.text for line in table_lines("Titel", HEADERS, rows, [None] * len(rows), width)]
    table_width = cell_len(lines[1])
    assert all(cell_len(line) == table_width for line in lines[1:])
    assert table_width <= max(width, 4 * 4 + 5)  # at least one cell a column
    body = lines[lines.index(next(x for x in lines if x.startswith("┡"))) + 1:-1]
    printed = _cells_of(body, 4)
    joined = ["".join(line[j] for line in printed) for j in range(4)]
    expected = ["".join("".join(row[j].split()) for row in rows) for j in range(4)]
    assert ["".join(c.split()) for c in joined] == expected


def test_wide_terminal_keeps_each_cell_on_one_line() -> None:
    rows = [["SYN-2026-00001", "Geïncludeerd", "01-12-2026 (te laat)", ""]]
    lines = [line.text for line in table_lines("Casussen", HEADERS, rows, ["bold red"], 200)]
    assert "│ SYN-2026-00001 │ Geïncludeerd │ 01-12-2026 (te laat) │" in lines[4]
    assert lines[0].strip() == "Casussen" and lines[1].startswith("┏") and lines[-1].startswith("└")


def test_narrow_column_wraps_on_words_then_folds() -> None:
    assert wrap("28 dagen (sinds 09-11-2026)", 8) == ("28 dagen", "(sinds", "09-11-20", "26)")
    assert column_widths(["Kop"], [["een heel lang woord"]], 12) == [8]
