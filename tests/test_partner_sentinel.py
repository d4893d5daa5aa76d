"""Sentinel test: every text field of a case carries a unique marker; every partner sheet,
under every route, shows exactly the markers the policy allows for that partner, and no other.

The expectation ("oracle") is written here from the policy's meaning, field by field, not by
calling the sheet builder: a marker is tagged with its group and with whose data it is.
"""

from __future__ import annotations

import html
import re
import typing
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from _pdf_helpers import pdf_text, squash
from conftest import TODAY, RunCli, libreoffice_or_skip

ROUTES = ["vrijwillig", "onder_voorwaarden", "wvggz", "wzd", "bemoeizorg"]
# a voluntary route with withdrawn consent: with running titles (other bases), and without;
# the Wvggz route after its zorgmachtiging ended (the bijzondere voorwaarden still run);
# consent that covers only the gemeente and the two regisseurs
VARIANTS = [*ROUTES, "ingetrokken_met_titel", "ingetrokken_zonder_titel", "titel_geeindigd",
            "toestemming_beperkt", "onder_voorwaarden_met_toestemming"]
CONSENT_SCOPE = ["gem", "casus", "zvh"]
CONTACT_IDS = {"casus", "zvh", "gem"}
PARTNERS = {  # id -> role
    "casus": "levensloopaanbieder", "zvh": "procesregisseur", "gem": "gemeente",
    "recl": "reclassering", "pol": "politie", "pi": "penitentiaire_inrichting",
    "om": "openbaar_ministerie", "woco": "woningcorporatie", "kliniek": "kliniek",
    "ggz": "ggz", "vz": "verslavingszorg", "bw": "beschermd_wonen", "bewind": "bewindvoerder",
    "zv": "zorgverzekeraar", "ed": "ervaringsdeskundige", "ov": "overig",
}  # fmt: skip
GEBIEDEN = ["financien", "werk_opleiding", "tijdsbesteding", "huisvesting", "huiselijke_relaties",
            "geestelijke_gezondheid", "lichamelijke_gezondheid", "middelengebruik", "basale_adl",
            "instrumentele_adl", "sociaal_netwerk", "maatschappelijke_participatie", "justitie",
            "basisvoorwaarden", "veiligheid", "financien"]  # fmt: skip
NEVER = "never"


@dataclass(frozen=True)
class Marker:
    text: str
    path: str  # the field, with [] for list items: levensgebieden[].situatie
    group: str  # policy group, or NEVER
    owner: str | None = None  # partner id whose data it is (own actions, scenarios)
    step: int | None = None  # opschaling step number, or 0 for the afschaling
    reveals: frozenset[str] = frozenset()  # what its content can name besides its group (F4)


JUR, PROB, STORY = "juridisch_kader", "problematiek", "naasten_toelichting"
# What people write in a field can name more than the field's group: written from what such texts
# say in real plans (review of 7 December 2026, F4), not from the policy file.
REVEALS: dict[str, frozenset[str]] = {
    # "Na een aanhouding kiest de rechter-commissaris of het OM voor zorg in plaats van detentie"
    "opschaling.stappen[].criteria[]": frozenset({JUR, PROB}),
    # "FVA Amersfoort", "FPK Heuvelland": a forensic ward names the frame and the problems
    "opschaling.stappen[].bestemming.plaats": frozenset({JUR, PROB}),
    # "politie brengt hem op last van de officier"
    "opschaling.stappen[].vervoer": frozenset({JUR}),
    # "het plan en de medicatielijst gaan mee"
    "opschaling.stappen[].overdracht": frozenset({PROB}),
    # "het reclasseringstoezicht loopt door", "depotmedicatie"
    "opschaling.stappen[].doorloopt[]": frozenset({JUR, PROB}),
    "opschaling.stappen[].terugkeer_toelichting": frozenset({JUR, PROB}),
    # "drie maanden zonder psychose", "FPK Heuvelland verklaart stabiel"
    "opschaling.afschaling.criteria[]": frozenset({PROB}),
    "opschaling.afschaling.bestemming": frozenset({JUR, PROB}),
    "opschaling.afschaling.warme_overdracht": frozenset({PROB}),
    "opschaling.afschaling.randvoorwaarden[]": frozenset({JUR, PROB}),
    # a naaste's own story, wishes and protection: theirs, not the client's
    "netwerk.naasten[].toelichting": frozenset({STORY}),
    "netwerk.naasten[].wil": frozenset({STORY}),
    "netwerk.naasten[].betrokkenheid": frozenset({STORY}),
    "netwerk.naasten[].bescherming[]": frozenset({STORY}),
}


class Markers:
    def __init__(self) -> None:
        self.all: list[Marker] = []

    def __call__(self, path: str, group: str, owner: str | None = None, step: int | None = None) -> str:
        text = f"MK{len(self.all):04d}Z"
        self.all.append(Marker(text, path, group, owner, step, REVEALS.get(path, frozenset())))
        return text


