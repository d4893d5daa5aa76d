"""A full disk or a folder we may not write in, said in Dutch with the folder it is about.

``OSError`` from a write names the file (the temporary file beside the target, for
``atomic.py`` writes), so its folder is the place to name: the output folder, or the
system's temporary folder when the run's private folder (``runtmp``) filled it.
"""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

from levensloop_docs.errors import DiskFullError, FileInUseError, LevensloopError, OutputFolderError
from levensloop_docs.i18n import _

FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}


def _where(exc: OSError, folder: Path) -> Path:
    if not exc.filename:
        return folder
    place = Path(str(exc.filename)).parent
    if place.name == "" or folder.is_relative_to(place):
        return folder  # a probe or write beside a folder still to be made: name the folder asked for
    from levensloop_docs.runtmp import PREFIX

    if any(part.startswith(PREFIX) for part in place.parts):
        return Path(tempfile.gettempdir())
    return place


def disk_full(folder: Path) -> DiskFullError:
    return DiskFullError(
        _("The disk is full: nothing more fits in {folder}.").format(folder=folder),
        hint=_("Make room on that disk, or choose another folder with --uit, and run the same "
               "command again. What was finished is kept."),
    )


def not_writable(folder: Path) -> OutputFolderError:
    return OutputFolderError(
        _("Cannot write in {folder}: the folder is read-only or you may not write there.").format(
            folder=folder),
        hint=_("Choose another folder with --uit, or ask the administrator for write access."),
    )


def in_use(target: Path) -> FileInUseError:
    """A file another program holds open (Windows: Word), so it could not be replaced.

    Here, beside the other disk errors, so that ``atomic`` and ``explain`` both use it without
    importing each other (no import circle: tests/test_layers.py)."""
    return FileInUseError(
        _("{file} is open in another program (Word?), so it was not replaced.").format(file=target.name),
        hint=_("Close {file} in Word and try again.").format(file=target.name),
        files=[target],
    )


def explain(exc: OSError, folder: Path) -> LevensloopError | None:
    """The Dutch error for a full disk, a file open in Word or a read-only folder; ``None`` for others."""
    from levensloop_docs.platform_os import file_in_use

    if exc.errno in FULL:
        return disk_full(_where(exc, folder))
    if file_in_use(exc) and exc.filename:  # Windows: the folder is fine, the file is open in Word
        return in_use(Path(str(exc.filename2 or exc.filename)))
    if exc.errno in READ_ONLY:
        return not_writable(_where(exc, folder))
    return None
