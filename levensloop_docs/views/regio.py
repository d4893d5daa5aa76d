"""What the region's own documents (leaflets, handreiking) show beyond its contacts.

The number for nights and weekends, support for naasten and victims themselves, who decides
on inclusion, the first ring and the tweede schil, and whether the route is the region's own
or still the standard route. One place, so every leaflet and the handreiking say the same.
"""

from __future__ import annotations

from typing import TypedDict

from levensloop_docs.i18n import _
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import Region
from levensloop_docs.views.common import ContactView, contact_view, text


class SupportLine(TypedDict):
    naam: str
    telefoon: str
    website: str
    toelichting: str


class RegionExtras(TypedDict):
    nacht: ContactView | None
    steun: dict[str, list[SupportLine]]  # per kind: mantelzorg, familievertrouwenspersoon, ...
    inclusie_door: str
    eigen_inclusie: bool
    eerste_ring_namen: list[str]
    tweede_schil: list[str]
    route_vastgesteld: bool
    criteria_te_bevestigen: str
    route_label: str


def region_extras(region: Region, vocab: Vocabularies) -> RegionExtras:
    rollen = vocab["rollen"]
    steun: dict[str, list[SupportLine]] = {}
    for s in region.steun:
        steun.setdefault(s.soort, []).append(
            {
                "naam": text(s.naam),
                "telefoon": text(s.telefoon),
                "website": text(s.website),
                "toelichting": text(s.toelichting),
            }
        )
    return {
        "nacht": contact_view(region.nacht) if region.nacht else None,
        "steun": steun,
        "inclusie_door": text(region.inclusie_door) or _("the aanmeld- en inclusieoverleg of the ZVH"),
        "eigen_inclusie": bool(region.inclusie_door),
        "eerste_ring_namen": [rollen.label(r) for r in region.eerste_ring],
        "tweede_schil": [text(t) for t in region.tweede_schil],
        "route_vastgesteld": region.route_vastgesteld,
        "criteria_te_bevestigen": text(region.criteria_te_bevestigen),
        # until the region sets its route, every place that shows it says so
        "route_label": _("route of region {region}").format(region=region.naam)
        if region.route_vastgesteld
        else _("standard route – to be set by the region"),
    }
