"""The template check works from the installed package alone, and a check that cannot run stops.

An installed wheel has no source checkout beside it: the reference cases that tell the check
which fields exist are shipped inside the package (``_gedeeld/examples``). Without them the
check used to fall back to a warning that ``genereer`` dropped, so a template with a typo
rendered.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from levensloop_docs.run import templatecheck
from levensloop_docs.run.documents import registry
from levensloop_docs.run.templatecheck import check_templates

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, unpacked as pip would install it (a site folder without the checkout)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = out.glob("*.whl")
    site = out / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    return site


def levensloop(site: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LEVENSLOOP_")}
    clean.update({"PYTHONPATH": str(site), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "levensloop_docs", *args], cwd=site.parent, env=clean,
        capture_output=True, text=True, timeout=300, check=False,
    )


def test_the_wheel_ships_the_reference_cases(installed: Path) -> None:
    shipped = {p.name for p in (installed / "levensloop_docs" / "_gedeeld" / "examples").glob("*.yaml")}
    assert shipped == {p.name for p in (ROOT / "examples").glob("*.yaml")}
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LEVENSLOOP_")}
    probe = subprocess.run(
        [sys.executable, "-c", "import levensloop_docs.resources as r; print(r.shared_root())"],
        cwd=installed.parent, env={**clean, "PYTHONPATH": str(installed)}, capture_output=True, text=True,
        check=True,
    )
    assert Path(probe.stdout.strip()) == installed / "levensloop_docs" / "_gedeeld"


def test_the_installed_check_passes_and_uses_the_package(installed: Path) -> None:
    done = levensloop(installed, "sjablonen", "controleer")
    assert done.returncode == 0, done.stderr
    assert "niet gecontroleerd" not in done.stdout + done.stderr


def test_the_installed_genereer_refuses_a_template_with_an_unknown_field(
    installed: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "sjablonen"
    shutil.copytree(installed / "levensloop_docs" / "_gedeeld" / "templates", templates)
    sheet = templates / "partnerinfo" / "casusblad.md"
    sheet.write_text(sheet.read_text("utf-8") + "\n{{ regio.bestaat_niet }}\n", "utf-8")
    case = installed / "levensloop_docs" / "_gedeeld" / "examples" / "detentie-midden-nederland.yaml"
    out = tmp_path / "uit"
    done = levensloop(installed, "genereer", str(case), "--document", "partner:gemeente", "--formaat", "html",
                      "--uit", str(out), env={"LEVENSLOOP_SJABLONEN": str(templates)})
    assert done.returncode == 2, done.stdout + done.stderr
    assert "regio.bestaat_niet" in done.stderr and "Traceback" not in done.stderr
    assert not out.exists() or not any(out.iterdir())


def test_without_reference_cases_the_check_is_an_error_not_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(templatecheck, "default_examples", lambda: [])
    problems = check_templates(registry())
    assert problems and all(not p.warning for p in problems)
    assert all("--voorbeelden" in p.message for p in problems)


def test_genereer_stops_when_the_fields_cannot_be_checked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, run_cli: Any
) -> None:
    monkeypatch.setattr(templatecheck, "default_examples", lambda: [])
    out = tmp_path / "uit"
    result = run_cli("genereer", ROOT / "examples" / "biz-limburg.yaml", "--uit", out)
    assert result.code == 2
    assert "Velden niet gecontroleerd" in result.err
    assert not out.exists() or not any(out.iterdir())
