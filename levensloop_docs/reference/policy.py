"""The data-minimisation policy: which groups of case data a partner sheet may show.

The policy is data (``data/beleid/gegevensdeling.yaml``), validated like every other data
file: every problem with file, line and field, in Dutch. ``sharing()`` turns it into one
decision for one case and one partner type: the groups allowed (an allow-list), the
groups left out, and the basis for sharing. A voluntary route with withdrawn consent
falls back to what another basis (a title that runs today) allows, or to
``zonder_grondslag``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import Field

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus, Model, Tekst
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.resources import data_dir

VOLUNTARY = "vrijwillig"
# the naaste kind whose label and number tell the person what she reported, or how to reach her
VICTIM = "slachtoffer"


class GroupEntry(Model):
    label: Tekst


class PolicyFile(Model):
    """The shape of the file; what the keys must refer to is checked by ``_references``."""

    groepen: dict[str, GroupEntry] = Field(min_length=1)
    standaard: list[str]
    zonder_grondslag: list[str] = Field(default_factory=list)
    grondslagen: dict[str, list[str]] = Field(default_factory=dict)
    partners: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    # documents with an audience of their own (the client, a crisis card): their groups
    publieksgroepen: dict[str, GroupEntry] = Field(default_factory=dict)
    publiek: dict[str, list[str]] = Field(default_factory=dict)
    # vocabulary -> key -> the groups its label reveals (a label is shared like that text)
    etiketten: dict[str, dict[str, list[str]]] = Field(default_factory=dict)
    # field of the case file -> the groups its content can name besides its own (free text)
    velden: dict[str, list[str]] = Field(default_factory=dict)
    # field of the case file -> the vocabulary whose label of its part's type its content follows
    # (a scenario's signals say what its type says: shown only where that label is)
    velden_soort: dict[str, str] = Field(default_factory=dict)
    # partner type -> the roles it may call besides the first ring and itself (the PI and the
    # reclassering prepare the release together)
    contacten: dict[str, list[str]] = Field(default_factory=dict)


Loc = tuple[str | int, ...]


class _References:
    """Collects (field, message) for every key that refers to nothing; one method per section."""

    def __init__(self, data: PolicyFile, vocab: Vocabularies) -> None:
        self.data = data
        self.vocab = vocab
        self.found: list[tuple[Loc, str]] = []
        self.groups = set(data.groepen)
        self.kinds = sorted({str(vocab["rollen"].get(k, "partnersoort", k)) for k in vocab["rollen"]})
        self.routes = vocab["routes"].keys()

    def check_groups(self, loc: Loc, values: list[str]) -> None:
        for i, g in enumerate(values):
            if g not in self.groups:
                msg = _("Unknown group '{key}'. Groups are defined under 'groepen': {allowed}.")
                self.found.append(((*loc, i), msg.format(key=g, allowed=", ".join(self.data.groepen))))

    def audiences(self) -> None:
        """'publiek' may also name the groups under 'publieksgroepen'; nothing else may."""
        self.groups |= set(self.data.publieksgroepen)
        for audience, values in self.data.publiek.items():
            self.check_groups(("publiek", audience), values)
        self.groups -= set(self.data.publieksgroepen)

    def grounds(self) -> None:
        for route, titles in self.data.grondslagen.items():
            if route not in self.routes or route == VOLUNTARY:
                msg = _("'{key}' cannot be another basis: use a route other than 'vrijwillig'.")
                self.found.append((("grondslagen", route), msg.format(key=route)))
            for i, title in enumerate(titles):
                if title not in self.vocab["titels"]:
                    msg = _("Unknown title '{key}'. Choose one of: {allowed}.")
                    allowed = ", ".join(self.vocab["titels"].keys())
                    self.found.append((("grondslagen", route, i), msg.format(key=title, allowed=allowed)))

    def partners(self) -> None:
        for kind, per_route in self.data.partners.items():
            if kind not in self.kinds:
                msg = _("Unknown partner type '{key}'. Choose one of: {allowed}.")
                allowed = ", ".join(self.kinds)
                self.found.append((("partners", kind), msg.format(key=kind, allowed=allowed)))
            for route, values in per_route.items():
                if route not in self.routes:
                    msg = _("Unknown route '{key}' at partner type '{kind}'. Choose one of: {allowed}.")
                    text = msg.format(key=route, kind=kind, allowed=", ".join(self.routes))
                    self.found.append((("partners", kind, route), text))
                self.check_groups(("partners", kind, route), values)

    def contacts(self) -> None:
        for kind, roles in self.data.contacten.items():
            if kind not in self.kinds:
                msg = _("Unknown partner type '{key}'. Choose one of: {allowed}.")
                self.found.append((("contacten", kind), msg.format(key=kind, allowed=", ".join(self.kinds))))
            for i, rol in enumerate(roles):
                if rol not in self.vocab["rollen"]:
                    msg = _("Unknown key '{key}' in vocabulary '{name}'. Choose one of: {allowed}.")
                    text = msg.format(key=rol, name="rollen", allowed=", ".join(self.vocab["rollen"].keys()))
                    self.found.append((("contacten", kind, i), text))

    def labels(self) -> None:
        vocab = self.vocab
        for name, entries in self.data.etiketten.items():
            if name not in vocab.items:
                msg = _("Unknown vocabulary '{key}'. Choose one of: {allowed}.")
                text = msg.format(key=name, allowed=", ".join(vocab.items))
                self.found.append((("etiketten", name), text))
                continue
            for key, values in entries.items():
                if key not in vocab[name]:
                    msg = _("Unknown key '{key}' in vocabulary '{name}'. Choose one of: {allowed}.")
                    allowed = ", ".join(vocab[name].keys())
                    text = msg.format(key=key, name=name, allowed=allowed)
                    self.found.append((("etiketten", name, key), text))
                self.check_groups(("etiketten", name, key), values)

    def fields(self) -> None:
        """'velden' names fields of the case file; their groups may be audience groups too."""
        known = case_field_paths()
        self.groups |= set(self.data.publieksgroepen)
        for path, values in self.data.velden.items():
            if path not in known:
                msg = _("Unknown field '{key}' in the case file. Write it as in the case file, "
                        "with [] for a list item, e.g. opschaling.stappen[].criteria[].")
                self.found.append((("velden", path), msg.format(key=path)))
            self.check_groups(("velden", path), values)
        self.groups -= set(self.data.publieksgroepen)
        for path, name in self.data.velden_soort.items():
            if path not in known:
                msg = _("Unknown field '{key}' in the case file. Write it as in the case file, "
                        "with [] for a list item, e.g. opschaling.stappen[].criteria[].")
                self.found.append((("velden_soort", path), msg.format(key=path)))
            if name not in self.data.etiketten:
                msg = _("Unknown vocabulary '{key}'. Choose one of: {allowed}.")
                text = msg.format(key=name, allowed=", ".join(self.data.etiketten))
                self.found.append((("velden_soort", path), text))


@cache
def case_field_paths() -> frozenset[str]:
    """Every field of the case model as a path: opschaling.stappen[].bestemming.plaats."""
    return frozenset(_paths(Casus, ""))


def _paths(model: Any, prefix: str) -> list[str]:
    import typing

    from pydantic import BaseModel

    out = []
    for name, info in model.model_fields.items():
        annotation, suffix = info.annotation, ""
        while True:
            origin, args = typing.get_origin(annotation), typing.get_args(annotation)
            if origin is list:
                annotation, suffix = args[0], suffix + "[]"
            elif origin is typing.Annotated:
                annotation = args[0]
            elif args and type(None) in args:
                annotation = next(a for a in args if a is not type(None))
            else:
                break
        path = f"{prefix}{name}{suffix}"
        out.append(path)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            out += _paths(annotation, f"{path}.")
    return out


def _references(data: PolicyFile, vocab: Vocabularies) -> list[tuple[Loc, str]]:
    """Every key that names a group, partner type, route or title must exist: (field, message)."""
    check = _References(data, vocab)
    check.check_groups(("standaard",), data.standaard)
    check.audiences()
    check.check_groups(("zonder_grondslag",), data.zonder_grondslag)
    check.grounds()
    check.partners()
    check.contacts()
    check.labels()
    check.fields()
    return check.found


@dataclass(frozen=True)
class Policy:
    groups: dict[str, str]  # key -> label, in the order of the file
    default: tuple[str, ...]
    without_basis: tuple[str, ...]
    grounds: dict[str, tuple[str, ...]]  # route -> titles that give that basis
    partners: dict[str, dict[str, tuple[str, ...]]]
    audiences: dict[str, tuple[str, ...]] = field(default_factory=dict)

    labels: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # the labels of the groups that exist only on documents with an audience ('publieksgroepen')
    audience_labels: dict[str, str] = field(default_factory=dict)
    contacts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> extra contact roles
    type_fields: dict[str, str] = field(default_factory=dict)  # field -> vocabulary ('velden_soort')

    def audience(self, name: str) -> frozenset[str]:
        """The groups a document for this audience may carry (none for an unknown audience)."""
        return frozenset(self.audiences.get(name, ()))

    def group_label(self, key: str) -> str:
        return self.groups.get(key) or self.audience_labels.get(key, key)

    def field_groups(self, path: str) -> tuple[str, ...]:
        """The groups the content of a field can name besides its own ('velden')."""
        return self.fields.get(path, ())

    def reveals_only(self, path: str, known: Iterable[str]) -> bool:
        """The field's content names nothing outside ``known`` (the groups its reader may see)."""
        return set(self.field_groups(path)) <= set(known)

    def partner_types(self) -> list[str]:
        return list(self.partners)

    def allowed(self, kind: str, route: str) -> tuple[str, ...]:
        return self.partners.get(kind, {}).get(route, self.default)

    def label_groups(self, vocabulary: str, key: str) -> tuple[str, ...]:
        return self.labels.get(vocabulary, {}).get(key, ())

    def type_groups(self, path: str, key: str | None) -> tuple[str, ...]:
        """What a field's content names because of its part's type ('velden_soort'): the groups
        of that type's label (a signal of a scenario of type 'terugval_middelen')."""
        name = self.type_fields.get(path)
        return self.label_groups(name, key) if name and key else ()


