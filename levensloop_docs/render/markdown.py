"""Markdown documents: Jinja2 (sandbox) -> Markdown -> HTML, with every value kept as data.

Design (why values can never become Markdown or HTML): the template is rendered in the
sandbox with a ``finalize`` hook that replaces the output of every ``{{ expression }}``
by an opaque token (letters and digits with a random per-render nonce, which Markdown
leaves alone). Only the template's own text goes through Markdown. After the Markdown
step each token is replaced by its value, HTML-escaped, with line breaks as ``<br>``.
So a ``#``, ``*``, ``[x](y)``, ``<b>`` or ``{{ x }}`` typed by a user arrives letter for
letter, in a heading, a list item or a table cell alike. A single regex pass does the
replacement, so a value is never scanned again.

The result (``RenderedMarkdown``) is an HTML fragment plus its headings (for a table of
contents); ``html_document`` wraps it in a printable page, ``markdown_docx`` turns it
into Word.

Fast path: a process keeps one sandbox environment per include folder and each template
compiled once (by its text), as the Word templates are (``docx_fast.py``); the finalize
hook finds the render's tokens in a context variable, so one compiled template serves
every render. The Markdown converter is made once and reset between documents.
"""

from __future__ import annotations

import functools
import html
import re
import secrets
from collections.abc import Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from levensloop_docs.errors import TemplateProblemError
from levensloop_docs.i18n import _
from levensloop_docs.text import clean_text

EXTENSIONS = ["tables", "sane_lists", "attr_list", "md_in_html"]


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class RenderedMarkdown:
    """The HTML fragment of one Markdown document and the headings it contains."""

    body: str
    headings: tuple[Heading, ...]

    @property
    def title(self) -> str:
        first = next((h for h in self.headings if h.level == 1), None)
        return first.text if first else ""


class _Tokens:
    """Collects the values of one render and hands out the tokens that stand in for them."""

    def __init__(self) -> None:
        self.nonce = "".join(secrets.choice("bcdfghjkmnpqrstvwxz") for _ in range(10))
        self.values: list[str] = []
        self.pattern = re.compile(f"llv{self.nonce}(\\d+)v")

    def finalize(self, value: Any) -> str:
        self.values.append(clean_text(str(value)))
        return f"llv{self.nonce}{len(self.values) - 1}v"

    def restore(self, markup: str) -> str:
        def value(match: re.Match[str]) -> str:
            text = html.escape(self.values[int(match.group(1))], quote=True)
            return text.replace("\n", "<br>")

        return self.pattern.sub(value, markup)


_TOKENS: ContextVar[_Tokens] = ContextVar("markdown_tokens")
_KEEP_COMPILED = 64  # templates kept per process (a run uses a handful)


def _folders(search_path: Path | Sequence[Path]) -> tuple[str, ...]:
    return (str(search_path),) if isinstance(search_path, Path) else tuple(str(f) for f in search_path)


@functools.cache
def _environment(folders: tuple[str, ...]) -> Any:
    from jinja2 import pass_eval_context

    from levensloop_docs.render.sandbox import markdown_environment

    # pass_eval_context keeps Jinja from folding a constant ({{ "" }}) through finalize at
    # compile time: that would bake the first render's token into the cached template.
    @pass_eval_context
    def finalize(_eval_ctx: Any, value: Any) -> str:
        return _TOKENS.get().finalize(value)

    env = markdown_environment([Path(f) for f in folders])
    env.finalize = finalize
    return env


@functools.lru_cache(maxsize=_KEEP_COMPILED)
def _compiled(folders: tuple[str, ...], source: str) -> Any:
    return _environment(folders).from_string(source)


@functools.cache
def _converter() -> Any:
    import markdown

    return markdown.Markdown(extensions=EXTENSIONS, output_format="html")


def render_markdown_text(
    source: str, context: dict[str, Any], *, name: Path, search_path: Path | Sequence[Path] | None = None
) -> RenderedMarkdown:
    """Render Markdown+Jinja ``source`` with ``context``; ``name`` is used in error messages."""
    from jinja2 import TemplateError

    from levensloop_docs.render.sandbox import template_error

    tokens = _Tokens()
    reset = _TOKENS.set(tokens)
    try:
        text = _compiled(_folders(search_path or name.parent), source).render(context)
    except TemplateError as exc:
        raise template_error(name, exc, word=False) from None
    finally:
        _TOKENS.reset(reset)
    converted = _converter().reset().convert(text)
    return with_anchors(tokens.restore(converted))


def render_markdown_file(
    template: Path, context: dict[str, Any], *, search_path: Path | Sequence[Path] | None = None
) -> RenderedMarkdown:
    """Render a Markdown template file (``{% include %}`` looks in ``search_path``)."""
    from levensloop_docs.yamlio import YamlReadError, read_text

    try:
        source = read_text(template)
    except YamlReadError as exc:
        raise TemplateProblemError(problems=[exc.problem], summary=_("A template has an error.")) from None
    return render_markdown_text(source, context, name=template, search_path=search_path)


def with_anchors(body: str) -> RenderedMarkdown:
    """Give every h1-h3 a plain id (never derived from its text) and list them."""
    counter = 0
    headings: list[Heading] = []

    def anchor(match: re.Match[str]) -> str:
        nonlocal counter
        counter += 1
        level, attrs, inner = int(match.group(1)), match.group(2), match.group(3)
        ident = f"kop-{counter}"
        text = html.unescape(re.sub(r"<[^>]+>", "", inner)).replace("\n", " ").strip()
        headings.append(Heading(level, text, ident))
        attrs = re.sub(r'\s*id="[^"]*"', "", attrs)
        return f'<h{level} id="{ident}"{attrs}>{inner}</h{level}>'

    body = re.sub(r"<h([1-3])([^>]*)>(.*?)</h\1>", anchor, body, flags=re.S)
    return RenderedMarkdown(body, tuple(headings))


