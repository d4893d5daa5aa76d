"""The levensloopplan as DOCX: every section's content, read back with python-docx.

Each example is rendered through the CLI; the file is opened with python-docx and its
text (body, tables, headers, footers, properties) compared with the case itself.
"""

from __future__ import annotations

import dataclasses
import shutil
import typing
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY, RunCli, example_paths, plan_example_paths
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from levensloop_docs.case.casefile import CaseFile, load_case
from levensloop_docs.errors import TemplateProblemError
from levensloop_docs.i18n import format_date
from levensloop_docs.model.casus import Casus, VocabKey
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.reference.regions import region_label
from levensloop_docs.run.documents import registry
from levensloop_docs.run.renderrun import Job, RenderRun, render_job
from levensloop_docs.text import clean_text

PLAN_EXAMPLES = plan_example_paths()


# --- reading a DOCX back ------------------------------------------------------------------

def _cells_text(table: Any) -> Iterator[str]:
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                yield p.text
            for inner in cell.tables:
                yield from _cells_text(inner)


def body_text(doc: Any) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts.extend(_cells_text(table))
    return "\n".join(parts)


def rows(doc: Any) -> list[list[str]]:
    """Every table row as a list of cell texts (for 'this action is done by that partner')."""
    return [[c.text for c in row.cells] for table in doc.tables for row in table.rows]


def header_footer_text(doc: Any) -> str:
    section = doc.sections[0]
    return "\n".join(p.text for part in (section.header, section.footer) for p in part.paragraphs)


@dataclasses.dataclass
class Plan:
    case: CaseFile
    path: Path
    doc: Any
    body: str
    rows: list[list[str]]


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Plan]:
    from levensloop_docs.cli.main import run_in_process

    out = tmp_path_factory.mktemp("plannen")
    made: dict[str, Plan] = {}
    for example in example_paths():
        code = run_in_process(["genereer", str(example), "--uit", str(out), "--document", "levensloopplan"])
        assert code in (0, None)
        case = load_case(example, today=TODAY)
        meta = case.casus.meta
        path = out / f"{meta.casus_id}_levensloopplan_v{meta.planversie}.docx"
        doc = Document(str(path))
        made[example.name] = Plan(case, path, doc, body_text(doc), rows(doc))
    return made


def _who(casus: Casus, ref: str) -> str:
    partner = casus.partner(ref)
    if partner is not None:
        return partner.organisatie
    naaste = casus.naaste(ref)
    assert naaste is not None
    return naaste.naam


# --- every example, every section -----------------------------------------------------------

def test_there_are_three_complete_plan_examples() -> None:
    regions = {load_case(p, today=TODAY).casus.meta.regio for p in PLAN_EXAMPLES}
    assert len(PLAN_EXAMPLES) >= 3 and len(regions) >= 3
    for path in PLAN_EXAMPLES:
        c = load_case(path, today=TODAY).casus
        assert c.scenarios and c.opschaling.stappen and c.opschaling.afschaling and c.risicotaxaties
        rollen = load_vocabularies()["rollen"]
        assert {p.ring or rollen.get(p.rol, "ring", 2) for p in c.netwerk.partners} == {1, 2}
        assert len(c.levensgebieden) >= 3
        assert all({"groen", "oranje", "rood"} & {a.fase for a in s.acties} for s in c.scenarios)


