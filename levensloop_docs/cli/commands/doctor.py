"""``levensloop doctor``: what is installed and does it work (LibreOffice, fonts, texts, templates)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from levensloop_docs.pdf.diagnose import Check


@click.command(name="doctor")
def doctor() -> None:
    """Controleer of alles aanwezig is en werkt: LibreOffice (met een proefomzetting), lettertypen,
    de Nederlandse teksten en de sjablonen."""
    from levensloop_docs.errors import DoctorFailed
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.diagnose import run_checks

    checks = run_checks(extra=(check_system, check_templates))
    for check in checks:
        mark = _("ok") if check.ok else _("PROBLEM")
        click.echo(f"[{mark}] {check.label}: {check.detail}")
    if not all(check.ok for check in checks):
        raise DoctorFailed(
            _("Not everything works: see the lines marked PROBLEM above."),
            hint=_("DOCX and HTML work without LibreOffice; PDF needs it."),
        )
    click.echo(_("Everything works."))


def check_templates() -> Check:
    """The templates manifest reads and every template file in it exists."""
    from levensloop_docs.errors import LevensloopError
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.diagnose import Check
    from levensloop_docs.run.documents import manifest_path, registry

    label = _("Templates manifest")
    try:
        types = registry()
    except LevensloopError as exc:
        return Check(label, False, " ".join(exc.lines()))
    missing = [d.name for d in types.values() if not d.template.exists()]
    if missing:
        return Check(label, False, _("Template file missing for: {names}.").format(names=", ".join(missing)))
    detail = _("document types in {file}: {names}.").format(file=manifest_path(), names=", ".join(types))
    return Check(label, True, detail)


def check_system() -> Check:
    """Which system and Python, and where this user's templates and cache are (for IT and support)."""
    import platform
    import sys

    from levensloop_docs.i18n import _
    from levensloop_docs.overview.cache import cache_dir
    from levensloop_docs.pdf.diagnose import Check
    from levensloop_docs.resources import templates_dir

    supported = sys.version_info >= (3, 11)
    detail = _("{system}, Python {python}; templates in {templates}; cache in {cache}.").format(
        system=platform.platform(terse=True), python=platform.python_version(),
        templates=templates_dir(), cache=cache_dir(),
    )
    return Check(_("System"), supported, detail)
