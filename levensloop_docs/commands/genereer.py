"""``levensloop genereer``: make the documents of one case or a folder of cases."""

from __future__ import annotations

from pathlib import Path

import click


def split_formats(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(f.strip().lower() for f in value.split(",") if f.strip())


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
    jobs = [j for c in cases for j in plan_jobs(c, list(documenten) or None, split_formats(formaat))]
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
