"""The procesregisseur's interview: the parts of an aanmelding, on the interview engine.

The same engine as the casemanager's interview (``levensloop_docs.interview``):
autosave in a draft, resume, locks, the answers-file mode and the conflict-safe
save all come from there. Person, legal framework and data sharing are the very
parts the casemanager uses, so an included case goes on into the plan interview
with nothing typed twice. The criteria logic lives in ``criteria.py``; this module
only asks and shows its verdicts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs.case.rules import MEETING_AFTER_REGISTRATION
from levensloop_docs.i18n import _
from levensloop_docs.interview.parts import bij_inclusie, gegevensdeling, juridisch, persoon
from levensloop_docs.interview.parts.datechecks import all_of, earlier_than, later_than, not_in_future
from levensloop_docs.interview.parts.meta import ask_case_id, region_choices
from levensloop_docs.interview.session import Interview, Item, Part, store
from levensloop_docs.model.validators import first_day

# The decision of the meeting is also the status of the case (see status_warnings).
_DECIDED = ("geincludeerd", "niet_geincludeerd", "aangehouden")


def run_casus(interview: Interview) -> None:
    if interview.new:
        ask_case_id(interview)
    meta = interview.section("meta")
    region = interview.choice("meta.regio", _("Region of the Zorg- en Veiligheidshuis"), region_choices(),
                              meta.get("regio"))
    store(meta, "regio", region)
    meta.setdefault("status", "aangemeld")


def run_aanmelder(interview: Interview) -> None:
    a = interview.section("aanmelding", "aanmelder")
    key = "aanmelding.aanmelder"
    store(a, "organisatie", interview.text(f"{key}.organisatie", _("Registering organisation"),
                                           a.get("organisatie"), required=True))
    # the monitor counts registrations by kind of organisation (seed 004: who registers), never by name
    kind = interview.choice(f"{key}.soort", _("What kind of organisation is it?"), "aanmeldersoorten",
                            a.get("soort"), required=False)
    store(a, "soort", kind)
    store(a, "naam", interview.text(f"{key}.naam", _("Name of the registrant"), a.get("naam"), required=True))
    store(a, "functie", interview.text(f"{key}.functie", _("Function"), a.get("functie")))
    store(a, "telefoon", interview.phone(f"{key}.telefoon", _("Phone"), a.get("telefoon")))
    store(a, "email", interview.email(f"{key}.email", _("E-mail"), a.get("email")))


def run_reden(interview: Interview) -> None:
    from levensloop_docs.reference.criteria import crisis_words

    ag = interview.section("aanmelding")
    meeting = (ag.get("overleg") or {}).get("datum")  # set already when the aanmelding is edited
    check = all_of(not_in_future(interview.today), earlier_than(MEETING_AFTER_REGISTRATION, meeting))
    registered = interview.date("aanmelding.datum", _("Date of the aanmelding"),
                                ag.get("datum") or interview.today, required=True, check=check)
    store(ag, "datum", registered)
    reason = interview.text("aanmelding.reden", _("Reason for the aanmelding"), ag.get("reden"),
                            required=True, multiline=True,
                            hint=_("what worries you, and why now"))
    store(ag, "reden", reason)
    words = crisis_words(reason)
    if words:
        interview.say(_("Note: the reason suggests an acute crisis ({words}). Registration is preferably "
                        "done in a calm period; deal with the crisis first through the usual crisis "
                        "route.").format(words=", ".join(words)))
    _ask_crisis(interview, ag, "ja" if words else "onbekend")


def _crisis_choices() -> list[tuple[str, str]]:
    return [("nee", _("no")), ("ja", _("yes")), ("onbekend", _("not known"))]


def _ask_crisis(interview: Interview, ag: Item, default: str) -> None:
    """Registration is preferably not made in an acute crisis (002): ask it as a field."""
    label = _("Is there an acute crisis now?")
    crisis = interview.choice("aanmelding.acute_crisis", label, _crisis_choices(),
                              ag.get("acute_crisis", default))
    store(ag, "acute_crisis", crisis)
    if crisis == "ja":
        interview.say(_("Deal with the crisis first through the crisis route (crisisdienst, 112 if needed); "
                        "the aanmelding can wait for a calmer period."))
    store(ag, "acute_crisis_toelichting", interview.text("aanmelding.acute_crisis_toelichting",
                                                         _("Explanation (empty if none)"),
                                                         ag.get("acute_crisis_toelichting")))


_EVENT_KINDS = ("zorg", "politie", "justitie", "titel", "overig")


def _event_choices() -> list[tuple[str, str]]:
    labels = {"zorg": _("care"), "politie": _("police"), "justitie": _("justice"),
              "titel": _("legal title"), "overig": _("other")}
    return [(k, labels[k]) for k in _EVENT_KINDS]


def _edit_event(interview: Interview, key: str, item: Item) -> Item:
    from levensloop_docs.model.validators import month_hint

    future = not_in_future(interview.today)
    when = interview.question(f"{key}.datum", "month", _("Date (empty if unknown)"), item.get("datum"),
                              hint=month_hint(), check=lambda value: future(first_day(value)))
    store(item, "datum", when)
    store(item, "soort", interview.choice(f"{key}.soort", _("Kind of event"), _event_choices(),
                                          item.get("soort", "overig")))
    store(item, "omschrijving", interview.text(f"{key}.omschrijving", _("What happened?"),
                                               item.get("omschrijving"), required=True))
    return item


def _describe_event(item: Item) -> str:
    from levensloop_docs.i18n import format_date_or_month

    when = format_date_or_month(item["datum"]) if item.get("datum") else _("date unknown")
    return f"{when}: {str(item.get('omschrijving', ''))[:60]}"


def run_voorgeschiedenis(interview: Interview) -> None:
    ag = interview.section("aanmelding")
    events = interview.edit_list(
        "aanmelding.voorgeschiedenis",
        _("History: care, police contacts and titles (oldest first)"),
        ag.setdefault("voorgeschiedenis", []),
        _describe_event,
        lambda key, item: _edit_event(interview, key, item),
    )
    events.sort(key=lambda e: (e.get("datum") is None, first_day(e.get("datum") or date.min)))
    store(ag, "voorgeschiedenis", events)
    store(ag, "huidige_zorg", interview.text("aanmelding.huidige_zorg", _("Current care and support"),
                                             ag.get("huidige_zorg"), multiline=True))
    tried = interview.edit_list(
        "aanmelding.geprobeerd",
        _("What has been tried already (intervention, organisation, period, result)"),
        ag.setdefault("geprobeerd", []),
        lambda item: str(item.get("interventie", ""))[:60],
        lambda key, item: _edit_attempt(interview, key, item),
    )
    store(ag, "geprobeerd", tried)
    _ask_risk_assessment(interview, ag)


def _month(interview: Interview, key: str, label: str, default: Any) -> Any:
    from levensloop_docs.model.validators import month_hint

    future = not_in_future(interview.today)
    return interview.question(key, "month", label, default, hint=month_hint(),
                              check=lambda value: future(first_day(value)))


def _edit_attempt(interview: Interview, key: str, item: Item) -> Item:
    store(item, "interventie", interview.text(f"{key}.interventie", _("Intervention (what was tried)"),
                                              item.get("interventie"), required=True))
    store(item, "organisatie", interview.text(f"{key}.organisatie", _("By which organisation"),
                                              item.get("organisatie")))
    store(item, "van", _month(interview, f"{key}.van", _("From (empty if unknown)"), item.get("van")))
    store(item, "tot", _month(interview, f"{key}.tot", _("Until (empty if still running or unknown)"),
                              item.get("tot")))
    store(item, "resultaat", interview.text(f"{key}.resultaat", _("Result"), item.get("resultaat")))
    return item


def _ask_risk_assessment(interview: Interview, ag: Item) -> None:
    """National criterion 2 asks for a risicotaxatie: instrument, date, assessor, outcome."""
    r = ag.get("risicotaxatie") or {}
    key = "aanmelding.risicotaxatie"
    instrument = interview.choice(f"{key}.instrument", _("Risicotaxatie at registration: instrument"),
                                  "instrumenten", r.get("instrument"), required=False)
    if not instrument:
        ag.pop("risicotaxatie", None)
        return
    r["instrument"] = instrument
    store(r, "datum", _month(interview, f"{key}.datum", _("Date of the risicotaxatie"), r.get("datum")))
    store(r, "uitgevoerd_door", interview.text(f"{key}.uitgevoerd_door", _("Carried out by (function, "
                                               "organisation)"), r.get("uitgevoerd_door")))
    store(r, "uitkomst", interview.text(f"{key}.uitkomst", _("Outcome"), r.get("uitkomst"), required=True))
    ag["risicotaxatie"] = r


def _ask_criteria(interview: Interview, field: str, criteria: Any) -> None:
    ag = interview.section("aanmelding")
    given = {str(a.get("criterium")): a for a in ag.get(field) or []}
    answers: list[dict[str, Any]] = []
    for i, criterion in enumerate(criteria):
        old = given.get(criterion.sleutel, {})
        key = f"aanmelding.{field}[{i}]"
        interview.say(f"{i + 1}. {criterion.tekst}")
        answer: dict[str, Any] = {"criterium": criterion.sleutel}
        answer["oordeel"] = interview.choice(f"{key}.oordeel", _("Is this criterion met?"), "oordelen",
                                             old.get("oordeel", "onbekend"))
        store(answer, "toelichting", interview.text(f"{key}.toelichting", _("Explanation"),
                                                    old.get("toelichting")))
        answers.append(answer)
    store(ag, field, answers)


def run_criteria(interview: Interview) -> None:
    from levensloop_docs.reference.regions import national_criteria

    _ask_criteria(interview, "criteria_landelijk", national_criteria())
    region = _region(interview)
    if region is not None and region.criteria:
        interview.say(_("Criteria of the region {name}:").format(name=region.naam))
        _ask_criteria(interview, "criteria_regio", region.criteria)
    interview.say(_verdict(interview))


def _region(interview: Interview) -> Any:
    from levensloop_docs.reference.regions import load_region, region_keys

    key = str((interview.data.get("meta") or {}).get("regio", ""))
    return load_region(key) if key in region_keys() else None


def _beoordeling(interview: Interview) -> Any:
    from levensloop_docs.model.casus import Aanmelding
    from levensloop_docs.reference.criteria import assess

    ag = interview.data.get("aanmelding") or {}
    # only the criteria count here; the rest of the aanmelding may still be incomplete
    partial = Aanmelding.model_construct(
        criteria_landelijk=_oordelen(ag.get("criteria_landelijk") or []),
        criteria_regio=_oordelen(ag.get("criteria_regio") or []),
    )
    return assess(partial, _region(interview))


def _oordelen(raw: list[dict[str, Any]]) -> list[Any]:
    from levensloop_docs.model.casus import CriteriumOordeel

    return [
        CriteriumOordeel.model_construct(
            criterium=str(a["criterium"]),
            oordeel=a.get("oordeel", "onbekend"),
            toelichting=a.get("toelichting", ""),
        )
        for a in raw
    ]


def _verdict(interview: Interview) -> str:
    from levensloop_docs.reference.criteria import summary_line

    return summary_line(_beoordeling(interview))


def _edit_request(interview: Interview, key: str, item: Item) -> Item:
    store(item, "organisatie", interview.text(f"{key}.organisatie", _("Organisation asked for information"),
                                              item.get("organisatie"), required=True))
    store(item, "gevraagd_op", interview.date(f"{key}.gevraagd_op", _("Asked on"), item.get("gevraagd_op"),
                                              check=not_in_future(interview.today)))
    store(item, "antwoord", interview.text(f"{key}.antwoord", _("Answer (empty if none yet)"),
                                           item.get("antwoord")))
    return item


def _client_choices() -> list[tuple[str, str]]:
    return [("ja", _("yes")), ("nee", _("no")), ("onbekend", _("not known"))]


def run_voorbereiding(interview: Interview) -> None:
    """The procesregisseur's own steps before the meeting: who, partner information, pre-check."""
    ag = interview.section("aanmelding")
    _ask_basis_after_title(interview, ag)
    p = interview.section("aanmelding", "procesregisseur")
    store(p, "naam", interview.text("aanmelding.procesregisseur.naam", _("Procesregisseur (your name)"),
                                    p.get("naam")))
    if p.get("naam"):
        store(p, "telefoon", interview.phone("aanmelding.procesregisseur.telefoon", _("Direct phone number"),
                                             p.get("telefoon")))
    else:
        ag.pop("procesregisseur", None)
    store(ag, "client_op_de_hoogte", interview.choice(
        "aanmelding.client_op_de_hoogte", _("Does the client know of the registration?"), _client_choices(),
        ag.get("client_op_de_hoogte", "onbekend")))
    requests = interview.edit_list(
        "aanmelding.informatie_partners", _("Information asked of partners"),
        ag.setdefault("informatie_partners", []),
        lambda item: str(item.get("organisatie", "")),
        lambda key, item: _edit_request(interview, key, item),
    )
    store(ag, "informatie_partners", requests)
    store(ag, "voorcheck", interview.text("aanmelding.voorcheck", _("Pre-check: your advice to the meeting"),
                                          ag.get("voorcheck"), multiline=True))
    store(ag, "tafel_samenvatting", interview.text(
        "aanmelding.tafel_samenvatting", _("Summary for the table version"), ag.get("tafel_samenvatting"),
        multiline=True, hint=_("the only free text of the tafelversie: no names, places or dates")))


