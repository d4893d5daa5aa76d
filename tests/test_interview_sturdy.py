"""Issue 26: each problem of the 80x24 review of 7 December, reproduced through the real prompts.

Keys go through prompt_toolkit pipe input into the questionary prompts (``keyboard``), as
in ``test_interview_prompts.py``; each test failed before its fix.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _interview_keys import ADD, ENTER, pick, typed
from conftest import EXAMPLES, TODAY
from test_interview_prompts import keyboard
from test_levensloop_geschiedenis import EXIT, _prompt_keys

from levensloop_docs.case.casefile import load_case
from levensloop_docs.cli.commands.evaluatie import archive_replaced
from levensloop_docs.errors import Interrupted, InterviewCrash
from levensloop_docs.interview import Interview, Part, run_interview, store
from levensloop_docs.interview.draft import Draft, apart_path, draft_path
from levensloop_docs.interview.evaluatie import evaluation_parts
from levensloop_docs.interview.lock import LockInfo, lock_path, read_lock
from levensloop_docs.interview.prompts import PromptAsker
from levensloop_docs.interview.questions import Question

BACK = "<"


@pytest.fixture
def caravan(tmp_path: Path) -> Path:
    target = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", target)
    return target


@pytest.fixture
def exit_case(tmp_path: Path) -> Path:
    target = tmp_path / f"{EXIT}.yaml"
    shutil.copy(EXAMPLES / "evaluatie" / f"{EXIT}.yaml", target)
    return target


class Recording(PromptAsker):
    """The real prompts, remembering each question as it was shown (key and default) and each notice."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, Any]] = []
        self.said: list[str] = []
        self.events: list[str] = []  # 'say: ...' and 'ask: KEY', in order

    def ask(self, question: Question) -> Any:
        self.asked.append((question.key, question.default))
        self.events.append(f"ask: {question.key}")
        return super().ask(question)

    def say(self, text: str) -> None:
        self.said.append(text)
        self.events.append(f"say: {text}")
        super().say(text)

    def problem(self, text: str) -> None:
        self.said.append(text)
        super().problem(text)


def _evaluate(case: Path, keys: list[str], asker: PromptAsker | None = None) -> Any:
    with keyboard(keys):
        return run_interview(evaluation_parts(), asker or PromptAsker(), case_path=case, today=TODAY,
                             before_save=archive_replaced)


# -- [H] 1: '<' in evaluatie ----------------------------------------------------------------


def test_back_in_evaluatie_goes_to_the_previous_question_and_loses_nothing(exit_case: Path) -> None:
    keys = _prompt_keys()
    # at "Wat is er gedaan?" type '<': the status comes back (on 'Loopt'), Enter keeps it
    back = [*keys[:3], typed(BACK), ENTER, *keys[3:]]
    asker = Recording()
    assert _evaluate(exit_case, back, asker).saved
    ev = load_case(exit_case).casus.evaluaties[-1]
    assert ev.deelnemers == ["Ilse Brouwer-Demir (ForFACT)", "Bram"]
    assert ev.acties[0].status == "lopend" and ev.acties[0].gedaan == "Elke maand langs geweest."
    statuses = [default for key, default in asker.asked if key.endswith("acties[0].status")]
    assert statuses[-1] == "lopend"  # asked again on the earlier answer


def test_back_twice_in_evaluatie_then_resume_after_a_stop_keeps_every_answer(exit_case: Path) -> None:
    keys = _prompt_keys()
    with pytest.raises(Interrupted):  # back twice (to the attendees), then Ctrl-C
        _evaluate(exit_case, [*keys[:4], typed(BACK), typed(BACK)])
    saved = json.loads(draft_path(exit_case).read_text(encoding="utf-8"))["antwoorden"]
    assert [k for k, _v in saved][:4] == [
        "evaluaties[2].datum", "evaluaties[2].deelnemers", "evaluaties[2].acties[0].status",
        "evaluaties[2].acties[0].gedaan"]  # in their order, nothing moved to the front
    asker = Recording()
    assert _evaluate(exit_case, [ENTER, *keys[4:]], asker).saved  # Enter: go on with the draft
    assert not any("past het concept niet meer" in s for s in asker.said)
    ev = load_case(exit_case).casus.evaluaties[-1]
    assert ev.acties[0].gedaan == "Elke maand langs geweest." and ev.doelen[1].toelichting


