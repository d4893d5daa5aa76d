"""Read every case of a folder for an overview: valid cases, and the broken ones by name.

The validation is that of ``controleer`` (``validate_raw``: the model and the rules across
fields). Parsing uses the C YAML parser; only a file with problems is read again by
``load_case``, which gives the messages with line numbers.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.case.casefile import find_case_files, load_case, validate_raw
from levensloop_docs.errors import CaseFileError, Problem, UsageError
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies


@dataclass
class CaseSet:
    """The valid cases of a folder, and per broken file its problems (never its content)."""

    cases: list[Casus] = field(default_factory=list)
    broken: dict[Path, list[Problem]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return len(self.cases) + len(self.broken)


def _fast_parse(text: str | None) -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    if text is None:
        return None
    try:
        return YAML(typ="safe").load(text)
    except (YAMLError, ValueError, RecursionError):
        return None


def _read(path: Path) -> str | None:
    from levensloop_docs.yamlio import YamlReadError, read_text

    try:
        return read_text(path)
    except YamlReadError:
        return None  # load_case reports it


def load_one(path: Path, vocab: Vocabularies, today: date, text: str | None = None) -> Casus | list[Problem]:
    raw = _fast_parse(text if text is not None else _read(path))
    if raw is not None:
        casus, problems = validate_raw(raw, path, vocab, today)
        if casus is not None and not any(not p.warning for p in problems):
            return casus
    try:  # again, the slow way, for the problems with their line numbers
        return load_case(path, vocab, today).casus
    except CaseFileError as exc:
        return [p for p in exc.problems if not p.warning] or exc.problems


def load_folder(target: Path, today: date, *, use_cache: bool = True) -> CaseSet:
    """Every case under ``target``; an error only when there is no case file at all.

    Unchanged valid cases come from the per-user cache (``cache.py``); the rest is read,
    validated and added to it.
    """
    from levensloop_docs.overview.cache import CaseCache
    if not target.exists():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=target))
    files = find_case_files(target)
    if not files:
        raise CaseFileError(problems=[], summary=_("No case files (.yaml) found."))
    vocab = load_vocabularies()
    found = CaseSet()
    store = CaseCache(target if target.is_dir() else target.parent) if use_cache else None
    names = set()
    for path in files:
        text = _read(path)
        name = str(path.resolve())
        names.add(name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else ""
        cached = store.get(name, digest, today, vocab) if store and text is not None else None
        result = cached or load_one(path, vocab, today, text)
        if isinstance(result, Casus):
            found.cases.append(result)
            if store is not None and cached is None and text is not None:
                store.put(name, digest, today, result)
        else:
            found.broken[path] = result
    if store is not None:
        if target.is_dir():
            store.keep_only(names)
        store.save()
    return found


def skipped_lines(found: CaseSet) -> list[str]:
    """One line per broken file (name and first problem), then the count: for the terminal."""
    lines = []
    for path, problems in found.broken.items():
        first = problems[0].describe() if problems else path.name
        lines.append(_("Skipped (not valid): {problem}").format(problem=first))
    if found.broken:
        msg = _("{bad} of {n} case files skipped; run 'levensloop controleer' for every problem.")
        lines.append(msg.format(bad=len(found.broken), n=found.total))
    return lines
