"""Issue 16: the whole interview in a real terminal of 80 by 24, as a person types it.

pexpect drives ``levensloop`` in a pty of 24 rows and 80 columns; pyte draws the screen,
so the tests see what a person sees: the answer line under a long question, the refusal
of a cross-field error at the prompt, the previous question after '<', and the save
summary on one screen.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _interview_keys import ADD, DONE, ENTER, NO, SUBMIT, YES, full_interview, lines, pick, typed
from _screen import Terminal

EXPECTED = Path(__file__).parent / "data" / "interview-verwacht.yaml"
BACK = "<"

# The fictional dates (autumn 2026) must not lie in the future of the machine's clock.
pytestmark = pytest.mark.skipif(date.today() < date(2026, 11, 3), reason="the example dates lie ahead")


def drive(term: Terminal, keys: list[str], wait_for: str = "") -> str:
    """Type each prompt's keys once it is ready; return the screen once ``wait_for`` shows."""
    for key in keys:
        term.answer(key)
    if wait_for:
        term.expect(wait_for)
    return term.settle(0.3)


def answer_line(screen: str, text: str) -> bool:
    """``text`` is on one screen line right after the answer marker: the answer has the full width."""
    return any(line.startswith("\u203a " + text) for line in screen.splitlines())


def test_nieuw_at_80x24_with_a_step_back_and_a_cross_field_error(tmp_path: Path) -> None:
    keys = full_interview()
    casus, persoon = keys[:3], keys[3:]
    term = Terminal(tmp_path, "nieuw", "--map", str(tmp_path))
    term.expect("Casusnummer")
    # at 'Status' back to 'Regio' (a list), choose again, then the status
    screen = drive(term, [casus[0], casus[1], BACK], wait_for="Status van de casus")
    assert screen.count("? Regio") == 2  # the region is asked again
    drive(term, [casus[1], casus[2]], wait_for="Naam")
    # at the date of birth back to 'Roepnaam' (shown with 'Derk'), keep it, go on
    screen = drive(term, [persoon[0], persoon[1], typed(BACK)], wait_for="Geboortedatum")
    assert answer_line(screen, "Derk") and screen.rstrip().endswith("\u203a Derk")
    evaluation = keys.index(typed("2-11-2026"))
    rest = persoon[1:evaluation - 3]
    risks = rest.index(lines("Slapen op straat leidt tot meer gebruik."))
    drive(term, [ENTER, *rest[1:risks]])
    screen = drive(term, [rest[risks]], wait_for="? Doelen")
    # 'Risico's en signalen' left 4 columns per line at 80 columns; now the answer has its own line
    assert answer_line(screen, "Slapen op straat leidt tot meer gebruik.")
    signals = rest.index(lines("Mist afspraken.", "Ruikt naar drank."))
    green = signals - 1
    screen = drive(term, rest[risks + 1:green], wait_for="Signalen in fase groen")
    # the green phase is asked with what it looks like when it goes well, so that it gets filled
    # (an empty phase is left out of the plan); 'one per line' stays beside the hint
    shown = " ".join(screen.split())
    assert "(Hoe ziet het eruit als het goed gaat? Wat helpt?; één per regel;" in shown, shown
    screen = drive(term, rest[green:signals + 1], wait_for="Signalen in fase rood")
    assert "Wat ziet u als er gevaar is?" in " ".join(screen.split())
    assert "Signalen in fase oranje" in screen and answer_line(screen, "Mist afspraken.")
    assert "  Ruikt naar drank." in screen.splitlines()  # the second line uses the width too
    drive(term, rest[signals + 1:])
    # evaluation: the next one before the plan was set is refused at the prompt, on screen
    screen = drive(term, [typed("2-11-2026"), typed("1-11-2026")], wait_for="De volgende evaluatie moet na")
    assert "De volgende evaluatie moet na de datum" in screen
    term.send(typed("2-5-2027"))  # the same prompt, still open
    # issue 26: the notes do not fit beside the summary at 80x24, so they come first, in the
    # pager (they used to scroll away above the save question); q closes it
    screen = drive(term, keys[evaluation + 2:-1], wait_for="Let op: ")
    assert "q sluit deze lijst" in screen and "Deze wijzigingen opslaan" not in screen
    term.send("q")
    screen = term.expect("Deze wijzigingen opslaan")
    assert "Wat er verandert:" in screen and "Deze wijzigingen opslaan" in screen  # one screen
    assert "Netwerk: 3 partners toegevoegd" in screen
    drive(term, [YES])
    term.expect("levensloopplan nu maken")
    drive(term, [NO])
    assert term.finish() == 0
    case = tmp_path / "LLA-2026-0107.yaml"
    assert case.read_text(encoding="utf-8") == EXPECTED.read_text(encoding="utf-8")
    assert not list(tmp_path.glob(".*.concept")) and not list(tmp_path.glob(".*.lock"))


