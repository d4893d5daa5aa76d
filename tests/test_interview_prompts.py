"""The interview through the real questionary prompts, fed keystrokes via prompt_toolkit pipe input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from _interview_keys import CTRL_C, ENTER, full_interview, typed
from conftest import EXAMPLES, TODAY
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from levensloop_docs.errors import ConflictError, Interrupted
from levensloop_docs.interview import Outcome, run_interview
from levensloop_docs.interview.draft import draft_path
from levensloop_docs.interview.lock import LockInfo, lock_path, read_lock
from levensloop_docs.interview.parts import PARTS, find_part
from levensloop_docs.interview.prompts import PromptAsker

EXPECTED = Path(__file__).parent / "data" / "interview-verwacht.yaml"
CASE_ID = "LLA-2026-0107"


@contextmanager
def keyboard(keys: list[str]) -> Iterator[None]:
    """Type ``keys`` into every prompt that follows; a final Ctrl-C stops a script that is too short."""
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text("".join(keys) + CTRL_C)
        yield


def new_case(folder: Path, keys: list[str], *, resume: bool = False) -> Outcome:
    with keyboard(keys):
        return run_interview(PARTS, PromptAsker(), folder=folder, resume=resume, today=TODAY)


def edit_case(path: Path, part: str, keys: list[str]) -> Outcome:
    chosen = find_part(part)
    assert chosen is not None
    with keyboard(keys):
        return run_interview([chosen], PromptAsker(), case_path=path, today=TODAY)


@pytest.fixture
def caravan(tmp_path: Path) -> Path:
    target = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", target)
    return target


def test_full_interview_writes_the_expected_case(tmp_path: Path) -> None:
    outcome = new_case(tmp_path, full_interview())
    case = tmp_path / f"{CASE_ID}.yaml"
    assert outcome.saved and outcome.path == case
    assert case.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
    assert case.stat().st_mode & 0o777 == 0o600
    assert not draft_path(case).exists() and not lock_path(case).exists()


def test_ctrl_c_halfway_then_resume_gives_the_same_case(tmp_path: Path) -> None:
    keys = full_interview()
    half = len(keys) // 2
    with pytest.raises(Interrupted) as stopped:
        new_case(tmp_path, keys[:half])
    case = tmp_path / f"{CASE_ID}.yaml"
    draft = draft_path(case)
    assert stopped.value.exit_code == 130 and draft.name in stopped.value.message
    assert draft.stat().st_mode & 0o777 == 0o600
    assert not case.exists() and not lock_path(case).exists()
    new_case(tmp_path, keys[half:], resume=True)
    assert case.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
    assert not draft.exists()


def test_wrong_date_is_refused_at_the_prompt_then_corrected(caravan: Path) -> None:
    # 31-2 stays in the prompt (else every later answer would shift); the Dutch hint on
    # screen is checked in the terminal test, where the screen is really drawn.
    keys = [ENTER, ENTER, typed("31-2-1984"), typed("8-3-1984"), *[ENTER] * 4, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    after = caravan.read_text(encoding="utf-8")
    assert "geboortedatum: 1984-03-08\n" in after and "verblijf: onconventioneel\n" in after


def test_editing_one_part_leaves_the_rest_byte_for_byte(caravan: Path) -> None:
    before = caravan.read_text(encoding="utf-8")
    keys = [ENTER, typed("Sjoerd"), *[ENTER] * 5, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    after = caravan.read_text(encoding="utf-8")
    assert after == before.replace("  roepnaam: Sjors\n", "  roepnaam: Sjoerd\n")
    assert after != before and "# Fictieve casus (voorbeeld)." in after and "wanneer: 15-12-2026" in after


def test_no_changes_means_nothing_is_written(caravan: Path) -> None:
    before = caravan.stat().st_mtime_ns
    outcome = edit_case(caravan, "persoon", [ENTER] * 7)
    assert not outcome.saved and caravan.stat().st_mtime_ns == before


def test_interrupted_edit_is_offered_again_by_bewerk(caravan: Path) -> None:
    with pytest.raises(Interrupted):
        edit_case(caravan, "persoon", [ENTER, typed("Sjoerd")])
    assert draft_path(caravan).exists()
    # The draft is offered (Enter = yes); the replayed answers skip the first two questions.
    outcome = edit_case(caravan, "persoon", [ENTER, *[ENTER] * 5, ENTER])
    assert outcome.saved and "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")
    assert not draft_path(caravan).exists()


def test_list_editing_changes_moves_and_removes_items(caravan: Path) -> None:
    # netwerk: change partner 'politie' (phone), move 'bewind' up twice, remove 'verslavingszorg' (confirm j).
    keys = [
        "politie" + ENTER, "Wijzigen" + ENTER, *[ENTER] * 5, typed("06-11112222"), ENTER, ENTER,
        "bewind" + ENTER, "Omhoog" + ENTER, "bewind" + ENTER, "Omhoog" + ENTER,
        "verslavingszorg" + ENTER, "Verwijderen" + ENTER, "j" + ENTER,
        "Klaar" + ENTER,  # partners done
        "Klaar" + ENTER,  # naasten unchanged
        ENTER,  # save
    ]  # fmt: skip
    text = caravan.read_text(encoding="utf-8").replace("wie: verslavingszorg", "wie: bewind")
    caravan.write_text(text, encoding="utf-8")  # nothing may refer to the partner that is removed
    assert edit_case(caravan, "netwerk", keys).saved
    after = caravan.read_text(encoding="utf-8")
    assert "telefoon: 06-11112222" in after and "id: verslavingszorg" not in after
    assert after.index("id: bewind") < after.index("id: politie")


@pytest.fixture
def live_lock(caravan: Path) -> Iterator[LockInfo]:
    """The case locked by a session that is still running (another process of this user)."""
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    me = LockInfo.mine()
    info = LockInfo(me.user, me.host, other.pid, me.since)
    lock_path(caravan).write_text(info.dumps(), encoding="utf-8")
    try:
        yield info
    finally:
        other.kill()
        other.wait()


def test_a_live_session_on_this_computer_is_never_taken_over(caravan: Path, live_lock: LockInfo) -> None:
    # Issue 26 (behaviour changed on purpose): one 'j' used to end a colleague's running session.
    # No question is asked now: the keys below would be a 'j' and a whole interview.
    assert not live_lock.stale()
    keys = ["j" + ENTER, ENTER, typed("Sjoerd"), *[ENTER] * 5, ENTER]
    with pytest.raises(ConflictError) as refused:
        edit_case(caravan, "persoon", keys)
    assert read_lock(caravan) == live_lock and "roepnaam: Sjors\n" in caravan.read_text(encoding="utf-8")
    hint = str(refused.value.hint)
    assert str(live_lock.pid) in hint and "Ctrl-C" in hint
    assert "levensloop bewerk" not in hint  # no advice to take over what cannot be taken over


def test_a_fresh_lock_of_another_computer_needs_the_typed_word(caravan: Path) -> None:
    other = LockInfo("collega", "andere-pc", 4242, LockInfo.mine().since)
    lock_path(caravan).write_text(other.dumps(), encoding="utf-8")
    with pytest.raises(ConflictError):  # Enter (or 'j') is not enough
        edit_case(caravan, "persoon", ["j" + ENTER])
    assert read_lock(caravan) == other
    keys = [typed("overnemen"), ENTER, typed("Sjoerd"), *[ENTER] * 5, ENTER]
    assert edit_case(caravan, "persoon", keys).saved
    assert "roepnaam: Sjoerd\n" in caravan.read_text(encoding="utf-8")
    assert not lock_path(caravan).exists()


def test_an_answers_file_never_takes_over_a_live_session(run_cli, caravan: Path, live_lock: LockInfo) -> None:  # type: ignore[no-untyped-def]
    answers = caravan.with_name("antwoorden.yaml")
    answers.write_text("vergrendeling_overnemen: true\npersoon:\n  roepnaam: Sjoerd\n", encoding="utf-8")
    result = run_cli("bewerk", caravan, "--onderdeel", "persoon", "--antwoorden", answers)
    assert result.code == 1 and "wordt bewerkt door" in result.err
    assert read_lock(caravan) == live_lock and "roepnaam: Sjors\n" in caravan.read_text(encoding="utf-8")


def test_partner_position_is_asked_before_the_contact_persons_name(caravan: Path) -> None:
    # 'politie': role, short name, organisation kept; then the position, then the name
    keys = [
        "politie" + ENTER, "Wijzigen" + ENTER, *[ENTER] * 3, typed("wijkagent"), typed("Rik Hovinga"),
        ENTER, ENTER, ENTER,  # phone, e-mail, ring kept
        "Klaar" + ENTER, "Klaar" + ENTER, ENTER,  # partners, naasten, save
    ]  # fmt: skip
    assert edit_case(caravan, "netwerk", keys).saved
    after = caravan.read_text(encoding="utf-8")
    assert "contactpersoon: Rik Hovinga\n      functie: wijkagent\n" in after


class _TakenOverAfterFirstAnswer(PromptAsker):
    """The real prompts; after the first answer another live session takes the lock (``bewerk`` + 'j')."""

    def __init__(self, case: Path, other: LockInfo) -> None:
        super().__init__()
        self.case, self.other, self.asked = case, other, 0
        self.said: list[str] = []

    def ask(self, question):  # type: ignore[no-untyped-def]
        answer = super().ask(question)
        self.asked += 1
        if self.asked == 1:
            lock_path(self.case).write_text(self.other.dumps(), encoding="utf-8")
            draft_path(self.case).write_text("the other session's draft\n", encoding="utf-8")
        return answer

    def say(self, text: str) -> None:
        self.said.append(text)
        super().say(text)


def test_a_session_that_lost_its_lock_keeps_its_answers_apart_and_cannot_save(
    caravan: Path, live_lock: LockInfo
) -> None:
    lock_path(caravan).unlink()  # we start with the case free; the other takes it after our first answer
    shared = draft_path(caravan)  # the taker's draft (written by the asker at the take-over)
    before = caravan.read_text(encoding="utf-8")
    asker = _TakenOverAfterFirstAnswer(caravan, live_lock)
    chosen = find_part("persoon")
    assert chosen is not None
    keys = [ENTER, typed("Sjoerd"), *[ENTER] * 5, ENTER]
    with keyboard(keys), pytest.raises(ConflictError) as refused:
        run_interview([chosen], asker, case_path=caravan, today=TODAY)
    apart = caravan.with_name(f"{shared.name}-{os.getpid()}")
    assert caravan.read_text(encoding="utf-8") == before  # not saved over the one who took it
    assert shared.read_text(encoding="utf-8") == "the other session's draft\n"  # their draft untouched
    assert '"Sjoerd"' in apart.read_text(encoding="utf-8") and apart.stat().st_mode & 0o777 == 0o600
    assert str(apart) in str(refused.value.hint) and "overgenomen" in str(refused.value)
    assert any("apart" in line for line in asker.said)
    assert read_lock(caravan) == live_lock  # the lock stays with the one who took it
