"""LibreOffice and its Python found where the Windows and macOS installers put them (fake install trees).

No Windows or macOS here: each test builds the folder tree the installer makes, with small
stand-in programs, and points the platform module at that operating system.
"""

from __future__ import annotations

import stat
import sys
import types
from pathlib import Path

import pytest
from conftest import RunCli


def _program(path: Path, body: str = "exit 0") -> Path:
    """A stand-in program (a shell script): the bundled python.exe 'imports uno' by exiting 0."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def bare(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LibreOffice on the PATH and no settings: only the install folders count."""
    from levensloop_docs.pdf import locate

    empty = tmp_path / "leeg-pad"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    for name in ("LEVENSLOOP_SOFFICE", "LEVENSLOOP_UNO_PYTHON", "ProgramFiles", "ProgramW6432",
                 "ProgramFiles(x86)", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(locate, "_candidates", _bundled_only(locate._candidates))
    locate.find_uno_python.cache_clear()
    return tmp_path


def _bundled_only(real: object) -> object:
    """The system's own python3 (which has uno here) must not hide a missing bundled one."""
    def candidates(soffice: Path) -> list[str]:
        return [p for p in real(soffice) if p != sys.executable and not p.startswith("/usr/")]  # type: ignore[operator]

    return candidates


def _windows(monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs import platform_os

    monkeypatch.setattr(platform_os, "WINDOWS", True)
    monkeypatch.setattr(platform_os, "MACOS", False)


def test_windows_program_files(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs.pdf.locate import find_soffice, find_uno_python

    _windows(monkeypatch)
    program = bare / "Program Files" / "LibreOffice" / "program"
    soffice = _program(program / "soffice.exe")
    python = _program(program / "python.exe")
    monkeypatch.setenv("ProgramFiles", str(bare / "Program Files"))
    assert find_soffice() == soffice
    assert find_uno_python(soffice) == str(python)


def test_windows_per_user_install_in_local_appdata(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs.pdf.locate import find_soffice

    _windows(monkeypatch)
    soffice = _program(bare / "AppData" / "Local" / "Programs" / "LibreOffice" / "program" / "soffice.exe")
    monkeypatch.setenv("LOCALAPPDATA", str(bare / "AppData" / "Local"))
    assert find_soffice() == soffice


def test_windows_registry_app_paths(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Installed on drive D: the registry's App Paths key says where."""
    from levensloop_docs.pdf.locate import find_soffice

    _windows(monkeypatch)
    soffice = _program(bare / "D" / "Apps" / "LibreOffice" / "program" / "soffice.exe")
    app_paths = r"SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\soffice.exe"
    registry = {("HKLM", app_paths): f'"{soffice}"'}

    class Key:
        def __init__(self, where: tuple[str, str]) -> None:
            self.where = where

        def __enter__(self) -> Key:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

    def open_key(hive: str, key: str) -> Key:
        if (hive, key) not in registry:
            raise FileNotFoundError(key)
        return Key((hive, key))

    fake = types.SimpleNamespace(
        HKEY_LOCAL_MACHINE="HKLM", HKEY_CURRENT_USER="HKCU", OpenKey=open_key,
        QueryValueEx=lambda key, name: (registry[key.where], 1),
    )
    monkeypatch.setitem(sys.modules, "winreg", fake)
    assert find_soffice() == soffice


def test_macos_applications(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs import platform_os
    from levensloop_docs.pdf.locate import find_soffice, find_uno_python

    monkeypatch.setattr(platform_os, "WINDOWS", False)
    monkeypatch.setattr(platform_os, "MACOS", True)
    monkeypatch.setenv("HOME", str(bare))  # ~/Applications: installed without admin rights
    contents = bare / "Applications" / "LibreOffice.app" / "Contents"
    soffice = _program(contents / "MacOS" / "soffice")
    python = _program(contents / "Resources" / "python")
    assert find_soffice() == soffice
    assert find_uno_python(soffice) == str(python)


def test_doctor_says_what_it_found_and_what_to_install(
    bare: Path, monkeypatch: pytest.MonkeyPatch, run_cli: RunCli
) -> None:
    from levensloop_docs.pdf import diagnose

    _windows(monkeypatch)
    monkeypatch.setattr(diagnose, "check_conversion", lambda: diagnose.Check("Proef", True, "-"))
    result = run_cli("doctor")
    assert result.code == 1
    assert "winget install --id TheDocumentFoundation.LibreOffice" in result.out
    assert "apt-get" not in result.out
    program = bare / "Program Files" / "LibreOffice" / "program"
    _program(program / "soffice.exe", "echo 'LibreOffice 25.2.7.2 40(Build:2)'")
    monkeypatch.setenv("ProgramFiles", str(bare / "Program Files"))
    result = run_cli("doctor")
    assert "LibreOffice 25.2.7.2" in result.out and str(program / "soffice.exe") in result.out
    assert "eigen Python" in result.out  # found soffice, but no python.exe beside it
    _program(program / "python.exe")
    from levensloop_docs.pdf.locate import find_uno_python

    find_uno_python.cache_clear()
    result = run_cli("doctor")
    assert str(program / "python.exe") in result.out
