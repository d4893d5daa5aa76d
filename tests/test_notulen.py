"""levensloop notuleer: the minutes of a meeting, per item, into the case files; and read back.

Real prompts (prompt_toolkit pipe input), an answers file through the CLI, the one writer
(only touched lines change, mode 0600), resume after Ctrl-C, and the agenda/verslag
document read back with python-docx.
"""

from __future__ import annotations

import html
import stat
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _interview_keys import CTRL_C, DONE, ENTER, NO, YES, lines, pick, tick, typed
from _overview_cases import case_data
from conftest import RunCli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from ruamel.yaml import YAML

from levensloop_docs.case.casefile import load_case
from levensloop_docs.errors import Interrupted
from levensloop_docs.interview.draft import draft_path
from levensloop_docs.overview.agenda import KINDS, Meeting

MEETING = Meeting(date(2026, 12, 10), date(2026, 11, 26), date(2026, 12, 24))
DAY = "10-12-2026"
PARTNERS = [
    {"id": "forfact", "rol": "levensloopaanbieder", "organisatie": "ForFACT Noord (voorbeeld)"},
    {"id": "gemeente", "rol": "gemeente", "organisatie": "Gemeente Assen (voorbeeld)"},
]
COMMENT = "# Verzonnen casus voor de test van het verslag; dit commentaar blijft staan.\n"
REGISTRATION, PLAN = "SYN-2026-00001", "SYN-2026-00003"


def _write(folder: Path, number: int, **kwargs: Any) -> Path:
    """A case file with a comment on top, as a person keeps it (the writer must keep it)."""
    from levensloop_docs.yamlio import dump_yaml

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"syn-{number:05d}.yaml"
    path.write_text(COMMENT + dump_yaml(case_data(number, **kwargs)), encoding="utf-8")
    return path


def meeting_folder(tmp_path: Path) -> Path:
    """Two items: a new registration (case 1) and a plan to be set (case 3)."""
    folder = tmp_path / "casussen"
    _write(folder, 1, status="aangemeld", aangemeld=date(2026, 11, 30), **{"netwerk.partners": PARTNERS})
    _write(folder, 3, status="geincludeerd", besluit="geincludeerd", besluit_datum=date(2026, 6, 1),
           **{"netwerk.partners": PARTNERS})
    return folder


def _record(folder: Path, keys: str) -> int:
    """The command's own loop, with real questionary prompts reading ``keys``."""
    from levensloop_docs.cli.commands.notuleer import record_meeting
    from levensloop_docs.interview.prompts import PromptAsker

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        return record_meeting(folder, MEETING, "levensloopteam", None, PromptAsker(), DAY)


def _plan_keys() -> list[str]:
    """Item 2 (the plan of case 3): discussed, two organisations, not set, a decision, one agreement."""
    return [
        ENTER,  # discussed: yes (the default)
        tick("ForFACT", "Gemeente"), lines(),  # organisations; no others
        typed("casusregisseur"), typed("beleidsmedewerker zorg"),
        NO,  # the plan was not set in this meeting
        lines("Plan terug naar het netwerk; <b>eerst</b> de # risicotaxatie."),
        pick("+ Toevoegen"), pick("Gemeente Assen"), typed("Woning zoeken | met *urgentie*"),
        typed("15-1-2027"), DONE,
        ENTER,  # save: yes
    ]  # fmt: skip


def test_real_prompts_one_item_skipped_one_recorded(tmp_path: Path) -> None:
    folder = meeting_folder(tmp_path)
    registration, plan = folder / "syn-00001.yaml", folder / "syn-00003.yaml"
    before_reg, before_plan = registration.read_bytes(), plan.read_text(encoding="utf-8")
    saved = _record(folder, NO + "".join(_plan_keys()))  # item 1 (the registration): not discussed
    assert saved == 1
    assert registration.read_bytes() == before_reg  # not discussed: nothing written
    casus = load_case(plan).casus
    [verslag] = casus.overleggen
    assert (verslag.datum, verslag.soort) == (MEETING.datum, "plan")
    assert [(a.organisatie, a.functie) for a in verslag.aanwezigen] == [
        ("ForFACT Noord (voorbeeld)", "casusregisseur"),
        ("Gemeente Assen (voorbeeld)", "beleidsmedewerker zorg")]
    assert verslag.besluit == "Plan terug naar het netwerk; <b>eerst</b> de # risicotaxatie."
    [afspraak] = verslag.afspraken
    assert (afspraak.wie, afspraak.wat, afspraak.wanneer) == ("gemeente", "Woning zoeken | met *urgentie*",
                                                               date(2027, 1, 15))
    assert casus.meta.vastgesteld is None  # not set: the plan's own fields are untouched
    after = plan.read_text(encoding="utf-8")
    assert after.startswith(COMMENT)
    assert after.splitlines()[: len(before_plan.splitlines())] == before_plan.splitlines()  # only added
    assert stat.S_IMODE(plan.stat().st_mode) == 0o600
    assert not draft_path(plan).exists()


