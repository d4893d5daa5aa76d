"""The interview engine without a terminal: answers files, locks, conflicts, drafts, parts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, TODAY, RunCli
from ruamel.yaml import YAML

from levensloop_docs.errors import AnswersFileError, ConflictError
from levensloop_docs.interview import Question, run_interview
from levensloop_docs.interview.answers import AnswersFileAsker, lookup
from levensloop_docs.interview.draft import Draft, draft_path
from levensloop_docs.interview.lock import CaseLock, LockInfo, lock_path, read_lock
from levensloop_docs.interview.parts import find_part
from levensloop_docs.interview.questions import DONE

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = EXAMPLES / "antwoorden" / "nieuw-voorbeeld.antwoorden"
EXPECTED = Path(__file__).parent / "data" / "interview-verwacht.yaml"


@pytest.fixture
def caravan(tmp_path: Path) -> Path:
    target = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", target)
    return target


def answers(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def edit(path: Path, part: str, data: dict[str, Any], asker: Any = None) -> Any:
    chosen = find_part(part)
    assert chosen is not None
    asker = asker or AnswersFileAsker(data, Path("antwoorden.yaml"), quiet=True)
    return run_interview([chosen], asker, case_path=path, today=TODAY)


def test_answers_file_makes_the_same_case_as_the_interactive_run(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("nieuw", "--map", tmp_path, "--antwoorden", ANSWERS)
    assert result.code == 0, result.err
    made = tmp_path / "LLA-2026-0107.yaml"
    assert made.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
    assert "Opgeslagen" in result.out
    assert run_cli("controleer", made).code == 0


def test_invalid_answer_names_the_key_and_exits_2(run_cli: RunCli, tmp_path: Path) -> None:
    text = ANSWERS.read_text(encoding="utf-8").replace("geboortedatum: 14-6-1979", "geboortedatum: 31-2-1979")
    result = run_cli("nieuw", "--map", tmp_path / "uit", "--antwoorden", answers(tmp_path, text))
    assert result.code == 2
    assert "persoon.geboortedatum: Deze datum bestaat niet" in result.err
    assert "Traceback" not in result.err
    assert not list((tmp_path / "uit").glob("*.yaml"))


def test_missing_required_answer_and_unknown_choice(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("nieuw", "--map", tmp_path, "--antwoorden", answers(tmp_path, "meta: {casus_id: X-1}\n"))
    assert result.code == 2 and "meta.regio: Deze vraag moet u beantwoorden" in result.err
    text = "meta: {casus_id: X-2, regio: atlantis}\n"
    result = run_cli("nieuw", "--map", tmp_path, "--antwoorden", answers(tmp_path, text))
    assert result.code == 2 and "meta.regio: Kies uit: drenthe" in result.err


def test_nieuw_without_terminal_or_answers_says_so(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("nieuw", "--map", tmp_path)
    assert result.code == 2 and "terminal" in result.err


def test_bewerk_unknown_part(run_cli: RunCli, caravan: Path) -> None:
    result = run_cli("bewerk", caravan, "--onderdeel", "hobby", "--antwoorden", ANSWERS)
    assert result.code == 2 and "Onbekend onderdeel 'hobby'" in result.err


def test_bewerk_answers_file_changes_one_field_only(run_cli: RunCli, caravan: Path, tmp_path: Path) -> None:
    before = caravan.read_text(encoding="utf-8")
    path = answers(tmp_path, "gegevensdeling: {toestemming_datum: 29 september 2026}\ngenereer: nee\n")
    result = run_cli("bewerk", caravan, "--onderdeel", "gegevensdeling", "--antwoorden", path)
    assert result.code == 0, result.err
    assert caravan.read_text(encoding="utf-8") == before.replace(
        "toestemming_datum: 2026-09-28", "toestemming_datum: 2026-09-29")
    assert ": toestemming datum " in result.out and "2026-09-29" not in result.out  # no values in a log
    assert "2026" not in result.out


def test_second_editors_save_is_refused_and_nothing_is_lost(caravan: Path) -> None:
    class OtherEditorMeanwhile(AnswersFileAsker):
        """While we answer, a colleague saves the same file (a shared drive)."""

        def ask(self, question: Question) -> Any:
            if question.key == "persoon.geboortedatum":
                text = caravan.read_text(encoding="utf-8").replace("planversie: 2", "planversie: 3")
                caravan.write_text(text, encoding="utf-8")
            return super().ask(question)

    ours = {"persoon": {"roepnaam": "Sjoerd"}}
    with pytest.raises(ConflictError) as refused:
        edit(caravan, "persoon", ours, OtherEditorMeanwhile(ours, Path("a.yaml"), quiet=True))
    text = caravan.read_text(encoding="utf-8")
    assert "planversie: 3" in text and "roepnaam: Sjors" in text  # theirs kept, ours not written over it
    assert "door iemand anders gewijzigd" in refused.value.message
    assert "eigenaar van het bestand" in str(refused.value.hint)
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and ("persoon.roepnaam", "Sjoerd") in draft.answers
    # Run again: the draft is offered and applied to the new version; both changes survive.
    assert edit(caravan, "persoon", {"concept_hervatten": True}).saved
    text = caravan.read_text(encoding="utf-8")
    assert "planversie: 3" in text and "roepnaam: Sjoerd" in text
    assert not draft_path(caravan).exists()


def test_lock_tells_a_second_editor_who_is_editing(run_cli: RunCli, caravan: Path) -> None:
    lock = CaseLock.acquire(caravan, lambda info: False)
    try:
        result = run_cli("bewerk", caravan, "--onderdeel", "persoon", "--antwoorden", ANSWERS)
        info = LockInfo.mine()
        assert result.code == 1  # a conflict with another user is not bad input
        assert f"wordt bewerkt door {info.user}@{info.host}, sinds" in result.err
    finally:
        lock.release()
    assert not lock_path(caravan).exists()
    assert lock_path(caravan).name == ".caravan-groningen.yaml.lock"


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_lock_of_a_dead_process_here_is_taken_over_and_said(
    caravan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 26 (behaviour changed on purpose): a kill -9 left a lock that blocked every rerun
    # of an answers file; a dead process on this computer is taken over by every interview.
    stale = LockInfo(LockInfo.mine().user, LockInfo.mine().host, _dead_pid(), datetime.now())
    assert stale.stale() and stale.dead_here()
    lock_path(caravan).write_text(stale.dumps(), encoding="utf-8")
    answers = {"vergrendeling_overnemen": False, "persoon": {"roepnaam": "S."}}
    outcome = edit(caravan, "persoon", answers, AnswersFileAsker(answers, Path("a.yaml")))
    assert outcome.saved and not lock_path(caravan).exists()
    assert "niet meer" in capsys.readouterr().out


def test_an_old_lock_of_another_host_is_taken_over_only_when_asked(caravan: Path) -> None:
    old = LockInfo("ander", "andere-pc", 1, datetime.now() - timedelta(days=1))
    lock_path(caravan).write_text(old.dumps(), encoding="utf-8")
    with pytest.raises(ConflictError):
        edit(caravan, "persoon", {"vergrendeling_overnemen": False})
    assert read_lock(caravan) == old
    outcome = edit(caravan, "persoon", {"vergrendeling_overnemen": True, "persoon": {"roepnaam": "S."}})
    assert outcome.saved and not lock_path(caravan).exists()


def test_old_lock_of_another_host_is_stale_but_a_fresh_one_is_not() -> None:
    fresh = LockInfo("ander", "andere-pc", 1, datetime.now())
    old = LockInfo("ander", "andere-pc", 1, datetime.now() - timedelta(days=1))
    assert not fresh.stale() and old.stale()


def test_answers_file_run_that_is_not_saved_keeps_its_draft(caravan: Path) -> None:
    # (A person's answers are written one by one: see the Ctrl-C and closed-terminal tests.)
    outcome = edit(caravan, "persoon", {"persoon": {"roepnaam": "Sjoerd"}, "opslaan": False})
    assert not outcome.saved
    draft = Draft.load(draft_path(caravan))
    assert draft is not None and ("persoon.roepnaam", "Sjoerd") in draft.answers
    assert os.stat(draft_path(caravan)).st_mode & 0o777 == 0o600
    assert "roepnaam: Sjors" in caravan.read_text(encoding="utf-8")


def test_renaming_a_partner_follows_every_reference(caravan: Path) -> None:
    count = caravan.read_text(encoding="utf-8").split("  naasten:")[0].count("    - id: ")
    partners: list[dict[str, Any]] = [{} for _ in range(count)]  # keep every partner; rename the first
    partners[0] = {"id": "fft"}
    assert edit(caravan, "netwerk", {"netwerk": {"partners": partners}}).saved
    text = caravan.read_text(encoding="utf-8")
    assert "forfact" not in text.replace("forfact-voorbeeld", "")
    assert "wie: fft" in text and "wie_besluit: fft" in text


def test_biz_details_only_for_a_step_to_biz(caravan: Path) -> None:
    asked: list[str] = []

    class Recording(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            asked.append(question.key)
            return super().ask(question)

    to_biz = {"van": "klinisch_regulier", "naar": "biz", "wie_besluit": "zvh"}  # a change, so it saves
    data = {"opschaling": {"stappen": [{}, to_biz]}}
    assert edit(caravan, "opschaling", data, Recording(data, Path("a.yaml"), quiet=True)).saved
    assert "opschaling.stappen[1].bestemming.bedtype" in asked
    assert "opschaling.stappen[0].bestemming.bedtype" not in asked
    assert "opschaling.stappen[0].bestemming.plaats" in asked


def test_exit_questions_only_when_the_case_is_old_enough(caravan: Path) -> None:
    from levensloop_docs.interview.parts import PARTS

    uitstroom = next(p for p in PARTS if p.name == "uitstroom")
    asker = AnswersFileAsker({}, Path("a.yaml"), quiet=True)
    assert run_interview([uitstroom], asker, case_path=caravan, today=TODAY).saved is False
    yaml = YAML()
    data = yaml.load(caravan)
    data["uitstroom"]["stabiel_sinds"] = datetime(2025, 6, 1).date()
    with caravan.open("w") as fh:
        yaml.dump(data, fh)
    asked: list[str] = []

    class Recording(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            asked.append(question.key)
            return super().ask(question)

    run_interview([uitstroom], Recording({}, Path("a.yaml"), quiet=True), case_path=caravan, today=TODAY)
    assert "uitstroom.risico_verlaagd" in asked


def test_answers_lookup_nested_flat_and_lists() -> None:
    data = {"persoon": {"naam": "A"}, "netwerk.partners[1].id": "x", "lijst": [{"a": 1}, {"a": 2}]}
    assert lookup(data, "persoon.naam") == "A"
    assert lookup(data, "netwerk.partners[1].id") == "x"
    assert lookup(data, "lijst[1].a") == 2
    asker = AnswersFileAsker({"l": [1, 2]}, Path("a.yaml"))
    three = Question("l", "list", "L", items=("een", "twee", "drie"))
    assert [asker.ask(three) for _ in range(3)] == ["bewerk:0", "bewerk:1", "verwijder:2"]
    assert asker.ask(Question("l", "list", "L", items=("een", "twee"))) == DONE


def test_answers_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    with pytest.raises(AnswersFileError, match="sleutels met antwoorden"):
        AnswersFileAsker.from_file(answers(tmp_path, "- een\n- twee\n"))


def test_help_lists_the_interview_commands(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert "nieuw" in result.out and "bewerk" in result.out
    assert "--antwoorden" in run_cli("bewerk", "--help").out


def test_summary_names_items_and_reports_a_new_order() -> None:
    from levensloop_docs.interview.summary import changes

    old = {"netwerk": {"partners": [{"id": "a", "telefoon": "1"}, {"id": "b"}]}}
    new = {"netwerk": {"partners": [{"id": "b"}, {"id": "a", "telefoon": "2"}, {"id": "c"}]}}
    assert changes(old, new) == [
        "  ~ netwerk.partners: nieuwe volgorde b, a, c",
        "  ~ netwerk.partners[a].telefoon: 1 -> 2",
        "  + netwerk.partners[c].id: c",
    ]


def test_a_partner_that_actions_refer_to_cannot_be_removed(caravan: Path) -> None:
    from levensloop_docs.errors import LevensloopError

    before = caravan.read_text(encoding="utf-8")
    # would remove politie, verslavingszorg, bewind
    data: dict[str, Any] = {"netwerk": {"partners": [{}, {}, {}]}}
    with pytest.raises(LevensloopError) as refused:
        edit(caravan, "netwerk", data)
    said = refused.value.message
    assert said.startswith("netwerk.partners: wijkagent Rik Hovinga (Politie basisteam Oost (voorbeeld))")
    assert "scenario 'Uitzetting van het terrein', fase rood: 'Bij dreiging" in said
    assert "[0]" not in said  # words, not paths
    assert "antwoordenbestand" in said
    assert caravan.read_text(encoding="utf-8") == before


def test_after_saving_the_levensloopplan_is_made_at_once(
    run_cli: RunCli, caravan: Path, tmp_path: Path
) -> None:
    from docx import Document

    path = answers(tmp_path, "persoon: {roepnaam: Sjoerd}\ngenereer: ja\n")
    out = tmp_path / "uit"
    result = run_cli("bewerk", caravan, "--onderdeel", "persoon", "--antwoorden", path, "--uit", out)
    assert result.code == 0, result.err
    made = list(out.glob("*.docx"))
    assert len(made) == 1 and "LLA-2026-0042" in made[0].name
    document = Document(str(made[0]))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "LLA-2026-0042" in "\n".join([*(p.text for p in document.paragraphs), *cells])
    assert any("Ebbinge" in c for c in cells)


def test_new_case_created_meanwhile_by_someone_else_is_not_overwritten(tmp_path: Path) -> None:
    from levensloop_docs.interview.parts import PARTS
    from levensloop_docs.yamlio import load_yaml

    data = load_yaml(ANSWERS, round_trip=False)
    target = tmp_path / "LLA-2026-0107.yaml"

    class ColleagueToo(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            if question.key == "opslaan":
                target.write_text("# van een collega\n", encoding="utf-8")
            return super().ask(question)

    with pytest.raises(ConflictError, match="door iemand anders gemaakt"):
        run_interview(PARTS, ColleagueToo(data, ANSWERS, quiet=True), folder=tmp_path, today=TODAY)
    assert target.read_text(encoding="utf-8") == "# van een collega\n"
    draft = Draft.load(draft_path(target))
    assert draft is not None and draft.new and ("persoon.naam", "Derk Hoogeveen") in draft.answers


def test_nieuw_hervat_chooses_among_drafts_of_new_cases(tmp_path: Path) -> None:
    from levensloop_docs.interview.parts import PARTS
    from levensloop_docs.yamlio import load_yaml

    for age, case_id in ((100, "LLA-2026-0108"), (0, "LLA-2026-0107")):
        draft = Draft.start(tmp_path / f"{case_id}.yaml", new=True, basis=None)
        draft.record("meta.casus_id", case_id)
        os.utime(draft.path, (1_800_000_000 - age, 1_800_000_000 - age))
    data = load_yaml(ANSWERS, round_trip=False)
    del data["meta"]["casus_id"]
    data["concept"] = "1"  # newest first: 0107, then 0108
    outcome = run_interview(PARTS, AnswersFileAsker(data, ANSWERS, quiet=True), folder=tmp_path, resume=True,
                            today=TODAY)
    assert outcome.saved and outcome.path == tmp_path / "LLA-2026-0108.yaml"
    assert not (tmp_path / ".LLA-2026-0108.yaml.concept").exists()
    assert (tmp_path / ".LLA-2026-0107.yaml.concept").exists()  # the other draft stays


def test_a_new_field_goes_where_the_model_puts_it(caravan: Path) -> None:
    text = caravan.read_text(encoding="utf-8").replace("  roepnaam: Sjors\n", "")
    caravan.write_text(text, encoding="utf-8")
    assert edit(caravan, "persoon", {"persoon": {"roepnaam": "Sjors"}}).saved
    original = (EXAMPLES / "caravan-groningen.yaml").read_text(encoding="utf-8")
    assert caravan.read_text(encoding="utf-8") == original


def test_the_clients_own_words_from_the_interview_reach_the_signaleringsplan(
    run_cli: RunCli, tmp_path: Path
) -> None:
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.views.client import signaleringsplan

    assert run_cli("nieuw", "--map", tmp_path, "--antwoorden", ANSWERS).code == 0
    casus = load_case(tmp_path / "LLA-2026-0107.yaml").casus
    plan = signaleringsplan(casus, TODAY)
    assert [s["titel"] for s in plan["scenarios"]] == ["Als ik weer ga drinken"]
    assert plan["scenarios"][0]["oranje"] == ["Ik blijf in bed liggen."]
    assert "Mist afspraken." not in str(plan)  # the professionals' signals stay out
    assert plan["naasten"][0]["afspraak"] == "Als het slecht gaat, bel ik mijn moeder."


def test_answering_no_to_the_own_words_question_removes_them_from_that_scenario(caravan: Path) -> None:
    before = YAML(typ="safe").load(caravan.read_text(encoding="utf-8"))["scenarios"]
    assert before[0].get("in_eigen_woorden")
    # the whole list, item 0 with 'no', the others as they are
    outcome = edit(caravan, "scenarios", {"scenarios": [{"eigen_woorden": False}] + [{}] * (len(before) - 1)})
    assert outcome.saved
    after = YAML(typ="safe").load(caravan.read_text(encoding="utf-8"))["scenarios"]
    assert "in_eigen_woorden" not in after[0] and after[1:] == before[1:]
    assert after[0] == {k: v for k, v in before[0].items() if k != "in_eigen_woorden"}


def test_editing_a_scenario_keeps_the_marker_of_a_task_that_protects_a_naaste(tmp_path: Path) -> None:
    """The interview asks one text per partner and phase; a task marked 'bescherming' stays
    marked when its text changes (else the client's copy would show a victim's safety plan)."""
    case = tmp_path / "biz-limburg.yaml"
    shutil.copy(EXAMPLES / "biz-limburg.yaml", case)
    before = YAML(typ="safe").load(case.read_text(encoding="utf-8"))["scenarios"]
    i = next(i for i, s in enumerate(before) if any(a.get("bescherming") for a in s.get("acties", [])))
    change = {"acties": {"moeder": {"rood": "Belt 112 en opent niet."}}}
    outcome = edit(case, "scenarios", {"scenarios": [{}] * i + [change] + [{}] * (len(before) - i - 1)})
    assert outcome.saved
    after = YAML(typ="safe").load(case.read_text(encoding="utf-8"))["scenarios"][i]["acties"]
    task = next(a for a in after if a["wie"] == "moeder")
    assert task == {"fase": "rood", "wie": "moeder", "wat": "Belt 112 en opent niet.", "bescherming": True}
    assert [a for a in after if a.get("bescherming")] == [
        task, *(a for a in before[i]["acties"] if a.get("bescherming") and a["wie"] != "moeder")]


def test_the_interview_asks_whether_an_action_protects_a_naaste(tmp_path: Path) -> None:
    """Yes marks the action (the client's copy leaves it out); an action that was marked stays
    marked when nothing is answered, and an unmarked one gets no marker."""
    case = tmp_path / "biz-limburg.yaml"
    shutil.copy(EXAMPLES / "biz-limburg.yaml", case)
    before = YAML(typ="safe").load(case.read_text(encoding="utf-8"))["levensgebieden"]
    area = next(g for g in before if g["gebied"] == "huiselijke_relaties")
    assert [bool(a.get("bescherming")) for a in area["acties"]] == [False, True, True]
    change = {"levensgebieden": {"huiselijke_relaties": {"acties": [{"bescherming": True}, {}, {}]}}}
    outcome = edit(case, "levensgebieden", change)
    assert outcome.saved
    after = YAML(typ="safe").load(case.read_text(encoding="utf-8"))["levensgebieden"]
    assert [a.get("bescherming") for g in after if g["gebied"] == "huiselijke_relaties"
            for a in g["acties"]] == [True, True, True]
    others = [a for g in after if g["gebied"] != "huiselijke_relaties" for a in g.get("acties", [])]
    assert others and not any("bescherming" in a for a in others)
