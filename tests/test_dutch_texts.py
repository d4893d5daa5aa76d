"""Issue 16: no English fragments or wrong plurals on screen."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from levensloop_docs.cli.clicktext import install_dutch_click
from levensloop_docs.cli.main import cli


@pytest.mark.parametrize(
    "args",
    [["--help"], ["bewerk", "--help"], ["aanmelding", "--help"], ["aanmelding", "nieuw", "--help"],
     ["sjablonen", "--help"], ["overzicht", "--help"]],
)  # fmt: skip
def test_help_usage_line_is_dutch(args: list[str]) -> None:
    install_dutch_click()
    result = CliRunner().invoke(cli, args, prog_name="levensloop")
    assert result.exit_code == 0, result.output
    usage = result.output.splitlines()[0]
    assert usage.startswith("Gebruik: levensloop")
    assert "OPTIONS" not in result.output and "COMMAND" not in result.output and "ARGS" not in result.output
    assert "[OPTIES]" in usage
