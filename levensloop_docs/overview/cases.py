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
from typing import TYPE_CHECKING, Any

from levensloop_docs.case.casefile import (
    conflict_problems,
    find_case_files,
    load_case,
    preload,
    validate_raw,
)
from levensloop_docs.errors import CaseFileError, Problem, UsageError
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies

if TYPE_CHECKING:
    from levensloop_docs.overview.cache import CaseCache


@dataclass
class CaseSet:
    """The valid cases of a folder, and per broken file its problems (never its content)."""

    cases: list[Casus] = field(default_factory=list)
    broken: dict[Path, list[Problem]] = field(default_factory=dict)
    conflicts: list[Problem] = field(default_factory=list)  # sync-conflict copies: no cases, not counted
    # results computed once per folder read (the monitor's protected blocks), never saved
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def total(self) -> int:
        return len(self.cases) + len(self.broken)


def _fast_parse(path: Path, text: str | None) -> Any:
    from levensloop_docs.yamlio import NotFast, YamlReadError, parse_fast

    if text is None:
        return None
    try:
        return parse_fast(path, text)
    except (NotFast, YamlReadError):
        return None  # load_case reports it, with its line


def _read(path: Path) -> str | None:
    from levensloop_docs.yamlio import YamlReadError, read_text

    try:
        return read_text(path)
    except YamlReadError:
        return None  # load_case reports it


def load_one(path: Path, vocab: Vocabularies, today: date, text: str | None = None) -> Casus | list[Problem]:
    raw = _fast_parse(path, text if text is not None else _read(path))
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
    from levensloop_docs.overview.cache import CaseCache, sweep

    if not target.exists():
        raise UsageError(_("The folder {folder} does not exist.").format(folder=target))
    files = find_case_files(target)
    if not files:
        raise CaseFileError(problems=[], summary=_("No case files (.yaml) found."))
    vocab = load_vocabularies()
    sweep()  # the caches of folders that are gone, unused or of older versions (F12)
    store = CaseCache(target if target.is_dir() else target.parent) if use_cache else None
    results: list[Casus | list[Problem] | None] = []
    todo: list[tuple[int, Path, str | None, str]] = []  # (index, path, text, digest): not cached
    for path in files:
        text = _read(path)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest() if text is not None else ""
        cached = store.get(store.key(path), digest, today, vocab) if store and text is not None else None
        if cached is None:
            todo.append((len(results), path, text, digest))
        results.append(cached)
    for (index, path, text, digest), result in zip(todo, _load_many(todo, vocab, today), strict=True):
        results[index] = _keep(result, store, (path, text, digest), today, vocab)
    found = _case_set(files, results)
    found.conflicts = conflict_problems(target)
    if store is not None:
        if target.is_dir():
            store.keep_only({store.key(p) for p in files})
        store.save()
    return found


def _case_set(files: list[Path], results: list[Casus | list[Problem] | None]) -> CaseSet:
    found = CaseSet()
    for path, done in zip(files, results, strict=True):
        if isinstance(done, Casus):
            found.cases.append(done)
        elif done is not None:
            found.broken[path] = done
    return found


def _keep(result: Casus | list[Problem] | dict[str, Any], store: CaseCache | None,
          file: tuple[Path, str | None, str], today: date, vocab: Vocabularies) -> Casus | list[Problem]:
    """A freshly read case, added to the cache when valid (a pruned one from a worker restored)."""
    from levensloop_docs.overview.cache import restore

    path, text, digest = file
    if isinstance(result, list):
        return result
    if store is not None and text is not None:
        if isinstance(result, dict):
            store.put_pruned(store.key(path), digest, today, result)
        else:
            store.put(store.key(path), digest, today, result)
    return restore(result, vocab) if isinstance(result, dict) else result


PARALLEL_FROM = 40  # fewer files to read are read here: starting the workers costs more


def _load_many(todo: list[tuple[int, Path, str | None, str]], vocab: Vocabularies,
               today: date) -> list[Casus | list[Problem] | dict[str, Any]]:
    """Each file read and validated as ``load_one``; on more cores, in worker processes.

    A worker returns a valid case pruned (``cache.prune``: small to send back) and a broken
    one as its problems, so a broken file is still named and counted, in folder order.
    """
    from levensloop_docs.platform_os import usable_cores

    cores = usable_cores()
    if len(todo) < PARALLEL_FROM or cores < 2:
        return [load_one(path, vocab, today, text) for _i, path, text, _d in todo]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)  # fork: no re-import
    jobs = [(path, text, today) for _i, path, text, _d in todo]
    preload()  # the model and the rules, before the fork: the workers share them
    try:
        with ProcessPoolExecutor(max_workers=min(cores, 8), mp_context=context) as pool:
            return list(pool.map(_load_pruned, jobs, chunksize=max(1, len(jobs) // (cores * 4))))
    except (BrokenProcessPool, OSError):  # no processes allowed here, or one was killed: do it here
        return [load_one(path, vocab, today, text) for _i, path, text, _d in todo]


def _load_pruned(job: tuple[Path, str | None, date]) -> dict[str, Any] | list[Problem]:
    from levensloop_docs.overview.cache import prune

    path, text, today = job
    result = load_one(path, load_vocabularies(), today, text)
    return prune(result) if isinstance(result, Casus) else result


def skipped_lines(found: CaseSet) -> list[str]:
    """One line per broken file (name and first problem), then the count: for the terminal."""
    lines = [p.describe() for p in found.conflicts]
    for path, problems in found.broken.items():
        first = problems[0].describe() if problems else path.name
        lines.append(_("Skipped (not valid): {problem}").format(problem=first))
    if found.broken:
        msg = _("{bad} of {n} case files skipped; run 'levensloop controleer' for every problem.")
        lines.append(msg.format(bad=len(found.broken), n=found.total))
    return lines
