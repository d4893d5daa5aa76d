"""The table of producers: per (engine, format) the function that makes that file of a job.

Apart from ``renderrun.py`` so that the modules that register a producer (``produce_*.py``,
loaded by the run when it first needs them) import this table, not the run that loads them:
no import circle (tests/test_layers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from levensloop_docs.run.renderrun import Job, RenderRun

Producer = Callable[["RenderRun", "Job", dict[str, Any], Path], None]
PRODUCERS: dict[tuple[str, str], Producer] = {}


def producer(engine: str, fmt: str) -> Callable[[Producer], Producer]:
    def register(fn: Producer) -> Producer:
        PRODUCERS[(engine, fmt)] = fn
        return fn

    return register
