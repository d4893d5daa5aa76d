"""``levensloop inzage`` (AVG art. 15(3)): everything the case holds, in readable Dutch.

The example case with its history (four plan versions) gets a naaste who is protected as a
victim; ``genereer`` makes one partner sheet (one entry in the disclosure register). Then the
leaves of every YAML file of the case (the case and each archived version) are walked: each
text must be in the client's document (or, for a vocabulary key, its label), unless it is
held back, and then it must be in the file for the professional and never in the client's.
What is held back is the policy's (fields that name 'naasten_toelichting'), not a list here.
One PDF test reads back the PDF/A: text, bookmarks and the PDF/A mark.
"""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from _pdf_helpers import docx_text, outline_titles, pdf_text, squash
from conftest import EXAMPLES, RunCli, libreoffice_or_skip

CASE = "LLA-2024-0117"
VICTIM = {"id": "moeder", "naam": "Greet Kuipers-Veen", "relatie": "moeder", "type": ["slachtoffer"],
          "toestemming_contact": False, "telefoon": "06-00000999",
          "toelichting": "Werd in 2023 door Wen geduwd en wil haar adres niet kwijt.",
          "bescherming": ["Geen contact zonder begeleiding; haar adres blijft geheim."]}  # fmt: skip


def leaves(data: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        return [x for k, v in data.items() for x in leaves(v, f"{path}.{k}" if path else str(k))]
    if isinstance(data, list):
        return [x for v in data for x in leaves(v, f"{path}[]")]
    return [(path, data)]


def text_of(path: Path) -> str:
    if path.suffix == ".docx":
        return squash(docx_text(path))
    page = re.sub(r"<style.*?</style>", " ", path.read_text("utf-8"), flags=re.S)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def prepare(tmp_path: Path) -> Path:
    from levensloop_docs.yamlio import dump_yaml, load_yaml

    shutil.copytree(EXAMPLES / "evaluatie" / f"{CASE}.geschiedenis", tmp_path / f"{CASE}.geschiedenis")
    data = load_yaml(EXAMPLES / "evaluatie" / f"{CASE}.yaml", round_trip=False)
    data["netwerk"]["naasten"].append(dict(VICTIM))
    case = tmp_path / f"{CASE}.yaml"
    case.write_text(dump_yaml(data), "utf-8")
    return case


def case_files(case: Path) -> list[Path]:
    return [case, *sorted((case.parent / f"{CASE}.geschiedenis").glob("v*.yaml"))]


def region_label(key: str) -> str:
    from levensloop_docs.reference.regions import region_label as label

    return label(key)


def vocabulary_labels(value: str) -> list[str]:
    from levensloop_docs.model.vocab import load_vocabularies

    vocab = load_vocabularies()
    return [vocab[name].label(value) for name in vocab.items if value in vocab[name]]


def held_back_paths() -> set[str]:
    """What the policy says names what naasten told or how they are protected."""
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    return {p for p in policy.fields if "naasten_toelichting" in policy.field_groups(p)}


@pytest.fixture
def made(run_cli: RunCli, tmp_path: Path) -> dict[str, Any]:
    case = prepare(tmp_path)
    out = tmp_path / "uit"
    sheet = run_cli("genereer", case, "--document", "partner:gemeente", "--formaat", "html", "--uit",
                    tmp_path / "bladen")
    assert sheet.code == 0, sheet.err
    result = run_cli("inzage", case, "--uit", out, "--formaat", "html,docx")
    assert result.code == 0, result.err
    return {"case": case, "out": out, "result": result}


def test_inzage_holds_every_text_of_every_version_or_sets_it_apart(made: dict[str, Any]) -> None:
    out, case = made["out"], made["case"]
    client = {s: text_of(out / f"{CASE}_inzage.{s}") for s in ("html", "docx")}
    apart = {s: text_of(out / f"{CASE}_inzage-apart.{s}") for s in ("html", "docx")}
    protected = held_back_paths()
    checked = held = 0
    from levensloop_docs.views.inzage import REFS, short_names
    from levensloop_docs.yamlio import load_yaml

    for path in case_files(case):
        data = load_yaml(path, round_trip=False)
        names = short_names(data)
        for where, value in leaves(data):
            if not isinstance(value, str) or not value.strip():
                continue
            shown = squash(value)
            field = where.removesuffix("[]")
            victim_phone = where == "netwerk.naasten[].telefoon" and value == VICTIM["telefoon"]
            victim_type = where == "netwerk.naasten[].type[]" and value == "slachtoffer"
            for fmt in ("html", "docx"):
                if field in protected or f"{field}[]" in protected or victim_phone or victim_type:
                    wanted = [shown] if not victim_type else [squash(x) for x in vocabulary_labels(value)]
                    assert any(w in apart[fmt] for w in wanted), f"{path.name}: {where} niet apart gelegd"
                    if len(shown) > 12:  # never silently in the client's copy
                        assert shown not in client[fmt], f"{path.name}: {where} staat in de inzage"
                    held += 1
                    continue
                candidates = [shown, *(squash(x) for x in vocabulary_labels(value))]
                if field == "meta.regio":  # printed by its name, as on every other document
                    candidates = [squash(region_label(value))]
                if field.rsplit(".", 1)[-1].removesuffix("[]") in REFS:  # a key: the name it stands for
                    candidates = [squash(names.get(value, value))]
                assert any(c in client[fmt] for c in candidates), f"{path.name} ({fmt}): {where} = {value!r}"
                checked += 1
    assert checked > 400 and held >= 8, (checked, held)
    assert squash("Greet Kuipers-Veen") in client["html"]  # the naaste's name stays: she is in the network


def test_inzage_has_the_register_and_every_version_as_a_chapter(made: dict[str, Any]) -> None:
    from levensloop_docs.case.register import read_register

    page = text_of(made["out"] / f"{CASE}_inzage.html")
    [entry, *_inzage] = read_register(made["case"])  # the sheet; the inzage itself came after it
    for phrase in ("Aan wie wij uw gegevens gaven", entry.titel, "Het plan nu (versie 4)",
                   "Eerdere versie 3 van het plan", "Eerdere versie 1 van het plan", "Evaluaties", "Persoon",
                   "voorlopig apart gelegd"):
        assert squash(phrase) in page, phrase
    side = text_of(made["out"] / f"{CASE}_inzage-apart.html")
    assert squash("Niet zonder beoordeling aan de cliënt geven") in side
    out = made["result"].out
    assert "4 planversies" in out and "1 verstrekking" in out and "_inzage-apart" in out


def test_a_case_without_anything_to_hold_back_has_no_file_apart(run_cli: RunCli, tmp_path: Path) -> None:
    from levensloop_docs.yamlio import dump_yaml, load_yaml

    data = load_yaml(EXAMPLES / "caravan-groningen.yaml", round_trip=False)
    for n in data["netwerk"].get("naasten", []):
        for key in ("toelichting", "wil", "betrokkenheid", "bescherming"):
            n.pop(key, None)
        n["type"] = [t for t in n.get("type", []) if t == "hulpbron"]
    data["meta"].pop("wijzigingen", None)  # the team's own words may tell what a naaste said
    for e in data.get("evaluaties", []):
        e.pop("stem_naasten", None)
        e.pop("wijzigingen", None)
    case = tmp_path / "caravan.yaml"
    case.write_text(dump_yaml(data), "utf-8")
    result = run_cli("inzage", case, "--uit", tmp_path / "uit", "--formaat", "html")
    assert result.code == 0, result.err
    assert not list((tmp_path / "uit").glob("*apart*")) and "apart" not in result.out
    assert squash("geen document met uw gegevens") in text_of(next((tmp_path / "uit").glob("*_inzage.html")))


def test_an_agreement_that_protects_a_naaste_is_set_apart_whole(run_cli: RunCli, tmp_path: Path) -> None:
    """As the client's copy of the plan leaves it out: the victim's safety plan is its text, not
    only its 'bescherming' marker (page review A, H1)."""
    result = run_cli("inzage", EXAMPLES / "biz-limburg.yaml", "--uit", tmp_path, "--formaat", "html,docx")
    assert result.code == 0, result.err
    protective = ["Moeder krijgt de telefoonnummers voor oranje en rood en weet wie zij belt.",
                  "Afspraak met de wijkagent over een melding bij haar huis (snelle opvolging).",
                  "Doet de deur niet open en belt 112; daarna de casusregisseur.",
                  "Met voorrang ter plaatse; brengt hem terug naar het beschermd wonen."]
    for fmt in ("html", "docx"):
        client = text_of(tmp_path / f"LLA-2026-0017_inzage.{fmt}")
        apart = text_of(tmp_path / f"LLA-2026-0017_inzage-apart.{fmt}")
        for sentence in protective:
            assert squash(sentence) in apart, (fmt, sentence)
            assert squash(sentence) not in client, (fmt, sentence)
        # an ordinary agreement of the same life area stays the client's
        assert squash("Contactafspraken met moeder op papier") in client


def test_inzage_of_a_broken_case_is_a_dutch_error(run_cli: RunCli, tmp_path: Path) -> None:
    case = tmp_path / "kapot.yaml"
    case.write_text("meta: [", "utf-8")
    result = run_cli("inzage", case, "--uit", tmp_path / "uit")
    assert result.code == 2 and "kapot.yaml" in result.err
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())


