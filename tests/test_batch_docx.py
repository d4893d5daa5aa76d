"""The cached Word renderer writes what docxtpl writes: same parts, same XML."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import TODAY, example_paths

from levensloop_docs.case.casefile import load_case
from levensloop_docs.render.docx import render_docx, render_docx_docxtpl
from levensloop_docs.render.docx_fast import compiled
from levensloop_docs.render.sandbox import make_environment
from levensloop_docs.run.renderrun import Job, RenderRun, plan_jobs


def _jobs(paths: list[Path] | None = None) -> list[Job]:
    """The Word-template documents of the examples (Markdown documents do not use docxtpl)."""
    jobs = [j for p in paths or example_paths() for j in plan_jobs(load_case(p), None, ("docx",))]
    return [j for j in jobs if j.document.engine == "docx"]


def _core_without_dates(data: bytes) -> dict[str, str]:
    from docx import Document

    core = Document(io.BytesIO(data)).core_properties
    return {name: str(getattr(core, name)) for name in
            ("title", "subject", "identifier", "keywords", "comments", "category", "author", "language")}


# per example (its Word documents in a loop): the cases are loaded by the test, not at collection
@pytest.mark.parametrize("example", example_paths(), ids=lambda p: p.stem)
def test_cached_renderer_writes_the_same_document_as_docxtpl(example: Path, tmp_path: Path) -> None:
    for job in _jobs([example]):
        folder = tmp_path / job.document.name
        folder.mkdir()
        _assert_same_as_docxtpl(job, folder)


def _assert_same_as_docxtpl(job: Job, tmp_path: Path) -> None:
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    context, props = run.context(job), run.properties(job)
    render_docx_docxtpl(job.document.template, context, tmp_path / "docxtpl.docx", props)
    render_docx(job.document.template, context, tmp_path / "snel.docx", props)
    render_docx(job.document.template, context, tmp_path / "snel2.docx", props)  # from the cache
    assert compiled(job.document.template, make_environment).frame()  # the fast path, no fallback
    plain = zipfile.ZipFile(tmp_path / "docxtpl.docx")
    for name in ("snel.docx", "snel2.docx"):
        fast = zipfile.ZipFile(tmp_path / name)
        assert sorted(fast.namelist()) == sorted(plain.namelist())
        for entry in plain.namelist():
            if entry != "docProps/core.xml":  # holds the time of making
                assert fast.read(entry) == plain.read(entry), entry
        assert fast.testzip() is None
        assert _core_without_dates((tmp_path / name).read_bytes()) == _core_without_dates(
            (tmp_path / "docxtpl.docx").read_bytes())


def test_cached_renderer_follows_a_changed_template(tmp_path: Path) -> None:
    from docx import Document

    job = _jobs()[0]
    template = tmp_path / "sjabloon.docx"
    template.write_bytes(job.document.template.read_bytes())
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    context, props = run.context(job), run.properties(job)
    render_docx(template, context, tmp_path / "voor.docx", props)
    doc = Document(str(template))
    doc.add_paragraph("Nieuwe slotzin voor {{ meta.casus_id }}.")
    doc.save(str(template))
    render_docx(template, context, tmp_path / "na.docx", props)
    before = [p.text for p in Document(str(tmp_path / "voor.docx")).paragraphs]
    after = [p.text for p in Document(str(tmp_path / "na.docx")).paragraphs]
    assert after[-1] == f"Nieuwe slotzin voor {job.case.casus.meta.casus_id}."
    assert after[:-1] == before


def test_template_outside_the_fast_path_is_rendered_by_docxtpl(tmp_path: Path) -> None:
    """A Word file without document properties: the cache refuses it, docxtpl makes it."""
    from docx import Document

    from levensloop_docs.render.docx_fast import Unsupported

    job = _jobs()[0]
    template = tmp_path / "zonder-eigenschappen.docx"
    with zipfile.ZipFile(job.document.template) as src, zipfile.ZipFile(template, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "_rels/.rels":  # drop the relationship to the properties part
                data = re.sub(rb'<Relationship [^>]*core-properties[^>]*/>', b"", data)
            if item.filename != "docProps/core.xml":
                dst.writestr(item, data)
    with pytest.raises(Unsupported):
        compiled(template, make_environment)
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    render_docx(template, run.context(job), tmp_path / "uit.docx", run.properties(job))
    made = Document(str(tmp_path / "uit.docx"))
    case_id = job.case.casus.meta.casus_id
    assert case_id in made.core_properties.title
    with zipfile.ZipFile(tmp_path / "uit.docx") as zf:
        parts = [n for n in zf.namelist() if n.startswith("word/") and n.endswith(".xml")]
        xml = "".join(zf.read(n).decode() for n in parts)
    assert case_id in xml and "{{" not in xml


@pytest.mark.parametrize("change", ["renamed-internal", "untested-release"])
def test_a_docxtpl_that_differs_falls_back_to_plain_docxtpl(
    change: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A docxtpl release that renamed an internal (or one never tested) is not an error:
    every document goes through docxtpl itself, with the same text."""
    import importlib.metadata

    from docx import Document

    from levensloop_docs.render import docx as docx_module
    from levensloop_docs.render import docx_fast

    job = _jobs()[0]
    template = tmp_path / "sjabloon.docx"  # a fresh path: nothing compiled for it yet
    template.write_bytes(job.document.template.read_bytes())
    if change == "renamed-internal":
        monkeypatch.setattr(docx_fast, "DOCXTPL_INTERNALS", (*docx_fast.DOCXTPL_INTERNALS, "render_part_v2"))
    else:
        real = importlib.metadata.version
        monkeypatch.setattr(importlib.metadata, "version",
                            lambda name: "0.99.0" if name == "docxtpl" else real(name))
    plain_calls: list[Path] = []
    plain = docx_module.render_docx_docxtpl

    def spy(template: Path, context: dict[str, object], target: Path, props: dict[str, str]) -> None:
        plain_calls.append(target)
        plain(template, context, target, props)

    monkeypatch.setattr(docx_module, "render_docx_docxtpl", spy)
    with pytest.raises(docx_fast.Unsupported):
        compiled(template, make_environment)
    run = RenderRun(out_dir=tmp_path, today=TODAY)
    render_docx(template, run.context(job), tmp_path / "uit.docx", run.properties(job))
    assert plain_calls == [tmp_path / "uit.docx"]
    made = Document(str(tmp_path / "uit.docx"))
    assert job.case.casus.meta.casus_id in made.core_properties.title
    assert any(p.text.strip() for p in made.paragraphs)
