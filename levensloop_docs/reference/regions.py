"""Region profiles: one YAML file per region in ``data/regios`` (``groningen.yaml``).

A profile holds the region's name, its Zorg- en Veiligheidshuis, the coördinerend
levensloopaanbieder, the regional inclusion criteria, the secure beds (BIZ) it uses
and its default op- en afschaalroute. A region is added by copying a file; the file
name (without ``.yaml``) is the key that ``meta.regio`` of a case names. The six
national criteria live in ``data/criteria_landelijk.yaml``.

API (used by the aanmelding interview, the partner leaflets and the views)::

    Region, Contact, Criterion, Bed, RouteStep, Support   # regionfile.py: the one type of each
    load_region(key) -> Region        # DataFileError (Dutch, names file and field) when missing/invalid
    optional_region(key) -> Region | None   # for documents that print details when there are any
    all_regions() -> list[Region]     # every profile, sorted by key; all problems at once
    region_keys() -> list[str]        # the keys of the profiles on disk (no validation)
    national_criteria() -> tuple[Criterion, ...]   # the six national criteria, sleutel "1".."6"
    region_label(key) -> str          # printed name; never raises

Profiles are validated with pydantic (every problem reported with file, line and field, in
Dutch) into the classes of ``regionfile.py``, which are also what the rest of the product reads:
one type per part of a profile, nothing copied field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from levensloop_docs.errors import DataFileError, LevensloopError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.reference.regionfile import Bed, Contact, Criterion, Region, RouteStep, Support
from levensloop_docs.reference.rings import DEFAULT_FIRST_RING
from levensloop_docs.resources import data_dir

T = TypeVar("T")

# DEFAULT_FIRST_RING's home is rings.py, the types' regionfile.py; callers import them from here
__all__ = ["DEFAULT_FIRST_RING", "Bed", "Contact", "Criterion", "Region", "RouteStep", "Support"]


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
    region: Region = _read_valid(path, lambda raw: _validate(path, raw))
    return region.keyed(key)


@cache
def _national_criteria(path: Path) -> tuple[Criterion, ...]:
    from levensloop_docs.reference.regionfile import NationalCriteriaFile

    data = _read_valid(path, lambda raw: _validated(NationalCriteriaFile, path, raw))
    return tuple(data.criteria)


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
    if not isinstance(raw, dict):
        msg = _("A region profile must consist of sections such as 'naam:' and 'zvh:'.")
        raise DataFileError(problems=[Problem(path, "", msg)], summary=_("A region profile is not valid."))
    return _validated(Region, path, raw)