def sentinel_case(variant: str) -> tuple[dict[str, Any], Markers]:
    m = Markers()
    route = case_route(variant)
    titles_end = date(2026, 1, 1) if variant == "ingetrokken_zonder_titel" else None
    zm_end = date(2026, 1, 1) if variant == "titel_geeindigd" else titles_end
    partners = [
        {
            "id": pid,
            "rol": rol,
            "organisatie": m("netwerk.partners[].organisatie", "contacten", pid),
            "contactpersoon": m("netwerk.partners[].contactpersoon", "contacten", pid),
            "functie": m("netwerk.partners[].functie", "contacten", pid),
            "telefoon": "050-0000000",
            "email": f"{pid}@voorbeeld.nl",
            # the 24/7 number of the levensloopaanbieder (crisiskaart, opnamebrief)
            "buiten_kantoortijd": "050-0000999" if pid == "casus" else None,
        }
        for pid, rol in PARTNERS.items()
    ]
    levensgebieden = [
        {
            "gebied": GEBIEDEN[i],
            "situatie": m("levensgebieden[].situatie", "achtergrond", pid),
            "risicos": [m("levensgebieden[].risicos[]", "achtergrond", pid)],
            "doelen": [m("levensgebieden[].doelen[]", "achtergrond", pid)],
            "acties": [
                {
                    "wat": m("levensgebieden[].acties[].wat", "eigen_acties", pid),
                    "wie": pid,
                    "wanneer": m("levensgebieden[].acties[].wanneer", "eigen_acties", pid),
                }
            ],
        }
        for i, pid in enumerate(PARTNERS)
    ]
    scenarios = [
        {
            # the name says what the scenario is about, like its description
            "naam": m("scenarios[].naam", "signalen", pid),
            "beschrijving": m("scenarios[].beschrijving", "signalen", pid),
            "signalen": {
                f: [m("scenarios[].signalen.fase[]", "signalen", pid)] for f in ("groen", "oranje", "rood")
            },
            "acties": [
                {"fase": "oranje", "wie": pid, "wat": m("scenarios[].acties[].wat", "scenario_taken", pid)},
                # another partner's duty in the same scenario: never on this partner's sheet
                {
                    "fase": "rood",
                    "wie": "casus" if pid != "casus" else "zvh",
                    "wat": m("scenarios[].acties[].wat", NEVER),
                },
            ],
            "wie_bellen": ["casus", "zvh", "vz"],
            # the client's own words: only on the signaleringsplan for the client
            "in_eigen_woorden": {
                "titel": m("scenarios[].in_eigen_woorden.titel", NEVER),
                **{f: [m(f"scenarios[].in_eigen_woorden.{f}[]", NEVER)]
                   for f in ("groen", "oranje", "rood", "wat_helpt")},
            },
        }
        for pid in PARTNERS
        if pid != "casus"
    ]
    stappen = [
        # naar intensief_ambulant: in Groningen levensloopaanbieder, procesregisseur, reclassering
        _step(m, 1, "ambulant", "intensief_ambulant", "casus"),
        # naar biz: levensloopaanbieder, kliniek, openbaar_ministerie, politie
        _step(m, 2, "klinisch_regulier", "biz", "casus"),
        # decided by the woningcorporatie (not in any route step of the region)
        _step(m, 3, "intensief_ambulant", "klinisch_regulier", "woco"),
    ]
    case = {
        "meta": {
            "casus_id": "LLA-2026-0999",
            "regio": "groningen",
            "status": "geincludeerd",
            "planversie": 1,
            "vastgesteld": "2026-10-01",
            "volgende_evaluatie": "2027-04-01",
            "auteurs": [m("meta.auteurs[]", NEVER)],
            "akkoord": [{"wie": "casus"}],
            # plan-only: where and with whom the plan was set, the evaluation rhythm
            "vastgesteld_in": m("meta.vastgesteld_in", NEVER),
            "aanwezig": [m("meta.aanwezig[]", NEVER)],
            "evaluatie_ritme": m("meta.evaluatie_ritme", NEVER),
            "wijzigingen": [m("meta.wijzigingen[]", NEVER)],
        },
        "persoon": {
            "naam": m("persoon.naam", "identificatie"),
            "roepnaam": m("persoon.roepnaam", "identificatie"),
            "geboortedatum": "1980-01-01",
            "verblijf": "dakloos",
            "verblijf_toelichting": m("persoon.verblijf_toelichting", "verblijf"),
            "problematiek": ["ggz"],
            "problematiek_toelichting": m("persoon.problematiek_toelichting", "problematiek"),
            "juridisch_kader": [
                {
                    "titel": "bijzondere_voorwaarden",
                    "start": "2025-06-01",
                    "einde": titles_end,
                    "toelichting": m("persoon.juridisch_kader[].toelichting", "juridisch_kader"),
                    # what happens when the title ends: in the plan only
                    "bij_afloop": m("persoon.juridisch_kader[].bij_afloop", NEVER),
                    "bij_afloop_wie": "casus",
                },
                {
                    "titel": "wvggz_zorgmachtiging",
                    "start": "2025-06-01",
                    "einde": zm_end,
                    "toelichting": m("persoon.juridisch_kader[].toelichting", "juridisch_kader"),
                },
            ],
        },
        "gegevensdeling": {
            "route": route,
            # consent is recorded on the voluntary route only: no other basis slips in
            "toestemming_datum": "2026-09-01" if route == "vrijwillig" or "toestemming" in variant else None,
            "toestemming_omvang": m("gegevensdeling.toestemming_omvang", NEVER),
            "toelichting": m("gegevensdeling.toelichting", NEVER),
            "ingetrokken": variant.startswith("ingetrokken"),
            "ingetrokken_datum": "2026-11-01" if variant.startswith("ingetrokken") else None,
            **({"toestemming_partners": CONSENT_SCOPE} if variant == "toestemming_beperkt" else {}),
        },
        "netwerk": {
            "partners": partners,
            "naasten": [
                {
                    "id": "zus",
                    "naam": m("netwerk.naasten[].naam", "naasten"),
                    "relatie": m("netwerk.naasten[].relatie", "naasten"),
                    # 'slachtoffer' tells what the client did to her: her story, not a contact detail
                    "type": ["hulpbron", "slachtoffer"],
                    "toestemming_contact": True,
                    # consent to contact a naaste is no consent to share their story
                    "toelichting": m("netwerk.naasten[].toelichting", NEVER),
                    # the naaste's own voice and victim protection: in the plan only
                    "wil": m("netwerk.naasten[].wil", NEVER),
                    "betrokkenheid": m("netwerk.naasten[].betrokkenheid", NEVER),
                    "bescherming": [m("netwerk.naasten[].bescherming[]", NEVER)],
                    "afspraak_client": m("netwerk.naasten[].afspraak_client", NEVER),
                },
                # no consent for contact: on no sheet at all
                {
                    "id": "broer",
                    "naam": m("netwerk.naasten[].naam", NEVER),
                    "relatie": m("netwerk.naasten[].relatie", NEVER),
                    "toestemming_contact": False,
                    "toelichting": m("netwerk.naasten[].toelichting", NEVER),
                    # an agreement, but no consent for contact: not on the client's plan either
                    "afspraak_client": m("netwerk.naasten[].afspraak_client", NEVER),
                },
            ],
        },
        "levensgebieden": levensgebieden,
        "scenarios": scenarios,
        "opschaling": {
            "stappen": stappen,
            "afschaling": {
                "criteria": [m("opschaling.afschaling.criteria[]", "opschaling", step=0)],
                "naar": "ambulant",
                "bestemming": m("opschaling.afschaling.bestemming", "opschaling", step=0),
                "warme_overdracht": m("opschaling.afschaling.warme_overdracht", "opschaling", step=0),
                "randvoorwaarden": [m("opschaling.afschaling.randvoorwaarden[]", NEVER)],
                "wie_stabiel": "kliniek",
            },
            "huidig_niveau": "biz",
            "volgende_stap": m("opschaling.volgende_stap", NEVER),
        },
        "risicotaxaties": [
            {
                "instrument": "HKT-R",
                "datum": "2026-09-15",
                "uitkomst": m("risicotaxaties[].uitkomst", "risicotaxatie"),
                "uitgevoerd_door": m("risicotaxaties[].uitgevoerd_door", "risicotaxatie"),
            }
        ],
        "uitstroom": {
            "beschermende_factoren": m("uitstroom.beschermende_factoren", NEVER),
            "toelichting": m("uitstroom.toelichting", NEVER),
            "vervolgaanbieder": m("uitstroom.vervolgaanbieder", NEVER),
            "nazorg": m("uitstroom.nazorg", NEVER),
        },
        "aanmelding": _aanmelding(m),
        # the client's own voice and staff safety: in the plan only
        "client": {
            "doelen": [m("client.doelen[]", NEVER)],
            "wat_helpt": [m("client.wat_helpt[]", NEVER)],
            "toelichting": m("client.toelichting", NEVER),
        },
        "veiligheidsafspraken": [m("veiligheidsafspraken[]", NEVER)],
        "evaluaties": [_evaluatie(m)],
        # special-category data: the policy group 'incidenten' is given to no partner or audience
        "incidenten": [{"datum": "2026-09-01", "omschrijving": m("incidenten[].omschrijving", "incidenten"),
                        "niveau": "klinisch_regulier", "vorm": "acute_crisis", "fase": "rood"}],
        "overleggen": [_verslag(m)],
    }
    return case, m


