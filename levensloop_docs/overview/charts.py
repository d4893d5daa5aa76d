"""Bar charts for the monitor (matplotlib), as PNG data URIs to embed in a document.

Colours are the Okabe-Ito palette (safe for colour-blind readers) and each series also
has its own hatch, so the chart reads in black and white. A hidden (suppressed) count is
not drawn: its place shows the mark ``<5`` or ``×`` instead. Every chart stands beside
a table with the same figures in the document.
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Sequence
from pathlib import Path

OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
HATCHES = ("", "//", "..", "xx", "\\\\", "++", "--")
PLACEHOLDER = re.compile(r'src="grafiek:([a-z0-9_-]+)"')


KEEP_CHARTS = 64  # drawn charts kept in the cache; the oldest go first
PNG_START, PNG_END = b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82"


def bar_chart(categories: Sequence[str], series: dict[str, Sequence[int | None]],
              marks: dict[str, Sequence[str]], title: str, ylabel: str) -> bytes:
    """The chart of ``draw_bar_chart``, from the per-user cache when the same figures were drawn.

    Importing matplotlib and drawing two charts takes about a second; a Monday report over
    unchanged cases asks for the same pictures again. The key is a hash of everything drawn
    (the suppressed counts and their marks, labels, titles) and the program and matplotlib
    versions; the picture holds only those aggregates, never a case. A file that is not a
    whole PNG is drawn again.
    """
    from levensloop_docs.overview.cache import cache_dir

    key = _chart_key(categories, series, marks, title, ylabel)
    path = cache_dir() / "grafieken" / f"{key}.png"
    try:
        png = path.read_bytes()
        if png.startswith(PNG_START) and png.endswith(PNG_END):
            return png
    except OSError:
        pass
    png = draw_bar_chart(categories, series, marks, title, ylabel)
    _store(path, png)
    return png


def _chart_key(*parts: object) -> str:
    import hashlib
    import json
    from importlib.metadata import version

    from levensloop_docs import __version__

    text = json.dumps([__version__, version("matplotlib"), *parts], ensure_ascii=False, default=list)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _store(path: Path, png: bytes) -> None:
    """Keep the chart for next time; a cache that cannot be written only costs time."""
    from levensloop_docs.atomic import write_bytes

    try:
        path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        write_bytes(path, png)
        kept = sorted(path.parent.glob("*.png"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[KEEP_CHARTS:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def draw_bar_chart(categories: Sequence[str], series: dict[str, Sequence[int | None]],
                   marks: dict[str, Sequence[str]], title: str, ylabel: str) -> bytes:
    """Grouped bars: one group per category, one bar per series; None is drawn as its mark."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6.3, 3.2), dpi=150)
    try:
        width = 0.8 / max(1, len(series))
        for i, (name, values) in enumerate(series.items()):
            xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(categories))]
            heights = [v or 0 for v in values]
            ax.bar(xs, heights, width, label=name, color=OKABE_ITO[i % len(OKABE_ITO)],
                   hatch=HATCHES[i % len(HATCHES)], edgecolor="#333333", linewidth=0.5)
            for x, v, mark in zip(xs, values, marks[name], strict=True):
                if v is None:
                    ax.annotate(mark, (x, 0), ha="center", va="bottom", fontsize=7, xytext=(0, 2),
                                textcoords="offset points")
        ax.set_xticks(range(len(categories)), list(categories), fontsize=8,
                      rotation=30 if len(categories) > 6 else 0,
                      ha="right" if len(categories) > 6 else "center")
        tallest = max((v or 0 for values in series.values() for v in values), default=0)
        ax.set_ylim(0, max(5, tallest * 1.15))  # an empty chart still has a sensible scale
        ax.tick_params(axis="y", labelsize=8)
        ax.set_title(title, fontsize=10)
        ax.set_ylabel(ylabel, fontsize=8)
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 0.5 on the axis
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(fontsize=7, frameon=False)
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", metadata={"Software": "levensloop-docs"})
    finally:
        plt.close(fig)
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def embed(body: str, pictures: dict[str, str]) -> str:
    """Fill each ``![alt](grafiek:NAME)`` of a template with the picture ``NAME`` (a data URI)."""
    return PLACEHOLDER.sub(lambda m: f'src="{pictures.get(m.group(1), "")}"', body)
