"""The case (casus): the plain data model at the centre of the product.

Every renderer, the interview and ``controleer`` read this model. Field names are
the Dutch keys of the case file. Values from a vocabulary are stored as keys
(``rol: reclassering``) and checked against the vocabularies passed as validation
context (``Casus.model_validate(data, context={"vocab": ...})``). Checks that span
several fields (references, dates that contradict each other) live in ``checks.py``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic_core import PydanticCustomError, core_schema

from levensloop_docs.i18n import _
from levensloop_docs.model import validators as v


class VocabKey:
    """Marks a ``str`` field whose value must be a key of the named vocabulary."""

    def __init__(self, vocabulary: str) -> None:
        self.vocabulary = vocabulary

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return core_schema.with_info_after_validator_function(self._check, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> Any:
        from levensloop_docs.model.vocab import load_vocabularies

        result = handler(schema)
        result["enum"] = load_vocabularies()[self.vocabulary].keys()
        return result

    def _check(self, value: str, info: ValidationInfo) -> str:
        from levensloop_docs.model.vocab import load_vocabularies

        context = info.context or {}
        vocab = context.get("vocab") or load_vocabularies()
        known = vocab[self.vocabulary]
        if value not in known:
            raise PydanticCustomError(
                "vocab",
                _("Unknown value in the list '{vocabulary}'. Choose one of: {allowed}."),
                {"vocabulary": self.vocabulary, "allowed": ", ".join(known.keys())},
            )
        return value


def checked_by(parser: Any) -> Any:
    """Turn a ``validators`` function into a pydantic BeforeValidator with a Dutch error."""

    def run(value: Any) -> Any:
        try:
            return parser(value)
        except ValueError as exc:
            raise PydanticCustomError("invalid", str(exc)) from None

    return BeforeValidator(run)


Datum = Annotated[date, checked_by(v.parse_date)]
DatumOfTekst = Annotated[date | str, checked_by(v.parse_date_or_text)]
# A day, or "2019-05" when only the month is known (events in the history of an aanmelding).
DatumOfMaand = Annotated[date | str, checked_by(v.parse_date_or_month)]
Telefoon = Annotated[str, checked_by(v.parse_phone)]
Email = Annotated[str, checked_by(v.parse_email)]
Ref = Annotated[str, checked_by(v.parse_ref)]
CasusId = Annotated[str, checked_by(v.parse_case_id)]
# A criterion key: "1".."6" (national) or a key from the region profile; 1 is read as "1".
CriteriumSleutel = Annotated[str, checked_by(lambda x: v.parse_ref(str(x) if isinstance(x, int) else x))]
Tekst = Annotated[str, Field(min_length=1)]
Fase = Literal["groen", "oranje", "rood"]


def vocab(name: str) -> Any:
    return VocabKey(name)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Meta(Model):
    casus_id: CasusId
    regio: Ref
    status: Annotated[str, vocab("statussen")]
    # strict: YAML 'true' or '1.5' is no version number (lax mode would read true as 1)
    planversie: Annotated[int, Field(ge=1, le=9999, strict=True)] = 1
    vastgesteld: Datum | None = None
    volgende_evaluatie: Datum | None = None
    auteurs: list[Tekst] = []
    akkoord: list[Akkoord] = []
    # when the person was included, where the plan was set and who attended, how often it is evaluated
    inclusiedatum: Datum | None = None
    vastgesteld_in: str = ""
    aanwezig: list[Tekst] = []
    evaluatie_ritme: str = ""
    wijzigingen: list[Tekst] = []


class Akkoord(Model):
    wie: Ref
    datum: Datum | None = None


class Titel(Model):
    titel: Annotated[str, vocab("titels")]
    start: Datum | None = None
    einde: Datum | None = None
    toelichting: str = ""
    # what happens when the title ends, and who does it ("loopt af op ...: wie doet wat")
    bij_afloop: str = ""
    bij_afloop_wie: Ref | None = None


class Persoon(Model):
    naam: Tekst
    roepnaam: str = ""
    geboortedatum: Datum | None = None
    # for the regional monitor (Tabel 4 of the Noord Nederland evaluation); empty is unknown
    geslacht: Literal["man", "vrouw", "anders"] | None = None
    verblijf: Annotated[str, vocab("verblijf")]
    verblijf_toelichting: str = ""
    problematiek: list[Annotated[str, vocab("problematiek")]] = []
    problematiek_toelichting: str = ""
    juridisch_kader: list[Titel] = []


class Gegevensdeling(Model):
    route: Annotated[str, vocab("routes")]
    toestemming_datum: Datum | None = None
    toestemming_omvang: str = ""
    # the partners (ids) the consent covers; empty: the whole network
    toestemming_partners: list[Ref] = []
    toestemming_geldig_tot: Datum | None = None
    ingetrokken: bool = False
    ingetrokken_datum: Datum | None = None
    toelichting: str = ""


class Partner(Model):
    id: Ref
    rol: Annotated[str, vocab("rollen")]
    ring: Literal[1, 2] | None = None
    organisatie: Tekst
    contactpersoon: str = ""
    functie: str = ""
    telefoon: Telefoon | None = None
    email: Email | None = None
    # the 24/7 number (bereikbaarheidsdienst, crisisdienst): nights and weekends
    buiten_kantoortijd: Telefoon | None = None

    @property
    def day_and_night(self) -> bool:
        """Reachable day and night: a bereikbaarheidsdienst, or the crisisdienst's own number."""
        return bool(self.buiten_kantoortijd or (self.rol == "crisisdienst" and self.telefoon))


