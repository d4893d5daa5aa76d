"""Incidents and escalations: one case-level list, read by every part that needs it.

One escalation entered once must show up in the voortgangsverslag of the right evaluation,
on the agenda of the next meeting, in the monitor counts (level and form) and in the
uitstroom "stable since" date. The old places (``opschaling.escalaties``,
``evaluaties[N].incidenten``) are refused with where to move them; a missing or future
date is refused with its field path, exit 2, and nothing is written.
"""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path
from typing import Any

from conftest import EXAMPLES, TODAY, RunCli

from levensloop_docs.case.casefile import load_case
from levensloop_docs.case.uitstroom import exit_status, stable_since
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.overview.agenda import Meeting, agenda_items
from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.monitor import FORMS, Period, escalations
from levensloop_docs.yamlio import dump_yaml, load_yaml

EVAL = EXAMPLES / "evaluatie"
LIFE = "LLA-2024-0117"  # three evaluations: 20-5-2025, 18-11-2025, 17-11-2026
EXIT = "LLA-2022-0031"
ESCALATION = {"datum": date(2026, 10, 1), "omschrijving": "Aangehouden na een bedreiging; opname in de BIZ.",
              "niveau": "biz", "vorm": "justitie", "fase": "rood"}


def _write(folder: Path, name: str, edit: Any) -> Path:
    """A copy of an example case with ``edit(data)`` applied, and its history beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    data = load_yaml(EVAL / f"{name}.yaml")
    edit(data)
    history = EVAL / f"{name}.geschiedenis"
    if history.exists():
        shutil.copytree(history, folder / history.name)
    path = folder / f"{name}.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def _incident_rows(docx: Path) -> list[list[str]]:
    from docx import Document

    doc = Document(str(docx))
    header = ["Datum", "Wat er gebeurde"]
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][:2] == header)
    return [[c.text for c in r.cells] for r in table.rows[1:]]


def test_one_escalation_entered_once_shows_up_in_all_four(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    path = _write(folder, LIFE, lambda d: d["incidenten"].append(dict(ESCALATION)))
    before, casus = load_case(EVAL / f"{LIFE}.yaml").casus, load_case(path).casus

    # 1. the voortgangsverslag of the third evaluation (after 18-11-2025, up to 17-11-2026)
    out = tmp_path / "uit"
    result = run_cli("genereer", path, "--document", "voortgangsverslag", "--uit", out)
    assert result.code == 0, result.err
    vormen, niveaus = load_vocabularies()["escalatievormen"], load_vocabularies()["niveaus"]
    assert _incident_rows(out / f"{LIFE}_voortgangsverslag_v4.docx") == [[
        "1 oktober 2026", ESCALATION["omschrijving"], niveaus.label("biz"), vormen.label("justitie"), "Rood",
        "ja"]]
    from levensloop_docs.views.voortgang import voortgang_context

    per_evaluation = voortgang_context(casus, load_vocabularies(), TODAY)["evaluaties"]
    assert [(e["incidenten"], e["escalaties"]) for e in per_evaluation] == [(1, 1), (1, 0), (1, 1)]

    # 2. and 3. the agenda and the monitor, read through the overviews' cache: cold, then warm
    levels = niveaus.keys()
    for _run in ("cold", "warm"):
        cases = load_folder(folder, TODAY).cases
        meeting = Meeting(date(2026, 10, 8), date(2026, 9, 24), date(2026, 10, 22))
        on_agenda = [(i.day, i.detail) for i in agenda_items(cases, meeting) if i.kind == "escalatie"]
        assert on_agenda == [(date(2026, 10, 1), {"naar": "biz", "vorm": "justitie"})]
        grid = escalations(cases, Period(date(2026, 1, 1), date(2026, 12, 31)), levels)
        assert grid[levels.index("biz")][FORMS.index("justitie")] == 1
        assert sum(map(sum, grid)) == 1  # the escalation of March 2025 lies outside the year

    # 4. the uitstroom check starts stability again the day after it
    assert stable_since(before) == date(2025, 3, 9)
    assert stable_since(casus) == date(2026, 10, 2)
    status = exit_status(casus, TODAY)
    assert status.last_escalation is not None and status.last_escalation.vorm == "justitie"
    assert "1 oktober 2026" in status.criteria[0].bewijs


def test_the_cache_keeps_no_text_of_an_incident(tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    _write(folder, LIFE, lambda d: d["incidenten"].append(dict(ESCALATION)))
    assert len(load_folder(folder, TODAY).cases) == 1
    cache_root = Path(os.environ["XDG_CACHE_HOME"])
    written = "".join(p.read_text(encoding="utf-8") for p in cache_root.rglob("*") if p.is_file())
    assert '"justitie"' in written  # the form is kept for the monitor ...
    assert "Aangehouden" not in written and "Psychotische" not in written  # ... what happened is not


def _moved(data: Any) -> None:
    data["evaluaties"][0]["incidenten"] = data.pop("incidenten")
    old = [{"datum": date(2026, 2, 1), "naar": "biz", "vorm": "acute_crisis"}]
    data.setdefault("opschaling", {})["escalaties"] = old


def test_the_old_places_say_where_to_move_and_nothing_is_written(run_cli: RunCli, tmp_path: Path) -> None:
    path = _write(tmp_path / "casussen", EXIT, _moved)
    result = run_cli("controleer", path)
    assert result.code == 2
    for field in ("opschaling.escalaties", "evaluaties[0].incidenten"):
        message = f": {field}: Dit veld staat hier niet meer: verplaats naar 'incidenten'"
        assert message in result.err, result.err
    out = tmp_path / "uit"
    made = run_cli("genereer", path, "--uit", out)
    assert made.code == 2 and "verplaats naar 'incidenten'" in made.err
    assert not out.exists() or not any(out.iterdir())


def _undated_and_future(data: Any) -> None:
    data["incidenten"] += [{"omschrijving": "Opname.", "niveau": "klinisch_regulier", "vorm": "gepland"},
                           {"datum": date(2099, 1, 1), "omschrijving": "Later.", "niveau": "ambulant"}]


def test_missing_and_future_dates_are_refused_with_the_field(run_cli: RunCli, tmp_path: Path) -> None:
    path = _write(tmp_path / "casussen", EXIT, _undated_and_future)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert ": incidenten[1].datum: Een incident of escalatie heeft een datum nodig" in result.err, result.err
    assert ": incidenten[2].datum: Een incident kan niet in de toekomst liggen" in result.err, result.err
    out = tmp_path / "uit"
    made = run_cli("genereer", path, "--uit", out)
    assert made.code == 2 and "incidenten[2].datum" in made.err
    assert not out.exists() or not any(out.iterdir())


def test_an_escalation_without_a_form_is_a_warning(run_cli: RunCli, tmp_path: Path) -> None:
    def edit(data: Any) -> None:
        data["incidenten"].append({"datum": date(2026, 9, 1), "omschrijving": "Opname.",
                                   "niveau": "intensief_ambulant"})

    result = run_cli("controleer", _write(tmp_path / "casussen", EXIT, edit))
    assert result.code == 0, result.err
    assert "Let op:" in result.err
    assert ": incidenten[1].vorm: Bij deze escalatie staat geen vorm" in result.err


def test_the_evaluation_interview_refuses_a_future_incident_and_keeps_the_file(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = _write(tmp_path / "casussen", EXIT, lambda d: None)
    answers = tmp_path / "toekomst.antwoorden"
    answers.write_text(
        "evaluaties: [{}, {}, {datum: 20-11-2026}]\n"
        "incidenten:\n  - {}\n  - {datum: 1-1-2099, omschrijving: Later., niveau: ambulant}\n"
        "opslaan: ja\ngenereer: nee\n", encoding="utf-8")
    before = path.read_bytes()
    result = run_cli("evaluatie", path, "--antwoorden", answers)
    assert result.code == 2, result.err
    assert "incidenten[1].datum" in result.err and "niet in de toekomst" in result.err, result.err
    assert path.read_bytes() == before and not (path.parent / f"{EXIT}.geschiedenis").exists()


def test_the_evaluation_interview_adds_to_the_case_list_after_the_older_ones(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """The answers list mirrors the case's list: '{}' leaves the incident of an earlier evaluation."""
    path = _write(tmp_path / "casussen", EXIT, lambda d: None)
    answers = tmp_path / "nieuw.antwoorden"
    answers.write_text(
        "evaluaties: [{}, {}, {datum: 20-11-2026}]\n"
        "incidenten:\n  - {}\n"
        "  - {datum: 2-10-2026, omschrijving: Detox van een week., niveau: klinisch_regulier,"
        " vorm: gepland}\n"
        "opslaan: ja\ngenereer: nee\n", encoding="utf-8")
    result = run_cli("evaluatie", path, "--antwoorden", answers)
    assert result.code == 0, result.err
    casus = load_case(path).casus
    assert [(i.datum, i.niveau, i.vorm) for i in casus.incidenten] == [
        (date(2025, 8, 14), "ambulant", None), (date(2026, 10, 2), "klinisch_regulier", "gepland")]
    assert casus.incidenten[0].omschrijving.startswith("Een dag gedronken")
    assert stable_since(casus) == date(2026, 10, 3)


