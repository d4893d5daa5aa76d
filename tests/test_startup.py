"""What a command imports before it does its work (issue 31: start-up is most of a single
document and all of an unchanged rerun).

Reading the document registry and the ``--formaat`` option must not import the case model
(pydantic builds ~50 models), the views or the render run: ``genereer MAP`` with nothing
changed needs none of them in the main process.
"""

from __future__ import annotations

import os
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


def test_a_rerun_with_nothing_to_do_imports_no_model_and_no_jinja(tmp_path: Path) -> None:
    """``genereer MAP`` unchanged: find the cases, compare the manifest, say so. The case model
    (pydantic), the views, the render run and Jinja are for making documents."""
    import shutil

    folder, out = tmp_path / "casussen", tmp_path / "uit"
    folder.mkdir()
    shutil.copy(ROOT / "examples" / "caravan-groningen.yaml", folder)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "levensloop_docs", "genereer", str(folder), "--uit", str(out)]
    made = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert made.returncode == 0, made.stderr
    code = (
        "import sys\n"
        "from levensloop_docs.cli.main import main\n"
        f"sys.argv = ['levensloop', 'genereer', {str(folder)!r}, '--uit', {str(out)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in ('levensloop_docs.model.casus', 'levensloop_docs.run.renderrun',\n"
        "               'levensloop_docs.views.plan', 'pydantic', 'docx', 'jinja2') if m in sys.modules)\n"
        "print(heavy)\n"
    )
    again = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env,
                           check=True)
    assert "0 bestanden gemaakt" in again.stdout, again.stdout
    assert again.stdout.strip().splitlines()[-1] == "[]"