class Naaste(Model):
    id: Ref
    naam: Tekst
    relatie: Tekst
    type: list[Annotated[str, vocab("naastentypes")]] = []
    toestemming_contact: bool = False
    telefoon: Telefoon | None = None
    toelichting: str = ""
    # the naaste's own voice: what they want, how they want to be involved
    wil: str = ""
    betrokkenheid: str = ""
    # victim protection where the naaste is (also) slachtoffer
    bescherming: list[Tekst] = []
    # the agreement with this naaste as the client says it (signaleringsplan in eenvoudige
    # taal); the naaste is named to the client only with this and toestemming_contact
    afspraak_client: str = ""


class Netwerk(Model):
    partners: list[Partner] = []
    naasten: list[Naaste] = []


class Actie(Model):
    wat: Tekst
    wie: Ref
    wanneer: DatumOfTekst | None = None
    status: Annotated[str, vocab("actiestatussen")] = "gepland"
    # protects a naaste (a victim): free text cannot be classified reliably, so the team marks
    # it; the client's copy of the plan leaves it out (policy 'velden')
    bescherming: bool = False


class Levensgebied(Model):
    gebied: Annotated[str, vocab("levensgebieden")]
    zrm_score: Annotated[int, Field(ge=1, le=5, strict=True)] | None = None
    situatie: str = ""
    risicos: list[Tekst] = []
    doelen: list[Tekst] = []
    acties: list[Actie] = []


class Signalen(Model):
    groen: list[Tekst] = []
    oranje: list[Tekst] = []
    rood: list[Tekst] = []


class EigenWoorden(Model):
    """A scenario as the client says it: the signaleringsplan in eenvoudige taal shows only this."""

    titel: str = ""
    groen: list[Tekst] = []
    oranje: list[Tekst] = []
    rood: list[Tekst] = []
    wat_helpt: list[Tekst] = []


class ScenarioActie(Model):
    fase: Fase
    wie: Ref
    wat: Tekst
    bescherming: bool = False  # protects a naaste: not on the client's copy (see Actie)


class Scenario(Model):
    naam: Tekst
    soort: Annotated[str, vocab("scenariosoorten")] = "eigen"
    beschrijving: str = ""
    signalen: Signalen = Signalen()
    acties: list[ScenarioActie] = []
    wie_bellen: list[Ref] = []
    # the levensgebieden this scenario is about (each needs a place in the plan)
    levensgebieden: list[Annotated[str, vocab("levensgebieden")]] = []
    # the client's own words for the phases (beside the professionals' signalen)
    in_eigen_woorden: EigenWoorden | None = None


class Bestemming(Model):
    bedtype: Annotated[str, vocab("bedtypes")] | None = None
    plaats: str = ""
    beveiligingsniveau: Annotated[int, Field(ge=1, le=4, strict=True)] | None = None
    # the clinic as a partner of the network: phone and intake contact come from there
    partner: Ref | None = None


# Steps to these levels are admissions: only there are destination and return asked.
KLINISCH = ("klinisch_regulier", "biz")


