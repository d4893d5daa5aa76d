"""What overzicht, agenda and monitor share at the CLI edge: dates, formats, skipped files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import click

from levensloop_docs.errors import UsageError
from levensloop_docs.i18n import _, ngettext

if TYPE_CHECKING:
    from levensloop_docs.overview.agenda import Meeting


def parse_day(value: str | None, option: str) -> date:
    """A date option (same forms as in a case file); empty is today."""
    from levensloop_docs.model.validators import parse_date

    if not value:
        return date.today()
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def output_formats(value: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    from levensloop_docs.cli.formats import parse_formats

    return parse_formats(value, allowed) or allowed


def report_skipped(found: object) -> None:
    from levensloop_docs.overview.cases import CaseSet, skipped_lines

    assert isinstance(found, CaseSet)
    for line in skipped_lines(found):
        click.echo(line, err=True)


def report_written(written: list[Path], out_dir: Path) -> None:
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} file written to {folder}.",
                        "{n} files written to {folder}.", len(written))
                       .format(n=len(written), folder=out_dir))


def make_meeting(datum: str, vorige: str | None, volgende: str | None, regio: str | None) -> Meeting:
    """The meeting of ``agenda`` and ``notuleer``: by default two weeks after the last, before the next."""
    from datetime import timedelta

    from levensloop_docs.overview.agenda import Meeting

    day = parse_day(datum, "--datum")
    meeting = Meeting(day, parse_day(vorige, "--vorige") if vorige else day - timedelta(days=14),
                      parse_day(volgende, "--volgende") if volgende else day + timedelta(days=14))
    if not meeting.vorige < meeting.datum <= meeting.volgende:
        raise UsageError(_("The meetings are not in order: --vorige must come before --datum, "
                           "and --volgende after it."))
    if regio is not None:
        from levensloop_docs.reference.regiogroups import select

        select(regio)  # a region, a group of regions or 'alle'; UsageError names the known ones
    return meeting
