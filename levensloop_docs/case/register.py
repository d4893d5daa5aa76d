"""The disclosure register of a case: which document went to whom, when, and on what basis.

Design: one file beside the case file, ``CASE.verstrekkingen.jsonl`` (owner-only), one JSON
object per line. JSON Lines rather than a YAML list because an entry is added by writing one
more line: the lines already there are never parsed and written again, so their bytes (and
the hashes over them) stay exactly as they were, and a reader (``jq``, a spreadsheet import,
a script of the privacy officer) needs no YAML. Each line carries ``hash``, the SHA-256 of
its own content, and ``vorige``, the ``hash`` of the line before: a changed byte breaks the
entry's own hash, a removed or reordered line breaks the link (``verify_register``).

The file is only ever extended. A document made again with the same content (same case
file, same document and version, same audience, basis and groups, same file name) adds a
short ``herhaling`` line pointing at the first; ``read_register`` folds those into a count,
so the register shows one disclosure made N times, and the count is still append-only.
The file is written whole through ``atomic.py`` (temporary file, rename), under a lock file
beside it, so two programs adding at once never lose a line.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from levensloop_docs.errors import ConflictError
from levensloop_docs.i18n import _, ngettext

REGISTER_SUFFIX = ".verstrekkingen.jsonl"
REGISTER_ENV = "LEVENSLOOP_VERSTREKKINGEN"
HISTORY_SUFFIX = ".geschiedenis"  # the same as case/history.py; kept here so history may import this
DISCLOSURE, REPEAT = "verstrekking", "herhaling"
LOCK_WAIT = 10.0  # seconds: a batch worker of the same case finishes its line well before this


@dataclass(frozen=True)
class Verstrekking:
    """One disclosure as the register shows it: the first time it was made, and how often.

    ``data`` is the whole stored entry (every field below and the hashes); the typed fields
    are what the table, the client letter and the inzage print.
    """

    nummer: int
    tijd: str  # ISO 8601 with time zone, of the first time
    document: str  # the manifest name: partner, crisiskaart, signaleringsplan, ...
    parameter: str | None
    titel: str
    versie: str  # the template version
    planversie: int
    publiek: dict[str, Any]  # soort (partner, client, regio), sleutel, label, partners [{id, organisatie}]
    grondslag: dict[str, Any]  # soort, route, label, sinds, titels [{titel, label, einde}], reikwijdte
    gedeeld: dict[str, str]  # group key -> label, as the policy named it then, in its order
    weggelaten: dict[str, str]
    bestand: str
    sha256: str
    gemaakt_door: str
    programma: str
    aantal: int = 1
    laatst: str = ""  # the last time it was made again ("" when made once)
    data: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class BrokenLink:
    """The first place where the register is not as it was written."""

    path: Path
    line: int  # 1-based
    message: str


def case_of(path: Path) -> Path:
    """The case file a path belongs to: an archived ``X.geschiedenis/vN.yaml`` belongs to ``X.yaml``."""
    if path.parent.name.endswith(HISTORY_SUFFIX):
        folder = path.parent
        return folder.with_name(folder.name[: -len(HISTORY_SUFFIX)] + ".yaml")
    return path


def register_path(case_path: Path) -> Path:
    """``LLA-1.verstrekkingen.jsonl`` beside ``LLA-1.yaml`` (also for an archived version of it).

    ``LEVENSLOOP_VERSTREKKINGEN`` (a folder) keeps every register there instead: the test
    suite renders the bundled examples without writing beside them.
    """
    case = case_of(case_path)
    elsewhere = os.environ.get(REGISTER_ENV)
    if elsewhere:
        return Path(elsewhere) / (case.stem + REGISTER_SUFFIX)
    return case.with_name(case.stem + REGISTER_SUFFIX)


def entry_hash(entry: dict[str, Any]) -> str:
    """SHA-256 over the entry without its own ``hash``, in one fixed JSON form."""
    body = {k: v for k, v in entry.items() if k != "hash"}
    return hashlib.sha256(_canonical(body).encode("utf-8")).hexdigest()


def _canonical(entry: dict[str, Any]) -> str:
    return json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _split(data: bytes) -> list[str]:
    """The lines that hold something; a byte that is no UTF-8 reads as U+FFFD (its hash then fails)."""
    return [line for line in data.decode("utf-8", errors="replace").split("\n") if line.strip()]


def _lines(path: Path) -> list[str]:
    return _split(_read(path))


def raw_entries(case_path: Path) -> list[dict[str, Any]]:
    """Every stored line as written (disclosures and repeats), oldest first; unreadable lines skipped."""
    out = []
    for line in _lines(register_path(case_path)):
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            out.append(entry)
    return out


def read_register(case_path: Path) -> list[Verstrekking]:
    """The register of the case at ``case_path``: one item per disclosure, repeats counted.

    An empty list when nothing was disclosed yet (no register file). Use ``verify_register``
    to know whether the file is intact; this function reads what is there.
    """
    firsts: dict[int, dict[str, Any]] = {}
    counts: dict[int, tuple[int, str]] = {}
    for entry in raw_entries(case_path):
        soort = entry.get("soort")
        if soort == DISCLOSURE and isinstance(entry.get("nummer"), int):
            firsts[entry["nummer"]] = entry
        elif soort == REPEAT and entry.get("herhaling_van") in firsts:
            n, _last = counts.get(entry["herhaling_van"], (1, ""))
            counts[entry["herhaling_van"]] = (n + 1, str(entry.get("tijd", "")))
    return [_item(e, *counts.get(n, (1, ""))) for n, e in firsts.items()]


def as_verstrekking(entry: dict[str, Any]) -> Verstrekking:
    """One stored disclosure entry (with its ``nummer``) as the register shows it, made once."""
    return _item(entry, 1, "")


def _item(e: dict[str, Any], aantal: int, laatst: str) -> Verstrekking:
    return Verstrekking(
        nummer=int(e["nummer"]), tijd=str(e.get("tijd", "")), document=str(e.get("document", "")),
        parameter=e.get("parameter"), titel=str(e.get("titel", "")), versie=str(e.get("versie", "")),
        planversie=int(e.get("planversie", 0) or 0), publiek=dict(e.get("publiek") or {}),
        grondslag=dict(e.get("grondslag") or {}), gedeeld=_pairs(e.get("gedeeld")),
        weggelaten=_pairs(e.get("weggelaten")), bestand=str(e.get("bestand", "")),
        sha256=str(e.get("sha256", "")), gemaakt_door=str(e.get("gemaakt_door", "")),
        programma=str(e.get("programma", "")), aantal=aantal, laatst=laatst, data=e,
    )


def _pairs(value: Any) -> dict[str, str]:
    """Groups as stored: [[key, label], ...] in the policy's order (or a key -> label object)."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    return {str(p[0]): str(p[1]) for p in value or [] if isinstance(p, list) and len(p) == 2}


