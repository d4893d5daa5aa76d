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
import time
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
# Windows refuses to replace a file another program holds open (Word, and briefly OneDrive or
# a virus scanner): try again for about two seconds before saying which file to close
REPLACE_TRIES = 10
REPLACE_PAUSE = 0.2


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
        from levensloop_docs.diskerrors import explain

        known = explain(exc, path)  # read-only or full: the same words as during a batch
        if known is not None:
            raise known from None
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
        _sync(tmp)
        os.chmod(tmp, FILE_MODE)
        replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _sync(path: Path) -> None:
    """Flush ``path`` to disk through a handle that may write.

    Windows' FlushFileBuffers refuses a read-only handle (EBADF), so the data written by
    the caller's own (now closed) handle is flushed through a new writable one.
    """
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace(tmp: Path, target: Path) -> None:
    """``os.replace``, retried while another program holds ``target`` open (Windows)."""
    from levensloop_docs.platform_os import file_in_use

    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(tmp, target)
            return
        except PermissionError as exc:
            if not file_in_use(exc):
                raise
            if attempt == REPLACE_TRIES - 1:
                from levensloop_docs.diskerrors import in_use

                raise in_use(target) from None
            time.sleep(REPLACE_PAUSE)


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` all or nothing, flushed to disk through the handle that wrote it."""
    ensure_dir(target.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
