"""The first ring of a region where its profile does not say otherwise.

Its own module because both the region type (``regions.py``) and the region file's schema
(``regionfile.py``, which ``regions.py`` loads) need it: neither imports the other for it.
"""

from __future__ import annotations

# ring 1 where a region profile does not say otherwise: ZVH, levensloopaanbieder, gemeente
DEFAULT_FIRST_RING = ("procesregisseur", "levensloopaanbieder", "gemeente")
