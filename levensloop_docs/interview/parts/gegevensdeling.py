"""Part 'gegevensdeling': the data-sharing route and consent."""

from __future__ import annotations

from typing import Any

from levensloop_docs.case.rules import WITHDRAWN_AFTER_CONSENT
from levensloop_docs.i18n import _
from levensloop_docs.interview.parts.datechecks import later_than, not_in_future
from levensloop_docs.interview.session import Interview, store


def run(interview: Interview) -> None:
    g = interview.section("gegevensdeling")
    route = interview.choice(
        "gegevensdeling.route", _("On which route do partners share data?"), "routes", g.get("route")
    )
    store(g, "route", route)
    if interview.vocab["routes"].get(str(route), "toestemming", False):
        _consent(interview, g)
    store(
        g, "toelichting", interview.text("gegevensdeling.toelichting", _("Explanation"), g.get("toelichting"))
    )


def _consent(interview: Interview, g: dict[str, Any]) -> None:
    given = interview.date(
        "gegevensdeling.toestemming_datum",
        _("Date of written consent"),
        g.get("toestemming_datum"),
        check=not_in_future(interview.today),
    )
    store(g, "toestemming_datum", given)
    store(
        g,
        "toestemming_omvang",
        interview.text(
            "gegevensdeling.toestemming_omvang",
            _("What may be shared, with whom?"),
            g.get("toestemming_omvang"),
        ),
    )
    withdrawn = interview.confirm(
        "gegevensdeling.ingetrokken", _("Has the consent been withdrawn?"), bool(g.get("ingetrokken"))
    )
    store(g, "ingetrokken", withdrawn)
    if withdrawn:
        check = later_than(WITHDRAWN_AFTER_CONSENT, given)
        store(
            g,
            "ingetrokken_datum",
            interview.date(
                "gegevensdeling.ingetrokken_datum",
                _("Date withdrawn"),
                g.get("ingetrokken_datum"),
                check=check,
            ),
        )
    else:
        g.pop("ingetrokken_datum", None)
