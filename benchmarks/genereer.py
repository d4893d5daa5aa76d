"""Re-render a national-scale folder: the batch against naive baselines, in one run.

    python benchmarks/genereer.py [--casussen 2000] [--naief 2000] [--pdf 40]
    python benchmarks/genereer.py --geheugen 2000,10000 [--geheugen-docx 2000,10000]

Builds ``--casussen`` synthetic cases from the examples (other names, fewer or more
levensgebieden and actions, extra partners) in a temporary folder, then measures:

1. DOCX, cold: ``levensloop genereer MAP`` (a real subprocess, start-up included) beside a
   naive single-process loop over ``--naief`` cases that reads each case and, per
   document, loads the DocxTemplate, renders and saves it (a Markdown document: reads the
   template, compiles it in a new sandbox, converts the Markdown and builds a new Word
   document with the house styles; ``naive_markdown``);
2. nothing changed: the same command again (target < 3 s);
3. one template changed: a paragraph added to one Word template, the command again; the
   number of files made must equal that template's documents;
4. PDF, cold, on a subset of about ``--pdf`` documents: ``genereer --formaat docx,pdf``
   with 1 process and with one per core, beside the naive way that makes the same files:
   the naive DOCX loop, one ``soffice --convert-to pdf`` (own new profile) per document,
   and the product's PDF-properties step (pypdf), whose share is printed.

Prints each figure beside its baseline, the cores and the load average.

``--geheugen N,M``: only the peak memory (maximum resident set size) of the batch process
and of its largest worker, for N and M cases: ``genereer --droog`` (reading and planning
every case) and, for the sizes in ``--geheugen-docx``, a real cold DOCX run.

Measured as installed: the package is compiled to bytecode first (``_bytecode.py``), as pip
does at install; without it every start-up would include compiling it from source.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from _bytecode import compile_package

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = ["Bram", "Lotte", "Mehmet", "Sanne", "Jurre", "Fenna", "Karim", "Ilse", "Thijs", "Naima",
         "Wessel", "Roos", "Yusuf", "Maud", "Stijn", "Elif", "Gerrit", "Sterre", "Dewi", "Jesse"]
LAST = ["Veldkamp", "Oosterhuis", "de Wit-Arslan", "Brinkman", "Hoekman", "van Dalen", "Kramer",
        "Achterberg", "Bulut", "Zijlstra", "Mulder-Koster", "Terpstra", "Hendriks", "Aydın", "Bosma"]


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    return yaml


def vary(data: dict[str, Any], number: int, rng: random.Random, areas: list[str], roles: list[str]) -> None:
    """One synthetic case: new id and name, a different size and network."""
    data["meta"]["casus_id"] = f"SYN-2026-{number:05d}"
    first = rng.choice(FIRST)
    data["persoon"]["naam"] = f"{first} {rng.choice(LAST)}"
    if "roepnaam" in data["persoon"]:
        data["persoon"]["roepnaam"] = first
    network = data.setdefault("netwerk", {})
    partners = network.setdefault("partners", [])
    for i in range(rng.randint(0, 4)):
        partners.append({"id": f"extra{i}", "rol": rng.choice(roles),
                         "organisatie": f"Organisatie {rng.choice(LAST)} (voorbeeld)"})
    gebieden = data.get("levensgebieden") or []
    size = rng.choice(["klein", "middel", "groot"])
    if size == "klein" and len(gebieden) > 1:
        del gebieden[rng.randint(1, len(gebieden)):]
    elif size == "groot" and partners:
        used = {g["gebied"] for g in gebieden}
        for area in rng.sample([a for a in areas if a not in used], k=min(5, len(areas) - len(used))):
            acties = [{"wat": f"Afspraak {j + 1} over {area.replace('_', ' ')} maken en bijhouden.",
                       "wie": rng.choice(partners)["id"], "wanneer": "maandelijks"}
                      for j in range(rng.randint(1, 4))]
            situatie = "Situatie beschreven in het overleg (synthetisch)."
            gebieden.append({"gebied": area, "zrm_score": rng.randint(1, 5), "situatie": situatie,
                             "acties": acties})


LEVELS = ["ambulant", "ambulant", "intensief_ambulant", "klinisch_regulier", "biz"]
FORMS = ["gepland", "acute_crisis", "justitie", None]  # None: recorded without its form


def incidents(rng: random.Random) -> list[dict[str, Any]]:
    """0-3 incidents in 2025-2026 (the case's one list, oldest first); above ambulant: escalations."""
    found = []
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        level = rng.choice(LEVELS)
        item: dict[str, Any] = {"datum": date(2025, 1, 1) + timedelta(days=rng.randint(0, 660)),
                                "omschrijving": "Incident besproken in het overleg (synthetisch).",
                                "niveau": level, "fase": rng.choice(["oranje", "rood"])}
        form = rng.choice(FORMS) if level != "ambulant" else None
        if form:
            item["vorm"] = form
        found.append(item)
    return sorted(found, key=lambda i: i["datum"])


def build_corpus(folder: Path, count: int, seed: int = 7) -> None:
    from levensloop_docs.model.vocab import load_vocabularies

    vocab = load_vocabularies()
    areas, roles = vocab["levensgebieden"].keys(), [r for r in vocab["rollen"] if r != "client"]
    yaml = _yaml()
    examples = [yaml.load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").glob("*.yaml"))]
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    import copy

    for number in range(count):
        data = copy.deepcopy(examples[number % len(examples)])
        vary(data, number, rng, areas, roles)
        data["incidenten"] = data.get("incidenten", []) + incidents(rng)
        with (folder / f"casus-{number:05d}.yaml").open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)


def naive_docx(cases: list[Path], out: Path) -> list[tuple[Any, Path]]:
    """Per case: read it; per document: load the DocxTemplate, render, save. -> (job, docx)

    A Markdown document (``soort: markdown``) goes the naive Markdown way instead."""
    from docxtpl import DocxTemplate

    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.render.docx import set_properties
    from levensloop_docs.render.sandbox import make_environment
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs

    out.mkdir(parents=True, exist_ok=True)
    run = RenderRun(out_dir=out)
    written = []
    for path in cases:
        for job in plan_jobs(load_case(path), None, ("docx",)):
            target = job.target(out, "docx")
            if job.document.engine == "markdown":
                naive_markdown(run, job, target)
            else:
                doc = DocxTemplate(str(job.document.template))
                doc.render(run.context(job), jinja_env=make_environment(), autoescape=True)
                set_properties(doc.docx, run.properties(job))
                doc.save(str(target))
            written.append((job, target))
    return written


def naive_markdown(run: Any, job: Any, target: Path) -> None:
    """One Markdown document the straightforward way: the template read and compiled in a new
    sandbox, a new Markdown converter, a new Word document styled and filled, saved."""
    import lxml.html
    import markdown
    from docx import Document

    from levensloop_docs.render import markdown_docx
    from levensloop_docs.render.docx import set_properties
    from levensloop_docs.render.markdown import EXTENSIONS, _Tokens, with_anchors
    from levensloop_docs.render.sandbox import markdown_environment
    from levensloop_docs.templatefolders import template_folders

    tokens = _Tokens()
    env = markdown_environment(template_folders())
    env.finalize = tokens.finalize
    text = env.from_string(job.document.template.read_text(encoding="utf-8")).render(run.context(job))
    html = markdown.markdown(text, extensions=EXTENSIONS, output_format="html")
    body = with_anchors(tokens.restore(html)).body
    doc = Document()
    markdown_docx._styles(doc, job.document.font_size)
    markdown_docx._page(doc, run.footer(job))
    markdown_docx._Builder(doc, []).blocks(doc, lxml.html.fragment_fromstring(body, create_parent="div"))
    set_properties(doc, run.properties(job))
    doc.save(str(target))


def naive_pdf(docs: list[tuple[Any, Path]], out: Path) -> float:
    """One soffice (own new profile) per document, then the same metadata step as the product.

    Returns the seconds spent in that metadata step (pypdf), which both ways pay.
    """
    from levensloop_docs.pdf.locate import require_soffice
    from levensloop_docs.pdf.metadata import finish

    soffice = require_soffice()
    metadata = 0.0
    for job, doc in docs:
        profile = Path(tempfile.mkdtemp(prefix="bench-profiel-"))
        subprocess.run(
            [str(soffice), "--headless", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(out), str(doc)],
            check=True, capture_output=True, timeout=300,
        )
        shutil.rmtree(profile, ignore_errors=True)
        start = time.perf_counter()
        pdf = out / f"{doc.stem}.pdf"
        pdf.write_bytes(finish(pdf.read_bytes(), job.pdf_info()))
        metadata += time.perf_counter() - start
    return metadata


def genereer(cases: Path, out: Path, *extra: str) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "levensloop_docs", "genereer", str(cases), "--uit", str(out), *extra],
        cwd=ROOT, capture_output=True, text=True, env=os.environ.copy(),
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"genereer mislukte:\n{result.stdout}\n{result.stderr}")
    return seconds, result.stdout.strip().splitlines()[-1]


