"""The end of a batch: what was made, what was unchanged, what failed and why.

Printed on stdout; the exit code comes from ``BatchFailed``, raised to the CLI edge:
2 when a case file is bad input, 1 when a document could not be made for another reason.
What stopped the run as a whole (a full disk, no LibreOffice) is raised after the report.
With LEVENSLOOP_DEBUG=1 the traceback of an unexpected error in a worker goes to stderr.
"""

from __future__ import annotations

import click

from levensloop_docs.batch.run import BatchOptions, Summary
from levensloop_docs.errors import BatchFailed
from levensloop_docs.i18n import _, ngettext


def finish(summary: Summary, options: BatchOptions) -> None:
    if options.dry_run:
        for name, reason in summary.made:
            click.echo(f"{name}: {reason}")
        click.echo(ngettext("Would make {made} file; {unchanged} unchanged. Nothing was written.",
                            "Would make {made} files; {unchanged} unchanged. Nothing was written.",
                            len(summary.made)).format(
            made=len(summary.made), unchanged=summary.unchanged))
    else:
        click.echo(ngettext("{made} file made, {unchanged} unchanged, in {folder}.",
                            "{made} files made, {unchanged} unchanged, in {folder}.", len(summary.made))
                           .format(
            made=len(summary.made), unchanged=summary.unchanged, folder=options.out_dir))
    _report_concepts(summary)
    _report_failures(summary)
    if summary.problem is not None:
        raise summary.problem
    if not summary.failed:
        return
    n = len(summary.failed)
    if n < summary.cases:
        message = ngettext("{n} case of {total} failed; the others are done.",
                           "{n} cases of {total} failed; the others are done.", n)
    else:
        message = ngettext("The case failed.", "All {n} cases failed.", n)
    code = 2 if any(f.bad_input for f in summary.failed) else 1
    raise BatchFailed(message.format(n=n, total=summary.cases), code)


def _report_concepts(summary: Summary) -> None:
    """Per case the number of documents made as CONCEPT (open safety points on page 1)."""
    if not summary.concepts:
        return
    click.echo(_("CONCEPT (open safety points; 'levensloop controleer' names them):"))
    for case, n in sorted(summary.concepts.items()):
        click.echo("  " + ngettext("{case}: {n} concept document", "{case}: {n} concept documents", n)
                   .format(case=case, n=n))


def _report_failures(summary: Summary) -> None:
    if not summary.failed:
        return
    click.echo(_("Failed:"))
    for failure in sorted(summary.failed, key=lambda f: f.case):
        click.echo(f"  {failure.case}:")
        for line in failure.reason:
            click.echo(f"    {line}")
        if failure.traceback:
            click.echo(failure.traceback, err=True)
