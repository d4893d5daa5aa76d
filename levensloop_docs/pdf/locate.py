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

# Where the official installers put LibreOffice when it is not on PATH.
_KNOWN_SOFFICE = (
    Path("/usr/bin/soffice"),
    Path("/usr/lib/libreoffice/program/soffice"),
    Path("/opt/libreoffice/program/soffice"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
    Path("C:/Program Files/LibreOffice/program/soffice.exe"),
    Path("C:/Program Files (x86)/LibreOffice/program/soffice.exe"),
)


def install_hint() -> str:
    return _(
        "Install LibreOffice: on Debian/Ubuntu 'sudo apt-get install libreoffice-writer-nogui "
        "python3-uno fonts-crosextra-carlito fonts-liberation2'; on Windows or macOS the installer "
        "from www.libreoffice.org. If soffice is not on the PATH, set LEVENSLOOP_SOFFICE to its full "
        "path. DOCX and HTML work without LibreOffice."
    )


def find_soffice() -> Path | None:
    """The soffice program: $LEVENSLOOP_SOFFICE, then PATH, then the usual install folders."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured:
        return Path(configured) if Path(configured).exists() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return next((p for p in _KNOWN_SOFFICE if p.exists()), None)


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
    program = soffice.resolve().parent
    bundled = [program / "python", program / "python.exe", program.parent / "Resources" / "python"]
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
