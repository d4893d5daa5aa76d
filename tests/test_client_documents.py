"""Documents for the client and the moments of transition (issue 15).

Privacy first: the sentinel case of test_partner_sentinel (a unique marker in every text
field) is rendered as each new document; a marker may only appear when the document's
audience in the policy and, for a partner, that partner type's sharing allow its group.
Then the real output: one-page crisiskaart with 112 before any other number (pypdf), the
consent form on at most two pages, large type in the client's DOCX (python-docx), bad input.
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _pdf_helpers import docx_text, pdf_text
from conftest import EXAMPLES, TODAY, libreoffice_or_skip
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_partner_sentinel import (
    NEVER,
    VARIANTS,
    Markers,
    expected_groups,
    labelled_case,
    own_ids,
    partner_kinds,
    sentinel_case,
)

INCLUDED = ["biz-limburg", "caravan-groningen", "detentie-midden-nederland"]
MARKER = re.compile(r"MK\d{4}Z")


def render_case(
    data: dict[str, Any], requests: list[str], formats: tuple[str, ...], out: Path
) -> dict[str, Path]:
    from levensloop_docs.case.casefile import CaseFile
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    casus = Casus.model_validate(data, context={"vocab": load_vocabularies()})
    case = CaseFile(out / "case.yaml", data, casus, "x")
    run = RenderRun(out_dir=out, today=TODAY)
    files: dict[str, Path] = {}
    try:
        for job in plan_jobs(case, requests, formats):
            for path in render_job(run, job):
                files[f"{job.document.name}:{job.parameter}.{path.suffix[1:]}"] = path
    finally:
        run.close()
    return files


def found_markers(path: Path) -> set[str]:
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            text = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    else:
        text = path.read_text(encoding="utf-8")
    return set(MARKER.findall(text))


def by_text(markers: Markers) -> dict[str, Any]:
    return {m.text: m for m in markers.all}


# -- the client's signaleringsplan ---------------------------------------------------------

CLIENT_ALLOWED = {
    "scenarios[].in_eigen_woorden.titel", "scenarios[].in_eigen_woorden.groen[]",
    "scenarios[].in_eigen_woorden.oranje[]", "scenarios[].in_eigen_woorden.rood[]",
    "scenarios[].in_eigen_woorden.wat_helpt[]", "client.doelen[]", "client.wat_helpt[]",
    "persoon.roepnaam",  # the client's own name: "Dit plan is van ..."
}  # fmt: skip


@pytest.mark.parametrize("variant", ["vrijwillig", "wvggz", "ingetrokken_zonder_titel"])
def test_signaleringsplan_shows_only_the_clients_own_words_and_contacts(variant: str, tmp_path: Path) -> None:
    data, markers = sentinel_case(variant)
    files = render_case(data, ["signaleringsplan"], ("html", "docx"), tmp_path)
    index = by_text(markers)
    zus = next(n for n in data["netwerk"]["naasten"] if n["id"] == "zus")
    allowed = {m.text for m in markers.all if m.path in CLIENT_ALLOWED}
    # the naaste with consent for contact and an agreement: first name, relation, agreement
    allowed |= {zus["naam"], zus["relatie"], zus["afspraak_client"]}
    casus = next(p for p in data["netwerk"]["partners"] if p["id"] == "casus")
    allowed |= {casus["organisatie"], casus["contactpersoon"]}
    for name, path in files.items():
        found = found_markers(path)
        wrong = sorted(f"{index[x].path} ({index[x].group})" for x in found - allowed)
        assert not wrong, f"{name}: mag niet op het signaleringsplan: {wrong}"
        assert allowed <= found, f"{name}: ontbreekt: {sorted(index[x].path for x in allowed - found)}"


def test_signaleringsplan_docx_is_in_large_type(tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    from levensloop_docs.run.documents import registry

    data, _m = sentinel_case("vrijwillig")
    files = render_case(data, ["signaleringsplan"], ("docx",), tmp_path)
    doc = Document(str(files["signaleringsplan:None.docx"]))
    assert doc.styles["Normal"].font.size == Pt(registry()["signaleringsplan"].font_size or 0) >= Pt(14)
    assert doc.styles["Heading 2"].font.size > doc.styles["Normal"].font.size
    text = docx_text(files["signaleringsplan:None.docx"])
    assert "Gevaar? Bel meteen 112." in text
    assert text.index("112") < text.index("050-0000999")  # 112 before the 24/7 number


client_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029"),
    min_size=1, max_size=60,
).filter(lambda s: s.strip() and not s.strip().startswith(("#", "-", "*", "+", ">", "|", "=")))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=client_text)
def test_the_clients_own_words_come_through_as_text(words: str) -> None:
    """Whatever the client says (markup characters included) is printed as text, never as markup."""
    import html

    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.render.markdown import render_markdown_file
    from levensloop_docs.run.documents import registry
    from levensloop_docs.text import clean_text

    data, _m = sentinel_case("vrijwillig")
    data["scenarios"][0]["in_eigen_woorden"]["rood"] = [words]
    vocab = load_vocabularies()
    casus = Casus.model_validate(data, context={"vocab": vocab})
    doc = registry()["signaleringsplan"]
    context = doc.build_context(casus, vocab, TODAY)
    page = render_markdown_file(doc.template, context, search_path=doc.template.parent.parent)
    plain = html.unescape(re.sub(r"<[^>]+>", "", page.body))
    assert " ".join(clean_text(words).split()) in " ".join(plain.split())
    assert "<script" not in page.body.lower()


# -- crisiskaart, opnamebrief, overdracht: group-level oracle ------------------------------

@cache
def effective(audience: str, kind: str | None, variant: str) -> frozenset[str]:
    """What the policy lets the document carry: the audience's groups, within the partner's."""

    from levensloop_docs.reference.policy import load_policy

    groups = load_policy().audience(audience)
    return frozenset(groups & expected_groups(kind, variant)) if kind else frozenset(groups)


# Fields the partner sheets never show but a handover letter must: the explanation of the
# terugkeergarantie is part of the route agreement the receiving clinic works with.
LETTER_GROUPS = {"opschaling.stappen[].terugkeer_toelichting": "opschaling"}


def assert_groups(path: Path, markers: Markers, allowed: frozenset[str], where: str,
                  regroup: dict[str, str] | None = None, known: frozenset[str] | None = None) -> None:
    """Every marker on the document is of an allowed group, and names nothing outside ``known``
    (what the reader may see at all; default ``allowed``): a clinic, the court (F4)."""
    index = by_text(markers)
    for text in found_markers(path):
        m = index[text]
        group = (regroup or {}).get(m.path, m.group)
        assert group != NEVER and group in allowed, (
            f"{where}: {m.path} (groep {m.group}) staat erop; toegestaan: {sorted(allowed)}"
        )
        assert m.reveals <= (allowed if known is None else known), (
            f"{where}: {m.path} noemt {sorted(m.reveals)}; de lezer mag zien: {sorted(known or allowed)}"
        )


@pytest.mark.parametrize("variant", VARIANTS)
def test_crisiskaart_carries_only_what_each_partner_type_may_see(variant: str, tmp_path: Path) -> None:
    data, markers = sentinel_case(variant)
    kinds = partner_kinds()
    files = render_case(data, [f"crisiskaart:{k}" for k in kinds], ("html",), tmp_path)
    assert len(files) == len(kinds)
    for kind in kinds:
        allowed = effective("crisiskaart", kind, variant)
        path = files[f"crisiskaart:{kind}.html"]
        assert_groups(path, markers, allowed, f"crisiskaart:{kind} ({variant})",
                      known=expected_groups(kind, variant))
        text = path.read_text(encoding="utf-8")
        assert ("MK0" in text and data["persoon"]["naam"] in text) == ("identificatie" in allowed)
        assert text.index("112") < text.index("050-0000999")


@pytest.mark.parametrize("variant", VARIANTS)
def test_opnamebrief_and_overdracht_carry_only_their_audiences_groups(variant: str, tmp_path: Path) -> None:
    from levensloop_docs.errors import UnsafeDocumentError

    data, markers = sentinel_case(variant)
    data["opschaling"]["stappen"][2]["naar"] = "klinisch_regulier"
    letter = effective("opnamebrief", "kliniek", variant)
    if {"identificatie", "opschaling"} <= letter:
        files = render_case(data, ["opnamebrief"], ("html",), tmp_path)
        # a victim's relation ('moeder') is the ward's visiting rule, under the legal frame (overgang.py)
        admission = {**LETTER_GROUPS, "netwerk.naasten[].relatie": "juridisch_kader"}
        assert_groups(files["opnamebrief:None.html"], markers, letter, f"opnamebrief ({variant})", admission)
    else:  # issue 25: a letter that may not name the person or the reason is refused, not made empty
        with pytest.raises(UnsafeDocumentError):
            render_case(data, ["opnamebrief"], ("html",), tmp_path)
        assert not list(tmp_path.glob("*opnamebrief*"))
    files = render_case(data, ["overdracht:drenthe"], ("html",), tmp_path)
    allowed = effective("overdracht", "kliniek", variant)
    where = f"overdracht ({variant})"
    assert_groups(files["overdracht:drenthe.html"], markers, allowed, where, LETTER_GROUPS)


def test_toestemmingsverklaring_names_partners_and_supporting_naasten_only(tmp_path: Path) -> None:
    data, markers = sentinel_case("vrijwillig")
    files = render_case(data, ["toestemmingsverklaring"], ("html",), tmp_path)
    index = by_text(markers)
    found = found_markers(files["toestemmingsverklaring:None.html"])
    for text in found:
        m = index[text]
        ok = m.path in ("persoon.naam", "netwerk.partners[].organisatie", "netwerk.partners[].contactpersoon",
                        "netwerk.naasten[].naam", "netwerk.naasten[].relatie")
        assert ok, f"{m.path} mag niet op de toestemmingsverklaring"
    organisations = {p["organisatie"] for p in data["netwerk"]["partners"] if p["id"] != "casus"}
    assert organisations <= found


# -- the real documents of the examples ----------------------------------------------------

def scenario_markers(path: Path, markers: Markers) -> set[str]:
    index = by_text(markers)
    return {t for t in found_markers(path) if index[t].path.startswith("scenarios[]")}


@pytest.mark.parametrize(("variant", "case"), [
    ("vrijwillig", sentinel_case), ("onder_voorwaarden", sentinel_case), ("vrijwillig", labelled_case),
    ("onder_voorwaarden", labelled_case), ("wvggz", labelled_case),
])
def test_crisiskaart_shows_no_scenario_text_its_partner_sheet_withholds(
    variant: str, case: Any, tmp_path: Path
) -> None:
    """Findings B 1-2: the card carries the scenarios of the sheet (those with a duty of this
    partner), and a scenario whose type the sheet withholds ('terugval_middelen' without
    problematiek) loses its name, description and signals on both."""
    data, markers = case(variant)
    kinds = partner_kinds()
    requests = [f"{d}:{k}" for k in kinds for d in ("crisiskaart", "partner")]
    files = render_case(data, requests, ("html",), tmp_path)
    index, shown = by_text(markers), 0
    for kind in kinds:
        card = scenario_markers(files[f"crisiskaart:{kind}.html"], markers)
        sheet = scenario_markers(files[f"partner:{kind}.html"], markers)
        extra = sorted(f"{index[t].path} (van {index[t].owner})" for t in card - sheet)
        assert not extra, f"crisiskaart:{kind} ({variant}) toont wat het partnerblad weglaat: {extra}"
        groups = expected_groups(kind, variant)
        for t in card:  # only its own scenarios; with a withheld type no name, description or signal
            assert index[t].owner in own_ids(kind), (kind, index[t].path)
            if case is labelled_case and index[t].path != "scenarios[].acties[].wat":
                assert "problematiek" in groups, f"crisiskaart:{kind} ({variant}): {index[t].path}"
        shown += len(card)
    assert shown  # some card does show scenario texts


# The scenario texts of LLA-2026-0063 that its police and gemeente cards may not carry: scenarios
# where they have no duty, a type they may not see (drug use: problematiek).
NOT_ON_CARD = {
    "politie": ["Positieve urinecontrole met dreigend gedrag", "Gebruikt dagelijks",
                "De eerste twee weken na ontslag", "Terugval in cocaïnegebruik",
                "Niet bereikbaar langer dan 48 uur"],
    "gemeente": ["Positieve urinecontrole met dreigend gedrag", "Gebruikt dagelijks",
                 "Aanhouding of inverzekeringstelling", "Terugval in cocaïnegebruik",
                 "Agressie tegen buren of hulpverleners"],
}  # fmt: skip


def test_police_and_gemeente_cards_of_the_detention_example_leak_no_scenario_text(tmp_path: Path) -> None:
    from levensloop_docs.views.common import text as plain

    data = load_example("detentie-midden-nederland")
    requests = [f"{d}:{k}" for k in NOT_ON_CARD for d in ("crisiskaart", "partner")]
    files = render_case(data, requests, ("docx",), tmp_path)
    texts = {"naam", "beschrijving"}
    scenario_texts = [" ".join(plain(s.get(k, "")).split()) for s in data["scenarios"] for k in texts]
    scenario_texts += [" ".join(x.split()) for s in data["scenarios"] for f in ("groen", "oranje", "rood")
                       for x in s.get("signalen", {}).get(f, [])]
    for kind, banned in NOT_ON_CARD.items():
        card = " ".join(docx_text(files[f"crisiskaart:{kind}.docx"]).split())
        sheet = " ".join(docx_text(files[f"partner:{kind}.docx"]).split())
        assert "112" in card  # the card itself is there
        leaked = [b for b in banned if b in card]
        assert not leaked, f"crisiskaart:{kind}: {leaked}"
        beyond = [x for x in scenario_texts if x and x.rstrip(".") in card and x.rstrip(".") not in sheet]
        assert not beyond, f"crisiskaart:{kind} toont wat partner:{kind} weglaat: {beyond}"
    # the police still get their own scenario: the signal at the ex-partner's home
    police = " ".join(docx_text(files["crisiskaart:politie.docx"]).split())
    assert "Staat bij haar woning of dreigt met geweld" in police
    # the gemeente has no duty in any scenario: the card says so, not that the plan has no signals
    gemeente = " ".join(docx_text(files["crisiskaart:gemeente.docx"]).split())
    assert "Geen rode signalen bij de scenario's waarin u een taak heeft" in gemeente


def load_example(name: str) -> dict[str, Any]:
    from levensloop_docs.yamlio import load_yaml

    return dict(load_yaml(EXAMPLES / f"{name}.yaml"))


PHONE = re.compile(r"\b(?:112|0\d{1,3}-\d{6,7}|06-\d{8})\b")


def test_crisiskaart_is_one_page_with_112_first_and_consent_form_at_most_two(tmp_path: Path) -> None:
    libreoffice_or_skip()
    from pypdf import PdfReader

    from levensloop_docs.model.vocab import load_vocabularies

    rollen = load_vocabularies()["rollen"]
    for name in INCLUDED:
        data = load_example(name)
        # a card per partner type in the case's network (a type outside it gets none)
        present = {str(rollen.get(p["rol"], "partnersoort")) for p in data["netwerk"]["partners"]}
        kinds = [k for k in partner_kinds() if k in present]
        assert "politie" in kinds and len(kinds) >= 3, (name, kinds)
        cards = [f"crisiskaart:{k}" for k in kinds]
        requests = [*cards, "toestemmingsverklaring", "signaleringsplan"]
        files = render_case(data, requests, ("pdf",), tmp_path / name)
        for request in cards:
            pdf = files[f"{request}.pdf"]
            assert len(PdfReader(pdf).pages) == 1, f"{name} {request}: meer dan één pagina"
            numbers = PHONE.findall(pdf_text(pdf))
            assert numbers and numbers[0] == "112", f"{name} {request}: eerste nummer {numbers[:1]}"
        assert len(PdfReader(files["toestemmingsverklaring:None.pdf"]).pages) <= 2, name
        text = pdf_text(files["signaleringsplan:None.pdf"])
        assert "Bel meteen 112" in text


def test_opnamebrief_of_the_biz_example_is_one_page_for_its_clinic(tmp_path: Path) -> None:
    libreoffice_or_skip()
    from pypdf import PdfReader

    files = render_case(load_example("biz-limburg"), ["opnamebrief", "opnamebrief:3"], ("pdf",), tmp_path)
    for key in ("opnamebrief:None.pdf", "opnamebrief:3.pdf"):
        assert len(PdfReader(files[key]).pages) == 1
    text = " ".join(pdf_text(files["opnamebrief:3.pdf"]).split())
    assert "FPK Heuvelland" in text and "Terugkeergarantie" in text
    assert "Afschalen naar" in text
    # without a choice: the next step (issue 25), not FPK Heuvelland where Noël already is
    assert "GGZ-kliniek Parkstad" in " ".join(pdf_text(files["opnamebrief:None.pdf"]).split())


# -- bad input -----------------------------------------------------------------------------

def write_case(tmp_path: Path, data: dict[str, Any]) -> Path:
    from levensloop_docs.yamlio import dump_yaml

    path = tmp_path / "casus.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def test_crisiskaart_without_a_24_7_number_is_refused(tmp_path: Path, run_cli: Any) -> None:
    data = load_example("caravan-groningen")
    for p in data["netwerk"]["partners"]:
        p.pop("buiten_kantoortijd", None)
        if p["rol"] == "crisisdienst":
            p["rol"] = "ggz"
    case = write_case(tmp_path, data)
    out = tmp_path / "uit"
    result = run_cli("genereer", case, "--document", "crisiskaart:politie", "--uit", out)
    code, err = result.code, result.err
    assert code == 2
    assert "buiten_kantoortijd" in err and "crisiskaart" in err and "Casus" in err
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize(("request_", "field"), [
    ("opnamebrief:9", "opschaling.stappen"), ("opnamebrief:onbekend", "opschaling.stappen"),
    ("overdracht:groningen", "overdracht:drenthe"), ("crisiskaart:bakker", "partner:"),
    ("crisiskaart:openbaar_ministerie", "netwerk.partners"),  # not in this case's network
])
def test_bad_document_requests_are_refused_in_dutch(
    request_: str, field: str, tmp_path: Path, run_cli: Any
) -> None:
    out = tmp_path / "uit"
    case = str(EXAMPLES / "caravan-groningen.yaml")
    result = run_cli("genereer", case, "--document", request_, "--uit", out)
    code, err = result.code, result.err
    assert code == 2, err
    assert field in err
    assert not out.exists() or not any(out.iterdir())


def test_parameter_lists_follow_the_partner_types_and_the_regions() -> None:
    from levensloop_docs.reference.regions import region_keys
    from levensloop_docs.run.documents import registry

    types = registry()
    assert types["crisiskaart"].parameters == types["partner"].parameters
    assert list(types["overdracht"].parameters) == region_keys()


def test_every_list_line_stays_its_own_item(tmp_path: Path) -> None:
    """A line that ends in a Jinja tag loses its newline: partners must not run together."""
    data = load_example("detentie-midden-nederland")
    files = render_case(data, ["overdracht:groningen", "signaleringsplan"], ("html",), tmp_path)
    page = files["overdracht:groningen.html"].read_text(encoding="utf-8")
    network = page.split("Huidig netwerk", 1)[1].split("</ul>", 1)[0]
    assert network.count("<li>") == len(data["netwerk"]["partners"])
    plan = files["signaleringsplan:None.html"].read_text(encoding="utf-8")
    calls = plan.split("Wie bel ik?", 1)[1].split("</ul>", 1)[0]
    assert calls.count("<li>") == 1 + 1 + 2  # 112, the casusregisseur, two 24/7 numbers
    assert "**" not in plan and "**" not in page  # no Markdown left as text
