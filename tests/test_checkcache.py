"""The template check runs once per change: its outcome is kept in the user's cache folder.

A changed template, document definition or reference case is checked again; an unchanged
one is not (``run/checkcache.py``). The cache folder is the per-test one (conftest).
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, RunCli

from levensloop_docs.run import checkcache, templatecheck
from levensloop_docs.run.documents import DocumentType, registry


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the documents whose template was really checked."""
    calls: list[str] = []
    real = templatecheck.check_document

    def check(doc: DocumentType, shape: Any) -> Any:
        calls.append(doc.name)
        return real(doc, shape)

    monkeypatch.setattr(checkcache, "check_document", check)
    return calls


def _own_copy(tmp_path: Path) -> DocumentType:
    doc = registry()["signaleringsplan"]
    assert doc.engine == "markdown"
    folder = tmp_path / "sjablonen"
    shutil.copytree(doc.template.parent, folder)
    return dataclasses.replace(doc, template=folder / doc.template.name)


def test_an_unchanged_template_is_checked_once(tmp_path: Path, counted: list[str]) -> None:
    doc = _own_copy(tmp_path)
    first = checkcache.checked_templates({doc.name: doc})
    again = checkcache.checked_templates({doc.name: doc})
    assert counted == [doc.name]
    assert again == first


def test_a_changed_template_is_checked_again(tmp_path: Path, counted: list[str]) -> None:
    doc = _own_copy(tmp_path)
    assert [p for p in checkcache.checked_templates({doc.name: doc}) if not p.warning] == []
    with doc.template.open("a", encoding="utf-8") as fh:
        fh.write("\n{{ bestaatniet.veld }}\n")
    found = checkcache.checked_templates({doc.name: doc})
    assert counted == [doc.name, doc.name]
    assert any("bestaatniet" in p.message for p in found if not p.warning)
    # the error is kept too: the next run still refuses, without checking again
    assert checkcache.checked_templates({doc.name: doc}) == found
    assert len(counted) == 2


def test_a_changed_definition_is_checked_again(tmp_path: Path, counted: list[str]) -> None:
    doc = _own_copy(tmp_path)
    checkcache.checked_templates({doc.name: doc})
    bigger = dataclasses.replace(doc, font_size=(doc.font_size or 11) + 3)
    checkcache.checked_templates({doc.name: bigger})
    assert counted == [doc.name, doc.name]


def test_a_changed_reference_case_is_checked_again(
    tmp_path: Path, counted: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    examples = tmp_path / "voorbeelden"
    examples.mkdir()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        shutil.copy(path, examples / path.name)
    monkeypatch.setattr(templatecheck, "default_examples", lambda: sorted(examples.glob("*.yaml")))
    doc = _own_copy(tmp_path)
    checkcache.checked_templates({doc.name: doc})
    first = sorted(examples.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n# gewijzigd\n", encoding="utf-8")
    checkcache.checked_templates({doc.name: doc})
    assert counted == [doc.name, doc.name]


def test_a_damaged_cache_file_is_checked_again(tmp_path: Path, counted: list[str]) -> None:
    doc = _own_copy(tmp_path)
    checkcache.checked_templates({doc.name: doc})
    cache = checkcache.CheckCache()
    cache.path.write_text("{niet: json", encoding="utf-8")
    checkcache.checked_templates({doc.name: doc})
    assert counted == [doc.name, doc.name]


def test_genereer_one_case_checks_only_the_first_time(run_cli: RunCli, tmp_path: Path,
                                                      counted: list[str]) -> None:
    case = EXAMPLES / "caravan-groningen.yaml"
    args = ("genereer", case, "--document", "opnamebrief", "--uit", tmp_path / "uit")
    assert run_cli(*args).code == 0
    assert counted == ["opnamebrief"]
    result = run_cli(*args)
    assert result.code == 0, result.err
    assert counted == ["opnamebrief"]
