"""Every user-facing text has a Dutch translation, and the shipped .mo files are current."""

from __future__ import annotations

import gettext
import sys
from datetime import date
from pathlib import Path

from conftest import RunCli

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import vertalingen  # noqa: E402


def test_every_text_is_translated() -> None:
    gaps = vertalingen.missing()
    assert not gaps, "geen vertaling voor:\n" + "\n".join(f"{v[0]}:{v[1]} {k!r}" for k, v in gaps.items())


def test_compiled_catalogs_match_sources() -> None:
    for domain, catalog in vertalingen.catalogs().items():
        mo = vertalingen.CATALOGS / f"{domain}.mo"
        assert mo.exists(), f"{mo} ontbreekt: python scripts/vertalingen.py compileer"
        with mo.open("rb") as fh:
            compiled = gettext.GNUTranslations(fh)
        for msg in catalog:
            if msg.id and isinstance(msg.id, str) and msg.string and not msg.fuzzy:
                assert compiled.gettext(msg.id) == msg.string, (
                    f"{mo.name} is verouderd: python scripts/vertalingen.py compileer"
                )


def test_dates_and_lists_are_dutch() -> None:
    from levensloop_docs.i18n import format_date, format_list

    assert format_date(date(2026, 11, 23)) == "23 november 2026"
    assert format_list(["gemeente", "reclassering", "politie"]) == "gemeente, reclassering en politie"


def test_cli_help_is_dutch(run_cli: RunCli) -> None:
    result = run_cli("--help")
    assert result.code == 0
    assert "Gebruik:" in result.out and "Opdrachten" in result.out
    assert "Show this message" not in result.out


def test_no_text_is_translated_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings on Python 3.11: such a text would
    never reach the catalog and would print in English."""
    import ast

    package = Path(__file__).resolve().parent.parent / "levensloop_docs"
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Call) and getattr(inner.func, "id", "") in ("_", "ngettext"):
                        found.append(f"{path.relative_to(package)}:{inner.lineno}")
    assert found == []
