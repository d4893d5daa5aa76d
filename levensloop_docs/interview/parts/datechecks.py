"""Checks that compare an answer with today or with another answer, at the prompt.

The rules themselves live in ``checks.py`` (``Rule``), where ``controleer`` uses them
too: one rule, one message. This module only turns a rule into the ``check=`` of a
question, for either side of the pair, so the rule is checked at the prompt where the
second of the two values is typed, whichever part asks it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.case.rules import IN_FUTURE, Rule
from levensloop_docs.interview.questions import Check


def later_than(rule: Rule, earlier: Any) -> Check:
    """The answer is the later value of ``rule`` (the end date after ``earlier``, the start)."""

    def check(value: Any) -> None:
        message = rule.problem(earlier, value)
        if message:
            raise ValueError(message)

    return check


def earlier_than(rule: Rule, later: Any) -> Check:
    """The answer is the earlier value of ``rule`` (the start date before ``later``, the end)."""

    def check(value: Any) -> None:
        message = rule.problem(value, later)
        if message:
            raise ValueError(message)

    return check


def not_in_future(today: date, rule: Rule = IN_FUTURE) -> Check:
    return earlier_than(rule, today)


def all_of(*checks: Check | None) -> Check:
    """Several checks on one answer (a date not in the future and after another one)."""

    def check(value: Any) -> None:
        for one in checks:
            if one is not None:
                one(value)

    return check
