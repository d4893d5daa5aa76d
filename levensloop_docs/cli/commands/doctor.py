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

    checks = run_checks(extra=(check_system, check_templates, check_own_templates, check_graphviz))
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


def check_own_templates() -> Check:
    """The region's own templates folder (if one is set) and which templates it overrides."""
    from levensloop_docs.errors import LevensloopError
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.diagnose import Check
    from levensloop_docs.run.overrides import overridden
    from levensloop_docs.templatefolders import own_templates_dir

    label = _("Own templates")
    try:
        own = own_templates_dir()
    except LevensloopError as exc:
        return Check(label, False, " ".join(exc.lines()))
    if own is None:
        return Check(label, True, _("none: every template is the shipped one."))
    if not own.is_dir():
        return Check(label, False, _("the folder {folder} does not exist.").format(folder=own))
    names = overridden(own)
    detail = _("{folder} overrides: {names} ('levensloop sjablonen verschil' shows what an update changed).")
    return Check(label, True, detail.format(folder=own, names=", ".join(names) or "-"))


def check_graphviz() -> Check:
    """Graphviz ('dot') draws the handreiking's stroomschema."""
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.diagnose import Check
    from levensloop_docs.render.stroomschema import graphviz_available

    ok, detail = graphviz_available()
    return Check(_("Graphviz (stroomschema in the handreiking)"), ok, detail)


def check_system() -> Check:
    """Which system and Python, and where the templates, settings and cache are (for IT and support)."""
    import platform
    import sys

    from levensloop_docs.i18n import _
    from levensloop_docs.overview.cache import cache_dir
    from levensloop_docs.pdf.diagnose import Check
    from levensloop_docs.resources import shipped_templates_dir
    from levensloop_docs.templatefolders import settings_path

    supported = sys.version_info >= (3, 11)
    detail = _("{system}, Python {python}; templates in {templates}; settings in {settings}; "
               "cache in {cache}.").format(
        system=platform.platform(terse=True), python=platform.python_version(),
        templates=shipped_templates_dir(), settings=settings_path(), cache=cache_dir(),
    )
    return Check(_("System"), supported, detail)
