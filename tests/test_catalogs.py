"""Issue 26: every Dutch catalog entry is whole: its own placeholders, no other entry glued on.

A merge once left the takeover message glued to "Wat helpt, in de woorden van de cliënt?",
so the question showed a raw ``{who}``; these checks run over every .po in the package.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import vertalingen  # noqa: E402

# A text this long is never legitimately part of another entry's translation.
GLUE_MIN = 30


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def _entries() -> list[tuple[str, str, tuple[str, ...], tuple[str, ...]]]:
    """(catalog, first msgid, every msgid form, every msgstr form) of each translated entry."""
    out = []
    for domain, catalog in vertalingen.catalogs().items():
        for msg in catalog:
            if not msg.id or not msg.string:
                continue
            ids = tuple(str(i) for i in (msg.id if isinstance(msg.id, tuple) else (msg.id,)))
            strs = tuple(str(s) for s in (msg.string if isinstance(msg.string, tuple) else (msg.string,)))
            out.append((domain, ids[0], ids, tuple(s for s in strs if s)))
    return out


ENTRIES = _entries()


def test_there_are_catalogs_to_check() -> None:
    assert len(ENTRIES) > 500 and {e[0] for e in ENTRIES} >= {"interview", "evaluatie", "notulen"}


def test_each_msgstr_has_exactly_the_placeholders_of_its_msgid() -> None:
    wrong = []
    for domain, first, ids, strs in ENTRIES:
        wanted = [_fields(i) for i in ids]
        for text in strs:
            if _fields(text) not in wanted:
                wrong.append(f"{domain}: {first!r} -> {text!r}")
    assert not wrong, "\n".join(wrong)


def test_no_msgstr_contains_another_entry() -> None:
    # Another entry's text inside a translation is glue, unless the English composes the same
    # way ("X. Check the date." containing the entry "X.").
    others = [(first, ids, strs) for _d, first, ids, strs in ENTRIES]
    glued = []
    for _domain, first, ids, strs in ENTRIES:
        for text in strs:
            for other, other_ids, other_strs in others:
                if other == first:
                    continue
                pieces = [t for t in (*other_ids, *other_strs) if len(t) >= GLUE_MIN and t != text]
                if any(p in text for p in pieces) and not any(o in i for o in other_ids for i in ids):
                    glued.append(f"{first!r}: its translation contains the entry {other!r}")
    assert not glued, "\n".join(glued[:20])


def test_the_glued_takeover_message_is_gone() -> None:
    from levensloop_docs.i18n import _

    assert _("What helps, in the client's words?") == "Wat helpt, in de woorden van de cliënt?"


def test_every_msgid_used_in_the_code_is_translated() -> None:
    gaps = vertalingen.missing()
    assert not gaps, "\n".join(f"{v[0]}:{v[1]} {k!r}" for k, v in gaps.items())


PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*\}")


@pytest.mark.parametrize("domain", ["interview", "evaluatie", "notulen", "aanmelding"])
def test_a_text_without_placeholders_in_english_has_none_in_dutch(domain: str) -> None:
    # A question label is shown as it is (format() is used only when the msgid has fields):
    # a Dutch text may not bring a placeholder of its own, or the screen shows '{who}'.
    leaked = [f"{first!r} -> {s!r}" for d, first, ids, strs in ENTRIES if d == domain
              for s in strs if not any(_fields(i) for i in ids) and PLACEHOLDER.search(s)]
    assert not leaked, "\n".join(leaked)
