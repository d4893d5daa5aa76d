"""``levensloop bewerk CASE``: change parts of an existing case by interview."""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="bewerk")
@click.argument("casus", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--onderdeel", "parts", multiple=True,
              help="Welk onderdeel (herhaalbaar): casus, persoon, juridisch, gegevensdeling, netwerk, "
                   "levensgebieden, scenarios, opschaling, risicotaxatie, evaluatie, incidenten, uitstroom. "
                   "Zonder deze optie kiest u uit een menu.")
@click.option("--hervat", "resume", is_flag=True,
              help="Ga zonder te vragen verder met het concept van een afgebroken interview.")
@click.option("--antwoorden", "answers", type=click.Path(path_type=Path, dir_okay=False),
              help="Neem de antwoorden uit dit YAML-bestand in plaats van te vragen.")
@click.option("--uit", "out_dir", type=click.Path(path_type=Path), default=Path("uitvoer"), show_default=True,
              help="Map voor het levensloopplan als u het na het opslaan meteen laat maken.")
def bewerk(casus: Path, parts: tuple[str, ...], resume: bool, answers: Path | None, out_dir: Path) -> None:
    """Bewerk een casus met een interview; elke vraag begint bij wat er nu staat."""
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker, offer_plan
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.menu import MenuPart
    from levensloop_docs.interview.parts import find_part, part_names

    unknown = [p for p in parts if find_part(p) is None]
    if unknown:
        msg = _("Unknown part '{name}'. Choose from: {known}.")
        raise UsageError(msg.format(name=unknown[0], known=", ".join(part_names())))
    if not casus.exists():
        from levensloop_docs.cli.commands._interview import missing_case

        raise missing_case(casus, "levensloop nieuw", _("Make a new case with 'levensloop nieuw'."))
    asker = make_asker(answers)
    hang_up_as_interrupt()
    chosen = [find_part(p) for p in parts]
    again = " ".join(["levensloop bewerk", str(casus), *(f"--onderdeel {p}" for p in parts), "--hervat"])
    outcome = run_interview([p for p in chosen if p] or [MenuPart], asker, case_path=casus, resume=resume,
                            again=again)
    if outcome.saved and outcome.path is not None:
        offer_plan(asker, outcome.path, out_dir)
