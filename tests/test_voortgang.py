"""The voortgangsverslag: plan diff in words, the ZRM chart read back, batch and manifest."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, RunCli

from levensloop_docs.case.casefile import load_case
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.views.plandiff import GEWIJZIGD, NIEUW, VERVALLEN, plan_diff
from levensloop_docs.views.zrmchart import zrm_series

EVAL = EXAMPLES / "evaluatie"
# the ZRM table: the baseline at inclusion, then each evaluation
HEADER = ["Levensgebied", "29-10-2024 (inclusie)", "20-05-2025", "18-11-2025", "17-11-2026"]
LIFE = "LLA-2024-0117"
EXIT = "LLA-2022-0031"
PNG = b"\x89PNG\r\n\x1a\n"


def _base() -> Casus:
    return load_case(EVAL / f"{LIFE}.geschiedenis" / "v1.yaml").casus


def _changed(edit: Callable[[dict[str, Any]], None]) -> Casus:
    data = _base().model_dump()
    edit(data)
    return Casus.model_validate(data)


def _diff(edit: Callable[[dict[str, Any]], None]) -> list[tuple[str, str, str]]:
    return [(c.onderdeel, c.soort, c.tekst) for c in plan_diff(_base(), _changed(edit), load_vocabularies())]


def _action(data: dict[str, Any], gebied: int = 0) -> dict[str, Any]:
    action: dict[str, Any] = data["levensgebieden"][gebied]["acties"][0]
    return action


def _new_action(data: dict[str, Any]) -> None:
    data["levensgebieden"][2]["acties"].append({"wat": "Naar de AA-groep.", "wie": "opvang",
                                                "wanneer": date(2025, 3, 1), "status": "gepland"})


def _new_step(data: dict[str, Any]) -> None:
    data["opschaling"]["stappen"].append(
        {"van": "klinisch_regulier", "naar": "biz", "wie_besluit": "forfact", "criteria": ["Gevaar blijft."]})


# Every kind of change, each on its own, with the sentence a casemanager reads.
CASES: dict[str, tuple[Callable[[dict[str, Any]], None], str, str, str]] = {
    "actie nieuw": (_new_action, "Acties", NIEUW,
                    "Nieuwe actie bij Middelengebruik: Naar de AA-groep. (wie: Nachtopvang De Overkant "
                    "(voorbeeld); wanneer: 1 maart 2025)."),
    "actie gewijzigd": (lambda d: _action(d, 3).update(wie="forfact", status="lopend"), "Acties", GEWIJZIGD,
                        "Actie bij Financiën 'Aanvraag beschermingsbewind.': nu uitgevoerd door ForFACT "
                        "Drenthe (voorbeeld) (was Gemeente Assen, sociaal domein (voorbeeld)) en stand loopt "
                        "(was gepland)."),
    "actie vervallen": (lambda d: d["levensgebieden"][1]["acties"].clear(), "Acties", VERVALLEN,
                        "Actie bij Geestelijke gezondheid niet meer in het plan: Depotmedicatie "
                        "bespreken met de psychiater."),
    "partner nieuw": (lambda d: d["netwerk"]["partners"].append(
        {"id": "huisarts", "rol": "huisarts", "organisatie": "Huisartsenpraktijk Noord (voorbeeld)"}),
        "Netwerk", NIEUW, "Nieuwe partner: Huisartsenpraktijk Noord (voorbeeld) (Huisarts)."),
    "partner gewijzigd": (lambda d: d["netwerk"]["partners"][2].update(contactpersoon="Sanne Mulder",
                                                                      telefoon="0592-000299"),
                          "Netwerk", GEWIJZIGD,
                          "Gemeente Assen, sociaal domein (voorbeeld): contactpersoon en telefoon "
                          "gewijzigd."),
    "partner vervallen": (lambda d: d["netwerk"]["partners"].pop(6), "Netwerk", VERVALLEN,
                          "Partner niet meer in het netwerk: Nachtopvang De Overkant (voorbeeld)."),
    "scenario nieuw": (lambda d: d["scenarios"].append({"naam": "Uitzetting", "signalen": {}, "acties": []}),
                       "Scenario's", NIEUW, "Nieuw scenario: Uitzetting."),
    "scenario gewijzigd": (lambda d: d["scenarios"][0]["acties"].append(
        {"fase": "rood", "wie": "zvh", "wat": "Overleg binnen een dag."}), "Scenario's", GEWIJZIGD,
        "Scenario 'Terugval in psychose': nieuw in fase rood: Zorg- en Veiligheidshuis Drenthe (voorbeeld): "
        "Overleg binnen een dag.."),
    "scenario vervallen": (lambda d: d["scenarios"].pop(0), "Scenario's", VERVALLEN,
                           "Scenario niet meer in het plan: Terugval in psychose."),
    "stap nieuw": (_new_step, "Op- en afschalen", NIEUW,
                   "Nieuwe stap: van klinisch regulier (ggz, verslavingszorg, vg) naar beveiligde intensieve "
                   "zorg (biz)."),
    "stap gewijzigd": (lambda d: d["opschaling"]["stappen"][0].update(wie_besluit="zvh",
                                                                      vervoer="Ambulance."),
                       "Op- en afschalen", GEWIJZIGD,
                       "Stap van ambulant (forfact, fact of sociaal team) naar klinisch regulier (ggz, "
                       "verslavingszorg, vg): nu besloten door Zorg- en Veiligheidshuis Drenthe (voorbeeld) "
                       "(was ForFACT Drenthe (voorbeeld)) en ander vervoer of andere overdracht."),
    "stap vervallen": (lambda d: d["opschaling"]["stappen"].pop(0), "Op- en afschalen", VERVALLEN,
                       "Stap niet meer in de route: van ambulant (forfact, fact of sociaal team) naar "
                       "klinisch regulier (ggz, verslavingszorg, vg)."),
    "titel nieuw": (lambda d: d["persoon"]["juridisch_kader"].append({"titel": "wmo",
                                                                      "start": date(2025, 1, 1)}),
                    "Juridisch kader", NIEUW, "Nieuwe titel: Wmo-voorziening vanaf 1 januari 2025."),
    "titel gewijzigd": (lambda d: d["persoon"]["juridisch_kader"][0].update(einde=date(2026, 3, 31)),
                        "Juridisch kader", GEWIJZIGD, "Wvggz - zorgmachtiging loopt nu vanaf 1 oktober "
                        "2024 tot 31 maart 2026 (was vanaf 1 oktober 2024 tot 30 september 2025)."),
    "titel vervallen": (lambda d: d["persoon"]["juridisch_kader"].clear(), "Juridisch kader", VERVALLEN,
                        "Titel niet meer in het plan: Wvggz - zorgmachtiging."),
    "doel nieuw": (lambda d: d["levensgebieden"][0]["doelen"].append("Zelfstandig wonen."),
                   "Levensgebieden en doelen", NIEUW, "Nieuw doel bij Huisvesting: Zelfstandig wonen."),
    "levensgebied nieuw": (lambda d: d["levensgebieden"].append({"gebied": "huiselijke_relaties"}),
                           "Levensgebieden en doelen", NIEUW,
                           "Nieuw levensgebied in het plan: Huiselijke relaties."),
    "verblijf": (lambda d: d["persoon"].update(verblijf="beschermd_wonen"), "Persoon", GEWIJZIGD, ""),
}


def _label(vocabulary: str, key: str) -> str:
    return str(load_vocabularies()[vocabulary].label(key))


@pytest.mark.parametrize("name", sorted(CASES))
def test_every_kind_of_change_is_one_sentence_in_words(name: str) -> None:
    edit, part, kind, sentence = CASES[name]
    changes = _diff(edit)
    assert len(changes) == 1, changes
    found_part, found_kind, text = changes[0]
    assert (found_part, found_kind) == (part, kind)
    if sentence:
        # labels come from the vocabularies: compare case-insensitively for the lowered level names
        assert text.lower() == sentence.lower(), text
    assert not re.search(r"\w\[\d+\]|\w\.\w+\.|_", text), f"field path or key in: {text}"


def test_the_same_plan_has_no_changes() -> None:
    assert plan_diff(_base(), _base(), load_vocabularies()) == []


def test_the_example_diff_v3_to_v4_names_what_the_evaluation_changed() -> None:
    old = load_case(EVAL / f"{LIFE}.geschiedenis" / "v3.yaml").casus
    new = load_case(EVAL / f"{LIFE}.yaml").casus
    texts = [c.tekst for c in plan_diff(old, new, load_vocabularies())]
    assert any("contactpersoon en telefoon gewijzigd" in t for t in texts), texts
    assert any("Elke week een gesprek over wonen en dagritme." in t and "niet meer in het plan" in t
               for t in texts), texts


# --- the document -------------------------------------------------------------------------

def _render(tmp_path: Path, *formats: str) -> Path:
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    case = load_case(EVAL / f"{LIFE}.yaml")
    run = RenderRun(out_dir=tmp_path, today=date(2026, 11, 23))
    try:
        for job in plan_jobs(case, ["voortgangsverslag"], formats):
            render_job(run, job)
    finally:
        run.close()
    return tmp_path / f"{LIFE}_voortgangsverslag_v4"


def _zrm_table(doc: Any) -> Any:
    return next(t for t in doc.tables if re.fullmatch(r"\d\d-\d\d-\d{4}", t.rows[0].cells[-1].text))


def test_voortgangsverslag_docx_has_the_chart_and_a_table_with_the_same_numbers(tmp_path: Path) -> None:
    from docx import Document

    stem = _render(tmp_path, "docx")
    doc = Document(str(stem.with_suffix(".docx")))
    assert len(doc.inline_shapes) == 1
    assert "dezelfde cijfers staan in de tabel" in doc.inline_shapes[0]._inline.docPr.get("descr")
    blob = doc.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    image = doc.part.related_parts[blob].blob
    assert image.startswith(PNG)
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        assert picture.size[0] > 600 and picture.size[1] > 300
    series = zrm_series(load_case(EVAL / f"{LIFE}.yaml").casus, load_vocabularies())
    table = _zrm_table(doc)
    assert [c.text for c in table.rows[0].cells] == HEADER
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in table.rows[1:]}
    expected = {
        _label("levensgebieden", key): [str(series.scores[key][d]) for d in series.dates]
        for key in series.labels
    }
    assert rows == expected
    assert rows["Huisvesting"] == ["1", "2", "3", "4"]  # from 1 at inclusion
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Wat is gewijzigd sinds versie 3" in body
    assert "Gemeente Assen, sociaal domein (voorbeeld): contactpersoon en telefoon gewijzigd." in body


def test_voortgangsverslag_pdf_has_chart_and_table(tmp_path: Path, needs_libreoffice: None) -> None:
    from pypdf import PdfReader

    stem = _render(tmp_path, "docx", "pdf")
    reader = PdfReader(str(stem.with_suffix(".pdf")))
    # LibreOffice shares one resource dictionary between pages: count each picture once
    images = {img.name: img for page in reader.pages for img in page.images}
    assert len(images) == 1
    picture = next(iter(images.values())).image
    assert picture is not None and picture.size[0] > 600
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "17-11-2026" in text and "Zelfredzaamheid (ZRM) door de tijd" in text
    assert "Financiën 2 3 3 4" in re.sub(r"\s+", " ", text)


def test_zrm_chart_uses_markers_and_a_colour_blind_safe_palette() -> None:
    from levensloop_docs.views.zrmchart import MARKERS, PALETTE

    assert len(set(PALETTE)) == len(PALETTE) and "#F0E442" not in PALETTE  # no pale yellow
    assert len(set(MARKERS)) >= 13  # every ZRM domain its own marker


# --- batch, manifest and template check -------------------------------------------------

def test_batch_makes_new_documents_where_they_apply(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    shutil.copytree(EVAL, folder)
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", folder)
    out = tmp_path / "uit"
    result = run_cli("genereer", folder, "--uit", out, "--processen", "1")
    assert result.code == 0, result.out + result.err
    made = sorted(p.name for p in out.glob("*.docx"))
    assert f"{LIFE}_voortgangsverslag_v4.docx" in made and f"{EXIT}_voortgangsverslag_v5.docx" in made
    assert f"{EXIT}_uitstroombesluit_v5.docx" in made and f"{EXIT}_overdrachtsbrief_v5.docx" in made
    assert not [n for n in made if n.startswith("LLA-2026-0042_") and "voortgang" in n]
    assert not [n for n in made if n.startswith(LIFE) and "uitstroom" in n]
    assert not [n for n in made if n.startswith("v")]  # archived versions are no cases
    again = run_cli("genereer", folder, "--uit", out, "--processen", "1")
    assert again.code == 0
    stamp = (out / f"{LIFE}_voortgangsverslag_v4.docx").stat().st_mtime_ns
    archived = folder / f"{LIFE}.geschiedenis" / "v3.yaml"
    archived.write_text(archived.read_text(encoding="utf-8") + "# nagekeken\n", encoding="utf-8")
    third = run_cli("genereer", folder, "--uit", out, "--processen", "1")
    assert third.code == 0
    assert (out / f"{LIFE}_voortgangsverslag_v4.docx").stat().st_mtime_ns != stamp
    assert (out / "LLA-2026-0042_levensloopplan_v2.docx").exists()


def test_template_check_knows_the_new_documents(run_cli: RunCli) -> None:
    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.templatecheck import check_templates, context_shape, load_examples

    types = registry()
    for name in ("voortgangsverslag", "uitstroombesluit", "overdrachtsbrief"):
        assert types[name].applies is not None
        assert context_shape(types[name], load_examples([EVAL / f"{EXIT}.yaml"])) is not None
    assert [p for p in check_templates({n: types[n] for n in ("voortgangsverslag", "uitstroombesluit",
                                                            "overdrachtsbrief")})] == []
    result = run_cli("sjablonen", "controleer")
    assert result.code == 0, result.out + result.err


@pytest.mark.parametrize(("version", "heading", "said"), [
    (None, "7. Wat is gewijzigd sinds de vorige versie",
     "Er is geen eerdere versie van het plan bewaard om mee te vergelijken."),
    (1, "7. Wat is gewijzigd: dit is de eerste versie van het plan",
     "Dit is de eerste versie van het plan. Er is nog niets gewijzigd."),
])
def test_the_change_heading_never_ends_on_an_empty_version_number(
    run_cli: RunCli, tmp_path: Path, version: int | None, heading: str, said: str
) -> None:
    """F2 remainder: without a stored earlier version the heading said "sinds versie " and stopped.
    A later version whose history is gone says so; the first version says it is the first."""
    from docx import Document

    case = tmp_path / f"{LIFE}.yaml"  # without its CASUS.geschiedenis folder
    text = (EVAL / f"{LIFE}.yaml").read_text(encoding="utf-8")
    if version is not None:
        text = re.sub(r"(?m)^(\s*planversie:) \d+$", rf"\1 {version}", text, count=1)
    case.write_text(text, encoding="utf-8")
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "voortgangsverslag",
                     "--formaat", "docx")
    assert result.code == 0, result.err
    [made] = (tmp_path / "uit").glob("*voortgangsverslag*.docx")
    lines = [p.text for p in Document(str(made)).paragraphs]
    assert heading in lines and said in lines
    assert not any(re.search(r"sinds versie\s*$", line) for line in lines)
