"""Part 'persoon': who the person is, where they stay, and the problems."""

from __future__ import annotations

from levensloop_docs.case.rules import BORN_IN_FUTURE
from levensloop_docs.i18n import _
from levensloop_docs.interview.parts.datechecks import not_in_future
from levensloop_docs.interview.session import Interview, store


def run(interview: Interview) -> None:
    p = interview.section("persoon")
    ask = interview
    store(p, "naam", ask.text("persoon.naam", _("Name"), p.get("naam"), required=True))
    store(p, "roepnaam", ask.text("persoon.roepnaam", _("Called (first name used)"), p.get("roepnaam")))
    born = ask.date(
        "persoon.geboortedatum",
        _("Date of birth"),
        p.get("geboortedatum"),
        check=not_in_future(interview.today, BORN_IN_FUTURE),
    )
    store(p, "geboortedatum", born)
    store(
        p,
        "verblijf",
        ask.choice("persoon.verblijf", _("Where does the person stay?"), "verblijf", p.get("verblijf")),
    )
    store(
        p,
        "verblijf_toelichting",
        ask.text("persoon.verblijf_toelichting", _("Explanation of the stay"), p.get("verblijf_toelichting")),
    )
    store(
        p,
        "problematiek",
        ask.multi("persoon.problematiek", _("Problems"), "problematiek", p.get("problematiek")),
    )
    store(
        p,
        "problematiek_toelichting",
        ask.text(
            "persoon.problematiek_toelichting",
            _("Explanation of the problems"),
            p.get("problematiek_toelichting"),
        ),
    )
