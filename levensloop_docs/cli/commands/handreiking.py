"""``levensloop handreiking``: the booklet for partners in a region."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="handreiking")
@click.option("--regio", "regio", required=True,
              help="De regio, bijvoorbeeld groningen. Meer dan één met komma's, of 'alle'.")
@click.option("--formaat", "formaat", default="pdf", show_default=True,
              help="Formaten, met komma's: pdf,html,docx.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help="Map waarin de handreiking komt.")
def handreiking(regio: str, formaat: str, uit: Path) -> None:
    """Maak de handreiking voor partners in een regio: werkproces, rollen, opschaalroute, contacten.

    De hoofdstukken staan in templates/handreiking/; een regio voegt er een toe of vervangt er
    een met een bestand in templates/handreiking/REGIO/.
    """
    from datetime import date

    from levensloop_docs.cli.options import formats, publish_all, regions
    from levensloop_docs.run.publish import handreiking_publication

    fmts = formats(formaat)
    today = date.today()
    pubs = [handreiking_publication(r, today) for r in regions(regio)]
    publish_all(pubs, fmts, uit)
