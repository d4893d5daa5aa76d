"""Document properties of a finished PDF: what it is, never who it is about.

LibreOffice copies the DOCX core properties into the PDF; this step replaces them with
one fixed set (title, subject, case id, template and its version, generator, dates) and
drops the author. For PDF/A the XMP packet must say the same as the document info
dictionary, so both are written here from the same values, and the PDF/A identification
(``pdfaid:part``/``conformance``) is kept. A merged bundle is not PDF/A: ``strip_pdfa``
removes the claim.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from levensloop_docs import __version__
from levensloop_docs.i18n import _

GENERATOR = f"levensloop-docs {__version__}"


@dataclass(frozen=True)
class PdfInfo:
    title: str
    subject: str
    case_id: str
    template: str
    template_version: str
    created: datetime

    def keywords(self) -> str:
        if not self.template_version:  # a bundle: several templates, each with its version
            about = _("templates {names}").format(names=self.template)
        else:
            about = _("template {name} version {version}").format(
                name=self.template, version=self.template_version)
        return f"levensloopaanpak; {self.case_id}; {about}"


def _pdf_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")


def _xmp_date(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def info_dict(info: PdfInfo, producer: str) -> dict[str, str]:
    when = _pdf_date(info.created)
    return {
        "/Title": info.title,
        "/Subject": info.subject,
        "/Keywords": info.keywords(),
        "/Creator": GENERATOR,
        "/Producer": producer,
        "/CreationDate": when,
        "/ModDate": when,
        "/CasusId": info.case_id,
        "/Sjabloon": info.template,
        "/Sjabloonversie": info.template_version,
    }


def xmp_packet(info: PdfInfo, producer: str, pdfa: tuple[str, str] | None) -> bytes:
    """An XMP packet with the same values as ``info_dict`` (and the PDF/A id when given)."""
    from xml.sax.saxutils import escape  # here: it imports urllib and http, a DOCX run needs neither

    when = _xmp_date(info.created)
    pdfaid = ""
    if pdfa is not None:
        pdfaid = (
            '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
            f"<pdfaid:part>{escape(pdfa[0])}</pdfaid:part>"
            f"<pdfaid:conformance>{escape(pdfa[1])}</pdfaid:conformance></rdf:Description>\n"
        )
    body = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{pdfaid}"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>'
        f'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li>'
        "</rdf:Alt></dc:description></rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        f"<pdf:Producer>{escape(producer)}</pdf:Producer>"
        f"<pdf:Keywords>{escape(info.keywords())}</pdf:Keywords></rdf:Description>\n"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<xmp:CreatorTool>{escape(GENERATOR)}</xmp:CreatorTool>"
        f"<xmp:CreateDate>{when}</xmp:CreateDate><xmp:ModifyDate>{when}</xmp:ModifyDate>"
        f"<xmp:MetadataDate>{when}</xmp:MetadataDate></rdf:Description>\n"
        "</rdf:RDF>\n</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return body.encode("utf-8")


def pdfa_identification(reader: Any) -> tuple[str, str] | None:
    """(part, conformance) from the XMP of a PDF, e.g. ("2", "B"); None when it is not PDF/A."""
    xmp = reader.xmp_metadata
    if xmp is None:
        return None
    part = xmp.get_nodes_in_namespace("", "http://www.aiim.org/pdfa/ns/id/")
    values: dict[str, str] = {}
    for node in part:
        for child in (node, *node.childNodes):
            local = getattr(child, "localName", None)
            if local in ("part", "conformance") and child.firstChild is not None:
                values[local] = child.firstChild.data.strip()
        for attr in ("part", "conformance"):
            value = node.getAttributeNS("http://www.aiim.org/pdfa/ns/id/", attr) if node.attributes else ""
            if value:
                values[attr] = value
    if "part" not in values:
        return None
    return values["part"], values.get("conformance", "B")


def _set_xmp(writer: Any, data: bytes) -> None:
    from pypdf.generic import NameObject

    writer.xmp_metadata = None  # a fresh, unfiltered stream: PDF/A forbids a compressed one
    writer.xmp_metadata = data
    stream = writer.root_object["/Metadata"].get_object()
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")


def finish(raw: bytes, info: PdfInfo) -> bytes:
    """The PDF ``raw`` with our document properties; PDF/A stays PDF/A."""
    from pypdf import PdfReader, PdfWriter
    from pypdf import __version__ as pypdf_version

    reader = PdfReader(io.BytesIO(raw))
    pdfa = pdfa_identification(reader)
    made_by = (reader.metadata.producer if reader.metadata else None) or "LibreOffice"
    producer = f"{made_by}; pypdf {pypdf_version}"
    writer = PdfWriter(clone_from=reader)
    writer.pdf_header = reader.pdf_header  # PDF/A-2 files are PDF 1.7, not pypdf's default 1.3
    writer.metadata = None  # start from an empty info dictionary: no author, nothing left over
    writer.add_metadata(info_dict(info, producer))
    _set_xmp(writer, xmp_packet(info, producer, pdfa))
    declare_dutch(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def declare_dutch(writer: Any) -> None:
    """/Lang nl-NL in the catalog: screen readers read with a Dutch voice (WCAG 3.1.1, PDF/UA).

    LibreOffice takes it from the document's default language, which our DOCX declare; this
    makes it hold for a template a region edited in a Word set to English as well.
    """
    from pypdf.generic import NameObject, TextStringObject

    writer.root_object[NameObject("/Lang")] = TextStringObject("nl-NL")


def strip_pdfa(writer: Any) -> None:
    """Remove the PDF/A claim (XMP packet and output intents) from a merged PDF."""
    from pypdf.generic import NameObject

    for key in ("/Metadata", "/OutputIntents"):
        if NameObject(key) in writer.root_object:
            del writer.root_object[NameObject(key)]
