"""The parts of the plan context that make it adoptable: safety, legal route, completeness, voice.

``extend_plan`` adds keys to (and tidies) the context ``views.plan.ContextBuilder`` built:
112 first in every red phase and the 24/7 numbers; the contact of each escalation
destination (or the fact that it is missing); rows that only apply to an admission; titles
that end within the plan period; every levensgebied of the vocabulary; the client's and the
naasten's voice; who signs. The printed words live in the template; this module gives data
and flags. Only the plan uses it: partner sheets keep their own allow-listed context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from levensloop_docs.case.planrules import (
    PLAN_PERIOD,
    destination_contact,
    has_destination,
    is_admission,
    night_numbers,
)
from levensloop_docs.i18n import _, format_date, format_list
from levensloop_docs.model.casus import Casus, OpschalingsStap
from levensloop_docs.reference.regions import DEFAULT_FIRST_RING, load_region

if TYPE_CHECKING:
    from levensloop_docs.views.plan import ContextBuilder

Context = dict[str, Any]


def _t(value: str | None) -> str:
    from levensloop_docs.views.common import text

    return text(value)


def _first_ring(casus: Casus) -> tuple[str, ...]:
    from levensloop_docs.errors import LevensloopError

    try:
        return load_region(casus.meta.regio).eerste_ring
    except LevensloopError:
        return DEFAULT_FIRST_RING


def _step(number: int) -> str:
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


class PlanExtra:
    def __init__(self, ctx: Context, b: ContextBuilder) -> None:
        self.ctx, self.b, self.casus, self.vocab = ctx, b, b.casus, b.vocab

    # -- safety ---------------------------------------------------------------------------
    def nachtnummers(self) -> list[Context]:
        out = []
        for p in night_numbers(self.casus):
            out.append({"naam": self.b.who(p.id), "telefoon": _t(p.buiten_kantoortijd or p.telefoon)})
        return out

    def call_line(self, ref: str) -> Context:
        """Whom a scenario calls; the police's 0900 line is for afterwards, never for a crisis."""
        p = self.casus.partner(ref)
        found = p or self.casus.naaste(ref)
        phone = _t(found.telefoon) if found is not None and found.telefoon else ""
        return {"wie": self.b.who(ref), "telefoon": phone, "politie": p is not None and p.rol == "politie"}

    def scenarios(self) -> None:
        for s, sc in zip(self.casus.scenarios, self.ctx["scenarios"], strict=True):
            # an empty phase is left out (never a '-'); red stays: it carries 112
            sc["fasen"] = [f for f in sc["fasen"] if f["signalen"] or f["acties"] or f["fase"] == "rood"]
            for f in sc["fasen"]:
                f["rood"] = f["fase"] == "rood"
            sc["bellen"] = [self.call_line(r) for r in s.wie_bellen]
            sc["gebieden"] = format_list(
                self.vocab["levensgebieden"].label(k).lower() for k in s.levensgebieden
            )

    def aanspreekpunten(self) -> None:
        first = {"titel": _("In immediate danger"), "naam": _("Police, ambulance, fire brigade"),
                 "bereikbaar": "112"}
        nacht_titel = _("Outside office hours (day and night)")
        nacht = [
            {"titel": nacht_titel, "naam": n["naam"], "bereikbaar": n["telefoon"]}
            for n in self.nachtnummers()
        ]
        self.ctx["aanspreekpunten"] = [first, *self.ctx["aanspreekpunten"], *nacht]

    # -- the route ------------------------------------------------------------------------
    def opschaling(self) -> None:
        o, v, ctx = self.casus.opschaling, self.vocab, self.ctx["opschaling"]
        for s, sc in zip(o.stappen, ctx["stappen"], strict=True):
            contact = destination_contact(self.casus, s)
            sc["opname"] = is_admission(s.naar)
            sc["heeft_bestemming"] = has_destination(s)
            sc["contact"] = ", ".join(_t(part) for part in contact) if contact else ""
            sc["biz"] = s.naar == "biz"
            sc["juridische_terugval"] = (
                v["juridische_basis"].label(s.juridische_terugval) if s.juridische_terugval else ""
            )
            sc["vormen"] = format_list(v["escalatievormen"].label(k).lower() for k in s.vormen)
            # empty (the row is left out) where the question was never asked
            sc["terugkeer"] = self.terugkeer(s) if s.terugkeer_gevraagd else ""
        ctx["huidig_niveau"] = v["niveaus"].label(o.huidig_niveau) if o.huidig_niveau else ""
        ctx["huidig_sinds"] = format_date(o.huidig_sinds)
        ctx["volgende_stap"] = _t(o.volgende_stap)
        ctx["regulier_naast_biz"] = format_list(
            _step(i) for i, s in enumerate(o.stappen, start=1) if s.naar == "klinisch_regulier"
        )
        ctx["vormen"] = self.vormen()
        af, afc = o.afschaling, ctx["afschaling"]
        if af is not None and afc is not None:
            afc["wie_stabiel"] = self.b.who(af.wie_stabiel) if af.wie_stabiel else ""
            afc["randvoorwaarden"] = [_t(x) for x in af.randvoorwaarden]

    @staticmethod
    def terugkeer(s: OpschalingsStap) -> str:
        answer = _("Yes") if s.terugkeergarantie else _("No")
        if not s.terugkeer_toelichting:
            return answer
        return _("{answer}. {explanation}").format(answer=answer, explanation=_t(s.terugkeer_toelichting))

    def vormen(self) -> list[Context]:
        """The three forms of escalation and where each has its place: steps and scenarios."""
        vormen = self.vocab["escalatievormen"]
        out = []
        for key in vormen:
            soorten = vormen.get(key, "scenariosoorten", []) or []
            steps = [_step(i) for i, s in enumerate(self.casus.opschaling.stappen, 1) if key in s.vormen]
            scen = [_("scenario 6.{number}").format(number=i)
                    for i, s in enumerate(self.casus.scenarios, 1) if s.soort in soorten]
            out.append({"vorm": vormen.label(key), "waar": format_list([*steps, *scen])})
        return out

    # -- legal ----------------------------------------------------------------------------
    def afloop(self) -> None:
        start = self.casus.meta.vastgesteld or self.b.today
        items = []
        titels = zip(self.casus.persoon.juridisch_kader, self.ctx["persoon"]["juridisch_kader"], strict=True)
        for k, kc in titels:
            ends = k.einde is not None and start <= k.einde <= start + PLAN_PERIOD
            kc["afloop"] = ends
            if ends or k.bij_afloop:
                items.append({
                    "titel": kc["titel"],
                    "datum": kc["einde"],
                    "voorbij": k.einde is not None and k.einde < self.b.today,
                    "wie": self.b.who(k.bij_afloop_wie) if k.bij_afloop_wie else "",
                    "wat": _t(k.bij_afloop),
                })
        self.ctx["persoon"]["afloop"] = items

    # -- completeness ---------------------------------------------------------------------
    def levensgebieden(self) -> None:
        gebieden = self.vocab["levensgebieden"]
        detail, overzicht = [], []
        keys = (g.gebied for g in self.casus.levensgebieden)
        by_key = dict(zip(keys, self.ctx["levensgebieden"], strict=True))
        for g in self.casus.levensgebieden:
            gc = by_key[g.gebied]
            if not gebieden.get(g.gebied, "zrm", True):
                gc["zrm_score"] = ""  # no ZRM domain: a score would mean nothing
            if gc["situatie"] or gc["risicos"] or gc["doelen"] or gc["acties"]:
                detail.append(gc)
        numbers = {id(gc): i for i, gc in enumerate(detail, start=1)}
        for key in gebieden:
            gc = by_key.get(key)
            status = _("not discussed") if gc is None else (
                _("see 5.{number}").format(number=numbers[id(gc)]) if id(gc) in numbers
                else _("no agreements needed"))
            overzicht.append({
                "gebied": gebieden.label(key),
                "zrm": (gc["zrm_score"] if gc else "") if gebieden.get(key, "zrm", True)
                else _("no ZRM domain"),
                "status": status,
            })
        self.ctx["levensgebieden"] = detail
        self.ctx["levensgebieden_overzicht"] = overzicht

    # -- voice ----------------------------------------------------------------------------
    def stemmen(self) -> None:
        c = self.casus.client
        self.ctx["client"] = {
            "doelen": [_t(x) for x in c.doelen],
            "wat_helpt": [_t(x) for x in c.wat_helpt],
            "betrokkenheid": self.vocab["betrokkenheid"].label(c.betrokkenheid) if c.betrokkenheid else "",
            "toelichting": _t(c.toelichting),
        }
        for n, nc in zip(self.casus.netwerk.naasten, self.ctx["naasten"], strict=True):
            nc["wil"] = _t(n.wil)
            nc["betrokkenheid"] = _t(n.betrokkenheid)
            nc["bescherming"] = [_t(x) for x in n.bescherming]
            nc["slachtoffer"] = "slachtoffer" in n.type
            # asked what they want: who may be contacted, or is a victim, or has said something
            nc["stem"] = n.toestemming_contact or nc["slachtoffer"] or bool(n.wil or n.betrokkenheid)
        self.ctx["veiligheidsafspraken"] = [_t(x) for x in self.casus.veiligheidsafspraken]

    # -- who signs, the network rings, meta -----------------------------------------------
    def ondertekening(self) -> None:
        rollen = self.vocab["rollen"]
        acting = set(acting_partners(self.casus))
        akkoord = {a.wie: a.datum for a in self.casus.meta.akkoord}
        out = []
        for p in self.casus.netwerk.partners:
            vertegenwoordiger = bool(rollen.get(p.rol, "vertegenwoordiger", False))
            if p.id in acting or p.id in akkoord or p.rol == "procesregisseur" or vertegenwoordiger:
                out.append({
                    "wie": self.b.who(p.id),
                    "rol": rollen.label(p.rol),
                    "akkoord": format_date(akkoord.get(p.id)),
                    "vertegenwoordiger": vertegenwoordiger,
                })
        # the client signs last, in the same table (two tables in a row merge in LibreOffice)
        out.append({"wie": _t(self.casus.persoon.naam),
                    "rol": _("Client, for seen and where possible agreed"),
                    "akkoord": "", "vertegenwoordiger": False})
        self.ctx["ondertekening"] = out

    def ringen(self) -> None:
        first = _first_ring(self.casus)
        for p, pc in zip(self.casus.netwerk.partners, self.ctx["partners"], strict=True):
            pc["ring"] = p.ring or (1 if p.rol in first else 2)
            pc["buiten_kantoortijd"] = _t(p.buiten_kantoortijd)
        self.ctx["ringen"] = self.b.ringen(self.ctx["partners"])

    def meta(self) -> None:
        m, mc = self.casus.meta, self.ctx["meta"]
        inclusie = m.inclusiedatum
        ag = self.casus.aanmelding
        if inclusie is None and ag and ag.besluit == "geincludeerd" and ag.overleg and ag.overleg.datum:
            inclusie = ag.overleg.datum
        mc["inclusiedatum"] = format_date(inclusie)
        mc["vastgesteld_in"] = _t(m.vastgesteld_in)
        mc["aanwezig"] = [_t(x) for x in m.aanwezig]
        mc["evaluatie_ritme"] = _t(m.evaluatie_ritme)
        mc["wijzigingen"] = [_t(x) for x in m.wijzigingen]
        # a list in running text: only its first word starts with a capital
        labels = [self.vocab["problematiek"].label(k) for k in self.casus.persoon.problematiek]
        self.ctx["persoon"]["problematiek"] = format_list(
            label if i == 0 or label[:3].isupper() else label[0].lower() + label[1:]
            for i, label in enumerate(labels)
        )

    def apply(self) -> Context:
        for part in (self.meta, self.ringen, self.aanspreekpunten, self.scenarios, self.opschaling,
                     self.afloop, self.levensgebieden, self.stemmen, self.ondertekening):
            part()
        self.ctx["noodnummer"] = "112"
        self.ctx["nachtnummers"] = self.nachtnummers()
        return self.ctx


def extend_plan(ctx: Context, builder: ContextBuilder) -> Context:
    return PlanExtra(ctx, builder).apply()
