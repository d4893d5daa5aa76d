"""The bundled examples validate and render."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, RunCli, example_paths


def test_examples_are_valid(run_cli: RunCli) -> None:
    result = run_cli("controleer", EXAMPLES)
    assert result.code == 0, result.err
    assert "geen fouten" in result.out


def test_genereer_writes_owner_only_docx(run_cli: RunCli, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    result = run_cli("genereer", example_paths()[0], "--uit", out)
    assert result.code == 0, result.err
    files = list(out.glob("*.docx"))
    assert files
    for f in files:
        assert f.stat().st_mode & 0o077 == 0
