"""The evaluation interview (``levensloop evaluatie CASE``): one levensloopbijeenkomst.

On the same engine as the plan interview (autosave in a draft, resume, lock, answers
file, the conflict-safe save). It records one evaluation in ``evaluaties`` (actions,
goals, ZRM scores, risk, how it goes, what changes) and ends
with a new plan version: ``meta.planversie`` goes up by one, set on the evaluation date.
Incidents and escalations go to the case's one list ``incidenten`` (the voortgangsverslag
shows those dated after the previous evaluation up to this one).
The command archives the version it replaces in the history folder just before saving
(``case/history.py``).

Question keys mirror the case file: ``evaluaties[3].acties[0].status``,
``incidenten[5].datum``. Two keys are no field:
``plan.levensgebieden[i].acties[j].verwijderen`` (take a finished action out of the plan)
and ``plan.onderdelen`` (which plan parts to change now).
"""

from __future__ import annotations

import copy
from datetime import date

from levensloop_docs.case.rules import END_AFTER_START, EVALUATION_AFTER_PREVIOUS, NEXT_EVALUATION_AFTER
from levensloop_docs.errors import AnswersFileError
from levensloop_docs.i18n import _, format_date
from levensloop_docs.interview.parts.datechecks import later_than, not_in_future
from levensloop_docs.interview.parts.evaluatie import MONTHS_TO_EVALUATION, _months_later
from levensloop_docs.interview.parts.incidenten import edit_since
from levensloop_docs.interview.session import Interview, Item, Part, store

# The two levensgebieden of the default list that are not domains of the ZRM.
NOT_ZRM = ("basisvoorwaarden", "veiligheid")
OORDELEN = ("bereikt", "deels", "niet")
ENDED = ("afgerond", "gestopt")
# Plan parts that can be changed in the same run (the plan interview's own parts).
PLAN_PARTS = ("netwerk", "levensgebieden", "scenarios", "opschaling", "juridisch", "gegevensdeling")


def _current(interview: Interview) -> tuple[str, Item]:
    """The item of ``evaluaties`` this run fills: a new one after every evaluation in the file.

    Derived from the case as loaded (``interview.start``), never remembered between calls:
    going back starts again from that case, so the item is made again (a remembered index
    pointed past the end after '<' and crashed the interview).
    """
    evaluations = interview.data.setdefault("evaluaties", [])
    index = len(interview.start.get("evaluaties") or [])
    while len(evaluations) <= index:
        evaluations.append({})
    return f"evaluaties[{index}]", evaluations[index]


def _last_date(interview: Interview) -> date | None:
    earlier = interview.start.get("evaluaties") or []  # those in the file before this run
    dates = [e.get("datum") for e in earlier if isinstance(e.get("datum"), date)]
    return max(dates) if dates else None


def run_moment(interview: Interview) -> None:
    key, ev = _current(interview)
    last = _last_date(interview)
    if last is not None:
        interview.say(_("Previous evaluation: {date}.").format(date=format_date(last)))
    checks = (not_in_future(interview.today),
              later_than(EVALUATION_AFTER_PREVIOUS, last))

    def check(value: date) -> None:
        for c in checks:
            c(value)

    # A typed run proposes today; an answers file must name the day itself: an empty file would
    # otherwise set a new plan version that no meeting ever set.
    proposal = ev.get("datum") or (interview.today if interview.asker.interactive else None)
    day = interview.date(f"{key}.datum", _("Date of the evaluation (levensloopbijeenkomst)"),
                         proposal, required=True, check=check)
    _needs_an_answer(interview, key)
    store(ev, "datum", day)
    store(ev, "planversie", (interview.data.get("meta") or {}).get("planversie", 1))
    store(ev, "deelnemers", interview.lines(f"{key}.deelnemers", _("Who took part (one per line)"),
                                            ev.get("deelnemers")))


def _needs_an_answer(interview: Interview, key: str) -> None:
    """An answers file records an evaluation only with at least one answer besides the date."""
    answered = getattr(interview.asker, "answered_besides", None)
    if interview.asker.interactive or answered is None:
        return
    if not answered({f"{key}.datum", f"{key}.deelnemers"}):
        source = getattr(interview.asker, "source", "")
        msg = _("{file}: {key}: an evaluation needs at least one answer besides the date and the "
                "participants (acties, doelen, zrm, incidenten, ...).")
        raise AnswersFileError(msg.format(file=source, key=key))


