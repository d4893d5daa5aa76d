"""``levensloop doctor``: what is installed and does it work (LibreOffice, fonts, texts, templates)."""

from __future__ import annotations

import click


@click.command(name="doctor")
def doctor() -> None:
    """Controleer of alles aanwezig is en werkt: LibreOffice (met een proefomzetting), lettertypen,
    de Nederlandse teksten en de sjablonen."""
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.diagnose import DoctorFailed, run_checks

    checks = run_checks()
    for check in checks:
        mark = _("ok") if check.ok else _("PROBLEM")
        click.echo(f"[{mark}] {check.label}: {check.detail}")
    if not all(check.ok for check in checks):
        raise DoctorFailed(
            _("Not everything works: see the lines marked PROBLEM above."),
            hint=_("DOCX and HTML work without LibreOffice; PDF needs it."),
        )
    click.echo(_("Everything works."))
