"""A ZVH's own PDF form: listing fields, filling from a mapping, read back with pypdf, bad input."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from _aanmelding_helpers import DRENTHE, OOST_BRABANT, raw_case, write_case
from _pdf_helpers import pdf_array, pdf_dict
from conftest import EXAMPLES
from pypdf import PdfReader, PdfWriter

from levensloop_docs.yamlio import load_yaml

FORM = EXAMPLES / "formulieren" / "zvh-aanmeldformulier-voorbeeld.pdf"
MAPPING = EXAMPLES / "formulieren" / "zvh-aanmeldformulier-voorbeeld.koppeling.yaml"


def _fill(run_cli: Any, case: Path, out: Path, *extra: str | Path, form: Path = FORM,
          mapping: Path = MAPPING) -> Any:
    args = ("aanmelding", "formulier", case, "--pdf", form, "--koppeling", mapping, "--uit", out)
    return run_cli(*args, *extra)


def _values(path: Path) -> dict[str, str]:
    fields = PdfReader(path).get_fields() or {}
    return {name: str(spec.get("/V", "")) for name, spec in fields.items()}


def test_velden_lists_names_kinds_and_options(run_cli: Any) -> None:
    result = run_cli("aanmelding", "velden", FORM)
    assert result.code == 0, result.err
    lines = {line.split()[0]: line.split()[1:] for line in result.out.splitlines()[1:-1]}
    assert lines["naam_client"] == ["tekst"]
    assert lines["criterium_1"][0] == "vinkvakje" and "Yes" in lines["criterium_1"][-1]
    mapped = set(load_yaml(MAPPING, round_trip=False)["velden"])
    assert mapped <= set(lines)


def test_every_mapped_value_is_in_the_filled_form(tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / "ingevuld.pdf"
    result = _fill(run_cli, DRENTHE, out)
    assert result.code == 0, result.err
    assert "30" in result.out
    values = _values(out)
    assert values["casusnummer"] == "LLA-2026-0051"
    assert values["naam_client"] == "Ruben Hoekstra-Lindeboom"
    assert values["geboortedatum"] == "19 juni 1991"  # a Dutch date
    assert values["aanmelder_organisatie"] == "Reclassering Noord, unit Assen (voorbeeld)"
    assert values["aanmelder_naam"] == "Ilse Bakker-Yilmaz, reclasseringswerker"
    assert values["datum_aanmelding"] == "9 november 2026"
    assert values["reden"].startswith("Het toezicht loopt eind januari af.")
    titel = "Titel: Strafrechtelijke titel - bijzondere voorwaarden (tot 31 januari 2027)."
    assert titel in values["huidige_zorg"]
    assert values["verblijf"] == "Maatschappelijke opvang"
    assert values["criterium_1_toelichting"] == "Voldoet. 35 jaar; gevaarlijk gedrag bij psychose en gebruik."
    assert values["criterium_6_toelichting"].startswith("Onbekend.")
    # checkboxes: criteria 1-5 voldoen, 6 is onbekend; not all met; no decision yet
    assert [values[f"criterium_{i}"] for i in range(1, 7)] == ["/Yes"] * 5 + ["/Off"]
    assert values["alle_criteria"] == "/Off" and values["geincludeerd"] == "/Off"
    assert values["datum_overleg"] == "3 december 2026"
    assert values["besluit"] == ""
    assert out.stat().st_mode & 0o777 == 0o600


def test_checkbox_states_follow_the_decision(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_landelijk"] = [
        {"criterium": str(i), "oordeel": "voldoet"} for i in range(1, 7)
    ]
    data["aanmelding"].update({"besluit": "geincludeerd", "casusregisseur": "T. Regisseur"})
    data["meta"]["status"] = "geincludeerd"
    case = write_case(tmp_path, data)
    out = tmp_path / "uit.pdf"
    assert _fill(run_cli, case, out).code == 0
    values = _values(out)
    assert [values[f"criterium_{i}"] for i in range(1, 7)] == ["/Yes"] * 6
    assert values["alle_criteria"] == "/Yes" and values["geincludeerd"] == "/Yes"
    assert values["besluit"] == "Geïncludeerd" and values["casusregisseur"] == "T. Regisseur"
    widget = next(a.get_object() for a in pdf_array(PdfReader(out).pages[1]["/Annots"])
                  if a.get_object().get("/T") == "geincludeerd")
    assert widget["/AS"] == "/Yes"


def test_flattened_form_has_no_fields_but_shows_the_text(tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / "plat.pdf"
    result = _fill(run_cli, OOST_BRABANT, out, "--plat")
    assert result.code == 0, result.err
    reader = PdfReader(out)
    assert not reader.get_fields()
    text = "".join(p.extract_text() for p in reader.pages)
    for expected in ("LLA-2026-0057", "Daan Verheijden", "2 november 1979", "Niet geïncludeerd",
                     "22 oktober 2026"):
        assert expected in text, expected


def test_editable_form_stays_editable(tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / "bewerkbaar.pdf"
    assert _fill(run_cli, OOST_BRABANT, out).code == 0
    reader = PdfReader(out)
    assert bool(pdf_dict(pdf_dict(reader.trailer["/Root"])["/AcroForm"]).get("/NeedAppearances"))
    assert _values(out)["advies"].startswith("Vraag bemoeizorg (OGGZ) aan")


def test_default_output_name_has_case_id_not_name(tmp_path: Path, run_cli: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run_cli("aanmelding", "formulier", DRENTHE, "--pdf", FORM, "--koppeling", MAPPING)
    assert result.code == 0, result.err
    assert [p.name for p in tmp_path.iterdir()] == ["LLA-2026-0051_zvh-aanmeldformulier-voorbeeld.pdf"]


# ---- bad input: Dutch message naming file and field, exit 2, nothing written ----------------


def _assert_refused(result: Any, out: Path, *needles: str) -> None:
    assert result.code == 2, (result.code, result.err)
    assert "Traceback" not in result.err
    for needle in needles:
        assert needle in result.err, (needle, result.err)
    assert not out.exists()
    assert not list(out.parent.glob("*.tmp")) and not list(out.parent.glob(".*.tmp"))


def test_mapping_names_a_field_the_form_lacks(tmp_path: Path, run_cli: Any) -> None:
    mapping = tmp_path / "k.koppeling.yaml"
    mapping.write_text("velden:\n  naam_client: persoon.naam\n  schoenmaat: persoon.naam\n", encoding="utf-8")
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, DRENTHE, out, mapping=mapping), out,
                    "k.koppeling.yaml", "velden.schoenmaat", "zvh-aanmeldformulier-voorbeeld.pdf",
                    "aanmelding velden")


def test_mapping_with_unknown_path_and_broken_expressions(tmp_path: Path, run_cli: Any) -> None:
    mapping = tmp_path / "k.yaml"
    mapping.write_text(
        "velden:\n"
        "  naam_client: persoon.schoenmaat\n"
        "  reden: {tekst: '{{ aanmelding.reden'}\n"
        "  geincludeerd: {als: 'bestaat_niet.x'}\n"
        "  besluit: {wat: 1}\n"
        "  advies: {tekst: '{{ ().__class__ }}'}\n",
        encoding="utf-8",
    )
    out = tmp_path / "uit.pdf"
    result = _fill(run_cli, DRENTHE, out, mapping=mapping)
    _assert_refused(result, out, "velden.naam_client", "persoon.schoenmaat", "velden.reden",
                    "velden.geincludeerd", "velden.besluit", "velden.advies")


def test_mapping_that_is_no_mapping(tmp_path: Path, run_cli: Any) -> None:
    mapping = tmp_path / "k.yaml"
    mapping.write_text("- gewoon een lijst\n", encoding="utf-8")
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, DRENTHE, out, mapping=mapping), out, "k.yaml", "velden")


def test_not_a_pdf(tmp_path: Path, run_cli: Any) -> None:
    fake = tmp_path / "formulier.pdf"
    fake.write_text("Dit is een tekstbestand.\n", encoding="utf-8")
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, DRENTHE, out, form=fake), out, "formulier.pdf", "geen PDF")
    result = run_cli("aanmelding", "velden", fake)
    assert result.code == 2 and "formulier.pdf" in result.err


def test_encrypted_pdf(tmp_path: Path, run_cli: Any) -> None:
    writer = PdfWriter(clone_from=FORM)
    writer.encrypt("geheim", algorithm="AES-256")
    locked = tmp_path / "versleuteld.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, DRENTHE, out, form=locked), out, "versleuteld.pdf", "versleuteld")


def test_damaged_pdf(tmp_path: Path, run_cli: Any) -> None:
    broken = tmp_path / "kapot.pdf"
    data = FORM.read_bytes()
    broken.write_bytes(data[: len(data) // 3])
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, DRENTHE, out, form=broken), out, "kapot.pdf", "beschadigd")


def test_pdf_without_fields(tmp_path: Path, run_cli: Any) -> None:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    plain = tmp_path / "leeg.pdf"
    with plain.open("wb") as fh:
        writer.write(fh)
    result = run_cli("aanmelding", "velden", plain)
    assert result.code == 2 and "leeg.pdf" in result.err and "invulbaar" in result.err


def test_region_that_does_not_exist(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["meta"]["regio"] = "atlantis"
    case = write_case(tmp_path, data)
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, case, out), out, "casus.yaml", "meta.regio", "groningen")


def test_criterion_answer_outside_allowed_values(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_regio"][1]["oordeel"] = "ja"
    case = write_case(tmp_path, data)
    out = tmp_path / "uit.pdf"
    _assert_refused(_fill(run_cli, case, out), out, "casus.yaml", "aanmelding.criteria_regio[1].oordeel",
                    "voldoet_niet")


def test_case_without_aanmelding(tmp_path: Path, run_cli: Any) -> None:
    out = tmp_path / "uit.pdf"
    result = _fill(run_cli, EXAMPLES / "caravan-groningen.yaml", out)
    _assert_refused(result, out, "LLA-2026-0042", "aanmelding")


def test_output_may_not_overwrite_the_form(tmp_path: Path, run_cli: Any) -> None:
    form = tmp_path / "form.pdf"
    shutil.copy(FORM, form)
    before = form.read_bytes()
    result = _fill(run_cli, DRENTHE, form, form=form)
    assert result.code == 2 and "--uit" in result.err
    assert form.read_bytes() == before


def test_example_form_is_regenerated_identically_in_structure(tmp_path: Path) -> None:
    import runpy

    script = EXAMPLES.parent / "scripts" / "maak_voorbeeldformulier.py"
    module = runpy.run_path(str(script))
    module["main"].__globals__["TARGET"] = tmp_path / "f.pdf"
    module["main"]()
    assert set(PdfReader(tmp_path / "f.pdf").get_fields() or {}) == set(PdfReader(FORM).get_fields() or {})
