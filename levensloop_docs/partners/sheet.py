"""The case-specific partner sheet (``genereer CASE --document partner:reclassering``).

The context is an allow-list: ``PartnerView`` copies out of the case only the groups the
policy allows for this partner type and route, and only the parts that concern this
partner (its own actions, its duties per scenario, the steps it takes part in). A group
that is not allowed is simply absent from the context, so no template can show it. Names
of other partners are resolved only for the contacts this partner may call.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.documents import context_builder
from levensloop_docs.errors import LevensloopError
from levensloop_docs.i18n import _, format_list
from levensloop_docs.model import Casus, Netwerk, OpschalingsStap, Scenario
from levensloop_docs.partners.policy import Policy, Sharing, load_policy, sharing
from levensloop_docs.regions import Region, load_region, region_label
from levensloop_docs.render.context import (
    FASES,
    ContextBuilder,
    afschaling_context,
    d,
    naaste_context,
    t,
    texts,
)
from levensloop_docs.vocab import Vocabularies

Context = dict[str, Any]
# the people a partner calls: casusregisseur, procesregisseur, gemeentelijke casusregisseur
CONTACT_ROLES = ("levensloopaanbieder", "procesregisseur", "gemeente")
FASE_LABELS = {"groen": "Groen (rustig)", "oranje": "Oranje (spanning loopt op)", "rood": "Rood (crisis)"}


def partner_kind(vocab: Vocabularies, rol: str) -> str:
    return str(vocab["rollen"].get(rol, "partnersoort", rol))


def resolve_kind(request: str | None, policy: Policy, vocab: Vocabularies) -> tuple[str, set[str]]:
    """``reclassering`` -> (partner type, roles). A role key narrows the sheet to that role."""
    kinds = policy.partner_types()
    if request is not None and request in kinds:
        return request, {r for r in vocab["rollen"] if partner_kind(vocab, r) == request}
    if request is not None and request in vocab["rollen"] and partner_kind(vocab, request) in kinds:
        return partner_kind(vocab, request), {request}
    msg = _("Choose a partner type for the partner sheet, e.g. partner:reclassering. Known: {known}.")
    raise LevensloopError(msg.format(known=", ".join(kinds)))


class PartnerView:
    """The part of one case that one partner type may see, as a template context."""

    def __init__(
        self, casus: Casus, vocab: Vocabularies, today: date, kind: str, roles: set[str], policy: Policy
    ) -> None:
        self.casus, self.vocab, self.today, self.kind = casus, vocab, today, kind
        self.policy = policy
        self.share: Sharing = sharing(policy, casus, kind, today)
        self.own = [p for p in casus.netwerk.partners if p.rol in roles]
        self.own_ids = {p.id for p in self.own}
        self.roles = roles
        contacts = [p for p in casus.netwerk.partners if p.rol in CONTACT_ROLES or p.id in self.own_ids]
        self.contacts = contacts if self.share.allows("contacten") else []
        visible = Netwerk.model_construct(partners=self.contacts, naasten=[])
        # names resolve only within the visible contacts; nobody else can be named
        self.names = ContextBuilder(casus.model_copy(update={"netwerk": visible}), vocab, today)
        self.region = _region(casus.meta.regio)

    def allows(self, group: str) -> bool:
        return self.share.allows(group)

    def who(self, ref: str) -> str:
        if any(p.id == ref for p in self.contacts):
            return self.names.who(ref)
        return _("another partner in the network")

    # -- groups ---------------------------------------------------------------------------
    def identificatie(self) -> Context | None:
        if not self.allows("identificatie"):
            return None
        p = self.casus.persoon
        return {"naam": t(p.naam), "roepnaam": t(p.roepnaam), "geboortedatum": d(p.geboortedatum)}

    def contacten(self) -> list[Context] | None:
        if not self.allows("contacten"):
            return None
        from levensloop_docs.render.context import partner_context

        return [partner_context(p, self.vocab) for p in self.contacts]

    def eigen_acties(self) -> list[Context] | None:
        if not self.allows("eigen_acties"):
            return None
        out = []
        for g in self.casus.levensgebieden:
            for a in g.acties:
                if a.wie in self.own_ids:
                    item = self.names.actie(a)
                    item["wie"] = self.who(a.wie)
                    item["gebied"] = self.vocab["levensgebieden"].label(g.gebied)
                    out.append(item)
        return out

    def achtergrond(self) -> list[Context] | None:
        if not self.allows("achtergrond"):
            return None
        return [
            {
                "gebied": self.vocab["levensgebieden"].label(g.gebied),
                "situatie": t(g.situatie),
                "risicos": texts(g.risicos),
                "doelen": texts(g.doelen),
            }
            for g in self.casus.levensgebieden
            if any(a.wie in self.own_ids for a in g.acties)
        ]

    def scenario(self, s: Scenario) -> Context:
        with_signals = self.allows("signalen")
        fasen = []
        for f in FASES:
            acties = [t(a.wat) for a in s.acties if a.fase == f and a.wie in self.own_ids]
            signalen = texts(getattr(s.signalen, f)) if with_signals else []
            if acties or signalen:
                fasen.append({"fase": f, "label": FASE_LABELS[f], "acties": acties, "signalen": signalen})
        bellen = [self.who(r) for r in s.wie_bellen if any(p.id == r for p in self.contacts)]
        return {
            "naam": t(s.naam),
            "soort": self.vocab["scenariosoorten"].label(s.soort),
            "beschrijving": t(s.beschrijving) if with_signals else "",
            "fasen": fasen,
            "wie_bellen": format_list(bellen),
        }

    def scenarios(self) -> list[Context] | None:
        if not self.allows("scenario_taken"):
            return None
        mine = [s for s in self.casus.scenarios if any(a.wie in self.own_ids for a in s.acties)]
        return [self.scenario(s) for s in mine]

    def takes_part(self, step: OpschalingsStap) -> bool:
        """Deciding the step, or having a task at its level in the region's route."""
        if step.wie_besluit in self.own_ids:
            return True
        route = self.region.route if self.region else ()
        return any(r.niveau == step.naar and self.roles & set(r.wie) for r in route)

    def region_task(self, level: str) -> str:
        route = self.region.route if self.region else ()
        return next((t(r.wat) for r in route if r.niveau == level and self.roles & set(r.wie)), "")

    def opschaling(self) -> Context | None:
        if not self.allows("opschaling"):
            return None
        v, o = self.vocab, self.casus.opschaling
        stappen = []
        for i, s in enumerate(o.stappen, start=1):
            if not self.takes_part(s):
                continue
            stappen.append({
                "nummer": i,
                "van": v["niveaus"].label(s.van),
                "naar": v["niveaus"].label(s.naar),
                "criteria": texts(s.criteria),
                "wie_besluit": self.who(s.wie_besluit),
                "besluit_zelf": s.wie_besluit in self.own_ids,
                "bestemming": ", ".join(x for x in (
                    v["bedtypes"].label(s.bestemming.bedtype) if s.bestemming.bedtype else "",
                    t(s.bestemming.plaats),
                ) if x),
                "juridische_basis": (
                    v["juridische_basis"].label(s.juridische_basis) if s.juridische_basis else ""
                ),
                "vervoer": t(s.vervoer),
                "overdracht": t(s.overdracht),
                "doorloopt": texts(s.doorloopt),
                "terugkeergarantie": s.terugkeergarantie if s.terugkeer_gevraagd else None,  # None: not asked
                "taak_regio": self.region_task(s.naar),
            })
        # the way back down matters to a partner only if it takes part in a step up
        afschaling = afschaling_context(o.afschaling, v) if stappen else None
        return {"stappen": stappen, "afschaling": afschaling}

    def verblijf(self) -> Context | None:
        if not self.allows("verblijf"):
            return None
        p = self.casus.persoon
        return {"label": self.vocab["verblijf"].label(p.verblijf), "toelichting": t(p.verblijf_toelichting)}

    def problematiek(self) -> Context | None:
        if not self.allows("problematiek"):
            return None
        p = self.casus.persoon
        labels = format_list(self.vocab["problematiek"].label(k) for k in p.problematiek)
        return {"labels": labels, "toelichting": t(p.problematiek_toelichting)}

    def juridisch_kader(self) -> list[Context] | None:
        if not self.allows("juridisch_kader"):
            return None
        return self.names.persoon()["juridisch_kader"]  # type: ignore[no-any-return]

    def risicotaxaties(self) -> list[Context] | None:
        return self.names.risicotaxaties() if self.allows("risicotaxatie") else None

    def naasten(self) -> list[Context] | None:
        if not self.allows("naasten"):
            return None
        # contacting naasten needs the client's consent: only those who gave it
        return [naaste_context(n, self.vocab) for n in self.casus.netwerk.naasten if n.toestemming_contact]

    def deling(self) -> Context:
        s, v, g = self.share, self.vocab, self.casus.gegevensdeling
        labels = self.policy.groups
        return {
            "route": v["routes"].label(s.route),
            "ingetrokken": s.withdrawn,
            "ingetrokken_datum": d(g.ingetrokken_datum) if s.withdrawn else "",
            "toestemming_datum": d(g.toestemming_datum),
            "andere_grondslag": format_list(v["routes"].label(r) for r in s.other_grounds),
            "titels": format_list(v["titels"].label(k) for k in s.titles),
            "gedeeld": [labels[k] for k in s.groups],
            "weggelaten": [labels[k] for k in s.left_out],
        }

    def build(self) -> Context:
        narrowed = len(self.roles) == 1 and next(iter(self.roles)) not in KIND_LABELS
        kind_label = self.vocab["rollen"].label(next(iter(self.roles))) if narrowed else ""
        return {
            "blad": {
                "partnersoort": self.kind,
                "label": kind_label or _kind_label(self.kind),
                "organisaties": [t(p.organisatie) for p in self.own] if self.contacts else [],
            },
            "meta": {
                "casus_id": t(self.casus.meta.casus_id),
                "regio": region_label(self.casus.meta.regio),
                "planversie": self.casus.meta.planversie,
                "vastgesteld": d(self.casus.meta.vastgesteld) or "nog niet vastgesteld",
            },
            "regio": _region_contacts(self.region),
            "deling": self.deling(),
            "persoon": self.identificatie(),
            "contacten": self.contacten(),
            "eigen_acties": self.eigen_acties(),
            "achtergrond": self.achtergrond(),
            "scenarios": self.scenarios(),
            "opschaling": self.opschaling(),
            "verblijf": self.verblijf(),
            "problematiek": self.problematiek(),
            "juridisch_kader": self.juridisch_kader(),
            "risicotaxaties": self.risicotaxaties(),
            "naasten": self.naasten(),
            "vandaag": d(self.today),
        }


