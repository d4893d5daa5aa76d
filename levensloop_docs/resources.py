"""Where the shipped data lives: templates, catalogs and vocabularies.

In a source checkout (and an editable install) the folders sit at the project root;
in a wheel they are packed under ``levensloop_docs/_gedeeld``. A region's own templates
(a folder with only the files it changed) are looked up by ``templatefolders.py``.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def shared_root() -> Path:
    source = PACKAGE_DIR.parent
    if (source / "templates").is_dir() and (source / "locales").is_dir():
        return source
    return PACKAGE_DIR / "_gedeeld"


def shipped_templates_dir() -> Path:
    """The templates that come with the program (replaced by every update)."""
    return shared_root() / "templates"


def locales_dir() -> Path:
    return shared_root() / "locales"


def data_dir() -> Path:
    """Vocabularies, region profiles and policies; ``LEVENSLOOP_DATA`` overrides."""
    override = os.environ.get("LEVENSLOOP_DATA")
    return Path(override) if override else PACKAGE_DIR / "data"
