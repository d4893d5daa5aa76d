"""Exit (uitstroom) status derived from a case: which of the three criteria hold.

A person can leave the approach after at least two years stable on the danger
criterion, with protective factors durably secured and a risk assessment that shows
the risk of dangerous behaviour is clearly lower.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from levensloop_docs.model.casus import Casus

STABLE_YEARS = 2


@dataclass(frozen=True)
class ExitCriterion:
    key: str
    met: bool


@dataclass(frozen=True)
class ExitStatus:
    criteria: tuple[ExitCriterion, ...]
    earliest: date | None

    @property
    def all_met(self) -> bool:
        return all(c.met for c in self.criteria)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def exit_status(casus: Casus, today: date) -> ExitStatus:
    uit = casus.uitstroom
    stable_until = _add_years(uit.stabiel_sinds, STABLE_YEARS) if uit.stabiel_sinds else None
    lowered = uit.risico_verlaagd and uit.risicotaxatie_datum is not None
    criteria = (
        ExitCriterion("stabiel", stable_until is not None and stable_until <= today),
        ExitCriterion("beschermende_factoren", uit.beschermende_factoren_geborgd),
        ExitCriterion("risico_verlaagd", lowered),
    )
    earliest = max(stable_until, today) if stable_until else None
    return ExitStatus(criteria, earliest)


def exit_relevant(casus: Casus, today: date) -> bool:
    """Exit questions matter once a person has been stable for a year, or already meets one."""
    uit = casus.uitstroom
    if uit.stabiel_sinds and _add_years(uit.stabiel_sinds, 1) <= today:
        return True
    return uit.beschermende_factoren_geborgd or uit.risico_verlaagd