KIND_LABELS = {
    "gemeente": "Gemeente", "reclassering": "Reclassering", "politie": "Politie",
    "penitentiaire_inrichting": "Penitentiaire inrichting", "openbaar_ministerie": "Openbaar Ministerie",
    "woningcorporatie": "Woningcorporatie", "kliniek": "Kliniek", "zorgaanbieder": "Zorgaanbieder",
    "woonaanbieder": "Beschermd wonen of opvang", "bewindvoerder": "Bewindvoerder",
    "zorgverzekeraar": "Zorgverzekeraar", "ervaringsdeskundige": "Ervaringsdeskundige",
    "overig": "Overige partner",
}  # fmt: skip


def _kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " ").capitalize())


def _region(key: str) -> Region | None:
    try:
        return load_region(key)
    except LevensloopError:
        return None


def _region_contacts(region: Region | None) -> Context | None:
    if region is None:
        return None
    return {
        "naam": region.naam,
        "zvh": {"naam": region.zvh.naam, "telefoon": region.zvh.telefoon, "email": region.zvh.email},
        "aanbieder": {"naam": region.aanbieder.naam, "telefoon": region.aanbieder.telefoon,
                      "email": region.aanbieder.email},
    }


@context_builder("partnerblad")
def partner_sheet_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> Context:
    policy = load_policy()
    kind, roles = resolve_kind(parameter, policy, vocab)
    return PartnerView(casus, vocab, today, kind, roles, policy).build()

