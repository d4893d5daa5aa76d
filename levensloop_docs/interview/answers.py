"""Answers from a file (``--antwoorden FILE``): the same questions without a terminal.

The answers file is YAML shaped like the questions' keys: ``persoon.naam`` is
``persoon: {naam: ...}``, ``netwerk.partners[1].telefoon`` is the ``telefoon`` of
the second item under ``netwerk: {partners: [...]}``; a flat key
(``"persoon.naam": ...``) works too. A question without an answer keeps its
default (the current value); a required one without default is an error. List
questions read the list at their key as the complete list: item N edits the
existing item N or adds one, items beyond the list are removed. Every answer is
parsed and checked exactly like a typed one; a bad answer stops the run with a
Dutch message naming the file and key (exit code 2).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import click

from levensloop_docs.errors import AnswersFileError
from levensloop_docs.i18n import _
from levensloop_docs.interview.questions import ADD, DONE, Question

_MISSING = object()
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def key_parts(key: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _TOKEN.findall(key)]


def lookup(answers: Any, key: str) -> Any:
    """The answer at ``key`` (nested or flat), or ``_MISSING``."""
    if isinstance(answers, Mapping) and key in answers:
        return answers[key]
    node = answers
    for part in key_parts(key):
        if isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            continue
        if not (isinstance(node, Mapping) and part in node):
            return _MISSING
        node = node[part]
    return node


class AnswersFileAsker:
    """Answer every question from a parsed answers file."""

    interactive = False

    def __init__(self, answers: Mapping[str, Any], source: Path, *, quiet: bool = False) -> None:
        self.answers = answers
        self.source = source
        self.quiet = quiet
        self._list_steps: dict[str, int] = {}

    @classmethod
    def from_file(cls, path: Path, *, quiet: bool = False) -> AnswersFileAsker:
        from levensloop_docs.yamlio import YamlReadError, load_yaml

        try:
            data = load_yaml(path, round_trip=False)
        except YamlReadError as exc:
            raise AnswersFileError(exc.problem.describe()) from None
        if not isinstance(data, Mapping):
            msg = _("{file}: an answers file consists of keys with answers, such as 'persoon:'.")
            raise AnswersFileError(msg.format(file=path))
        return cls(data, path, quiet=quiet)

    def say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text)

    def ask(self, question: Question) -> Any:
        if question.kind == "list":
            return self._list_action(question)
        raw = lookup(self.answers, question.key)
        if raw is _MISSING:
            if question.required and question.default in (None, "", []):
                raise self._error(question.key, _("This question needs an answer."))
            return question.default
        try:
            return question.parse(self._loose(question, raw))
        except ValueError as exc:
            raise self._error(question.key, str(exc)) from None

    def _loose(self, question: Question, raw: Any) -> Any:
        # A multi-choice may be written as the mapping it introduces (levensgebieden: {huisvesting: ...}).
        if question.kind == "multi" and isinstance(raw, Mapping):
            return [k for k in raw if any(k == key for key, _label in question.choices)]
        return raw

    def _list_action(self, question: Question) -> str:
        wanted = lookup(self.answers, question.key)
        if wanted is _MISSING:
            return DONE
        if not isinstance(wanted, list):
            raise self._error(question.key, _("Expected a list (lines that start with '- ')."))
        # the answers list mirrors the whole list in the file; a question that shows only its
        # tail (from ``first``) leaves the items before it as they are
        first = question.first
        step = self._list_steps.get(question.key, first)
        current = first + len(question.items)
        if step < len(wanted):
            self._list_steps[question.key] = step + 1
            return f"bewerk:{step - first}" if step < current else ADD
        if current > max(len(wanted), first):
            return f"verwijder:{max(len(wanted), first) - first}"
        self._list_steps.pop(question.key, None)
        return DONE

    def _error(self, key: str, message: str) -> AnswersFileError:
        return AnswersFileError(f"{self.source}: {key}: {message}")
