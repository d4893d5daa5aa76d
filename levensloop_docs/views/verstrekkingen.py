"""The client's letter "Aan wie hebben wij uw gegevens gegeven?" (AVG art. 15(1)(c)).

Built from the case's disclosure register (``case/register.py``), not from the case: what
was given, to which organisation, when and on what basis, as it was recorded at the time.
Grouped by organisation; what the client got himself is listed apart. The sentences are
in the template (``templates/client/verstrekkingen.md``); this view gives the facts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from levensloop_docs.case.planrules import casusregisseur
from levensloop_docs.case.register import Verstrekking
from levensloop_docs.i18n import format_date
from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.views.audience import meta, phone_line
from levensloop_docs.views.common import text as t

Context = dict[str, Any]


def _day(stamp: str | None) -> str:
    """An ISO date or date-time of the register as a Dutch date ('' when missing or unreadable)."""
    if not stamp:
        return ""
    try:
        day = datetime.fromisoformat(stamp).date() if "T" in stamp else date.fromisoformat(stamp)
    except ValueError:
        return ""
    return format_date(day)


def basis_view(grondslag: dict[str, Any]) -> Context:
    """The basis as the letter words it: consent (from a date) or measures (each with its end)."""
    bases = grondslag.get("grondslagen") or []
    consent = next((b for b in bases if b.get("toestemming")), None)
    titles = [{"naam": t(x.get("label")), "tot": _day(x.get("einde"))}
              for b in bases if not b.get("toestemming") for x in b.get("titels") or []]
    return {
        "soort": grondslag.get("soort", ""),
        "toestemming": consent is not None,
        "toestemming_sinds": _day(consent.get("sinds")) if consent else "",
        "toestemming_tot": _day(grondslag.get("toestemming_tot")),
        "maatregelen": titles,
        "route": t(grondslag.get("route_label")),
        "ingetrokken": bool(grondslag.get("ingetrokken")),
    }


def _given(e: Verstrekking) -> Context:
    return {
        "datum": _day(e.tijd),
        "laatst": _day(e.laatst),
        "aantal": e.aantal,
        "document": t(e.titel),
        "gegevens": list(e.gedeeld.values()),
        "niet": list(e.weggelaten.values()),
        "grondslag": basis_view(e.grondslag),
    }


def per_document(register: Sequence[Verstrekking]) -> list[Verstrekking]:
    """One item per document given, not per file: its Word, PDF and HTML (same day, document,
    audience, data and basis) are one giving to the reader; made again, it counts once per
    making. The register itself keeps every file with its own hash."""
    merged: dict[str, Verstrekking] = {}
    for e in register:
        key = repr((e.tijd[:10], e.document, e.parameter, e.planversie, e.publiek, e.grondslag,
                    e.gedeeld, e.weggelaten))
        kept = merged.get(key)
        merged[key] = e if kept is None else replace(
            kept, aantal=max(kept.aantal, e.aantal), laatst=max(kept.laatst, e.laatst))
    return list(merged.values())


def verstrekkingen_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None,
    register: Sequence[Verstrekking] = (),
) -> Context:
    organisations: dict[str, Context] = {}
    to_client: list[Context] = []
    for e in per_document(register):
        if e.publiek.get("soort") == "client":
            to_client.append(_given(e))
            continue
        receivers = e.publiek.get("partners") or [{"organisatie": e.publiek.get("label", "")}]
        for p in receivers:
            name = t(p.get("organisatie")) or t(e.publiek.get("label"))
            org = organisations.setdefault(name, {"naam": name, "soort": t(e.publiek.get("label")),
                                                  "regio": e.publiek.get("soort") == "regio", "keren": []})
            org["keren"].append(_given(e))
    regisseur = casusregisseur(casus)
    p = casus.persoon
    return {
        "meta": meta(casus, today),
        "naam": t(p.roepnaam or p.naam),
        "organisaties": sorted(organisations.values(), key=lambda o: str(o["naam"]).casefold()),
        "aan_u": to_client,
        "casusregisseur": phone_line(regisseur) if regisseur else None,
        "datum": format_date(today),
    }


def basis_text(grondslag: dict[str, Any]) -> str:
    """The basis in a few words, for the register's table on the screen."""
    from levensloop_docs.i18n import _, format_list

    b = basis_view(grondslag)
    if b["soort"] == "eigen":
        return _("own data, to the client")
    if b["soort"] == "geen":
        return _("no basis: contacts only")
    if b["soort"] == "inzage":
        return _("the client's own inzageverzoek (AVG art. 15)")
    if b["soort"] == "aanmelding":
        return _("the registration (aanmelding)")
    parts = []
    if b["toestemming"]:
        parts.append(_("consent of {date}").format(date=b["toestemming_sinds"]) if b["toestemming_sinds"]
                     else _("consent"))
    for m in b["maatregelen"]:
        until = _("{title} until {date}").format(title=m["naam"], date=m["tot"])
        parts.append(until if m["tot"] else m["naam"])
    return format_list(parts)


def audience_text(publiek: dict[str, Any]) -> str:
    """Who received it: the organisations (or the client, or the other region's team)."""
    from levensloop_docs.i18n import format_list

    names = [str(p.get("organisatie") or "") for p in publiek.get("partners") or []]
    label = str(publiek.get("label") or "")
    return format_list(names) + (f" ({label})" if names and label else label if not names else "")
