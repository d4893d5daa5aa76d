"""Documents for the moments of transition: the opnamebrief and the overdracht to a region.

The opnamebrief (``--document opnamebrief`` or ``opnamebrief:<step number or clinic id>``) is
the one-page handover for the clinic that admits the person: why now, what the route
agreed, what continues, where the person goes back to, the terugkeergarantie and whom to
call. It is made in advance for every case with an admission step, so that it is ready at
night. The overdracht (``--document overdracht:<regio>``) hands the case to the
levensloopteam of another region. Both carry only their audience's groups of the policy:
each is built from the case after the one gate (``reference/policy.audience_case``), so the
policy's label and free-text rules ('etiketten', 'velden') hold for them as for a partner sheet.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.case.planrules import casusregisseur, destination_contact, has_plan, is_admission
from levensloop_docs.errors import InputError
from levensloop_docs.i18n import _, format_list
from levensloop_docs.model.casus import Casus, OpschalingsStap
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import audience_case, load_policy, sharing
from levensloop_docs.reference.regions import optional_region, region_keys, region_label
from levensloop_docs.views.audience import (
    MetaLine,
    PersonLine,
    PhoneLine,
    allowed_groups,
    left_out,
    meta,
    partners_of_kind,
    person_line,
    phone_line,
    require_casusregisseur,
    require_night_number,
)
from levensloop_docs.views.common import (
    ActionEntry,
    DeescalationView,
    NaasteEntry,
    NightLine,
    PartnerEntry,
    RegionView,
    RiskEntry,
    ScenarioView,
    StepView,
    TitleEntry,
    deescalation_view,
    legal_frame,
    naaste_entry,
    night_lines,
    partner_entry,
    region_view,
    texts,
)
from levensloop_docs.views.common import date_text as d
from levensloop_docs.views.common import text as t
from levensloop_docs.views.plan import ContextBuilder, legal_decider

OUTSIDE_NETWORK = "regio-overdracht"  # an id no partner of the case has
LETTER = ("identificatie", "contacten", "scenario_taken", "signalen", "opschaling", "verblijf",
          "juridisch_kader", "problematiek", "risicotaxatie")


class Clinic(TypedDict):
    naam: str
    intake: str
    telefoon: str


class AdmissionRoute(TypedDict):
    criteria: list[str]
    wie_besluit: str
    wie_beslist: str
    basis: str
    terugval: str
    vervoer: str
    overdracht: str
    doorloopt: list[str]
    terugkeergarantie: bool
    terugkeer_toelichting: str
    afschaling: DeescalationView | None


class RedSignals(TypedDict):
    naam: str
    oranje: list[str]
    rood: list[str]


class OpnamebriefView(TypedDict):
    """What the opnamebrief template receives (``templates/overgang/opnamebrief.md``)."""

    meta: MetaLine
    stap: int
    naar: str
    kliniek: Clinic
    persoon: PersonLine | None
    verblijf: str
    problematiek: str
    juridisch: list[TitleEntry]
    route: AdmissionRoute | None
    rood: list[RedSignals] | None
    casusregisseur: PhoneLine | None
    nacht: list[NightLine]
    grondslag: str
    weggelaten: list[str]
    risico: list[str]
    bescherming: list[str]


def admission_steps(casus: Casus) -> list[tuple[int, OpschalingsStap]]:
    return [(i, s) for i, s in enumerate(casus.opschaling.stappen, start=1) if is_admission(s.naar)]


def has_admission_step(casus: Casus) -> bool:
    return has_plan(casus) and bool(admission_steps(casus))


def choose_step(casus: Casus, parameter: str | None) -> tuple[int, OpschalingsStap]:
    """By number or clinic id; without one the next admission: not the level the person is at now.

    A letter for the clinic the person is already in helps nobody; the one needed next is for
    the first admission step to another level (after afschaling from BIZ: the regular clinic).
    """
    steps = admission_steps(casus)
    if parameter is None:
        ahead = [x for x in steps if x[1].naar != casus.opschaling.huidig_niveau]
        if ahead or steps:
            return (ahead or steps)[0]
    else:
        for i, s in steps:
            if parameter == str(i) or parameter == s.bestemming.partner:
                return i, s
    known = format_list(f"{i} ({s.bestemming.partner})" if s.bestemming.partner else f"{i}" for i, s in steps)
    msg = _(
        "Case {case}: no admission step '{step}' for the opnamebrief (opschaling.stappen). "
        "Name a step to 'klinisch_regulier' or 'biz' by number or by its bestemming.partner: {known}."
    )
    raise InputError(msg.format(case=casus.meta.casus_id, step=parameter or "", known=known or "-"))


def _clinic(contact: tuple[str, str, str] | None, step: OpschalingsStap) -> Clinic:
    if contact is None:
        return {"naam": t(step.bestemming.plaats), "intake": "", "telefoon": ""}
    return {"naam": t(contact[0]), "intake": t(contact[1]), "telefoon": t(contact[2])}


def _basis(vocab: Vocabularies, key: str | None) -> str:
    return vocab["juridische_basis"].label(key) if key else ""


def opnamebrief(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> OpnamebriefView:
    policy = load_policy()
    number, step = choose_step(casus, parameter)
    require_night_number(casus, "opnamebrief")
    require_casusregisseur(casus, "opnamebrief")
    clinics = partners_of_kind(casus, vocab, "kliniek") | {step.bestemming.partner or ""} - {""}
    groups = allowed_groups(policy, "opnamebrief", casus, today, "kliniek", clinics)
    share = sharing(policy, casus, "kliniek", today, clinics)
    # the latest outcome of each instrument (a START on medication must not hide the HCR-20's
    # risk of violence in a psychosis), newest first; and who is protected, each under its own
    # group, before the case is cut down
    newest = {r.instrument: r for r in sorted(casus.risicotaxaties, key=lambda r: r.datum)}
    latest = sorted(newest.values(), key=lambda r: r.datum, reverse=True) if "risicotaxatie" in groups else []
    risico = [f"{vocab['instrumenten'].label(r.instrument)}, {d(r.datum)}: {t(r.uitkomst)}" for r in latest]
    # who must not visit or call: by relation only (a ward needs the rule, not the name)
    bescherming = [t(n.relatie) for n in casus.netwerk.naasten
                   if "slachtoffer" in n.type] if "juridisch_kader" in groups else []
    # what the letter says comes from the case after the one gate; the step was chosen above
    casus = audience_case(casus, groups)
    route = "opschaling" in groups
    if route:
        step = casus.opschaling.stappen[number - 1]
    b, v, p = ContextBuilder(casus, vocab, today), vocab, casus.persoon
    contact = destination_contact(casus, step)
    regisseur = casusregisseur(casus)
    return {
        "meta": meta(casus, today),
        "stap": number,
        "naar": v["niveaus"].label(step.naar),
        # the destination is part of the route: without 'opschaling' the letter is addressed plainly
        "kliniek": _clinic(contact, step) if route else {"naam": "", "intake": "", "telefoon": ""},
        "persoon": person_line(casus)
        if "identificatie" in groups else None,
        "verblijf": v["verblijf"].label(p.verblijf) if "verblijf" in groups else "",
        "problematiek": format_list(v["problematiek"].label(k) for k in p.problematiek)
        if "problematiek" in groups else "",
        # only what runs today: an ended title is no ground for an admission
        "juridisch": [e for e, k in zip(legal_frame(p, v), p.juridisch_kader, strict=True)
                      if k.einde is None or k.einde >= today] if "juridisch_kader" in groups else [],
        "route": {
            "criteria": texts(step.criteria),
            "wie_besluit": b.who(step.wie_besluit),
            "wie_beslist": legal_decider(step, v),
            "basis": _basis(vocab, step.juridische_basis),
            "terugval": _basis(vocab, step.juridische_terugval),
            "vervoer": t(step.vervoer),
            "overdracht": t(step.overdracht),
            "doorloopt": texts(step.doorloopt),
            "terugkeergarantie": step.terugkeergarantie,
            "terugkeer_toelichting": t(step.terugkeer_toelichting),
            "afschaling": deescalation_view(casus.opschaling.afschaling, v),
        } if route else None,
        "rood": [
            {"naam": (t(s.naam) if "scenario_taken" in groups else "") or _("Scenario {n}").format(n=i),
             "oranje": texts(s.signalen.oranje), "rood": texts(s.signalen.rood)}
            for i, s in enumerate(casus.scenarios, start=1)
        ] if "signalen" in groups else None,
        "casusregisseur": phone_line(regisseur) if regisseur and "contacten" in groups else None,
        "nacht": night_lines(casus),
        "grondslag": v["routes"].label(share.route),
        "weggelaten": left_out(policy, groups, LETTER),
        "risico": risico,
        "bescherming": bescherming,
    }


def opnamebrief_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> OpnamebriefView:
    return opnamebrief(casus, vocab, today, parameter)


# -- overdracht to another region ----------------------------------------------------------

class TransferMeta(MetaLine):
    regio: str


class Stay(TypedDict):
    label: str
    toelichting: str


class OpenAction(ActionEntry):
    gebied: str


class Supervision(TypedDict):
    titel: str
    einde: str


class Consent(TypedDict):
    datum: str
    tot: str
    verlopen: bool


class OverdrachtView(TypedDict):
    """What the overdracht template receives (``templates/overgang/overdracht.md``)."""

    meta: TransferMeta
    naar: RegionView
    persoon: PersonLine | None
    verblijf: Stay | None
    juridisch: list[TitleEntry]
    problematiek: str
    acties: list[OpenAction]
    scenarios: list[ScenarioView]
    niveau: str
    stappen: list[StepView]
    afschaling: DeescalationView | None
    risicotaxaties: list[RiskEntry]
    naasten: list[NaasteEntry]
    contacten: list[PartnerEntry]
    toezicht: list[Supervision]
    toestemming: Consent | None
    grondslag: str
    ingetrokken: bool
    weggelaten: list[str]


def target_region(casus: Casus, parameter: str | None) -> RegionView:
    if parameter is None or parameter not in region_keys() or parameter == casus.meta.regio:
        msg = _(
            "Case {case}: name the region that takes over, e.g. overdracht:drenthe. "
            "Choose another region than the case's own: {known}."
        )
        known = ", ".join(k for k in region_keys() if k != casus.meta.regio)
        raise InputError(msg.format(case=casus.meta.casus_id, known=known))
    # a profile that cannot be read still names the region; its contacts stay empty
    return {**region_view(parameter, optional_region(parameter)), "naam": region_label(parameter)}


def overdracht(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> OverdrachtView:
    policy = load_policy()
    naar = target_region(casus, parameter)
    g = casus.gegevensdeling
    # the receiving team is outside the network the consent named: at most what a clinic gets
    # on the basis that holds for a partner outside the consent scope
    share = sharing(policy, casus, "kliniek", today, {OUTSIDE_NETWORK})
    groups = set(allowed_groups(policy, "overdracht", casus, today)) & set(share.groups)
    # the receiving team takes over every duty: everyone's actions and scenario tasks go along
    duties = {a.wie for lg in casus.levensgebieden for a in lg.acties}
    duties |= {a.wie for s in casus.scenarios for a in s.acties}
    regio = casus.meta.regio
    consent = _consent(casus, today)  # the basis of the letter itself, as 'grondslag' is
    # from here on only what the policy allows: the case after the one gate
    casus = audience_case(casus, groups, duties, share.groups)
    b, o = ContextBuilder(casus, vocab, today), casus.opschaling
    persoon = b.persoon()
    escalation = b.opschaling()
    return {
        "meta": {**meta(casus, today), "regio": region_label(regio)},
        "naar": naar,
        "persoon": person_line(casus)
        if "identificatie" in groups else None,
        "verblijf": {"label": persoon["verblijf"], "toelichting": persoon["verblijf_toelichting"]}
        if "verblijf" in groups else None,
        "juridisch": persoon["juridisch_kader"],
        "problematiek": persoon["problematiek"],
        "acties": [
            {"gebied": vocab["levensgebieden"].label(lg.gebied), **b.actie(a)}
            for lg in casus.levensgebieden for a in lg.acties if a.status != "afgerond"
        ],
        "scenarios": [b.scenario(s) for s in casus.scenarios]
        if "signalen" in groups and "scenario_taken" in groups else [],
        "niveau": vocab["niveaus"].label(o.huidig_niveau) if o.huidig_niveau else "",
        "stappen": escalation["stappen"],
        "afschaling": escalation["afschaling"],
        "risicotaxaties": b.risicotaxaties(),
        "naasten": [naaste_entry(n, vocab) for n in casus.netwerk.naasten if n.toestemming_contact],
        "contacten": [partner_entry(x, vocab) for x in casus.netwerk.partners]
        if "contacten" in groups else [],
        "toezicht": _supervision(casus, vocab, today, policy.grounds),
        "toestemming": consent,
        "grondslag": vocab["routes"].label(g.route),
        "ingetrokken": share.withdrawn,
        # in the policy file's order (a set's order changes from run to run)
        "weggelaten": left_out(policy, tuple(groups), tuple(policy.audiences.get("overdracht", ()))),
    }


def _supervision(casus: Casus, vocab: Vocabularies, today: date,
                 grounds: dict[str, tuple[str, ...]]) -> list[Supervision]:
    """The criminal titles that still run: their supervision has to move with the person
    (none without 'juridisch_kader': the gate left no titles)."""
    criminal = set(grounds.get("onder_voorwaarden", ()))
    return [{"titel": vocab["titels"].label(k.titel), "einde": d(k.einde)}
            for k in casus.persoon.juridisch_kader
            if k.titel in criminal and k.titel != "detentie" and (k.einde is None or k.einde >= today)]


def _consent(casus: Casus, today: date) -> Consent | None:
    """Recorded consent: since when and until when; whether it still holds on the letter's date."""
    g = casus.gegevensdeling
    if g.toestemming_datum is None or g.ingetrokken:
        return None
    until = g.toestemming_geldig_tot
    return {"datum": d(g.toestemming_datum), "tot": d(until), "verlopen": until is not None and until < today}


def overdracht_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> OverdrachtView:
    return overdracht(casus, vocab, today, parameter)
