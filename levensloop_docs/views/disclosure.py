"""What a document for someone outside the case team discloses: to whom, on what basis, which groups.

The disclosure register (``case/register.py``) records this for every partner sheet,
crisiskaart, opnamebrief, overdracht and client document. Nothing here is a list of its
own: each document's audience and groups are asked of the same policy gate its view asks
(``sharing`` for a partner sheet, ``allowed_groups`` for a document with an audience of its
own, with the same arguments), so the register says what the document could carry. A
document not named in ``_DISCLOSURES`` stays within the case team and is not recorded.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import VOLUNTARY, Policy, Sharing, load_policy, sharing

Context = dict[str, Any]


@dataclass(frozen=True)
class Disclosure:
    """One document's audience, basis and groups, as the register stores them (plain data)."""

    publiek: Context  # soort (partner, client, regio), sleutel, label, partners [{id, organisatie}]
    grondslag: Context
    # [group key, label] pairs in the policy's order (a list: the register's JSON sorts object keys)
    gedeeld: list[list[str]]
    weggelaten: list[list[str]]


def disclosure(
    context: str, casus: Casus, vocab: Vocabularies, today: date, parameter: str | None,
    name: str = "",
) -> Disclosure | None:
    """The disclosure of document ``name`` with view ``context`` (None: it stays with the case team)."""
    make = _maker(context, name)
    return None if make is None else make(casus, vocab, today, parameter)


def discloses(context: str, name: str = "") -> bool:
    return _maker(context, name) is not None


def _maker(context: str, name: str) -> Callable[[Casus, Vocabularies, date, str | None], Disclosure] | None:
    # the uitstroombesluit and the warme-overdrachtsbrief share one view: the name tells them apart
    return _BY_DOCUMENT.get((context, name)) or _DISCLOSURES.get(context)


# -- the pieces -----------------------------------------------------------------------------

def _groups(policy: Policy, groups: Collection[str], audience: str | None) -> tuple[
        list[list[str]], list[list[str]]]:
    """(shared, withheld): withheld is every group of the policy (and of this audience) not shared."""
    known = [*policy.groups, *(k for k in sorted(policy.audience(audience or "")) if k not in policy.groups)]
    shared = [[k, policy.group_label(k)] for k in known if k in groups]
    withheld = [[k, policy.group_label(k)] for k in known if k not in groups]
    return shared, withheld


def _basis(share: Sharing, casus: Casus, vocab: Vocabularies) -> Context:
    """The basis the gate applied: each route with its date, its titles and their end dates."""
    g, routes, titels = casus.gegevensdeling, vocab["routes"], vocab["titels"]
    ends = {k.titel: k.einde for k in casus.persoon.juridisch_kader}
    bases = [{
        "route": b.route, "label": routes.label(b.route), "toestemming": b.route == VOLUNTARY,
        "sinds": _iso(b.since),
        "titels": [{"titel": t, "label": titels.label(t), "einde": _iso(ends.get(t))} for t in b.titles],
    } for b in share.bases]  # fmt: skip
    consent = any(b["toestemming"] for b in bases)
    return {
        "soort": "grondslag" if bases else "geen",
        "route": share.route, "route_label": routes.label(share.route),
        "reden": share.reason, "ingetrokken": share.withdrawn,
        "grondslagen": bases,
        # the consent's scope (empty: the whole network) and the period it was given for
        "reikwijdte": list(g.toestemming_partners) if consent else [],
        "toestemming_tot": _iso(g.toestemming_geldig_tot) if consent else None,
    }


def _own_data(casus: Casus, vocab: Vocabularies) -> Context:
    """A client document: the client's own data, given to the client (no third party)."""
    route = casus.gegevensdeling.route
    return {"soort": "eigen", "route": route, "route_label": vocab["routes"].label(route), "reden": "",
            "ingetrokken": False, "grondslagen": [], "reikwijdte": [], "toestemming_tot": None}


def _registration(casus: Casus) -> Context:
    """The aanmelding itself as the basis: the referrer hears the decision, the ZVH gets its form."""
    route = casus.gegevensdeling.route
    return {"soort": "aanmelding", "route": route, "route_label": "", "reden": "", "ingetrokken": False,
            "grondslagen": [], "reikwijdte": [], "toestemming_tot": None}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _partners(casus: Casus, ids: set[str]) -> list[Context]:
    return [{"id": p.id, "organisatie": p.organisatie} for p in casus.netwerk.partners if p.id in ids]


