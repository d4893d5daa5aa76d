"""The one hierarchy of errors a user may see.

Every error carries a finished Dutch message. Nothing here prints: the CLI edge
(``cli.py``) turns an error into text on stderr and an exit code, in one place.
Messages never contain personal data; at most a case id and a file name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LevensloopError(Exception):
    """Base of every error meant for the user. ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        out = [self.message]
        if self.hint:
            out.append(self.hint)
        return out


class InputError(LevensloopError):
    """The case lacks what a document needs, or a request names something that is not there."""

    exit_code = 2


@dataclass(frozen=True)
class Problem:
    """One finding about an input file: where it is and what is wrong, in Dutch."""

    file: Path | None
    path: str
    message: str
    line: int | None = None
    warning: bool = False

    def describe(self) -> str:
        place = str(self.file) if self.file else ""
        if self.line is not None:
            place += f":{self.line}"
        where = f"{place}: " if place else ""
        field_part = f"{self.path}: " if self.path else ""
        return f"{where}{field_part}{self.message}"


class ProblemsError(LevensloopError):
    """One or more problems in input files, all reported at once."""

    def __init__(
        self, *, problems: list[Problem], summary: str, hint: str | None = None
    ) -> None:
        super().__init__(summary, hint=hint)
        self.problems = problems
        self.summary = summary

    def lines(self) -> list[str]:
        out = [self.summary]
        out.extend(f"  - {p.describe()}" for p in self.problems)
        if self.hint:
            out.append(self.hint)
        return out


class CaseFileError(ProblemsError):
    """A case file cannot be read or is not valid."""


class DataFileError(ProblemsError):
    """A vocabulary, region, policy or manifest file is not valid."""


class TemplateProblemError(ProblemsError):
    """A template cannot be parsed or asks for data the case does not provide."""


class OutputFolderError(LevensloopError):
    """The output folder is a file, cannot be made, or cannot be written in (bad input: exit 2)."""


class NotInNetworkError(LevensloopError):
    """A partner sheet was asked for a partner type the case's network does not have."""


class RenderError(LevensloopError):
    """A document could not be made."""


class ConversionError(LevensloopError):
    """LibreOffice could not turn a document into PDF."""


class ConflictError(LevensloopError):
    """Someone else changed or holds the case file."""


class Interrupted(LevensloopError):
    """The user stopped an interview; the answers so far are in the draft."""

    exit_code = 130
