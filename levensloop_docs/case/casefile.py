"""Case files on disk: read, validate with every problem at once, and save in place.

A case file is one YAML file. Reading keeps the round-trip document (comments,
key order, line numbers) so that messages can name the line and a save changes
only what changed. Saving is atomic and owner-only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from levensloop_docs.atomic import write_text
from levensloop_docs.errors import CaseFileError, ConflictError, Problem
from levensloop_docs.i18n import _, format_date, ngettext
from levensloop_docs.platform_os import owner_name
from levensloop_docs.yamlio import (
    NotFast,
    YamlReadError,
    compose_fast,
    dump_yaml,
    line_of,
    load_yaml,
    node_line,
    parse_fast_nodes,
    read_text,
)

if TYPE_CHECKING:  # finding case files and hashing them (an unchanged batch) needs no model
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import Vocabularies

CASE_SUFFIXES = (".yaml", ".yml")


@dataclass
class CaseFile:
    """A validated case together with its source document and fingerprint."""

    path: Path
    raw: Any
    casus: Casus
    digest: str
    warnings: list[Problem] = field(default_factory=list)


def digest_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def preload() -> None:
    """Import what validating a case needs (the model, the rules) now: a caller about to fork
    worker processes does it once, so they share it instead of each importing it."""
    import levensloop_docs.case.rules
    import levensloop_docs.model.casus  # noqa: F401


def validate_raw(
    raw: Any, file: Path | None, vocab: Vocabularies | None = None, today: date | None = None,
    line_at: Callable[[tuple[str | int, ...]], int | None] | None = None,
) -> tuple[Casus | None, list[Problem]]:
    """Validate parsed YAML; return the case (if valid) and every problem found.

    ``line_at``: where a field is in the file (default: ``line_of`` on round-trip ``raw``)."""
    from pydantic import ValidationError

    from levensloop_docs.case.rules import case_problems, reference_problems
    from levensloop_docs.model.casus import MOVED_FIELDS, Casus
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.problems import pydantic_problem

    vocab = vocab or load_vocabularies()
    today = today or date.today()
    if raw is None:
        return None, [Problem(file, "", _("The file is empty. Start from an example in examples/."))]
    if not isinstance(raw, Mapping):
        return None, [Problem(file, "", _("A case file must consist of sections such as 'meta:'."))]
    problems: list[Problem] = []
    casus: Casus | None = None
    try:
        casus = Casus.model_validate(dict(raw), context={"vocab": vocab})
    except ValidationError as exc:
        problems.extend(pydantic_problem(e, file, raw, MOVED_FIELDS) for e in exc.errors())
    found = reference_problems(raw, file)
    if casus is not None:
        found += case_problems(casus, vocab, today)
    for loc, problem in found:
        line = line_at(loc) if line_at is not None else line_of(raw, loc)
        problems.append(Problem(file, problem.path, problem.message, line, problem.warning, problem.rule))
    return casus, problems


def load_case(path: Path, vocab: Vocabularies | None = None, today: date | None = None) -> CaseFile:
    """Read and validate one case file; raise CaseFileError listing every problem."""
    try:
        text = read_text(path)
        raw = load_yaml(path)
    except YamlReadError as exc:
        raise CaseFileError(problems=exc.problems, summary=_("The case file cannot be read.")) from None
    casus, problems = validate_raw(raw, path, vocab, today)
    errors = [p for p in problems if not p.warning]
    if errors or casus is None:
        raise CaseFileError(
            problems=problems,
            summary=ngettext("The case file is not valid ({n} problem).",
                             "The case file is not valid ({n} problems).", len(errors)).format(n=len(errors)),
            hint=_("Correct the fields named above and run 'levensloop controleer' again."),
        )
    warnings = [p for p in problems if p.warning]
    return CaseFile(path, raw, casus, digest_text(text), warnings)


def read_case(
    path: Path, vocab: Vocabularies | None = None, today: date | None = None, *,
    text: str | None = None, warning_lines: bool = False,
) -> CaseFile:
    """``load_case`` for reading only (render, check, overview): the C parser first.

    A case the fast parser accepts and that validates without an error is done; its
    warnings carry no line unless ``warning_lines`` (then a case with a warning is read
    again). Any other file is read again by ``load_case``, so every message, line and
    field is exactly the round-trip one. The data (``CaseFile.raw``) is plain: a case to
    be edited and saved is read with ``load_case``.
    """
    try:
        text = read_text(path) if text is None else text
        raw, root = parse_fast_nodes(path, text)
    except YamlReadError as exc:
        raise CaseFileError(problems=exc.problems, summary=_("The case file cannot be read.")) from None
    except NotFast:
        return load_case(path, vocab, today)
    lines = None
    if warning_lines:  # the lines from the C parser's nodes, not a round-trip read
        tree = root if root is not None else compose_fast(text)
        lines = lambda loc: node_line(tree, loc)  # noqa: E731
    casus, problems = validate_raw(raw, path, vocab, today, lines)
    if casus is None or any(not p.warning for p in problems):
        return load_case(path, vocab, today)
    return CaseFile(path, raw, casus, digest_text(text), problems)


def find_case_files(target: Path) -> list[Path]:
    """A case file itself, or every case file in a folder.

    Drafts, hidden files and sync-conflict copies (``sync_conflicts``) are skipped: a copy
    that OneDrive or Dropbox made of a case is not a case of its own.
    """
    if target.is_dir():
        files = _listed(target)
        copies = {copy for copy, _original in _conflicts_among(files)}
        return [p for p in files if p not in copies]
    return [target]


def sync_conflicts(target: Path) -> list[tuple[Path, Path]]:
    """(copy, original) for every sync-conflict copy of a case file in folder ``target``."""
    return _conflicts_among(_listed(target)) if target.is_dir() else []


def conflict_problems(target: Path) -> list[Problem]:
    """Each sync-conflict copy as a problem that names the case it is a copy of."""
    msg = _("This is a copy that the synchronisation (OneDrive, Dropbox, a copy in Explorer) made of "
            "{original}; it is not counted as a case. Compare both, keep the right one under the name "
            "{original}, and delete the other.")
    return [Problem(copy, "", msg.format(original=original.name))
            for copy, original in sync_conflicts(target)]


def _listed(target: Path) -> list[Path]:
    return sorted(
        p for p in target.rglob("*")
        if p.suffix in CASE_SUFFIXES and p.is_file() and not _skipped(p, target)
    )


# What sync clients and Explorer add to a file name when two versions meet (the stem of
# the original first): 'X (1)', 'X (conflicted copy 2026-12-07)', 'X (Conflicterende kopie
# van ...)', 'X.sync-conflict-20261207-101010-ABCDEF', 'X - kopie', and OneDrive's computer
# name 'X-LAPTOP-7'. Only a file with the same case id inside counts: 'caravan-groningen' is no
# copy of 'caravan', and a copy whose id was changed on purpose is a case of its own.
_COPY_MARKS = (
    re.compile(r" \(\d+\)$"),
    re.compile(r" \([^()]*(?:conflict|kopie|copy)[^()]*\)$", re.IGNORECASE),
    re.compile(r"\.sync-conflict-[0-9A-Za-z-]+$"),
    re.compile(r" - (?:kopie|copy)(?: \(\d+\))?$", re.IGNORECASE),
)
_HOST_MARK = re.compile(r"-(?=[^-]*[A-Za-z])[A-Za-z0-9_]+(?:-\d+)?$")
_ID_LINE = re.compile(r"^\s*casus_id:\s*['\"]?([^'\"#\s]+)", re.MULTILINE)


def _conflicts_among(files: list[Path]) -> list[tuple[Path, Path]]:
    by_stem = {(p.parent, p.stem.casefold()): p for p in files}
    found = []
    for path in files:
        for mark in (*_COPY_MARKS, _HOST_MARK):
            original = by_stem.get((path.parent, mark.sub("", path.stem).casefold()))
            if original is None or original == path:
                continue
            if not _same_case_id(path, original):
                continue
            found.append((path, original))
            break
    return found


def _same_case_id(a: Path, b: Path) -> bool:
    try:
        ids = [_ID_LINE.search(p.read_text(encoding="utf-8-sig", errors="replace")) for p in (a, b)]
    except OSError:
        return False
    return all(ids) and ids[0].group(1) == ids[1].group(1)  # type: ignore[union-attr]


def _skipped(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    # drafts of the interview and PDF-form mappings (aanmelding formulier) are no case files;
    # are no case files; nor are archived plan versions (CASE.geschiedenis/vN.yaml)
    skipped_names = (".concept.yaml", ".koppeling.yaml")
    if any(part.endswith(".geschiedenis") for part in rel.parts[:-1]):
        return True
    return any(part.startswith(".") for part in rel.parts) or path.name.endswith(skipped_names)


def merge_into(target: Any, new: Any) -> Any:
    """Update round-trip data in place so comments and untouched values survive."""
    if isinstance(new, Mapping) and isinstance(target, MutableMapping) and hasattr(target, "lc"):
        # An empty key in the file (``vastgesteld:``) is None in the model and absent from
        # ``new``; keep it, so that saving an unchanged case changes nothing.
        for key in [k for k in target if k not in new and target[k] is not None]:
            del target[key]
        for key, value in new.items():
            target[key] = merge_into(target[key], value) if key in target else value
        return target
    if isinstance(new, list) and isinstance(target, list) and hasattr(target, "lc"):
        del target[len(new):]
        for i, value in enumerate(new):
            if i < len(target):
                target[i] = merge_into(target[i], value)
            else:
                target.append(value)
        return target
    return target if _same_value(target, new) else new


def _same_value(written: Any, value: Any) -> bool:
    """Does the text in the file still mean ``value``? Then keep how the user wrote it."""
    if type(written) is bool or type(value) is bool:
        return type(written) is type(value) and written == value
    if isinstance(value, date) and isinstance(written, str):
        from levensloop_docs.model.validators import parse_date

        try:
            return parse_date(written) == value  # '15-12-2026' stays as typed
        except ValueError:
            return False
    return bool(written == value)


def case_to_data(casus: Casus) -> dict[str, Any]:
    """The case as plain data for YAML: only fields that were set or differ from defaults."""
    return casus.model_dump(mode="python", exclude_unset=True, exclude_none=True)


def save_case(path: Path, casus: Casus, loaded: CaseFile | None = None) -> str:
    """The one writer of case files: ``casus`` to ``path``, atomically and owner-only.

    ``loaded`` is the file as it was read before editing: only what changed since is
    touched, so comments, key order and dates as typed stay byte for byte. Refused with
    ``ConflictError`` when the file changed on disk since it was loaded, or when a new
    case would overwrite a file that appeared meanwhile. Returns the new digest.
    """
    new = case_to_data(casus)
    if loaded is None:
        if path.exists():
            raise _conflict(path, _("{file} was created by someone else while you were answering."))
        text = dump_yaml(new)
    else:
        try:
            current = read_text(path)
        except YamlReadError:
            raise _conflict(path, _("{file} was removed or cannot be read any more.")) from None
        if digest_text(current) != loaded.digest:
            raise _conflict(path, _("{file} was changed by someone else while you were answering."))
        text = dump_yaml(merge_changed(loaded.raw, new, case_to_data(loaded.casus)))
        if "\r\n" in current:  # saved with Windows line ends (Notepad): keep them, so only the change differs
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    write_text(path, text)
    return digest_text(text)


def _conflict(path: Path, message: str) -> ConflictError:
    detail = ""
    try:
        stat = path.stat()
        changed = datetime.fromtimestamp(stat.st_mtime)
        when = f"{format_date(changed.date())} {changed:%H:%M}"
        owner = owner_name(stat.st_uid)
        if owner is None:  # Windows: the owner is in the ACL, not in the file's status
            detail = _("Last change: {when}.").format(when=when)
        else:
            detail = _("Last change: {when}, file owner {owner}.").format(when=when, owner=owner)
    except OSError:
        pass
    return ConflictError(message.format(file=path.name), hint=detail or None)


def merge_changed(target: Any, new: Any, old: Any) -> Any:
    """Put ``new`` into round-trip ``target``, touching only what differs from ``old``.

    Untouched values keep their exact text (``15-12-2026`` stays as typed), so editing
    one part leaves the rest of the file byte for byte as it was, comments included.
    """
    if isinstance(new, Mapping) and isinstance(target, MutableMapping) and isinstance(old, Mapping):
        for key in [k for k in target if k in old and k not in new]:
            del target[key]
        for key, value in new.items():
            if key in target and key in old and old[key] == value:
                continue
            if key in target:
                target[key] = merge_changed(target[key], value, old.get(key))
            else:
                _insert(target, key, value, list(new))
        return target
    same_length = isinstance(old, list) and isinstance(target, list) and len(old) == len(target)
    if isinstance(new, list) and same_length and len(new) == len(old):
        for i, value in enumerate(new):
            if old[i] != value:
                target[i] = merge_changed(target[i], value, old[i])
        return target
    return merge_into(target, new)


def _insert(target: MutableMapping[str, Any], key: str, value: Any, order: list[str]) -> None:
    """A new field goes where the model puts it (roepnaam after naam), not at the end."""
    later = set(order[order.index(key) + 1 :])
    position = next((i for i, k in enumerate(target) if k in later), len(target))
    insert = getattr(target, "insert", None)
    if insert is not None:
        insert(position, key, value)
    else:
        target[key] = value


def check_unique_ids(files: list[CaseFile]) -> list[Problem]:
    """The same case id in two files of one folder is an error: outputs would collide."""
    return duplicate_ids([(cf.path, cf.casus.meta.casus_id) for cf in files])


def duplicate_ids(cases: list[tuple[Path, str]]) -> list[Problem]:
    """``check_unique_ids`` on (file, case id) pairs, which a worker process can send back.

    Compared in lower case: on Windows and macOS LLA-1 and lla-1 name the same files.
    """
    seen: dict[str, tuple[str, Path]] = {}
    problems = []
    for path, cid in cases:
        key = cid.casefold()
        if key not in seen:
            seen[key] = (cid, path)
            continue
        other_id, other = seen[key]
        if other_id == cid:
            msg = _("Case id {id} is also used in {other}. Every case needs its own id.")
        else:
            msg = _("Case id {id} differs only in capitals from {other_id} in {other}: on Windows and "
                    "macOS their documents would overwrite each other. Every case needs its own id.")
        text = msg.format(id=cid, other_id=other_id, other=other.name)
        problems.append(Problem(path, "meta.casus_id", text))
    return problems
