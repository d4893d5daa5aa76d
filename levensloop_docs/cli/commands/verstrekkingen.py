"""``levensloop verstrekkingen``: who received the data of one case, and the letter to the client."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click


@click.command(name="verstrekkingen")
@click.argument("casus", type=click.Path(path_type=Path))
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=None,
              help="Map voor de brief aan de cliënt; zonder --uit alleen de tabel op het scherm.")
@click.option("--formaat", "formaat", default="docx", show_default=True,
              help="Formaten van de brief, met komma's: docx,pdf,html.")
@click.option("--zegel", "zegel", is_flag=True, default=False,
              help="Toon alleen de zegel van het register: een korte vingerafdruk om in het verslag "
                   "van het casusoverleg te noteren of aan de FG te sturen.")
def verstrekkingen(casus: Path, uit: Path | None, formaat: str, zegel: bool) -> None:
    """Toon aan welke organisaties gegevens van de casus zijn gegeven: wanneer, welke en waarom.

    Uit het verstrekkingenregister naast de casus (CASUS.verstrekkingen.jsonl), dat elk
    partnerblad, elke crisiskaart, opnamebrief, overdracht en elk document voor de cliënt
    bijhoudt. Met --uit ook de brief aan de cliënt in eenvoudige taal: "Aan wie hebben wij
    uw gegevens gegeven?", per organisatie. Met --zegel de zegel van het register; later toont
    'levensloop controleer CASUS --zegel ZEGEL' of het register sindsdien herschreven is.
    """
    from levensloop_docs.case.casefile import read_case
    from levensloop_docs.case.register import read_register, verify_register
    from levensloop_docs.i18n import _

    case = read_case(casus)
    broken = verify_register(case.path, case.casus.meta.casus_id)
    if zegel:
        _print_seal(case.path, case.casus.meta.casus_id, broken)
        return
    if broken is not None:  # shown, but not trusted silently
        place = f"{broken.path}:{broken.line}" if broken.line else str(broken.path)
        click.echo(_("Warning: ") + f"{place}: {broken.message} "
                   + _("Run 'levensloop controleer' on the case."), err=True)
    items = read_register(case.path)
    _print_table(items, case.casus.meta.casus_id)
    if uit is not None:
        _letter(case, uit, formaat)


def _print_seal(case_path: Path, case_id: str, broken: object) -> None:
    """A seal only of an intact register: a seal of a broken chain would vouch for the break."""
    from levensloop_docs.case.register import BrokenLink, make_seal
    from levensloop_docs.errors import CaseFileError, Problem
    from levensloop_docs.i18n import _

    if isinstance(broken, BrokenLink):
        raise CaseFileError(problems=[Problem(broken.path, "", broken.message, line=broken.line or None)],
                            summary=_("The disclosure register of case {case} is not intact: no seal "
                                      "is made.").format(case=case_id),
                            hint=_("Run 'levensloop controleer' on the case."))
    seal = make_seal(case_path)
    if seal is None:
        click.echo(_("Case {case}: the register is empty, there is nothing to seal yet.").format(
            case=case_id))
        return
    click.echo(str(seal))
    click.echo(_("Seal of the disclosure register of case {case} (entry {line}). Note it in the minutes "
                 "of the case meeting or send it to the privacy officer (FG); later 'levensloop "
                 "controleer CASE --zegel {seal}' shows whether the register was rewritten up to "
                 "there.").format(case=case_id, line=seal.entry, seal=seal), err=True)


def _print_table(items: Sequence[object], case_id: str) -> None:
    import contextlib
    from datetime import date

    from rich.console import Console

    from levensloop_docs.case.register import Verstrekking
    from levensloop_docs.i18n import _, format_date
    from levensloop_docs.overview.terminal import StyledLines, table_lines
    from levensloop_docs.views.verstrekkingen import audience_text, basis_text

    if not items:
        click.echo(_("Case {case}: nothing was given to anyone outside the case team yet (the "
                     "register is empty).").format(case=case_id))
        return
    heads = [_("No."), _("Date"), _("Document"), _("To"), _("Basis"), _("Data given"), _("Made by"),
             _("Times")]
    rows = []
    for e in items:
        assert isinstance(e, Verstrekking)
        day = e.tijd[:10]
        with contextlib.suppress(ValueError):  # shown as stored when it is no date
            day = format_date(date.fromisoformat(day), "short")
        # the short names of the groups and the document (the letter and the file have the labels)
        document = f"{e.document}:{e.parameter}" if e.parameter else e.document
        rows.append([str(e.nummer), day, document, audience_text(e.publiek), basis_text(e.grondslag),
                     ", ".join(e.gedeeld), e.gemaakt_door, str(e.aantal)])
    console = Console()
    title = _("Disclosure register of case {case}").format(case=case_id)
    console.print(StyledLines(table_lines(title, heads, rows, [None] * len(rows), console.width)),
                  soft_wrap=True)


def _letter(case: object, uit: Path, formaat: str) -> None:
    from levensloop_docs.atomic import usable_output_dir
    from levensloop_docs.case.casefile import CaseFile
    from levensloop_docs.cli.options import parse_formats
    from levensloop_docs.i18n import ngettext
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    assert isinstance(case, CaseFile)
    fmts = parse_formats(formaat, ("docx", "pdf", "html")) or ("docx",)
    jobs = plan_jobs(case, ["verstrekkingen"], fmts)
    usable_output_dir(uit)
    written: list[Path] = []
    with RenderRun(out_dir=uit) as run:
        for job in jobs:
            written.extend(render_job(run, job))
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} file written to {folder}.", "{n} files written to {folder}.",
                        len(written)).format(n=len(written), folder=uit))
