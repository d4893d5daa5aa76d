"""The client's own copy of the levensloopplan.

The client signs the plan "voor gezien". The naasten leaflet promises a naaste that what she
says about her own safety is not in what the person gets; so the client's copy leaves out what
naasten told (their wishes, their involvement, the toelichting) and the measures that protect
a victim, and never prints a victim's phone number. The policy decides (``publiek:
plan_client`` in ``data/beleid/gegevensdeling.yaml``): without the group ``naasten_toelichting``
these parts go; without ``naasten`` every naaste goes. The professionals' copy keeps them all.
The rest is the same plan, built by the same view.
"""

from __future__ import annotations

from datetime import date

from levensloop_docs.model.casus import Casus, Naaste
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import load_policy
from levensloop_docs.views.audience import allowed_groups
from levensloop_docs.views.plan import PlanContext, PlanView

AUDIENCE = "plan_client"
VICTIM = "slachtoffer"


def _naaste(n: Naaste, groups: tuple[str, ...]) -> Naaste:
    if "naasten_toelichting" in groups:
        return n
    victim = VICTIM in n.type
    return n.model_copy(
        update={
            "wil": "",
            "betrokkenheid": "",
            "toelichting": "",
            "bescherming": [],
            # the label 'slachtoffer' and her number tell the person what she reported, or how to reach her
            "type": [t for t in n.type if t != VICTIM],
            "telefoon": None if victim else n.telefoon,
        }
    )


def client_copy(casus: Casus, today: date) -> Casus:
    """The case as the client's copy of the plan may show it (a new case; the input is kept)."""
    groups = allowed_groups(load_policy(), AUDIENCE, casus, today)
    naasten = [_naaste(n, groups) for n in casus.netwerk.naasten] if "naasten" in groups else []
    netwerk = casus.netwerk.model_copy(update={"naasten": naasten})
    update: dict[str, object] = {"netwerk": netwerk}
    if "naasten_toelichting" not in groups:
        # the change list is the team's free text ("contactafspraken met moeder en haar
        # bescherming als slachtoffer toegevoegd"): it can tell what a naaste reported
        update["meta"] = casus.meta.model_copy(update={"wijzigingen": []})
    return casus.model_copy(update=update)


def plan_client_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> PlanContext:
    return PlanView(client_copy(casus, today), vocab, today).plan()