def run_acties(interview: Interview) -> None:
    key, ev = _current(interview)
    results: list[Item] = []
    gebieden = interview.data.get("levensgebieden") or []
    for gi, gebied in enumerate(gebieden):
        for actie in list(gebied.get("acties") or []):
            k = len(results)
            interview.say(f"{interview.vocab['levensgebieden'].label(gebied['gebied'])}: {actie['wat']}")
            status = interview.choice(f"{key}.acties[{k}].status", _("Status of this action"),
                                      "actiestatussen", actie.get("status", "gepland"))
            item: Item = {"gebied": gebied["gebied"], "actie": actie["wat"], "status": status}
            store(item, "gedaan", interview.text(f"{key}.acties[{k}].gedaan", _("What was done?"), ""))
            results.append(item)
            actie["status"] = status
        _drop_ended(interview, gi, gebied)
    store(ev, "acties", results)


def _drop_ended(interview: Interview, gi: int, gebied: Item) -> None:
    """A finished or stopped action may leave the plan; its evaluation keeps the record."""
    kept = []
    for ai, actie in enumerate(gebied.get("acties") or []):
        if actie.get("status") in ENDED and interview.confirm(
            f"plan.levensgebieden[{gi}].acties[{ai}].verwijderen",
            _("Take this ended action out of the plan? ({what})").format(what=actie["wat"]), False,
        ):
            continue
        kept.append(actie)
    store(gebied, "acties", kept)


def run_doelen(interview: Interview) -> None:
    key, ev = _current(interview)
    labels = {"bereikt": _("reached"), "deels": _("partly reached"), "niet": _("not reached")}
    choices = [(k, labels[k]) for k in OORDELEN]
    results: list[Item] = []
    for gebied in interview.data.get("levensgebieden") or []:
        for doel in gebied.get("doelen") or []:
            k = len(results)
            interview.say(f"{interview.vocab['levensgebieden'].label(gebied['gebied'])}: {doel}")
            item: Item = {"gebied": gebied["gebied"], "doel": doel}
            item["oordeel"] = interview.choice(f"{key}.doelen[{k}].oordeel", _("Is this goal reached?"),
                                               choices, "deels")
            store(item, "toelichting", interview.text(f"{key}.doelen[{k}].toelichting", _("Explanation"), ""))
            results.append(item)
    store(ev, "doelen", results)


def run_zrm(interview: Interview) -> None:
    key, ev = _current(interview)
    interview.say(_("ZRM score per levensgebied: 1 acute problems ... 5 fully self-reliant. "
                    "Empty: not scored."))
    _keep_baseline(interview)
    scores: list[Item] = []
    for gebied in interview.data.get("levensgebieden") or []:
        if gebied["gebied"] in NOT_ZRM:
            continue
        label = interview.vocab["levensgebieden"].label(gebied["gebied"])
        score = interview.number(f"{key}.zrm[{len(scores)}].score", _("ZRM score: {name}").format(name=label),
                                 gebied.get("zrm_score"), 1, 5)
        if score is not None:
            scores.append({"gebied": gebied["gebied"], "score": score})
            gebied["zrm_score"] = score  # the plan shows the latest score
    store(ev, "zrm", scores)


def _keep_baseline(interview: Interview) -> None:
    """Before the first evaluation overwrites them, the plan's scores are the inclusion baseline."""
    data = interview.data
    if data.get("zrm_nulmeting") or len(data.get("evaluaties") or []) > 1:
        return
    scores = [{"gebied": g["gebied"], "score": g["zrm_score"]} for g in data.get("levensgebieden") or []
              if g.get("zrm_score") is not None and g["gebied"] not in NOT_ZRM]
    if not scores:
        return
    meta = data.get("meta") or {}
    baseline: Item = {"scores": scores}
    store(baseline, "datum", _copy(meta.get("inclusiedatum") or meta.get("vastgesteld")))
    data["zrm_nulmeting"] = baseline


