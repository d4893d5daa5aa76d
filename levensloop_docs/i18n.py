"""Dutch texts and formats, in one place.

User-facing strings are written in English in the code, wrapped in ``_()``, and
translated by the gettext catalogs in ``locales/nl/LC_MESSAGES/*.mo`` (every
domain there is loaded and chained, so each part of the product can keep its own
catalog). Dates, numbers and lists are formatted by Babel for ``nl_NL``.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from datetime import date
from functools import cache

from levensloop_docs.resources import locales_dir

LOCALE = "nl_NL"


@cache
def _translations() -> gettext.NullTranslations:
    folder = locales_dir() / "nl" / "LC_MESSAGES"
    chain: gettext.NullTranslations = gettext.NullTranslations()
    for mo in sorted(folder.glob("*.mo"), reverse=True):
        with mo.open("rb") as fh:
            catalog = gettext.GNUTranslations(fh)
        catalog.add_fallback(chain)
        chain = catalog
    return chain


def _(message: str) -> str:
    """Translate ``message`` into Dutch."""
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations().ngettext(singular, plural, n)


def format_date(value: date | None, fmt: str = "long") -> str:
    """``date(2026, 11, 23)`` -> ``23 november 2026``; ``None`` -> empty text."""
    if value is None:
        return ""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, format=fmt, locale=LOCALE)


def format_date_or_month(value: date | str | None) -> str:
    """A day as ``3 mei 2019``; a month (``"2019-05"``) as ``mei 2019``; ``None`` -> empty text."""
    if isinstance(value, str):
        from babel.dates import format_date as babel_format_date

        year, month = value.split("-")
        return babel_format_date(date(int(year), int(month), 1), format="MMMM y", locale=LOCALE)
    return format_date(value)


def format_list(items: Iterable[str]) -> str:
    """``['a', 'b', 'c']`` -> ``a, b en c``."""
    values = [i for i in items if i]
    if not values:
        return ""
    from babel.lists import format_list as babel_format_list

    return babel_format_list(values, locale=LOCALE)


def format_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=LOCALE)
