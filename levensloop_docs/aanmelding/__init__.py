"""The aanmelding (registration) by the procesregisseur of the Zorg- en Veiligheidshuis.

- ``criteria``: the national and regional criteria of a case, the verdict and the warnings.
- ``context``: the template context of the aanmeldformulier and the terugkoppeling letter.
- ``formulier``: filling a ZVH's own PDF form (AcroForm) from a mapping file.

Region profiles themselves live in ``levensloop_docs.regions``.
"""
