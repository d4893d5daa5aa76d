"""A prompt is cheap: key bindings and styles are built once per process, not for every prompt.

Before, every questionary prompt built prompt_toolkit's 582 default key bindings (three
times for a select) and parsed the same style rules again: 20-45 ms of CPU per prompt,
which made the random walk over the interviews (issue 26) too slow for CI. These tests
drive the real prompts through prompt_toolkit input and check that the shared pieces are
shared and that editing keys still work.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from prompt_toolkit.application import Application, create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.styles import Style

from levensloop_docs.interview.prompts import PromptAsker
from levensloop_docs.interview.questions import Question

CTRL_A, CTRL_E, CTRL_W, ENTER = "\x01", "\x05", "\x17", "\r"


@pytest.fixture
def asker() -> Iterator[tuple[PromptAsker, object]]:
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield PromptAsker(), pipe


def test_every_prompt_shares_one_set_of_default_key_bindings(asker: tuple[PromptAsker, object]) -> None:
    prompt, pipe = asker
    pipe.send_text("j" + ENTER)  # type: ignore[attr-defined]
    assert prompt.ask(Question("x.ja", "confirm", "Doorgaan?", default=False)) is True
    first: Application[None] = Application()
    second: Application[None] = Application()
    assert first._default_bindings is second._default_bindings
    assert first._page_navigation_bindings is second._page_navigation_bindings
    # no vi bindings: they only work in vi mode, which no prompt turns on
    handlers = {b.handler.__module__ for b in first._default_bindings.bindings}
    assert not any(module.endswith(".vi") for module in handlers)
    assert any(module.endswith(".emacs") for module in handlers)


def test_emacs_editing_keys_still_work_in_a_text_prompt(asker: tuple[PromptAsker, object]) -> None:
    prompt, pipe = asker
    question = Question("x.tekst", "text", "Wat is er gedaan?", default="huisbezoek")
    # Ctrl-A to the start, type, Ctrl-E to the end, Ctrl-W deletes the last word
    pipe.send_text(CTRL_A + "Een " + CTRL_E + " extra" + CTRL_W + ENTER)  # type: ignore[attr-defined]
    assert prompt.ask(question) == "Een huisbezoek"


def test_equal_styles_are_parsed_once(asker: tuple[PromptAsker, object]) -> None:
    prompt, pipe = asker
    pipe.send_text(ENTER)  # type: ignore[attr-defined]
    prompt.ask(Question("x.keuze", "choice", "Welke?", choices=(("a", "Een"), ("b", "Twee")), default="b"))
    rules = [("question", "bold"), ("answer", "fg:#5f819d")]
    one: Application[None] = Application(style=Style(list(rules)))
    other: Application[None] = Application(style=Style(list(rules)))
    parsed = one._merged_style._merged_style  # type: ignore[attr-defined]
    assert parsed is other._merged_style._merged_style  # type: ignore[attr-defined]
    assert parsed.get_attrs_for_style_str("class:question").bold
    different: Application[None] = Application(style=Style([("question", "italic")]))
    assert different._merged_style._merged_style is not parsed  # type: ignore[attr-defined]
    assert not different._merged_style.get_attrs_for_style_str("class:question").bold