# -- per document ---------------------------------------------------------------------------

def _partner_sheet(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    from levensloop_docs.views.partner_sheet import resolve_kind, sheet_label

    policy = load_policy()
    kind, roles = resolve_kind(parameter, policy, vocab)
    own = {p.id for p in casus.netwerk.partners if p.rol in roles}
    share = sharing(policy, casus, kind, today, own)  # as PartnerView does
    shared, withheld = _groups(policy, share.groups, None)
    audience = {"soort": "partner", "sleutel": kind, "label": sheet_label(vocab, kind, roles),
                "partners": _partners(casus, own)}
    return Disclosure(audience, _basis(share, casus, vocab), shared, withheld)


def _crisiskaart(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    from levensloop_docs.views.audience import allowed_groups
    from levensloop_docs.views.partner_sheet import resolve_kind, sheet_label

    policy = load_policy()
    kind, roles = resolve_kind(parameter, policy, vocab)
    own = {p.id for p in casus.netwerk.partners if p.rol in roles}
    groups = allowed_groups(policy, "crisiskaart", casus, today, kind, own)  # as the card does
    shared, withheld = _groups(policy, groups, "crisiskaart")
    audience = {"soort": "partner", "sleutel": kind, "label": sheet_label(vocab, kind, roles),
                "partners": _partners(casus, own)}
    return Disclosure(audience, _basis(sharing(policy, casus, kind, today, own), casus, vocab),
                      shared, withheld)


def _opnamebrief(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    from levensloop_docs.views.audience import allowed_groups, partners_of_kind
    from levensloop_docs.views.overgang import choose_step

    policy = load_policy()
    _number, step = choose_step(casus, parameter)
    clinics = partners_of_kind(casus, vocab, "kliniek") | {step.bestemming.partner or ""} - {""}
    groups = allowed_groups(policy, "opnamebrief", casus, today, "kliniek", clinics)  # as the letter does
    shared, withheld = _groups(policy, groups, "opnamebrief")
    target = step.bestemming.partner
    receivers = _partners(casus, {target}) if target else []
    clinic = vocab["partnersoorten"].label("kliniek")
    if not receivers:  # a destination outside the network: named by its place
        receivers = [{"id": "", "organisatie": step.bestemming.plaats or clinic}]
    audience = {"soort": "partner", "sleutel": "kliniek", "label": clinic, "partners": receivers}
    share = sharing(policy, casus, "kliniek", today, clinics)
    return Disclosure(audience, _basis(share, casus, vocab), shared, withheld)


def _overdracht(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    from levensloop_docs.reference.regions import region_label
    from levensloop_docs.views.audience import allowed_groups
    from levensloop_docs.views.overgang import OUTSIDE_NETWORK, target_region

    policy = load_policy()
    naar = target_region(casus, parameter)
    share = sharing(policy, casus, "kliniek", today, {OUTSIDE_NETWORK})  # as the overdracht does
    groups = set(allowed_groups(policy, "overdracht", casus, today)) & set(share.groups)
    shared, withheld = _groups(policy, groups, "overdracht")
    team = naar["aanbieder"]["naam"] or _("levensloopteam of region {region}").format(
        region=naar["naam"])
    audience = {"soort": "regio", "sleutel": parameter or "", "label": region_label(parameter or ""),
                "partners": [{"id": "", "organisatie": team}]}
    return Disclosure(audience, _basis(share, casus, vocab), shared, withheld)


def _for_client(audience_name: str) -> Callable[[Casus, Vocabularies, date, str | None], Disclosure]:
    def make(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
        from levensloop_docs.views.audience import allowed_groups

        policy = load_policy()
        groups = allowed_groups(policy, audience_name, casus, today)  # as the client document does
        shared, withheld = _groups(policy, groups, audience_name)
        audience = {"soort": "client", "sleutel": "client", "label": _("the client"), "partners": []}
        return Disclosure(audience, _own_data(casus, vocab), shared, withheld)

    return make


def _terugkoppeling(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    from levensloop_docs.views.common import text

    policy = load_policy()
    shared, withheld = _groups(policy, policy.audience("terugkoppeling"), "terugkoppeling")
    referrer = casus.aanmelding.aanmelder.organisatie if casus.aanmelding else ""
    audience = {"soort": "partner", "sleutel": "aanmelder", "label": _("referrer"),
                "partners": [{"id": "", "organisatie": text(referrer)}]}
    return Disclosure(audience, _registration(casus), shared, withheld)


def _overdrachtsbrief(casus: Casus, vocab: Vocabularies, today: date, parameter: str | None) -> Disclosure:
    """The warme-overdrachtsbrief is not cut to a policy: what it prints, as it prints it.

    Its audience list is what the letter always shows; a word it prints says more (the route
    when no consent holds on the handover day, the name of each scenario's kind): those
    groups are added, so the register never says less than the letter did.
    """
    from levensloop_docs.views.common import text
    from levensloop_docs.views.overgang import OUTSIDE_NETWORK
    from levensloop_docs.views.uitstroom import consent_on_handover

    policy = load_policy()
    groups = set(policy.audience("overdrachtsbrief"))
    if not consent_on_handover(casus, vocab)["geldig"]:
        groups |= set(policy.label_groups("routes", casus.gegevensdeling.route))
    for s in casus.scenarios:
        groups |= set(policy.label_groups("scenariosoorten", s.soort))
    shared, withheld = _groups(policy, groups, "overdrachtsbrief")
    provider = vocab["partnersoorten"].label("zorgaanbieder")
    audience = {"soort": "partner", "sleutel": "vervolgaanbieder", "label": _("next provider"),
                "partners": [{"id": "", "organisatie": text(casus.uitstroom.vervolgaanbieder) or provider}]}
    share = sharing(policy, casus, "zorgaanbieder", today, {OUTSIDE_NETWORK})
    return Disclosure(audience, _basis(share, casus, vocab), shared, withheld)


def zvh_form(casus: Casus, form_name: str) -> Disclosure:
    """The ZVH's own PDF form, filled from the aanmelding: what its mapping can read."""
    from levensloop_docs.reference.regions import optional_region

    policy = load_policy()
    shared, withheld = _groups(policy, policy.audience("zvh_formulier"), "zvh_formulier")
    region = optional_region(casus.meta.regio)
    name = (region.zvh.naam if region is not None else "") or _("Zorg- en Veiligheidshuis")
    audience = {"soort": "partner", "sleutel": "zvh", "label": _("Zorg- en Veiligheidshuis"),
                "partners": [{"id": "", "organisatie": name}], "formulier": form_name}
    return Disclosure(audience, _registration(casus), shared, withheld)


def inzage(casus: Casus, held_back: int) -> Disclosure:
    """The copy for the client's own inzageverzoek: everything the case holds, but what was laid
    aside for the professional to decide on (what others told, ``naasten_toelichting``)."""
    policy = load_policy()
    every = [*policy.groups, *policy.audience_labels]
    apart = {"naasten_toelichting"} if held_back else set()
    shared = [[k, policy.group_label(k)] for k in every if k not in apart]
    withheld = [[k, policy.group_label(k)] for k in every if k in apart]
    audience = {"soort": "client", "sleutel": "inzage", "label": _("the client (inzage)"), "partners": []}
    basis = {"soort": "inzage", "route": casus.gegevensdeling.route, "route_label": "", "reden": "",
             "ingetrokken": False, "grondslagen": [], "reikwijdte": [], "toestemming_tot": None}
    return Disclosure(audience, basis, shared, withheld)


# (view context, document name) -> its disclosure, where one view serves documents with
# different readers
_BY_DOCUMENT: dict[tuple[str, str], Callable[[Casus, Vocabularies, date, str | None], Disclosure]] = {
    ("uitstroom", "overdrachtsbrief"): _overdrachtsbrief,
}

# view context name (templates/documenten.yaml 'context:') -> its disclosure; the policy
# audience names are those the client views pass to allowed_groups
_DISCLOSURES: dict[str, Callable[[Casus, Vocabularies, date, str | None], Disclosure]] = {
    "partnerblad": _partner_sheet,
    "crisiskaart": _crisiskaart,
    "opnamebrief": _opnamebrief,
    "overdracht": _overdracht,
    "signaleringsplan": _for_client("client"),
    "toestemming": _for_client("toestemming"),
    "plan_client": _for_client("plan_client"),
    "terugkoppeling": _terugkoppeling,
}
