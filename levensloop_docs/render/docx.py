"""DOCX documents from Word templates (docxtpl), rendered in the sandbox.

Document properties are set here, not by the template: they leave the building with
the file, so they carry the case id, the template and its version, and no name or
date of birth.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from levensloop_docs.atomic import atomic_path
from levensloop_docs.render.sandbox import make_environment, template_error


def set_properties(document: Any, properties: dict[str, str]) -> None:
    core = document.core_properties
    core.title = properties.get("title", "")
    core.subject = properties.get("subject", "")
    core.identifier = properties.get("identifier", "")
    core.keywords = properties.get("keywords", "")
    core.comments = properties.get("comments", "")
    core.category = properties.get("category", "")
    core.author = "levensloop-docs"
    core.last_modified_by = "levensloop-docs"
    core.language = "nl-NL"
    now = datetime.now().replace(microsecond=0)
    core.created = now
    core.modified = now


def render_docx(template: Path, context: dict[str, Any], target: Path, properties: dict[str, str]) -> None:
    """Render ``template`` with ``context`` into ``target`` (atomically).

    The template is parsed and compiled once per process (``render/docx_fast.py``: same
    parts and XML as docxtpl, several times faster); templates that path does not cover,
    and docxtpl releases it was not tested with, go through docxtpl itself.
    """
    from jinja2 import TemplateError

    from levensloop_docs.atomic import write_bytes
    from levensloop_docs.render.docx_fast import Unsupported, compiled

    try:
        data = compiled(template, make_environment).render(
            context, lambda doc: set_properties(doc, properties)
        )
    except Unsupported:
        render_docx_docxtpl(template, context, target, properties)
        return
    except TemplateError as exc:
        raise template_error(template, exc, word=True) from None
    write_bytes(target, data)


def render_docx_docxtpl(
    template: Path, context: dict[str, Any], target: Path, properties: dict[str, str]
) -> None:
    """The plain docxtpl way: parse the template zip and XML for this one document."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    from levensloop_docs.render.docx_fast import shd_in_order

    try:
        doc = DocxTemplate(str(template))
        patch = doc.patch_xml
        doc.patch_xml = lambda xml: shd_in_order(patch(xml))
        doc.render(_with_images(doc, context), jinja_env=make_environment(), autoescape=True)
    except TemplateError as exc:
        raise template_error(template, exc, word=True) from None
    _describe_images(doc, context)
    set_properties(doc.docx, properties)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))


def _is_image(value: Any) -> bool:
    """A picture from a view (``views.zrmchart.Image``): PNG bytes and a width in cm."""
    from levensloop_docs.render.docx_fast import is_image

    return is_image(value)


def _has_images(context: dict[str, Any]) -> bool:
    return any(_is_image(v) for v in context.values())


def _with_images(doc: Any, context: dict[str, Any]) -> dict[str, Any]:
    """Top-level pictures become docxtpl InlineImages (they need the template object)."""
    if not _has_images(context):
        return context
    import io

    from docx.shared import Cm
    from docxtpl import InlineImage

    out = dict(context)
    for key, value in context.items():
        if _is_image(value):
            out[key] = InlineImage(doc, io.BytesIO(value.png), width=Cm(value.width_cm))
    return out


def _describe_images(doc: Any, context: dict[str, Any]) -> None:
    """Alternative text for a screen reader: each picture's own description (Word: 'Alt-tekst')."""
    descriptions = [str(getattr(v, "description", "")) for v in context.values() if _is_image(v)]
    if len(descriptions) != 1:
        return  # which picture is which cannot be told from the document; leave them
    for shape in doc.docx.inline_shapes:
        shape._inline.docPr.set("descr", descriptions[0])
