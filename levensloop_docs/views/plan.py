"""The case as template data, and the levensloopplan built from it in one pass.

Templates never see the model itself: they get dicts and lists with vocabulary labels
resolved, dates formatted by Babel and every text cleaned for XML. The pieces (steps,
phases, contacts, titles) come from ``views/common.py``, which the partner sheet uses too.

``ContextBuilder`` gives the sections several documents share (the aanmelding, the
uitstroombesluit, the voortgangsverslag and the overdracht read them). ``PlanView`` builds
what the plan template receives, described by ``PlanContext``: each section is built whole,
from the case, by one method; nothing is added to a section after it was built. The plan
adds safety (112 first in every red phase, the 24/7 numbers), the legal route (the contact
of each destination, titles that end within the plan period), completeness (every
levensgebied of the vocabulary), the client's and the naasten's voice, and who signs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypedDict

from levensloop_docs import __version__
from levensloop_docs.case.planrules import (
    PLAN_PERIOD,
    destination_contact,
    first_ring,
    has_destination,
    is_admission,
)
from levensloop_docs.case.uitstroom import ExitStatus, exit_status
from levensloop_docs.i18n import _, format_list
from levensloop_docs.model.casus import (
    Actie,
    Casus,
    Levensgebied,
    Naaste,
    OpschalingsStap,
    Partner,
    Scenario,
)
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import region_label
from levensloop_docs.views.common import (
    ActionEntry,
    AreaView,
    CallLine,
    DeescalationView,
    NaasteEntry,
    Names,
    NightLine,
    PartnerEntry,
    PhaseStyle,
    RiskEntry,
    ScenarioAction,
    ScenarioView,
    StepView,
    TitleEntry,
    action_entry,
    area_view,
    date_text,
    deescalation_view,
    escalation_step,
    exit_criterion_labels,
    legal_frame,
    naaste_entry,
    night_lines,
    partner_entry,
    problem_labels,
    risk_entries,
    scenario_view,
    set_on,
    text,
    texts,
    title_entry,
    yes_no,
)
from levensloop_docs.views.zrmchart import zrm_context


def ring_titles() -> dict[int, str]:
    return {
        1: _("First ring: with every person in the approach"),
        2: _("Second ring: involved with this person"),
    }


def first_contacts() -> tuple[tuple[str, str], ...]:
    """Who the cover names as first contacts, in this order: (role, title)."""
    return (
        ("levensloopaanbieder", _("Case director")),
        ("procesregisseur", _("Process director ZVH")),
        ("gemeente", _("Municipal case director")),
    )


# -- the shared sections ------------------------------------------------------------------------


class Agreed(TypedDict):
    wie: str
    datum: str


class MetaView(TypedDict):
    casus_id: str
    regio: str
    status: str
    planversie: int
    vastgesteld: str
    volgende_evaluatie: str
    auteurs: str
    akkoord: list[Agreed]


class PersonBase(TypedDict):
    naam: str
    roepnaam: str
    geboortedatum: str
    verblijf: str
    verblijf_toelichting: str
    problematiek_toelichting: str


class PersonView(PersonBase):
    problematiek: str
    juridisch_kader: list[TitleEntry]


class BasisEntry(TypedDict):
    route: str
    vanaf: str
    titels: str


class PartnerBasis(TypedDict):
    partner: str
    grondslagen: list[BasisEntry]


class SharingView(TypedDict):
    route: str
    route_sleutel: str
    toestemming_datum: str
    toestemming_omvang: str
    ingetrokken: bool
    ingetrokken_datum: str
    toelichting: str
    per_partner: list[PartnerBasis]


class EscalationView(TypedDict):
    stappen: list[StepView]
    afschaling: DeescalationView | None


class CriterionLine(TypedDict):
    naam: str
    voldaan: str


class ExitView(TypedDict):
    criteria: list[CriterionLine]
    alle_voldaan: bool
    stabiel_sinds: str
    vroegste_datum: str
    beschermende_factoren: str
    toelichting: str
    vervolgaanbieder: str
    nazorg: str
    overdracht_datum: str


class RingView(TypedDict):
    ring: int
    titel: str
    partners: Sequence[PartnerEntry]


class ContactPoint(TypedDict):
    titel: str
    naam: str
    bereikbaar: str


class CaseContext(TypedDict):
    """The sections several documents share (``ContextBuilder.build``)."""

    meta: MetaView
    persoon: PersonView
    gegevensdeling: SharingView
    partners: list[PartnerEntry]
    ringen: list[RingView]
    aanspreekpunten: list[ContactPoint]
    naasten: list[NaasteEntry]
    levensgebieden: list[AreaView]
    scenarios: list[ScenarioView]
    opschaling: EscalationView
    risicotaxaties: list[RiskEntry]
    uitstroom: ExitView
    vandaag: str
    generator: str


def legal_decider(s: OpschalingsStap, vocab: Vocabularies) -> str:
    """Who decides by law on the step's basis, and on its fallback ('als dat niet lukt')."""
    basis = vocab["juridische_basis"]
    first = str(basis.get(s.juridische_basis or "", "beslist", "") or "")
    fallback = str(basis.get(s.juridische_terugval or "", "beslist", "") or "")
    if first and fallback and fallback != first:
        return _("{first}; if that fails: {fallback}").format(first=first, fallback=fallback)
    return first or fallback