def test_interrupted_then_resumed_keeps_every_answer(tmp_path: Path) -> None:
    folder = meeting_folder(tmp_path)
    plan = folder / "syn-00003.yaml"
    keys = _plan_keys()
    with pytest.raises(Interrupted) as stopped:
        _record(folder, NO + "".join(keys[:5]) + CTRL_C)  # stopped after the two functions
    assert "levensloop notuleer" in (stopped.value.hint or "")
    draft = draft_path(plan)
    assert "beleidsmedewerker zorg" in draft.read_text(encoding="utf-8")
    assert "overleggen" not in plan.read_text(encoding="utf-8")
    # again: the registration is still not discussed; the draft is taken up, the rest answered
    saved = _record(folder, NO + YES + "".join(keys[5:]))
    assert saved == 1
    [verslag] = load_case(plan).casus.overleggen
    assert [a.functie for a in verslag.aanwezigen] == ["casusregisseur", "beleidsmedewerker zorg"]
    assert verslag.afspraken[0].wie == "gemeente"
    assert not draft.exists()


def _answers(tmp_path: Path, agreements: list[dict[str, Any]]) -> Path:
    data = {
        REGISTRATION: {
            "overleggen": [{
                "besproken": "ja", "organisaties": ["Gemeente Assen (voorbeeld)"],
                "andere_organisaties": ["Wijkteam Assen (voorbeeld)"],
                "aanwezigen": [{"functie": "beleidsmedewerker"}, {"functie": "wijkcoach"}],
                "afspraken": agreements,
            }],
            "aanmelding": {"besluit": "aangehouden", "besluit_toelichting": "Eerst een risicotaxatie."},
        },
        PLAN: {"overleggen": [{"besproken": "nee"}]},
    }  # fmt: skip
    target = tmp_path / "verslag.yaml"
    with target.open("w", encoding="utf-8") as fh:
        YAML().dump(data, fh)
    return target


def test_answers_file_keeps_the_decision_in_the_aanmelding(tmp_path: Path, run_cli: RunCli) -> None:
    folder = meeting_folder(tmp_path)
    registration = folder / "syn-00001.yaml"
    before = registration.read_text(encoding="utf-8").splitlines()
    agreement = {"wie": "forfact", "wat": "Risicotaxatie laten doen.", "wanneer": "7-1-2027"}
    answers = _answers(tmp_path, [agreement])
    result = run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers)
    assert result.code == 0, result.err
    assert "Verslag opgeslagen in 1 casus." in result.out
    casus = load_case(registration).casus
    a = casus.aanmelding
    assert a is not None and a.overleg is not None
    # one fact in one place: the decision and the attendance are the aanmelding's own
    assert (a.besluit, a.besluit_toelichting, a.overleg.datum) == ("aangehouden", "Eerst een risicotaxatie.",
                                                                   MEETING.datum)
    assert a.overleg.deelnemers == ["Gemeente Assen (voorbeeld): beleidsmedewerker",
                                    "Wijkteam Assen (voorbeeld): wijkcoach"]
    assert casus.meta.status == "aangehouden"
    [verslag] = casus.overleggen
    assert (verslag.soort, verslag.besluit, verslag.aanwezigen) == ("aanmelding", "", [])
    assert verslag.afspraken[0].wat == "Risicotaxatie laten doen."
    after = registration.read_text(encoding="utf-8").splitlines()
    assert after[0] == COMMENT.strip()
    assert [line for line in before if line not in after] == ["  status: aangemeld"]  # the one changed line
    assert stat.S_IMODE(registration.stat().st_mode) == 0o600
    # the meeting's document: the decided registration stays on it, with its minutes
    out = tmp_path / "uit"
    result = run_cli("agenda", folder, "--datum", DAY, "--regio", "drenthe", "--verslag", "--uit", out,
                     "--formaat", "docx")
    assert result.code == 0, result.err
    _check_verslag_docx(out / "verslag-drenthe-2026-12-10.docx")


def _check_verslag_docx(path: Path) -> None:
    from docx import Document

    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Verslag levensloopteam"
    assert "1. Aanmelding: SYN-2026-00001" in texts and "Niet besproken." in texts
    cells = [[c.text for c in row.cells] for t in doc.tables for row in t.rows]
    assert ["Wijkteam Assen (voorbeeld)", "wijkcoach"] in cells
    assert ["Aangehouden\nEerst een risicotaxatie."] in cells
    assert ["ForFACT Noord (voorbeeld)", "Risicotaxatie laten doen.", "07-01-2027"] in cells


