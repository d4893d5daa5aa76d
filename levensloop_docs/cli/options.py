"""What the partnerinfo and handreiking commands share: parsing choices, one LibreOffice per run."""

from __future__ import annotations

from pathlib import Path

import click

from levensloop_docs.errors import LevensloopError
from levensloop_docs.i18n import _
from levensloop_docs.reference.regions import Region, load_region, region_keys
from levensloop_docs.run.publish import FORMATS, Publication, publish, start_converter


def split(value: str) -> list[str]:
    return [v.strip().lower() for v in value.split(",") if v.strip()]


def formats(value: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(split(value)))
    wrong = [f for f in chosen if f not in FORMATS]
    if wrong or not chosen:
        msg = _("Unknown format '{fmt}'. Choose from: {known}.")
        raise LevensloopError(msg.format(fmt=", ".join(wrong) or value, known=", ".join(FORMATS)))
    return chosen


def choose(value: str, known: list[str], option: str) -> list[str]:
    """``a,b`` or ``alle`` from ``known``; an unknown name is an error naming the choices."""
    wanted = split(value)
    if wanted == ["alle"]:
        return known
    wrong = [w for w in wanted if w not in known]
    if wrong or not wanted:
        msg = _("Unknown value '{value}' for {option}. Choose from: {known}, or 'alle'.")
        raise LevensloopError(msg.format(value=", ".join(wrong) or value, option=option,
                                         known=", ".join(known)))
    return wanted


def regions(value: str) -> list[Region]:
    """Every requested region profile, validated before anything is written."""
    return [load_region(k) for k in choose(value, region_keys(), "--regio")]


def publish_all(pubs: list[Publication], fmts: tuple[str, ...], out_dir: Path) -> None:
    from levensloop_docs.atomic import usable_output_dir

    usable_output_dir(out_dir)  # before LibreOffice starts
    converter = start_converter() if "pdf" in fmts else None
    written: list[Path] = []
    try:
        for pub in pubs:
            written.extend(publish(pub, fmts, out_dir, converter))
    finally:
        if converter is not None:
            converter.close()
    for path in written:
        click.echo(str(path))
    click.echo(_("{n} files written to {folder}.").format(n=len(written), folder=out_dir))
