"""Interview speed: start-up, the answers-file run, and the interactive run through the prompts.

    python benchmarks/interview.py [--herhaal 5]

1. ``levensloop --help`` as a real subprocess (best of ``--herhaal``; target about 0.15 s);
2. ``levensloop nieuw --antwoorden examples/antwoorden/nieuw-voorbeeld.antwoorden`` as a
   subprocess (best of ``--herhaal``): the whole interview without a terminal, saved;
3. the same interview typed into the real questionary prompts through prompt_toolkit pipe
   input, in-process (about 120 prompts), and the time per prompt.

Prints each figure with the cores and the load average.

Measured as installed: the package is compiled to bytecode first (``_bytecode.py``), as pip
does at install; without it every start-up would include compiling it from source.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
PROGRAM = str(Path(sys.executable).with_name("levensloop"))
ANSWERS = ROOT / "examples" / "antwoorden" / "nieuw-voorbeeld.antwoorden"


def best_of(times: int, args: list[str]) -> float:
    best = float("inf")
    for _ in range(times):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            subprocess.run([PROGRAM, *[a.replace("{map}", folder) for a in args]], check=True,
                           stdout=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - start)
    return best


def typed_run() -> tuple[float, int]:
    from _interview_keys import CTRL_C, full_interview
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.parts import PARTS
    from levensloop_docs.interview.prompts import PromptAsker

    keys = full_interview()
    with (
        tempfile.TemporaryDirectory() as folder,
        create_pipe_input() as pipe,
        create_app_session(input=pipe, output=DummyOutput()),
    ):
        pipe.send_text("".join(keys) + CTRL_C)
        start = time.perf_counter()
        run_interview(PARTS, PromptAsker(), folder=Path(folder))
        return time.perf_counter() - start, len(keys)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--herhaal", type=int, default=5)
    args = parser.parse_args()
    compile_package()
    print(f"kernen: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f}")
    print(f"levensloop --help: {best_of(args.herhaal, ['--help']):.3f} s")
    run = best_of(args.herhaal, ["nieuw", "--map", "{map}", "--antwoorden", str(ANSWERS)])
    print(f"nieuw --antwoorden (hele interview, opgeslagen): {run:.3f} s")
    seconds, prompts = typed_run()
    print(f"getypt in de echte prompts: {seconds:.2f} s voor {prompts} prompts "
          f"({1000 * seconds / prompts:.0f} ms per prompt)")


if __name__ == "__main__":
    main()
