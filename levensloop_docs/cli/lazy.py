"""One click group class for every command table: subcommands are imported on first use.

``levensloop --help`` only lists names and reads their one-line help from the table's
modules when asked; the heavy libraries a command needs are imported inside it.
"""

from __future__ import annotations

import importlib
from typing import Any

import click


class LazyGroup(click.Group):
    """A group whose subcommands come from ``lazy_commands``: name -> ``"module:attribute"``."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", OPTIONS)
        kwargs.setdefault("subcommand_metavar", SUBCOMMAND)
        super().__init__(*args, **kwargs)
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.lazy_commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy_commands.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        command = getattr(importlib.import_module(module), attribute)
        assert isinstance(command, click.Command)
        dutch_metavars(command)
        return command


OPTIONS = "[OPTIES]"
SUBCOMMAND = "OPDRACHT [ARGUMENTEN]..."


def dutch_metavars(command: click.Command) -> None:
    """Dutch '[OPTIES]' in the usage line: click writes its English default there untranslated."""
    if command.options_metavar == "[OPTIONS]":
        command.options_metavar = OPTIONS
    if isinstance(command, click.Group):
        if command.subcommand_metavar == "COMMAND [ARGS]...":
            command.subcommand_metavar = SUBCOMMAND
        for sub in command.commands.values():
            dutch_metavars(sub)
