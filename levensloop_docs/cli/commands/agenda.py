"""``levensloop agenda``: the agenda of a meeting, with a minutes template per item."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="agenda")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--datum", "datum", required=True, help="De dag van het overleg, bijvoorbeeld 10-12-2026.")
@click.option("--vorige", "vorige", default=None,
              help="De dag van het vorige overleg (standaard twee weken eerder): "
                   "escalaties daarna komen erop.")
@click.option("--volgende", "volgende", default=None,
              help="De dag van het volgende overleg (standaard twee weken later): "
                   "evaluaties tot dan komen erop.")
@click.option("--regio", "regio", default=None, help="Alleen casussen van deze regio.")
@click.option("--overleg", "overleg", default="levensloopteam", show_default=True,
              help="De naam van het overleg, bijvoorbeeld 'aanmeldtafel'.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor de bestanden.")
@click.option("--formaat", "formaat", default="pdf", show_default=True,
              help="Formaten, met komma's: docx,pdf,html.")
def agenda(map_: Path, datum: str, vorige: str | None, volgende: str | None, regio: str | None,
           overleg: str, uit: Path, formaat: str) -> None:
    """Maak de agenda van het overleg: aanmeldingen, plannen vaststellen, evaluaties, escalaties.

    Bij elk punt een verslagblok: wie er was per organisatie, het besluit, wie wat doet.
    """
    from datetime import date, timedelta

    from levensloop_docs.cli.commands._overzicht import (
        output_formats,
        parse_day,
        report_skipped,
        report_written,
    )
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.overview.agenda import Meeting, agenda_items
    from levensloop_docs.overview.agenda_document import agenda_publication
    from levensloop_docs.overview.cases import load_folder
    from levensloop_docs.overview.documents import write_publication
    from levensloop_docs.reference.regions import region_keys

    day = parse_day(datum, "--datum")
    meeting = Meeting(day, parse_day(vorige, "--vorige") if vorige else day - timedelta(days=14),
                      parse_day(volgende, "--volgende") if volgende else day + timedelta(days=14))
    if not meeting.vorige < meeting.datum <= meeting.volgende:
        raise UsageError(_("The meetings are not in order: --vorige must come before --datum, "
                                "and --volgende after it."))
    if regio is not None and regio not in region_keys():
        msg = _("Unknown value '{value}' for {option}. Choose from: {known}.")
        raise UsageError(msg.format(value=regio, option="--regio", known=", ".join(region_keys())))
    fmts = output_formats(formaat, ("docx", "pdf", "html"))
    found = load_folder(map_, date.today())  # validated as controleer does: on today
    items = agenda_items(found.cases, meeting, regio)
    report_skipped(found)
    pub = agenda_publication(items, meeting, found, regio, overleg)
    click.echo(ngettext("{n} item on the agenda.",
                        "{n} items on the agenda.", len(items)).format(n=len(items)))
    report_written(write_publication(pub, fmts, uit, {}), uit)
