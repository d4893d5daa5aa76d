"""Part 'scenarios': standard and own scenarios, green/orange/red signals, each partner's action.

Each scenario may also be written down in the client's own words (``in_eigen_woorden``):
the signaleringsplan in eenvoudige taal shows only those, never the professionals' signals.
"""

from __future__ import annotations

from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, Item, store

PHASES = ("groen", "oranje", "rood")


def _phase_labels() -> dict[str, str]:
    return {
        "groen": _("green (going well)"),
        "oranje": _("orange (early warning)"),
        "rood": _("red (crisis)"),
    }


def _signal_hints() -> dict[str, str]:
    # green is what a casusregisseur most often leaves empty; the plan leaves an empty phase out
    return {
        "groen": _("What does it look like when it goes well? What helps?"),
        "oranje": _("What do you see first when it starts to go wrong?"),
        "rood": _("What do you see when there is danger?"),
    }


def _own_words_hints() -> dict[str, str]:
    # asked as the casemanager would ask the client, so the answers can be typed as said
    return {
        "groen": _("'How do you notice yourself that it goes well?'"),
        "oranje": _("'What do you notice first when it starts to go wrong?'"),
        "rood": _("'What happens when it really goes wrong?'"),
    }


def _own_words(interview: Interview, key: str, item: Item) -> None:
    """The scenario as the client says it: the signaleringsplan in eenvoudige taal shows only this."""
    current = dict(item.get("in_eigen_woorden") or {})
    wanted = interview.confirm(
        f"{key}.eigen_woorden",
        _("Also write down this scenario in the client's own words (for the client's signaleringsplan)?"),
        bool(current),
    )
    if not wanted:
        item.pop("in_eigen_woorden", None)
        return
    sub = f"{key}.in_eigen_woorden"
    title = _("What does the client call this situation?")
    store(current, "titel", interview.text(f"{sub}.titel", title, current.get("titel")))
    hints = _own_words_hints()
    for phase, label in _phase_labels().items():
        question = _("In the client's words, phase {phase}").format(phase=label)
        answer = interview.lines(f"{sub}.{phase}", question, current.get(phase), hint=hints[phase])
        store(current, phase, answer)
    helps = _("What helps, in the client's words?")
    store(current, "wat_helpt", interview.lines(f"{sub}.wat_helpt", helps, current.get("wat_helpt")))
    store(item, "in_eigen_woorden", current)


def _soort(interview: Interview, key: str, item: Item) -> str:
    used = {str(s.get("soort")) for s in interview.data.get("scenarios", []) if s is not item}
    options = [
        (k, label) for k, label in interview.vocab_choices("scenariosoorten") if k == "eigen" or k not in used
    ]
    default = item.get("soort") or next((k for k, _label in options), "eigen")
    return str(interview.choice(f"{key}.soort", _("Which scenario?"), options, default))


def _signals(interview: Interview, key: str, item: Item) -> None:
    signalen = dict(item.get("signalen") or {})
    hints = _signal_hints()
    for phase, label in _phase_labels().items():
        text = _("Signals in phase {phase}").format(phase=label)
        answer = interview.lines(f"{key}.signalen.{phase}", text, signalen.get(phase), hint=hints[phase])
        store(signalen, phase, answer)
    store(item, "signalen", signalen)


def _actions(interview: Interview, key: str, item: Item) -> None:
    people = interview.people()
    current = item.get("acties") or []
    involved = interview.multi(
        f"{key}.partners",
        _("Which partners do something in this scenario?"),
        people,
        list(dict.fromkeys(str(a["wie"]) for a in current)),
    )
    texts: dict[tuple[str, str], str] = {}
    for who in involved:
        for phase, label in _phase_labels().items():
            old = "; ".join(str(a["wat"]) for a in current if a["wie"] == who and a["fase"] == phase)
            question = _("What does {who} do in phase {phase}? (empty: nothing)")
            question = question.format(who=interview.who(who), phase=label)
            texts[(phase, who)] = interview.text(f"{key}.acties.{who}.{phase}", question, old)
    # a task marked as protecting a naaste stays marked (the client's copy leaves it out): the
    # interview asks one text per partner and phase, so the marker of any task there carries over
    marked = {(str(a["fase"]), str(a["wie"])) for a in current if a.get("bescherming")}
    acties = [
        {"fase": phase, "wie": who, "wat": texts[(phase, who)],
         **({"bescherming": True} if (phase, who) in marked else {})}
        for phase in PHASES
        for who in involved
        if texts[(phase, who)]
    ]
    if acties != current:
        store(item, "acties", acties)


def _scenario(interview: Interview, key: str, item: Item) -> Item:
    soort = _soort(interview, key, item)
    item["soort"] = soort
    label = interview.vocab["scenariosoorten"].label(soort) if soort != "eigen" else ""
    store(
        item,
        "naam",
        interview.text(f"{key}.naam", _("Name of the scenario"), item.get("naam") or label, required=True),
    )
    store(
        item,
        "beschrijving",
        interview.text(f"{key}.beschrijving", _("What can happen?"), item.get("beschrijving")),
    )
    _signals(interview, key, item)
    _actions(interview, key, item)
    store(
        item,
        "wie_bellen",
        interview.multi(
            f"{key}.wie_bellen", _("Who is called first?"), interview.people(), item.get("wie_bellen")
        ),
    )
    _own_words(interview, key, item)
    return item


def run(interview: Interview) -> None:
    if not interview.people():
        interview.say(_("Scenarios need partners: add them in the part 'netwerk' first."))
        return
    interview.say(_("Think ahead: what can happen, how do you see it coming, and who does what?"))
    items = interview.edit_list(
        "scenarios",
        _("Scenarios"),
        interview.data.setdefault("scenarios", []),
        lambda s: str(s.get("naam", "")),
        lambda key, item: _scenario(interview, key, item),
    )
    store(interview.data, "scenarios", items)