def _aanmelding_keys() -> list[list[str]]:
    criteria = [ENTER, ENTER] * (6 + 4)  # national and Friesland's: 'onbekend', no explanation
    return [
        [typed("LLA-2026-0301"), pick("Friesland")],
        # the kind of organisation: left open (Enter)
        [typed("Wijkteam Leeuwarden (voorbeeld)"), ENTER, typed("Sietske Visser"), typed("wijkcoach"),
         typed("058-0000301"), ENTER],
        # issue 28: acute crisis ('onbekend') and its explanation
        [typed("2-11-2026"), lines("Schulden en ruzie met de buren."), ENTER, ENTER],
        [typed("Gerrit Zand (voorbeeld)"), ENTER, typed("1-2-1985"), ENTER, ENTER, ENTER, ENTER],
        # issue 28: nothing tried recorded yet, no risicotaxatie
        [ADD, typed("mei 2019"), ENTER, typed("Eerste contact (voorbeeld)."), DONE, lines(), DONE, ENTER],
        [DONE],
        criteria,
        [pick("onder voorwaarden"), ENTER],
        # voorbereiding: no name yet, 'onbekend', no requests, no pre-check, no table summary
        [ENTER, ENTER, DONE, lines(), lines()],
    ]  # fmt: skip


def test_aanmelding_nieuw_at_80x24_with_a_cross_field_error_and_a_step_back(tmp_path: Path) -> None:
    term = Terminal(tmp_path, "aanmelding", "nieuw", "--map", str(tmp_path))
    term.expect("Casusnummer")
    for part in _aanmelding_keys():
        drive(term, part)
    # the meeting before the aanmelding: refused at the prompt (not after the last question)
    screen = drive(term, [typed("1-11-2026")], wait_for="Het overleg kan niet")
    assert "Het overleg kan niet vóór de aanmelding plaatsvinden" in screen
    term.send(typed("16-11-2026"))  # the same prompt, still open
    drive(term, [lines("Procesregisseur ZVH (voorbeeld)")])
    # at the decision, back to the participants: they are shown again; keep them
    screen = drive(term, [BACK], wait_for="Deelnemers")
    assert answer_line(screen, "Procesregisseur ZVH (voorbeeld)")
    screen = drive(term, [SUBMIT, pick("Aangehouden"), lines("Eerst een risicotaxatie.")],
                   wait_for="Deze wijzigingen opslaan")
    assert "Wat er verandert:" in screen and "Deze wijzigingen opslaan" in screen
    drive(term, [YES])
    term.expect("documenten van de aanmelding maken")
    drive(term, [NO])
    assert term.finish() == 0
    text = (tmp_path / "LLA-2026-0301.yaml").read_text(encoding="utf-8")
    assert "datum: 2026-11-16" in text and "datum: 2019-05" in text and "besluit: aangehouden" in text
    assert "- Procesregisseur ZVH (voorbeeld)\n" in text and text.count("Procesregisseur ZVH") == 1
