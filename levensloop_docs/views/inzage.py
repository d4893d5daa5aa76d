"""What ``levensloop inzage`` shows: everything a case holds about the person (AVG art. 15(3)).

The case file is shown as it is stored, not as a document selects from it: every field of
the YAML, the current version and every archived version, the evaluations, incidents and
minutes, and the disclosure register. Labels come from the interview's questions where it
asks for the field (``fieldlabels``), values of a list (vocabulary) as their label, dates in
words, a short name of a partner with its organisation. A field that the model does not
know is shown too, under its own name: inzage is about what is held, not what is valid.

What would tell the client something another person told or needs to be protected from (a
naaste's own story, wishes and protection, the label 'slachtoffer', a victim's phone number)
is not in the client's part: it is listed apart (``Apart``) for the professional to decide.
Which fields those are is the policy's: the fields and labels that name the group
'naasten_toelichting' (``data/beleid/gegevensdeling.yaml``).
"""

from __future__ import annotations

import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.casus import Casus, VocabKey
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import Policy
from levensloop_docs.reference.regions import region_label
from levensloop_docs.views.fieldlabels import field_label

PROTECTED = "naasten_toelichting"  # the policy group of what naasten told and their protection
# fields that refer to a partner or naaste by its short name
REFS = {"wie", "wie_besluit", "partner", "wie_stabiel", "bij_afloop_wie", "wie_bellen",
        "toestemming_partners"}
# the parts of the case with a chapter of their own: about the person, over time
OWN_CHAPTERS = ("evaluaties", "incidenten", "overleggen")


def section_titles() -> dict[str, str]:
    return {
        "meta": _("The case and the plan"), "persoon": _("Person"),
        "gegevensdeling": _("Data sharing and consent"), "netwerk": _("Network: partners and naasten"),
        "levensgebieden": _("Levensgebieden"), "scenarios": _("Scenarios"),
        "opschaling": _("Scaling up and down"), "risicotaxaties": _("Risk assessments"),
        "uitstroom": _("Exit (uitstroom)"), "aanmelding": _("Registration (aanmelding)"),
        "client": _("In the client's own words"), "veiligheidsafspraken": _("Safety agreements for staff"),
        "evaluaties": _("Evaluations"), "zrm_nulmeting": _("ZRM baseline"),
        "incidenten": _("Incidents and escalations"), "overleggen": _("Minutes of meetings"),
        "bij_inclusie": _("At inclusion (for the monitor)"),
    }  # fmt: skip


@dataclass
class Row:
    label: str
    waarde: str


@dataclass
class Block:
    """A heading (level 3 and deeper) and its fields."""

    kop: str
    niveau: int
    rijen: list[Row] = field(default_factory=list)


@dataclass
class Apart:
    """One value held back for the professional: where, what, why."""

    waar: str
    label: str
    waarde: str
    reden: str


@dataclass
class Chapter:
    titel: str
    blokken: list[Block]


@dataclass
class Walker:
    """Turns one stored case (plain YAML data) into blocks, and collects what is held back."""

    vocab: Vocabularies
    policy: Policy
    names: dict[str, str]  # short name -> "Organisation (id)" / "Name (id)"
    version: str  # where it stands, for the list of what is held back ("versie 3")
    apart: list[Apart] = field(default_factory=list)
    victims: frozenset[str] = frozenset()  # ids of naasten protected as victims

    # -- values ---------------------------------------------------------------------------
    def show(self, value: Any, info: Info) -> str:
        if isinstance(value, list):
            return "; ".join(self.show(v, info) for v in value)
        if isinstance(value, bool):
            return _("yes") if value else _("no")
        if isinstance(value, datetime):
            return f"{format_date(value.date())} {value:%H:%M}"
        if isinstance(value, date):
            return format_date(value)
        if value is None:
            return ""
        text = str(value)
        if info.vocabulary and info.vocabulary in self.vocab.items:
            label = self.vocab[info.vocabulary].label(text)
            return label if label != text else text
        if info.name in REFS:
            return self.names.get(text, text)
        if info.name == "regio":  # a client reads 'Drenthe', not the key 'drenthe'
            return region_label(text)
        return text

    # -- what is held back ----------------------------------------------------------------
    def held_back(self, path: str, value: Any, item: dict[str, Any] | None) -> str:
        """The reason a value is for the professional to decide, or "" (it is the client's)."""
        if PROTECTED in (*self.policy.field_groups(path), *self.policy.field_groups(f"{path}[]")):
            return _("what a naaste told or wants, or how a naaste is protected")
        if item is not None and ".acties[]." in path and (
                item.get("bescherming") is True or str(item.get("wie")) in self.victims):
            # the whole agreement, as the client's copy of the plan leaves it out: its text is
            # the victim's safety plan, not only its marker
            return _("an agreement that protects a naaste")
        if path == "netwerk.naasten[].type" and any(
                PROTECTED in self.policy.label_groups("naastentypes", str(k)) for k in value or []):
            return _("the kind of naaste says what happened to them")
        if path == "netwerk.naasten[].telefoon" and item is not None and _victim(item):
            return _("the phone number of a person who is protected as a victim")
        return ""

    # -- walking --------------------------------------------------------------------------
    def block(self, data: dict[str, Any], model: type[BaseModel] | None, path: str, kop: str,
              niveau: int, where: str) -> list[Block]:
        """The block for one mapping (its plain fields), then one block per nested part."""
        own = Block(kop, niveau)
        nested: list[Block] = []
        for key, value in data.items():
            info = field_info(model, str(key))
            sub = f"{path}.{key}" if path else str(key)
            label = field_label(sub, str(key))
            if _empty(value):
                continue
            if isinstance(value, dict):
                nested += self.block(value, info.model, sub, label, niveau + 1, f"{where} · {label}")
            elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
                for i, item in enumerate(value, start=1):
                    if isinstance(item, dict):
                        title = f"{label} {i}{_item_name(item, self)}"
                        nested += self.item(item, info.model, f"{sub}[]", title, niveau + 1,
                                            f"{where} · {title}")
                    else:
                        own.rijen.append(Row(f"{label} {i}", self.show(item, info)))
            else:
                self.row(own, sub, label, value, info, data, where)
        return ([own] if own.rijen else []) + nested

    def item(self, data: dict[str, Any], model: type[BaseModel] | None, path: str, kop: str,
             niveau: int, where: str) -> list[Block]:
        return self.block(data, model, path, kop, niveau, where)

    def row(self, own: Block, path: str, label: str, value: Any, info: Info, item: dict[str, Any],
            where: str) -> None:
        reason = self.held_back(path, value, item)
        if reason:
            self.apart.append(Apart(f"{self.version} · {where}", label, self.show(value, info), reason))
            own.rijen.append(Row(label, _("(set apart for now; the professional decides)")))
            return
        own.rijen.append(Row(label, self.show(value, info)))


