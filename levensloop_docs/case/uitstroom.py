"""Exit (uitstroom) status derived from a case: which of the three criteria hold, and why.

A person can leave the approach after at least two years stable on the danger
criterion, with protective factors durably secured and a risk assessment that shows
the risk of dangerous behaviour is clearly lower.

"Stable" is read from the case's incidents too (``incidenten``, the one record the
voortgangsverslag, agenda and monitor also read): an incident that reached a level above
ambulant, or the red phase of a scenario, is an escalation (``is_escalation``), and
stability starts again the day after the latest one. ``uitstroom.stabiel_sinds`` in the case is
the casemanager's own date (e.g. from before the evaluations were recorded); the later
of the two counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus, Incident

STABLE_YEARS = 2


@dataclass(frozen=True)
class ExitCriterion:
    key: str
    met: bool
    bewijs: str = ""  # the evidence in words, for the uitstroombesluit and the verslag


@dataclass(frozen=True)
class ExitStatus:
    criteria: tuple[ExitCriterion, ...]
    earliest: date | None
    stable_since: date | None = None
    last_escalation: Incident | None = None
    # the day two years of stability are reached: a fact of the case, never the day of printing
    stable_until: date | None = None

    @property
    def all_met(self) -> bool:
        return all(c.met for c in self.criteria)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def is_escalation(incident: Incident) -> bool:
    """Above ambulant care, or the red phase: the person was not stable that day.

    The one definition: the uitstroom check, the voortgangsverslag, the agenda and the
    monitor all count escalations with it, so they cannot disagree.
    """
    return incident.niveau != "ambulant" or incident.fase == "rood"


def escalations(casus: Casus) -> list[Incident]:
    """The dated escalations of the case, oldest first."""
    found = [i for i in casus.incidenten if i.datum is not None and is_escalation(i)]
    return sorted(found, key=lambda i: i.datum or date.min)


def last_escalation(casus: Casus) -> Incident | None:
    found = escalations(casus)
    return found[-1] if found else None


def stable_since(casus: Casus) -> date | None:
    """The later of the casemanager's date and the day after the latest escalation."""
    last = last_escalation(casus)
    after_last = last.datum + timedelta(days=1) if last is not None and last.datum else None
    dates = [d for d in (casus.uitstroom.stabiel_sinds, after_last) if d is not None]
    return max(dates) if dates else None


def exit_status(casus: Casus, today: date) -> ExitStatus:
    uit = casus.uitstroom
    since = stable_since(casus)
    last = last_escalation(casus)
    stable_until = _add_years(since, STABLE_YEARS) if since else None
    taxatie = next((r for r in casus.risicotaxaties if r.datum == uit.risicotaxatie_datum), None)
    lowered = uit.risico_verlaagd and uit.risicotaxatie_datum is not None
    criteria = (
        ExitCriterion("stabiel", stable_until is not None and stable_until <= today,
                      _stable_evidence(since, stable_until, last)),
        ExitCriterion("beschermende_factoren", uit.beschermende_factoren_geborgd,
                      uit.beschermende_factoren or _("No protective factors described.")),
        ExitCriterion("risico_verlaagd", lowered, _risk_evidence(lowered, taxatie)),
    )
    earliest = max(stable_until, today) if stable_until else None
    return ExitStatus(criteria, earliest, since, last, stable_until)


def _stable_evidence(since: date | None, until: date | None, last: Incident | None) -> str:
    if since is None:
        return _("Not known since when the person is stable: fill in uitstroom.stabiel_sinds.")
    text = _("Stable since {since}; two years stable on {until}.").format(
        since=format_date(since), until=format_date(until)
    )
    if last is not None:
        text += " " + _("Last escalation above ambulant care: {date} ({what}).").format(
            date=format_date(last.datum), what=last.omschrijving.rstrip(".")
        )
    else:
        text += " " + _("No escalation above ambulant care recorded in the incidents.")
    return text


def _risk_evidence(lowered: bool, taxatie: object) -> str:
    if taxatie is None:
        return _("No risk assessment that shows a lower risk is named.")
    instrument = getattr(taxatie, "instrument", "")
    return _("Risk assessment {instrument} of {date}: {outcome}").format(
        instrument=instrument, date=format_date(getattr(taxatie, "datum", None)),
        outcome=getattr(taxatie, "uitkomst", ""),
    )


def exit_relevant(casus: Casus, today: date) -> bool:
    """Exit questions matter once a person has been stable for a year, or already meets one."""
    uit = casus.uitstroom
    since = stable_since(casus)
    if since and _add_years(since, 1) <= today:
        return True
    return uit.beschermende_factoren_geborgd or uit.risico_verlaagd
