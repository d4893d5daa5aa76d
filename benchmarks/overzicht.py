"""The overviews over a national-scale folder: overzicht and monitor beside controleer.

    python benchmarks/overzicht.py [--casussen 2000]

Builds ``--casussen`` synthetic cases with ``benchmarks/genereer.py`` (the same corpus as
the batch benchmark) in a temporary folder, with a fresh cache folder
(``XDG_CACHE_HOME``), and times each command as a real subprocess (start-up included):

- ``controleer MAP``: the same loading and validation, for comparison;
- naive: one process that reads every case with ``load_case`` (round-trip YAML, as
  ``controleer``) and computes the overview rows and the monitor tables;
- ``overzicht MAP``, cold (empty cache) and warm (nothing changed), the table on a pipe;
- ``overzicht MAP --uit U --formaat csv``, ``--formaat html,csv``, ``--formaat docx`` and
  ``--formaat pdf`` (warm; every case in one Word table, 2,000 rows);
- ``monitor MAP --regio groningen --van 1-1-2026 --tot 31-12-2026 --formaat html,docx,csv,xlsx``,
  cold and warm (two charts made with matplotlib either way);
- ``overzicht`` warm after one case changed.

Prints, per command, the elapsed (wall) time, the CPU time (user + system, the command and
its worker processes) and both ratios: against ``controleer`` and against the naive
baseline measured in the same run. Also the cores and the load average at the start and
the end: on a shared machine the CPU time is the steadier figure.

Measured as installed: the package is compiled to bytecode first (``_bytecode.py``), as pip
does at install; without it every start-up would include compiling it from source.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

NAIVE = """
import sys
from datetime import date
from pathlib import Path
from levensloop_docs.case.casefile import find_case_files, load_case
from levensloop_docs.errors import CaseFileError
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.overview.deadlines import overview_rows
from levensloop_docs.overview.monitor import Period
from levensloop_docs.overview.monitor_report import build_report
found = CaseSet()
for path in find_case_files(Path(sys.argv[1])):
    try:
        found.cases.append(load_case(path).casus)
    except CaseFileError as exc:
        found.broken[path] = exc.problems
rows = overview_rows(found.cases, date(2026, 12, 7))
build_report(found, "groningen", Period(date(2026, 1, 1), date(2026, 12, 31)), 5, date(2026, 12, 31))
print(len(rows))
"""


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(*args: str) -> tuple[float, float]:
    """Elapsed and CPU seconds of one subprocess (its children included once they ended)."""
    cpu, start = _cpu(), time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True,
                            env=os.environ.copy())
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} mislukte:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return seconds, _cpu() - cpu


def levensloop(*args: str) -> tuple[float, float]:
    return timed("-m", "levensloop_docs", *args)


def main() -> None:
    from genereer import build_corpus

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--casussen", type=int, default=2000)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="bench-overzicht-") as tmp:
        root = Path(tmp)
        corpus = root / "casussen"
        build_corpus(corpus, args.casussen)
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")
        load = os.getloadavg()[0]
        print(f"{args.casussen} casussen, {os.cpu_count()} kernen, load {load:.2f} bij de start")
        monitor = ["monitor", str(corpus), "--regio", "groningen", "--van", "1-1-2026", "--tot", "31-12-2026",
                   "--uit", str(root / "uit"), "--formaat", "html,docx,csv,xlsx"]
        results = [
            ("controleer MAP", levensloop("controleer", str(corpus))),
            ("naief: load_case per casus + overzicht + monitor", timed("-c", NAIVE, str(corpus))),
            ("overzicht MAP, koud (lege cache)", levensloop("overzicht", str(corpus), "--per", "7-12-2026")),
            ("overzicht MAP, warm", levensloop("overzicht", str(corpus), "--per", "7-12-2026")),
            ("overzicht --formaat csv, warm", levensloop("overzicht", str(corpus), "--per", "7-12-2026",
                                                          "--uit", str(root / "uit"), "--formaat", "csv")),
            ("overzicht --formaat html,csv, warm", levensloop("overzicht", str(corpus), "--per", "7-12-2026",
                                                               "--uit", str(root / "uit"),
                                                               "--formaat", "html,csv")),
            ("overzicht --formaat docx, warm", levensloop("overzicht", str(corpus), "--per", "7-12-2026",
                                                          "--uit", str(root / "uit"), "--formaat", "docx")),
            ("overzicht --formaat pdf, warm", levensloop("overzicht", str(corpus), "--per", "7-12-2026",
                                                         "--uit", str(root / "uit"), "--formaat", "pdf")),
            ("monitor (html,docx,csv,xlsx), warm, grafieken nieuw", levensloop(*monitor)),
        ]
        os.environ["XDG_CACHE_HOME"] = str(root / "cache2")
        results.append(("monitor (html,docx,csv,xlsx), koud", levensloop(*monitor)))
        results.append(("monitor (html,docx,csv,xlsx), warm, grafieken bewaard", levensloop(*monitor)))
        first = sorted(corpus.glob("*.yaml"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
        results.append(("overzicht MAP, 1 casus gewijzigd", levensloop("overzicht", str(corpus),
                                                                       "--per", "7-12-2026")))
        check, naive = results[0][1][0], results[1][1][0]
        print(f"{'':<56}{'wall':>9}{'cpu':>9}{'/controleer':>13}{'/naief':>9}")
        for name, (wall, cpu) in results:
            print(f"{name:<56}{wall:>7.2f} s{cpu:>7.2f} s{wall / check:>12.3f}x{wall / naive:>8.3f}x")
        print(f"load {os.getloadavg()[0]:.2f} aan het eind")


if __name__ == "__main__":
    main()
