"""The stroomschema of op- en afschalen: a picture of a region's route, drawn with matplotlib.

One box per step of the region's route (``regio.route`` in the profile), light at the top
and heavy at the bottom, with the partners who take part. Arrows down on the left are
"opschalen", arrows up on the right "afschalen". The colours are from the Okabe-Ito set,
which people with a colour vision deficiency can tell apart, and every meaning is also
written in words, so the picture never relies on colour alone. The handreiking prints
the same steps as a table beside the picture (the text version).

matplotlib is imported inside the function (it is slow to import; ``--help`` stays fast),
and only its object API is used (no pyplot: no global state, safe in any process).
"""

from __future__ import annotations

import base64
import io
import textwrap
from dataclasses import dataclass

# Okabe-Ito: vermilion (opschalen) and blue (afschalen) on white; dark text on the light boxes
UP, DOWN, INK = "#D55E00", "#0072B2", "#1A1A1A"
BOX_FILLS = ("#E3F0F8", "#CBE3F2", "#B3D5EC", "#9CC8E6")
BOX_EDGE = "#0B4F6C"


@dataclass(frozen=True)
class Step:
    nummer: int
    niveau: str
    wie: str


def draw_png(steps: list[Step], *, up_label: str, down_label: str, dpi: int = 150) -> bytes:
    """The stroomschema as PNG bytes (same input, same bytes: no date in the metadata)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

    rows = max(1, len(steps))
    box_h, gap, left, width = 0.92, 1.22, 1.3, 7.4
    height = 0.15 + (rows - 1) * gap + box_h + 0.15
    fig = Figure(figsize=(6.3, height * 0.85), dpi=dpi)
    FigureCanvasAgg(fig)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, height)
    ax.axis("off")
    tops = [height - 0.15 - i * gap for i in range(rows)]
    for i, step in enumerate(steps):
        y = tops[i] - box_h
        ax.add_patch(FancyBboxPatch((left, y), width, box_h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                    facecolor=BOX_FILLS[min(i, len(BOX_FILLS) - 1)], edgecolor=BOX_EDGE,
                                    linewidth=1.2))
        title = textwrap.fill(f"Stap {step.nummer}: {step.niveau}", 60)
        ax.text(5.0, y + box_h - 0.24, title, ha="center", va="center", fontsize=9, fontweight="bold",
                color=INK)
        ax.text(5.0, y + 0.3, textwrap.fill(step.wie, 80), ha="center", va="center", fontsize=7.5,
                color=INK, linespacing=1.1)
    for i in range(rows - 1):
        upper, lower = tops[i] - box_h, tops[i + 1]
        ax.add_patch(FancyArrowPatch((2.6, upper - 0.02), (2.6, lower + 0.02), arrowstyle="-|>",
                                     mutation_scale=14, color=UP, linewidth=1.8))
        ax.add_patch(FancyArrowPatch((7.4, lower + 0.02), (7.4, upper - 0.02), arrowstyle="-|>",
                                     mutation_scale=14, color=DOWN, linewidth=1.8))
        middle = (upper + lower) / 2
        ax.text(2.45, middle, up_label, ha="right", va="center", fontsize=8, color=UP, fontweight="bold")
        ax.text(7.55, middle, down_label, ha="left", va="center", fontsize=8, color=DOWN, fontweight="bold")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})
    return buffer.getvalue()


def data_uri(png: bytes) -> str:
    """A PNG as a data URI, so the HTML page carries its picture (one file to hand on)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
