"""Finding LibreOffice (``soffice``) and a Python that can talk to it over UNO.

Both are system dependencies, so a missing one is a normal situation with a Dutch
explanation of how to install it, not a crash. DOCX and HTML never need them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from levensloop_docs.errors import ConversionError
from levensloop_docs.i18n import _

SOFFICE_ENV = "LEVENSLOOP_SOFFICE"
UNO_PYTHON_ENV = "LEVENSLOOP_UNO_PYTHON"

def _linux_places() -> list[Path]:
    return [Path("/usr/bin/soffice"), Path("/usr/lib/libreoffice/program/soffice"),
            Path("/opt/libreoffice/program/soffice"), Path("/snap/bin/libreoffice")]


def _windows_places() -> list[Path]:
    """The installer's folders (64- and 32-bit, per machine and per user) and the registry."""
    from levensloop_docs import platform_os

    roots = [os.environ.get(v) for v in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
    folders = [Path(r) / "LibreOffice" for r in roots if r]
    folders += [Path("C:/Program Files/LibreOffice"), Path("C:/Program Files (x86)/LibreOffice")]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        folders.append(Path(local) / "Programs" / "LibreOffice")
    places = [f / "program" / "soffice.exe" for f in folders]
    return [*platform_os.registered_programs("soffice.exe"), *places]


def _macos_places() -> list[Path]:
    apps = [Path("/Applications"), Path.home() / "Applications"]
    return [a / "LibreOffice.app" / "Contents" / "MacOS" / "soffice" for a in apps]


def known_places() -> list[Path]:
    """Where LibreOffice's installers put soffice on this operating system."""
    from levensloop_docs import platform_os

    if platform_os.WINDOWS:
        return _windows_places()
    if platform_os.MACOS:
        return _macos_places()
    return _linux_places()


def install_hint() -> str:
    """How to install LibreOffice here, in the words of this operating system."""
    from levensloop_docs import platform_os

    if platform_os.WINDOWS:
        how = _("Install LibreOffice: 'winget install --id TheDocumentFoundation.LibreOffice', or the "
                "installer from www.libreoffice.org (its Python and UNO are included).")
    elif platform_os.MACOS:
        how = _("Install LibreOffice: 'brew install --cask libreoffice', or the installer from "
                "www.libreoffice.org into /Applications (its Python and UNO are included).")
    else:
        how = _("Install LibreOffice: on Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui "
                "python3-uno fonts-crosextra-carlito fonts-liberation2'; elsewhere the packages from "
                "www.libreoffice.org.")
    more = _("If soffice is somewhere else, set LEVENSLOOP_SOFFICE to its full path. DOCX and HTML work "
             "without LibreOffice.")
    return f"{how} {more}"


def uno_hint() -> str:
    """What to do when soffice was found but no Python with its 'uno' module."""
    from levensloop_docs import platform_os

    if platform_os.WINDOWS or platform_os.MACOS:
        return _("LibreOffice's own Python was not found beside it: reinstall LibreOffice from "
                 "www.libreoffice.org, or set LEVENSLOOP_UNO_PYTHON to a Python that can 'import uno'.")
    return _("No Python with the 'uno' module; install python3-uno (Debian/Ubuntu).")


def find_soffice() -> Path | None:
    """The soffice program: $LEVENSLOOP_SOFFICE, then PATH, then where the installers put it."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return Path(configured) if Path(configured).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((p for p in known_places() if p.is_file()), None)


def require_soffice() -> Path:
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(_("LibreOffice was not found, so no PDF can be made."), hint=install_hint())
    return soffice


def _has_uno(python: str) -> bool:
    try:
        done = subprocess.run(
            [python, "-c", "import uno"], capture_output=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _candidates(soffice: Path) -> list[str]:
    """LibreOffice's own Python first (Windows: program/python.exe; macOS: Contents/Resources/python)."""
    program = soffice.resolve().parent
    bundled = [program / "python.exe", program / "python", program.parent / "Resources" / "python"]
    out = [str(p) for p in bundled if p.exists()]
    out.append(sys.executable)
    out.extend(p for p in ("/usr/bin/python3", shutil.which("python3")) if p)
    return list(dict.fromkeys(out))


@cache
def find_uno_python(soffice: Path) -> str | None:
    """A Python that can ``import uno``: $LEVENSLOOP_UNO_PYTHON, LibreOffice's own, or the system's."""
    configured = os.environ.get(UNO_PYTHON_ENV)
    if configured:
        return configured if _has_uno(configured) else None
    return next((p for p in _candidates(soffice) if _has_uno(p)), None)


def require_uno_python(soffice: Path) -> str:
    python = find_uno_python(soffice)
    if python is None:
        raise ConversionError(
            _("LibreOffice was found, but no Python with its 'uno' module, so no PDF can be made."),
            hint=install_hint(),
        )
    return python


def soffice_version(soffice: Path) -> str | None:
    """``LibreOffice 7.4.7.2 ...`` as soffice reports it, or None when it does not start."""
    try:
        done = subprocess.run(
            [str(soffice), "--version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    lines = [line for line in done.stdout.splitlines() if "LibreOffice" in line]
    return lines[0].strip() if lines else None
