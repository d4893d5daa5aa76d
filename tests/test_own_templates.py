"""A region's own templates: only the changed files, the shipped ones for the rest (review F2, F3).

``sjablonen kopieer`` starts an override and records its origin, ``sjablonen controleer``
checks it, ``sjablonen verschil`` shows what a newer shipped template changed (tested by
changing a shipped template in a temporary copy), ``doctor`` names the overrides. The
builder scripts are not needed to build, test or render.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, RunCli

from levensloop_docs import resources
from levensloop_docs.errors import DataFileError
from levensloop_docs.run.documents import registry

BIZ = EXAMPLES / "biz-limburg.yaml"
MARKER = "EIGEN REGIOTEKST VOOR DE CLIENT"


def _clear() -> None:
    registry.cache_clear()


@pytest.fixture
def own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty own-templates folder, set through the settings file (not the environment)."""
    folder = tmp_path / "regio-sjablonen"
    folder.mkdir()
    settings = tmp_path / "instellingen.yaml"
    settings.write_text(f"sjablonen: {folder}\n", encoding="utf-8")
    monkeypatch.delenv("LEVENSLOOP_SJABLONEN", raising=False)
    monkeypatch.setenv("LEVENSLOOP_INSTELLINGEN", str(settings))
    _clear()
    yield folder
    monkeypatch.undo()
    _clear()


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary copy of the shipped templates, standing in for a newer program version."""
    copy = tmp_path / "geleverd"
    shutil.copytree(resources.shipped_templates_dir(), copy)
    monkeypatch.setattr(resources, "shipped_templates_dir", lambda: copy)
    _clear()
    yield copy
    monkeypatch.undo()
    _clear()


def test_the_settings_file_names_the_folder_and_the_environment_wins(
    own: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.templatefolders import own_templates_dir, template_folders

    assert own_templates_dir() == own
    assert template_folders() == [own, resources.shipped_templates_dir()]
    monkeypatch.setenv("LEVENSLOOP_SJABLONEN", str(tmp_path / "elders"))
    assert own_templates_dir() == tmp_path / "elders"


def test_a_broken_settings_file_is_an_input_error(own: Path, tmp_path: Path) -> None:
    from levensloop_docs.templatefolders import own_templates_dir

    (tmp_path / "instellingen.yaml").write_text("- sjablonen\n- map\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        own_templates_dir()
    assert err.value.exit_code == 2 and "instellingen.yaml" in " ".join(err.value.lines())


def test_a_folder_with_one_changed_template_renders_it_and_the_shipped_rest(
    own: Path, run_cli: RunCli, tmp_path: Path
) -> None:
    result = run_cli("sjablonen", "kopieer", "signaleringsplan", "--naar", own)
    assert result.code == 0, result.err
    copied = own / "client" / "signaleringsplan.md"
    copied.write_text(copied.read_text(encoding="utf-8") + f"\n{MARKER}\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_cli("genereer", BIZ, "--uit", out, "--document", "signaleringsplan",
                     "--document", "levensloopplan", "--formaat", "html")
    assert result.code == 0, result.err
    (client,) = out.glob("*_signaleringsplan_*.html")
    assert MARKER in client.read_text(encoding="utf-8")
    (plan,) = out.glob("*_levensloopplan_*.html")  # not in the folder: the shipped template
    assert MARKER not in plan.read_text(encoding="utf-8")
    assert sorted(p.relative_to(own).as_posix() for p in own.rglob("*") if p.is_file()) == [
        ".herkomst/client/signaleringsplan.md", "client/signaleringsplan.md", "herkomst.yaml"]


def test_controleer_names_the_overrides_and_checks_them_against_the_case_model(
    own: Path, run_cli: RunCli
) -> None:
    assert run_cli("sjablonen", "kopieer", "crisiskaart", "--naar", own).code == 0
    (own / "partnerinfo" / "folders").mkdir(parents=True)
    (own / "partnerinfo" / "folders" / "politei.md").write_text("# Tikfout\n", encoding="utf-8")
    ok = run_cli("sjablonen", "controleer")
    assert ok.code == 0, ok.err
    assert "crisiskaart/crisiskaart.md" in ok.out
    assert "politei.md" in ok.err  # replaces nothing: said, so a typo in a name is found
    card = own / "crisiskaart" / "crisiskaart.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n{{ persoon.lievelingskleur }}\n", encoding="utf-8")
    bad = run_cli("sjablonen", "controleer")
    assert bad.code == 2
    assert str(card) in bad.err and "lievelingskleur" in bad.err


def test_kopieer_records_the_version_and_never_overwrites_an_own_copy(own: Path, run_cli: RunCli) -> None:
    from levensloop_docs import __version__
    from levensloop_docs.run.overrides import read_origins

    assert run_cli("sjablonen", "kopieer", "levensloopplan", "--naar", own).code == 0
    origin = read_origins(own)["plan/levensloopplan.docx"]
    assert origin.program == __version__
    assert origin.version == registry()["levensloopplan"].version
    plan = own / "plan" / "levensloopplan.docx"
    plan.write_bytes(plan.read_bytes() + b"")  # stands for an edit in Word
    edited = plan.read_bytes()
    again = run_cli("sjablonen", "kopieer", "levensloopplan", "--naar", own)
    assert again.code == 2 and "--overschrijf" in again.err
    assert plan.read_bytes() == edited
    assert run_cli("sjablonen", "kopieer", "bestaat-niet", "--naar", own).code == 2


def _add_paragraph_and_change_a_row(template: Path) -> None:
    from docx import Document

    doc = Document(str(template))
    doc.add_paragraph("Nieuwe alinea over de terugval: {{ meta.terugvalplan }}")
    cell = doc.tables[0].rows[0].cells[0]
    cell.paragraphs[0].text = "Aangepaste kop"
    doc.save(str(template))


def test_verschil_shows_what_the_shipped_template_changed_since_the_copy(
    own: Path, shipped: Path, run_cli: RunCli
) -> None:
    assert run_cli("sjablonen", "kopieer", "levensloopplan", "--naar", own).code == 0
    assert run_cli("sjablonen", "kopieer", "crisiskaart", "--naar", own).code == 0
    same = run_cli("sjablonen", "verschil")
    assert same.code == 0 and same.out.count("niet veranderd") == 2, same.out
    # a newer program ships a changed plan template and a changed crisiskaart
    _add_paragraph_and_change_a_row(shipped / "plan" / "levensloopplan.docx")
    card = shipped / "crisiskaart" / "crisiskaart.md"
    newer = card.read_text(encoding="utf-8").replace("112", "112 (ook bij twijfel)", 1)
    card.write_text(newer, encoding="utf-8")
    result = run_cli("sjablonen", "verschil")
    assert result.code == 0, result.err
    assert "plan/levensloopplan.docx: het meegeleverde sjabloon is veranderd" in result.out
    assert "+ Nieuwe alinea over de terugval: {{ meta.terugvalplan }}" in result.out
    assert "Nieuwe velden: meta.terugvalplan" in result.out
    assert "+ Aangepaste kop" in result.out  # a table row, as readable text
    assert "<w:" not in result.out  # never XML
    assert "crisiskaart/crisiskaart.md: het meegeleverde sjabloon is veranderd" in result.out
    assert "(ook bij twijfel)" in result.out


def test_doctor_names_the_overridden_templates(
    own: Path, run_cli: RunCli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from levensloop_docs.cli.commands.doctor import check_own_templates

    with monkeypatch.context() as m:
        m.setenv("LEVENSLOOP_INSTELLINGEN", str(tmp_path / "bestaat-niet.yaml"))
        assert "geen" in check_own_templates().detail
    assert "vervangt: -" in check_own_templates().detail
    assert run_cli("sjablonen", "kopieer", "crisiskaart", "--naar", own).code == 0
    check = check_own_templates()
    assert check.ok and "crisiskaart/crisiskaart.md" in check.detail and str(own) in check.detail


# -- the builder scripts: a one-time tool outside the product -------------------------------------

def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_nothing_needs_the_builder_scripts_to_build_test_or_render() -> None:
    builders = {p.stem for p in (ROOT / "scripts").glob("maak_*.py")} | {"docxbouw"}
    folders = ("levensloop_docs", "tests", "benchmarks")
    product = [p for folder in folders for p in (ROOT / folder).rglob("*.py")]
    users = [p for p in product if _imports(p) & (builders | {f"scripts.{b}" for b in builders})]
    assert users == []
    shipped = {p.relative_to(ROOT / "templates").as_posix() for p in (ROOT / "templates").rglob("*.docx")}
    assert {d.template.relative_to(ROOT / "templates").as_posix() for d in registry().values()
            if d.engine == "docx"} <= shipped  # every Word template is there, not made at build time
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    build = pyproject[pyproject.index("[build-system]"):pyproject.index("[project]")]
    build += pyproject[pyproject.index("[tool.hatch"):pyproject.index("[tool.pytest")]
    assert "scripts" not in build  # no build hook runs them, the wheel does not carry them


def test_a_builder_refuses_to_overwrite_a_template_without_overschrijf(tmp_path: Path) -> None:
    from docx import Document

    spec = importlib.util.spec_from_file_location("docxbouw", ROOT / "scripts" / "docxbouw.py")
    assert spec is not None and spec.loader is not None
    docxbouw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(docxbouw)
    target = tmp_path / "sjabloon.docx"
    target.write_bytes(b"bewerkt in Word")
    with pytest.raises(SystemExit) as refused:
        docxbouw.save(Document(), target, argv=[])
    assert "--overschrijf" in str(refused.value.code)
    assert target.read_bytes() == b"bewerkt in Word"
    docxbouw.save(Document(), target, argv=["--overschrijf"])
    assert target.read_bytes().startswith(b"PK")


def test_controleer_checks_a_leaflet_and_a_handreiking_chapter_like_a_case_template(
    own: Path, run_cli: RunCli
) -> None:
    """Publications are equal to case documents in the check too (issue 29, §3): a typo in a
    region's leaflet or in a chapter of its own is found before a partner gets it."""
    shipped = resources.shipped_templates_dir()
    leaflet = own / "partnerinfo" / "folders" / "politie.md"
    leaflet.parent.mkdir(parents=True)
    text = (shipped / "partnerinfo" / "folders" / "politie.md").read_text(encoding="utf-8")
    leaflet.write_text(text + "\nBel {{ regio.zvh.telefon }}.\n", encoding="utf-8")
    chapter = own / "handreiking" / "limburg" / "08-eigen.md"
    chapter.parent.mkdir(parents=True)
    chapter.write_text("# Eigen hoofdstuk\n\n{{ regio.route_label }}, {{ stroomschema_alt }}\n\n"
                       "{% for s in regio.route %}{{ s.nivo }}{% endfor %}\n", encoding="utf-8")
    bad = run_cli("sjablonen", "controleer")
    assert bad.code == 2, bad.out
    assert str(leaflet) in bad.err and "regio.zvh.telefon" in bad.err
    assert str(chapter) in bad.err and "s.nivo" in bad.err
    assert "route_label" not in bad.err and "stroomschema_alt" not in bad.err  # real fields pass
    leaflet.unlink()
    chapter.write_text("# Eigen hoofdstuk\n\n{{ regio.route_label }}\n", encoding="utf-8")
    ok = run_cli("sjablonen", "controleer")
    assert ok.code == 0, ok.err
