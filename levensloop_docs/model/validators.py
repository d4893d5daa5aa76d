"""Parsing and checking of single answers, shared by case files and the interview.

Each function takes what a person typed (or a YAML value) and returns the clean
value, or raises ``ValueError`` with a Dutch hint that says what to type instead.
The same code serves ``controleer``, the answers file and every prompt.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from levensloop_docs.i18n import _

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4,
    "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_WRITTEN = re.compile(r"^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})$")


def date_hint() -> str:
    return _("Type a date as 3-2-2026, 03-02-2026 or 3 februari 2026.")


def parse_date(value: object) -> date:
    """Accept a date, ``3-2-2026``, ``03-02-2026``, ``3 februari 2026`` or ``2026-02-03``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(date_hint())
    text = value.strip().lower()
    parts: tuple[int, int, int] | None = None
    if m := _NUMERIC.match(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _ISO.match(text):
        parts = (int(m[1]), int(m[2]), int(m[3]))
    elif (m := _WRITTEN.match(text)) and m[2] in MONTHS:
        parts = (int(m[3]), MONTHS[m[2]], int(m[1]))
    if parts is None:
        raise ValueError(date_hint())
    try:
        return date(*parts)
    except ValueError:
        raise ValueError(_("This date does not exist. {hint}").format(hint=date_hint())) from None


_MONTH_WRITTEN = re.compile(r"^([a-z]+)\.?\s+(\d{4})$")
_MONTH_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{4})$")
_MONTH_ISO = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_date_or_month(value: object) -> date | str:
    """A day, or only a month when that is all that is known: ``mei 2019``, ``5-2019`` -> ``"2019-05"``.

    For events long ago (the history of an aanmelding), where the day is often lost.
    """
    if isinstance(value, str):
        text = value.strip().lower()
        month: tuple[int, int] | None = None
        if (m := _MONTH_WRITTEN.match(text)) and m[1] in MONTHS:
            month = (int(m[2]), MONTHS[m[1]])
        elif m := _MONTH_NUMERIC.match(text):
            month = (int(m[2]), int(m[1]))
        elif m := _MONTH_ISO.match(text):
            month = (int(m[1]), int(m[2]))
        if month is not None:
            if not 1 <= month[1] <= 12:
                raise ValueError(_("This month does not exist. {hint}").format(hint=month_hint()))
            return f"{month[0]:04d}-{month[1]:02d}"
    try:
        return parse_date(value)
    except ValueError:
        raise ValueError(month_hint()) from None


def month_hint() -> str:
    return _("Type a date as 3-2-2026 or 3 februari 2026, or only the month: mei 2019.")


def first_day(value: date | str) -> date:
    """A day or a month (``"2019-05"``) as a day, to sort and compare them (the month's first day)."""
    if isinstance(value, date):
        return value
    year, month = value.split("-")
    return date(int(year), int(month), 1)


def parse_date_or_text(value: object) -> date | str:
    """``wanneer`` of an action: a date when it reads as one, otherwise a frequency text."""
    if isinstance(value, date):
        return parse_date(value)
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise ValueError(_("Type a date or how often, for example 'wekelijks'."))
        try:
            return parse_date(text)
        except ValueError:
            if re.match(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$", text):
                raise
            return text
    raise ValueError(_("Type a date or how often, for example 'wekelijks'."))


_PHONE_NL = re.compile(r"^(?:\+31|0031|0)[1-9]\d{8}$")
_PHONE_SERVICE = re.compile(r"^(?:0[89]00\d{4,7}|14\d{3,4})$")
_PHONE_INTL = re.compile(r"^\+[1-9]\d{7,14}$")


def parse_phone(value: object) -> str:
    """A Dutch (or international) phone number; spaces, dashes and brackets are allowed."""
    if not isinstance(value, str | int):
        raise ValueError(_("Type a phone number, for example 050-1234567 or 06-12345678."))
    text = str(value).strip()
    digits = re.sub(r"[\s()\-.]", "", text)
    if _PHONE_NL.match(digits) or _PHONE_SERVICE.match(digits) or _PHONE_INTL.match(digits):
        return text
    raise ValueError(_("This is not a valid phone number. Type for example 050-1234567."))


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")


def parse_email(value: object) -> str:
    if isinstance(value, str) and _EMAIL.match(value.strip()):
        return value.strip()
    raise ValueError(_("This is not a valid e-mail address. Type for example naam@organisatie.nl."))


_CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{2,39}$")
# names Windows keeps for devices, in any capitals and with any extension: 'CON.yaml' is no file
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10)}
)


def parse_case_id(value: object) -> str:
    """A pseudonymous case id such as LLA-2026-0042; it also names the output files.

    Letters, digits and dashes only (so no trailing dot or space, which Windows drops),
    and no name Windows reserves for a device.
    """
    if isinstance(value, str) and _CASE_ID.match(value.strip()):
        if value.strip().casefold() in WINDOWS_RESERVED:
            msg = _("{id} cannot be a case id: Windows reserves that name for a device, so no file "
                    "can have it. Choose another, for example LLA-2026-0042.")
            raise ValueError(msg.format(id=value.strip()))
        return value.strip()
    raise ValueError(_("A case id has letters, digits and dashes, for example LLA-2026-0042."))


_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


def parse_ref(value: object) -> str:
    """A short name (id) of a partner or naaste, used to refer to them elsewhere."""
    if isinstance(value, str) and _REF.match(value.strip()):
        return value.strip()
    raise ValueError(_("A short name has letters, digits, '-' or '_', no spaces, e.g. 'reclassering'."))
