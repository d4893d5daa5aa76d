"""Several PDFs of one case as one file, with a bookmark per document.

A merge of PDF/A files is not PDF/A any more (the output intents and the identification
do not survive a merge intact), so the bundle never claims it: its XMP has no PDF/A id.
Encryption is AES-256; the password comes from the caller, never from the command line.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from levensloop_docs.pdf.metadata import PdfInfo, declare_dutch, info_dict, strip_pdfa, xmp_packet

PASSWORD_ENV = "LEVENSLOOP_WACHTWOORD"


def merge(parts: Sequence[tuple[str, Path]], info: PdfInfo, password: str | None = None) -> bytes:
    """One PDF from ``(bookmark title, pdf)`` parts; each document's own bookmarks nest below its own."""
    from pypdf import PdfReader, PdfWriter
    from pypdf import __version__ as pypdf_version

    writer = PdfWriter()
    for title, path in parts:
        writer.append(PdfReader(path), outline_item=title, import_outline=True)
    strip_pdfa(writer)
    producer = f"pypdf {pypdf_version}"
    writer.metadata = None
    writer.add_metadata(info_dict(info, producer))
    writer.xmp_metadata = xmp_packet(info, producer, None)
    declare_dutch(writer)  # a new catalog: the parts' /Lang is not carried over
    if password:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
