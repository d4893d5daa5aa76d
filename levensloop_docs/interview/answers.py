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

Every answer in the file must be used: an unknown or misspelled key (``persoon.bsn``), a
key for a question this run does not ask, or an empty file is an error too (``check_used``
runs before saving; it names the key and its line), so nothing is dropped silently.
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
# Questions of the engine and the commands, asked outside the parts (or only sometimes).
ENGINE_KEYS = frozenset({
    "opslaan", "genereer", "formaat", "concept_hervatten", "concept", "vergrendeling_overnemen",
    "doorgaan_met_plan", "eerdere_sessie", "eerdere_sessie_overnemen",
})
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

    def __init__(self, answers: Mapping[str, Any], source: Path, *, quiet: bool = False,
                 file: Path | None = None, section: str = "") -> None:
        self.answers = answers
        self.source = source  # named in every message (the file, and the section: 'F (SYN-...)')
        self.quiet = quiet
        # the answers are the ``section`` of ``file`` (notuleer: one per case): lines are looked up there
        self.file, self.section = file or source, section
        self._list_steps: dict[str, int] = {}
        self.used: dict[str, str] = {}  # question key -> kind, of every question asked
        self.deferred: set[str] = set()  # top-level keys a later run of the same command asks
        self.check_later = False  # a second run follows (aanmelding, then the plan): check after it

    @classmethod
    def from_file(cls, path: Path, *, quiet: bool = False) -> AnswersFileAsker:
        from levensloop_docs.yamlio import YamlReadError, load_yaml

        try:
            data = load_yaml(path, round_trip=False)
        except YamlReadError as exc:
            raise AnswersFileError(exc.problem.describe()) from None
        if data is None or data == {}:
            msg = _("{file}: the answers file is empty. Give at least one answer, such as 'persoon:'.")
            raise AnswersFileError(msg.format(file=path))
        if not isinstance(data, Mapping):
            msg = _("{file}: an answers file consists of keys with answers, such as 'persoon:'.")
            raise AnswersFileError(msg.format(file=path))
        return cls(data, path, quiet=quiet)

    def say(self, text: str) -> None:
        if not self.quiet:
            click.echo(text)

    def ask(self, question: Question) -> Any:
        self.used[question.key] = question.kind
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

    def given(self, key: str) -> Any:
        """The raw answer at ``key`` in the file, or None."""
        found = lookup(self.answers, key)
        return None if found is _MISSING else found

    def answered_besides(self, skip: set[str]) -> bool:
        """Does the file hold any answer besides the keys in ``skip`` and the engine's own?"""
        return any(leaf not in skip and leaf not in ENGINE_KEYS for leaf in _leaves(self.answers, ""))

    def check_used(self) -> None:
        """Every answer in the file was used by a question; else an error naming key and line."""
        unused = [leaf for leaf in _leaves(self.answers, "") if not self._covered(leaf)]
        if not unused or self.check_later:
            return
        first = unused[0]
        where = self._where(first)
        msg = _("{where}: {key}: no question uses this answer (an unknown or misspelled key, or a "
                "question this run does not ask).").format(where=where, key=first)
        more = len(unused) - 1
        if more:
            msg += " " + _("Also unused: {keys}.").format(keys=", ".join(unused[1:6]))
        raise AnswersFileError(msg)

    def check_sections(self, known: set[str], why: str) -> None:
        """Every top-level key is one of ``known`` (notuleer: a case on the agenda); else an error."""
        unknown = [str(k) for k in self.answers if str(k) not in known]
        if not unknown:
            return
        line = _line_of(self.file, unknown[0])
        where = f"{self.source}:{line}" if line else str(self.source)
        msg = f"{where}: {unknown[0]}: {why}"
        if len(unknown) > 1:
            msg += " " + _("Also unused: {keys}.").format(keys=", ".join(unknown[1:6]))
        raise AnswersFileError(msg)

    def _covered(self, leaf: str) -> bool:
        top = key_parts(leaf)[0] if key_parts(leaf) else leaf
        if leaf in ENGINE_KEYS or top in self.deferred or leaf in self.used:
            return True
        for key, kind in self.used.items():
            if key.startswith((leaf + ".", leaf + "[")):  # an empty item ({}) whose fields were asked
                return True
            if kind == "multi" and leaf.startswith(key + "."):  # levensgebieden: {huisvesting: ...}
                return True
        return False

    def _error(self, key: str, message: str) -> AnswersFileError:
        return AnswersFileError(f"{self._where(key)}: {key}: {message}")

    def _where(self, key: str) -> str:
        """``FILE:LINE`` of the answer at ``key`` (or of the nearest section it belongs in), and the
        section of the file these answers are (notuleer: the case number)."""
        line = _line_of(self.file, f"{self.section}.{key}" if self.section else key)
        where = f"{self.file}:{line}" if line else str(self.file)
        return where + (f" ({self.section})" if self.section else "")


def _leaves(node: Any, prefix: str) -> list[str]:
    """The key of every answer in the file: ``persoon.naam``, ``netwerk.partners[0].telefoon``."""
    if isinstance(node, Mapping):  # an empty one ({} in a list: keep that item) holds no answer
        return [leaf for k, v in node.items() for leaf in _leaves(v, f"{prefix}.{k}" if prefix else str(k))]
    if isinstance(node, list) and all(isinstance(x, Mapping | list) for x in node):  # [] is no answer either
        return [leaf for i, v in enumerate(node) for leaf in _leaves(v, f"{prefix}[{i}]")]
    return [prefix]


def _line_of(path: Path, key: str) -> int | None:
    """The line of ``key`` in the answers file (for the message), when it can be found."""
    from levensloop_docs.yamlio import YamlReadError, load_yaml

    try:
        node = load_yaml(path)
    except (YamlReadError, OSError):
        return None
    line = None
    for part in key_parts(key) if key not in (node or {}) else [key]:
        try:
            line = (node.lc.item(part) if isinstance(part, int) else node.lc.key(part))[0] + 1
            node = node[part]
        except (AttributeError, KeyError, IndexError, TypeError):
            break
    return line
