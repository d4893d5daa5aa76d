"""Word templates parsed once per process, rendered many times with docxtpl's semantics.

docxtpl opens the template zip, re-parses its XML, cleans it (``patch_xml``) and compiles
a new Jinja template for the body, every header and footer and six document properties,
for every single document; then python-docx deflates the whole package again (the
styles alone are almost 800 kB of XML). A batch renders the same few templates thousands
of times, so this module does the template work once per process:

- the cleaned Jinja sources come from docxtpl itself (``patch_xml``), compiled once in the
  sandbox environment;
- per document only the Jinja rendering and docxtpl's own post-processing run
  (``resolve_listing``, ``fix_tables``, ``fix_docpr_ids``), and the XML is serialised
  the way python-docx serialises it;
- the package entries that never change (styles, theme, fonts, images) are deflated once
  and copied into each new zip as they are;
- a picture in the context (a view's ``Image``: PNG bytes, width, alt text) becomes what
  docxtpl's ``InlineImage`` makes: a media part, its relationship, the png content type
  (those two parts worked out once per template by python-docx itself) and the inline
  drawing XML in the run, with the alt text on ``wp:docPr``.

The result has the same parts with the same XML as ``DocxTemplate.render`` + ``save``
(``tests/test_batch_docx.py`` compares them). Templates that use what this path does not
cover (footnotes, or no ``docProps/core.xml``) raise ``Unsupported`` and the caller falls
back to plain docxtpl.
"""

from __future__ import annotations

import io
import re
import struct
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

_PARAGRAPH = re.compile(r"<w:p([ >])")
_PARAGRAPH_BACK = re.compile(r"\n<w:p([ >])")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CORE = "docProps/core.xml"
_XMLNS = re.compile(rb' xmlns(?::[\w.-]+)?="[^"]*"')
_LISTING_CHARS = re.compile("[\t\a\n\f]")
_WHOLE_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
_FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
# What docxtpl's InlineImage puts in place of the {{ }}: the text run ends, a drawing run follows.
_DRAWING_RUN = '</w:t></w:r><w:r><w:drawing>%s</w:drawing></w:r><w:r><w:t xml:space="preserve">'


def is_image(value: Any) -> bool:
    """A picture from a view (``views.zrmchart.Image``): PNG bytes and a width in cm."""
    return isinstance(getattr(value, "png", None), bytes) and hasattr(value, "width_cm")


@dataclass(frozen=True)
class _PictureFrame:
    """The package parts that change when a document gets ``count`` pictures (python-docx's own)."""

    rels: bytes
    content_types: bytes
    targets: tuple[tuple[str, str], ...]  # (rId, zip entry) per picture, in context order
    next_id: int  # python-docx's next shape id: docPr name "Picture N" (docxtpl renumbers the id)


class Unsupported(Exception):
    """The template uses a docxtpl feature this fast path does not reproduce."""


# The docxtpl releases this path is tested with (tests/test_batch_docx.py compares the XML),
# and the docxtpl internals it calls. Another release, or one that renamed an internal, makes
# every template go through plain docxtpl: slower, never wrong.
TESTED_DOCXTPL = ("0.18.", "0.19.", "0.20.")
DOCXTPL_INTERNALS = (
    "init_docx", "get_xml", "patch_xml", "get_headers_footers", "get_part_xml",
    "get_headers_footers_encoding", "resolve_listing", "fix_tables", "fix_docpr_ids",
    "HEADER_URI", "FOOTER_URI",
)


def check_docxtpl() -> None:
    """Raise ``Unsupported`` unless the installed docxtpl is one this path was tested with."""
    from importlib.metadata import version

    from docxtpl import DocxTemplate

    found = version("docxtpl")
    if not found.startswith(TESTED_DOCXTPL):
        raise Unsupported(f"docxtpl {found}")
    missing = [name for name in DOCXTPL_INTERNALS if not hasattr(DocxTemplate, name)]
    if missing:
        raise Unsupported("docxtpl without " + ", ".join(missing))


