"""Case-specific partner sheets: what they say, the empty case, errors, and the policy file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from _pdf_helpers import docx_text
from conftest import EXAMPLES, TODAY, RunCli
from test_markdown import StructureCheck

from levensloop_docs.yamlio import dump_yaml, load_yaml

EXAMPLE = EXAMPLES / "caravan-groningen.yaml"


def edited_example(tmp_path: Path, change: Any) -> Path:
    data = load_yaml(EXAMPLE)
    change(data)
    target = tmp_path / "casus.yaml"
    target.write_text(dump_yaml(data), "utf-8")
    return target


def sheet(run_cli: Any, case: Path, kind: str, out: Path, formats: str = "html,docx") -> dict[str, str]:
    result = run_cli("genereer", case, "--document", f"partner:{kind}", "--formaat", formats, "--uit", out)
    assert result.code == 0, result.err
    stem = f"LLA-2026-0042_partner-{kind}_v2"
    texts = {"html": (out / f"{stem}.html").read_text("utf-8")}
    if "docx" in formats:
        texts["docx"] = docx_text(out / f"{stem}.docx")
    return texts


def test_a_partner_without_actions_gets_a_plain_sentence_not_an_empty_table(
    run_cli: RunCli, tmp_path: Path
) -> None:
    def add_reclassering(data: Any) -> None:
        data["netwerk"]["partners"].append(
            {"id": "recl", "rol": "reclassering", "organisatie": "Reclassering Noord (voorbeeld)"}
        )

    case = edited_example(tmp_path, add_reclassering)
    texts = sheet(run_cli, case, "reclassering", tmp_path / "uit")
    page = texts["html"]
    StructureCheck.check_page(page)
    part = page.split("Wat u doet</h2>")[1].split("<h2")[0]
    assert "In dit plan staan geen afspraken voor Reclassering." in part
    assert "<table" not in part
    assert "U hebt geen eigen taak in een scenario" in page
    assert "Voor: Reclassering Noord (voorbeeld)" in page
    assert "In dit plan staan geen afspraken voor Reclassering." in texts["docx"]


def test_a_partner_type_not_in_the_network_gets_no_sheet(run_cli: RunCli, tmp_path: Path) -> None:
    """A sheet for a partner the case does not have would give its data to a stranger (issue 17)."""
    result = run_cli("genereer", EXAMPLE, "--document", "partner:woningcorporatie", "--formaat", "html",
                     "--uit", tmp_path)
    assert result.code == 2
    assert "LLA-2026-0042 heeft geen partner van de soort Woningcorporatie" in result.err
    assert not list(tmp_path.glob("*.html"))


def test_the_sheet_states_route_and_what_it_leaves_out(run_cli: RunCli, tmp_path: Path) -> None:
    texts = sheet(run_cli, EXAMPLE, "politie", tmp_path)
    words = " ".join(texts["docx"].split())
    assert ("Gedeeld op grond van: Vrijwillige route (schriftelijke toestemming), toestemming gegeven op "
            "28 september 2026.") in words
    assert "Niet op dit blad:" in words and "Problematiek en diagnoses" in words and "Naasten" in words
    # the police duty from the scenario, and not the other partners' duties
    assert "Bij dreiging met geweld ter plaatse" in words
    assert "Tijdelijke plek regelen" not in words and "Psychiater inschakelen" not in words
    assert "Geertje" not in words and "Vermoeden van LVB" not in words


def test_withdrawn_consent_without_another_basis_leaves_only_contacts(
    run_cli: RunCli, tmp_path: Path
) -> None:
    def withdraw(data: Any) -> None:
        data["gegevensdeling"]["ingetrokken"] = True
        data["gegevensdeling"]["ingetrokken_datum"] = "2026-11-01"

    texts = sheet(run_cli, edited_example(tmp_path, withdraw), "gemeente", tmp_path / "uit")
    words = " ".join(texts["docx"].split())
    assert "De cliënt heeft de toestemming ingetrokken op 1 november 2026." in words
    assert "Er is geen andere grondslag. Daarom staan hier alleen de contactgegevens." in words
    assert "Sjoerd" not in words and "Housing First" not in words and "caravan" not in words.lower()
    assert "Fatima El Amrani" in words  # whom to call stays


def test_the_basis_is_named_only_where_the_legal_frame_is_shared(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue 12: the basis per partner, from its date; its name never reveals a withheld group."""
    def wvggz(data: Any) -> None:
        data["gegevensdeling"]["route"] = "wvggz"
        data["persoon"]["juridisch_kader"][0]["einde"] = "2030-01-01"

    case = edited_example(tmp_path, wvggz)
    gemeente = " ".join(sheet(run_cli, case, "gemeente", tmp_path / "gem")["docx"].split())
    assert ("Gedeeld op grond van: Route Wet verplichte ggz (Wvggz) (Wvggz - zorgmachtiging), "
            "vanaf 3 november 2025.") in gemeente
    # the police gets no legal frame on this route: the basis is not named either
    politie = " ".join(sheet(run_cli, case, "politie", tmp_path / "pol")["docx"].split())
    assert "Gedeeld op grond van: een wettelijke grondslag, vanaf 3 november 2025." in politie
    basis = politie.split("Gedeeld op grond van:")[1].split(".")[0]
    # the region's own route text may explain the zorgmachtiging in general; the case's is not named
    assert "Wvggz" not in politie and "zorgmachtiging" not in basis


