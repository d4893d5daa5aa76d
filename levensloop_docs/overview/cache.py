"""A cache of what the overviews read from each case, so Monday's run is quick.

Parsing YAML is most of the time of an overview (about 4 ms a case on this machine). The
cache keeps, per case file, only what the overview, agenda and monitor print or count
(dates, statuses, vocabulary keys, the casusregisseur, the organisations in the network):
never the person's name, birth date, problems or any free text about them, and no other
contact's name or number. What the safety gate ("alleen concept") only needs to know is
there is kept as a dot (``HIDDEN``); the birth date becomes the age band at inclusion, the
only thing the monitor prints of it. An entry is used only when the file's SHA-256, the
program version and the data folder (vocabularies, regions) are unchanged, and when the
case was validated on or before the requested day: every date rule only gets easier as
time passes (a date in the future stops being one), so a case valid then is valid now.

The file lives in the user's cache folder (``cache_dir``: platformdirs), not beside the
cases on a shared drive (no sync copies, nothing written where the cases are), 0600, written
atomically; beside it a small ``.map`` file names the folder it belongs to. Each overview
first sweeps that cache folder (``sweep``): the cache of a folder that no longer exists
(archived, deleted, renamed) goes, and so does one not used for ``MAX_DAYS`` days. Cases are
named in it by a hash of their path inside the folder, never by their file name. It is JSON,
so reading it never runs code; a damaged or foreign file is ignored and rebuilt. Caches of
versions before 0.2 (``overzicht-*.json``, with birth dates and every contact's name) are
removed by the sweep; ``levensloop cache wis`` removes everything.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import hashlib
import json
import os
import types
import typing
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from levensloop_docs import __version__
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies

FORMAT = 9  # 2: incidents at case level; 3: overleggen (day and kind); 4: first line is the checksum
# 5: inclusiedatum, regional criteria, the values at inclusion; 6: the current level;
# 7: what the safety gate reads; 8: in the case folder, only what the overviews print;
# 9: the kind of registrant, the day a bed was asked for
HIDDEN = "·"
PREFIX = "overzichtcache-"
LEGACY_GLOB = "overzicht-*.json"  # versions before 0.2 (birth dates, every contact's name)
MAX_DAYS = 30  # a cache not used for this long is removed: a rebuild costs seconds
# a representative age per band: the birth date the cache gives back falls in the same band
AGE_AT = {"18-29": 25, "30-39": 35, "40-49": 45, "50-64": 57, "65+": 70}
# What the overviews read, as a pydantic include spec (True: the whole field).
ALL = True
KEEP: dict[str, Any] = {
    "meta": dict.fromkeys(("casus_id", "regio", "status", "vastgesteld", "volgende_evaluatie",
                           "akkoord", "inclusiedatum"), ALL),
    # the sex and the legal titles (signals, agenda, monitor); the age band apart ('leeftijd')
    "persoon": {"geslacht": ALL,
                "juridisch_kader": {"__all__": dict.fromkeys(("titel", "start", "einde"), ALL)}},
    "gegevensdeling": dict.fromkeys(("route", "toestemming_datum", "toestemming_geldig_tot",
                                     "ingetrokken", "ingetrokken_datum"), ALL),
    "netwerk": {"partners": {"__all__": dict.fromkeys(("id", "rol", "organisatie", "contactpersoon",
                                                       "telefoon", "buiten_kantoortijd"), ALL)}},
    # the safety gate (case/safety.py, "alleen concept"): the route, never its free text
    "opschaling": {
        "stappen": {"__all__": {**dict.fromkeys(("van", "naar", "wie_besluit", "juridische_basis",
                                                 "juridische_terugval", "vormen", "criteria"), ALL),
                                "bestemming": ALL}},
        "afschaling": dict.fromkeys(("naar", "wie_stabiel"), ALL),
        "huidig_niveau": ALL, "huidig_sinds": ALL},
    # which items have minutes on which day (the minutes' text is read from the file itself)
    "overleggen": {"__all__": dict.fromkeys(("datum", "soort"), ALL)},
    "risicotaxaties": {"__all__": dict.fromkeys(("instrument", "datum", "volgende"), ALL)},
    # the agenda and monitor count escalations by date, level and form; never what happened
    "incidenten": {"__all__": dict.fromkeys(("datum", "niveau", "vorm", "fase", "bed_aangevraagd"), ALL)},
    "uitstroom": dict.fromkeys(("stabiel_sinds", "beschermende_factoren_geborgd", "risico_verlaagd",
                                "risicotaxatie_datum", "datum"), ALL),
    "bij_inclusie": ALL,  # ja/nee/onbekend and vocabulary keys only
    "aanmelding": {
        **dict.fromkeys(("datum", "besluit", "besluit_datum", "casusregisseur", "behoefte_opname",
                         "behoefte_gemeente", "reeds_in_zorg"), ALL),
        "aanmelder": dict.fromkeys(("organisatie", "soort"), ALL), "overleg": {"datum": ALL},
        "criteria_landelijk": {"__all__": dict.fromkeys(("criterium", "oordeel"), ALL)},
        "criteria_regio": {"__all__": dict.fromkeys(("criterium", "oordeel"), ALL)},
    },
}


def prune(casus: Casus) -> dict[str, Any]:
    """The case without what the overviews never print; what a rule only needs to see is there
    becomes a dot."""
    from levensloop_docs.overview.deadlines import casusregisseur

    data: dict[str, Any] = casus.model_dump(mode="json", include=KEEP, exclude_none=True)
    data["persoon"].update(naam=HIDDEN, verblijf=HIDDEN)
    data["leeftijd"] = _age_band(casus)
    shown = casusregisseur(casus)  # the one name the overviews print
    for p in data.get("netwerk", {}).get("partners", []):
        for key in ("contactpersoon", "telefoon", "buiten_kantoortijd"):
            if p.get(key) and not (key == "contactpersoon" and p[key] == shown):
                p[key] = HIDDEN
    steps = data.get("opschaling", {}).get("stappen", [])
    for stap, full in zip(steps, casus.opschaling.stappen, strict=True):
        stap["criteria"] = _criteria_marker(full)
        bed = stap.get("bestemming", {})
        if bed.get("plaats") and not _region_bed(casus, bed["plaats"]):
            bed["plaats"] = HIDDEN  # a clinic's name is free text; a region's own bed is public
    for r in data.get("risicotaxaties", []):
        r["uitkomst"] = HIDDEN
    for i in data.get("incidenten", []):
        i["omschrijving"] = HIDDEN
    if "aanmelding" in data:
        data["aanmelding"]["aanmelder"]["naam"] = HIDDEN
        data["aanmelding"]["reden"] = HIDDEN
    return data


def _age_band(casus: Casus) -> str | None:
    """The age band at inclusion (the monitor's 'Leeftijd bij inclusie'), or None."""
    from levensloop_docs.overview.deadlines import inclusion_date
    from levensloop_docs.overview.monitor_blocks import _age_band as band

    included = inclusion_date(casus)
    if included is None or casus.persoon.geboortedatum is None:
        return None
    return band(casus, included)


def _region_bed(casus: Casus, place: str) -> bool:
    from levensloop_docs.reference.regions import optional_region

    region = optional_region(casus.meta.regio)
    return bool(region and region.bed(place))


def _criteria_marker(stap: Any) -> list[str]:
    """A step's criteria without their text: empty stays empty, an acute one still reads acute."""
    from levensloop_docs.case.planrules import is_acute

    if not stap.criteria:
        return []
    return ["acuut"] if not stap.vormen and is_acute(stap) else [HIDDEN]


def restore(data: dict[str, Any], vocab: Vocabularies) -> Casus:
    """The pruned case as a model again, without re-running the validators.

    The data was validated before it was written (and the cache is the user's own JSON), so
    the models are built directly: validating 2,000 cases again would cost a second. The
    birth date is made up from the age band: a date that gives the same band at inclusion.
    """
    del vocab  # validated when cached; kept in the signature for a validating variant
    casus = _construct(Casus, {k: v for k, v in data.items() if k != "leeftijd"})
    assert isinstance(casus, Casus)
    band = data.get("leeftijd")
    if band in AGE_AT:
        from levensloop_docs.overview.deadlines import inclusion_date

        included = inclusion_date(casus)
        if included is not None:
            born = date(included.year - AGE_AT[band], included.month, 1)
            object.__setattr__(casus.persoon, "geboortedatum", born)
    return casus


Convert = typing.Callable[[Any], Any]


def _construct(model: type[BaseModel], data: dict[str, Any]) -> BaseModel:
    """``model.model_construct`` for our plain models, at a fraction of its cost.

    pydantic's ``model_construct`` looks up every default through several calls; 2,000
    cases hold about 50,000 models, so that was most of a warm run. The defaults are
    looked up once per model (``_plan``) and copied only when they are mutable.
    """
    fields, fast = _plan(model)
    values = {name: convert(data[name]) for name, (convert, _d) in fields.items() if name in data}
    if not fast:
        return model.model_construct(_fields_set=set(values), **values)
    merged: dict[str, Any] = {}
    for name, (_c, default) in fields.items():
        if name in values:
            merged[name] = values[name]
        elif default is not None:
            merged[name] = default()
    instance = model.__new__(model)
    _setattr(instance, "__dict__", merged)
    _setattr(instance, "__pydantic_fields_set__", set(values))
    _setattr(instance, "__pydantic_extra__", None)
    _setattr(instance, "__pydantic_private__", None)
    return instance


_setattr = object.__setattr__
Default = typing.Callable[[], Any] | None  # None: a required field (left out when missing)


@functools.cache
def _plan(model: type[BaseModel]) -> tuple[dict[str, tuple[Convert, Default]], bool]:
    """Per field of ``model``: how its JSON becomes the annotated type, and its default.

    ``fast`` is False when the model needs pydantic's own ``model_construct`` (aliases,
    a post-init hook, extra fields allowed, a root model or a default that reads other fields).
    """
    fast = not (model.__pydantic_post_init__ or model.__pydantic_root_model__
                or model.model_config.get("extra") == "allow")
    fields: dict[str, tuple[Convert, Default]] = {}
    for name, info in model.model_fields.items():
        fast = fast and info.alias in (None, name) and info.validation_alias in (None, name)
        fast = fast and not getattr(info, "default_factory_takes_validated_data", False)
        fields[name] = (_converter(info.annotation), _default(info))
    return fields, fast


def _default(info: Any) -> Default:
    if info.is_required():
        return None
    if info.default_factory is not None:
        return typing.cast(Default, info.default_factory)
    value = info.default
    if isinstance(value, (list, dict, set, BaseModel)):
        return lambda: copy.deepcopy(value)
    return lambda: value


def _same(value: Any) -> Any:
    return value


def _converter(annotation: Any) -> Convert:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [_converter(a) for a in args if a is not type(None)]
        inner = options[0] if len(options) == 1 else _same  # date | str stays as written
        return lambda value: None if value is None else inner(value)
    if origin is list:
        item = _converter(args[0])
        return lambda value: [item(v) for v in value]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return lambda value: _construct(annotation, value)
    if annotation is date:
        return lambda value: date.fromisoformat(value) if isinstance(value, str) else value
    return _same


def cache_dir() -> Path:
    """The program's folder in the user's cache folder (made 0700 by whoever writes in it).

    platformdirs knows each system's place: ``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux,
    ``%LOCALAPPDATA%\\levensloop-docs\\Cache`` on Windows, ``~/Library/Caches`` on macOS.
    """
    from platformdirs import user_cache_path

    return user_cache_path("levensloop-docs", appauthor=False)


def cache_file(folder: Path) -> Path:
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:20]
    return cache_dir() / f"{PREFIX}{key}.json"


