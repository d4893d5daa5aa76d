"""The region profile and the national criteria: one type each, validated as read (pydantic).

What a profile file says (``data/regios/<key>.yaml``) and what the product reads of it are the
same classes: ``regions.py`` loads a file into ``Region`` and hands that out. Texts come out
stripped and an absent phone number or e-mail address as "" (never None), so a template never
prints "None"; the file's own section names stay (``uitgave``, ``buiten_kantoortijd``), with
the few names the product reads them by as properties (``uitgever``, ``nacht``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Literal, TypeVar

from pydantic import AfterValidator, Field, PrivateAttr, field_validator
from pydantic_core import PydanticCustomError

from levensloop_docs.i18n import _
from levensloop_docs.model import validators as v
from levensloop_docs.model.casus import CriteriumSleutel, Datum, Model, Tekst, checked_by, vocab
from levensloop_docs.reference.rings import DEFAULT_FIRST_RING


def _or_empty(parser: Callable[[object], str]) -> Callable[[object], str]:
    """``parser``, with nothing filled in (``telefoon:``) read as "" instead of an error."""

    def run(value: object) -> str:
        return "" if value is None else parser(value)

    return run


C = TypeVar("C", list["Criterion"], tuple["Criterion", ...])

Phone = Annotated[str, checked_by(_or_empty(v.parse_phone))]
Mail = Annotated[str, checked_by(_or_empty(v.parse_email))]
Stripped = Annotated[str, AfterValidator(str.strip)]
Text = Annotated[Tekst, AfterValidator(str.strip)]
OneLine = Annotated[str, AfterValidator(lambda t: " ".join(t.split()))]  # a note printed in a line


class Contact(Model):
    naam: Tekst
    adres: str = ""
    telefoon: Phone = ""
    email: Mail = ""
    website: str = ""


class Aanmeldpunt(Contact):
    """One ZVH where registrations come in; a region spanning several ZVH regions has more."""

    werkgebied: str = ""


class Uitgave(Model):
    """Who publishes the region's leaflets and handreiking, and when they are reviewed."""

    uitgever: str = ""
    vastgesteld: Datum | None = None
    herzien: Datum | None = None


class Criterion(Model):
    sleutel: CriteriumSleutel
    tekst: Text
    kort: Stripped = ""  # a few words for a letter (the terugkoppeling); empty: the text itself


class Bed(Model):
    naam: Tekst
    bedtype: Annotated[str, vocab("bedtypes")]
    beveiligingsniveau: Annotated[int, Field(ge=1, le=4)] | None = None
    plaats: str = ""
    # how a bed is arranged: the intake contact (opnamecoördinator) and its number
    telefoon: Phone = ""
    contact: str = ""
    # how a bed is applied for (aanmeldroute) and what it needs (a title?); empty: the
    # handreiking says what usually holds for its level
    aanmelden: OneLine = ""
    voorwaarden: OneLine = ""


class RouteStep(Model):
    niveau: Annotated[str, vocab("niveaus")]  # key of vocabulary 'niveaus'
    wie: Annotated[list[Annotated[str, vocab("rollen")]], Field(min_length=1)]  # keys of 'rollen'
    wat: Text


class Support(Model):
    """Support for naasten and victims themselves: not for the person, for the people around."""

    soort: Literal["mantelzorg", "familievertrouwenspersoon", "slachtofferhulp", "overig"]
    naam: Tekst
    telefoon: Phone = ""
    website: str = ""
    toelichting: Stripped = ""


def _unique(criteria: C) -> C:
    seen: set[str] = set()
    for c in criteria:
        if c.sleutel in seen:
            raise PydanticCustomError(
                "invalid", _("The criterion key '{key}' occurs twice.").format(key=c.sleutel)
            )
        seen.add(c.sleutel)
    return criteria


class Region(Model):
    """One region profile. ``sleutel`` is its file name, not a field of the file."""

    naam: Tekst
    voorbeeld: bool = False
    zvh: Contact
    aanbieder: Contact
    criteria: tuple[Criterion, ...] = ()
    # the regional criteria are not (all) in a source: a note printed wherever they are
    # ("te bevestigen door de regio"); empty when the region confirmed them
    criteria_te_bevestigen: OneLine = ""
    bedden: tuple[Bed, ...] = ()
    route: tuple[RouteStep, ...] = ()
    # where registrations come in (empty: at the one ZVH)
    aanmeldpunten: tuple[Aanmeldpunt, ...] = ()
    bijzonderheden: tuple[Text, ...] = ()
    uitgave: Uitgave = Uitgave()
    # the roles that are in the first ring around every person in this region (000 §3.1:
    # the make-up differs per province); the rest of a case's network is the second ring
    eerste_ring: tuple[Annotated[str, vocab("rollen")], ...] = DEFAULT_FIRST_RING
    # who is around the first ring for questions and support (002: 'tweede schil'), in words
    tweede_schil: tuple[Text, ...] = ()
    # false until the region set its own route: the handreiking marks it 'standaardroute'
    route_vastgesteld: bool = False
    # who decides on inclusion, in words ("het levensloopteam"); empty: the aanmeld- en inclusieoverleg
    inclusie_door: Stripped = ""
    # the number for nights and weekends (crisisdienst), printed in every leaflet
    buiten_kantoortijd: Contact | None = None
    steun: tuple[Support, ...] = ()
    _sleutel: str = PrivateAttr(default="")

    @field_validator("criteria")
    @classmethod
    def _check_criteria(cls, value: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
        return _unique(value)

    @property
    def sleutel(self) -> str:
        return self._sleutel

    def keyed(self, key: str) -> Region:
        """This profile as the region ``key`` (the file name it was read from)."""
        self._sleutel = key
        return self

    @property
    def uitgever(self) -> str:
        return self.uitgave.uitgever

    @property
    def vastgesteld(self) -> date | None:
        return self.uitgave.vastgesteld

    @property
    def herzien(self) -> date | None:
        return self.uitgave.herzien

    @property
    def nacht(self) -> Contact | None:
        """Nights and weekends (crisisdienst)."""
        return self.buiten_kantoortijd

    def bed(self, naam: str) -> Bed | None:
        return next((b for b in self.bedden if b.naam == naam), None)

    def criterion(self, key: str) -> Criterion | None:
        return next((c for c in self.criteria if c.sleutel == key), None)


class NationalCriteriaFile(Model):
    criteria: Annotated[list[Criterion], Field(min_length=1)]

    @field_validator("criteria")
    @classmethod
    def _check_criteria(cls, value: list[Criterion]) -> list[Criterion]:
        return _unique(value)

