"""Issue 16: the interview as a casemanager lives it (real prompts through pipe input).

One rule set for controleer and the prompt, no dead end on a cross-field error,
'<' back to the previous question, the save summary in words, names instead of ids,
removal that says what it touches, Word or PDF after saving, month dates in the history
and no return-guarantee row where it was never asked.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _interview_keys import ENTER, NO, YES, typed
from conftest import EXAMPLES, TODAY
from test_interview_prompts import edit_case, keyboard

from levensloop_docs.case import rules as checks
from levensloop_docs.interview import Interview, Part, run_interview, store
from levensloop_docs.interview.answers import AnswersFileAsker
from levensloop_docs.interview.draft import Draft, draft_path
from levensloop_docs.interview.prompts import PromptAsker
from levensloop_docs.interview.questions import Question

BACK = "<"


@pytest.fixture
def caravan(tmp_path: Path) -> Path:
    target = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", target)
    return target


@pytest.fixture
def drenthe(tmp_path: Path) -> Path:
    target = tmp_path / "aanmelding-drenthe.yaml"
    shutil.copy(EXAMPLES / "aanmelding-drenthe.yaml", target)
    return target


# -- 1. one rule set; no dead end -------------------------------------------------------


def test_the_prompt_and_controleer_say_the_same_words(drenthe: Path, run_cli: Any) -> None:
    from levensloop_docs.interview.aanmelding import find_part

    overleg = find_part("overleg")
    assert overleg is not None
    asker = AnswersFileAsker({"aanmelding": {"overleg": {"datum": "1-11-2026"}}}, Path("a.yaml"), quiet=True)
    with pytest.raises(Exception) as refused:  # the answer is refused at its question
        run_interview([overleg], asker, case_path=drenthe, today=TODAY)
    rule = checks.MEETING_AFTER_REGISTRATION.message()
    assert refused.value.message.endswith(f"aanmelding.overleg.datum: {rule}")  # type: ignore[attr-defined]
    text = drenthe.read_text(encoding="utf-8").replace("datum: 2026-12-03", "datum: 2026-11-01")
    drenthe.write_text(text, encoding="utf-8")
    result = run_cli("controleer", drenthe)
    assert result.code == 2 and rule in result.err + result.out


def test_the_first_date_is_checked_too_when_the_second_is_already_there(drenthe: Path) -> None:
    # bewerk --onderdeel reden: the meeting (3-12-2026) is set; a later aanmelding date is refused
    from levensloop_docs.interview.aanmelding import find_part

    reden = find_part("reden")
    assert reden is not None
    asker = AnswersFileAsker({"aanmelding": {"datum": "4-12-2026"}}, Path("a.yaml"), quiet=True)
    with pytest.raises(Exception, match="overleg kan niet vóór de aanmelding"):
        run_interview([reden], asker, case_path=drenthe, today=date(2026, 12, 20))


def test_a_draft_with_an_invalid_combination_opens_on_that_question(drenthe: Path) -> None:
    from levensloop_docs.interview.aanmelding import find_part

    overleg = find_part("overleg")
    assert overleg is not None
    draft = Draft.start(drenthe, new=False, basis=None)
    draft.answers = [("aanmelding.overleg.datum", "2026-11-01"), ("aanmelding.overleg.deelnemers", ["A (B)"])]
    draft.save()
    # resume: yes; the date is asked again (the rest of the draft is kept); then save
    with keyboard([YES, typed("4-12-2026"), ENTER]):
        outcome = run_interview([overleg], PromptAsker(), case_path=drenthe, today=TODAY)
    assert outcome.saved
    text = drenthe.read_text(encoding="utf-8")
    assert "datum: 2026-12-04" in text and "- A (B)" in text
    assert not draft_path(drenthe).exists()


def _unchecked_birth(interview: Interview) -> None:
    """A part without the prompt check: the rule is then found only when the case is validated."""
    p = interview.section("persoon")
    born = interview.date("persoon.geboortedatum", "Geboortedatum", p.get("geboortedatum"))
    store(p, "geboortedatum", born)
    store(p, "roepnaam", interview.text("persoon.roepnaam", "Roepnaam", p.get("roepnaam")))


def test_an_answer_that_fails_at_the_end_is_asked_again_never_a_dead_end(
    caravan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    part = Part("proef", lambda: "Proef", _unchecked_birth)
    # the answer after it (roepnaam) is kept: only the failing one is asked again
    keys = [typed("1-1-2030"), typed("Sjoerd"), typed("1-1-1980"), ENTER]
    with keyboard(keys):
        outcome = run_interview([part], PromptAsker(), case_path=caravan, today=TODAY)
    assert outcome.saved
    text = caravan.read_text(encoding="utf-8")
    assert "geboortedatum: 1980-01-01" in text and "roepnaam: Sjoerd" in text
    said = capsys.readouterr().out
    assert f"persoon.geboortedatum: {checks.BORN_IN_FUTURE.message()}" in said


def test_bewerk_of_a_case_that_is_only_a_draft_says_how_to_go_on(tmp_path: Path, run_cli: Any) -> None:
    case = tmp_path / "LLA-2026-0115.yaml"
    draft = Draft.start(case, new=True, basis=None)
    draft.answers = [("meta.casus_id", "LLA-2026-0115")]
    draft.save()
    commands = ((["aanmelding", "bewerk"], "levensloop aanmelding nieuw"), (["bewerk"], "levensloop nieuw"))
    for command, how in commands:
        result = run_cli(*command, case)
        assert result.code == 2
        assert "alleen het concept" in result.err and f"{how} --map {tmp_path} --hervat" in result.err


# -- 3. going back ----------------------------------------------------------------------


def test_back_returns_to_the_previous_question_with_its_answer(caravan: Path) -> None:
    # naam, roepnaam 'Sjoerd', then '<' at the birth date: back at roepnaam (showing Sjoerd),
    # change it; at 'verblijf' (a list) '<' again: back at the birth date, Enter keeps it.
    keys = [ENTER, typed("Sjoerd"), typed(BACK), typed("Sjoerd2"), ENTER, BACK, ENTER, *[ENTER] * 4, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    text = caravan.read_text(encoding="utf-8")
    assert "roepnaam: Sjoerd2\n" in text and "Sjoerd\n" not in text


def test_back_from_a_follow_up_question_puts_no_answer_in_the_wrong_field(caravan: Path) -> None:
    # gegevensdeling: route, consent date, scope, then 'withdrawn?' yes -> follow-up date;
    # '<' there goes back to 'withdrawn?', now no: the follow-up is not asked, nothing shifts.
    keys = [ENTER, ENTER, ENTER, YES, typed(BACK), NO, typed("Toelichting na terug."), ENTER]
    assert edit_case(caravan, "gegevensdeling", keys).saved
    text = caravan.read_text(encoding="utf-8")
    assert "ingetrokken_datum" not in text and "ingetrokken: true" not in text
    assert "toelichting: Toelichting na terug." in text


def test_back_at_the_first_question_says_so_and_asks_it_again(
    caravan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = [typed(BACK), ENTER, typed("Sjoerd"), *[ENTER] * 5, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    assert "Dit is de eerste vraag" in capsys.readouterr().out
    assert "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")


def test_going_back_in_a_new_case_keeps_one_draft_and_one_lock(tmp_path: Path) -> None:
    from levensloop_docs.interview.lock import lock_path
    from levensloop_docs.interview.parts import PARTS

    # case id, region, then back twice: the case id again, a different one
    keys = [typed("LLA-2026-0201"), "Drenthe" + ENTER, BACK, BACK, typed("LLA-2026-0202"), "\x03"]
    with keyboard(keys), pytest.raises(Exception, match="Gestopt"):
        run_interview(PARTS, PromptAsker(), folder=tmp_path, today=TODAY)
    assert not draft_path(tmp_path / "LLA-2026-0201.yaml").exists()
    assert not lock_path(tmp_path / "LLA-2026-0201.yaml").exists()
    saved = json.loads(draft_path(tmp_path / "LLA-2026-0202.yaml").read_text(encoding="utf-8"))
    # issue 26: going back twice no longer loses the answer after it (the region comes back)
    assert saved["antwoorden"] == [["meta.casus_id", "LLA-2026-0202"], ["meta.regio", "drenthe"]]


# -- 4. the summary in words ------------------------------------------------------------


def test_the_summary_of_a_full_new_case_fits_one_screen() -> None:
    from levensloop_docs.case.casefile import case_to_data, load_case
    from levensloop_docs.interview.summary import summary_in_words
    from levensloop_docs.model.vocab import load_vocabularies

    case = case_to_data(load_case(Path(__file__).parent / "data" / "interview-verwacht.yaml").casus)
    lines = summary_in_words({}, case, load_vocabularies())
    assert len(lines) <= 20  # the whole summary, let alone one part, fits a 24-row screen
    text = "\n".join(lines)
    assert "Netwerk: 3 partners toegevoegd (ForFACT Oost (voorbeeld), Reclassering Oost (voorbeeld)" in text
    assert "1 naaste toegevoegd (Wilma Hoogeveen)" in text
    assert "Levensgebieden: 2 levensgebieden toegevoegd (Huisvesting, Middelengebruik)" in text
    assert "netwerk.partners[" not in text and "... en nog" not in text


def test_the_summary_names_changes_and_hides_values_from_logs() -> None:
    from levensloop_docs.interview.summary import summary_in_words

    old = {"persoon": {"naam": "A", "roepnaam": "Sjors"},
           "netwerk": {"partners": [{"id": "p", "organisatie": "Politie (voorbeeld)", "telefoon": "1"}]}}
    new = {"persoon": {"naam": "A", "roepnaam": "Sjoerd"},
           "netwerk": {"partners": [{"id": "p", "organisatie": "Politie (voorbeeld)", "telefoon": "2"}]}}
    assert summary_in_words(old, new) == [
        "Wat er verandert:",
        "  Persoon: roepnaam: Sjors -> Sjoerd",
        "  Netwerk: 1 partner gewijzigd (Politie (voorbeeld): telefoon)",
    ]
    assert "Sjoerd" not in "\n".join(summary_in_words(old, new, values=False))


def test_the_full_list_is_shown_on_request(caravan: Path, capsys: pytest.CaptureFixture[str]) -> None:
    keys = [ENTER, typed("Sjoerd"), *[ENTER] * 5, "l" + ENTER, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    assert "~ persoon.roepnaam: Sjors -> Sjoerd" in capsys.readouterr().out


# -- 6. and 7. partners by name, removal in words -----------------------------------------


def test_questions_name_partners_by_name_and_organisation(caravan: Path) -> None:
    labels: list[str] = []

    class Recording(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            labels.append(question.label)
            return super().ask(question)

    from levensloop_docs.interview.parts import find_part

    scenarios = find_part("scenarios")
    assert scenarios is not None
    answers: dict[str, Any] = {"scenarios": [{}, {}]}  # change both scenarios, keeping every answer
    run_interview([scenarios], Recording(answers, Path("a.yaml"), quiet=True), case_path=caravan, today=TODAY)
    asked = [label for label in labels if label.startswith("Wat doet")]
    named = "Wat doet Marieke de Vries-Öztürk (ForFACT Noord (voorbeeld)) in fase"
    assert any(label.startswith(named) for label in asked)
    assert not any(label.startswith(("Wat doet forfact ", "Wat doet politie ")) for label in asked)


def test_removing_a_partner_says_which_actions_then_removes_them_too(
    caravan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keys = ["politie" + ENTER, "Verwijderen" + ENTER, "j" + ENTER, "Klaar" + ENTER, "Klaar" + ENTER, ENTER]
    assert edit_case(caravan, "netwerk", keys).saved
    said = capsys.readouterr().out
    assert "wordt nog genoemd bij:" in said
    assert "scenario 'Uitzetting van het terrein', fase rood: 'Bij dreiging met geweld" in said
    text = caravan.read_text(encoding="utf-8")
    assert "id: politie" not in text and "wie: politie" not in text and "politie]" not in text
    from levensloop_docs.case.casefile import load_case

    load_case(caravan)  # still a valid case: nothing refers to nobody


# -- 5. Word and PDF --------------------------------------------------------------------


def test_after_saving_the_plan_can_be_made_as_word_and_pdf(
    run_cli: Any, caravan: Path, tmp_path: Path
) -> None:
    from conftest import libreoffice_or_skip

    libreoffice_or_skip()
    answers = tmp_path / "a.yaml"
    answers.write_text("persoon: {roepnaam: Sjoerd}\ngenereer: ja\nformaat: beide\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_cli("bewerk", caravan, "--onderdeel", "persoon", "--antwoorden", answers, "--uit", out)
    assert result.code == 0, result.err
    assert len(list(out.glob("*.docx"))) == 1 and len(list(out.glob("*.pdf"))) == 1


# -- 8. return guarantee only where asked -----------------------------------------------


def test_no_return_guarantee_row_for_a_step_where_it_was_never_asked(tmp_path: Path, run_cli: Any) -> None:
    from docx import Document

    # the example's first step (to intensive ambulant care) has no admission: never asked there
    case = EXAMPLES / "detentie-midden-nederland.yaml"
    from levensloop_docs.case.casefile import load_case

    steps = load_case(case).casus.opschaling.stappen
    assert not steps[0].terugkeer_gevraagd and all(s.terugkeer_gevraagd for s in steps[1:])
    out = tmp_path / "uit"
    assert run_cli("genereer", case, "--uit", out).code == 0
    plan = next(out.glob("*levensloopplan*.docx"))
    rows = [[c.text for c in row.cells] for t in Document(str(plan)).tables for row in t.rows]
    guarantees = [row[1] for row in rows if row[0] == "Terugkeergarantie"]
    assert len(guarantees) == len(steps) - 1 and all(g.startswith("Ja") for g in guarantees)


# -- 9. month dates in the history ------------------------------------------------------


def test_a_month_is_enough_in_the_history(drenthe: Path) -> None:
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.interview.aanmelding import find_part
    from levensloop_docs.model.validators import parse_date_or_month
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.reference.regions import load_region
    from levensloop_docs.views.aanmelding import aanmelding_context

    assert parse_date_or_month("mei 2019") == parse_date_or_month("5-2019") == "2019-05"
    assert parse_date_or_month("3-5-2019") == date(2019, 5, 3)
    with pytest.raises(ValueError, match="mei 2019"):
        parse_date_or_month("ergens in 2019")
    part = find_part("voorgeschiedenis")
    assert part is not None
    events = [{"datum": "mei 2019", "soort": "zorg", "omschrijving": "Opname (voorbeeld)."}]
    asker = AnswersFileAsker({"aanmelding": {"voorgeschiedenis": events}}, Path("a.yaml"), quiet=True)
    assert run_interview([part], asker, case_path=drenthe, today=TODAY).saved
    assert "datum: 2019-05\n" in drenthe.read_text(encoding="utf-8")
    casus = load_case(drenthe).casus
    assert casus.aanmelding is not None
    context = aanmelding_context(casus.aanmelding, load_region(casus.meta.regio), load_vocabularies(), casus)
    assert context["voorgeschiedenis"][0]["datum"] == "mei 2019"  # and first: the oldest


def test_a_month_typed_at_the_prompt(drenthe: Path) -> None:
    from levensloop_docs.interview.aanmelding import find_part

    part = find_part("voorgeschiedenis")
    assert part is not None
    # add an event: date 'mei 2019', kind (Enter), what happened; done; current care (Esc Enter);
    # what was tried (done) and the risicotaxatie kept as it is (issue 28: four Enters); save
    keys = ["Toevoegen" + ENTER, typed("mei 2019"), ENTER, typed("Eerste contact (voorbeeld)."),
            "Klaar" + ENTER, "\x1b\r", "Klaar" + ENTER, ENTER, ENTER, ENTER, ENTER, ENTER]
    with keyboard(keys):
        assert run_interview([part], PromptAsker(), case_path=drenthe, today=TODAY).saved
    text = drenthe.read_text(encoding="utf-8")
    assert "datum: 2019-05\n" in text and "Eerste contact (voorbeeld)." in text


def test_hervat_of_a_new_aanmelding_with_an_invalid_combination_opens_on_that_question(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The dead end: a draft whose meeting lies before the aanmelding. '--hervat'
    # replayed it and failed at once; now that one question is asked again, nothing else.
    from _interview_keys import CTRL_C, lines, pick
    from test_interview_screen import _aanmelding_keys

    from levensloop_docs.errors import Interrupted
    from levensloop_docs.interview.aanmelding import PARTS

    keys = [key for part in _aanmelding_keys() for key in part]
    with keyboard([*keys, CTRL_C]), pytest.raises(Interrupted):
        run_interview(PARTS, PromptAsker(), folder=tmp_path, today=TODAY)
    case = tmp_path / "LLA-2026-0301.yaml"
    draft = Draft.load(draft_path(case))
    assert draft is not None
    draft.answers += [("aanmelding.overleg.datum", "2026-11-01"),
                      ("aanmelding.overleg.deelnemers", ["Z (voorbeeld)"])]
    draft.save()
    capsys.readouterr()
    with keyboard([typed("16-11-2026"), pick("Aangehouden"), lines("Eerst een risicotaxatie."), ENTER]):
        outcome = run_interview(PARTS, PromptAsker(), folder=tmp_path, resume=True, today=TODAY)
    assert outcome.saved
    said = capsys.readouterr().out
    assert checks.MEETING_AFTER_REGISTRATION.message() in said, said
    text = case.read_text(encoding="utf-8")
    assert "datum: 2026-11-16" in text and "- Z (voorbeeld)" in text and "besluit: aangehouden" in text


def test_removing_the_risk_assessment_that_the_exit_names_says_so_and_keeps_the_case_valid(
    caravan: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from levensloop_docs.case.casefile import load_case

    text = caravan.read_text(encoding="utf-8").replace(
        "  beschermende_factoren: Zus als hulpbron; bewind.\n",
        "  beschermende_factoren: Zus als hulpbron; bewind.\n  risico_verlaagd: true\n"
        "  risicotaxatie_datum: 2026-09-15\n",
    )
    caravan.write_text(text, encoding="utf-8")
    keys = ["HKT" + ENTER, "Verwijderen" + ENTER, "j" + ENTER, "Klaar" + ENTER, ENTER]
    assert edit_case(caravan, "risicotaxatie", keys).saved
    assert "uitstroomcriterium" in capsys.readouterr().out
    after = caravan.read_text(encoding="utf-8")
    assert "risicotaxatie_datum" not in after and "HKT-R" not in after
    load_case(caravan)  # valid: the exit no longer names a removed assessment


def test_back_has_no_meaning_outside_the_interview_and_breaks_nothing(caravan: Path) -> None:
    # '<' at "continue with the draft?" (asked before the first question) is not a way out
    draft = Draft.start(caravan, new=False, basis=None)
    draft.answers = [("persoon.naam", 'Sjoerd "Sjors" Ebbinge'), ("persoon.roepnaam", "Sjoerd")]
    draft.save()
    outcome = edit_case(caravan, "persoon", [BACK + ENTER, *[ENTER] * 5, ENTER])
    assert outcome.saved and "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")
