"""Safety, legal route, completeness and voice in the levensloopplan (issue 12).

Two halves: ``controleer`` gives each new warning on a purpose-built case (the detentie
example with one thing taken away) and none on the shipped examples; the plan itself,
read back with python-docx, shows 112 first, "contact ontbreekt", no admission rows
without an admission, who signs, every levensgebied, and no '->'.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, TODAY, RunCli, example_paths
from docx import Document

from levensloop_docs.case.casefile import CaseFile, load_case
from levensloop_docs.case.rules import case_problems
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.run.documents import registry
from levensloop_docs.run.renderrun import Job, RenderRun, render_job
from levensloop_docs.yamlio import load_yaml

DETENTIE = EXAMPLES / "detentie-midden-nederland.yaml"
Data = dict[str, Any]


def raw(path: Path = DETENTIE) -> Data:
    data = load_yaml(path, round_trip=False)
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def casus(data: Data) -> Casus:
    return Casus.model_validate(data, context={"vocab": load_vocabularies()})


def warnings(data: Data) -> list[tuple[str, str]]:
    found = case_problems(casus(data), load_vocabularies(), TODAY)
    assert all(p.warning for _loc, p in found), [p.message for _loc, p in found if not p.warning]
    return [(p.path, p.message) for _loc, p in found]


def partner(data: Data, pid: str) -> Data:
    return next(p for p in data["netwerk"]["partners"] if p["id"] == pid)


def step(data: Data, naar: str) -> Data:
    return next(s for s in data["opschaling"]["stappen"] if s["naar"] == naar)


def drop_scenario(data: Data, soort: str) -> None:
    data["scenarios"] = [s for s in data["scenarios"] if s.get("soort") != soort]


def drop_gebied(data: Data, gebied: str) -> None:
    data["levensgebieden"] = [g for g in data["levensgebieden"] if g["gebied"] != gebied]


# -- controleer -------------------------------------------------------------------------------

@pytest.mark.parametrize("example", [p.name for p in example_paths()])
def test_the_shipped_examples_give_no_warning(example: str) -> None:
    assert warnings(raw(EXAMPLES / example)) == []


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        if value is None:
            node.pop(path[-1], None)
        else:
            node[path[-1]] = value
    return change


CASES: list[tuple[str, Callable[[Data], None], str, str]] = [
    ("no 24/7 number of the aanbieder", lambda d: partner(d, "forfact").pop("buiten_kantoortijd"),
     "netwerk.partners", "dag en nacht bereikbaar"),
    ("no crisisdienst",
     lambda d: d["netwerk"].__setitem__("partners", [p for p in d["netwerk"]["partners"]
                                                     if p["rol"] != "crisisdienst"]),
     "netwerk.partners", "GGZ-crisisdienst ontbreekt"),
    ("a clinic without contact", lambda d: step(d, "biz")["bestemming"].pop("partner"),
     "opschaling.stappen[2].bestemming", "geen contactgegevens"),
    ("a BIZ bed filed as regular clinical care",
     lambda d: step(d, "klinisch_regulier")["bestemming"].__setitem__("bedtype", "FVA"),
     "opschaling.stappen[1].bestemming.bedtype", "Beveiligde intensieve zorg"),
    ("BIZ without a regular clinical step beside it",
     lambda d: d["opschaling"].__setitem__("stappen", [s for s in d["opschaling"]["stappen"]
                                                       if s["naar"] != "klinisch_regulier"]),
     "opschaling.stappen", "geen reguliere klinische stap ernaast"),
    ("BIZ without a step-down destination", _set(("opschaling", "afschaling", "bestemming"), None),
     "opschaling.afschaling.bestemming", "bij de opname vast"),
    ("nobody declares the person stable", _set(("opschaling", "afschaling", "wie_stabiel"), None),
     "opschaling.afschaling.wie_stabiel", "stabiel"),
    ("no arrest scenario", lambda d: drop_scenario(d, "contact_justitie"),
     "scenarios", "aanhouding of een nieuwe detentie"),
    ("a zelfbindingsverklaring without fallback", lambda d: step(d, "biz").pop("juridische_terugval"),
     "opschaling.stappen[2].juridische_terugval", "zelfbindingsverklaring alleen"),
    ("relying on a zorgmachtiging that does not run",
     lambda d: step(d, "biz").__setitem__("juridische_basis", "lopende_zorgmachtiging"),
     "opschaling.stappen[2].juridische_basis", "loopt er vandaag geen"),
    ("a title ending without an agreement", lambda d: d["persoon"]["juridisch_kader"][1].pop("bij_afloop"),
     "persoon.juridisch_kader[1].bij_afloop", "loopt af op 28 februari 2027"),
    ("a signal about money without financiën", lambda d: drop_gebied(d, "financien"),
     "scenarios[0]", "'Financiën'"),
    ("a scenario naming a levensgebied that is absent", lambda d: drop_gebied(d, "huiselijke_relaties"),
     "scenarios[2]", "'Huiselijke relaties'"),
    ("a ZRM score on a domain without one",
     lambda d: next(g for g in d["levensgebieden"] if g["gebied"] == "basisvoorwaarden")
     .__setitem__("zrm_score", 2),
     "levensgebieden[2].zrm_score", "Zelfredzaamheid-Matrix"),
    ("a victim without protection", lambda d: d["netwerk"]["naasten"][1].pop("bescherming"),
     "netwerk.naasten[1].bescherming", "slachtoffer"),
    ("no voice of the client", _set(("client",), None), "client", "stem van de cliënt"),
    ("an arrow typed as '->'", lambda d: d["scenarios"][2].__setitem__("beschrijving", "Ruzie -> geweld."),
     "scenarios[2].beschrijving", "'->'"),
    ("a date without its year",
     lambda d: d["scenarios"][2].__setitem__("beschrijving", "Het contactverbod loopt op 28 februari af."),
     "scenarios[2].beschrijving", "geen jaar"),
    ("admission rows on a step without admission",
     lambda d: step(d, "intensief_ambulant").__setitem__("doorloopt", ["Kamer"]),
     "opschaling.stappen[0].doorloopt", "geen opname"),
]


@pytest.mark.parametrize(("change", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_controleer_warns(change: Callable[[Data], None], field: str, words: str) -> None:
    data = raw()
    change(data)
    found = warnings(data)
    assert any(f == field and words in m for f, m in found), found


def test_a_case_before_inclusion_gets_no_plan_warnings() -> None:
    for path in (EXAMPLES / "aanmelding-drenthe.yaml", EXAMPLES / "aanmelding-oost-brabant.yaml"):
        data = raw(path)
        assert casus(data).meta.status not in ("geincludeerd", "uitgestroomd")
        assert warnings(data) == []


def test_controleer_prints_the_warning_and_exits_0(run_cli: RunCli, tmp_path: Path) -> None:
    text = DETENTIE.read_text(encoding="utf-8").replace("      buiten_kantoortijd: 030-0000299\n", "")
    path = tmp_path / "casus.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("controleer", path)
    assert result.code == 0
    line = next(x for x in result.err.splitlines() if "dag en nacht" in x)
    assert line.startswith("Let op:") and "casus.yaml:" in line and "netwerk.partners" in line


# -- the printed plan -------------------------------------------------------------------------

def render(data: Data, tmp_path: Path, name: str = "c") -> Any:
    case = CaseFile(tmp_path / f"{name}.yaml", data, casus(data), "x")
    (path,) = render_job(RenderRun(out_dir=tmp_path / name, today=TODAY),
                         Job(case, registry()["levensloopplan"], None, ("docx",)))
    return Document(str(path))


def rows(doc: Any) -> list[list[str]]:
    return [[c.text for c in row.cells] for table in doc.tables for row in table.rows]


def paragraphs(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def all_text(doc: Any) -> str:
    return "\n".join([*paragraphs(doc), *("\n".join(r) for r in rows(doc))])


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("plannen")
    names = ("detentie-midden-nederland", "biz-limburg", "caravan-groningen")
    return {n: render(raw(EXAMPLES / f"{n}.yaml"), out, n) for n in names}


def test_112_comes_first_and_the_police_line_is_never_the_crisis_line(plans: dict[str, Any]) -> None:
    for name, doc in plans.items():
        table_rows = rows(doc)
        # the cover: 112 is the first contact
        header = next(i for i, r in enumerate(table_rows) if r[0] == "Wie" and r[2] == "Bereikbaar")
        assert table_rows[header + 1] == ["Bij direct gevaar", "Politie, ambulance, brandweer", "112"], name
        # the night rows say what each number is for (issue 25: "Dag en nacht: advies ...")
        assert any(r[0].startswith(("Buiten kantoortijd", "Dag en nacht")) for r in table_rows), name
        # every red phase starts with 112
        red = [r for r in table_rows if r[0].startswith("Rood")]
        assert red and all(r[2].startswith("Bij direct gevaar: bel eerst 112.") for r in red), name
        # every call line: 112 first; 0900-8844 only as 'na afloop, geen spoedlijn'
        calls = [p for p in paragraphs(doc) if p.startswith("Wie wordt gebeld: ")]
        assert len(calls) == len(red)
        for line in calls:
            assert line.startswith("Wie wordt gebeld: 1. bij direct gevaar 112"), line
            if "0900-8844" in line:
                assert line.index("Na afloop informeren") < line.index("0900-8844, geen spoedlijn"), line


def test_a_destination_without_contact_prints_contact_ontbreekt(tmp_path: Path) -> None:
    data = raw()
    step(data, "biz")["bestemming"].pop("partner")
    doc = render(data, tmp_path)
    contact = [r for r in rows(doc) if r[0] == "Contact bestemming (opname)"]
    assert [r[1] for r in contact] == ["Kliniek Verslavingszorg Midden, afdeling detox (voorbeeld), "
                                       "Fatima El Amrani, 030-0000211", "contact ontbreekt"]


def test_admission_rows_only_on_steps_with_an_admission(plans: dict[str, Any]) -> None:
    without = [s for n in plans for s in raw(EXAMPLES / f"{n}.yaml")["opschaling"]["stappen"]
               if s["naar"] not in ("klinisch_regulier", "biz")]
    assert without  # the examples do show a step without an admission
    for name, doc in plans.items():
        table_rows = rows(doc)
        data = raw(EXAMPLES / f"{name}.yaml")
        admissions = [s for s in data["opschaling"]["stappen"] if s["naar"] in ("klinisch_regulier", "biz")]
        assert sum(r[0] == "Terugkeergarantie" for r in table_rows) == len(admissions), name
        assert sum(r[0] == "Wat doorloopt tijdens opname" for r in table_rows) == len(
            [s for s in admissions if s.get("doorloopt")]), name
        assert not any(r[0] == "Terugkeergarantie" and ": " in r[1] for r in table_rows)  # no 'ja: ...'


def test_the_route_shows_the_biz_step_beside_the_regular_step_and_the_current_level(
    plans: dict[str, Any]
) -> None:
    doc = plans["biz-limburg"]
    text = all_text(doc)
    assert "Huidig niveau: Beveiligde intensieve zorg (BIZ) sinds 3 juni 2026." in text
    table_rows = rows(doc)
    assert ["Reguliere klinische stap ernaast", "stap 2"] in table_rows
    assert any(r[0] == "Afschalen naar (vastgelegd bij opname)" and "Geleenhuis" in r[1] for r in table_rows)
    forms = {r[0]: r[1] for r in table_rows if r[0].startswith(("Planbare", "Opname bij", "Opname na"))}
    assert len(forms) == 3 and all(forms.values())
    justitie = "Opname na contact met justitie (aanhouding, inverzekeringstelling, detentie)"
    assert "scenario 6.4" in forms[justitie]


def test_titles_ending_say_who_does_what(plans: dict[str, Any]) -> None:
    text = all_text(plans["detentie-midden-nederland"])
    assert ("Strafrechtelijke titel - bijzondere voorwaarden loopt af op 28 februari 2027: "
            "Reclassering Midden-Nederland (voorbeeld) (Mehmet Aydın): Eindrapportage") in text
    assert ["Juridische basis", "Zelfbindingsverklaring"] in rows(plans["detentie-midden-nederland"])
    assert ["Als dat niet lukt", "Crisismaatregel (burgemeester)"] in rows(plans["detentie-midden-nederland"])


def test_afschaling_names_who_declares_stable_and_uses_the_three_criteria(plans: dict[str, Any]) -> None:
    labels = [r[0] for r in rows(plans["detentie-midden-nederland"])]
    i = labels.index("Wie verklaart de persoon stabiel")
    assert labels[i + 1:i + 4] == ["1. Stabilisatie van risicofactoren",
                                   "2. Randvoorwaarden voor goede (vervolg)zorg op orde",
                                   "3. Warme overdracht"]


def test_every_levensgebied_is_in_the_plan(plans: dict[str, Any]) -> None:
    gebieden = load_vocabularies()["levensgebieden"]
    for name, doc in plans.items():
        overview = {r[0]: r for r in rows(doc) if r[0] in {gebieden.label(k) for k in gebieden}}
        assert set(overview) == {gebieden.label(k) for k in gebieden}, name
        assert all(r[2] for r in overview.values())
        assert overview[gebieden.label("basisvoorwaarden")][1] == "geen ZRM-domein"
        assert {r[2] for r in overview.values()} >= {"niet besproken", "geen afspraken nodig"}, name


def test_voice_of_client_and_naasten_and_victim_protection(plans: dict[str, Any]) -> None:
    doc = plans["caravan-groningen"]
    table_rows = rows(doc)
    assert ["Betrokken bij dit plan", "Heeft het plan gezien en besproken"] in table_rows
    naasten_header = next(r for r in table_rows if r[0] == "Naam" and "Bereikbaar" in r)
    assert naasten_header[:4] == ["Naam", "Relatie", "Betekenis", "Bereikbaar"]
    zus = next(r for r in table_rows if r[0] == "Geertje Ebbinge" and r[1] == "zus")
    assert zus[2] == "hulpbron en slachtoffer" and zus[3] == "06-00000105"
    wish = next(r for r in table_rows if r[0] == "Geertje Ebbinge" and r[1].startswith("Haar broer"))
    assert wish[3].startswith("• Geen geld lenen")


def test_every_partner_with_a_task_signs_with_an_empty_date(plans: dict[str, Any]) -> None:
    doc = plans["biz-limburg"]
    table_rows = rows(doc)
    start = table_rows.index(["Namens", "Datum", "Handtekening"])
    signers = table_rows[start + 1:]
    assert signers[-1][0].startswith("Noël Hermans-Dückers\nCliënt")  # the client signs last
    names = " ".join(r[0] for r in signers)
    for org in ("ForFACT Limburg", "Zorg- en Veiligheidshuis Limburg", "Openbaar Ministerie Limburg",
                "Politie basisteam Parkstad", "LVB-team Zuid & Co", "Mentorschap & Curatele Limburg"):
        assert org in names
    assert all(r[1] == "" and r[2] == "" for r in signers)
    assert "akkoord gegeven op 16 november 2026" in names


def test_no_arrow_no_dash_for_empty_phases_and_years_printed(plans: dict[str, Any], tmp_path: Path) -> None:
    for name, doc in plans.items():
        text = all_text(doc)
        assert "->" not in text, name
        assert not any(c in ("-", "–") for r in rows(doc) for c in r), name
    data = raw()
    green = [s for s in data["scenarios"] if s["signalen"].get("groen")]
    scenario = data["scenarios"][1]
    assert scenario in green
    scenario["signalen"].pop("groen")
    scenario["acties"] = [a for a in scenario["acties"] if a["fase"] != "groen"]
    doc = render(data, tmp_path)
    phases = [r[0].split("\n")[0] for r in rows(doc) if r[0].split("\n")[0] in ("Groen", "Oranje", "Rood")]
    assert phases.count("Groen") == len(green) - 1
    assert phases.count("Rood") == len(data["scenarios"])  # red always stays: it carries 112
    assert "28 februari 2027" in all_text(plans["detentie-midden-nederland"])


def test_veiligheidsafspraken_only_when_there_are_any(plans: dict[str, Any], tmp_path: Path) -> None:
    assert "Veiligheidsafspraken voor medewerkers" in paragraphs(plans["caravan-groningen"])
    data = raw()
    data.pop("veiligheidsafspraken")
    assert "Veiligheidsafspraken voor medewerkers" not in paragraphs(render(data, tmp_path))


def test_key_value_rows_never_split_across_pages() -> None:
    from docx.oxml.ns import qn

    doc = Document(str(registry()["levensloopplan"].template))
    for tbl in doc.element.body.iter(qn("w:tbl")):
        for tr in tbl.findall(qn("w:tr")):
            tr_pr = tr.find(qn("w:trPr"))
            assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None


def test_ring_membership_is_a_setting_of_the_region(monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs.reference import regions
    from levensloop_docs.views.plan import plan_context

    c = load_case(DETENTIE, today=TODAY).casus
    ring = {p["organisatie"]: r["ring"] for r in plan_context(c, load_vocabularies(), TODAY)["ringen"]
            for p in r["partners"]}
    assert ring["Reclassering Midden-Nederland (voorbeeld)"] == 2
    assert ring["Gemeente Amersfoort, team Zorg & Veiligheid (voorbeeld)"] == 1
    region = regions.load_region("midden-nederland")
    wider = region.model_copy(update={"eerste_ring": (*region.eerste_ring, "reclassering")})
    monkeypatch.setattr(regions, "load_region", lambda key: wider)
    ring = {p["organisatie"]: r["ring"] for r in plan_context(c, load_vocabularies(), TODAY)["ringen"]
            for p in r["partners"]}
    assert ring["Reclassering Midden-Nederland (voorbeeld)"] == 1


def test_a_bed_of_the_region_profile_with_an_intake_contact_counts(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from levensloop_docs.reference import regions

    region = regions.load_region("midden-nederland")
    bed = regions.Bed(naam="FVA De Eem (voorbeeld)", bedtype="FVA", beveiligingsniveau=2, plaats="Amersfoort",
                      telefoon="033-0000999", contact="opnamecoördinator")
    monkeypatch.setattr(regions, "load_region", lambda key: region.model_copy(update={"bedden": (bed,)}))
    data = raw()
    biz = step(data, "biz")
    biz["bestemming"].pop("partner")
    biz["bestemming"]["plaats"] = "FVA De Eem (voorbeeld)"
    assert not any("bestemming" in f for f, _m in warnings(data))
    contact = [r[1] for r in rows(render(data, tmp_path)) if r[0] == "Contact bestemming (opname)"]
    assert contact[-1] == "FVA De Eem (voorbeeld), opnamecoördinator, 033-0000999"


def test_a_step_to_a_shipped_region_bed_prints_its_intake_contact(tmp_path: Path) -> None:
    data = raw()
    biz = step(data, "biz")
    biz["bestemming"] = {"bedtype": "FPK", "plaats": "FPK De Heuvelrug (voorbeeld)", "beveiligingsniveau": 3}
    assert not any("bestemming" in f for f, _m in warnings(data))
    contact = [r[1] for r in rows(render(data, tmp_path)) if r[0] == "Contact bestemming (opname)"]
    assert contact[-1] == "FPK De Heuvelrug (voorbeeld), opnamecoördinator (voorbeeld), 030-0000042"


# -- the interview asks for the new fields --------------------------------------------------------

def _interview(path: Path, part: str, data: Data) -> Data:
    from levensloop_docs.interview import run_interview
    from levensloop_docs.interview.answers import AnswersFileAsker
    from levensloop_docs.interview.parts import find_part

    chosen = find_part(part)
    assert chosen is not None
    asker = AnswersFileAsker(data, Path("antwoorden.yaml"), quiet=True)
    assert run_interview([chosen], asker, case_path=path, today=TODAY).saved
    return raw(path)


def test_the_interview_asks_for_the_voice_the_meeting_and_the_route(tmp_path: Path) -> None:
    import shutil

    path = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", path)
    path.write_text(path.read_text(encoding="utf-8").replace("buiten_kantoortijd: 050-0000199", ""),
                    encoding="utf-8")
    after = _interview(path, "evaluatie", {
        "meta": {"vastgesteld_in": "casusoverleg ZVH", "aanwezig": ["ForFACT", "gemeente"],
                 "evaluatie_ritme": "elk kwartaal"},
        "client": {"doelen": ["Een eigen huis."], "wat_helpt": ["Rust."], "betrokkenheid": "meegeschreven"},
    })
    assert after["meta"]["vastgesteld_in"] == "casusoverleg ZVH"
    assert after["meta"]["aanwezig"] == ["ForFACT", "gemeente"]
    client = after["client"]
    assert (client["doelen"], client["wat_helpt"], client["betrokkenheid"]) == (
        ["Een eigen huis."], ["Rust."], "meegeschreven")
    partners: list[Data] = [{} for _ in raw(path)["netwerk"]["partners"]]
    partners[0] = {"buiten_kantoortijd": "050-0000177"}  # the levensloopaanbieder
    naasten = [{"wil": "Helpen.", "betrokkenheid": "Bij oranje bellen.", "bescherming": ["Geen geld lenen."]}]
    after = _interview(path, "netwerk", {"netwerk": {"partners": partners, "naasten": naasten}})
    assert partner(after, "forfact")["buiten_kantoortijd"] == "050-0000177"
    zus = after["netwerk"]["naasten"][0]
    assert (zus["wil"], zus["betrokkenheid"], zus["bescherming"]) == ("Helpen.", "Bij oranje bellen.",
                                                                      ["Geen geld lenen."])
    stappen: list[Data] = [{}, {"juridische_basis": "zelfbindingsverklaring",
                                "juridische_terugval": "crisismaatregel", "bestemming": {"partner": "hic"}}]
    down = {"randvoorwaarden": ["Woonplek geregeld."], "wie_stabiel": "hic"}
    after = _interview(path, "opschaling", {"opschaling": {"stappen": stappen, "afschaling": down}})
    biz = step(after, "biz")
    assert biz["juridische_basis"] == "zelfbindingsverklaring"
    assert biz["juridische_terugval"] == "crisismaatregel" and biz["bestemming"]["partner"] == "hic"
    assert after["opschaling"]["afschaling"]["wie_stabiel"] == "hic"
    assert after["opschaling"]["afschaling"]["randvoorwaarden"] == ["Woonplek geregeld."]


def test_a_partner_sheet_also_puts_112_first_in_every_scenario(run_cli: RunCli, tmp_path: Path) -> None:
    from _pdf_helpers import docx_text

    case = EXAMPLES / "caravan-groningen.yaml"
    args = ("--document", "partner:politie", "--formaat", "docx", "--uit", tmp_path)
    result = run_cli("genereer", case, *args)
    assert result.code == 0, result.err
    words = " ".join(docx_text(tmp_path / "LLA-2026-0042_partner-politie_v2.docx").split())
    scenarios = [s for s in raw(case)["scenarios"] if any(a["wie"] == "politie" for a in s["acties"])]
    assert scenarios and words.count("Bel bij direct gevaar eerst 112.") == len(scenarios)


def test_the_interview_asks_no_zrm_score_for_a_domain_without_one(tmp_path: Path) -> None:
    import shutil

    from levensloop_docs.interview import Question, run_interview
    from levensloop_docs.interview.answers import AnswersFileAsker
    from levensloop_docs.interview.parts import find_part

    asked: list[str] = []

    class Recording(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            asked.append(question.key)
            return super().ask(question)

    path = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", path)
    chosen = find_part("levensgebieden")
    assert chosen is not None
    run_interview([chosen], Recording({}, Path("a.yaml"), quiet=True), case_path=path, today=TODAY)
    assert "levensgebieden.huisvesting.zrm_score" in asked
    assert "levensgebieden.basisvoorwaarden.situatie" in asked
    assert "levensgebieden.basisvoorwaarden.zrm_score" not in asked


def test_the_interview_offers_the_ring_of_the_region_profile(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    from levensloop_docs.interview import Question, run_interview
    from levensloop_docs.interview.answers import AnswersFileAsker
    from levensloop_docs.interview.parts import find_part
    from levensloop_docs.reference import regions

    defaults: dict[str, Any] = {}

    class Recording(AnswersFileAsker):
        def ask(self, question: Question) -> Any:
            defaults[question.key] = question.default
            return super().ask(question)

    path = tmp_path / "c.yaml"
    shutil.copy(EXAMPLES / "caravan-groningen.yaml", path)
    partners: list[Data] = [{} for _ in raw(path)["netwerk"]["partners"]]
    chosen = find_part("netwerk")
    assert chosen is not None

    def ring_of_police() -> Any:
        data = {"netwerk": {"partners": partners, "naasten": [{}]}}
        run_interview([chosen], Recording(data, Path("a.yaml"), quiet=True), case_path=path, today=TODAY)
        return defaults["netwerk.partners[3].ring"]

    assert raw(path)["netwerk"]["partners"][3]["rol"] == "politie"
    assert ring_of_police() == "2"
    region = regions.load_region("groningen")
    wider = region.model_copy(update={"eerste_ring": (*region.eerste_ring, "politie")})
    monkeypatch.setattr(regions, "load_region", lambda key: wider)
    assert ring_of_police() == "1"  # the region puts the police in the first ring


def test_partner_sheets_show_admission_rows_only_with_an_admission(run_cli: RunCli, tmp_path: Path) -> None:
    from _pdf_helpers import docx_text

    def sheet(example: str, kind: str, stem: str) -> str:
        args = ("--document", f"partner:{kind}", "--formaat", "docx", "--uit", tmp_path)
        assert run_cli("genereer", EXAMPLES / example, *args).code == 0
        return " ".join(docx_text(tmp_path / f"{stem}_partner-{kind}_v1.docx").split())

    reclassering = sheet("detentie-midden-nederland.yaml", "reclassering", "LLA-2026-0063")
    assert "Stap 1: van Ambulant" in reclassering and "Terugkeergarantie" not in reclassering
    kliniek = sheet("detentie-midden-nederland.yaml", "kliniek", "LLA-2026-0063")
    assert "naar Beveiligde intensieve zorg (BIZ)" in kliniek and "Terugkeergarantie" in kliniek
