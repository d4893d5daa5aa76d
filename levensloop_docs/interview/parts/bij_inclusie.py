"""Part 'bij_inclusie': the person as registered, for the monitor (Tabel 4).

Asked once, at inclusion (only when the decision is geïncludeerd): sex, and per item ja / nee /
onbekend, because one may be known (GGZ) while another is not (an LVB never tested). The answers
stay as they were at inclusion; ``persoon`` keeps changing, this block does not.
"""

from __future__ import annotations

from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, store

ITEMS = ("ggz", "lvb", "verslaving", "psychosociaal", "nah", "wlz_indicatie", "forensische_titel",
         "machtiging", "behoefte_opname", "behoefte_gemeente", "reeds_in_zorg")


def _labels() -> dict[str, str]:
    return {
        "ggz": _("Psychiatric problems (GGZ)?"), "lvb": _("(Suspected) mild intellectual disability (LVB)?"),
        "verslaving": _("Addiction?"), "psychosociaal": _("Psychosocial problems?"),
        "nah": _("Acquired brain injury (NAH)?"), "wlz_indicatie": _("A Wlz indication?"),
        "forensische_titel": _("A forensic (criminal) title?"),
        "machtiging": _("A court authorisation (RM) or care authorisation (ZM)?"),
        "behoefte_opname": _("A need for admission?"),
        "behoefte_gemeente": _("A need for municipal support?"),
        "reeds_in_zorg": _("Already in care with a partner of the approach?"),
    }


def _yes_no() -> list[tuple[str, str]]:
    return [("ja", _("yes")), ("nee", _("no")), ("onbekend", _("not known"))]


def run(interview: Interview) -> None:
    decision = (interview.data.get("aanmelding") or {}).get("besluit")
    if decision != "geincludeerd":
        return
    interview.say(_("At inclusion, for the monitor: how things were at registration (answer 'not known' "
                    "when nobody knows)."))
    p = interview.section("persoon")
    sexes = [("man", _("man")), ("vrouw", _("woman")), ("anders", _("other sex"))]
    store(p, "geslacht", interview.choice("persoon.geslacht", _("Sex"), sexes, p.get("geslacht"),
                                          required=False))
    b = interview.section("bij_inclusie")
    stay = interview.choice("bij_inclusie.verblijf", _("Where did the person stay at registration?"),
                            "verblijf", b.get("verblijf") or p.get("verblijf"), required=False)
    store(b, "verblijf", stay)
    labels = _labels()
    for item in ITEMS:
        store(b, item, interview.choice(f"bij_inclusie.{item}", labels[item], _yes_no(),
                                        b.get(item, "onbekend")))
