"""A per-user cache of what the overviews read from each case, so Monday's run is quick.

Parsing YAML is most of the time of an overview (about 4 ms a case on this machine). The
cache keeps, per case file, only the fields the overview, agenda and monitor use (dates,
statuses, vocabulary keys, the casusregisseur and the organisations in the network),
never the person's name or any free text about them: ``prune`` replaces required text
such as ``persoon.naam`` by a dot. An entry is used only when the file's SHA-256, the
program version and the data folder (vocabularies, regions) are unchanged, and when the
case was validated on or before the requested day: every date rule only gets easier as
time passes (a date in the future stops being one), so a case valid then is valid now.

The file lives in the user's cache folder (``cache_dir``: platformdirs), not
beside the cases on a shared drive, folder 0700 and file 0600, written atomically; it is
JSON, so reading it never runs code. A damaged or foreign file is ignored and rebuilt.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
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

FORMAT = 7  # 2: incidents at case level; 3: overleggen (day and kind); 4: first line is the checksum
# 5: inclusiedatum, regional criteria, the values at inclusion; 6: the current level;
# 7: what the safety gate reads
HIDDEN = "·"
# What the overviews read, as a pydantic include spec (True: the whole field).
ALL = True
KEEP: dict[str, Any] = {
    "meta": dict.fromkeys(("casus_id", "regio", "status", "vastgesteld", "volgende_evaluatie",
                           "akkoord", "inclusiedatum"), ALL),
    "persoon": {**dict.fromkeys(("geboortedatum", "geslacht", "verblijf", "problematiek"), ALL),
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
    "incidenten": {"__all__": dict.fromkeys(("datum", "niveau", "vorm", "fase"), ALL)},
    "uitstroom": dict.fromkeys(("stabiel_sinds", "beschermende_factoren_geborgd", "risico_verlaagd",
                                "risicotaxatie_datum", "datum"), ALL),
    "bij_inclusie": ALL,  # ja/nee/onbekend and vocabulary keys only
    "aanmelding": {
        **dict.fromkeys(("datum", "besluit", "besluit_datum", "casusregisseur", "behoefte_opname",
                         "behoefte_gemeente", "reeds_in_zorg"), ALL),
        "aanmelder": {"organisatie": ALL}, "overleg": {"datum": ALL},
        "criteria_landelijk": {"__all__": dict.fromkeys(("criterium", "oordeel"), ALL)},
        "criteria_regio": {"__all__": dict.fromkeys(("criterium", "oordeel"), ALL)},
    },
}


def prune(casus: Casus) -> dict[str, Any]:
    """The case without what the overviews never show; required texts become a dot."""
    data: dict[str, Any] = casus.model_dump(mode="json", include=KEEP, exclude_none=True)
    data["persoon"]["naam"] = HIDDEN
    steps = data.get("opschaling", {}).get("stappen", [])
    for stap, full in zip(steps, casus.opschaling.stappen, strict=True):
        stap["criteria"] = _criteria_marker(full)
    for r in data.get("risicotaxaties", []):
        r["uitkomst"] = HIDDEN
    for i in data.get("incidenten", []):
        i["omschrijving"] = HIDDEN
    if "aanmelding" in data:
        data["aanmelding"]["aanmelder"]["naam"] = HIDDEN
        data["aanmelding"]["reden"] = HIDDEN
    return data


def _criteria_marker(stap: Any) -> list[str]:
    """A step's criteria without their text: empty stays empty, an acute one still reads acute."""
    from levensloop_docs.case.planrules import is_acute

    if not stap.criteria:
        return []
    return ["acuut"] if not stap.vormen and is_acute(stap) else [HIDDEN]


def restore(data: dict[str, Any], vocab: Vocabularies) -> Casus:
    """The pruned case as a model again, without re-running the validators.

    The data was validated before it was written (and the cache is the user's own JSON), so
    the models are built directly: validating 2,000 cases again would cost a second.
    """
    del vocab  # validated when cached; kept in the signature for a validating variant
    casus = _construct(Casus, data)
    assert isinstance(casus, Casus)
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
    return cache_dir() / f"overzicht-{key}.json"


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
    """Entries by file name: ``{"sha256", "day" (validated on), "case" (pruned)}``."""

    def __init__(self, folder: Path) -> None:
        self.path = cache_file(folder)
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        try:
            stored = json.loads(_checked(self.path.read_bytes()))
            if stored.get("environment") == environment_key() and isinstance(stored.get("cases"), dict):
                self.entries = stored["cases"]
        except (OSError, ValueError, AttributeError):
            pass  # no cache yet, or a damaged one: rebuilt on save

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
        if not self.changed:
            return
        from levensloop_docs.atomic import write_text

        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            payload = {"environment": environment_key(), "cases": self.entries}
            body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
            digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
            write_text(self.path, f"{digest}\n{body}")
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower
