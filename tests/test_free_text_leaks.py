"""The leaks the policy let through (review of 7 December 2026, F4 and F14), on the example cases.

F4: free text of the escalation steps ("rechter-commissaris ... in plaats van detentie", "FVA
Amersfoort") reached a police sheet that withholds the legal framework, and the naaste label
'slachtoffer' reached the gemeente and the kliniek. F14: under the bemoeizorg route every sheet
named the route. The commands are the reviewer's; the sentinel (test_partner_sentinel) covers
every route and field, these pin the reported cases.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from conftest import EXAMPLES, RunCli


def example(name: str, tmp_path: Path, change: Any) -> Path:
    from levensloop_docs.yamlio import dump_yaml, load_yaml

    data = load_yaml(EXAMPLES / f"{name}.yaml", round_trip=False)
    change(data)
    path = tmp_path / f"{name}.yaml"
    path.write_text(dump_yaml(data), "utf-8")
    return path


def pages(run_cli: RunCli, case: Path, out: Path, *documents: str) -> dict[str, str]:
    args: list[str | Path] = ["genereer", case, "--uit", out, "--formaat", "html"]
    for d in documents:
        args += ["--document", d]
    result = run_cli(*args)
    assert result.code == 0, result.err
    found = {}
    for d in documents:
        kind = d.replace(":", "-")
        [path] = [p for p in out.glob("*.html") if kind in p.name]
        found[d] = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))).split())
    return found


def to_wvggz(data: dict[str, Any]) -> None:
    data["gegevensdeling"]["route"] = "wvggz"
    for title in data["persoon"]["juridisch_kader"]:
        if title["titel"] == "bijzondere_voorwaarden":
            title["titel"] = "wvggz_zorgmachtiging"


def test_step_texts_stay_off_a_police_sheet_without_the_legal_frame(run_cli: RunCli, tmp_path: Path) -> None:
    case = example("detentie-midden-nederland", tmp_path, to_wvggz)
    found = pages(run_cli, case, tmp_path / "uit", "partner:politie", "crisiskaart:politie")
    sheet = found["partner:politie"]
    assert "Juridisch kader (titels en maatregelen)" in sheet.split("Niet op dit blad")[1]
    for page in found.values():
        assert "rechter-commissaris" not in page and "in plaats van detentie" not in page, page
        assert "FVA" not in page and "Aanhouding of nieuwe detentie" not in page, page
    assert re.search(r"Stap \d: van .* naar ", sheet)  # the step itself stays: levels, who decides


def to_voluntary(data: dict[str, Any]) -> None:
    data["gegevensdeling"]["route"] = "vrijwillig"
    data["gegevensdeling"]["toestemming_datum"] = "2026-10-01"


def test_clinic_names_and_the_victim_label_stay_off_gemeente_papers(run_cli: RunCli, tmp_path: Path) -> None:
    case = example("biz-limburg", tmp_path, to_voluntary)
    found = pages(run_cli, case, tmp_path / "uit",
                  "crisiskaart:gemeente", "partner:gemeente", "partner:kliniek")
    assert "Heuvelland" not in found["crisiskaart:gemeente"], found["crisiskaart:gemeente"]
    assert "niet op deze kaart" in found["crisiskaart:gemeente"]
    for name in ("partner:gemeente", "partner:kliniek"):
        # the naaste is on both sheets (consent for contact), as a hulpbron, never as a victim
        line = re.search(r"moeder \(([^)]*)\)", found[name])
        assert line and line.group(1) == "hulpbron", (name, line and line.group(0))
    # the kliniek may see the legal frame and the problems: its own name and the steps stay
    assert "Heuvelland" in found["partner:kliniek"]


def to_bemoeizorg(data: dict[str, Any]) -> None:
    g = data["gegevensdeling"]
    g["route"] = "bemoeizorg"
    g.pop("toestemming_datum", None)
    title = {"titel": "bemoeizorg", "start": "2026-06-01", "einde": "2027-06-01"}
    data["persoon"]["juridisch_kader"].append(title)


def test_bemoeizorg_is_named_only_where_the_problems_are_shared(run_cli: RunCli, tmp_path: Path) -> None:
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    case = example("detentie-midden-nederland", tmp_path, to_bemoeizorg)
    kinds = ["woningcorporatie", "politie", "gemeente", "reclassering", "kliniek"]
    found = pages(run_cli, case, tmp_path / "uit", *(f"partner:{k}" for k in kinds))
    for kind in kinds:
        page = found[f"partner:{kind}"]
        named = "problematiek" in policy.partners[kind].get("bemoeizorg", ())
        assert ("bemoeizorg" in page.lower()) == named, (kind, page[:600])
    assert "De route van deze casus is geen grondslag" in found["partner:woningcorporatie"]
