"""The case-specific partner sheet (``genereer CASE --document partner:reclassering``).

The context is an allow-list: ``PartnerView`` copies out of the case only the groups the
policy allows for this partner type and route, and only the parts that concern this
partner (its own actions, its duties per scenario, the steps it takes part in). A group
that is not allowed is simply absent from the context, so no template can show it. Names
of other partners are resolved only for the contacts this partner may call.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.errors import NotInNetworkError, UsageError
from levensloop_docs.i18n import _, format_list
from levensloop_docs.model.casus import Casus, OpschalingsStap, Scenario
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import (
    VOLUNTARY,
    Basis,
    Policy,
    Sharing,
    filter_case,
    load_policy,
    sharing,
)
from levensloop_docs.reference.regions import optional_region, region_label
from levensloop_docs.views import common
from levensloop_docs.views.common import (
    ActionEntry,
    AreaView,
    DeescalationView,
    NaasteEntry,
    Names,
    PartnerEntry,
    RegionView,
    RiskEntry,
    ScenarioView,
    StepView,
    TitleEntry,
)


class OwnAction(ActionEntry):
    gebied: str


class SheetStep(StepView):
    besluit_zelf: bool
    taak_regio: str


class BasisLine(TypedDict):
    route: str  # empty: the route's name would reveal a withheld group
    titels: str
    toestemming: bool
    vanaf: str


class SheetEscalation(TypedDict):
    stappen: list[SheetStep]
    afschaling: DeescalationView | None


class Identity(TypedDict):
    naam: str
    roepnaam: str
    geboortedatum: str


class LabelLine(TypedDict):
    label: str
    toelichting: str


class ProblemLine(TypedDict):
    labels: str
    toelichting: str


class ShareView(TypedDict):
    grondslagen: list[BasisLine]
    route: str
    ingetrokken: bool
    reden: str
    geeindigd_op: str
    ingetrokken_datum: str
    toestemming_datum: str
    andere_grondslag: bool
    gedeeld: list[str]
    weggelaten: list[str]


class SheetHead(TypedDict):
    partnersoort: str
    label: str
    organisaties: list[str]
    crisis: list[str]
    verwacht: list[str]


class SheetMeta(TypedDict):
    casus_id: str
    regio: str
    planversie: int
    vastgesteld: str


class SheetContext(TypedDict):
    """What ``templates/partnerinfo/casusblad.md`` receives; None: the policy withholds the group."""

    blad: SheetHead
    meta: SheetMeta
    regio: RegionView | None
    deling: ShareView
    persoon: Identity | None
    contacten: list[PartnerEntry] | None
    nacht: list[common.NightLine]  # the 24/7 services (never a person's own number)
    eigen_acties: list[OwnAction] | None
    achtergrond: list[AreaView] | None
    scenarios: list[ScenarioView] | None
    opschaling: SheetEscalation | None
    verblijf: LabelLine | None
    problematiek: ProblemLine | None
    juridisch_kader: list[TitleEntry] | None
    risicotaxaties: list[RiskEntry] | None
    naasten: list[NaasteEntry] | None
    vandaag: str


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
    raise UsageError(msg.format(known=", ".join(kinds)))


class PartnerView:
    """The part of one case that one partner type may see, as a template context.

    The case is first filtered through the policy (``filter_case``); every group below is
    then built by the shared view functions from that filtered case. ``None`` marks a
    group the policy does not allow, so a template can tell it from an empty one.
    """

    def __init__(
        self, casus: Casus, vocab: Vocabularies, today: date, kind: str, roles: set[str], policy: Policy
    ) -> None:
        self.vocab, self.today, self.kind, self.roles = vocab, today, kind, roles
        self.policy = policy
        self.full = casus
        self.own = [p for p in casus.netwerk.partners if p.rol in roles]
        self.own_ids = {p.id for p in self.own}
        self.share: Sharing = sharing(policy, casus, kind, today, self.own_ids)
        self.casus = filter_case(casus, self.share, roles, policy.contacts.get(kind, ()))
        # names resolve only within the visible contacts; nobody else can be named
        unknown = _("another partner in the network")
        self.names = Names(self.casus.netwerk.partners, [], vocab, unknown=unknown)
        self.region = optional_region(casus.meta.regio)

    def allows(self, group: str) -> bool:
        return self.share.allows(group)

    # -- groups ---------------------------------------------------------------------------
    def identificatie(self) -> Identity | None:
        if not self.allows("identificatie"):
            return None
        p = self.casus.persoon
        born = common.date_text(p.geboortedatum)
        return {"naam": common.text(p.naam), "roepnaam": common.text(p.roepnaam), "geboortedatum": born}

    def contacten(self) -> list[PartnerEntry] | None:
        if not self.allows("contacten"):
            return None
        return [common.partner_entry(p, self.vocab) for p in self.casus.netwerk.partners]

    def eigen_acties(self) -> list[OwnAction] | None:
        if not self.allows("eigen_acties"):
            return None
        areas = self.vocab["levensgebieden"]
        return [
            {**common.action_entry(a, self.vocab, self.names), "gebied": areas.label(g.gebied)}
            for g in self.casus.levensgebieden
            for a in g.acties
        ]

    def achtergrond(self) -> list[AreaView] | None:
        if not self.allows("achtergrond"):
            return None
        return [common.area_view(g, self.vocab, self.names) for g in self.casus.levensgebieden]

    def scenario(self, number: int, s: Scenario) -> ScenarioView:
        """The shared scenario view, with only the phases where this partner has something."""
        view = common.scenario_view(s, self.vocab, self.names)
        view["fasen"] = [f for f in view["fasen"] if f["acties"] or f["signalen"]]
        # "then call ...": never this partner itself (the police were told to call the police)
        view["wie_bellen"] = format_list(self.names.who(r) for r in s.wie_bellen if r not in self.own_ids)
        # the filter withheld the name (it says what the scenario is about): a number instead
        view["naam"] = view["naam"] or _("Scenario {n}").format(n=number)
        return view

    def scenarios(self) -> list[ScenarioView] | None:
        if not self.allows("scenario_taken"):
            return None
        return [self.scenario(i, s) for i, s in enumerate(self.casus.scenarios, start=1)]

    def takes_part(self, step: OpschalingsStap) -> bool:
        """Deciding the step, or having a task at its level in the region's route."""
        if step.wie_besluit in self.own_ids:
            return True
        route = self.region.route if self.region else ()
        return any(r.niveau == step.naar and self.roles & set(r.wie) for r in route)

    def region_task(self, level: str) -> str:
        route = self.region.route if self.region else ()
        return next((common.text(r.wat) for r in route if r.niveau == level and self.roles & set(r.wie)), "")

    def opschaling(self) -> SheetEscalation | None:
        if not self.allows("opschaling"):
            return None
        o = self.casus.opschaling
        stappen: list[SheetStep] = [
            {**common.escalation_step(i, s, self.vocab, self.names),
             "besluit_zelf": s.wie_besluit in self.own_ids, "taak_regio": self.region_task(s.naar)}
            for i, s in enumerate(o.stappen, start=1)
            if self.takes_part(s)
        ]  # fmt: skip
        # the way back down matters to a partner only if it takes part in a step up
        afschaling = common.deescalation_view(o.afschaling, self.vocab) if stappen else None
        return {"stappen": stappen, "afschaling": afschaling}

    def verblijf(self) -> LabelLine | None:
        if not self.allows("verblijf"):
            return None
        p = self.casus.persoon
        label = self.vocab["verblijf"].label(p.verblijf)
        return {"label": label, "toelichting": common.text(p.verblijf_toelichting)}

    def problematiek(self) -> ProblemLine | None:
        if not self.allows("problematiek"):
            return None
        p = self.casus.persoon
        labels = common.problem_labels(p, self.vocab)
        return {"labels": labels, "toelichting": common.text(p.problematiek_toelichting)}

    def juridisch_kader(self) -> list[TitleEntry] | None:
        return common.legal_frame(self.casus.persoon, self.vocab) if self.allows("juridisch_kader") else None

    def risicotaxaties(self) -> list[RiskEntry] | None:
        if not self.allows("risicotaxatie"):
            return None
        return common.risk_entries(self.casus.risicotaxaties, self.vocab)

    def naasten(self) -> list[NaasteEntry] | None:
        if not self.allows("naasten"):
            return None
        # the filter keeps only naasten who consented to contact
        return [common.naaste_entry(n, self.vocab) for n in self.casus.netwerk.naasten]

    def basis(self, b: Basis) -> BasisLine:
        """One basis; a route or title whose name reveals a withheld group is not named."""
        s, v = self.share, self.vocab
        return {
            "route": v["routes"].label(b.route) if s.shows_label("routes", b.route) else "",
            "titels": format_list(v["titels"].label(t) for t in b.titles if s.shows_label("titels", t)),
            "toestemming": b.route == VOLUNTARY,
            "vanaf": common.date_text(b.since),
        }

    def deling(self) -> ShareView:
        s, v, g = self.share, self.vocab, self.full.gegevensdeling
        labels = self.policy.groups
        return {
            "grondslagen": [self.basis(b) for b in s.bases],
            "route": v["routes"].label(s.route) if s.shows_label("routes", s.route) else "",
            "ingetrokken": s.withdrawn,
            "reden": s.reason,
            "geeindigd_op": common.date_text(s.ended),
            "ingetrokken_datum": common.date_text(g.ingetrokken_datum) if s.withdrawn else "",
            "toestemming_datum": common.date_text(g.toestemming_datum),
            "andere_grondslag": bool(s.other_grounds),
            "gedeeld": [labels[k] for k in s.groups],
            "weggelaten": [labels[k] for k in s.left_out],
        }

    def build(self) -> SheetContext:
        meta = self.full.meta
        return {
            "blad": {
                "partnersoort": self.kind,
                "label": sheet_label(self.vocab, self.kind, self.roles),
                # organisations are contact details: named only when contacts are shared
                "organisaties": [common.text(p.organisatie) for p in self.casus.netwerk.partners
                                 if p.id in self.own_ids],
                # how this kind of partner works in a crisis and what it may expect of the
                # network: the same for every case, no data of the person
                "crisis": kind_texts(self.vocab, self.kind, "crisis"),
                "verwacht": kind_texts(self.vocab, self.kind, "verwacht"),
            },
            "meta": {
                "casus_id": common.text(meta.casus_id),
                "regio": region_label(meta.regio),
                "planversie": meta.planversie,
                "vastgesteld": common.set_on(meta.vastgesteld),
            },
            "regio": self.regio(),
            "deling": self.deling(),
            "persoon": self.identificatie(),
            "contacten": self.contacten(),
            # the 24/7 services: numbers of services, not personal data; a sheet with red-phase
            # duties must say whom to call at night
            "nacht": common.night_lines(self.full) if self.allows("contacten") else [],
            "eigen_acties": self.eigen_acties(),
            "achtergrond": self.achtergrond(),
            "scenarios": self.scenarios(),
            "opschaling": self.opschaling(),
            "verblijf": self.verblijf(),
            "problematiek": self.problematiek(),
            "juridisch_kader": self.juridisch_kader(),
            "risicotaxaties": self.risicotaxaties(),
            "naasten": self.naasten(),
            "vandaag": common.date_text(self.today),
        }

    def regio(self) -> RegionView | None:
        return common.region_view(self.region.sleutel, self.region) if self.region else None


