"""Shared helpers for the aanmelding tests: build cases from dicts, read DOCX text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from conftest import EXAMPLES

from levensloop_docs.yamlio import dump_yaml, load_yaml

DRENTHE = EXAMPLES / "aanmelding-drenthe.yaml"
OOST_BRABANT = EXAMPLES / "aanmelding-oost-brabant.yaml"


def raw_case(path: Path = DRENTHE) -> Any:
    return copy.deepcopy(load_yaml(path, round_trip=False))


def write_case(folder: Path, data: Any, name: str = "casus.yaml") -> Path:
    from ruamel.yaml.comments import CommentedMap

    path = folder / name
    path.write_text(dump_yaml(CommentedMap(data)), encoding="utf-8")
    return path


def all_met(data: Any) -> Any:
    data["aanmelding"]["criteria_landelijk"] = [
        {"criterium": str(i), "oordeel": "voldoet"} for i in range(1, 7)
    ]
    return data


def docx_rows(path: Path) -> list[list[str]]:
    from docx import Document

    doc = Document(str(path))
    return [[c.text for c in row.cells] for table in doc.tables for row in table.rows]
