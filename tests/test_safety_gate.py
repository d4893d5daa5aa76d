"""The safety gate shared by every document (issue 25, part 1).

Every rule of ``case/rules.py`` and ``case/planrules.py`` has a class; each safety rule is
broken on a purpose-built case (the detentie example with one thing taken away or changed)
and the gate names it for the documents it concerns. A CONCEPT document carries the mark in
its header and the open points on page 1 (DOCX read back with python-docx, HTML as text);
``genereer`` prints the points and exits 0, ``--definitief`` refuses (exit 2) and writes
nothing for it; a document that cannot do its job is refused with the reason. The shipped
examples pass the gate.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT, TODAY, RunCli
from docx import Document

from levensloop_docs.case import safety
from levensloop_docs.case.casefile import load_case
from levensloop_docs.case.rules import case_problems
from levensloop_docs.case.safety import GATED, RULES, SAFETY, gate
from levensloop_docs.errors import UnsafeDocumentError
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.run.documents import registry
from levensloop_docs.run.renderrun import Job, RenderRun, render_job
from levensloop_docs.yamlio import dump_yaml, load_yaml

DETENTIE = EXAMPLES / "detentie-midden-nederland.yaml"
INCOMPLETE = ROOT / "tests" / "data" / "concept-voorbeeld.yaml"
Data = dict[str, Any]


def raw(path: Path = DETENTIE) -> Data:
    data = load_yaml(path, round_trip=False)
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def casus(data: Data) -> Casus:
    return Casus.model_validate(data, context={"vocab": load_vocabularies()})


# The broken step of BREAK is stap 3 (BIZ): an opnamebrief is about one step, so it is asked for that one.
LETTER_STEP = "3"


def rules_for(data: Data, kind: str, parameter: str | None = None) -> set[str]:
    if kind == "opnamebrief" and parameter is None:
        parameter = LETTER_STEP
    verdict = gate(casus(data), load_vocabularies(), TODAY, kind, parameter)
    return {p.rule for p in (*verdict.points, *verdict.refusals)}


def partner(data: Data, pid: str) -> Data:
    return next(p for p in data["netwerk"]["partners"] if p["id"] == pid)


def step(data: Data, naar: str) -> Data:
    return next(s for s in data["opschaling"]["stappen"] if s["naar"] == naar)


def title_ended(data: Data) -> None:
    """The Wvggz route, on a zorgmachtiging that ended before TODAY; no other title runs."""
    data["gegevensdeling"] = {"route": "wvggz"}
    data["persoon"]["juridisch_kader"] = [
        {"titel": "wvggz_zorgmachtiging", "start": date(2024, 6, 1), "einde": date(2025, 6, 1)}]


def voluntary(**fields: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        data["gegevensdeling"] = {"route": "vrijwillig", **fields}
    return change


def no_numbers(p: Data) -> None:
    p.pop("telefoon")
    p.pop("buiten_kantoortijd")


# rule -> how to break it on the detentie example
BREAK: dict[str, Callable[[Data], None]] = {
    "casusregisseur_telefoon": lambda d: partner(d, "forfact").pop("telefoon"),
    "nachtlijn": lambda d: partner(d, "forfact").pop("buiten_kantoortijd"),
    "crisisdienst": lambda d: no_numbers(partner(d, "crisisdienst")),
    "bestemming_ontbreekt": lambda d: step(d, "biz").__setitem__("bestemming", {}),
    "bestemming_contact": lambda d: partner(d, "fva").pop("contactpersoon"),
    "bestemming_niveau": lambda d: step(d, "biz")["bestemming"].__setitem__("bedtype", "regulier"),
    "wie_stabiel": lambda d: d["opschaling"]["afschaling"].pop("wie_stabiel"),
    "opname_zonder_reden": lambda d: step(d, "biz").__setitem__("criteria", []),
    "basis_lopend": lambda d: step(d, "biz").__setitem__("juridische_basis", "lopende_zorgmachtiging"),
    "basis_acuut": lambda d: step(d, "biz").update(juridische_basis="zorgmachtiging",
                                                   juridische_terugval=None),
    "basis_zelfbinding": lambda d: step(d, "biz").pop("juridische_terugval"),
    "route_afgelopen": title_ended,
    "toestemming_ontbreekt": voluntary(),
    "toestemming_ingetrokken": voluntary(toestemming_datum=date(2026, 1, 5), ingetrokken=True,
                                         ingetrokken_datum=date(2026, 6, 1)),
    "toestemming_verlopen": voluntary(toestemming_datum=date(2025, 1, 5),
                                      toestemming_geldig_tot=date(2026, 1, 5)),
    "opname_geen_grondslag": title_ended,
}


def broken(rule: str) -> Data:
    data = raw()
    BREAK[rule](data)
    return data


# -- the classes ------------------------------------------------------------------------------

def _rule_keys_in(path: Path) -> set[str]:
    """Every rule key written in a checks module: rule="..." and the last argument of _w(...)."""
    keys: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        for kw in node.keywords:
            if kw.arg in ("rule", "key") and isinstance(kw.value, ast.Constant):
                keys.add(str(kw.value.value))
        name = getattr(node.func, "id", "")
        if name == "_w" and len(node.args) == 3 and isinstance(node.args[2], ast.Constant):
            keys.add(str(node.args[2].value))
    return keys


def test_every_rule_is_classified_and_every_class_is_used() -> None:
    case_dir = ROOT / "levensloop_docs" / "case"
    written = _rule_keys_in(case_dir / "rules.py") | _rule_keys_in(case_dir / "planrules.py")
    written |= _rule_keys_in(case_dir / "safety.py")
    assert written - set(RULES) == set(), "a rule without a class in case/safety.py RULES"
    assert set(RULES) - written == set(), "a class for a rule nobody writes"
    assert {r.klasse for r in RULES.values()} == {"veiligheid", "volledigheid", "samenhang", "stijl"}


def test_each_safety_rule_names_documents_that_exist_with_a_point_and_what_to_do() -> None:
    kinds = set(registry())
    assert kinds >= GATED
    for key, rule in RULES.items():
        if rule.klasse != SAFETY:
            assert not rule.concerns and rule.point is None, key
            continue
        assert rule.concerns and rule.concerns <= GATED, key
        assert rule.point is not None and rule.todo is not None
        assert rule.point().strip() and rule.todo().strip(), key
        assert "_" not in rule.point() + rule.todo(), f"{key}: a field name in the plain-Dutch text"


def test_the_non_safety_warnings_do_not_make_a_concept() -> None:
    data = raw()
    data.pop("client")  # a completeness warning
    data["scenarios"][2]["beschrijving"] = "Ruzie -> geweld."  # a style warning
    found = {p.rule for _loc, p in case_problems(casus(data), load_vocabularies(), TODAY)}
    assert {"stem_client", "pijl"} <= found
    assert all(rules_for(data, kind) == set() for kind in GATED)


# -- each safety rule on a purpose-built case -------------------------------------------------

@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.yaml")) +
                         sorted(f"evaluatie/{p.name}" for p in (EXAMPLES / "evaluatie").glob("*.yaml")))
def test_the_shipped_examples_pass_the_gate(example: str) -> None:
    path = EXAMPLES / example
    case = load_case(path)
    for today in (TODAY, date.today()):
        for kind in GATED:
            verdict = gate(case.casus, load_vocabularies(), today, kind)
            assert verdict.points == () and verdict.refusals == (), (kind, today, verdict)


def test_every_safety_rule_has_a_purpose_built_case() -> None:
    assert set(BREAK) == {k for k, r in RULES.items() if r.klasse == SAFETY}


@pytest.mark.parametrize("rule", sorted(BREAK))
def test_the_gate_names_the_broken_rule_for_each_document_it_concerns(rule: str) -> None:
    data = broken(rule)
    for kind in sorted(GATED):
        found = rules_for(data, kind)
        assert (rule in found) == (kind in RULES[rule].concerns), (kind, found)


@pytest.mark.parametrize("rule", sorted(BREAK))
def test_a_refusing_rule_refuses_and_the_others_mark_concept(rule: str) -> None:
    data = broken(rule)
    for kind in RULES[rule].concerns:
        parameter = LETTER_STEP if kind == "opnamebrief" else None
        verdict = gate(casus(data), load_vocabularies(), TODAY, kind, parameter)
        mine = [p for p in (*verdict.points, *verdict.refusals) if p.rule == rule]
        assert mine and all(p.text and p.todo and p.field for p in mine)
        if kind in RULES[rule].refuses:
            assert any(p.rule == rule for p in verdict.refusals) and not verdict.concept
        else:  # a concept, unless another rule refuses the document outright
            assert any(p.rule == rule for p in verdict.points)
            assert verdict.concept or verdict.refusals


def test_the_legal_basis_is_judged_on_the_document_date() -> None:
    data = raw()
    data["gegevensdeling"] = {"route": "wvggz"}
    data["persoon"]["juridisch_kader"] = [
        {"titel": "wvggz_zorgmachtiging", "start": date(2026, 1, 1), "einde": date(2026, 12, 31)}]
    before = gate(casus(data), load_vocabularies(), date(2026, 12, 30), "levensloopplan")
    after = gate(casus(data), load_vocabularies(), date(2027, 1, 2), "levensloopplan")
    assert "route_afgelopen" not in {p.rule for p in before.points}
    assert "route_afgelopen" in {p.rule for p in after.points}


def test_an_opnamebrief_has_the_points_of_its_own_step_only() -> None:
    data = raw()
    step(data, "klinisch_regulier")["criteria"] = []  # stap 2
    assert "opname_zonder_reden" in rules_for(data, "opnamebrief", "2")
    assert "opname_zonder_reden" not in rules_for(data, "opnamebrief", "3")
    assert "opname_zonder_reden" in rules_for(data, "levensloopplan")


@pytest.mark.parametrize("example", ["detentie-midden-nederland", "biz-limburg", "caravan-groningen",
                                     "evaluatie/LLA-2024-0117"])
def test_the_gate_judges_the_step_the_opnamebrief_is_for(example: str) -> None:
    from levensloop_docs.views.overgang import choose_step

    case = casus(raw(EXAMPLES / f"{example}.yaml"))
    number, _step = choose_step(case, None)
    assert safety.letter_step(case, None) == number - 1
    assert safety.letter_step(case, str(number)) == number - 1


def test_an_acute_step_marked_only_by_its_criteria_counts_as_acute() -> None:
    data = raw()
    biz = step(data, "biz")
    biz.update(juridische_basis="zorgmachtiging", juridische_terugval=None, vormen=[])
    biz["criteria"] = ["Acute psychose met gevaar voor anderen."]
    assert "basis_acuut" in rules_for(data, "levensloopplan")
    biz["juridische_terugval"] = "crisismaatregel"
    assert "basis_acuut" not in rules_for(data, "levensloopplan")


# -- the documents ----------------------------------------------------------------------------

def _case_file(tmp_path: Path, data: Data, name: str = "casus.yaml") -> Path:
    path = tmp_path / name
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def _render(tmp_path: Path, data: Data, request: str, fmt: str = "docx") -> list[Path]:
    case = load_case(_case_file(tmp_path, data))
    name, _sep, parameter = request.partition(":")
    job = Job(case, registry()[name], parameter or None, (fmt,))
    with RenderRun(out_dir=tmp_path / "uit", today=TODAY) as run:
        (tmp_path / "uit").mkdir(exist_ok=True)
        return render_job(run, job)


def _docx_parts(path: Path) -> tuple[list[str], str, str]:
    """(the text of every header, the first body element's text, the whole body text)."""
    doc = Document(str(path))
    headers = ["\n".join(p.text for p in s.header.paragraphs) for s in doc.sections]
    first = doc.element.body[0]
    first_text = "".join(t.text or "" for t in first.iter("{*}t"))
    body = "".join(t.text or "" for t in doc.element.body.iter("{*}t"))
    return headers, first_text, body


def _concept_case() -> Data:
    """Breaks a crisis rule (every crisis document) and consent (every document that shares)."""
    data = raw()
    for key in ("telefoon", "buiten_kantoortijd"):
        partner(data, "crisisdienst").pop(key)
    data["gegevensdeling"] = {"route": "onder_voorwaarden", "toestemming_datum": date(2026, 10, 14)}
    return data


KINDS = ["levensloopplan", "partner:gemeente", "partner:politie", "crisiskaart:politie", "signaleringsplan",
         "opnamebrief", "overdracht:groningen"]


@pytest.mark.parametrize("request_", KINDS)
def test_a_concept_docx_has_the_mark_in_its_header_and_the_points_first(tmp_path: Path,
                                                                        request_: str) -> None:
    (path,) = _render(tmp_path, _concept_case(), request_)
    headers, first, body = _docx_parts(path)
    assert headers and all("CONCEPT - niet volledig" in h for h in headers)
    assert first.startswith("Dit document is een CONCEPT: 1 punt staat open")
    assert "De GGZ-crisisdienst ontbreekt" in first and "Wat te doen:" in first
    assert body.count("Dit document is een CONCEPT") == 1


@pytest.mark.parametrize("request_", ["voortgangsverslag", "uitstroombesluit", "overdrachtsbrief"])
def test_the_evaluation_and_exit_documents_use_the_gate(tmp_path: Path, request_: str) -> None:
    data = raw(EXAMPLES / "evaluatie" / "LLA-2022-0031.yaml")
    data["gegevensdeling"]["toestemming_geldig_tot"] = date(2026, 6, 1)  # before TODAY
    (path,) = _render(tmp_path, data, request_)
    headers, first, _body = _docx_parts(path)
    assert all("CONCEPT" in h for h in headers)
    assert "De toestemming van de cliënt is verlopen." in first


def test_a_complete_case_has_no_mark(tmp_path: Path) -> None:
    for request_ in ("levensloopplan", "partner:gemeente", "crisiskaart:politie"):
        (path,) = _render(tmp_path, raw(), request_)
        headers, _first, body = _docx_parts(path)
        assert "CONCEPT" not in body and not any("CONCEPT" in h for h in headers)


@pytest.mark.parametrize("request_", ["levensloopplan", "partner:gemeente"])
def test_a_concept_html_has_the_banner_and_the_box_once(tmp_path: Path, request_: str) -> None:
    (path,) = _render(tmp_path, _concept_case(), request_, "html")
    page = path.read_text(encoding="utf-8")
    assert page.count("class=\"concept-kop\"") == 1 and page.count("Dit document is een CONCEPT") == 1
    assert "<table class=\"concept\" role=\"alert\">" in page  # tags the page already uses
    assert page.index("concept-kop") < page.index("<main>")
    assert "De GGZ-crisisdienst ontbreekt" in page


def test_the_opnamebrief_without_a_basis_is_refused_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(UnsafeDocumentError) as exc:
        _render(tmp_path, broken("opname_geen_grondslag"), "opnamebrief")
    text = "\n".join(exc.value.lines())
    assert "Opnamebrief" in text and "zijn doel niet kan dienen" in text
    assert "Vraag de cliënt om toestemming om met de kliniek te delen" in text
    assert not list((tmp_path / "uit").glob("*"))


def test_the_consent_form_is_refused_while_the_title_has_ended(tmp_path: Path) -> None:
    with pytest.raises(UnsafeDocumentError) as exc:
        _render(tmp_path, broken("route_afgelopen"), "toestemmingsverklaring")
    assert "titel die is afgelopen" in exc.value.message
    assert not list((tmp_path / "uit").glob("*"))


# -- genereer, --definitief, the batch ------------------------------------------------------

def test_genereer_prints_the_points_and_exits_0(run_cli: RunCli, tmp_path: Path) -> None:
    case = _case_file(tmp_path, _concept_case())
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "levensloopplan",
                     "--document", "partner:gemeente")
    assert result.code == 0, result.err
    assert "CONCEPT (1 open punt): LLA-2026-0063_levensloopplan_v1.docx" in result.out
    assert "CONCEPT (1 open punt): LLA-2026-0063_partner-gemeente_v1.docx" in result.out
    assert "De GGZ-crisisdienst ontbreekt" in result.out and "(netwerk.partners)" in result.out
    assert "2 documenten zijn een CONCEPT" in result.out
    assert len(list((tmp_path / "uit").glob("*.docx"))) == 2