def _ask_basis_after_title(interview: Interview, ag: Item) -> None:
    """A title that ends: on what basis may the network share after that day?"""
    titles = (interview.data.get("persoon") or {}).get("juridisch_kader") or []
    if not any(t.get("einde") for t in titles):
        ag.pop("grondslag_na_titel", None)
        return
    store(ag, "grondslag_na_titel", interview.choice(
        "aanmelding.grondslag_na_titel", _("A title ends: on what basis is data shared after that?"),
        "routes", ag.get("grondslag_na_titel"), required=False))
    store(ag, "grondslag_na_titel_toelichting", interview.text(
        "aanmelding.grondslag_na_titel_toelichting", _("Explanation (who arranges it, by when)"),
        ag.get("grondslag_na_titel_toelichting")))


def run_overleg(interview: Interview) -> None:
    o = interview.section("aanmelding", "overleg")
    ag = interview.section("aanmelding")
    label = _("Date of the aanmeldoverleg (empty if not yet)")
    check = later_than(MEETING_AFTER_REGISTRATION, ag.get("datum"))
    store(o, "datum", interview.date("aanmelding.overleg.datum", label, o.get("datum"), check=check))
    store(o, "deelnemers", interview.lines("aanmelding.overleg.deelnemers",
                                           _("Participants (one per line: name and organisation)"),
                                           o.get("deelnemers")))
    if not o:
        ag.pop("overleg", None)


