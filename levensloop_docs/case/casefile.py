"""Case files on disk: read, validate with every problem at once, and save in place.

A case file is one YAML file. Reading keeps the round-trip document (comments,
key order, line numbers) so that messages can name the line and a save changes
only what changed. Saving is atomic and owner-only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.atomic import write_text
from levensloop_docs.case.rules import Loc, case_problems, format_loc, reference_problems
from levensloop_docs.errors import CaseFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
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


def _messages() -> dict[str, str]:
    return {
        "missing": _("This field is missing."),
        "extra_forbidden": _("Unknown field. Check the spelling, or remove it."),
        "string_type": _("Expected a text."),
        "string_too_short": _("This field may not be empty."),
        "int_type": _("Expected a whole number."),
        "int_parsing": _("Expected a whole number."),
        "int_from_float": _("Expected a whole number."),
        "bool_type": _("Expected ja or nee (true or false)."),
        "bool_parsing": _("Expected ja or nee (true or false)."),
        "list_type": _("Expected a list (lines that start with '- ')."),
        "model_type": _("Expected a section with fields (key: value)."),
        "model_attributes_type": _("Expected a section with fields (key: value)."),
        "dict_type": _("Expected a section with fields (key: value)."),
        "date_type": _("Expected a date."),
        "none_required": _("This field must stay empty."),
    }


def pydantic_problem(error: Mapping[str, Any], file: Path | None, raw: Any) -> Problem:
    """Turn one pydantic error into a Dutch Problem; no input value is echoed (privacy)."""
    kind = error["type"]
    raw_loc = tuple(error["loc"])
    if kind == "invalid_key":  # the key itself is wrong (a number, null, a list): name its section
        raw_loc = raw_loc[:-1]
    loc: Loc = tuple(p for p in raw_loc if isinstance(p, int) or str(p).isidentifier())
    ctx = error.get("ctx") or {}
    if kind == "invalid_key":
        message = _("A field name here is not a word (but a number, a list or empty). Check the names.")
    elif kind in ("vocab", "invalid"):
        message = str(error["msg"])
    elif kind == "literal_error":
        message = _("Choose one of: {allowed}.").format(allowed=ctx.get("expected", ""))
    elif kind in ("greater_than_equal", "greater_than"):
        message = _("The number must be at least {limit}.").format(limit=ctx.get("ge", ctx.get("gt")))
    elif kind in ("less_than_equal", "less_than"):
        message = _("The number must be at most {limit}.").format(limit=ctx.get("le", ctx.get("lt")))
    else:
        message = _messages().get(kind, _("This value is not valid here."))
    return Problem(file, format_loc(loc), message, line=line_of(raw, loc))


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
        problems.extend(pydantic_problem(e, file, raw) for e in exc.errors())
    found = reference_problems(raw, file)
    if casus is not None:
        found += case_problems(casus, vocab, today)
    for loc, problem in found:
        problems.append(Problem(file, problem.path, problem.message, line_of(raw, loc), problem.warning))
    return casus, problems


def load_case(path: Path, vocab: Vocabularies | None = None, today: date | None = None) -> CaseFile:
    """Read and validate one case file; raise CaseFileError listing every problem."""
    try:
        text = read_text(path)
        raw = load_yaml(path)
    except YamlReadError as exc:
        raise CaseFileError(problems=[exc.problem], summary=_("The case file cannot be read.")) from None
    casus, problems = validate_raw(raw, path, vocab, today)
    errors = [p for p in problems if not p.warning]
    if errors or casus is None:
        raise CaseFileError(
            problems=problems,
            summary=_("The case file is not valid ({n} problems).").format(n=len(errors)),
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


def save_case(path: Path, casus: Casus, raw: Any = None) -> str:
    """Write ``casus`` to ``path`` atomically, keeping comments of ``raw``; return the digest."""
    from ruamel.yaml.comments import CommentedMap

    data = case_to_data(casus)
    document = merge_into(raw if raw is not None else CommentedMap(), data)
    text = dump_yaml(document)
    write_text(path, text)
    return digest_text(text)


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
