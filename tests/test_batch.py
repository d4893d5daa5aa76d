"""``levensloop genereer MAP``: incremental decisions, broken cases, refused templates, progress."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _pdf_helpers import pdf_str

from levensloop_docs.batch.manifest import MANIFEST_NAME

Cli = Callable[..., Any]


def _dry(run_cli: Cli, cases: Path, out: Path) -> dict[str, str]:
    result = run_cli("genereer", cases, "--uit", out, "--droog")
    assert result.code == 0, result.err
    lines = [line for line in result.out.splitlines() if ": " in line]
    return dict(line.split(": ", 1) for line in lines)


def _outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if not p.name.startswith("."))


def _add_paragraph(template: Path, text: str) -> None:
    from docx import Document

    doc = Document(str(template))
    doc.add_paragraph(text)
    doc.save(str(template))


def test_first_run_makes_everything_second_run_nothing(run_cli: Cli, cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    first = run_cli("genereer", cases, "--uit", out)
    assert first.code == 0, first.err
    made = _outputs(out)
    assert made and all(name.endswith(".docx") for name in made)
    assert f"{len(made)} bestanden gemaakt, 0 ongewijzigd" in first.out
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert (out / MANIFEST_NAME).stat().st_mode & 0o077 == 0
    recorded = {n for c in manifest["casussen"].values() for n in c["bestanden"]}
    assert recorded == set(made)
    from levensloop_docs.run.documents import registry

    versions = {t.version for t in registry().values()}
    assert {o["versie"] for c in manifest["casussen"].values() for o in c["bestanden"].values()} <= versions
    before = {n: (out / n).stat().st_mtime_ns for n in made}
    second = run_cli("genereer", cases, "--uit", out)
    assert second.code == 0, second.err
    assert f"0 bestanden gemaakt, {len(made)} ongewijzigd" in second.out
    assert {n: (out / n).stat().st_mtime_ns for n in made} == before


# every document of an included case is made from the case: an edit remakes them all
CASE_EDITED = {f"LLA-2026-0042_{name}_v2.docx": "casus gewijzigd"
               for name in ("levensloopplan", "signaleringsplan", "toestemmingsverklaring", "opnamebrief")}


def test_another_selection_does_not_undo_the_first(run_cli: Cli, cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    plans = _outputs(out)
    only = run_cli("genereer", cases, "--uit", out, "--document", "levensloopplan", "--formaat", "docx,html")
    assert only.code == 0, only.err
    assert "0 ongewijzigd" not in only.out  # the plans are unchanged; nothing else was asked
    added = sorted(set(_outputs(out)) - set(plans))
    assert set(plans) <= set(_outputs(out))  # nothing of the first run removed
    assert added == sorted(p.replace(".docx", ".html") for p in plans if "_levensloopplan_" in p)
    assert _dry(run_cli, cases, out) == {}
    edited = cases / "caravan-groningen.yaml"
    edited.write_text(edited.read_text().replace("Woont in een caravan", "Woont nog in een caravan"))
    assert _dry(run_cli, cases, out) == CASE_EDITED


def test_incremental_decisions(run_cli: Cli, shared_copy: Path, cases: Path, tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    made = _outputs(out)
    assert _dry(run_cli, cases, out) == {}

    # a case edited: only that case's outputs, "casus gewijzigd"
    case = cases / "caravan-groningen.yaml"
    case.write_text(case.read_text().replace("Woont in een caravan", "Woont sinds kort in een caravan"))
    assert _dry(run_cli, cases, out) == CASE_EDITED

    # a template edited: only its documents, "sjabloon gewijzigd"
    letter = shared_copy / "templates" / "aanmelding" / "terugkoppeling.docx"
    _add_paragraph(letter, "Met vriendelijke groet.")
    dry = _dry(run_cli, cases, out)
    for name in CASE_EDITED:
        assert dry.pop(name) == "casus gewijzigd"
    assert dry and set(dry.values()) == {"sjabloon gewijzigd"}
    assert all("_terugkoppeling_" in name for name in dry)

    # output deleted and output edited by hand
    (out / "LLA-2026-0017_levensloopplan_v3.docx").unlink()
    with (out / "LLA-2026-0063_levensloopplan_v1.docx").open("ab") as fh:
        fh.write(b"met de hand")
    sneaky = out / "LLA-2026-0057_aanmeldformulier_v1.docx"  # same size, same time, other bytes
    stat, data = sneaky.stat(), bytearray(sneaky.read_bytes())
    data[-30] ^= 0x01
    sneaky.write_bytes(bytes(data))
    os.utime(sneaky, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    dry = _dry(run_cli, cases, out)
    assert dry["LLA-2026-0017_levensloopplan_v3.docx"] == "uitvoer ontbreekt"
    assert dry["LLA-2026-0063_levensloopplan_v1.docx"] == "uitvoer met de hand gewijzigd"
    assert dry[sneaky.name] == "uitvoer met de hand gewijzigd"

    # the real run makes exactly those, and then nothing is left to do
    result = run_cli("genereer", cases, "--uit", out)
    assert result.code == 0, result.err
    assert f"{len(dry)} bestanden gemaakt, {len(made) - len(dry)} ongewijzigd" in result.out
    assert _dry(run_cli, cases, out) == {}
    assert _outputs(out) == made

    # a data file edited (a vocabulary): everything, "gegevens gewijzigd"
    vocab = shared_copy / "data" / "vocabulaires" / "verblijf.yaml"
    vocab.write_text(vocab.read_text() + "\n# regionale aanvulling volgt\n")
    dry = _dry(run_cli, cases, out)
    assert sorted(dry) == made and set(dry.values()) == {"gegevens gewijzigd"}

    # --alles makes everything even when nothing changed
    assert run_cli("genereer", cases, "--uit", out).code == 0
    again = run_cli("genereer", cases, "--uit", out, "--alles")
    assert f"{len(made)} bestanden gemaakt, 0 ongewijzigd" in again.out


def test_template_version_in_footer_and_manifest(
    run_cli: Cli, shared_copy: Path, cases: Path, tmp_path: Path
) -> None:
    from docx import Document

    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    manifest = shared_copy / "templates" / "documenten.yaml"
    text = manifest.read_text()
    start = text.index("levensloopplan:")
    end = text.index("versie: ", start)
    end = text.index("\n", end)
    before_version = text[start:end].rsplit("versie: ", 1)[0]
    manifest.write_text(text[:start] + before_version + 'versie: "9.9"' + text[end:])
    from levensloop_docs.run.documents import registry

    registry.cache_clear()
    dry = _dry(run_cli, cases, out)
    assert dry and set(dry.values()) == {"sjabloon gewijzigd"}
    assert all("_levensloopplan_" in name for name in dry)
    assert run_cli("genereer", cases, "--uit", out).code == 0
    plan = out / "LLA-2026-0042_levensloopplan_v2.docx"
    footer = " ".join(p.text for s in Document(str(plan)).sections for p in s.footer.paragraphs)
    assert "9.9" in footer
    record = json.loads((out / MANIFEST_NAME).read_text())["casussen"]["caravan-groningen.yaml"]
    assert record["bestanden"][plan.name]["versie"] == "9.9"


def test_broken_case_does_not_stop_the_others(run_cli: Cli, cases: Path, tmp_path: Path) -> None:
    good = (cases / "caravan-groningen.yaml").read_text()
    (cases / "kapot.yaml").write_text(
        good.replace("LLA-2026-0042", "LLA-2026-0999").replace("zrm_score: 2", "zrm_score: 9", 1)
    )
    (cases / "dubbel.yaml").write_text(good)  # the same case id as caravan-groningen.yaml
    out = tmp_path / "uit"
    result = run_cli("genereer", cases, "--uit", out)
    assert result.code == 2
    assert "2 van de 7 casussen zijn mislukt" in result.err
    assert "kapot.yaml" in result.out and "zrm_score" in result.out
    assert "dubbel.yaml" in result.out and "LLA-2026-0042" in result.out
    assert "Ebbinge" not in result.out + result.err  # no personal data in the summary
    made = _outputs(out)
    assert "LLA-2026-0042_levensloopplan_v2.docx" in made
    assert not any("0999" in name for name in made)
    assert len(made) > 5
    # the broken case is tried again next time; the good ones are not made again
    again = run_cli("genereer", cases, "--uit", out, "--droog")
    assert "kapot.yaml" in again.out and "0 ongewijzigd" not in again.out


def test_single_bad_case_file_keeps_exit_2_and_problem_list(
    run_cli: Cli, cases: Path, tmp_path: Path
) -> None:
    bad = cases / "kapot.yaml"
    bad.write_text((cases / "caravan-groningen.yaml").read_text().replace("zrm_score: 2", "zrm_score: 9", 1))
    result = run_cli("genereer", bad, "--uit", tmp_path / "uit")
    assert result.code == 2
    assert "kapot.yaml" in result.err and "zrm_score" in result.err
    assert not (tmp_path / "uit").exists()


def test_template_with_unknown_field_is_refused_before_any_output(
    run_cli: Cli, shared_copy: Path, cases: Path, tmp_path: Path
) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out).code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    template = shared_copy / "templates" / "plan" / "levensloopplan.docx"
    _add_paragraph(template, "Contact: {{ persoon.telefoonnummer }}")
    (cases / "caravan-groningen.yaml").write_text(
        (cases / "caravan-groningen.yaml").read_text().replace("Woont in", "Woonde in"))
    result = run_cli("genereer", cases, "--uit", out)
    assert result.code == 2
    assert "levensloopplan.docx" in result.err
    assert "word/document.xml, alinea" in result.err
    assert "persoon.telefoonnummer" in result.err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    fresh = run_cli("genereer", cases, "--uit", tmp_path / "nieuw")
    assert fresh.code == 2 and not (tmp_path / "nieuw").exists()


def test_progress_is_line_based_when_not_a_terminal(run_cli: Cli, cases: Path, tmp_path: Path) -> None:
    result = run_cli("genereer", cases, "--uit", tmp_path / "uit")
    assert result.code == 0
    assert "\r" not in result.err and "\x1b" not in result.err
    lines = result.err.splitlines()
    assert lines and all("casussen" in line for line in lines)
    assert lines[-1].endswith("(100%)")


def test_line_progress_prints_at_most_one_line_per_tenth() -> None:
    from levensloop_docs.batch.progress import LineProgress

    stream = io.StringIO()
    progress = LineProgress(stream)
    progress.start(2000, "Documenten maken")
    for _ in range(2000):
        progress.advance()
    progress.stop()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 10
    assert lines[0] == "Documenten maken: 200 van 2000 casussen (10%)"


def test_pdf_in_workers_with_version_in_metadata(
    run_cli: Cli, needs_libreoffice: None, cases: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from levensloop_docs.run.documents import registry

    for path in cases.glob("*.yaml"):
        if path.name not in ("caravan-groningen.yaml", "aanmelding-oost-brabant.yaml"):
            path.unlink()
    out = tmp_path / "uit"
    result = run_cli("genereer", cases, "--uit", out, "--formaat", "docx,pdf")
    assert result.code == 0, result.err
    pdfs = sorted(out.glob("*.pdf"))
    # plan, signaleringsplan, consent form and opnamebrief of the included case;
    # aanmeldformulier and letter of the rejected one
    assert len(pdfs) == len(list(out.glob("*.docx"))) == 6
    for pdf in pdfs:
        version = registry()[pdf.stem.split("_")[1]].version
        reader = PdfReader(pdf)
        assert reader.metadata is not None and pdf_str(reader.metadata["/Sjabloonversie"]) == version
        assert version in reader.pages[-1].extract_text()  # the footer shows the template version
    assert "LLA-2026-0042" in PdfReader(out / "LLA-2026-0042_levensloopplan_v2.pdf").pages[0].extract_text()
    again = run_cli("genereer", cases, "--uit", out, "--formaat", "docx,pdf", "--droog")
    assert "Zou 0 bestanden maken; 12 ongewijzigd" in again.out
    result = run_cli("genereer", cases, "--uit", out, "--formaat", "docx,pdf", "--pdf-a", "--droog")
    reasons = dict(line.split(": ", 1) for line in result.out.splitlines() if ": " in line)
    assert sorted(reasons) == [p.name for p in pdfs] and set(reasons.values()) == {"andere opties"}


def test_a_new_document_type_is_picked_up_without_code(run_cli: Cli, shared_copy: Path, cases: Path,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "uit"
    assert run_cli("genereer", cases, "--uit", out, "--formaat", "docx,html").code == 0
    before = _outputs(out)
    templates = shared_copy / "templates"
    (templates / "proef").mkdir()
    (templates / "proef" / "blad.md").write_text(
        "# Proefblad {{ meta.casus_id }}\n\nSjabloonversie {{ document.versie }}.\n", encoding="utf-8")
    with (templates / "documenten.yaml").open("a", encoding="utf-8") as fh:
        fh.write("proefblad:\n  titel: Proefblad\n  sjabloon: proef/blad.md\n  soort: markdown\n"
                 "  formaten: [docx, html]\n  versie: \"2.0\"\n  context: plan\n")
    from levensloop_docs.run.documents import registry

    registry.cache_clear()
    result = run_cli("genereer", cases, "--uit", out, "--formaat", "docx,html")
    assert result.code == 0, result.err
    new = sorted(set(_outputs(out)) - set(before))
    assert new and all("_proefblad_" in name for name in new)
    assert len(new) == 2 * len(list(cases.glob("*.yaml")))
    html = next(out.glob("LLA-2026-0042_proefblad_*.html")).read_text(encoding="utf-8")
    assert "Proefblad LLA-2026-0042" in html and "Sjabloonversie 2.0" in html
    assert f"{len(new)} bestanden gemaakt, {len(before)} ongewijzigd" in result.out
