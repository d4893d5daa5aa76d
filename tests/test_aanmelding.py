"""Aanmelding: criteria per region, the verdict, the warnings, and both documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _aanmelding_helpers import (
    DRENTHE,
    OOST_BRABANT,
    all_met,
    docx_rows,
    raw_case,
    write_case,
)
from _pdf_helpers import docx_text
from conftest import EXAMPLES, TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from levensloop_docs.case.casefile import load_case, validate_raw
from levensloop_docs.model.casus import Aanmelding
from levensloop_docs.reference.criteria import (
    beoordeel,
    besluit_waarschuwingen,
    crisis_woorden,
    samenvatting,
    waarschuwingen,
)
from levensloop_docs.reference.regions import load_region, national_criteria, region_keys

REGION_COUNTS = {
    "groningen": 5, "friesland": 4, "drenthe": 7, "overijssel": 5,
    "midden-nederland": 5, "oost-brabant": 7, "limburg": 8,
}  # fmt: skip


def _aanmelding(**extra: Any) -> Aanmelding:
    base: dict[str, Any] = {
        "aanmelder": {"organisatie": "Reclassering (voorbeeld)", "naam": "A. Aanmelder"},
        "datum": "2026-11-01",
        "reden": "Toezicht loopt af.",
    }
    base.update(extra)
    return Aanmelding.model_validate(base)


def _answers(value: str, keys: list[str]) -> list[dict[str, str]]:
    return [{"criterium": k, "oordeel": value} for k in keys]


@pytest.mark.parametrize("region_key", sorted(REGION_COUNTS))
def test_criteria_logic_per_region(region_key: str) -> None:
    region = load_region(region_key)
    keys = [c.sleutel for c in region.criteria]
    national = [c.sleutel for c in national_criteria()]
    ag = _aanmelding(criteria_landelijk=_answers("voldoet", national),
                     criteria_regio=_answers("voldoet", keys))
    verdict = beoordeel(ag, region)
    assert len(verdict.regio) == REGION_COUNTS[region_key]
    assert verdict.alle_landelijk_voldaan and verdict.alle_regio_voldaan
    assert samenvatting(verdict) == "Aan alle landelijke criteria is voldaan."
    # one regional 'voldoet niet' does not change the national verdict
    ag2 = _aanmelding(criteria_landelijk=_answers("voldoet", national),
                      criteria_regio=_answers("voldoet_niet", keys[:1]))
    verdict2 = beoordeel(ag2, region)
    assert verdict2.alle_landelijk_voldaan and not verdict2.alle_regio_voldaan
    assert [s.oordeel for s in verdict2.regio][1:] == ["onbekend"] * (len(keys) - 1)


def test_missing_and_failed_national_criteria() -> None:
    ag = _aanmelding(criteria_landelijk=[
        {"criterium": "1", "oordeel": "voldoet"},
        {"criterium": 2, "oordeel": "voldoet_niet", "toelichting": "geen risicotaxatie"},
    ])
    verdict = beoordeel(ag, load_region("groningen"))
    assert not verdict.alle_landelijk_voldaan
    assert verdict.niet_voldaan == ("2",)
    assert verdict.onbekend == ("3", "4", "5", "6")
    assert verdict.landelijk[1].toelichting == "geen risicotaxatie"
    text = samenvatting(verdict)
    assert "niet voldaan: 2" in text and "onbekend: 3, 4, 5, 6" in text


def test_without_region_only_national_criteria_count() -> None:
    verdict = beoordeel(_aanmelding(), None)
    assert verdict.regio == () and len(verdict.landelijk) == 6


@pytest.mark.parametrize(
    ("besluit", "national", "warned"),
    [
        ("geincludeerd", "voldoet", False),
        ("geincludeerd", "voldoet_niet", True),
        ("geincludeerd", "onbekend", True),
        ("niet_geincludeerd", "voldoet", True),
        ("niet_geincludeerd", "voldoet_niet", False),
        ("aangehouden", "onbekend", False),
        (None, "voldoet_niet", False),
    ],
)
def test_decision_warnings(besluit: str | None, national: str, warned: bool) -> None:
    keys = [str(i) for i in range(1, 7)]
    answers = _answers("voldoet", keys[:5]) + _answers(national, keys[5:])
    ag = _aanmelding(criteria_landelijk=answers, besluit=besluit, advies="Bemoeizorg.",
                     casusregisseur="X")
    verdict = beoordeel(ag, load_region("limburg"))
    assert bool(besluit_waarschuwingen(besluit, verdict)) is warned
    fields = [w.veld for w in waarschuwingen(ag, load_region("limburg"))]
    assert ("aanmelding.besluit" in fields) is warned


@pytest.mark.parametrize(
    "reason",
    ["Acute psychose sinds gisteren", "Hij is SUICIDAAL en belt de crisisdienst",
     "Opname vandaag nodig na ruzie", "Dreigt nu met een mes"],
)
def test_crisis_reason_is_warned(reason: str) -> None:
    found = waarschuwingen(_aanmelding(reden=reason), None)
    assert [w.veld for w in found] == ["aanmelding.reden"]
    assert "rustige periode" in found[0].tekst


def test_calm_reason_is_not_warned() -> None:
    assert crisis_woorden("Het toezicht loopt af; de situatie is rustig.") == []


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_crisis_detection_never_fails_on_free_text(text: str) -> None:
    words = crisis_woorden(text)
    assert isinstance(words, list)


def test_rejection_without_advice_and_inclusion_without_casusregisseur_warn() -> None:
    fields = [w.veld for w in waarschuwingen(_aanmelding(besluit="niet_geincludeerd"), None)]
    assert "aanmelding.advies" in fields
    fields = [w.veld for w in waarschuwingen(_aanmelding(besluit="geincludeerd"), None)]
    assert "aanmelding.casusregisseur" in fields


# ---- case files: errors and warnings through controleer ---------------------------------


def test_examples_are_valid() -> None:
    for path in (DRENTHE, OOST_BRABANT):
        case = load_case(path, today=TODAY)
        assert case.casus.aanmelding is not None
        assert case.casus.meta.regio in region_keys()


def test_unknown_region_is_an_error_listing_known_regions(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["meta"]["regio"] = "atlantis"
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "meta.regio" in result.err and "groningen" in result.err and "drenthe" in result.err
    assert "Traceback" not in result.err


def test_criterion_answer_outside_allowed_values(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_landelijk"][2]["oordeel"] = "misschien"
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "aanmelding.criteria_landelijk[2].oordeel" in result.err
    assert "voldoet_niet" in result.err and path.name in result.err


def test_criterion_key_not_in_region(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_regio"][0]["criterium"] = "vastgelopen"  # a Groningen key
    data["aanmelding"]["criteria_landelijk"][0]["criterium"] = "7"
    data["aanmelding"]["criteria_landelijk"].append({"criterium": "2", "oordeel": "voldoet"})
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "aanmelding.criteria_regio[0].criterium" in result.err
    assert "forensische_expertise" in result.err  # the allowed keys of Drenthe are listed
    assert "aanmelding.criteria_landelijk[0].criterium" in result.err
    assert "aanmelding.criteria_landelijk[6].criterium" in result.err  # answered twice
    assert path.name in result.err


def test_warnings_do_not_block(tmp_path: Path) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Acute crisis: opname vandaag."
    data["aanmelding"]["besluit"] = "geincludeerd"
    data["meta"]["status"] = "aangemeld"
    case = load_case(write_case(tmp_path, data), today=TODAY)
    paths = {w.path for w in case.warnings}
    assert {"aanmelding.reden", "aanmelding.besluit", "meta.status", "aanmelding.casusregisseur"} <= paths


def test_messages_carry_no_personal_data(tmp_path: Path) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Crisis bij Ruben thuis"
    data["meta"]["regio"] = "nergens"
    _case, problems = validate_raw(data, tmp_path / "x.yaml", today=TODAY)
    text = " ".join(p.message for p in problems)
    assert "Ruben" not in text and "Hoekstra" not in text


# ---- documents -------------------------------------------------------------------------


def test_aanmeldformulier_renders_everything(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    out = tmp_path / "LLA-2026-0051_aanmeldformulier_v1.docx"
    text = docx_text(out)
    for expected in ("Reclassering Noord, unit Assen (voorbeeld)", "Ilse Bakker-Yilmaz", "9 november 2026",
                     "Zorg- en Veiligheidshuis Drenthe (voorbeeld)", "Ruben Hoekstra-Lindeboom",
                     "Melding bedreiging van een buurvrouw", "15 augustus 2021",
                     "bijzondere voorwaarden", "Niet aan alle landelijke criteria is voldaan",
                     "Criteria van regio Drenthe", "Een FACT-team is nog niet geprobeerd.",
                     "3 december 2026", "nog geen besluit"):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text
    rows = {r[0]: r for r in docx_rows(out) if len(r) == 6}
    assert rows["1"][2:5] == ["X", "", ""]
    assert rows["6"][2:5] == ["", "", "X"]
    assert rows["alternatieven"][2:5] == ["", "X", ""]
    assert len([k for k in rows if k.isdigit()]) == 6
    # the history is a timeline: oldest first
    assert text.index("1 maart 2019") < text.index("15 augustus 2021") < text.index("2 mei 2023")


def test_terugkoppeling_on_rejection_carries_the_advice(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path)
    assert result.code == 0, result.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "LLA-2026-0057_terugkoppeling_v1.docx" in names
    assert "LLA-2026-0057_aanmeldformulier_v1.docx" in names
    text = docx_text(tmp_path / "LLA-2026-0057_terugkoppeling_v1.docx")
    assert "niet wordt opgenomen" in text and "Ons advies" in text
    assert "Vraag bemoeizorg (OGGZ) aan" in text and "Beste Noor Verbeek" in text
    assert "22 oktober 2026" in text and "{{" not in text


def test_terugkoppeling_on_inclusion_names_the_assignments(tmp_path: Path, run_cli: Any) -> None:
    data = all_met(raw_case())
    data["meta"]["status"] = "geincludeerd"
    data["aanmelding"].update({
        "besluit": "geincludeerd", "levensloopaanbieder": "Forensisch ACT-team Drenthe (voorbeeld)",
        "casusregisseur": "T. Casusregisseur", "gemeentelijke_casusregisseur": "G. Gemeente",
    })
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0051_terugkoppeling_v1.docx")
    assert "wordt opgenomen in de levensloopaanpak" in text
    assert "T. Casusregisseur" in text and "G. Gemeente" in text and "Ons advies" not in text


def test_documents_apply_only_with_aanmelding_and_decision(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path)
    assert result.code == 0, result.err
    names = {p.name for p in tmp_path.iterdir()}
    assert "LLA-2026-0051_aanmeldformulier_v1.docx" in names
    assert not any("terugkoppeling" in n for n in names)
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path / "b", "--document", "terugkoppeling")
    assert result.code == 2 and "aanmelding.besluit" in result.err
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_typed_text_is_data_in_the_form(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Rustig. {{ meta.casus_id }} <b>vet</b> & {% if x %}"
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier_v1.docx")
    assert "Rustig. {{ meta.casus_id }} <b>vet</b> & {% if x %}" in text


def test_pdf_of_both_documents(tmp_path: Path, run_cli: Any, needs_libreoffice: None) -> None:
    from pypdf import PdfReader

    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path, "--formaat", "pdf",
                     "--document", "aanmeldformulier", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    letter = PdfReader(tmp_path / "LLA-2026-0057_terugkoppeling_v1.pdf")
    text = "".join(p.extract_text() for p in letter.pages)
    assert "Ons advies" in text
    form = PdfReader(tmp_path / "LLA-2026-0057_aanmeldformulier_v1.pdf")
    assert "Landelijke criteria" in "".join(p.extract_text() for p in form.pages)


def test_a_folder_makes_no_plan_before_inclusion(tmp_path: Path, run_cli: Any) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    for source in (DRENTHE, OOST_BRABANT, EXAMPLES / "caravan-groningen.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    for extra in ((), ("--document", "levensloopplan")):
        out = tmp_path / f"uit{len(extra)}"
        result = run_cli("genereer", folder, "--uit", out, *extra)
        assert result.code == 0, result.err
        plans = sorted(p.name for p in out.glob("*_levensloopplan_*"))
        # aangemeld (Drenthe) and niet geïncludeerd (Oost-Brabant) have no plan yet
        assert plans == ["LLA-2026-0042_levensloopplan_v2.docx"]
