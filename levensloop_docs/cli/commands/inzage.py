"""``levensloop inzage CASUS``: a copy of everything the case holds about the person."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="inzage")
@click.argument("casus", metavar="CASUS", type=click.Path(path_type=Path))
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor de bestanden.")
@click.option("--formaat", "formaat", default="pdf,docx,html", show_default=True,
              help="Formaten, met komma's: pdf (PDF/A met bladwijzers), docx, html.")
def inzage(casus: Path, uit: Path, formaat: str) -> None:
    """Maak een inzage (AVG artikel 15): alles wat de casus over de persoon bevat.

    Het huidige plan, elke eerdere versie, de evaluaties, incidenten en verslagen, en aan wie
    gegevens zijn gegeven, met bij elk gegeven wat het is. Wat over anderen gaat (wat een naaste
    vertelde, de bescherming van een slachtoffer) staat in een apart bestand voor de
    professional, die beslist of de cliënt het krijgt.
    """
    from datetime import date

    from levensloop_docs.cli.commands._overzicht import output_formats
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.run.inzage import CLIENT_FORMATS, build_inzage, write_inzage

    formats = output_formats(formaat, CLIENT_FORMATS)
    made = build_inzage(casus, date.today())
    written = write_inzage(made, uit, formats)
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} plan version, ", "{n} plan versions, ", made.versions).format(n=made.versions)
               + (ngettext("{n} disclosure in the register.", "{n} disclosures in the register.",
                           made.disclosures).format(n=made.disclosures)
                  if made.disclosures is not None else _("the register could not be read.")))
    if made.held_back:
        click.echo(ngettext(
            "{n} item concerns someone else and is in the file ending in '_inzage-apart': decide "
            "on it before the client gets it.",
            "{n} items concern someone else and are in the file ending in '_inzage-apart': decide "
            "on them before the client gets them.", made.held_back).format(n=made.held_back))
