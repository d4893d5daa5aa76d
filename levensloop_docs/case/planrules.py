"""Warnings on the content of a levensloopplan: safety, the legal route, completeness, voice.

A case can be valid and still not be a plan that a network can adopt: no 24/7 number, a
clinic without a contact, a zelfbindingsverklaring without a fallback, a levensgebied a
scenario is about but that the plan leaves out. These are warnings, each naming the field
where the fix goes and the rule that found it (``rule``): ``case/safety.py`` says which rules
are about safety and which documents they concern; such a document prints as CONCEPT.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from levensloop_docs.errors import Problem
from levensloop_docs.i18n import LOCALE, _, format_date
from levensloop_docs.model.casus import KLINISCH, Casus, OpschalingsStap, Partner, Scenario
from levensloop_docs.model.vocab import Vocabularies

if TYPE_CHECKING:
    from levensloop_docs.reference.regions import Region

Loc = tuple[str | int, ...]
# A title that ends within this period after the plan was set needs an agreement now.
PLAN_PERIOD = timedelta(days=365)
# the role of the casusregisseur: the levensloopaanbieder holds the case
CASUSREGISSEUR = "levensloopaanbieder"
# scenario kinds that count as the third form of escalation: after contact with justice
ARREST_KINDS = ("contact_justitie",)


def _w(loc: Loc, message: str, rule: str) -> tuple[Loc, Problem]:
    from levensloop_docs.problems import format_loc

    return loc, Problem(None, format_loc(loc), message, warning=True, rule=rule)


def has_plan(casus: Casus) -> bool:
    """A plan belongs to an included case, one that left, or one without an aanmelding in the file.

    The registry's ``heeft_plan`` and every document that needs a plan use this one rule.
    """
    return casus.aanmelding is None or casus.meta.status in ("geincludeerd", "uitgestroomd")


def is_admission(level: str) -> bool:
    return level in KLINISCH


def casusregisseur(casus: Casus) -> Partner | None:
    """The partner that holds the case (role 'levensloopaanbieder'), if the network has one."""
    return next((p for p in casus.netwerk.partners if p.rol == CASUSREGISSEUR), None)


def first_ring(casus: Casus) -> tuple[str, ...]:
    """The roles the case's region puts in the first ring (the default without a profile)."""
    from levensloop_docs.reference.regions import DEFAULT_FIRST_RING, optional_region

    region = optional_region(casus.meta.regio)
    return region.eerste_ring if region is not None else DEFAULT_FIRST_RING


def running(casus: Casus, titel: str, today: date) -> bool:
    return any(
        k.titel == titel and (k.start is None or k.start <= today) and (k.einde is None or k.einde >= today)
        for k in casus.persoon.juridisch_kader
    )


# -- 1. the 24/7 contact --------------------------------------------------------------------

def night_numbers(casus: Casus) -> list[Partner]:
    """The partners reachable day and night: a bereikbaarheidsdienst or the crisisdienst."""
    return [p for p in casus.netwerk.partners if p.day_and_night]


def night_phone(p: Partner) -> str:
    """The number to call at night: the bereikbaarheidsdienst, else the crisisdienst's own."""
    return p.buiten_kantoortijd or p.telefoon or ""


def contact_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    partners = casus.netwerk.partners
    aanbieder = [p for p in partners if p.rol == "levensloopaanbieder"]
    if not any(p.telefoon for p in aanbieder):
        yield _w(("netwerk", "partners"), _(
            "There is no phone number of the casusregisseur: fill in 'telefoon' for the partner "
            "with role levensloopaanbieder."), "casusregisseur_telefoon")
    if not any(p.buiten_kantoortijd for p in aanbieder):
        yield _w(("netwerk", "partners"), _(
            "There is no 24/7 number of the levensloopaanbieder: fill in 'buiten_kantoortijd' "
            "(the bereikbaarheidsdienst) for the partner with role levensloopaanbieder."), "nachtlijn")
    if not any(p.rol == "crisisdienst" and (p.telefoon or p.buiten_kantoortijd) for p in partners):
        yield _w(("netwerk", "partners"), _(
            "The GGZ crisisdienst is missing: add a partner with role 'crisisdienst' and its "
            "number, so that nights and weekends are covered."), "crisisdienst")


# -- 2, 3 and 5: the route ------------------------------------------------------------------

def destination_contact(casus: Casus, stap: OpschalingsStap) -> tuple[str, str, str] | None:
    """(name, intake contact, phone) of a step's destination, or None when it has none."""
    b = stap.bestemming
    if b.partner:
        p = casus.partner(b.partner)
        if p is not None and p.telefoon and p.contactpersoon:
            return p.organisatie, p.contactpersoon, p.telefoon
        return None
    from levensloop_docs.reference.regions import optional_region

    region: Region | None = optional_region(casus.meta.regio)
    bed = region.bed(b.plaats) if region and b.plaats else None
    if bed is not None and bed.telefoon and bed.contact:
        return bed.naam, bed.contact, bed.telefoon
    return None


def has_destination(stap: OpschalingsStap) -> bool:
    b = stap.bestemming
    return bool(b.bedtype or b.plaats or b.partner)


def route_problems(casus: Casus, vocab: Vocabularies) -> Iterator[tuple[Loc, Problem]]:
    stappen = casus.opschaling.stappen
    bedtypes, niveaus = vocab["bedtypes"], vocab["niveaus"]
    for i, stap in enumerate(stappen):
        loc: Loc = ("opschaling", "stappen", i)
        if is_admission(stap.naar) and not has_destination(stap):
            yield _w((*loc, "bestemming"), _(
                "This admission step has no destination: name the clinic (bestemming.partner) or "
                "the bed of the region profile (bestemming.plaats)."), "bestemming_ontbreekt")
        if is_admission(stap.naar) and not stap.criteria:
            yield _w((*loc, "criteria"), _(
                "This admission step has no criteria: write down when it is taken (criteria), so "
                "that the clinic knows why the person comes."), "opname_zonder_reden")
        if has_destination(stap) and destination_contact(casus, stap) is None:
            yield _w((*loc, "bestemming"), _(
                "This destination has no contact details: name the clinic as a partner "
                "(bestemming.partner, with contactpersoon and telefoon) or use a bed of the "
                "region profile that has an intake contact and phone number."), "bestemming_contact")
        level = bedtypes.get(stap.bestemming.bedtype or "", "niveau")
        if level and level != stap.naar:
            yield _w((*loc, "bestemming", "bedtype"), _(
                "This bed type belongs to the level '{level}', but the step goes to '{naar}'. "
                "Let the step go to that level, or choose another bed type.").format(
                    level=niveaus.label(level), naar=niveaus.label(stap.naar)), "bestemming_niveau")
        if not is_admission(stap.naar) and (stap.doorloopt or stap.terugkeer_toelichting):
            yield _w((*loc, "doorloopt"), _(
                "This step has no admission: 'doorloopt' and the terugkeergarantie are not "
                "printed for it."), "opname_velden")
    to_biz = [s for s in stappen if s.naar == "biz"]
    if to_biz and not any(s.naar == "klinisch_regulier" for s in stappen):
        yield _w(("opschaling", "stappen"), _(
            "There is a step to beveiligde intensieve zorg (BIZ) but no regular clinical step "
            "beside it: fix the regular clinical setting to step down to."), "biz_zonder_regulier")
    af = casus.opschaling.afschaling
    if to_biz and (af is None or not af.bestemming):
        yield _w(("opschaling", "afschaling", "bestemming"), _(
            "With a BIZ step the step-down destination is decided at admission: fill in "
            "afschaling.bestemming."), "afschaling_bestemming")
    if af is not None and af.wie_stabiel is None and stappen:
        yield _w(("opschaling", "afschaling", "wie_stabiel"), _(
            "Name who declares the person stable (usually the clinic of the "
            "levensloopaanbieder): that starts the de-escalation."), "wie_stabiel")