class OpschalingsStap(Model):
    van: Annotated[str, vocab("niveaus")]
    naar: Annotated[str, vocab("niveaus")]
    criteria: list[Tekst] = []
    wie_besluit: Ref
    bestemming: Bestemming = Bestemming()
    juridische_basis: Annotated[str, vocab("juridische_basis")] | None = None
    # what applies when the first basis fails (a zelfbindingsverklaring that is withdrawn)
    juridische_terugval: Annotated[str, vocab("juridische_basis")] | None = None
    vormen: list[Annotated[str, vocab("escalatievormen")]] = []
    vervoer: str = ""
    overdracht: str = ""
    doorloopt: list[Tekst] = []
    terugkeergarantie: bool = False
    terugkeer_toelichting: str = ""

    @property
    def terugkeer_gevraagd(self) -> bool:
        """A return guarantee belongs to an admission; for other steps it was never asked."""
        return self.naar in KLINISCH or self.terugkeergarantie


class Afschaling(Model):
    criteria: list[Tekst] = []
    naar: Annotated[str, vocab("niveaus")] = "ambulant"
    bestemming: str = ""
    warme_overdracht: str = ""
    # who declares the person stable (the clinic of the levensloopaanbieder, seed 001)
    wie_stabiel: Ref | None = None
    randvoorwaarden: list[Tekst] = []


class Opschaling(Model):
    stappen: list[OpschalingsStap] = []
    afschaling: Afschaling | None = None
    huidig_niveau: Annotated[str, vocab("niveaus")] | None = None
    huidig_sinds: Datum | None = None
    volgende_stap: str = ""


class Stem(Model):
    """What the client wants, in their own words, and how they took part in the plan."""

    doelen: list[Tekst] = []
    wat_helpt: list[Tekst] = []
    betrokkenheid: Annotated[str, vocab("betrokkenheid")] | None = None
    toelichting: str = ""


class Risicotaxatie(Model):
    instrument: Annotated[str, vocab("instrumenten")]
    datum: Datum
    uitkomst: Tekst
    uitgevoerd_door: str = ""
    volgende: Datum | None = None


class Uitstroom(Model):
    stabiel_sinds: Datum | None = None
    beschermende_factoren_geborgd: bool = False
    beschermende_factoren: str = ""
    risico_verlaagd: bool = False
    risicotaxatie_datum: Datum | None = None
    toelichting: str = ""
    # For the uitstroom documents (levensloop uitstroom): who takes over, and how.
    vervolgaanbieder: str = ""
    nazorg: str = ""
    overdracht_datum: Datum | None = None
    datum: Datum | None = None  # the day the person left the approach (status uitgestroomd)


class Aanmelder(Model):
    organisatie: Tekst
    naam: Tekst
    functie: str = ""
    # what kind of organisation registers: the monitor counts registrations by it (never a name)
    soort: Annotated[str, vocab("aanmeldersoorten")] | None = None
    telefoon: Telefoon | None = None
    email: Email | None = None


class Gebeurtenis(Model):
    datum: DatumOfMaand | None = None
    soort: Literal["zorg", "politie", "justitie", "titel", "overig"] = "overig"
    omschrijving: Tekst


class CriteriumOordeel(Model):
    """The answer to one inclusion criterion; ``criterium`` is its key in the profile."""

    criterium: CriteriumSleutel
    oordeel: Annotated[str, vocab("oordelen")] = "onbekend"
    toelichting: str = ""


class Overleg(Model):
    datum: Datum | None = None
    deelnemers: list[Tekst] = []


class Procesregisseur(Model):
    """The ZVH procesregisseur who handles the aanmelding; signs the terugkoppeling."""

    naam: Tekst
    functie: str = ""
    telefoon: Telefoon | None = None
    email: Email | None = None


class Informatievraag(Model):
    """Information the procesregisseur asked a partner for, to complete the aanmelding."""

    organisatie: Tekst
    gevraagd_op: Datum | None = None
    antwoord: str = ""


class Poging(Model):
    """One thing already tried ("wat is al geprobeerd"): what the regional criterion
    'alle logische alternatieven zijn geprobeerd' is judged on."""

    interventie: Tekst
    organisatie: str = ""
    van: DatumOfMaand | None = None
    tot: DatumOfMaand | None = None  # empty: still running, or not known
    resultaat: str = ""


class RisicotaxatieAanmelding(Model):
    """The risicotaxatie that national criterion 2 rests on ("vastgesteld met een risicotaxatie")."""

    instrument: Annotated[str, vocab("instrumenten")]
    datum: DatumOfMaand | None = None
    uitgevoerd_door: str = ""
    uitkomst: Tekst


