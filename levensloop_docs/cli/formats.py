"""Parsing ``--formaat`` and other comma lists, without the rendering code.

Apart from ``cli/options.py`` (which imports the regions, the views and the render run)
so that a command that only reads its options, such as ``genereer MAP`` with nothing
changed or an overview, does not import them at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable

from levensloop_docs.errors import UsageError
from levensloop_docs.i18n import _


def split(value: str) -> list[str]:
    return [v.strip().lower() for v in value.split(",") if v.strip()]


def parse_formats(value: str | None, known: Iterable[str]) -> tuple[str, ...] | None:
    """``pdf,docx`` -> ``("pdf", "docx")``; nothing typed -> None (the command's default).

    A format outside ``known`` is a typing error that names the ones that exist.
    """
    if value is None or not value.strip():
        return None
    chosen = tuple(dict.fromkeys(split(value)))
    allowed = list(known)
    wrong = [f for f in chosen if f not in allowed]
    if wrong or not chosen:
        msg = _("Unknown format: {formats}. Choose from: {known}.")
        raise UsageError(msg.format(formats=", ".join(wrong) or value, known=", ".join(allowed)))
    return chosen
