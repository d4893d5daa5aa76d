"""Issue 16: no English fragments or wrong plurals on screen."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from _interview_keys import tick
from click.testing import CliRunner
from conftest import EXAMPLES
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input

from levensloop_docs.cli.clicktext import install_dutch_click
from levensloop_docs.cli.main import cli
from levensloop_docs.interview.prompts import PromptAsker
from levensloop_docs.interview.questions import Question


@pytest.mark.parametrize(
    "args",
    [["--help"], ["bewerk", "--help"], ["aanmelding", "--help"], ["aanmelding", "nieuw", "--help"],
     ["sjablonen", "--help"], ["overzicht", "--help"]],
)  # fmt: skip
def test_help_usage_line_is_dutch(args: list[str]) -> None:
    install_dutch_click()
    result = CliRunner().invoke(cli, args, prog_name="levensloop")
    assert result.exit_code == 0, result.output
    usage = result.output.splitlines()[0]
    assert usage.startswith("Gebruik: levensloop")
    assert "OPTIONS" not in result.output and "COMMAND" not in result.output and "ARGS" not in result.output
    assert "[OPTIES]" in usage


def _screen_of(question: Question, keys: str) -> tuple[object, str]:
    """Answer ``question`` with ``keys`` in the real prompt; return the answer and the screen after it."""
    import pyte
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=24, columns=80), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(keys)
        answer = PromptAsker().ask(question)
    screen = pyte.Screen(80, 24)
    pyte.Stream(screen).feed(written.getvalue().replace("\n", "\r\n"))
    return answer, "\n".join(line.rstrip() for line in screen.display)


FRUIT = Question("fruit", "multi", "Welk fruit?", choices=(("a", "Appel"), ("p", "Peer"), ("k", "Kers")))


@pytest.mark.parametrize(
    ("keys", "expected", "summary"),
    [(tick("Appel", "Peer"), ["a", "p"], "2 onderdelen aangevinkt"), (tick("Kers"), ["k"], "Kers"),
     (tick(), [], "niets aangevinkt")],
)  # fmt: skip
def test_closed_checkbox_says_in_dutch_what_was_ticked(keys: str, expected: list[str], summary: str) -> None:
    answer, screen = _screen_of(FRUIT, keys)
    assert answer == expected
    assert "done" not in screen and "selection" not in screen
    assert f"? Welk fruit? {summary}" in screen


def test_one_case_file_is_counted_in_the_singular(tmp_path: Path) -> None:
    """'1 casusbestanden gecontroleerd' was on screen; ngettext gives the singular for one."""
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", tmp_path / "caravan-groningen.yaml")
    install_dutch_click()
    result = CliRunner().invoke(cli, ["controleer", str(tmp_path)], prog_name="levensloop")
    assert result.exit_code == 0, result.output
    assert "1 casusbestand gecontroleerd: geen fouten." in result.output


# a count in a message (``{n} files``) must go through ngettext, or Dutch says '1 bestanden'
# ('{bad} of {n} case files' is left: the noun follows the total of a group, not the count)
_COUNTED = re.compile(r'\b_\(\s*"(?:[^"]*[^f] )?\{(?:n|made|count)\} (?:[a-z]+ )?[a-z]*[^is\s"]s\b')


def test_no_count_is_translated_without_a_plural_form() -> None:
    package = Path(__file__).parent.parent / "levensloop_docs"
    found = [f"{py.name}: {m.group(0)}" for py in package.rglob("*.py")
             for m in _COUNTED.finditer(py.read_text())]  # fmt: skip
    assert found == []


def _screen_while_typing(question: Question, keys: str) -> str:
    """The screen at 80 by 24 while ``keys`` are typed into the open prompt (then Ctrl-C)."""
    import pyte
    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    written = io.StringIO()
    output = Vt100_Output(written, lambda: Size(rows=24, columns=80), term="xterm")
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=output):
        pipe.send_text(keys + "\x03")
        with pytest.raises(KeyboardInterrupt):
            PromptAsker().ask(question)
    screen = pyte.Screen(80, 24)
    pyte.Stream(screen).feed(written.getvalue().replace("\n", "\r\n"))
    return "\n".join(line.rstrip() for line in screen.display)


@pytest.mark.parametrize(
    "question",
    [Question("r", "text", "Risico's en signalen: wat gaat er mis als het slecht gaat, en waaraan merkt u "
              "dat het eerste?", multiline=True),
     Question("s", "lines", "Signalen in fase oranje")],
)  # fmt: skip
def test_multi_line_prompt_says_enter_makes_a_line_and_esc_enter_goes_on(question: Question) -> None:
    screen = _screen_while_typing(question, "eerste regel\rtweede")
    hint = next(line for line in screen.splitlines() if line.startswith("("))
    assert "Enter: nieuwe regel" in hint and "Esc en dan Enter: verder" in hint
    assert "\u203a eerste regel\n  tweede" in screen  # the answer keeps its own full-width lines