def run_situatie(interview: Interview) -> None:
    """What the plan says now: where the person stays, the situation per levensgebied, the level.

    Each answer is prefilled with what the plan says, so Enter keeps it; without this step a
    new version would still say 'nachtopvang' after she moved to beschermd wonen.
    """
    persoon = interview.section("persoon")
    verblijf = interview.choice("persoon.verblijf", _("Where does the person stay now?"), "verblijf",
                                persoon.get("verblijf"))
    store(persoon, "verblijf", verblijf)
    store(persoon, "verblijf_toelichting", interview.text(
        "persoon.verblijf_toelichting", _("Stay: explanation (Enter keeps it)"),
        persoon.get("verblijf_toelichting")))
    for gi, gebied in enumerate(interview.data.get("levensgebieden") or []):
        label = interview.vocab["levensgebieden"].label(gebied["gebied"])
        situatie = interview.text(f"levensgebieden[{gi}].situatie",
                                  _("Situation now: {name} (Enter keeps it)").format(name=label),
                                  gebied.get("situatie"))
        store(gebied, "situatie", situatie)
        doelen = interview.lines(f"levensgebieden[{gi}].doelen",
                                 _("Goals: {name} (a reached goal may go or change)").format(name=label),
                                 gebied.get("doelen"))
        store(gebied, "doelen", doelen)
    opschaling = interview.section("opschaling")
    niveau = interview.choice("opschaling.huidig_niveau", _("Level of care now"), "niveaus",
                              opschaling.get("huidig_niveau"), required=False)
    store(opschaling, "huidig_niveau", niveau)
    if niveau:
        store(opschaling, "huidig_sinds", interview.date(
            "opschaling.huidig_sinds", _("On this level since"), opschaling.get("huidig_sinds")))
    else:
        opschaling.pop("huidig_sinds", None)
    if not opschaling:
        interview.data.pop("opschaling", None)


def run_incidenten(interview: Interview) -> None:
    """The case's one list of incidents: shown and added to from the previous evaluation on.

    Older incidents stay as they are (they were discussed at their own evaluation).
    """
    last = _last_date(interview)
    label = _("Incidents and escalations since the last evaluation")
    if last is not None:
        label = _("Incidents and escalations since the last evaluation ({date})").format(
            date=format_date(last))
    edit_since(interview, label, last)


def run_risico(interview: Interview) -> None:
    from levensloop_docs.interview.parts.risicotaxatie import _edit

    key, ev = _current(interview)
    store(ev, "risicotaxatie", interview.text(f"{key}.risicotaxatie",
                                              _("What changed in the risk picture (risicotaxatie)?"),
                                              ev.get("risicotaxatie"), multiline=True))
    taxaties = interview.data.setdefault("risicotaxaties", [])
    if interview.confirm("risicotaxatie_nieuw", _("Was a new risk assessment done?"), False):
        taxaties.append(_edit(interview, f"risicotaxaties[{len(taxaties)}]", {}))
    store(interview.data, "risicotaxaties", taxaties)


def run_beloop(interview: Interview) -> None:
    key, ev = _current(interview)
    store(ev, "gaat_goed", interview.lines(f"{key}.gaat_goed", _("What goes well (one per line)"),
                                           ev.get("gaat_goed")))
    store(ev, "gaat_minder", interview.lines(f"{key}.gaat_minder", _("What goes less well (one per line)"),
                                             ev.get("gaat_minder")))
    store(ev, "stem_client", interview.text(
        f"{key}.stem_client", _("What does the client say about how it goes (own words)?"),
        ev.get("stem_client"), multiline=True))
    store(ev, "stem_naasten", interview.text(
        f"{key}.stem_naasten", _("What do the naasten say (empty if none took part)?"),
        ev.get("stem_naasten"), multiline=True))
    changes = interview.lines(f"{key}.wijzigingen", _("What changes in the plan (one per line)"),
                              ev.get("wijzigingen"))
    store(ev, "wijzigingen", changes)


def run_plan(interview: Interview) -> None:
    """Change plan parts in the same run: the plan interview's own parts."""
    from levensloop_docs.interview.parts import find_part

    choices = [(name, part.title()) for name in PLAN_PARTS if (part := find_part(name)) is not None]
    chosen = interview.multi("plan.onderdelen", _("Which parts of the plan change now? (none: only the "
                                                  "statuses and scores above)"), choices, [])
    for name in chosen:
        part = find_part(name)
        if part is not None:
            interview.say(f"== {part.title()} ==")
            part.run(interview)
        if name == "gegevensdeling":
            _consent_valid_until(interview)


def _consent_valid_until(interview: Interview) -> None:
    """Consent given at an evaluation has an end: the consent form and the partners need it."""
    g = interview.section("gegevensdeling")
    if not interview.vocab["routes"].get(str(g.get("route")), "toestemming", False):
        g.pop("toestemming_geldig_tot", None)
        return
    until = interview.date("gegevensdeling.toestemming_geldig_tot", _("Consent valid until"),
                           g.get("toestemming_geldig_tot"),
                           check=later_than(END_AFTER_START, g.get("toestemming_datum")))
    store(g, "toestemming_geldig_tot", until)