def run_besluit(interview: Interview) -> None:
    from levensloop_docs.reference.criteria import decision_warnings

    ag = interview.section("aanmelding")
    decision = interview.choice("aanmelding.besluit", _("Decision of the meeting (empty if not yet taken)"),
                                "besluiten", ag.get("besluit"), required=False)
    store(ag, "besluit", decision)
    for warning in decision_warnings(decision, _beoordeling(interview)):
        interview.say(_("Warning: {text}").format(text=warning))
    store(ag, "besluit_toelichting", interview.text("aanmelding.besluit_toelichting",
                                                    _("Explanation of the decision"),
                                                    ag.get("besluit_toelichting"), multiline=True))
    if decision == "geincludeerd":
        _assign(interview, ag)
    elif decision == "niet_geincludeerd":
        store(ag, "advies", interview.text("aanmelding.advies", _("Advice to the registrant"),
                                           ag.get("advies"), required=True, multiline=True))
    meta = interview.section("meta")
    if decision in _DECIDED and meta.get("status") != "uitgestroomd":
        meta["status"] = decision


def _assign(interview: Interview, ag: dict[str, Any]) -> None:
    store(ag, "levensloopaanbieder", interview.text("aanmelding.levensloopaanbieder",
                                                    _("Assigned levensloopaanbieder"),
                                                    ag.get("levensloopaanbieder"), required=True))
    store(ag, "casusregisseur", interview.text("aanmelding.casusregisseur", _("Casusregisseur (name)"),
                                               ag.get("casusregisseur"), required=True))
    store(ag, "gemeentelijke_casusregisseur", interview.text(
        "aanmelding.gemeentelijke_casusregisseur", _("Gemeentelijke casusregisseur (name)"),
        ag.get("gemeentelijke_casusregisseur")))