def test_unknown_partner_is_a_dutch_error_with_the_field_and_nothing_is_written(
    tmp_path: Path, run_cli: RunCli
) -> None:
    folder = meeting_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    answers = _answers(tmp_path, [{"wie": "forfact", "wat": "Risicotaxatie."},
                                  {"wie": "reclassering", "wat": "Advies."}])
    result = run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers)
    assert result.code == 2
    assert "overleggen[0].afspraken[1].wie" in result.err and "Kies uit" in result.err
    # the unknown partner id is named with its line and case (issue 26)
    rows = answers.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(rows, 1) if "reclassering" in row)
    assert f"{answers}:{line} ({REGISTRATION}): overleggen[0].afspraken[1].wie: Kies uit" in result.err
    assert "Traceback" not in result.err
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # no case, no draft


def test_controleer_names_an_unknown_partner_and_a_copied_decision(tmp_path: Path, run_cli: RunCli) -> None:
    folder = tmp_path / "c"
    agreements = [{"wie": "forfact", "wat": "Bellen."}, {"wie": "wijk", "wat": "Bezoek."}]
    minutes = [{"datum": date(2026, 12, 10), "soort": "aanmelding", "besluit": "Geïncludeerd.",
                "afspraken": agreements}]
    _write(folder, 1, status="aangemeld", aangemeld=date(2026, 11, 30),
           **{"netwerk.partners": PARTNERS, "overleggen": minutes})
    result = run_cli("controleer", folder)
    assert result.code == 2
    assert "overleggen[0].afspraken[1].wie" in result.err
    assert "overleggen[0].besluit" in result.err and "aanmelding.besluit" in result.err


def test_agenda_kinds_are_the_minutes_kinds() -> None:
    from levensloop_docs.model.casus import Agendasoort

    assert typing.get_args(Agendasoort) == KINDS


