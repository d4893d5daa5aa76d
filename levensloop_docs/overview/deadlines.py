"""The procesregisseur's overview: per case the dates that need action, most urgent first.

A row holds dates and flags, not text: the terminal, the CSV and the documents each
format it. "Within reach" is 90 days (the issue's horizon for legal titles and consent);
a date before the day of the overview is overdue.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from levensloop_docs.case.safety import concept_only
from levensloop_docs.case.uitstroom import exit_status
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import load_vocabularies

HORIZON_DAYS = 90
ATTENTION_DAYS = 14  # the terminal shows what falls due in the next two weeks
WEEK_DAYS = 7  # "deze week" in the Actie nodig column
ACTIVE = ("aangemeld", "aangehouden", "geincludeerd")


@dataclass(frozen=True)
class Deadline:
    """One dated thing to act on; ``kind`` names it (evaluatie, titel, risicotaxatie, ...)."""

    kind: str
    day: date
    detail: str = ""  # a vocabulary key (the title), never free text from the case


@dataclass
class CaseRow:
    casus_id: str
    regio: str
    status: str
    casusregisseur: str
    volgende_evaluatie: date | None = None
    titels_aflopend: list[Deadline] = field(default_factory=list)
    volgende_risicotaxatie: date | None = None
    toestemming: str = ""  # "", "ingetrokken", "verlopen", "verloopt"
    toestemming_datum: date | None = None
    vroegste_uitstroom: date | None = None
    niet_ondertekend: bool = False
    alleen_concept: bool = False  # plan, partner sheets and crisis cards only as CONCEPT (case/safety.py)
    wacht_sinds: date | None = None  # aanmelding without a decision: its date
    wacht_dagen: int | None = None
    deadlines: list[Deadline] = field(default_factory=list)
    per: date = date.min
    niveau: str = ""  # opschaling.huidig_niveau: the current level of care (a vocabulary key)
    laatste_escalatie: Deadline | None = None  # day and level (detail) of the last escalation
    toestemming_sinds: date | None = None  # consent given on (vrijwillige route)
    # what a procesregisseur watches beyond dates: keys, each with its day (see signal_text)
    signalen: list[Deadline] = field(default_factory=list)

    @property
    def uitstroom_mogelijk(self) -> bool:
        return self.vroegste_uitstroom is not None and self.vroegste_uitstroom <= self.per

    def action(self) -> str:
        """The "Actie nodig" column: te_laat, deze_week, binnen_90 or empty."""
        late = {"overleg_voorbij", "titel_afgelopen"}
        if self.overdue or self.toestemming in ("ingetrokken", "verlopen") or any(
                s.kind in late for s in self.signalen):
            return "te_laat"
        days = [(d.day - self.per).days for d in self.deadlines if d.kind != "aanmelding"]
        days += [(s.day - self.per).days for s in self.signalen if s.day >= self.per]
        if any(n <= WEEK_DAYS for n in days) or self.niet_ondertekend or self.uitstroom_mogelijk:
            return "deze_week"
        if any(n <= HORIZON_DAYS for n in days) or self.wacht_dagen is not None:
            return "binnen_90"
        return ""

    @property
    def overdue(self) -> list[Deadline]:
        # a waiting registration is shown by its waiting days, not as an overdue date
        return [d for d in self.deadlines if d.day < self.per and d.kind != "aanmelding"]

    @property
    def evaluatie_te_laat(self) -> bool:
        return self.volgende_evaluatie is not None and self.volgende_evaluatie < self.per

    @property
    def risicotaxatie_te_laat(self) -> bool:
        return self.volgende_risicotaxatie is not None and self.volgende_risicotaxatie < self.per

    def needs_attention(self, days: int = ATTENTION_DAYS) -> bool:
        """Something to act on now: overdue, withdrawn, unsigned, waiting, or due within ``days``."""
        soon = self.per + timedelta(days=days)
        return bool(self.overdue or self.toestemming in ("ingetrokken", "verlopen") or self.niet_ondertekend
                    or self.alleen_concept or self.wacht_dagen is not None
                    or any(d.day <= soon for d in self.deadlines))

    def urgency(self) -> tuple[int, int, int, int, str]:
        """Sort key: by the Actie nodig column, then most overdue items, the nearest date, the id."""
        nearest = min((d.day for d in self.deadlines), default=None)
        days = (nearest - self.per).days if nearest else 10**6
        flags = len(self.overdue) + int(self.toestemming == "ingetrokken") + int(self.niet_ondertekend)
        flags += sum(1 for s in self.signalen if s.kind in ("overleg_voorbij", "titel_afgelopen"))
        rank = ("te_laat", "deze_week", "binnen_90", "").index(self.action())
        return (rank, -flags, days, 0 if self.status in ACTIVE else 1, self.casus_id)


def casusregisseur(casus: Casus) -> str:
    """The assigned casusregisseur, or else the contact of the levensloopaanbieder."""
    if casus.aanmelding and casus.aanmelding.casusregisseur:
        return casus.aanmelding.casusregisseur
    aanbieder = next((p for p in casus.netwerk.partners if p.rol == "levensloopaanbieder"), None)
    if aanbieder is None:
        return ""
    return aanbieder.contactpersoon or aanbieder.organisatie


def decision_date(casus: Casus) -> date | None:
    """When the aanmeld- or inclusieoverleg decided: the recorded date, else the overleg's."""
    a = casus.aanmelding
    if a is None or a.besluit is None:
        return None
    return a.besluit_datum or (a.overleg.datum if a.overleg else None)