# -- [H] 2: a check at a select prompt ------------------------------------------------------


def test_enter_on_the_preselected_to_level_never_crashes(caravan: Path) -> None:
    keys = [ADD, ENTER, ENTER]  # from ambulant, Enter on the level it opens on
    asker = Recording()
    chosen = _part("opschaling")
    with keyboard(keys), pytest.raises(Interrupted) as stopped:
        run_interview([chosen], asker, case_path=caravan, today=TODAY)
    assert stopped.value.exit_code == 130  # the keys ran out; no crash
    naar = [d for k, d in asker.asked if k.endswith(".naar")]
    assert naar == ["intensief_ambulant"]  # opens on a heavier level than 'van'


def test_a_refused_choice_is_said_under_the_question_and_asked_again(caravan: Path) -> None:
    keys = [ADD, ENTER, pick("Ambulant"), pick("(BIZ)")]
    asker = Recording()
    with keyboard(keys), pytest.raises(Interrupted) as stopped:
        run_interview([_part("opschaling")], asker, case_path=caravan, today=TODAY)
    assert stopped.value.exit_code == 130
    assert any("zwaarder niveau" in s for s in asker.said)
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and ("opschaling.stappen[2].naar", "biz") in draft.answers


def test_a_refused_checkbox_answer_is_said_under_the_question_and_asked_again() -> None:
    question = Question("x.welke", "multi", "Welke onderdelen?", [], required=True,
                        choices=(("a", "Eerste"), ("b", "Tweede")))
    asker = Recording()
    with keyboard([ENTER, " " + ENTER]):  # nothing ticked: refused; then the first one ticked
        assert asker.ask(question) == ["a"]
    assert "Deze vraag moet u beantwoorden." in asker.said


def test_a_step_up_cannot_start_at_the_heaviest_level(caravan: Path) -> None:
    # found by the random walk (bewerk, seed 2007): from BIZ no 'to level' was accepted, a dead end
    keys = [ADD, pick("(BIZ)"), pick("Ambulant")]
    asker = Recording()
    with keyboard(keys), pytest.raises(Interrupted) as stopped:
        run_interview([_part("opschaling")], asker, case_path=caravan, today=TODAY)
    assert stopped.value.exit_code == 130  # the keys ran out at 'to level'
    assert any("geen zwaarder niveau dan dit" in s for s in asker.said)
    assert [k for k, _d in asker.asked if k.startswith("opschaling.stappen[2]")] == [
        "opschaling.stappen[2].van", "opschaling.stappen[2].naar"]
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and ("opschaling.stappen[2].van", "ambulant") in draft.answers


def test_an_unexpected_fault_names_hervat_and_keeps_the_answers(caravan: Path) -> None:
    def broken(interview: Interview) -> None:
        p = interview.section("persoon")
        store(p, "roepnaam", interview.text("persoon.roepnaam", "Roepnaam", p.get("roepnaam")))
        raise IndexError("a bug")

    with keyboard([typed("Sjoerd")]), pytest.raises(InterviewCrash) as crashed:
        run_interview([Part("kapot", lambda: "Kapot", broken)], PromptAsker(), case_path=caravan, today=TODAY)
    assert "--hervat" in str(crashed.value.hint) and crashed.value.exit_code == 1
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and draft.answers == [("persoon.roepnaam", "Sjoerd")]


def test_every_command_with_an_interview_accepts_hervat(run_cli: Any) -> None:
    for command in (["bewerk"], ["evaluatie"], ["aanmelding", "bewerk"], ["nieuw"], ["aanmelding", "nieuw"],
                    ["notuleer"]):
        result = run_cli(*command, "--help")
        assert "--hervat" in result.out, command


# -- [M] 4: '<' after a prefilled answer; back past a list --------------------------------


