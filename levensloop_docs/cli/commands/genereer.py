"""``levensloop genereer``: make the documents of one case or a folder of cases.

One case file: read it (exit 2 with every problem when it is not valid) and make its
documents here, in this process. A folder: the batch (``levensloop_docs.batch``): every
case in parallel, only what changed, a broken case reported without stopping the rest.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def known_formats() -> list[str]:
    """Every format some document in the registry can be made in."""
    from levensloop_docs.run.documents import registry

    return sorted({f for doc in registry().values() for f in doc.formats})


def format_notices(formats: tuple[str, ...] | None, named: list[str], casus: Any = None) -> list[str]:
    """One polite line for the documents that cannot be made in every requested format.

    Documents with the same gap are named together, so a folder says it once, not per case.
    ``casus``: only documents that apply to it (a folder: every document that can apply).
    """
    from levensloop_docs.i18n import format_list, ngettext
    from levensloop_docs.run.documents import parse_document_request, registry

    if not formats:
        return []
    wanted = {parse_document_request(n)[0] for n in named}
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for doc in registry().values():
        if wanted and doc.name not in wanted:
            continue
        if not wanted and (not doc.by_default or (casus is not None and not doc.applies_to(casus))):
            continue
        missing = tuple(f for f in formats if f not in doc.formats)
        if missing:
            chosen = tuple(f for f in formats if f in doc.formats)
            groups.setdefault((missing, chosen), []).append(doc.title)
    lines = []
    for (missing, chosen), titles in groups.items():
        values = {"titles": format_list(titles), "missing": format_list(missing), "made": format_list(chosen)}
        n = len(titles)
        if chosen:
            msg = ngettext("Note: {titles} cannot be made as {missing}; made as {made} instead.",
                           "Note: {titles} cannot be made as {missing}; made as {made} instead.", n)
        else:
            msg = ngettext("Note: {titles} cannot be made as {missing}; skipped.",
                           "Note: {titles} cannot be made as {missing}; skipped.", n)
        lines.append(msg.format(**values))
    return lines


def _note_formats(formats: tuple[str, ...] | None, named: list[str], casus: Any) -> None:
    for line in format_notices(formats, named, casus):
        click.echo(line, err=True)


@click.command(name="genereer")
@click.argument("pad", type=click.Path(path_type=Path))
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help="Map waarin de documenten komen.")
@click.option("--document", "documenten", multiple=True,
              help="Welk document (herhaalbaar), bijvoorbeeld levensloopplan of partner:gemeente. "
                   "Zonder deze optie: elk document dat bij de casus past.")
@click.option("--formaat", "formaat", default=None,
              help="Formaten, met komma's: docx,pdf,html. Standaard: docx.")
@click.option("--geanonimiseerd", "geanonimiseerd", is_flag=True,
              help="Maak het aanmeldformulier zonder naam, geboortedatum, adressen en namen van "
                   "naasten (de versie voor het aanmeld- en inclusieoverleg).")
@click.option("--pdf-a", "pdf_a", is_flag=True,
              help="Maak PDF/A-2b (voor het archief) in plaats van gewone PDF.")
@click.option("--alles", "alles", is_flag=True,
              help="Map: maak alles opnieuw, ook wat niet veranderd is.")
@click.option("--droog", "droog", is_flag=True,
              help="Map: schrijf niets; toon welke bestanden gemaakt zouden worden, en waarom.")
@click.option("--processen", "processen", type=click.IntRange(min=1), default=None,
              help="Map: hoeveel processen tegelijk (standaard: één per processorkern).")
@click.option("--versie", "versie", type=click.IntRange(min=1), default=None,
              help="Eén casus: maak de documenten van een eerdere planversie (uit CASUS.geschiedenis/).")
@click.option("--definitief", "definitief", is_flag=True,
              help="Maak geen CONCEPT: een document waarvoor een veiligheidspunt openstaat, wordt "
                   "niet gemaakt (exitcode 2).")
def genereer(
    pad: Path, uit: Path, documenten: tuple[str, ...], formaat: str | None, pdf_a: bool = False,
    alles: bool = False, droog: bool = False, processen: int | None = None, geanonimiseerd: bool = False,
    versie: int | None = None, definitief: bool = False,
) -> None:
    """Maak de documenten van een casus (of van elke casus in een map).

    Bij een map wordt alleen gemaakt wat veranderd is (casus, sjabloon, gegevens), over alle
    processorkernen tegelijk. Een fout in één casus houdt de andere niet tegen. Een document
    waarvoor een veiligheidspunt openstaat (geen nachtnummer, geen contact bij de kliniek, een
    afgelopen titel) krijgt CONCEPT op elke pagina en de open punten op pagina 1.
    """
    from levensloop_docs.cli.formats import parse_formats

    formats = parse_formats(formaat, known_formats())
    if geanonimiseerd:
        documenten = anonymised(documenten)
    if versie is not None and pad.is_dir():
        from levensloop_docs.errors import UsageError
        from levensloop_docs.i18n import _

        raise UsageError(_("--versie works with one case file, not with a folder."))
    if versie is not None:
        from levensloop_docs.case.history import load_version

        pad = load_version(pad, versie)
    if pad.is_dir():
        _note_formats(formats, list(documenten), None)
        _folder(pad, uit, list(documenten) or None, formats, pdf_a, alles, droog, processen, definitief)
    else:
        _single(pad, uit, list(documenten) or None, formats, pdf_a, definitief)


ANONYMOUS = {"aanmeldformulier": "aanmeldformulier-anoniem"}


def anonymised(documenten: tuple[str, ...]) -> tuple[str, ...]:
    """--geanonimiseerd: the anonymised variant of each named form (no names: the form itself)."""
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _

    if not documenten:
        return tuple(ANONYMOUS.values())
    other = [d for d in documenten if d not in ANONYMOUS and d not in ANONYMOUS.values()]
    if other:
        msg = _("--geanonimiseerd only applies to the aanmeldformulier, not to: {names}.")
        raise UsageError(msg.format(names=", ".join(other)))
    return tuple(ANONYMOUS.get(d, d) for d in documenten)


def _single(
    pad: Path, uit: Path, documenten: list[str] | None, formats: tuple[str, ...] | None, pdf_a: bool,
    definitief: bool = False,
) -> None:
    from levensloop_docs.atomic import usable_output_dir
    from levensloop_docs.case.casefile import read_case
    from levensloop_docs.errors import FileInUseError, UnsafeDocumentError
    from levensloop_docs.i18n import ngettext
    from levensloop_docs.run.renderrun import RenderRun, in_use_all, plan_jobs, render_job

    case = read_case(pad)
    jobs = plan_jobs(case, documenten, formats)
    _note_formats(formats, documenten or [], case.casus)
    _check_templates({j.document.name: j.document for j in jobs})
    usable_output_dir(uit)  # before LibreOffice starts: a wrong --uit is named at once
    written: list[Path] = []
    concepts: list[tuple[list[Path], Any]] = []
    refused: list[UnsafeDocumentError] = []
    blocked: list[Path] = []
    with RenderRun(out_dir=uit, pdf_a=pdf_a, definitive=definitief) as run:
        if any("pdf" in job.formats for job in jobs):
            run.start_converter_early()  # LibreOffice starts while the DOCX files render
        for job in jobs:
            try:  # a refused or blocked document is reported at the end; the others are still made
                files = render_job(run, job)
            except UnsafeDocumentError as exc:
                refused.append(exc)
                continue
            except FileInUseError as exc:  # open in Word: the other documents are still made
                written.extend(exc.done)
                blocked.extend(exc.files)
                continue
            written.extend(files)
            if run.verdict(job).points:
                concepts.append((files, run.verdict(job)))
    for path in written:
        click.echo(str(path))
    click.echo(ngettext("{n} file written to {folder}.",
                        "{n} files written to {folder}.", len(written)).format(n=len(written), folder=uit))
    _report_concepts(concepts)
    if blocked:
        raise in_use_all(blocked, written)
    if refused:
        raise UnsafeDocumentError("\n".join(e.message for e in refused),
                                  hint=next((e.hint for e in refused if e.hint), None))


def _report_concepts(concepts: list[tuple[list[Path], Any]]) -> None:
    """The open points of every CONCEPT document, as page 1 of the document lists them."""
    from levensloop_docs.i18n import ngettext
    from levensloop_docs.run.concept import what_to_do

    for files, verdict in concepts:
        n = len(verdict.points)
        head = ngettext("CONCEPT ({n} open point): {files}", "CONCEPT ({n} open points): {files}", n)
        click.echo(head.format(n=n, files=", ".join(f.name for f in files)))
        for p in verdict.points:
            click.echo(f"  - {p.text}")
            click.echo(f"    {what_to_do()} {p.todo} ({p.field})")
    if concepts:
        n = len(concepts)
        click.echo(ngettext(
            "{n} document is a CONCEPT: complete the case file and make it again "
            "('levensloop controleer' shows every point).",
            "{n} documents are a CONCEPT: complete the case file and make them again "
            "('levensloop controleer' shows every point).", n).format(n=n))


def _check_templates(types: dict[str, object]) -> None:
    from levensloop_docs.errors import TemplateProblemError
    from levensloop_docs.i18n import _
    from levensloop_docs.run.checkcache import checked_templates
    from levensloop_docs.run.documents import DocumentType

    docs = {n: t for n, t in types.items() if isinstance(t, DocumentType)}
    errors = [p for p in checked_templates(docs) if not p.warning]
    if errors:
        summary = _("A template has an error, so nothing was made.")
        raise TemplateProblemError(problems=errors, summary=summary)


def _folder(
    pad: Path, uit: Path, documenten: list[str] | None, formats: tuple[str, ...] | None, pdf_a: bool,
    alles: bool, droog: bool, processen: int | None, definitief: bool = False,
) -> None:
    from levensloop_docs.atomic import usable_output_dir
    from levensloop_docs.batch.progress import for_terminal
    from levensloop_docs.batch.run import BatchOptions, run_batch
    from levensloop_docs.batch.summary import finish

    if not droog:
        usable_output_dir(uit)  # before the workers and LibreOffice start
    options = BatchOptions(
        folder=pad, out_dir=uit, requested=documenten, formats=formats, pdf_a=pdf_a,
        everything=alles, dry_run=droog, workers=processen, definitive=definitief,
    )
    finish(run_batch(options, for_terminal()), options)
