"""What the region's own documents (leaflets, handreiking) show beyond its contacts.

The number for nights and weekends, support for naasten and victims themselves, who decides
on inclusion, the first ring and the tweede schil, and whether the route is the region's own
or still the standard route. One place, so every leaflet and the handreiking say the same.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import Region, national_criteria
from levensloop_docs.views.common import ContactView, RegionView, contact_view, region_view, text


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


class BedLine(TypedDict):
    naam: str
    bedtype: str
    plaats: str
    beveiligingsniveau: int | str
    contact: str
    telefoon: str
    aanmelden: str
    voorwaarden: str
    biz: bool


class RouteStep(TypedDict):
    nummer: int
    niveau: str
    niveau_sleutel: str
    wie: list[str]
    wie_sleutels: list[str]
    wat: str
    hoger: str
    lager: str


class RegistrationPoint(ContactView):
    werkgebied: str


class Publisher(TypedDict):
    uitgever: str
    vastgesteld: str
    herzien: str


class RegionDocument(RegionView, RegionExtras):
    """The region as its leaflets and handreiking show it (``region_context()["regio"]``)."""

    criteria: list[str]
    bedden: list[BedLine]
    route: list[RouteStep]
    aanmeldpunten: list[RegistrationPoint]
    bijzonderheden: list[str]
    eerste_ring: list[str]
    uitgave: Publisher


class RegionContext(TypedDict):
    regio: RegionDocument
    criteria_landelijk: list[str]
    datum: str


def region_context(region: Region, vocab: Vocabularies, today: date) -> RegionContext:
    """What a leaflet and the handreiking receive: the region's contacts, route, beds, criteria."""
    rollen, niveaus, bedtypes = vocab["rollen"], vocab["niveaus"], vocab["bedtypes"]
    return {
        "regio": {
            **region_view(region.sleutel, region),
            "criteria": [c.tekst for c in region.criteria],
            "bedden": [
                {"naam": b.naam, "bedtype": bedtypes.label(b.bedtype), "plaats": b.plaats,
                 "beveiligingsniveau": b.beveiligingsniveau or "",
                 "contact": b.contact, "telefoon": b.telefoon, "aanmelden": b.aanmelden.rstrip("."),
                 "voorwaarden": b.voorwaarden.rstrip("."),
                 # beveiligde intensieve zorg or a regular clinical bed (SGLVG+): what usually holds
                 "biz": bedtypes.get(b.bedtype, "niveau") == "biz"}
                for b in region.bedden
            ],
            "route": [
                {"nummer": i, "niveau": niveaus.label(s.niveau), "niveau_sleutel": s.niveau,
                 "wie": [rollen.label(r) for r in s.wie], "wie_sleutels": list(s.wie), "wat": s.wat,
                 # the neighbours on the route: where opschalen and afschalen lead from here
                 "hoger": niveaus.label(region.route[i].niveau) if i < len(region.route) else "",
                 "lager": niveaus.label(region.route[i - 2].niveau) if i > 1 else ""}
                for i, s in enumerate(region.route, start=1)
            ],
            "aanmeldpunten": [
                {**contact_view(a), "werkgebied": text(a.werkgebied)} for a in region.aanmeldpunten
            ],
            "bijzonderheden": list(region.bijzonderheden),
            # role keys in ring 1 of this region, in the profile's order; the rest is ring 2
            "eerste_ring": list(region.eerste_ring),
            "uitgave": publisher(region, today),
            **region_extras(region, vocab),
        },
        "criteria_landelijk": [c.tekst for c in national_criteria()],
        "datum": format_date(today),
    }


def publisher(region: Region, today: date) -> Publisher:
    """Who publishes the region's documents and when they are reviewed (default: a year on)."""
    issued = region.vastgesteld or today
    review = region.herzien or issued.replace(year=issued.year + 1, day=min(issued.day, 28))
    return {"uitgever": region.uitgever or region.zvh.naam, "vastgesteld": format_date(issued),
            "herzien": format_date(review)}
