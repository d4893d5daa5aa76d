"""``levensloop evaluatie CASE``: record one evaluation and set the next plan version.

The interview (``interview/evaluatie.py``) runs on the usual engine: autosave, resume,
lock, ``--antwoorden``. Just before the case is saved, the version it replaces is
archived in ``CASE.geschiedenis/vN.yaml`` (``case/history.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


@click.command(name="evaluatie")
@click.argument("casus", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--hervat", "resume", is_flag=True,
              help="Ga zonder te vragen verder met het concept van een afgebroken interview.")
@click.option("--antwoorden", "answers", type=click.Path(path_type=Path, dir_okay=False),
              help="Neem de antwoorden uit dit YAML-bestand in plaats van te vragen.")
@click.option("--uit", "out_dir", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor het plan en het voortgangsverslag als u ze na het opslaan meteen laat maken.")
def evaluatie(casus: Path, resume: bool, answers: Path | None, out_dir: Path) -> None:
    """Leg een evaluatie vast (levensloopbijeenkomst) en stel de nieuwe planversie vast."""
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker, offer_plan
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.evaluatie import evaluation_parts

    if not casus.exists():
        raise UsageError(_("{file}: the file does not exist.").format(file=casus),
                              hint=_("Make a new case with 'levensloop nieuw'."))
    asker = make_asker(answers)
    if answers is not None and _already_recorded(asker, casus):
        return
    hang_up_as_interrupt()
    outcome = run_interview(evaluation_parts(), asker, case_path=casus, before_save=archive_replaced,
                            resume=resume, again=f"levensloop evaluatie {casus} --hervat")
    if outcome.saved and outcome.path is not None:
        label = _("Make the levensloopplan and the voortgangsverslag now (in {folder})?")
        label = label.format(folder=out_dir)
        offer_plan(asker, outcome.path, out_dir, ("levensloopplan", "voortgangsverslag"), label)


def archive_replaced(loaded: Any) -> None:
    """Keep the version being replaced, exactly as it is on disk (when nobody changed it)."""
    from levensloop_docs.case.casefile import digest_text
    from levensloop_docs.case.history import archive_text
    from levensloop_docs.yamlio import read_text

    text = read_text(loaded.path)
    if digest_text(text) == loaded.digest:  # otherwise the save refuses with a conflict
        archive_text(loaded.path, loaded.casus.meta.planversie, text)


def _already_recorded(asker: Any, casus: Path) -> bool:
    """An answers file whose evaluation the case already holds (same place, same date): a rerun.

    After a kill that came just after saving, the same command runs again; the evaluation
    it describes is then in the case, so nothing is recorded twice (exit 0, and said so).
    """
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.i18n import _, format_date
    from levensloop_docs.model.validators import parse_date

    wanted = asker.given("evaluaties") if hasattr(asker, "given") else None
    if not isinstance(wanted, list) or not wanted or not isinstance(wanted[-1], dict):
        return False
    recorded = load_case(casus).casus.evaluaties
    index = len(wanted) - 1
    if index >= len(recorded):
        return False
    try:
        day = parse_date(wanted[-1].get("datum"))
    except (ValueError, TypeError):
        return False
    if recorded[index].datum != day:
        return False
    asker.say(_("The evaluation of {date} is already in {file}; nothing is recorded again.").format(
        date=format_date(day), file=casus.name))
    return True
