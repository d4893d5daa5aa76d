"""The program's folder in the user's cache folder of the platform (platformdirs).

Linux and the like: ``$XDG_CACHE_HOME`` or ``~/.cache``; macOS: ``~/Library/Caches``;
Windows: ``%LOCALAPPDATA%\\levensloop-docs\\Cache``. ``XDG_CACHE_HOME`` is honoured on every
platform, so tests and administrators can point it elsewhere. Only what can be made again
lives here: deleting the folder costs time, never data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NAME = "levensloop-docs"


def cache_dir() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / NAME
    try:
        from platformdirs import user_cache_path
    except ImportError:  # an environment installed before platformdirs was a dependency
        return _fallback()
    return Path(user_cache_path(NAME, appauthor=False))


def _fallback() -> Path:
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / NAME / "Cache" if local else Path.home() / "AppData" / "Local" / NAME / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / NAME
    return Path.home() / ".cache" / NAME