def test_definitief_refuses_a_concept_and_writes_nothing_for_it(run_cli: RunCli, tmp_path: Path) -> None:
    case = _case_file(tmp_path, _concept_case())
    out = tmp_path / "uit"
    result = run_cli("genereer", case, "--uit", out, "--document", "levensloopplan", "--definitief")
    assert result.code == 2
    assert "niet definitief gemaakt" in result.err and "De GGZ-crisisdienst ontbreekt" in result.err
    assert not out.exists() or not list(out.iterdir())


def test_definitief_makes_a_complete_case(run_cli: RunCli, tmp_path: Path) -> None:
    result = run_cli("genereer", DETENTIE, "--uit", tmp_path, "--document", "levensloopplan", "--definitief")
    assert result.code == 0, result.err
    assert "CONCEPT" not in result.out and len(list(tmp_path.glob("*.docx"))) == 1


def test_a_refused_document_does_not_stop_the_others(run_cli: RunCli, tmp_path: Path) -> None:
    case = _case_file(tmp_path, broken("route_afgelopen"))
    out = tmp_path / "uit"
    result = run_cli("genereer", case, "--uit", out, "--document", "toestemmingsverklaring",
                     "--document", "levensloopplan")
    assert result.code == 2
    assert "Toestemming om gegevens te delen" in result.err
    assert [p.name for p in out.iterdir()] == ["LLA-2026-0063_levensloopplan_v1.docx"]


