"""Case files on disk: read, validate with every problem at once, and save in place.

A case file is one YAML file. Reading keeps the round-trip document (comments,
key order, line numbers) so that messages can name the line and a save changes
only what changed. Saving is atomic and owner-only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from levensloop_docs.atomic import write_text
from levensloop_docs.case.rules import case_problems, reference_problems
from levensloop_docs.errors import CaseFileError, ConflictError, Problem
from levensloop_docs.i18n import _, format_date, ngettext
from levensloop_docs.model.casus import MOVED_FIELDS, Casus
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.problems import pydantic_problem
from levensloop_docs.yamlio import YamlReadError, dump_yaml, line_of, load_yaml, read_text

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


def validate_raw(
    raw: Any, file: Path | None, vocab: Vocabularies | None = None, today: date | None = None
) -> tuple[Casus | None, list[Problem]]:
    """Validate parsed YAML; return the case (if valid) and every problem found."""
    from pydantic import ValidationError

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
        problems.append(Problem(file, problem.path, problem.message, line_of(raw, loc), problem.warning,
                                problem.rule))
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


def find_case_files(target: Path) -> list[Path]:
    """A case file itself, or every case file in a folder (drafts and hidden files skipped)."""
    if target.is_dir():
        return sorted(
            p for p in target.rglob("*")
            if p.suffix in CASE_SUFFIXES and p.is_file() and not _skipped(p, target)
        )
    return [target]


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
    write_text(path, text)
    return digest_text(text)


def _conflict(path: Path, message: str) -> ConflictError:
    detail = ""
    try:
        stat = path.stat()
        changed = datetime.fromtimestamp(stat.st_mtime)
        detail = _("Last change: {when}, file owner {owner}.").format(
            when=f"{format_date(changed.date())} {changed:%H:%M}", owner=_owner(stat.st_uid)
        )
    except OSError:
        pass
    return ConflictError(message.format(file=path.name), hint=detail or None)


def _owner(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return str(uid)


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
    seen: dict[str, Path] = {}
    problems = []
    for cf in files:
        cid = cf.casus.meta.casus_id
        if cid in seen:
            msg = _("Case id {id} is also used in {other}. Every case needs its own id.")
            problems.append(Problem(cf.path, "meta.casus_id", msg.format(id=cid, other=seen[cid].name)))
        else:
            seen[cid] = cf.path
    return problems
