"""Every DOCX kind declares Dutch and passes an OOXML validator; every PDF kind says /Lang nl-NL.

Word proofs a document in the language of its styles and LibreOffice copies that language into
the PDF's /Lang, which a screen reader uses to pick its voice. Word also refuses (or "repairs")
a file whose elements are out of the schema's order. The validator is openxml-audit (PyPI),
a pure-Python port of the Open XML SDK's schema and semantic checks; it runs here in its
transitional mode, the format Word writes.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, RunCli, libreoffice_or_skip

CARAVAN = EXAMPLES / "caravan-groningen.yaml"
DRENTHE = EXAMPLES / "aanmelding-drenthe.yaml"
OOST_BRABANT = EXAMPLES / "aanmelding-oost-brabant.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# one of each kind: the Word templates, and the documents built from Markdown
KINDS = {
    CARAVAN: ["levensloopplan", "signaleringsplan", "toestemmingsverklaring", "opnamebrief",
              "partner:gemeente", "crisiskaart:politie", "overdracht:drenthe"],
    EXAMPLES / "evaluatie" / "LLA-2024-0117.yaml": ["voortgangsverslag"],
    EXAMPLES / "evaluatie" / "LLA-2022-0031.yaml": ["uitstroombesluit", "overdrachtsbrief"],
    DRENTHE: ["aanmeldformulier", "aanmeldformulier-anoniem"],
    OOST_BRABANT: ["terugkoppeling"],
}


def ooxml_errors(path: Path) -> list[str]:
    try:
        from openxml_audit import OpenXmlValidator
    except ImportError:  # an older .venv: scripts/installeer.sh installs the dev group with it
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("openxml-audit ontbreekt in CI: installeer de dev-groep (scripts/installeer.sh)")
        pytest.skip("openxml-audit is niet geïnstalleerd (pip install -e . --group dev)")

    result = OpenXmlValidator(strict=False).validate(path)
    return [str(e) for e in result.errors]


def style_languages(path: Path) -> set[str]:
    """Every language named in styles.xml (docDefaults and styles) and the theme font language."""
    from lxml import etree

    with zipfile.ZipFile(path) as z:
        found = set()
        for part in ("word/styles.xml", "word/settings.xml"):
            root = etree.fromstring(z.read(part))
            for tag in ("lang", "themeFontLang"):
                found |= {el.get(f"{W}val") for el in root.iter(f"{W}{tag}")}
        styles = etree.fromstring(z.read("word/styles.xml"))
        defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(f"{W}val") == "nl-NL", f"{path.name}: no Dutch docDefaults"
    return found


def _make(run_cli: RunCli, out: Path, fmt: str) -> list[Path]:
    for case, documents in KINDS.items():
        args = [a for d in documents for a in ("--document", d)]
        result = run_cli("genereer", case, "--uit", out, "--formaat", fmt, *args)
        assert result.code == 0, result.err
    result = run_cli("partnerinfo", "--regio", "groningen", "--partner", "gemeente", "--formaat", fmt,
                     "--uit", out)
    assert result.code == 0, result.err
    return sorted(out.glob(f"*.{fmt}"))


def test_every_template_is_valid_ooxml_in_dutch() -> None:
    templates = sorted((ROOT / "templates").rglob("*.docx"))
    assert len(templates) >= 6
    for path in templates:
        assert ooxml_errors(path) == [], path
        assert style_languages(path) == {"nl-NL"}, path


def test_every_docx_kind_is_valid_ooxml_and_dutch(run_cli: RunCli, tmp_path: Path) -> None:
    made = _make(run_cli, tmp_path, "docx")
    assert len(made) >= sum(len(d) for d in KINDS.values()) + 1
    problems = {p.name: ooxml_errors(p) for p in made}
    assert {name: errs for name, errs in problems.items() if errs} == {}
    languages = {p.name: style_languages(p) for p in made}
    assert {name: lang for name, lang in languages.items() if lang != {"nl-NL"}} == {}


def test_the_overview_agenda_monitor_and_handreiking_docx_are_valid_too(
    run_cli: RunCli, tmp_path: Path
) -> None:
    folder = tmp_path / "casussen"
    folder.mkdir()
    shutil.copy(CARAVAN, folder / CARAVAN.name)
    result = run_cli("overzicht", folder, "--formaat", "docx", "--uit", tmp_path / "uit")
    assert result.code == 0, result.err
    for args in (["agenda", EXAMPLES, "--datum", "10-12-2026", "--regio", "alle"],
                 ["monitor", EXAMPLES, "--regio", "alle", "--van", "1-1-2026", "--tot", "31-12-2026",
                  "--formaat", "docx"],
                 ["handreiking", "--regio", "groningen", "--formaat", "docx"]):
        result = run_cli(*args, "--uit", tmp_path / "uit")
        assert result.code == 0, result.err
    made = sorted((tmp_path / "uit").glob("*.docx"))
    assert len(made) >= 4  # overzicht, agenda, monitor, handreiking
    for path in made:
        assert ooxml_errors(path) == [] and style_languages(path) == {"nl-NL"}, path


@pytest.mark.pdf
def test_every_pdf_kind_says_lang_nl(run_cli: RunCli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    libreoffice_or_skip()
    made = _make(run_cli, tmp_path, "pdf")
    assert len(made) >= sum(len(d) for d in KINDS.values()) + 1
    languages = {p.name: str(PdfReader(p).root_object.get("/Lang")) for p in made}
    assert {name: lang for name, lang in languages.items() if lang != "nl-NL"} == {}
