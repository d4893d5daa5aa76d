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
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.common import exit_criterion_labels, text, yes_no
from levensloop_docs.views.plan import build_context


def exit_context(casus: Casus, today: date) -> dict[str, Any]:
    status = exit_status(casus, today)
    u, labels = casus.uitstroom, exit_criterion_labels()
    return {
        "criteria": [
            {"naam": labels[c.key], "voldaan": yes_no(c.met), "bewijs": text(c.bewijs)}
            for c in status.criteria
        ],
        "alle_voldaan": status.all_met,
        "stabiel_sinds": format_date(status.stable_since) or "onbekend",
        "vroegste_datum": format_date(status.earliest) or "nog niet te bepalen",
        "vervolgaanbieder": text(u.vervolgaanbieder) or _("not known yet"),
        "nazorg": text(u.nazorg),
        "overdracht_datum": format_date(u.overdracht_datum) or format_date(status.earliest),
        "toelichting": text(u.toelichting),
    }


def uitstroom_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> dict[str, Any]:
    ctx: dict[str, Any] = dict(build_context(casus, vocab, today))
    ctx["besluit"] = exit_context(casus, today)
    return ctx


def meets_exit(casus: Casus) -> bool:
    return exit_status(casus, date.today()).all_met
