"""The command line edge: the one place where errors become messages and exit codes.

Commands live one per module in ``commands/`` and are imported only when used, so
``levensloop --help`` stays instant. Every ``LevensloopError`` is printed in Dutch
on stderr with its exit code (2 for bad input); nothing below this module prints
an error or calls ``sys.exit``.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any

import click

from levensloop_docs import __version__
from levensloop_docs.cli.clicktext import install_dutch_click
from levensloop_docs.cli.lazy import LazyGroup
from levensloop_docs.i18n import _

# command name -> "module:attribute"; add a command by adding a line here.
COMMANDS: dict[str, str] = {
    "aanmelding": "levensloop_docs.cli.commands.aanmelding:aanmelding",
    "agenda": "levensloop_docs.cli.commands.agenda:agenda",
    "bewerk": "levensloop_docs.cli.commands.bewerk:bewerk",
    "bundel": "levensloop_docs.cli.commands.bundel:bundel",
    "cache": "levensloop_docs.cli.commands.cache:cache",
    "controleer": "levensloop_docs.cli.commands.controleer:controleer",
    "doctor": "levensloop_docs.cli.commands.doctor:doctor",
    "evaluatie": "levensloop_docs.cli.commands.evaluatie:evaluatie",
    "genereer": "levensloop_docs.cli.commands.genereer:genereer",
    "handreiking": "levensloop_docs.cli.commands.handreiking:handreiking",
    "inzage": "levensloop_docs.cli.commands.inzage:inzage",
    "monitor": "levensloop_docs.cli.commands.monitor:monitor",
    "nieuw": "levensloop_docs.cli.commands.nieuw:nieuw",
    "notuleer": "levensloop_docs.cli.commands.notuleer:notuleer",
    "overzicht": "levensloop_docs.cli.commands.overzicht:overzicht",
    "partnerinfo": "levensloop_docs.cli.commands.partnerinfo:partnerinfo",
    "schema": "levensloop_docs.cli.commands.schema:schema",
    "sjablonen": "levensloop_docs.cli.commands.sjablonen:sjablonen",
    "uitstroom": "levensloop_docs.cli.commands.uitstroom:uitstroom",
    "verstrekkingen": "levensloop_docs.cli.commands.verstrekkingen:verstrekkingen",
}


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)
@click.version_option(
    __version__, "--versie", message="levensloop-docs %(version)s", help="Toon de versie en stop."
)
def cli() -> None:
    """Documenten voor de levensloopaanpak: levensloopplan, aanmeldformulier en partnerinformatie.

    Begin met 'levensloop controleer examples/' of 'levensloop genereer examples/ --uit uitvoer/'.
    """


def _report(lines: list[str]) -> None:
    for line in lines:
        click.echo(line, err=True)


def _console_safe() -> None:
    """A Windows console or a redirect in cp1252/cp850 cannot show every character (ĳ, €, emoji).

    Such a character in a path or a quoted value must not stop the program with a
    UnicodeEncodeError: it is shown as '?' instead. A UTF-8 stream is left as it is.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and encoding not in ("utf-8", "utf8"):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def main(argv: list[str] | None = None) -> None:
    """Run the CLI and turn every outcome into an exit code."""
    from levensloop_docs.errors import Interrupted, LevensloopError

    install_dutch_click()
    _console_safe()
    os.umask(0o077)  # every file we create is for the owner only
    try:
        result = _run(argv)
    except LevensloopError as exc:
        # a stop by the user is not an error: no "Fout:" before "Gestopt."
        prefix = "" if isinstance(exc, Interrupted) else _("Error: ")
        _report([prefix + exc.lines()[0], *exc.lines()[1:]])
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        _report([_("Stopped.")])
        sys.exit(130)
    except KeyboardInterrupt:
        _report([_("Stopped.")])
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except Exception:
        if os.environ.get("LEVENSLOOP_DEBUG"):
            raise
        _report([
            _("Something unexpected went wrong. No file was changed half-way."),
            _("Run the command again with LEVENSLOOP_DEBUG=1 for technical details for the administrator."),
        ])
        sys.exit(1)
    sys.exit(result if isinstance(result, int) else 0)


def _run(argv: list[str] | None) -> Any:
    """The command; afterwards the private temporary folder it made (``runtmp``) is removed."""
    before = sys.modules.get("levensloop_docs.runtmp")  # not imported here: --help stays instant
    had_one = before is not None and before.owns_folder()
    try:
        return cli.main(args=argv, prog_name="levensloop", standalone_mode=False)
    finally:
        runtmp = sys.modules.get("levensloop_docs.runtmp")
        if runtmp is not None and not had_one:
            runtmp.cleanup()


def run_in_process(argv: list[str]) -> Any:
    """Entry for tests: same as ``main`` but returns the exit code instead of exiting."""
    try:
        main(argv)
    except SystemExit as exc:
        return exc.code
    return 0
