"""What a command imports before it does its work (issue 31: start-up is most of a single
document and all of an unchanged rerun).

Reading the document registry and the ``--formaat`` option must not import the case model
(pydantic builds ~50 models), the views or the render run: ``genereer MAP`` with nothing
changed needs none of them in the main process.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from levensloop_docs.run.documents import PREDICATE_NAMES, VIEW_NAMES, _predicates, _views

ROOT = Path(__file__).resolve().parent.parent


def test_the_registry_names_the_views_and_predicates_there_are() -> None:
    assert set(_views()) == VIEW_NAMES
    assert set(_predicates()) == PREDICATE_NAMES


def test_the_registry_and_the_format_option_need_no_case_model() -> None:
    code = (
        "import sys\n"
        "from levensloop_docs.cli.commands.genereer import known_formats\n"
        "from levensloop_docs.cli.formats import parse_formats\n"
        "parse_formats('docx', known_formats())\n"
        "heavy = sorted(m for m in ('levensloop_docs.model.casus', 'levensloop_docs.run.renderrun',\n"
        "               'levensloop_docs.views.plan', 'pydantic', 'docx', 'jinja2') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
