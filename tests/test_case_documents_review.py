"""The review of 7 December 2026 on the case documents (issue 25 §3), read back from DOCX.

Each test names the finding and what the document said before the change.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLES, RunCli

DETENTIE = EXAMPLES / "detentie-midden-nederland.yaml"


def _paragraphs(path: Path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]


def test_signals_are_separated_never_run_together(run_cli: RunCli, tmp_path: Path) -> None:
    """[M] 7: before, 'Gebruikt dagelijks agressie tegen buren' read as 'uses aggression daily'."""
    # the reclassering's card: the police card no longer carries this scenario (no police duty;
    # findings B 1), the reclassering has a duty in it
    result = run_cli("genereer", DETENTIE, "--uit", tmp_path, "--formaat", "docx",
                     "--document", "crisiskaart:reclassering", "--document", "opnamebrief",
                     "--document", "overdracht:groningen")
    assert result.code == 0, result.err
    for name in ("crisiskaart-reclassering", "opnamebrief", "overdracht-groningen"):
        text = "\n".join(_paragraphs(tmp_path / f"LLA-2026-0063_{name}_v1.docx"))
        assert "Niet bereikbaar langer dan 48 uur; Positieve urinecontrole" in text, name
        assert "48 uur Positieve" not in text and ".." not in text.replace("...", ""), name
    opname = "\n".join(_paragraphs(tmp_path / "LLA-2026-0063_opnamebrief_v1.docx"))
    assert "Gebruikt dagelijks; Agressie tegen buren" in opname
    assert ": -" not in opname  # an empty phase is left out, never a '-'


def test_opnamebrief_defaults_to_the_next_step_and_carries_risk_and_protection(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """[M] 33: before, 0017's letter went to FPK Heuvelland, where Noël is; no risk, no visiting rule."""
    result = run_cli("genereer", EXAMPLES / "biz-limburg.yaml", "--uit", tmp_path, "--formaat", "docx",
                     "--document", "opnamebrief")
    assert result.code == 0, result.err
    text = "\n".join(_paragraphs(tmp_path / "LLA-2026-0017_opnamebrief_v3.docx"))
    assert "Aan: GGZ-kliniek Parkstad" in text and "stap 2" in text
    assert "Risico: START, 10 november 2026" in text
    # each instrument's latest outcome: the START on medication must not hide the HCR-20's risk of
    # violence in a psychosis, the reason for this admission (page review A, H3)
    risk = next(line for line in text.splitlines() if "Risico:" in line)
    assert "HCR-20V3" in risk and "psychose" in risk and "SAPROF" in risk
    assert risk.index("START") < risk.index("HCR-20V3")  # newest first
    assert "Bescherming van de moeder (slachtoffer)" in text and "Medicatie:" in text
    assert "Verstuurd door de casusregisseur" in text


def test_the_victim_calls_112_not_the_wijkagent() -> None:
    """[M] 14: before, the moeder's red action was 'belt 112 of de wijkagent' (0900-8844, no spoedlijn)."""
    from levensloop_docs.case.casefile import load_case

    for path in sorted(EXAMPLES.glob("*.yaml")):
        casus = load_case(path).casus
        victims = {n.id for n in casus.netwerk.naasten if "slachtoffer" in n.type}
        for s in casus.scenarios:
            for a in s.acties:
                if a.wie in victims:
                    assert "wijkagent" not in a.wat and "112" in a.wat, (path.name, a.wat)


