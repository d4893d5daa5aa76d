"""The anonymised aanmeldformulier for the aanmeld- en inclusietafel ("tafelversie").

Some regions discuss a registration without the person's identity, so the meeting judges
the case and not the name. The tafelversie keeps the case number (already a pseudonym),
the age, the problems and the criteria; it leaves out the name, roepnaam, birth date and
every name of a naaste, and blanks addresses, postcodes, BSN-like numbers, phone numbers
and e-mail addresses in the free text. Registrant, procesregisseur and region are
professionals and stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus

# name parts that are too common to remove on their own ("van", "de")
_PARTICLES = {"van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "la", "le", "el", "al", "da", "di",
              "du", "op", "in", "aan", "bij", "uit", "von", "zu", "mc", "mac"}
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "e-mail"),
    (re.compile(r"(?<!\d)\d{4}\.?\d{2}\.?\d{3}(?!\d)"), "nummer"),
    (re.compile(r"(?<!\w)(?:\+31|0)\d{1,3}[ -]?\d{6,8}(?!\d)"), "telefoon"),
    (re.compile(r"(?<!\w)\d{4} ?[A-Z]{2}(?!\w)"), "postcode"),
    (re.compile(r"(?<!\w)[A-Z][\w'-]*(?:straat|weg|laan|plein|kade|gracht|dijk|singel|hof|pad|dreef|markt|"
                r"steeg|park|erf)\s+\d+\s?[a-zA-Z]?(?!\w)"), "adres"),
)


def _tokens(names: Iterable[str]) -> list[str]:
    """Whole names first, then their parts (longest first, so 'Verheijden' goes before 'Ver')."""
    found: set[str] = set()
    for name in names:
        name = name.strip()
        if not name:
            continue
        found.add(name)
        found.update(p for p in re.split(r"[\s,]+", name) if len(p) > 1 and p.casefold() not in _PARTICLES)
    return sorted(found, key=len, reverse=True)


def _date_forms(day: date | None) -> list[str]:
    if day is None:
        return []
    return [format_date(day), day.isoformat(), f"{day.day}-{day.month}-{day.year}",
            f"{day.day:02d}-{day.month:02d}-{day.year}", f"{day.day}/{day.month}/{day.year}"]


class Scrubber:
    """Blanks the person's identifying data in a piece of free text."""

    def __init__(self, casus: Casus) -> None:
        p = casus.persoon
        names = [p.naam, p.roepnaam, *(n.naam for n in casus.netwerk.naasten)]
        self._names = [re.compile(rf"(?<!\w){re.escape(n)}(?!\w)", re.IGNORECASE) for n in _tokens(names)]
        self._dates = [re.compile(re.escape(f), re.IGNORECASE) for f in _date_forms(p.geboortedatum)]

    def __call__(self, text: str) -> str:
        labels = _labels()
        for pattern in self._dates:
            text = pattern.sub(labels["geboortedatum"], text)
        for pattern, kind in _PATTERNS:
            text = pattern.sub(labels[kind], text)
        for pattern in self._names:
            text = pattern.sub(labels["naam"], text)
        return text


def _labels() -> dict[str, str]:
    """What stands in the place of a removed detail, e.g. '[naam]'."""
    return {
        "naam": "[" + _("name") + "]", "geboortedatum": "[" + _("birth date") + "]",
        "e-mail": "[" + _("e-mail address") + "]", "nummer": "[" + _("number") + "]",
        "telefoon": "[" + _("phone number") + "]", "postcode": "[" + _("postcode") + "]",
        "adres": "[" + _("address") + "]",
    }  # fmt: skip


def age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# context parts about professionals or the region: nothing of the person in them
_KEEP = {"aanmelder", "procesregisseur", "regio", "generator", "vandaag", "meta"}


def _walk(value: Any, scrub: Scrubber) -> Any:
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, list):
        return [_walk(v, scrub) for v in value]
    if isinstance(value, dict):
        return {k: v if k in _KEEP else _walk(v, scrub) for k, v in value.items()}
    return value


def anonimiseer(context: dict[str, Any], casus: Casus) -> dict[str, Any]:
    """The aanmelding context without the person's identity (a new dict; the input is kept)."""
    scrubbed: dict[str, Any] = _walk(context, Scrubber(casus))
    on = casus.aanmelding.datum if casus.aanmelding else date.today()
    years = age(casus.persoon.geboortedatum, on)
    persoon = dict(scrubbed["persoon"])
    persoon.update(
        naam=_("left out (anonymised version)"),
        roepnaam="",
        geboortedatum=_("{years} years at registration").format(years=years) if years is not None else "",
    )
    scrubbed["persoon"] = persoon
    scrubbed["anoniem"] = True
    return scrubbed