def _verslag(m: Markers) -> dict[str, Any]:
    """The minutes of the levensloopteam (levensloop notuleer): never on a partner sheet,
    not even the partner's own agreement (the policy has no group for minutes)."""
    v = "overleggen[]"
    return {
        "datum": "2026-10-01", "soort": "evaluatie",
        "aanwezigen": [{"organisatie": m(f"{v}.aanwezigen[].organisatie", NEVER),
                        "functie": m(f"{v}.aanwezigen[].functie", NEVER)}],
        "besluit": m(f"{v}.besluit", NEVER),
        "afspraken": [{"wie": "recl", "wat": m(f"{v}.afspraken[].wat", NEVER), "wanneer": "2026-12-01"}],
    }  # fmt: skip


def _step(m: Markers, n: int, van: str, naar: str, who: str) -> dict[str, Any]:
    return {
        "van": van, "naar": naar, "wie_besluit": who,
        "criteria": [m("opschaling.stappen[].criteria[]", "opschaling", step=n)],
        "bestemming": {"bedtype": "HIC",
                       "plaats": m("opschaling.stappen[].bestemming.plaats", "opschaling", step=n)},
        "vervoer": m("opschaling.stappen[].vervoer", "opschaling", step=n),
        "overdracht": m("opschaling.stappen[].overdracht", "opschaling", step=n),
        "doorloopt": [m("opschaling.stappen[].doorloopt[]", "opschaling", step=n)],
        "terugkeergarantie": True,
        "terugkeer_toelichting": m("opschaling.stappen[].terugkeer_toelichting", NEVER),
    }  # fmt: skip


