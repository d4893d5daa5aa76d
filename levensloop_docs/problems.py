"""Problems with a place: a field path (``levensgebieden[2].acties[0].wie``) and a Dutch message.

Shared by every layer that validates a file (case files, region profiles, the sharing
policy), so that a pydantic error reads the same wherever it comes from.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

# Loc and format_loc live beside Problem (errors.py) so that yamlio can name a field without
# importing this module, which imports yamlio: no module cycle (tests/test_layers.py).
from levensloop_docs.errors import Loc, Problem, format_loc
from levensloop_docs.i18n import _
from levensloop_docs.yamlio import line_of

__all__ = ["Loc", "format_loc", "moved_to", "pydantic_problem"]


def _messages() -> dict[str, str]:
    return {
        "missing": _("This field is missing."),
        "extra_forbidden": _("Unknown field. Check the spelling, or remove it."),
        "string_type": _("Expected a text."),
        "string_too_short": _("This field may not be empty."),
        "int_type": _("Expected a whole number."),
        "int_parsing": _("Expected a whole number."),
        "int_from_float": _("Expected a whole number."),
        "bool_type": _("Expected ja or nee (true or false)."),
        "bool_parsing": _("Expected ja or nee (true or false)."),
        "list_type": _("Expected a list (lines that start with '- ')."),
        "tuple_type": _("Expected a list (lines that start with '- ')."),  # a list read into a tuple
        "model_type": _("Expected a section with fields (key: value)."),
        "model_attributes_type": _("Expected a section with fields (key: value)."),
        "dict_type": _("Expected a section with fields (key: value)."),
        "date_type": _("Expected a date."),
        "none_required": _("This field must stay empty."),
    }


def moved_to(loc: Loc, moved: Mapping[tuple[str, ...], str]) -> str | None:
    """The new place of a field that moved (``moved`` maps a loc pattern, ``*`` for an index)."""
    return moved.get(tuple("*" if isinstance(p, int) else p for p in loc))


def pydantic_problem(
    error: Mapping[str, Any], file: Path | None, raw: Any, moved: Mapping[tuple[str, ...], str] | None = None
) -> Problem:
    """Turn one pydantic error into a Dutch Problem; no input value is echoed (privacy).

    ``moved``: fields that moved elsewhere in this kind of file; an unknown field found there
    says where it goes now instead of "check the spelling".
    """
    kind = error["type"]
    raw_loc = tuple(error["loc"])
    if kind == "invalid_key":  # the key itself is wrong (a number, null, a list): name its section
        raw_loc = raw_loc[:-1]
    loc: Loc = tuple(p for p in raw_loc if isinstance(p, int) or str(p).isidentifier())
    ctx = error.get("ctx") or {}
    target = moved_to(loc, moved) if moved and kind == "extra_forbidden" else None
    if target is not None:
        message = _("This field is no longer here: move its items to '{to}', one list for the whole "
                    "case, oldest first. An escalation is an incident there with the heaviest level "
                    "reached ('niveau', was 'naar') and its form ('vorm').").format(to=target)
    elif kind == "invalid_key":
        message = _("A field name here is not a word (but a number, a list or empty). Check the names.")
    elif kind in ("vocab", "invalid"):
        message = str(error["msg"])
    elif kind == "literal_error":
        message = _("Choose one of: {allowed}.").format(allowed=ctx.get("expected", ""))
    elif kind in ("greater_than_equal", "greater_than"):
        message = _("The number must be at least {limit}.").format(limit=ctx.get("ge", ctx.get("gt")))
    elif kind in ("less_than_equal", "less_than"):
        message = _("The number must be at most {limit}.").format(limit=ctx.get("le", ctx.get("lt")))
    else:
        message = _messages().get(kind, _("This value is not valid here."))
    return Problem(file, format_loc(loc), message, line=line_of(raw, loc))
