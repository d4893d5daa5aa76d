"""Part 'uitstroom': the three exit criteria; asked only once the case is old enough."""

from __future__ import annotations

from datetime import date

from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import not_in_future
from levensloop_docs.interview.session import Interview, store


def _year_before(today: date) -> date:
    return today.replace(year=today.year - 1, day=min(today.day, 28))


def relevant(interview: Interview) -> bool:
    """Exit matters after a year in the approach or a year stable, or when a criterion is met."""
    limit = _year_before(interview.today)
    uit = interview.data.get("uitstroom") or {}
    set_on = (interview.data.get("meta") or {}).get("vastgesteld")
    stable = uit.get("stabiel_sinds")
    old = any(isinstance(d, date) and d <= limit for d in (set_on, stable))
    return old or bool(uit.get("beschermende_factoren_geborgd") or uit.get("risico_verlaagd"))


def run(interview: Interview) -> None:
    u = interview.section("uitstroom")
    store(
        u,
        "stabiel_sinds",
        interview.date(
            "uitstroom.stabiel_sinds",
            _("Stable on the danger criterion since"),
            u.get("stabiel_sinds"),
            check=not_in_future(interview.today),
        ),
    )
    secured = interview.confirm(
        "uitstroom.beschermende_factoren_geborgd",
        _("Are protective factors durably secured?"),
        bool(u.get("beschermende_factoren_geborgd")),
    )
    store(u, "beschermende_factoren_geborgd", secured)
    store(
        u,
        "beschermende_factoren",
        interview.text(
            "uitstroom.beschermende_factoren", _("Which protective factors?"), u.get("beschermende_factoren")
        ),
    )
    lowered = interview.confirm(
        "uitstroom.risico_verlaagd",
        _("Does a risk assessment show a clearly lower risk?"),
        bool(u.get("risico_verlaagd")),
    )
    store(u, "risico_verlaagd", lowered)
    dates = [
        (r["datum"].isoformat(), f"{r['instrument']} {format_date(r['datum'])}")
        for r in interview.data.get("risicotaxaties", [])
    ]
    if lowered and dates:
        current = u.get("risicotaxatie_datum")
        picked = interview.choice(
            "uitstroom.risicotaxatie_datum",
            _("Which risk assessment shows it?"),
            dates,
            current.isoformat() if current else None,
            required=False,
        )
        store(u, "risicotaxatie_datum", date.fromisoformat(picked) if picked else None)
    store(u, "toelichting", interview.text("uitstroom.toelichting", _("Explanation"), u.get("toelichting")))
