"""The monitor's charts: drawn once per set of figures, kept in the user's cache, a bad file redrawn."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from levensloop_docs.overview import charts

SERIES: dict[str, Sequence[int | None]] = {"Aanmeldingen": [7, None]}
MARKS: dict[str, Sequence[str]] = {"Aanmeldingen": ["7", "<5"]}
ARGS: tuple[list[str], dict[str, Sequence[int | None]], dict[str, Sequence[str]], str, str] = (
    ["jan", "feb"], SERIES, MARKS, "Per maand", "Aantal")


def test_same_figures_come_from_the_cache_other_figures_are_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    first = charts.bar_chart(*ARGS)
    assert first.startswith(charts.PNG_START)
    drawn: list[object] = []
    real = charts.draw_bar_chart

    def counted(*args: object) -> bytes:
        drawn.append(args)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(charts, "draw_bar_chart", counted)
    assert charts.bar_chart(*ARGS) == first and not drawn
    more: dict[str, Sequence[int | None]] = {"Aanmeldingen": [8, None]}
    other = charts.bar_chart(["jan", "feb"], more, MARKS, "Per maand", "Aantal")
    assert len(drawn) == 1 and other != first


def test_a_damaged_chart_file_is_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    first = charts.bar_chart(*ARGS)
    from levensloop_docs.overview.cache import cache_dir

    files = list((cache_dir() / "grafieken").glob("*.png"))
    assert files and oct(files[0].stat().st_mode & 0o777) == "0o600"
    for path in files:
        path.write_bytes(path.read_bytes()[:100])  # cut short
    assert charts.bar_chart(*ARGS) == first
    assert all(path.read_bytes() == first for path in files)  # and stored again whole
