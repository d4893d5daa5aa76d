"""The output folder's memory: what each file was made from, so unchanged files are skipped.

``.levensloop-manifest.json`` in the output folder records, per case file, the hash of
its content and, per output file, the hashes of everything that went into it (template
and included files, the document's registry entry with its version, all data files, the
tool version, the options) and the hash of the output itself. It is written atomically,
and an output's entry is only recorded after the output has been renamed into place, so
after a crash the manifest never vouches for a file that is not there; at the start of a
run every output is checked against its recorded hash.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any, NotRequired, TypedDict

from levensloop_docs.atomic import write_bytes
from levensloop_docs.filehash import sha256_file

MANIFEST_NAME = ".levensloop-manifest.json"
LOCK_NAME = ".levensloop-manifest.lock"
SETTLED_NS = 2_000_000_000  # a change stamp this old is past any file system's clock tick
FORMAT = 3  # 3: the gate's outcome per output and the dates it holds between


class OutputRecord(TypedDict):
    document: str  # registry name, with ":parameter" when it has one
    sjabloon: str  # hash of the template and what it includes
    documentsoort: str  # hash of the registry entry (title, version, ...)
    versie: str  # the template version, for people reading the manifest
    gegevens: str  # hash of the data files
    programma: str  # tool version
    opties: str  # e.g. "pdf-a"
    veiligheid: str  # the safety gate's outcome on the run's date (``case.safety.safety_key``)
    uitvoer: str  # sha256 of the output file
    grootte: int
    mtime_ns: int
    ctime_ns: NotRequired[int]  # ``platform_os.change_stamp`` once settled (``output_record_state``)


class CaseRecord(TypedDict):
    casus: str  # sha256 of the case file; "" when the last run did not finish it
    casus_id: str
    register: str  # hash of what decides which outputs a case has (the registry's entries)
    selecties: list[str]  # the --document/--formaat selections its outputs were planned for
    # [from, until) in ISO ("" = open): the dates between which the gate's outcomes hold
    # (``case.safety.date_window``); a run on a date outside it reads the case again
    peilvenster: list[str]
    bestanden: dict[str, OutputRecord]


class Manifest:
    """The manifest of one output folder, kept in memory and saved atomically."""

    def __init__(self, out_dir: Path) -> None:
        self.path = out_dir / MANIFEST_NAME
        self.cases: dict[str, CaseRecord] = {}
        self.checked: dict[str, str] = {}  # document name -> key of its passed template check
        self.readable = True

    @classmethod
    def load(cls, out_dir: Path) -> Manifest:
        manifest = cls(out_dir)
        try:
            data: Any = json.loads(manifest.path.read_bytes())
        except FileNotFoundError:
            return manifest
        except (OSError, ValueError):
            manifest.readable = False  # everything is made again; the new manifest replaces it
            return manifest
        if isinstance(data, dict) and data.get("formaat") == FORMAT:
            manifest.cases = data.get("casussen") or {}
            manifest.checked = data.get("sjablooncontrole") or {}
        return manifest

    def save(self) -> None:
        data = {"formaat": FORMAT, "casussen": self.cases, "sjablooncontrole": self.checked}
        write_bytes(self.path, json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8"))


file_hash = sha256_file  # the manifest's name for it (tests count its calls here)


def output_record_state(folder: Path, name: str, record: OutputRecord) -> str | None:
    """``None`` when the output is what the manifest says; else "missing" or "changed".

    An output whose size, modification time and change stamp (POSIX ctime: every write,
    ``touch`` or rename sets it to now, and no program can set it back) are the recorded
    ones has not been touched since: it is not read. Any other output is hashed, so an edit
    that keeps the size and puts the modification time back is still seen. The stamp is
    learnt when the hash is verified, and only once it is a while old (as git does with a
    "racily clean" file): the file system's clock is coarse, so an edit in the same tick as
    the stamp could otherwise keep it. So a new output is read on the next run and not
    after that. Without a change stamp (Windows) every output is hashed, as before.
    """
    from levensloop_docs.platform_os import change_stamp

    try:
        stat = (folder / name).stat()
    except FileNotFoundError:
        return "missing"
    if stat.st_size != record["grootte"]:
        return "changed"
    stamp = change_stamp(stat)
    if stamp is not None and stamp == record.get("ctime_ns") and stat.st_mtime_ns == record["mtime_ns"]:
        return None
    if file_hash(folder / name) != record["uitvoer"]:
        return "changed"
    if stamp is not None and time.time_ns() - stamp > SETTLED_NS:
        record["mtime_ns"] = stat.st_mtime_ns
        record["ctime_ns"] = stamp
    return None
