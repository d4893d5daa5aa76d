"""The uitstroombesluit and the warme-overdrachtsbrief: leaving the approach, on the evidence.

Both are made only when the three exit criteria hold (``voldoet_uitstroom``): two years
stable (read from the evaluations), protective factors secured, a risk assessment that
shows a lower risk. The letter goes to the follow-up provider (``uitstroom.vervolgaanbieder``)
with the after-care consultation and the conditions for re-registration.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.case.uitstroom import exit_status
from levensloop_docs.i18n import format_date
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.run.documents import applies_when, context_builder
from levensloop_docs.views.plan import build_context, t

LABELS = {
    "stabiel": "Minstens twee jaar stabiel op het gevaarscriterium",
    "beschermende_factoren": "Beschermende factoren duurzaam geborgd",
    "risico_verlaagd": "Risico aantoonbaar verlaagd (risicotaxatie)",
}


def exit_context(casus: Casus, today: date) -> dict[str, Any]:
    status = exit_status(casus, today)
    u = casus.uitstroom
    return {
        "criteria": [
            {"naam": LABELS[c.key], "voldaan": "ja" if c.met else "nee", "bewijs": t(c.bewijs)}
            for c in status.criteria
        ],
        "alle_voldaan": status.all_met,
        "stabiel_sinds": format_date(status.stable_since) or "onbekend",
        "vroegste_datum": format_date(status.earliest) or "nog niet te bepalen",
        "vervolgaanbieder": t(u.vervolgaanbieder) or "nog niet bekend",
        "nazorg": t(u.nazorg),
        "overdracht_datum": format_date(u.overdracht_datum) or format_date(status.earliest),
        "toelichting": t(u.toelichting),
    }


@context_builder("uitstroom")
def uitstroom_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> dict[str, Any]:
    ctx = build_context(casus, vocab, today)
    ctx["besluit"] = exit_context(casus, today)
    return ctx


@applies_when("voldoet_uitstroom")
def _meets_exit(casus: Casus) -> bool:
    return exit_status(casus, date.today()).all_met
