"""There is one render pipeline: every document file is made by ``renderrun.render_job``.

Held by the code's shape, as tests/test_layers.py holds the import direction:
1. the functions that write a document format (DOCX from Markdown, a Word template, an
   HTML page, a DOCX read back as HTML, PDF metadata) are called only inside functions
   registered with ``@producer`` (below render/ and pdf/, which provide them);
2. a producer is never called by name: only through ``PRODUCERS``, which only
   ``renderrun.producer_for`` reads, which only ``render_job`` and ``RenderRun.docx_for``
   (itself called only by producers) call.
So a leaflet, the handreiking, an overview or a plan cannot be written past the run's
format dispatch, properties, CONCEPT marking and PDF step. ``run/publish.py`` once had its
own; the self-tests rebuild that shape and see it refused.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from test_layers import PACKAGE, module_name

# (module, name): what writes a document file in one format
WRITERS = {
    ("levensloop_docs.render.markdown_docx", "build_docx"),
    ("levensloop_docs.render.docx", "render_docx"),
    ("levensloop_docs.render.markdown", "html_document"),
    ("levensloop_docs.render.docx_html", "docx_file_to_html"),
    ("levensloop_docs.pdf.metadata", "finish"),
}
LIBRARY = {"render", "pdf"}  # the stages that provide the writers (and use them among themselves)
RUN = "levensloop_docs.run.renderrun"


@cache  # parsed once for all the tests here
def _modules(root: Path) -> dict[str, ast.Module]:
    return {module_name(p, root): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(root.rglob("*.py")) if "_gedeeld" not in p.parts}


def _writer_names(tree: ast.Module) -> set[str]:
    """The local names under which a module imports a writer (at any depth: lazy imports too)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(a.asname or a.name for a in node.names if (node.module, a.name) in WRITERS)
    return names


def _is_producer(fn: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Call) and getattr(d.func, "id", "") == "producer" for d in fn.decorator_list)


def _functions(tree: ast.Module) -> list[ast.FunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]


def _called(node: ast.AST) -> set[str]:
    """Names called in ``node``: ``f(...)`` and ``x.f(...)`` both count as ``f``."""
    out: set[str] = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            out.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return out


def writers_outside_producers(root: Path = PACKAGE) -> list[str]:
    """Every call of a format writer that is not inside a registered producer."""
    found: list[str] = []
    for name, tree in _modules(root).items():
        if name.split(".")[1:2] and name.split(".")[1] in LIBRARY:
            continue
        writers = _writer_names(tree)
        if not writers:
            continue
        inside = {id(n) for fn in _functions(tree) if _is_producer(fn) for n in ast.walk(fn)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in writers and id(node) not in inside):
                found.append(f"{name}:{node.lineno}: {node.func.id}")
    return found


def _reads_producers(fn: ast.FunctionDef) -> bool:
    """``PRODUCERS`` used other than to register one (``PRODUCERS[key] = fn``)."""
    registering = {id(n.value) for n in ast.walk(fn)
                   if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store)}
    return any(isinstance(n, ast.Name) and n.id == "PRODUCERS" and id(n) not in registering
               for n in ast.walk(fn))


def producer_bypasses(root: Path = PACKAGE) -> list[str]:
    """Calls of a producer by name, reads of PRODUCERS outside ``producer_for``, and calls of
    ``producer_for``/``docx_for`` from anywhere but the run's own pipeline and the producers."""
    modules = _modules(root)
    producers = {fn.name for tree in modules.values() for fn in _functions(tree) if _is_producer(fn)}
    found: list[str] = []
    for name, tree in modules.items():
        for fn in _functions(tree):
            calls = _called(fn)
            for p in sorted(calls & producers):
                found.append(f"{name}.{fn.name} calls the producer {p} itself")
            reads = _reads_producers(fn)
            if reads and not (name == RUN and fn.name == "producer_for"):
                found.append(f"{name}.{fn.name} looks in PRODUCERS")
            allowed = (name == RUN and fn.name in {"render_job", "docx_for"}) or _is_producer(fn)
            for step in sorted(calls & {"producer_for", "docx_for"}):
                if not allowed:
                    found.append(f"{name}.{fn.name} calls {step}")
    return found


def test_only_producers_write_a_document_format() -> None:
    assert writers_outside_producers() == []


def test_producers_are_reached_only_through_render_job() -> None:
    assert producer_bypasses() == []


def test_the_pipeline_has_its_producers() -> None:
    """Not vacuous: every writer is used by a producer, and render_job dispatches to them."""
    modules = _modules(PACKAGE)
    run = [t for n, t in modules.items() if n.startswith("levensloop_docs.run.")]
    used = set().union(*(_writer_names(t) for t in run))
    assert used == {name for _m, name in WRITERS}
    render_job = next(fn for fn in _functions(modules[RUN]) if fn.name == "render_job")
    assert {"gated", "context", "producer_for", "mark"} <= _called(render_job)


def test_every_publishing_command_hands_its_documents_to_render_job() -> None:
    """Case documents, leaflets, the handreiking, overview, agenda, monitor and a ZVH's filled
    form: one function."""
    callers = {name for name, tree in _modules(PACKAGE).items()
               for fn in _functions(tree) if "render_job" in _called(fn)}
    assert {
        "levensloop_docs.cli.options",  # partnerinfo, handreiking
        "levensloop_docs.overview.documents",  # overzicht, agenda, monitor
        "levensloop_docs.batch.worker",  # genereer
        "levensloop_docs.cli.commands.bundel",
        "levensloop_docs.cli.commands.aanmelding_formulier",  # a ZVH's own PDF form, filled
    } <= callers
    assert not (PACKAGE / "run" / "publish.py").read_text(encoding="utf-8").count("def publish(")


def _fake(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "levensloop_docs"
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_the_check_sees_a_second_pipeline(tmp_path: Path) -> None:
    """The old run/publish.py: its own format dispatch calling build_docx and finish."""
    root = _fake(tmp_path, {
        "run/publish.py": (
            "def publish(pub, fmt):\n"
            "    from levensloop_docs.render.markdown_docx import build_docx\n"
            "    from levensloop_docs.pdf.metadata import finish\n"
            "    if fmt == 'docx':\n        build_docx(pub)\n"
            "    else:\n        finish(pub)\n"
        ),
        "run/produce_markdown.py": (
            "from levensloop_docs.render.markdown_docx import build_docx\n"
            "@producer('markdown', 'docx')\ndef make_docx(run, job, context, target):\n"
            "    build_docx(job)\n"
        ),
    })
    assert writers_outside_producers(root) == ["levensloop_docs.run.publish:5: build_docx",
                                               "levensloop_docs.run.publish:7: finish"]


def test_the_check_sees_a_producer_called_past_the_run(tmp_path: Path) -> None:
    root = _fake(tmp_path, {
        "run/produce_pdf.py": "@producer('docx', 'pdf')\ndef make_pdf(run, job, context, target):\n    ...\n",
        "overview/documents.py": (
            "def write(run, pub, target):\n"
            "    from levensloop_docs.run.produce_pdf import make_pdf\n"
            "    make_pdf(run, pub, {}, target)\n"
            "    run.docx_for(pub, {}, target, 'pdf')\n"
            "def table():\n    from levensloop_docs.run.producers import PRODUCERS\n"
            "    return PRODUCERS[('markdown', 'html')]\n"
        ),
    })
    assert producer_bypasses(root) == [
        "levensloop_docs.overview.documents.write calls the producer make_pdf itself",
        "levensloop_docs.overview.documents.write calls docx_for",
        "levensloop_docs.overview.documents.table looks in PRODUCERS",
    ]
