"""``levensloop sjablonen controleer``: check every template before it is used."""

from __future__ import annotations

from pathlib import Path

import click


@click.group(name="sjablonen")
def sjablonen() -> None:
    """Sjablonen van de documenten: controleren voordat u alles opnieuw laat maken."""


@sjablonen.command(name="controleer")
@click.option("--voorbeelden", "voorbeelden", type=click.Path(path_type=Path, exists=True), default=None,
              help="Map met casussen om de velden tegen te controleren (standaard: examples/).")
@click.option("--document", "documenten", multiple=True,
              help="Voor een document met een keuze: welke (herhaalbaar), bijvoorbeeld partner:gemeente.")
def controleer(voorbeelden: Path | None, documenten: tuple[str, ...]) -> None:
    """Controleer elk sjabloon: opbouw ({{ }} en {% %}) en velden die een casus niet heeft.

    Meldt per fout het sjabloon en de alinea (Word) of regel (Markdown). Exitcode 2 bij een fout.
    """
    from levensloop_docs.case.casefile import find_case_files
    from levensloop_docs.errors import TemplateProblemError
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.templatecheck import check_templates, requested_parameters

    types = registry()
    examples = find_case_files(voorbeelden) if voorbeelden else None
    problems = check_templates(types, examples, parameters=requested_parameters(documenten))
    for problem in problems:
        if problem.warning:
            click.echo(_("Warning: ") + problem.describe(), err=True)
    errors = [p for p in problems if not p.warning]
    if errors:
        bad = len({p.file for p in errors})
        raise TemplateProblemError(
            problems=errors,
            summary=ngettext("{bad} of {n} templates has errors ({e} in total).",
                             "{bad} of {n} templates have errors ({e} in total).", bad).format(
                bad=bad, n=len(types), e=len(errors)),
            hint=_("Open the template in Word, correct the field between {{ }} or {% %}, and try again."),
        )
    click.echo(ngettext("{n} template checked: no errors.",
                        "{n} templates checked: no errors.", len(types)).format(n=len(types)))