def test_the_batch_counts_concept_documents_per_case(tmp_path: Path) -> None:
    from levensloop_docs.batch.run import BatchOptions, run_batch

    folder = tmp_path / "casussen"
    folder.mkdir()
    _case_file(folder, _concept_case(), "onvolledig.yaml")
    (folder / "compleet.yaml").write_text(DETENTIE.read_text(encoding="utf-8").replace(
        "LLA-2026-0063", "LLA-2026-0064"), encoding="utf-8")
    opts = BatchOptions(folder=folder, out_dir=tmp_path / "uit",
                        requested=["levensloopplan", "partner:gemeente"], workers=1, today=TODAY)
    summary = run_batch(opts)
    assert summary.failed == []
    assert summary.concepts == {"onvolledig.yaml": 2}


def test_the_batch_with_definitief_refuses_per_document(tmp_path: Path) -> None:
    from levensloop_docs.batch.run import BatchOptions, run_batch

    folder = tmp_path / "casussen"
    folder.mkdir()
    _case_file(folder, _concept_case(), "onvolledig.yaml")
    opts = BatchOptions(folder=folder, out_dir=tmp_path / "uit", requested=["levensloopplan"],
                        workers=1, today=TODAY, definitive=True)
    summary = run_batch(opts)
    assert [f.case for f in summary.failed] == ["onvolledig.yaml"] and summary.failed[0].bad_input
    assert not list((tmp_path / "uit").glob("*.docx"))