class Aanmelding(Model):
    aanmelder: Aanmelder
    datum: Datum
    reden: Tekst
    voorgeschiedenis: list[Gebeurtenis] = []
    huidige_zorg: str = ""
    criteria_landelijk: list[CriteriumOordeel] = []
    criteria_regio: list[CriteriumOordeel] = []
    overleg: Overleg | None = None
    besluit: Annotated[str, vocab("besluiten")] | None = None
    besluit_datum: Datum | None = None  # empty: the date of the overleg counts
    besluit_toelichting: str = ""
    levensloopaanbieder: str = ""
    casusregisseur: str = ""
    gemeentelijke_casusregisseur: str = ""
    advies: str = ""
    # the procesregisseur's own steps before the meeting
    procesregisseur: Procesregisseur | None = None
    informatie_partners: list[Informatievraag] = []
    voorcheck: str = ""
    client_op_de_hoogte: Literal["ja", "nee", "onbekend"] = "onbekend"
    # as the Noord Nederland evaluation records at registration; empty is unknown
    behoefte_opname: bool | None = None
    behoefte_gemeente: bool | None = None
    reeds_in_zorg: bool | None = None
    # the structured intake the criteria need (regional 'alternatieven', national 2)
    geprobeerd: list[Poging] = []
    risicotaxatie: RisicotaxatieAanmelding | None = None
    # registration is preferably not made in an acute crisis (002; Friesland's criteria)
    acute_crisis: Literal["ja", "nee", "onbekend"] = "onbekend"
    acute_crisis_toelichting: str = ""
    # on what the sharing rests once a title of the person ends (a route key), and why
    grondslag_na_titel: Annotated[str, vocab("routes")] | None = None
    grondslag_na_titel_toelichting: str = ""
    # the only free text of the tafelversie: written by the procesregisseur for the table,
    # without names, places or dates (the rest of the form stays off the table version)
    tafel_samenvatting: str = ""


JaNee = Literal["ja", "nee", "onbekend"]


class BijInclusie(Model):
    """The person as registered, for the monitor (Tabel 4 of the Noord Nederland evaluation).

    Recorded once at inclusion and left as it was: ``persoon`` keeps changing (a title ends,
    someone finds a home), this does not. Every item is ja / nee / onbekend on its own, because
    one may be known (GGZ) while another is not (whether there is an LVB). Empty ``verblijf``
    is unknown. The three needs fall back to the aanmelding's when left ``onbekend`` here.
    """

    ggz: JaNee = "onbekend"
    lvb: JaNee = "onbekend"  # (suspected) mild intellectual disability
    verslaving: JaNee = "onbekend"
    psychosociaal: JaNee = "onbekend"
    nah: JaNee = "onbekend"
    wlz_indicatie: JaNee = "onbekend"
    forensische_titel: JaNee = "onbekend"
    machtiging: JaNee = "onbekend"  # rechterlijke machtiging (Wzd) or zorgmachtiging (Wvggz)
    verblijf: Annotated[str, vocab("verblijf")] | None = None
    behoefte_opname: JaNee = "onbekend"
    behoefte_gemeente: JaNee = "onbekend"
    reeds_in_zorg: JaNee = "onbekend"


Doeloordeel = Literal["bereikt", "deels", "niet"]


class ActieEvaluatie(Model):
    """What became of one action of the plan: found by its levensgebied and its text (``wat``)."""

    gebied: Annotated[str, vocab("levensgebieden")]
    actie: Tekst
    status: Annotated[str, vocab("actiestatussen")]
    gedaan: str = ""


class DoelEvaluatie(Model):
    gebied: Annotated[str, vocab("levensgebieden")]
    doel: Tekst
    oordeel: Doeloordeel
    toelichting: str = ""


class ZrmScore(Model):
    gebied: Annotated[str, vocab("levensgebieden")]
    score: Annotated[int, Field(ge=1, le=5, strict=True)]


class Incident(Model):
    """An incident or escalation that happened (not the route agreed in advance).

    One record for the whole case (``Casus.incidenten``, oldest first): the voortgangsverslag
    shows those since the previous evaluation, the uitstroom check reads stability from it,
    the agenda and the monitor count its escalations. Level ``ambulant`` is an incident
    without escalation. A missing date is a rule error (``case/rules.py``), not a type error,
    so that every problem of the file is named in one run.
    """

    datum: Datum | None = None
    omschrijving: Tekst
    niveau: Annotated[str, vocab("niveaus")] = "ambulant"  # the heaviest level of care reached
    # the three forms of escalation: planned clinical care, acute crisis, after contact with justice
    vorm: Annotated[str, vocab("escalatievormen")] | None = None
    fase: Fase | None = None
    # for an admission: the day the bed was asked for; the monitor reports the wait for a BIZ bed
    # (004: outside a crisis a secured bed is often not free at once). Empty: not known
    bed_aangevraagd: Datum | None = None