def _evaluatie(m: Markers) -> dict[str, Any]:
    """The network's own evaluation: never on a partner sheet."""
    e = "evaluaties[]"
    return {
        "datum": "2026-10-01", "deelnemers": [m(f"{e}.deelnemers[]", NEVER)],
        "acties": [{"gebied": "huisvesting", "actie": m(f"{e}.acties[].actie", NEVER), "status": "afgerond",
                    "gedaan": m(f"{e}.acties[].gedaan", NEVER)}],
        "doelen": [{"gebied": "huisvesting", "doel": m(f"{e}.doelen[].doel", NEVER), "oordeel": "deels",
                    "toelichting": m(f"{e}.doelen[].toelichting", NEVER)}],
        "zrm": [{"gebied": "huisvesting", "score": 3}],
        "risicotaxatie": m("evaluaties[].risicotaxatie", NEVER),
        "gaat_goed": [m(f"{e}.gaat_goed[]", NEVER)], "gaat_minder": [m(f"{e}.gaat_minder[]", NEVER)],
        "wijzigingen": [m(f"{e}.wijzigingen[]", NEVER)],
        "stem_client": m(f"{e}.stem_client", NEVER), "stem_naasten": m(f"{e}.stem_naasten", NEVER),
    }  # fmt: skip


def _aanmelding(m: Markers) -> dict[str, Any]:
    a = "aanmelding"
    return {
        "aanmelder": {"organisatie": m(f"{a}.aanmelder.organisatie", NEVER),
                      "naam": m(f"{a}.aanmelder.naam", NEVER), "functie": m(f"{a}.aanmelder.functie", NEVER)},
        "datum": "2026-08-01", "reden": m(f"{a}.reden", NEVER),
        "voorgeschiedenis": [{"datum": "2025-01-01",
                              "omschrijving": m(f"{a}.voorgeschiedenis[].omschrijving", NEVER)}],
        "huidige_zorg": m(f"{a}.huidige_zorg", NEVER),
        "criteria_landelijk": [{"criterium": "1", "oordeel": "voldoet",
                                "toelichting": m(f"{a}.criteria_landelijk[].toelichting", NEVER)}],
        "criteria_regio": [{"criterium": "patroon",
                            "toelichting": m(f"{a}.criteria_regio[].toelichting", NEVER)}],
        "overleg": {"datum": "2026-08-15", "deelnemers": [m(f"{a}.overleg.deelnemers[]", NEVER)]},
        "besluit": "geincludeerd", "besluit_toelichting": m(f"{a}.besluit_toelichting", NEVER),
        "levensloopaanbieder": m(f"{a}.levensloopaanbieder", NEVER),
        "casusregisseur": m(f"{a}.casusregisseur", NEVER),
        "gemeentelijke_casusregisseur": m(f"{a}.gemeentelijke_casusregisseur", NEVER),
        "advies": m(f"{a}.advies", NEVER),
        # the procesregisseur's own steps never reach a partner sheet either
        "procesregisseur": {"naam": m(f"{a}.procesregisseur.naam", NEVER),
                            "functie": m(f"{a}.procesregisseur.functie", NEVER)},
        "client_op_de_hoogte": "ja",
        "informatie_partners": [{"organisatie": m(f"{a}.informatie_partners[].organisatie", NEVER),
                                 "gevraagd_op": "2026-08-05",
                                 "antwoord": m(f"{a}.informatie_partners[].antwoord", NEVER)}],
        "voorcheck": m(f"{a}.voorcheck", NEVER),
        # the structured intake (issue 28): the aanmelding's, never a partner's
        "geprobeerd": [{"interventie": m(f"{a}.geprobeerd[].interventie", NEVER),
                        "organisatie": m(f"{a}.geprobeerd[].organisatie", NEVER), "van": "2024-03",
                        "resultaat": m(f"{a}.geprobeerd[].resultaat", NEVER)}],
        "risicotaxatie": {"instrument": "HKT-R", "datum": "2025-06",
                          "uitgevoerd_door": m(f"{a}.risicotaxatie.uitgevoerd_door", NEVER),
                          "uitkomst": m(f"{a}.risicotaxatie.uitkomst", NEVER)},
        "acute_crisis": "nee", "acute_crisis_toelichting": m(f"{a}.acute_crisis_toelichting", NEVER),
        "grondslag_na_titel": "vrijwillig",
        "grondslag_na_titel_toelichting": m(f"{a}.grondslag_na_titel_toelichting", NEVER),
        "tafel_samenvatting": m(f"{a}.tafel_samenvatting", NEVER),
    }  # fmt: skip


# -- the oracle -----------------------------------------------------------------------------


def case_route(variant: str) -> str:
    if variant.startswith(("ingetrokken", "toestemming")):
        return "vrijwillig"
    return {"titel_geeindigd": "wvggz", "onder_voorwaarden_met_toestemming": "onder_voorwaarden"}.get(
        variant, variant)