def earliest_exit_text(status: ExitStatus) -> str:
    """When two years of stability are (or were) reached, from the history; never the print date."""
    until = status.stable_until
    if until is None:
        return _("cannot be determined yet")
    met = next((c.met for c in status.criteria if c.key == "stabiel"), False)
    if met:
        return _("two years stable reached on {date}").format(date=date_text(until))
    return date_text(until)


class ContextBuilder:
    """Builds the shared sections of one case; resolves ``wie`` references to readable names."""

    def __init__(self, casus: Casus, vocab: Vocabularies, today: date) -> None:
        self.casus, self.vocab, self.today = casus, vocab, today
        self.names = Names(casus.netwerk.partners, casus.netwerk.naasten, vocab)

    def who(self, ref: str) -> str:
        return self.names.who(ref)

    def actie(self, a: Actie) -> ActionEntry:
        return action_entry(a, self.vocab, self.names)

    def scenario(self, s: Scenario) -> ScenarioView:
        return scenario_view(s, self.vocab, self.names)

    def meta(self) -> MetaView:
        m = self.casus.meta
        return {
            "casus_id": text(m.casus_id),
            "regio": region_label(m.regio),
            "status": self.vocab["statussen"].label(m.status),
            "planversie": m.planversie,
            "vastgesteld": set_on(m.vastgesteld),
            "volgende_evaluatie": date_text(m.volgende_evaluatie) or _("not planned yet"),
            "auteurs": format_list(texts(m.auteurs)),
            "akkoord": [{"wie": self.who(a.wie), "datum": date_text(a.datum)} for a in m.akkoord],
        }

    def person_base(self) -> PersonBase:
        p, v = self.casus.persoon, self.vocab
        return {
            "naam": text(p.naam),
            "roepnaam": text(p.roepnaam),
            "geboortedatum": date_text(p.geboortedatum),
            "verblijf": v["verblijf"].label(p.verblijf),
            "verblijf_toelichting": text(p.verblijf_toelichting),
            "problematiek_toelichting": text(p.problematiek_toelichting),
        }

    def persoon(self) -> PersonView:
        p = self.casus.persoon
        return {**self.person_base(), "problematiek": problem_labels(p, self.vocab),
                "juridisch_kader": self.juridisch_kader()}

    def juridisch_kader(self) -> list[TitleEntry]:
        return legal_frame(self.casus.persoon, self.vocab)

    def gegevensdeling(self) -> SharingView:
        g = self.casus.gegevensdeling
        return {
            "route": self.vocab["routes"].label(g.route),
            "route_sleutel": g.route,
            "toestemming_datum": date_text(g.toestemming_datum),
            "toestemming_omvang": text(g.toestemming_omvang),
            "ingetrokken": g.ingetrokken,
            "ingetrokken_datum": date_text(g.ingetrokken_datum),
            "toelichting": text(g.toelichting),
            "per_partner": self.basis_per_partner(),
        }

    def basis_per_partner(self) -> list[PartnerBasis]:
        """Each partner's own basis (issue 12), as the partner sheets apply it."""
        from levensloop_docs.reference.policy import load_policy, sharing

        policy, v = load_policy(), self.vocab
        out: list[PartnerBasis] = []
        for p in self.casus.netwerk.partners:
            kind = str(v["rollen"].get(p.rol, "partnersoort", p.rol))
            if kind not in policy.partners:
                continue  # the regisseurs hold the plan itself
            share = sharing(policy, self.casus, kind, self.today, {p.id})
            bases: list[BasisEntry] = [
                {"route": v["routes"].label(b.route), "vanaf": date_text(b.since),
                 "titels": format_list(v["titels"].label(t) for t in b.titles)}
                for b in share.bases
            ]
            out.append({"partner": self.who(p.id), "grondslagen": bases})
        return out

    def levensgebieden(self) -> list[AreaView]:
        return [area_view(g, self.vocab, self.names) for g in self.casus.levensgebieden]

    def opschaling(self) -> EscalationView:
        o, v = self.casus.opschaling, self.vocab
        stappen = [escalation_step(i, s, v, self.names) for i, s in enumerate(o.stappen, start=1)]
        return {"stappen": stappen, "afschaling": deescalation_view(o.afschaling, v)}

    def risicotaxaties(self) -> list[RiskEntry]:
        return risk_entries(self.casus.risicotaxaties, self.vocab)

    def uitstroom(self) -> ExitView:
        # Judged on the day this version was set: an archived plan must not change when reprinted.
        status = exit_status(self.casus, self.casus.meta.vastgesteld or self.today)
        labels = exit_criterion_labels()
        u = self.casus.uitstroom
        return {
            "criteria": [
                {"naam": labels[c.key], "voldaan": yes_no(c.met)} for c in status.criteria
            ],
            "alle_voldaan": status.all_met,
            "stabiel_sinds": date_text(status.stable_since) or _("unknown"),
            "vroegste_datum": earliest_exit_text(status),
            "beschermende_factoren": text(u.beschermende_factoren),
            "toelichting": text(u.toelichting),
            "vervolgaanbieder": text(u.vervolgaanbieder),
            "nazorg": text(u.nazorg),
            "overdracht_datum": date_text(u.overdracht_datum),
        }

    def ringen(self, partners: Sequence[PartnerEntry]) -> list[RingView]:
        """The network split into first and second ring; an empty ring is left out."""
        out: list[RingView] = []
        for ring, titel in ring_titles().items():
            members = [p for p in partners if p["ring"] == ring]
            if members:
                out.append({"ring": ring, "titel": titel, "partners": members})
        return out

    def aanspreekpunten(self, partners: Sequence[PartnerEntry]) -> list[ContactPoint]:
        out: list[ContactPoint] = []
        for rol, titel in first_contacts():
            p = next((p for p in partners if p["rol_sleutel"] == rol), None)
            if p is not None:
                reach = p["bereikbaar"].replace("\n", ", ")
                out.append({"titel": titel, "naam": p["naam"], "bereikbaar": reach})
        return out

    def build(self) -> CaseContext:
        netwerk = self.casus.netwerk
        partners = [partner_entry(p, self.vocab) for p in netwerk.partners]
        return {
            "meta": self.meta(),
            "persoon": self.persoon(),
            "gegevensdeling": self.gegevensdeling(),
            "partners": partners,
            "ringen": self.ringen(partners),
            "aanspreekpunten": self.aanspreekpunten(partners),
            "naasten": [naaste_entry(n, self.vocab) for n in netwerk.naasten],
            "levensgebieden": self.levensgebieden(),
            "scenarios": [self.scenario(s) for s in self.casus.scenarios],
            "opschaling": self.opschaling(),
            "risicotaxaties": self.risicotaxaties(),
            "uitstroom": self.uitstroom(),
            "vandaag": date_text(self.today),
            "generator": f"levensloop-docs {__version__}",
        }


