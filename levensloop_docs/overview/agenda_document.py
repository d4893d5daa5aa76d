"""The agenda as a document: the context of ``templates/overzicht/agenda.md``."""

from __future__ import annotations

from typing import Any

from levensloop_docs.i18n import _, format_date
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies
from levensloop_docs.overview.agenda import AgendaItem, Meeting
from levensloop_docs.overview.cases import CaseSet
from levensloop_docs.overview.documents import publication
from levensloop_docs.overview.monitor_report import form_labels
from levensloop_docs.overview.tables import short
from levensloop_docs.overview.verslag import minutes
from levensloop_docs.reference.regiogroups import Selection
from levensloop_docs.reference.regions import region_label
from levensloop_docs.run.publish import Publication


def kind_labels() -> dict[str, str]:
    return {"aanmelding": _("Registration"), "plan": _("Set the plan"), "evaluatie": _("Evaluation"),
            "escalatie": _("Escalation"), "risicotaxatie": _("Risk assessment overdue"),
            "detentie": _("Release from detention"), "uitstroom": _("Exit possible")}


def explanation(item: AgendaItem, vocab: Vocabularies) -> str:
    d = item.detail
    if not d:  # recorded in the minutes of this meeting, and no longer due (overview/verslag.py)
        return _("Dealt with in this meeting; the minutes are below.")
    if item.kind == "aanmelding":
        text = _("Registered on {day}; waiting {days} days for a decision. National criteria: "
                 "{yes} met, {unknown} unknown, {no} not met.").format(
            day=format_date(item.day), days=d["wacht"], yes=d["voldoet"], unknown=d["onbekend"],
            no=d["voldoet_niet"])
        text += " " + _("Held at an earlier meeting.") if d["aangehouden"] == "ja" else ""
        # the table discusses the person without a name (review A2.3): say which form to bring
        table = _("At the table: the table version of the registration form, without names "
                  "(levensloop genereer ... --document aanmeldformulier --geanonimiseerd).")
        return " ".join(t for t in (text, d.get("landelijk", ""), d.get("regionaal", ""), table) if t)
    if item.kind == "plan":
        if d["vastgesteld"] == "nee":
            return _("Included; the levensloopplan has not been set yet.")
        return _("The levensloopplan was set on {day} but not everyone has signed it.").format(
            day=format_date(item.day))
    if item.kind == "evaluatie":
        text = _("Evaluation planned on {day}.").format(day=format_date(item.day))
        return text + (" " + _("This date has passed.") if d["te_laat"] == "ja" else "")
    if item.kind == "risicotaxatie":
        return _("The next risk assessment ({instrument}) was due on {day}: who does it, and when?").format(
            instrument=d["instrument"], day=format_date(item.day))
    if item.kind == "detentie":
        return _("Release from detention on {day}: are the place to stay, the care, the income and the "
                 "warm handover ready?").format(day=format_date(item.day))
    if item.kind == "uitstroom":
        return _("Exit possible since {day} (two years stable): check the other two conditions "
                 "(protective factors secured, a lower risk by a risk assessment).").format(
            day=format_date(item.day))
    return _("Escalated on {day} to {level}: {form}.").format(
        day=format_date(item.day), level=vocab["niveaus"].label(d["naar"]).lower(),
        form=form_labels()[d["vorm"]].lower())


def agenda_publication(items: list[AgendaItem], meeting: Meeting, found: CaseSet,
                       regio: Selection | str | None, overleg: str, verslag: bool = False,
                       named: bool = False, frame: dict[str, str] | None = None) -> Publication:
    """The agenda; recorded minutes fill their item. ``verslag``: the minutes of the meeting.

    The minutes' free text is pseudonymised (the client's and the naasten's names, birth date,
    phone numbers and addresses blanked) unless ``named``: then the document says it has names.
    """
    vocab, kinds = load_vocabularies(), kind_labels()
    punten = [
        {"nummer": i, "soort": kinds[item.kind], "casus": item.casus_id, "datum": short(item.day),
         "casusregisseur": item.casusregisseur, "organisaties": list(item.organisations),
         "toelichting": explanation(item, vocab),
         "notulen": item_minutes(found, item, meeting, vocab, named)}
        for i, item in enumerate(items, start=1)
    ]
    key, label = _region(regio)
    context = {
        "overleg": overleg, "datum": format_date(meeting.datum), "vorige": format_date(meeting.vorige),
        "volgende": format_date(meeting.volgende), "regio": label,
        "punten": punten, "overgeslagen": len(found.broken), "totaal": found.total, "verslag": verslag,
        "met_namen": named,
        "kader": {**dict.fromkeys(("tijd", "plaats", "voorzitter", "notulist"), ""), **(frame or {})},
        "acties": _actions(found, meeting, regio, named),
    }
    name = _("Minutes {meeting} {day}") if verslag else _("Agenda {meeting} {day}")
    title = name.format(meeting=overleg, day=format_date(meeting.datum))
    stem = f"{'verslag' if verslag else 'agenda'}-{key + '-' if key else ''}{meeting.datum.isoformat()}"
    stem += "-met-namen" if named else ""
    return publication("agenda", context, title, stem, meeting.datum)


def _actions(found: CaseSet, meeting: Meeting, regio: Selection | str | None,
             named: bool) -> list[dict[str, str]]:
    from levensloop_docs.overview.verslag import open_actions
    from levensloop_docs.views.anoniem import Scrubber

    cases = {c.meta.casus_id: c for c in found.cases}
    out = []
    for day, casus_id, wie, wat in open_actions(found.cases, meeting, regio):
        text = wat if named else Scrubber(cases[casus_id])(wat)
        out.append({"wanneer": short(day) if day else _("no date"), "casus": casus_id, "wie": wie,
                    "wat": text})
    return out


def _region(regio: Selection | str | None) -> tuple[str, str]:
    """(file name part, printed name) of the meeting's region or group."""
    if regio is None:
        return "", ""
    if isinstance(regio, str):
        return regio, region_label(regio)
    return regio.sleutel, regio.naam


def item_minutes(found: CaseSet, item: AgendaItem, meeting: Meeting,
                 vocab: Vocabularies, named: bool = False) -> dict[str, Any] | None:
    """The recorded minutes of one item as template rows (None: not recorded yet).

    Free text is pseudonymised unless ``named``: the header of the document promises that
    no person's name is in it, and the minutes are typed freely (``notuleer``).
    """
    from levensloop_docs.views.anoniem import Scrubber

    casus = next((c for c in found.cases if c.meta.casus_id == item.casus_id), None)
    recorded = minutes(casus, item.kind, meeting.datum, vocab) if casus is not None else None
    if recorded is None or casus is None:
        return None
    clean = (lambda text: text) if named else Scrubber(casus)
    return {
        # organisations and functions are structured fields about professionals: kept as they are
        "aanwezigen": [{"organisatie": o, "functie": f} for o, f in recorded.aanwezigen],
        "besluit": clean(recorded.besluit),
        "afspraken": [{"wie": w, "wat": clean(t), "wanneer": d} for w, t, d in recorded.afspraken],
    }
