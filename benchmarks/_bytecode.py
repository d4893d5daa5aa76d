"""Measure what a user gets: the package compiled to bytecode, as pip does when it installs.

The development sandbox sets ``PYTHONDONTWRITEBYTECODE=1``, so a checkout has no ``.pyc``
files of its own and every command compiled about 75 modules from source before it did
anything: about 0.2 s of CPU that no user ever pays (pip compiles at install; the
dependencies in the virtual environment have their ``.pyc`` files already). Every benchmark
that times the CLI as a subprocess calls :func:`compile_package` first. The variable only
stops *writing* bytecode; reading the files compiled here still works with it set.
"""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def compile_package() -> None:
    """Compile ``levensloop_docs`` into its ``__pycache__`` folders (only what is stale)."""
    compileall.compile_dir(str(ROOT / "levensloop_docs"), quiet=1)