@dataclass(frozen=True)
class Source:
    """One cleaned Jinja source of a template: which zip entry, and its text."""

    part: str  # zip entry, e.g. word/document.xml or word/footer1.xml
    text: str  # what Jinja parses; line n is paragraph n (docxtpl puts each <w:p on a line)
    encoding: str


@dataclass(frozen=True)
class _Entry:
    name: str
    crc: int
    size: int
    data: bytes  # raw deflate stream


def jinja_sources(data: bytes) -> list[Source]:
    """The Jinja sources of a Word template, exactly as docxtpl renders them."""
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(io.BytesIO(data))
    tpl.init_docx()
    for part in tpl.docx.part.package.parts:
        if part.content_type == _FOOTNOTES_TYPE:
            raise Unsupported("footnotes")
    sources = [Source("word/document.xml", _lines(tpl.patch_xml(tpl.get_xml())), "utf-8")]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _key, part in tpl.get_headers_footers(uri):
            xml = tpl.get_part_xml(part)
            encoding = tpl.get_headers_footers_encoding(xml)
            sources.append(Source(part.partname.lstrip("/"), _lines(tpl.patch_xml(xml)), encoding))
    return sources


def _lines(xml: str) -> str:
    return shd_in_order(_PARAGRAPH.sub(r"\n<w:p\1", xml))


# docxtpl's {% cellbg %} puts <w:shd> first in <w:tcPr>; the schema wants it after the width,
# span, merge and borders (Word may call the file damaged otherwise). Fixed once, in the source.
_SHD_FIRST = re.compile(
    r"(<w:tcPr>)(<w:shd [^>]*/>)((?:<w:(?:cnfStyle|tcW|gridSpan|hMerge|vMerge)\b[^>]*/>"
    r"|<w:tcBorders>.*?</w:tcBorders>)+)"
)


def shd_in_order(xml: str) -> str:
    """The patched template XML with every cell's w:shd after its width (also for plain docxtpl)."""
    return _SHD_FIRST.sub(r"\1\3\2", xml)


