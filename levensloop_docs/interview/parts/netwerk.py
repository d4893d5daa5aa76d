"""Part 'netwerk': partners (role, ring, organisation, contact) and naasten (with consent)."""

from __future__ import annotations

import re
from typing import Any

from levensloop_docs.case.rules import REFERENCE_FIELDS
from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, Item, store
from levensloop_docs.model import validators as v


def _ids(interview: Interview) -> set[str]:
    netwerk = interview.data.get("netwerk") or {}
    return {str(x["id"]) for group in ("partners", "naasten") for x in netwerk.get(group, []) if "id" in x}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "_", text.lower()).strip("_")[:40] or "naaste"


def _unique_id(taken: set[str], wish: str) -> str:
    candidate, n = wish, 2
    while candidate in taken:
        candidate, n = f"{wish}{n}", n + 1
    return candidate


def _ask_id(interview: Interview, key: str, item: Item, wish: str) -> str:
    taken = _ids(interview) - {item.get("id")}

    def check(value: str) -> None:
        v.parse_ref(value)
        if value in taken:
            raise ValueError(_("This short name is already used in the network."))

    hint = _("short name, no spaces; actions refer to it")
    default = item.get("id") or _unique_id(taken, wish)
    new_id = str(
        interview.question(
            f"{key}.id", "text", _("Short name (id)"), default, required=True, hint=hint, check=check
        )
    )
    if item.get("id") and item["id"] != new_id:
        rename_references(interview.data, str(item["id"]), new_id)
    return new_id


def rename_references(data: Any, old: str, new: str) -> None:
    """A partner got a new short name: follow it in every field that refers to it."""
    from levensloop_docs.case.rules import walk_fields

    for spec in REFERENCE_FIELDS:
        for loc, value in list(walk_fields(data, spec, ())):
            if value == old:
                parent = data
                for part in loc[:-1]:
                    parent = parent[part]
                parent[loc[-1]] = new


def _references(interview: Interview, item: Item) -> list[tuple[tuple[Any, ...], str, bool]]:
    """Every place that names this partner or naaste: (location, in words, blocks removal)."""
    from levensloop_docs.case.rules import walk_fields

    found = []
    for spec in REFERENCE_FIELDS:
        for loc, value in walk_fields(interview.data, spec, ()):
            if value == item.get("id"):
                found.append((loc, _in_words(interview, loc), loc[0] == "opschaling"))
    return found


def _in_words(interview: Interview, loc: tuple[Any, ...]) -> str:
    """A reference as a casemanager names it: the levensgebied and the action, the scenario, the step."""
    data, vocab = interview.data, interview.vocab
    if loc[0] == "levensgebieden":
        gebied = data["levensgebieden"][loc[1]]
        action = gebied["acties"][loc[3]]
        return _("{gebied}: action '{what}'").format(
            gebied=vocab["levensgebieden"].label(str(gebied["gebied"])), what=action.get("wat", "")
        )
    if loc[0] == "scenarios":
        scenario = data["scenarios"][loc[1]]
        if loc[2] == "wie_bellen":
            return _("scenario '{name}': called first").format(name=scenario.get("naam", ""))
        action = scenario["acties"][loc[3]]
        return _("scenario '{name}', phase {phase}: '{what}'").format(
            name=scenario.get("naam", ""), phase=action.get("fase", ""), what=action.get("wat", "")
        )
    if loc[:2] == ("opschaling", "stappen"):
        step = data["opschaling"]["stappen"][loc[2]]
        niveaus = vocab["niveaus"]
        what = _("decides") if loc[-1] == "wie_besluit" else _("receives the person")
        return _("step up from {van} to {naar}: {what}").format(
            van=niveaus.label(str(step.get("van"))), naar=niveaus.label(str(step.get("naar"))), what=what
        )
    if loc[:2] == ("opschaling", "afschaling"):
        return _("step down: declares the person stable")
    if loc[:2] == ("persoon", "juridisch_kader"):
        titel = data["persoon"]["juridisch_kader"][loc[2]]
        return _("legal title '{title}': acts when it ends").format(
            title=vocab["titels"].label(str(titel.get("titel", ""))))
    if loc[0] == "gegevensdeling":
        return _("named in the consent to share")
    return _("agreed to the plan")


# roles whose 24/7 number the plan needs (bereikbaarheidsdienst, crisisdienst)
NIGHT_ROLES = ("levensloopaanbieder", "crisisdienst")


def _in_use(interview: Interview, item: Item) -> str | None:
    """What still names this partner or naaste, in words, and what removing it does; or None."""
    found = _references(interview, item)
    if not found:
        return None
    name = interview.who(item.get("id"))
    lines = [_("{name} is still named in:").format(name=name)]
    lines += [f"  - {words}" for _loc, words, _blocks in found]
    if any(blocks for _loc, _words, blocks in found):
        lines.append(_("Choose someone else to decide on that step first (part 'opschaling')."))
    else:
        lines.append(_("If you remove {name}, these actions and mentions go too.").format(name=name))
    return "\n".join(lines)


def _drop(interview: Interview, item: Item) -> bool:
    """Remove the actions and mentions that name this partner; False when a step up needs them."""
    found = _references(interview, item)
    if any(blocks for _loc, _words, blocks in found):
        return False
    # Last first, so the positions of the ones still to remove stay right.
    for loc, _words, _blocks in sorted(found, key=lambda f: f[0], reverse=True):
        entry = loc if isinstance(loc[-1], int) else loc[:-1]  # the action, or the name in a list
        parent: Any = interview.data
        for part in entry[:-1]:
            parent = parent[part]
        del parent[entry[-1]]
    return True