@cache
def expected_bases(kind: str, variant: str) -> tuple[str, ...]:
    """The routes this partner's data is shared on, from the policy's meaning (issues 12, 17).

    A route listed under the partner type is a basis for it, while it holds: consent not
    withdrawn and covering the partner; a title that carries it still running. Otherwise:
    recorded consent, then every route carried by a title that runs today (both titles of
    the sentinel case run, except where a variant ends them).
    """
    from levensloop_docs.reference.policy import load_policy

    listed = load_policy().partners[kind]
    route = case_route(variant)
    running = {"onder_voorwaarden", "wvggz"}
    running -= {"wvggz"} if variant == "titel_geeindigd" else set()
    running -= {"onder_voorwaarden", "wvggz"} if variant == "ingetrokken_zonder_titel" else set()
    holds = route in listed and not (
        variant.startswith("ingetrokken") or variant == "titel_geeindigd"
        or (variant == "toestemming_beperkt" and not own_ids(kind) <= set(CONSENT_SCOPE))
    )
    if holds:
        return (route,)
    consent = ("vrijwillig",) if variant == "onder_voorwaarden_met_toestemming" else ()
    titles = tuple(r for r in ("onder_voorwaarden", "wvggz") if r in running and r != route and r in listed)
    return consent + titles


@cache
def expected_groups(kind: str, variant: str) -> frozenset[str]:
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    bases = expected_bases(kind, variant)
    if not bases:
        return frozenset(policy.without_basis)
    return frozenset(g for r in bases for g in policy.allowed(kind, r))


@cache
def extra_contact_ids(kind: str) -> frozenset[str]:
    from levensloop_docs.reference.policy import load_policy

    roles = load_policy().contacts.get(kind, ())
    return frozenset(pid for pid, rol in PARTNERS.items() if rol in roles)


def own_ids(kind: str) -> frozenset[str]:
    from levensloop_docs.model.vocab import load_vocabularies

    rollen = load_vocabularies()["rollen"]
    return frozenset(pid for pid, rol in PARTNERS.items() if rollen.get(rol, "partnersoort") == kind)


@cache
def steps_taken(kind: str, own: frozenset[str]) -> frozenset[int]:
    """Steps this partner decides, or where its role acts at the target level (region route)."""
    from levensloop_docs.reference.regions import load_region

    route = {s.niveau: set(s.wie) for s in load_region("groningen").route}
    roles = {PARTNERS[p] for p in own}
    targets = {1: ("intensief_ambulant", "casus"), 2: ("biz", "casus"), 3: ("klinisch_regulier", "woco")}
    return frozenset(n for n, (naar, who) in targets.items() if who in own or roles & route[naar])


def should_show(marker: Marker, kind: str, groups: frozenset[str]) -> bool:
    own = own_ids(kind)
    g = marker.group
    if g == NEVER or g not in groups or not marker.reveals <= groups:
        return False
    if g == "contacten":  # the first ring, itself, and the roles the policy adds for this kind
        return marker.owner in CONTACT_IDS | own | extra_contact_ids(kind)
    if g in ("eigen_acties", "achtergrond", "scenario_taken"):
        return marker.owner in own
    if g == "signalen":  # the signals of the scenarios where this partner has a duty
        return marker.owner in own and "scenario_taken" in groups
    if g == "opschaling":
        taken = steps_taken(kind, own)
        return marker.step in taken or (marker.step == 0 and bool(taken))
    return True


# -- rendering ------------------------------------------------------------------------------


def partner_kinds() -> list[str]:
    from levensloop_docs.reference.policy import load_policy

    return load_policy().partner_types()


def render(
    variant: str, kinds: list[str], formats: tuple[str, ...], out: Path,
    case: Callable[[str], tuple[dict[str, Any], Markers]] | None = None,
) -> tuple[Markers, dict[str, Path]]:
    from levensloop_docs.case.casefile import CaseFile
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    data, markers = (case or sentinel_case)(variant)
    casus = Casus.model_validate(data, context={"vocab": load_vocabularies()})
    casefile = CaseFile(out / "sentinel.yaml", data, casus, "x")
    run = RenderRun(out_dir=out, today=TODAY)
    files: dict[str, Path] = {}
    try:
        for job in plan_jobs(casefile, [f"partner:{k}" for k in kinds], formats):
            for path in render_job(run, job):
                files[f"{job.parameter}.{path.suffix[1:]}"] = path
    finally:
        run.close()
    return markers, files


