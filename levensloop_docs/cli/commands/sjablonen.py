"""``levensloop sjablonen``: a region's own templates: copy one, check them, see what an update changed.

The shipped templates are replaced by every update; a region changes its own copies in a
folder of its own (``LEVENSLOOP_SJABLONEN`` or ``sjablonen:`` in the settings file), which
holds only the files it changed. ``kopieer`` starts one, ``controleer`` checks every
template in use against the case model, ``verschil`` shows what an update of the program
changed in the shipped version of each own template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


@click.group(name="sjablonen")
def sjablonen() -> None:
    """Sjablonen van de documenten: een eigen kopie maken, controleren, en zien wat een update veranderde."""


@sjablonen.command(name="controleer")
@click.option("--voorbeelden", "voorbeelden", type=click.Path(path_type=Path, exists=True), default=None,
              help="Map met casussen om de velden tegen te controleren (standaard: examples/).")
@click.option("--document", "documenten", multiple=True,
              help="Voor een document met een keuze: welke (herhaalbaar), bijvoorbeeld partner:gemeente.")
def controleer(voorbeelden: Path | None, documenten: tuple[str, ...]) -> None:
    """Controleer elk sjabloon: opbouw ({{ }} en {% %}) en velden die een casus niet heeft.

    Meldt per fout het sjabloon en de alinea (Word) of regel (Markdown). Exitcode 2 bij een fout.
    """
    from levensloop_docs.case.casefile import find_case_files
    from levensloop_docs.errors import TemplateProblemError
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.templatecheck import (
        check_publications,
        check_templates,
        publication_templates,
        requested_parameters,
    )

    types = registry()
    _report_own_templates()
    examples = find_case_files(voorbeelden) if voorbeelden else None
    problems = check_templates(types, examples, parameters=requested_parameters(documenten))
    # the leaflets and the handreiking are checked like a case's documents (issue 29, §3)
    problems += check_publications()
    leaflets, chapters = publication_templates()
    n = len(types) + len(leaflets) + len(chapters)
    for problem in problems:
        if problem.warning:
            click.echo(_("Warning: ") + problem.describe(), err=True)
    errors = [p for p in problems if not p.warning]
    if errors:
        bad = len({p.file for p in errors})
        raise TemplateProblemError(
            problems=errors,
            summary=ngettext("{bad} of {n} templates has errors ({e} in total).",
                             "{bad} of {n} templates have errors ({e} in total).", bad).format(
                bad=bad, n=n, e=len(errors)),
            hint=_("Open the template in Word, correct the field between {{ }} or {% %}, and try again."),
        )
    click.echo(ngettext("{n} template checked: no errors.",
                        "{n} templates checked: no errors.", n).format(n=n))


def _report_own_templates() -> None:
    """Which templates come from the region's folder, and files there that replace nothing."""
    from levensloop_docs.i18n import _
    from levensloop_docs.run.overrides import overridden, unused
    from levensloop_docs.templatefolders import own_templates_dir

    own = own_templates_dir()
    if own is None:
        return
    if not own.is_dir():
        click.echo(_("Warning: the folder for own templates does not exist: {folder}.").format(folder=own),
                   err=True)
        return
    names = overridden(own)
    click.echo(_("Own templates from {folder}: {names}.").format(folder=own, names=", ".join(names) or "-"))
    for name in unused(own):
        click.echo(_("Warning: {folder}/{name} replaces no shipped template and is not used. "
                     "Check the name and the folder.").format(folder=own, name=name), err=True)


def _own_folder(naar: Path | None) -> Path:
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.templatefolders import own_templates_dir, settings_path

    folder = naar or own_templates_dir()
    if folder is None:
        msg = _("Name the folder for the region's own templates with --naar MAP, or set it once: "
                "'sjablonen: MAP' in {settings} (or LEVENSLOOP_SJABLONEN=MAP).")
        raise UsageError(msg.format(settings=settings_path()))
    return folder


@sjablonen.command(name="kopieer")
@click.argument("naam")
@click.option("--naar", "naar", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="De map met de eigen sjablonen van de regio (standaard: de ingestelde map).")
@click.option("--overschrijf", is_flag=True, default=False,
              help="Een bestaande eigen kopie vervangen door het meegeleverde sjabloon.")
def kopieer(naam: str, naar: Path | None, overschrijf: bool) -> None:
    """Begin een eigen versie van sjabloon NAAM (een document, bijv. levensloopplan, of een pad
    onder templates/, bijv. partnerinfo/folders/politie.md). Alleen dat bestand komt in de map;
    de rest blijft het meegeleverde sjabloon. Legt vast van welke versie het komt."""
    from datetime import date

    from levensloop_docs.i18n import _
    from levensloop_docs.run.overrides import copy_template
    from levensloop_docs.templatefolders import own_templates_dir, settings_path

    folder = _own_folder(naar)
    target, origin = copy_template(naam, folder, date.today(), overwrite=overschrijf)
    click.echo(_("Copied: {target} (template version {version}, levensloop-docs {program}).").format(
        target=target, version=origin.version or "-", program=origin.program))
    if own_templates_dir() != folder:
        click.echo(_("Not in use yet: set 'sjablonen: {folder}' in {settings} (or LEVENSLOOP_SJABLONEN)."
                     ).format(folder=folder, settings=settings_path()))
    click.echo(_("Edit it in Word (or a text editor), then run: levensloop sjablonen controleer"))


@sjablonen.command(name="verschil")
@click.option("--map", "map_", type=click.Path(path_type=Path, file_okay=False, exists=True), default=None,
              help="De map met de eigen sjablonen (standaard: de ingestelde map).")
def verschil(map_: Path | None) -> None:
    """Toon per eigen sjabloon wat het meegeleverde sjabloon veranderde sinds de versie waar het
    van gekopieerd is: tekst (alinea's en tabelregels) en velden, om over te nemen in Word."""
    from levensloop_docs.i18n import _
    from levensloop_docs.run.overrides import changes

    folder = _own_folder(map_)
    found = changes(folder)
    if not found:
        click.echo(_("There are no own templates in {folder}.").format(folder=folder))
        return
    for change in found:
        click.echo(_describe(change))


def _describe(change: Any) -> str:
    from levensloop_docs.i18n import _

    head = change.relative
    if not change.shipped_exists:
        return _("{name}: an own template without a shipped version (nothing to compare).").format(name=head)
    if change.origin is None:
        return _("{name}: not copied with 'sjablonen kopieer', so its origin is unknown; copy the shipped "
                 "template into another folder to compare.").format(name=head)
    since = _("version {version} of levensloop-docs {program}, copied on {date}").format(
        version=change.origin.version or "-", program=change.origin.program, date=change.origin.copied)
    if not change.changed:
        return _("{name}: the shipped template has not changed since {since}.").format(name=head, since=since)
    lines = [_("{name}: the shipped template changed since {since}:").format(name=head, since=since)]
    lines += [f"  {line}" for line in change.lines]
    if change.fields_added:
        lines.append(_("  New fields: {fields}").format(fields=", ".join(change.fields_added)))
    if change.fields_dropped:
        lines.append(_("  Fields no longer used: {fields}").format(fields=", ".join(change.fields_dropped)))
    return "\n".join(lines)