def escalation_form_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    if not any(s.soort in ARREST_KINDS for s in casus.scenarios):
        yield _w(("scenarios",), _(
            "There is no scenario for arrest or a new detention (soort: contact_justitie): "
            "who tells the casusregisseur, and how does contact continue in the PI?"), "scenario_justitie")


# -- 6. legal basis ---------------------------------------------------------------------------

def is_acute(stap: OpschalingsStap) -> bool:
    """A step for an acute crisis: so marked (vormen), or, unmarked, its criteria say so."""
    from levensloop_docs.reference.criteria import crisis_words

    if stap.vormen:
        return "acute_crisis" in stap.vormen
    return bool(crisis_words(" ".join(stap.criteria)))


def acute_on_request(stap: OpschalingsStap) -> bool:
    """An acute admission that waits for a zorgmachtiging to be requested, with no crisismaatregel."""
    bases = {stap.juridische_basis, stap.juridische_terugval}
    return (is_admission(stap.naar) and is_acute(stap) and "zorgmachtiging" in bases
            and "crisismaatregel" not in bases)


def legal_problems(casus: Casus, today: date) -> Iterator[tuple[Loc, Problem]]:
    for i, stap in enumerate(casus.opschaling.stappen):
        loc: Loc = ("opschaling", "stappen", i)
        if stap.juridische_basis == "zelfbindingsverklaring" and stap.juridische_terugval is None:
            yield _w((*loc, "juridische_terugval"), _(
                "A zelfbindingsverklaring alone is not enough: name the fallback for when it is "
                "withdrawn (juridische_terugval: crisismaatregel, or zorgmachtiging via the OM)."),
                "basis_zelfbinding")
        if stap.juridische_basis == "lopende_zorgmachtiging" and not running(
            casus, "wvggz_zorgmachtiging", today
        ):
            yield _w((*loc, "juridische_basis"), _(
                "This step relies on a running zorgmachtiging, but the legal framework has none "
                "that runs today."), "basis_lopend")
        if stap.juridische_basis == "zorgmachtiging" and running(casus, "wvggz_zorgmachtiging", today):
            yield _w((*loc, "juridische_basis"), _(
                "A zorgmachtiging already runs: choose 'lopende_zorgmachtiging', or plan the "
                "request for a new one when the current one ends."), "basis_dubbel")
        if acute_on_request(stap):
            yield _w((*loc, "juridische_terugval"), _(
                "This step is for an acute crisis but relies on requesting a zorgmachtiging, which "
                "takes weeks: name the crisismaatregel (burgemeester) as juridische_terugval, or as "
                "the basis."), "basis_acuut")
    start = casus.meta.vastgesteld or today
    for i, titel in enumerate(casus.persoon.juridisch_kader):
        if titel.einde and start <= titel.einde <= start + PLAN_PERIOD and not titel.bij_afloop:
            yield _w(("persoon", "juridisch_kader", i, "bij_afloop"), _(
                "This title ends on {date}, within the plan period: agree who does what before "
                "then (bij_afloop and bij_afloop_wie).").format(date=format_date(titel.einde)),
                "titel_afloop")


# -- 9. completeness and voice ----------------------------------------------------------------

def referred_domains(s: Scenario, vocab: Vocabularies) -> set[str]:
    """The levensgebieden a scenario names, implies by its kind, or whose words it uses."""
    gebieden = vocab["levensgebieden"]
    found = set(s.levensgebieden) | set(vocab["scenariosoorten"].get(s.soort, "levensgebieden", []) or [])
    text = " ".join([s.naam, s.beschrijving, *s.signalen.groen, *s.signalen.oranje, *s.signalen.rood])
    text = text.lower()
    for key in gebieden:
        words = gebieden.get(key, "trefwoorden", []) or []
        if words and _any_word(tuple(str(w).lower() for w in words)).search(text):
            found.add(key)
    return found


