"""The template check's result, kept per document until something it depends on changes.

The check (``templatecheck.check_templates``) reads the reference cases and walks every
template: about 1.6 s, paid by each ``genereer CASE`` before. Its outcome depends only on
the template (and what it includes), the document's definition, the program (the case
model, the context builders and the check itself), the data files and catalogs, the
reference cases and the day (dates decide which lists are empty). The hash of all of these
is the key; the outcome is kept in the user's cache folder (``cachedir.py``), so a run pays
for the check only when one of them changed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from levensloop_docs.errors import Problem
from levensloop_docs.run import templatecheck
from levensloop_docs.run.documents import DocumentType
from levensloop_docs.run.templatecheck import (
    check_document,
    context_shape,
    load_examples,
    template_inputs,
)

FILE = "sjablooncontrole.json"
KEEP = 400  # outcomes kept: every document of a few template versions


def _hash_files(paths: Sequence[Path], root: Path | None = None) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update((path.relative_to(root).as_posix() if root else str(path)).encode("utf-8") + b"\0")
        try:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            digest.update(b"-")  # missing or unreadable: the check itself says so
    return digest.hexdigest()


@cache
def _program_and_data() -> str:
    """The package's code (model, views, the check), its data files and the catalogs."""
    from levensloop_docs.resources import PACKAGE_DIR, data_dir, locales_dir

    code = sorted(p for p in PACKAGE_DIR.rglob("*.py") if "_gedeeld" not in p.parts)
    data = sorted(p for p in data_dir().rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    catalogs = sorted((locales_dir() / "nl" / "LC_MESSAGES").glob("*.mo"))
    return "|".join([_hash_files(code, PACKAGE_DIR), _hash_files(data, data_dir()), _hash_files(catalogs)])


def document_key(doc: DocumentType, common: str, parameters: Sequence[str]) -> str:
    entry = json.dumps(dataclasses.asdict(doc), default=str, sort_keys=True)
    inputs = template_inputs(doc)
    parts = [common, entry, str(doc.template), _hash_files(inputs),  # includes may be in several folders
             ",".join(sorted(parameters))]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def common_key(examples: Sequence[Path], today: date) -> str:
    return "|".join([_program_and_data(), _hash_files(sorted(examples)), today.isoformat()])


def _to_json(problem: Problem) -> dict[str, Any]:
    return {"file": str(problem.file) if problem.file else None, "path": problem.path,
            "message": problem.message, "line": problem.line, "warning": problem.warning}


def _from_json(data: Mapping[str, Any]) -> Problem:
    return Problem(Path(data["file"]) if data["file"] else None, str(data["path"]), str(data["message"]),
                   data["line"], bool(data["warning"]))


class CheckCache:
    """The kept outcomes, read once; ``save`` writes them back atomically (owner-only)."""

    def __init__(self, folder: Path | None = None) -> None:
        from levensloop_docs.cachedir import cache_dir

        self.path = (folder or cache_dir()) / FILE
        self.entries: dict[str, list[dict[str, Any]]] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            pass  # none yet, or damaged: the check runs and a new one is written

    def get(self, key: str) -> list[Problem] | None:
        found = self.entries.get(key)
        if not isinstance(found, list):
            return None
        try:
            return [_from_json(p) for p in found]
        except (KeyError, TypeError):
            return None

    def put(self, key: str, problems: Sequence[Problem]) -> None:
        self.entries.pop(key, None)
        self.entries[key] = [_to_json(p) for p in problems]  # newest last: the oldest go first

    def save(self) -> None:
        from levensloop_docs.atomic import ensure_dir, write_text

        kept = dict(list(self.entries.items())[-KEEP:])
        try:
            ensure_dir(self.path.parent)
            write_text(self.path, json.dumps(kept))
        except OSError:
            pass  # a cache that cannot be written only makes the next run slower


def checked_templates(
    types: Mapping[str, DocumentType], today: date | None = None,
    parameters: Mapping[str, Sequence[str]] | None = None, folder: Path | None = None,
    examples: Sequence[Path] | None = None,
) -> list[Problem]:
    """``check_templates(types, examples)``, from the cache where nothing changed; only the
    documents whose key is new are checked (and kept). ``examples``: the shipped ones."""
    today = today or date.today()
    # looked up at call time: where the reference cases are is decided by templatecheck
    examples = list(examples) if examples is not None else templatecheck.default_examples()
    common = common_key(examples, today)
    store = CheckCache(folder)
    keys = {name: document_key(doc, common, (parameters or {}).get(name, ())) for name, doc in types.items()}
    found: dict[str, list[Problem]] = {}
    for name, key in keys.items():
        kept = store.get(key)
        if kept is not None:
            found[name] = kept
    todo = {name: doc for name, doc in types.items() if name not in found}
    if todo:
        cases = load_examples(examples)
        for name, doc in todo.items():  # as check_templates does, each outcome kept on its own
            values = (parameters or {}).get(name, ())
            found[name] = check_document(doc, context_shape(doc, cases, today, values))
            store.put(keys[name], found[name])
        store.save()
    return [p for name in types for p in found[name]]