# Why the case's own route does not hold for a partner (the sheet says which).
WITHDRAWN, OUTSIDE_CONSENT, TITLE_ENDED = "ingetrokken", "buiten_toestemming", "titel_geeindigd"
NOT_FOR_PARTNER = "route_niet_voor_partner"


@dataclass(frozen=True)
class Basis:
    """One basis on which a partner gets data: a route, from a date, carried by titles."""

    route: str
    since: date | None  # consent: the day it was given; a title route: the first title's start
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sharing:
    """What one partner type may see of one case, and why."""

    route: str  # the case's route
    withdrawn: bool
    other_grounds: tuple[str, ...]  # routes used because the case's route does not hold here
    titles: tuple[str, ...]  # running titles that give the route(s) used
    groups: tuple[str, ...]
    left_out: tuple[str, ...]
    reason: str = ""  # NOT_FOR_PARTNER, WITHDRAWN, OUTSIDE_CONSENT, TITLE_ENDED, or "" (it holds)
    ended: date | None = None  # with TITLE_ENDED: the day the last carrying title ended
    labels: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    bases: tuple[Basis, ...] = ()  # what this partner's data is shared on (none: zonder_grondslag)
    fields: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def allows(self, group: str) -> bool:
        return group in self.groups

    def shows_field(self, path: str) -> bool:
        """A free-text field is shown only where every group its content can name is shared."""
        return all(g in self.groups for g in self.fields.get(path, ()))

    def shows_label(self, vocabulary: str, key: str | None) -> bool:
        """A label is shown only where every group whose content it names is shared."""
        if not key:
            return False
        return all(g in self.groups for g in self.labels.get(vocabulary, {}).get(key, ()))


def policy_path() -> Path:
    return data_dir() / "beleid" / "gegevensdeling.yaml"


def load_policy() -> Policy:
    return _load_policy(policy_path())


@cache
def _load_policy(path: Path) -> Policy:
    from levensloop_docs.yamlio import YamlReadError, load_checked

    summary = _("The data-sharing policy is not valid.")
    try:  # the C parser; the round-trip one only to place a problem on its line
        return load_checked(path, lambda raw: _policy_from(path, raw))
    except YamlReadError as exc:
        raise DataFileError(problems=[exc.problem], summary=summary) from None


