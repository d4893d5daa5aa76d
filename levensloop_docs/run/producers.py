"""The table of producers: per (engine, format) the function that makes that file of a job.

Apart from ``renderrun.py`` so that the modules that register a producer (``produce_*.py``,
loaded by the run when it first needs them) import this table, not the run that loads them:
no import circle (tests/test_layers.py).

A job is anything that is an ``Output``: a case document (``renderrun.Job``) or a region
publication (``publish.Publication``: a leaflet, the handreiking, an overview). Both are
made by ``renderrun.render_job`` with these producers, so format dispatch, document
properties, CONCEPT marking, PDF conversion and metadata exist once
(tests/test_one_pipeline.py holds that).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from levensloop_docs.case.safety import OpenPoint
    from levensloop_docs.pdf.metadata import PdfInfo
    from levensloop_docs.render.markdown import RenderedMarkdown
    from levensloop_docs.run.renderrun import RenderRun


class Output(Protocol):
    """What the one render pipeline needs of a job, whatever it is about."""

    @property
    def formats(self) -> tuple[str, ...]: ...
    @property
    def concept(self) -> tuple[OpenPoint, ...]: ...
    @property
    def engine(self) -> str: ...
    @property
    def name(self) -> str: ...  # in messages: the document type or the publication's file stem
    @property
    def font_size(self) -> float | None: ...
    @property
    def toc(self) -> bool: ...  # a table of contents with page numbers (from a first PDF)
    @property
    def landscape(self) -> bool: ...

    def stem(self) -> str: ...
    def target(self, out_dir: Path, fmt: str) -> Path: ...
    def gated(self, run: RenderRun) -> Output:
        """This job with the safety gate's open points as ``concept``; raises a refusal."""
        ...
    def context(self, run: RenderRun) -> dict[str, Any]: ...
    def page(self, context: dict[str, Any]) -> RenderedMarkdown:
        """The Markdown engine's rendered page."""
        ...
    def properties(self) -> dict[str, str]: ...
    def footer(self) -> str: ...
    def pdf_info(self) -> PdfInfo: ...


Producer = Callable[["RenderRun", Any, dict[str, Any], Path], None]
PRODUCERS: dict[tuple[str, str], Producer] = {}


def producer(engine: str, fmt: str) -> Callable[[Producer], Producer]:
    def register(fn: Producer) -> Producer:
        PRODUCERS[(engine, fmt)] = fn
        return fn

    return register
