"""The levensloopplan: the full case, for the network's own file."""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.plan import build_context


def plan_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> dict[str, Any]:
    return build_context(casus, vocab, today)


def has_plan(casus: Casus) -> bool:
    """A plan belongs to an included case (or one without an aanmelding in the file)."""
    if casus.aanmelding is None:
        return True
    return casus.meta.status in ("geincludeerd", "uitgestroomd")
