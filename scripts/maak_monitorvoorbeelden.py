"""Fictional cases for the monitor, the overzicht and the agenda: ``examples/.monitor/``.

    python scripts/maak_monitorvoorbeelden.py            # (re)writes examples/.monitor/*.yaml
    levensloop monitor examples/.monitor --regio noord-nederland --van 1-1-2025 --tot 31-12-2026 --drempel 3

Every person, name and number is made up (names are drawn from short lists of common Dutch
first and last names, combined by a fixed seed, so the files are the same on every run).
The folder has about 30 included people in Groningen, Friesland and Drenthe over 2025 and
2026, a few in Limburg, Oost-Brabant and Midden-Nederland, some not included or held, some
exited, some with escalations (with the day the bed was asked for), some whose characteristics
at inclusion are partly unknown (an LVB that was never tested, a stay nobody knew), registrants
of several kinds, and non-inclusions for a regional criterion. The folder is hidden (its name
starts with a dot) so that ``levensloop genereer examples/`` and ``voorbeeld.sh`` skip it.
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "examples" / ".monitor"
SEED = 20261207

FIRST = ["Jeroen", "Bas", "Kevin", "Mohamed", "Dennis", "Rick", "Sander", "Tim", "Mark", "Youssef",
         "Niels", "Patrick", "Ricardo", "Erwin", "Stefan", "Hasan", "Marco", "Wouter", "Lisa", "Sanne"]
LAST = ["Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Dekker", "Kok", "Jansen",
        "Hoekstra", "Wiersma", "Brouwer", "Postma", "Veenstra", "Kramer", "Boer", "Huisman"]
STAYS = ["dakloos", "dakloos", "dakloos", "beschermd_wonen", "forensische_kliniek", "onconventioneel",
         "familie_netwerk", "maatschappelijke_opvang"]
# (organisation, function, kind of organisation: vocabulaires/aanmeldersoorten.yaml)
REGISTRANTS = [("Reclassering Noord (voorbeeld)", "reclasseringswerker", "reclassering"),
               ("Politie, basisteam (voorbeeld)", "wijkagent", "politie"),
               ("Gemeente, sociaal team (voorbeeld)", "regisseur", "gemeente"),
               ("GGZ Noord, FACT-team (voorbeeld)", "psychiater", "ggz"),
               ("PI Noord (voorbeeld)", "casemanager", "penitentiaire_inrichting")]
# the regional criterion 'everything has been tried' of each region (its key in the region profile):
# the one that most often fails (000 §3.3)
TRIED = {"groningen": "alternatieven", "drenthe": "alternatieven", "friesland": "geen_alternatief",
         "limburg": "regulier_zonder_effect", "oost-brabant": "uitgeprobeerd",
         "midden-nederland": "alternatieven"}
# (region, number included in 2025, in 2026): 30 in the north, a few elsewhere
PLAN = [("groningen", 6, 7), ("friesland", 3, 4), ("drenthe", 4, 6),
        ("limburg", 1, 2), ("oost-brabant", 1, 1), ("midden-nederland", 0, 2)]


def _day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(0, 360))


def _janee(rng: random.Random, p_yes: float, p_unknown: float) -> str:
    r = rng.random()
    return "onbekend" if r < p_unknown else "ja" if r < p_unknown + p_yes else "nee"


def _criteria(rng: random.Random, included: bool) -> list[dict[str, Any]]:
    out = [{"criterium": str(k), "oordeel": "voldoet"} for k in range(1, 7)]
    if not included:
        for k in rng.sample(range(6), rng.choice([1, 2])):
            out[k]["oordeel"] = "voldoet_niet"
            out[k]["toelichting"] = "Volgens het aanmeldoverleg niet aangetoond (verzonnen voorbeeld)."
    return out


def _bij_inclusie(rng: random.Random, stay: str) -> dict[str, Any]:
    return {
        "ggz": _janee(rng, 0.95, 0.0), "lvb": _janee(rng, 0.7, 0.3), "verslaving": _janee(rng, 0.8, 0.05),
        "psychosociaal": "ja", "nah": _janee(rng, 0.1, 0.4),
        "wlz_indicatie": _janee(rng, 0.3, 0.1), "forensische_titel": _janee(rng, 0.25, 0.0),
        "machtiging": _janee(rng, 0.25, 0.0),
        "behoefte_opname": _janee(rng, 0.45, 0.1), "behoefte_gemeente": _janee(rng, 0.65, 0.1),
        "reeds_in_zorg": _janee(rng, 0.65, 0.0),
        **({"verblijf": stay} if rng.random() > 0.1 else {}),  # sometimes nobody knew
    }


def _case(rng: random.Random, number: int, region: str, year: int, kind: str) -> dict[str, Any]:
    registered = _day(rng, year)
    decided = registered + timedelta(days=rng.randrange(10, 60))
    stay = rng.choice(STAYS)
    organisation, function, registrant = rng.choice(REGISTRANTS)
    status = {"in": "geincludeerd", "uit": "uitgestroomd", "niet": "niet_geincludeerd",
              "aangehouden": "aangehouden"}[kind]
    included = kind in ("in", "uit")
    data: dict[str, Any] = {
        "meta": {"casus_id": f"LLA-{year}-{number:04d}", "regio": region, "status": status},
        "persoon": {
            "naam": f"{rng.choice(FIRST)} {rng.choice(LAST)} (verzonnen)",
            "geboortedatum": date(rng.randrange(1960, 2004), rng.randrange(1, 13), rng.randrange(1, 28)),
            "verblijf": stay, "problematiek": ["ggz", "verslaving"],
        },
        "gegevensdeling": {"route": rng.choice(["vrijwillig", "onder_voorwaarden", "wvggz"])},
        "aanmelding": {
            "aanmelder": {"organisatie": organisation, "naam": "Medewerker (verzonnen)", "functie": function,
                          **({"soort": registrant} if number % 9 else {})},  # sometimes not recorded
            "datum": registered,
            "reden": "Verzonnen voorbeeld voor de monitor: gevaarlijk gedrag en vastgelopen zorg.",
            "criteria_landelijk": _criteria(rng, included or kind == "aangehouden"),
            "overleg": {"datum": decided},
            "besluit": {"in": "geincludeerd", "uit": "geincludeerd", "niet": "niet_geincludeerd",
                        "aangehouden": "aangehouden"}[kind],
            "besluit_datum": decided,
        },
    }
    if kind == "niet":
        data["aanmelding"]["advies"] = "Bespreek de zorg opnieuw in het gewone casusoverleg (verzonnen)."
        if number % 3:  # a regional reason: not everything has been tried yet
            data["aanmelding"]["criteria_regio"] = [{
                "criterium": TRIED[region], "oordeel": "voldoet_niet",
                "toelichting": "Een FACT-team is nog niet geprobeerd (verzonnen voorbeeld)."}]
    if rng.random() < 0.85 or number % 7 == 0:
        data["persoon"]["geslacht"] = "vrouw" if number % 13 == 0 else "man"
    if included:
        data["bij_inclusie"] = _bij_inclusie(rng, stay)
        data["aanmelding"]["casusregisseur"] = "Casusregisseur ForFACT (verzonnen)"
    if kind == "uit":
        data["uitstroom"] = {"datum": min(decided + timedelta(days=400), date(2026, 11, 30))}
    if included and rng.random() < 0.55:
        when = min(decided + timedelta(days=rng.randrange(20, 200)), date(2026, 11, 30))
        incident: dict[str, Any] = {"datum": when, "omschrijving": "Opname na escalatie (verzonnen).",
                                    "niveau": rng.choice(["biz", "klinisch_regulier"]),
                                    "vorm": rng.choice(["acute_crisis", "justitie", "gepland"])}
        if rng.random() < 0.8:  # the day the bed was asked for (sometimes nobody wrote it down)
            incident["bed_aangevraagd"] = when - timedelta(days=0 if incident["vorm"] == "acute_crisis"
                                                           else rng.randrange(1, 120))
        data["incidenten"] = [incident]
    return data


def cases() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    out: list[dict[str, Any]] = []
    number = 1000
    for region, n2025, n2026 in PLAN:
        for year, n in ((2025, n2025), (2026, n2026)):
            for i in range(n):
                number += 1
                out.append(_case(rng, number, region, year, "uit" if year == 2025 and i == 0 else "in"))
            for kind in ("niet", "niet", "aangehouden")[: 1 + n // 3]:
                number += 1
                out.append(_case(rng, number, region, year, kind))
    return out


def write(target: Path = TARGET) -> list[Path]:
    from ruamel.yaml import YAML

    target.mkdir(parents=True, exist_ok=True)
    for old in target.glob("*.yaml"):
        old.unlink()
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    written = []
    for data in cases():
        path = target / f"{data['meta']['casus_id'].lower()}.yaml"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("# Fictieve casus (gemaakt door scripts/maak_monitorvoorbeelden.py). Alles is verzonnen.\n")
            yaml.dump(data, fh)
        written.append(path)
    return written


if __name__ == "__main__":
    files = write(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET)
    print(f"{len(files)} fictieve casussen geschreven naar {files[0].parent}.")