def test_night_lines_are_services_with_when_to_call_and_112_red_in_the_plan(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """[M] 5, 6, 10, 28: before, the night line carried the casusregisseur's name, 112 was plain black,
    'Wie besluit' was the casusregisseur on a crisismaatregel, and partner sheets had no night number."""
    from docx import Document

    result = run_cli("genereer", DETENTIE, "--uit", tmp_path, "--formaat", "docx", "--document",
                     "levensloopplan", "--document", "partner:gemeente")
    assert result.code == 0, result.err
    plan = tmp_path / "LLA-2026-0063_levensloopplan_v1.docx"
    text = "\n".join(_paragraphs(plan))
    assert "Bereikbaarheidsdienst ForFACT Utrecht (voorbeeld) (niet de casusregisseur zelf)" in text
    assert "Dag en nacht: acute psychiatrische beoordeling" in text
    assert "de burgemeester, na een medische verklaring van een psychiater" in text  # stap 3's fallback
    assert "Wie zet in gang" in text
    red = [r for t in Document(str(plan)).tables for row in t.rows for c in row.cells for p in c.paragraphs
           for r in p.runs if "112" in r.text and r.font.color and r.font.color.rgb is not None]
    assert red and all(str(r.font.color.rgb) == "C0392B" and r.bold for r in red)
    sheet = "\n".join(_paragraphs(tmp_path / "LLA-2026-0063_partner-gemeente_v1.docx"))
    assert "030-0000299" in sheet and "030-0000290" in sheet and "bel 112" in sheet


def test_table_columns_are_never_narrower_than_their_longest_word() -> None:
    """[M] 30, 31: before, 'Stand' got 2-3 characters ('Ge / pla / nd')."""
    from lxml import html

    from levensloop_docs.render.markdown_docx import MM_PER_CHAR, _column_widths

    table = html.fromstring("<table><tr><th>Levensgebied</th><th>Wat</th><th>Wanneer</th><th>Stand</th></tr>"
                            "<tr><td>Huisvesting</td><td>" + "Kamer regelen in een project " * 4 +
                            "</td><td>1 december 2026</td><td>Gepland</td></tr></table>")
    widths = _column_widths(list(table.iter("tr")), 4)
    assert widths[3].mm >= len("Gepland") * MM_PER_CHAR and widths[2].mm >= len("december") * MM_PER_CHAR


def test_signaleringsplan_speaks_as_ik_claims_coauthorship_only_when_recorded_and_has_the_stoplight(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """[M] 21-23: before, 'je', 'ik' and 'hij' mixed, 'Je hebt dit samen ... gemaakt' always, no colour."""
    from docx import Document

    result = run_cli("genereer", EXAMPLES / "caravan-groningen.yaml", "--uit", tmp_path, "--formaat", "docx",
                     "--document", "signaleringsplan")
    assert result.code == 0, result.err
    path = tmp_path / "LLA-2026-0042_signaleringsplan_v2.docx"
    text = "\n".join(_paragraphs(path))
    assert "hoe het met mij gaat" in text and " je " not in f" {text} ".replace("\n", " ")
    assert "samen met mijn begeleider gemaakt" not in text  # Sjors saw the plan, he did not co-write it
    assert "● Groen" in text and "◊ Oranje" in text and "▪ Rood" in text
    fills = {c._tc.tcPr.xpath("./w:shd/@w:fill")[0] for t in Document(str(path)).tables for r in t.rows
             for c in r.cells if c._tc.tcPr is not None and c._tc.tcPr.xpath("./w:shd/@w:fill")}
    assert {"E8F5E9", "FFF3E0", "FBEEEC"} <= fills


def test_consent_form_has_one_choice_per_organisation_the_representative_and_the_moeder(
    run_cli: RunCli, tmp_path: Path
) -> None:
    """[M] 24, 25: before, two organisations shared one ja/nee, 0017 had no curator column and no moeder."""
    result = run_cli("genereer", EXAMPLES / "biz-limburg.yaml", "--uit", tmp_path, "--formaat", "docx",
                     "--document", "toestemmingsverklaring")
    assert result.code == 0, result.err
    cells = _paragraphs(tmp_path / "LLA-2026-0017_toestemmingsverklaring_v3.docx")
    text = "\n".join(cells)
    assert "GGZ-crisisdienst Zuid-Limburg (voorbeeld)" in cells and "LVB-team Zuid & Co (voorbeeld)" in cells
    assert "Wettelijk vertegenwoordiger" in text and "Marie-José Hermans (moeder)" in text
    assert "Paraaf van de cliënt" in text and "risicotaxatie" not in text and "maatregel of titel" not in text
    sentences = [s for line in text.split("\n") for s in line.split(". ") if s.strip()]
    assert max(len(s.split()) for s in sentences if "·" not in s and "," not in s) < 15


def test_a_bewindvoerder_does_not_sign_consent_to_share_care_data(run_cli: RunCli, tmp_path: Path) -> None:
    """[M] 25: a bewindvoerder represents in money matters only; the consent form of 0042 put him
    in a 'Wettelijk vertegenwoordiger' column. The curator of 0017 still signs."""
    case = tmp_path / "caravan.yaml"  # a copy: genereer keeps a register beside the case
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", case)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--formaat", "docx",
                     "--document", "toestemmingsverklaring")
    assert result.code == 0, result.err
    text = "\n".join(_paragraphs(tmp_path / "uit" / "LLA-2026-0042_toestemmingsverklaring_v2.docx"))
    assert "Wettelijk vertegenwoordiger" not in text and "Henk Zijlstra" not in text


def test_the_consent_given_for_after_the_toezicht_outlasts_it(run_cli: RunCli, tmp_path: Path) -> None:
    """[M] 25: 0063's consent was given to go on sharing after the toezicht (until 28 February
    2027), yet the form said it held until 1 February 2027 (the next evaluation)."""
    case = tmp_path / "detentie.yaml"
    shutil.copy(EXAMPLES / "detentie-midden-nederland.yaml", case)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--formaat", "docx",
                     "--document", "toestemmingsverklaring")
    assert result.code == 0, result.err
    text = "\n".join(_paragraphs(tmp_path / "uit" / "LLA-2026-0063_toestemmingsverklaring_v1.docx"))
    assert "Zij geldt tot 14 oktober 2027." in text
