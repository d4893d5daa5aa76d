"""Vocabularies (levensgebieden, rollen, titels, routes, ...) as data files.

Each file in ``data/vocabulaires`` maps a key (what a case file stores) to an entry
with at least a Dutch ``label`` (what a document shows). A region or organisation
can point ``LEVENSLOOP_DATA`` at its own copy of the data folder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.resources import data_dir


@dataclass(frozen=True)
class Vocabulary:
    name: str
    entries: Mapping[str, Mapping[str, Any]]

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def keys(self) -> list[str]:
        return list(self.entries)

    def label(self, key: str) -> str:
        entry = self.entries.get(key)
        return str(entry["label"]) if entry else key

    def get(self, key: str, attribute: str, default: Any = None) -> Any:
        entry = self.entries.get(key)
        return entry.get(attribute, default) if entry else default


@dataclass(frozen=True)
class Vocabularies:
    items: Mapping[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.items[name]

    def files(self) -> list[Path]:
        return sorted((data_dir() / "vocabulaires").glob("*.yaml"))


def _parse(path: Path, data: Any) -> tuple[Vocabulary | None, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, Mapping) or not data:
        return None, [Problem(path, "", _("Expected a list of keys, each with a label."))]
    entries: dict[str, Mapping[str, Any]] = {}
    for key, entry in data.items():
        if not isinstance(entry, Mapping) or not isinstance(entry.get("label"), str):
            problems.append(Problem(path, str(key), _("Every entry needs a 'label' text.")))
            continue
        entries[str(key)] = dict(entry)
    return Vocabulary(path.stem, entries), problems


@cache
def load_vocabularies(folder: Path | None = None) -> Vocabularies:
    """Load and check every vocabulary file; all problems are reported at once."""
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    folder = folder or data_dir() / "vocabulaires"
    items: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            vocab, found = _parse(path, load_yaml(path, round_trip=False))
        except YamlReadError as exc:
            problems.append(exc.problem)
            continue
        problems.extend(found)
        if vocab is not None:
            items[vocab.name] = vocab
    if problems:
        raise DataFileError(problems=problems, summary=_("A vocabulary file is not valid."))
    return Vocabularies(items)
