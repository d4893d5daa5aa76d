"""The registry of document types: what can be made from a case, and how.

The list itself is data (``templates/documenten.yaml``): name, title, template,
engine, formats, template version and the context it needs. Code only registers
*context builders* by name. A batch, ``genereer`` and the PDF step read this
registry, so a new document type needs a manifest entry, not a code change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.resources import templates_dir

ContextFn = Callable[[Casus, Vocabularies, date, str | None], dict[str, Any]]
AppliesFn = Callable[[Casus], bool]

_CONTEXTS: dict[str, ContextFn] = {}
_APPLIES: dict[str, AppliesFn] = {}


def context_builder(name: str) -> Callable[[ContextFn], ContextFn]:
    """Register a function that builds a document's template context."""

    def register(fn: ContextFn) -> ContextFn:
        _CONTEXTS[name] = fn
        return fn

    return register


def applies_when(name: str) -> Callable[[AppliesFn], AppliesFn]:
    """Register a predicate: does this case support the document?"""

    def register(fn: AppliesFn) -> AppliesFn:
        _APPLIES[name] = fn
        return fn

    return register


@dataclass(frozen=True)
class DocumentType:
    name: str
    title: str
    template: Path
    engine: str  # "docx" or "markdown"
    formats: tuple[str, ...]
    version: str
    context: str
    applies: str | None
    parameters: tuple[str, ...] = ()
    # body text size in points ('lettergrootte'), e.g. large type for the client; None: house style
    font_size: float | None = None

    def build_context(
        self, casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
    ) -> dict[str, Any]:
        _load_builders()
        return _CONTEXTS[self.context](casus, vocab, today, parameter)

    def applies_to(self, casus: Casus) -> bool:
        _load_builders()
        return self.applies is None or _APPLIES[self.applies](casus)

    def output_stem(self, casus: Casus, parameter: str | None = None) -> str:
        name = f"{self.name}-{parameter}" if parameter else self.name
        return f"{casus.meta.casus_id}_{name}_v{casus.meta.planversie}"


@cache
def _load_builders() -> None:
    """Import the modules that register context builders (kept lazy for a fast --help)."""
    import importlib

    for module in BUILDER_MODULES:
        importlib.import_module(module)


# Modules that call @context_builder / @applies_when. Add yours here.
BUILDER_MODULES: list[str] = [
    "levensloop_docs.views.plan_document",
    "levensloop_docs.views.aanmelding",
    "levensloop_docs.views.partner_sheet",
    "levensloop_docs.views.client",
    "levensloop_docs.views.crisiskaart",
    "levensloop_docs.views.overgang",
]


def manifest_path() -> Path:
    return templates_dir() / "documenten.yaml"


@cache
def registry() -> dict[str, DocumentType]:
    """Every document type in the templates manifest, checked once."""
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    path = manifest_path()
    try:
        data = load_yaml(path, round_trip=True)
    except YamlReadError as exc:
        summary = _("The templates manifest cannot be read.")
        raise DataFileError(problems=[exc.problem], summary=summary) from None
    _load_builders()
    types: dict[str, DocumentType] = {}
    problems: list[Problem] = []
    for name, entry in (data or {}).items():
        try:
            types[str(name)] = _parse_entry(str(name), entry)
        except (KeyError, TypeError, ValueError):
            msg = _("Every document needs titel, sjabloon, soort, formaten, versie and context.")
            problems.append(Problem(path, str(name), msg))
    if problems:
        raise DataFileError(problems=problems, summary=_("The templates manifest is not valid."))
    return types


def _parse_entry(name: str, entry: Any) -> DocumentType:
    engine = str(entry["soort"])
    context = str(entry["context"])
    applies = entry.get("van_toepassing")
    if engine not in ("docx", "markdown") or context not in _CONTEXTS:
        raise ValueError(name)
    if applies is not None and applies not in _APPLIES:
        raise ValueError(name)
    return DocumentType(
        name=name,
        title=str(entry["titel"]),
        template=templates_dir() / str(entry["sjabloon"]),
        engine=engine,
        formats=tuple(str(f) for f in entry["formaten"]),
        version=str(entry["versie"]),
        context=context,
        applies=None if applies is None else str(applies),
        parameters=tuple(str(p) for p in entry.get("parameters", [])),
        font_size=_font_size(entry.get("lettergrootte")),
    )


def _font_size(value: Any) -> float | None:
    if value is None:
        return None
    size = float(value)
    if not 8 <= size <= 24:
        raise ValueError(size)
    return size


def parse_document_request(text: str) -> tuple[str, str | None]:
    """``partner:reclassering`` -> ``("partner", "reclassering")``; ``levensloopplan`` -> no parameter."""
    name, _sep, parameter = text.partition(":")
    return name.strip(), (parameter.strip() or None)
