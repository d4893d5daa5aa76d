"""``levensloop controleer``: check case files and report every problem at once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from levensloop_docs.case.register import Seal
    from levensloop_docs.errors import Problem


@click.command(name="controleer")
@click.argument("paden", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--zegel", "zegel", default=None, metavar="ZEGEL",
              help="Controleer ook of het verstrekkingenregister van de casus de zegel nog bevat "
                   "die eerder met 'levensloop verstrekkingen CASUS --zegel' is genoteerd.")
def controleer(paden: tuple[Path, ...], zegel: str | None) -> None:
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
    seal = _seal(zegel, files)
    found, notes = check_with_notes(files)  # with each case's history and register: the hash chains
    problems = conflicts + found
    if seal is not None:
        problems += _check_seal(files[0], seal)
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
    if seal is not None:
        click.echo(_("The disclosure register still holds seal {seal}: nothing up to entry {line} was "
                     "changed since it was made.").format(seal=seal, line=seal.entry))


def _seal(text: str | None, files: list[Path]) -> Seal | None:
    """The seal asked for, for exactly one case file (a Dutch usage error otherwise)."""
    from levensloop_docs.case.register import parse_seal
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _

    if text is None:
        return None
    seal = parse_seal(text)
    if seal is None:
        msg = _("--zegel {text}: this is no seal. A seal looks like 12-a1b2c3d4e5f6a7b8 (the number of "
                "an entry, a dash, 16 letters and digits), as 'levensloop verstrekkingen CASUS --zegel' "
                "prints it.")
        raise UsageError(msg.format(text=text))
    if len(files) != 1:
        raise UsageError(_("--zegel belongs to one case: name one case file."))
    return seal


def _check_seal(path: Path, seal: Seal) -> list[Problem]:
    from levensloop_docs.case.register import check_seal
    from levensloop_docs.errors import Problem

    broken = check_seal(path, seal)
    return [] if broken is None else [Problem(broken.path, "", broken.message, line=broken.line or None)]


def _owner(path: Path) -> Path:
    """``X.geschiedenis/`` stands for ``X.yaml``: its versions are no cases of their own (F2)."""
    from levensloop_docs.case.history import HISTORY_SUFFIX

    if path.is_dir() and path.name.endswith(HISTORY_SUFFIX):
        case = path.with_name(path.name[: -len(HISTORY_SUFFIX)] + ".yaml")
        if case.exists():
            return case
    return path