class CompiledTemplate:
    """A Word template ready to render: compiled Jinja parts plus pre-deflated static entries."""

    def __init__(self, data: bytes, env: Any) -> None:
        import zipfile

        from docxtpl import DocxTemplate

        self.sources = jinja_sources(data)
        self._compiled = [(s, env.from_string(s.text)) for s in self.sources]
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = zf.namelist()
            if _CORE not in names:
                raise Unsupported("no core properties")
            self._raw = {name: zf.read(name) for name in names}
        self._order = names
        rendered = {s.part for s in self.sources} | {_CORE}
        self._static = {n: _deflated(n, self._raw[n]) for n in names if n not in rendered}
        self._helper = DocxTemplate(io.BytesIO(data))  # for docxtpl's post-processing methods
        self._frame_parts: tuple[bytes, bytes, set[tuple[str | None, str]]] | None = None
        self._data = data
        self._picture_frames: dict[int, _PictureFrame] = {}

    def render(self, context: dict[str, Any], set_properties: Callable[[Any], None]) -> bytes:
        """The finished DOCX as bytes. Jinja errors propagate (the caller names the template)."""
        parts: dict[str, bytes] = {}
        order = self._order
        pictures = [key for key, value in context.items() if is_image(value)]
        if pictures:
            self._check_pictures_in_body(pictures)
            context, media = self._with_pictures(context, pictures)
            parts.update(media)
            order = [*order, *(name for name in media if name not in self._raw)]
        self._helper.docx_ids_index = 1000  # as docxtpl's render_init: ids restart per document
        for source, template in self._compiled:
            xml = self._post(template.render(context))
            if source.part == "word/document.xml":
                parts[source.part] = self._document(xml)
            else:
                parts[source.part] = _reserialise(xml.encode(source.encoding))
        parts[_CORE] = self._core(set_properties)
        entries = [
            _deflated(name, parts[name]) if name in parts else self._static[name] for name in order
        ]
        return _zip(entries)

    def _with_pictures(
        self, context: dict[str, Any], keys: list[str]
    ) -> tuple[dict[str, Any], dict[str, bytes]]:
        """The context with each picture as its drawing XML, and the parts the pictures add or change."""
        from docx.image.image import Image as DocxImage
        from docx.oxml.shape import CT_Inline
        from docx.shared import Cm
        from markupsafe import Markup

        frame = self.picture_frame([context[k].png for k in keys])
        out = dict(context)
        parts = {_RELS: frame.rels, _TYPES: frame.content_types}
        for key, (rid, entry) in zip(keys, frame.targets, strict=True):
            picture = context[key]
            image = DocxImage.from_blob(picture.png)
            cx, cy = image.scaled_dimensions(Cm(picture.width_cm), None)
            inline = CT_Inline.new_pic_inline(frame.next_id, rid, image.filename, cx, cy)
            if len(keys) == 1:  # as render/docx.py's _describe_images: only when it is unambiguous
                inline.docPr.set("descr", str(getattr(picture, "description", "")))
            out[key] = Markup(_DRAWING_RUN % self._without_root_namespaces(inline.xml))
            parts[entry] = picture.png
        return out, parts

    def _check_pictures_in_body(self, keys: list[str]) -> None:
        """A picture in a header or footer needs that part's own relationship: docxtpl does it."""
        for source in self.sources:
            if source.part != "word/document.xml" and any(key in source.text for key in keys):
                raise Unsupported("picture outside the body")

    def _without_root_namespaces(self, xml: str) -> str:
        """Drop the declarations the document root makes, as lxml does when docxtpl moves the body in."""
        first = xml.index(">")
        head = xml[:first]
        for prefix, uri in self.frame()[2]:
            if prefix:
                head = head.replace(f' xmlns:{prefix}="{uri}"', "")
        return head + xml[first:]

    def picture_frame(self, pngs: list[bytes]) -> _PictureFrame:
        """Relationships and content types with ``len(pngs)`` pictures, as python-docx writes them."""
        found = self._picture_frames.get(len(pngs))
        if found is None:
            import zipfile

            from docx import Document

            doc = Document(io.BytesIO(self._data))
            next_id = doc.part.next_id
            # distinct bytes per picture: python-docx stores the same picture only once
            targets = []
            for i, png in enumerate(pngs):
                rid, _image = doc.part.get_or_add_image(io.BytesIO(png + bytes(i)))
                targets.append((rid, str(doc.part.related_parts[rid].partname).lstrip("/")))
            saved = io.BytesIO()
            doc.save(saved)
            with zipfile.ZipFile(saved) as zf:
                found = _PictureFrame(zf.read(_RELS), zf.read(_TYPES), tuple(targets), next_id)
            self._picture_frames[len(pngs)] = found
        return found

    def _post(self, xml: str) -> str:
        """docxtpl's ``render_xml_part`` after the Jinja step.

        ``resolve_listing`` (tabs, line and page breaks typed in a text) runs three regular
        expressions over every paragraph; it only changes paragraphs that contain such a
        character, so only those are handed to it, one by one: same result, a fraction of
        the work.
        """
        xml = _PARAGRAPH_BACK.sub(r"<w:p\1", xml)
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        if not _LISTING_CHARS.search(xml):
            return xml
        resolve = self._helper.resolve_listing
        return _WHOLE_PARAGRAPH.sub(
            lambda m: str(resolve(m.group(0))) if _LISTING_CHARS.search(m.group(0)) else m.group(0), xml
        )

    def _document(self, body_xml: str) -> bytes:
        """The document part: the template's root element around the rendered body.

        python-docx puts the new body into the parsed root and serialises the whole; moving
        a large tree between lxml documents is slow. Here the root is serialised once per
        template around an empty body, and the body is serialised into its place. lxml
        drops the body's namespace declarations that the root already makes when it moves
        the body in, so they are dropped here too; a body that declares anything else goes
        the slow way.
        """
        from lxml import etree

        tree = self._helper.fix_tables(body_xml)
        self._helper.fix_docpr_ids(tree)
        head, tail, root_ns = self.frame()
        if not set(tree.nsmap.items()) <= root_ns:
            return self._document_slow(tree)
        raw = etree.tostring(tree, encoding="UTF-8")  # UTF-8: no XML declaration
        end = raw.index(b">")
        return bytes(head + _XMLNS.sub(b"", raw[:end]) + raw[end:] + tail)

    def _document_slow(self, tree: Any) -> bytes:
        from docx.opc.oxml import serialize_part_xml
        from docx.oxml.parser import parse_xml

        root = parse_xml(self._raw["word/document.xml"])
        root.replace(root.find(f"{_W}body"), tree)
        return bytes(serialize_part_xml(root))

    def frame(self) -> tuple[bytes, bytes, set[tuple[str | None, str]]]:
        """The serialised root before and after ``<w:body>``, and the namespaces it declares."""
        if self._frame_parts is None:
            from docx.opc.oxml import serialize_part_xml
            from docx.oxml.parser import parse_xml

            root = parse_xml(self._raw["word/document.xml"])
            body = root.find(f"{_W}body")
            for child in list(body):
                body.remove(child)
            whole = bytes(serialize_part_xml(root))
            if whole.count(b"<w:body/>") != 1 or body.attrib:
                raise Unsupported("document frame")
            head, _mark, tail = whole.partition(b"<w:body/>")
            self._frame_parts = (head, tail, set(root.nsmap.items()))
        return self._frame_parts

    def _core(self, set_properties: Callable[[Any], None]) -> bytes:
        from docx.opc.constants import CONTENT_TYPE
        from docx.opc.packuri import PackURI
        from docx.opc.parts.coreprops import CorePropertiesPart

        part = CorePropertiesPart.load(
            PackURI("/" + _CORE), CONTENT_TYPE.OPC_CORE_PROPERTIES, self._raw[_CORE], None,  # type: ignore[arg-type]  # no package: the part stands alone
        )
        set_properties(SimpleNamespace(core_properties=part.core_properties))
        return bytes(part.blob)