def record(case_path: Path, entry: dict[str, Any], same_as: str) -> dict[str, Any]:
    """Add one disclosure (``entry``: every field but nummer, soort and the hashes).

    ``same_as`` identifies its content (``inhoud``): when an earlier disclosure has the same,
    a ``herhaling`` line is added instead, with this time, file hash and maker. Returns the
    line written.
    """
    return record_many(case_path, [(entry, same_as)])[0]


def record_many(case_path: Path, entries: list[tuple[dict[str, Any], str]]) -> list[dict[str, Any]]:
    """``record`` for several files of one document at once: one write (and one flush to disk)."""
    path = register_path(case_path)
    written: list[dict[str, Any]] = []
    with _locked(path) as lock:
        old = _read(path)
        lines = _split(old)
        for entry, same_as in entries:
            stored = _stored(lines, entry, same_as)
            lines.append(_canonical(stored))
            written.append(stored)
        # the bytes already there stay exactly as they are, whatever they hold: only appended to
        new = "".join(_canonical(x) + "\n" for x in written).encode("utf-8")
        _write(path, (old if not old or old.endswith(b"\n") else old + b"\n") + new)
        _write_head(lock, len(lines), str(written[-1]["hash"]) if written else _last_hash(lines))
    return written


def head_path(case_path: Path) -> Path:
    """The lock file beside the register; it also holds the head: how many lines, and the last hash.

    A line removed from the end keeps the chain whole; the head, written after each addition,
    still names the last line, so ``verify_register`` finds the removal.
    """
    path = register_path(case_path)
    return path.with_name(f".{path.name}.lock")