@cache
def _any_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a levensgebied's words (each where a word starts), made once."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")")


def completeness_problems(casus: Casus, vocab: Vocabularies) -> Iterator[tuple[Loc, Problem]]:
    gebieden = vocab["levensgebieden"]
    present = {g.gebied for g in casus.levensgebieden}
    for i, s in enumerate(casus.scenarios):
        for key in sorted(referred_domains(s, vocab) - present):
            yield _w(("scenarios", i), _(
                "This scenario is about '{domain}', but that levensgebied is not in the plan: "
                "add it to 'levensgebieden' (with content, or empty for 'geen afspraken nodig').").format(
                    domain=gebieden.label(key)), "scenario_levensgebied")
    for i, g in enumerate(casus.levensgebieden):
        if g.zrm_score is not None and not gebieden.get(g.gebied, "zrm", True):
            yield _w(("levensgebieden", i, "zrm_score"), _(
                "This levensgebied has no domain in the Zelfredzaamheid-Matrix: the ZRM score is "
                "not printed. Remove it."), "zrm_zonder_domein")
    for i, n in enumerate(casus.netwerk.naasten):
        if "slachtoffer" in n.type and not n.bescherming:
            yield _w(("netwerk", "naasten", i, "bescherming"), _(
                "This naaste is (also) a victim: record the victim-protection agreements "
                "(check of a contactverbod, who informs and protects them)."), "slachtoffer_bescherming")
    c = casus.client
    if not (c.doelen or c.wat_helpt or c.betrokkenheid):
        yield _w(("client",), _(
            "The client's own voice is missing: record their goals, what helps them and whether "
            "they co-wrote, saw or refused the plan (client.doelen, client.wat_helpt, "
            "client.betrokkenheid)."), "stem_client")


@cache
def day_without_year() -> re.Pattern[str]:
    """'28 februari' without a year: in a plan that runs for years the reader cannot tell which
    one. The month names are the printed language's, from Babel."""
    from babel.dates import get_month_names

    months = [str(m) for m in get_month_names("wide", locale=LOCALE).values()]
    return re.compile(r"\b\d{1,2} (?:" + "|".join(months) + r")\b(?! \d{4})", re.IGNORECASE)


def _texts(node: object, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(node, str):
        yield loc, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*loc, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _texts(value, (*loc, i))


def _all_texts(node: object, into: list[str]) -> None:
    if isinstance(node, str):
        into.append(node)
    elif isinstance(node, dict):
        for value in node.values():
            _all_texts(value, into)
    elif isinstance(node, list):
        for value in node:
            _all_texts(value, into)


def typography_problems(casus: Casus) -> Iterator[tuple[Loc, Problem]]:
    """Text that prints badly: an arrow typed as '->', a date without its year."""
    data = casus.model_dump(mode="json", exclude={"aanmelding"})
    # one look at all texts together first: a match cannot span two of them ('\n' between),
    # and most plans have neither, so the walk that names each place rarely runs
    everything: list[str] = []
    _all_texts(data, everything)
    joined = "\n".join(everything)
    if "->" not in joined and not day_without_year().search(joined):
        return
    for loc, text in _texts(data, ()):
        if "->" in text:
            yield _w(loc, _("Write out what '->' means (for example 'leidt tot'): an arrow typed as '->' "
                            "reads badly in print."), "pijl")
        if day_without_year().search(text):
            yield _w(loc, _("A date in this text has no year (for example '28 februari'): add the year."),
                     "datum_zonder_jaar")


def plan_problems(casus: Casus, vocab: Vocabularies, today: date) -> list[tuple[Loc, Problem]]:
    if not has_plan(casus):
        return []
    return [
        *contact_problems(casus),
        *route_problems(casus, vocab),
        *escalation_form_problems(casus),
        *legal_problems(casus, today),
        *completeness_problems(casus, vocab),
        *typography_problems(casus),
    ]

