"""The ``Asker`` protocol: how a question reaches a person (or a script).

An asker gets a :class:`~levensloop_docs.interview.questions.Question` and returns
its clean value; every kind (text, multiline lines, date, date-or-frequency, phone,
e-mail, choice from a vocabulary, multi-choice, confirm, number, list editing) goes
through the one ``ask`` method, so a new asker cannot forget a kind. Two
implementations exist: :class:`~levensloop_docs.interview.prompts.PromptAsker`
(questionary prompts in a terminal) and
:class:`~levensloop_docs.interview.answers.AnswersFileAsker` (an answers file).

List editing: a ``list`` question shows the current items and returns one action:
``toevoegen``, ``klaar``, ``bewerk:N``, ``omhoog:N`` or ``verwijder:N`` (N counts from 0).
"""

from __future__ import annotations

from typing import Any, Protocol

from levensloop_docs.interview.questions import Question


class Asker(Protocol):
    """Asks one question at a time and tells the user things."""

    interactive: bool

    def ask(self, question: Question) -> Any:
        """Return the clean answer (already parsed and checked by ``question.parse``).

        Ctrl-C or a closed terminal raise ``KeyboardInterrupt`` or ``EOFError``.
        """
        ...

    def say(self, text: str) -> None:
        """Show a line of information (a summary, a notice)."""
        ...