def _policy_from(path: Path, raw: Any) -> Policy:
    from pydantic import ValidationError

    from levensloop_docs.problems import format_loc, pydantic_problem
    from levensloop_docs.yamlio import line_of

    summary = _("The data-sharing policy is not valid.")
    if not isinstance(raw, dict):
        msg = _("The policy must consist of sections such as 'groepen:' and 'partners:'.")
        raise DataFileError(problems=[Problem(path, "", msg)], summary=summary)
    try:
        data = PolicyFile.model_validate(raw)
    except ValidationError as exc:
        problems = [pydantic_problem(e, path, raw) for e in exc.errors()]
        raise DataFileError(problems=problems, summary=summary) from None
    wrong = _references(data, load_vocabularies())
    if wrong:
        problems = [Problem(path, format_loc(loc), msg, line=line_of(raw, loc)) for loc, msg in wrong]
        raise DataFileError(problems=problems, summary=summary)
    return Policy(
        groups={k: v.label for k, v in data.groepen.items()},
        default=tuple(data.standaard),
        without_basis=tuple(data.zonder_grondslag),
        grounds={k: tuple(v) for k, v in data.grondslagen.items()},
        partners={k: {r: tuple(g) for r, g in v.items()} for k, v in data.partners.items()},
        audiences={k: tuple(v) for k, v in data.publiek.items()},
        labels={n: {k: tuple(g) for k, g in e.items()} for n, e in data.etiketten.items()},
        fields={k: tuple(v) for k, v in data.velden.items()},
        audience_labels={k: v.label for k, v in data.publieksgroepen.items()},
        contacts={k: tuple(v) for k, v in data.contacten.items()},
        type_fields=dict(data.velden_soort),
    )


def running_titles(casus: Casus, today: date) -> list[str]:
    """The titles of the case that run today (started, and not ended)."""
    return [
        k.titel for k in casus.persoon.juridisch_kader
        if (k.start is None or k.start <= today) and (k.einde is None or k.einde >= today)
    ]


def route_ended(policy: Policy, casus: Casus, today: date) -> date | None:
    """The day the case's route lost its basis: every title that carries it has ended.

    ``None`` while one runs, and for a route without carrying titles in the case (the
    route is then taken as recorded; ``controleer`` has other checks for that).
    """
    route_titles = policy.grounds.get(casus.gegevensdeling.route, ())
    carrying = [k for k in casus.persoon.juridisch_kader if k.titel in route_titles]
    if not carrying or any(k.titel in running_titles(casus, today) for k in carrying):
        return None
    ends = [k.einde for k in carrying if k.einde is not None and k.einde < today]
    return max(ends) if ends else None


def consent_covers(casus: Casus, partner_ids: set[str]) -> bool:
    """The recorded consent scope (``toestemming_partners``; empty: the whole network)."""
    scope = set(casus.gegevensdeling.toestemming_partners)
    return not scope or partner_ids <= scope


def usable(policy: Policy, kind: str, route: str) -> bool:
    """A route listed under a partner type is a basis for it; one not listed is none."""
    return kind not in policy.partners or route in policy.partners[kind]


def _route_fails(
    policy: Policy, casus: Casus, kind: str, today: date, partner_ids: set[str]
) -> tuple[str, date | None]:
    """Why the case's own route gives no basis for this partner ("" when it does)."""
    g = casus.gegevensdeling
    if not usable(policy, kind, g.route):
        return NOT_FOR_PARTNER, None
    if g.route == VOLUNTARY:
        if g.ingetrokken:
            return WITHDRAWN, None
        return ("", None) if consent_covers(casus, partner_ids) else (OUTSIDE_CONSENT, None)
    ended = route_ended(policy, casus, today)
    return (TITLE_ENDED, ended) if ended else ("", None)


def _title_basis(policy: Policy, casus: Casus, route: str, today: date) -> Basis:
    """A route carried by titles: the running ones, from the day the first of them started."""
    running = [k for k in casus.persoon.juridisch_kader
               if k.titel in policy.grounds.get(route, ()) and k.titel in running_titles(casus, today)]
    starts = [k.start for k in running if k.start is not None]
    return Basis(route, min(starts) if starts else None, tuple(dict.fromkeys(k.titel for k in running)))


def _other_bases(
    policy: Policy, casus: Casus, kind: str, today: date, partner_ids: set[str], reason: str
) -> list[Basis]:
    """When the case's route does not hold: recorded consent, and every title that runs today."""
    g = casus.gegevensdeling
    bases = []
    consent_left = reason not in (WITHDRAWN, OUTSIDE_CONSENT) and not g.ingetrokken
    if (g.route != VOLUNTARY and consent_left and g.toestemming_datum is not None
            and consent_covers(casus, partner_ids) and usable(policy, kind, VOLUNTARY)):
        bases.append(Basis(VOLUNTARY, g.toestemming_datum, ()))
    for route in policy.grounds:
        if route != g.route and usable(policy, kind, route):
            basis = _title_basis(policy, casus, route, today)
            if basis.titles:
                bases.append(basis)
    return bases


def sharing(
    policy: Policy, casus: Casus, kind: str, today: date, partner_ids: set[str] | None = None
) -> Sharing:
    """The decision for partner type ``kind`` (its partners ``partner_ids``): the groups it may see.

    The case's route decides, unless it does not hold for this partner: the policy does not
    list the route for this partner type, consent was withdrawn or does not cover it, or
    the carrying title ended. Then recorded consent or a title that runs today is the
    basis, each from its own date; without any, ``zonder_grondslag``.
    """
    g, ids = casus.gegevensdeling, partner_ids or set()
    reason, ended = _route_fails(policy, casus, kind, today, ids)
    if not reason:
        own = _title_basis(policy, casus, g.route, today) if g.route != VOLUNTARY else None
        bases = [own or Basis(VOLUNTARY, g.toestemming_datum, ())]
    else:
        bases = _other_bases(policy, casus, kind, today, ids, reason)
    allowed = {k for b in bases for k in policy.allowed(kind, b.route)} or set(policy.without_basis)
    allowed -= _hidden_by_labels(policy, casus, allowed)
    ordered = tuple(k for k in policy.groups if k in allowed)
    left_out = tuple(k for k in policy.groups if k not in allowed)
    titles = tuple(dict.fromkeys(t for b in bases for t in b.titles))
    others = tuple(b.route for b in bases) if reason else ()
    return Sharing(g.route, reason == WITHDRAWN, others, titles, ordered, left_out,
                   reason, ended, policy.labels, tuple(bases), policy.fields)


