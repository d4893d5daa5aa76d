"""What the partnerinfo and handreiking commands share: parsing choices, one LibreOffice per run."""

from __future__ import annotations

from pathlib import Path

import click

from levensloop_docs.cli.formats import parse_formats as parse_formats  # re-exported
from levensloop_docs.cli.formats import split
from levensloop_docs.errors import UsageError
from levensloop_docs.i18n import _, ngettext
from levensloop_docs.reference.regions import Region, load_region, region_keys
from levensloop_docs.run.publish import FORMATS, Publication
from levensloop_docs.run.renderrun import RenderRun, render_job


def formats(value: str) -> tuple[str, ...]:
    """The formats of a region document (leaflet, handreiking)."""
    return parse_formats(value, FORMATS) or FORMATS


def choose(value: str, known: list[str], option: str) -> list[str]:
    """``a,b`` or ``alle`` from ``known``; an unknown name is an error naming the choices."""
    wanted = split(value)
    if wanted == ["alle"]:
        return known
    wrong = [w for w in wanted if w not in known]
    if wrong or not wanted:
        msg = _("Unknown value '{value}' for {option}. Choose from: {known}, or 'alle'.")
        raise UsageError(msg.format(value=", ".join(wrong) or value, option=option,
                                         known=", ".join(known)))
    return wanted


def regions(value: str) -> list[Region]:
    """Every requested region profile, validated before anything is written."""
    return [load_region(k) for k in choose(value, region_keys(), "--regio")]


def publish_all(pubs: list[Publication], fmts: tuple[str, ...], out_dir: Path) -> None:
    from levensloop_docs.atomic import usable_output_dir

    usable_output_dir(out_dir)  # before LibreOffice starts
    written: list[Path] = []
    with RenderRun(out_dir=out_dir) as run:
        for pub in pubs:
            written.extend(render_job(run, pub.in_formats(fmts)))
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} file written to {folder}.",
                        "{n} files written to {folder}.", len(written))
                       .format(n=len(written), folder=out_dir))
