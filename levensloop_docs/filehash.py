"""The SHA-256 of a file's bytes: what the batch manifest and the disclosure register record
of every output, read in blocks so a large PDF bundle is never held in memory at once."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
