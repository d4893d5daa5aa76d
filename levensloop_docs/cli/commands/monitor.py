"""``levensloop monitor``: the regional monitoring report, with small numbers hidden."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="monitor")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--regio", "regio", required=True,
              help="Een regio (groningen), een groep van regio's (noord-nederland), regio's met komma's "
                   "(groningen,drenthe) of 'alle' voor heel Nederland.")
@click.option("--van", "van", required=True, help="Eerste dag van een kalenderjaar, bijvoorbeeld 1-1-2026.")
@click.option("--tot", "tot", required=True,
              help="Laatste dag van een kalenderjaar (telt mee), bijvoorbeeld 31-12-2026.")
@click.option("--drempel", "drempel", type=click.IntRange(3, 100), default=5, show_default=True,
              help="Aantallen onder de drempel staan er als '<5' (en worden niet terug te rekenen); "
                   "minstens 3.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor de bestanden.")
@click.option("--formaat", "formaat", default="pdf,xlsx", show_default=True,
              help="Formaten, met komma's: docx,pdf,html,csv,xlsx.")
def monitor(map_: Path, regio: str, van: str, tot: str, drempel: int, uit: Path, formaat: str) -> None:
    """Maak de monitor van een regio, een groep van regio's of heel Nederland.

    Aantallen per kwartaal met de vorige periode, de stand, de kenmerken bij inclusie (zoals
    Tabel 4), escalaties en redenen om niet te includeren. Alleen aantallen; kleine aantallen
    staan er als '<5', ook als u verslagen over verschillende perioden naast elkaar legt.
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
    from levensloop_docs.overview.monitor_report import (
        build_report,
        monitor_publication,
        snap,
        year_aligned,
    )
    from levensloop_docs.reference.regiogroups import select

    period = Period(parse_day(van, "--van"), parse_day(tot, "--tot"))
    if period.tot < period.van:
        raise UsageError(_("--tot lies before --van. Give the first day, then the last."))
    if not year_aligned(period):
        whole = snap(period)
        msg = _("The monitor counts whole calendar years, so that reports for different periods cannot "
                "be subtracted to find a hidden number. Give for example --van {van} --tot {tot}.")
        day = "{d.day}-{d.month}-{d.year}"
        raise UsageError(msg.format(van=day.format(d=whole.van), tot=day.format(d=whole.tot)))
    select(regio)  # a region, a group, regions with commas, or 'alle'; UsageError names them
    fmts = output_formats(formaat, ("docx", "pdf", "html", "csv", "xlsx"))
    found = load_folder(map_, date.today())  # validated as controleer does: on today
    documents = any(f in ("docx", "pdf", "html") for f in fmts)
    report = build_report(found, regio, period, drempel, date.today(), charts=documents)
    report_skipped(found)
    pub = monitor_publication(report) if documents else None
    report_written(write_publication(pub, fmts, uit, report.tables, report.stem), uit)
