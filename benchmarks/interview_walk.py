"""Long random walks through every interview (the series behind tests/test_interview_walk.py).

    python benchmarks/interview_walk.py [--walks 20] [--interview evaluatie] [--seed 7] [--budget 120]

Each walk types a seeded random mix of answers, '<', Ctrl-U, list edits and Ctrl-C (then a
resume) into the real questionary prompts (``tests/_walk.py``). Prints one line per walk
(seed, questions, resumes, seconds) and every failure with the seed that reproduces it;
exit code 1 when a walk failed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
TODAY = date(2026, 11, 23)  # the tests' day: the examples' dates fit it


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--walks", type=int, default=20, help="walks per interview")
    parser.add_argument("--interview", action="append", help="only this interview (repeatable)")
    parser.add_argument("--seed", type=int, default=None, help="run only this seed")
    parser.add_argument("--budget", type=int, default=None, help="random questions before finishing")
    args = parser.parse_args()
    from _walk import WalkFailed, subjects, walk

    seeds = [args.seed] if args.seed is not None else list(range(1000, 1000 + args.walks))
    failed, started, cpu = 0, time.perf_counter(), time.process_time()
    walks = asked = 0
    print(f"cores: {os.cpu_count()}, load: {os.getloadavg()[0]:.1f}")
    for subject in subjects(TODAY):
        if args.interview and subject.name not in args.interview:
            continue
        for seed in seeds:
            with tempfile.TemporaryDirectory() as work:
                t, c = time.perf_counter(), time.process_time()
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        result = walk(subject, seed, Path(work), TODAY, budget=args.budget)
                except WalkFailed as exc:
                    failed += 1
                    print(f"FAILED {subject.name} --seed {seed}: {exc}", flush=True)
                    continue
            walks, asked = walks + 1, asked + result["asked"]
            print(f"{subject.name:32} seed {seed}: {result['asked']:4} questions, {result['runs']} run(s), "
                  f"saved {result['saved']}, {result['items_checked']} item fields checked, "
                  f"{time.perf_counter() - t:.2f} s, "
                  f"CPU {time.process_time() - c:.2f} s", flush=True)
    wall, used = time.perf_counter() - started, time.process_time() - cpu
    print(f"{failed} failed; {walks} walks, {asked} questions in {wall:.1f} s ({used:.1f} s CPU): "
          f"{walks / used:.2f} walks and {asked / used:.0f} questions per CPU second; "
          f"load {os.getloadavg()[0]:.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
