"""The SHA-256 of a file's bytes, one way for every record of it: the batch manifest and the
disclosure register (each output), the plan history (each archived version) and a region's
template overrides. Read in blocks, so a large PDF bundle is never held in memory at once."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
