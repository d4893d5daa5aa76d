"""Plan history: every vastgestelde version of a case, kept beside the case file.

Design: when a new plan version is set (``levensloop evaluatie``), the file as it was
(version N) is copied, byte for byte, to ``CASE.geschiedenis/vN.yaml`` beside
``CASE.yaml`` (atomically, owner-only, folder 0700). An archived version is a complete
case file: its ``meta`` says the version, the date it was set and who agreed, and it
can be read, checked and rendered like any case (``genereer CASE --versie N``). The
current file is always the newest version; the folder is skipped when a batch looks
for case files, and the batch manifest counts it as input of the case's documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from levensloop_docs.errors import InputError, UsageError
from levensloop_docs.i18n import _

HISTORY_SUFFIX = ".geschiedenis"
_VERSION_FILE = re.compile(r"^v(\d+)\.yaml$")


@dataclass(frozen=True)
class Version:
    """One archived version as the history lists it."""

    number: int
    path: Path
    vastgesteld: date | None
    akkoord: tuple[str, ...]


def history_dir(case_path: Path) -> Path:
    """``LLA-1.geschiedenis`` beside ``LLA-1.yaml``; an archived file's own folder for itself."""
    if case_path.parent.name.endswith(HISTORY_SUFFIX):
        return case_path.parent
    return case_path.with_name(case_path.stem + HISTORY_SUFFIX)


def version_path(case_path: Path, number: int) -> Path:
    return history_dir(case_path) / f"v{number}.yaml"


def archived_numbers(case_path: Path) -> list[int]:
    folder = history_dir(case_path)
    if not folder.is_dir():
        return []
    found = (_VERSION_FILE.match(p.name) for p in folder.iterdir())
    return sorted(int(m.group(1)) for m in found if m)


def history_files(case_path: Path) -> list[Path]:
    """The archived files, oldest first (the batch hashes them with the case)."""
    return [version_path(case_path, n) for n in archived_numbers(case_path)]


def archive_text(case_path: Path, number: int, text: str) -> Path:
    """Keep version ``number`` (the text of the case file) in the history folder.

    An existing archive of the same number is never overwritten with something else: the
    version was set, and what was set stays as it was.
    """
    from levensloop_docs.atomic import ensure_dir, write_text

    target = version_path(case_path, number)
    if target.exists():
        if target.read_text(encoding="utf-8") == text:
            return target
        msg = _("{file}: version {n} is already in the history with other content; nothing was "
                "overwritten.").format(file=target, n=number)
        raise InputError(msg, hint=_("Raise meta.planversie of the case, or move the old file away."))
    ensure_dir(target.parent)
    write_text(target, text)
    return target


def load_version(case_path: Path, number: int) -> Path:
    """The file of version ``number``: the case itself when it is the current version."""
    from levensloop_docs.case.casefile import load_case

    current = load_case(case_path).casus.meta.planversie
    if number == current:
        return case_path
    path = version_path(case_path, number)
    if not path.exists():
        known = ", ".join(str(n) for n in [*archived_numbers(case_path), current])
        msg = _("Version {n} of this case is not in the history. Versions: {known}.")
        raise UsageError(msg.format(n=number, known=known))
    return path


def versions(case_path: Path) -> list[Version]:
    """Every archived version with its date and who agreed (for the verslag and the diff)."""
    from levensloop_docs.case.casefile import load_case

    out = []
    for path in history_files(case_path):
        meta = load_case(path).casus.meta
        out.append(Version(meta.planversie, path, meta.vastgesteld, tuple(a.wie for a in meta.akkoord)))
    return out


def previous_version(case_path: Path, number: int) -> Path | None:
    """The newest archived version before ``number``, if any."""
    earlier = [n for n in archived_numbers(case_path) if n < number]
    return version_path(case_path, earlier[-1]) if earlier else None
