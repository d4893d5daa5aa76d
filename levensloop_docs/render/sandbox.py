"""The one Jinja2 environment every template renders in.

Sandboxed (a template edited by someone else cannot reach Python internals),
StrictUndefined (a misspelt field is an error, never an empty gap in a printed
plan) and autoescaping (typed text is data: ``<``, ``&`` and ``{{`` stay literal).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from levensloop_docs.errors import Problem, TemplateProblemError
from levensloop_docs.i18n import _, format_date, format_list


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


def markdown_environment(search_path: Path | Sequence[Path]) -> ImmutableSandboxedEnvironment:
    """The environment of the Markdown flavour: includes from ``search_path``, tidy blocks.

    ``search_path`` may be several folders, looked in in order: a region's own templates
    first, then the shipped ones (``templatefolders.template_folders``).

    No autoescape: typed values are replaced by placeholders and escaped once, when they
    are put back after Markdown (``render/markdown.py``); escaping here would do it twice.
    """
    from jinja2 import FileSystemLoader

    env = make_environment(autoescape=False)
    env.trim_blocks = env.lstrip_blocks = True
    folders = [search_path] if isinstance(search_path, Path) else list(search_path)
    env.loader = FileSystemLoader([str(f) for f in folders])
    return env


def template_error(template: Path, exc: Exception, *, word: bool) -> TemplateProblemError:
    """A Jinja error in a template as one Dutch problem, without any case data.

    The one translation for both engines: a Word template is located by paragraph (its
    XML has no useful line numbers), a Markdown template by line.
    """
    from jinja2 import TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError, TemplateNotFound

    lineno = getattr(exc, "lineno", None)
    if isinstance(exc, TemplateSyntaxError):
        msg = _("Template syntax error: {error}.").format(error=exc.message)
    elif isinstance(exc, UndefinedError):
        msg = _("The template asks for a field the case does not provide: {error}.").format(
            error=exc.message
        )
    elif isinstance(exc, TemplateNotFound):
        msg = _("The template includes a file that does not exist: {name}.").format(name=exc.name)
    elif isinstance(exc, SecurityError):
        msg = _("The template tries something that is not allowed.")
    else:
        msg = _("The template cannot be rendered.")
    if word:
        where = _("paragraph {n}").format(n=lineno) if lineno else ""
        problem = Problem(template, where, msg)
        hint = _("Open the template in Word, correct the field between {{ }} or {% %}, and try again.")
    else:
        problem = Problem(template, "", msg, line=lineno)
        hint = _("Correct the field between {{ }} or {% %} in the Markdown file and try again.")
    return TemplateProblemError(problems=[problem], summary=_("A template has an error."), hint=hint)
