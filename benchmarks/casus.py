"""One case, as a casemanager prints it after an edit: wall time of the real command.

    python benchmarks/casus.py [--herhaal 3] [--zonder-pdf]

Each figure is ``levensloop genereer CASE ...`` as a real subprocess (Python start-up
included), the best of ``--herhaal`` runs, with its target beside it (issue 31):

1. the first run with an empty cache folder (the template check runs and is kept);
2. one document as DOCX: the opnamebrief (Markdown) and the levensloopplan (Word);
3. the full set of the case as DOCX;
4. the full set as DOCX and PDF (LibreOffice started by the command; skipped with
   ``--zonder-pdf`` or when LibreOffice is missing).

The case is ``examples/caravan-groningen.yaml``. Prints wall and CPU time (user + system; LibreOffice
included) and the cores and the load average at the start and the end: on a shared machine
a wall figure is only as good as its load, the CPU figure is steadier.

Measured as installed: the package is compiled to bytecode first (``_bytecode.py``), as pip
does at install; without it every start-up would include compiling it from source.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "examples" / "caravan-groningen.yaml"


def run(out: Path, *args: str) -> tuple[float, float]:
    """(wall, CPU) seconds of one command; CPU is user + system of it and its children."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "levensloop_docs", "genereer", str(CASE), "--uit", str(out), *args],
        cwd=ROOT, capture_output=True, text=True, env=os.environ.copy(), check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"genereer mislukte ({' '.join(args)}):\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def best(repeat: int, out: Path, *args: str) -> tuple[float, float]:
    return min(run(out, *args) for _ in range(repeat))


def line(name: str, measured: tuple[float, float], target: float | None) -> str:
    seconds, cpu = measured
    text = f"{name:<52}{seconds:>7.2f} s wall{cpu:>7.2f} s cpu"
    if target is None:
        return text
    verdict = "gehaald" if seconds < target else "NIET gehaald"
    return f"{text}   doel < {target:.1f} s wall: {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--herhaal", type=int, default=3)
    parser.add_argument("--zonder-pdf", action="store_true")
    args = parser.parse_args()
    compile_package()
    sys.path.insert(0, str(ROOT))
    from levensloop_docs.pdf.locate import find_soffice

    print(f"{os.cpu_count()} kernen, load {os.getloadavg()[0]:.2f} bij de start")
    with tempfile.TemporaryDirectory(prefix="bench-casus-") as tmp:
        root = Path(tmp)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")  # starts empty: the first run checks
        out = root / "uit"
        first = run(out, "--document", "opnamebrief", "--formaat", "docx")
        print(line("eerste keer, lege cache (sjablooncontrole), opnamebrief", first, None))
        print(line("opnamebrief (Markdown), DOCX", best(args.herhaal, out, "--document", "opnamebrief",
                                                        "--formaat", "docx"), 1.0))
        print(line("levensloopplan (Word), DOCX", best(args.herhaal, out, "--document", "levensloopplan",
                                                       "--formaat", "docx"), 1.0))
        print(line("alle documenten van de casus, DOCX", best(args.herhaal, out, "--formaat", "docx"), None))
        if args.zonder_pdf or find_soffice() is None:
            print("PDF overgeslagen" + ("" if args.zonder_pdf else ": LibreOffice niet gevonden"))
        else:
            full = best(args.herhaal, out, "--formaat", "docx,pdf")
            print(line("alle documenten van de casus, DOCX en PDF", full, 3.0))
        shutil.rmtree(out, ignore_errors=True)
    print(f"load {os.getloadavg()[0]:.2f} aan het eind")


if __name__ == "__main__":
    main()