def docx_all_text(path: Path) -> str:
    """Every text in every part of the DOCX (body, footer, properties), tags removed."""
    with zipfile.ZipFile(path) as z:
        parts = [z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml")]
    return "\n".join(re.sub(r"<[^>]+>", "", p) for p in parts)


def check(text: str, markers: Markers, kind: str, variant: str, where: str) -> None:
    groups = expected_groups(kind, variant)
    found = set(re.findall(r"MK\d{4}Z", text))
    for marker in markers.all:
        want = should_show(marker, kind, groups)
        assert (marker.text in found) == want, (
            f"{where}: {marker.path} (groep {marker.group}, van {marker.owner}, stap {marker.step}) "
            f"{'ontbreekt' if want else 'staat er maar mag niet'}; groepen {sorted(groups)}"
        )


# -- tests ----------------------------------------------------------------------------------


def _text_fields(model: Any, prefix: str = "") -> set[str]:
    """Every free-text field of the case model, as a path like levensgebieden[].situatie."""
    from pydantic import BaseModel

    from levensloop_docs.model.casus import VocabKey

    skip = {"id", "wie", "wie_besluit", "telefoon", "email", "casus_id", "regio", "criterium", "wie_bellen",
            "toestemming_partners", "buiten_kantoortijd", "partner", "wie_stabiel", "bij_afloop_wie",
            "datum", "van", "tot"}  # datum, van, tot: a day or a month ("2019-05"), never free text
    out: set[str] = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        if any(isinstance(x, VocabKey) for x in info.metadata):
            continue
        annotation, suffix = info.annotation, ""
        while True:
            origin, args = typing.get_origin(annotation), typing.get_args(annotation)
            if origin is list:
                annotation, suffix = args[0], suffix + "[]"
            elif origin is typing.Annotated:
                if any(isinstance(x, VocabKey) for x in args[1:]):
                    annotation = None
                    break
                annotation = args[0]
            elif args and type(None) in args:
                annotation = next(a for a in args if a is not type(None))
            else:
                break
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out |= _text_fields(annotation, f"{path}{suffix}.")
        elif name not in skip and (
            annotation is str or (typing.get_args(annotation) and str in typing.get_args(annotation))
        ):
            out.add(f"{path}{suffix}")
    return out


def test_the_sentinel_case_marks_every_text_field_of_the_model() -> None:
    from levensloop_docs.model.casus import Casus

    _case, markers = sentinel_case("vrijwillig")
    marked = {m.path.replace("signalen.fase[]", "signalen.groen[]") for m in markers.all}
    marked |= {
        m.path.replace("signalen.fase[]", f"signalen.{f}[]") for m in markers.all for f in ("oranje", "rood")
    }
    missing = _text_fields(Casus) - marked
    assert not missing, f"tekstvelden zonder markering: {sorted(missing)}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_partner_sheet_shows_exactly_what_the_policy_allows(variant: str, tmp_path: Path) -> None:
    kinds = partner_kinds()
    assert {"gemeente", "reclassering", "penitentiaire_inrichting", "politie", "woningcorporatie"} <= set(
        kinds
    )
    markers, files = render(variant, kinds, ("html", "docx"), tmp_path)
    for kind in kinds:
        for name, text in ((f"{kind}.html", files[f"{kind}.html"].read_text("utf-8")),
                           (f"{kind}.docx", docx_all_text(files[f"{kind}.docx"]))):
            check(text, markers, kind, variant, name)
            # the naaste's type label: 'hulpbron' is a contact detail, 'slachtoffer' her story (F4)
            naasten = "naasten" in expected_groups(kind, variant)
            assert ("hulpbron" in text) == naasten, f"{name} ({variant}): hulpbron"
            assert "slachtoffer" not in text.lower(), f"{name} ({variant}): 'slachtoffer' staat erop"


def test_the_policy_classifies_every_free_text_field_of_steps_and_naasten() -> None:
    """Every text field of a step, the way down and a naaste is named under 'velden', and
    names at least what its content can reveal (REVEALS, from what people write there); so is
    every other text field a partner can get."""
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    fields = {f for f in _text_fields(Casus) if f.startswith(("opschaling.stappen[]", "opschaling.afschaling",
                                                               "netwerk.naasten[]"))}
    assert "opschaling.stappen[].bestemming.plaats" in fields and "netwerk.naasten[].wil" in fields
    missing = sorted(f for f in fields if f not in policy.fields)
    assert not missing, f"niet ingedeeld in 'velden': {missing}"
    for path, reveals in REVEALS.items():
        assert reveals <= set(policy.field_groups(path)), path
    # and every other text a partner can get: a new field is classified before it is shared
    _case, markers = sentinel_case("vrijwillig")
    shared = {m.path.replace("signalen.fase[]", f"signalen.{f}[]") for m in markers.all
              for f in ("groen", "oranje", "rood") if m.group not in (NEVER, "incidenten")}
    unclassified = sorted(p for p in shared if p not in policy.fields)
    assert not unclassified, f"niet ingedeeld in 'velden': {unclassified}"
    # a scenario's own words say what its type says ("positieve urinecontrole" under 'terugval
    # in middelengebruik'): shared like the type's label (findings B 1-2)
    follows = {p for p in shared if p.startswith("scenarios[]") and not p.startswith("scenarios[].acties")}
    assert "scenarios[].signalen.rood[]" in follows
    for path in follows:
        assert "problematiek" in policy.type_groups(path, "terugval_middelen"), path


PDF_SUBSET = [("reclassering", "onder_voorwaarden"), ("politie", "vrijwillig"),
              ("gemeente", "ingetrokken_zonder_titel"), ("zorgaanbieder", "ingetrokken_met_titel"),
              ("penitentiaire_inrichting", "wvggz")]  # fmt: skip


@pytest.mark.pdf
def test_partner_sheet_pdfs_show_exactly_what_the_policy_allows(tmp_path: Path) -> None:
    libreoffice_or_skip()
    for kind, variant in PDF_SUBSET:
        folder = tmp_path / f"{kind}-{variant}"
        markers, files = render(variant, [kind], ("pdf",), folder)
        check(squash(pdf_text(files[f"{kind}.pdf"])), markers, kind, variant, f"{kind}.pdf ({variant})")


def test_incidents_are_shared_with_nobody_by_default() -> None:
    """The most restrictive default: a policy group of its own that no partner or audience has."""
    from levensloop_docs.reference.policy import load_policy

    policy = load_policy()
    assert "incidenten" in policy.groups
    assert not any("incidenten" in groups for per_route in policy.partners.values()
                   for groups in per_route.values())
    assert "incidenten" not in policy.default and "incidenten" not in policy.without_basis
    assert not any("incidenten" in groups for groups in policy.audiences.values())
    _data, markers = sentinel_case("vrijwillig")
    assert [mk.group for mk in markers.all if mk.path.startswith("incidenten")] == ["incidenten"]


def test_the_oracle_is_not_trivial() -> None:
    """Guard the guard: some sheets show much, some little, and the policy differs per route."""
    assert expected_groups("politie", "vrijwillig") != expected_groups("politie", "wzd")
    assert "problematiek" not in expected_groups("politie", "vrijwillig")
    assert expected_groups("gemeente", "ingetrokken_zonder_titel") == {"contacten"}
    assert steps_taken("politie", own_ids("politie")) == {2}
    assert steps_taken("woningcorporatie", own_ids("woningcorporatie")) == {3}
    assert steps_taken("bewindvoerder", own_ids("bewindvoerder")) == set()


# -- labels: a vocabulary label says as much as a text --------------------------------------

# Each label that names something sensitive, with the groups whose content it reveals (the
# group of the place it stands in first). Written from what the words mean, not from the code.
LABELS = {
    "Forensische kliniek": {"verblijf", "juridisch_kader", "problematiek"},
    "FVA - forensische verslavingsafdeling": {"opschaling", "juridisch_kader", "problematiek"},
    "Crisismaatregel (burgemeester)": {"opschaling", "juridisch_kader"},
    "Terugval in middelengebruik": {"scenario_taken", "problematiek"},
}


def labelled_case(variant: str) -> tuple[dict[str, Any], Markers]:
    data, markers = sentinel_case(variant)
    data["persoon"]["verblijf"] = "forensische_kliniek"
    for step in data["opschaling"]["stappen"]:
        step["bestemming"]["bedtype"] = "FVA"
        step["juridische_basis"] = "crisismaatregel"
    for scenario in data["scenarios"]:
        scenario["soort"] = "terugval_middelen"
    return data, markers


def label_shown(label: str, kind: str, groups: frozenset[str]) -> bool:
    if not LABELS[label] <= groups:
        return False
    if "opschaling" in LABELS[label]:
        return bool(steps_taken(kind, own_ids(kind)))
    return True


@pytest.mark.parametrize("variant", ["vrijwillig", "onder_voorwaarden", "wvggz", "bemoeizorg"])
def test_labels_are_shared_like_the_text_they_name(variant: str, tmp_path: Path) -> None:
    kinds = partner_kinds()
    markers, files = render(variant, kinds, ("html",), tmp_path, case=labelled_case)
    shown = 0
    for kind in kinds:
        page = files[f"{kind}.html"].read_text("utf-8")
        groups = expected_groups(kind, variant)
        # the name, description and signals of a scenario of a withheld type go with its label
        found = set(re.findall(r"MK\d{4}Z", page))
        for m in markers.all:
            if m.path.startswith("scenarios[]") and m.group == "signalen":
                want = should_show(m, kind, groups) and "problematiek" in groups
                assert (m.text in found) == want, f"{kind}.html ({variant}): {m.path} van {m.owner}"
        for label in LABELS:
            want = label_shown(label, kind, groups)
            shown += want
            verdict = "ontbreekt" if want else "staat er maar mag niet"
            assert (label in page) == want, f"{kind}.html ({variant}): label '{label}' {verdict}"
    assert shown  # some sheet (the kliniek's) does show them


# -- partners outside the network, ended titles, every HTML page ----------------------------


def case_file(data: dict[str, Any], path: Path) -> Path:
    """The sentinel case as a file the CLI accepts (one levensgebied per area: the last repeats)."""
    from levensloop_docs.yamlio import dump_yaml

    data["levensgebieden"] = data["levensgebieden"][: len(set(GEBIEDEN))]
    path.write_text(dump_yaml(data), "utf-8")
    return path


def test_no_sheet_for_a_partner_type_outside_the_network(run_cli: RunCli, tmp_path: Path) -> None:
    data, _markers = sentinel_case("vrijwillig")
    data["netwerk"]["partners"] = [p for p in data["netwerk"]["partners"] if p["id"] != "om"]
    for area in data["levensgebieden"]:
        area["acties"] = [a for a in area["acties"] if a["wie"] != "om"]
    data["scenarios"] = [s for s in data["scenarios"] if all(a["wie"] != "om" for a in s["acties"])]
    case = case_file(data, tmp_path / "casus.yaml")
    out = tmp_path / "uit"
    result = run_cli("genereer", case, "--document", "partner:openbaar_ministerie", "--formaat", "html",
                     "--uit", out)
    assert result.code == 2, result.err
    assert "geen partner van de soort Openbaar Ministerie" in result.err, result.err
    assert "LLA-2026-0999" in result.err and "MK" not in result.err
    assert not out.exists() or not list(out.glob("*.html"))
    assert run_cli("genereer", case, "--document", "partner:reclassering", "--formaat", "html",
                   "--uit", out).code == 0


def test_controleer_warns_when_the_title_under_the_route_has_ended(run_cli: RunCli, tmp_path: Path) -> None:
    case = case_file(sentinel_case("titel_geeindigd")[0], tmp_path / "casus.yaml")
    result = run_cli("controleer", case)
    words = " ".join(result.out.split() + result.err.split())
    assert "Route Wet verplichte ggz (Wvggz)" in words and "1 januari 2026" in words, words
    assert "geëindigd" in words
    running = case_file(sentinel_case("wvggz")[0], tmp_path / "lopend.yaml")
    assert "geëindigd" not in run_cli("controleer", running).out


def test_every_html_page_has_a_content_security_policy(tmp_path: Path) -> None:
    from levensloop_docs.reference.regions import load_region
    from levensloop_docs.run.publish import handreiking_publication, leaflet_publication
    from levensloop_docs.run.renderrun import RenderRun, render_job

    _markers, files = render("vrijwillig", ["gemeente"], ("html",), tmp_path)
    region = load_region("groningen")
    pages = [files["gemeente.html"]]
    leaflet, guide = leaflet_publication("politie", region, TODAY), handreiking_publication(region, TODAY)
    pages += render_job(RenderRun(out_dir=tmp_path / "folder"), leaflet.in_formats(("html",)))
    pages += render_job(RenderRun(out_dir=tmp_path / "handreiking"), guide.in_formats(("html",)))
    for page in pages:
        head = page.read_text("utf-8").split("</head>")[0]
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert match, page.name
        assert "default-src 'none'" in match.group(1) and "script-src" not in match.group(1)


def region_route_texts() -> list[str]:
    from levensloop_docs.reference.regions import load_region

    return [" ".join(s.wat.split()) for s in load_region("groningen").route]


# -- the basis line: per partner, with its date, never naming what the sheet withholds ------

ROUTE_LABELS = {"vrijwillig": "Vrijwillige route (schriftelijke toestemming)",
                "onder_voorwaarden": "Route 'onder voorwaarden' (uit een gedwongen kader of het strafrecht)",
                "wvggz": "Route Wet verplichte ggz (Wvggz)", "wzd": "Route Wet zorg en dwang (Wzd)",
                "bemoeizorg": "Route bemoeizorg"}  # fmt: skip
LEGAL_WORDS = ("Strafrechtelijke titel", "bijzondere voorwaarden", "zorgmachtiging", "Wvggz", "Wzd",
               "onder voorwaarden", "strafrecht")


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_partner_gets_its_own_basis_naming_nothing_withheld(variant: str, tmp_path: Path) -> None:
    """Every partner type x basis (issue 12): the basis line names the partner's own basis, from
    its date, and never a route or title when the sheet withholds the legal framework."""
    kinds = partner_kinds()
    _markers, files = render(variant, kinds, ("html",), tmp_path)
    seen = set()
    for kind in kinds:
        page = " ".join(html.unescape(files[f"{kind}.html"].read_text("utf-8")).split())
        kader = " ".join(page.split('<div class="kader">')[1].split("</div>")[0].split())
        bases, groups = expected_bases(kind, variant), expected_groups(kind, variant)
        seen |= {(r, "juridisch_kader" in groups) for r in bases}
        where = f"{kind} ({variant}): {kader}"
        if not bases:
            assert "Er is geen andere grondslag" in kader, where
        for route in bases:
            # a coerced route's name is the legal framework; bemoeizorg (OGGZ) names care avoidance
            # with psychiatric or social problems (F14); consent says nothing of either
            named = (route == "vrijwillig" or ("juridisch_kader" in groups and route != "bemoeizorg")
                     or (route == "bemoeizorg" and "problematiek" in groups))
            label = ROUTE_LABELS[route] if named else "een wettelijke grondslag"
            assert f"<strong>{label}</strong>" in kader, where
            # from its date: consent given, or the start of the title that carries the route
            since = {"vrijwillig": "toestemming gegeven op 1 september 2026",
                     "onder_voorwaarden": "vanaf 1 juni 2025", "wvggz": "vanaf 1 juni 2025"}.get(route, "")
            assert since in kader, where
        if "juridisch_kader" not in groups:
            # the region's own (public) route text may explain the steps in general terms
            own_text = page
            for text in region_route_texts():
                own_text = own_text.replace(text, "")
            assert not [w for w in LEGAL_WORDS if w in own_text], where
        if "problematiek" not in groups:  # F14: under bemoeizorg every sheet said the route
            assert "bemoeizorg" not in page.lower() and "OGGZ" not in page, where
    assert seen or variant == "ingetrokken_zonder_titel", "geen enkele grondslag getoetst"


def test_the_consent_scope_names_partners_of_the_network(run_cli: RunCli, tmp_path: Path) -> None:
    data, _markers = sentinel_case("toestemming_beperkt")
    data["gegevensdeling"]["toestemming_partners"] = ["gem", "buurman"]
    result = run_cli("controleer", case_file(data, tmp_path / "casus.yaml"))
    assert result.code == 2
    assert "gegevensdeling.toestemming_partners[1]" in result.err, result.err