def test_withdrawn_consent_with_a_running_zorgmachtiging_shares_on_it(
    run_cli: RunCli, tmp_path: Path
) -> None:
    def withdraw(data: Any) -> None:
        data["gegevensdeling"]["ingetrokken"] = True
        data["persoon"]["juridisch_kader"][0]["einde"] = "2030-01-01"

    texts = sheet(run_cli, edited_example(tmp_path, withdraw), "gemeente", tmp_path / "uit")
    words = " ".join(texts["docx"].split())
    assert "andere grondslag mag: Route Wet verplichte ggz (Wvggz) (Wvggz - zorgmachtiging)" in words
    assert "Sjoerd" in words and "Naasten" in words.split("Niet op dit blad:")[1]


def test_partner_context_is_an_allow_list() -> None:
    """A group the policy does not allow is absent from the context, whatever the template does."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.views.partner_sheet import partner_sheet_context

    casus = load_case(EXAMPLE).casus.model_copy(deep=True)
    casus.gegevensdeling.route = "bemoeizorg"
    context = partner_sheet_context(casus, load_vocabularies(), TODAY, "politie")
    for group in ("problematiek", "juridisch_kader", "risicotaxaties", "naasten", "verblijf", "opschaling",
                  "achtergrond"):  # fmt: skip
        assert context[group] is None, group
    assert context["persoon"] is not None and context["contacten"] is not None  # the sheet is typed now
    assert context["persoon"]["naam"].startswith("Sjoerd")
    assert [c["rol_sleutel"] for c in context["contacten"]] == [
        "levensloopaanbieder", "procesregisseur", "gemeente", "politie"
    ]
    flat = repr(context)
    assert "Bewindvoering" not in flat and "Verslavingszorg Noord" not in flat and "Geertje" not in flat


def test_a_role_narrows_the_sheet_to_that_role(run_cli: RunCli, tmp_path: Path) -> None:
    texts = sheet(run_cli, EXAMPLE, "verslavingszorg", tmp_path)
    assert "afspraken voor Verslavingszorg" in texts["html"]
    assert "Motiverende gesprekken" in texts["html"]


@pytest.mark.parametrize("document", ["partner:bakker", "partner"])
def test_an_unknown_or_missing_partner_type_is_a_dutch_error(
    run_cli: RunCli, tmp_path: Path, document: str
) -> None:
    out = tmp_path / "uit"
    result = run_cli("genereer", EXAMPLE, "--document", document, "--formaat", "html", "--uit", out)
    assert result.code == 2
    assert "Kies een partnersoort voor het partnerblad" in result.err and "reclassering" in result.err
    assert not out.exists() or not list(out.glob("*.html"))


def broken_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> Path:
    from levensloop_docs.resources import data_dir

    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    policy = copy / "beleid" / "gegevensdeling.yaml"
    text = policy.read_text("utf-8")
    assert old in text
    policy.write_text(text.replace(old, new, 1), "utf-8")
    monkeypatch.setenv("LEVENSLOOP_DATA", str(copy))
    return policy


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        ("    wzd: [identificatie, contacten, eigen_acties, scenario_taken, opschaling, verblijf]",
         "    wzd: [identificatie, contacten, eigen_acties, scenario_taken, opschaling, adres]",
         "partners.gemeente.wzd[5]", "Onbekende groep 'adres'"),
        ("  politie:\n    vrijwillig:", "  politie:\n    vrijwilig:", "partners.politie.vrijwilig",
         "Onbekende route 'vrijwilig'"),
        ("  woningcorporatie:\n", "  bakker:\n", "partners.bakker", "Onbekende partnersoort 'bakker'"),
        ("  wzd: [wzd_rechterlijke_machtiging", "  wzd: [wzd_machtiging", "grondslagen.wzd[0]",
         "Onbekende titel 'wzd_machtiging'"),
        ("standaard: [identificatie, contacten, eigen_acties]", "standaard: identificatie",
         "standaard", ""),
        ("  opschaling.stappen[].vervoer: [juridisch_kader]",
         "  opschaling.stappen[].vervoerr: [juridisch_kader]", "velden.opschaling.stappen[].vervoerr",
         "Onbekend veld 'opschaling.stappen[].vervoerr'"),
        ("  netwerk.naasten[].wil: [naasten_toelichting]", "  netwerk.naasten[].wil: [verhaal]",
         "velden.netwerk.naasten[].wil[0]", "Onbekende groep 'verhaal'"),
    ],
)  # fmt: skip
def test_a_broken_policy_is_reported_with_file_line_and_field(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    old: str, new: str, field: str, message: str
) -> None:
    from levensloop_docs.reference.policy import _load_policy

    _load_policy.cache_clear()
    policy = broken_policy(tmp_path, monkeypatch, old, new)
    out = tmp_path / "uit"
    result = run_cli("genereer", EXAMPLE, "--document", "partner:gemeente", "--formaat", "html", "--uit", out)
    _load_policy.cache_clear()
    assert result.code == 2, result.err
    assert "Het beleid voor gegevensdeling is niet geldig." in result.err
    assert f"{policy}:" in result.err and f": {field}:" in result.err
    assert message in result.err and "Traceback" not in result.err
    assert not out.exists() or not any(out.iterdir())


def test_the_shipped_policy_is_conservative() -> None:
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    assert set(policy.default) == {"identificatie", "contacten", "eigen_acties"}
    assert policy.without_basis == ("contacten",)
    for kind, routes in policy.partners.items():
        for route, groups in routes.items():
            assert {"contacten", "eigen_acties"} <= set(groups) or not groups, (kind, route)
    assert "problematiek" not in policy.allowed("politie", "vrijwillig")
    assert "naasten" not in policy.allowed("woningcorporatie", "vrijwillig")


def test_the_manifest_offers_exactly_the_partner_types_of_the_policy() -> None:
    from levensloop_docs.reference.policy import load_policy
    from levensloop_docs.run.documents import registry

    assert set(registry()["partner"].parameters) == set(load_policy().partner_types())


def test_the_basis_is_per_partner_in_the_plan_and_on_the_sheets(run_cli: RunCli, tmp_path: Path) -> None:
    """Issue 12: on the criminal-law route the gemeente shares on the client's consent, the police
    on the route; the plan and the sheets say the same, each with its date."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.views.plan import build_context

    def criminal(data: Any) -> None:
        data["gegevensdeling"]["route"] = "onder_voorwaarden"
        data["persoon"]["juridisch_kader"].append(
            {"titel": "bijzondere_voorwaarden", "start": "2026-03-01", "einde": "2028-03-01"})

    case = edited_example(tmp_path, criminal)
    plan = build_context(load_case(case).casus, load_vocabularies(), TODAY)["gegevensdeling"]["per_partner"]
    by_partner = {p["partner"].split(" (")[0]: p["grondslagen"] for p in plan}
    gemeente = next(v for k, v in by_partner.items() if k.startswith("Gemeente"))
    politie = next(v for k, v in by_partner.items() if k.startswith("Politie"))
    assert [b["route"] for b in gemeente] == ["Vrijwillige route (schriftelijke toestemming)"]
    assert gemeente[0]["vanaf"] == "28 september 2026"
    assert politie[0]["route"].startswith("Route 'onder voorwaarden'")
    assert politie[0]["vanaf"] == "1 maart 2026"
    words = " ".join(sheet(run_cli, case, "gemeente", tmp_path / "gem")["docx"].split())
    assert "is geen grondslag om met deze partner te delen" in words
    assert ("andere grondslag mag: Vrijwillige route (schriftelijke toestemming), toestemming gegeven op "
            "28 september 2026.") in words
    assert "onder voorwaarden" not in words.split("Niet op dit blad")[0].split("Daarom")[1]
