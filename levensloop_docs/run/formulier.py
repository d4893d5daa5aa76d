"""Filling a Zorg- en Veiligheidshuis's own PDF form (AcroForm) from a case, with pypdf.

A mapping file (YAML) says, per form field, where its value comes from::

    velden:
      naam_client: persoon.naam                              # a field path in the case
      criterium_1: aanmelding.criteria_landelijk.1.voldoet   # a checkbox: on when true
      aanmelder: {tekst: "{{ aanmelding.aanmelder.naam }}, {{ aanmelding.aanmelder.functie }}"}
      geincludeerd: {als: "aanmelding.besluit_sleutel == 'geincludeerd'"}

Paths and expressions read the same context as the aanmeldformulier template
(``context.py``): labels instead of keys, dates in Dutch. Templates and expressions run
in the Jinja sandbox, so a mapping file cannot run code. Everything is checked before
anything is written: a field the form lacks, an unknown path, a broken expression, a
file that is no PDF, an encrypted or damaged PDF; each problem names file and field.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.errors import DataFileError, Problem, UsageError
from levensloop_docs.i18n import _, ngettext
from levensloop_docs.run.producers import producer

if TYPE_CHECKING:
    from levensloop_docs.case.casefile import CaseFile
    from levensloop_docs.case.safety import OpenPoint
    from levensloop_docs.pdf.metadata import PdfInfo
    from levensloop_docs.render.markdown import RenderedMarkdown
    from levensloop_docs.run.renderrun import RenderRun

RULE_KINDS = ("veld", "tekst", "als")
_PUSHBUTTON, _RADIO = 1 << 16, 1 << 15


@dataclass(frozen=True)
class FormField:
    """One fillable field: its full name, kind (tekst, vinkvakje, ...) and allowed values."""

    naam: str
    soort: str
    opties: tuple[str, ...] = ()
    waarde: str = ""


@dataclass(frozen=True)
class Rule:
    """Where one form field gets its value: a path, a text template, or a condition."""

    field: str
    kind: str
    source: str


def _form_problem(path: Path, message: str) -> DataFileError:
    return DataFileError(problems=[Problem(path, "", message)], summary=_("The PDF form cannot be used."))


def open_form(path: Path) -> Any:
    """A pypdf reader for a fillable, unencrypted PDF form; a Dutch error otherwise."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        head = path.open("rb").read(1024)
    except FileNotFoundError:
        raise _form_problem(path, _("The file does not exist.")) from None
    except OSError:
        raise _form_problem(path, _("The file cannot be read.")) from None
    if b"%PDF-" not in head:
        raise _form_problem(path, _("This is not a PDF file."))
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            msg = _("The PDF is encrypted (protected with a password). Ask for a form without protection.")
            raise _form_problem(path, msg)
        fields = reader.get_fields()
        for page in reader.pages:
            page.get("/Annots")
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise _form_problem(path, _("The PDF is damaged and cannot be read.")) from None
    if not fields:
        raise _form_problem(path, _("This PDF has no form fields: it is not a fillable form."))
    return reader


def _kind(spec: Mapping[str, Any]) -> str:
    ft, flags = spec.get("/FT"), int(spec.get("/Ff", 0) or 0)
    if ft == "/Tx":
        return "tekst"
    if ft == "/Ch":
        return "keuzelijst"
    if ft == "/Sig":
        return "handtekening"
    if ft == "/Btn":
        return "knop" if flags & _PUSHBUTTON else "keuzerondje" if flags & _RADIO else "vinkvakje"
    return "onbekend"


def _options(spec: Mapping[str, Any]) -> tuple[str, ...]:
    states = spec.get("/_States_") or []
    if states:
        return tuple(str(s).lstrip("/") for s in states)
    opts = spec.get("/Opt") or []
    return tuple(str(o[-1] if isinstance(o, list) else o) for o in opts)


def form_fields(reader: Any) -> list[FormField]:
    """Every terminal field of the form, in document order."""
    out = []
    for name, spec in (reader.get_fields() or {}).items():
        if spec.get("/FT") is None:
            continue  # a parent node without a value of its own
        value = spec.get("/V")
        shown = "" if value is None else str(value).lstrip("/")
        out.append(FormField(str(name), _kind(spec), _options(spec), shown))
    return out


def list_fields(path: Path) -> list[FormField]:
    return form_fields(open_form(path))


# ---- the mapping file -------------------------------------------------------------------


def _mapping_error(problems: list[Problem]) -> DataFileError:
    return DataFileError(
        problems=problems,
        summary=ngettext("The mapping file is not valid ({n} problem).",
                         "The mapping file is not valid ({n} problems).", len(problems))
                        .format(n=len(problems)),
        hint=_("Run 'levensloop aanmelding velden FORM.pdf' to see the fields of the form."),
    )