def build_context(casus: Casus, vocab: Vocabularies, today: date) -> CaseContext:
    return ContextBuilder(casus, vocab, today).build()


# -- the plan -----------------------------------------------------------------------------------


class PlanMeta(MetaView):
    inclusiedatum: str
    vastgesteld_in: str
    aanwezig: list[str]
    evaluatie_ritme: str
    wijzigingen: list[str]


class PlanTitle(TitleEntry):
    afloop: bool  # ends within the plan period: the plan says what happens then


class Expiry(TypedDict):
    titel: str
    datum: str
    voorbij: bool
    wie: str
    wat: str


class PlanPerson(PersonBase):
    problematiek: str  # in running text: only the first word starts with a capital
    juridisch_kader: list[PlanTitle]
    afloop: list[Expiry]


class PlanPartner(PartnerEntry):
    buiten_kantoortijd: str


class PlanNaaste(NaasteEntry):
    wil: str
    betrokkenheid: str
    bescherming: list[str]
    slachtoffer: bool
    stem: bool  # asked what they want


class AreaOverview(TypedDict):
    gebied: str
    zrm: int | str
    status: str


class PlanPhase(PhaseStyle):
    signalen: list[str]
    acties: list[ScenarioAction]
    rood: bool


class PlanScenario(TypedDict):
    naam: str
    soort: str
    beschrijving: str
    signalen: dict[str, list[str]]
    fasen: list[PlanPhase]
    bellen: list[CallLine]
    gebieden: str


