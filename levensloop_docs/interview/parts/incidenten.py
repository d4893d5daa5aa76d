"""Part 'incidenten': the case's one list of incidents and escalations.

Asked in ``bewerk`` (not for a new case): a casusregisseur records an escalation the day
it happens, so the next meeting's agenda shows it; the evaluation interview adds to the
same list (``interview/evaluatie.py``). Kept oldest first; keys ``incidenten[i].datum``.
"""

from __future__ import annotations

from datetime import date

from levensloop_docs.case.rules import BED_BEFORE_ADMISSION, INCIDENT_IN_FUTURE
from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import earlier_than, not_in_future
from levensloop_docs.interview.session import Interview, Item, store
from levensloop_docs.model.casus import KLINISCH


def edit_incident(interview: Interview, key: str, item: Item) -> Item:
    store(item, "datum", interview.date(f"{key}.datum", _("Date"), item.get("datum"), required=True,
                                        check=not_in_future(interview.today, INCIDENT_IN_FUTURE)))
    store(item, "omschrijving", interview.text(f"{key}.omschrijving", _("What happened?"),
                                               item.get("omschrijving"), required=True))
    item["niveau"] = interview.choice(f"{key}.niveau", _("Heaviest level of care it reached"), "niveaus",
                                      item.get("niveau", "ambulant"))
    if item["niveau"] != "ambulant":  # an escalation: the monitor counts it by level and form
        store(item, "vorm", interview.choice(f"{key}.vorm", _("Form of the escalation"), "escalatievormen",
                                             item.get("vorm"), required=False))
    else:
        item.pop("vorm", None)
    if item["niveau"] in KLINISCH:  # an admission: how long the bed took (the monitor's wait for a bed)
        asked = interview.date(f"{key}.bed_aangevraagd", _("When was the bed asked for? (empty: not known)"),
                               item.get("bed_aangevraagd"),
                               check=earlier_than(BED_BEFORE_ADMISSION, item.get("datum")))
        store(item, "bed_aangevraagd", asked)
    else:
        item.pop("bed_aangevraagd", None)
    fases = [("groen", _("green")), ("oranje", _("orange")), ("rood", _("red"))]
    store(item, "fase", interview.choice(f"{key}.fase", _("Phase of the scenario"), fases, item.get("fase"),
                                         required=False))
    return item


def incident_day(item: Item) -> date:
    day = item.get("datum")
    return day if isinstance(day, date) else date.max  # undated last: it still needs its date


def describe(item: Item) -> str:
    return f"{format_date(item.get('datum'))}: {str(item.get('omschrijving', ''))[:50]}"


def edit_since(interview: Interview, label: str, since: date | None) -> None:
    """Show and edit the incidents after ``since`` (all when None); older ones stay as they are.

    The list is kept oldest first, so the ones shown are its tail and keep their index.
    """
    incidents = sorted(interview.data.get("incidenten") or [], key=incident_day)
    older = [i for i in incidents if since is not None and incident_day(i) <= since]
    recent = incidents[len(older):]
    items = interview.edit_list("incidenten", label, recent, describe,
                                lambda k, item: edit_incident(interview, k, item), first=len(older))
    store(interview.data, "incidenten", sorted(older + items, key=incident_day))


def applies(interview: Interview) -> bool:
    """Not for a new case: incidents happen once the person is in the approach."""
    return not interview.new


def run(interview: Interview) -> None:
    edit_since(interview, _("Incidents and escalations (oldest first)"), None)
