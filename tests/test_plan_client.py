"""The client's copy of the levensloopplan (issue 28, review C1): the naasten leaflet promises a
victim that what she says about her own safety is not in what the person gets. Sentinel: every
text a naaste gave carries a unique marker; the client's copy shows none of them, the
professionals' copy shows them all (so the test can see a leak)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from _aanmelding_helpers import raw_case, write_case
from _pdf_helpers import docx_text
from conftest import EXAMPLES, RunCli

CASE = EXAMPLES / "biz-limburg.yaml"


def sentinel_case() -> tuple[dict[str, Any], list[str], list[str]]:
    """The Limburg example with a marker in every naaste field; (data, hidden, kept)."""
    data = raw_case(CASE)
    hidden: list[str] = []
    kept: list[str] = []
    for i, n in enumerate(data["netwerk"]["naasten"]):
        for field in ("wil", "betrokkenheid", "toelichting"):
            n[field] = f"ZZNAASTE{i}{field.upper()}QQ"
            hidden.append(n[field])
        if "slachtoffer" in n.get("type", []):  # the plan prints protection for a victim
            n["bescherming"] = [f"ZZNAASTE{i}BESCHERMING{j}QQ" for j in range(2)]
            hidden += n["bescherming"]
        kept.append(n["naam"])
    victim = data["netwerk"]["naasten"][0]
    assert "slachtoffer" in victim["type"]
    # her safety plan (review A, H1): an action or phase task marked 'bescherming', and every
    # task she herself has, tell the client how she is protected from him
    actions = [a for g in data["levensgebieden"] for a in g.get("acties", [])]
    tasks = [t for s in data["scenarios"] for t in s.get("acties", [])]
    data["scenarios"][0].setdefault("acties", []).append(
        {"fase": "oranje", "wie": victim["id"], "wat": "unmarked"})
    protective = [a for a in actions if a.get("bescherming")]
    protective += [t for t in [*tasks, data["scenarios"][0]["acties"][-1]]
                   if t.get("bescherming") or t["wie"] == victim["id"]]
    assert len(protective) >= 5 and any(not t.get("bescherming") for t in protective)
    for j, item in enumerate(protective):
        item["wat"] = f"ZZBESCHERMINGTAAK{j}QQ"
        hidden.append(item["wat"])
    victim["telefoon"] = "06-99887766"
    hidden.append("06-99887766")
    # the team's change list is free text that can tell what a naaste reported
    data["meta"]["wijzigingen"] = ["ZZWIJZIGINGBESCHERMINGQQ"]
    hidden.append("ZZWIJZIGINGBESCHERMINGQQ")
    return data, hidden, kept


def _texts(folder: Path, stem: str) -> list[str]:
    html = (folder / f"{stem}.html").read_text("utf-8")
    return [docx_text(folder / f"{stem}.docx"), " ".join(re.sub(r"<[^>]+>", " ", html).split())]


def test_the_clients_copy_has_nothing_a_naaste_told_the_professionals_copy_has_it_all(
    tmp_path: Path, run_cli: RunCli
) -> None:
    data, hidden, kept = sentinel_case()
    path = write_case(tmp_path, data)
    result = run_cli(
        "genereer",
        path,
        "--uit",
        tmp_path / "uit",
        "--document",
        "levensloopplan",
        "--document",
        "levensloopplan-client",
        "--formaat",
        "docx,html",
    )
    assert result.code == 0, result.err
    stem = f"{data['meta']['casus_id']}_levensloopplan{{}}_v{data['meta']['planversie']}"
    for text in _texts(tmp_path / "uit", stem.format("-client")):
        leaks = [m for m in hidden if m in text]
        assert not leaks, leaks
        # withheld is not 'not asked' (review A, H2): the table of what naasten want is left out
        # rather than filled with defaults that say something false about the victim
        wrong = [w for w in ("Wat naasten willen", "Nog niet gevraagd", "Niet van toepassing") if w in text]
        assert not wrong, wrong
        for name in kept:  # the naasten themselves stay: the client knows them
            assert name in text, name
    for text in _texts(tmp_path / "uit", stem.format("")):
        missing = [m for m in hidden if m not in text]
        assert not missing, missing


def test_the_policy_decides_what_the_clients_copy_leaves_out() -> None:
    from levensloop_docs.reference.policy import load_policy

    groups = load_policy().audience("plan_client")
    assert "naasten" in groups and "naasten_toelichting" not in groups and "incidenten" not in groups


def test_the_clients_copy_drops_the_victim_label_and_number_only(tmp_path: Path) -> None:
    from conftest import TODAY

    from levensloop_docs.case.casefile import validate_raw
    from levensloop_docs.views.plan_client import client_copy

    data, _hidden, _kept = sentinel_case()
    casus, problems = validate_raw(data, Path("x.yaml"), today=TODAY)
    assert casus is not None, problems
    copy = client_copy(casus, TODAY)
    victim, other = copy.netwerk.naasten[0], copy.netwerk.naasten[1]
    assert "slachtoffer" not in victim.type and victim.telefoon is None and victim.bescherming == []
    assert victim.afspraak_client == casus.netwerk.naasten[0].afspraak_client  # the client's own words stay
    assert other.telefoon == casus.netwerk.naasten[1].telefoon and other.toelichting == ""
    assert casus.netwerk.naasten[0].bescherming  # the input is kept


@pytest.mark.pdf
def test_the_clients_copy_pdf_has_no_marker(tmp_path: Path, run_cli: RunCli, needs_libreoffice: None) -> None:
    from _pdf_helpers import pdf_text, squash

    data, hidden, _kept = sentinel_case()
    path = write_case(tmp_path, data)
    result = run_cli(
        "genereer", path, "--uit", tmp_path, "--document", "levensloopplan-client", "--formaat", "pdf"
    )
    assert result.code == 0, result.err
    text = squash(
        pdf_text(
            tmp_path / f"{data['meta']['casus_id']}_levensloopplan-client_v{data['meta']['planversie']}.pdf"
        )
    )
    assert not [m for m in hidden if squash(m) in text]