def _rule(name: str, value: Any, path: Path, line: int | None) -> Rule | Problem:
    where = f"velden.{name}"
    if isinstance(value, str) and value.strip():
        return Rule(name, "veld", value.strip())
    if isinstance(value, Mapping) and len(value) == 1:
        kind, source = next(iter(value.items()))
        if kind in RULE_KINDS and isinstance(source, str) and source.strip():
            return Rule(name, str(kind), source.strip())
    msg = _("Write a field path (persoon.naam), or one of {tekst: '...'}, {als: '...'} or {veld: '...'}.")
    return Problem(path, where, msg, line)


def load_mapping(path: Path) -> list[Rule]:
    """Read a mapping file: ``velden:`` with one rule per form field; every bad rule is an error."""
    rules, problems = read_mapping(path)
    if problems:
        raise _mapping_error(problems)
    return rules


def read_mapping(path: Path) -> tuple[list[Rule], list[Problem]]:
    """The good rules and a problem per bad rule (so they are reported with the others)."""
    from levensloop_docs.yamlio import YamlReadError, line_of, load_yaml

    try:
        data = load_yaml(path)
    except YamlReadError as exc:
        raise _mapping_error([exc.problem]) from None
    velden = data.get("velden") if isinstance(data, Mapping) else None
    if not isinstance(velden, Mapping) or not velden:
        msg = _("A mapping file needs a section 'velden:' with one line per form field.")
        raise _mapping_error([Problem(path, "velden", msg)])
    rules: list[Rule] = []
    problems: list[Problem] = []
    for name, value in velden.items():
        found = _rule(str(name), value, path, line_of(data, ("velden", name)))
        if isinstance(found, Problem):
            problems.append(found)
        else:
            rules.append(found)
    return rules, problems


# ---- evaluating rules against the case ----------------------------------------------------


class _UnknownPath(Exception):
    pass


def resolve_path(context: Mapping[str, Any], dotted: str) -> Any:
    """``aanmelding.criteria_landelijk.1.voldoet`` in the context; a missing list item is empty."""
    node: Any = context
    for part in dotted.split("."):
        if isinstance(node, Mapping):
            if part not in node:
                raise _UnknownPath(dotted)
            node = node[part]
        elif isinstance(node, list) and part.isdigit():
            index = int(part)
            if index >= len(node):
                return None
            node = node[index]
        else:
            raise _UnknownPath(dotted)
    return node


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return "; ".join(as_text(v) for v in value)
    if isinstance(value, Mapping):
        raise _UnknownPath("")
    return str(value)


def evaluate(rule: Rule, context: Mapping[str, Any], env: Any) -> Any:
    """The raw value of one rule; raises _UnknownPath or a Jinja error."""
    if rule.kind == "veld":
        return resolve_path(context, rule.source)
    if rule.kind == "tekst":
        return env.from_string(rule.source).render(**context)
    return bool(env.compile_expression(rule.source, undefined_to_none=False)(**context))


def _value_for(field: FormField, raw: Any) -> str:
    """The pypdf value for one field: an appearance state for buttons, text otherwise."""
    if field.soort == "vinkvakje":
        on = next((o for o in field.opties if o != "Off"), "Yes")
        return f"/{on}" if (raw if isinstance(raw, bool) else bool(as_text(raw))) else "/Off"
    if field.soort == "keuzerondje":
        return f"/{as_text(raw)}" if as_text(raw) else "/Off"
    return as_text(raw)


def compute_values(
    rules: list[Rule], fields: list[FormField], context: Mapping[str, Any], mapping: Path, form: Path,
    problems: list[Problem] | None = None,
) -> dict[str, str]:
    """Every mapped value, or a DataFileError listing every problem (also ``problems``) at once."""
    from jinja2 import TemplateError

    from levensloop_docs.render.sandbox import make_environment

    env = make_environment(autoescape=False)
    by_name = {f.naam: f for f in fields}
    values: dict[str, str] = {}
    problems = list(problems or [])
    for rule in rules:
        where = f"velden.{rule.field}"
        field = by_name.get(rule.field)
        if field is None:
            msg = _("The form {form} has no field with this name.").format(form=form.name)
            problems.append(Problem(mapping, where, msg))
            continue
        if field.soort in ("knop", "handtekening", "onbekend"):
            msg = _("This form field ({kind}) cannot be filled.").format(kind=field.soort)
            problems.append(Problem(mapping, where, msg))
            continue
        try:
            value = _value_for(field, evaluate(rule, context, env))
        except _UnknownPath:
            msg = _("'{path}' is not a field of the case (or not a single value). Example: persoon.naam.")
            problems.append(Problem(mapping, where, msg.format(path=rule.source)))
            continue
        except TemplateError as exc:
            msg = _("The expression cannot be used: {error}.").format(error=getattr(exc, "message", "") or "")
            problems.append(Problem(mapping, where, msg))
            continue
        if field.soort == "keuzerondje" and value != "/Off" and value[1:] not in field.opties:
            msg = _("This choice has no option with that value. Options: {options}.")
            problems.append(Problem(mapping, where, msg.format(options=", ".join(field.opties))))
            continue
        values[rule.field] = value
    if problems:
        raise _mapping_error(problems)
    return values


