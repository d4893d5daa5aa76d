"""``levensloop aanmelding nieuw`` and ``aanmelding bewerk``: the procesregisseur's interview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from levensloop_docs.interview import Asker, Outcome

_ANSWERS = click.Path(path_type=Path, dir_okay=False)
_OUT_HELP = "Map voor het aanmeldformulier als u het na het opslaan meteen laat maken."


@click.command(name="nieuw")
@click.option("--map", "folder", type=click.Path(path_type=Path, file_okay=False), default=Path("."),
              show_default=True, help="Map waarin het casusbestand komt (CASUSNUMMER.yaml).")
@click.option("--hervat", "resume", is_flag=True,
              help="Ga verder met een eerder afgebroken aanmelding (concept).")
@click.option("--antwoorden", "answers", type=_ANSWERS,
              help="Neem de antwoorden uit dit YAML-bestand in plaats van te vragen.")
@click.option("--uit", "out_dir", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help=_OUT_HELP)
def nieuw(folder: Path, resume: bool, answers: Path | None, out_dir: Path) -> None:
    """Leg een nieuwe aanmelding vast: aanmelder, reden, criteria, overleg en besluit."""
    from levensloop_docs.atomic import ensure_dir
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.aanmelding import PARTS

    asker = make_asker(answers)
    hang_up_as_interrupt()
    ensure_dir(folder)
    again = f"levensloop aanmelding nieuw --map {folder} --hervat"
    check_later = getattr(asker, "given", None)
    if check_later is not None and check_later("doorgaan_met_plan") not in (None, False, "nee", "n"):
        asker.check_later = True  # type: ignore[attr-defined]  # the plan's answers are used after it
    _after_save(asker, run_interview(PARTS, asker, folder=folder, resume=resume, again=again), out_dir)


@click.command(name="bewerk")
@click.argument("casus", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--onderdeel", "parts", multiple=True,
              help="Welk onderdeel (herhaalbaar): aanmelder, reden, persoon, voorgeschiedenis, juridisch, "
                   "criteria, gegevensdeling, overleg, besluit. Zonder deze optie: alle onderdelen.")
@click.option("--hervat", "resume", is_flag=True,
              help="Ga zonder te vragen verder met het concept van een afgebroken interview.")
@click.option("--antwoorden", "answers", type=_ANSWERS,
              help="Neem de antwoorden uit dit YAML-bestand in plaats van te vragen.")
@click.option("--uit", "out_dir", type=click.Path(path_type=Path), default=Path("uitvoer"),
              show_default=True, help=_OUT_HELP)
def bewerk(casus: Path, parts: tuple[str, ...], resume: bool, answers: Path | None, out_dir: Path) -> None:
    """Werk een aanmelding bij, bijvoorbeeld na het aanmeldoverleg; elke vraag begint bij wat er staat."""
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.aanmelding import PARTS, find_part, part_names

    unknown = [p for p in parts if find_part(p) is None or p == "casus"]
    if unknown:
        msg = _("Unknown part '{name}'. Choose from: {known}.")
        known = ", ".join(n for n in part_names() if n != "casus")
        raise UsageError(msg.format(name=unknown[0], known=known))
    if not casus.exists():
        from levensloop_docs.cli.commands._interview import missing_case

        raise missing_case(casus, "levensloop aanmelding nieuw",
                           _("Record a new aanmelding with 'levensloop aanmelding nieuw'."))
    asker = make_asker(answers)
    hang_up_as_interrupt()
    chosen = [p for p in (find_part(name) for name in parts) if p] or [p for p in PARTS if p.name != "casus"]
    again = " ".join(["levensloop aanmelding bewerk", str(casus), *(f"--onderdeel {p}" for p in parts),
                      "--hervat"])
    _after_save(asker, run_interview(chosen, asker, case_path=casus, resume=resume, again=again), out_dir)


def _after_save(asker: Asker, outcome: Outcome, out_dir: Path) -> None:
    """Included: go on with the plan interview (nothing typed twice); otherwise offer the documents."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.cli.commands._interview import offer_plan
    from levensloop_docs.i18n import _
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.aanmelding import plan_parts
    from levensloop_docs.interview.questions import Question

    if not outcome.saved or outcome.path is None:
        return
    aanmelding = load_case(outcome.path).casus.aanmelding
    decided = aanmelding is not None and aanmelding.besluit is not None
    documents = ("aanmeldformulier", "terugkoppeling") if decided else ("aanmeldformulier",)
    offer_plan(asker, outcome.path, out_dir, documents)
    if aanmelding is None or aanmelding.besluit != "geincludeerd":
        return
    label = _("The person is included. Go on with the levensloopplan (network, levensgebieden, "
              "scenarios) now? Person, legal framework and data sharing are kept.")
    if asker.ask(Question("doorgaan_met_plan", "confirm", label, False, back=False)):
        if hasattr(asker, "check_later"):
            asker.check_later = False  # this run uses the rest of the answers file
        parts = plan_parts()
        # a stop goes on with exactly these parts (the menu of a plain 'bewerk' would ask first
        # which parts, and bring the answers back only where the chosen parts meet them)
        command = " ".join(["levensloop bewerk", str(outcome.path), *(f"--onderdeel {p.name}" for p in parts),
                            "--hervat"])
        again = run_interview(parts, asker, case_path=outcome.path, again=command)
        if again.saved:
            offer_plan(asker, outcome.path, out_dir)
