"""Writing the disclosure register: one entry per file made for someone outside the case team.

``render_job`` calls ``record_job`` after a job's files are written (the one place every
document passes: ``genereer``, a batch worker, ``bundel``). The audience, basis and groups
come from ``views/disclosure.py``; the storage (append-only, hash chain, repeats counted)
is ``case/register.py``. A bundle renders its parts in a temporary folder: its run collects
the parts (``RenderRun.collect``) and ``record_bundle`` records them under the bundle's name
and hash once the bundle is written.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from levensloop_docs.filehash import sha256_file

if TYPE_CHECKING:
    from levensloop_docs.run.formulier import FormJob
    from levensloop_docs.run.inzage import CasePublication
    from levensloop_docs.run.producers import Output
    from levensloop_docs.run.renderrun import Job, RenderRun
    from levensloop_docs.views.disclosure import Disclosure


def maker() -> str:
    """Who made it: ``naam:`` in the settings file, else the account name."""
    from levensloop_docs.templatefolders import setting

    configured = setting("naam")
    if configured:
        return configured
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        from levensloop_docs.platform_os import user_id

        return user_id() or "?"


def program() -> str:
    from levensloop_docs import __version__

    return f"levensloop-docs {__version__}"


def job_disclosure(run: RenderRun, job: Job) -> Disclosure | None:
    from levensloop_docs.views.disclosure import disclosure

    doc = job.document
    return disclosure(doc.context, job.case.casus, run.vocab, run.today, job.parameter, doc.name)


def record_job(run: RenderRun, job: Output, files: Iterable[Path]) -> None:
    """One register entry per file of ``job`` when it goes outside the case team.

    A case document (``Job``) by its view; the ZVH's own filled form (``FormJob``) always: it
    is made to be sent to the ZVH; the copy for an inzageverzoek as given to the client. A region
    publication holds no case data: not recorded.
    """
    from levensloop_docs.run.formulier import FormJob
    from levensloop_docs.views.disclosure import discloses

    if isinstance(job, FormJob):
        _record_form(job, list(files))
        return
    client_of = getattr(job, "for_client_of", None)  # run.inzage imports the pipeline: no import here
    if client_of is not None:
        _record_inzage(cast("CasePublication", job), client_of, list(files))
        return
    if getattr(job, "document", None) is None:  # a publication (renderrun imports this module)
        return
    job = cast("Job", job)
    if not discloses(job.document.context, job.document.name):
        return
    found = job_disclosure(run, job)
    if found is None:
        return
    if run.collect is not None:  # a bundle: recorded under the bundle's own name later
        run.collect.append((job, found))
        return
    made = list(files)
    _write(job.case.path, [_entry(job, found, path) for path in made], made)


def _record_form(job: FormJob, made: list[Path]) -> None:
    from levensloop_docs.i18n import _
    from levensloop_docs.views.disclosure import zvh_form

    casus = job.case.casus
    found = zvh_form(casus, job.form.name)
    title = _("Registration form of the Zorg- en Veiligheidshuis")  # the form's file: 'parameter'
    entries = []
    for path in made:
        entry = {
            "tijd": datetime.now().astimezone().isoformat(timespec="seconds"),
            "casus_id": casus.meta.casus_id,
            "document": "zvh-formulier", "parameter": job.form.name, "titel": title, "versie": "",
            "planversie": casus.meta.planversie,
            **asdict(found),
            "bestand": path.name, "sha256": sha256_file(path),
            "gemaakt_door": maker(), "programma": program(),
        }
        entries.append((entry, _key(entry, job.case.digest)))
    _write(job.case.path, entries, made)


def _record_inzage(job: CasePublication, case_path: Path, made: list[Path]) -> None:
    """The copy for an inzageverzoek, recorded as given to the client (see the README, "Een
    inzageverzoek"): the data subject's own access is no disclosure to a third party, but the
    answer to it is accounted for (AVG art. 5(2) and 12, NEN 7513 logs access too)."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.views.disclosure import inzage

    case = load_case(case_path)
    casus = case.casus
    found = inzage(casus, job.held_back)
    entries = []
    for path in made:
        entry = {
            "tijd": datetime.now().astimezone().isoformat(timespec="seconds"),
            "casus_id": casus.meta.casus_id,
            "document": "inzage", "parameter": None, "titel": job.title, "versie": "",
            "planversie": casus.meta.planversie,
            **asdict(found),
            "bestand": path.name, "sha256": sha256_file(path),
            "gemaakt_door": maker(), "programma": program(),
        }
        entries.append((entry, _key(entry, case.digest)))
    _write(case.path, entries, made)


def record_bundle(collected: list[tuple[Job, Disclosure]], bundle: Path) -> None:
    """The parts of a bundle that go outside the case team, each under the bundle's file."""
    if collected:
        _write(collected[0][0].case.path, [_entry(job, found, bundle) for job, found in collected], [bundle])


def _write(case_path: Path, entries: list[tuple[dict[str, Any], str]], made: list[Path]) -> None:
    """Into the register; one that cannot be written is said at once, with what was made."""
    from levensloop_docs.case.register import record_many, register_path

    try:
        record_many(case_path, entries)
    except OSError as exc:
        from levensloop_docs.errors import OutputFolderError
        from levensloop_docs.i18n import _

        target = register_path(case_path)
        msg = _("{file}: the disclosure register cannot be updated ({reason}). Made, but not in the "
                "register: {made}.").format(file=target, reason=exc.strerror or exc,
                                            made=", ".join(p.name for p in made))
        hint = _("Make sure you may write in {folder} and make the document again: then it is recorded.")
        raise OutputFolderError(msg, hint=hint.format(folder=target.parent)) from None


def sample_register(run: RenderRun, jobs: Iterable[Job]) -> list[Any]:
    """What a case's register would hold if each of ``jobs`` (every document type and parameter)
    that goes outside the case team were made now: ``sjablonen controleer`` checks the letter's
    fields on a reference case that has no register of its own."""
    from levensloop_docs.case.register import as_verstrekking
    from levensloop_docs.errors import LevensloopError
    from levensloop_docs.views.disclosure import discloses

    out: list[Any] = []
    for job in jobs:
        if not discloses(job.document.context, job.document.name):
            continue
        try:
            found = job_disclosure(run, job)
        except LevensloopError:  # a document the case cannot have (no such partner)
            continue
        if found is not None:
            entry, _key = _entry(job, found, job.target(run.out_dir, "docx"), sha256="")
            out.append(as_verstrekking({**entry, "nummer": len(out) + 1}))
    return out


def _entry(job: Job, found: Disclosure, path: Path, sha256: str | None = None) -> tuple[dict[str, Any], str]:
    """The register entry for one file, and the key that tells a repeat of it."""
    casus, doc = job.case.casus, job.document
    entry: dict[str, Any] = {
        "tijd": datetime.now().astimezone().isoformat(timespec="seconds"),
        "casus_id": casus.meta.casus_id,
        "document": doc.name, "parameter": job.parameter, "titel": doc.title, "versie": doc.version,
        "planversie": casus.meta.planversie,
        **asdict(found),
        "bestand": path.name, "sha256": sha256_file(path) if sha256 is None else sha256,
        "gemaakt_door": maker(), "programma": program(),
    }
    return entry, _key(entry, job.case.digest)


def _key(entry: dict[str, Any], source: str) -> str:
    # the same case file, document, version, audience, basis, groups and file name: the same
    # disclosure made again (its bytes differ: DOCX and PDF carry the time they were made)
    same = {k: entry[k] for k in ("document", "parameter", "versie", "planversie", "publiek",
                                  "grondslag", "gedeeld", "bestand")}
    same["bron"] = source
    return hashlib.sha256(json.dumps(same, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
