"""The plan's template context: the whole case, plain, Dutch and ready to print.

Templates never see the model itself: they get dicts and lists with vocabulary labels
resolved, dates formatted by Babel and every text cleaned for XML. The pieces (steps,
phases, contacts, titles) come from ``views/common.py``, which the partner sheet uses too.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from levensloop_docs import __version__
from levensloop_docs.case.uitstroom import ExitStatus, exit_status
from levensloop_docs.i18n import _, format_list
from levensloop_docs.model.casus import Actie, Casus, Scenario
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.regions import region_label
from levensloop_docs.views.common import (
    ActionEntry,
    AreaView,
    Names,
    PartnerEntry,
    RiskEntry,
    ScenarioView,
    TitleEntry,
    action_entry,
    area_view,
    date_text,
    deescalation_view,
    escalation_step,
    exit_criterion_labels,
    legal_frame,
    naaste_entry,
    partner_entry,
    problem_labels,
    risk_entries,
    scenario_view,
    set_on,
    text,
    texts,
    yes_no,
)

Context = dict[str, Any]


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
    """Builds the context of one case; resolves ``wie`` references to readable names."""

    def __init__(self, casus: Casus, vocab: Vocabularies, today: date) -> None:
        self.casus, self.vocab, self.today = casus, vocab, today
        self.names = Names(casus.netwerk.partners, casus.netwerk.naasten, vocab)

    def who(self, ref: str) -> str:
        return self.names.who(ref)

    def actie(self, a: Actie) -> ActionEntry:
        return action_entry(a, self.vocab, self.names)

    def scenario(self, s: Scenario) -> ScenarioView:
        return scenario_view(s, self.vocab, self.names)

    def meta(self) -> Context:
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

    def persoon(self) -> Context:
        p, v = self.casus.persoon, self.vocab
        return {
            "naam": text(p.naam),
            "roepnaam": text(p.roepnaam),
            "geboortedatum": date_text(p.geboortedatum),
            "verblijf": v["verblijf"].label(p.verblijf),
            "verblijf_toelichting": text(p.verblijf_toelichting),
            "problematiek": problem_labels(p, v),
            "problematiek_toelichting": text(p.problematiek_toelichting),
            "juridisch_kader": self.juridisch_kader(),
        }

    def juridisch_kader(self) -> list[TitleEntry]:
        return legal_frame(self.casus.persoon, self.vocab)

    def gegevensdeling(self) -> Context:
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

    def basis_per_partner(self) -> list[Context]:
        """Each partner's own basis (issue 12), as the partner sheets apply it."""
        from levensloop_docs.reference.policy import load_policy, sharing

        policy, v, out = load_policy(), self.vocab, []
        for p in self.casus.netwerk.partners:
            kind = str(v["rollen"].get(p.rol, "partnersoort", p.rol))
            if kind not in policy.partners:
                continue  # the regisseurs hold the plan itself
            share = sharing(policy, self.casus, kind, self.today, {p.id})
            bases = [{"route": v["routes"].label(b.route), "vanaf": date_text(b.since),
                      "titels": format_list(v["titels"].label(t) for t in b.titles)} for b in share.bases]
            out.append({"partner": self.who(p.id), "grondslagen": bases})
        return out

    def levensgebieden(self) -> list[AreaView]:
        return [area_view(g, self.vocab, self.names) for g in self.casus.levensgebieden]

    def opschaling(self) -> Context:
        o, v = self.casus.opschaling, self.vocab
        stappen = [escalation_step(i, s, v, self.names) for i, s in enumerate(o.stappen, start=1)]
        return {"stappen": stappen, "afschaling": deescalation_view(o.afschaling, v)}

    def risicotaxaties(self) -> list[RiskEntry]:
        return risk_entries(self.casus.risicotaxaties, self.vocab)

    def uitstroom(self) -> Context:
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

    def ringen(self, partners: list[PartnerEntry]) -> list[Context]:
        """The network split into first and second ring; an empty ring is left out."""
        out = []
        for ring, titel in ring_titles().items():
            members = [p for p in partners if p["ring"] == ring]
            if members:
                out.append({"ring": ring, "titel": titel, "partners": members})
        return out

    def aanspreekpunten(self, partners: list[PartnerEntry]) -> list[Context]:
        out = []
        for rol, titel in first_contacts():
            p = next((p for p in partners if p["rol_sleutel"] == rol), None)
            if p is not None:
                reach = p["bereikbaar"].replace("\n", ", ")
                out.append({"titel": titel, "naam": p["naam"], "bereikbaar": reach})
        return out

    def build(self) -> Context:
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


def build_context(casus: Casus, vocab: Vocabularies, today: date) -> Context:
    return ContextBuilder(casus, vocab, today).build()
