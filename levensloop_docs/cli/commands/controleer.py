"""``levensloop controleer``: check case files and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="controleer")
@click.argument("paden", nargs=-1, required=True, type=click.Path(path_type=Path))
def controleer(paden: tuple[Path, ...]) -> None:
    """Controleer casusbestanden (een bestand of een map) en meld alle fouten tegelijk."""
    from levensloop_docs.case.casefile import conflict_problems, find_case_files
    from levensloop_docs.case.check import check_files
    from levensloop_docs.errors import CaseFileError
    from levensloop_docs.i18n import _, ngettext

    conflicts = [c for p in paden for c in conflict_problems(p)]  # sync copies: named, not cases
    files = [f for p in paden for f in find_case_files(p)]
    if not files and not conflicts:
        raise CaseFileError(problems=[], summary=_("No case files (.yaml) found."))
    problems = conflicts + check_files(files)
    errors = [p for p in problems if not p.warning]
    for p in problems:
        if p.warning:
            click.echo(_("Warning: ") + p.describe(), err=True)
    if errors:
        bad = len({p.file for p in errors})
        summary = ngettext("{bad} of {n} case files has errors ({e} in total).",
                           "{bad} of {n} case files have errors ({e} in total).", bad)
        raise CaseFileError(
            problems=errors,
            summary=summary.format(bad=bad, n=len(files), e=len(errors)),
            hint=_("Correct the fields named above and run 'levensloop controleer' again."),
        )
    click.echo(ngettext("{n} case file checked: no errors.",
                        "{n} case files checked: no errors.", len(files)).format(n=len(files)))
