"""Plan history: every vastgestelde version of a case, kept beside the case file.

Design: when a new plan version is set (``levensloop evaluatie``), the file as it was
(version N) is copied, byte for byte, to ``CASE.geschiedenis/vN.yaml`` beside
``CASE.yaml`` (atomically, owner-only, folder 0700). An archived version is a complete
case file: its ``meta`` says the version, the date it was set and who agreed, and it
can be read, checked and rendered like any case (``genereer CASE --versie N``). The
current file is always the newest version; the folder is skipped when a batch looks
for case files, and the batch manifest counts it as input of the case's documents.

Tamper evidence: an archived file starts with one comment line (so it stays a valid case
file) that names its case and version and carries two hashes: ``inhoud``, the SHA-256 of
the rest of the file, and ``vorige``, the SHA-256 of the whole previous archived file
(``-`` for the first). A changed byte breaks the version's own hash; a removed, swapped or
replaced version breaks the next one's link (``verify_history``, run by ``controleer``).
Files archived before this line existed have none: the chain starts at the first version
that has one (``controleer`` says so as a note), and that version's link still covers the
whole legacy file before it. A history file is never trusted by its name: its case id and
version must be what the name says (``check_version``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from levensloop_docs.errors import InputError, Problem, UsageError
from levensloop_docs.filehash import sha256_file
from levensloop_docs.i18n import _, format_list

HISTORY_SUFFIX = ".geschiedenis"
_VERSION_FILE = re.compile(r"^v(\d+)\.yaml$")
HEADER_MARK = "# levensloop-geschiedenis:"
_HEADER = re.compile(
    r"^# levensloop-geschiedenis: casus=(?P<casus>\S+) versie=(?P<versie>\d+) "
    r"inhoud=(?P<inhoud>[0-9a-f]{64}) vorige=(?P<vorige>[0-9a-f]{64}|-)\r?\n"
)
NO_PREVIOUS = "-"


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


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_archived(path: Path) -> str:
    """An archived file's text; a byte that is no UTF-8 reads as U+FFFD, so its hash fails."""
    return path.read_bytes().decode("utf-8", errors="replace")


def split_header(text: str) -> tuple[dict[str, str] | None, str]:
    """(the header's fields, or None for a file without one; the case text after it)."""
    found = _HEADER.match(text)
    if found is None:
        return None, text
    return found.groupdict(), text[found.end():]


def header_line(case_id: str, number: int, body: str, previous: str) -> str:
    return (f"{HEADER_MARK} casus={case_id} versie={number} inhoud={sha256_text(body)} "
            f"vorige={previous}\n")


def archive_text(case_path: Path, number: int, text: str) -> Path:
    """Keep version ``number`` (the text of the case file) in the history folder.

    The file is the case text behind a header line with the case id, the version and the
    hashes (module docstring). An existing archive of the same number is never overwritten
    with something else: the version was set, and what was set stays as it was.
    """
    from levensloop_docs.atomic import ensure_dir, write_text

    target = version_path(case_path, number)
    _old, body = split_header(text)  # a case restored from an archive: its old header goes
    if target.exists():
        if split_header(target.read_text(encoding="utf-8"))[1] == body:
            return target
        msg = _("{file}: version {n} is already in the history with other content; nothing was "
                "overwritten.").format(file=target, n=number)
        raise InputError(msg, hint=_("Raise meta.planversie of the case, or move the old file away."))
    earlier = previous_version(case_path, number)
    previous = sha256_file(earlier) if earlier is not None else NO_PREVIOUS
    ensure_dir(target.parent)
    write_text(target, header_line(_case_id(body, case_path), number, body, previous) + body)
    return target


def _case_id(body: str, case_path: Path) -> str:
    from levensloop_docs.case.casefile import load_case

    found = re.search(r"^\s*casus_id:\s*['\"]?([^'\"#\s]+)", body, re.MULTILINE)
    return found.group(1) if found else load_case(case_path).casus.meta.casus_id


def load_version(case_path: Path, number: int) -> Path:
    """The file of version ``number``: the case itself when it is the current version."""
    from levensloop_docs.case.casefile import load_case

    meta = load_case(case_path).casus.meta
    current = meta.planversie
    if number == current:
        return case_path
    path = version_path(case_path, number)
    if not path.exists():
        known = ", ".join(str(n) for n in [*archived_numbers(case_path), current])
        msg = _("Version {n} of this case is not in the history. Versions: {known}.")
        raise UsageError(msg.format(n=number, known=known))
    wrong = check_version(path, meta.casus_id, number)
    if wrong:
        raise InputError(wrong[0].describe(), hint=_(
            "Put the right version back from a backup, or run 'levensloop controleer' on the "
            "case to see the whole history."))
    return path


