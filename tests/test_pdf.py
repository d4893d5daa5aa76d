"""PDF from every document type, PDF/A, document properties, fonts, bundles and encryption.

One ``genereer`` run per example (and one with --pdf-a) is shared by the whole module,
so LibreOffice starts only a few times.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from _pdf_helpers import (
    DIACRITICS,
    docx_text,
    outline_titles,
    pdf_dict,
    pdf_str,
    pdf_stream,
    pdf_text,
    squash,
)
from conftest import EXAMPLES, RunCli, libreoffice_or_skip

from levensloop_docs.case.casefile import load_case
from levensloop_docs.cli.main import run_in_process
from levensloop_docs.model.casus import Casus
from levensloop_docs.pdf.diagnose import embedded_fonts, font_problem
from levensloop_docs.pdf.metadata import pdfa_identification
from levensloop_docs.run.documents import DocumentType, registry

# Fictional data with every character the documents must print.
SPECIAL_NAME = "Zoë Ĳzerman-Dûpré"
SPECIAL_ACTION = "Leefgeld (€ 60 per week) overmaken; één keer geïnd; overleg in café Ús Hûs (ú, û en ĳ)."


def pdf_documents() -> list[DocumentType]:
    return [d for d in registry().values() if "pdf" in d.formats]


def parameter_for(doc: DocumentType, casus: Casus) -> str | None:
    """A partner sheet is made only for a partner type in the case's network (issue 17)."""
    from levensloop_docs.model.vocab import load_vocabularies

    rollen = load_vocabularies()["rollen"]
    kinds = {rollen.get(p.rol, "partnersoort") for p in casus.netwerk.partners}
    return next((k for k in doc.parameters if k in kinds), None)


def fits(doc: DocumentType, casus: Casus) -> bool:
    return doc.applies_to(casus) and (not doc.parameters or parameter_for(doc, casus) is not None)


def request(doc: DocumentType, casus: Casus) -> str:
    parameter = parameter_for(doc, casus)
    return f"{doc.name}:{parameter}" if parameter else doc.name


@dataclass
class Rendered:
    casus: Casus
    folder: Path
    made: dict[str, Path]  # document name -> stem of its files (without suffix)


def _special_examples(target: Path) -> Path:
    """The examples, with the first one's name and one action full of diacritics and a euro sign."""
    shutil.copytree(EXAMPLES, target)
    first = target / "caravan-groningen.yaml"  # the full plan example (others are aanmeldingen)
    text = first.read_text(encoding="utf-8")
    text = text.replace('naam: Sjoerd "Sjors" Ebbinge', f"naam: {SPECIAL_NAME}", 1)
    text = text.replace(
        "wat: Leefgeld wekelijks overmaken en bij achterstand de casusregisseur bellen.",
        f'wat: "{SPECIAL_ACTION}"', 1,
    )
    first.write_text(text, encoding="utf-8")
    return first


def _genereer(case: Path, out: Path, documents: list[DocumentType], *extra: str) -> None:
    args = ["genereer", str(case), "--uit", str(out), "--formaat", "docx,pdf", *extra]
    casus = load_case(case).casus
    for doc in documents:
        args += ["--document", request(doc, casus)]
    assert run_in_process(args) in (0, None)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> list[Rendered]:
    """Every PDF document type for every example case it applies to, made in one run per case."""
    libreoffice_or_skip()
    root = tmp_path_factory.mktemp("pdf")
    _special_examples(root / "examples")
    out: list[Rendered] = []
    for path in sorted((root / "examples").glob("*.yaml")):
        case = load_case(path)
        docs = [d for d in pdf_documents() if fits(d, case.casus)]
        if not docs:
            continue
        folder = root / path.stem
        _genereer(path, folder, docs)
        made = {d.name: folder / d.output_stem(case.casus, parameter_for(d, case.casus)) for d in docs}
        out.append(Rendered(case.casus, folder, made))
    return out


@pytest.fixture(scope="module")
def pdfa(tmp_path_factory: pytest.TempPathFactory) -> Path:
    libreoffice_or_skip()
    root = tmp_path_factory.mktemp("pdfa")
    case = _special_examples(root / "examples")
    plan = registry()["levensloopplan"]
    _genereer(case, root / "uit", [plan], "--pdf-a")
    return next((root / "uit").glob("*.pdf"))


