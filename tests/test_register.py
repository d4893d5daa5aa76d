"""Issue 30: the disclosure register beside a case: append-only, repeats counted, tamper-evident."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from levensloop_docs.case.register import (
    read_register,
    record,
    register_path,
    verify_register,
)


@pytest.fixture(autouse=True)
def _beside_the_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEVENSLOOP_VERSTREKKINGEN", raising=False)  # conftest keeps it elsewhere


def _entry(bestand: str, tijd: str = "2026-12-08T09:00:00+01:00") -> dict[str, object]:
    return {"tijd": tijd, "document": "partner", "parameter": "gemeente", "titel": "Partnerblad",
            "versie": "1.1", "planversie": 2, "publiek": {"soort": "partner", "sleutel": "gemeente"},
            "grondslag": {"route": "vrijwillig"}, "gedeeld": {"contacten": "Contactpersonen"},
            "weggelaten": {"incidenten": "Incidenten"}, "bestand": bestand, "sha256": "ab" * 32,
            "gemaakt_door": "Test", "programma": "levensloop-docs 0"}


def test_entries_are_appended_and_an_identical_one_is_counted(tmp_path: Path) -> None:
    case = tmp_path / "LLA-1.yaml"
    record(case, _entry("a.docx"), same_as="A")
    first = register_path(case).read_bytes()
    record(case, _entry("b.docx"), same_as="B")
    record(case, _entry("a.docx", "2026-12-09T10:00:00+01:00"), same_as="A")
    # append-only: the earlier bytes are the start of the file as it is now
    assert register_path(case).read_bytes().startswith(first)
    items = read_register(case)
    assert [(i.nummer, i.bestand, i.aantal) for i in items] == [(1, "a.docx", 2), (2, "b.docx", 1)]
    assert items[0].laatst == "2026-12-09T10:00:00+01:00"
    assert register_path(case).stat().st_mode & 0o077 == 0
    assert verify_register(case) is None


def test_a_register_of_a_history_version_is_the_register_of_its_case(tmp_path: Path) -> None:
    archived = tmp_path / "LLA-1.geschiedenis" / "v1.yaml"
    assert register_path(archived) == tmp_path / "LLA-1.verstrekkingen.jsonl"


def test_a_changed_byte_names_the_entry_that_changed(tmp_path: Path) -> None:
    case = tmp_path / "LLA-1.yaml"
    for name in ("a", "b", "c"):
        record(case, _entry(f"{name}.docx"), same_as=name)
    path = register_path(case)
    data = bytearray(path.read_bytes())
    second = data.index(b"b.docx")
    data[second] = ord("x")
    path.write_bytes(bytes(data))
    broken = verify_register(case)
    assert broken is not None and broken.line == 2 and "2" in broken.message


def test_a_removed_entry_breaks_the_link_of_the_next(tmp_path: Path) -> None:
    case = tmp_path / "LLA-1.yaml"
    for name in ("a", "b", "c"):
        record(case, _entry(f"{name}.docx"), same_as=name)
    path = register_path(case)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([lines[0], lines[2]]) + "\n", encoding="utf-8")
    broken = verify_register(case)
    assert broken is not None and broken.line == 2
    assert json.loads(lines[2])["vorige"] == json.loads(lines[1])["hash"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.floats(min_value=0, max_value=1, exclude_max=True), byte=st.integers(0, 255))
def test_any_changed_byte_is_found_and_the_next_entry_still_appends(
    tmp_path: Path, where: float, byte: int
) -> None:
    case = tmp_path / f"LLA-{abs(hash((where, byte)))}.yaml"
    for name in ("a", "b", "c"):
        record(case, _entry(f"{name}.docx"), same_as=name)
    path = register_path(case)
    data = bytearray(path.read_bytes())
    at = int(where * len(data))
    assume(data[at] != byte)
    data[at] = byte
    path.write_bytes(bytes(data))
    broken = verify_register(case)
    assert broken is not None
    # whatever the bytes now are, adding keeps them exactly and the break stays where it was
    record(case, _entry("d.docx"), same_as="d")
    assert path.read_bytes().startswith(bytes(data))
    again = verify_register(case)
    assert again is not None and again.line <= broken.line


def test_removing_the_last_entries_or_the_whole_register_is_found(tmp_path: Path) -> None:
    case = tmp_path / "LLA-1.yaml"
    for name in ("a", "b", "c"):
        record(case, _entry(f"{name}.docx"), same_as=name)
    path = register_path(case)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:2]), encoding="utf-8")  # the chain of what is left is whole
    broken = verify_register(case)
    assert broken is not None and broken.line == 3 and "3 regels" in broken.message
    path.unlink()
    gone = verify_register(case)
    assert gone is not None and "leeg of weg" in gone.message and "3 regels" in gone.message
