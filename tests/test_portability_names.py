"""File names that Windows and macOS treat differently: case ids, reserved names, sync-conflict copies.

NTFS and APFS ignore upper/lower case, so LLA-2026-0042 and lla-2026-0042 write the same files
(one client's documents over another's); CON, NUL, COM1 cannot be file names on Windows at all;
and OneDrive, Dropbox and Explorer leave copies such as 'LLA-2026-0042 (1).yaml' in a team folder.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, RunCli

CARAVAN = EXAMPLES / "caravan-groningen.yaml"
ANSWERS = EXAMPLES / "antwoorden" / "nieuw-voorbeeld.antwoorden"


def _with_id(text: str, case_id: str) -> str:
    return re.sub(r"casus_id: *\S+", f"casus_id: {case_id}", text, count=1)


def _case(folder: Path, name: str, case_id: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(_with_id(CARAVAN.read_text(encoding="utf-8"), case_id), encoding="utf-8")
    return path


@pytest.mark.parametrize("case_id", ["CON", "nul", "Prn", "AUX", "COM1", "com9", "LPT3"])
def test_a_reserved_windows_name_is_refused_with_the_field(
    run_cli: RunCli, tmp_path: Path, case_id: str
) -> None:
    path = _case(tmp_path, "casus.yaml", case_id)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "meta.casus_id" in result.err and "Windows" in result.err and "apparaat" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("case_id", ["LLA-2026-0042.", "LLA 2026", "CON.yaml"])
def test_a_trailing_dot_or_a_space_is_no_case_id(run_cli: RunCli, tmp_path: Path, case_id: str) -> None:
    path = _case(tmp_path, "casus.yaml", f"'{case_id}'")
    result = run_cli("controleer", path)
    assert result.code == 2 and "meta.casus_id" in result.err


def test_a_trailing_space_never_reaches_a_file_name() -> None:
    from levensloop_docs.model.validators import parse_case_id

    assert parse_case_id("LLA-2026-0042 ") == "LLA-2026-0042"  # Windows would drop it silently


def test_ordinary_ids_that_merely_contain_a_reserved_word_are_fine(run_cli: RunCli, tmp_path: Path) -> None:
    for case_id in ("CON-2026-0001", "COM10", "NULLA", "LPT0"):
        assert run_cli("controleer", _case(tmp_path, f"{case_id}.yaml", case_id)).code == 0


def test_the_interview_refuses_a_reserved_name(run_cli: RunCli, tmp_path: Path) -> None:
    answers = tmp_path / "antw.yaml"
    answers.write_text(_with_id(ANSWERS.read_text(encoding="utf-8"), "NUL"), encoding="utf-8")
    result = run_cli("nieuw", "--map", tmp_path / "map", "--antwoorden", answers)
    assert result.code == 2
    assert "meta.casus_id" in result.err and "Windows" in result.err
    assert not (tmp_path / "map").exists() or not list((tmp_path / "map").glob("*.yaml"))


def test_the_interview_refuses_an_id_that_differs_only_in_capitals(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "map"
    assert run_cli("nieuw", "--map", folder, "--antwoorden", ANSWERS).code == 0  # LLA-2026-0107.yaml
    answers = tmp_path / "antw.yaml"
    answers.write_text(_with_id(ANSWERS.read_text(encoding="utf-8"), "lla-2026-0107"), encoding="utf-8")
    result = run_cli("nieuw", "--map", folder, "--antwoorden", answers)
    assert result.code == 2
    assert "meta.casus_id" in result.err and "LLA-2026-0107" in result.err and "hoofdletters" in result.err
    assert [p.name for p in folder.glob("*.yaml")] == ["LLA-2026-0107.yaml"]


def test_controleer_names_two_ids_equal_up_to_capitals(run_cli: RunCli, tmp_path: Path) -> None:
    _case(tmp_path, "een.yaml", "LLA-2026-0042")
    _case(tmp_path, "twee.yaml", "lla-2026-0042")
    result = run_cli("controleer", tmp_path)
    assert result.code == 2
    assert "twee.yaml" in result.err and "meta.casus_id" in result.err
    assert "alleen in hoofdletters" in result.err and "LLA-2026-0042" in result.err


def test_genereer_of_a_folder_refuses_the_second_of_two_ids_equal_up_to_capitals(
    run_cli: RunCli, tmp_path: Path
) -> None:
    folder = tmp_path / "ci"
    _case(folder, "een.yaml", "LLA-2026-0042")
    _case(folder, "twee.yaml", "lla-2026-0042")
    result = run_cli("genereer", folder, "--uit", tmp_path / "uit", "--droog")
    assert result.code == 2, result.out + result.err
    assert "twee.yaml" in result.out + result.err


COPIES = [
    "LLA-2026-0042-LAPTOP-7.yaml",
    "LLA-2026-0042-LAPTOP.yaml",
    "LLA-2026-0042 (1).yaml",
    "LLA-2026-0042 (conflicted copy 2026-12-07).yaml",
    "LLA-2026-0042 (Conflicterende kopie van Anne 2026-12-07).yaml",
    "LLA-2026-0042.sync-conflict-20261207-101010-ABCDEFG.yaml",
    "LLA-2026-0042 - kopie.yaml",
]


@pytest.mark.parametrize("copy", COPIES)
def test_a_sync_conflict_copy_is_named_as_a_copy_of_its_case_not_counted(
    run_cli: RunCli, tmp_path: Path, copy: str
) -> None:
    from levensloop_docs.case.casefile import find_case_files, sync_conflicts

    original = _case(tmp_path, "LLA-2026-0042.yaml", "LLA-2026-0042")
    conflict = _case(tmp_path, copy, "LLA-2026-0042")
    assert find_case_files(tmp_path) == [original]
    assert sync_conflicts(tmp_path) == [(conflict, original)]
    result = run_cli("controleer", tmp_path)
    assert result.code == 2
    assert copy in result.err and "kopie" in result.err and "LLA-2026-0042.yaml" in result.err
    assert "1 casusbestand" in result.err or "van 1 casusbestand" in result.err


def test_names_that_only_look_like_copies_are_cases(tmp_path: Path) -> None:
    from levensloop_docs.case.casefile import find_case_files, sync_conflicts

    _case(tmp_path, "caravan.yaml", "LLA-2026-0001")
    _case(tmp_path, "caravan-groningen.yaml", "LLA-2026-0002")  # another case, not OneDrive's copy
    _case(tmp_path, "LLA-2026-0003.yaml", "LLA-2026-0003")
    _case(tmp_path, "LLA-2026-0003 (1).yaml", "LLA-2026-0004")  # copied, then made a case of its own
    assert sync_conflicts(tmp_path) == []
    assert len(find_case_files(tmp_path)) == 4


def test_the_overview_names_the_copy_and_does_not_count_it(run_cli: RunCli, tmp_path: Path) -> None:
    from datetime import date

    from levensloop_docs.overview.cases import load_folder, skipped_lines

    folder = tmp_path / "team"
    folder.mkdir()
    shutil.copy(CARAVAN, folder / "caravan-groningen.yaml")
    shutil.copy(CARAVAN, folder / "caravan-groningen (1).yaml")
    found = load_folder(folder, date(2026, 11, 23), use_cache=False)
    assert len(found.cases) == 1 and found.total == 1
    lines = " ".join(skipped_lines(found))
    assert "caravan-groningen (1).yaml" in lines and "caravan-groningen.yaml" in lines