def _three(interview: Interview) -> None:
    """wat (text), wie (choice of people), wanneer (text, prefilled): as an action is asked."""
    p = interview.section("persoon")
    store(p, "roepnaam", interview.text("persoon.roepnaam", "Wat", p.get("roepnaam")))
    interview.choice("x.wie", "Wie doet het?", interview.people(), None)
    interview.text("x.wanneer", "Wanneer?", "maandelijks")


def test_back_typed_after_a_prefilled_answer_goes_back_and_is_never_data(caravan: Path) -> None:
    asker = Recording()
    keys = [typed("Sjoerd"), pick("politie"), BACK + ENTER]  # 'maandelijks<' is on the screen
    with keyboard(keys), pytest.raises(Interrupted):
        run_interview([Part("drie", lambda: "Drie", _three)], asker, case_path=caravan, today=TODAY)
    assert [k for k, _d in asker.asked][-2:] == ["x.wanneer", "x.wie"]
    assert asker.asked[-1][1] == "politie"  # back on the earlier choice
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and not any("<" in str(v) for _k, v in draft.answers)


def test_back_twice_keeps_the_later_choice(caravan: Path) -> None:
    # the review: Wanneer -> Wie -> Wat, then Enter: 'Wie' opened on the first person
    asker = Recording()
    keys = [typed("Sjoerd"), pick("politie"), typed(BACK), BACK, ENTER]
    with keyboard(keys), pytest.raises(Interrupted):
        run_interview([Part("drie", lambda: "Drie", _three)], asker, case_path=caravan, today=TODAY)
    # after '<' at Wie and Enter at Wat, the choice 'politie' is replayed (not asked on the first)
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and ("x.wie", "politie") in draft.answers
    assert asker.asked[-1][0] == "x.wanneer"


def test_going_back_to_a_list_opens_it_on_the_earlier_answer(caravan: Path) -> None:
    asker = Recording()
    keys = ["politie" + ENTER, "Wijzigen" + ENTER, typed(BACK)]  # back from the first field of the item
    with keyboard(keys), pytest.raises(Interrupted):
        run_interview([_part("netwerk")], asker, case_path=caravan, today=TODAY)
    lists = [d for k, d in asker.asked if k == "netwerk.partners"]
    assert lists[-1] is not None and str(lists[-1]).startswith("bewerk:")


# -- the draft that no longer fits --------------------------------------------------------


def test_a_draft_that_no_longer_fits_resumes_at_that_question_and_keeps_the_rest(caravan: Path) -> None:
    asker = Recording()
    draft = Draft.start(caravan, new=False, basis=None)
    # an answer for a question that is not asked (any more) sits between two that are
    draft.answers = [("persoon.naam", "Sjors Mulder"), ("persoon.bestaat_niet", "x"),
                     ("persoon.roepnaam", "Sjoerd")]
    draft.save()
    with keyboard([ENTER, *[ENTER] * 6, ENTER]):
        outcome = run_interview([_part("persoon")], asker, case_path=caravan, today=TODAY)
    assert outcome.saved and "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")
    assert not any("past het concept niet meer" in s for s in asker.said)
    assert "persoon.roepnaam" not in [k for k, _d in asker.asked]  # replayed, not asked


# -- [M] 5: a live session; answers of a session that lost its lock --------------------------


def test_the_answers_of_a_session_that_lost_its_lock_are_offered_by_the_next_bewerk(caravan: Path) -> None:
    apart = Draft.start(caravan, new=False, basis=None)
    apart.path = apart_path(caravan, 999_999)
    apart.answers = [("persoon.naam", "Sjors Mulder"), ("persoon.roepnaam", "Sjoerd")]
    apart.save()
    asker = Recording()
    keys = [ENTER, ENTER, *[ENTER] * 6, ENTER]  # view and take over; yes; the rest kept; save
    with keyboard(keys):
        outcome = run_interview([_part("persoon")], asker, case_path=caravan, today=TODAY)
    assert outcome.saved and "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")
    assert asker.asked[0][0] == "eerdere_sessie" and not apart.path.exists()
    assert any("persoon.roepnaam: Sjoerd" in s for s in asker.said)  # shown before taken over