def _partner(interview: Interview, key: str, item: Item) -> Item:
    rollen = interview.vocab["rollen"]
    rol = str(interview.choice(f"{key}.rol", _("Role"), "rollen", item.get("rol")))
    item["rol"] = rol
    item["id"] = _ask_id(interview, key, item, rol)
    store(
        item,
        "organisatie",
        interview.text(f"{key}.organisatie", _("Organisation"), item.get("organisatie"), required=True),
    )
    # The position before the name: asked the other way round, people typed the position into
    # the name ("wijkagent Rik ..."). Stored in the file's usual order, name first.
    functie = interview.text(
        f"{key}.functie", _("Position of the contact person (the name comes next)"), item.get("functie")
    )
    naam = interview.text(f"{key}.contactpersoon", _("Contact person (name)"), item.get("contactpersoon"))
    store(item, "contactpersoon", naam)
    store(item, "functie", functie)
    store(item, "telefoon", interview.phone(f"{key}.telefoon", _("Phone"), item.get("telefoon")))
    store(item, "email", interview.email(f"{key}.email", _("E-mail"), item.get("email")))
    if rol in NIGHT_ROLES:  # nights and weekends: the plan prints this number in every crisis
        night = interview.phone(f"{key}.buiten_kantoortijd", _("Phone day and night (24/7)"),
                                item.get("buiten_kantoortijd"))
        store(item, "buiten_kantoortijd", night)
    usual = _usual_ring(interview, rol, str(rollen.get(rol, "ring", 2)))
    rings = [("1", _("first ring (in every case)")), ("2", _("second ring (in this case)"))]
    ring = interview.choice(f"{key}.ring", _("Ring"), rings, str(item.get("ring", usual)))
    if ring != usual or "ring" in item:
        item["ring"] = int(str(ring))
    return item


def _usual_ring(interview: Interview, rol: str, fallback: str) -> str:
    """Ring 1 is a setting of the region profile (eerste_ring), not a property of the role."""
    from levensloop_docs.errors import LevensloopError
    from levensloop_docs.reference.regions import load_region

    try:
        first = load_region(str((interview.data.get("meta") or {}).get("regio"))).eerste_ring
    except LevensloopError:
        return fallback
    return "1" if rol in first else "2"


def _naaste(interview: Interview, key: str, item: Item) -> Item:
    store(item, "naam", interview.text(f"{key}.naam", _("Name"), item.get("naam"), required=True))
    relatie = interview.text(
        f"{key}.relatie", _("Relation (e.g. sister, neighbour)"), item.get("relatie"), required=True
    )
    item["relatie"] = relatie
    item["id"] = _ask_id(interview, key, item, _slug(relatie))
    store(
        item,
        "type",
        interview.multi(
            f"{key}.type", _("What is this person for the client?"), "naastentypes", item.get("type")
        ),
    )
    consent = interview.confirm(
        f"{key}.toestemming_contact",
        _("Has the client agreed that we contact them?"),
        bool(item.get("toestemming_contact")),
    )
    store(item, "toestemming_contact", consent)
    store(item, "telefoon", interview.phone(f"{key}.telefoon", _("Phone"), item.get("telefoon")))
    store(
        item, "toelichting", interview.text(f"{key}.toelichting", _("Explanation"), item.get("toelichting"))
    )
    _naaste_voice(interview, key, item)
    return item


def _naaste_voice(interview: Interview, key: str, item: Item) -> None:
    """What the naaste wants, how they want to be involved, the client's agreement with them, protection."""
    store(item, "wil", interview.text(f"{key}.wil", _("What does this naaste want?"), item.get("wil")))
    store(
        item,
        "betrokkenheid",
        interview.text(
            f"{key}.betrokkenheid", _("How do they want to be involved?"), item.get("betrokkenheid")
        ),
    )
    if item.get("toestemming_contact"):  # the client's plan names a naaste only with consent
        question = _("The agreement with them in the client's own words (for the signaleringsplan)?")
        answer = interview.text(f"{key}.afspraak_client", question, item.get("afspraak_client"))
        store(item, "afspraak_client", answer)
    if "slachtoffer" in (item.get("type") or []):
        question = _("Victim protection: what is agreed (contactverbod, who informs and protects them)?")
        store(item, "bescherming", interview.lines(f"{key}.bescherming", question, item.get("bescherming")))


def run(interview: Interview) -> None:
    netwerk = interview.section("netwerk")
    rollen = interview.vocab["rollen"]
    partners = interview.edit_list(
        "netwerk.partners",
        _("Partners in the network"),
        netwerk.setdefault("partners", []),
        lambda p: f"{p.get('id')}: {p.get('organisatie', '')} ({rollen.label(str(p.get('rol')))})",
        lambda key, item: _partner(interview, key, item),
        lambda item: _in_use(interview, item),
        lambda item: _drop(interview, item),
    )
    store(netwerk, "partners", partners)
    naasten = interview.edit_list(
        "netwerk.naasten",
        _("Naasten (family, friends, others close)"),
        netwerk.setdefault("naasten", []),
        lambda n: f"{n.get('id')}: {n.get('naam', '')} ({n.get('relatie', '')})",
        lambda key, item: _naaste(interview, key, item),
        lambda item: _in_use(interview, item),
        lambda item: _drop(interview, item),
    )
    store(netwerk, "naasten", naasten)
    if not netwerk:
        interview.data.pop("netwerk", None)
