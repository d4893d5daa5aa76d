"""The package is laid out by stage, and imports only point down (see CONTRIBUTING.md).

A module may import from its own stage and from every stage below it, never from one
above: a renderer does not know the batch that uses it, a view does not know the run.
Imports inside functions count too (they are the lazy imports that keep --help fast).
Within a stage, modules import each other without a cycle either (module by module: a
lazy import that closes a circle is still a circle, as problems.py <-> yamlio.py was).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "levensloop_docs"

# Top to bottom. Stages on one line are side by side: they may not import each other.
LAYERS: list[set[str]] = [
    {"cli"},
    {"interview", "batch", "overview"},
    {"run"},
    {"views", "render", "pdf"},
    {"case"},
    {"reference"},
    {"model"},
    {"<base>"},  # errors, i18n, resources, atomic, text, yamlio, problems, __main__
]


def stage_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "levensloop_docs":
        return ""
    sub = PACKAGE / parts[1]
    return parts[1] if sub.is_dir() else "<base>"


def level_of(stage: str) -> int:
    for level, stages in enumerate(LAYERS):
        if stage in stages:
            return level
    raise AssertionError(f"stage {stage!r} is not in LAYERS: add it where it belongs")


def module_name(path: Path, root: Path = PACKAGE) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            # "from levensloop_docs import x": x is the module imported
            if node.module == "levensloop_docs":
                found.extend((node.lineno, f"levensloop_docs.{a.name}") for a in node.names)
    return [(line, name) for line, name in found if name.startswith("levensloop_docs.")]


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node but those under ``if TYPE_CHECKING:`` (never run, so no circle at run time)."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            todo.extend(node.orelse)
            continue
        todo.extend(ast.iter_child_nodes(node))
    return out


def module_imports(path: Path, known: set[str]) -> set[str]:
    """The package's modules that ``path`` imports when it runs (``from pkg import mod`` names
    the module)."""
    found: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name in known}


def import_graph(root: Path) -> dict[str, set[str]]:
    paths = {module_name(p, root): p for p in sorted(root.rglob("*.py")) if "_gedeeld" not in p.parts}
    known = set(paths)
    return {name: module_imports(path, known) - {name} for name, path in paths.items()}


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo.extend(graph.get(node, ()))
    return seen


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other in a circle (each reaches the others)."""
    reach = {name: reachable(graph, name) for name in graph}
    in_circle = [name for name in graph if name in reach[name]]
    groups = {tuple(sorted(n for n in reach[name] if name in reach[n])) for name in in_circle}
    return sorted(list(group) for group in groups)


def violations(root: Path = PACKAGE) -> list[str]:
    out: list[str] = []
    for path in sorted(root.rglob("*.py")):
        if "_gedeeld" in path.parts:
            continue
        name = module_name(path, root)
        # ``python -m levensloop_docs`` is the command line too
        here = "cli" if name.endswith("__main__") else (stage_of(name) or "<base>")
        for line, target in imports_of(path):
            there = stage_of(target)
            if not there or there == here:
                continue
            if level_of(there) <= level_of(here):
                rel = path.relative_to(root.parent)
                out.append(f"{rel}:{line}: {here} imports {target} ({there} is not below {here})")
    return out


def test_every_stage_is_in_the_layer_list() -> None:
    stages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    for stage in stages:
        level_of(stage)


def test_imports_only_point_down() -> None:
    assert violations() == []


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    """The rule would catch a renderer that imports the batch (the old render -> batch cycle)."""
    fake = tmp_path / "levensloop_docs"
    (fake / "render").mkdir(parents=True)
    (fake / "render" / "docx.py").write_text("from levensloop_docs.batch.run import run_batch\n")
    (fake / "batch").mkdir()
    (fake / "batch" / "run.py").write_text("def run_batch() -> None: ...\n")
    global PACKAGE
    saved, PACKAGE = PACKAGE, fake
    try:
        found = violations(fake)
    finally:
        PACKAGE = saved
    assert len(found) == 1 and "render imports levensloop_docs.batch.run" in found[0]


def test_no_module_imports_itself_in_a_circle() -> None:
    assert cycles(import_graph(PACKAGE)) == []


def test_the_check_sees_a_module_cycle(tmp_path: Path) -> None:
    """A lazy import closing a circle inside one stage (the old problems <-> yamlio) is found."""
    fake = tmp_path / "levensloop_docs"
    fake.mkdir()
    (fake / "problems.py").write_text("from levensloop_docs.yamlio import line_of\n")
    (fake / "yamlio.py").write_text("def line_of() -> None:\n    from levensloop_docs import problems\n")
    (fake / "errors.py").write_text("from levensloop_docs.problems import line_of\n")
    found = cycles(import_graph(fake))
    assert found == [["levensloop_docs.problems", "levensloop_docs.yamlio"]]


@pytest.mark.parametrize("name", ["model", "reference", "case"])
def test_the_centre_imports_no_renderer(name: str) -> None:
    for path in (PACKAGE / name).rglob("*.py"):
        for _line, target in imports_of(path):
            assert stage_of(target) not in {"render", "pdf", "run", "batch", "cli", "views"}, path


def test_every_error_raised_names_its_category() -> None:
    """The exit code follows the class (errors.py): a bare LevensloopError says nothing about
    whether the user typed something wrong (2) or the machine failed (1)."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Raise):
                continue
            call = node.exc
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "LevensloopError":
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert found == []
