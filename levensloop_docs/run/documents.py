"""The registry of document types: what can be made from a case, and how.

The list itself is data (``templates/documenten.yaml``): name, title, template,
engine, formats, template version and the context it needs. Code only names the view
(``views/``) behind each context name. A batch, ``genereer`` and the PDF step read this
registry, so a new document type needs a manifest entry, not a code change.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.templatefolders import template_path

if TYPE_CHECKING:  # the registry is read without the case model and the views (start-up)
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import Vocabularies

    # a view returns its own TypedDict; the run copies it into a plain dict
    ContextFn = Callable[[Casus, Vocabularies, date, str | None], Mapping[str, Any]]
    AppliesFn = Callable[[Casus], bool]

DEFAULT_FORMATS = ("docx",)  # what is made when no --formaat is given

# The predicate names the manifest may use (``van_toepassing:``): the keys of ``_predicates``,
# which imports the views only when a case is planned (tests/test_startup.py checks both agree).
PREDICATE_NAMES = frozenset({
    "heeft_plan", "heeft_aanmelding", "heeft_besluit", "heeft_evaluaties", "voldoet_uitstroom",
    "heeft_scenarios", "heeft_opnamestap",
})


# context name (``context:`` in the manifest) -> the view module and function that build it
_VIEW_FUNCTIONS = {
    "plan": ("plan", "plan_context"),
    "plan_client": ("plan_client", "plan_client_context"),
    "aanmelding": ("aanmelding", "form_view"),
    "aanmelding_anoniem": ("aanmelding", "anonymous_form_view"),
    "terugkoppeling": ("aanmelding", "feedback_view"),
    "partnerblad": ("partner_sheet", "partner_sheet_context"),
    "voortgang": ("voortgang", "voortgang_context"),
    "uitstroom": ("uitstroom", "uitstroom_context"),
    "signaleringsplan": ("client", "signaleringsplan_context"),
    "toestemming": ("client", "toestemming_context"),
    "crisiskaart": ("crisiskaart", "crisiskaart_context"),
    "opnamebrief": ("overgang", "opnamebrief_context"),
    "overdracht": ("overgang", "overdracht_context"),
    "verstrekkingen": ("verstrekkingen", "verstrekkingen_context"),
}


VIEW_NAMES = frozenset(_VIEW_FUNCTIONS)  # what ``context:`` may name


def _view(name: str) -> ContextFn:
    """The view behind one context name; only its module is imported (one document: one view)."""
    import importlib

    module, function = _VIEW_FUNCTIONS[name]
    view: ContextFn = getattr(importlib.import_module(f"levensloop_docs.views.{module}"), function)
    return view


def _views() -> dict[str, ContextFn]:
    """Context name -> the view that builds it (every view imported)."""
    return {name: _view(name) for name in _VIEW_FUNCTIONS}


# Views that also get the plan history, as ``history=[Casus]``: the newest archived version
# before the case's own (RenderRun.history); the voortgangsverslag shows what changed since.
WITH_HISTORY = frozenset({"voortgang"})
# Views that get the case's disclosure register, as ``register=[Verstrekking]`` (case/register.py).
WITH_REGISTER = frozenset({"verstrekkingen"})


@cache
def _predicates() -> dict[str, AppliesFn]:
    """Predicate name (``van_toepassing:`` in the manifest) -> does the case call for it?"""
    from levensloop_docs.case.planrules import has_plan
    from levensloop_docs.views import aanmelding, client, overgang, uitstroom, voortgang

    return {
        "heeft_plan": has_plan,
        "heeft_aanmelding": aanmelding.has_aanmelding,
        "heeft_besluit": aanmelding.has_decision,
        "heeft_evaluaties": voortgang.has_evaluations,
        "voldoet_uitstroom": uitstroom.meets_exit,
        "heeft_scenarios": client.has_scenarios,
        "heeft_opnamestap": overgang.has_admission_step,
    }


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
    on_request: bool = False  # manifest 'op_verzoek': made only when named (--document)
    # body text size in points ('lettergrootte'), e.g. large type for the client; None: house style
    font_size: float | None = None

    @property
    def by_default(self) -> bool:
        """Made without being named: no parameter and not an on-request variant."""
        return not self.parameters and not self.on_request

    def build_context(
        self, casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None,
        history: Sequence[Casus] = (), register: Sequence[Any] = (),
    ) -> dict[str, Any]:
        view = _view(self.context)
        if self.context in WITH_HISTORY:
            return dict(view(casus, vocab, today, parameter, history=list(history)))  # type: ignore[call-arg]
        if self.context in WITH_REGISTER:
            return dict(view(casus, vocab, today, parameter, register=list(register)))  # type: ignore[call-arg]
        return dict(view(casus, vocab, today, parameter))

    def wants_history(self) -> bool:
        return self.context in WITH_HISTORY

    def wants_register(self) -> bool:
        return self.context in WITH_REGISTER

    def applies_to(self, casus: Casus) -> bool:
        return self.applies is None or _predicates()[self.applies](casus)

    def output_stem(self, casus: Casus, parameter: str | None = None) -> str:
        name = f"{self.name}-{parameter}" if parameter else self.name
        return f"{casus.meta.casus_id}_{name}_v{casus.meta.planversie}"


def manifest_path() -> Path:
    return template_path("documenten.yaml")


@cache
def registry() -> dict[str, DocumentType]:
    """Every document type in the templates manifest, checked once."""
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    path = manifest_path()
    try:
        data = load_yaml(path, round_trip=False)  # its messages name entries, not lines
    except YamlReadError as exc:
        summary = _("The templates manifest cannot be read.")
        raise DataFileError(problems=[exc.problem], summary=summary) from None
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
    if engine not in ("docx", "markdown") or context not in VIEW_NAMES:
        raise ValueError(name)
    if applies is not None and applies not in PREDICATE_NAMES:
        raise ValueError(name)
    return DocumentType(
        name=name,
        title=str(entry["titel"]),
        template=template_path(str(entry["sjabloon"])),
        engine=engine,
        formats=tuple(str(f) for f in entry["formaten"]),
        version=str(entry["versie"]),
        context=context,
        applies=None if applies is None else str(applies),
        parameters=tuple(str(p) for p in entry.get("parameters", [])),
        on_request=bool(entry.get("op_verzoek", False)),
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