def _hidden_by_labels(policy: Policy, casus: Casus, allowed: set[str]) -> set[str]:
    """A group whose every line is a label that reveals more than is shared: left out whole.

    The verblijf line is its label ("Forensische kliniek"); when that label names a group
    the sheet withholds, the line (and its note, which describes the same place) goes.
    """
    needs = policy.label_groups("verblijf", casus.persoon.verblijf)
    return {"verblijf"} if not set(needs) <= allowed else set()


# the people every allowed partner may call: casusregisseur, procesregisseur, gemeente
CONTACT_ROLES = ("levensloopaanbieder", "procesregisseur", "gemeente")

# What the gates copy of a part that is shared whole: the fields as named here. A field added
# to one of these model classes later stays empty on every partner or client document until
# it is named here (tests/test_audience_gate.py adds one to every class and looks for it).
SHARED_FIELDS: dict[str, tuple[str, ...]] = {
    "Partner": ("id", "rol", "ring", "organisatie", "contactpersoon", "functie", "telefoon", "email",
                "buiten_kantoortijd"),
    "Titel": ("titel", "start", "einde", "toelichting", "bij_afloop", "bij_afloop_wie"),
    "Actie": ("wat", "wie", "wanneer", "status", "bescherming"),
    "ScenarioActie": ("fase", "wie", "wat", "bescherming"),
    "Signalen": ("groen", "oranje", "rood"),
    "EigenWoorden": ("titel", "groen", "oranje", "rood", "wat_helpt"),
    "Bestemming": ("bedtype", "plaats", "beveiligingsniveau", "partner"),
    "Afschaling": ("criteria", "naar", "bestemming", "warme_overdracht", "wie_stabiel", "randvoorwaarden"),
    "Risicotaxatie": ("instrument", "datum", "uitkomst", "uitgevoerd_door", "volgende"),
    "Incident": ("datum", "omschrijving", "niveau", "vorm", "fase"),
}


def _named(obj: Any, names: tuple[str, ...] | None = None) -> Any:
    """A copy of a model object with only the fields its class lists in SHARED_FIELDS (or ``names``)."""
    if obj is None:
        return None
    wanted = names if names is not None else SHARED_FIELDS[_model_name(obj)]
    return obj.model_construct(**{k: getattr(obj, k) for k in wanted})


def _model_name(obj: Any) -> str:
    """The model class a (possibly subclassed) object belongs to."""
    for cls in type(obj).__mro__:
        if cls.__name__ in SHARED_FIELDS:
            return cls.__name__
    raise KeyError(type(obj).__name__)


def _all_named(items: Iterable[Any]) -> list[Any]:
    return [_named(x) for x in items]


def filter_case(casus: Casus, share: Sharing, roles: set[str], contact_roles: tuple[str, ...] = ()) -> Casus:
    """The part of ``casus`` one partner may see: a new case built from what is allowed.

    An allow-list by construction: every part is copied in only when its group is shared,
    and only the parts that concern the partner with ``roles`` (its own actions, the
    scenarios where it has a duty, its contacts: the first ring, itself and ``contact_roles``
    from the policy's ``contacten``). A field this function does not name
    (a field added to the model later, too) keeps its empty default.
    """
    from levensloop_docs.model.casus import Netwerk

    own = {p.id for p in casus.netwerk.partners if p.rol in roles}
    contacts = [p for p in casus.netwerk.partners
                if p.rol in CONTACT_ROLES or p.rol in contact_roles or p.id in own]
    partners = _all_named(contacts) if share.allows("contacten") else []
    naasten = [_naaste(n, share) for n in casus.netwerk.naasten if n.toestemming_contact]
    naasten = naasten if share.allows("naasten") else []
    visible = {p.id for p in partners}
    return Casus.model_construct(
        meta=casus.meta.model_construct(
            casus_id=casus.meta.casus_id, regio=casus.meta.regio, status=casus.meta.status,
            planversie=casus.meta.planversie, vastgesteld=casus.meta.vastgesteld,
        ),
        persoon=_person(casus, share),
        gegevensdeling=casus.gegevensdeling.model_construct(
            route=casus.gegevensdeling.route, toestemming_datum=casus.gegevensdeling.toestemming_datum,
            ingetrokken=casus.gegevensdeling.ingetrokken,
            ingetrokken_datum=casus.gegevensdeling.ingetrokken_datum,
        ),
        netwerk=Netwerk.model_construct(partners=partners, naasten=naasten),
        levensgebieden=_areas(casus, share, own),
        scenarios=_scenarios(casus, share, own, visible),
        opschaling=_escalation(casus, share),
        risicotaxaties=_all_named(casus.risicotaxaties) if share.allows("risicotaxatie") else [],
        # special-category data; the policy gives the group to nobody (most restrictive default)
        incidenten=_all_named(casus.incidenten) if share.allows("incidenten") else [],
    )


NAASTE = "netwerk.naasten[]."
# a naaste's free text, with its path suffix: what they told, wanted, and how they are protected
NAASTE_TEXTS = {"toelichting": "toelichting", "wil": "wil", "betrokkenheid": "betrokkenheid",
                "bescherming": "bescherming[]"}


def _naaste(n: Any, share: Sharing) -> Any:
    """Consent to contact a naaste is no consent to share their story: each text only if its
    groups are shared ('velden'); a type label ('slachtoffer') only where its groups are."""
    fields = {k: getattr(n, k) for k in ("id", "naam", "relatie", "toestemming_contact", "telefoon")}
    fields["type"] = [k for k in n.type if share.shows_label("naastentypes", k)]
    for name, suffix in NAASTE_TEXTS.items():
        if share.allows("naasten_toelichting") and share.shows_field(NAASTE + suffix):
            fields[name] = getattr(n, name)
    return n.model_construct(**fields)


