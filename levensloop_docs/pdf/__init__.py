"""Print-ready PDF: LibreOffice conversion, document properties, PDF/A, bundles, encryption.

- ``converter``: one persistent LibreOffice per process (``Converter.convert(src, target)``)
  and ``convert_many`` for batches over several cores.
- ``metadata``: the document properties (and XMP for PDF/A) after conversion.
- ``bundle``: several documents of a case in one PDF, optionally encrypted (AES-256).
- ``diagnose``: the checks behind ``levensloop doctor``.

Modules are imported lazily; nothing here starts LibreOffice on import.
"""
