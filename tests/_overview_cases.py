"""Synthetic case folders with known figures, for the overview, agenda and monitor tests.

``write_case`` starts from ``examples/aanmelding-drenthe.yaml`` (a valid registration) and
changes only what a test names, so every file is a valid case that ``controleer`` accepts.
"""

from __future__ import annotations

import copy
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "aanmelding-drenthe.yaml"


@cache
def _base() -> dict[str, Any]:
    data: dict[str, Any] = YAML(typ="safe").load(BASE.read_text(encoding="utf-8"))
    return data


def case_data(number: int, *, regio: str = "drenthe", status: str = "aangemeld",
              aangemeld: date | None = date(2026, 2, 2), besluit: str | None = None,
              besluit_datum: date | None = None, **fields: Any) -> dict[str, Any]:
    """One case as data; ``fields`` are dotted paths (``persoon.geslacht``) with their value."""
    data = copy.deepcopy(_base())
    data["meta"].update({"casus_id": f"SYN-2026-{number:05d}", "regio": regio, "status": status})
    data["persoon"]["naam"] = f"Persoon {number} (verzonnen)"
    if aangemeld is None:
        del data["aanmelding"]
    else:
        data["aanmelding"]["datum"] = aangemeld
        data["aanmelding"].pop("overleg", None)
        data["aanmelding"]["criteria_regio"] = []  # region keys differ per region
        if besluit:
            data["aanmelding"]["besluit"] = besluit
            if besluit_datum:
                data["aanmelding"]["besluit_datum"] = besluit_datum
    for path, value in fields.items():
        *parents, leaf = path.split(".")
        node = data
        for part in parents:
            node = node.setdefault(part, {})
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value
    return data


def write_case(folder: Path, number: int, **kwargs: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"syn-{number:05d}.yaml"
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(case_data(number, **kwargs), fh)
    return path
