"""``levensloop uitstroom CASE``: the uitstroom check on the history, and its documents.

Prints since when the person is stable (no escalation above ambulant care in the
evaluations), each of the three criteria with its evidence and the earliest exit date.
When all three hold it makes the uitstroombesluit and the warme-overdrachtsbrief;
otherwise it ends with ``NotYetError`` (exit code 3) and writes nothing.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

DOCUMENTS = ("uitstroombesluit", "overdrachtsbrief")


@click.command(name="uitstroom")
@click.argument("casus", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map waarin het uitstroombesluit en de overdrachtsbrief komen.")
@click.option("--formaat", "formaat", default="docx,pdf", show_default=True,
              help="Formaten, met komma's: docx,pdf.")
def uitstroom(casus: Path, uit: Path, formaat: str) -> None:
    """Toets de uitstroom op de geschiedenis; maak bij een ja het besluit en de overdrachtsbrief."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.case.uitstroom import exit_status
    from levensloop_docs.cli.commands.genereer import known_formats
    from levensloop_docs.cli.formats import parse_formats
    from levensloop_docs.errors import NotYetError
    from levensloop_docs.i18n import _

    formats = parse_formats(formaat, known_formats())
    case = load_case(casus)
    status = exit_status(case.casus, date.today())
    for line in verdict_lines(status):
        click.echo(line)
    if not status.all_met:
        raise NotYetError(
            _("Uitstroom is not possible yet: not all three criteria are met. No documents were made."),
            hint=_("Run the check again after the next evaluation, or from the earliest exit date above."),
        )
    _make(case, uit, formats)


def verdict_lines(status: object) -> list[str]:
    from levensloop_docs.case.uitstroom import ExitStatus
    from levensloop_docs.i18n import _, format_date

    assert isinstance(status, ExitStatus)
    names = {
        "stabiel": _("Two years stable on the danger criterion"),
        "beschermende_factoren": _("Protective factors durably secured"),
        "risico_verlaagd": _("Risk clearly lowered (risk assessment)"),
    }
    lines = [_("Stable since: {date}").format(date=format_date(status.stable_since) or _("unknown"))]
    for c in status.criteria:
        mark = _("yes") if c.met else _("no")
        lines.append(f"- {names[c.key]}: {mark}. {c.bewijs}")
    earliest = format_date(status.earliest) or _("cannot be determined yet")
    lines.append(_("Earliest exit date: {date}").format(date=earliest))
    return lines


def _make(case: object, uit: Path, formats: tuple[str, ...] | None) -> None:
    from levensloop_docs.cli.commands.genereer import _check_templates
    from levensloop_docs.i18n import ngettext
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    jobs = plan_jobs(case, list(DOCUMENTS), formats)  # type: ignore[arg-type]
    _check_templates({j.document.name: j.document for j in jobs})
    run = RenderRun(out_dir=uit)
    written: list[Path] = []
    try:
        for job in jobs:
            written.extend(render_job(run, job))
    finally:
        run.close()
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} file written to {folder}.",
                        "{n} files written to {folder}.", len(written)).format(n=len(written), folder=uit))
