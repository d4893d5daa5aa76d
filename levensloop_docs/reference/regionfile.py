"""The shape of a region profile and of the national criteria file (pydantic).

Only ``regions.py`` uses these models: it validates a file with them and then freezes
the result into plain dataclasses, so the rest of the product never sees pydantic.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from levensloop_docs.i18n import _
from levensloop_docs.model.casus import CriteriumSleutel, Datum, Email, Model, Tekst, Telefoon, vocab
from levensloop_docs.reference.rings import DEFAULT_FIRST_RING


class ContactEntry(Model):
    naam: Tekst
    adres: str = ""
    telefoon: Telefoon | None = None
    email: Email | None = None
    website: str = ""


class AanmeldpuntEntry(ContactEntry):
    """One ZVH where registrations come in; a region spanning several ZVH regions has more."""

    werkgebied: str = ""


class UitgaveEntry(Model):
    """Who publishes the region's leaflets and handreiking, and when they are reviewed."""

    uitgever: str = ""
    vastgesteld: Datum | None = None
    herzien: Datum | None = None


class CriterionEntry(Model):
    sleutel: CriteriumSleutel
    tekst: Tekst
    kort: str = ""  # a few words for the terugkoppeling letter


class BedEntry(Model):
    naam: Tekst
    bedtype: Annotated[str, vocab("bedtypes")]
    beveiligingsniveau: Annotated[int, Field(ge=1, le=4)] | None = None
    plaats: str = ""
    # how a bed is arranged: the intake contact (opnamecoördinator) and its number
    telefoon: Telefoon | None = None
    contact: str = ""


class RouteEntry(Model):
    niveau: Annotated[str, vocab("niveaus")]
    wie: Annotated[list[Annotated[str, vocab("rollen")]], Field(min_length=1)]
    wat: Tekst


class SteunEntry(Model):
    """Support for naasten and victims themselves: not for the person, for the people around."""

    soort: Literal["mantelzorg", "familievertrouwenspersoon", "slachtofferhulp", "overig"]
    naam: Tekst
    telefoon: Telefoon | None = None
    website: str = ""
    toelichting: str = ""


def _unique(criteria: list[CriterionEntry]) -> list[CriterionEntry]:
    seen: set[str] = set()
    for c in criteria:
        if c.sleutel in seen:
            raise PydanticCustomError(
                "invalid", _("The criterion key '{key}' occurs twice.").format(key=c.sleutel)
            )
        seen.add(c.sleutel)
    return criteria


class RegionFile(Model):
    naam: Tekst
    voorbeeld: bool = False
    zvh: ContactEntry
    aanbieder: ContactEntry
    criteria: list[CriterionEntry] = Field(default_factory=list)
    # the regional criteria are not (all) in a source: a note printed wherever they are
    # ("te bevestigen door de regio"); empty when the region confirmed them
    criteria_te_bevestigen: str = ""
    bedden: list[BedEntry] = Field(default_factory=list)
    route: list[RouteEntry] = Field(default_factory=list)
    aanmeldpunten: list[AanmeldpuntEntry] = Field(default_factory=list)
    bijzonderheden: list[Tekst] = Field(default_factory=list)
    uitgave: UitgaveEntry = UitgaveEntry()
    # the roles that are in the first ring around every person in this region (000 §3.1:
    # the make-up differs per province); the rest of a case's network is the second ring
    eerste_ring: list[Annotated[str, vocab("rollen")]] = Field(
        default_factory=lambda: list(DEFAULT_FIRST_RING)
    )
    # who is around the first ring for questions and support (002: 'tweede schil'), in words
    tweede_schil: list[Tekst] = Field(default_factory=list)
    # false until the region set its own route: the handreiking marks it 'standaardroute'
    route_vastgesteld: bool = False
    # who decides on inclusion, in words ("het levensloopteam"); empty: the aanmeld- en inclusieoverleg
    inclusie_door: str = ""
    # the number for nights and weekends (crisisdienst), printed in every leaflet
    buiten_kantoortijd: ContactEntry | None = None
    steun: list[SteunEntry] = Field(default_factory=list)

    @field_validator("criteria")
    @classmethod
    def _check_criteria(cls, value: list[CriterionEntry]) -> list[CriterionEntry]:
        return _unique(value)


class NationalCriteriaFile(Model):
    criteria: Annotated[list[CriterionEntry], Field(min_length=1)]

    @field_validator("criteria")
    @classmethod
    def _check_criteria(cls, value: list[CriterionEntry]) -> list[CriterionEntry]:
        return _unique(value)
