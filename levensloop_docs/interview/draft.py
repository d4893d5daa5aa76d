"""The draft (concept) beside a case file: every answer, saved the moment it is given.

``.CASE.yaml.concept`` holds the answers in the order they were given (JSON, which is
also YAML), the digest of the case file the interview started from, and when it
started. Replaying the answers through the same questions rebuilds the interview
exactly, so Ctrl-C, a closed terminal or a crash loses nothing. Written atomically
and owner-only, like every file (it holds personal data).
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from levensloop_docs.atomic import write_text

SUFFIX = ".concept"
FORMAT = 1


def draft_path(case_path: Path) -> Path:
    return case_path.with_name(f".{case_path.name}{SUFFIX}")


def apart_path(case_path: Path, pid: int) -> Path:
    """Where a session that lost its lock keeps its answers: beside the shared draft, never over it."""
    return case_path.with_name(f".{case_path.name}{SUFFIX}-{pid}")


def find_apart_drafts(case_path: Path) -> list[Path]:
    """Answers of sessions that lost their lock (``apart_path``), oldest first."""
    found = [p for p in case_path.parent.glob(f".{case_path.name}{SUFFIX}-*")
             if p.name.rpartition("-")[2].isdigit()]
    return sorted(found, key=lambda p: p.stat().st_mtime)


def find_new_drafts(folder: Path) -> list[Path]:
    """Drafts of new cases (``nieuw``) in ``folder``, newest first."""
    found = [p for p in folder.glob(f".*{SUFFIX}") if (d := Draft.load(p)) is not None and d.new]
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass
class Draft:
    path: Path
    case_path: Path
    new: bool
    basis: str | None = None  # digest of the case file when the interview loaded it
    started: str = field(default_factory=lambda: datetime.now().isoformat(timespec="seconds"))
    answers: list[tuple[str, Any]] = field(default_factory=list)
    # A person's answers are saved one by one; a script's only when the run ends unsaved
    # (the answers file itself is the safe copy, and 120 synced writes cost a second).
    autosave: bool = True

    @classmethod
    def start(cls, case_path: Path, *, new: bool, basis: str | None, autosave: bool = True) -> Draft:
        return cls(draft_path(case_path), case_path, new, basis, autosave=autosave)

    @classmethod
    def load(cls, path: Path) -> Draft | None:
        """Read a draft; an unreadable one counts as absent (it is never trusted blindly)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            answers = [(str(k), v) for k, v in data["antwoorden"]]
            case_path = path.with_name(str(data["casus"]))
            return cls(path, case_path, bool(data["nieuw"]), data.get("basis"), str(data["gestart"]), answers)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def record(self, key: str, value: Any, *, save: bool = True) -> None:
        self.answers.append((key, _plain(value)))
        if self.autosave and save:
            self.save()

    def save(self) -> None:
        head = {
            "formaat": FORMAT, "casus": self.case_path.name, "nieuw": self.new, "basis": self.basis,
            "gestart": self.started,
        }  # fmt: skip
        # One answer per line, so a person can read (or repair) the draft if ever needed.
        rows = ",\n".join(" " + json.dumps([k, v], ensure_ascii=False) for k, v in self.answers)
        text = json.dumps(head, ensure_ascii=False)[:-1] + ', "antwoorden": [\n' + rows + "\n]}\n"
        write_text(self.path, text)

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
