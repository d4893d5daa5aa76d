"""Part 'opschaling': the route up (levels, criteria, mandate, destination) and back down.

BIZ details (bed type and security level) are asked only for a step to beveiligde
intensieve zorg; clinical details (place, legal basis) only for clinical steps.
"""

from __future__ import annotations

from typing import Any

from levensloop_docs.case.rules import STEP_UP_HEAVIER, level_order
from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, Item, store
from levensloop_docs.model.casus import KLINISCH

CLINICAL = KLINISCH


def _heavier(interview: Interview, van: str) -> Any:
    vocab = interview.vocab

    def check(value: str) -> None:
        message = STEP_UP_HEAVIER.problem(level_order(vocab, van), level_order(vocab, value))
        if message:
            raise ValueError(message)

    return check


def _below_the_top(interview: Interview) -> Any:
    """A step up cannot start at the heaviest level: then no 'to level' is accepted (a dead end)."""
    vocab = interview.vocab
    top = max((level_order(vocab, k) or 0) for k in vocab["niveaus"])

    def check(value: str) -> None:
        if (level_order(vocab, value) or 0) >= top:
            msg = _("There is no heavier level than this one: a step up starts from a lighter level.")
            raise ValueError(msg)

    return check


def _levels(interview: Interview, key: str, item: Item) -> str:
    options = tuple(interview.vocab_choices("niveaus"))
    van = str(interview.question(f"{key}.van", "choice", _("From level"), item.get("van", "ambulant"),
                                 choices=options, required=True, check=_below_the_top(interview)))
    item["van"] = van
    order = level_order(interview.vocab, van) or 0
    # opens on the next heavier level: the level it starts from can never be the answer
    heavier = next((k for k, _label in options if (level_order(interview.vocab, k) or 0) > order), None)
    naar = str(
        interview.question(
            f"{key}.naar",
            "choice",
            _("To level"),
            item.get("naar") or heavier,
            choices=options,
            required=True,
            check=_heavier(interview, van),
        )
    )
    item["naar"] = naar
    return naar


def _destination(interview: Interview, key: str, item: Item, naar: str) -> None:
    bestemming = dict(item.get("bestemming") or {})
    store(
        bestemming,
        "plaats",
        interview.text(f"{key}.bestemming.plaats", _("Where to (clinic, ward)?"), bestemming.get("plaats")),
    )
    if naar == "biz":
        bed = interview.choice(
            f"{key}.bestemming.bedtype", _("Bed type"), "bedtypes", bestemming.get("bedtype"), required=False
        )
        store(bestemming, "bedtype", bed)
        usual = interview.vocab["bedtypes"].get(str(bed), "beveiligingsniveau") if bed else None
        level = interview.number(
            f"{key}.bestemming.beveiligingsniveau",
            _("Security level"),
            bestemming.get("beveiligingsniveau", usual),
            1,
            4,
        )
        store(bestemming, "beveiligingsniveau", level)
    partner = interview.choice(
        f"{key}.bestemming.partner",
        _("Which partner in the network is this clinic (phone and intake contact)?"),
        interview.people(),
        bestemming.get("partner"),
        required=False,
    )
    store(bestemming, "partner", partner)
    store(item, "bestemming", bestemming)
    basis = interview.choice(
        f"{key}.juridische_basis",
        _("Legal basis"),
        "juridische_basis",
        item.get("juridische_basis"),
        required=False,
    )
    store(item, "juridische_basis", basis)
    if basis == "zelfbindingsverklaring":  # it can be withdrawn: what applies then?
        fallback = interview.choice(
            f"{key}.juridische_terugval",
            _("If the zelfbindingsverklaring is withdrawn: which basis then?"),
            "juridische_basis",
            item.get("juridische_terugval"),
            required=False,
        )
        store(item, "juridische_terugval", fallback)


def _return(interview: Interview, key: str, item: Item, naar: str) -> None:
    guarantee = interview.confirm(
        f"{key}.terugkeergarantie",
        _("Does the ambulant team guarantee to take the person back?"),
        bool(item.get("terugkeergarantie", naar == "biz")),
    )
    store(item, "terugkeergarantie", guarantee)
    if guarantee:
        store(
            item,
            "terugkeer_toelichting",
            interview.text(
                f"{key}.terugkeer_toelichting",
                _("How is the return arranged?"),
                item.get("terugkeer_toelichting"),
            ),
        )


def _step(interview: Interview, key: str, item: Item) -> Item:
    naar = _levels(interview, key, item)
    store(
        item,
        "criteria",
        interview.lines(f"{key}.criteria", _("When do we scale up (criteria)?"), item.get("criteria")),
    )
    store(
        item,
        "wie_besluit",
        interview.choice(
            f"{key}.wie_besluit", _("Who decides?"), interview.people(), item.get("wie_besluit")
        ),
    )
    if naar in CLINICAL:
        _destination(interview, key, item, naar)
    store(item, "vervoer", interview.text(f"{key}.vervoer", _("Transport"), item.get("vervoer")))
    store(item, "overdracht", interview.text(f"{key}.overdracht", _("Handover"), item.get("overdracht")))
    store(
        item,
        "doorloopt",
        interview.lines(f"{key}.doorloopt", _("What continues during the admission?"), item.get("doorloopt")),
    )
    if naar in CLINICAL:
        _return(interview, key, item, naar)
    return item


def _scale_down(interview: Interview) -> None:
    o = interview.section("opschaling")
    down = dict(o.get("afschaling") or {})
    key = "opschaling.afschaling"
    store(
        down,
        "criteria",
        interview.lines(f"{key}.criteria", _("When do we scale down (criteria)?"), down.get("criteria")),
    )
    naar = interview.choice(f"{key}.naar", _("Back to level"), "niveaus", down.get("naar", "ambulant"))
    if naar != "ambulant" or "naar" in down:
        down["naar"] = naar
    store(
        down,
        "bestemming",
        interview.text(
            f"{key}.bestemming", _("Where does the person go afterwards?"), down.get("bestemming")
        ),
    )
    store(
        down,
        "warme_overdracht",
        interview.text(f"{key}.warme_overdracht", _("Warm handover: how?"), down.get("warme_overdracht")),
    )
    store(
        down,
        "randvoorwaarden",
        interview.lines(
            f"{key}.randvoorwaarden",
            _("Conditions for good (follow-up) care that must be in place"),
            down.get("randvoorwaarden"),
        ),
    )
    store(
        down,
        "wie_stabiel",
        interview.choice(
            f"{key}.wie_stabiel",
            _("Who declares the person stable?"),
            interview.people(),
            down.get("wie_stabiel"),
            required=False,
        ),
    )
    store(o, "afschaling", down)


def run(interview: Interview) -> None:
    if not interview.people():
        interview.say(_("The route needs partners: add them in the part 'netwerk' first."))
        return
    o = interview.section("opschaling")
    niveaus = interview.vocab["niveaus"]
    steps = interview.edit_list(
        "opschaling.stappen",
        _("Steps up"),
        o.setdefault("stappen", []),
        lambda s: f"{niveaus.label(str(s.get('van')))} -> {niveaus.label(str(s.get('naar')))}",
        lambda key, item: _step(interview, key, item),
    )
    store(o, "stappen", steps)
    if steps:
        interview.say(_("Agree now, before any escalation, how scaling down will go."))
        _scale_down(interview)
    if not o:
        interview.data.pop("opschaling", None)
