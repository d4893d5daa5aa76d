"""Groups of regions as data (``data/regiogroepen.yaml``): what the monitor pools.

The Noord Nederland evaluation pools Groningen, Friesland and Drenthe because the provincial
numbers are too small; the national monitor of January 2022 compares eleven ketenveldnorm
regions. Both are groups here, and ``select`` turns a ``--regio`` value into the regions it
covers: one region key, a group key, several keys with commas, or ``alle`` (every case).

API::

    @dataclass(frozen=True)
    class RegionGroup: sleutel: str; naam: str; regios: tuple[str, ...]; ketenveldnorm: bool
    @dataclass(frozen=True)
    class Selection: sleutel: str; naam: str; regios: tuple[str, ...] | None  # None: every region
        def covers(regio) -> bool
    load_groups() -> dict[str, RegionGroup]      # DataFileError (Dutch, file and field) when invalid
    ketenveldnorm_groups() -> list[RegionGroup]  # in file order
    select(value) -> Selection                   # UsageError naming the known keys when unknown
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from levensloop_docs.errors import DataFileError, UsageError
from levensloop_docs.i18n import _
from levensloop_docs.resources import data_dir

ALL = "alle"


@dataclass(frozen=True)
class RegionGroup:
    sleutel: str
    naam: str
    regios: tuple[str, ...]
    ketenveldnorm: bool = False


@dataclass(frozen=True)
class Selection:
    """What a report covers: a region, a group, a list, or every region (``regios`` None)."""

    sleutel: str
    naam: str
    regios: tuple[str, ...] | None

    def covers(self, regio: str) -> bool:
        return self.regios is None or regio in self.regios

    @property
    def single(self) -> bool:
        return self.regios is not None and len(self.regios) == 1


def groups_path() -> Path:
    return data_dir() / "regiogroepen.yaml"


@cache
def load_groups() -> dict[str, RegionGroup]:
    from pydantic import ValidationError

    from levensloop_docs.problems import pydantic_problem
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    path = groups_path()
    summary = _("The file with region groups is not valid.")
    if not path.is_file():
        return {}
    try:
        raw = load_yaml(path, round_trip=True)
    except YamlReadError as exc:
        raise DataFileError(problems=[exc.problem], summary=summary) from None
    model = _file_model()
    try:
        data = model.model_validate(raw)
    except ValidationError as exc:
        raise DataFileError(problems=[pydantic_problem(e, path, raw) for e in exc.errors()],
                            summary=summary) from None
    return {key: RegionGroup(key, g.naam, tuple(g.regios), g.ketenveldnorm)
            for key, g in data.groepen.items()}


@cache
def _file_model() -> Any:
    from pydantic import BaseModel, ConfigDict, Field

    class GroupEntry(BaseModel):
        model_config = ConfigDict(extra="forbid")
        naam: str = Field(min_length=1)
        regios: list[str] = Field(min_length=1)
        ketenveldnorm: bool = False

    class GroupsFile(BaseModel):
        model_config = ConfigDict(extra="forbid")
        groepen: dict[str, GroupEntry] = {}

    return GroupsFile


def ketenveldnorm_groups() -> list[RegionGroup]:
    return [g for g in load_groups().values() if g.ketenveldnorm]


def select(value: str) -> Selection:
    """The regions a ``--regio`` value names; UsageError (with the known keys) when unknown."""
    from levensloop_docs.reference.regions import region_keys, region_label

    value = value.strip().lower()
    groups, regions = load_groups(), region_keys()
    if value == ALL:
        return Selection(ALL, _("all regions"), None)
    parts = [p.strip() for p in value.split(",") if p.strip()]
    if len(parts) == 1 and parts[0] in regions:
        return Selection(parts[0], region_label(parts[0]), (parts[0],))
    if len(parts) == 1 and parts[0] in groups:
        group = groups[parts[0]]
        return Selection(group.sleutel, group.naam, group.regios)
    unknown = [p for p in parts if p not in regions]
    if unknown or not parts:
        known = ", ".join([*regions, *(g for g in groups if g not in regions), ALL])
        msg = _("Unknown value '{value}' for {option}. Choose from: {known}.")
        raise UsageError(msg.format(value=value, option="--regio", known=known))
    members = tuple(dict.fromkeys(parts))
    return Selection("-".join(members), ", ".join(region_label(p) for p in members), members)

