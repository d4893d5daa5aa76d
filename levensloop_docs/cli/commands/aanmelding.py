"""``levensloop aanmelding ...``: the procesregisseur's registration flow (a group of commands)."""

from __future__ import annotations

import click

from levensloop_docs.cli.lazy import LazyGroup

# subcommand -> "module:attribute", imported on first use.
SUBCOMMANDS: dict[str, str] = {
    "nieuw": "levensloop_docs.cli.commands.aanmelding_interview:nieuw",
    "bewerk": "levensloop_docs.cli.commands.aanmelding_interview:bewerk",
    "formulier": "levensloop_docs.cli.commands.aanmelding_formulier:formulier",
    "velden": "levensloop_docs.cli.commands.aanmelding_formulier:velden",
}


@click.group(name="aanmelding", cls=LazyGroup, lazy_commands=SUBCOMMANDS)
def aanmelding() -> None:
    """Aanmelding door de procesregisseur: interview, criteria, besluit en formulieren."""