def partner_sheet_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> SheetContext:
    policy = load_policy()
    kind, roles = resolve_kind(parameter, policy, vocab)
    if not any(p.rol in roles for p in casus.netwerk.partners):
        raise not_in_network(casus, kind, roles, vocab, policy)
    return PartnerView(casus, vocab, today, kind, roles, policy).build()


def not_in_network(
    casus: Casus, kind: str, roles: set[str], vocab: Vocabularies, policy: Policy
) -> NotInNetworkError:
    """A sheet for a partner the case does not have would hand its data to a stranger."""
    kinds = {partner_kind(vocab, p.rol) for p in casus.netwerk.partners}
    present = [k for k in policy.partner_types() if k in kinds]
    msg = _("Case {id} has no partner of the type {kind} in its network (netwerk.partners), so no "
            "partner sheet is made for it. Add the partner to the network first. "
            "Partner types in this case: {known}.")
    label = sheet_label(vocab, kind, roles)
    return NotInNetworkError(msg.format(id=casus.meta.casus_id, kind=label, known=", ".join(present)))


def kind_texts(vocab: Vocabularies, kind: str, attribute: str) -> list[str]:
    """The general lines of a partner type (``partnersoorten.yaml``: ``crisis``, ``verwacht``)."""
    return [common.text(str(x)) for x in vocab["partnersoorten"].get(kind, attribute, []) or []]


def sheet_label(vocab: Vocabularies, kind: str, roles: set[str]) -> str:
    """The role's own label when the sheet was narrowed to one role (partner:verslavingszorg)."""
    kinds, role = vocab["partnersoorten"], next(iter(roles))
    if len(roles) == 1 and role not in kinds:
        return vocab["rollen"].label(role)
    return kinds.label(kind)
