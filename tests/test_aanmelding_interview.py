"""The procesregisseur's interview: answers file, real prompts, warnings, and the step into the plan."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from _interview_keys import CTRL_C, ENTER, YES, pick, typed
from conftest import EXAMPLES, ROOT, TODAY
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from ruamel.yaml import YAML

from levensloop_docs.errors import Interrupted
from levensloop_docs.interview import run_interview
from levensloop_docs.interview.aanmelding import PARTS, find_part
from levensloop_docs.interview.draft import draft_path
from levensloop_docs.interview.prompts import PromptAsker

ANSWERS = ROOT / "examples" / "antwoorden" / "aanmelding-voorbeeld.antwoorden"
CASE_ID = "LLA-2026-0115"


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def answers_with(tmp_path: Path, **changes: Any) -> Path:
    """The example answers file with some top-level answers replaced."""
    data = load(ANSWERS)
    data.update(changes)
    target = tmp_path / "antwoorden.yaml"
    yaml = YAML()
    with target.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    return target


def test_answers_file_records_the_aanmelding_and_moves_the_status(tmp_path: Path, run_cli: Any) -> None:
    folder = tmp_path / "casussen"
    result = run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", ANSWERS)
    assert result.code == 0, result.err
    case = load(folder / f"{CASE_ID}.yaml")
    assert case["meta"]["status"] == "geincludeerd"
    ag = case["aanmelding"]
    assert ag["aanmelder"]["naam"] == "Sietske de Vries-Öztürk"
    assert [c["criterium"] for c in ag["criteria_landelijk"]] == ["1", "2", "3", "4", "5", "6"]
    assert [c["criterium"] for c in ag["criteria_regio"]] == [
        "informatie", "geen_acute_crisis", "geen_alternatief", "rondpompen"
    ]
    assert ag["criteria_regio"][1]["toelichting"] == "Navragen bij de politie."
    # the procesregisseur's own steps: who, whether the client knows, partner information, pre-check
    assert ag["procesregisseur"] == {"naam": "Wieke Dijkstra", "telefoon": "058-0000310"}
    assert ag["client_op_de_hoogte"] == "ja"
    assert ag["informatie_partners"][0]["organisatie"].startswith("Politie Fryslân")
    assert ag["voorcheck"].startswith("De landelijke criteria lijken te gelden.")
    assert "Aan alle landelijke criteria is voldaan." in result.out
    assert run_cli("controleer", folder / f"{CASE_ID}.yaml").code == 0


def test_included_case_goes_on_into_the_plan_without_retyping(tmp_path: Path, run_cli: Any) -> None:
    plan = load(EXAMPLES / "caravan-groningen.yaml")
    answers = answers_with(
        tmp_path,
        doorgaan_met_plan="ja",
        netwerk={"partners": [
            {"rol": "levensloopaanbieder", "id": "fact", "organisatie": "FACT Fryslân (voorbeeld)"},
            {"rol": "gemeente", "organisatie": "Gemeente Leeuwarden (voorbeeld)"},
        ]},
        levensgebieden={"kies": ["huisvesting"], "huisvesting": {
            "situatie": "Woont zelfstandig; huurachterstand.",
            "acties": [{"wat": "Budgetbeheer aanvragen.", "wie": "gemeente", "wanneer": "1-12-2026"}],
        }},
        meta={**load(ANSWERS)["meta"], "vastgesteld": "20-11-2026", "volgende_evaluatie": "20-5-2027"},
    )
    folder = tmp_path / "casussen"
    result = run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", answers)
    assert result.code == 0, result.err
    case = load(folder / f"{CASE_ID}.yaml")
    # what the procesregisseur typed is still there, untouched by the plan interview
    assert case["persoon"]["naam"] == "Gerrit van 't Zand"
    assert case["gegevensdeling"]["toestemming_omvang"].startswith("Alle partners")
    assert case["aanmelding"]["casusregisseur"] == "Jelle Hoekstra"
    # and the plan parts were added
    assert [p["id"] for p in case["netwerk"]["partners"]] == ["fact", "gemeente"]
    assert case["levensgebieden"][0]["acties"][0]["wie"] == "gemeente"
    assert plan["meta"]["casus_id"] != CASE_ID
    assert run_cli("controleer", folder / f"{CASE_ID}.yaml").code == 0


def test_decision_against_the_criteria_warns_but_saves(tmp_path: Path, run_cli: Any) -> None:
    data = load(ANSWERS)["aanmelding"]
    data["criteria_landelijk"][3] = {"oordeel": "voldoet_niet", "toelichting": "Geen behandeling nodig."}
    answers = answers_with(tmp_path, aanmelding=data)
    result = run_cli("aanmelding", "nieuw", "--map", tmp_path / "c", "--antwoorden", answers)
    assert result.code == 0, result.err
    assert "niet voldaan: criterium 4" in result.out
    assert "niet aan elk landelijk criterium" in result.out
    assert load(tmp_path / "c" / f"{CASE_ID}.yaml")["meta"]["status"] == "geincludeerd"


def test_crisis_in_the_reason_is_pointed_out(tmp_path: Path, run_cli: Any) -> None:
    data = load(ANSWERS)["aanmelding"]
    data["reden"] = "Gisteren opgenomen na een suïcidepoging; de crisisdienst is betrokken."
    answers = answers_with(tmp_path, aanmelding=data)
    result = run_cli("aanmelding", "nieuw", "--map", tmp_path / "c", "--antwoorden", answers)
    assert result.code == 0, result.err
    assert "acute crisis" in result.out


def test_rejection_needs_an_advice_and_sets_the_status(tmp_path: Path, run_cli: Any) -> None:
    data = load(ANSWERS)["aanmelding"]
    data.update(besluit="niet_geincludeerd", advies="Vraag FACT om een consult.")
    for field in ("levensloopaanbieder", "casusregisseur", "gemeentelijke_casusregisseur"):
        data.pop(field)
    answers = answers_with(tmp_path, aanmelding=data)
    result = run_cli("aanmelding", "nieuw", "--map", tmp_path / "c", "--antwoorden", answers)
    assert result.code == 0, result.err
    case = load(tmp_path / "c" / f"{CASE_ID}.yaml")
    assert case["meta"]["status"] == "niet_geincludeerd"
    assert case["aanmelding"]["advies"] == "Vraag FACT om een consult."
    assert "casusregisseur" not in case["aanmelding"]


def test_criterion_answer_outside_the_allowed_values_is_refused(tmp_path: Path, run_cli: Any) -> None:
    data = load(ANSWERS)["aanmelding"]
    data["criteria_landelijk"][0] = {"oordeel": "misschien"}
    answers = answers_with(tmp_path, aanmelding=data)
    result = run_cli("aanmelding", "nieuw", "--map", tmp_path / "c", "--antwoorden", answers)
    assert result.code == 2
    assert "aanmelding.criteria_landelijk[0].oordeel" in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "c" / f"{CASE_ID}.yaml").exists()


def test_bewerk_after_the_meeting_changes_only_the_decision(tmp_path: Path, run_cli: Any) -> None:
    case = tmp_path / "aanmelding-drenthe.yaml"
    shutil.copy(EXAMPLES / "aanmelding-drenthe.yaml", case)
    before = case.read_text(encoding="utf-8")
    answers = tmp_path / "besluit.yaml"
    answers.write_text(
        "aanmelding:\n  besluit: aangehouden\n  besluit_toelichting: Eerst een risicotaxatie.\n"
        "opslaan: ja\ngenereer: nee\n",
        encoding="utf-8",
    )
    result = run_cli("aanmelding", "bewerk", case, "--onderdeel", "besluit", "--antwoorden", answers)
    assert result.code == 0, result.err
    after = case.read_text(encoding="utf-8")
    assert "status: aangehouden" in after
    assert "besluit_toelichting: Eerst een risicotaxatie." in after
    # the comments at the top and every other line are kept
    unchanged = [line for line in before.splitlines() if "status:" not in line]
    assert all(line in after.splitlines() for line in unchanged)


def test_unknown_part_is_a_dutch_error(tmp_path: Path, run_cli: Any) -> None:
    case = tmp_path / "a.yaml"
    shutil.copy(EXAMPLES / "aanmelding-drenthe.yaml", case)
    result = run_cli("aanmelding", "bewerk", case, "--onderdeel", "netwerk")
    assert result.code == 2
    assert "Onbekend onderdeel" in result.err


def _first_parts_keys() -> list[str]:
    """Case id, region, registrant, date and reason, typed as the procesregisseur would."""
    return [
        typed(CASE_ID), pick("Friesland"),
        typed("Wijkteam Leeuwarden-Oost (voorbeeld)"), pick("Gemeente"),  # its kind, for the monitor
        typed("Sietske de Vries"), typed("wijkcoach"),
        typed("058-0000301"), ENTER,
        typed("31-2-2026"), typed("2-11-2026"),  # an impossible date first, then the right one
    ]  # fmt: skip


def test_real_prompts_interrupted_then_resumed(tmp_path: Path) -> None:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(_first_parts_keys()) + CTRL_C)
        with pytest.raises(Interrupted):
            run_interview(PARTS, PromptAsker(), folder=tmp_path, today=TODAY)
    draft = draft_path(tmp_path / f"{CASE_ID}.yaml")
    assert draft.exists()
    text = draft.read_text(encoding="utf-8")
    assert "Sietske de Vries" in text and "31-2-2026" not in text
    assert '["aanmelding.aanmelder.soort", "gemeente"]' in text  # the kind, for the monitor (never a name)
    reason = find_part("reden")
    assert reason is not None
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        # resume: yes; every answer comes back, then the reason is asked
        pipe.send_text(YES + "Schulden en ruzie met de buren.\x1b\r" + CTRL_C)
        with pytest.raises(Interrupted):
            run_interview(PARTS, PromptAsker(), folder=tmp_path, resume=True, today=TODAY)
    assert "Schulden en ruzie met de buren." in draft.read_text(encoding="utf-8")


def test_the_interview_records_the_structured_intake(tmp_path: Path, run_cli: Any) -> None:
    """Issue 28: what was tried, the risicotaxatie, acute crisis, the table summary, as fields."""
    folder = tmp_path / "casussen"
    result = run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", ANSWERS)
    assert result.code == 0, result.err
    ag = load(folder / f"{CASE_ID}.yaml")["aanmelding"]
    assert ag["acute_crisis"] == "nee"
    assert ag["geprobeerd"] == [{"interventie": "Ambulante GGZ-behandeling",
                                 "organisatie": "GGZ Friesland (voorbeeld)",
                                 "van": "2021-06", "tot": "2022-01",
                                 "resultaat": "Gestopt; kwam niet meer op afspraken."}]
    assert ag["risicotaxatie"]["instrument"] == "HCR-20V3" and ag["risicotaxatie"]["datum"] == "2024-10"
    assert ag["risicotaxatie"]["uitgevoerd_door"] == "psycholoog, GGZ (voorbeeld)"
    assert ag["tafel_samenvatting"].startswith("Man van rond de veertig")
    assert "grondslag_na_titel" not in ag  # no title ends: not asked


def test_a_title_that_ends_asks_the_basis_after_it(tmp_path: Path, run_cli: Any) -> None:
    data = load(ANSWERS)
    data["persoon"]["juridisch_kader"] = [{"titel": "bijzondere_voorwaarden", "start": "1-1-2025",
                                           "einde": "31-1-2027"}]
    data["aanmelding"]["grondslag_na_titel"] = "vrijwillig"
    data["aanmelding"]["grondslag_na_titel_toelichting"] = "De wijkcoach vraagt toestemming."
    answers = tmp_path / "antwoorden.yaml"
    with answers.open("w", encoding="utf-8") as fh:
        YAML().dump(data, fh)
    folder = tmp_path / "casussen"
    result = run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", answers)
    assert result.code == 0, result.err
    ag = load(folder / f"{CASE_ID}.yaml")["aanmelding"]
    assert ag["grondslag_na_titel"] == "vrijwillig"
    assert ag["grondslag_na_titel_toelichting"] == "De wijkcoach vraagt toestemming."
