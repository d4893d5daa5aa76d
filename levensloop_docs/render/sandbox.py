"""The one Jinja2 environment every template renders in.

Sandboxed (a template edited by someone else cannot reach Python internals),
StrictUndefined (a misspelt field is an error, never an empty gap in a printed
plan) and autoescaping (typed text is data: ``<``, ``&`` and ``{{`` stay literal).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from levensloop_docs.i18n import format_date, format_list


def _join(values: Any) -> str:
    return format_list(str(v) for v in values or [])


def make_environment(*, autoescape: bool = True) -> ImmutableSandboxedEnvironment:
    env = ImmutableSandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = format_date
    env.filters["opsomming"] = _join
    return env


def markdown_environment(search_path: Path) -> ImmutableSandboxedEnvironment:
    """The environment of the Markdown flavour: includes from ``search_path``, tidy blocks.

    No autoescape: typed values are replaced by placeholders and escaped once, when they
    are put back after Markdown (``render/markdown.py``); escaping here would do it twice.
    """
    from jinja2 import FileSystemLoader

    env = make_environment(autoescape=False)
    env.trim_blocks = env.lstrip_blocks = True
    env.loader = FileSystemLoader(str(search_path))
    return env
