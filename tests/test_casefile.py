"""Case files: saving keeps what the user wrote (comments, order, date style), atomically."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, example_paths

from levensloop_docs.case.casefile import check_unique_ids, find_case_files, load_case, save_case
from levensloop_docs.errors import CaseFileError


@pytest.mark.parametrize("example", example_paths(), ids=lambda p: p.stem)
def test_unchanged_case_saves_byte_identical(example: Path, tmp_path: Path) -> None:
    target = tmp_path / example.name
    shutil.copy(example, target)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)
    save_case(target, edited, case)
    assert target.read_bytes() == example.read_bytes()


def test_changing_one_field_keeps_comments_order_and_the_rest(tmp_path: Path) -> None:
    source = next(p for p in example_paths() if p.name == "caravan-groningen.yaml")
    target = tmp_path / source.name
    shutil.copy(source, target)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)  # the writer compares with the case as loaded
    edited.meta.planversie = 3
    edited.levensgebieden[0].acties[0].status = "afgerond"
    save_case(target, edited, case)

    before, after = source.read_text().splitlines(), target.read_text().splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        ("  planversie: 2", "  planversie: 3"),
        ("        status: lopend", "        status: afgerond"),
    ]
    # comments and a date typed as dd-mm-yyyy survive
    assert after[0].startswith("# Fictieve casus")
    assert "        wanneer: 15-12-2026" in after
    again = load_case(target, today=TODAY)
    assert again.casus.meta.planversie == 3


def test_clearing_a_field_removes_it_and_adding_one_appends_it(tmp_path: Path) -> None:
    source = next(p for p in example_paths() if p.name == "caravan-groningen.yaml")
    target = tmp_path / source.name
    shutil.copy(source, target)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)
    edited.persoon.roepnaam = ""
    edited.uitstroom.toelichting = "Nog niet aan de orde."
    save_case(target, edited, case)
    text = target.read_text()
    # roepnaam was set in the file, so the empty value is written, not dropped
    assert "  roepnaam: ''" in text
    assert text.rstrip().endswith("toelichting: Nog niet aan de orde.")
    assert load_case(target, today=TODAY).casus.uitstroom.toelichting == "Nog niet aan de orde."


def test_saved_case_is_owner_only(tmp_path: Path) -> None:
    source = example_paths()[0]
    target = tmp_path / "casus.yaml"
    shutil.copy(source, target)
    target.chmod(0o644)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)
    save_case(target, edited, case)
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["casus.yaml"]


def test_failed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = example_paths()[0]
    target = tmp_path / "casus.yaml"
    shutil.copy(source, target)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)
    edited.meta.planversie = 9

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("os.fsync", broken_fsync)
    with pytest.raises(OSError):
        save_case(target, edited, case)
    assert target.read_bytes() == source.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["casus.yaml"]


def test_new_case_without_source_document(tmp_path: Path) -> None:
    source = example_paths()[0]
    case = load_case(source, today=TODAY)
    target = tmp_path / "nieuw.yaml"
    save_case(target, case.casus)
    again = load_case(target, today=TODAY)
    assert again.casus == case.casus


def test_dates_in_every_written_form_are_read(tmp_path: Path) -> None:
    source = next(p for p in example_paths() if p.name == "caravan-groningen.yaml")
    text = source.read_text().replace("vastgesteld: 2026-10-12", "vastgesteld: 12 oktober 2026")
    target = tmp_path / "c.yaml"
    target.write_text(text)
    case = load_case(target, today=TODAY)
    assert case.casus.meta.vastgesteld == date(2026, 10, 12)
    edited = case.casus.model_copy(deep=True)
    edited.meta.planversie += 1
    save_case(target, edited, case)
    assert "vastgesteld: 12 oktober 2026" in target.read_text()


def test_find_case_files_skips_drafts_hidden_and_mappings(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yml", "c.concept.yaml", "d.koppeling.yaml", "notes.txt"):
        (tmp_path / name).write_text("x: 1\n")
    (tmp_path / ".verborgen").mkdir()
    (tmp_path / ".verborgen" / "e.yaml").write_text("x: 1\n")
    assert [p.name for p in find_case_files(tmp_path)] == ["a.yaml", "b.yml"]


def test_unique_ids_in_a_folder(tmp_path: Path) -> None:
    source = example_paths()[0]
    for name in ("een.yaml", "twee.yaml"):
        shutil.copy(source, tmp_path / name)
    cases = [load_case(p, today=TODAY) for p in find_case_files(tmp_path)]
    problems = check_unique_ids(cases)
    assert len(problems) == 1
    assert problems[0].file == tmp_path / "twee.yaml"
    assert problems[0].path == "meta.casus_id"
    assert "een.yaml" in problems[0].message


def test_invalid_case_raises_with_every_problem(tmp_path: Path) -> None:
    source = next(p for p in example_paths() if p.name == "caravan-groningen.yaml")
    text = source.read_text().replace("rol: politie", "rol: buurman").replace(
        "wie: bewind", "wie: onbekend"
    )
    target = tmp_path / "c.yaml"
    target.write_text(text)
    with pytest.raises(CaseFileError) as info:
        load_case(target, today=TODAY)
    paths = {p.path for p in info.value.problems}
    assert "netwerk.partners[3].rol" in paths
    assert "levensgebieden[2].acties[0].wie" in paths


def test_a_file_changed_on_disk_since_loading_is_not_overwritten(tmp_path: Path) -> None:
    from levensloop_docs.errors import ConflictError

    source = example_paths()[0]
    target = tmp_path / "casus.yaml"
    shutil.copy(source, target)
    case = load_case(target, today=TODAY)
    edited = case.casus.model_copy(deep=True)
    edited.meta.planversie += 1
    target.write_text(target.read_text() + "# iemand anders\n")
    with pytest.raises(ConflictError) as refused:
        save_case(target, edited, case)
    assert refused.value.exit_code == 1
    assert target.read_text().endswith("# iemand anders\n")


def test_a_new_case_never_overwrites_a_file_that_appeared(tmp_path: Path) -> None:
    from levensloop_docs.errors import ConflictError

    case = load_case(example_paths()[0], today=TODAY)
    target = tmp_path / "nieuw.yaml"
    target.write_text("meta: {}\n")
    with pytest.raises(ConflictError):
        save_case(target, case.casus)
    assert target.read_text() == "meta: {}\n"
