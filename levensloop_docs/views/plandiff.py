"""What changed between two versions of a plan, in the words a casemanager uses.

Items are matched by what people recognise them by, not by position: an action by its
levensgebied and its text, a partner by its short name, a scenario by its name, a route
step by its levels (from ... to ...), a legal title by its kind. Each change becomes one
sentence ("Nieuwe actie bij Huisvesting: ..."), grouped by part of the plan, never a
field path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from levensloop_docs.i18n import _, format_date, format_list
from levensloop_docs.model.casus import Actie, Casus, OpschalingsStap, Partner, Scenario, Titel
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.text import clean_text
from levensloop_docs.views.common import FASES

NIEUW, GEWIJZIGD, VERVALLEN = "nieuw", "gewijzigd", "vervallen"


@dataclass(frozen=True)
class Change:
    onderdeel: str  # part of the plan, e.g. "Acties"
    soort: str  # nieuw / gewijzigd / vervallen
    tekst: str

    def as_context(self) -> dict[str, str]:
        return {"onderdeel": self.onderdeel, "soort": self.soort, "tekst": clean_text(self.tekst)}


def _when(value: date | str | None) -> str:
    if isinstance(value, date):
        return format_date(value)
    return value or _("no date")


class PlanDiff:
    """Compares ``old`` with ``new``; ``changes()`` lists every difference in order of the plan."""

    def __init__(self, old: Casus, new: Casus, vocab: Vocabularies) -> None:
        self.old, self.new, self.vocab = old, new, vocab
        self.out: list[Change] = []

    def label(self, vocabulary: str, key: str | None) -> str:
        return self.vocab[vocabulary].label(key) if key else ""

    def who(self, ref: str) -> str:
        for casus in (self.new, self.old):
            p = casus.partner(ref)
            if p is not None:
                return p.organisatie
            n = casus.naaste(ref)
            if n is not None:
                return f"{n.naam} ({n.relatie})"
        return ref

    def add(self, part: str, kind: str, text: str) -> None:
        self.out.append(Change(part, kind, text))

    def changes(self) -> list[Change]:
        self.persoon()
        self.titels()
        self.partners()
        self.levensgebieden()
        self.acties()
        self.scenarios()
        self.route()
        return self.out

    # -- person and legal framework -------------------------------------------------------
    def persoon(self) -> None:
        old, new = self.old.persoon, self.new.persoon
        if old.verblijf != new.verblijf:
            text = _("Stays now: {new} (was: {old}).").format(
                new=self.label("verblijf", new.verblijf), old=self.label("verblijf", old.verblijf))
            self.add(_("Person"), GEWIJZIGD, text)

    def titels(self) -> None:
        part = _("Legal framework")
        old = {t.titel: t for t in self.old.persoon.juridisch_kader}
        new = {t.titel: t for t in self.new.persoon.juridisch_kader}
        for key, t in new.items():
            name = self.label("titels", key)
            if key not in old:
                self.add(part, NIEUW, _("New title: {name}{period}.").format(name=name, period=_period(t)))
            elif (old[key].start, old[key].einde) != (t.start, t.einde):
                self.add(part, GEWIJZIGD, _("{name} now runs {period} (was {old}).").format(
                    name=name, period=_period(t).strip() or _("without dates"),
                    old=_period(old[key]).strip() or _("without dates")))
        for key in [k for k in old if k not in new]:
            self.add(part, VERVALLEN, _("Title no longer in the plan: {name}.").format(
                name=self.label("titels", key)))

    # -- network --------------------------------------------------------------------------
    def partners(self) -> None:
        part = _("Network")
        old = {p.id: p for p in self.old.netwerk.partners}
        new = {p.id: p for p in self.new.netwerk.partners}
        for ref, p in new.items():
            if ref not in old:
                self.add(part, NIEUW, _("New partner: {org} ({role}).").format(
                    org=p.organisatie, role=self.label("rollen", p.rol)))
            else:
                what = _partner_fields(old[ref], p)
                if what:
                    self.add(part, GEWIJZIGD, _("{org}: changed {what}.").format(
                        org=p.organisatie, what=format_list(what)))
        for ref in [k for k in old if k not in new]:
            self.add(part, VERVALLEN, _("Partner no longer in the network: {org}.").format(
                org=old[ref].organisatie))

    # -- levensgebieden, goals and actions ------------------------------------------------
    def levensgebieden(self) -> None:
        part = _("Levensgebieden and goals")
        old = {g.gebied: g for g in self.old.levensgebieden}
        new = {g.gebied: g for g in self.new.levensgebieden}
        for key, g in new.items():
            name = self.label("levensgebieden", key)
            if key not in old:
                self.add(part, NIEUW, _("New levensgebied in the plan: {name}.").format(name=name))
                continue
            for doel in g.doelen:
                if doel not in old[key].doelen:
                    self.add(part, NIEUW, _("New goal for {name}: {goal}").format(name=name, goal=doel))
            for doel in old[key].doelen:
                if doel not in g.doelen:
                    text = _("Goal for {name} dropped: {goal}").format(name=name, goal=doel)
                    self.add(part, VERVALLEN, text)
        for key in [k for k in old if k not in new]:
            self.add(part, VERVALLEN, _("Levensgebied no longer in the plan: {name}.").format(
                name=self.label("levensgebieden", key)))

    def acties(self) -> None:
        part = _("Actions")
        old = _actions(self.old)
        new = _actions(self.new)
        for key, a in new.items():
            name = self.label("levensgebieden", key[0])
            if key not in old:
                self.add(part, NIEUW, _("New action for {name}: {what} (who: {who}; when: {when}).").format(
                    name=name, what=a.wat, who=self.who(a.wie), when=_when(a.wanneer)))
                continue
            what = self._action_fields(old[key], a)
            if what:
                self.add(part, GEWIJZIGD, _("Action for {name} '{what}': {changes}.").format(
                    name=name, what=a.wat, changes=format_list(what)))
        for key, a in old.items():
            if key not in new:
                self.add(part, VERVALLEN, _("Action for {name} no longer in the plan: {what}").format(
                    name=self.label("levensgebieden", key[0]), what=a.wat))

    def _action_fields(self, old: Actie, new: Actie) -> list[str]:
        out = []
        if old.wie != new.wie:
            out.append(_("now done by {new} (was {old})").format(
                new=self.who(new.wie), old=self.who(old.wie)))
        if old.wanneer != new.wanneer:
            out.append(_("when: {new} (was {old})").format(new=_when(new.wanneer), old=_when(old.wanneer)))
        if old.status != new.status:
            out.append(_("status {new} (was {old})").format(
                new=self.label("actiestatussen", new.status).lower(),
                old=self.label("actiestatussen", old.status).lower()))
        return out

    # -- scenarios ------------------------------------------------------------------------
    def scenarios(self) -> None:
        part = _("Scenarios")
        old = {s.naam: s for s in self.old.scenarios}
        new = {s.naam: s for s in self.new.scenarios}
        for name, s in new.items():
            if name not in old:
                self.add(part, NIEUW, _("New scenario: {name}.").format(name=name))
                continue
            what = self._scenario_fields(old[name], s)
            if what:
                self.add(part, GEWIJZIGD, _("Scenario '{name}': {changes}.").format(
                    name=name, changes=format_list(what)))
        for name in [k for k in old if k not in new]:
            self.add(part, VERVALLEN, _("Scenario no longer in the plan: {name}.").format(name=name))

    def _scenario_fields(self, old: Scenario, new: Scenario) -> list[str]:
        out = []
        if old.beschrijving != new.beschrijving:
            out.append(_("new description"))
        for fase in FASES:
            if getattr(old.signalen, fase) != getattr(new.signalen, fase):
                out.append(_("other signals in phase {phase}").format(phase=fase))
        before = {(a.fase, a.wie, a.wat) for a in old.acties}
        after = {(a.fase, a.wie, a.wat) for a in new.acties}
        for fase, wie, wat in sorted(after - before):
            out.append(_("new in phase {phase}: {who} {what}").format(
                phase=fase, who=self.who(wie), what=wat))
        for fase, wie, wat in sorted(before - after):
            out.append(_("dropped in phase {phase}: {who} {what}").format(
                phase=fase, who=self.who(wie), what=wat))
        if old.wie_bellen != new.wie_bellen:
            out.append(_("call now: {who}").format(who=format_list(self.who(r) for r in new.wie_bellen)))
        return out

    # -- the route up and down ------------------------------------------------------------
    def route(self) -> None:
        part = _("Scaling up and down")
        old = {(s.van, s.naar): s for s in self.old.opschaling.stappen}
        new = {(s.van, s.naar): s for s in self.new.opschaling.stappen}
        for key, s in new.items():
            step = self._step_name(key)
            if key not in old:
                self.add(part, NIEUW, _("New step: {step}.").format(step=step))
                continue
            what = self._step_fields(old[key], s)
            if what:
                text = _("Step {step}: {changes}.").format(step=step, changes=format_list(what))
                self.add(part, GEWIJZIGD, text)
        for key in [k for k in old if k not in new]:
            text = _("Step no longer in the route: {step}.").format(step=self._step_name(key))
            self.add(part, VERVALLEN, text)
        if self.old.opschaling.afschaling != self.new.opschaling.afschaling:
            self.add(part, GEWIJZIGD, _("The agreements on scaling down changed."))

    def _step_name(self, key: tuple[str, str]) -> str:
        return _("from {van} to {naar}").format(van=self.label("niveaus", key[0]).lower(),
                                                 naar=self.label("niveaus", key[1]).lower())

    def _step_fields(self, old: OpschalingsStap, new: OpschalingsStap) -> list[str]:
        checks: list[tuple[Callable[[OpschalingsStap], Any], str]] = [
            (lambda s: s.criteria, _("other criteria to scale up")),
            (lambda s: s.bestemming, _("other destination")),
            (lambda s: s.juridische_basis, _("other legal basis")),
            (lambda s: (s.vervoer, s.overdracht), _("other transport or handover")),
            (lambda s: s.doorloopt, _("other agreements on what continues")),
            (lambda s: (s.terugkeergarantie, s.terugkeer_toelichting), _("other return guarantee")),
        ]
        out = []
        if old.wie_besluit != new.wie_besluit:
            out.append(_("now decided by {new} (was {old})").format(
                new=self.who(new.wie_besluit), old=self.who(old.wie_besluit)))
        out += [text for get, text in checks if get(old) != get(new)]
        return out


def _actions(casus: Casus) -> dict[tuple[str, str], Actie]:
    return {(g.gebied, a.wat.strip()): a for g in casus.levensgebieden for a in g.acties}


def _period(t: Titel) -> str:
    parts = []
    if t.start:
        parts.append(_("from {date}").format(date=format_date(t.start)))
    if t.einde:
        parts.append(_("until {date}").format(date=format_date(t.einde)))
    return (" " + " ".join(parts)) if parts else ""


def _partner_fields(old: Partner, new: Partner) -> list[str]:
    names = {
        "rol": _("role"), "organisatie": _("organisation"), "contactpersoon": _("contact person"),
        "functie": _("function"), "telefoon": _("phone"), "email": _("e-mail"), "ring": _("ring"),
    }
    return [label for field, label in names.items() if getattr(old, field) != getattr(new, field)]


def plan_diff(old: Casus, new: Casus, vocab: Vocabularies) -> list[Change]:
    return PlanDiff(old, new, vocab).changes()


def grouped(changes: Iterable[Change]) -> list[dict[str, Any]]:
    """Changes per part of the plan, for a template: [{onderdeel, wijzigingen: [...]}]."""
    groups: dict[str, list[dict[str, str]]] = {}
    for c in changes:
        groups.setdefault(c.onderdeel, []).append(c.as_context())
    return [{"onderdeel": k, "wijzigingen": v} for k, v in groups.items()]
