"""The ZRM chart is kept in the user's cache folder: printing the verslag again draws nothing.

The cache folder is the per-test one (conftest). A kept chart is used only for the same data,
the same drawing code and the same matplotlib.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES

from levensloop_docs.case.casefile import read_case
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.views import zrmchart

CASE = EXAMPLES / "evaluatie" / "LLA-2024-0117.yaml"


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []
    real = zrmchart._draw

    def counting(series: zrmchart.ZrmSeries, title: str) -> bytes:
        calls.append(series)
        return real(series, title)

    monkeypatch.setattr(zrmchart, "_draw", counting)
    monkeypatch.setattr(zrmchart, "_DRAWN", {})
    return calls


def _series() -> zrmchart.ZrmSeries:
    return zrmchart.zrm_series(read_case(CASE).casus, load_vocabularies())


def test_a_new_process_takes_the_kept_chart(drawn: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    first = zrmchart.zrm_chart_png(_series())
    monkeypatch.setattr(zrmchart, "_DRAWN", {})  # as a new process: only the cache folder is left
    assert zrmchart.zrm_chart_png(_series()) == first
    assert len(drawn) == 1
    kept = list(zrmchart._chart_dir().glob("*.png"))
    assert len(kept) == 1 and kept[0].stat().st_mode & 0o077 == 0  # owner-only


def test_other_data_or_another_matplotlib_draws_again(drawn: list[object],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    series = _series()
    zrmchart.zrm_chart_png(series)
    other = zrmchart.ZrmSeries(series.dates, series.labels,
                               {**series.scores, "huisvesting": dict.fromkeys(series.dates, 5)})
    zrmchart.zrm_chart_png(other)
    assert len(drawn) == 2
    monkeypatch.setattr(zrmchart, "_DRAWN", {})
    monkeypatch.setattr(zrmchart, "_drawing_version", lambda: "matplotlib 99")
    zrmchart.zrm_chart_png(series)
    assert len(drawn) == 3


def test_a_damaged_kept_chart_is_drawn_again(drawn: list[object], monkeypatch: pytest.MonkeyPatch) -> None:
    first = zrmchart.zrm_chart_png(_series())
    for path in zrmchart._chart_dir().glob("*.png"):
        path.write_bytes(b"kapot")
    monkeypatch.setattr(zrmchart, "_DRAWN", {})
    assert zrmchart.zrm_chart_png(_series()) == first
    assert len(drawn) == 2


def test_an_unwritable_cache_folder_only_costs_a_drawing(drawn: list[object], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert zrmchart.zrm_chart_png(_series()).startswith(b"\x89PNG")
