"""Bad input: every broken case file in tests/corpus/kapot/ is refused the same careful way.

For ``controleer`` and ``genereer`` alike: a Dutch message that names the file and the field
path (or the line), exit code 2, no traceback, nothing written, and no personal data from the
file in the message (at most the case id).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import EXAMPLES, RunCli

CORPUS = Path(__file__).parent / "corpus"
BROKEN = CORPUS / "kapot"
VALID = CORPUS / "geldig.yaml"

# Text from the corpus files that a message must never repeat (all fictional).
PERSONAL = ("Jasper", "Oudejans", "Ünal", "1983", "17 april", "Kampinga", "0000901", "0000902",
            "kanaal", "Proefdorp")


@dataclass(frozen=True)
class Expect:
    fragment: str  # a piece of the Dutch message that shows it is the right complaint
    field: str | None = None  # field path that must be named
    line: int | None = None  # line that must be named, as file:line
    file: str | None = None  # the file named, when the corpus entry is a folder


EXPECTED: dict[str, Expect] = {
    "binair.yaml": Expect("binaire gegevens"),
    "diep-genest.yaml": Expect("te diep genest"),
    "dubbel-casusnummer": Expect("eerste.yaml", "meta.casus_id", file="tweede.yaml"),
    "dubbele-partner-id.yaml": Expect("twee keer", "netwerk.partners[1].id", 25),
    "dubbele-sleutel.yaml": Expect("twee keer in hetzelfde onderdeel", line=5),
    "evaluatie-voor-vaststelling.yaml": Expect("evaluatie", "meta.volgende_evaluatie", 8),
    "geboortedatum-toekomst.yaml": Expect("toekomst", "persoon.geboortedatum", 12),
    "leeg.yaml": Expect("leeg"),
    "lijst-in-plaats-van-casus.yaml": Expect("onderdelen zoals 'meta:'"),
    "niet-utf8.yaml": Expect("UTF-8", line=10),
    "onbekend-levensgebied.yaml": Expect("Onbekende waarde", "levensgebieden[0].gebied", 30),
    "onbekend-veld.yaml": Expect("Onbekend veld", "levensgebiedn", 29),
    "onbekend-verblijf.yaml": Expect("Onbekende waarde", "persoon.verblijf", 13),
    "onbekende-rol.yaml": Expect("Onbekende waarde", "netwerk.partners[1].rol", 26),
    "ongeldig-casusnummer.yaml": Expect("casusnummer", "meta.casus_id", 3),
    "ongeldig-telefoonnummer.yaml": Expect("telefoonnummer", "netwerk.partners[0].telefoon", 24),
    "ongeldige-yaml.yaml": Expect("geen geldige YAML", line=11),
    "onmogelijke-datum.yaml": Expect("bestaat niet", "meta.vastgesteld", 7),
    "onmogelijke-iso-datum.yaml": Expect("bestaat niet", "levensgebieden[0].acties[0].wanneer", 35),
    "planversie-te-lang.yaml": Expect("te veel cijfers", "meta.planversie", 6),
    "uur-25.yaml": Expect("uur 0 tot 23", "meta.vastgesteld", 7),
    "jaar-nul.yaml": Expect("jaar 0000", "persoon.geboortedatum", 12),
    "opschaling-omlaag.yaml": Expect("zwaarder niveau", "opschaling.stappen[0].naar", 58),
    "python-tag.yaml": Expect("tekst", "persoon.roepnaam", 11),
    "risicotaxatie-toekomst.yaml": Expect("toekomst", "risicotaxaties[0].datum", 62),
    "sectie-ontbreekt.yaml": Expect("ontbreekt", "persoon"),
    "tab-inspringing.yaml": Expect("geen geldige YAML", line=4),
    "verkeerd-type-getal.yaml": Expect("geheel getal", "meta.planversie", 6),
    "verkeerd-type-lijst.yaml": Expect("lijst", "persoon.problematiek", 14),
    "verkeerd-type-onderdeel.yaml": Expect("onderdeel met velden", "gegevensdeling", 15),
    "wie-bellen-verwijst-nergens.yaml": Expect("verwijst naar een partner", "scenarios[0].wie_bellen[1]", 54),
    "wie-verwijst-nergens.yaml": Expect("verwijst naar een partner", "levensgebieden[2].acties[0].wie", 44),
    "zrm-buiten-bereik.yaml": Expect("hoogstens 5", "levensgebieden[0].zrm_score", 31),
    "twee-documenten.yaml": Expect("één casus", line=64),
    "sleutel-is-getal.yaml": Expect("geen woord", "persoon", 9),
    "versie-is-ja.yaml": Expect("geheel getal", "meta.planversie", 6),
    # The life course (evaluaties): order of dates, ZRM range, dated escalations, known actions.
    "evaluatie-voor-vorige.yaml": Expect("vóór de vorige", "evaluaties[1].datum", 69),
    "evaluatie-zrm-buiten-bereik.yaml": Expect("hoogstens 5", "evaluaties[1].zrm[0].score", 76),
    "escalatie-zonder-datum.yaml": Expect("heeft een datum nodig", "incidenten[0].datum", 78),
    "incident-in-de-toekomst.yaml": Expect("niet in de toekomst", "incidenten[0].datum", 78),
    # Incidents and escalations are one list of the case now: the old places say where to go.
    "escalaties-in-opschaling.yaml": Expect("verplaats naar 'incidenten'", "opschaling.escalaties", 60),
    "evaluatie-incidenten-verhuisd.yaml": Expect("verplaats naar 'incidenten'", "evaluaties[1].incidenten",
                                                 77),
    "evaluatie-actie-bestaat-niet.yaml": Expect("(niet meer)", "evaluaties[1].acties[0].actie", 72),
    "groot.yaml": Expect("te groot"),  # 50 MB, made by the fixture below, never committed
}


def test_corpus_is_complete() -> None:
    on_disk = {p.name for p in BROKEN.iterdir()}
    assert on_disk == set(EXPECTED) - {"groot.yaml"}
    assert len(EXPECTED) >= 15


def test_the_valid_base_passes(run_cli: RunCli) -> None:
    """Every broken file is this file with one defect; the base itself must be clean."""
    result = run_cli("controleer", VALID)
    assert result.code == 0, result.err


def _target(name: str, tmp_path: Path) -> Path:
    if name == "groot.yaml":
        big = tmp_path / "groot.yaml"
        with big.open("w", encoding="utf-8") as fh:
            fh.write(VALID.read_text(encoding="utf-8"))
            line = "# " + "x" * 1021 + "\n"
            for _ in range(50 * 1024):
                fh.write(line)
        assert big.stat().st_size >= 50 * 1024 * 1024
        return big
    return BROKEN / name


def _check_message(err: str, name: str, expect: Expect) -> None:
    assert "Traceback" not in err
    assert err.startswith("Fout: ") or "\nFout: " in err, err
    assert expect.fragment in err, err
    shown = expect.file or name
    assert shown in err, err
    if expect.field and expect.file is None:
        assert f": {expect.field}: " in err, err
    if expect.line:
        assert f"{shown}:{expect.line}: " in err, err
    for private in PERSONAL:
        assert private not in err, f"{private!r} in message: {err}"


@pytest.mark.parametrize("command", ["controleer", "genereer"])
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_case_is_refused(run_cli: RunCli, tmp_path: Path, name: str, command: str) -> None:
    expect = EXPECTED[name]
    target = _target(name, tmp_path)
    out = tmp_path / "uit"
    args = [command, target] if command == "controleer" else [command, target, "--uit", out]
    result = run_cli(*args)
    assert result.code == 2, result.err
    assert not Path("/tmp/levensloop-corpus-pwned").exists()
    if target.is_dir() and command == "genereer":
        # A folder is a batch: the failing case is reported (on stdout, under 'Mislukt:')
        # and gets no output; the valid one is still made.
        _check_message(result.err + result.out, name, expect)
        assert "LLA-2026-0901" in result.out
        # the valid case's documents (plan, signaleringsplan, consent form), none of the other
        assert {p.name.split("_")[0] for p in out.glob("*.docx")} == {"LLA-2026-0901"}
        assert any("levensloopplan" in p.name for p in out.glob("*.docx"))
        return
    if target.is_dir():
        assert f": {expect.field}: " in result.err
    _check_message(result.err, name, expect)
    assert not out.exists()


def test_broken_file_in_a_folder_is_named_and_gets_no_output(run_cli: RunCli, tmp_path: Path) -> None:
    """In a folder the batch goes on with the valid cases; the broken one is named, line and field."""
    folder = tmp_path / "casussen"
    shutil.copytree(EXAMPLES, folder)
    shutil.copy(BROKEN / "wie-verwijst-nergens.yaml", folder / "kapot.yaml")
    out = tmp_path / "uit"
    result = run_cli("genereer", folder, "--uit", out, "--formaat", "docx")
    assert result.code == 2
    assert "Traceback" not in result.err + result.out
    assert "kapot.yaml:44: levensgebieden[2].acties[0].wie" in result.out
    assert not list(out.glob("LLA-2026-0901_*"))
    assert list(out.glob("LLA-2026-0042_levensloopplan_v2.docx"))
    for private in PERSONAL:
        assert private not in result.err + result.out


@pytest.mark.parametrize("name", ["planversie-te-lang.yaml", "uur-25.yaml", "jaar-nul.yaml",
                                  "onmogelijke-iso-datum.yaml"])
def test_value_the_loader_cannot_make_is_placed_in_a_batch(
    run_cli: RunCli, tmp_path: Path, name: str
) -> None:
    """The batch reads with the fast C parser; a value it cannot make still gets line and field."""
    expect = EXPECTED[name]
    folder = tmp_path / "casussen"
    shutil.copytree(EXAMPLES, folder)
    shutil.copy(BROKEN / name, folder / "kapot.yaml")
    out = tmp_path / "uit"
    result = run_cli("genereer", folder, "--uit", out, "--formaat", "docx")
    assert result.code == 2
    assert "Traceback" not in result.err + result.out
    assert f"kapot.yaml:{expect.line}: {expect.field}: " in result.out, result.out
    assert expect.fragment in result.out
    assert not list(out.glob("LLA-2026-0901_*"))
    assert list(out.glob("LLA-2026-0042_levensloopplan_v2.docx"))


def test_every_bad_value_is_named_at_once(run_cli: RunCli, tmp_path: Path) -> None:
    """Three values the loader cannot make: all three named, each with its line and field."""
    text = (BROKEN / "uur-25.yaml").read_text(encoding="utf-8")
    text = text.replace("geboortedatum: 1983-04-17", "geboortedatum: 0000-04-17")
    text = text.replace("planversie: 1\n", "planversie: " + "7" * 5000 + "\n")
    target = tmp_path / "drie.yaml"
    target.write_text(text, encoding="utf-8")
    result = run_cli("controleer", target)
    assert result.code == 2
    assert "drie.yaml:6: meta.planversie: " in result.err
    assert "drie.yaml:7: meta.vastgesteld: " in result.err
    assert "drie.yaml:12: persoon.geboortedatum: " in result.err


def test_controleer_reports_every_file_and_every_problem_at_once(run_cli: RunCli) -> None:
    result = run_cli("controleer", BROKEN)
    assert result.code == 2
    assert "Traceback" not in result.err
    for name in EXPECTED:
        if name not in ("groot.yaml", "dubbel-casusnummer"):
            assert name in result.err, name
    assert "tweede.yaml" in result.err


def test_case_id_is_the_only_case_data_in_a_message(run_cli: RunCli, tmp_path: Path) -> None:
    target = tmp_path / "c.yaml"
    shutil.copy(BROKEN / "dubbel-casusnummer" / "eerste.yaml", target)
    shutil.copy(BROKEN / "dubbel-casusnummer" / "tweede.yaml", tmp_path / "d.yaml")
    result = run_cli("genereer", tmp_path, "--uit", tmp_path / "uit")
    assert result.code == 2
    assert "LLA-2026-0901" in result.out
    for private in PERSONAL:
        assert private not in result.err + result.out
