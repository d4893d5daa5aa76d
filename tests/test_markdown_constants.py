"""A constant in a Markdown template prints the same in every render of one process.

Jinja folds a constant output ({{ "" }}, {{ "tekst" }}) through ``finalize`` at compile
time; the compiled template is cached per process, so a folded value would carry the first
render's placeholder into every later render (seen as 'llv...0v' in the second document).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from levensloop_docs.render.markdown import render_markdown_text

SOURCE = '# Kop\n\nVast: {{ "vaste tekst" }}{{ "" }}\n\nWaarde: {{ waarde }}\n'


def _render(value: str, tmp_path: Path) -> str:
    return render_markdown_text(SOURCE, {"waarde": value}, name=tmp_path / "t.md").body


def test_constant_survives_a_second_render(tmp_path: Path) -> None:
    first = _render("een", tmp_path)
    second = _render("twee", tmp_path)
    for body, value in ((first, "een"), (second, "twee")):
        assert "Vast: vaste tekst" in body
        assert f"Waarde: {value}" in body
        assert "llv" not in body


@settings(max_examples=30, deadline=None)
# no "l" in the values, so any "llv" in the output can only be a leaked placeholder
@given(
    st.lists(
        st.text(st.characters(blacklist_characters="lL"), min_size=1, max_size=20), min_size=2, max_size=4
    )
)
def test_no_placeholder_leaks_over_many_renders(values: list[str]) -> None:
    here = Path("sjabloon.md")
    for value in values:
        body = render_markdown_text(SOURCE, {"waarde": value}, name=here).body
        assert "vaste tekst" in body
        assert "llv" not in body.lower()
