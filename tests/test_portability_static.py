"""No module but ``platform_os.py`` uses a POSIX-only (or Windows-only) call.

The tool runs on Windows laptops; a call that exists only on Linux or macOS (``os.kill`` as a
liveness check, ``fcntl``, ``start_new_session``, ``/proc``) fails there, or silently does
something else. Such calls live in one module, ``levensloop_docs/platform_os.py``, which knows
both sides; this test reads every other module's syntax tree and names any it finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "levensloop_docs"
PLATFORM_MODULE = PACKAGE / "platform_os.py"

OS_ONLY = {  # os.NAME that is POSIX-only, or wrong on Windows (os.kill is Ctrl-C there)
    "kill", "killpg", "setsid", "setpgrp", "setpgid", "getpgid", "getpgrp", "getuid", "geteuid",
    "getgid", "getegid", "fchmod", "fchown", "chown", "lchown", "fork", "forkpty", "sched_getaffinity",
    "getppid_posix", "wait3", "wait4", "waitpid", "WNOHANG", "mkfifo", "nice", "getloadavg",
    "startfile",
}
SIGNALS = {"SIGKILL", "SIGTERM", "SIGHUP", "SIGSTOP", "SIGCONT", "SIGQUIT", "SIGUSR1", "SIGUSR2",
           "SIGCHLD", "SIGALRM", "SIGPIPE", "CTRL_C_EVENT", "CTRL_BREAK_EVENT"}
MODULES = {"fcntl", "termios", "pwd", "grp", "resource", "msvcrt", "winreg", "_winapi", "ctypes", "pty",
           "tty"}
POPEN_ARGS = {"start_new_session", "preexec_fn", "process_group", "creationflags", "startupinfo"}
PATHS = ("/proc", "/tmp", "/dev/shm", "/run/user")


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (they may mention anything)."""
    out: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _attribute(node: ast.Attribute) -> str | None:
    if not isinstance(node.value, ast.Name):
        return None
    owner, name = node.value.id, node.attr
    if (owner == "os" and name in OS_ONLY) or (owner == "signal" and name in SIGNALS):
        return f"{owner}.{name}"
    return None


def _imports(node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [f"import {a.name}" for a in node.names if a.name.split(".")[0] in MODULES]
    if not node.module:
        return []
    out = [f"from {node.module} import"] if node.module.split(".")[0] in MODULES else []
    if node.module in ("os", "signal"):
        bad = sorted({a.name for a in node.names} & (OS_ONLY | SIGNALS))
        out += [f"from {node.module} import {n}" for n in bad]
    return out


def _probe(node: ast.Call) -> str | None:
    """``hasattr(os, "killpg")``: deciding by platform is the platform module's work too."""
    if not (isinstance(node.func, ast.Name) and node.func.id in ("hasattr", "getattr")
            and len(node.args) >= 2):
        return None
    name = node.args[1]
    if isinstance(name, ast.Constant) and name.value in OS_ONLY | SIGNALS:
        return f"{node.func.id}(..., {name.value!r})"
    return None


def _finding(node: ast.AST, docs: set[int]) -> list[str]:
    if isinstance(node, ast.Attribute):
        return [f] if (f := _attribute(node)) else []
    if isinstance(node, ast.Import | ast.ImportFrom):
        return _imports(node)
    if isinstance(node, ast.keyword) and node.arg in POPEN_ARGS:
        return [f"{node.arg}="]
    if isinstance(node, ast.Call):
        return [f] if (f := _probe(node)) else []
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
        return [repr(node.value)] if node.value.startswith(PATHS) else []
    return []


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [f"{getattr(node, 'lineno', 0)}: {f}" for node in ast.walk(tree) for f in _finding(node, docs)]


def modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p != PLATFORM_MODULE)


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_platform_specific_call_outside_the_platform_module(path: Path) -> None:
    found = findings(path)
    assert not found, f"{path.relative_to(PACKAGE)}: use levensloop_docs/platform_os.py instead: {found}"


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    """The checker itself: every kind of call it should refuse is refused."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os, signal, subprocess\nimport fcntl\nfrom os import getuid\n"
        "os.kill(1, 0)\nos.killpg(1, signal.SIGKILL)\nsubprocess.Popen(['x'], start_new_session=True)\n"
        "hasattr(os, 'killpg')\nopen('/proc/self/status')\n",
        encoding="utf-8",
    )
    found = " ".join(findings(sample))
    for needle in ("import fcntl", "getuid", "os.kill", "os.killpg", "signal.SIGKILL", "start_new_session",
                   "'killpg'", "/proc/self/status"):
        assert needle in found
    assert findings(PLATFORM_MODULE)  # the platform module is where these calls are