def all_titles(outline: list[Any]) -> list[str]:
    """Every bookmark, at every depth (a chapter's parts are nested under it)."""
    nested = [t for item in outline if isinstance(item, list) for t in all_titles(item)]
    return outline_titles(outline) + nested


@pytest.mark.pdf
def test_inzage_pdf_is_pdf_a_with_bookmarks(run_cli: RunCli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    libreoffice_or_skip()
    case = prepare(tmp_path)
    out = tmp_path / "uit"
    result = run_cli("inzage", case, "--uit", out, "--formaat", "pdf")
    assert result.code == 0, result.err
    pdf = out / f"{CASE}_inzage.pdf"
    text = squash(pdf_text(pdf))
    assert squash("Inzage in uw gegevens") in text and "Wendy" in text
    assert squash("Wil gebeld worden") not in text  # what the naaste wants: apart
    reader = PdfReader(str(pdf))
    every = " | ".join(all_titles(reader.outline))
    for heading in ("Het plan nu (versie 4)", "Eerdere versie 2 van het plan",
                    "Aan wie wij uw gegevens gaven", "Persoon"):
        assert heading in every, every
    assert b"pdfaid:part" in pdf.read_bytes() or "pdfaid" in str(reader.xmp_metadata and
                                                                  reader.xmp_metadata.rdf_root.toxml())
    assert (out / f"{CASE}_inzage-apart.docx").is_file()  # the professional's part: never a PDF


def test_the_copy_for_the_client_is_recorded_as_her_own_inzageverzoek(
    made: dict[str, Any], run_cli: RunCli, tmp_path: Path
) -> None:
    """The client's copy is in the register (the answer to her request, accounted for), not the
    part laid aside for the professional; the letter says it was her own request."""
    import hashlib

    from levensloop_docs.case.register import read_register
    from levensloop_docs.reference.policy import load_policy

    sheet, copy, _other_format = read_register(made["case"])
    assert (sheet.document, copy.document) == ("partner", "inzage")
    assert (copy.publiek["soort"], copy.publiek["sleutel"], copy.grondslag["soort"]) == (
        "client", "inzage", "inzage")
    # everything the policy names, but what naasten told: laid aside for the professional
    policy = load_policy()
    assert list(copy.weggelaten) == ["naasten_toelichting"]
    assert set(copy.gedeeld) == {*policy.groups, *policy.audience_labels} - {"naasten_toelichting"}
    files = {p.name for p in made["out"].iterdir()}
    recorded = [e for e in read_register(made["case"]) if e.document == "inzage"]
    assert copy.bestand in files and "apart" not in copy.bestand
    assert copy.sha256 == hashlib.sha256((made["out"] / copy.bestand).read_bytes()).hexdigest()
    assert len(recorded) == 2  # html and docx, as for every document: one entry per file
    # made again (after the professional decided): counted, not a new disclosure
    again = run_cli("inzage", made["case"], "--uit", made["out"], "--formaat", "html,docx")
    assert again.code == 0, again.err
    assert [e.aantal for e in read_register(made["case"]) if e.document == "inzage"] == [2, 2]
    letter = run_cli("verstrekkingen", made["case"], "--uit", tmp_path / "brief", "--formaat", "html")
    assert letter.code == 0, letter.err
    text = text_of(next((tmp_path / "brief").glob("*.html")))
    assert squash("Inzage LLA-2024-0117 (uw eigen inzageverzoek)") in text
    table = run_cli("verstrekkingen", made["case"])
    assert table.code == 0 and "inzage" in table.out