def _same_as_last(interview: Interview, ev: Item) -> bool:
    """Is this evaluation the last one of the file again (a rerun after a kill that came after saving)?"""
    earlier = interview.start.get("evaluaties") or []
    if not earlier:
        return False
    ignore = ("planversie", "volgende_evaluatie")
    last = {k: v for k, v in earlier[-1].items() if k not in ignore}
    return last == {k: v for k, v in ev.items() if k not in ignore}


def run_vaststelling(interview: Interview) -> None:
    key, ev = _current(interview)
    if _same_as_last(interview, ev):  # never recorded twice: the case stays as it is
        interview.data = copy.deepcopy(interview.start)
        interview.say(_("This evaluation is already in the case (same date and content); nothing is "
                        "recorded again."))
        return
    meta = interview.section("meta")
    old = int(meta.get("planversie", 1))
    day = ev["datum"]
    meta["planversie"] = old + 1
    meta["vastgesteld"] = _copy(day)
    _meeting(interview, meta, ev)
    interview.say(_("The plan becomes version {new}, set on {date}; version {old} is kept in the "
                    "history.").format(new=old + 1, date=format_date(day), old=old))
    upcoming = interview.date(f"{key}.volgende_evaluatie", _("Next evaluation"),
                              ev.get("volgende_evaluatie") or _months_later(day, MONTHS_TO_EVALUATION),
                              required=True, check=later_than(NEXT_EVALUATION_AFTER, day))
    store(ev, "volgende_evaluatie", upcoming)
    store(meta, "volgende_evaluatie", _copy(upcoming))
    if interview.people():
        _agreed(interview, meta, day)


def _meeting(interview: Interview, meta: Item, ev: Item) -> None:
    """The new version's front page: this meeting, who attended, the rhythm and what changed."""
    where = interview.text("meta.vastgesteld_in", _("In which meeting was the plan set?"),
                           _("Levensloopbijeenkomst (evaluation)"))
    store(meta, "vastgesteld_in", where)
    store(meta, "aanwezig", list(ev.get("deelnemers") or []))
    store(meta, "evaluatie_ritme", interview.text(
        "meta.evaluatie_ritme", _("How often is the plan evaluated?"), meta.get("evaluatie_ritme")))
    # the previous version's change list belongs to that version, never to this one
    store(meta, "wijzigingen", list(ev.get("wijzigingen") or []))


def _copy(day: date | None) -> date | None:
    """A date object of its own: YAML would write one object used twice as an anchor (&id001)."""
    return date.fromordinal(day.toordinal()) if day is not None else None


def _agreed(interview: Interview, meta: Item, day: date) -> None:
    """Agreement is given anew for the new version, by whoever gives it now.

    The previous version's approvals are never carried over: a partner agreed to that text,
    not to this one. Nobody named here means nobody has agreed yet (the plan shows it).
    """
    items: list[Item] = []

    def edit(k: str, item: Item) -> Item:
        who = interview.choice(f"{k}.wie", _("Who agreed?"), interview.people(), item.get("wie"))
        store(item, "wie", who)
        when = interview.date(f"{k}.datum", _("On which date?"), item.get("datum") or day)
        store(item, "datum", _copy(when))
        return item

    chosen = interview.edit_list("meta.akkoord", _("Who agreed to the new version?"), items,
                                 lambda a: f"{a.get('wie')} {format_date(a.get('datum'))}", edit)
    store(meta, "akkoord", chosen)


PARTS: tuple[Part, ...] = (
    Part("moment", lambda: _("Evaluation: date and participants"), run_moment),
    Part("acties", lambda: _("Actions: status and what was done"), run_acties),
    Part("doelen", lambda: _("Goals"), run_doelen),
    Part("zrm", lambda: _("ZRM scores"), run_zrm),
    Part("situatie", lambda: _("Situation now: stay, levensgebieden, level"), run_situatie),
    Part("incidenten", lambda: _("Incidents and escalations"), run_incidenten),
    Part("risico", lambda: _("Risk"), run_risico),
    Part("beloop", lambda: _("How it goes"), run_beloop),
    Part("plan", lambda: _("Changes to the plan"), run_plan),
    Part("vaststelling", lambda: _("New plan version"), run_vaststelling),
)


def evaluation_parts() -> tuple[Part, ...]:
    """The parts for one run; each run fills a new evaluation item (see ``_current``)."""
    return PARTS