PARTS: tuple[Part, ...] = (
    Part("casus", lambda: _("Case: number and region"), run_casus),
    Part("aanmelder", lambda: _("Registrant"), run_aanmelder),
    Part("reden", lambda: _("Date and reason"), run_reden),
    Part("persoon", lambda: _("Person: stay and problems"), persoon.run),
    Part("voorgeschiedenis", lambda: _("History and current care"), run_voorgeschiedenis),
    Part("juridisch", lambda: _("Legal framework"), juridisch.run),
    Part("criteria", lambda: _("Inclusion criteria"), run_criteria),
    Part("gegevensdeling", lambda: _("Data sharing and consent"), gegevensdeling.run),
    Part("voorbereiding", lambda: _("Procesregisseur: partner information and pre-check"), run_voorbereiding),
    Part("overleg", lambda: _("Aanmeldoverleg"), run_overleg),
    Part("besluit", lambda: _("Decision"), run_besluit),
    # only asked when the decision is geïncludeerd: the person as registered, for the monitor
    Part("bij_inclusie", lambda: _("At inclusion: the person as registered (monitor)"), bij_inclusie.run),
)


def part_names() -> list[str]:
    return [p.name for p in PARTS]


def find_part(name: str) -> Part | None:
    return next((p for p in PARTS if p.name == name), None)


def plan_parts() -> list[Part]:
    """The casemanager's parts an included case still needs: the shared ones were asked here."""
    from levensloop_docs.interview.parts import PARTS as PLAN_PARTS

    shared = {"casus", "persoon", "juridisch", "gegevensdeling"}
    return [part for part in PLAN_PARTS if part.name not in shared]