def test_the_schema_has_the_one_list(run_cli: RunCli) -> None:
    import json

    result = run_cli("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert "incidenten" in schema["properties"]
    text = json.dumps(schema)
    assert "escalaties" not in text and "Escalatie" not in text
    incident = schema["$defs"]["Incident"]["properties"]
    # bed_aangevraagd: the day a bed was asked for (the monitor's wait for a BIZ bed)
    assert set(incident) == {"datum", "omschrijving", "niveau", "vorm", "fase", "bed_aangevraagd"}
    assert "incidenten" not in schema["$defs"]["Evaluatie"]["properties"]


def test_bewerk_records_an_escalation_on_the_day_through_the_prompts(tmp_path: Path) -> None:
    """'bewerk --onderdeel incidenten': real prompts; the list stays oldest first, the rest as it was."""
    from _interview_keys import ADD, DONE, ENTER, pick, typed
    from test_interview_prompts import edit_case

    path = _write(tmp_path / "casussen", EXIT, lambda d: None)
    before = path.read_text(encoding="utf-8")
    # an admission asks when the bed was asked for (the monitor's wait for a BIZ bed)
    keys = [ADD, typed("1-11-2026"), typed("Opname na een crisis."), pick("Beveiligde"), pick("acute"),
            typed("29-10-2026"), ENTER, DONE, ENTER]  # bed asked for; no phase; done; save
    assert edit_case(path, "incidenten", keys).saved
    casus = load_case(path).casus
    assert [(i.datum, i.niveau, i.vorm, i.fase) for i in casus.incidenten] == [
        (date(2025, 8, 14), "ambulant", None, "oranje"), (date(2026, 11, 1), "biz", "acute_crisis", None)]
    assert casus.incidenten[1].bed_aangevraagd == date(2026, 10, 29)
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)  # only the new item, at the end of the list (the last key)
    assert stable_since(casus) == date(2026, 11, 2)


def test_the_summary_before_saving_names_the_new_incident_in_words() -> None:
    from levensloop_docs.interview.summary import in_words

    first = {"datum": date(2025, 8, 14), "omschrijving": "Een dag gedronken.", "niveau": "ambulant"}
    added = {"datum": date(2026, 11, 1), "omschrijving": "Opname na een crisis.", "niveau": "biz",
             "vorm": "acute_crisis"}
    old, new = {"incidenten": [first]}, {"incidenten": [first, added]}
    assert in_words(old, new, load_vocabularies()) == [
        "  Incidenten en escalaties: 1 incident toegevoegd (Opname na een crisis.)"]
