"""The HTML version of a document made from a Word template: the finished DOCX, read back.

Why from the DOCX and not from a second template: a region edits one Word template, and the
HTML must say exactly what the printed plan says. mammoth reads the DOCX semantically
(headings, tables, lists, bold and italic, pictures) and writes every text run HTML-escaped,
so a ``<``, ``&`` or ``{{ x }}`` typed by a user stays text here as in Word. Pictures (the ZRM
chart) arrive as ``data:`` URIs with their alternative text, which the page's
Content-Security-Policy allows; nothing is fetched. Word's running header and footer are not
part of the body: the page gets the same confidential footer as the Markdown documents.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from levensloop_docs.render.markdown import RenderedMarkdown, demote_headings, with_anchors

# Word styles of the templates (scripts/maak_*.py) that mammoth does not map by itself.
STYLE_MAP = """
p[style-name='Title'] => h1.titel:fresh
p[style-name='Subtitle'] => p.ondertitel:fresh
"""

# an empty table cell (a field left blank) is an empty <p> to mammoth; a bare cell prints the same
_EMPTY_PARAGRAPH_IN_CELL = re.compile(r"<td><p></p></td>")


def docx_to_html(data: bytes) -> RenderedMarkdown:
    """The body of a DOCX as an HTML fragment, with numbered heading anchors."""
    import mammoth

    result = mammoth.convert_to_html(io.BytesIO(data), style_map=STYLE_MAP)
    body = _EMPTY_PARAGRAPH_IN_CELL.sub("<td></td>", result.value)
    return with_anchors(_one_title(body))


def docx_file_to_html(path: Path) -> RenderedMarkdown:
    return docx_to_html(path.read_bytes())


def _one_title(body: str) -> str:
    """The cover's title is the page's h1; the numbered chapters below it become h2 and so on.

    In Word the chapters use 'Heading 1' under a 'Title'; in HTML one h1 per page reads
    best for a screen reader and keeps the outline the same as in Word's navigation pane.
    """
    if '<h1 class="titel">' not in body:
        return body
    head, _sep, rest = body.partition('<h1 class="titel">')
    title, end, rest = rest.partition("</h1>")
    return f"{head}<h1>{title}{end}{demote_headings(rest)}"
