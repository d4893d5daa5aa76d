"""Issue 30: every document for someone outside the case team is in the case's disclosure register,
with the basis and the groups the policy gave it; the plan history and the register are
tamper-evident, and ``controleer`` names the first broken link."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLES, RunCli

from levensloop_docs.case.casefile import load_case
from levensloop_docs.case.register import read_register, register_path
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.reference.policy import load_policy

CASE = "caravan-groningen"  # voluntary route, consent for the whole network, two clinics
LIFE = "LLA-2024-0117"
EVAL = EXAMPLES / "evaluatie"
# every document with an audience outside the case team that this case can have
AUDIENCE = ["partner:gemeente", "partner:politie", "partner:bewindvoerder", "crisiskaart:politie",
            "opnamebrief", "overdracht:drenthe", "signaleringsplan", "toestemmingsverklaring",
            "levensloopplan-client"]
CLIENT_AUDIENCE = {"signaleringsplan": "client", "toestemmingsverklaring": "toestemming",
                   "levensloopplan-client": "plan_client"}


@pytest.fixture
def case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("LEVENSLOOP_VERSTREKKINGEN")  # the register beside the case, as in use
    target = tmp_path / f"{CASE}.yaml"
    shutil.copy(EXAMPLES / f"{CASE}.yaml", target)
    return target


def _genereer(run_cli: RunCli, case: Path, out: Path, *documents: str) -> None:
    args = [a for d in documents for a in ("--document", d)]
    result = run_cli("genereer", case, "--uit", out, "--formaat", "docx", *args)
    assert result.code == 0, result.err


def _expected_groups(document: str, kind: str) -> set[str]:
    """What the policy file gives: the partner type's list for the voluntary route, cut down to
    what a document with an audience of its own may carry."""
    p = load_policy()
    if document in CLIENT_AUDIENCE:
        return set(p.audience(CLIENT_AUDIENCE[document]))
    groups = set(p.allowed(kind, "vrijwillig"))
    if document in ("crisiskaart", "opnamebrief", "overdracht"):
        groups &= set(p.audience(document))
    return groups


def _docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


def test_every_audience_document_is_registered_once_with_its_basis_and_groups(
    run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    _genereer(run_cli, case, out, *AUDIENCE, "levensloopplan")
    register = read_register(case)
    made = [(e.document, e.parameter) for e in register]
    wanted = [(d.partition(":")[0], d.partition(":")[2] or None) for d in AUDIENCE]
    assert sorted(made, key=str) == sorted(wanted, key=str)  # once each; the team's own plan not
    assert register_path(case) == case.with_name(f"{CASE}.verstrekkingen.jsonl")
    assert register_path(case).stat().st_mode & 0o077 == 0
    policy, casus = load_policy(), load_case(case).casus
    consent = casus.gegevensdeling.toestemming_datum
    for e in register:
        kind = e.publiek["sleutel"]
        shared = _expected_groups(e.document, "kliniek" if e.document == "overdracht" else kind)
        assert set(e.gedeeld) == shared, e.document
        every = {*policy.groups, *(policy.audience(CLIENT_AUDIENCE.get(e.document, e.document)))}
        assert set(e.weggelaten) == every - shared, e.document
        assert e.gedeeld == {k: policy.group_label(k) for k in e.gedeeld}
        if e.publiek["soort"] == "client":
            assert e.grondslag["soort"] == "eigen"
        else:  # the written consent, from the day it was given
            [basis] = e.grondslag["grondslagen"]
            assert consent is not None
            assert (basis["route"], basis["sinds"]) == ("vrijwillig", consent.isoformat())
        target = out / e.bestand
        assert e.sha256 == hashlib.sha256(target.read_bytes()).hexdigest()
        assert e.programma.startswith("levensloop-docs ") and e.gemaakt_door
        assert e.aantal == 1
    # what a partner sheet says it leaves out is what the register says was withheld
    for e in (e for e in register if e.document == "partner"):
        text = " ".join(_docx_text(out / e.bestand).split())
        assert all(label in text for label in e.weggelaten.values()), e.parameter
        ids = {p.id for p in casus.netwerk.partners
               if load_vocabularies()["rollen"].get(p.rol, "partnersoort", p.rol) == e.parameter}
        assert {p["id"] for p in e.publiek["partners"]} == ids
    # and no document says it left out a group the register says it carried, or the reverse
    labels = {**policy.groups, **policy.audience_labels}
    checked = set()
    for e in (e for e in register if e.publiek["soort"] != "client"):
        said = [line for line in _docx_text(out / e.bestand).splitlines() if "Niet in deze" in line
                or "Niet op d" in line]
        if not said:  # a document prints the line only when it leaves out a group it would show
            continue
        named = {k for k, label in labels.items() if label in said[0].partition("Niet ")[2]}
        assert named and named <= set(e.weggelaten) and not named & set(e.gedeeld), e.document
        checked.add(e.document)
    assert checked >= {"partner", "crisiskaart"}


def test_a_rerender_is_counted_not_added_and_the_maker_is_the_configured_name(
    run_cli: RunCli, case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = tmp_path / "instellingen.yaml"
    settings.write_text("naam: Procesregisseur Test\n", encoding="utf-8")
    monkeypatch.setenv("LEVENSLOOP_INSTELLINGEN", str(settings))
    for _round in range(3):
        _genereer(run_cli, case, tmp_path / "uit", "partner:gemeente", "signaleringsplan")
    register = read_register(case)
    assert [(e.document, e.aantal) for e in register] == [("partner", 3), ("signaleringsplan", 3)]
    assert {e.gemaakt_door for e in register} == {"Procesregisseur Test"}
    lines = register_path(case).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and sum(json.loads(x)["soort"] == "herhaling" for x in lines) == 4
    assert run_cli("controleer", case).code == 0


def test_a_changed_byte_in_the_register_is_found_by_controleer(
    run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    _genereer(run_cli, case, tmp_path / "uit", "partner:gemeente", "partner:politie", "signaleringsplan")
    path = register_path(case)
    data = bytearray(path.read_bytes())
    where = data.index(b"partner-politie")
    data[where] = ord("P")
    path.write_bytes(bytes(data))
    result = run_cli("controleer", case)
    assert result.code == 2
    assert f"{path.name}:2" in result.err and "regel 2 klopt niet met zijn eigen hash" in result.err


def _history_copy(tmp_path: Path) -> Path:
    shutil.copy(EVAL / f"{LIFE}.yaml", tmp_path / f"{LIFE}.yaml")
    shutil.copytree(EVAL / f"{LIFE}.geschiedenis", tmp_path / f"{LIFE}.geschiedenis")
    return tmp_path / f"{LIFE}.yaml"


def test_the_bundled_history_is_chained_and_checks_clean(run_cli: RunCli, tmp_path: Path) -> None:
    case = _history_copy(tmp_path)
    result = run_cli("controleer", case)
    assert result.code == 0, result.err
    assert "hashketen" not in result.err  # every bundled version carries its hash line
    # the history folder itself: its case and versions, not three cases with the same id (F2)
    folder = run_cli("controleer", case.with_name(f"{LIFE}.geschiedenis"))
    assert folder.code == 0 and "ook in" not in folder.err, folder.err


@pytest.mark.parametrize("version", [1, 2])
def test_a_changed_byte_in_a_history_version_names_the_first_broken_link(
    run_cli: RunCli, tmp_path: Path, version: int
) -> None:
    case = _history_copy(tmp_path)
    path = case.with_name(f"{LIFE}.geschiedenis") / f"v{version}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Regio Drenthe", "Regio Drenthf", 1), encoding="utf-8")
    result = run_cli("controleer", case)
    assert result.code == 2
    assert f"v{version}.yaml" in result.err
    assert f"Versie {version} klopt niet met haar eigen hash" in result.err
    assert f"Versie {version + 1} sluit niet aan op versie {version}" in result.err


def test_a_legacy_history_without_hash_lines_is_a_note_not_an_error(run_cli: RunCli, tmp_path: Path) -> None:
    from levensloop_docs.case.history import split_header

    case = _history_copy(tmp_path)
    for n in (1, 2):  # archived before the chain existed; v3 was archived after
        path = case.with_name(f"{LIFE}.geschiedenis") / f"v{n}.yaml"
        path.write_text(split_header(path.read_text(encoding="utf-8"))[1], encoding="utf-8")
    result = run_cli("controleer", case)
    # v3's link was made over v2 with its hash line: a legacy v2 is a different file
    assert result.code == 2 and "Versie 3 sluit niet aan op versie 2" in result.err
    v3 = case.with_name(f"{LIFE}.geschiedenis") / "v3.yaml"
    v3.write_text(split_header(v3.read_text(encoding="utf-8"))[1], encoding="utf-8")
    clean = run_cli("controleer", case)
    assert clean.code == 0, clean.err
    assert "Let op:" in clean.err and "hashketen" in clean.err


def test_versie_refuses_a_file_of_another_case_or_version(run_cli: RunCli, tmp_path: Path) -> None:
    case = _history_copy(tmp_path)
    folder = case.with_name(f"{LIFE}.geschiedenis")
    v2 = folder / "v2.yaml"
    v2.write_text(v2.read_text(encoding="utf-8").replace(f"casus_id: {LIFE}", "casus_id: LLA-2024-0999"),
                  encoding="utf-8")
    out = tmp_path / "uit"
    other = run_cli("genereer", case, "--versie", "2", "--uit", out, "--document", "levensloopplan")
    assert other.code == 2 and "hoort bij een andere casus (LLA-2024-0999)" in other.err
    assert "v2.yaml" in other.err and not out.exists()
    v2.unlink()
    (folder / "v3.yaml").rename(v2)  # version 3 put in version 2's place
    swapped = run_cli("genereer", case, "--versie", "2", "--uit", out, "--document", "levensloopplan")
    assert swapped.code == 2 and "heet versie 2, maar bevat versie 3" in swapped.err
    assert not out.exists()



def test_verstrekkingen_shows_the_register_and_writes_the_letter_per_organisation(
    run_cli: RunCli, case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: one line per register entry
    empty = run_cli("verstrekkingen", case)
    assert empty.code == 0 and "er is nog niets gegeven" in empty.out
    _genereer(run_cli, case, tmp_path / "uit", "partner:gemeente", "partner:politie", "crisiskaart:politie",
              "overdracht:drenthe", "signaleringsplan", "partner:gemeente")
    result = run_cli("verstrekkingen", case, "--uit", tmp_path / "brief", "--formaat", "docx,html")
    assert result.code == 0, result.err
    assert "Verstrekkingenregister van casus LLA-2026-0042" in result.out
    rows = [line for line in result.out.splitlines() if re.match(r"│ \d+ ", line)]  # first lines
    assert len(rows) == 5 and "partner:gemeente" in rows[0] and rows[0].rstrip("│ ").endswith("2")
    assert "toestemming van 28 september 2026" in rows[0] and "eigen gegevens" in rows[-1]
    text = " ".join(_docx_text(tmp_path / "brief" / "LLA-2026-0042_verstrekkingen_v2.docx").split())
    assert text.startswith("Aan wie hebben wij uw gegevens gegeven?")
    register = read_register(case)
    organisations = {p["organisatie"] for e in register if e.publiek["soort"] != "client"
                     for p in e.publiek["partners"]}
    assert len(organisations) == 3  # gemeente, politie (sheet and card), the other region's team
    for name in organisations:
        assert name in text
    assert text.count("U gaf ons toestemming op 28 september 2026") == 4  # each time given to a partner
    assert "2 keer gemaakt" in text  # the gemeente's sheet, made twice
    assert "Mijn signaleringsplan" in text.split("Wat u zelf kreeg")[1]
    for e in register:  # what each organisation received, in the policy's words
        assert e.publiek["soort"] == "client" or all(label in text for label in e.gedeeld.values())
    # the letter itself is no disclosure to a third party: the register is unchanged
    assert [(e.nummer, e.aantal) for e in read_register(case)] == [(e.nummer, e.aantal) for e in register]


def test_a_document_made_as_word_pdf_and_html_is_one_giving_in_the_letter(
    run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    """The register keeps each file with its hash; the client reads one giving per document."""
    for _ in range(2):
        result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "partner:gemeente",
                         "--formaat", "docx,html")
        assert result.code == 0, result.err
    files = {e.bestand for e in read_register(case)}
    assert files == {"LLA-2026-0042_partner-gemeente_v2.docx", "LLA-2026-0042_partner-gemeente_v2.html"}
    result = run_cli("verstrekkingen", case, "--uit", tmp_path / "brief", "--formaat", "docx")
    assert result.code == 0, result.err
    text = " ".join(_docx_text(tmp_path / "brief" / "LLA-2026-0042_verstrekkingen_v2.docx").split())
    assert text.count("U gaf ons toestemming op 28 september 2026") == 1
    assert "2 keer gemaakt" in text


def test_a_bundle_records_its_parts_under_the_bundle(
    needs_libreoffice: None, run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    """The one PDF test here: a bundle's parts are made in a temporary folder; what left the
    team is the bundle, so that is the file the register names and hashes."""
    out = tmp_path / "uit"
    result = run_cli("bundel", case, "--uit", out, "--document", "partner:gemeente",
                     "--document", "levensloopplan", "--document", "signaleringsplan")
    assert result.code == 0, result.err
    bundle = out / "LLA-2026-0042_bundel_v2.pdf"
    register = read_register(case)
    assert [e.document for e in register] == ["partner", "signaleringsplan"]  # not the team's plan
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    assert {(e.bestand, e.sha256) for e in register} == {(bundle.name, digest)}


def test_a_folder_run_records_each_case_in_its_own_register(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LEVENSLOOP_VERSTREKKINGEN")
    folder = tmp_path / "casussen"
    folder.mkdir()
    for name in (CASE, "biz-limburg"):
        shutil.copy(EXAMPLES / f"{name}.yaml", folder / f"{name}.yaml")
    result = run_cli("genereer", folder, "--uit", tmp_path / "uit", "--document", "partner:gemeente",
                     "--processen", "1")
    assert result.code == 0, result.err
    for name in (CASE, "biz-limburg"):
        [entry] = read_register(folder / f"{name}.yaml")
        assert entry.document == "partner" and (tmp_path / "uit" / entry.bestand).exists()
        assert entry.data["casus_id"] == load_case(folder / f"{name}.yaml").casus.meta.casus_id


def test_a_register_that_cannot_be_written_stops_with_what_was_made(
    run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    register_path(case).mkdir()  # not a file: no entry can be added (as in a read-only case folder)
    result = run_cli("genereer", case, "--uit", tmp_path / "uit", "--document", "partner:gemeente")
    assert result.code == 2
    assert "verstrekkingenregister kan niet worden bijgewerkt" in result.err
    assert "LLA-2026-0042_partner-gemeente_v2.docx" in result.err


def test_a_title_route_is_recorded_with_its_titles_and_end_dates_and_said_in_the_letter(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx import Document

    monkeypatch.delenv("LEVENSLOOP_VERSTREKKINGEN")
    case = tmp_path / "detentie-midden-nederland.yaml"
    shutil.copy(EXAMPLES / case.name, case)
    _genereer(run_cli, case, tmp_path / "uit", "partner:reclassering")
    [entry] = read_register(case)
    casus = load_case(case).casus
    [basis] = entry.grondslag["grondslagen"]
    assert basis["route"] == casus.gegevensdeling.route and not basis["toestemming"]
    ends = {k.titel: k.einde.isoformat() for k in casus.persoon.juridisch_kader if k.einde}
    assert basis["titels"] and all(t["einde"] == ends[t["titel"]] for t in basis["titels"])
    result = run_cli("verstrekkingen", case, "--uit", tmp_path / "brief")
    assert result.code == 0, result.err
    doc = Document(str(tmp_path / "brief" / "LLA-2026-0063_verstrekkingen_v1.docx"))
    paragraphs = [p.text for p in doc.paragraphs]
    assert any("Er liep een maatregel van de rechter of de wet" in p for p in paragraphs)
    assert [p for p in paragraphs if p.endswith("Detentie, tot 15 januari 2027")]  # one item per measure
    assert [p for p in paragraphs if p.endswith("bijzondere voorwaarden, tot 28 februari 2027")]


def test_sjablonen_controleer_checks_the_letters_fields_inside_its_loops(tmp_path: Path) -> None:
    """A reference case has no register: the check gives it what its documents would record."""
    from dataclasses import replace

    from conftest import TODAY

    from levensloop_docs.run.documents import registry
    from levensloop_docs.run.templatecheck import check_document, context_shape, load_examples

    shipped = registry()["verstrekkingen"]
    text = shipped.template.read_text(encoding="utf-8")
    assert "{{ k.document }}" in text and "{{ m.naam" in text
    template = tmp_path / "verstrekkingen.md"
    template.write_text(text.replace("{{ k.document }}", "{{ k.dokument }}")
                        .replace("{{ m.naam", "{{ m.titel"), encoding="utf-8")
    cases = load_examples(sorted(EXAMPLES.glob("*.yaml")))
    assert not check_document(shipped, context_shape(shipped, cases, TODAY))
    doc = replace(shipped, template=template)
    messages = [p.describe() for p in check_document(doc, context_shape(doc, cases, TODAY))]
    assert any("k.dokument" in m for m in messages) and any("m.titel" in m for m in messages), messages


def _copy(src: Path, tmp_path: Path) -> Path:
    target = tmp_path / src.name
    shutil.copy(src, target)
    return target


def test_the_terugkoppeling_the_overdrachtsbrief_and_the_zvh_form_are_recorded(
    run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three documents that leave the team: each once, with the groups its audience in the policy
    gives (and, for the overdrachtsbrief, what its words reveal besides); the client letter says why."""
    monkeypatch.delenv("LEVENSLOOP_VERSTREKKINGEN")
    policy = load_policy()
    # the terugkoppeling to the organisation that registered the person
    brabant = _copy(EXAMPLES / "aanmelding-oost-brabant.yaml", tmp_path)
    _genereer(run_cli, brabant, tmp_path / "a", "terugkoppeling", "aanmeldformulier")
    [back] = read_register(brabant)  # the aanmeldformulier stays with the ZVH's own team
    assert (back.document, back.grondslag["soort"]) == ("terugkoppeling", "aanmelding")
    assert set(back.gedeeld) == set(policy.audience("terugkoppeling"))
    assert [p["organisatie"] for p in back.publiek["partners"]] == [
        load_case(brabant).casus.aanmelding.aanmelder.organisatie]  # type: ignore[union-attr]
    # the filled ZVH form, through the same register
    form = tmp_path / "formulier.pdf"
    result = run_cli("aanmelding", "formulier", brabant, "--pdf", EXAMPLES / "formulieren" /
                     "zvh-aanmeldformulier-voorbeeld.pdf", "--koppeling", EXAMPLES / "formulieren" /
                     "zvh-aanmeldformulier-voorbeeld.koppeling.yaml", "--uit", form)
    assert result.code == 0, result.err
    [_back, filled] = read_register(brabant)
    assert (filled.document, filled.bestand) == ("zvh-formulier", "formulier.pdf")
    assert filled.sha256 == hashlib.sha256(form.read_bytes()).hexdigest()
    assert set(filled.gedeeld) == set(policy.audience("zvh_formulier"))
    assert run_cli("controleer", brabant).code == 0
    # the warme-overdrachtsbrief at uitstroom; the uitstroombesluit (same view) stays in the team
    exit_case = _copy(EVAL / "LLA-2022-0031.yaml", tmp_path)
    _genereer(run_cli, exit_case, tmp_path / "u", "overdrachtsbrief", "uitstroombesluit")
    [brief] = read_register(exit_case)
    casus = load_case(exit_case).casus
    revealed = {g for s in casus.scenarios for g in policy.label_groups("scenariosoorten", s.soort)}
    assert set(brief.gedeeld) == set(policy.audience("overdrachtsbrief")) | revealed
    assert revealed and [p["organisatie"] for p in brief.publiek["partners"]] == [
        casus.uitstroom.vervolgaanbieder]
    text = _docx_text(tmp_path / "u" / brief.bestand)
    assert casus.uitstroom.vervolgaanbieder in text
    # what the letter shows of each group the register names: the risk assessment and the naasten
    assert "Risicotaxatie" in text and "risicotaxatie" in brief.gedeeld
    # the client's letter: the referrer and the ZVH, on the basis of the registration
    result = run_cli("verstrekkingen", brabant, "--uit", tmp_path / "brief", "--formaat", "html")
    assert result.code == 0, result.err
    [page] = (tmp_path / "brief").glob("*.html")
    html = " ".join(page.read_text(encoding="utf-8").split())
    assert "Dit hoort bij uw aanmelding voor de levensloopaanpak." in html
    assert "Aanmeldformulier van het Zorg- en Veiligheidshuis" in html
    assert "Hertogenbosch, wijkteam Noord (voorbeeld)</h2>" in html  # the referrer, as a heading


