"""The voortgangsverslag: the latest evaluation, ZRM over time, and what changed in the plan.

Made for the levensloopbijeenkomst: what became of each action and goal, the ZRM scores
per evaluation date (chart and table), incidents and escalations since last time (the
case's ``incidenten`` dated after the previous evaluation up to this one), the
risk picture, and "wat is gewijzigd sinds versie N" from the plan history.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from levensloop_docs.case.uitstroom import is_escalation
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus, Evaluatie, Incident
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.common import goal_verdicts, phase_style, text, texts, yes_no
from levensloop_docs.views.plan import CaseContext, build_context
from levensloop_docs.views.plandiff import grouped, plan_diff
from levensloop_docs.views.zrmchart import zrm_context


class IncidentLine(TypedDict):
    datum: str
    omschrijving: str
    niveau: str
    vorm: str
    fase: str
    escalatie: str


class ActionResult(TypedDict):
    gebied: str
    actie: str
    status: str
    gedaan: str


class GoalResult(TypedDict):
    gebied: str
    doel: str
    oordeel: str
    toelichting: str


class EvaluationView(TypedDict):
    """One evaluation (``evaluation_context``)."""

    datum: str
    planversie: int | str
    deelnemers: list[str]
    acties: list[ActionResult]
    doelen: list[GoalResult]
    incidenten: list[IncidentLine]
    risicotaxatie: str
    gaat_goed: list[str]
    gaat_minder: list[str]
    wijzigingen: list[str]
    volgende_evaluatie: str
    stem_client: str
    stem_naasten: str


class EvaluationLine(TypedDict):
    datum: str
    planversie: int | str
    incidenten: int
    escalaties: int


class VoortgangView(CaseContext):
    """What the voortgangsverslag template receives: the shared sections and the evaluations."""

    evaluatie: EvaluationView | None
    vorige_evaluatie: str
    risicotaxatie_te_laat: str
    evaluaties: list[EvaluationLine]
    zrm: dict[str, object]
    zrm_grafiek: object  # the chart (docxtpl InlineImage) or "" without ZRM scores
    vorige_versie: int | str
    eerste_versie: bool
    plan_wijzigingen: list[dict[str, Any]]


def incidents_between(casus: Casus, after: date | None, until: date) -> list[Incident]:
    """The case's incidents dated after ``after`` (the previous evaluation) up to ``until``."""
    return [i for i in casus.incidenten
            if i.datum is not None and (after is None or i.datum > after) and i.datum <= until]


def incident_context(incidents: list[Incident], vocab: Vocabularies) -> list[IncidentLine]:
    niveaus, vormen = vocab["niveaus"], vocab["escalatievormen"]
    return [
        {"datum": format_date(i.datum), "omschrijving": text(i.omschrijving),
         "niveau": niveaus.label(i.niveau), "vorm": vormen.label(i.vorm) if i.vorm else "",
         "fase": phase_style(i.fase, vocab)["label"] if i.fase else "", "escalatie": yes_no(is_escalation(i))}
        for i in incidents
    ]


def evaluation_context(
    ev: Evaluatie, vocab: Vocabularies, incidents: list[Incident] | None = None
) -> EvaluationView:
    """One evaluation; ``incidents``: the case's incidents in its window (previous evaluation, this one]."""
    gebieden = vocab["levensgebieden"]
    return {
        "datum": format_date(ev.datum),
        "planversie": ev.planversie or "",
        "deelnemers": texts(ev.deelnemers),
        "acties": [
            {"gebied": gebieden.label(a.gebied), "actie": text(a.actie),
             "status": vocab["actiestatussen"].label(a.status), "gedaan": text(a.gedaan)}
            for a in ev.acties
        ],
        "doelen": [
            {"gebied": gebieden.label(d.gebied), "doel": text(d.doel), "oordeel": goal_verdicts()[d.oordeel],
             "toelichting": text(d.toelichting)}
            for d in ev.doelen
        ],
        "incidenten": incident_context(incidents or [], vocab),
        "risicotaxatie": text(ev.risicotaxatie),
        "gaat_goed": texts(ev.gaat_goed),
        "gaat_minder": texts(ev.gaat_minder),
        "wijzigingen": texts(ev.wijzigingen),
        "volgende_evaluatie": format_date(ev.volgende_evaluatie) or "nog niet gepland",
        "stem_client": text(ev.stem_client),
        "stem_naasten": text(ev.stem_naasten),
    }


def overdue_risk(casus: Casus, vocab: Vocabularies, on: date) -> str:
    """The newest risicotaxatie whose repeat date passed before this evaluation, in words; else ''."""
    done = [r for r in casus.risicotaxaties if r.datum <= on]
    if not done:
        return ""
    latest = max(done, key=lambda r: r.datum)
    if latest.volgende is None or latest.volgende >= on:
        return ""
    message = _("Overdue: the {instrument} of {done} was due again on {due}. Plan a new risk assessment.")
    return message.format(
        instrument=vocab["instrumenten"].label(latest.instrument), done=format_date(latest.datum),
        due=format_date(latest.volgende))


def voortgang_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None,
    history: list[Casus] | None = None,
) -> VoortgangView:
    evaluations = casus.evaluaties
    windows = [incidents_between(casus, evaluations[k - 1].datum if k else None, e.datum)
               for k, e in enumerate(evaluations)]
    zrm, chart = zrm_context(casus, vocab)
    previous = (history or [])[-1] if history else None
    return {
        **build_context(casus, vocab, today),
        "evaluatie": evaluation_context(evaluations[-1], vocab, windows[-1]) if evaluations else None,
        "vorige_evaluatie": format_date(evaluations[-2].datum) if len(evaluations) > 1 else "",
        "risicotaxatie_te_laat": overdue_risk(casus, vocab, evaluations[-1].datum) if evaluations else "",
        "evaluaties": [
            {"datum": format_date(e.datum), "planversie": e.planversie or "",
             "incidenten": len(found), "escalaties": sum(1 for i in found if is_escalation(i))}
            for e, found in zip(evaluations, windows, strict=True)
        ],
        "zrm": zrm,
        "zrm_grafiek": chart if chart is not None else "",
        "vorige_versie": previous.meta.planversie if previous else "",
        # no earlier version: the first plan says so; a later one whose history is gone says that
        "eerste_versie": previous is None and (casus.meta.planversie or 1) <= 1,
        "plan_wijzigingen": grouped(plan_diff(previous, casus, vocab)) if previous else [],
    }


def has_evaluations(casus: Casus) -> bool:
    return bool(casus.evaluaties)