# -- the deliberately incomplete example ------------------------------------------------------

def test_the_incomplete_example_shows_the_gate() -> None:
    case = load_case(INCOMPLETE)
    vocab = load_vocabularies()
    plan = gate(case.casus, vocab, TODAY, "levensloopplan")
    assert {p.rule for p in plan.points} == {"nachtlijn", "crisisdienst", "bestemming_contact",
                                             "bestemming_niveau", "wie_stabiel", "basis_acuut",
                                             "route_afgelopen"}
    assert gate(case.casus, vocab, TODAY, "opnamebrief").refusals
    assert gate(case.casus, vocab, TODAY, "toestemmingsverklaring").refusals
    assert safety.is_safety("nachtlijn") and not safety.is_safety("pijl")


# -- overzicht -------------------------------------------------------------------------------

SIGNALS = "Signalen"


def _overview_rows(run_cli: RunCli, folder: Path, out: Path) -> dict[str, dict[str, str]]:
    import csv

    result = run_cli("overzicht", folder, "--per", "23-11-2026", "--uit", out, "--formaat", "csv", "--alles")
    assert result.code == 0, result.err
    (path,) = out.glob("overzicht-*.csv")
    header, *rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    return {r[header.index("Casus")]: dict(zip(header, r, strict=True)) for r in rows}


def test_overzicht_shows_the_cases_with_only_concept_documents(run_cli: RunCli, tmp_path: Path) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    (folder / "onvolledig.yaml").write_text(INCOMPLETE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "compleet.yaml").write_text(DETENTIE.read_text(encoding="utf-8"), encoding="utf-8")
    first = _overview_rows(run_cli, folder, tmp_path / "uit1")
    assert "documenten alleen als CONCEPT" in first["LLA-2024-0999"][SIGNALS]
    assert "CONCEPT" not in first["LLA-2026-0063"][SIGNALS]
    # the second run reads the per-user cache (no free text in it): the same answer
    assert _overview_rows(run_cli, folder, tmp_path / "uit2") == first


def test_the_cache_keeps_what_the_gate_reads_but_no_criteria_text() -> None:
    from levensloop_docs.overview.cache import prune, restore

    case = load_case(INCOMPLETE).casus
    pruned = prune(case)
    assert "psychose" not in str(pruned).lower()
    vocab = load_vocabularies()
    for kind in ("levensloopplan", "partner", "crisiskaart"):
        full = {p.rule for p in gate(case, vocab, TODAY, kind).points}
        assert {p.rule for p in gate(restore(pruned, vocab), vocab, TODAY, kind).points} == full
