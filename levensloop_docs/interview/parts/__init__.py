"""The casemanager's parts of the levensloopplan interview, in the order they are asked."""

from __future__ import annotations

from levensloop_docs.i18n import _
from levensloop_docs.interview.parts import (
    evaluatie,
    gegevensdeling,
    incidenten,
    juridisch,
    levensgebieden,
    meta,
    netwerk,
    opschaling,
    persoon,
    risicotaxatie,
    scenarios,
    uitstroom,
)
from levensloop_docs.interview.session import Part

PARTS: tuple[Part, ...] = (
    Part("casus", lambda: _("Case: number, region, status"), meta.run),
    Part("persoon", lambda: _("Person: stay and problems"), persoon.run),
    Part("juridisch", lambda: _("Legal framework"), juridisch.run),
    Part("gegevensdeling", lambda: _("Data sharing and consent"), gegevensdeling.run),
    Part("netwerk", lambda: _("Network: partners and naasten"), netwerk.run),
    Part("levensgebieden", lambda: _("Levensgebieden"), levensgebieden.run),
    Part("scenarios", lambda: _("Scenarios"), scenarios.run),
    Part("opschaling", lambda: _("Scaling up and down"), opschaling.run),
    Part("risicotaxatie", lambda: _("Risk assessment"), risicotaxatie.run),
    Part("evaluatie", lambda: _("Evaluation"), evaluatie.run),
    Part("incidenten", lambda: _("Incidents and escalations"), incidenten.run, applies=incidenten.applies),
    Part("uitstroom", lambda: _("Exit (uitstroom)"), uitstroom.run, applies=uitstroom.relevant),
)


def part_names() -> list[str]:
    return [p.name for p in PARTS]


def find_part(name: str) -> Part | None:
    return next((p for p in PARTS if p.name == name), None)
