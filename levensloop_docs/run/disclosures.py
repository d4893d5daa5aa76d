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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def job_disclosure(run: RenderRun, job: Job) -> Disclosure | None:
    from levensloop_docs.views.disclosure import disclosure

    doc = job.document
    return disclosure(doc.context, job.case.casus, run.vocab, run.today, job.parameter)


def record_job(run: RenderRun, job: Job, files: Iterable[Path]) -> None:
    """One register entry per file of ``job`` when it goes outside the case team."""
    from levensloop_docs.views.disclosure import discloses

    if not discloses(job.document.context):
        return
    found = job_disclosure(run, job)
    if found is None:
        return
    if run.collect is not None:  # a bundle: recorded under the bundle's own name later
        run.collect.append((job, found))
        return
    for path in files:
        _record(job, found, path)


def record_bundle(collected: list[tuple[Job, Disclosure]], bundle: Path) -> None:
    """The parts of a bundle that go outside the case team, each under the bundle's file."""
    for job, found in collected:
        _record(job, found, bundle)


def _record(job: Job, found: Disclosure, path: Path) -> None:
    from levensloop_docs.case.register import record

    casus, doc = job.case.casus, job.document
    entry: dict[str, Any] = {
        "tijd": datetime.now().astimezone().isoformat(timespec="seconds"),
        "casus_id": casus.meta.casus_id,
        "document": doc.name, "parameter": job.parameter, "titel": doc.title, "versie": doc.version,
        "planversie": casus.meta.planversie,
        **asdict(found),
        "bestand": path.name, "sha256": sha256_of(path),
        "gemaakt_door": maker(), "programma": program(),
    }
    # the same case file, document, version, audience, basis, groups and file name: the same
    # disclosure made again (its bytes differ: DOCX and PDF carry the time they were made)
    same = {k: entry[k] for k in ("document", "parameter", "versie", "planversie", "publiek",
                                  "grondslag", "gedeeld", "bestand")}
    same["bron"] = job.case.digest
    key = hashlib.sha256(json.dumps(same, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    record(job.case.path, entry, key)
