"""The voortgangsverslag (with its ZRM chart) for a folder of cases, beside the plan.

    python benchmarks/voortgang.py [--casussen 200] [--naief 40]

Builds ``--casussen`` cases from examples/evaluatie/LLA-2024-0117.yaml (three evaluations,
plan v4, its history folder), each with its own id and its own random ZRM scores, so every
chart is different. Then, DOCX only (LibreOffice is measured in benchmarks/genereer.py):

1. ``levensloop genereer MAP --document levensloopplan`` (a real subprocess, cold);
2. the same with ``--document voortgangsverslag`` (chart + diff against the history);
3. naive baselines in one process over ``--naief`` cases: per document read the case,
   build the context (for the verslag: read the history, draw the chart), load the
   DocxTemplate, render, save.

Prints time per document for each beside the plan's, the cores and the load average.

Measured as installed: the package is compiled to bytecode first (``_bytecode.py``), as pip
does at install; without it every start-up would include compiling it from source.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SOURCE = ROOT / "examples" / "evaluatie" / "LLA-2024-0117.yaml"
HISTORY = SOURCE.with_name("LLA-2024-0117.geschiedenis")


def build(folder: Path, count: int, seed: int = 13) -> None:
    """``count`` cases with history; ZRM scores drawn at random (1-5) per evaluation."""
    import re

    rng = random.Random(seed)
    text = SOURCE.read_text(encoding="utf-8")
    archived = {p.name: p.read_text(encoding="utf-8") for p in HISTORY.iterdir()}
    for n in range(count):
        cid = f"SYN-2026-{n:05d}"
        own = re.sub(r"score: \d", lambda _m: f"score: {rng.randint(1, 5)}", text)
        (folder / f"{cid}.yaml").write_text(own.replace("LLA-2024-0117", cid), encoding="utf-8")
        hist = folder / f"{cid}.geschiedenis"
        hist.mkdir()
        for name, body in archived.items():
            (hist / name).write_text(body.replace("LLA-2024-0117", cid), encoding="utf-8")


def cli(folder: Path, out: Path, document: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "levensloop_docs", "genereer", str(folder), "--uit", str(out),
         "--document", document, "--formaat", "docx"],
        check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - start


def naive(folder: Path, out: Path, document: str, count: int) -> float:
    """The obvious loop: per document read the case, build the context, load the template, save."""
    from docxtpl import DocxTemplate

    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.render.docx import _with_images
    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.renderrun import RenderRun

    doc_type = registry()[document]
    vocab = load_vocabularies()
    run = RenderRun(out_dir=out, vocab=vocab)
    out.mkdir(parents=True, exist_ok=True)
    files = sorted(folder.glob("*.yaml"))[:count]
    start = time.perf_counter()
    for path in files:
        case = load_case(path, vocab)
        history = run.history(case) if doc_type.wants_history() else []
        context = doc_type.build_context(case.casus, vocab, run.today, None, history)
        context["document"] = {"titel": doc_type.title, "versie": doc_type.version, "sjabloon": "x"}
        tpl = DocxTemplate(str(doc_type.template))
        tpl.render(_with_images(tpl, context), autoescape=True)
        tpl.save(str(out / f"{path.stem}_{document}.docx"))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--casussen", type=int, default=200)
    parser.add_argument("--naief", type=int, default=40)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory(prefix="levensloop-voortgang-") as tmp:
        folder = Path(tmp) / "casussen"
        folder.mkdir()
        build(folder, args.casussen)
        rows = []
        for document in ("levensloopplan", "voortgangsverslag"):
            t_batch = cli(folder, Path(tmp) / f"uit-{document}", document)
            made = len(list((Path(tmp) / f"uit-{document}").glob("*.docx")))
            t_naive = naive(folder, Path(tmp) / f"naief-{document}", document, args.naief)
            rows.append((document, t_batch, made, t_naive, min(args.naief, args.casussen)))
            shutil.rmtree(Path(tmp) / f"naief-{document}")
    print(f"kernen: {os.cpu_count()}, belasting: {os.getloadavg()[0]:.1f}")
    print("| document | genereer MAP (s) | documenten | s per document | naief s per document | x naief |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for document, t_batch, made, t_naive, n_naive in rows:
        per, per_naive = t_batch / made, t_naive / n_naive
        cells = [document, f"{t_batch:.1f}", str(made), f"{per:.3f}", f"{per_naive:.3f}",
                 f"{per_naive / per:.1f}"]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
