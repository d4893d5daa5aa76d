"""A region's own templates: start one from the shipped template, and see what an update changed.

``copy_template`` puts a shipped template into the region's folder and records where it
came from (``herkomst.yaml``: program version, template version, date) with a copy of the
shipped file as it was (``.herkomst/``). ``changes`` compares that copy with the template
the program ships now, as readable text (paragraphs and table rows, not XML) and as the
fields (``{{ }}``/``{% %}``) added and dropped, so the administrator can carry an update
into the Word file. Like copier's ``update``, but shown, not merged: Word XML is not merged.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs import __version__, resources
from levensloop_docs.errors import UsageError
from levensloop_docs.filehash import sha256_file
from levensloop_docs.i18n import _

RECORD = "herkomst.yaml"  # per copied template: where it came from
ORIGINALS = ".herkomst"  # the shipped file as it was copied
FIELD = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}|\{%-?\s*(.*?)\s*-?%\}")


@dataclass(frozen=True)
class Origin:
    """What a template in the region's folder was copied from."""

    program: str
    version: str  # the template version in documenten.yaml then ("" for an include or a leaflet)
    copied: str  # the date, as text
    sha256: str


@dataclass
class Change:
    """One template in the region's folder, against the template the program ships now."""

    relative: str
    origin: Origin | None
    shipped_exists: bool
    changed: bool = False
    lines: list[str] = field(default_factory=list)  # '- old' and '+ new', readable text
    fields_added: list[str] = field(default_factory=list)
    fields_dropped: list[str] = field(default_factory=list)


def resolve_name(name: str) -> tuple[str, str]:
    """``levensloopplan`` or ``plan/levensloopplan.docx`` -> (relative path, template version)."""
    from levensloop_docs.run.documents import registry
    from levensloop_docs.templatefolders import template_relative

    shipped, types = resources.shipped_templates_dir(), registry()
    doc = types.get(name)
    relative = template_relative(doc.template) if doc else name.replace("\\", "/").strip("/")
    if relative and ".." not in relative.split("/") and (shipped / relative).is_file():
        versions = [d.version for d in types.values() if template_relative(d.template) == relative]
        return relative, versions[0] if versions else ""
    msg = _("There is no template '{name}'. Name a document ({known}) or a file under {folder}.")
    raise UsageError(msg.format(name=name, known=", ".join(types), folder=shipped))


def read_origins(folder: Path) -> dict[str, Origin]:
    from levensloop_docs.yamlio import load_yaml

    path = folder / RECORD
    if not path.is_file():
        return {}
    data = load_yaml(path) or {}
    out: dict[str, Origin] = {}
    for relative, entry in data.items() if isinstance(data, dict) else ():
        if isinstance(entry, dict):
            out[str(relative)] = Origin(str(entry.get("programma", "")), str(entry.get("versie", "")),
                                        str(entry.get("gekopieerd", "")), str(entry.get("sha256", "")))
    return out


def _write_origins(folder: Path, origins: dict[str, Origin]) -> None:
    import json

    from levensloop_docs.atomic import write_text

    note = _("Written by levensloop sjablonen kopieer: where each own template came from.")
    lines = ["# " + note]
    for relative in sorted(origins):
        o = origins[relative]
        lines += [f"{json.dumps(relative)}:", f"  programma: {json.dumps(o.program)}",
                  f"  versie: {json.dumps(o.version)}", f"  gekopieerd: {json.dumps(o.copied)}",
                  f"  sha256: {json.dumps(o.sha256)}"]
    write_text(folder / RECORD, "\n".join(lines) + "\n")


def copy_template(name: str, folder: Path, today: date, *, overwrite: bool = False) -> tuple[Path, Origin]:
    """Copy the shipped template ``name`` into ``folder`` and record its origin."""
    from levensloop_docs.atomic import ensure_dir, write_bytes

    relative, version = resolve_name(name)
    source = resources.shipped_templates_dir() / relative
    target = folder / relative
    if target.exists() and not overwrite:
        msg = _("{target} already exists: it may hold the region's own changes. Choose another folder, "
                "or add --overschrijf to start again from the shipped template.")
        raise UsageError(msg.format(target=target))
    data = source.read_bytes()
    ensure_dir(target.parent)
    write_bytes(target, data)
    original = folder / ORIGINALS / relative
    ensure_dir(original.parent)
    write_bytes(original, data)
    origin = Origin(__version__, version, today.isoformat(), hashlib.sha256(data).hexdigest())
    origins = read_origins(folder)
    origins[relative] = origin
    _write_origins(folder, origins)
    from levensloop_docs.run.documents import registry

    registry.cache_clear()  # the registry resolved each template when it was read
    return target, origin


def overridden(folder: Path) -> list[str]:
    """The templates in the region's folder (relative paths), without the origin records."""
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and not relative.startswith(ORIGINALS + "/") and relative != RECORD:
            out.append(relative)
    return out


def unused(folder: Path) -> list[str]:
    """Files in the region's folder that replace no shipped template (a typo in a name?)."""
    shipped = resources.shipped_templates_dir()
    handreiking = re.compile(r"^handreiking/[^/]+/[^/]+\.md$")  # a region's own chapter is meant
    return [r for r in overridden(folder) if not (shipped / r).is_file() and not handreiking.match(r)]


def readable_text(path: Path) -> list[str]:
    """A template as lines a person reads: paragraphs, and table rows with ' | ' between cells."""
    if path.suffix.lower() != ".docx":
        return [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    from docx import Document

    doc = Document(str(path))
    lines: list[str] = []
    for section in doc.sections:
        lines += _block_lines(section.header)
    lines += _block_lines(doc)
    for section in doc.sections:
        lines += _block_lines(section.footer)
    return lines


def _block_lines(container: Any) -> list[str]:
    """Paragraphs and table rows of a body, header or footer, in order (python-docx 1.1)."""
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            if item.text.strip():
                lines.append(item.text.strip())
            continue
        for row in item.rows:
            seen: list[Any] = []
            cells = []
            for cell in row.cells:
                if cell._tc not in seen:  # a merged cell once
                    seen.append(cell._tc)
                    cells.append(cell.text.strip().replace("\n", " / "))
            if any(cells):
                lines.append(" | ".join(cells))
    return lines


def fields(lines: list[str]) -> set[str]:
    return {" ".join((m.group(1) or m.group(2)).split()) for line in lines for m in FIELD.finditer(line)}


def compare(relative: str, origin: Origin | None, original: Path, shipped: Path) -> Change:
    """What the shipped template changed since ``original`` (the copy it was made from)."""
    change = Change(relative, origin, shipped.is_file())
    if origin is None or not original.is_file() or not shipped.is_file():
        return change
    if sha256_file(shipped) == sha256_file(original):
        return change
    before, after = readable_text(original), readable_text(shipped)
    change.changed = True
    for line in difflib.unified_diff(before, after, lineterm="", n=0):
        if line.startswith(("---", "+++", "@@")):
            continue
        change.lines.append(line[0] + " " + line[1:])
    change.fields_added = sorted(fields(after) - fields(before))
    change.fields_dropped = sorted(fields(before) - fields(after))
    return change


def changes(folder: Path) -> list[Change]:
    """Per template in the region's folder: what the shipped one changed since it was copied."""
    origins = read_origins(folder)
    shipped = resources.shipped_templates_dir()
    return [compare(r, origins.get(r), folder / ORIGINALS / r, shipped / r) for r in overridden(folder)]