class PlanStep(StepView):
    opname: bool
    heeft_bestemming: bool
    contact: str
    biz: bool
    juridische_terugval: str
    wie_beslist: str  # who decides by law (burgemeester, rechter ...); empty for a voluntary step
    vormen: str
    terugkeer: str  # empty (the row is left out) where the question was never asked


class PlanDeescalation(DeescalationView):
    wie_stabiel: str
    randvoorwaarden: list[str]


class FormEntry(TypedDict):
    vorm: str
    waar: str


class PlanEscalation(TypedDict):
    stappen: list[PlanStep]
    afschaling: PlanDeescalation | None
    huidig_niveau: str
    huidig_sinds: str
    volgende_stap: str
    regulier_naast_biz: str
    vormen: list[FormEntry]


class ClientVoice(TypedDict):
    doelen: list[str]
    wat_helpt: list[str]
    betrokkenheid: str
    toelichting: str


class SignLine(TypedDict):
    wie: str
    rol: str
    akkoord: str
    vertegenwoordiger: bool


class PlanContext(TypedDict):
    """What ``templates/plan/levensloopplan.docx`` receives."""

    meta: PlanMeta
    persoon: PlanPerson
    gegevensdeling: SharingView
    partners: list[PlanPartner]
    ringen: list[RingView]
    aanspreekpunten: list[ContactPoint]
    naasten: list[PlanNaaste]
    levensgebieden: list[AreaView]
    levensgebieden_overzicht: list[AreaOverview]
    scenarios: list[PlanScenario]
    opschaling: PlanEscalation
    risicotaxaties: list[RiskEntry]
    uitstroom: ExitView
    client: ClientVoice
    veiligheidsafspraken: list[str]
    ondertekening: list[SignLine]
    noodnummer: str
    nachtnummers: list[NightLine]
    zrm: dict[str, object]
    zrm_grafiek: object  # the chart image (docxtpl InlineImage), or "" before the first evaluation
    vandaag: str
    generator: str


def _step_name(number: int) -> str:
    return _("step {number}").format(number=number)


def acting_partners(casus: Casus) -> list[str]:
    """Ids of partners with a task in the plan: they sign it."""
    ids: list[str] = [a.wie for g in casus.levensgebieden for a in g.acties]
    ids += [a.wie for s in casus.scenarios for a in s.acties]
    ids += [s.wie_besluit for s in casus.opschaling.stappen]
    ids += [s.bestemming.partner for s in casus.opschaling.stappen if s.bestemming.partner]
    ids += [k.bij_afloop_wie for k in casus.persoon.juridisch_kader if k.bij_afloop_wie]
    af = casus.opschaling.afschaling
    if af is not None and af.wie_stabiel:
        ids.append(af.wie_stabiel)
    return ids


