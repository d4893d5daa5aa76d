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
@click.option("--regio", "regio", required=True,
              help="De regio of groep van regio's van het overleg, bijvoorbeeld drenthe of noord-nederland; "
                   "'alle' voor één overleg over alle regio's.")
@click.option("--overleg", "overleg", default="levensloopteam", show_default=True,
              help="De naam van het overleg, bijvoorbeeld 'aanmeldtafel'.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor de bestanden.")
@click.option("--formaat", "formaat", default="docx", show_default=True,
              help="Formaten, met komma's: docx,pdf,html.")
@click.option("--tijd", "tijd", default="", help="Tijd van het overleg, bijvoorbeeld '10.00-12.00 uur'.")
@click.option("--plaats", "plaats", default="", help="Plaats van het overleg, bijvoorbeeld 'ZVH Assen'.")
@click.option("--voorzitter", "voorzitter", default="",
              help="Wie voorzit (een functie, bijvoorbeeld 'procesregisseur ZVH').")
@click.option("--verslag", "verslag", is_flag=True,
              help="Maak het verslag van het overleg: wat 'levensloop notuleer' vastlegde.")
@click.option("--met-namen", "met_namen", is_flag=True,
              help="Laat namen in de notulen staan (een versie alleen voor de deelnemers); "
                   "zonder deze optie staat er [naam].")
def agenda(map_: Path, datum: str, vorige: str | None, volgende: str | None, regio: str,
           overleg: str, uit: Path, formaat: str, tijd: str, plaats: str, voorzitter: str,
           verslag: bool, met_namen: bool) -> None:
    """Maak de agenda van het overleg: aanmeldingen, plannen vaststellen, evaluaties, escalaties.

    Bij elk punt een verslagblok: wie er was per organisatie, het besluit, wie wat doet.
    Wat met 'levensloop notuleer' is vastgelegd, staat er ingevuld in.
    """
    from datetime import date

    from levensloop_docs.cli.commands._overzicht import (
        make_meeting,
        output_formats,
        report_skipped,
        report_written,
    )
    from levensloop_docs.i18n import ngettext
    from levensloop_docs.overview.agenda_document import agenda_publication
    from levensloop_docs.overview.cases import load_folder
    from levensloop_docs.overview.documents import write_publication
    from levensloop_docs.overview.verslag import (
        meeting_items,
        read_whole,
        with_earlier_minutes,
        with_minutes,
    )
    from levensloop_docs.reference.regiogroups import select

    meeting = make_meeting(datum, vorige, volgende, regio)
    selection = select(regio)
    fmts = output_formats(formaat, ("docx", "pdf", "html"))
    found = load_folder(map_, date.today())  # validated as controleer does: on today
    items = meeting_items(found.cases, meeting, selection)
    recorded = with_minutes(found.cases, meeting.datum) | with_earlier_minutes(found.cases, meeting)
    if recorded:  # the minutes' text is not in the cache: those cases are read whole
        found, _paths = read_whole(map_, found, recorded, date.today())
    report_skipped(found)
    frame = {"tijd": tijd, "plaats": plaats, "voorzitter": voorzitter}
    pub = agenda_publication(items, meeting, found, selection, overleg, verslag, met_namen, frame)
    click.echo(ngettext("{n} item on the agenda.",
                        "{n} items on the agenda.", len(items)).format(n=len(items)))
    report_written(write_publication(pub, fmts, uit, {}), uit)