# -- kill -9: a lock of a dead process is taken over by a rerun ------------------------------


def _dead_lock(case: Path) -> LockInfo:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    me = LockInfo.mine()
    info = LockInfo(me.user, me.host, child.pid, me.since)
    lock_path(case).write_text(info.dumps(), encoding="utf-8")
    return info


def test_rerun_of_evaluatie_with_an_answers_file_after_a_kill_takes_the_dead_lock(
    run_cli: Any, tmp_path: Path
) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(EXAMPLES / "evaluatie" / "LLA-2024-0117.geschiedenis" / "v1.yaml", case)
    _dead_lock(case)
    result = run_cli("evaluatie", case, "--antwoorden", EXAMPLES / "antwoorden" / "evaluatie-1.antwoorden")
    assert result.code == 0, result.err
    assert "niet meer loopt" in result.out and not lock_path(case).exists()
    assert load_case(case).casus.meta.planversie == 2


def test_a_live_lock_is_not_taken_by_an_answers_file_rerun(run_cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(EXAMPLES / "evaluatie" / "LLA-2024-0117.geschiedenis" / "v1.yaml", case)
    other = LockInfo("collega", "andere-pc", 4242, LockInfo.mine().since)
    lock_path(case).write_text(other.dumps(), encoding="utf-8")
    result = run_cli("evaluatie", case, "--antwoorden", EXAMPLES / "antwoorden" / "evaluatie-1.antwoorden")
    assert result.code == 1 and read_lock(case) == other


def test_a_dead_lock_is_taken_over_at_the_terminal_without_a_question(caravan: Path) -> None:
    _dead_lock(caravan)
    asker = Recording()
    with keyboard([]), pytest.raises(Interrupted):  # the keys run out at the first question of the part
        run_interview([_part("persoon")], asker, case_path=caravan, today=TODAY)
    assert "vergrendeling_overnemen" not in [k for k, _d in asker.asked]
    assert asker.asked and asker.asked[0][0].startswith("persoon.")
    assert any("niet meer loopt" in s for s in asker.said)


def test_rerun_of_notuleer_with_an_answers_file_after_a_kill_takes_the_dead_lock(
    run_cli: Any, tmp_path: Path
) -> None:
    from test_notulen import DAY, REGISTRATION, _answers, meeting_folder

    folder = meeting_folder(tmp_path)
    registration = folder / "syn-00001.yaml"
    _dead_lock(registration)
    answers = _answers(tmp_path, [{"wie": "forfact", "wat": "Risicotaxatie.", "wanneer": "7-1-2027"}])
    result = run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers)
    assert result.code == 0, result.err
    assert "niet meer loopt" in result.out and not lock_path(registration).exists()
    assert load_case(registration).casus.meta.casus_id == REGISTRATION
    assert load_case(registration).casus.overleggen


def _part(name: str) -> Part:
    from levensloop_docs.interview.parts import find_part

    part = find_part(name)
    assert part is not None
    return part


# -- answers files: nothing dropped silently ----------------------------------------------

V1 = EXAMPLES / "evaluatie" / "LLA-2024-0117.geschiedenis" / "v1.yaml"
EVAL_1 = EXAMPLES / "antwoorden" / "evaluatie-1.antwoorden"


def test_an_unknown_key_in_an_answers_file_is_an_error_with_key_and_line(
    run_cli: Any, tmp_path: Path
) -> None:
    answers = tmp_path / "a.antwoorden"
    text = (EXAMPLES / "antwoorden" / "nieuw-voorbeeld.antwoorden").read_text(encoding="utf-8")
    answers.write_text(text.replace("persoon:\n", "persoon:\n  bsn: 123456782\n", 1), encoding="utf-8")
    line = answers.read_text(encoding="utf-8").splitlines().index("  bsn: 123456782") + 1
    result = run_cli("nieuw", "--map", tmp_path / "m", "--antwoorden", answers)
    assert result.code == 2 and f"a.antwoorden:{line}: persoon.bsn" in result.err
    assert not list((tmp_path / "m").glob("*.yaml"))


