"""``levensloop controleer``: check case files and report every problem at once."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="controleer")
@click.argument("paden", nargs=-1, required=True, type=click.Path(path_type=Path))
def controleer(paden: tuple[Path, ...]) -> None:
    """Controleer casusbestanden (een bestand of een map) en meld alle fouten tegelijk."""
    from levensloop_docs.case.casefile import conflict_problems, find_case_files
    from levensloop_docs.case.check import check_with_notes
    from levensloop_docs.errors import CaseFileError
    from levensloop_docs.i18n import _, ngettext

    paden = tuple(_owner(p) for p in paden)  # a history folder: its case, with the history checked
    conflicts = [c for p in paden for c in conflict_problems(p)]  # sync copies: named, not cases
    files = list(dict.fromkeys(f for p in paden for f in find_case_files(p)))
    if not files and not conflicts:
        raise CaseFileError(problems=[], summary=_("No case files (.yaml) found."))
    found, notes = check_with_notes(files)  # with each case's history and register: the hash chains
    problems = conflicts + found
    errors = [p for p in problems if not p.warning]
    for note in notes:
        click.echo(_("Note: ") + note, err=True)
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


def _owner(path: Path) -> Path:
    """``X.geschiedenis/`` stands for ``X.yaml``: its versions are no cases of their own (F2)."""
    from levensloop_docs.case.history import HISTORY_SUFFIX

    if path.is_dir() and path.name.endswith(HISTORY_SUFFIX):
        case = path.with_name(path.name[: -len(HISTORY_SUFFIX)] + ".yaml")
        if case.exists():
            return case
    return path
