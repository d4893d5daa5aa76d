"""PDF throughput: one soffice per document versus the persistent converter.

    python benchmarks/pdf.py [--aantal 24]

Renders the examples as DOCX, copies them up to ``--aantal`` documents and converts that
set in four ways, in one run on this machine:

1. naive, fresh profile: one ``soffice --convert-to pdf`` per document, each with its own
   new profile folder (what a per-document converter must do so runs never collide);
2. naive, shared profile: the same, reusing one profile (cheaper; the strictest baseline);
3. the product's converter on 1 core (``convert_many(workers=1)``, start-up included);
4. the product's converter on all cores (``convert_many(workers=os.cpu_count())``).

Prints seconds per document and the throughput relative to both naive ways.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def render_examples(folder: Path, count: int) -> list[Path]:
    """The examples' DOCX documents, copied until there are ``count``."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    run = RenderRun(out_dir=folder / "bron")
    made = [p for case in sorted((ROOT / "examples").glob("*.yaml"))
            for job in plan_jobs(load_case(case), None, ("docx",)) for p in render_job(run, job)]
    run.close()
    docs = []
    for i in range(count):
        copy = folder / f"doc{i:03d}.docx"
        shutil.copyfile(made[i % len(made)], copy)
        docs.append(copy)
    return docs


def naive(docs: list[Path], out: Path, shared_profile: bool) -> None:
    from levensloop_docs.pdf.locate import require_soffice

    soffice = require_soffice()
    shared = Path(tempfile.mkdtemp(prefix="bench-profiel-"))
    for doc in docs:
        profile = shared if shared_profile else Path(tempfile.mkdtemp(prefix="bench-profiel-"))
        subprocess.run(
            [str(soffice), "--headless", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(doc)],
            check=True, capture_output=True, timeout=300,
        )
        if profile != shared:
            shutil.rmtree(profile, ignore_errors=True)
    shutil.rmtree(shared, ignore_errors=True)


def product(docs: list[Path], out: Path, workers: int) -> None:
    from levensloop_docs.pdf.converter import convert_many

    failures = convert_many([(d, out / f"{d.stem}.pdf") for d in docs], workers=workers)
    if failures:
        raise SystemExit(f"{len(failures)} conversies mislukt")


def timed(name: str, docs: list[Path], work: Callable[[Path], None], root: Path) -> float:
    out = root / name.replace(" ", "-").replace(",", "")
    out.mkdir()
    start = time.perf_counter()
    work(out)
    seconds = time.perf_counter() - start
    assert len(list(out.glob("*.pdf"))) == len(docs), name
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--aantal", type=int, default=24, help="aantal documenten (standaard 24)")
    count = parser.parse_args().aantal
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        root = Path(tmp)
        docs = render_examples(root, count)
        ways: list[tuple[str, Callable[[Path], None]]] = [
            ("naief, vers profiel", lambda out: naive(docs, out, shared_profile=False)),
            ("naief, gedeeld profiel", lambda out: naive(docs, out, shared_profile=True)),
            ("converter, 1 kern", lambda out: product(docs, out, 1)),
            (f"converter, {cores} kernen", lambda out: product(docs, out, cores)),
        ]
        results = [(name, timed(name, docs, work, root)) for name, work in ways]
    fresh, shared = results[0][1], results[1][1]
    print(f"{count} documenten, {cores} kernen, {sys.platform}")
    print(f"{'manier':<26}{'totaal s':>10}{'s/doc':>8}{'x vers':>8}{'x gedeeld':>11}")
    for name, seconds in results:
        print(f"{name:<26}{seconds:>10.1f}{seconds / count:>8.3f}"
              f"{fresh / seconds:>8.1f}{shared / seconds:>11.1f}")


if __name__ == "__main__":
    main()