def _map_file(path: Path) -> Path:
    return path.with_suffix(".map")


def sweep(now: float | None = None) -> list[Path]:
    """Remove the caches of folders that are gone, unused ones, and those of older versions.

    ``now``: the clock (seconds since the epoch; tests pass their own). Returns what went.
    """
    import time

    clock = time.time() if now is None else now
    gone: list[Path] = []
    folder = cache_dir()
    try:
        found = sorted(folder.glob(f"{PREFIX}*.json")) + sorted(folder.glob(LEGACY_GLOB))
    except OSError:
        return gone
    for path in found:
        if path.name.startswith(PREFIX) and _still_used(path, clock):
            continue
        for old in (path, _map_file(path)):
            try:
                old.unlink()
            except FileNotFoundError:
                continue
            except OSError:
                break
            gone.append(old)
    return gone


def _still_used(path: Path, clock: float) -> bool:
    try:
        owner = Path(_map_file(path).read_text(encoding="utf-8").strip())
        used = path.stat().st_mtime
    except (OSError, ValueError):
        return False  # no map: nobody can tell whose it is
    return owner.is_dir() and clock - used < MAX_DAYS * 86400


def all_files() -> list[Path]:
    """Everything the program keeps in the user's cache folder(s) (for ``cache wis``)."""
    from levensloop_docs.cachedir import cache_dir as shared_dir

    found: set[Path] = set()
    for folder in {cache_dir(), shared_dir()}:
        try:
            found |= {p for p in folder.rglob("*") if p.is_file()}
        except OSError:
            continue
    return sorted(found)