def _write_head(fd: int, count: int, last: str) -> None:
    # best effort and without a flush to disk: a head that lags after a crash asks less, never more
    os.lseek(fd, 0, os.SEEK_SET)
    data = f"{count} {last}\n".encode("ascii")
    os.write(fd, data)
    os.ftruncate(fd, len(data))


def _read_head(case_path: Path) -> tuple[int, str] | None:
    try:
        count, last = head_path(case_path).read_text(encoding="ascii").split()
        return int(count), last
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _stored(lines: list[str], entry: dict[str, Any], same_as: str) -> dict[str, Any]:
    existing = _first_with(lines, same_as)
    if existing is None:
        stored = {**entry, "soort": DISCLOSURE, "inhoud": same_as,
                  "nummer": 1 + sum(1 for x in _parsed(lines) if x.get("soort") == DISCLOSURE)}
    else:
        stored = {"soort": REPEAT, "herhaling_van": existing, "tijd": entry.get("tijd", ""),
                  "bestand": entry.get("bestand", ""), "sha256": entry.get("sha256", ""),
                  "gemaakt_door": entry.get("gemaakt_door", ""), "programma": entry.get("programma", "")}
    stored["vorige"] = _last_hash(lines)
    stored["hash"] = entry_hash(stored)
    return stored


def _last_hash(lines: list[str]) -> str:
    """The hash of the last line; of its text when it no longer reads (controleer names that line)."""
    if not lines:
        return ""
    last = next(_parsed(lines[-1:]), None)
    if last is not None and isinstance(last.get("hash"), str):
        return str(last["hash"])
    return hashlib.sha256(lines[-1].encode("utf-8")).hexdigest()


def _parsed(lines: list[str]) -> Iterator[dict[str, Any]]:
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            yield entry


def _first_with(lines: list[str], same_as: str) -> int | None:
    for entry in _parsed(lines):
        if entry.get("soort") == DISCLOSURE and entry.get("inhoud") == same_as:
            return int(entry["nummer"])
    return None


def _write(path: Path, data: bytes) -> None:
    from levensloop_docs.atomic import write_bytes

    write_bytes(path, data)


@contextmanager
def _locked(path: Path) -> Iterator[int]:
    """One writer at a time: an exclusive lock on a hidden file beside the register (its head)."""
    from levensloop_docs.atomic import ensure_dir
    from levensloop_docs.platform_os import try_lock

    lock = ensure_dir(path.parent) / f".{path.name}.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        deadline = time.monotonic() + LOCK_WAIT
        while not try_lock(fd):
            if time.monotonic() > deadline:
                msg = _("{file}: another program is adding to this disclosure register; try again "
                        "in a moment.").format(file=path.name)
                raise ConflictError(msg)
            time.sleep(0.05)
        yield fd
    finally:
        os.close(fd)


def verify_register(case_path: Path, case_id: str | None = None) -> BrokenLink | None:
    """The first line whose own hash, link to the line before, number or case is wrong (None: intact)."""
    path = register_path(case_path)
    previous, number = "", 0
    firsts: set[int] = set()
    for i, line in enumerate(_lines(path), start=1):
        try:
            entry = json.loads(line)
        except ValueError:
            return BrokenLink(path, i, _("entry {line} cannot be read (it is no longer valid JSON): "
                                         "it was changed after it was written.").format(line=i))
        # the hash covers the content; the exact form (no added space, no other order) is checked too
        if not isinstance(entry, dict) or entry.get("hash") != entry_hash(entry) or line != _canonical(entry):
            return BrokenLink(path, i, _("entry {line} does not match its own hash: it was changed "
                                         "after it was written.").format(line=i))
        if entry.get("vorige") != previous:
            return BrokenLink(path, i, _("entry {line} does not follow on the entry before it: an entry "
                                         "was removed, added or moved.").format(line=i))
        if case_id is not None and entry.get("soort") == DISCLOSURE and entry.get("casus_id") != case_id:
            return BrokenLink(path, i, _("entry {line} belongs to another case, not to {case}.").format(
                line=i, case=case_id))
        if entry.get("soort") == DISCLOSURE:
            number += 1
            if entry.get("nummer") != number:
                return BrokenLink(path, i, _("entry {line} has number {got} where {want} was expected: "
                                             "an entry was removed.").format(
                                                 line=i, got=entry.get("nummer"), want=number))
            firsts.add(number)
        elif entry.get("herhaling_van") not in firsts:
            return BrokenLink(path, i, _("entry {line} repeats a disclosure that is not in the register.")
                              .format(line=i))
        previous = entry["hash"]
    return _check_head(case_path, path)


