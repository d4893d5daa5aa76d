"""``levensloop aanmelding ...``: the procesregisseur's registration flow (a group of commands)."""

from __future__ import annotations

import importlib
import importlib.util

import click

# subcommand -> "module:attribute", imported on first use.
SUBCOMMANDS: dict[str, str] = {
    "nieuw": "levensloop_docs.cli.commands.aanmelding_interview:nieuw",
    "bewerk": "levensloop_docs.cli.commands.aanmelding_interview:bewerk",
    "formulier": "levensloop_docs.cli.commands.aanmelding_formulier:formulier",
    "velden": "levensloop_docs.cli.commands.aanmelding_formulier:velden",
}


class _LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in sorted(SUBCOMMANDS) if self._available(name)]

    def _available(self, name: str) -> bool:
        module = SUBCOMMANDS[name].split(":")[0]
        return importlib.util.find_spec(module) is not None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = SUBCOMMANDS.get(cmd_name)
        if target is None or not self._available(cmd_name):
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        return command


@click.group(name="aanmelding", cls=_LazyGroup)
def aanmelding() -> None:
    """Aanmelding door de procesregisseur: interview, criteria, besluit en formulieren."""