def _person(casus: Casus, share: Sharing) -> Any:
    p = casus.persoon
    fields: dict[str, Any] = {"verblijf": p.verblijf}
    if share.allows("identificatie"):
        fields.update(naam=p.naam, roepnaam=p.roepnaam, geboortedatum=p.geboortedatum)
    if share.allows("verblijf"):
        fields.update(verblijf_toelichting=p.verblijf_toelichting)
    if share.allows("problematiek"):
        fields.update(problematiek=list(p.problematiek), problematiek_toelichting=p.problematiek_toelichting)
    if share.allows("juridisch_kader"):
        fields.update(juridisch_kader=_all_named(p.juridisch_kader))
    return p.model_construct(**{"naam": "", **fields})


def _areas(casus: Casus, share: Sharing, own: set[str]) -> list[Any]:
    """The levensgebieden where the partner has an action: its own actions, and the why."""
    out = []
    for g in casus.levensgebieden:
        mine = [a for a in g.acties if a.wie in own]
        if not mine:
            continue
        fields: dict[str, Any] = {"gebied": g.gebied}
        if share.allows("eigen_acties"):
            fields["acties"] = _all_named(mine)
        if share.allows("achtergrond"):
            fields.update(situatie=g.situatie, risicos=list(g.risicos), doelen=list(g.doelen))
        out.append(g.model_construct(**fields))
    return out


def _scenarios(casus: Casus, share: Sharing, own: set[str], visible: set[str]) -> list[Any]:
    """The scenarios where the partner has a duty: only its own duties, and whom it may call."""
    if not share.allows("scenario_taken"):
        return []
    policy, seen = load_policy(), set(share.groups)
    out = []
    for s, mine in with_duty(casus.scenarios, own):
        # the name and the type say what the scenario is about: shared like its description
        fields: dict[str, Any] = {
            "naam": "", "soort": s.soort if share.shows_label("scenariosoorten", s.soort) else "",
            "acties": _all_named(mine), "wie_bellen": [r for r in s.wie_bellen if r in visible],
        }
        if share.allows("signalen"):
            fields.update(_scenario_texts(s, policy, seen))
        out.append(s.model_construct(**fields))
    return out


def with_duty(scenarios: Iterable[Any], own: set[str]) -> list[tuple[Any, list[Any]]]:
    """The scenarios where the partner with ids ``own`` has a duty, each with those duties: the
    one selection of its partner sheet and its crisis card."""
    return [(s, mine) for s in scenarios if (mine := [a for a in s.acties if a.wie in own])]


SCENARIO = "scenarios[]."
PHASES = ("groen", "oranje", "rood")


def _scenario_texts(s: Any, policy: Policy, seen: set[str]) -> dict[str, Any]:
    """A scenario's name, description and signals, each only where its content names nothing
    outside ``seen``: 'velden', and the type it follows ('velden_soort'). A scenario 'Terugval in
    cocaïnegebruik' with "positieve urinecontrole" says what its withheld type says."""

    def shown(path: str) -> bool:
        return policy.reveals_only(path, seen) and set(policy.type_groups(path, s.soort)) <= seen

    fields: dict[str, Any] = {k: getattr(s, k) for k in ("naam", "beschrijving") if shown(SCENARIO + k)}
    phases = {f: list(getattr(s.signalen, f)) for f in PHASES if shown(f"{SCENARIO}signalen.{f}[]")}
    fields["signalen"] = s.signalen.model_construct(**phases)
    return fields


STEP, DOWN = "opschaling.stappen[].", "opschaling.afschaling."
# the free text of a step and of the way down, with its path suffix (a list: "[]")
STEP_TEXTS = {"criteria": "criteria[]", "vervoer": "vervoer", "overdracht": "overdracht",
              "doorloopt": "doorloopt[]", "terugkeer_toelichting": "terugkeer_toelichting"}
DOWN_TEXTS = {"criteria": "criteria[]", "bestemming": "bestemming", "warme_overdracht": "warme_overdracht",
              "randvoorwaarden": "randvoorwaarden[]", "wie_stabiel": "wie_stabiel"}


def _empty(value: Any) -> Any:
    return [] if isinstance(value, list) else None if value is None or isinstance(value, bool) else ""


def _step_fields(s: Any, names: tuple[str, ...], shows: Callable[[str], bool]) -> dict[str, Any]:
    """The step's fields in ``names``; a text whose content names a group the reader may not see
    (a clinic name, "rechter-commissaris ... in plaats van detentie") is left empty."""
    return {k: getattr(s, k) if k not in STEP_TEXTS or shows(STEP + STEP_TEXTS[k]) else _empty(getattr(s, k))
            for k in names}


def _destination(b: Any, shows: Callable[[str], bool], label_shown: Callable[[str | None], bool]) -> Any:
    """Where a step goes: the place and the clinic it names only where their groups are shared."""
    fields: dict[str, Any] = {}
    if label_shown(b.bedtype):
        fields["bedtype"] = b.bedtype
    if shows(STEP + "bestemming.plaats"):
        fields.update(plaats=b.plaats, beveiligingsniveau=b.beveiligingsniveau)
    if shows(STEP + "bestemming.partner"):
        fields["partner"] = b.partner
    return b.model_construct(**fields)


def _deescalation(af: Any, shows: Callable[[str], bool]) -> Any:
    if af is None:
        return None
    fields = {k: getattr(af, k) for k in SHARED_FIELDS["Afschaling"]}
    for name, suffix in DOWN_TEXTS.items():
        if name in fields and not shows(DOWN + suffix):
            fields[name] = _empty(fields[name])
    return af.model_construct(**fields)


def _escalation(casus: Casus, share: Sharing) -> Any:
    """Every step (the view keeps those the partner takes part in), without the notes on return."""
    o = casus.opschaling
    if not share.allows("opschaling"):
        return o.model_construct(stappen=[], afschaling=None)
    kept = ("van", "naar", "criteria", "wie_besluit", "vervoer", "overdracht", "doorloopt",
            "terugkeergarantie")
    stappen = []
    for s in o.stappen:
        fields = _step_fields(s, kept, share.shows_field)
        # a bed type (FVA) or a legal basis (crisismaatregel) names what the sheet may withhold
        fields["bestemming"] = _destination(s.bestemming, share.shows_field,
                                            lambda k: share.shows_label("bedtypes", k))
        if share.shows_label("juridische_basis", s.juridische_basis):
            fields["juridische_basis"] = s.juridische_basis
        stappen.append(s.model_construct(**fields))
    return o.model_construct(stappen=stappen, afschaling=_deescalation(o.afschaling, share.shows_field))