@pytest.mark.parametrize("example", [p.name for p in example_paths()])
def test_cover_person_and_legal_framework(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    c, body = plan.case.casus, plan.body
    for text in (c.meta.casus_id, c.persoon.naam, region_label(c.meta.regio), str(c.meta.planversie)):
        assert text in body
    if c.meta.vastgesteld:
        assert format_date(c.meta.vastgesteld) in body
    if c.meta.volgende_evaluatie:
        assert format_date(c.meta.volgende_evaluatie) in body
    for author in c.meta.auteurs:
        assert author in body
    titels = load_vocabularies()["titels"]
    for titel in c.persoon.juridisch_kader:
        assert titels.label(titel.titel) in body
    assert load_vocabularies()["routes"].label(c.gegevensdeling.route) in body


@pytest.mark.parametrize("example", [p.name for p in example_paths()])
def test_network_lists_every_partner_and_naaste(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    rollen = load_vocabularies()["rollen"]
    for p in plan.case.casus.netwerk.partners:
        row = next((r for r in plan.rows if r[:2] == [rollen.label(p.rol), p.organisatie]), None)
        assert row is not None, p.id
        if p.contactpersoon:
            assert p.contactpersoon in row[2]
        for reach in (p.telefoon, p.email):
            if reach:
                assert reach in row[3]
    for n in plan.case.casus.netwerk.naasten:
        assert any(r[0].startswith(n.naam) and r[1] == n.relatie for r in plan.rows), n.id


@pytest.mark.parametrize("example", [p.name for p in PLAN_EXAMPLES])
def test_each_action_names_its_partner_in_the_same_row(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    c = plan.case.casus
    labels = load_vocabularies()["levensgebieden"]
    for gebied in c.levensgebieden:
        assert labels.label(gebied.gebied) in plan.body
        for text in [gebied.situatie, *gebied.risicos, *gebied.doelen]:
            assert clean_text(text).strip() in plan.body
        for actie in gebied.acties:
            row = next((r for r in plan.rows if r[0] == actie.wat), None)
            assert row is not None, actie.wat
            assert _who(c, actie.wie) in row[1]
            when = format_date(actie.wanneer) if isinstance(actie.wanneer, date) else actie.wanneer
            assert row[2] == when


@pytest.mark.parametrize("example", [p.name for p in PLAN_EXAMPLES])
def test_scenarios_follow_the_stoplight(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    c = plan.case.casus
    for s in c.scenarios:
        assert s.naam in plan.body
        for fase, label in (("groen", "Groen"), ("oranje", "Oranje"), ("rood", "Rood")):
            if fase != "rood" and not getattr(s.signalen, fase) and not any(a.fase == fase for a in s.acties):
                continue  # an empty phase is left out, never printed as '-'
            row = next(r for r in plan.rows if r[0].startswith(label) and
                       all(sig in r[1] for sig in getattr(s.signalen, fase)) and
                       all(f"{_who(c, a.wie)}" in r[2] and a.wat in r[2]
                           for a in s.acties if a.fase == fase))
            assert row
        for ref in s.wie_bellen:
            assert _who(c, ref) in plan.body
    # the phase cells carry their colour
    xml = plan.doc.element.xml
    for colour in ("D9EAD3", "FCE5CD", "F4CCCC"):
        assert colour in xml


@pytest.mark.parametrize("example", [p.name for p in PLAN_EXAMPLES])
def test_escalation_risk_exit_and_signatures(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    c, body = plan.case.casus, plan.body
    v = load_vocabularies()
    for i, stap in enumerate(c.opschaling.stappen, start=1):
        assert f"Stap {i}: van {v['niveaus'].label(stap.van)} naar {v['niveaus'].label(stap.naar)}" in body
        admission = stap.naar in ("klinisch_regulier", "biz")
        for text in [*stap.criteria, *(stap.doorloopt if admission else []), stap.vervoer, stap.overdracht,
                     stap.bestemming.plaats]:
            assert text in body
        assert _who(c, stap.wie_besluit) in body
    af = c.opschaling.afschaling
    assert af is not None
    for text in [*af.criteria, af.bestemming, clean_text(af.warme_overdracht)]:
        assert text in body
    for rt in c.risicotaxaties:
        row = next(r for r in plan.rows if r[0] == v["instrumenten"].label(rt.instrument)
                   and r[1] == format_date(rt.datum))
        assert row[2] == rt.uitkomst
    for criterium in ("Minstens twee jaar stabiel", "Beschermende factoren duurzaam geborgd",
                      "Risico aantoonbaar verlaagd"):
        assert criterium in body
    assert "Vroegst mogelijke uitstroom" in body
    for akkoord in c.meta.akkoord:
        # the agreement is recorded by the name; the date column stays empty until signed
        assert any(r[0].startswith(_who(c, akkoord.wie)) and r[1] == ""
                   and (akkoord.datum is None or f"akkoord gegeven op {format_date(akkoord.datum)}" in r[0])
                   for r in plan.rows)
    assert any(r[0].startswith(f"{c.persoon.naam}\nCliënt") for r in plan.rows)  # the client signs too


def test_uitstroom_shows_earliest_exit_date(plans: dict[str, Plan]) -> None:
    plan = plans["caravan-groningen.yaml"]
    # stable since 1 June 2026: two years later at the earliest
    assert any(r == ["Vroegst mogelijke uitstroom", "1 juni 2028"] for r in plan.rows)


@pytest.mark.parametrize("example", [p.name for p in example_paths()])
def test_header_footer_and_properties(plans: dict[str, Plan], example: str) -> None:
    plan = plans[example]
    c = plan.case.casus
    text = header_footer_text(plan.doc)
    doc_type = registry()["levensloopplan"]
    assert c.meta.casus_id in text and "Vertrouwelijk" in text
    assert f"sjabloon versie {doc_type.version}" in text
    assert "pagina" in text and " van " in text
    footer_xml = plan.doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    core = plan.doc.core_properties
    assert core.title == f"Levensloopplan {c.meta.casus_id}"
    assert core.identifier == c.meta.casus_id
    assert doc_type.version in core.comments
    everything = " ".join(str(getattr(core, a) or "") for a in (
        "title", "subject", "keywords", "comments", "category", "author", "identifier"))
    assert c.persoon.naam not in everything
    if c.persoon.geboortedatum:
        assert str(c.persoon.geboortedatum.year) not in everything


def test_special_characters_survive_in_body(plans: dict[str, Plan]) -> None:
    body = plans["caravan-groningen.yaml"].body
    for text in ('Sjoerd "Sjors" Ebbinge', "Marieke de Vries-Öztürk", "Joost van 't Veld",
                 "Conflict met de grondeigenaar loopt op bij drankgebruik.",
                 "Aanvraag Housing First-plek indienen & urgentie onderbouwen.",
                 "Bewindvoering & Budget B.V. (voorbeeld)",
                 "Uitzetting zonder alternatief leidt tot dakloosheid"):
        assert text in body
    body = plans["detentie-midden-nederland.yaml"].body
    for text in ("Joël van 't Holt", "Stichting Tweede Kans Utrecht (voorbeeld)", "dr. Hélène Vos",
                 '("dan ben ik vrij man")', "Mehmet Aydın", "Sanne Çetin-de Bruijn"):
        assert text in body
    body = plans["biz-limburg.yaml"].body
    for text in ("Noël Hermans-Dückers", "Beschermd Wonen 't Geleenhuis (voorbeeld)", "Ayşe Kaya",
                 "LVB-team Zuid & Co (voorbeeld)"):
        assert text in body


def test_markup_like_text_is_printed_as_typed(tmp_path: Path) -> None:
    """Angle brackets in typed text are data, not markup (kept out of the shipped examples,
    where they read as unfilled placeholders)."""
    from ruamel.yaml import YAML

    from levensloop_docs.cli.main import run_in_process

    yaml = YAML()
    source = next(p for p in example_paths() if p.name == "detentie-midden-nederland.yaml")
    data = yaml.load(source.read_text(encoding="utf-8"))
    hostile = ("Stichting Tweede Kans <Utrecht> & <b>Co</b>", "Conflict <escaleert> bij {{ drank }}")
    data["netwerk"]["partners"][-1]["organisatie"] = hostile[0]
    data["levensgebieden"][0]["risicos"] = [hostile[1]]
    case = tmp_path / "vijandig.yaml"
    with case.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    out = tmp_path / "uit"
    code = run_in_process(["genereer", str(case), "--uit", str(out), "--document", "levensloopplan"])
    assert code in (0, None)
    body = body_text(Document(str(next((tmp_path / "uit").glob("*.docx")))))
    for text in hostile:
        assert text in body


def test_special_characters_survive_in_header_and_properties(tmp_path: Path) -> None:
    """Title and header text with & < > ' and diacritics: a manifest title is data too."""
    case = load_case(PLAN_EXAMPLES[0], today=TODAY)
    doc_type = dataclasses.replace(registry()["levensloopplan"], title="Plan & <proef> van 't Zoë")
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    (path,) = render_job(run, Job(case, doc_type, None, ("docx",)))
    doc = Document(str(path))
    assert doc.core_properties.title == f"Plan & <proef> van 't Zoë {case.casus.meta.casus_id}"
    assert doc.core_properties.subject == "Plan & <proef> van 't Zoë"


# --- user text is data, never template code ----------------------------------------------------

TEMPLATE_LOOKALIKES = "Zegt {{ x }} en {% if true %}ja{% endif %} en {%p if x %} en {{ meta.casus_id }}"


def test_template_syntax_in_free_text_appears_literally(tmp_path: Path) -> None:
    source = next(p for p in PLAN_EXAMPLES if p.name == "caravan-groningen.yaml")
    text = source.read_text(encoding="utf-8")
    text = text.replace("    situatie: Drinkt dagelijks; gebruikt in het weekend amfetamine.",
                        f"    situatie: '{TEMPLATE_LOOKALIKES}'")
    text = text.replace('naam: Sjoerd "Sjors" Ebbinge', "naam: '{{ persoon.geboortedatum }} Sjors'")
    case_file = tmp_path / "c.yaml"
    case_file.write_text(text, encoding="utf-8")
    case = load_case(case_file, today=TODAY)
    run = RenderRun(out_dir=tmp_path / "uit", today=TODAY)
    (path,) = render_job(run, Job(case, registry()["levensloopplan"], None, ("docx",)))
    doc = Document(str(path))
    body = body_text(doc)
    assert TEMPLATE_LOOKALIKES in body
    assert "{{ persoon.geboortedatum }} Sjors" in body
    assert "7 maart 1984 Sjors" not in body


# --- all or nothing --------------------------------------------------------------------------

def test_failed_write_leaves_previous_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = load_case(PLAN_EXAMPLES[0], today=TODAY)
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    job = Job(case, registry()["levensloopplan"], None, ("docx",))
    (path,) = render_job(run, job)
    before = path.read_bytes()
    case.casus.persoon.naam = "Iemand Anders"

    def refuse(src: Any, dst: Any) -> None:
        raise OSError("schijf vol")

    monkeypatch.setattr("levensloop_docs.atomic.os.replace", refuse)
    with pytest.raises(OSError):
        render_job(run, job)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_template_error_writes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "kapot.docx"
    doc = Document(str(registry()["levensloopplan"].template))
    doc.add_paragraph("{{ bestaat_niet.veld }}")
    doc.save(str(broken))
    doc_type = dataclasses.replace(registry()["levensloopplan"], template=broken)
    case = load_case(PLAN_EXAMPLES[0], today=TODAY)
    out = tmp_path / "uit"
    with pytest.raises(TemplateProblemError) as info:
        render_job(RenderRun(out_dir=out, today=TODAY), Job(case, doc_type, None, ("docx",)))
    assert case.casus.persoon.naam not in " ".join(info.value.lines())
    assert not out.exists() or not any(out.iterdir())


# --- random text in every text field ---------------------------------------------------------

def _free_text(annotation: Any, metadata: list[Any]) -> bool:
    """A plain typed text (not a vocabulary key, id, date, phone number or e-mail)."""
    if typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        return _free_text(args[0], [*metadata, *args[1:]])
    if annotation is not str:
        return False
    return not any(isinstance(m, VocabKey) or type(m).__name__ == "BeforeValidator" for m in metadata)


Slot = tuple[BaseModel, str, int | None]


def _client_only(owner: BaseModel, name: str) -> bool:
    """The client's own words are for the client's signaleringsplan (test_client_documents)."""
    kind = type(owner).__name__
    return kind == "EigenWoorden" or (kind, name) == ("Naaste", "afspraak_client")


def text_slots(model: BaseModel) -> Iterator[Slot]:
    """Every free-text field in the case, also the empty ones: (owner, field, list index or None)."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            yield from text_slots(value)
        elif isinstance(value, list):
            item_type = typing.get_args(info.annotation)[0] if typing.get_args(info.annotation) else None
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield from text_slots(item)
                elif isinstance(item, str) and _free_text(item_type, []):
                    yield model, name, i
        elif isinstance(value, str) and _free_text(info.annotation, list(info.metadata)):
            yield model, name, None


def test_text_slots_cover_the_free_text_fields() -> None:
    case = load_case(next(p for p in PLAN_EXAMPLES if p.name == "caravan-groningen.yaml"), today=TODAY)
    names = {(type(owner).__name__, name) for owner, name, _i in text_slots(case.casus)}
    for expected in [("Persoon", "naam"), ("Levensgebied", "situatie"), ("Levensgebied", "risicos"),
                     ("Actie", "wat"), ("Partner", "organisatie"), ("Naaste", "toelichting"),
                     ("ScenarioActie", "wat"), ("Signalen", "oranje"), ("Afschaling", "warme_overdracht"),
                     ("Risicotaxatie", "uitkomst"), ("Meta", "auteurs"), ("OpschalingsStap", "doorloopt")]:
        assert expected in names
    assert ("Partner", "id") not in names and ("Partner", "rol") not in names
    # empty in the example, still a field the random test fills
    assert ("Gegevensdeling", "toelichting") in names and ("Titel", "toelichting") in names


# Everything unicode has except surrogates (not encodable in UTF-8 XML), with control
# characters made likely: they are what breaks a DOCX.
TEXT = st.lists(
    st.one_of(
        st.characters(blacklist_categories=["Cs"]),
        st.sampled_from(["\x00", "\x01", "\x0b", "\x0c", "\x1f", "\x7f", "\r", "\r\n", "\t", "&", "<",
                         ">", "'", '"', "{{", "}}", "{%", "%}", "ĳ", "€", "\ufffe", "\U0001f600"]),
    ),
    min_size=1, max_size=24,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(TEXT, min_size=1, max_size=8))
def test_random_unicode_in_every_text_field(tmp_path: Path, values: list[str]) -> None:
    base = load_case(next(p for p in PLAN_EXAMPLES if p.name == "caravan-groningen.yaml"), today=TODAY)
    case = dataclasses.replace(base, casus=base.casus.model_copy(deep=True))
    expected: list[str] = []
    for n, (owner, name, index) in enumerate(text_slots(case.casus)):
        if _client_only(owner, name):
            continue
        # a unique marker per field, so every value can be found back on its own
        value = f"⟦{n}⟧{values[n % len(values)]}⟦/{n}⟧"
        if index is None:
            setattr(owner, name, value)
        else:
            getattr(owner, name)[index] = value
        expected.append(clean_text(value))
    out = tmp_path / f"uit-{abs(hash(tuple(values)))}"
    (path,) = render_job(RenderRun(out_dir=out, today=TODAY),
                         Job(case, registry()["levensloopplan"], None, ("docx",)))
    doc = Document(str(path))  # it opens
    body = body_text(doc)
    for text in expected:
        assert text in body, repr(text)
    shutil.rmtree(out)


# --- formats and PDF -------------------------------------------------------------------------

@pytest.fixture
def plan_without_html(shared_copy: Path) -> Path:
    """A region's manifest in which the plan is only Word and PDF (every shipped document has HTML)."""
    from levensloop_docs.run.documents import registry

    manifest = shared_copy / "templates" / "documenten.yaml"
    text = manifest.read_text(encoding="utf-8")
    plan_block = text.index("levensloopplan:")
    formats = text.index("formaten: [docx, pdf, html]", plan_block)
    manifest.write_text(text[:formats] + "formaten: [docx, pdf]" + text[formats + 27:], encoding="utf-8")
    registry.cache_clear()
    assert registry()["levensloopplan"].formats == ("docx", "pdf")
    return shared_copy


def test_a_format_the_plan_lacks_is_skipped_with_one_note(
    run_cli: RunCli, tmp_path: Path, plan_without_html: Path
) -> None:
    out = tmp_path / "uit"
    result = run_cli("genereer", PLAN_EXAMPLES[0], "--uit", out, "--formaat", "docx,html")
    assert result.code == 0, result.err
    made = sorted(p.name.split("_")[1] + p.suffix for p in out.iterdir())
    # the plan only as docx; the other documents of the case in both formats
    assert [m for m in made if m.startswith("levensloopplan")] == ["levensloopplan.docx"]
    assert "signaleringsplan.html" in made and "signaleringsplan.docx" in made
    notes = [line for line in result.err.splitlines() if line.startswith("Let op:")]
    assert notes == ["Let op: Levensloopplan bestaat niet als html; gemaakt als docx."]


def test_one_note_for_a_whole_folder(run_cli: RunCli, tmp_path: Path, plan_without_html: Path) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    for p in PLAN_EXAMPLES:
        shutil.copy(p, folder / p.name)
    result = run_cli("genereer", folder, "--uit", tmp_path / "uit", "--formaat", "docx,html",
                     "--document", "levensloopplan")
    assert result.code == 0, result.err
    assert result.err.count("Let op:") == 1
    assert len(list((tmp_path / "uit").glob("*.docx"))) == len(PLAN_EXAMPLES)


def test_unknown_format_is_refused(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("genereer", PLAN_EXAMPLES[0], "--uit", tmp_path / "uit", "--formaat", "dox")
    assert result.code == 2
    assert "Onbekend formaat: dox" in result.err and "docx" in result.err
    assert not (tmp_path / "uit").exists()


@pytest.mark.pdf
def test_pdf_pages_are_numbered_x_of_y(needs_libreoffice: None, run_cli: RunCli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = tmp_path / "uit"
    for example in PLAN_EXAMPLES:
        args = ("--uit", out, "--formaat", "pdf", "--document", "levensloopplan")
        result = run_cli("genereer", example, *args)
        assert result.code == 0, result.err
    for pdf in sorted(out.glob("*.pdf")):
        reader = PdfReader(str(pdf))
        total = len(reader.pages)
        assert 4 <= total <= 16, (pdf.name, total)
        case_id = pdf.name.split("_")[0]
        for number, page in enumerate(reader.pages, start=1):
            text = " ".join(page.extract_text().split())
            assert f"pagina {number} van {total}" in text, (pdf.name, number)
            assert case_id in text and "Vertrouwelijk" in text


def test_every_table_in_the_template_has_fixed_widths() -> None:
    """Fixed layout and grid widths: Word and LibreOffice break lines in the same places."""
    from docx.oxml.ns import qn

    doc = Document(str(registry()["levensloopplan"].template))
    tables = doc.element.body.iter(qn("w:tbl"))
    count = 0
    for tbl in tables:
        count += 1
        layout = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblLayout')}")
        assert layout is not None and layout.get(qn("w:type")) == "fixed"
        widths = [int(c.get(qn("w:w"))) for c in tbl.find(qn("w:tblGrid")).findall(qn("w:gridCol"))]
        assert all(w > 0 for w in widths)
        assert sum(widths) <= 16.7 / 2.54 * 1440  # fits between the margins (16.6 cm)
    assert count >= 15
