"""Aanmelding: criteria per region, the verdict, the warnings, and both documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from _aanmelding_helpers import (
    DRENTHE,
    OOST_BRABANT,
    all_met,
    docx_rows,
    raw_case,
    write_case,
)
from _pdf_helpers import docx_text
from conftest import EXAMPLES, TODAY
from hypothesis import given, settings
from hypothesis import strategies as st

from levensloop_docs.case.casefile import load_case, validate_raw
from levensloop_docs.model.casus import Aanmelding
from levensloop_docs.reference.criteria import (
    aanmelding_warnings,
    assess,
    crisis_words,
    decision_warnings,
    regional_summary,
    summary_line,
)
from levensloop_docs.reference.regions import load_region, national_criteria, region_keys

REGION_COUNTS = {
    "groningen": 5, "friesland": 4, "drenthe": 7, "overijssel": 5,
    "midden-nederland": 5, "oost-brabant": 7, "limburg": 8,
}  # fmt: skip


def _aanmelding(**extra: Any) -> Aanmelding:
    base: dict[str, Any] = {
        "aanmelder": {"organisatie": "Reclassering (voorbeeld)", "naam": "A. Aanmelder"},
        "datum": "2026-11-01",
        "reden": "Toezicht loopt af.",
    }
    base.update(extra)
    return Aanmelding.model_validate(base)


def _answers(value: str, keys: list[str]) -> list[dict[str, str]]:
    return [{"criterium": k, "oordeel": value} for k in keys]


@pytest.mark.parametrize("region_key", sorted(REGION_COUNTS))
def test_criteria_logic_per_region(region_key: str) -> None:
    region = load_region(region_key)
    keys = [c.sleutel for c in region.criteria]
    national = [c.sleutel for c in national_criteria()]
    ag = _aanmelding(criteria_landelijk=_answers("voldoet", national),
                     criteria_regio=_answers("voldoet", keys))
    verdict = assess(ag, region)
    assert len(verdict.regio) == REGION_COUNTS[region_key]
    assert verdict.all_national_met and verdict.all_regional_met
    assert summary_line(verdict) == "Aan alle landelijke criteria is voldaan."
    # one regional 'voldoet niet' does not change the national verdict
    ag2 = _aanmelding(criteria_landelijk=_answers("voldoet", national),
                      criteria_regio=_answers("voldoet_niet", keys[:1]))
    verdict2 = assess(ag2, region)
    assert verdict2.all_national_met and not verdict2.all_regional_met
    assert [s.oordeel for s in verdict2.regio][1:] == ["onbekend"] * (len(keys) - 1)


def test_missing_and_failed_national_criteria() -> None:
    ag = _aanmelding(criteria_landelijk=[
        {"criterium": "1", "oordeel": "voldoet"},
        {"criterium": 2, "oordeel": "voldoet_niet", "toelichting": "geen risicotaxatie"},
    ])
    verdict = assess(ag, load_region("groningen"))
    assert not verdict.all_national_met
    assert verdict.not_met == ("2",)
    assert verdict.onbekend == ("3", "4", "5", "6")
    assert verdict.landelijk[1].toelichting == "geen risicotaxatie"
    text = summary_line(verdict)
    assert text.startswith("Niet aan alle landelijke criteria is voldaan")
    assert "niet voldaan: criterium 2" in text
    assert "nog niet vastgesteld: criterium 3, 4, 5, 6, bespreken in het overleg" in text


def test_only_unknown_criteria_read_as_not_yet_established() -> None:
    national = [c.sleutel for c in national_criteria()]
    ag = _aanmelding(criteria_landelijk=[*_answers("voldoet", national[:5]), {"criterium": "6"}])
    text = summary_line(assess(ag, None))
    # an open question is not a failed criterion, and "6" is a criterion number, not a count
    assert text == ("Nog niet alle landelijke criteria zijn vastgesteld "
                    "(nog niet vastgesteld: criterium 6, bespreken in het overleg).")


def test_regional_summary_uses_numbers_never_keys() -> None:
    region = load_region("drenthe")
    keys = [c.sleutel for c in region.criteria]
    ag = _aanmelding(criteria_regio=[{"criterium": keys[0], "oordeel": "voldoet_niet"},
                                     *_answers("voldoet", keys[1:])])
    text = regional_summary(assess(ag, region))
    assert text == "Niet aan alle regionale criteria is voldaan (niet voldaan: criterium 1)."
    assert keys[0] not in text


def test_without_region_only_national_criteria_count() -> None:
    verdict = assess(_aanmelding(), None)
    assert verdict.regio == () and len(verdict.landelijk) == 6


@pytest.mark.parametrize(
    ("besluit", "national", "warned"),
    [
        ("geincludeerd", "voldoet", False),
        ("geincludeerd", "voldoet_niet", True),
        ("geincludeerd", "onbekend", True),
        ("niet_geincludeerd", "voldoet", True),
        ("niet_geincludeerd", "voldoet_niet", False),
        ("aangehouden", "onbekend", False),
        (None, "voldoet_niet", False),
    ],
)
def test_decision_warnings(besluit: str | None, national: str, warned: bool) -> None:
    keys = [str(i) for i in range(1, 7)]
    answers = _answers("voldoet", keys[:5]) + _answers(national, keys[5:])
    ag = _aanmelding(criteria_landelijk=answers, besluit=besluit, advies="Bemoeizorg.",
                     casusregisseur="X")
    verdict = assess(ag, load_region("limburg"))
    assert bool(decision_warnings(besluit, verdict)) is warned
    fields = [w.field for w in aanmelding_warnings(ag, load_region("limburg"))]
    assert ("aanmelding.besluit" in fields) is warned


@pytest.mark.parametrize(
    "reason",
    ["Acute psychose sinds gisteren", "Hij is SUICIDAAL en belt de crisisdienst",
     "Opname vandaag nodig na ruzie", "Dreigt nu met een mes"],
)
def test_crisis_reason_is_warned(reason: str) -> None:
    found = aanmelding_warnings(_aanmelding(reden=reason), None)
    assert [w.field for w in found] == ["aanmelding.reden"]
    assert "rustige periode" in found[0].text


def test_calm_reason_is_not_warned() -> None:
    assert crisis_words("Het toezicht loopt af; de situatie is rustig.") == []


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_crisis_detection_never_fails_on_free_text(text: str) -> None:
    words = crisis_words(text)
    assert isinstance(words, list)


def test_rejection_without_advice_and_inclusion_without_casusregisseur_warn() -> None:
    fields = [w.field for w in aanmelding_warnings(_aanmelding(besluit="niet_geincludeerd"), None)]
    assert "aanmelding.advies" in fields
    fields = [w.field for w in aanmelding_warnings(_aanmelding(besluit="geincludeerd"), None)]
    assert "aanmelding.casusregisseur" in fields


# ---- case files: errors and warnings through controleer ---------------------------------


def test_examples_are_valid() -> None:
    for path in (DRENTHE, OOST_BRABANT):
        case = load_case(path, today=TODAY)
        assert case.casus.aanmelding is not None
        assert case.casus.meta.regio in region_keys()


def test_unknown_region_is_an_error_listing_known_regions(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["meta"]["regio"] = "atlantis"
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "meta.regio" in result.err and "groningen" in result.err and "drenthe" in result.err
    assert "Traceback" not in result.err


def test_criterion_answer_outside_allowed_values(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_landelijk"][2]["oordeel"] = "misschien"
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "aanmelding.criteria_landelijk[2].oordeel" in result.err
    assert "voldoet_niet" in result.err and path.name in result.err


def test_criterion_key_not_in_region(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["criteria_regio"][0]["criterium"] = "vastgelopen"  # a Groningen key
    data["aanmelding"]["criteria_landelijk"][0]["criterium"] = "7"
    data["aanmelding"]["criteria_landelijk"].append({"criterium": "2", "oordeel": "voldoet"})
    path = write_case(tmp_path, data)
    result = run_cli("controleer", path)
    assert result.code == 2
    assert "aanmelding.criteria_regio[0].criterium" in result.err
    assert "forensische_expertise" in result.err  # the allowed keys of Drenthe are listed
    assert "aanmelding.criteria_landelijk[0].criterium" in result.err
    assert "aanmelding.criteria_landelijk[6].criterium" in result.err  # answered twice
    assert path.name in result.err


def test_warnings_do_not_block(tmp_path: Path) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Acute crisis: opname vandaag."
    data["aanmelding"]["besluit"] = "geincludeerd"
    data["meta"]["status"] = "aangemeld"
    case = load_case(write_case(tmp_path, data), today=TODAY)
    paths = {w.path for w in case.warnings}
    assert {"aanmelding.reden", "aanmelding.besluit", "meta.status", "aanmelding.casusregisseur"} <= paths


def test_messages_carry_no_personal_data(tmp_path: Path) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Crisis bij Ruben thuis"
    data["meta"]["regio"] = "nergens"
    _case, problems = validate_raw(data, tmp_path / "x.yaml", today=TODAY)
    text = " ".join(p.message for p in problems)
    assert "Ruben" not in text and "Hoekstra" not in text


# ---- documents -------------------------------------------------------------------------


def test_aanmeldformulier_renders_everything(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    out = tmp_path / "LLA-2026-0051_aanmeldformulier_v1.docx"
    text = docx_text(out)
    for expected in ("Reclassering Noord, unit Assen (voorbeeld)", "Ilse Bakker-Yilmaz", "9 november 2026",
                     "Zorg- en Veiligheidshuis Drenthe (voorbeeld)", "Ruben Hoekstra-Lindeboom",
                     "Melding bedreiging van een buurvrouw", "15 augustus 2021",
                     "bijzondere voorwaarden", "Nog niet alle landelijke criteria zijn vastgesteld",
                     "Criteria van regio Drenthe", "Een FACT-team is nog niet geprobeerd.",
                     "3 december 2026", "nog geen besluit"):
        assert expected in text, expected
    assert "{{" not in text and "{%" not in text
    criteria_rows = [r for r in docx_rows(out) if len(r) == 6 and r[0].isdigit()]
    national, regional = criteria_rows[:6], criteria_rows[6:]
    assert national[0][2:5] == ["X", "", ""]
    assert national[5][2:5] == ["", "", "X"]
    assert regional[6][0] == "7" and regional[6][2:5] == ["", "X", ""]  # 'alternatieven', by number
    assert len(national) == 6 and len(regional) == 7
    # the history is a timeline: oldest first
    assert text.index("1 maart 2019") < text.index("15 augustus 2021") < text.index("2 mei 2023")


def test_terugkoppeling_on_rejection_carries_the_advice(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path)
    assert result.code == 0, result.err
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "LLA-2026-0057_terugkoppeling_v1.docx" in names
    assert "LLA-2026-0057_aanmeldformulier_v1.docx" in names
    assert not any("anoniem" in n for n in names)  # the tafelversie only on request
    text = docx_text(tmp_path / "LLA-2026-0057_terugkoppeling_v1.docx")
    assert "niet wordt geïncludeerd" in text and "Ons advies" in text
    assert "opgenomen" not in text  # "opgenomen" means a clinical admission in this field
    assert "Vraag bemoeizorg (OGGZ) aan" in text and "Beste Noor Verbeek" in text
    assert "22 oktober 2026" in text and "{{" not in text
    # a named sender with a direct line, not only the ZVH's general number
    assert "Yara Smulders" in text and "073-0000030" in text
    # which criteria the meeting found not met, by number, with the meeting's explanation
    # (issue 28: the first column now also carries the criterion's wording, after a colon)
    rows = {r[0].split(":")[0]: r[1] for r in docx_rows(tmp_path / "LLA-2026-0057_terugkoppeling_v1.docx")}
    assert rows["landelijk criterium 1"] == "Geen agressief of gevaarlijk gedrag; wel overlast."
    assert "landelijk criterium 5" in rows and "regionaal criterium 7" in rows
    assert "landelijk criterium 4" not in rows  # unknown is not "not met"
    # the advice already invites a new registration: the letter does not say it twice
    assert text.count("opnieuw aan") == 1
    sentences = [s.strip() for s in text.replace("\n", " ").split(".") if len(s.strip()) > 20]
    assert len(sentences) == len(set(sentences))


def test_terugkoppeling_adds_the_re_registration_line_when_the_advice_lacks_it(
    tmp_path: Path, run_cli: Any
) -> None:
    data = raw_case(OOST_BRABANT)
    data["aanmelding"]["advies"] = "Zet bemoeizorg in via het wijkteam."
    del data["aanmelding"]["procesregisseur"]
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0057_terugkoppeling_v1.docx")
    assert "opnieuw aanmelden" in text
    # without a named procesregisseur the letter falls back to the ZVH's contact
    assert "De procesregisseur van het Zorg- en Veiligheidshuis Oost-Brabant" in text


def test_form_prints_criterion_numbers_and_the_procesregisseurs_steps(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    out = tmp_path / "LLA-2026-0051_aanmeldformulier_v1.docx"
    text = docx_text(out)
    keys = [c.sleutel for c in load_region("drenthe").criteria if "_" in c.sleutel]
    assert "risico_inventarisatie" in keys
    for key in keys:
        assert key not in text  # internal keys never print; plain words such as 'titel' may
    numbers = [r[0] for r in docx_rows(out) if r[0].isdigit()]
    assert numbers == ["1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "6", "7"]
    assert "psychische aandoening" in text and "persoonlijkheidsproblematiek" in text
    assert "verslavingsproblematiek" in text and "niet-aangeboren hersenletsel" in text
    assert "psychiatrische stoornis" not in text
    assert "Nog niet alle landelijke criteria zijn vastgesteld" in text
    assert "Niet aan alle regionale criteria is voldaan (niet voldaan: criterium 7;" in text
    rows = {r[0]: r[1] for r in docx_rows(out) if len(r) == 2}
    assert rows["Procesregisseur"] == "Bram Wolters, procesregisseur"
    assert rows["Weet de cliënt van de aanmelding?"] == "ja, de cliënt weet van de aanmelding"
    assert rows["Voorcheck en vooradvies"].startswith("De landelijke criteria lijken te gelden")
    assert ["Verslavingszorg Noord, Assen (voorbeeld)", "12 november 2026",
            "In behandeling sinds 2025; komt wisselend op afspraken."] in docx_rows(out)


def _identity(data: Any) -> list[str]:
    p = data["persoon"]
    born = p["geboortedatum"]
    return [p["naam"], *p["naam"].replace("-", " ").split(), p.get("roepnaam", ""),
            born.strftime("%-d %B"), born.isoformat(), "19 juni 1991", "123456782", "9401 AB",
            "Kerkstraat 12", "06-12345678", "ruben@example.nl", "Klaas", "Hoekstra"]


def test_anonymised_form_leaves_out_every_personal_marker(tmp_path: Path, run_cli: Any) -> None:
    # issue 28: the tafelversie is an allow-list now (tests/test_aanmelding_tafel.py has the
    # spellings); the reason, the history's words and the aanmelder's name stay off it
    data = raw_case()
    data["netwerk"] = {"naasten": [{"id": "oom", "naam": "Klaas Dijkman", "relatie": "oom"}]}
    data["aanmelding"]["reden"] = ("Ruben (geboren 19-6-1991, BSN 123456782) woont Kerkstraat 12, "
                                   "9401 AB Assen; bel 06-12345678 of ruben@example.nl. Oom Klaas helpt.")
    data["aanmelding"]["tafel_samenvatting"] = "Ruben (geboren 19-6-1991) woont Kerkstraat 12, 9401 AB Assen."
    data["aanmelding"]["voorgeschiedenis"][0]["omschrijving"] = "Hoekstra-Lindeboom opgenomen."
    data["persoon"]["verblijf_toelichting"] = "Bij oom Klaas Dijkman."
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "aanmeldformulier",
                     "--geanonimiseerd")
    assert result.code == 0, result.err
    out = tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier-anoniem_v1.docx"
    text = docx_text(out)
    assert "tafelversie" in text
    for marker in [m for m in _identity(data) if m] + ["Dijkman", "Lindeboom", "Ilse Bakker-Yilmaz"]:
        assert marker.casefold() not in text.casefold(), marker
    rows = {r[0]: r[1] for r in docx_rows(out) if len(r) == 2}
    assert rows["Leeftijd bij aanmelding"] == "30 tot 40 jaar"
    assert "[naam] (geboren [datum]) woont [adres], [postcode] Assen" in text
    # what the meeting needs stays: the case number, the criteria, the aanmelder's function
    assert "LLA-2026-0051" in text and "Landelijke criteria" in text and "reclasseringswerker" in text
    # the ordinary form still has the name
    plain = run_cli("genereer", path, "--uit", tmp_path / "gewoon", "--document", "aanmeldformulier")
    assert plain.code == 0 and "Ruben Hoekstra-Lindeboom" in docx_text(
        tmp_path / "gewoon" / "LLA-2026-0051_aanmeldformulier_v1.docx")


def test_geanonimiseerd_applies_only_to_the_aanmeldformulier(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--document", "levensloopplan",
                     "--geanonimiseerd")
    assert result.code == 2 and "levensloopplan" in result.err and "Traceback" not in result.err
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--geanonimiseerd")
    assert result.code == 0, result.err
    assert [p.name for p in tmp_path.iterdir()] == ["LLA-2026-0051_aanmeldformulier-anoniem_v1.docx"]


@settings(max_examples=40, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_scrubbing_never_leaves_the_name_in_free_text(noise: str) -> None:
    from levensloop_docs.case.casefile import validate_raw as _validate
    from levensloop_docs.views.anoniem import Scrubber

    data = raw_case()
    case, _problems = _validate(data, Path("x.yaml"), today=TODAY)
    assert case is not None
    scrub = Scrubber(case)
    out = scrub(f"{noise} Ruben Hoekstra-Lindeboom {noise} ruben")
    assert "ruben" not in out.casefold().replace(noise.casefold(), "")


def test_terugkoppeling_on_inclusion_names_the_assignments(tmp_path: Path, run_cli: Any) -> None:
    data = all_met(raw_case())
    data["meta"]["status"] = "geincludeerd"
    data["aanmelding"].update({
        "besluit": "geincludeerd", "levensloopaanbieder": "Forensisch ACT-team Drenthe (voorbeeld)",
        "casusregisseur": "T. Casusregisseur", "gemeentelijke_casusregisseur": "G. Gemeente",
    })
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0051_terugkoppeling_v1.docx")
    assert "wordt geïncludeerd in de levensloopaanpak" in text
    assert "T. Casusregisseur" in text and "G. Gemeente" in text and "Ons advies" not in text


def test_documents_apply_only_with_aanmelding_and_decision(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path)
    assert result.code == 0, result.err
    names = {p.name for p in tmp_path.iterdir()}
    assert "LLA-2026-0051_aanmeldformulier_v1.docx" in names
    assert not any("terugkoppeling" in n for n in names)
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path / "b", "--document", "terugkoppeling")
    assert result.code == 2 and "aanmelding.besluit" in result.err
    assert not (tmp_path / "b").exists() or not any((tmp_path / "b").iterdir())


def test_typed_text_is_data_in_the_form(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    data["aanmelding"]["reden"] = "Rustig. {{ meta.casus_id }} <b>vet</b> & {% if x %}"
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier_v1.docx")
    assert "Rustig. {{ meta.casus_id }} <b>vet</b> & {% if x %}" in text


def test_pdf_of_both_documents(tmp_path: Path, run_cli: Any, needs_libreoffice: None) -> None:
    from pypdf import PdfReader

    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path, "--formaat", "pdf",
                     "--document", "aanmeldformulier", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    letter = PdfReader(tmp_path / "LLA-2026-0057_terugkoppeling_v1.pdf")
    assert len(letter.pages) == 1  # a letter, not a report
    text = "".join(p.extract_text() for p in letter.pages)
    assert "Ons advies" in text
    form = PdfReader(tmp_path / "LLA-2026-0057_aanmeldformulier_v1.pdf")
    text = "".join(p.extract_text() for p in form.pages)
    assert "Landelijke criteria" in text and "psychische aandoening" in text
    assert "Voorbereiding door de procesregisseur" in text and "Yara Smulders" in text
    assert "Onbeken\n" not in text  # the column header no longer breaks in two
    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path / "anoniem", "--formaat", "pdf",
                     "--document", "aanmeldformulier", "--geanonimiseerd")
    assert result.code == 0, result.err
    anonymous = PdfReader(tmp_path / "anoniem" / "LLA-2026-0057_aanmeldformulier-anoniem_v1.pdf")
    text = "".join(p.extract_text() for p in anonymous.pages)
    assert "tafelversie" in text and "40 tot 50 jaar" in text  # issue 28: an age band
    for marker in ("Daan", "Verheijden", "2 november 1979", "1979"):
        assert marker not in text, marker


def test_a_folder_makes_no_plan_before_inclusion(tmp_path: Path, run_cli: Any) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    for source in (DRENTHE, OOST_BRABANT, EXAMPLES / "caravan-groningen.yaml"):
        (folder / source.name).write_bytes(source.read_bytes())
    for extra in ((), ("--document", "levensloopplan")):
        out = tmp_path / f"uit{len(extra)}"
        result = run_cli("genereer", folder, "--uit", out, *extra)
        assert result.code == 0, result.err
        plans = sorted(p.name for p in out.glob("*_levensloopplan_*"))
        # aangemeld (Drenthe) and niet geïncludeerd (Oost-Brabant) have no plan yet
        assert plans == ["LLA-2026-0042_levensloopplan_v2.docx"]


# -- issue 28: terugkoppeling columns and date, the structured intake -----------------------------


def test_terugkoppeling_separates_criterion_and_reason(tmp_path: Path, run_cli: Any) -> None:
    """Review B1: the criterion's wording never stands where the meeting's reason belongs."""
    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path, "--document", "terugkoppeling")
    assert result.code == 0, result.err
    rows = docx_rows(tmp_path / "LLA-2026-0057_terugkoppeling_v1.docx")
    assert ["Criterium", "Waarom niet"] in rows
    reasons = {r[0].split(":")[0]: r[1] for r in rows if r[0].startswith(("landelijk", "regionaal"))}
    assert reasons["landelijk criterium 6"] == "–" and reasons["regionaal criterium 1"] == "–"
    assert not any("risicotaxatie laat een hoog risico" in r for r in reasons.values())
    criterion = next(r[0] for r in rows if r[0].startswith("regionaal criterium 1"))
    assert "hoog risico op terugval" in criterion  # the wording, in the criterion's own column


def test_terugkoppeling_is_dated_with_the_decision_not_the_print_date(tmp_path: Path, run_cli: Any) -> None:
    result = run_cli("genereer", OOST_BRABANT, "--uit", tmp_path / "a", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    letter = tmp_path / "a" / "LLA-2026-0057_terugkoppeling_v1.docx"
    rows = {r[0]: r[1] for r in docx_rows(letter) if len(r) == 2}
    assert rows["Datum"] == "22 oktober 2026"  # the overleg; the tests run on 23 november 2026
    data = raw_case(OOST_BRABANT)
    data["aanmelding"]["besluit_datum"] = "2026-10-27"
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "b", "--document", "terugkoppeling")
    assert result.code == 0, result.err
    letter = tmp_path / "b" / "LLA-2026-0057_terugkoppeling_v1.docx"
    rows = {r[0]: r[1] for r in docx_rows(letter) if len(r) == 2}
    assert rows["Datum"] == "27 oktober 2026"


def test_national_criteria_3_and_4_as_the_source_words_them() -> None:
    from levensloop_docs.reference.regions import national_criteria

    texts = {c.sleutel: " ".join(c.tekst.split()) for c in national_criteria()}
    assert "langdurige, terugkerende en moeilijk beheersbare (multi-)problematiek" in texts["3"]
    assert "onvoldoende in bestaande zorg- en begeleidingssystemen te beheersen valt" in texts["3"]
    assert texts["4"].startswith("Mede door de dominante gedragsproblematiek is er behoefte aan")
    assert "bij voorkeur ambulant" in texts["4"]


def test_the_form_shows_the_structured_intake(tmp_path: Path, run_cli: Any) -> None:
    """Review B3-B5: what was tried, the risicotaxatie, acute crisis, the basis after the title."""
    result = run_cli("genereer", DRENTHE, "--uit", tmp_path, "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    out = tmp_path / "LLA-2026-0051_aanmeldformulier_v1.docx"
    rows = docx_rows(out)
    assert ["Interventie", "Organisatie", "Periode", "Resultaat"] in rows
    assert ["Begeleid wonen", "Beschermd wonen Drenthe (voorbeeld)", "april 2022 – mei 2023",
            "Gestopt na agressie naar een begeleider."] in rows
    assert any(r[2] == "februari 2025 – nu" for r in rows if len(r) == 4)
    labels = {r[0]: r[1] for r in rows if len(r) == 2}
    assert labels["Instrument"] == "HKT-R" and labels["Datum"] == "september 2025"
    assert labels["Uitgevoerd door"] == "psycholoog, reclassering (voorbeeld)"
    assert labels["Is er nu een acute crisis?"] == "nee, er is nu geen acute crisis"
    basis = labels["Grondslag voor delen na het einde van de titel"]
    assert basis == "Vrijwillige route (schriftelijke toestemming)"
    text = docx_text(out)
    assert "De titel Strafrechtelijke titel - bijzondere voorwaarden loopt af op 31 januari 2027." in text


def test_the_form_says_what_is_missing_in_the_intake(tmp_path: Path, run_cli: Any) -> None:
    data = raw_case()
    for key in ("geprobeerd", "risicotaxatie", "grondslag_na_titel", "grondslag_na_titel_toelichting"):
        data["aanmelding"].pop(key)
    data["aanmelding"]["acute_crisis"] = "ja"
    path = write_case(tmp_path, data)
    result = run_cli("genereer", path, "--uit", tmp_path / "uit", "--document", "aanmeldformulier")
    assert result.code == 0, result.err
    text = docx_text(tmp_path / "uit" / "LLA-2026-0051_aanmeldformulier_v1.docx")
    assert "Er is nog niet vastgelegd wat al is geprobeerd." in text
    assert "Er is geen risicotaxatie vastgelegd. Landelijk criterium 2 vraagt erom." in text
    assert "nog niet vastgelegd" in text  # the basis after the title
    assert "Aanmelden gebeurt bij voorkeur in een rustige periode" in text
