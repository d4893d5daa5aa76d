"""Region profiles: one YAML file per region in ``data/regios`` (``groningen.yaml``).

A profile holds the region's name, its Zorg- en Veiligheidshuis, the coördinerend
levensloopaanbieder, the regional inclusion criteria, the secure beds (BIZ) it uses
and its default op- en afschaalroute. A region is added by copying a file; the file
name (without ``.yaml``) is the key that ``meta.regio`` of a case names. The six
national criteria live in ``data/criteria_landelijk.yaml``.

API (used by the aanmelding interview and the partner leaflets)::

    @dataclass(frozen=True)
    class Contact: naam: str; adres: str = ""; telefoon: str = ""; email: str = ""; website: str = ""
    @dataclass(frozen=True)
    class Criterion: sleutel: str; tekst: str
    @dataclass(frozen=True)
    class Bed: naam: str; bedtype: str; beveiligingsniveau: int | None; plaats: str = ""
               telefoon: str = ""; contact: str = ""   # intake contact for arranging the bed
    @dataclass(frozen=True)
    class RouteStep: niveau: str; wie: tuple[str, ...]; wat: str
        # niveau = key of vocabulary 'niveaus', wie = keys of vocabulary 'rollen'
    @dataclass(frozen=True)
    class Region: sleutel: str; naam: str; zvh: Contact; aanbieder: Contact;
                  criteria: tuple[Criterion, ...]; bedden: tuple[Bed, ...];
                  route: tuple[RouteStep, ...]; voorbeeld: bool;
                  aanmeldpunten: tuple[Contact, ...]  # werkgebied set; empty: the one ZVH
                  bijzonderheden: tuple[str, ...]; uitgever: str; vastgesteld/herzien: date | None
                  eerste_ring: tuple[str, ...]   # roles in ring 1 (default ZVH, aanbieder, gemeente)

    load_region(key) -> Region        # DataFileError (Dutch, names file and field) when missing/invalid
    all_regions() -> list[Region]     # every profile, sorted by key; all problems at once
    region_keys() -> list[str]        # the keys of the profiles on disk (no validation)
    national_criteria() -> tuple[Criterion, ...]   # the six national criteria, sleutel "1".."6"
    region_label(key) -> str          # printed name; never raises

Profiles are validated with pydantic (every problem reported with file, line and
field, in Dutch) and then frozen into the plain dataclasses above, so callers never
depend on pydantic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from levensloop_docs.errors import DataFileError, LevensloopError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.reference.rings import DEFAULT_FIRST_RING
from levensloop_docs.resources import data_dir

T = TypeVar("T")

__all__ = ["DEFAULT_FIRST_RING"]  # its home is rings.py; views import it from here too


@dataclass(frozen=True)
class Contact:
    naam: str
    adres: str = ""
    telefoon: str = ""
    email: str = ""
    website: str = ""
    werkgebied: str = ""


@dataclass(frozen=True)
class Criterion:
    sleutel: str
    tekst: str
    kort: str = ""  # a few words for a letter (the terugkoppeling); empty: the text itself


@dataclass(frozen=True)
class Bed:
    naam: str
    bedtype: str
    beveiligingsniveau: int | None
    plaats: str = ""
    telefoon: str = ""
    contact: str = ""


@dataclass(frozen=True)
class Support:
    """Where naasten and victims go for support of their own (mantelzorg, FVP, Slachtofferhulp)."""

    soort: str
    naam: str
    telefoon: str = ""
    website: str = ""
    toelichting: str = ""


@dataclass(frozen=True)
class RouteStep:
    niveau: str
    wie: tuple[str, ...]
    wat: str


@dataclass(frozen=True)
class Region:
    sleutel: str
    naam: str
    zvh: Contact
    aanbieder: Contact
    criteria: tuple[Criterion, ...]
    bedden: tuple[Bed, ...]
    route: tuple[RouteStep, ...]
    voorbeeld: bool
    # where registrations come in (empty: at the one ZVH), what is particular to the region,
    # and who publishes its leaflets and when they are reviewed
    aanmeldpunten: tuple[Contact, ...] = ()
    bijzonderheden: tuple[str, ...] = ()
    uitgever: str = ""
    vastgesteld: date | None = None
    herzien: date | None = None
    eerste_ring: tuple[str, ...] = DEFAULT_FIRST_RING
    tweede_schil: tuple[str, ...] = ()
    criteria_te_bevestigen: str = ""  # the regional criteria still to be confirmed: why
    route_vastgesteld: bool = False  # false: the standard route, still to be set by the region
    inclusie_door: str = ""  # who decides on inclusion; empty: the aanmeld- en inclusieoverleg
    nacht: Contact | None = None  # nights and weekends (crisisdienst)
    steun: tuple[Support, ...] = ()

    def bed(self, naam: str) -> Bed | None:
        return next((b for b in self.bedden if b.naam == naam), None)

    def criterion(self, key: str) -> Criterion | None:
        return next((c for c in self.criteria if c.sleutel == key), None)


def regions_dir() -> Path:
    return data_dir() / "regios"


def national_criteria_path() -> Path:
    return data_dir() / "criteria_landelijk.yaml"


def region_keys() -> list[str]:
    """The keys of every profile on disk, sorted; files starting with '_' or '.' are skipped."""
    folder = regions_dir()
    if not folder.is_dir():
        return []
    return sorted(p.stem for p in folder.glob("*.yaml") if not p.name.startswith(("_", ".")))


def load_region(key: str) -> Region:
    """The profile of region ``key``; DataFileError when it is missing or not valid."""
    return _load_region(regions_dir(), key)


def optional_region(key: str) -> Region | None:
    """The profile of region ``key``, or None when it is missing or not valid.

    For documents that print a region's details when there are any; ``controleer`` and
    ``regio controleer`` report a broken profile. The one place that swallows the error.
    """
    try:
        return load_region(key)
    except LevensloopError:
        return None


def all_regions() -> list[Region]:
    """Every region profile, sorted by key; every problem of every file reported at once."""
    regions: list[Region] = []
    problems: list[Problem] = []
    for key in region_keys():
        try:
            regions.append(load_region(key))
        except DataFileError as exc:
            problems.extend(exc.problems)
    if problems:
        raise DataFileError(problems=problems, summary=_("A region profile is not valid."))
    return regions


def national_criteria() -> tuple[Criterion, ...]:
    """The national inclusion criteria (sleutel "1" to "6"), in order."""
    return _national_criteria(national_criteria_path())


def region_label(key: str) -> str:
    """The printed name of a region; the key itself (tidied) when no valid profile exists."""
    try:
        return load_region(key).naam
    except LevensloopError:
        return key.replace("-", " ").replace("_", " ").title()


def unknown_region_message() -> str:
    known = ", ".join(region_keys()) or "-"
    return _("There is no region profile with this key. Known regions: {known}. "
             "A new region is added by copying a file in {folder}.").format(
        known=known, folder=regions_dir()
    )


@cache
def _load_region(folder: Path, key: str) -> Region:
    path = folder / f"{key}.yaml"
    if not _safe_key(key) or not path.is_file():
        problem = Problem(path, "", unknown_region_message())
        raise DataFileError(problems=[problem], summary=_("The region profile does not exist."))
    profile = _read_valid(path, lambda raw: _validate(path, raw))
    return _freeze(key, profile)


@cache
def _national_criteria(path: Path) -> tuple[Criterion, ...]:
    from levensloop_docs.reference.regionfile import NationalCriteriaFile

    data = _read_valid(path, lambda raw: _validated(NationalCriteriaFile, path, raw))
    return tuple(Criterion(c.sleutel, c.tekst.strip(), c.kort.strip()) for c in data.criteria)


def _safe_key(key: str) -> bool:
    return bool(key) and "/" not in key and "\\" not in key and not key.startswith(".")


def _read_valid(path: Path, validate: Callable[[Any], T]) -> T:
    """``validate`` the file's data, read with the C parser; round-trip only for the lines of a
    problem (``yamlio.load_checked``)."""
    from levensloop_docs.yamlio import YamlReadError, load_checked

    try:
        return load_checked(path, validate)
    except YamlReadError as exc:
        raise DataFileError(problems=[exc.problem], summary=_("A region profile is not valid.")) from None


def _validated(model: Any, path: Path, raw: Any) -> Any:
    from pydantic import ValidationError

    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.problems import pydantic_problem

    try:
        return model.model_validate(raw, context={"vocab": load_vocabularies()})
    except ValidationError as exc:
        problems = [pydantic_problem(e, path, raw) for e in exc.errors()]
        raise DataFileError(problems=problems, summary=_("A region profile is not valid.")) from None


def _validate(path: Path, raw: Any) -> Any:
    from levensloop_docs.reference.regionfile import RegionFile

    if not isinstance(raw, dict):
        msg = _("A region profile must consist of sections such as 'naam:' and 'zvh:'.")
        raise DataFileError(problems=[Problem(path, "", msg)], summary=_("A region profile is not valid."))
    return _validated(RegionFile, path, raw)


def _contact(c: Any) -> Contact:
    return Contact(c.naam, c.adres, c.telefoon or "", c.email or "", c.website)


def _freeze(key: str, p: Any) -> Region:
    return Region(
        sleutel=key,
        naam=p.naam,
        zvh=_contact(p.zvh),
        aanbieder=_contact(p.aanbieder),
        criteria=tuple(Criterion(c.sleutel, c.tekst.strip(), c.kort.strip()) for c in p.criteria),
        bedden=tuple(
            Bed(b.naam, b.bedtype, b.beveiligingsniveau, b.plaats, b.telefoon or "", b.contact)
            for b in p.bedden
        ),
        route=tuple(RouteStep(s.niveau, tuple(s.wie), s.wat.strip()) for s in p.route),
        voorbeeld=p.voorbeeld,
        aanmeldpunten=tuple(
            Contact(a.naam, a.adres, a.telefoon or "", a.email or "", a.website, a.werkgebied)
            for a in p.aanmeldpunten
        ),
        bijzonderheden=tuple(b.strip() for b in p.bijzonderheden),
        uitgever=p.uitgave.uitgever,
        vastgesteld=p.uitgave.vastgesteld,
        herzien=p.uitgave.herzien,
        eerste_ring=tuple(p.eerste_ring),
        tweede_schil=tuple(t.strip() for t in p.tweede_schil),
        route_vastgesteld=p.route_vastgesteld,
        criteria_te_bevestigen=" ".join(p.criteria_te_bevestigen.split()),
        inclusie_door=p.inclusie_door.strip(),
        nacht=_contact(p.buiten_kantoortijd) if p.buiten_kantoortijd else None,
        steun=tuple(
            Support(x.soort, x.naam, x.telefoon or "", x.website, x.toelichting.strip()) for x in p.steun
        ),
    )
