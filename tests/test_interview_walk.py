"""Issue 26: a seeded random walk through every interview, typed into the real prompts.

Each walk (``tests/_walk.py``) answers with a random mix of valid and invalid answers,
``<``, Ctrl-U, Enter on defaults, list add/change/move/remove and Ctrl-C followed by a
resume, and checks: no exception escapes, no question is a dead end, the saved case
validates, and each field (plain, or in a list item followed through every add, move and
removal) holds the answer last confirmed for it. A failure names the interview and the
seed; run it again alone with ``benchmarks/interview_walk.py --interview NAME --seed N``.

A prompt costs about 15 ms of CPU, a walk 12-75 prompts (0.25-1 s). ``WALKS`` spends about
10 s of CPU per interview (70 s in all on the 2-core CI machine, 138 walks); the cheap
interviews get more walks. ``LEVENSLOOP_WALKS=N`` walks N per interview instead; the
benchmark script runs the long series.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _walk import _not_saved, _renumbered, subjects, walk
from conftest import TODAY

WALKS = {"nieuw": 14, "bewerk": 20, "bewerk --onderdeel incidenten": 30, "evaluatie": 13,
         "aanmelding nieuw": 11, "aanmelding bewerk": 10, "notuleer": 40}
OVERRIDE = os.environ.get("LEVENSLOOP_WALKS")
RUNS = [(name, 1000 + seed) for name, n in WALKS.items() for seed in range(int(OVERRIDE or n))]
BUDGET = 25  # random questions before a walk only finishes (Enter, Done, save)


@pytest.mark.parametrize(("name", "seed"), RUNS, ids=[f"{name}-{seed}" for name, seed in RUNS])
def test_a_random_walk_through_the_interview(name: str, seed: int, tmp_path: Path) -> None:
    subject = next(s for s in subjects(TODAY) if s.name == name)
    result = walk(subject, seed, tmp_path, TODAY, budget=BUDGET)
    assert result["asked"] >= 1 and result["runs"] >= 1


def test_the_walk_covers_every_interview_command() -> None:
    assert {s.name for s in subjects(TODAY)} == set(WALKS)


def test_the_walk_follows_list_items_to_the_saved_case(tmp_path: Path) -> None:
    # the walks add, change and remove items; their fields are checked in the saved case
    subject = next(s for s in subjects(TODAY) if s.name == "aanmelding nieuw")
    checked = 0
    for seed in (1000, 1001):
        folder = tmp_path / str(seed)
        folder.mkdir()
        checked += walk(subject, seed, folder, TODAY, budget=BUDGET)["items_checked"]
    assert checked >= 10


def test_a_lost_or_misplaced_item_is_found() -> None:
    saved = {"netwerk": {"partners": [{"id": "a", "telefoon": "050-1234567"}, {"id": "b"}]}}
    phone = ("phone", "050-7654321")
    # item 1 was moved up before the save: its phone is now at index 0
    confirmed = _renumbered({"netwerk.partners[1].telefoon": phone}, "netwerk.partners", {1: 0, 0: 1})
    assert confirmed == {"netwerk.partners[0].telefoon": phone}
    assert _not_saved(confirmed, saved) == [
        "netwerk.partners[0].telefoon: confirmed '050-7654321', saved '050-1234567'"]
    # a confirmed item that is not in the saved list at all
    gone = {"netwerk.partners[2].id": ("ref", "c")}
    assert _not_saved(gone, saved) == [
        "netwerk.partners[2].id: confirmed 'c', but the item is not in the saved case"]
    assert _not_saved(gone, saved, items=False) == []  # after '<' twice the items are not followed
    # removing item 0 drops its answers and moves the rest down
    kept = _renumbered({"netwerk.partners[0].id": ("ref", "a"), "netwerk.partners[1].id": ("ref", "b")},
                       "netwerk.partners", {0: None, 1: 0})
    assert kept == {"netwerk.partners[0].id": ("ref", "b")}


def test_a_rule_broken_by_a_later_plan_change_sends_its_question_back(tmp_path: Path) -> None:
    # found by a long walk (evaluatie, seed 1003): the plan's actions were changed after their
    # status was given, so the evaluation named an action no longer in the plan; the field is set
    # by no question, and the interview ended with 'De antwoorden vormen nog geen geldige casus'.
    # Now that action's status comes back with the reason (afgerond or gestopt fits).
    subject = next(s for s in subjects(TODAY) if s.name == "evaluatie")
    result = walk(subject, 1003, tmp_path, TODAY)
    assert result["saved"]
    assert result["items_not_followed"] == "the engine sent a question back (a rule of the whole case)"