def _all_pdfs(rendered: list[Rendered]) -> list[tuple[Rendered, str, Path]]:
    return [(r, name, stem.with_suffix(".pdf")) for r in rendered for name, stem in r.made.items()]


def test_every_pdf_document_type_is_made(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    made = {name for r in rendered for name in r.made}
    assert "levensloopplan" in made
    expected = {d.name for d in pdf_documents() if any(fits(d, r.casus) for r in rendered)}
    assert made == expected


def test_pdf_text_holds_what_the_docx_holds(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    from pypdf import PdfReader

    for r, name, pdf in _all_pdfs(rendered):
        assert len(PdfReader(pdf).pages) > 0, name
        text = squash(pdf_text(pdf))
        assert r.casus.meta.casus_id in text, name
        docx = pdf.with_suffix(".docx")
        if not docx.exists():
            continue
        source = docx_text(docx)
        snippets = [r.casus.persoon.naam, SPECIAL_ACTION]
        snippets += [a.wat for g in r.casus.levensgebieden for a in g.acties]
        for snippet in snippets:
            if squash(snippet) in squash(source):
                assert squash(snippet) in text, (name, snippet)
        for char in set(source) & set(DIACRITICS):
            assert char in text, (name, char)


def test_plan_pdf_has_name_actions_and_diacritics(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    first = next(r for r in rendered if r.casus.meta.casus_id == "LLA-2026-0042")
    text = squash(pdf_text(first.made["levensloopplan"].with_suffix(".pdf")))
    assert squash(SPECIAL_NAME) in text
    assert squash(SPECIAL_ACTION) in text
    for action in (a.wat for g in first.casus.levensgebieden for a in g.acties):
        assert squash(action) in text
    for char in "ëïéúûĳ€":
        assert char in text


def test_fonts_are_carlito_never_a_fallback(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    for _r, name, pdf in _all_pdfs(rendered):
        fonts = embedded_fonts(pdf)
        assert font_problem(fonts) is None, (name, fonts)


def test_metadata_has_case_id_and_template_but_no_personal_data(
    needs_libreoffice: None, rendered: list[Rendered]
) -> None:
    from pypdf import PdfReader

    for r, name, pdf in _all_pdfs(rendered):
        reader = PdfReader(pdf)
        info = reader.metadata
        assert info is not None
        doc = registry()[name]
        assert pdf_str(info["/CasusId"]) == r.casus.meta.casus_id
        assert pdf_str(info["/Sjabloonversie"]) == doc.version
        assert pdf_str(info["/Sjabloon"]).endswith(doc.template.name)
        assert pdf_str(info["/Creator"]).startswith("levensloop-docs")
        assert info.creation_date is not None
        assert "/Author" not in info
        everything = " ".join(str(v) for v in info.values())
        xmp = pdf_stream(pdf_dict(reader.trailer["/Root"])["/Metadata"])
        everything += xmp.get_data().decode("utf-8")
        birth = r.casus.persoon.geboortedatum
        forbidden = [*r.casus.persoon.naam.replace('"', " ").split(), str(r.casus.persoon.roepnaam or "")]
        if birth is not None:
            forbidden += [birth.isoformat(), birth.strftime("%d-%m-%Y"), birth.strftime("%Y%m%d")]
        for value in filter(None, forbidden):
            assert value not in everything, (name, value)


def test_default_pdf_is_tagged_and_not_pdfa(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    from pypdf import PdfReader
    from pypdf.generic import BooleanObject

    plan = next(r.made["levensloopplan"] for r in rendered if "levensloopplan" in r.made)
    reader = PdfReader(plan.with_suffix(".pdf"))
    root = pdf_dict(reader.trailer["/Root"])
    marked = pdf_dict(root["/MarkInfo"])["/Marked"]
    assert isinstance(marked, BooleanObject) and marked.value is True
    assert "/StructTreeRoot" in root
    assert pdfa_identification(reader) is None


def test_pdfa_identification_survives_and_matches_the_info(needs_libreoffice: None, pdfa: Path) -> None:
    from pypdf import PdfReader

    reader = PdfReader(pdfa)
    assert pdfa_identification(reader) == ("2", "B")
    root = pdf_dict(reader.trailer["/Root"])
    assert "/OutputIntents" in root
    stream = pdf_stream(root["/Metadata"])
    assert "/Filter" not in stream
    assert reader.pdf_header >= "%PDF-1.4"
    info, xmp = reader.metadata, reader.xmp_metadata
    assert info is not None and xmp is not None
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_description == {"x-default": info.subject}
    assert xmp.pdf_keywords == pdf_str(info["/Keywords"])
    assert xmp.pdf_producer == info.producer
    assert xmp.xmp_creator_tool == info.creator
    assert xmp.xmp_create_date == info.creation_date.replace(tzinfo=None)  # type: ignore[union-attr]
    assert xmp.xmp_modify_date == info.modification_date.replace(tzinfo=None)  # type: ignore[union-attr]
    assert xmp.dc_creator in (None, [])


def test_outputs_are_owner_only(needs_libreoffice: None, rendered: list[Rendered]) -> None:
    for _r, _name, pdf in _all_pdfs(rendered):
        assert pdf.stat().st_mode & 0o077 == 0
    assert not list(rendered[0].folder.glob(".*.tmp"))


def test_merged_pdfa_is_not_claimed_as_pdfa(needs_libreoffice: None, pdfa: Path) -> None:
    from datetime import UTC, datetime
    from io import BytesIO

    from pypdf import PdfReader

    from levensloop_docs.pdf.bundle import merge
    from levensloop_docs.pdf.metadata import PdfInfo

    info = PdfInfo("Bundel LLA-1", "Levensloopplan", "LLA-1", "levensloopplan 1.0", "", datetime.now(UTC))
    reader = PdfReader(BytesIO(merge([("Een", pdfa), ("Twee", pdfa)], info)))
    assert pdfa_identification(reader) is None
    assert "/OutputIntents" not in pdf_dict(reader.trailer["/Root"])
    assert outline_titles(reader.outline) == ["Een", "Twee"]


def test_bundel_has_a_bookmark_per_document(needs_libreoffice: None, run_cli: RunCli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    case = sorted(EXAMPLES.glob("*.yaml"))[0]
    casus = load_case(case).casus
    docs = [d for d in pdf_documents() if fits(d, casus)]
    args: list[str | Path] = ["bundel", case, "--uit", tmp_path]
    for doc in docs:
        args += ["--document", request(doc, casus)]
    result = run_cli(*args)
    assert result.code == 0, result.err
    bundle = next(tmp_path.glob("*_bundel_*.pdf"))
    reader = PdfReader(bundle)
    titles = outline_titles(reader.outline)
    assert len(titles) == len(docs)
    for doc, title in zip(docs, titles, strict=True):
        assert title.startswith(doc.title)
    assert not reader.is_encrypted
    assert pdfa_identification(reader) is None
    assert casus.persoon.naam.split()[0] not in " ".join(str(v) for v in (reader.metadata or {}).values())


def test_encrypted_bundel_needs_the_password(
    needs_libreoffice: None, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, WrongPasswordError
    from pypdf.generic import NumberObject

    password = "Zeer-geheim-2026"
    monkeypatch.setenv("LEVENSLOOP_WACHTWOORD", password)
    case = sorted(EXAMPLES.glob("*.yaml"))[0]
    result = run_cli("bundel", case, "--uit", tmp_path, "--document", "levensloopplan", "--versleutel")
    assert result.code == 0, result.err
    assert password not in result.out + result.err
    bundle = next(tmp_path.glob("*_bundel_*.pdf"))
    assert password.encode() not in bundle.read_bytes()
    reader = PdfReader(bundle)
    assert reader.is_encrypted
    encrypt = pdf_dict(reader.trailer["/Encrypt"])
    assert (encrypt["/V"], encrypt["/R"]) == (NumberObject(5), NumberObject(6))  # AES-256
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    with pytest.raises(WrongPasswordError):
        PdfReader(bundle, password="fout")
    text = squash(pdf_text(bundle, password=password))
    assert squash(load_case(case).casus.persoon.naam) in text


def test_doctor_reports_a_working_setup(needs_libreoffice: None, run_cli: RunCli) -> None:
    result = run_cli("doctor")
    assert result.code == 0, result.out + result.err
    assert "Proefomzetting naar PDF" in result.out
    assert "Carlito" in result.out
    assert "ë ï é ú û ĳ €" in result.out
    assert "PROBLEEM" not in result.out
