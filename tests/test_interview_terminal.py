"""End to end in a real terminal (pty): a casemanager changes a case with 'levensloop bewerk'."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pexpect
from conftest import EXAMPLES, ROOT

from levensloop_docs.interview.draft import Draft

BACKSPACE, CLEAR = "\x7f", "\x15"


def spawn(tmp_path: Path, *args: str) -> pexpect.spawn:
    # The pty does not answer cursor-position requests; without this each prompt waits for one.
    env = {**os.environ, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "PYTHONPATH": str(ROOT)}
    return pexpect.spawn(sys.executable, ["-m", "levensloop_docs", *args], encoding="utf-8", timeout=15,
                         dimensions=(40, 120), env=env, cwd=str(tmp_path))


def test_bewerk_in_a_terminal_as_a_person_types(tmp_path: Path) -> None:
    case = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", case)
    child = spawn(tmp_path, "bewerk", str(case))
    child.expect("Welke onderdelen wilt u wijzigen")
    child.send("Pers")  # search, tick with space, clear the search, Enter
    child.send(" ")
    child.send(BACKSPACE * 4 + "\r")
    child.expect("Naam")
    child.send("\r")
    child.expect("Roepnaam")
    child.send(CLEAR + "Sjoerd\r")
    child.expect("Geboortedatum")
    child.send(CLEAR + "31-2-1984\r")
    child.expect("Deze datum bestaat niet")  # the hint; the prompt stays
    child.send(CLEAR + "8 maart 1984\r")
    rest = ("Waar verblijft", "Toelichting op het verblijf", "Problematiek", "Toelichting op de problematiek")
    for label in rest:
        child.expect(label)
        child.send("\r")
    child.expect("roepnaam: Sjors -> Sjoerd")
    child.expect("Deze wijzigingen opslaan")
    child.send("j\r")
    child.expect("Opgeslagen")
    child.expect("levensloopplan nu maken")
    child.send("n\r")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    text = case.read_text(encoding="utf-8")
    assert "roepnaam: Sjoerd\n" in text and "geboortedatum: 1984-03-08\n" in text
    assert not list(tmp_path.glob(".*.concept")) and not list(tmp_path.glob(".*.lock"))


def test_closed_terminal_keeps_every_answer(tmp_path: Path) -> None:
    child = spawn(tmp_path, "nieuw", "--map", str(tmp_path))
    child.expect("Casusnummer")
    child.send("LLA-2026-0999\r")
    child.expect("Regio")
    child.send("Drenthe\r")
    child.expect("Status van de casus")
    child.kill(signal.SIGHUP)  # the terminal window is closed
    child.expect(pexpect.EOF)
    child.close()
    draft = tmp_path / ".LLA-2026-0999.yaml.concept"
    assert draft.exists() and draft.stat().st_mode & 0o777 == 0o600
    saved = Draft.load(draft)
    assert saved is not None
    assert saved.answers == [("meta.casus_id", "LLA-2026-0999"), ("meta.regio", "drenthe")]
    assert not (tmp_path / ".LLA-2026-0999.yaml.lock").exists()


def test_ctrl_c_is_a_stop_not_an_error(tmp_path: Path) -> None:
    case = tmp_path / "caravan-groningen.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", case)
    child = spawn(tmp_path, "bewerk", str(case), "--onderdeel", "persoon")
    child.expect("Naam")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    said = child.before or ""
    assert child.exitstatus == 130
    assert "Gestopt" in said and "Fout" not in said and "Traceback" not in said