# -- documents with an audience of their own: one gate, as for the partner sheet ---------------


def audience_case(
    casus: Casus, groups: Iterable[str], own: set[str] | None = None, known: Iterable[str] | None = None,
    *, duty_only: bool = False,
) -> Casus:
    """The part of ``casus`` a document for an audience (crisiskaart, client) may carry.

    The same allow-list by construction as ``filter_case``: each part is copied in only when
    its group is in ``groups`` (``views/audience.allowed_groups``); a field this function
    does not name, also one added to the model later, keeps its empty default. ``own``: the
    ids whose scenario duties (with 'scenario_taken') and actions (with 'eigen_acties') the
    document shows. The 24/7
    lines (organisation and number) are always kept: a crisis document without them is refused.
    ``known``: the groups the reader may see at all (a partner's sharing; default ``groups``):
    a free text or label whose content names a group outside it is left out ('velden').
    ``duty_only`` (a partner's crisis card): only the scenarios where ``own`` has a duty, as on
    that partner's sheet.
    """
    from levensloop_docs.model.casus import Netwerk

    allowed = set(groups)
    policy, seen = load_policy(), set(allowed if known is None else known)

    def shows(path: str) -> bool:
        return policy.reveals_only(path, seen)

    return Casus.model_construct(
        meta=casus.meta.model_construct(
            casus_id=casus.meta.casus_id, regio=casus.meta.regio, status=casus.meta.status,
            planversie=casus.meta.planversie, vastgesteld=casus.meta.vastgesteld,
            volgende_evaluatie=casus.meta.volgende_evaluatie,
        ),
        persoon=_audience_person(casus, allowed),
        gegevensdeling=_audience_sharing(casus, allowed),
        netwerk=Netwerk.model_construct(partners=_audience_partners(casus, allowed),
                                        naasten=_audience_naasten(casus, allowed, policy, seen)),
        levensgebieden=_audience_areas(casus, allowed, own or set()),
        scenarios=_audience_scenarios(casus, allowed, own or set(), policy, seen, duty_only),
        opschaling=_audience_escalation(casus, allowed, policy, seen),
        risicotaxaties=_all_named(casus.risicotaxaties) if "risicotaxatie" in allowed else [],
        client=_audience_voice(casus, allowed),
    )


def _audience_areas(casus: Casus, allowed: set[str], own: set[str]) -> list[Any]:
    """With 'eigen_acties': the levensgebieden where ``own`` has an action, with those actions."""
    if "eigen_acties" not in allowed:
        return []
    out = []
    for g in casus.levensgebieden:
        mine = [a for a in g.acties if a.wie in own]
        if mine:
            out.append(g.model_construct(gebied=g.gebied, acties=_all_named(mine)))
    return out


def _audience_sharing(casus: Casus, allowed: set[str]) -> Any:
    """The route; with 'toestemming' also the consent on file (the form says what it covers)."""
    g = casus.gegevensdeling
    if "toestemming" not in allowed:
        return g.model_construct(route=g.route)
    return g.model_construct(
        route=g.route, toestemming_datum=g.toestemming_datum,
        toestemming_partners=list(g.toestemming_partners), toestemming_geldig_tot=g.toestemming_geldig_tot,
        ingetrokken=g.ingetrokken,
    )


def _asked_for_consent(n: Any) -> bool:
    """The consent form asks about a supporter (no kind, or a hulpbron), and about anyone else
    (a victim, a risk factor) only where the plan records consent for contact (a moeder kept
    informed). Decided here, so the form needs no kind the gate hides ('slachtoffer')."""
    if n.toestemming_contact:
        return True
    return VICTIM not in n.type and (not n.type or "hulpbron" in n.type)


def _audience_voice(casus: Casus, allowed: set[str]) -> Any:
    c = casus.client
    if "eigen_woorden" not in allowed:
        return c.model_construct()
    return c.model_construct(doelen=list(c.doelen), wat_helpt=list(c.wat_helpt))


def _audience_person(casus: Casus, allowed: set[str]) -> Any:
    p = casus.persoon
    fields: dict[str, Any] = {"naam": "", "verblijf": p.verblijf}
    if "identificatie" in allowed:
        fields.update(naam=p.naam, roepnaam=p.roepnaam, geboortedatum=p.geboortedatum)
    if "verblijf" in allowed:
        fields["verblijf_toelichting"] = p.verblijf_toelichting
    if "problematiek" in allowed:
        fields["problematiek"] = list(p.problematiek)
    if "juridisch_kader" in allowed:
        fields["juridisch_kader"] = _all_named(p.juridisch_kader)
    return p.model_construct(**fields)


def _audience_partners(casus: Casus, allowed: set[str]) -> list[Any]:
    """The 24/7 lines always; the whole contact with 'contacten'; a destination with 'opschaling'."""
    o = casus.opschaling
    route = {s.bestemming.partner for s in o.stappen if s.bestemming.partner}
    route |= {s.wie_besluit for s in o.stappen}
    if o.afschaling is not None and o.afschaling.wie_stabiel:
        route.add(o.afschaling.wie_stabiel)
    out = []
    for p in casus.netwerk.partners:
        fields: dict[str, Any] = {"id": p.id, "rol": p.rol, "organisatie": p.organisatie}
        if "contacten" in allowed or ("opschaling" in allowed and p.id in route):
            fields.update(contactpersoon=p.contactpersoon, functie=p.functie, telefoon=p.telefoon,
                          buiten_kantoortijd=p.buiten_kantoortijd)
        elif p.day_and_night:
            fields.update(telefoon=p.telefoon, buiten_kantoortijd=p.buiten_kantoortijd)
        elif "toestemming" not in allowed:  # the consent form names every organisation and role
            continue
        out.append(p.model_construct(**fields))
    return out


