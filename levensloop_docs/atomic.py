"""All-or-nothing, owner-only file writes.

A document, case file or manifest is written to a temporary file beside its target
and renamed into place, so a crash or kill leaves either the old or the new complete
file, never half of one. Files are created 0600 and folders 0700: the data is
special-category personal data and must not be readable by other accounts.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_dir(path: Path) -> Path:
    """Create ``path`` (and parents) owner-only; an existing folder is left as it is."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    return path


def usable_output_dir(path: Path) -> Path:
    """Prove that ``path`` can be made and written in, or raise OutputFolderError.

    Called before any slow work (LibreOffice, a batch), so a folder that is a file, lies
    under a file, or is read-only is named at once instead of failing at the first write.
    Nothing is made: a missing folder is judged by the nearest folder that exists (the
    first write makes it). A real write is tried, because permission bits do not tell
    (root, read-only mounts).
    """
    from levensloop_docs.errors import OutputFolderError
    from levensloop_docs.i18n import _

    existing = next(p for p in (path, *path.parents) if p.exists() or p == p.parent)
    if existing.exists() and not existing.is_dir():
        msg = _("The output folder {folder} cannot be used: {file} is a file, not a folder. "
                "Choose another folder with --uit.")
        raise OutputFolderError(msg.format(folder=path, file=existing))
    try:
        fd, probe = tempfile.mkstemp(prefix=".levensloop-probe-", dir=existing)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        msg = _("The output folder {folder} cannot be made or written in ({reason}). "
                "Choose a folder you can write in with --uit.")
        raise OutputFolderError(msg.format(folder=path, reason=exc.strerror or exc)) from None
    return path


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success it replaces ``target``."""
    ensure_dir(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, FILE_MODE)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_bytes(target: Path, data: bytes) -> None:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
