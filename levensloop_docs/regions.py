"""Region profiles: one YAML file per region in ``data/regios`` (``groningen.yaml``).

A profile holds the region's name, its Zorg- en Veiligheidshuis, the coördinerend
levensloopaanbieder, the regional inclusion criteria and the secure beds it uses.
A region is added by copying a file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from levensloop_docs.resources import data_dir


def regions_dir() -> Path:
    return data_dir() / "regios"


@cache
def _raw_profile(key: str) -> dict[str, Any] | None:
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    path = regions_dir() / f"{key}.yaml"
    if not path.is_file():
        return None
    try:
        data = load_yaml(path, round_trip=False)
    except YamlReadError:
        return None
    return data if isinstance(data, dict) else None


def region_label(key: str) -> str:
    """The printed name of a region; the key itself when no profile exists."""
    profile = _raw_profile(key)
    if profile and isinstance(profile.get("naam"), str):
        return str(profile["naam"])
    return key.replace("-", " ").title()
