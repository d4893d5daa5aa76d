"""The tafelversie: the aanmelding for the aanmeld- en inclusietafel, without the person.

Police and care partners at the table can look a person up from very little: an exact age,
the date of a police contact, the aanmelder's name and team (seed 000 §3.3: even anonymous
discussion let participants tell who it was). So the tafelversie is built from an
ALLOW-LIST, like a partner sheet: only the fields below reach it, coarsened (an age band,
month and year instead of a day, the aanmelder's function without name, team or phone).
Free text the aanmelder or the procesregisseur wrote for the file stays off; the one free
text on the table is ``aanmelding.tafel_samenvatting``, written for the table.

What free text does stay (that summary, the things tried, the outcome of the risicotaxatie)
goes through ``Scrubber`` as a second line of defence: every name that appears anywhere in
the case (the person, naasten, partners' contacts, the aanmelder) in every spelling
(surname alone, with initials, with or without tussenvoegsel, without accents), and every
number, date, e-mail address, postcode and street address in any common form.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TypedDict

from levensloop_docs.i18n import _, format_date, format_date_or_month
from levensloop_docs.model.casus import Aanmelding, Casus
from levensloop_docs.model.validators import first_day
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.common import period_text

if TYPE_CHECKING:
    from levensloop_docs.views.aanmelding import AanmeldingContext, CriteriaView, CriterionView


class TafelEvent(TypedDict):
    datum: str
    soort: str


class TafelAttempt(TypedDict):
    interventie: str
    periode: str
    resultaat: str


class TafelRisk(TypedDict):
    instrument: str
    datum: str
    uitkomst: str


class TafelCriterion(TypedDict):
    nummer: int
    tekst: str
    oordeel: str
    vak_voldoet: str
    vak_voldoet_niet: str
    vak_onbekend: str


class TafelCriteria(TypedDict):
    landelijk: list[TafelCriterion]
    regio: list[TafelCriterion]
    landelijk_samenvatting: str
    regio_samenvatting: str


class TafelMeeting(TypedDict):
    datum: str


class TafelAanmelding(TafelCriteria):
    maand: str
    aanmelder_functie: str
    samenvatting: str
    voorgeschiedenis: list[TafelEvent]
    geprobeerd: list[TafelAttempt]
    risicotaxatie: TafelRisk
    acute_crisis: str
    client_op_de_hoogte: str
    overleg: TafelMeeting


class TafelTitle(TypedDict):
    titel: str
    periode: str


class TafelPerson(TypedDict):
    leeftijd: str
    verblijf: str
    problematiek: str
    juridisch_kader: list[TafelTitle]


class TafelMeta(TypedDict):
    casus_id: str
    status: str


class TafelZvh(TypedDict):
    naam: str


class TafelRegion(TypedDict):
    naam: str
    zvh: TafelZvh


class TafelSharing(TypedDict):
    route: str


class TafelView(TypedDict):
    """What the tafelversie template receives: the allow-list, nothing else."""

    meta: TafelMeta
    regio: TafelRegion
    anoniem: bool
    persoon: TafelPerson
    gegevensdeling: TafelSharing
    aanmelding: TafelAanmelding
    vandaag: str
    generator: str

# name parts that are too common to remove on their own; they go with the name they precede
_PARTICLES = (
    "van",
    "de",
    "der",
    "den",
    "het",
    "'t",
    "ter",
    "ten",
    "te",
    "la",
    "le",
    "el",
    "al",
    "da",
    "di",
    "du",
    "op",
    "in",
    "aan",
    "bij",
    "uit",
    "von",
    "zu",
    "mc",
    "mac",
    "d'",
    "l'",
)
_TITLES = r"(?:(?:dhr|mevr|mw|mr|dr|drs|ir|ing|mej|hr)\.?\s+)"
_MONTHS = (
    r"(?:januari|jan|februari|feb|febr|maart|mrt|april|apr|mei|juni|jun|juli|jul|augustus|aug|"
    r"september|sep|sept|oktober|okt|november|nov|december|dec)\.?"
)
_DATES = (
    # 13/04/1988, 13-4-88, 13.04.1988, 13 04 1988, 13-04-'88
    # (not the start of 06.12.34.56.78: a phone number written with dots)
    re.compile(r"(?<![\w/.-])\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?(?:\d{4}|'?\d{2})(?![\w/-]|\.\d)"),
    re.compile(r"(?<![\w/.-])\d{1,2} \d{1,2} (?:\d{4}|'\d{2})(?!\w)"),
    # 1988-04-13, 1988/04/13, 19880413
    re.compile(r"(?<![\w/.-])(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}(?![\w/-])"),
    re.compile(r"(?<!\w)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\w)"),
    # 13 april 1988, 13e apr. '88, 13-apr-1988, 13 april (a day is enough to find a police report)
    re.compile(
        rf"(?<!\w)\d{{1,2}}(?:e|ste|de)?(?:\s+|[-/]){_MONTHS}(?:(?:\s+|[-/])(?:\d{{4}}|'?\d{{2}}))?(?!\w)",
        re.IGNORECASE,
    ),
    # april 13, 1988
    re.compile(rf"(?<!\w){_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}(?!\w)", re.IGNORECASE),
)
_EMAIL = re.compile(r"[\w.+-]+\s?(?:@|\(at\)|\[at\])\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# 5211 AB, 5211AB, 5211ab, 5211-AB, 5211 ab; but not "in 2025 en 2026": lower case after a space
# only when the two letters are not a short word
_POSTCODE = re.compile(
    r"(?<!\w)[1-9]\d{3}(?:\s?-?\s?[A-Z]{2}|-?[a-zA-Z]{2}"
    r"|\s(?!(?:al|de|dan|en|er|ik|in|is|je|ja|na|nu|of|om|op|te|tm|uw|we|wo|ze|zo)(?!\w))[a-z]{2})(?!\w)"
)
_ADDRESS = re.compile(
    r"(?<!\w)[A-Z][\w'-]*(?:straat|str\.|weg|laan|plein|kade|gracht|dijk|singel|hof|pad|dreef|markt|steeg|"
    r"park|erf|hoek|veld|ring|baan|wal|kamp|plantsoen|boulevard)\s+\d+\s?[a-zA-Z]?(?:[-\s]?\d+)?(?!\w)"
)
# any run of digits and separators: phone numbers, BSN, case or file numbers of other bodies
# (also glued to a word: "bsn123456782"; fewer than five digits stay, so "week12" does)
_NUMBER = re.compile(r"(?<![\d+])(?:\+|00)?(?:\(\d+\)\s?)?\d+(?:(?:[ .\-/]|\s-\s)\d+)*")
_PHONE_START = re.compile(r"^(?:\+|00|0)")
# digits in a row from which a number is taken out (a year, "3 keer" or "week 12" stay)
_MIN_DIGITS = 5


def _base(ch: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c)).casefold()


def _letter_class(ch: str) -> str:
    """One letter as a class of itself and its accented forms ('e' also matches 'ë', 'é')."""
    base = _base(ch)
    if not base.isalpha() or len(base) != 1:
        return re.escape(ch)
    variants = {base, base.upper(), *_ACCENTED.get(base, "")}
    variants |= {v.upper() for v in set(variants)}
    return "[" + "".join(sorted(re.escape(v) for v in variants)) + "]"


_ACCENTED = {
    "a": "àáâãäå",
    "e": "èéêë",
    "i": "ìíîï",
    "o": "òóôõöø",
    "u": "ùúûü",
    "y": "ýÿĳ",
    "c": "ç",
    "n": "ñ",
    "s": "š",
    "z": "ž",
}


def _split(name: str) -> list[str]:
    return [p for p in re.split(r"[\s,/()\-–]+", name.strip()) if p]


def _parts(names: Iterable[str]) -> list[str]:
    """Every part of every name that names someone ('Wiersma', 'Kloosterboer', 'Tjeerd')."""
    found: set[str] = set()
    for name in names:
        for part in _split(name):
            part = part.strip(".'’")
            if len(part) > 1 and part.casefold() not in _PARTICLES:
                found.add(part)
    return sorted(found, key=len, reverse=True)


def _initials(names: Iterable[str]) -> set[str]:
    """'T.W.', 'T. W.-K.', 'TWK' for Tjeerd Wiersma-Kloosterboer: two or more initials in a row."""
    forms: set[str] = set()
    for name in names:
        letters = [p[0].upper() for p in _split(name) if p.casefold() not in _PARTICLES and p[0].isalpha()]
        for start in range(len(letters)):
            for end in range(start + 2, len(letters) + 1):
                run = letters[start:end]
                forms.update({"".join(run), ".".join(run) + ".", ". ".join(run) + "."})
    return forms


def case_names(casus: Casus) -> list[str]:
    """Every name of a person that the case holds, professionals included."""
    p, ag = casus.persoon, casus.aanmelding
    names = [
        p.naam,
        p.roepnaam,
        *(n.naam for n in casus.netwerk.naasten),
        *(x.contactpersoon for x in casus.netwerk.partners),
        *casus.meta.auteurs,
    ]
    if ag is not None:
        names += [
            ag.aanmelder.naam,
            ag.casusregisseur,
            ag.gemeentelijke_casusregisseur,
            ag.procesregisseur.naam if ag.procesregisseur else "",
            ag.risicotaxatie.uitgevoerd_door if ag.risicotaxatie else "",
        ]
    return [n for n in names if n and n.strip()]


class Scrubber:
    """Takes every name of the case and every number, date and address out of a free text."""

    def __init__(self, casus: Casus) -> None:
        names = case_names(casus)
        parts = _parts(names)
        particles = "|".join(re.escape(p) for p in _PARTICLES)
        initial = r"(?:[A-Z]\.\s?-?){1,4}\s*"
        self._names: re.Pattern[str] | None = None
        if parts:
            alternatives = "|".join("".join(_letter_class(c) for c in part) for part in parts)
            self._names = re.compile(
                rf"(?<!\w){_TITLES}?(?:{initial})?(?:(?:{particles})\s+){{0,3}}(?:{alternatives})"
                rf"(?:(?:\s?-\s?|\s+)(?:(?:{particles})\s+){{0,3}}(?:{alternatives}))*"
                # the genitive or plural: Meulenkamps, Meulenkamp's
                rf"(?:['’]?s)?(?!\w)",
                re.IGNORECASE,
            )
        forms = sorted(_initials(names), key=len, reverse=True)
        self._initials = (
            re.compile("|".join(rf"(?<!\w){re.escape(f)}(?!\w)" for f in forms)) if forms else None
        )

    def __call__(self, text: str) -> str:
        labels = _labels()
        text = _EMAIL.sub(labels["e-mail"], text)
        text = _URL.sub(labels["website"], text)
        for pattern in _DATES:
            text = pattern.sub(labels["datum"], text)
        text = _ADDRESS.sub(labels["adres"], text)
        text = _POSTCODE.sub(labels["postcode"], text)
        text = _NUMBER.sub(_number, text)
        if self._names is not None:
            text = self._names.sub(labels["naam"], text)
        if self._initials is not None:
            text = self._initials.sub(labels["naam"], text)
        return text


def _number(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(c.isdigit() for c in found)
    if digits < _MIN_DIGITS:
        return found
    kind = "telefoon" if _PHONE_START.match(found.lstrip("(")) and digits >= 9 else "nummer"
    return _labels()[kind]


def _labels() -> dict[str, str]:
    """What stands in the place of a removed detail, e.g. '[naam]'."""
    return {
        "naam": "[" + _("name") + "]", "datum": "[" + _("date") + "]",
        "e-mail": "[" + _("e-mail address") + "]", "nummer": "[" + _("number") + "]",
        "telefoon": "[" + _("phone number") + "]", "postcode": "[" + _("postcode") + "]",
        "adres": "[" + _("address") + "]", "website": "[" + _("website") + "]",
    }  # fmt: skip


def age(born: date | None, on: date) -> int | None:
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def age_band(born: date | None, on: date) -> str:
    """'30 tot 40 jaar': ten-year bands (18-29 as one, the approach starts at 18)."""
    years = age(born, on)
    if years is None:
        return _("not known")
    if years < 30:
        return _("18 to 30 years")
    if years >= 60:
        return _("60 years or older")
    low = years // 10 * 10
    return _("{low} to {high} years").format(low=low, high=low + 10)


def month_year(day: date | str | None) -> str:
    """'april 2025': never the day (a day is enough to find a police report)."""
    if day is None:
        return _("date unknown")
    return format_date_or_month(first_day(day).strftime("%Y-%m")) or _("date unknown")


def _history(ag: Aanmelding, vocab: Vocabularies) -> list[TafelEvent]:
    """The timeline as month and kind only: what happened stays in the full form."""
    events = sorted(ag.voorgeschiedenis, key=lambda g: (g.datum is None, first_day(g.datum or date.min)))
    return [
        {"datum": month_year(g.datum), "soort": vocab["gebeurtenissoorten"].label(g.soort)} for g in events
    ]


def _tried(ag: Aanmelding, scrub: Scrubber) -> list[TafelAttempt]:
    return [
        {
            "interventie": scrub(p.interventie),
            "periode": _period(p.van, p.tot),
            "resultaat": scrub(p.resultaat),
        }
        for p in ag.geprobeerd
    ]


def _period(van: date | str | None, tot: date | str | None) -> str:
    return period_text(van, tot, month_year)


def _risk(ag: Aanmelding, vocab: Vocabularies, scrub: Scrubber) -> TafelRisk:
    r = ag.risicotaxatie
    if r is None:
        return {"instrument": "", "datum": "", "uitkomst": ""}
    # the assessor is left out: a name, and with the month enough to find the report
    return {
        "instrument": vocab["instrumenten"].label(r.instrument),
        "datum": month_year(r.datum),
        "uitkomst": scrub(r.uitkomst),
    }


def _criteria(full: CriteriaView) -> TafelCriteria:
    """The criteria with their verdicts; the explanations stay in the full form (free text)."""

    def strip(c: CriterionView) -> TafelCriterion:
        return {"nummer": c["nummer"], "tekst": c["tekst"], "oordeel": c["oordeel"],
                "vak_voldoet": c["vak_voldoet"], "vak_voldoet_niet": c["vak_voldoet_niet"],
                "vak_onbekend": c["vak_onbekend"]}

    return {
        "landelijk": [strip(c) for c in full["landelijk"]],
        "regio": [strip(c) for c in full["regio"]],
        "landelijk_samenvatting": full["landelijk_samenvatting"],
        "regio_samenvatting": full["regio_samenvatting"],
    }


def tafel_context(casus: Casus, full: AanmeldingContext, vocab: Vocabularies) -> TafelView:
    """The tafelversie, field by field from the allow-list (``full``: the form's own context)."""
    ag = casus.aanmelding
    assert ag is not None  # the view checks first
    scrub = Scrubber(casus)
    a = full["aanmelding"]
    titles: list[TafelTitle] = [
        {"titel": vocab["titels"].label(t.titel), "periode": _period(t.start, t.einde)}
        for t in casus.persoon.juridisch_kader
    ]
    return {
        "meta": {"casus_id": full["meta"]["casus_id"], "status": full["meta"]["status"]},
        "regio": {"naam": full["regio"]["naam"], "zvh": {"naam": full["regio"]["zvh"]["naam"]}},
        "anoniem": True,
        "persoon": {
            "leeftijd": age_band(casus.persoon.geboortedatum, ag.datum),
            "verblijf": full["persoon"]["verblijf"],
            "problematiek": full["persoon"]["problematiek"],
            "juridisch_kader": titles,
        },
        "gegevensdeling": {"route": full["gegevensdeling"]["route"]},
        "aanmelding": {
            "maand": month_year(ag.datum),
            "aanmelder_functie": scrub(ag.aanmelder.functie) or _("not filled in"),
            "samenvatting": scrub(ag.tafel_samenvatting),
            "voorgeschiedenis": _history(ag, vocab),
            "geprobeerd": _tried(ag, scrub),
            "risicotaxatie": _risk(ag, vocab, scrub),
            "acute_crisis": a["acute_crisis"],
            "client_op_de_hoogte": a["client_op_de_hoogte"],
            "overleg": {"datum": format_date(ag.overleg.datum) if ag.overleg and ag.overleg.datum else ""},
            **_criteria(a),
        },
        "vandaag": full["vandaag"],
        "generator": full["generator"],
    }


def strings(value: Any) -> Iterator[str]:
    """Every string in a context, for tests and checks that nothing of the person is in it."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)
