"""``levensloop bundel``: several documents of one case in one PDF, optionally encrypted."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click


def ask_password() -> str:
    """The password from LEVENSLOOP_WACHTWOORD, or typed twice without echo; never an argument."""
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.pdf.bundle import PASSWORD_ENV

    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        password = click.prompt(
            _("Password for the PDF"), hide_input=True, confirmation_prompt=True, err=True
        )
    if not password:
        raise UsageError(_("The password is empty; the bundle was not made."))
    return str(password)


@click.command(name="bundel")
@click.argument("casus", type=click.Path(path_type=Path))
@click.option("--document", "documenten", multiple=True,
              help="Welk document (herhaalbaar), in deze volgorde. Zonder deze optie: elk document "
                   "van de casus dat als PDF kan.")
@click.option("--uit", "uit", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help="Map waarin de bundel komt.")
@click.option("--versleutel", is_flag=True,
              help="Versleutel de PDF (AES-256). Het wachtwoord komt uit LEVENSLOOP_WACHTWOORD "
                   "of wordt gevraagd (niet zichtbaar).")
def bundel(casus: Path, documenten: tuple[str, ...], uit: Path, versleutel: bool) -> None:
    """Zet documenten van één casus samen in één PDF, met een bladwijzer per document."""
    from levensloop_docs.atomic import usable_output_dir, write_bytes
    from levensloop_docs.case.casefile import read_case
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.pdf.bundle import merge
    from levensloop_docs.run.disclosures import record_bundle
    from levensloop_docs.run.produce_pdf import bundle_info, bundle_requests, outline_title
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job
    from levensloop_docs.runtmp import run_tmp  # personal data: the run's private folder

    case = read_case(casus)
    usable_output_dir(uit)
    password = ask_password() if versleutel else None
    jobs = plan_jobs(case, list(documenten) or bundle_requests(case), ("pdf",))
    target = uit / f"{case.casus.meta.casus_id}_bundel_v{case.casus.meta.planversie}.pdf"
    with tempfile.TemporaryDirectory(prefix="bundel-", dir=run_tmp()) as tmp:
        # the parts for someone outside the case team go in the register under the bundle's name
        with RenderRun(out_dir=Path(tmp), collect=[]) as run:
            run.start_converter_early()  # LibreOffice starts while the first DOCX renders
            parts = [(outline_title(job), render_job(run, job)[0]) for job in jobs]
        write_bytes(target, merge(parts, bundle_info(case, jobs), password))
        record_bundle(run.collect or [], target)
    click.echo(str(target))
    done = ngettext("{n} document bundled in {file}.", "{n} documents bundled in {file}.", len(parts))
    done = done.format(n=len(parts), file=target)
    click.echo(done + (" " + _("The file is encrypted.") if password else ""))
