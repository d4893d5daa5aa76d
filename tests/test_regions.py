"""Region profiles: every shipped profile loads, has the criteria of DOMAIN §4.2, and a bad
profile is reported with file and field."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from levensloop_docs.errors import DataFileError
from levensloop_docs.model.validators import parse_email, parse_phone
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.reference import regionfile, regions
from levensloop_docs.reference.regions import (
    Region,
    all_regions,
    load_region,
    national_criteria,
    region_keys,
    region_label,
    regions_dir,
)

EXPECTED = {
    "groningen": 5, "friesland": 4, "drenthe": 7, "overijssel": 5,
    "midden-nederland": 5, "oost-brabant": 7, "limburg": 8,
}  # fmt: skip


def test_every_expected_region_ships() -> None:
    assert set(EXPECTED) <= set(region_keys())
    regions = {r.sleutel: r for r in all_regions()}
    for key, count in EXPECTED.items():
        assert len(regions[key].criteria) == count, key


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_profile_is_a_marked_example_with_valid_contacts(key: str) -> None:
    region = load_region(key)
    assert isinstance(region, Region)
    assert region.voorbeeld is True
    for contact in (region.zvh, region.aanbieder):
        assert "(voorbeeld)" in contact.naam
        parse_phone(contact.telefoon)
        parse_email(contact.email)
        assert "voorbeeld" in contact.email
    assert region.zvh.naam.startswith("Zorg- en Veiligheidshuis")
    vocab = load_vocabularies()
    assert region.bedden
    for bed in region.bedden:
        assert bed.bedtype in vocab["bedtypes"]
        assert bed.beveiligingsniveau in (1, 2, 3, 4)
        # a step to this bed prints how an admission is arranged, never 'contact ontbreekt'
        assert "(voorbeeld)" in bed.contact and bed.telefoon, bed.naam
        parse_phone(bed.telefoon)
    niveaus = [step.niveau for step in region.route]
    assert niveaus == sorted(niveaus, key=lambda n: vocab["niveaus"].get(n, "volgorde"))
    assert {s.niveau for s in region.route} <= set(vocab["niveaus"])
    assert all(set(s.wie) <= set(vocab["rollen"]) and s.wie for s in region.route)


def test_overijssel_uses_the_groningen_criteria() -> None:
    assert load_region("overijssel").criteria == load_region("groningen").criteria


def test_drenthe_weighs_danger_and_forensic_expertise() -> None:
    keys = [c.sleutel for c in load_region("drenthe").criteria]
    danger = {"risico_inventarisatie", "gevaarlijk_gedrag", "titel", "forensische_expertise"}
    assert danger <= set(keys) and len(keys) == 7


def test_six_national_criteria() -> None:
    criteria = national_criteria()
    assert [c.sleutel for c in criteria] == ["1", "2", "3", "4", "5", "6"]
    assert all(len(c.tekst) > 40 for c in criteria)


def test_region_label() -> None:
    assert region_label("midden-nederland") == "Midden-Nederland"
    assert region_label("zeeland-west") == "Zeeland West"


def test_missing_region_names_the_file_and_known_keys() -> None:
    with pytest.raises(DataFileError) as caught:
        load_region("atlantis")
    problem = caught.value.problems[0]
    assert problem.file is not None and problem.file.name == "atlantis.yaml"
    assert "groningen" in problem.message and "limburg" in problem.message


def test_path_like_key_is_refused() -> None:
    with pytest.raises(DataFileError):
        load_region("../vocabulaires/rollen")


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "data"
    shutil.copytree(regions_dir().parent, target)
    monkeypatch.setenv("LEVENSLOOP_DATA", str(target))
    return target


def test_region_added_by_copying_a_file(data_copy: Path) -> None:
    folder = data_copy / "regios"
    text = (folder / "groningen.yaml").read_text(encoding="utf-8")
    (folder / "zeeland.yaml").write_text(text.replace("naam: Groningen", "naam: Zeeland"), encoding="utf-8")
    assert load_region("zeeland").naam == "Zeeland"
    assert "zeeland" in region_keys()


def test_bad_profile_reports_every_problem_with_file_line_and_field(data_copy: Path) -> None:
    path = data_copy / "regios" / "kapot.yaml"
    path.write_text(
        "naam: Kapot\n"
        "zvh:\n  naam: ZVH\n  telefoon: bel maar\n"
        "aanbieder:\n  naam: Aanbieder\n  email: geen-adres\n"
        "criteria:\n  - sleutel: a\n    tekst: Een\n  - sleutel: a\n    tekst: Twee\n"
        "bedden:\n  - naam: Bed\n    bedtype: XYZ\n    beveiligingsniveau: 7\n"
        "route:\n  - niveau: maan\n    wie: [astronaut]\n    wat: Vliegen\n"
        "extra: ja\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_region("kapot")
    where = {p.path for p in caught.value.problems}
    assert {
        "zvh.telefoon", "aanbieder.email", "criteria", "bedden[0].bedtype",
        "bedden[0].beveiligingsniveau", "route[0].niveau", "route[0].wie[0]", "extra",
    } <= where  # fmt: skip
    assert all(p.file == path for p in caught.value.problems)
    assert any(p.line == 4 for p in caught.value.problems)
    with pytest.raises(DataFileError):
        all_regions()


def test_broken_yaml_profile(data_copy: Path) -> None:
    (data_copy / "regios" / "stuk.yaml").write_text("naam: [niet dicht\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_region("stuk")
    assert caught.value.problems[0].file is not None
    assert region_label("stuk") == "Stuk"


# -- one region type (review F11, issue 29 §2): the validated profile is what the product reads;
# there used to be frozen dataclasses it was copied into field by field, by position ----------


def test_a_region_is_the_validated_profile_itself() -> None:
    region = load_region("groningen")
    assert type(region) is regionfile.Region and regions.Region is regionfile.Region
    assert region.sleutel == "groningen"
    assert all(type(b) is regionfile.Bed for b in region.bedden)
    # no second set of classes to copy a profile into
    tree = ast.parse(Path(regions.__file__).read_text(encoding="utf-8"))
    assert [n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)] == []


def test_a_copy_keeps_its_key() -> None:
    region = load_region("drenthe")
    assert region.model_copy(update={"route_vastgesteld": True}).sleutel == "drenthe"


def test_what_a_profile_leaves_empty_reads_as_empty_text(data_copy: Path) -> None:
    (data_copy / "regios" / "leeg.yaml").write_text(
        "naam: Leeg\n"
        "zvh:\n  naam: ZVH\n  telefoon:\n"
        "aanbieder:\n  naam: Aanbieder\n"
        "criteria:\n  - sleutel: a\n    tekst: '  Woont in de regio.  '\n"
        "bijzonderheden: ['  Eén ZVH.  ']\n"
        "buiten_kantoortijd:\n  naam: Crisisdienst\n  telefoon: 0900-1234567\n",
        encoding="utf-8",
    )
    region = load_region("leeg")
    assert (region.zvh.telefoon, region.zvh.email, region.aanbieder.telefoon) == ("", "", "")
    assert region.criteria[0].tekst == "Woont in de regio." and region.bijzonderheden == ("Eén ZVH.",)
    assert region.nacht is not None and region.nacht.telefoon == "0900-1234567"
    assert (region.uitgever, region.vastgesteld, region.herzien) == ("", None, None)
