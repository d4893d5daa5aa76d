"""The agenda of a meeting of the levensloopteam or the aanmeldtafel, with minutes per item.

Four kinds of item, in this order: registrations waiting for a decision (new, or held
at an earlier meeting), plans to be set (included, but not yet ``vastgesteld`` or not
signed), evaluations due before the next meeting (overdue ones too), and escalations
since the last meeting (the case's ``incidenten`` that are an escalation, dated after
``vorige`` up to the meeting). Every item names the case by its id only, and lists the organisations in its
network so the minutes can record who attended for whom.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from levensloop_docs.case.uitstroom import escalations
from levensloop_docs.model.casus import Casus
from levensloop_docs.overview.deadlines import casusregisseur, waiting
from levensloop_docs.overview.monitor import UNKNOWN_FORM
from levensloop_docs.reference.regiogroups import Selection

KINDS = ("aanmelding", "plan", "evaluatie", "escalatie", "risicotaxatie", "detentie", "uitstroom")
RELEASE_DAYS = 90  # a release from detention within this many days of the meeting goes on the agenda


@dataclass(frozen=True)
class AgendaItem:
    kind: str
    casus_id: str
    regio: str
    day: date | None  # registration, evaluation or escalation date
    casusregisseur: str
    organisations: tuple[str, ...]
    detail: dict[str, str] = field(default_factory=dict)  # vocabulary keys and numbers only


@dataclass(frozen=True)
class Meeting:
    datum: date
    vorige: date
    volgende: date


def _organisations(casus: Casus) -> tuple[str, ...]:
    found = [casus.aanmelding.aanmelder.organisatie] if casus.aanmelding else []
    found += [p.organisatie for p in casus.netwerk.partners]
    return tuple(dict.fromkeys(found))


def _item(kind: str, casus: Casus, day: date | None, **detail: str) -> AgendaItem:
    return AgendaItem(kind, casus.meta.casus_id, casus.meta.regio, day, casusregisseur(casus),
                      _organisations(casus), detail)


def case_items(casus: Casus, meeting: Meeting) -> list[AgendaItem]:
    m, items = casus.meta, []
    if waiting(casus) and casus.aanmelding is not None and casus.aanmelding.datum <= meeting.datum:
        a = casus.aanmelding
        criteria = [c.oordeel for c in a.criteria_landelijk]
        items.append(_item("aanmelding", casus, a.datum, wacht=str((meeting.datum - a.datum).days),
                           aangehouden="ja" if a.besluit == "aangehouden" else "nee",
                           voldoet=str(criteria.count("voldoet")),
                           onbekend=str(criteria.count("onbekend")),
                           voldoet_niet=str(criteria.count("voldoet_niet")),
                           **_criteria_lines(casus)))
    if m.status == "geincludeerd":
        unsigned = not m.akkoord or any(a.datum is None for a in m.akkoord)
        if m.vastgesteld is None or unsigned:
            items.append(_item("plan", casus, m.vastgesteld,
                               vastgesteld="ja" if m.vastgesteld else "nee",
                               ondertekend="nee" if unsigned else "ja"))
        if m.volgende_evaluatie is not None and m.volgende_evaluatie <= meeting.volgende:
            items.append(_item("evaluatie", casus, m.volgende_evaluatie,
                               te_laat="ja" if m.volgende_evaluatie < meeting.datum else "nee"))
    for e in escalations(casus):
        if e.datum is not None and meeting.vorige < e.datum <= meeting.datum:
            items.append(_item("escalatie", casus, e.datum, naar=e.niveau, vorm=e.vorm or UNKNOWN_FORM))
    if m.status == "geincludeerd":
        items += _watch_items(casus, meeting)
    return items


def _watch_items(casus: Casus, meeting: Meeting) -> list[AgendaItem]:
    """What the team has to act on beyond plans: an overdue risicotaxatie, a release, uitstroom."""
    from datetime import timedelta

    from levensloop_docs.case.uitstroom import exit_status

    items = []
    latest = max(casus.risicotaxaties, key=lambda r: r.datum, default=None)
    if latest is not None and latest.volgende is not None and latest.volgende < meeting.datum:
        items.append(_item("risicotaxatie", casus, latest.volgende, instrument=latest.instrument))
    for t in casus.persoon.juridisch_kader:
        if t.titel == "detentie" and t.einde is not None and \
                meeting.datum <= t.einde <= meeting.datum + timedelta(days=RELEASE_DAYS):
            items.append(_item("detentie", casus, t.einde))
    earliest = exit_status(casus, meeting.datum).earliest
    if earliest is not None and earliest <= meeting.datum:
        items.append(_item("uitstroom", casus, earliest, sinds="ja"))
    return items


def _criteria_lines(casus: Casus) -> dict[str, str]:
    """Which national and regional criteria are open or not met: what the table has to decide."""
    from levensloop_docs.reference.criteria import assess, regional_summary, summary_line
    from levensloop_docs.reference.regions import optional_region

    assert casus.aanmelding is not None
    assessment = assess(casus.aanmelding, optional_region(casus.meta.regio))
    return {"landelijk": summary_line(assessment), "regionaal": regional_summary(assessment)}


def in_selection(casus: Casus, regio: Selection | str | None) -> bool:
    """The case belongs to the meeting's region (or group of regions); None: every region."""
    if regio is None:
        return True
    if isinstance(regio, str):
        from levensloop_docs.reference.regiogroups import select

        regio = select(regio)
    return regio.covers(casus.meta.regio)


def agenda_items(cases: list[Casus], meeting: Meeting,
                 regio: Selection | str | None = None) -> list[AgendaItem]:
    """Every item of the meeting, grouped by kind; within a kind the oldest date first."""
    items = [i for c in cases if in_selection(c, regio) for i in case_items(c, meeting)]
    return sorted(items, key=lambda i: (KINDS.index(i.kind), i.day or date.min, i.casus_id))