def _rewrite_whole_chain(case: Path, keep: int | None = None) -> None:
    """What the hash chain alone cannot find: an entry changed, every hash and the head computed
    again (``keep``: only the first entries kept)."""
    from levensloop_docs.case.register import entry_hash, head_path

    path = register_path(case)
    entries = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()][:keep]
    entries[0]["gedeeld"] = [["identificatie", "Naam en geboortedatum"]]  # "they got less"
    previous, out = "", []
    for entry in entries:
        entry["vorige"] = previous
        entry["hash"] = entry_hash(entry)
        previous = entry["hash"]
        out.append(json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    path.write_text("".join(x + "\n" for x in out), encoding="utf-8")
    head_path(case).write_text(f"{len(out)} {previous}\n", encoding="ascii")


def test_a_seal_noted_outside_finds_a_register_rewritten_with_all_its_hashes(
    run_cli: RunCli, case: Path, tmp_path: Path
) -> None:
    _genereer(run_cli, case, tmp_path / "uit", "partner:gemeente", "signaleringsplan")
    sealed = run_cli("verstrekkingen", case, "--zegel")
    assert sealed.code == 0, sealed.err
    seal = sealed.out.strip()
    lines = register_path(case).read_text(encoding="utf-8").splitlines()
    assert seal == f"{len(lines)}-{json.loads(lines[-1])['hash'][:16]}"
    assert "--zegel " + seal in " ".join(sealed.err.split())  # how to check it later
    # later documents come after the seal: it still holds (also as someone copies it by hand)
    _genereer(run_cli, case, tmp_path / "uit", "partner:politie")
    ok = run_cli("controleer", case, "--zegel", seal.upper().replace("-", " - "))
    assert ok.code == 0, ok.err
    assert f"bevat de zegel {seal} nog" in ok.out
    # rewritten up to the seal, every hash computed again: the chain checks clean, the seal does not
    _rewrite_whole_chain(case)
    assert run_cli("controleer", case).code == 0  # the limit the seal is for
    broken = run_cli("controleer", case, "--zegel", seal)
    assert broken.code != 0
    assert f"verstrekkingen.jsonl:{seal.split('-')[0]}:" in broken.err and "niet de regel" in broken.err
    # the entries after the first dropped and the head written again: the seal names what is gone
    _rewrite_whole_chain(case, keep=1)
    gone = run_cli("controleer", case, "--zegel", seal)
    assert gone.code != 0 and "weggehaald" in gone.err
    # a broken chain gets no seal; a text that is no seal is a usage error
    path = register_path(case)
    path.write_text(path.read_text(encoding="utf-8").replace("identificatie", "Identificatie", 1),
                    encoding="utf-8")
    assert run_cli("verstrekkingen", case, "--zegel").code == 2
    wrong = run_cli("controleer", case, "--zegel", "zegel-van-vorige-week")
    assert wrong.code == 2 and "geen zegel" in wrong.err
