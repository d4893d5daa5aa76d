"""The plan view is built once and its TypedDicts describe what the plan template receives."""

from __future__ import annotations

from typing import Any, get_type_hints

from conftest import EXAMPLES, TODAY

from levensloop_docs.case.casefile import load_case
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.views import plan
from levensloop_docs.views.plan import PlanContext, PlanEscalation, PlanPerson, PlanScenario, plan_context

DETENTIE = EXAMPLES / "detentie-midden-nederland.yaml"


def _context() -> Any:
    return plan_context(load_case(DETENTIE, today=TODAY).casus, load_vocabularies(), TODAY)


def test_the_plan_context_has_exactly_the_keys_its_typeddicts_declare() -> None:
    ctx = _context()
    assert set(ctx) == set(get_type_hints(PlanContext))
    assert set(ctx["persoon"]) == set(get_type_hints(PlanPerson))
    assert set(ctx["opschaling"]) == set(get_type_hints(PlanEscalation))
    assert ctx["scenarios"]
    for s in ctx["scenarios"]:
        assert set(s) == set(get_type_hints(PlanScenario))


def test_whom_to_call_is_built_once_with_the_phone_number() -> None:
    casus = load_case(DETENTIE, today=TODAY).casus
    ctx = plan_context(casus, load_vocabularies(), TODAY)
    for s, view in zip(casus.scenarios, ctx["scenarios"], strict=True):
        assert "wie_bellen" not in view  # the dead copy with phones is gone; 'bellen' is read
        assert [c["wie"] for c in view["bellen"]] == [
            plan.ContextBuilder(casus, load_vocabularies(), TODAY).who(r) for r in s.wie_bellen
        ]
        phones = [c["telefoon"] for c in view["bellen"]]
        assert any(phones)


def test_the_24_7_numbers_are_one_shape_on_the_plan_and_on_the_cover() -> None:
    ctx = _context()
    nights = ctx["nachtnummers"]
    assert nights and all(n["telefoon"] for n in nights)
    cover = [p for p in ctx["aanspreekpunten"] if p["bereikbaar"] in {n["telefoon"] for n in nights}]
    assert len(cover) >= len(nights)
    assert ctx["aanspreekpunten"][0]["bereikbaar"] == "112"


def test_no_view_module_patches_the_plan_afterwards() -> None:
    from pathlib import Path

    views = Path(plan.__file__).parent
    assert not (views / "plan_extra.py").exists()
    source = (views / "plan.py").read_text(encoding="utf-8")
    assert 'ctx["' not in source  # sections are returned whole, never written into afterwards


def test_the_partner_sheet_context_has_exactly_the_keys_its_typeddict_declares() -> None:
    from levensloop_docs.views.partner_sheet import SheetContext, partner_sheet_context

    casus = load_case(DETENTIE, today=TODAY).casus
    ctx = partner_sheet_context(casus, load_vocabularies(), TODAY, "reclassering")
    assert set(ctx) == set(get_type_hints(SheetContext))