def _flatten_all(fields: list[FormField], values: dict[str, str]) -> dict[str, str]:
    """Flattening draws only the fields passed; pass every field so empty boxes stay visible."""
    full = {}
    for f in fields:
        if f.soort in ("tekst", "keuzelijst"):
            full[f.naam] = f.waarde
        elif f.soort in ("vinkvakje", "keuzerondje"):
            full[f.naam] = f"/{f.waarde}" if f.waarde else "/Off"
    full.update(values)
    return full


def fill_pdf(reader: Any, fields: list[FormField], values: dict[str, str], flatten: bool) -> bytes:
    """The filled form as PDF bytes; flattened means no fields are left to edit."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=reader)
    if flatten:
        writer.update_page_form_field_values(None, _flatten_all(fields, values), auto_regenerate=False,
                                             flatten=True)
        writer.remove_annotations(subtypes="/Widget")
        root = writer._root_object
        if NameObject("/AcroForm") in root:
            del root[NameObject("/AcroForm")]
    else:
        writer.update_page_form_field_values(None, values, auto_regenerate=False)
        writer.set_need_appearances_writer(True)  # viewers redraw the fields with the new text
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class FormJob:
    """A ZVH's own PDF form, filled from one case: a job of the one render pipeline.

    Everything is checked when the job is made (``prepare_form``); ``renderrun.render_job``
    then writes it like any document, after the safety gate of the aanmeldformulier. The form
    is the ZVH's own, so it cannot carry the CONCEPT mark: a refusal stops it, and so do open
    points with ``--definitief``; the open points themselves are the aanmeldformulier's.
    """

    case: CaseFile
    form: Path
    out: Path
    fields: tuple[FormField, ...]
    values: dict[str, str]
    flatten: bool
    formats: tuple[str, ...] = ("pdf",)
    concept: tuple[OpenPoint, ...] = ()
    toc = False
    landscape = False

    @property
    def engine(self) -> str:
        return "pdfformulier"

    @property
    def name(self) -> str:
        return self.form.name

    @property
    def font_size(self) -> float | None:
        return None

    def stem(self) -> str:
        return self.out.stem

    def target(self, out_dir: Path, fmt: str) -> Path:
        return self.out  # the --uit file itself, not a name in a folder

    def gated(self, run: RenderRun) -> FormJob:
        from levensloop_docs.case.safety import gate
        from levensloop_docs.run.concept import refusal

        casus = self.case.casus
        verdict = gate(casus, run.vocab, run.today, "aanmeldformulier", None)
        if verdict.refusals or (run.definitive and verdict.points):
            raise refusal(casus.meta.casus_id, self.form.name, verdict, definitive=run.definitive)
        return self

    def context(self, run: RenderRun) -> dict[str, Any]:
        return {}  # the values were computed (and checked) when the job was made

    def page(self, context: dict[str, Any]) -> RenderedMarkdown:
        msg = _("Format {fmt} is not available for {name}.")
        raise UsageError(msg.format(fmt="html", name=self.name))

    def properties(self) -> dict[str, str]:
        cid = self.case.casus.meta.casus_id
        return {"title": self.form.stem, "subject": self.form.stem, "identifier": cid}

    def footer(self) -> str:
        return ""

    def pdf_info(self) -> PdfInfo:
        from datetime import UTC, datetime

        from levensloop_docs.pdf.metadata import PdfInfo

        return PdfInfo(title=self.form.stem, subject=self.form.stem, case_id=self.case.casus.meta.casus_id,
                       template=self.form.name, template_version="", created=datetime.now(UTC))


def prepare_form(
    case_path: Path, form: Path, mapping: Path, target: Path | None = None, *, flatten: bool = False
) -> FormJob:
    """Check everything (case, mapping, form, every value) before anything is written."""
    from datetime import date

    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.views.aanmelding import build_aanmelding_context

    case = load_case(case_path)
    # the default name carries the case id and the form's name, never the person's name
    target = target or Path.cwd() / f"{case.casus.meta.casus_id}_{form.stem}.pdf"
    if target.resolve() == form.resolve():
        raise _form_problem(form, _("The output may not overwrite the empty form. Choose another --uit."))
    rules, rule_problems = read_mapping(mapping)
    reader = open_form(form)
    fields = form_fields(reader)
    context = build_aanmelding_context(case.casus, load_vocabularies(), date.today())
    values = compute_values(rules, fields, context, mapping, form, rule_problems)
    return FormJob(case, form, target, tuple(fields), values, flatten)


@producer("pdfformulier", "pdf")
def make_filled_form(run: RenderRun, job: FormJob, context: dict[str, Any], target: Path) -> None:
    from levensloop_docs.atomic import write_bytes

    reader = open_form(job.form)
    try:
        data = fill_pdf(reader, list(job.fields), job.values, job.flatten)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _form_problem(job.form, _("The PDF is damaged and cannot be read.")) from exc
    write_bytes(target, data)