def demote_headings(body: str) -> str:
    """Every h1-h5 one level down (h1 -> h2 ...): a part placed under a page's one h1."""
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body)


def toc_html(headings: tuple[Heading, ...], *, first: int = 1, levels: int = 2) -> str:
    """A table of contents for the HTML version: links to the headings ``first``..``levels``."""
    items = "\n".join(
        f'<li class="toc-{h.level - first + 1}"><a href="#{h.anchor}">{html.escape(h.text)}</a></li>'
        for h in headings if first <= h.level <= levels
    )
    return f'<nav class="inhoud" aria-label="Inhoud">\n<h2>Inhoud</h2>\n<ol>\n{items}\n</ol>\n</nav>'


PRINT_CSS = """
@page { size: A4; margin: 20mm 20mm 22mm 20mm;
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8.5pt; color: #555; } }
html { font-family: Carlito, Calibri, "Liberation Sans", Arial, sans-serif; font-size: 11pt;
  line-height: 1.45; color: #1a1a1a; }
body { max-width: 46em; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 20pt; color: #0b4f6c; margin: 0 0 .3em; line-height: 1.2; }
h2 { font-size: 14pt; color: #0b4f6c; margin: 1.2em 0 .3em; break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 .2em; break-after: avoid; }
p { margin: 0 0 .6em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 .6em 1.3em; padding: 0; }
li { margin: 0 0 .2em; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 .8em; break-inside: avoid; }
th, td { border: 1px solid #b8c7cf; padding: .25em .45em; text-align: left; vertical-align: top; }
th { background: #e4eef2; }
.contact { border: 1.5pt solid #0b4f6c; background: #eef5f8; padding: .6em .9em; margin: .8em 0;
  break-inside: avoid; }
.contact h2, .contact h3 { margin-top: 0; }
.kader { border-left: 4pt solid #c0392b; padding: .2em .8em; margin: .8em 0; background: #fbeeec; }
.onder { color: #555; font-size: 9pt; }
.klein { font-size: 9.5pt; }
img { max-width: 100%; height: auto; }
.tel { white-space: nowrap; }
.klein h2 { font-size: 12pt; }
nav.inhoud ol { list-style: none; margin-left: 0; }
nav.inhoud li.toc-2 { margin-left: 1.2em; }
footer.voet { margin-top: 2em; border-top: 1px solid #b8c7cf; padding-top: .4em; font-size: 8.5pt;
  color: #555; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; }
  .nieuwe-pagina { break-before: page; } nav.inhoud { break-after: page; } }
"""


# The pages are self-contained: inline style only. No script, no fetch, no frame, no form target,
# so a text that slipped through escaping still cannot run or call home.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def size_css(font_size: float | None) -> str:
    """Scale the print stylesheet for one document (large type for the client)."""
    if font_size is None:
        return ""
    f = font_size / 11
    return (f"\nhtml {{ font-size: {font_size:g}pt; line-height: 1.5; }} h1 {{ font-size: {20 * f:.0f}pt; }} "
            f"h2 {{ font-size: {14 * f:.0f}pt; }} h3 {{ font-size: {12 * f:.0f}pt; }}\n")


# A phone number as the documents write it: 050-0000101, 06-12345678, 06 12 34 56 78,
# +31 6 1234 5678, 0031 6 12345678, 0900-8844. Checked by its digits in _phone_span.
PHONE_TEXT = re.compile(r"(?<![\w+/.,:-])(?:\+|00)?\d(?:[ \-]?\d){7,13}(?![\w/-])")
_TAG = re.compile(r"(<[^>]*>)")


def _phone_span(m: re.Match[str]) -> str:
    found = m.group(0)
    digits = re.sub(r"\D", "", found)
    dutch = (
        (found.startswith("0") and not found.startswith("00") and len(digits) == 10)
        or (found.startswith("+31") and len(digits) == 11)
        or (found.startswith("0031") and len(digits) == 13)
        or (digits[:4] in {"0800", "0900"} and 8 <= len(digits) <= 11)
    )
    if not dutch or (" " not in found and "-" not in found):
        return found  # a date, an amount, a case number, or a number without a place to break
    return f'<span class="tel">{found}</span>'


def unbroken_phone_numbers(body: str) -> str:
    """Each phone number in the page's text in a ``span.tel`` that the stylesheet keeps on one
    line ("050-" ended a line and "0000101" began the next, as in the DOCX before it got its
    non-breaking hyphen). The text stays the number as written, so it copies as typed; tags and
    their attributes (a picture's data URI) are left alone."""
    parts = _TAG.split(body)
    for i in range(0, len(parts), 2):  # the even parts are the text between the tags
        parts[i] = PHONE_TEXT.sub(_phone_span, parts[i])
    return "".join(parts)


def html_document(rendered: RenderedMarkdown, *, title: str, footer: str, toc: bool = False,
                  font_size: float | None = None) -> str:
    """A complete, printable HTML page (A4, print stylesheet inline: one file to hand on)."""
    contents = toc_html(rendered.headings) if toc else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="levensloop-docs">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{html.escape(title)}</title>\n<style>{PRINT_CSS}{size_css(font_size)}</style>\n</head>\n<body>\n"
        f"{contents}\n<main>\n{unbroken_phone_numbers(rendered.body)}\n</main>\n"
        f'<footer class="voet">{unbroken_phone_numbers(html.escape(footer))}</footer>\n</body>\n</html>\n'
    )
