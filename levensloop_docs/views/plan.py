"""The template context: one plain, Dutch, ready-to-print view of a case.

Templates never see the model itself: they get dicts and lists with vocabulary
labels resolved, dates formatted by Babel and every text cleaned for XML. One
function builds it for every document; partner sheets filter the case *before*
calling it (an allow-list), so a template cannot show what it was not given.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs import __version__
from levensloop_docs.case.uitstroom import exit_status
from levensloop_docs.i18n import format_date, format_list
from levensloop_docs.model.casus import Actie, Afschaling, Casus, Naaste, Partner, Scenario
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import region_label
from levensloop_docs.text import clean_text

Context = dict[str, Any]
FASES = ("groen", "oranje", "rood")
# Stoplight of the scenarios: label, what the phase means, and a cell colour that stays
# readable when printed in black and white.
FASE_STIJL = {
    "groen": ("Groen", "het gaat goed", "D9EAD3"),
    "oranje": ("Oranje", "eerste signalen", "FCE5CD"),
    "rood": ("Rood", "crisis, direct handelen", "F4CCCC"),
}
RINGEN = {1: "Eerste ring: bij elke persoon in de aanpak", 2: "Tweede ring: betrokken bij deze persoon"}
# Who the cover names as first contacts, in this order.
AANSPREEKPUNTEN = (
    ("levensloopaanbieder", "Casusregisseur"),
    ("procesregisseur", "Procesregisseur ZVH"),
    ("gemeente", "Gemeentelijke casusregisseur"),
)


def t(value: str | None) -> str:
    return clean_text(value or "")


def d(value: date | None) -> str:
    return format_date(value)


def texts(values: list[str]) -> list[str]:
    return [t(v) for v in values]


def afschaling_context(af: Afschaling | None, vocab: Vocabularies) -> dict[str, Any] | None:
    """The de-escalation decided in advance, as the plan and the partner sheets show it."""
    if af is None:
        return None
    return {
        "criteria": texts(af.criteria),
        "naar": vocab["niveaus"].label(af.naar),
        "bestemming": t(af.bestemming),
        "warme_overdracht": t(af.warme_overdracht),
    }


def partner_context(p: Partner, vocab: Vocabularies) -> Context:
    rollen = vocab["rollen"]
    return {
        "id": t(p.id),
        "rol": rollen.label(p.rol),
        "rol_sleutel": p.rol,
        "ring": p.ring or rollen.get(p.rol, "ring", 2),
        "organisatie": t(p.organisatie),
        "contactpersoon": t(p.contactpersoon),
        "functie": t(p.functie),
        "telefoon": t(p.telefoon),
        "email": t(p.email),
        "naam": t(p.organisatie + (f" ({p.contactpersoon})" if p.contactpersoon else "")),
        "bereikbaar": t("\n".join(x for x in (p.telefoon, p.email) if x)),
    }


def naaste_context(n: Naaste, vocab: Vocabularies) -> Context:
    types = vocab["naastentypes"]
    return {
        "id": t(n.id),
        "naam": t(n.naam),
        "relatie": t(n.relatie),
        "type": format_list(types.label(k).lower() for k in n.type),
        "toestemming_contact": "ja" if n.toestemming_contact else "nee",
        "telefoon": t(n.telefoon),
        "toelichting": t(n.toelichting),
    }


class ContextBuilder:
    """Builds the context of one case; resolves ``wie`` references to readable names."""

    def __init__(self, casus: Casus, vocab: Vocabularies, today: date) -> None:
        self.casus, self.vocab, self.today = casus, vocab, today
        self.names = {p.id: partner_context(p, vocab)["naam"] for p in casus.netwerk.partners}
        self.names.update({n.id: f"{t(n.naam)} ({t(n.relatie)})" for n in casus.netwerk.naasten})

    def who(self, ref: str) -> str:
        name: str = self.names.get(ref) or t(ref)
        return name

    def who_with_phone(self, ref: str) -> str:
        """In a crisis the reader needs the number, not only the name."""
        found = self.casus.partner(ref) or self.casus.naaste(ref)
        phone = t(found.telefoon) if found is not None and found.telefoon else ""
        return f"{self.who(ref)}, {phone}" if phone else self.who(ref)

    def actie(self, a: Actie) -> Context:
        wanneer = a.wanneer
        return {
            "wat": t(a.wat),
            "wie": self.who(a.wie),
            "wie_id": a.wie,
            "wanneer": d(wanneer) if isinstance(wanneer, date) else t(wanneer),
            "status": self.vocab["actiestatussen"].label(a.status),
        }

    def scenario(self, s: Scenario) -> Context:
        return {
            "naam": t(s.naam),
            "soort": self.vocab["scenariosoorten"].label(s.soort),
            "beschrijving": t(s.beschrijving),
            "signalen": {f: texts(getattr(s.signalen, f)) for f in FASES},
            "fasen": [
                {
                    "fase": f,
                    "label": FASE_STIJL[f][0],
                    "uitleg": FASE_STIJL[f][1],
                    "kleur": FASE_STIJL[f][2],
                    "signalen": texts(getattr(s.signalen, f)),
                    "acties": [
                        {"wie": self.who(a.wie), "wie_id": a.wie, "wat": t(a.wat)}
                        for a in s.acties if a.fase == f
                    ],
                }
                for f in FASES
            ],
            "wie_bellen": format_list(self.who_with_phone(r) for r in s.wie_bellen),
        }

    def meta(self) -> Context:
        m = self.casus.meta
        return {
            "casus_id": t(m.casus_id),
            "regio": region_label(m.regio),
            "status": self.vocab["statussen"].label(m.status),
            "planversie": m.planversie,
            "vastgesteld": d(m.vastgesteld) or "nog niet vastgesteld",
            "volgende_evaluatie": d(m.volgende_evaluatie) or "nog niet gepland",
            "auteurs": format_list(texts(m.auteurs)),
            "akkoord": [{"wie": self.who(a.wie), "datum": d(a.datum)} for a in m.akkoord],
        }

    def persoon(self) -> Context:
        p, v = self.casus.persoon, self.vocab
        return {
            "naam": t(p.naam),
            "roepnaam": t(p.roepnaam),
            "geboortedatum": d(p.geboortedatum),
            "verblijf": v["verblijf"].label(p.verblijf),
            "verblijf_toelichting": t(p.verblijf_toelichting),
            "problematiek": format_list(v["problematiek"].label(k) for k in p.problematiek),
            "problematiek_toelichting": t(p.problematiek_toelichting),
            "juridisch_kader": [
                {
                    "titel": v["titels"].label(k.titel),
                    "start": d(k.start),
                    "einde": d(k.einde),
                    "toelichting": t(k.toelichting),
                }
                for k in p.juridisch_kader
            ],
        }

    def gegevensdeling(self) -> Context:
        g = self.casus.gegevensdeling
        return {
            "route": self.vocab["routes"].label(g.route),
            "route_sleutel": g.route,
            "toestemming_datum": d(g.toestemming_datum),
            "toestemming_omvang": t(g.toestemming_omvang),
            "ingetrokken": g.ingetrokken,
            "ingetrokken_datum": d(g.ingetrokken_datum),
            "toelichting": t(g.toelichting),
        }

    def levensgebieden(self) -> list[Context]:
        return [
            {
                "gebied": self.vocab["levensgebieden"].label(g.gebied),
                "zrm_score": g.zrm_score or "",
                "situatie": t(g.situatie),
                "risicos": texts(g.risicos),
                "doelen": texts(g.doelen),
                "acties": [self.actie(a) for a in g.acties],
            }
            for g in self.casus.levensgebieden
        ]

    def opschaling(self) -> Context:
        o, v = self.casus.opschaling, self.vocab
        stappen = [
            {
                "nummer": i,
                "van": v["niveaus"].label(s.van),
                "naar": v["niveaus"].label(s.naar),
                "criteria": texts(s.criteria),
                "wie_besluit": self.who(s.wie_besluit),
                "bedtype": v["bedtypes"].label(s.bestemming.bedtype) if s.bestemming.bedtype else "",
                "plaats": t(s.bestemming.plaats),
                "beveiligingsniveau": s.bestemming.beveiligingsniveau or "",
                "juridische_basis": (
                    v["juridische_basis"].label(s.juridische_basis) if s.juridische_basis else ""
                ),
                "vervoer": t(s.vervoer),
                "overdracht": t(s.overdracht),
                "doorloopt": texts(s.doorloopt),
                "terugkeergarantie": "ja" if s.terugkeergarantie else "nee",
                "terugkeer_toelichting": t(s.terugkeer_toelichting),
            }
            for i, s in enumerate(o.stappen, start=1)
        ]
        return {"stappen": stappen, "afschaling": afschaling_context(o.afschaling, v)}

    def risicotaxaties(self) -> list[Context]:
        return [
            {
                "instrument": self.vocab["instrumenten"].label(r.instrument),
                "datum": d(r.datum),
                "uitkomst": t(r.uitkomst),
                "uitgevoerd_door": t(r.uitgevoerd_door),
                "volgende": d(r.volgende) or "niet gepland",
            }
            for r in self.casus.risicotaxaties
        ]

    def uitstroom(self) -> Context:
        status = exit_status(self.casus, self.today)
        labels = {
            "stabiel": "Minstens twee jaar stabiel op het gevaarscriterium",
            "beschermende_factoren": "Beschermende factoren duurzaam geborgd",
            "risico_verlaagd": "Risico aantoonbaar verlaagd (risicotaxatie)",
        }
        u = self.casus.uitstroom
        return {
            "criteria": [
                {"naam": labels[c.key], "voldaan": "ja" if c.met else "nee"} for c in status.criteria
            ],
            "alle_voldaan": status.all_met,
            "stabiel_sinds": d(status.stable_since) or "onbekend",
            "vroegste_datum": d(status.earliest) or "nog niet te bepalen",
            "beschermende_factoren": t(u.beschermende_factoren),
            "toelichting": t(u.toelichting),
            "vervolgaanbieder": t(u.vervolgaanbieder),
            "nazorg": t(u.nazorg),
            "overdracht_datum": d(u.overdracht_datum),
        }

    def ringen(self, partners: list[Context]) -> list[Context]:
        """The network split into first and second ring; an empty ring is left out."""
        out = []
        for ring, titel in RINGEN.items():
            members = [p for p in partners if p["ring"] == ring]
            if members:
                out.append({"ring": ring, "titel": titel, "partners": members})
        return out

    def aanspreekpunten(self, partners: list[Context]) -> list[Context]:
        out = []
        for rol, titel in AANSPREEKPUNTEN:
            p = next((p for p in partners if p["rol_sleutel"] == rol), None)
            if p is not None:
                reach = p["bereikbaar"].replace("\n", ", ")
                out.append({"titel": titel, "naam": p["naam"], "bereikbaar": reach})
        return out

    def build(self) -> Context:
        netwerk = self.casus.netwerk
        partners = [partner_context(p, self.vocab) for p in netwerk.partners]
        return {
            "meta": self.meta(),
            "persoon": self.persoon(),
            "gegevensdeling": self.gegevensdeling(),
            "partners": partners,
            "ringen": self.ringen(partners),
            "aanspreekpunten": self.aanspreekpunten(partners),
            "naasten": [naaste_context(n, self.vocab) for n in netwerk.naasten],
            "levensgebieden": self.levensgebieden(),
            "scenarios": [self.scenario(s) for s in self.casus.scenarios],
            "opschaling": self.opschaling(),
            "risicotaxaties": self.risicotaxaties(),
            "uitstroom": self.uitstroom(),
            "vandaag": d(self.today),
            "generator": f"levensloop-docs {__version__}",
        }


def build_context(casus: Casus, vocab: Vocabularies, today: date) -> Context:
    return ContextBuilder(casus, vocab, today).build()
