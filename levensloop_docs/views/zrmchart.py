"""ZRM over time: the score per levensgebied per evaluation date, as data and as a chart.

The chart is drawn with matplotlib (imported only here, only when a chart is made) on
the Agg backend, as PNG. Colours are the Okabe-Ito palette (safe for the common kinds of
colour blindness) and every line also has its own marker and line style, so it reads in
black and white too. The same numbers go into a text table beside the chart.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import date
from typing import Any

from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies

# Okabe & Ito (2008), without its yellow (too pale on white paper).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#000000")
# Lines with the same scores would hide each other: each is drawn a little higher or lower
# (at most a fifth of a point); the table beside the chart has the exact numbers.
SPREAD = 0.05
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">", "p", "8")
STYLES = ("-", "--", "-.", ":")
CHART_WIDTH_CM = 16.0
# Charts drawn in this process, by a hash of their data: the plan and the voortgangsverslag of
# one case show the same chart, and drawing it is the slowest step of either (0.08 - 0.3 s).
_DRAWN: dict[str, bytes] = {}
_DRAWN_MAX = 64


@dataclass(frozen=True)
class Image:
    """A picture for a Word template: the DOCX renderer puts it inline, with this alt text."""

    png: bytes
    width_cm: float
    description: str  # alternative text


@dataclass(frozen=True)
class ZrmSeries:
    dates: tuple[date, ...]
    labels: dict[str, str]  # levensgebied key -> label, in plan order
    scores: dict[str, dict[date, int]]  # levensgebied key -> date -> score
    baseline: date | None = None  # the first date is the inclusion baseline (zrm_nulmeting)

    def empty(self) -> bool:
        return not self.dates


def zrm_series(casus: Casus, vocab: Vocabularies) -> ZrmSeries:
    """Every ZRM score of every evaluation; levensgebieden in the order they first appear.

    Progress is read against the scores at inclusion (``zrm_nulmeting``): they come first,
    but only beside at least one evaluation (a plan before its first evaluation has no course).
    """
    labels: dict[str, str] = {}
    scores: dict[str, dict[date, int]] = {}
    dates: list[date] = []
    moments = [(ev.datum, ev.zrm) for ev in casus.evaluaties]
    base = casus.zrm_nulmeting
    baseline = None
    if base is not None and base.datum is not None and base.scores and any(z for _d, z in moments):
        first = min(d for d, z in moments if z)
        if base.datum < first:
            baseline = base.datum
            moments.insert(0, (base.datum, base.scores))
    for day, zrm in moments:
        if zrm and day not in dates:
            dates.append(day)
        for s in zrm:
            labels.setdefault(s.gebied, vocab["levensgebieden"].label(s.gebied))
            scores.setdefault(s.gebied, {})[day] = s.score
    return ZrmSeries(tuple(dates), labels, scores, baseline)


def zrm_chart_png(series: ZrmSeries, title: str = "") -> bytes:
    """The chart as PNG bytes (150 dpi, 16 x 9 cm); drawn once per process for the same data."""
    key = _data_key(series, title)
    found = _DRAWN.get(key)
    if found is None:
        found = _draw(series, title)
        if len(_DRAWN) >= _DRAWN_MAX:
            _DRAWN.pop(next(iter(_DRAWN)))  # the oldest: a batch moves on to other cases
        _DRAWN[key] = found
    return found


def _data_key(series: ZrmSeries, title: str) -> str:
    """Everything the picture shows, in a fixed order (the labels' order sets the colours)."""
    parts = [title, repr(series.dates), repr(series.baseline)]
    for key, label in series.labels.items():
        parts.append(repr((key, label, sorted(series.scores[key].items()))))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _draw(series: ZrmSeries, title: str) -> bytes:
    # The Figure API without pyplot: no global state, no GUI backend, and faster per chart.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import DateFormatter, date2num
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.3, 3.6), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0.09, 0.12, 0.60, 0.80))  # fixed layout: room for the legend on the right
    n = len(series.labels)
    for i, (key, label) in enumerate(series.labels.items()):
        points = sorted(series.scores[key].items())
        shift = max(-0.2, min(0.2, (i - (n - 1) / 2) * SPREAD))
        ax.plot(
            [_num(date2num, d) for d, _s in points], [s + shift for _d, s in points], label=label,
            color=PALETTE[i % len(PALETTE)], marker=MARKERS[i % len(MARKERS)],
            linestyle=STYLES[(i // len(PALETTE)) % len(STYLES)], linewidth=1.8, markersize=6,
        )
    ax.set_ylim(0.5, 5.5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel("ZRM-score (1-5)")
    ax.xaxis.set_major_formatter(DateFormatter("%m-%Y"))  # type: ignore[no-untyped-call]
    ax.set_xticks([_num(date2num, d) for d in series.dates])
    ax.grid(True, axis="y", color="#cccccc", linewidth=0.6)
    if title:
        ax.set_title(title, fontsize=10)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=7, frameon=False)
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()


def _num(date2num: Any, day: date) -> float:
    """matplotlib's number for a date (its date2num has no type hints)."""
    return float(date2num(day))


def zrm_table(series: ZrmSeries) -> dict[str, object]:
    """The table beside the chart: one row per levensgebied, one column per evaluation date."""
    from levensloop_docs.i18n import format_date

    inclusion = _("{date} (inclusion)")
    return {
        "datums": [inclusion.format(date=format_date(d, "short")) if d == series.baseline
                   else format_date(d, "short") for d in series.dates],
        "rijen": [
            {"gebied": label, "scores": [str(series.scores[key].get(d, "")) for d in series.dates]}
            for key, label in series.labels.items()
        ],
    }


def zrm_context(casus: Casus, vocab: Vocabularies) -> tuple[dict[str, object], Image | None]:
    """The table and the chart (None without ZRM scores) for a template: plan and verslag."""
    series = zrm_series(casus, vocab)
    table = zrm_table(series)
    if series.empty():
        return table, None
    description = _("ZRM scores per levensgebied per evaluation date; the same numbers are in the table.")
    return table, Image(zrm_chart_png(series), CHART_WIDTH_CM, description)
