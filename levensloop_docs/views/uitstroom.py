"""The uitstroombesluit and the warme-overdrachtsbrief: leaving the approach, on the evidence.

Both are made only when the three exit criteria hold (``voldoet_uitstroom``): two years
stable (read from the evaluations), protective factors secured, a risk assessment that
shows a lower risk. The letter goes to the follow-up provider (``uitstroom.vervolgaanbieder``)
with the after-care consultation and the conditions for re-registration.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from levensloop_docs.case.uitstroom import exit_status
from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.common import NightLine, exit_criterion_labels, night_lines, text, texts, yes_no
from levensloop_docs.views.plan import CaseContext, ContactPoint, build_context

# Partners who stay with the client after the approach ends (named in the handover letter).
STAYING_ROLES = ("gemeente", "bewindvoerder", "curator", "mentor", "huisarts", "beschermd_wonen",
                 "woningcorporatie", "ggz", "verslavingszorg", "vg_lvb_zorg")


class ExitCriterion(TypedDict):
    naam: str
    voldaan: str
    bewijs: str


class ConsentOnHandover(TypedDict):
    route: str
    vanaf: str
    tot: str
    omvang: str
    geldig: bool
    datum: str


class Voice(TypedDict):
    doelen: list[str]
    toelichting: str
    zegt: str
    naasten: str


class OwnWordsLine(TypedDict):
    titel: str
    oranje: list[str]
    rood: list[str]
    wat_helpt: list[str]


class Signer(TypedDict):
    namens: str


class ExitDecision(TypedDict):
    """The decision (``exit_context``)."""

    criteria: list[ExitCriterion]
    alle_voldaan: bool
    stabiel_sinds: str
    vroegste_datum: str
    vervolgaanbieder: str
    nazorg: str
    overdracht_datum: str
    toelichting: str


class Handover(TypedDict):
    """What the next provider needs (``_handover``)."""

    roepnaam: str
    stem: Voice
    grondslag: ConsentOnHandover
    wat_werkt: list[str]
    risicotaxatie: str
    nacht: list[NightLine]
    eigen_woorden: list[OwnWordsLine]
    netwerk: list[str]
    naasten: list[str]


class ExitAndHandover(ExitDecision, Handover):
    ondertekening: list[Signer]


class UitstroomView(CaseContext):
    """What the uitstroombesluit and the overdrachtsbrief receive."""

    besluit: ExitAndHandover


def exit_context(casus: Casus, today: date) -> ExitDecision:
    status = exit_status(casus, today)
    u, labels = casus.uitstroom, exit_criterion_labels()
    return {
        "criteria": [
            {"naam": labels[c.key], "voldaan": yes_no(c.met), "bewijs": text(c.bewijs)}
            for c in status.criteria
        ],
        "alle_voldaan": status.all_met,
        "stabiel_sinds": format_date(status.stable_since) or "onbekend",
        "vroegste_datum": format_date(status.stable_until) or _("cannot be determined yet"),
        "vervolgaanbieder": text(u.vervolgaanbieder) or _("not known yet"),
        "nazorg": text(u.nazorg),
        "overdracht_datum": format_date(u.overdracht_datum) or _("not agreed yet"),
        "toelichting": text(u.toelichting),
    }


def consent_on_handover(casus: Casus, vocab: Vocabularies) -> ConsentOnHandover:
    """The basis for sharing with the next provider, checked on the day of the handover."""
    g, u = casus.gegevensdeling, casus.uitstroom
    day = u.overdracht_datum
    voluntary = bool(vocab["routes"].get(g.route, "toestemming", False))
    given = voluntary and g.toestemming_datum is not None and not g.ingetrokken
    until = g.toestemming_geldig_tot
    valid = given and day is not None and (until is None or until >= day)
    return {
        "route": vocab["routes"].label(g.route),
        "vanaf": format_date(g.toestemming_datum),
        "tot": format_date(g.toestemming_geldig_tot),
        "omvang": text(g.toestemming_omvang),
        "geldig": valid,
        "datum": format_date(day),
    }


def _voice(casus: Casus) -> Voice:
    """What the client and the naasten said, from the plan and the latest evaluation."""
    c = casus.client
    last = casus.evaluaties[-1] if casus.evaluaties else None
    return {
        "doelen": texts(c.doelen),
        "toelichting": text(c.toelichting),
        "zegt": text(last.stem_client) if last else "",
        "naasten": text(last.stem_naasten) if last else "",
    }


def _signers(casus: Casus, contacts: list[ContactPoint]) -> list[Signer]:
    """Who signs the decision: the regisseurs, the next provider, and the client."""
    out: list[Signer] = [{"namens": f"{c['titel']}: {c['naam']}"} for c in contacts]
    if casus.uitstroom.vervolgaanbieder:
        out.append({"namens": _("Next provider: {name}").format(name=text(casus.uitstroom.vervolgaanbieder))})
    out.append({"namens": _("Client: {name}").format(name=text(casus.persoon.naam))})
    return out


def _handover(casus: Casus, vocab: Vocabularies) -> Handover:
    """What the next provider needs: what works, the risk, the client's own plan, the network."""
    u = casus.uitstroom
    latest = max(casus.risicotaxaties, key=lambda r: r.datum) if casus.risicotaxaties else None
    return {
        "roepnaam": text(casus.persoon.roepnaam) or text(casus.persoon.naam.split()[0]),
        "stem": _voice(casus),
        "grondslag": consent_on_handover(casus, vocab),
        # what works: the secured protective factors and what helps in the client's own words
        "wat_werkt": [x for x in [text(u.beschermende_factoren), *texts(casus.client.wat_helpt)] if x],
        "risicotaxatie": (f"{vocab['instrumenten'].label(latest.instrument)}, {format_date(latest.datum)}: "
                          f"{text(latest.uitkomst)}") if latest else "",
        "nacht": night_lines(casus),
        "eigen_woorden": [
            {"titel": text(s.in_eigen_woorden.titel) or text(s.naam),
             "oranje": texts(s.in_eigen_woorden.oranje), "rood": texts(s.in_eigen_woorden.rood),
             "wat_helpt": texts(s.in_eigen_woorden.wat_helpt)}
            for s in casus.scenarios if s.in_eigen_woorden is not None
        ],
        "netwerk": [f"{text(p.organisatie)}{', ' + text(p.contactpersoon) if p.contactpersoon else ''}"
                    f"{', ' + text(p.telefoon) if p.telefoon else ''}"
                    for p in casus.netwerk.partners if p.rol in STAYING_ROLES],
        "naasten": [f"{text(n.naam)} ({text(n.relatie)}){', ' + text(n.telefoon) if n.telefoon else ''}"
                    for n in casus.netwerk.naasten if n.toestemming_contact and "slachtoffer" not in n.type],
    }  # fmt: skip


def uitstroom_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> UitstroomView:
    ctx = build_context(casus, vocab, today)
    besluit: ExitAndHandover = {**exit_context(casus, today), **_handover(casus, vocab),
                                "ondertekening": _signers(casus, ctx["aanspreekpunten"])}
    return {**ctx, "besluit": besluit}


def meets_exit(casus: Casus) -> bool:
    return exit_status(casus, date.today()).all_met