def test_a_key_for_a_question_that_is_not_asked_is_an_error(
    run_cli: Any, caravan: Path, tmp_path: Path
) -> None:
    answers = tmp_path / "a.yaml"
    before = caravan.read_text(encoding="utf-8")
    answers.write_text("persoon:\n  roepnaam: Sjoerd\n  geboortdatum: 1-1-1980\n", encoding="utf-8")
    result = run_cli("bewerk", caravan, "--onderdeel", "persoon", "--antwoorden", answers)
    assert result.code == 2 and "a.yaml:3: persoon.geboortdatum" in result.err
    assert caravan.read_text(encoding="utf-8") == before


def test_an_empty_answers_file_is_an_error(run_cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(V1, case)
    before = case.read_text(encoding="utf-8")
    for content in ("", "{}\n"):
        empty = tmp_path / "leeg.antwoorden"
        empty.write_text(content, encoding="utf-8")
        result = run_cli("evaluatie", case, "--antwoorden", empty)
        assert result.code == 2 and "leeg" in result.err
    assert case.read_text(encoding="utf-8") == before


def test_an_evaluation_from_a_file_needs_a_date_and_an_answer(run_cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(V1, case)
    answers = tmp_path / "a.antwoorden"
    answers.write_text("evaluaties:\n  - {deelnemers: [Ilse]}\n", encoding="utf-8")
    result = run_cli("evaluatie", case, "--antwoorden", answers)
    assert result.code == 2 and "evaluaties[0].datum" in result.err
    answers.write_text("evaluaties:\n  - {datum: 20-5-2025, deelnemers: [Ilse]}\n", encoding="utf-8")
    result = run_cli("evaluatie", case, "--antwoorden", answers)
    assert result.code == 2 and "ten minste één antwoord" in result.err
    assert load_case(case).casus.meta.planversie == 1


def test_rerunning_an_evaluation_after_it_was_saved_records_it_once(run_cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(V1, case)
    assert run_cli("evaluatie", case, "--antwoorden", EVAL_1).code == 0
    after_first = case.read_bytes()
    again = run_cli("evaluatie", case, "--antwoorden", EVAL_1)  # the kill came just after saving
    assert again.code == 0 and "staat al in" in again.out
    assert case.read_bytes() == after_first and len(load_case(case).casus.evaluaties) == 1


def test_the_same_evaluation_typed_again_is_not_recorded_twice(exit_case: Path) -> None:
    from levensloop_docs.interview.evaluatie import _same_as_last

    interview = Interview(PromptAsker(), {"evaluaties": [{"datum": TODAY, "acties": [{"status": "lopend"}]}]},
                          {}, TODAY, new=False)  # type: ignore[arg-type]
    assert _same_as_last(interview, {"datum": TODAY, "planversie": 3, "acties": [{"status": "lopend"}]})
    assert not _same_as_last(interview, {"datum": TODAY, "acties": [{"status": "afgerond"}]})


def test_controleer_warns_about_two_evaluations_on_one_date(run_cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "LLA-2024-0117.yaml"
    shutil.copy(EXAMPLES / "evaluatie" / "LLA-2024-0117.yaml", case)
    text = case.read_text(encoding="utf-8")
    assert run_cli("controleer", case).code == 0
    dates = re.findall(r"^  - datum: (\d{4}-\d\d-\d\d)$", text, flags=re.M)
    assert len(dates) >= 2
    case.write_text(text.replace(f"  - datum: {dates[1]}\n", f"  - datum: {dates[0]}\n", 1), encoding="utf-8")
    result = run_cli("controleer", case)
    assert "Twee evaluaties op dezelfde datum" in result.out + result.err


# -- 80x24: notes right above the save question; lines broken at words ---------------------


def _escalation_without_form(interview: Interview) -> None:
    """An escalation without its form (controleer warns about it); its description is asked."""
    incidents = interview.data.setdefault("incidenten", [])
    item = {"datum": TODAY, "niveau": "klinisch_regulier"}
    incidents.append(item)
    key = f"incidenten[{len(incidents) - 1}].omschrijving"
    store(item, "omschrijving", interview.text(key, "Wat gebeurde er?", "", required=True))


def test_notes_stand_right_above_the_save_question_and_lead_to_their_question(caravan: Path) -> None:
    asker = Recording()
    part = Part("proef", lambda: "Proef", _escalation_without_form)
    # first 'a': back to the question of the note's item (the description); then save
    with keyboard([typed("Opname na ruzie."), "a" + ENTER, typed("Opname na een ruzie."), "j" + ENTER]):
        outcome = run_interview([part], asker, case_path=caravan, today=TODAY)
    assert outcome.saved and "Opname na een ruzie." in caravan.read_text(encoding="utf-8")
    first_save = asker.events.index("ask: opslaan")
    before = [e for e in asker.events[:first_save] if e.startswith("say: ")]
    assert before[-1].startswith("say: Let op: ") and "vorm" in before[-1]
    after = [e for e in asker.events[first_save + 1:] if e.startswith("ask: ")]
    assert after[0].startswith("ask: incidenten[")  # 'a' went to the note's question


def test_messages_break_at_words_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs.interview.prompts import wrap_lines

    monkeypatch.setenv("COLUMNS", "80")
    text = ("Elk antwoord wordt meteen bewaard. U kunt altijd stoppen (Ctrl-C) en later verdergaan waar u "
            "was. Enter houdt wat er bij een vraag al staat.")
    out = wrap_lines(text).splitlines()
    assert len(out) == 2 and all(len(line) <= 80 for line in out)
    assert [w for line in out for w in line.split()] == text.split()  # no word broken
    assert wrap_lines("  + meta.aanwezig: " + "woord " * 30).splitlines()[1].startswith("    ")


# -- aanmelding, then straight on into the plan (doorgaan_met_plan) -------------------------


def test_going_on_into_the_plan_after_an_aanmelding_stops_and_resumes_like_bewerk(
    tmp_path: Path, run_cli: Any
) -> None:
    from levensloop_docs.cli.commands.aanmelding_interview import _after_save
    from levensloop_docs.interview import Outcome
    from levensloop_docs.interview.parts import find_part

    folder = tmp_path / "casussen"
    answers = EXAMPLES / "antwoorden" / "aanmelding-voorbeeld.antwoorden"
    assert run_cli("aanmelding", "nieuw", "--map", folder, "--antwoorden", answers).code == 0
    case = folder / "LLA-2026-0115.yaml"
    before = case.read_bytes()
    # no documents now; yes, on into the plan; '<' at its first question (the aanmelding is saved:
    # there is no earlier one); partners and naasten done; Ctrl-C at the next question
    asker = Recording()
    with keyboard(["n" + ENTER, "j" + ENTER, BACK, pick("Klaar"), pick("Klaar")]), \
            pytest.raises(Interrupted) as stopped:
        _after_save(asker, Outcome(case, True), tmp_path / "uit")
    assert any("eerste vraag" in s for s in asker.said)
    assert [k for k, _d in asker.asked][:5] == ["genereer", "doorgaan_met_plan", "netwerk.partners",
                                                 "netwerk.partners", "netwerk.naasten"]
    stopped_at = asker.asked[-1][0]
    assert case.read_bytes() == before  # the saved aanmelding is untouched by the stop
    draft = Draft.load(draft_path(case))
    assert draft is not None and [k for k, _v in draft.answers] == ["netwerk.partners", "netwerk.naasten"]
    # the command the stop names goes on at the question where it stopped, every answer back
    hint = str(stopped.value.hint)
    command = re.search(r"levensloop bewerk (\S+)((?: --onderdeel \S+)*) --hervat", hint)
    assert command is not None, hint
    assert command[1] == str(case)
    names = re.findall(r"--onderdeel (\S+)", command[2])
    assert names[:2] == ["netwerk", "levensgebieden"] and "persoon" not in names
    parts = [find_part(n) for n in names]
    again = Recording()
    with keyboard([]), pytest.raises(Interrupted):
        run_interview([p for p in parts if p], again, case_path=case, resume=True, today=TODAY)
    assert again.asked[0][0] == stopped_at
