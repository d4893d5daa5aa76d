"""``levensloop sjablonen controleer``: syntax errors and unknown fields, with their place."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from conftest import EXAMPLES, TODAY
from test_batch import Cli, _add_paragraph

from levensloop_docs.case.casefile import load_case
from levensloop_docs.run.documents import DocumentType, registry
from levensloop_docs.run.templatecheck import check_document, context_shape, load_examples


def _plan_with(tmp_path: Path, *paragraphs: str) -> DocumentType:
    from docx import Document

    template = tmp_path / "proef.docx"
    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(template))
    return replace(registry()["levensloopplan"], template=template)


def _messages(doc: DocumentType) -> list[str]:
    cases = load_examples(sorted(EXAMPLES.glob("*.yaml")))
    return [p.describe() for p in check_document(doc, context_shape(doc, cases, TODAY))]


def test_shipped_templates_are_correct(run_cli: Cli) -> None:
    result = run_cli("sjablonen", "controleer")
    assert result.code == 0, result.err
    assert "sjablonen gecontroleerd: geen fouten" in result.out


def test_unknown_field_is_reported_with_file_and_paragraph(run_cli: Cli, shared_copy: Path) -> None:
    template = shared_copy / "templates" / "plan" / "levensloopplan.docx"
    _add_paragraph(template, "Bereikbaar via {{ persoon.telefoonnummer }}")
    result = run_cli("sjablonen", "controleer")
    assert result.code == 2
    assert "1 van de" in result.err
    assert str(template) in result.err
    assert "word/document.xml, alinea" in result.err
    assert 'Bereikbaar via {{ persoon.telefoonnummer }}' in result.err
    assert "Onbekend veld persoon.telefoonnummer" in result.err


def test_syntax_error_is_reported_with_its_paragraph(run_cli: Cli, shared_copy: Path) -> None:
    template = shared_copy / "templates" / "aanmelding" / "terugkoppeling.docx"
    _add_paragraph(template, "{% if meta.casus_id %}zonder einde")
    result = run_cli("sjablonen", "controleer")
    assert result.code == 2
    assert "terugkoppeling.docx" in result.err and "alinea" in result.err
    assert "Fout in de opbouw van het sjabloon" in result.err


def test_loop_variables_and_nested_paths_are_followed(tmp_path: Path) -> None:
    from levensloop_docs.run.renderrun import Job, RenderRun

    case = load_case(EXAMPLES / "caravan-groningen.yaml")
    doc = registry()["levensloopplan"]
    context = RenderRun(out_dir=tmp_path, today=TODAY).context(Job(case, doc, None, ()))
    area_key = next(iter(context["levensgebieden"][0]))
    messages = _messages(_plan_with(
        tmp_path,
        "{{ persoon.naam }} {{ meta.casus_id | upper }} {{ document.versie }}",
        f"{{% for g in levensgebieden %}}{{{{ g.{area_key} }}}} {{{{ g.bestaatniet }}}}"
        "{% for a in g.acties %}{{ loop.index }} {{ a.onbekend }}{% endfor %}{% endfor %}",
        "{% if iets is defined %}{{ anders | default('') }}{% endif %}",
        "{% set p = persoon %}{{ p.naam }} {{ p.schoenmaat }}",
        "{% for sleutel, waarde in meta.items() %}{{ sleutel }}{% endfor %}",
    ))
    assert len(messages) == 3, messages
    assert "alinea 2" in messages[0] and "g.bestaatniet" in messages[0]
    assert "alinea 2" in messages[1] and "a.onbekend" in messages[1]
    assert "alinea 4" in messages[2] and "p.schoenmaat" in messages[2]


def test_unknown_field_in_footer_names_the_footer(tmp_path: Path) -> None:
    from docx import Document

    doc = _plan_with(tmp_path, "{{ persoon.naam }}")
    word = Document(str(doc.template))
    word.sections[0].footer.paragraphs[0].text = "Versie {{ document.versei }}"
    word.save(str(doc.template))
    messages = _messages(doc)
    assert len(messages) == 1
    assert "word/footer" in messages[0] and "document.versei" in messages[0]


def test_markdown_template_reports_its_line(tmp_path: Path) -> None:
    template = tmp_path / "blad.md"
    (tmp_path / "kop.md").write_text("# {{ meta.casus_id }} {{ meta.nietbestaand }}\n", encoding="utf-8")
    template.write_text(
        "{% include 'kop.md' %}\n\nGeachte partner,\n\n{{ persoon.naam }}\n{{ persoon.geenveld }}\n",
        encoding="utf-8",
    )
    doc = replace(registry()["levensloopplan"], template=template, engine="markdown")
    messages = _messages(doc)
    assert any("blad.md:6" in m and "persoon.geenveld" in m for m in messages), messages
    assert any("kop.md:1" in m and "meta.nietbestaand" in m for m in messages), messages
    assert len(messages) == 2


def test_document_with_a_parameter_is_checked_for_the_requested_value(
    run_cli: Cli, shared_copy: Path
) -> None:
    template = shared_copy / "templates" / "partnerinfo" / "casusblad.md"
    template.write_text(template.read_text(encoding="utf-8") + "\n{{ meta.casus_id }} {{ meta.geheim }}\n",
                        encoding="utf-8")
    result = run_cli("sjablonen", "controleer", "--document", "partner:reclassering")
    assert result.code == 2
    lines = len(template.read_text(encoding="utf-8").splitlines())
    assert f"casusblad.md:{lines}" in result.err and "meta.geheim" in result.err
