"""``levensloop aanmelding formulier`` and ``levensloop aanmelding velden``: a ZVH's own PDF form."""

from __future__ import annotations

from pathlib import Path

import click

from levensloop_docs.i18n import _, ngettext

_PDF = click.Path(path_type=Path, dir_okay=False)


@click.command(name="formulier")
@click.argument("casus", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--pdf", "form", type=_PDF, required=True, help="Het lege PDF-formulier van het ZVH.")
@click.option("--koppeling", type=_PDF, required=True,
              help="YAML-bestand: welk formulierveld welk gegeven uit de casus krijgt.")
@click.option("--uit", "target", type=_PDF, default=None,
              help="Waar het ingevulde formulier komt (standaard CASUSNUMMER_NAAM-VAN-FORMULIER.pdf hier).")
@click.option("--plat", is_flag=True,
              help="Maak het formulier plat: de velden zijn daarna niet meer te wijzigen.")
def formulier(casus: Path, form: Path, koppeling: Path, target: Path | None, plat: bool) -> None:
    """Vul het PDF-formulier (AcroForm) van een Zorg- en Veiligheidshuis in met de gegevens van CASUS.

    Voorbeeld: levensloop aanmelding formulier examples/aanmelding-drenthe.yaml
    --pdf examples/formulieren/zvh-aanmeldformulier-voorbeeld.pdf
    --koppeling examples/formulieren/zvh-aanmeldformulier-voorbeeld.koppeling.yaml
    """
    from levensloop_docs.run.formulier import prepare_form
    from levensloop_docs.run.renderrun import RenderRun, render_job

    job = prepare_form(casus, form, koppeling, target, flatten=plat)  # everything checked first
    with RenderRun(out_dir=job.out.parent) as run:
        (written,) = render_job(run, job)
    kind = _("flattened") if plat else _("editable")
    filled = len(job.values)
    click.echo(ngettext("{n} field filled ({kind}): {path}",
                        "{n} fields filled ({kind}): {path}", filled)
                       .format(n=filled, kind=kind, path=written))


@click.command(name="velden")
@click.argument("form", metavar="FORMULIER", type=_PDF)
def velden(form: Path) -> None:
    """Toon de velden van een PDF-formulier (naam, soort, keuzes), om een koppeling te schrijven."""
    from levensloop_docs.run.formulier import list_fields

    fields = list_fields(form)
    width = max(len(f.naam) for f in fields)
    field, kind, options = _("field"), _("kind"), _("options")  # not inside the f-string: extraction
    click.echo(f"{field:<{width}}  {kind:<12}  {options}")
    for f in fields:
        click.echo(f"{f.naam:<{width}}  {f.soort:<12}  {', '.join(f.opties)}")
    click.echo(ngettext("{n} field.", "{n} fields.", len(fields)).format(n=len(fields)))