@cache
def environment_key() -> str:
    """Program version and every data file: a change in either empties the cache."""
    from levensloop_docs.resources import data_dir

    digest = hashlib.sha256(f"{FORMAT}:{__version__}".encode())
    root = data_dir()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _checked(data: bytes) -> bytes:
    """The JSON after the first line, which is its SHA-256: a damaged file is never used.

    A file cut short or changed by one byte (a full disk, a bad sector, a hand edit) could
    still be valid JSON and hold a case without its fields; the checksum refuses it whole.
    """
    head, _newline, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode("ascii") != head:
        raise ValueError("cache checksum")
    return body


class CaseCache:
    """Entries by path inside the folder: ``{"sha256", "day" (validated on), "case" (pruned)}``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self.path = cache_file(folder)
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        try:
            stored = json.loads(_checked(self.path.read_bytes()))
            if stored.get("environment") == environment_key() and isinstance(stored.get("cases"), dict):
                self.entries = stored["cases"]
        except (OSError, ValueError, AttributeError):
            pass  # no cache yet, or a damaged one: rebuilt on save

    def key(self, path: Path) -> str:
        """A case's name in the cache: a hash of its path inside the folder (a file name can be a
        person's name)."""
        full = path.resolve()
        inside = full.relative_to(self.folder).as_posix() if full.is_relative_to(self.folder) else full.name
        return hashlib.sha256(inside.encode("utf-8")).hexdigest()[:24]

    def get(self, name: str, digest: str, today: date, vocab: Vocabularies) -> Casus | None:
        entry = self.entries.get(name)
        if not entry or entry.get("sha256") != digest or entry.get("day", "9999") > today.isoformat():
            return None
        try:
            return restore(entry["case"], vocab)
        except (ValueError, KeyError, TypeError):
            return None

    def put(self, name: str, digest: str, today: date, casus: Casus) -> None:
        self.put_pruned(name, digest, today, prune(casus))

    def put_pruned(self, name: str, digest: str, today: date, pruned: dict[str, Any]) -> None:
        self.entries[name] = {"sha256": digest, "day": today.isoformat(), "case": pruned}
        self.changed = True

    def keep_only(self, names: set[str]) -> None:
        gone = set(self.entries) - names
        for name in gone:
            del self.entries[name]
        self.changed = self.changed or bool(gone)

    def save(self) -> None:
        from levensloop_docs.atomic import write_text

        if not self.changed:
            with contextlib.suppress(OSError):
                os.utime(self.path)  # used today: the sweep keeps it
            return
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_text(_map_file(self.path), str(self.folder))
            payload = {"environment": environment_key(), "cases": self.entries}
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
            write_text(self.path, f"{digest}\n{body}")
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower


def wipe() -> dict[str, list[Path]]:
    """Remove everything the program keeps in the user's cache folder, by kind.

    Kinds: 'overzicht' (the overviews' case data), 'grafieken' (monitor charts), 'overig'
    (the template check and anything else). Empty folders go too; a file that cannot be
    removed stays and is not listed.
    """
    removed: dict[str, list[Path]] = {"overzicht": [], "grafieken": [], "overig": []}
    roots: set[Path] = set()
    for path in all_files():
        name = path.name
        kind = ("overzicht" if name.startswith(PREFIX) or path.match(LEGACY_GLOB)
                else "grafieken" if path.parent.name == "grafieken" else "overig")
        try:
            path.unlink()
        except OSError:
            continue
        removed[kind].append(path)
        roots.add(path.parent)
    for folder in sorted(roots, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only when empty
    return removed
