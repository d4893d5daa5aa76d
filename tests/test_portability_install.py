"""What an IT department installs: the wheel names its licence (with the full text), its
systems and Python versions, and its platform dependencies; the Windows install script exists.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
from conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
         "-w", str(out), str(ROOT)],
        check=True, capture_output=True, timeout=600,
    )
    (found,) = out.glob("*.whl")
    return found


def _metadata(wheel: Path) -> tuple[object, list[str]]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return Parser().parsestr(zf.read(name).decode("utf-8")), zf.namelist()


def test_the_wheel_carries_the_eupl_text(wheel: Path) -> None:
    meta, names = _metadata(wheel)
    licence = [n for n in names if "/licenses/" in n and n.endswith("LICENSE")]
    assert licence, names
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read(licence[0]).decode("utf-8")
    assert text == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("European Union Public Licence v. 1.2") and "15. Applicable Law" in text
    assert meta["License-Expression"] == "EUPL-1.2"  # type: ignore[index]


def test_the_wheel_names_its_systems_and_pythons(wheel: Path) -> None:
    from trove_classifiers import classifiers as known

    meta, _names = _metadata(wheel)
    claimed = meta.get_all("Classifier")  # type: ignore[attr-defined]
    assert set(claimed) <= known
    for needle in ("Microsoft :: Windows :: Windows 11", "Operating System :: MacOS", "POSIX :: Linux",
                   "Python :: 3.11", "Natural Language :: Dutch"):
        assert any(needle in c for c in claimed), needle
    requires = " ".join(meta.get_all("Requires-Dist"))  # type: ignore[attr-defined]
    assert "psutil" in requires and "platformdirs" in requires


def test_the_windows_install_script_installs_the_wheel_and_libreoffice() -> None:
    script = (ROOT / "scripts" / "installeer.ps1").read_text(encoding="utf-8")
    assert "uv tool install" in script and "TheDocumentFoundation.LibreOffice" in script
    assert "Graphviz.Graphviz" in script  # 'dot' draws the handreiking's stroomschema
    assert "levensloop doctor" in script
    assert script.isascii()  # Windows PowerShell 5.1 reads a script without BOM as the ANSI code page
