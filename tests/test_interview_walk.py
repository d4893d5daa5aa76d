"""Issue 26: a seeded random walk through every interview, typed into the real prompts.

Each walk (``tests/_walk.py``) answers with a random mix of valid and invalid answers,
``<``, Ctrl-U, Enter on defaults, list add/change/move/remove and Ctrl-C followed by a
resume, and checks: no exception escapes, the saved case validates, and each plain field
holds the answer last confirmed for it. A failure names the interview and the seed; run it
again alone with ``benchmarks/interview_walk.py --interview NAME --seed N``.

A prompt costs 0.1-0.4 s of CPU (prompt_toolkit builds its key bindings for each one), so
the suite walks each interview ``LEVENSLOOP_WALKS`` times (default 1, a short walk); the
benchmark script runs the long series.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _walk import subjects, walk
from conftest import TODAY

WALKS = int(os.environ.get("LEVENSLOOP_WALKS", "1"))
NAMES = [s.name for s in subjects(TODAY)]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("seed", range(WALKS))
def test_a_random_walk_through_the_interview(name: str, seed: int, tmp_path: Path) -> None:
    subject = next(s for s in subjects(TODAY) if s.name == name)
    result = walk(subject, 1000 + seed, tmp_path, TODAY, budget=25)
    assert result["asked"] >= 1 and result["runs"] >= 1


def test_the_walk_covers_every_interview_command() -> None:
    assert set(NAMES) == {"nieuw", "bewerk", "bewerk --onderdeel incidenten", "evaluatie", "aanmelding nieuw",
                          "aanmelding bewerk", "notuleer"}