def check_version(path: Path, case_id: str, number: int) -> list[Problem]:
    """Is ``path`` version ``number`` of case ``case_id``? Checked by its content, not its name.

    A link (symlink) is refused: a version is a file of its own. The header, when there is
    one, must name the same case and version and match the text after it.
    """
    from levensloop_docs.case.casefile import read_case

    if path.is_symlink():
        return [Problem(path, "", _("This history file is a link to another file; a plan version must "
                                     "be a file of its own."))]
    header, body = split_header(read_archived(path))
    meta = read_case(path).casus.meta
    problems = identity_problems(path, (meta.casus_id, meta.planversie), case_id, number)
    if header is not None:
        problems += identity_problems(path, (header["casus"], int(header["versie"])), case_id, number)
    if header is not None and header["inhoud"] != sha256_text(body):
        msg = _("Version {version} does not match its own hash: it was changed after it was archived.")
        problems.append(Problem(path, "", msg.format(version=number)))
    # the header and the meta saying the same wrong thing: once
    return list({(p.path, p.message): p for p in problems}.values())


def identity_problems(path: Path, holds: tuple[str, int], case_id: str, number: int) -> list[Problem]:
    """``holds`` (case id, version) of an archived file against what its place says it is."""
    problems = []
    if holds[0] != case_id:
        msg = _("This history file belongs to another case ({other}), not to {case}.")
        problems.append(Problem(path, "meta.casus_id", msg.format(other=holds[0], case=case_id)))
    if holds[1] != number:
        msg = _("This file is named version {version} but holds version {other}.")
        problems.append(Problem(path, "meta.planversie", msg.format(version=number, other=holds[1])))
    return problems


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


@dataclass
class HistoryCheck:
    """What ``controleer`` says about a case's history: problems (errors, warnings) and notes."""

    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def verify_history(case_path: Path, case_id: str, current: int) -> HistoryCheck:
    """The history folder of a case: names, ids, versions, order, gaps, and the hash chain.

    The chain is followed up to its first broken link, which is named (file and version);
    versions archived before the chain existed are a note, not an error.
    """
    out = HistoryCheck()
    folder = history_dir(case_path)
    if not folder.exists():
        return out
    if not folder.is_dir():
        out.problems.append(Problem(folder, "", _("This should be the folder with the earlier plan "
                                                  "versions, but it is a file.")))
        return out
    out.problems.extend(_folder_problems(case_path, current))
    _chain(case_path, case_id, out)
    return out


def _folder_problems(case_path: Path, current: int) -> list[Problem]:
    """Files that are no version, versions at or past the case's own, and gaps."""
    folder, found = history_dir(case_path), []
    for other in sorted(p for p in folder.iterdir() if not _VERSION_FILE.match(p.name)):
        if not other.name.startswith("."):
            found.append(Problem(other, "", _("This is no plan version (v1.yaml, v2.yaml, ...) and is "
                                              "ignored."), warning=True))
    numbers = archived_numbers(case_path)
    for n in (n for n in numbers if n >= current):
        msg = _("Version {version} is in the history, but the case itself is version {current}: the "
                "history cannot hold the current version or a later one.")
        found.append(Problem(version_path(case_path, n), "", msg.format(version=n, current=current)))
    missing = [n for n in range(1, current) if n not in numbers]
    if numbers and missing:
        msg = _("Versions missing from the history: {missing}.")
        found.append(Problem(folder, "", msg.format(missing=format_list(str(n) for n in missing)),
                             warning=True))
    return found


def _chain(case_path: Path, case_id: str, out: HistoryCheck) -> None:
    """Each version's id, number and own hash, and its link to the one before, oldest first."""
    from levensloop_docs.errors import CaseFileError

    previous: Path | None = None
    legacy: list[int] = []
    chained: int | None = None
    for n in archived_numbers(case_path):
        path = version_path(case_path, n)
        try:
            out.problems.extend(check_version(path, case_id, n))
        except CaseFileError as exc:
            out.problems.extend(exc.problems)
        broken = _link(path, n, previous, chained is not None)
        if broken is not None:
            out.problems.append(broken)
            return  # the first broken link; what follows it cannot be trusted either way
        if split_header(read_archived(path))[0] is None:
            legacy.append(n)
        elif chained is None:
            chained = n
        previous = path
    if legacy:
        folder = history_dir(case_path)
        if chained is None:
            note = _("{folder}: the plan versions were archived before the hash chain; from the next "
                     "evaluation on, each version is chained.")
        else:
            note = _("{folder}: versions {legacy} were archived before the hash chain; the chain starts "
                     "at version {first}.")
        out.notes.append(note.format(folder=folder, legacy=format_list(str(n) for n in legacy),
                                     first=chained))


def _link(path: Path, number: int, previous: Path | None, started: bool) -> Problem | None:
    """Does version ``number`` follow on the version before it (None: it does)?"""
    header, _body = split_header(read_archived(path))
    if header is None:
        if not started:
            return None
        msg = _("Version {version} has no hash line while the versions before it have one: it was replaced "
                "after it was archived.")
        return Problem(path, "", msg.format(version=number))
    expected = sha256_file(previous) if previous is not None else NO_PREVIOUS
    if header["vorige"] == expected:
        return None
    if previous is None:
        msg = _("Version {version} says a version came before it, but there is none in the history: an "
                "earlier version was removed.")
        return Problem(path, "", msg.format(version=number))
    msg = _("Version {version} does not follow on version {m}: one of the two was changed, removed or "
            "replaced after version {version} was archived.")
    return Problem(path, "", msg.format(version=number, m=previous.stem[1:]))