def made(summary: str) -> int:
    found = re.match(r"(\d+) ", summary)
    return int(found.group(1)) if found else -1


def add_paragraph(template: Path) -> None:
    from docx import Document

    doc = Document(str(template))
    doc.add_paragraph("Deze alinea is toegevoegd voor de benchmark.")
    doc.save(str(template))


def line(name: str, seconds: float, docs: int, baseline: float | None = None, base_docs: int = 0) -> str:
    rate = docs / seconds if seconds else 0.0
    text = f"{name:<44}{seconds:>9.2f} s{docs:>7} docs{rate:>9.1f} docs/s"
    if baseline is not None and base_docs:
        text += f"   {rate / (base_docs / baseline):>5.1f}x naief"
    return text


_MEASURED = """\
import resource, sys
from levensloop_docs.cli import main
try:
    main(sys.argv[1:])
finally:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"MAXRSS {own} {workers}", file=sys.stderr)
"""


def peak_memory(cases: Path, out: Path, *extra: str) -> tuple[float, float, float, str]:
    """``genereer`` in a subprocess that reports its peak RSS and its largest worker's (MB)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, "genereer", str(cases), "--uit", str(out), *extra],
        cwd=ROOT, capture_output=True, text=True, env=os.environ.copy(),
    )
    seconds = time.perf_counter() - start
    found = re.search(r"MAXRSS (\d+) (\d+)", result.stderr)
    if result.returncode != 0 or not found:
        raise SystemExit(f"genereer mislukte:\n{result.stdout}\n{result.stderr}")
    own, workers = (int(v) / 1024 for v in found.groups())  # Linux: KB
    return seconds, own, workers, result.stdout.strip().splitlines()[-1]


def memory(sizes: list[int], docx_sizes: list[int]) -> None:
    print(f"{'wat':<34}{'tijd':>9}{'batchproces':>14}{'grootste werker':>18}")
    for count in sizes:
        with tempfile.TemporaryDirectory(prefix="bench-geheugen-") as tmp:
            corpus = Path(tmp) / "casussen"
            build_corpus(corpus, count)
            runs = [("--droog", ("--droog",))] + ([("DOCX, koud", ())] if count in docx_sizes else [])
            for label, extra in runs:
                seconds, own, workers, summary = peak_memory(corpus, Path(tmp) / "uit", *extra)
                print(f"{f'{count} casussen, {label}':<34}{seconds:>7.1f} s{own:>11.0f} MB{workers:>15.0f} MB"
                      f"   {summary}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--casussen", type=int, default=2000)
    parser.add_argument("--naief", type=int, default=2000, help="cases in the naive DOCX loop")
    parser.add_argument("--pdf", type=int, default=40, help="documents in the PDF subset (0: skip)")
    parser.add_argument("--geheugen", default="", help="only peak memory, for these numbers of cases")
    parser.add_argument("--geheugen-docx", default="", help="with --geheugen: also a real DOCX run for these")
    args = parser.parse_args()
    compile_package()
    cores = os.cpu_count() or 1
    if args.geheugen:
        print(f"{cores} kernen, load {os.getloadavg()[0]:.2f} bij de start")
        memory([int(n) for n in args.geheugen.split(",")],
               [int(n) for n in args.geheugen_docx.split(",") if n])
        print(f"load {os.getloadavg()[0]:.2f} aan het eind")
        return
    with tempfile.TemporaryDirectory(prefix="bench-genereer-") as tmp:
        root = Path(tmp)
        templates = root / "sjablonen"
        shutil.copytree(ROOT / "templates", templates)
        os.environ["LEVENSLOOP_SJABLONEN"] = str(templates)  # the template-change step edits a copy
        os.environ["XDG_CACHE_HOME"] = str(root / "cache")  # cold: no template check kept either
        corpus = root / "casussen"
        build_corpus(corpus, args.casussen)
        print(f"{args.casussen} casussen, {cores} kernen, load {os.getloadavg()[0]:.2f} bij de start")

        cold, summary = genereer(corpus, root / "uit")
        docs = made(summary)
        cases = sorted(corpus.glob("*.yaml"))
        start = time.perf_counter()
        naive_docs = len(naive_docx(cases[: args.naief], root / "naief"))
        naive = time.perf_counter() - start
        print(line(f"naief DOCX, 1 proces ({min(args.naief, len(cases))} casussen)", naive, naive_docs))
        print(line("genereer MAP, koud, DOCX", cold, docs, naive, naive_docs))

        again, summary = genereer(corpus, root / "uit")
        print(f"{'niets veranderd':<44}{again:>9.2f} s   {summary}")

        changed = templates / "aanmelding" / "terugkoppeling.docx"
        add_paragraph(changed)
        after, summary = genereer(corpus, root / "uit")
        expected = len(list((root / "uit").glob("*_terugkoppeling_*.docx")))
        print(f"{'een sjabloon gewijzigd (terugkoppeling)':<44}{after:>9.2f} s   {summary}"
              f"  [verwacht {expected}]")
        if args.pdf:
            pdf_subset(root, cases, args.pdf, cores)
        print(f"load {os.getloadavg()[0]:.2f} aan het eind")


def pdf_subset(root: Path, cases: list[Path], wanted: int, cores: int) -> None:
    """The cases whose documents add up to about ``wanted``, made as DOCX and PDF."""
    subset = root / "pdf-casussen"
    subset.mkdir()
    count = 0
    for path in cases:
        if count >= wanted:
            break
        shutil.copy(path, subset / path.name)
        count += len(list((root / "uit").glob(f"SYN-2026-{path.stem.split('-')[1]}_*.docx")))
    start = time.perf_counter()
    docx = naive_docx(sorted(subset.glob("*.yaml")), root / "pdf-naief")
    metadata = naive_pdf(docx, root / "pdf-naief")
    naive = time.perf_counter() - start
    print(line(f"naief: docxtpl + 1 soffice per doc + metadata ({len(docx)})", naive, len(docx)))
    print(f"{'  waarvan PDF-eigenschappen (pypdf)':<44}{metadata:>9.2f} s")
    for workers in sorted({1, cores}):
        seconds, _summary = genereer(subset, root / f"pdf-{workers}", "--formaat", "docx,pdf",
                                    "--processen", str(workers))
        pdfs = len(list((root / f"pdf-{workers}").glob("*.pdf")))
        print(line(f"genereer --formaat docx,pdf, {workers} proces(sen)", seconds, pdfs, naive, len(docx)))


if __name__ == "__main__":
    main()
