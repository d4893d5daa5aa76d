"""The checks behind ``levensloop doctor``: is everything there, and does it really work?

LibreOffice is checked by converting a small test document, not just by finding the
program: the text layer must hold every diacritic the documents use and the font must
be Carlito (metric-compatible with the templates' Calibri) or Calibri itself. A
fallback to DejaVu would change line breaks and the page count.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from levensloop_docs.errors import LevensloopError
from levensloop_docs.i18n import _

SAMPLE_TEXT = "Proef: ë ï é ú û ĳ € 12,50"
SAMPLE_CHARS = ("ë", "ï", "é", "ú", "û", "ĳ", "€")
GOOD_FONTS = ("Carlito", "Calibri")
# An emoji that neither Carlito nor DejaVu has (U+1F37A, beer mug): a font that covers it
# lets LibreOffice draw emoji typed in a case instead of an empty box.
EMOJI_SAMPLE = "\U0001F37A"
EMOJI_PACKAGE = "fonts-symbola"
FALLBACK_FONTS = ("DejaVu",)


@dataclass(frozen=True)
class Check:
    label: str
    ok: bool
    detail: str


def embedded_fonts(pdf: Path) -> set[str]:
    """Base names of the fonts in a PDF, without the subset prefix (``ABCDEF+Carlito`` -> ``Carlito``)."""
    from pypdf import PdfReader

    names: set[str] = set()
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is None:
            continue
        for ref in fonts.get_object().values():
            base = str(ref.get_object().get("/BaseFont", ""))
            names.add(base.lstrip("/").split("+")[-1])
    return names


def pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def font_problem(fonts: set[str]) -> str | None:
    """Why these embedded fonts are wrong for a Calibri template, or None when they are right."""
    fallback = sorted(f for f in fonts if f.startswith(FALLBACK_FONTS))
    if fallback:
        return _("LibreOffice used the fallback font {fonts}; install fonts-crosextra-carlito.").format(
            fonts=", ".join(fallback)
        )
    if not any(f.startswith(GOOD_FONTS) for f in fonts):
        return _("Neither Carlito nor Calibri is in the PDF; install fonts-crosextra-carlito.")
    return None


def write_sample_docx(target: Path) -> None:
    from docx import Document

    doc = Document()
    run = doc.add_paragraph().add_run(SAMPLE_TEXT)
    run.font.name = "Calibri"
    doc.save(str(target))


def check_conversion() -> Check:
    """Convert a Calibri test document and read it back."""
    from levensloop_docs.pdf.converter import Converter

    label = _("Test conversion to PDF")
    with tempfile.TemporaryDirectory(prefix="levensloop-doctor-") as tmp:
        src, pdf = Path(tmp) / "proef.docx", Path(tmp) / "proef.pdf"
        write_sample_docx(src)
        try:
            with Converter(timeout=60) as conv:
                conv.convert(src, pdf)
        except LevensloopError as exc:
            return Check(label, False, " ".join(exc.lines()))
        missing = [c for c in SAMPLE_CHARS if c not in pdf_text(pdf)]
        fonts = embedded_fonts(pdf)
    if missing:
        detail = _("These characters are missing from the PDF text: {chars}.").format(chars=" ".join(missing))
        return Check(label, False, detail)
    problem = font_problem(fonts)
    if problem:
        return Check(label, False, problem)
    detail = _("{chars} are in the PDF; embedded font: {fonts}.").format(
        chars=" ".join(SAMPLE_CHARS), fonts=", ".join(sorted(fonts))
    )
    return Check(label, True, detail)


def check_libreoffice() -> list[Check]:
    from levensloop_docs.pdf.locate import (
        find_soffice,
        find_uno_python,
        install_hint,
        soffice_version,
        uno_hint,
    )

    soffice = find_soffice()
    if soffice is None:
        return [Check("LibreOffice", False, _("Not found.") + " " + install_hint())]
    version = soffice_version(soffice)
    shown = version or _("does not start")
    checks = [Check("LibreOffice", version is not None, f"{shown} ({soffice})")]
    python = find_uno_python(soffice)
    if python is None:
        return [*checks, Check(_("LibreOffice link (UNO)"), False, uno_hint())]
    checks.append(Check(_("LibreOffice link (UNO)"), True, python))
    return [*checks, check_conversion()]


def _fc_match(family: str) -> str | None:
    if shutil.which("fc-match") is None:
        return None
    done = subprocess.run(
        ["fc-match", "-f", "%{family[0]}", family], capture_output=True, text=True, timeout=30, check=False
    )
    return done.stdout.strip() or None


def check_fonts() -> list[Check]:
    if shutil.which("fc-match") is None:
        note = _("Cannot be checked here (no fontconfig); the test conversion shows the font used.")
        return [Check(_("Fonts"), True, note)]
    calibri = _fc_match("Calibri") or "?"
    liberation = _fc_match("Liberation Sans") or "?"
    return [
        Check(_("Font for Calibri"), calibri.startswith(GOOD_FONTS), calibri),
        Check(_("Font Liberation Sans"), liberation.startswith("Liberation"), liberation),
        check_emoji_font(),
    ]


def emoji_fonts() -> list[str]:
    """The installed font families that have a glyph for the sample emoji (fontconfig)."""
    done = subprocess.run(
        ["fc-list", f":charset={ord(EMOJI_SAMPLE):x}", "family"],
        capture_output=True, text=True, timeout=30, check=False,
    )
    return sorted({line.split(",")[0].strip() for line in done.stdout.splitlines() if line.strip()})


def check_emoji_font() -> Check:
    """Without an emoji font, an emoji typed in a case is an empty box in the PDF."""
    label = _("Font for emoji")
    if shutil.which("fc-list") is None:
        return Check(label, True, _("Cannot be checked here (no fontconfig)."))
    families = emoji_fonts()
    if families:
        return Check(label, True, ", ".join(families))
    detail = _("None found: an emoji in a case is printed as an empty box in the PDF. Install {package}.")
    return Check(label, False, detail.format(package=EMOJI_PACKAGE))


def check_catalogs() -> Check:
    from levensloop_docs.resources import locales_dir

    folder = locales_dir() / "nl" / "LC_MESSAGES"
    domains = sorted(mo.stem for mo in folder.glob("*.mo"))
    dutch = _("Stopped.") != "Stopped."
    detail = ", ".join(domains) if dutch else _("the Dutch texts are not loaded")
    return Check(_("Dutch texts (gettext)"), dutch and bool(domains), detail)


CHECKS: tuple[Callable[[], Check | list[Check]], ...] = (
    check_catalogs, check_fonts, check_libreoffice,
)


def run_checks(extra: tuple[Callable[[], Check | list[Check]], ...] = ()) -> list[Check]:
    """Every check in order; ``extra`` (from the layers above, e.g. the templates) come after the texts."""
    out: list[Check] = []
    for check in (CHECKS[0], *extra, *CHECKS[1:]):
        result = check()
        out.extend(result if isinstance(result, list) else [result])
    return out
