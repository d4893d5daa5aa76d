"""``levensloop notuleer MAP --datum D``: the minutes of a meeting, item by item, into the cases.

The items are those of ``levensloop agenda`` for the same meeting (and those already
recorded for it). Each case is one run of the interview engine (``interview/notulen.py``):
its own lock and draft, saved with the one writer. ``--antwoorden`` takes a YAML file with
one section per case id, shaped like the case file (``overleggen: [{besluit: ...}]``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from levensloop_docs.interview import Asker
    from levensloop_docs.interview.notulen import Punt
    from levensloop_docs.overview.agenda import Meeting


@click.command(name="notuleer")
@click.argument("map_", metavar="MAP", type=click.Path(path_type=Path))
@click.option("--datum", "datum", required=True, help="De dag van het overleg, bijvoorbeeld 10-12-2026.")
@click.option("--vorige", "vorige", default=None,
              help="De dag van het vorige overleg (standaard twee weken eerder), zoals bij 'agenda'.")
@click.option("--volgende", "volgende", default=None,
              help="De dag van het volgende overleg (standaard twee weken later), zoals bij 'agenda'.")
@click.option("--regio", "regio", default=None, help="Alleen casussen van deze regio.")
@click.option("--overleg", "overleg", default="levensloopteam", show_default=True,
              help="De naam van het overleg, bijvoorbeeld 'aanmeldtafel'.")
@click.option("--hervat", "resume", is_flag=True,
              help="Ga zonder te vragen verder met het concept van een afgebroken interview.")
@click.option("--antwoorden", "answers", type=click.Path(path_type=Path, dir_okay=False),
              help="Neem de antwoorden uit dit YAML-bestand (per casusnummer) in plaats van te vragen.")
def notuleer(map_: Path, datum: str, vorige: str | None, volgende: str | None, regio: str | None,
             overleg: str, resume: bool, answers: Path | None) -> None:
    """Leg per agendapunt het verslag vast in de casus: wie er was, het besluit, wie wat doet.

    Een punt dat niet besproken is, slaat u over. Elk antwoord wordt meteen bewaard;
    na een onderbreking gaat u verder met dezelfde opdracht.
    """
    from levensloop_docs.cli.commands._interview import hang_up_as_interrupt, make_asker
    from levensloop_docs.cli.commands._overzicht import make_meeting

    meeting = make_meeting(datum, vorige, volgende, regio)
    asker = make_asker(answers)
    hang_up_as_interrupt()
    record_meeting(map_, meeting, overleg, regio, asker, datum, resume=resume)


def record_meeting(map_: Path, meeting: Meeting, overleg: str, regio: str | None, asker: Asker,
                   datum: str, resume: bool = False) -> int:
    """Every case with an item in the meeting, one interview run each; the number saved."""
    from datetime import date

    from levensloop_docs.cli.commands._overzicht import report_skipped
    from levensloop_docs.i18n import _, ngettext
    from levensloop_docs.overview.cases import load_folder
    from levensloop_docs.overview.verslag import meeting_items, read_whole

    found = load_folder(map_, date.today())  # validated as controleer does: on today
    report_skipped(found)
    items = meeting_items(found.cases, meeting, regio)
    found, paths = read_whole(map_, found, {i.casus_id for i in items}, date.today())
    count = ngettext("{n} item on the agenda.", "{n} items on the agenda.", len(items))
    asker.say(count.format(n=len(items)))
    punten = _punten(items)
    _only_known_cases(asker, set(punten))
    saved = 0
    for casus_id, own in punten.items():
        if casus_id not in paths:  # changed since it was read: controleer names the problem
            continue
        saved += _record(casus_id, own, paths[casus_id], _for_case(asker, casus_id), meeting, overleg,
                         (map_, datum), resume)
    asker.say(ngettext("Minutes saved in {n} case.", "Minutes saved in {n} cases.", saved).format(n=saved))
    how = _("The minutes as a document: levensloop agenda {folder} --datum {day} --verslag")
    asker.say(how.format(folder=map_, day=datum))
    return saved


def _punten(items: list[Any]) -> dict[str, list[Punt]]:
    """The items per case, in the order of the agenda; numbered as on the agenda."""
    from levensloop_docs.interview.notulen import Punt
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.agenda_document import explanation, kind_labels

    vocab, kinds = load_vocabularies(), kind_labels()
    grouped: dict[str, list[Punt]] = {}
    for n, item in enumerate(items, start=1):
        title = f"{n}. {kinds[item.kind]}: {item.casus_id}"
        grouped.setdefault(item.casus_id, []).append(
            Punt(n, item.kind, title, explanation(item, vocab), item.organisations))
    return grouped


def _only_known_cases(asker: Asker, known: set[str]) -> None:
    """An answers file names only cases on this meeting's agenda: another section would be dropped."""
    from levensloop_docs.i18n import _
    from levensloop_docs.interview.answers import AnswersFileAsker

    if isinstance(asker, AnswersFileAsker):
        asker.check_sections(known, _("this case is not on the agenda of this meeting (an unknown or "
                                      "misspelled case number, or another day or region)."))


def _for_case(asker: Asker, casus_id: str) -> Asker:
    """An answers file has one section per case; a person at the terminal answers them all."""
    from levensloop_docs.interview.answers import AnswersFileAsker

    if not isinstance(asker, AnswersFileAsker):
        return asker
    section = asker.answers.get(casus_id)
    source = Path(f"{asker.source} ({casus_id})")  # the file and the section, in every message
    return AnswersFileAsker(section if isinstance(section, dict) else {}, source, quiet=asker.quiet,
                            file=asker.file, section=casus_id)


def _record(casus_id: str, punten: list[Punt], path: Path, asker: Asker, meeting: Any, overleg: str,
            again: tuple[Path, str], resume: bool = False) -> int:
    from levensloop_docs.errors import Interrupted
    from levensloop_docs.i18n import _
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.notulen import Vergadering, minutes_parts

    asker.say("")
    asker.say(_("== Case {id} ==").format(id=casus_id))
    try:
        parts = minutes_parts(punten, Vergadering(meeting.datum, overleg))
        command = f"levensloop notuleer {again[0]} --datum {again[1]} --hervat"
        outcome = run_interview(parts, asker, case_path=path, again=command, resume=resume)
    except Interrupted as stopped:
        how = _("Continue later with: {command}").format(command=command)
        raise Interrupted(stopped.message, hint=how) from None
    return int(outcome.saved)