def _check_head(case_path: Path, path: Path) -> BrokenLink | None:
    """The last line the head names must still be there, at its place."""
    head = _read_head(case_path)
    if head is None:
        return None
    count, last = head
    lines = _lines(path)
    if not lines and count:
        msg = ngettext(
            "the register is empty or gone, but it had {count} entry: it was removed or emptied.",
            "the register is empty or gone, but it had {count} entries: it was removed or emptied.", count)
        return BrokenLink(path, 0, msg.format(count=count))
    if len(lines) < count:
        msg = ngettext("the register ends at entry {line}, but it had {count} entry: the last ones were "
                       "removed.", "the register ends at entry {line}, but it had {count} entries: the last "
                       "ones were removed.", count)
        return BrokenLink(path, len(lines) + 1, msg.format(line=len(lines), count=count))
    if count and next(_parsed(lines[count - 1:count]), {}).get("hash") != last:
        msg = _("entry {line} is not the entry that was written as number {line}.")
        return BrokenLink(path, count, msg.format(line=count))
    return None


# -- the seal: what someone who rewrites the whole chain cannot keep -----------------------------
#
# Every check above is made from the file alone: someone who rewrites the register and computes
# every hash (and the head) again is not found by them. The seal is a short fingerprint of the
# chain as it is now: the number of the last entry and the start of its hash. Noted outside the
# case folder (the minutes of the case meeting, a mail to the privacy officer), it cannot be
# rewritten with the register: each hash covers the one before it, so changing any entry up to
# the sealed one changes the sealed entry's hash. What came after the seal is covered by the
# next seal.

SEAL_HEX = 16  # 64 bits of the hash: short enough to copy by hand, far too many to find again


@dataclass(frozen=True)
class Seal:
    entry: int  # 1-based number of the line that was last when the seal was made
    digest: str  # the first SEAL_HEX hex digits of that line's hash

    def __str__(self) -> str:
        return f"{self.entry}-{self.digest}"


def make_seal(case_path: Path) -> Seal | None:
    """The fingerprint of the register as it is now (None: nothing was recorded yet)."""
    lines = _lines(register_path(case_path))
    return Seal(len(lines), _last_hash(lines)[:SEAL_HEX]) if lines else None


def parse_seal(text: str) -> Seal | None:
    """``12-a1b2c3d4e5f6a7b8`` as printed; spaces and capitals as someone copies it are fine."""
    import re

    found = re.fullmatch(rf"(\d+)[-:]([0-9a-f]{{{SEAL_HEX}}})", "".join(text.split()).lower())
    if found is None or int(found[1]) < 1:
        return None
    return Seal(int(found[1]), found[2])


def check_seal(case_path: Path, seal: Seal) -> BrokenLink | None:
    """The register still holds the sealed entry with the sealed hash (None: it does)."""
    path = register_path(case_path)
    lines = _lines(path)
    if len(lines) < seal.entry:
        msg = ngettext("the seal {seal} names entry {line}, but the register has only {count} entry: "
                       "entries were removed after the seal was made.",
                       "the seal {seal} names entry {line}, but the register has only {count} entries: "
                       "entries were removed after the seal was made.", len(lines))
        return BrokenLink(path, len(lines), msg.format(seal=seal, line=seal.entry, count=len(lines)))
    entry = next(_parsed(lines[seal.entry - 1:seal.entry]), {})
    if not str(entry.get("hash", "")).startswith(seal.digest):
        msg = _("entry {line} is not the entry that was sealed with {seal}: the register was changed "
                "up to there after the seal was made, and its hashes computed again.")
        return BrokenLink(path, seal.entry, msg.format(line=seal.entry, seal=seal))
    return None