@dataclass(frozen=True)
class Info:
    name: str
    model: type[BaseModel] | None = None
    vocabulary: str | None = None


def field_info(model: type[BaseModel] | None, name: str) -> Info:
    """What the model says of a field: a nested model (also in a list), a vocabulary."""
    if model is None or name not in model.model_fields:
        return Info(name)
    annotation: Any = model.model_fields[name].annotation
    metadata = model.model_fields[name].metadata
    vocabulary = next((m.vocabulary for m in metadata if isinstance(m, VocabKey)), None)
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is list:
            annotation = args[0]
        elif origin is typing.Annotated:
            vocabulary = vocabulary or next((m.vocabulary for m in args[1:] if isinstance(m, VocabKey)), None)
            annotation = args[0]
        elif args and type(None) in args:
            annotation = next(a for a in args if a is not type(None))
        else:
            break
    sub = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return Info(name, sub, vocabulary)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _victim(naaste: dict[str, Any]) -> bool:
    return "slachtoffer" in (naaste.get("type") or []) or bool(naaste.get("bescherming"))


def _item_name(item: dict[str, Any], walker: Walker) -> str:
    """What an item is called, after its number: a partner's organisation, a scenario's name."""
    for key, vocabulary in (("organisatie", None), ("naam", None), ("gebied", "levensgebieden"),
                            ("titel", "titels"), ("instrument", "instrumenten"), ("soort", None)):
        value = item.get(key)
        if isinstance(value, str) and value:
            if key == "naam" and "relatie" in item:
                return ""  # a naaste's name is theirs to show in the fields, not in a bookmark
            shown = walker.vocab[vocabulary].label(value) if vocabulary else value
            return f": {shown}"
    return ""


def short_names(data: dict[str, Any]) -> dict[str, str]:
    """The name a reference stands for: the reader knows 'FPK Heuvelland', not the key 'fpk'."""
    netwerk = data.get("netwerk") or {}
    names = {}
    for p in netwerk.get("partners") or []:
        if isinstance(p, dict) and p.get("id"):
            names[str(p["id"])] = str(p.get("organisatie") or p["id"])
    for n in netwerk.get("naasten") or []:
        if isinstance(n, dict) and n.get("id"):
            names[str(n["id"])] = str(n.get("naam") or n["id"])
    return names


def case_chapters(data: dict[str, Any], vocab: Vocabularies, policy: Policy, version: str,
                  heading: str, apart: list[Apart], *, own_chapters: bool) -> list[Chapter]:
    """One chapter for the plan (a block per part), and with ``own_chapters`` one each for the
    evaluations, incidents and minutes."""
    victims = frozenset(str(n["id"]) for n in (data.get("netwerk") or {}).get("naasten") or []
                        if isinstance(n, dict) and n.get("id") and _victim(n))
    walker = Walker(vocab, policy, short_names(data), version, apart, victims)
    titles = section_titles()
    plan: list[Block] = []
    later: list[Chapter] = []
    for key, value in data.items():
        if _empty(value):
            continue
        key = str(key)
        title = titles.get(key, field_label(key, key))
        info = field_info(Casus, key)
        if isinstance(value, dict):
            blocks = walker.block(value, info.model, key, title, 3, title)
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            blocks = [Block(title, 3)] if not own_chapters or key not in OWN_CHAPTERS else []
            level = 4 if blocks else 3
            for i, item in enumerate(value, start=1):
                if isinstance(item, dict):
                    name = f"{field_label(key + '[]', key)} {i}{_item_name(item, walker)}"
                    blocks += walker.item(item, info.model, f"{key}[]", name, level, f"{title} · {name}")
        else:
            block = Block(title, 3)
            walker.row(block, key, title, value, info, data, title)
            blocks = [block]
        if own_chapters and key in OWN_CHAPTERS:
            later.append(Chapter(title, blocks))
        else:
            plan += blocks
    return [Chapter(heading, plan), *later]


def read_raw(path: Path) -> dict[str, Any]:
    from levensloop_docs.yamlio import load_yaml

    data = load_yaml(path, round_trip=False)
    return data if isinstance(data, dict) else {}
