"""An evaluation keeps the plan true (issue 25 §2).

The evaluation interview updates what the plan says now (stay, situation per levensgebied,
level), gives the new version this meeting's front page, never inherits approvals, and an
answers file that says nothing is refused. The plan's earliest exit date is a fact of the
history, not the day of printing. Documents are read back with python-docx.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from conftest import EXAMPLES, RunCli

from levensloop_docs.case.casefile import load_case
from levensloop_docs.case.history import history_dir
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.views.plan import build_context

EVAL = EXAMPLES / "evaluatie"
ANSWERS = EXAMPLES / "antwoorden"
LIFE = "LLA-2024-0117"


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def _row(path: Path, label: str) -> str:
    """The text of the first row whose label cell is ``label``, without the label."""
    from docx import Document

    for table in Document(str(path)).tables:
        for row in table.rows:
            if row.cells[0].text.strip() == label:
                return "\n".join(c.text for c in row.cells[1:])
    raise AssertionError(f"no row {label!r}")


def test_plan_v4_puts_wen_where_she_lives_now_not_in_the_nachtopvang(run_cli: RunCli, tmp_path: Path) -> None:
    """[H] 9: before, plan v4 said 'Verblijft nu: Maatschappelijke opvang · nachtopvang'."""
    result = run_cli("genereer", EVAL / f"{LIFE}.yaml", "--document", "levensloopplan", "--formaat", "docx",
                     "--uit", tmp_path)
    assert result.code == 0, result.err
    plan = tmp_path / f"{LIFE}_levensloopplan_v4.docx"
    assert _row(plan, "Verblijft nu") == "Beschermd wonen"
    toelichting = _row(plan, "Toelichting verblijf")
    assert "Het Anker" in toelichting and "nachtopvang" not in toelichting.lower()
    text = _docx_text(plan)
    assert "Geen eigen woonruimte; nachtopvang." not in text  # the old Huisvesting situation
    assert "Nachtopvang De Overkant" not in text  # she left; the partner left the network
    # the front page of an evaluation-made version: this meeting, who attended, what changed
    assert "Sanne Mulder (gemeente)" in _row(plan, "Aanwezig")
    assert "Nieuwe contactpersoon bij de gemeente" in text


def test_an_empty_answers_file_is_refused_and_records_nothing(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / f"{LIFE}.yaml"
    shutil.copy(EVAL / f"{LIFE}.geschiedenis" / "v1.yaml", case)
    before = case.read_bytes()
    empty = tmp_path / "leeg.antwoorden"
    empty.write_text("# niets\nopslaan: ja\n", encoding="utf-8")
    result = run_cli("evaluatie", case, "--antwoorden", empty)
    assert result.code == 2
    assert "datum" in result.err and "Traceback" not in result.err
    assert case.read_bytes() == before and not history_dir(case).exists()


def test_a_new_version_never_inherits_the_previous_approvals(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / f"{LIFE}.yaml"
    shutil.copy(EVAL / f"{LIFE}.geschiedenis" / "v1.yaml", case)
    assert load_case(case).casus.meta.akkoord  # version 1 was agreed to
    text = (ANSWERS / "evaluatie-1.antwoorden").read_text(encoding="utf-8")
    start = text.index("meta:\n  akkoord:")
    end = text.index("# Incidenten", start)
    answers = tmp_path / "zonder-akkoord.antwoorden"
    answers.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("evaluatie", case, "--antwoorden", answers)
    assert result.code == 0, result.err
    meta = load_case(case).casus.meta
    assert meta.planversie == 2 and meta.akkoord == []
    assert meta.aanwezig == ["Ilse Brouwer-Demir (ForFACT)", "Ruben Zwiers (ZVH)", "Noor Bakker (gemeente)",
                             "Wen"]
    assert meta.wijzigingen[0] == "Beschermd wonen Het Anker in het netwerk"


def test_the_example_history_carries_the_meeting_and_fresh_approvals() -> None:
    v2 = load_case(EVAL / f"{LIFE}.geschiedenis" / "v2.yaml").casus
    v4 = load_case(EVAL / f"{LIFE}.yaml").casus
    assert {a.datum for a in v2.meta.akkoord} == {date(2025, 5, 20), date(2025, 5, 22)}
    assert {a.datum for a in v4.meta.akkoord} == {date(2026, 11, 17)}
    assert v4.persoon.verblijf == "beschermd_wonen"
    assert v4.gegevensdeling.route == "vrijwillig" and v4.gegevensdeling.toestemming_geldig_tot
    assert v4.zrm_nulmeting is not None and v4.zrm_nulmeting.datum == date(2024, 10, 29)


def test_earliest_exit_is_read_from_the_history_never_the_print_date() -> None:
    """[M] 16: before, plan v5 of 0031 said 'Vroegst mogelijke uitstroom: <the day it was printed>'."""
    casus = load_case(EVAL / "LLA-2022-0031.yaml").casus
    vocab = load_vocabularies()
    texts = {build_context(casus, vocab, day)["uitstroom"]["vroegste_datum"]
             for day in (date(2026, 12, 7), date(2027, 3, 1))}
    assert texts == {"twee jaar stabiel bereikt op 1 juni 2025"}


def test_uitstroombesluit_has_the_clients_voice_and_signature(run_cli: RunCli, tmp_path: Path) -> None:
    """[M] 17: before, only casusregisseur, procesregisseur and gemeente signed; no word from Bram."""
    result = run_cli("uitstroom", EVAL / "LLA-2022-0031.yaml", "--uit", tmp_path, "--formaat", "docx")
    assert result.code == 0, result.err
    besluit = tmp_path / "LLA-2022-0031_uitstroombesluit_v5.docx"
    assert "Ik wil naar het FACT-team" in _row(besluit, "Wat Bram zegt over de uitstroom")
    assert "Gerda" in _row(besluit, "Wat de naasten zeggen")
    text = _docx_text(besluit)
    assert 'Cliënt: Henk "Bram" Zuidema' in text and "Vervolgaanbieder: FACT-team Emmen" in text
    # the overdrachtsbrief: what works, the consent basis valid on the handover date, the night line
    brief = _docx_text(tmp_path / "LLA-2022-0031_overdrachtsbrief_v5.docx")
    assert "Bram stroomt op 15 januari 2027 uit" in brief and "Hij of zij" not in brief
    assert "ook op de dag van de overdracht (15 januari 2027)" in brief
    assert "Een vaste dag voor afspraken." in brief  # what works, in the client's words
    assert "0592-000299" in brief and "Bewind Noord" in brief


def test_overdrachtsbrief_warns_when_consent_ends_before_the_handover(tmp_path: Path) -> None:
    from levensloop_docs.views.uitstroom import uitstroom_context

    casus = load_case(EVAL / "LLA-2022-0031.yaml").casus
    casus.gegevensdeling.toestemming_geldig_tot = date(2026, 12, 15)  # before 15 January 2027
    ctx = uitstroom_context(casus, load_vocabularies(), date(2026, 12, 7))
    assert ctx["besluit"]["grondslag"]["geldig"] is False


def test_voortgangsverslag_has_the_voice_and_flags_an_overdue_risicotaxatie(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """[M] 19: before, no word from Wen, and the HKT-R due on 21 October 2026 went unflagged."""
    case = tmp_path / f"{LIFE}.yaml"
    text = (EVAL / f"{LIFE}.yaml").read_text(encoding="utf-8")
    # the same case without the new HKT-R of 3 November 2026: the October one is overdue
    start = text.index("  - instrument: HKT-R\n    datum: 2026-11-03")
    end = text.index("evaluaties:", start)
    case.write_text(text[:start] + text[end:], encoding="utf-8")
    result = run_cli("genereer", case, "--document", "voortgangsverslag", "--formaat", "docx",
                     "--uit", tmp_path)
    assert result.code == 0, result.err
    verslag = tmp_path / f"{LIFE}_voortgangsverslag_v4.docx"
    assert "Ik doe het zelf" in _row(verslag, "Wat Wen zelf zegt")
    assert "Marjan" in _row(verslag, "Wat de naasten zeggen")
    assert "21 oktober 2026" in _row(verslag, "Herhaling risicotaxatie")
    result = run_cli("genereer", EVAL / f"{LIFE}.yaml", "--document", "voortgangsverslag",
                     "--formaat", "docx", "--uit", tmp_path / "nu")
    assert result.code == 0, result.err
    assert "Herhaling risicotaxatie" not in _docx_text(tmp_path / "nu" / f"{LIFE}_voortgangsverslag_v4.docx")