class PlanView(ContextBuilder):
    """The levensloopplan: every section built once, from the case."""

    # -- meta and the person ----------------------------------------------------------------
    def plan_meta(self) -> PlanMeta:
        m, ag = self.casus.meta, self.casus.aanmelding
        inclusie = m.inclusiedatum
        if inclusie is None and ag and ag.besluit == "geincludeerd" and ag.overleg and ag.overleg.datum:
            inclusie = ag.overleg.datum
        return {
            **self.meta(),
            "inclusiedatum": date_text(inclusie),
            "vastgesteld_in": text(m.vastgesteld_in),
            "aanwezig": texts(m.aanwezig),
            "evaluatie_ritme": text(m.evaluatie_ritme),
            "wijzigingen": texts(m.wijzigingen),
        }

    def problematiek(self) -> str:
        # a list in running text: only its first word starts with a capital
        labels = [self.vocab["problematiek"].label(k) for k in self.casus.persoon.problematiek]
        return format_list(
            label if i == 0 or label[:3].isupper() else label[0].lower() + label[1:]
            for i, label in enumerate(labels)
        )

    def plan_persoon(self) -> PlanPerson:
        p, v = self.casus.persoon, self.vocab
        start = self.casus.meta.vastgesteld or self.today
        titles: list[PlanTitle] = []
        expiries: list[Expiry] = []
        for k in p.juridisch_kader:
            entry = title_entry(k, v)
            ends = k.einde is not None and start <= k.einde <= start + PLAN_PERIOD
            titles.append({**entry, "afloop": ends})
            if ends or k.bij_afloop:
                expiries.append({
                    "titel": entry["titel"],
                    "datum": entry["einde"],
                    "voorbij": k.einde is not None and k.einde < self.today,
                    "wie": self.who(k.bij_afloop_wie) if k.bij_afloop_wie else "",
                    "wat": text(k.bij_afloop),
                })
        return {**self.person_base(), "problematiek": self.problematiek(), "juridisch_kader": titles,
                "afloop": expiries}

    # -- the network ------------------------------------------------------------------------
    def plan_partner(self, p: Partner, first: tuple[str, ...]) -> PlanPartner:
        # the region decides which roles sit in the first ring
        ring = p.ring or (1 if p.rol in first else 2)
        entry = partner_entry(p, self.vocab)
        return {**entry, "ring": ring, "buiten_kantoortijd": text(p.buiten_kantoortijd)}

    def plan_aanspreekpunten(self, partners: Sequence[PartnerEntry]) -> list[ContactPoint]:
        """112 first, then the regisseurs, then every 24/7 number."""
        first: ContactPoint = {"titel": _("In immediate danger"),
                               "naam": _("Police, ambulance, fire brigade"), "bereikbaar": "112"}
        night = _("Outside office hours (day and night)")
        nights: list[ContactPoint] = [
            {"titel": _("Day and night: {what}").format(what=n["waarvoor"]) if n["waarvoor"] else night,
             "naam": n["naam"], "bereikbaar": n["telefoon"]}
            for n in self.nachtnummers()
        ]
        return [first, *self.aanspreekpunten(partners), *nights]

    def nachtnummers(self) -> list[NightLine]:
        return night_lines(self.casus, self.names)

    def plan_naaste(self, n: Naaste) -> PlanNaaste:
        slachtoffer = "slachtoffer" in n.type
        return {
            **naaste_entry(n, self.vocab),
            "wil": text(n.wil),
            "betrokkenheid": text(n.betrokkenheid),
            "bescherming": texts(n.bescherming),
            "slachtoffer": slachtoffer,
            # asked what they want: who may be contacted, or is a victim, or has said something
            "stem": n.toestemming_contact or slachtoffer or bool(n.wil or n.betrokkenheid),
        }

    # -- completeness -----------------------------------------------------------------------
    def area(self, g: Levensgebied) -> AreaView:
        view = area_view(g, self.vocab, self.names)
        if not self.vocab["levensgebieden"].get(g.gebied, "zrm", True):
            view["zrm_score"] = ""  # no ZRM domain: a score would mean nothing
        return view

    def plan_levensgebieden(self) -> tuple[list[AreaView], list[AreaOverview]]:
        """The areas with content (numbered 5.x), and every area of the vocabulary in one table."""
        gebieden = self.vocab["levensgebieden"]
        views = {g.gebied: self.area(g) for g in self.casus.levensgebieden}
        detail = [v for v in views.values() if v["situatie"] or v["risicos"] or v["doelen"] or v["acties"]]
        numbers = {id(v): i for i, v in enumerate(detail, start=1)}
        overzicht: list[AreaOverview] = []
        for key in gebieden:
            v = views.get(key)
            status = _("not discussed") if v is None else (
                _("see 5.{number}").format(number=numbers[id(v)]) if id(v) in numbers
                else _("no agreements needed"))
            zrm = (v["zrm_score"] if v else "") if gebieden.get(key, "zrm", True) else _("no ZRM domain")
            overzicht.append({"gebied": gebieden.label(key), "zrm": zrm, "status": status})
        return detail, overzicht

    # -- safety -----------------------------------------------------------------------------
    def plan_scenario(self, s: Scenario) -> PlanScenario:
        view = self.scenario(s)
        # an empty phase is left out (never a '-'); red stays: it carries 112
        fasen: list[PlanPhase] = [
            {**f, "rood": f["fase"] == "rood"}
            for f in view["fasen"] if f["signalen"] or f["acties"] or f["fase"] == "rood"
        ]
        return {
            "naam": view["naam"],
            "soort": view["soort"],
            "beschrijving": view["beschrijving"],
            "signalen": view["signalen"],
            "fasen": fasen,
            "bellen": [self.names.call_line(r) for r in s.wie_bellen],
            "gebieden": format_list(self.vocab["levensgebieden"].label(k).lower() for k in s.levensgebieden),
        }

    # -- the route --------------------------------------------------------------------------
    def plan_step(self, number: int, s: OpschalingsStap) -> PlanStep:
        v = self.vocab
        contact = destination_contact(self.casus, s)
        return {
            **escalation_step(number, s, v, self.names),
            "opname": is_admission(s.naar),
            "heeft_bestemming": has_destination(s),
            "contact": ", ".join(text(part) for part in contact) if contact else "",
            "biz": s.naar == "biz",
            "juridische_terugval": v["juridische_basis"].label(s.juridische_terugval)
            if s.juridische_terugval else "",
            # the casusregisseur initiates; for a compulsory step the law names who decides
            "wie_beslist": legal_decider(s, v),
            "vormen": format_list(v["escalatievormen"].label(k).lower() for k in s.vormen),
            "terugkeer": self.terugkeer(s) if s.terugkeer_gevraagd else "",
        }

    @staticmethod
    def terugkeer(s: OpschalingsStap) -> str:
        answer = _("Yes") if s.terugkeergarantie else _("No")
        if not s.terugkeer_toelichting:
            return answer
        return _("{answer}. {explanation}").format(answer=answer, explanation=text(s.terugkeer_toelichting))

    def plan_afschaling(self) -> PlanDeescalation | None:
        af = self.casus.opschaling.afschaling
        view = deescalation_view(af, self.vocab)
        if af is None or view is None:
            return None
        return {
            **view,
            "wie_stabiel": self.who(af.wie_stabiel) if af.wie_stabiel else "",
            "randvoorwaarden": texts(af.randvoorwaarden),
        }

    def plan_opschaling(self) -> PlanEscalation:
        o, v = self.casus.opschaling, self.vocab
        return {
            "stappen": [self.plan_step(i, s) for i, s in enumerate(o.stappen, start=1)],
            "afschaling": self.plan_afschaling(),
            "huidig_niveau": v["niveaus"].label(o.huidig_niveau) if o.huidig_niveau else "",
            "huidig_sinds": date_text(o.huidig_sinds),
            "volgende_stap": text(o.volgende_stap),
            "regulier_naast_biz": format_list(
                _step_name(i) for i, s in enumerate(o.stappen, start=1) if s.naar == "klinisch_regulier"
            ),
            "vormen": self.vormen(),
        }

    def vormen(self) -> list[FormEntry]:
        """The three forms of escalation and where each has its place: steps and scenarios."""
        vormen = self.vocab["escalatievormen"]
        out: list[FormEntry] = []
        for key in vormen:
            soorten = vormen.get(key, "scenariosoorten", []) or []
            steps = [_step_name(i) for i, s in enumerate(self.casus.opschaling.stappen, 1) if key in s.vormen]
            scen = [_("scenario 6.{number}").format(number=i)
                    for i, s in enumerate(self.casus.scenarios, 1) if s.soort in soorten]
            out.append({"vorm": vormen.label(key), "waar": format_list([*steps, *scen])})
        return out

    # -- voice and who signs ----------------------------------------------------------------
    def client(self) -> ClientVoice:
        c = self.casus.client
        return {
            "doelen": texts(c.doelen),
            "wat_helpt": texts(c.wat_helpt),
            "betrokkenheid": self.vocab["betrokkenheid"].label(c.betrokkenheid) if c.betrokkenheid else "",
            "toelichting": text(c.toelichting),
        }

    def ondertekening(self) -> list[SignLine]:
        rollen = self.vocab["rollen"]
        acting = set(acting_partners(self.casus))
        akkoord = {a.wie: a.datum for a in self.casus.meta.akkoord}
        out: list[SignLine] = []
        for p in self.casus.netwerk.partners:
            vertegenwoordiger = bool(rollen.get(p.rol, "vertegenwoordiger", False))
            if p.id in acting or p.id in akkoord or p.rol == "procesregisseur" or vertegenwoordiger:
                out.append({
                    "wie": self.who(p.id),
                    "rol": rollen.label(p.rol),
                    "akkoord": date_text(akkoord.get(p.id)),
                    "vertegenwoordiger": vertegenwoordiger,
                })
        # the client signs last, in the same table (two tables in a row merge in LibreOffice)
        out.append({"wie": text(self.casus.persoon.naam),
                    "rol": _("Client, for seen and where possible agreed"),
                    "akkoord": "", "vertegenwoordiger": False})
        return out

    def plan(self) -> PlanContext:
        first = first_ring(self.casus)
        partners = [self.plan_partner(p, first) for p in self.casus.netwerk.partners]
        areas, overview = self.plan_levensgebieden()
        # ZRM over time, as in the voortgangsverslag: only the evaluations in this version's
        # file (an archived version keeps the evaluations it had); no chart before the first
        zrm, chart = zrm_context(self.casus, self.vocab)
        return {
            "meta": self.plan_meta(),
            "persoon": self.plan_persoon(),
            "gegevensdeling": self.gegevensdeling(),
            "partners": partners,
            "ringen": self.ringen(partners),
            "aanspreekpunten": self.plan_aanspreekpunten(partners),
            "naasten": [self.plan_naaste(n) for n in self.casus.netwerk.naasten],
            "levensgebieden": areas,
            "levensgebieden_overzicht": overview,
            "scenarios": [self.plan_scenario(s) for s in self.casus.scenarios],
            "opschaling": self.plan_opschaling(),
            "risicotaxaties": self.risicotaxaties(),
            "uitstroom": self.uitstroom(),
            "client": self.client(),
            "veiligheidsafspraken": texts(self.casus.veiligheidsafspraken),
            "ondertekening": self.ondertekening(),
            "noodnummer": "112",
            "nachtnummers": self.nachtnummers(),
            "zrm": zrm,
            "zrm_grafiek": chart if chart is not None else "",
            "vandaag": date_text(self.today),
            "generator": f"levensloop-docs {__version__}",
        }


def plan_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> PlanContext:
    return PlanView(casus, vocab, today).plan()