def _audience_naasten(casus: Casus, allowed: set[str], policy: Policy, seen: set[str]) -> list[Any]:
    """With 'naasten_afspraken': who agreed to contact, their name, relation and the agreement;
    with 'naasten': who agreed to contact, with their number; with 'toestemming': the name,
    relation and kind of every naaste the consent form asks about (``_asked_for_consent``)."""
    out = []
    for n in casus.netwerk.naasten:
        fields: dict[str, Any] = {"id": n.id, "naam": n.naam, "relatie": n.relatie}
        contact = n.toestemming_contact and bool({"naasten", "naasten_afspraken"} & allowed)
        asked = "toestemming" in allowed and _asked_for_consent(n)
        if not contact and not asked:
            continue
        if contact:
            fields["toestemming_contact"] = True
        if contact and "naasten_afspraken" in allowed:
            fields["afspraak_client"] = n.afspraak_client
        if contact and "naasten" in allowed:
            fields["telefoon"] = n.telefoon
        if "toestemming" in allowed:  # a type that tells more ('slachtoffer') only where allowed
            fields["type"] = [k for k in n.type if set(policy.label_groups("naastentypes", k)) <= seen]
        out.append(n.model_construct(**fields))
    return out


def _audience_scenarios(
    casus: Casus, allowed: set[str], own: set[str], policy: Policy, seen: set[str], duty_only: bool = False
) -> list[Any]:
    """Red signals ('signalen'), the name and own duties ('scenario_taken'), the client's words.

    ``duty_only`` (a partner's crisis card): only the scenarios its partner sheet shows, those
    where ``own`` has a duty (``with_duty``), and none without 'scenario_taken'."""
    if duty_only:
        chosen = [s for s, _mine in with_duty(casus.scenarios, own)] if "scenario_taken" in allowed else []
    else:
        chosen = list(casus.scenarios)
    out = []
    for s in chosen:
        fields: dict[str, Any] = {"naam": ""}
        texts = _scenario_texts(s, policy, seen)
        if "signalen" in allowed:
            fields["signalen"] = texts["signalen"]
        if "scenario_taken" in allowed:
            fields["acties"] = _all_named(a for a in s.acties if a.wie in own)
            # the name says what the type says ('Aanhouding of nieuwe detentie')
            if "naam" in texts and set(policy.label_groups("scenariosoorten", s.soort)) <= seen:
                fields.update(naam=s.naam, soort=s.soort)
        if "eigen_woorden" in allowed:
            fields["in_eigen_woorden"] = _named(s.in_eigen_woorden)
        out.append(s.model_construct(**fields))
    return out


def _audience_escalation(casus: Casus, allowed: set[str], policy: Policy, seen: set[str]) -> Any:
    """With 'opschaling': the route up (each step as agreed) and the way down; a text that names
    what the reader may not see (a clinic, the court) is left empty."""
    o = casus.opschaling
    if "opschaling" not in allowed:
        return o.model_construct(stappen=[], afschaling=None)
    kept = ("van", "naar", "criteria", "wie_besluit", "juridische_basis", "juridische_terugval", "vervoer",
            "overdracht", "doorloopt", "terugkeergarantie", "terugkeer_toelichting")

    def shows(path: str) -> bool:
        return policy.reveals_only(path, seen)

    def bed_shown(key: str | None) -> bool:
        return bool(key) and set(policy.label_groups("bedtypes", key or "")) <= seen

    stappen = [s.model_construct(**_step_fields(s, kept, shows),
                                 bestemming=_destination(s.bestemming, shows, bed_shown))
               for s in o.stappen]
    return o.model_construct(stappen=stappen, afschaling=_deescalation(o.afschaling, shows),
                             huidig_niveau=o.huidig_niveau)


# -- the whole plan for an audience (the client's copy of the levensloopplan) -------------------

