"""Part 'scenarios': standard and own scenarios, green/orange/red signals, each partner's action."""

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
    acties = [
        {"fase": phase, "wie": who, "wat": texts[(phase, who)]}
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
