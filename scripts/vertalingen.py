"""Gettext workflow for the Dutch catalogs in locales/nl/LC_MESSAGES/.

    python scripts/vertalingen.py controleer          # which texts have no Dutch translation
    python scripts/vertalingen.py bijwerken DOMEIN PAD...  # add missing texts from files under PAD
                                                          # to DOMEIN.po (empty msgstr to fill in)
    python scripts/vertalingen.py compileer           # .po -> .mo (commit both)

Each part of the product may keep its own catalog (domain); i18n.py loads them all.
Texts are extracted from every ``_()`` / ``ngettext()`` call in levensloop_docs/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
CATALOGS = ROOT / "locales" / "nl" / "LC_MESSAGES"
KEYWORDS = {"_": None, "ngettext": (1, 2)}


def extracted() -> dict[str, tuple[str, int]]:
    """msgid -> (file, line) for every translatable text in the package."""
    found: dict[str, tuple[str, int]] = {}
    for filename, lineno, message, _comments, _ctx in extract_from_dir(
        str(ROOT / "levensloop_docs"), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        msgid = message[0] if isinstance(message, tuple) else message
        found.setdefault(msgid, (filename, lineno))
    return found


def catalogs() -> dict[str, Catalog]:
    out = {}
    for po in sorted(CATALOGS.glob("*.po")):
        with po.open("rb") as fh:
            out[po.stem] = read_po(fh, locale="nl")
    return out


def translated_ids() -> set[str]:
    ids = set()
    for catalog in catalogs().values():
        for msg in catalog:
            text = msg.string[0] if isinstance(msg.string, tuple) else msg.string
            if msg.id and text:
                ids.add(msg.id if isinstance(msg.id, str) else msg.id[0])
    return ids


def missing() -> dict[str, tuple[str, int]]:
    done = translated_ids()
    return {k: v for k, v in extracted().items() if k not in done}


def update(domain: str, prefixes: list[str]) -> None:
    """Add untranslated texts whose source file lies under one of ``prefixes`` to DOMAIN.po."""
    path = CATALOGS / f"{domain}.po"
    catalog = catalogs().get(domain) or Catalog(locale="nl", project="levensloop-docs", domain=domain)
    wanted = [str(Path(p).resolve().relative_to(ROOT / "levensloop_docs")) for p in prefixes]
    for msgid, (filename, line) in missing().items():
        if not any(filename.startswith(w) for w in wanted):
            continue
        if msgid not in catalog:
            catalog.add(msgid, "", locations=[(filename, line)])
    with path.open("wb") as fh:
        write_po(fh, catalog, width=100, omit_header=False)


def compile_all() -> None:
    for domain, catalog in catalogs().items():
        with (CATALOGS / f"{domain}.mo").open("wb") as fh:
            write_mo(fh, catalog)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "controleer"
    if command == "controleer":
        gaps = missing()
        for msgid, (filename, line) in sorted(gaps.items(), key=lambda kv: kv[1]):
            print(f"{filename}:{line}: {msgid!r}")
        print(f"{len(gaps)} teksten zonder Nederlandse vertaling")
        return 1 if gaps else 0
    if command == "bijwerken" and len(argv) >= 3:
        update(argv[1], argv[2:])
        return 0
    if command == "compileer":
        compile_all()
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