# The fields of the case model as the whole plan shows them (the model of this version, named one
# by one). A field added to the model later stays empty on the client's copy until it is named
# here (tests/test_audience_gate.py adds one to every class and looks for it).
PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "Casus": ("meta", "persoon", "gegevensdeling", "netwerk", "levensgebieden", "scenarios", "opschaling",
        "risicotaxaties", "uitstroom", "aanmelding", "client", "veiligheidsafspraken", "evaluaties",
        "zrm_nulmeting", "incidenten", "overleggen", "bij_inclusie"),
    "Meta": ("casus_id", "regio", "status", "planversie", "vastgesteld", "volgende_evaluatie", "auteurs",
        "akkoord", "inclusiedatum", "vastgesteld_in", "aanwezig", "evaluatie_ritme", "wijzigingen"),
    "Akkoord": ("wie", "datum"),
    "Persoon": ("naam", "roepnaam", "geboortedatum", "geslacht", "verblijf", "verblijf_toelichting",
        "problematiek", "problematiek_toelichting", "juridisch_kader"),
    "Titel": ("titel", "start", "einde", "toelichting", "bij_afloop", "bij_afloop_wie"),
    "Gegevensdeling": ("route", "toestemming_datum", "toestemming_omvang", "toestemming_partners",
        "toestemming_geldig_tot", "ingetrokken", "ingetrokken_datum", "toelichting"),
    "Netwerk": ("partners", "naasten"),
    "Partner": ("id", "rol", "ring", "organisatie", "contactpersoon", "functie", "telefoon", "email",
        "buiten_kantoortijd"),
    "Naaste": ("id", "naam", "relatie", "type", "toestemming_contact", "telefoon", "toelichting", "wil",
        "betrokkenheid", "bescherming", "afspraak_client"),
    "Levensgebied": ("gebied", "zrm_score", "situatie", "risicos", "doelen", "acties"),
    "Actie": ("wat", "wie", "wanneer", "status", "bescherming"),
    "Scenario": ("naam", "soort", "beschrijving", "signalen", "acties", "wie_bellen", "levensgebieden",
        "in_eigen_woorden"),
    "Signalen": ("groen", "oranje", "rood"),
    "ScenarioActie": ("fase", "wie", "wat", "bescherming"),
    "EigenWoorden": ("titel", "groen", "oranje", "rood", "wat_helpt"),
    "Opschaling": ("stappen", "afschaling", "huidig_niveau", "huidig_sinds", "volgende_stap"),
    "OpschalingsStap": ("van", "naar", "criteria", "wie_besluit", "bestemming", "juridische_basis",
        "juridische_terugval", "vormen", "vervoer", "overdracht", "doorloopt", "terugkeergarantie",
        "terugkeer_toelichting"),
    "Bestemming": ("bedtype", "plaats", "beveiligingsniveau", "partner"),
    "Afschaling": ("criteria", "naar", "bestemming", "warme_overdracht", "wie_stabiel", "randvoorwaarden"),
    "Risicotaxatie": ("instrument", "datum", "uitkomst", "uitgevoerd_door", "volgende"),
    "Uitstroom": ("stabiel_sinds", "beschermende_factoren_geborgd", "beschermende_factoren",
        "risico_verlaagd", "risicotaxatie_datum", "toelichting", "vervolgaanbieder", "nazorg",
        "overdracht_datum", "datum"),
    "Aanmelding": ("aanmelder", "datum", "reden", "voorgeschiedenis", "huidige_zorg", "criteria_landelijk",
        "criteria_regio", "overleg", "besluit", "besluit_datum", "besluit_toelichting",
        "levensloopaanbieder", "casusregisseur", "gemeentelijke_casusregisseur", "advies",
        "procesregisseur", "informatie_partners", "voorcheck", "client_op_de_hoogte", "behoefte_opname",
        "behoefte_gemeente", "reeds_in_zorg", "geprobeerd", "risicotaxatie", "acute_crisis",
        "acute_crisis_toelichting", "grondslag_na_titel", "grondslag_na_titel_toelichting",
        "tafel_samenvatting"),
    "Aanmelder": ("organisatie", "naam", "functie", "soort", "telefoon", "email"),
    "Gebeurtenis": ("datum", "soort", "omschrijving"),
    "CriteriumOordeel": ("criterium", "oordeel", "toelichting"),
    "Overleg": ("datum", "deelnemers"),
    "Procesregisseur": ("naam", "functie", "telefoon", "email"),
    "Informatievraag": ("organisatie", "gevraagd_op", "antwoord"),
    "Poging": ("interventie", "organisatie", "van", "tot", "resultaat"),
    "RisicotaxatieAanmelding": ("instrument", "datum", "uitgevoerd_door", "uitkomst"),
    "Stem": ("doelen", "wat_helpt", "betrokkenheid", "toelichting"),
    "Evaluatie": ("datum", "planversie", "deelnemers", "acties", "doelen", "zrm", "risicotaxatie",
        "gaat_goed", "gaat_minder", "wijzigingen", "volgende_evaluatie", "stem_client", "stem_naasten"),
    "ActieEvaluatie": ("gebied", "actie", "status", "gedaan"),
    "DoelEvaluatie": ("gebied", "doel", "oordeel", "toelichting"),
    "ZrmScore": ("gebied", "score"),
    "ZrmNulmeting": ("datum", "scores"),
    "Incident": ("datum", "omschrijving", "niveau", "vorm", "fase", "bed_aangevraagd"),
    "Verslag": ("datum", "soort", "aanwezigen", "besluit", "afspraken"),
    "Aanwezige": ("organisatie", "functie"),
    "Afspraak": ("wie", "wat", "wanneer"),
    "BijInclusie": ("ggz", "lvb", "verslaving", "psychosociaal", "nah", "wlz_indicatie",
        "forensische_titel", "machtiging", "verblijf", "behoefte_opname", "behoefte_gemeente",
        "reeds_in_zorg"),
}


def plan_case(casus: Casus, groups: Iterable[str]) -> Casus:
    """The whole plan as an audience with ``groups`` may see it (``publiek: plan_client``).

    An allow-list like ``audience_case``, for a document that shows the plan itself: every
    field named in ``PLAN_FIELDS`` is copied, except a free text whose content names a group
    outside ``groups`` ('velden': what a naaste told, the team's change list). Without
    'naasten' no naaste; a naaste kind that is shared like a group outside ``groups`` loses
    its label where it is the victim's ('slachtoffer'), and then her number too. An action or
    phase task that protects a naaste goes whole: one marked ``bescherming`` where the marker
    names a group outside ``groups``, and every task of a victim whose label is hidden.
    """
    policy, seen = load_policy(), set(groups)
    copy: Casus = _plan_copy(_without_protection(casus, policy, seen), "",
                             lambda path: policy.reveals_only(path, seen))
    naasten = [_plan_naaste(n, policy, seen) for n in copy.netwerk.naasten] if "naasten" in seen else []
    return copy.model_copy(update={"netwerk": copy.netwerk.model_copy(update={"naasten": naasten})})


def _without_protection(casus: Casus, policy: Policy, seen: set[str]) -> Casus:
    """``casus`` without the actions and phase tasks that tell how a naaste is protected."""
    hidden_victim = not set(policy.label_groups("naastentypes", VICTIM)) <= seen
    victims = {n.id for n in casus.netwerk.naasten if hidden_victim and VICTIM in n.type}

    def kept(items: list[Any], marker: str) -> list[Any]:
        marked_shown = policy.reveals_only(marker, seen)
        return [a for a in items if a.wie not in victims and (marked_shown or not a.bescherming)]

    areas = [g.model_copy(update={"acties": kept(g.acties, "levensgebieden[].acties[].bescherming")})
             for g in casus.levensgebieden]
    scenarios = [s.model_copy(update={"acties": kept(s.acties, "scenarios[].acties[].bescherming")})
                 for s in casus.scenarios]
    return casus.model_copy(update={"levensgebieden": areas, "scenarios": scenarios})


def _plan_copy(value: Any, path: str, keep: Callable[[str], bool]) -> Any:
    """``value`` with only the fields ``PLAN_FIELDS`` names, each only where ``keep(path)``."""
    if isinstance(value, list):
        return [_plan_copy(v, path, keep) for v in value]
    name = next((c.__name__ for c in type(value).__mro__ if c.__name__ in PLAN_FIELDS), None)
    if name is None:  # a value, not a part of the model
        return value
    fields: dict[str, Any] = {}
    for field_name in PLAN_FIELDS[name]:
        part = getattr(value, field_name)
        field_path = f"{path}{field_name}[]" if isinstance(part, list) else f"{path}{field_name}"
        if keep(field_path):
            fields[field_name] = _plan_copy(part, f"{field_path}.", keep)
    return value.model_construct(**fields)


def _plan_naaste(n: Any, policy: Policy, seen: set[str]) -> Any:
    if set(policy.label_groups("naastentypes", VICTIM)) <= seen or VICTIM not in n.type:
        return n
    return n.model_copy(update={"type": [k for k in n.type if k != VICTIM], "telefoon": None})
