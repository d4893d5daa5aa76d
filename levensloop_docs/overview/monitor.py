"""The regional monitor's counts over a period (the profile of Tabel 4, at registration, is
built in ``monitor_blocks``).

Counts in the period ``van``..``tot`` (both included):

- aanmeldingen: registrations dated in the period;
- inclusies, afwijzingen, aangehouden: decisions dated in the period (``besluit_datum``,
  else the date of the overleg); a decision without a date is counted as undated;
- uitstroom: cases that left (status uitgestroomd) with ``uitstroom.datum`` in the period;
- wachttijd: days from registration to decision, for the decisions in the period.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date

from levensloop_docs.case.uitstroom import escalations as escalations_of
from levensloop_docs.model.casus import Casus
from levensloop_docs.overview.deadlines import decision_date

MEASURES = ("aanmeldingen", "inclusies", "afwijzingen", "aangehouden", "uitstroom")
DECISION_MEASURE = {
    "geincludeerd": "inclusies", "niet_geincludeerd": "afwijzingen", "aangehouden": "aangehouden",
}
# The three forms of escalation (vocabulary 'escalatievormen'), and a column for those recorded
# without one (a controleer warning asks to fill it in).
UNKNOWN_FORM = "onbekend"
FORMS = ("gepland", "acute_crisis", "justitie", UNKNOWN_FORM)


@dataclass(frozen=True)
class Period:
    van: date
    tot: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.van <= day <= self.tot

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.van.year, self.van.month)
        while (y, m) <= (self.tot.year, self.tot.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


@dataclass
class Events:
    """Dated events of one case in the period, each as (measure, day)."""

    dated: list[tuple[str, date]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    waiting_days: int | None = None


def case_events(casus: Casus, period: Period) -> Events:
    ev = Events()
    a = casus.aanmelding
    if a is not None:
        if a.datum in period:
            ev.dated.append(("aanmeldingen", a.datum))
        if a.besluit is not None:
            _decision(casus, period, ev)
    if (a is None or a.besluit != "geincludeerd") and casus.meta.status in ("geincludeerd", "uitgestroomd"):
        # included without a decision in an aanmelding block: meta.inclusiedatum counts
        _dated(ev, "inclusies", casus.meta.inclusiedatum, period)
    if casus.meta.status == "uitgestroomd":
        _dated(ev, "uitstroom", casus.uitstroom.datum, period)
    return ev


def _dated(ev: Events, measure: str, day: date | None, period: Period) -> None:
    if day is None:
        ev.undated.append(measure)
    elif day in period:
        ev.dated.append((measure, day))


def _decision(casus: Casus, period: Period, ev: Events) -> None:
    a = casus.aanmelding
    assert a is not None and a.besluit is not None
    decided = decision_date(casus)
    if a.besluit == "geincludeerd":
        decided = decided or casus.meta.inclusiedatum
    _dated(ev, DECISION_MEASURE[a.besluit], decided, period)
    if decided is not None and decided in period:
        ev.waiting_days = (decided - a.datum).days


@dataclass
class Counts:
    totals: dict[str, int]
    undated: dict[str, int]
    per_month: dict[str, dict[tuple[int, int], int]]
    waiting: list[int]

    @property
    def waiting_mean(self) -> float | None:
        return statistics.fmean(self.waiting) if self.waiting else None

    @property
    def waiting_median(self) -> float | None:
        return float(statistics.median(self.waiting)) if self.waiting else None


def counts(cases: list[Casus], period: Period) -> Counts:
    months = period.months()
    result = Counts({m: 0 for m in MEASURES}, {m: 0 for m in MEASURES},
                    {m: dict.fromkeys(months, 0) for m in MEASURES}, [])
    for casus in cases:
        ev = case_events(casus, period)
        for measure, day in ev.dated:
            result.totals[measure] += 1
            result.per_month[measure][(day.year, day.month)] += 1
        for measure in ev.undated:
            result.undated[measure] += 1
        if ev.waiting_days is not None:
            result.waiting.append(ev.waiting_days)
    return result


def escalations(cases: list[Casus], period: Period, levels: list[str]) -> list[list[int]]:
    """Escalations dated in the period: one row per level, one column per form (last: unknown)."""
    grid = [[0] * len(FORMS) for _ in levels]
    for casus in cases:
        for e in escalations_of(casus):
            if e.datum in period and e.niveau in levels:
                grid[levels.index(e.niveau)][FORMS.index(e.vorm or UNKNOWN_FORM)] += 1
    return grid


def by_region(cases: list[Casus], period: Period) -> dict[str, dict[str, int]]:
    """The five counts per region (every region that has a case in the folder)."""
    regions: dict[str, list[Casus]] = {}
    for casus in cases:
        regions.setdefault(casus.meta.regio, []).append(casus)
    return {r: counts(found, period).totals for r, found in sorted(regions.items())}
