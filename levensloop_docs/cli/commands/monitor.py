"""``levensloop monitor``: the regional monitoring report, with small numbers hidden."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="monitor")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--regio", "regio", required=True, help="De regio, bijvoorbeeld groningen.")
@click.option("--van", "van", required=True, help="Eerste dag van de periode, bijvoorbeeld 1-1-2026.")
@click.option("--tot", "tot", required=True,
              help="Laatste dag van de periode (telt mee), bijvoorbeeld 31-3-2026.")
@click.option("--drempel", "drempel", type=click.IntRange(2, 100), default=5, show_default=True,
              help="Aantallen onder de drempel staan er als '<5' (en worden niet terug te rekenen).")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor de bestanden.")
@click.option("--formaat", "formaat", default="pdf,xlsx", show_default=True,
              help="Formaten, met komma's: docx,pdf,html,csv,xlsx.")
def monitor(map_: Path, regio: str, van: str, tot: str, drempel: int, uit: Path, formaat: str) -> None:
    """Maak de monitor van een regio: aantallen, wachttijd, kenmerken van de doelgroep, escalaties.

    Met staafdiagrammen per regio en per maand. Het verslag bevat alleen aantallen; kleine
    aantallen staan er als '<5'.
    """
    from datetime import date

    from levensloop_docs.cli.commands._overzicht import (
        output_formats,
        parse_day,
        report_skipped,
        report_written,
    )
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.overview.cases import load_folder
    from levensloop_docs.overview.documents import write_publication
    from levensloop_docs.overview.monitor import Period
    from levensloop_docs.overview.monitor_report import build_report, monitor_publication
    from levensloop_docs.reference.regions import region_keys

    period = Period(parse_day(van, "--van"), parse_day(tot, "--tot"))
    if period.tot < period.van:
        raise UsageError(_("--tot lies before --van. Give the first day, then the last."))
    if regio not in region_keys():
        msg = _("Unknown value '{value}' for {option}. Choose from: {known}.")
        raise UsageError(msg.format(value=regio, option="--regio", known=", ".join(region_keys())))
    fmts = output_formats(formaat, ("docx", "pdf", "html", "csv", "xlsx"))
    found = load_folder(map_, date.today())  # validated as controleer does: on today
    documents = any(f in ("docx", "pdf", "html") for f in fmts)
    report = build_report(found, regio, period, drempel, date.today(), charts=documents)
    report_skipped(found)
    pub = monitor_publication(report) if documents else None
    report_written(write_publication(pub, fmts, uit, report.tables, report.stem), uit)
