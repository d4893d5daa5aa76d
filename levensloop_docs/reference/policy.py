"""The data-minimisation policy: which groups of case data a partner sheet may show.

The policy is data (``data/beleid/gegevensdeling.yaml``), validated like every other data
file: every problem with file, line and field, in Dutch. ``sharing()`` turns it into one
decision for one case and one partner type: the groups allowed (an allow-list), the
groups left out, and the basis for sharing. A voluntary route with withdrawn consent
falls back to what another basis (a title that runs today) allows, or to
``zonder_grondslag``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

from pydantic import Field

from levensloop_docs.errors import DataFileError, Problem
from levensloop_docs.i18n import _
from levensloop_docs.model.casus import Casus, Model, Tekst
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.resources import data_dir

VOLUNTARY = "vrijwillig"


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


Loc = tuple[str | int, ...]


def _references(data: PolicyFile, vocab: Vocabularies) -> list[tuple[Loc, str]]:
    """Every key that names a group, partner type, route or title must exist: (field, message)."""
    found: list[tuple[Loc, str]] = []
    groups = set(data.groepen)
    kinds = sorted({str(vocab["rollen"].get(k, "partnersoort", k)) for k in vocab["rollen"]})
    routes = vocab["routes"].keys()

    def check_groups(loc: Loc, values: list[str]) -> None:
        for i, g in enumerate(values):
            if g not in groups:
                msg = _("Unknown group '{key}'. Groups are defined under 'groepen': {allowed}.")
                found.append(((*loc, i), msg.format(key=g, allowed=", ".join(data.groepen))))

    check_groups(("standaard",), data.standaard)
    groups |= set(data.publieksgroepen)
    for audience, values in data.publiek.items():
        check_groups(("publiek", audience), values)
    groups -= set(data.publieksgroepen)
    check_groups(("zonder_grondslag",), data.zonder_grondslag)
    for route, titles in data.grondslagen.items():
        if route not in routes or route == VOLUNTARY:
            msg = _("'{key}' cannot be another basis: use a route other than 'vrijwillig'.")
            found.append((("grondslagen", route), msg.format(key=route)))
        for i, title in enumerate(titles):
            if title not in vocab["titels"]:
                msg = _("Unknown title '{key}'. Choose one of: {allowed}.")
                allowed = ", ".join(vocab["titels"].keys())
                found.append((("grondslagen", route, i), msg.format(key=title, allowed=allowed)))
    for kind, per_route in data.partners.items():
        if kind not in kinds:
            msg = _("Unknown partner type '{key}'. Choose one of: {allowed}.")
            found.append((("partners", kind), msg.format(key=kind, allowed=", ".join(kinds))))
        for route, values in per_route.items():
            if route not in routes:
                msg = _("Unknown route '{key}' at partner type '{kind}'. Choose one of: {allowed}.")
                text = msg.format(key=route, kind=kind, allowed=", ".join(routes))
                found.append((("partners", kind, route), text))
            check_groups(("partners", kind, route), values)
    return found


@dataclass(frozen=True)
class Policy:
    groups: dict[str, str]  # key -> label, in the order of the file
    default: tuple[str, ...]
    without_basis: tuple[str, ...]
    grounds: dict[str, tuple[str, ...]]  # route -> titles that give that basis
    partners: dict[str, dict[str, tuple[str, ...]]]
    audiences: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def audience(self, name: str) -> frozenset[str]:
        """The groups a document for this audience may carry (none for an unknown audience)."""
        return frozenset(self.audiences.get(name, ()))

    def partner_types(self) -> list[str]:
        return list(self.partners)

    def allowed(self, kind: str, route: str) -> tuple[str, ...]:
        return self.partners.get(kind, {}).get(route, self.default)


@dataclass(frozen=True)
class Sharing:
    """What one partner type may see of one case, and why."""

    route: str
    withdrawn: bool
    other_grounds: tuple[str, ...]  # routes used after withdrawal
    titles: tuple[str, ...]  # running titles that give those routes
    groups: tuple[str, ...]
    left_out: tuple[str, ...]

    def allows(self, group: str) -> bool:
        return group in self.groups


def policy_path() -> Path:
    return data_dir() / "beleid" / "gegevensdeling.yaml"


def load_policy() -> Policy:
    return _load_policy(policy_path())


@cache
def _load_policy(path: Path) -> Policy:
    from pydantic import ValidationError

    from levensloop_docs.case.casefile import pydantic_problem
    from levensloop_docs.case.rules import format_loc
    from levensloop_docs.yamlio import YamlReadError, line_of, load_yaml

    summary = _("The data-sharing policy is not valid.")
    try:
        raw = load_yaml(path, round_trip=True)
    except YamlReadError as exc:
        raise DataFileError(problems=[exc.problem], summary=summary) from None
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
    )


def running_titles(casus: Casus, today: date) -> list[str]:
    """The titles of the case that run today (started, and not ended)."""
    return [
        k.titel for k in casus.persoon.juridisch_kader
        if (k.start is None or k.start <= today) and (k.einde is None or k.einde >= today)
    ]


def sharing(policy: Policy, casus: Casus, kind: str, today: date) -> Sharing:
    """The decision for partner type ``kind``: the groups it may see of this case."""
    g = casus.gegevensdeling
    withdrawn = g.route == VOLUNTARY and g.ingetrokken
    grounds: list[str] = []
    titles: list[str] = []
    if not withdrawn:
        allowed = set(policy.allowed(kind, g.route))
        # the titles that carry this route, named on the sheet as its basis
        titles = [t for t in running_titles(casus, today) if t in policy.grounds.get(g.route, ())]
    else:
        running = running_titles(casus, today)
        allowed = set()
        for route, route_titles in policy.grounds.items():
            hits = [t for t in running if t in route_titles]
            if hits:
                grounds.append(route)
                titles.extend(t for t in hits if t not in titles)
                allowed |= set(policy.allowed(kind, route))
        if not grounds:
            allowed = set(policy.without_basis)
    ordered = tuple(k for k in policy.groups if k in allowed)
    left_out = tuple(k for k in policy.groups if k not in allowed)
    return Sharing(g.route, withdrawn, tuple(grounds), tuple(titles), ordered, left_out)