def inclusion_date(casus: Casus) -> date | None:
    """When the person was included: the aanmelding's decision, else ``meta.inclusiedatum``.

    None for a case that was never included, and for an included case whose date is not
    recorded anywhere (the monitor counts those apart, so no inclusion goes missing silently).
    """
    a = casus.aanmelding
    if a is not None and a.besluit == "geincludeerd":
        return decision_date(casus) or casus.meta.inclusiedatum
    if casus.meta.status in ("geincludeerd", "uitgestroomd"):
        return casus.meta.inclusiedatum
    return None


def waiting(casus: Casus) -> bool:
    """A registration still waiting for a decision (none yet, or held to a later meeting)."""
    a = casus.aanmelding
    return a is not None and (a.besluit is None or a.besluit == "aangehouden") and casus.meta.status in (
        "aangemeld", "aangehouden")


def case_row(casus: Casus, per: date) -> CaseRow:
    m = casus.meta
    row = CaseRow(m.casus_id, m.regio, m.status, casusregisseur(casus), per=per)
    active = m.status in ACTIVE
    horizon = per + timedelta(days=HORIZON_DAYS)
    if m.status == "geincludeerd":
        row.volgende_evaluatie = m.volgende_evaluatie
        if m.volgende_evaluatie:
            row.deadlines.append(Deadline("evaluatie", m.volgende_evaluatie))
        row.niet_ondertekend = not m.akkoord or any(a.datum is None for a in m.akkoord)
        row.vroegste_uitstroom = exit_status(casus, per).earliest
        row.alleen_concept = concept_only(casus, load_vocabularies(), per)
    if active:
        for t in casus.persoon.juridisch_kader:
            if t.einde is not None and per <= t.einde <= horizon:
                deadline = Deadline("titel", t.einde, t.titel)
                row.titels_aflopend.append(deadline)
                row.deadlines.append(deadline)
        latest = max(casus.risicotaxaties, key=lambda r: r.datum, default=None)
        if latest is not None and latest.volgende is not None and m.status == "geincludeerd":
            row.volgende_risicotaxatie = latest.volgende  # the next date of the latest taxatie
            row.deadlines.append(Deadline("risicotaxatie", latest.volgende))
        _consent(casus, row, horizon)
    if waiting(casus):
        assert casus.aanmelding is not None
        row.wacht_sinds = casus.aanmelding.datum
        row.wacht_dagen = (per - casus.aanmelding.datum).days
        row.deadlines.append(Deadline("aanmelding", casus.aanmelding.datum))
    _signals(casus, row, active)
    return row


def _signals(casus: Casus, row: CaseRow, active: bool) -> None:
    """Level, last escalation, consent date, and the signals beyond the dates."""
    from levensloop_docs.case.uitstroom import escalations

    per, horizon = row.per, row.per + timedelta(days=HORIZON_DAYS)
    row.niveau = casus.opschaling.huidig_niveau or ""
    last = max((e for e in escalations(casus) if e.datum is not None and e.datum <= per),
               key=lambda e: e.datum or date.min, default=None)
    if last is not None and last.datum is not None:
        row.laatste_escalatie = Deadline("escalatie", last.datum, last.niveau)
    row.toestemming_sinds = casus.gegevensdeling.toestemming_datum
    a = casus.aanmelding
    if waiting(casus) and a is not None and a.overleg is not None and a.overleg.datum is not None \
            and a.overleg.datum < per:
        row.signalen.append(Deadline("overleg_voorbij", a.overleg.datum))  # planned, passed, no besluit
    if not active:
        return
    titles = casus.persoon.juridisch_kader
    running = [t for t in titles
               if (t.start is None or t.start <= per) and (t.einde is None or t.einde >= per)]
    ended = [t for t in titles if t.einde is not None and per - timedelta(days=HORIZON_DAYS) <= t.einde < per]
    if ended and not [t for t in running if t.titel != "geen"]:
        last_title = max(ended, key=lambda t: t.einde or date.min)
        assert last_title.einde is not None
        row.signalen.append(Deadline("titel_afgelopen", last_title.einde, last_title.titel))
    for t in titles:
        if t.titel == "detentie" and t.einde is not None and per <= t.einde <= horizon:
            row.signalen.append(Deadline("vrijlating", t.einde))


def _consent(casus: Casus, row: CaseRow, horizon: date) -> None:
    g = casus.gegevensdeling
    if g.ingetrokken:
        row.toestemming, row.toestemming_datum = "ingetrokken", g.ingetrokken_datum
    elif g.toestemming_geldig_tot is not None and g.toestemming_geldig_tot <= horizon:
        row.toestemming = "verlopen" if g.toestemming_geldig_tot < row.per else "verloopt"
        row.toestemming_datum = g.toestemming_geldig_tot
        row.deadlines.append(Deadline("toestemming", g.toestemming_geldig_tot))


def overview_rows(cases: list[Casus], per: date) -> list[CaseRow]:
    """One row per case, most urgent first."""
    return sorted((case_row(c, per) for c in cases), key=CaseRow.urgency)
