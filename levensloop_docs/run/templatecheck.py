"""Check every template in the registry before anything is rendered.

For each document type: parse its template (Word: the Jinja source docxtpl makes from the
document XML, per part; Markdown: the file and what it includes), report syntax errors
with their paragraph or line, and walk the Jinja syntax tree against the *shape* of the
context the document really gets: the union of the contexts its context builder makes
for the example cases. Every variable path the context does not provide is reported
(``persoon.naamm``), with nested paths and loop variables followed (``{% for g in
levensgebieden %}{{ g.acties }}``). ``x is defined`` and ``x | default(...)`` are
questions, not uses, and are not reported.

API::

    check_templates(types=None, examples=None) -> list[Problem]   # errors and warnings
    check_document(doc, shape) -> list[Problem]
    context_shape(doc, cases) -> Shape | None     # None: no example case fits this document
    template_inputs(doc) -> list[Path]            # the template and every file it includes
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.errors import DataFileError, LevensloopError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.resources import shared_root
from levensloop_docs.run.documents import DocumentType, registry
from levensloop_docs.templatefolders import template_folders, template_path

if TYPE_CHECKING:  # the batch hashes templates without the case model
    from levensloop_docs.case.casefile import CaseFile

# Filters whose result has the shape of their input (a list stays a list of the same items).
_SAME_SHAPE = {"sort", "reverse", "unique", "list", "selectattr", "rejectattr", "batch", "slice", "select",
               "reject", "first", "last", "random"}
_ITEM_SHAPE = {"first", "last", "random"}
_DICT_METHODS = {"items", "keys", "values", "get"}
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class Shape:
    """What a context value looked like in the examples: a mapping, a list, plain values."""

    keys: dict[str, Shape] | None = None
    item: Shape | None = None
    scalars: set[type] = field(default_factory=set)
    is_list: bool = False

    def merge(self, other: Shape) -> Shape:
        if other.keys is not None:
            self.keys = self.keys if self.keys is not None else {}
            for key, value in other.keys.items():
                self.keys[key] = self.keys[key].merge(value) if key in self.keys else value
        if other.is_list:
            self.is_list = True
            if other.item is not None:
                self.item = self.item.merge(other.item) if self.item is not None else other.item
        self.scalars |= other.scalars
        return self

    def unknown(self) -> bool:
        """Only empty values seen (None, empty list): nothing can be said about its fields."""
        no_values = not self.scalars - {type(None)}
        return self.keys is None and no_values and (not self.is_list or self.item is None)

    def allows(self, attribute: str) -> bool:
        return any(hasattr(t, attribute) for t in self.scalars if t is not type(None))


def shape_of(value: Any) -> Shape:
    if isinstance(value, Mapping):
        return Shape(keys={str(k): shape_of(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        shape = Shape(is_list=True)
        for item in value:
            shape.item = shape.item.merge(shape_of(item)) if shape.item is not None else shape_of(item)
        return shape
    return Shape(scalars={type(value)})


def default_examples() -> list[Path]:
    """The shipped reference cases: ``examples/`` in a checkout, ``_gedeeld/examples`` in a wheel."""
    from levensloop_docs.case.casefile import find_case_files

    folder = shared_root() / "examples"
    return find_case_files(folder) if folder.is_dir() else []


def load_examples(paths: Iterable[Path]) -> list[CaseFile]:
    from levensloop_docs.case.casefile import read_case
    from levensloop_docs.errors import CaseFileError

    cases = []
    for path in paths:
        try:
            cases.append(read_case(path))
        except CaseFileError:
            continue  # an invalid example only narrows the check; `controleer` reports it
    return cases


def context_shape(doc: DocumentType, cases: list[CaseFile], today: date | None = None,
                  parameters: Sequence[str] = ()) -> Shape | None:
    """The union of the contexts ``doc`` gets for the example cases (None: none could be built).

    ``parameters``: the values to try for a document with a parameter
    (``partner:reclassering`` -> ``["reclassering"]``); without them the registry's are tried.
    """
    from levensloop_docs.run.renderrun import Job, RenderRun

    # the client letter about disclosures gets the register the case's documents would make
    run = RenderRun(out_dir=Path("."), today=today or date.today(), sample_register=True)
    shape: Shape | None = None
    for applicable in (True, False):  # fall back to cases the document is not meant for
        for case in cases:
            if doc.applies_to(case.casus) != applicable:
                continue
            for parameter in parameters or doc.parameters or (None,):
                try:
                    ctx = run.context(Job(case, doc, parameter, ()))
                except DataFileError:
                    raise  # shipped data (policy, region) is broken: that, not the template, is the news
                except LevensloopError:  # a view refuses a case it does not fit (no decision yet)
                    continue
                shape = shape.merge(shape_of(ctx)) if shape is not None else shape_of(ctx)
        if shape is not None:
            return shape
    return None


@dataclass(frozen=True)
class _Source:
    where: str  # "word/document.xml" or "" for a text file
    text: str
    env: Any
    paragraphs: bool  # Word: line n of the source is paragraph n-1


def _sources(template: Path, engine: str) -> list[_Source]:
    from levensloop_docs.render.sandbox import make_environment, markdown_environment

    if engine == "docx":
        from levensloop_docs.render.docx_fast import jinja_sources

        env = make_environment()
        return [_Source(s.part, s.text, env, True) for s in jinja_sources(template.read_bytes())]
    env = markdown_environment([template.parent, *template_folders()])
    return [_Source("", template.read_text(encoding="utf-8"), env, False)]


def include_path(folder: Path, name: str) -> Path:
    """An include beside the template, else under the templates (the region's copy first)."""
    beside = folder / name
    return beside if beside.is_file() else template_path(name)


# a tag that can name another template (the environments use Jinja's default delimiters);
# a template without one refers to none
_REFERS = re.compile(r"\{%[-+]?\s*(?:include|import|from|extends)\b")


def template_inputs(doc: DocumentType) -> list[Path]:
    """The template file and, for Markdown, every template it includes (recursively)."""
    if doc.engine != "markdown":
        return [doc.template]
    env: Any = None  # Jinja only for a template that can include another (not at start-up)
    seen: list[Path] = []
    todo = [doc.template]
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.append(path)
        try:
            source = path.read_text(encoding="utf-8")
            if not _REFERS.search(source):  # most templates include nothing: no need to parse them
                continue
            if env is None:
                from levensloop_docs.render.sandbox import markdown_environment

                env = markdown_environment([doc.template.parent, *template_folders()])
            from jinja2 import meta

            names = meta.find_referenced_templates(env.parse(source))
        except Exception:  # a broken template is reported by the check itself
            continue
        todo.extend(include_path(doc.template.parent, n) for n in names if n)
    return sorted(seen)


def check_document(doc: DocumentType, shape: Shape | None) -> list[Problem]:
    """Syntax errors and unknown fields of one document's template."""
    problems = check_template(doc.template, doc.engine, shape)
    if shape is None and not problems:
        # a check that cannot run is an error: otherwise a template with a typo would render
        msg = _("Fields not checked: no example case fits this document. "
                "Add a case that fits to the examples, or name one with --voorbeelden.")
        problems.append(Problem(doc.template, "", msg))
    return problems


def check_template(template: Path, engine: str, shape: Shape | None) -> list[Problem]:
    """Syntax errors of one template ("docx" or "markdown"), and with ``shape`` its unknown fields."""
    from jinja2 import TemplateSyntaxError

    if not template.is_file():
        return [Problem(template, "", _("The template file does not exist."))]
    try:
        sources = _sources(template, engine)
    except Exception:  # any unreadable Word file gets the same plain message
        return [Problem(template, "", _("The template cannot be opened as a Word document."))]
    problems: list[Problem] = []
    for source in sources:
        try:
            tree = source.env.parse(source.text)
            if engine == "docx":
                source.env.compile(tree)  # unknown filters and tests show up here
        except TemplateSyntaxError as exc:
            problems.append(_located(template, source, exc.lineno, _("Template syntax error: {error}.")
                                     .format(error=exc.message)))
            continue
        if shape is None:
            continue
        walker = _Walker(source, template.parent)
        walker.template(tree, shape)
        msg = _("Unknown field {path}: the case data has no such field. Check the spelling.")
        problems.extend(
            _located(template, source, line, msg.format(path=path)) if included is None
            else Problem(included, "", msg.format(path=path), line=line)
            for path, line, included in walker.unknown
        )
    return problems


def publication_templates() -> tuple[list[Path], list[Path]]:
    """The templates of the region's publications: (every leaflet, every handreiking chapter:
    the shipped ones and each region's own; a file in the own-templates folder first)."""
    from levensloop_docs.reference.regions import region_keys
    from levensloop_docs.run.publish import LEAFLETS, chapter_files, leaflet_kinds

    leaflets = [template_path(f"{LEAFLETS}/{kind}.md") for kind in leaflet_kinds()]
    chapters = {path for key in region_keys() for path in chapter_files(key)}
    return leaflets, sorted(chapters)


def check_publications(today: date | None = None) -> list[Problem]:
    """The leaflets and the handreiking checked like a case's templates: syntax, and every
    field against the union of the contexts the regions give them (``run/publish.py``)."""
    from levensloop_docs.reference.regions import all_regions
    from levensloop_docs.run.publish import handreiking_context, leaflet_context

    day = today or date.today()
    regions = all_regions()
    leaflet = _union(shape_of(leaflet_context("", r, day)) for r in regions)
    chapter = _union(shape_of(handreiking_context(r, day, draw=False)) for r in regions)
    leaflets, chapters = publication_templates()
    return [*(p for path in leaflets for p in check_template(path, "markdown", leaflet)),
            *(p for path in chapters for p in check_template(path, "markdown", chapter))]


def _union(shapes: Iterable[Shape]) -> Shape | None:
    found: Shape | None = None
    for shape in shapes:
        found = found.merge(shape) if found is not None else shape
    return found


def _located(template: Path, source: _Source, lineno: int | None, message: str) -> Problem:
    if not source.paragraphs:
        return Problem(template, source.where, message, line=lineno)
    lines = source.text.splitlines()
    number = max(1, (lineno or 1) - 1)
    snippet = _TAGS.sub("", lines[lineno - 1]).strip() if lineno and lineno <= len(lines) else ""
    where = _("{part}, paragraph {n}").format(part=source.where, n=number)
    if snippet:
        where += f' ("{snippet[:60]}")'
    return Problem(template, where, message)


def check_templates(
    types: Mapping[str, DocumentType] | None = None, examples: list[Path] | None = None,
    today: date | None = None, parameters: Mapping[str, Sequence[str]] | None = None,
) -> list[Problem]:
    """Check every template of the registry (or ``types``) against the example cases."""
    types = types if types is not None else registry()
    cases = load_examples(examples if examples is not None else default_examples())
    problems: list[Problem] = []
    for name, doc in types.items():
        values = (parameters or {}).get(name, ())
        problems.extend(check_document(doc, context_shape(doc, cases, today, values)))
    return problems


def requested_parameters(requests: Iterable[str]) -> dict[str, list[str]]:
    """``["partner:reclassering", "levensloopplan"]`` -> ``{"partner": ["reclassering"]}``."""
    from levensloop_docs.run.documents import parse_document_request

    found: dict[str, list[str]] = {}
    for request in requests:
        name, parameter = parse_document_request(request)
        if parameter:
            found.setdefault(name, []).append(parameter)
    return found


_ANY: Shape | None = None
_Scope = dict[str, Shape | None]


class _Walker:
    """Walks a Jinja syntax tree and collects variable paths the context shape lacks."""

    def __init__(self, source: _Source, folder: Path) -> None:
        self.folder = folder
        self.source = source
        self.unknown: list[tuple[str, int, Path | None]] = []  # path, line, included file
        self._seen: set[tuple[str, int, Path | None]] = set()
        self._file: Path | None = None
        self._globals = set(source.env.globals)
        self._included: set[str] = set()

    def template(self, tree: Any, shape: Shape) -> None:
        scope: _Scope = dict.fromkeys(self._globals)
        scope.update((shape.keys or {}).items())
        self.body(tree.body, scope)

    def _report(self, path: str, lineno: int) -> None:
        found = (path, lineno, self._file)
        if found not in self._seen:
            self._seen.add(found)
            self.unknown.append(found)

    # statements -------------------------------------------------------------------------
    def body(self, nodes: Iterable[Any], scope: _Scope) -> None:
        for node in nodes:
            self.stmt(node, scope)

    def stmt(self, node: Any, scope: _Scope) -> None:
        from jinja2 import nodes as n

        if isinstance(node, n.For):
            self._for(node, scope)
        elif isinstance(node, n.Assign):
            value = self.expr(node.node, scope)
            self._bind(node.target, value, scope)
        elif isinstance(node, n.AssignBlock):
            self.body(node.body, dict(scope))
            self._bind(node.target, Shape(scalars={str}), scope)
        elif isinstance(node, (n.Macro, n.CallBlock)):
            self._macro(node, scope)
        elif isinstance(node, n.With):
            inner = dict(scope)
            for target, expression in zip(node.targets, node.values, strict=False):
                self._bind(target, self.expr(expression, scope), inner)
            self.body(node.body, inner)
        elif isinstance(node, (n.Import, n.FromImport)):
            names = [node.target] if isinstance(node, n.Import) else [
                a[1] if isinstance(a, tuple) else a for a in node.names
            ]
            scope.update(dict.fromkeys(names))
        elif isinstance(node, n.Include):
            self._include(node, scope)
        elif isinstance(node, n.Stmt):
            self._generic(node, scope)
        else:
            self.expr(node, scope)

    def _generic(self, node: Any, scope: _Scope) -> None:
        from jinja2 import nodes as n

        for child in node.iter_child_nodes():
            if isinstance(child, n.Expr):
                self.expr(child, scope)
            else:
                self.stmt(child, scope)

    def _for(self, node: Any, scope: _Scope) -> None:
        iterable = self.expr(node.iter, scope)
        inner = dict(scope)
        inner["loop"] = _ANY
        self._bind(node.target, _items(iterable), inner)
        if node.test is not None:
            self.expr(node.test, inner)
        self.body(node.body, inner)
        self.body(node.else_, scope)

    def _macro(self, node: Any, scope: _Scope) -> None:
        from jinja2 import nodes as n

        if isinstance(node, n.Macro):
            scope[node.name] = _ANY
        else:
            self.expr(node.call, scope)
        inner = dict(scope)
        inner.update(dict.fromkeys(["varargs", "kwargs", "caller"]))
        for arg in node.args:
            inner[arg.name] = _ANY
        for default in node.defaults:
            self.expr(default, scope)
        self.body(node.body, inner)

    def _include(self, node: Any, scope: _Scope) -> None:
        from jinja2 import nodes as n

        self.expr(node.template, scope)
        name = node.template.value if isinstance(node.template, n.Const) else None
        path = include_path(self.folder, str(name)) if name else None
        if path is None or name in self._included or not path.is_file():
            return
        self._included.add(str(name))
        try:
            tree = self.source.env.parse(path.read_text(encoding="utf-8"))
        except Exception:  # the included file is checked on its own line numbers
            return
        outer, self._file = self._file, path
        self.body(tree.body, dict(scope))
        self._file = outer

    def _bind(self, target: Any, value: Shape | None, scope: _Scope) -> None:
        from jinja2 import nodes as n

        if isinstance(target, n.Name):
            scope[target.name] = value
        elif isinstance(target, n.Tuple):
            pair = value is not None and value.is_list and len(target.items) == 2 and value.keys == {}
            for i, item in enumerate(target.items):
                # ``for k, v in d.items()``: _items() marks the pair with keys == {} and item = value
                self._bind(item, value.item if pair and i == 1 and value is not None else _ANY, scope)

    # expressions ------------------------------------------------------------------------
    def expr(self, node: Any, scope: _Scope, quiet: bool = False) -> Shape | None:
        from jinja2 import nodes as n

        if isinstance(node, n.Name):
            return self._name(node, scope, quiet)
        if isinstance(node, n.Getattr):
            return self._member(node, node.attr, scope, quiet)
        if isinstance(node, n.Getitem):
            return self._getitem(node, scope, quiet)
        if isinstance(node, n.Const):
            return Shape(scalars={type(node.value)})
        if isinstance(node, n.Test):
            return self._test(node, scope, quiet)
        if isinstance(node, n.Filter):
            return self._filter(node, scope, quiet)
        if isinstance(node, n.Call):
            return self._call(node, scope, quiet)
        if isinstance(node, n.CondExpr):
            return self._cond(node, scope, quiet)
        if isinstance(node, (n.List, n.Tuple)):
            return self._sequence(node, scope, quiet)
        return self._children(node, scope, quiet)

    def _name(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        if node.name in scope:
            return scope[node.name]
        if not quiet:
            self._report(node.name, node.lineno)
        return _ANY

    def _getitem(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        from jinja2 import nodes as n

        key = node.arg.value if isinstance(node.arg, n.Const) else None
        if key is None:
            self.expr(node.arg, scope)
        return self._member(node, key, scope, quiet)

    def _test(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        self.expr(node.node, scope, quiet=quiet or node.name in ("defined", "undefined", "none"))
        self._args(node, scope)
        return Shape(scalars={bool})

    def _cond(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        self.expr(node.test, scope)
        first = self.expr(node.expr1, scope, quiet)
        second = self.expr(node.expr2, scope, quiet) if node.expr2 is not None else _ANY
        return first.merge(second) if first is not None and second is not None else _ANY

    def _sequence(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        shape = Shape(is_list=True)
        for item in node.items:
            found = self.expr(item, scope, quiet)
            if found is not None:
                shape.item = shape.item.merge(found) if shape.item is not None else found
        return shape

    def _children(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        """Any other node: walk what it contains; its own shape is unknown."""
        from jinja2 import nodes as n

        for child in node.iter_child_nodes():
            if isinstance(child, n.Expr):
                self.expr(child, scope, quiet)
            else:
                self.stmt(child, scope)
        return _ANY

    def _member(self, node: Any, key: Any, scope: _Scope, quiet: bool) -> Shape | None:
        base = self.expr(node.node, scope, quiet)
        if base is None or base.unknown() or key is None:
            return _ANY
        if isinstance(key, int) and base.is_list:
            return base.item
        name = str(key)
        if base.keys is not None and name in base.keys:
            return base.keys[name]
        if base.keys is not None and name in _DICT_METHODS:
            return Shape(scalars={_DictMethod}, keys={"of": base})
        if base.allows(name) or (base.is_list and hasattr(list, name)):
            return _ANY
        if not quiet:
            self._report(_path(node), node.lineno)
        return _ANY

    def _call(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        func = self.expr(node.node, scope, quiet)
        self._args(node, scope)
        if func is not None and _DictMethod in func.scalars and func.keys:
            from jinja2 import nodes as n

            method = node.node.attr if isinstance(node.node, n.Getattr) else ""
            values = Shape()
            for value in (func.keys["of"].keys or {}).values():
                values.merge(value)
            if method == "items":  # pairs: marked by keys == {} (see _bind)
                return Shape(is_list=True, keys={}, item=values)
            if method == "values":
                return Shape(is_list=True, item=values)
            if method == "get":
                return values
        return _ANY

    def _filter(self, node: Any, scope: _Scope, quiet: bool) -> Shape | None:
        name = node.name
        inner = self.expr(node.node, scope, quiet=quiet or name in ("default", "d")) if node.node else _ANY
        self._args(node, scope)
        if name in _ITEM_SHAPE:
            return inner.item if inner is not None and inner.is_list else _ANY
        if name in _SAME_SHAPE:
            return inner
        return _ANY

    def _args(self, node: Any, scope: _Scope) -> None:
        for arg in node.args:
            self.expr(arg, scope)
        for kwarg in node.kwargs:
            self.expr(kwarg.value, scope)
        for extra in (getattr(node, "dyn_args", None), getattr(node, "dyn_kwargs", None)):
            if extra is not None:
                self.expr(extra, scope)


class _DictMethod:
    """Marker type: the value is a bound dict method (``x.items``) of the shape in keys['of']."""


def _items(iterable: Shape | None) -> Shape | None:
    """What a for loop binds for each round over ``iterable``."""
    if iterable is None:
        return _ANY
    if iterable.is_list:
        if iterable.keys == {}:  # pairs from .items(): bind as a pair, see _bind
            return iterable
        return iterable.item
    if iterable.keys is not None:
        return Shape(scalars={str})  # looping over a mapping gives its keys
    return _ANY


def _path(node: Any) -> str:
    from jinja2 import nodes as n

    if isinstance(node, n.Name):
        return str(node.name)
    if isinstance(node, n.Getattr):
        return f"{_path(node.node)}.{node.attr}"
    if isinstance(node, n.Getitem):
        key = node.arg.value if isinstance(node.arg, n.Const) else "..."
        return f"{_path(node.node)}[{key!r}]" if not isinstance(key, str) else f"{_path(node.node)}.{key}"
    return "..."
