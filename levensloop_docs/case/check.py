"""``controleer`` over many case files: every file checked, on every core, every problem kept.

Each file is read as ``read_case`` reads it (the C parser; the round-trip parser only for a
file with a problem, so every message keeps its line). Over ``PARALLEL_FROM`` files the
reading runs in worker processes that send back only the problems and the case id, so
memory stays that of one case per worker, not of 2,000 round-trip documents.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from levensloop_docs.case.casefile import duplicate_ids, preload, read_case
from levensloop_docs.errors import CaseFileError, Problem

PARALLEL_FROM = 40  # fewer files are read here: starting the workers costs more


@dataclass(frozen=True)
class Checked:
    """One file's outcome: its case id when valid, every problem (warnings included), and the
    notes on its plan history."""

    path: Path
    case_id: str | None
    problems: list[Problem]
    notes: tuple[str, ...] = ()


def check_one(path: Path) -> Checked:
    try:
        case = read_case(path, warning_lines=True)
    except CaseFileError as exc:
        return Checked(path, None, list(exc.problems))
    meta = case.casus.meta
    # the plan history and the disclosure register, in the same worker: the case is read once
    trail, notes = check_trail(path, meta.casus_id, meta.planversie)
    return Checked(path, meta.casus_id, list(case.warnings) + trail, tuple(notes))


def check_files(files: Sequence[Path], workers: int | None = None) -> list[Problem]:
    """Every problem of ``files`` in file order, then the case ids used twice."""
    return check_with_notes(files, workers)[0]


def check_with_notes(files: Sequence[Path], workers: int | None = None) -> tuple[list[Problem], list[str]]:
    """``check_files`` and the notes on plan histories archived before the hash chain."""
    checked = _check_all(list(files), workers)
    problems = [p for c in checked for p in c.problems]
    problems.extend(duplicate_ids([(c.path, c.case_id) for c in checked if c.case_id is not None]))
    return problems, [n for c in checked for n in c.notes]


def check_trail(path: Path, case_id: str, current: int) -> tuple[list[Problem], list[str]]:
    """The plan history and the disclosure register of one valid case file: (problems, notes).

    An archived version named on its own is checked as a case file, not as the owner of a
    history; a case with neither costs two lookups.
    """
    from levensloop_docs.case.history import HISTORY_SUFFIX, history_dir, verify_history
    from levensloop_docs.case.register import head_path, register_path, verify_register

    if path.parent.name.endswith(HISTORY_SUFFIX):
        return [], []
    problems: list[Problem] = []
    notes: list[str] = []
    if history_dir(path).exists():
        found = verify_history(path, case_id, current)
        problems.extend(found.problems)
        notes.extend(found.notes)
    if register_path(path).exists() or head_path(path).exists():  # a register removed whole, too
        broken = verify_register(path, case_id)
        if broken is not None:
            problems.append(Problem(broken.path, "", broken.message, line=broken.line or None))
    return problems, notes


def _cores() -> int:
    from levensloop_docs.platform_os import usable_cores

    return usable_cores()


def _check_all(files: list[Path], workers: int | None) -> list[Checked]:
    count = min(workers or _cores(), 8)
    if len(files) < PARALLEL_FROM or count < 2:
        return [check_one(path) for path in files]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from levensloop_docs.model.vocab import load_vocabularies

    load_vocabularies()  # once, before the fork: every worker inherits it
    preload()  # and the model and the rules
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)  # fork: no re-import
    try:
        with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
            return list(pool.map(check_one, files, chunksize=max(1, len(files) // (count * 8))))
    except (BrokenProcessPool, OSError):  # no processes allowed here, or one was killed: do it here
        return [check_one(path) for path in files]
