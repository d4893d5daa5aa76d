"""Part 'levensgebieden': which apply, and per gebied situation, risks, goals, actions."""

from __future__ import annotations

from typing import Any

from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.session import Interview, Item, store


def describe_when(value: Any) -> str:
    return format_date(value) if hasattr(value, "year") else str(value or "")


def _action(interview: Interview, key: str, item: Item) -> Item:
    store(item, "wat", interview.text(f"{key}.wat", _("What will be done?"), item.get("wat"), required=True))
    store(item, "wie", interview.choice(f"{key}.wie", _("Who does it?"), interview.people(), item.get("wie")))
    store(item, "wanneer", interview.when(f"{key}.wanneer", _("When?"), item.get("wanneer")))
    status = interview.choice(f"{key}.status", _("Status"), "actiestatussen", item.get("status", "gepland"))
    if status != "gepland" or "status" in item:
        item["status"] = status
    # free text cannot tell a victim's protection apart: the team marks it, and the client's copy
    # of the plan leaves the action out
    protects = interview.confirm(f"{key}.bescherming", _("Does this action protect a naaste (a victim)? "
                                 "Then it is not in the client's copy of the plan."),
                                 bool(item.get("bescherming")))
    if protects or "bescherming" in item:
        item["bescherming"] = protects
    return item


def _actions(interview: Interview, key: str, gebied: Item) -> None:
    if not interview.people():
        interview.say(_("Actions need partners: add them in the part 'netwerk' first."))
        return
    items = interview.edit_list(
        f"{key}.acties",
        _("Actions"),
        gebied.setdefault("acties", []),
        lambda a: f"{a.get('wat', '')} ({interview.who(a.get('wie'))}, {describe_when(a.get('wanneer'))})",
        lambda k, item: _action(interview, k, item),
    )
    store(gebied, "acties", items)


def _gebied(interview: Interview, gebied: Item) -> None:
    key = f"levensgebieden.{gebied['gebied']}"
    interview.say(f"-- {interview.vocab['levensgebieden'].label(str(gebied['gebied']))} --")
    if interview.vocab["levensgebieden"].get(str(gebied["gebied"]), "zrm", True):  # not for a non-ZRM domain
        zrm = interview.number(
            f"{key}.zrm_score",
            _("Self-reliance score (ZRM, 1 acute to 5 fully self-reliant)"),
            gebied.get("zrm_score"),
            1,
            5,
        )
        store(gebied, "zrm_score", zrm)
    store(
        gebied,
        "situatie",
        interview.text(f"{key}.situatie", _("Current situation"), gebied.get("situatie"), multiline=True),
    )
    store(gebied, "risicos", interview.lines(f"{key}.risicos", _("Risks and signals"), gebied.get("risicos")))
    store(gebied, "doelen", interview.lines(f"{key}.doelen", _("Goals"), gebied.get("doelen")))
    _actions(interview, key, gebied)


def run(interview: Interview) -> None:
    current = {str(g["gebied"]): g for g in interview.data.get("levensgebieden", [])}
    order = interview.vocab["levensgebieden"].keys()
    chosen = interview.multi(
        "levensgebieden.kies", _("Which levensgebieden need agreements?"), "levensgebieden", list(current)
    )
    # Kept gebieden keep their place; new ones follow in the order of the vocabulary.
    keys = [k for k in current if k in chosen] + [k for k in order if k in chosen and k not in current]
    gebieden = [current.get(k) or {"gebied": k} for k in keys]
    for gebied in gebieden:
        _gebied(interview, gebied)
    store(interview.data, "levensgebieden", gebieden)
