"""The levensloopplan: the full case, for the network's own file."""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.plan import ContextBuilder
from levensloop_docs.views.plan_extra import extend_plan
from levensloop_docs.views.zrmchart import zrm_context


def plan_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> dict[str, Any]:
    builder = ContextBuilder(casus, vocab, today)
    # the plan adds safety, legal route, completeness and voice to the shared context
    ctx = extend_plan(builder.build(), builder)
    # ZRM over time, as in the voortgangsverslag: only the evaluations in this version's file
    # (an archived version keeps the evaluations it had), and no chart before the first one
    ctx["zrm"], chart = zrm_context(casus, vocab)
    ctx["zrm_grafiek"] = chart if chart is not None else ""
    return ctx


def has_plan(casus: Casus) -> bool:
    """A plan belongs to an included case (or one without an aanmelding in the file)."""
    if casus.aanmelding is None:
        return True
    return casus.meta.status in ("geincludeerd", "uitgestroomd")
