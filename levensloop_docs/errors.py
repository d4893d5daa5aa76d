"""The one hierarchy of errors a user may see.

Every error carries a finished Dutch message. Nothing here prints: the CLI edge
(``cli/main.py``) turns an error into text on stderr and an exit code, in one place.
Messages never contain personal data; at most a case id and a file name.

The exit code follows the category, as a class attribute (as click does):
2 for bad input or usage (``InputError`` and below), 1 for a runtime failure such as
LibreOffice or a conflict with another user (the base class), 3 when the input is fine but
what was asked cannot be done yet (``NotYetError``), 130 when the user stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class LevensloopError(Exception):
    """Base of every error meant for the user: a runtime failure unless a subclass says otherwise."""

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def lines(self) -> list[str]:
        out = [self.message]
        if self.hint:
            out.append(self.hint)
        return out


@dataclass(frozen=True)
class Problem:
    """One finding about an input file: where it is and what is wrong, in Dutch."""

    file: Path | None
    path: str
    message: str
    line: int | None = None
    warning: bool = False
    # the rule that found it (a key of ``case/safety.py`` RULES); "" for schema and file problems
    rule: str = ""

    def describe(self) -> str:
        place = str(self.file) if self.file else ""
        if self.line is not None:
            place += f":{self.line}"
        where = f"{place}: " if place else ""
        field_part = f"{self.path}: " if self.path else ""
        return f"{where}{field_part}{self.message}"


Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """``('levensgebieden', 2, 'acties', 0, 'wie')`` -> ``levensgebieden[2].acties[0].wie``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class InputError(LevensloopError):
    """Bad input: the user can fix it by changing a file or what they typed."""

    exit_code = 2


class UsageError(InputError):
    """A command was given a value it cannot use (an unknown document, format or part)."""


class AnswersFileError(InputError):
    """An answer in the answers file is missing or not valid."""


class ProblemsError(InputError):
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


class OutputFolderError(InputError):
    """The output folder is a file, cannot be made, or cannot be written in: the wrong folder was given."""


class UnsafeDocumentError(InputError):
    """A document the safety gate refuses (``case/safety.py``): it cannot do its job, or it
    would be a CONCEPT and ``--definitief`` was asked. Fixed by completing the case file."""


class NotInNetworkError(UsageError):
    """A partner sheet was asked for a partner type the case's network does not have."""


class ConversionError(LevensloopError):
    """LibreOffice could not turn a document into PDF (or is missing): a runtime failure."""


class ConflictError(LevensloopError):
    """Someone else changed or holds the case file, or another batch uses the output folder."""


class NotYetError(LevensloopError):
    """The input is fine, but what was asked cannot be done yet (no uitstroom before the criteria hold).

    Its own exit code, so a script can tell "not yet" (3) from bad input (2) and a failure (1).
    """

    exit_code = 3


class DoctorFailed(LevensloopError):
    """Not everything works; the report above says what."""


class BatchFailed(LevensloopError):
    """Some cases failed; the summary above says which and why.

    Exit code 2 when a case file was bad input, else 1: decided from the failures' categories.
    """

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class OutputLockedError(ConflictError):
    """Another batch is writing to the same output folder."""


class FileInUseError(ConflictError):
    """Another program (Word, on Windows) holds an output file open, so it could not be replaced.

    ``files`` names the blocked files; ``done`` the files that were written all the same.
    """

    def __init__(self, message: str, *, hint: str | None = None, files: list[Path],
                 done: list[Path] | None = None) -> None:
        super().__init__(message, hint=hint)
        self.files = files
        self.done = done or []


class DiskFullError(LevensloopError):
    """The disk of the output folder (or of the temporary folder) is full."""


class InterviewCrash(LevensloopError):
    """An unexpected fault inside an interview; every answer is kept in the draft (exit 1)."""


class Interrupted(LevensloopError):
    """The user stopped an interview; the answers so far are in the draft."""

    exit_code = 130
