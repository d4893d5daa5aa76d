"""``levensloop partnerinfo``: the generic leaflet for a partner type in a region."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="partnerinfo")
@click.option("--partner", "partner", required=True,
              help="Welke partner, bijvoorbeeld gemeente, reclassering, penitentiaire_inrichting, "
                   "politie of woningcorporatie. Meer dan één met komma's, of 'alle'.")
@click.option("--regio", "regio", required=True,
              help="De regio, bijvoorbeeld groningen. Meer dan één met komma's, of 'alle'.")
@click.option("--formaat", "formaat", default="pdf", show_default=True,
              help="Formaten, met komma's: pdf,html,docx.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help="Map waarin de folders komen.")
def partnerinfo(partner: str, regio: str, formaat: str, uit: Path) -> None:
    """Maak de folder over de levensloopaanpak voor een partner, met de contacten van de regio."""
    from datetime import date

    from levensloop_docs.cli.options import choose, formats, publish_all, regions
    from levensloop_docs.run.publish import leaflet_kinds, leaflet_publication

    fmts = formats(formaat)
    kinds = choose(partner, leaflet_kinds(), "--partner")
    today = date.today()
    pubs = [leaflet_publication(k, r, today) for r in regions(regio) for k in kinds]
    publish_all(pubs, fmts, uit)