def _reserialise(xml: bytes) -> bytes:
    """What python-docx writes for a header or footer part that docxtpl replaced."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.parser import parse_xml

    return bytes(serialize_part_xml(parse_xml(xml)))


def _deflated(name: str, data: bytes) -> _Entry:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    stream = compressor.compress(data) + compressor.flush()
    return _Entry(name, zlib.crc32(data), len(data), stream)


def _dos_time() -> tuple[int, int]:
    t = time.localtime()
    return (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2), (
        ((t.tm_year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday
    )


def _zip(entries: list[_Entry]) -> bytes:
    """A plain deflate zip (no zip64: a document is far below 4 GB) from ready entries."""
    out = io.BytesIO()
    central: list[bytes] = []
    mtime, mdate = _dos_time()
    for e in entries:
        name = e.name.encode("utf-8")
        offset = out.tell()
        out.write(struct.pack(
            "<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 8, mtime, mdate, e.crc, len(e.data), e.size,
            len(name), 0,
        ))
        out.write(name)
        out.write(e.data)
        central.append(struct.pack(
            "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, 8, mtime, mdate, e.crc, len(e.data),
            e.size, len(name), 0, 0, 0, 0, 0o600 << 16, offset,
        ) + name)
    start = out.tell()
    directory = b"".join(central)
    out.write(directory)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                          len(directory), start, 0))
    return out.getvalue()


_CACHE: dict[tuple[str, int, int], CompiledTemplate] = {}


def compiled(template: Path, env_factory: Callable[[], Any]) -> CompiledTemplate:
    """The template compiled for this process; recompiled when the file changes."""
    stat = template.stat()
    key = (str(template.resolve()), stat.st_mtime_ns, stat.st_size)
    found = _CACHE.get(key)
    if found is None:
        check_docxtpl()
        env = env_factory()
        env.autoescape = True  # as docxtpl's render(autoescape=True)
        found = CompiledTemplate(template.read_bytes(), env)
        _CACHE[key] = found
    return found
