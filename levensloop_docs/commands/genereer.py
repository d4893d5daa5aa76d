"""``levensloop genereer``: make the documents of one case or a folder of cases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def split_formats(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(f.strip().lower() for f in value.split(",") if f.strip())


def check_formats(formats: tuple[str, ...] | None) -> None:
    """A format no document can be made in is a typing error: say which ones exist."""
    from levensloop_docs.documents import registry
    from levensloop_docs.errors import LevensloopError
    from levensloop_docs.i18n import _

    known = sorted({f for doc in registry().values() for f in doc.formats})
    unknown = [f for f in formats or () if f not in known]
    if unknown:
        msg = _("Unknown format: {formats}. Choose from: {known}.")
        raise LevensloopError(msg.format(formats=", ".join(unknown), known=", ".join(known)))


def format_notices(
    jobs: list[Any], formats: tuple[str, ...] | None, named: list[str], cases: list[Any]
) -> list[str]:
    """One polite line for the documents that cannot be made in every requested format.

    Documents with the same gap are named together, so a batch says it once, not per case.
    """
    from levensloop_docs.documents import registry
    from levensloop_docs.i18n import format_list, ngettext

    if not formats:
        return []
    made = {job.document.name for job in jobs}
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for doc in registry().values():
        missing = tuple(f for f in formats if f not in doc.formats)
        wanted = not named and not doc.parameters and any(doc.applies_to(c.casus) for c in cases)
        concerned = doc.name in made or wanted
        if missing and concerned:
            chosen = tuple(f for f in formats if f in doc.formats)
            groups.setdefault((missing, chosen), []).append(doc.title)
    lines = []
    for (missing, chosen), titles in groups.items():
        values = {"titles": format_list(titles), "missing": format_list(missing),
                  "made": format_list(chosen)}
        n = len(titles)
        if chosen:
            msg = ngettext("Note: {titles} cannot be made as {missing}; made as {made} instead.",
                           "Note: {titles} cannot be made as {missing}; made as {made} instead.", n)
        else:
            msg = ngettext("Note: {titles} cannot be made as {missing}; skipped.",
                           "Note: {titles} cannot be made as {missing}; skipped.", n)
        lines.append(msg.format(**values))
    return lines


@click.command(name="genereer")
@click.argument("pad", type=click.Path(path_type=Path))
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help="Map waarin de documenten komen.")
@click.option("--document", "documenten", multiple=True,
              help="Welk document (herhaalbaar), bijvoorbeeld levensloopplan of partner:gemeente. "
                   "Zonder deze optie: elk document dat bij de casus past.")
@click.option("--formaat", "formaat", default=None,
              help="Formaten, met komma's: docx,pdf,html. Standaard: docx.")
@click.option("--pdf-a", "pdf_a", is_flag=True,
              help="Maak PDF/A-2b (voor het archief) in plaats van gewone PDF.")
def genereer(
    pad: Path, uit: Path, documenten: tuple[str, ...], formaat: str | None, pdf_a: bool = False
) -> None:
    """Maak de documenten van een casus (of van elke casus in een map)."""
    from levensloop_docs.casefile import check_unique_ids, find_case_files, load_case
    from levensloop_docs.errors import CaseFileError
    from levensloop_docs.generate import RenderRun, plan_jobs, render_job
    from levensloop_docs.i18n import _

    files = find_case_files(pad)
    cases, problems = [], []
    for path in files:
        try:
            cases.append(load_case(path))
        except CaseFileError as exc:
            problems.extend(exc.problems)
    problems.extend(check_unique_ids(cases))
    if problems or not cases:
        summary = _("Nothing was made: fix the case files first.") if cases or problems else _(
            "No case files (.yaml) found."
        )
        raise CaseFileError(problems=[p for p in problems if not p.warning], summary=summary)
    formats = split_formats(formaat)
    check_formats(formats)
    jobs = [j for c in cases for j in plan_jobs(c, list(documenten) or None, formats)]
    for line in format_notices(jobs, formats, list(documenten), cases):
        click.echo(line, err=True)
    run = RenderRun(out_dir=uit, pdf_a=pdf_a)
    written: list[Path] = []
    try:
        for job in jobs:
            written.extend(render_job(run, job))
    finally:
        run.close()
    for path in written:
        click.echo(str(path))
    click.echo(_("{n} files written to {folder}.").format(n=len(written), folder=uit))
