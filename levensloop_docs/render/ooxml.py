"""What every DOCX we write declares and leaves out, so Word opens it as a Dutch document without repair.

- Dutch: the default run language (``docDefaults``, and any style's own ``w:lang``) and the
  theme font language are nl-NL. Word then proofs the text as Dutch, and LibreOffice writes
  ``/Lang nl-NL`` into the PDF, so a screen reader uses a Dutch voice. python-docx's base
  document says en-US.
- No ``stylesWithEffects.xml``: a Word 2010 copy of the styles in python-docx's base
  document, which goes stale as soon as our styles change (a validator warns that Word may
  then call the file unreadable). Word 2013 and later neither need nor write it.

Used by the Markdown-to-DOCX writer and by the template builder (scripts/docxbouw.py).
"""

from __future__ import annotations

from typing import Any

LANGUAGE = "nl-NL"
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def declare_dutch(doc: Any) -> None:
    """Set nl-NL wherever the styles and settings name a language."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:  # no defaults at all: make them, else the language is Word's own
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    rpr = run_defaults.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        run_defaults.append(rpr)
    if rpr.find(qn("w:lang")) is None:
        rpr.append(OxmlElement("w:lang"))  # w:lang is the last child python-docx's rPr knows of
    for part in (styles, doc.settings.element):
        for lang in (*part.iter(qn("w:lang")), *part.iter(qn("w:themeFontLang"))):
            lang.set(qn("w:val"), LANGUAGE)


def drop_styles_with_effects(doc: Any) -> None:
    """Leave python-docx's stale Word 2010 copy of the styles out of the package."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:
            doc.part.drop_rel(rid)


def finish(doc: Any) -> None:
    """Everything above, once, before the document is saved."""
    declare_dutch(doc)
    drop_styles_with_effects(doc)
