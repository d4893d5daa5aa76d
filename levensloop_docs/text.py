"""Making typed text safe to place in DOCX, HTML and PDF.

XML 1.0 (and so DOCX) cannot hold most control characters or lone surrogates; a
document that contains one does not open. We drop exactly those characters and keep
everything else, including tabs and line breaks, as data.
"""

from __future__ import annotations

import re

_NOT_XML = re.compile("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_text(value: str) -> str:
    """Normalise line ends and remove characters that XML cannot carry."""
    return _NOT_XML.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