class Evaluatie(Model):
    """One evaluation moment (levensloopbijeenkomst); the list is kept oldest first."""

    datum: Datum
    planversie: Annotated[int, Field(ge=1, le=9999, strict=True)] | None = None  # version evaluated
    deelnemers: list[Tekst] = []
    acties: list[ActieEvaluatie] = []
    doelen: list[DoelEvaluatie] = []
    zrm: list[ZrmScore] = []
    risicotaxatie: str = ""
    gaat_goed: list[Tekst] = []
    gaat_minder: list[Tekst] = []
    wijzigingen: list[Tekst] = []
    volgende_evaluatie: Datum | None = None
    # what the client and the naasten said in the meeting, in their own words
    stem_client: str = ""
    stem_naasten: str = ""


class ZrmNulmeting(Model):
    """The ZRM scores at inclusion: the baseline every later evaluation is read against."""

    datum: Datum | None = None
    scores: list[ZrmScore] = []


# The kinds of agenda item (overview/agenda.py KINDS): which item of the meeting a verslag records.
Agendasoort = Literal["aanmelding", "plan", "evaluatie", "escalatie", "risicotaxatie", "detentie",
                      "uitstroom"]


class Aanwezige(Model):
    """Who attended for whom: the organisation and the function, never a personal name (privacy)."""

    organisatie: Tekst
    functie: str = ""


# "organisatie: functie": one attendee as a line of aanmelding.overleg.deelnemers or meta.aanwezig
def attendee_line(organisatie: str, functie: str) -> str:
    return f"{organisatie}: {functie}" if functie else organisatie


def attendee_parts(line: str) -> tuple[str, str]:
    """``attendee_line`` read back: (organisatie, functie); a line without ': ' is an organisation."""
    organisatie, sep, functie = line.strip().rpartition(": ")
    return (organisatie, functie) if sep and organisatie else (line.strip(), "")


class Afspraak(Model):
    """Who does what, by when: ``wie`` names a partner of the network like every ``wie``."""

    wie: Ref
    wat: Tekst
    wanneer: Datum | None = None


class Verslag(Model):
    """The minutes of one agenda item about this case (``levensloop notuleer``).

    One fact lives in one place: for a registration the decision and the attendance are
    the aanmelding's own (``aanmelding.besluit``, ``aanmelding.overleg``); for a plan set
    in this meeting the attendance is ``meta.aanwezig``. Then this record keeps only
    what those fields cannot hold (the agreements); ``controleer`` refuses a copy.
    """

    datum: Datum
    soort: Agendasoort
    aanwezigen: list[Aanwezige] = []
    besluit: str = ""
    afspraken: list[Afspraak] = []


class Casus(Model):
    """One person in the levensloopaanpak: the whole case file."""

    meta: Meta
    persoon: Persoon
    gegevensdeling: Gegevensdeling
    netwerk: Netwerk = Netwerk()
    levensgebieden: list[Levensgebied] = []
    scenarios: list[Scenario] = []
    opschaling: Opschaling = Opschaling()
    risicotaxaties: list[Risicotaxatie] = []
    uitstroom: Uitstroom = Uitstroom()
    aanmelding: Aanmelding | None = None
    client: Stem = Stem()
    # staff safety: home visits with two, with the police
    veiligheidsafspraken: list[Tekst] = []
    evaluaties: list[Evaluatie] = []
    zrm_nulmeting: ZrmNulmeting | None = None
    incidenten: list[Incident] = []
    # the minutes of the levensloopteam / aanmeldtafel about this case, oldest first
    overleggen: list[Verslag] = []
    # the person as registered at inclusion, for the monitor (never updated afterwards)
    bij_inclusie: BijInclusie | None = None

    def partner(self, ref: str) -> Partner | None:
        return next((p for p in self.netwerk.partners if p.id == ref), None)

    def naaste(self, ref: str) -> Naaste | None:
        return next((n for n in self.netwerk.naasten if n.id == ref), None)


Meta.model_rebuild()

# Fields that moved to another place (loc pattern, "*" for a list index -> the new place). A file
# that still has one gets "verplaats naar ..." instead of "unknown field" (problems.py).
MOVED_FIELDS: dict[tuple[str, ...], str] = {
    ("opschaling", "escalaties"): "incidenten",
    ("evaluaties", "*", "incidenten"): "incidenten",
}