def test_the_cache_keeps_no_minutes_text(tmp_path: Path, run_cli: RunCli, monkeypatch: Any) -> None:
    """Privacy: the overview cache knows that there are minutes, never what they say."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = meeting_folder(tmp_path)
    answers = _answers(tmp_path, [{"wie": "forfact", "wat": "GEHEIM-AFSPRAAK", "wanneer": "7-1-2027"}])
    assert run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers).code == 0
    out = tmp_path / "uit"
    assert run_cli("agenda", folder, "--datum", DAY, "--regio", "drenthe", "--uit", out,
                   "--formaat", "html").code == 0
    [cache] = (tmp_path / "cache").rglob("*.json")
    text = cache.read_text(encoding="utf-8")
    assert "overleggen" in text and "GEHEIM-AFSPRAAK" not in text and "wijkcoach" not in text
    assert "GEHEIM-AFSPRAAK" in (out / "agenda-drenthe-2026-12-10.html").read_text(encoding="utf-8")


# -- free text stays data in the document ----------------------------------------------------

FREE_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda s: s.strip() == s and s != "")


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(besluit=FREE_TEXT, wat=FREE_TEXT)
def test_free_text_of_the_minutes_is_data_in_docx_and_html(tmp_path: Path, besluit: str, wat: str) -> None:
    from docx import Document

    from levensloop_docs.model.casus import Casus
    from levensloop_docs.overview.agenda_document import agenda_publication
    from levensloop_docs.overview.cases import CaseSet
    from levensloop_docs.overview.documents import write_publication
    from levensloop_docs.overview.verslag import meeting_items

    network: dict[str, Any] = {"netwerk.partners": PARTNERS}
    data = case_data(3, status="geincludeerd", besluit="geincludeerd", besluit_datum=date(2026, 6, 1),
                     **network)
    data["overleggen"] = [{"datum": MEETING.datum, "soort": "plan", "besluit": besluit,
                           "aanwezigen": [{"organisatie": "Gemeente Assen (voorbeeld)"}],
                           "afspraken": [{"wie": "forfact", "wat": wat}]}]
    found = CaseSet(cases=[Casus.model_validate(data)])
    # named: this test is about free text staying data; pseudonymising it is test_agenda's
    pub = agenda_publication(meeting_items(found.cases, MEETING), MEETING, found, None, "levensloopteam",
                             verslag=True, named=True)
    out = tmp_path / f"out-{abs(hash((besluit, wat)))}"
    write_publication(pub, ("html", "docx"), out, {})
    page = (out / "verslag-2026-12-10-met-namen.html").read_text(encoding="utf-8")
    assert html.escape(besluit, quote=True) in page and html.escape(wat, quote=True) in page
    doc = Document(str(out / "verslag-2026-12-10-met-namen.docx"))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert besluit in cells and wat in cells


def test_a_registration_after_the_meeting_is_not_on_its_agenda(tmp_path: Path) -> None:
    """The verslag of a past meeting: a case registered later was no item then (was: 'wacht -28 dagen')."""
    from levensloop_docs.overview.agenda import agenda_items

    folder = tmp_path / "c"
    _write(folder, 1, status="aangemeld", aangemeld=date(2026, 12, 11))  # the day after the meeting
    _write(folder, 2, status="aangemeld", aangemeld=date(2026, 12, 10))  # on the day itself
    cases = [load_case(p).casus for p in sorted(folder.glob("*.yaml"))]
    assert [i.casus_id for i in agenda_items(cases, MEETING)] == ["SYN-2026-00002"]


def test_a_plan_set_in_the_meeting_goes_to_the_plan_and_a_second_run_edits_the_same_minutes(
    tmp_path: Path, run_cli: RunCli
) -> None:
    folder = meeting_folder(tmp_path)
    plan = folder / "syn-00003.yaml"

    def answers(decision: str) -> Path:
        data = {REGISTRATION: {"overleggen": [{"besproken": "nee"}]},
                PLAN: {"overleggen": [{"besproken": "ja", "organisaties": ["ForFACT Noord (voorbeeld)"],
                                       "aanwezigen": [{"functie": "casusregisseur"}],
                                       "plan_vastgesteld": "ja", "besluit": decision}]}}  # fmt: skip
        target = tmp_path / "plan.yaml"
        with target.open("w", encoding="utf-8") as fh:
            YAML().dump(data, fh)
        return target

    assert run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers("Eerste versie.")).code == 0
    assert run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers("Vastgesteld.")).code == 0
    casus = load_case(plan).casus
    assert (casus.meta.vastgesteld, casus.meta.vastgesteld_in) == (MEETING.datum, "levensloopteam")
    assert casus.meta.aanwezig == ["ForFACT Noord (voorbeeld): casusregisseur"]
    [verslag] = casus.overleggen  # the second run changed the minutes of this meeting, added none
    assert (verslag.besluit, verslag.aanwezigen) == ("Vastgesteld.", [])
    out = tmp_path / "uit"
    assert run_cli("agenda", folder, "--datum", DAY, "--regio", "drenthe", "--verslag", "--uit", out,
                   "--formaat", "html").code == 0
    page = (out / "verslag-drenthe-2026-12-10.html").read_text(encoding="utf-8")
    assert "Het levensloopplan is in dit overleg vastgesteld.<br>Vastgesteld." in page
    assert "<td>ForFACT Noord (voorbeeld)</td>" in page and "<td>casusregisseur</td>" in page


def _answers_with(tmp_path: Path, change: typing.Callable[[dict[str, Any]], None]) -> Path:
    answers = _answers(tmp_path, [{"wie": "forfact", "wat": "Risicotaxatie.", "wanneer": "7-1-2027"}])
    data = YAML(typ="safe").load(answers.read_text(encoding="utf-8"))
    change(data)
    with answers.open("w", encoding="utf-8") as fh:
        YAML().dump(data, fh)
    return answers


def test_answers_for_a_case_not_on_the_agenda_stop_before_any_case(tmp_path: Path, run_cli: RunCli) -> None:
    folder = meeting_folder(tmp_path)
    before = {p.name: p.read_bytes() for p in folder.glob("*.yaml")}
    other = {"SYN-2026-09999": {"overleggen": [{"besproken": "ja"}]}}
    answers = _answers_with(tmp_path, lambda d: d.update(other))
    line = answers.read_text(encoding="utf-8").splitlines().index("SYN-2026-09999:") + 1
    result = run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers)
    assert result.code == 2
    assert f"{answers}:{line}: SYN-2026-09999: deze casus staat niet op de agenda" in result.err
    assert {p.name: p.read_bytes() for p in folder.glob("*.yaml")} == before  # no case half-done


def test_an_unknown_key_in_a_case_section_is_named_with_its_line(tmp_path: Path, run_cli: RunCli) -> None:
    folder = meeting_folder(tmp_path)
    def misspelled(data: dict[str, Any]) -> None:
        data[REGISTRATION]["overleggen"][0]["afspraken"][0]["wie_"] = "x"

    answers = _answers_with(tmp_path, misspelled)
    text = answers.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if "wie_" in row)
    result = run_cli("notuleer", folder, "--datum", DAY, "--antwoorden", answers)
    assert result.code == 2
    assert f"{answers}:{line} ({REGISTRATION}): overleggen[0].afspraken[0].wie_: geen vraag" in result.err
