"""The levensloopplan: the full case, for the network's own file."""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.run.documents import applies_when, context_builder
from levensloop_docs.views.plan import build_context


@context_builder("plan")
def plan_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> dict[str, Any]:
    return build_context(casus, vocab, today)


@applies_when("heeft_plan")
def _has_plan(casus: Casus) -> bool:
    """A plan belongs to an included case (or one without an aanmelding in the file)."""
    if casus.aanmelding is None:
        return True
    return casus.meta.status in ("geincludeerd", "uitgestroomd")
