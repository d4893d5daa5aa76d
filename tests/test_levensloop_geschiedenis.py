"""The life course of a case: evaluations, plan history, uitstroom on the history.

The evaluation interview is run for real: once with an answers file (the example's own),
once through the questionary prompts fed by prompt_toolkit pipe input.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from _interview_keys import ADD, DONE, ENTER, NO, lines, pick, typed
from conftest import EXAMPLES, TODAY, RunCli
from test_interview_prompts import keyboard

from levensloop_docs.case.casefile import find_case_files, load_case
from levensloop_docs.case.history import archive_text, history_dir, split_header, version_path
from levensloop_docs.case.uitstroom import exit_status
from levensloop_docs.cli.commands.evaluatie import archive_replaced
from levensloop_docs.errors import LevensloopError
from levensloop_docs.interview import run_interview
from levensloop_docs.interview.draft import draft_path
from levensloop_docs.interview.evaluatie import evaluation_parts
from levensloop_docs.interview.lock import lock_path
from levensloop_docs.interview.prompts import PromptAsker
from levensloop_docs.model.casus import Casus

EVAL = EXAMPLES / "evaluatie"
ANSWERS = EXAMPLES / "antwoorden"
LIFE = "LLA-2024-0117"  # three evaluations, plan v4
EXIT = "LLA-2022-0031"  # meets the three uitstroom criteria


@pytest.fixture
def first_plan(tmp_path: Path) -> Path:
    """The example case as it was before its first evaluation (version 1)."""
    target = tmp_path / f"{LIFE}.yaml"
    # the case text of version 1, without the history's hash line (case/history.py)
    _header, body = split_header((EVAL / f"{LIFE}.geschiedenis" / "v1.yaml").read_text(encoding="utf-8"))
    target.write_text(body, encoding="utf-8")
    return target


@pytest.fixture
def exit_case(tmp_path: Path) -> Path:
    target = tmp_path / f"{EXIT}.yaml"
    shutil.copy(EVAL / f"{EXIT}.yaml", target)
    return target


# --- the evaluation interview, answers file ---------------------------------------------

def test_three_evaluations_from_answers_files_give_the_example(run_cli: RunCli, first_plan: Path) -> None:
    for i in (1, 2, 3):
        result = run_cli("evaluatie", first_plan, "--antwoorden", ANSWERS / f"evaluatie-{i}.antwoorden")
        assert result.code == 0, result.err
    assert first_plan.read_text(encoding="utf-8") == (EVAL / f"{LIFE}.yaml").read_text(encoding="utf-8")
    for n in (1, 2, 3):
        archived = version_path(first_plan, n)
        expected = EVAL / f"{LIFE}.geschiedenis" / f"v{n}.yaml"
        assert archived.read_bytes() == expected.read_bytes()
        assert archived.stat().st_mode & 0o777 == 0o600
    assert history_dir(first_plan).stat().st_mode & 0o777 == 0o700
    casus = load_case(first_plan).casus
    assert casus.meta.planversie == 4 and casus.meta.vastgesteld == date(2026, 11, 17)
    assert [e.planversie for e in casus.evaluaties] == [1, 2, 3]
    assert [s.score for s in casus.evaluaties[2].zrm] == [4, 4, 3, 4]


def test_an_evaluation_keeps_the_version_it_replaces_byte_for_byte(run_cli: RunCli, first_plan: Path) -> None:
    before = first_plan.read_text(encoding="utf-8")
    result = run_cli("evaluatie", first_plan, "--antwoorden", ANSWERS / "evaluatie-1.antwoorden")
    assert result.code == 0, result.err
    header, body = split_header(version_path(first_plan, 1).read_text(encoding="utf-8"))
    assert body == before and header is not None
    assert (header["casus"], header["versie"], header["vorige"]) == (LIFE, "1", "-")
    casus = load_case(first_plan).casus
    assert casus.meta.planversie == 2
    ev = casus.evaluaties[0]
    assert ev.datum == date(2025, 5, 20)
    assert [(i.niveau, i.vorm) for i in casus.incidenten] == [("klinisch_regulier", "acute_crisis")]
    # the ended actions the answers took out of the plan are gone; the evaluation keeps them
    kept = [a.wat for g in casus.levensgebieden for a in g.acties]
    assert "Aanmelding beschermd wonen indienen." not in kept
    assert "Aanmelding beschermd wonen indienen." in [a.actie for a in ev.acties]
    assert casus.partner("anker") is not None


def test_bad_answer_stops_with_exit_2_and_changes_nothing(
    run_cli: RunCli, first_plan: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "fout.antwoorden"
    text = (ANSWERS / "evaluatie-1.antwoorden").read_text(encoding="utf-8")
    answers.write_text(text.replace("- score: 3", "- score: 7"), encoding="utf-8")
    before = first_plan.read_bytes()
    result = run_cli("evaluatie", first_plan, "--antwoorden", answers)
    assert result.code == 2
    assert "evaluaties[0].zrm[3].score" in result.err and "1 tot en met 5" in result.err, result.err
    assert first_plan.read_bytes() == before and not history_dir(first_plan).exists()


def test_an_archived_version_is_never_overwritten_with_other_content(first_plan: Path) -> None:
    archive_text(first_plan, 1, "meta: {casus_id: X}\n")
    archive_text(first_plan, 1, "meta: {casus_id: X}\n")  # the same again is fine
    with pytest.raises(LevensloopError) as refused:
        archive_text(first_plan, 1, "meta: {casus_id: Y}\n")
    assert refused.value.exit_code == 2 and "versie 1" in refused.value.message
    assert split_header(version_path(first_plan, 1).read_text(encoding="utf-8"))[1] == "meta: {casus_id: X}\n"


def test_history_files_are_no_case_files_of_a_folder() -> None:
    found = {p.name for p in find_case_files(EVAL)}
    assert found == {f"{LIFE}.yaml", f"{EXIT}.yaml"}


def test_an_old_version_can_be_rendered_by_number(run_cli: RunCli, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "uit"
    result = run_cli("genereer", EVAL / f"{LIFE}.yaml", "--versie", "2", "--document", "levensloopplan",
                     "--uit", out)
    assert result.code == 0, result.err
    doc = Document(str(out / f"{LIFE}_levensloopplan_v2.docx"))
    text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "20 mei 2025" in text  # version 2 was set at the first evaluation
    missing = run_cli("genereer", EVAL / f"{LIFE}.yaml", "--versie", "9", "--uit", out)
    assert missing.code == 2 and "Versie 9" in missing.err and "1, 2, 3, 4" in missing.err


# --- the evaluation interview through the real prompts ---------------------------------

def _prompt_keys() -> list[str]:
    """One evaluation of the uitstroom example, as a person types it."""
    return [
        typed("10-11-2026"), lines("Ilse Brouwer-Demir (ForFACT)", "Bram"),  # moment
        pick("Loopt"), typed("Elke maand langs geweest."), ENTER, ENTER,  # two actions
        pick("deels"), ENTER, pick("niet"), typed("Terugval in oktober."), ENTER, ENTER,  # three goals
        typed("5"), typed("9"), typed("3"),  # ZRM: 9 is refused at the prompt, then 3
        ENTER, ENTER, ENTER,  # financien and tijdsbesteding keep their score, justitie none
        ENTER, typed("Eigen huurwoning; huur via bewind."),  # stay: the same kind, new words
        typed("Woont sinds 2023 zelfstandig; de woning is op orde."), lines(),  # huisvesting
        *[ENTER, lines()] * 5,  # the other levensgebieden: situation and goals as they are
        ENTER,  # no level of care recorded
        ADD, typed("20-10-2026"), typed("Na aanhouding kort in de kliniek."), pick("Klinisch"),
        pick("justitie"), ENTER, pick("oranje"), DONE,  # one escalation: level, form, bed date unknown, phase
        lines("Geen nieuwe taxatie."), NO,  # risk
        lines("Woning"), lines("Terugval"),  # how it goes
        lines("Ik wil het zelf doen."), lines(),  # the client's voice; no naaste took part
        lines(),  # no changes
        ENTER,  # no plan parts change
        ENTER, ENTER,  # meeting (default) and rhythm (as it was)
        ENTER, DONE,  # next evaluation (default); nobody agreed yet
        ENTER,  # save
    ]  # fmt: skip


def test_evaluation_through_the_prompts_records_it_and_sets_a_new_version(exit_case: Path) -> None:
    before = exit_case.read_bytes()
    with keyboard(_prompt_keys()):
        outcome = run_interview(evaluation_parts(), PromptAsker(), case_path=exit_case, today=TODAY,
                                before_save=archive_replaced)
    assert outcome.saved
    casus = load_case(exit_case).casus
    ev = casus.evaluaties[-1]
    assert ev.datum == date(2026, 11, 10) and ev.deelnemers == ["Ilse Brouwer-Demir (ForFACT)", "Bram"]
    assert [(s.gebied, s.score) for s in ev.zrm] == [
        ("huisvesting", 5), ("middelengebruik", 3), ("financien", 4), ("tijdsbesteding", 4)]
    assert [d.oordeel for d in ev.doelen] == ["deels", "niet", "deels"]
    # the case's one list: the earlier incident stays, the new one comes after it
    assert [i.datum for i in casus.incidenten] == [date(2025, 8, 14), date(2026, 10, 20)]
    new = casus.incidenten[-1]
    assert (new.niveau, new.vorm, new.fase) == ("klinisch_regulier", "justitie", "oranje")
    assert ev.volgende_evaluatie == date(2027, 5, 10)
    assert casus.meta.planversie == 6 and casus.meta.vastgesteld == date(2026, 11, 10)
    assert split_header(version_path(exit_case, 5).read_text(encoding="utf-8"))[1].encode() == before
    # what the plan says now follows the meeting; the front page names this meeting
    assert casus.persoon.verblijf_toelichting == "Eigen huurwoning; huur via bewind."
    assert casus.levensgebieden[0].situatie == "Woont sinds 2023 zelfstandig; de woning is op orde."
    assert ev.stem_client == "Ik wil het zelf doen."
    assert casus.meta.aanwezig == ev.deelnemers and casus.meta.vastgesteld_in
    # approvals belong to the version agreed to: version 5's are not carried over
    assert casus.meta.akkoord == []
    assert not draft_path(exit_case).exists() and not lock_path(exit_case).exists()


def test_stopped_evaluation_keeps_its_answers_and_resumes(exit_case: Path) -> None:
    from levensloop_docs.errors import Interrupted

    keys = _prompt_keys()
    with pytest.raises(Interrupted), keyboard(keys[:8]):
        run_interview(evaluation_parts(), PromptAsker(), case_path=exit_case, today=TODAY,
                      before_save=archive_replaced)
    assert draft_path(exit_case).exists() and not history_dir(exit_case).exists()
    with keyboard([ENTER, *keys[8:]]):  # Enter: continue with the draft
        outcome = run_interview(evaluation_parts(), PromptAsker(), case_path=exit_case, today=TODAY,
                                before_save=archive_replaced)
    assert outcome.saved
    assert load_case(exit_case).casus.evaluaties[-1].doelen[1].toelichting == "Terugval in oktober."


# --- uitstroom on the history -------------------------------------------------------------

def _with(casus: Casus, **changes: Any) -> Casus:
    data = casus.model_dump()
    for path, value in changes.items():
        node: Any = data  # dicts and lists on the way down
        keys = path.split(".")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        node[keys[-1]] = value
    return Casus.model_validate(data)


def _exit_casus() -> Casus:
    return load_case(EVAL / f"{EXIT}.yaml").casus


def test_one_year_364_days_is_not_yet_two_years_stable() -> None:
    since = date(2024, 3, 1)
    casus = _with(_exit_casus(), **{"uitstroom.stabiel_sinds": since})
    day_before = exit_status(casus, date(2026, 2, 28))  # 1 year and 364 days
    assert not day_before.all_met and not day_before.criteria[0].met
    assert day_before.earliest == date(2026, 3, 1)
    on_the_day = exit_status(casus, date(2026, 3, 1))
    assert on_the_day.all_met and on_the_day.earliest == date(2026, 3, 1)


def test_a_red_phase_incident_last_month_starts_stability_again() -> None:
    today = date(2026, 11, 23)
    casus = _exit_casus()
    assert exit_status(casus, today).all_met
    red = {"datum": today - timedelta(days=30), "omschrijving": "Dreigde de buren.", "niveau": "ambulant",
           "fase": "rood"}
    data = casus.model_dump()
    data["incidenten"].append(red)
    status = exit_status(Casus.model_validate(data), today)
    assert not status.all_met and not status.criteria[0].met
    assert status.stable_since == today - timedelta(days=29)
    assert status.earliest == date(2028, 10, 25)
    assert "24 oktober 2026" in status.criteria[0].bewijs


def test_an_orange_ambulant_incident_does_not_break_stability() -> None:
    casus = _exit_casus()  # it has one (14 August 2025)
    assert casus.incidenten[0].fase == "oranje"
    status = exit_status(casus, date(2026, 11, 23))
    assert status.stable_since == date(2023, 6, 1) and status.last_escalation is None


def test_an_admission_counts_even_without_a_phase() -> None:
    data = _exit_casus().model_dump()
    data["incidenten"][0].update(niveau="klinisch_regulier", fase=None)
    status = exit_status(Casus.model_validate(data), date(2026, 11, 23))
    assert status.stable_since == date(2025, 8, 15) and not status.all_met


def test_uitstroom_command_makes_both_documents_only_when_all_criteria_hold(
    run_cli: RunCli, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "uit"
    result = run_cli("uitstroom", EVAL / f"{EXIT}.yaml", "--uit", out, "--formaat", "docx")
    assert result.code == 0, result.err
    assert "Stabiel sinds: 1 juni 2023" in result.out
    besluit = Document(str(out / f"{EXIT}_uitstroombesluit_v5.docx"))
    cells = [c.text for t in besluit.tables for r in t.rows for c in r.cells]
    assert "Risicotaxatie HKT-R van 4 november 2025: Laag risico" in " ".join(cells)
    brief = "\n".join(p.text for p in Document(str(out / f"{EXIT}_overdrachtsbrief_v5.docx")).paragraphs)
    assert "FACT-team Emmen" in brief and "opnieuw aan" in brief and "consulteren" in brief


def test_uitstroom_not_yet_exits_3_after_the_verdict_and_writes_nothing(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """"Not yet" is its own exit code: a script tells it from bad input (2) and a failure (1)."""
    out = tmp_path / "leeg"
    out.mkdir()
    not_yet = run_cli("uitstroom", EVAL / f"{LIFE}.yaml", "--uit", out)
    assert not_yet.code == 3, not_yet.out + not_yet.err
    # the verdict first (stdout), then why nothing was made (stderr, from the CLI edge)
    assert "Stabiel sinds:" in not_yet.out and "Vroegst mogelijke uitstroom: 9 maart 2027" in not_yet.out
    assert not_yet.err.splitlines()[0] == (
        "Fout: Uitstroom is nog niet mogelijk: niet aan alle drie de voorwaarden is voldaan. "
        "Er zijn geen documenten gemaakt."
    )
    assert list(out.iterdir()) == []
    missing = run_cli("uitstroom", tmp_path / "bestaat-niet.yaml", "--uit", out)
    assert missing.code == 2  # bad input stays 2
