"""``levensloop nieuw``: make a new case by interview (or from an answers file)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="nieuw")
@click.option("--map", "folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Map waarin het casusbestand komt (CASUSNUMMER.yaml).")
@click.option("--hervat", "resume", is_flag=True,
              help="Ga verder met een eerder afgebroken interview (concept).")
@click.option("--antwoorden", "answers", type=click.Path(path_type=Path, dir_okay=False),
              help="Neem de antwoorden uit dit YAML-bestand in plaats van te vragen.")
@click.option("--uit", "out_dir", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor het levensloopplan als u het na het opslaan meteen laat maken.")
def nieuw(folder: Path, resume: bool, answers: Path | None, out_dir: Path) -> None:
    """Maak een nieuwe casus met een interview: elk antwoord wordt meteen bewaard."""
    from levensloop_docs.atomic import ensure_dir
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker, offer_plan
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.parts import PARTS

    asker = make_asker(answers)
    hang_up_as_interrupt()
    ensure_dir(folder)
    outcome = run_interview(PARTS, asker, folder=folder, resume=resume)
    if outcome.saved and outcome.path is not None:
        offer_plan(asker, outcome.path, out_dir)
