"""``levensloop overzicht``: every case in one table, most urgent first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click


@click.command(name="overzicht")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--per", "per", default=None,
              help="De dag van het overzicht (standaard vandaag), bijvoorbeeld 7-12-2026.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=None,
              help="Map voor de bestanden; zonder --uit alleen de tabel op het scherm.")
@click.option("--formaat", "formaat", default="pdf,csv", show_default=True,
              help="Formaten, met komma's: docx,pdf,html,csv.")
@click.option("--alles", "alles", is_flag=True,
              help="Toon op het scherm elke casus, niet alleen wat de komende twee weken aandacht vraagt.")
@click.option("--regio", "regio", default=None,
              help="Alleen de casussen van deze regio of groep van regio's (bijvoorbeeld drenthe).")
def overzicht(map_: Path, per: str | None, uit: Path | None, formaat: str, alles: bool,
              regio: str | None) -> None:
    """Toon alle casussen met wat aandacht vraagt: evaluatie, titels, risicotaxatie, toestemming.

    Ook de vroegste uitstroomdatum, plannen zonder ondertekening, aanmeldingen die op een
    besluit wachten, een voorbij aanmeldoverleg zonder besluit, een titel die afliep zonder
    vervolg, het huidige niveau en de laatste escalatie. Te laat staat bovenaan. Het scherm
    toont wat te laat is of binnen twee weken valt (--alles: elke casus); de bestanden
    bevatten altijd elke casus.
    """
    from datetime import date

    from levensloop_docs.cli.commands._overzicht import (
        output_formats,
        parse_day,
        report_skipped,
        report_written,
    )
    from levensloop_docs.overview.cases import load_folder
    from levensloop_docs.overview.deadlines import overview_rows
    from levensloop_docs.reference.regiogroups import select

    day = parse_day(per, "--per")
    selection = select(regio) if regio else None
    fmts = output_formats(formaat, ("docx", "pdf", "html", "csv")) if uit else ()
    found = load_folder(map_, date.today())  # validated as controleer does: on today
    cases = [c for c in found.cases if selection is None or selection.covers(c.meta.regio)]
    rows = overview_rows(cases, day)
    shown = rows if alles else [r for r in rows if r.needs_attention()]
    _print_table(shown, len(rows))
    report_skipped(found)
    if uit is not None:
        from levensloop_docs.overview.documents import write_publication
        from levensloop_docs.overview.overzicht import overview_publication

        stem = f"overzicht-{selection.sleutel + '-' if selection else ''}{day.isoformat()}"
        pub, table = overview_publication(rows, day, found, render=any(f != "csv" for f in fmts),
                                          regio=selection.naam if selection else "", stem=stem)
        report_written(write_publication(pub, fmts, uit, {"overzicht": table}, stem), uit)


def _print_table(rows: Sequence[object], total: int) -> None:
    from rich.console import Console

    from levensloop_docs.i18n import _
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.deadlines import CaseRow
    from levensloop_docs.overview.tables import overview_cells, overview_columns
    from levensloop_docs.overview.terminal import StyledLines, table_lines

    vocab = load_vocabularies()
    shown_keys = ("actie", "casus", "regio", "status", "casusregisseur", "evaluatie", "titels",
                  "risicotaxatie", "toestemming", "uitstroom", "signalen")  # narrower than the page
    columns = [c for c in overview_columns() if c[0] in shown_keys]
    cells, styles = [], []
    for row in rows:
        assert isinstance(row, CaseRow)
        shown = overview_cells(row, vocab)
        cells.append([shown[k] for k, _h in columns])
        action = row.action()
        styles.append("bold red" if action == "te_laat" else "bold" if action == "deze_week" else None)
    console = Console()
    lines = table_lines(_("Cases, most urgent first"), [h for _k, h in columns], cells, styles, console.width)
    console.print(StyledLines(lines), soft_wrap=True)
    if not total:
        click.echo(_("No valid cases in this folder."))
    elif len(rows) < total:
        msg = _("{n} of {total} cases need attention in the next two weeks; --alles shows every case.")
        click.echo(msg.format(n=len(rows), total=total))
