"""``levensloop cache wis``: remove what the program keeps in the user's cache folder."""

from __future__ import annotations

import click


@click.group(name="cache")
def cache() -> None:
    """Beheer wat het programma bewaart om sneller te werken (de cache)."""


@click.command(name="wis")
def wis() -> None:
    """Verwijder de cache: de gegevens van de overzichten, de grafieken en de sjablooncontrole.

    Alles in de cache wordt bij het volgende gebruik opnieuw gemaakt; er gaat niets verloren.
    De opdracht zegt wat er verwijderd is.
    """
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.overview.cache import cache_dir, wipe

    removed = wipe()
    total = sum(len(v) for v in removed.values())
    if not total:
        click.echo(_("There was no cache in {folder}; nothing was removed.").format(folder=cache_dir()))
        return
    click.echo(ngettext("Removed {n} file from the cache in {folder}:",
                        "Removed {n} files from the cache in {folder}:", total).format(
        n=total, folder=cache_dir()))
    kinds = {
        "overzicht": _("case data of the overviews (dates, statuses, keys; no names or free text)"),
        "grafieken": _("monitor charts"),
        "overig": _("other (template check)"),
    }
    for kind, label in kinds.items():
        if removed[kind]:
            click.echo(f"- {label}: {len(removed[kind])}")


cache.add_command(wis)
