"""Fingerprints of everything an output is made from, computed once per run.

- data: every file under the data folder (vocabularies, regions, policies, ...) and the
  Dutch catalogs (texts in documents); ``documenten.yaml`` is taken per entry instead
  (see ``document``), so a new entry or a version bump does not touch other documents;
- template: the template file and, for Markdown, every file it includes;
- document: every field of the registry entry (title, version, engine, context,
  ``lettergrootte``, ...), so raising ``versie`` makes that document's outputs again and no others;
- plan: what decides *which* outputs a case has (every entry's applicability, parameters
  and formats); ``selection_key`` adds ``--document`` and ``--formaat``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from levensloop_docs import __version__
from levensloop_docs.resources import data_dir, locales_dir
from levensloop_docs.run.documents import DocumentType


def _hash_files(paths: list[Path], root: Path | None = None) -> str:
    from levensloop_docs.templatefolders import template_relative

    digest = hashlib.sha256()
    for path in paths:
        # a template counts by its place under templates/, wherever it was found (own or shipped)
        name = path.relative_to(root).as_posix() if root else template_relative(path)
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_hash() -> str:
    """All data files and the compiled catalogs: a change in any of them makes everything again."""
    folder = data_dir()
    files = sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    catalogs = sorted((locales_dir() / "nl" / "LC_MESSAGES").glob("*.mo"))
    return hashlib.sha256(
        (_hash_files(files, folder) + _hash_files(catalogs)).encode("ascii")
    ).hexdigest()


def document_hash(doc: DocumentType) -> str:
    """Every field of the registry entry, so that a field added later cannot be forgotten.

    The template counts by its name (its content is ``Fingerprints.template``), so moving
    the templates folder does not make everything again.
    """
    entry = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    entry["template"] = doc.template.name
    return hashlib.sha256(json.dumps(entry, sort_keys=True, default=list).encode("utf-8")).hexdigest()


def plan_hash(types: dict[str, DocumentType]) -> str:
    """What decides which documents a case has: each entry's applicability, parameters, formats."""
    entries = [[n, t.applies, list(t.parameters), list(t.formats), t.on_request]
               for n, t in sorted(types.items())]
    return hashlib.sha256(json.dumps(entries).encode("utf-8")).hexdigest()


def selection_key(requested: list[str] | None, formats: tuple[str, ...] | None) -> str:
    """``--document`` and ``--formaat`` of a run, as the manifest records them."""
    return json.dumps([sorted(requested or []), list(formats or [])])


@dataclass
class Fingerprints:
    """The per-run fingerprints, with template hashes computed on first use."""

    data: str
    program: str = __version__
    _templates: dict[str, str] = field(default_factory=dict)
    _documents: dict[str, str] = field(default_factory=dict)

    def template(self, doc: DocumentType) -> str:
        found = self._templates.get(doc.name)
        if found is None:
            from levensloop_docs.run.templatecheck import template_inputs

            paths = template_inputs(doc)
            found = _hash_files(paths) if paths else "ontbreekt"
            self._templates[doc.name] = found
        return found

    def document(self, doc: DocumentType) -> str:
        found = self._documents.get(doc.name)
        if found is None:
            found = self._documents[doc.name] = document_hash(doc)
        return found
