"""The client's own copy of the levensloopplan.

The client signs the plan "voor gezien". The naasten leaflet promises a naaste that what she
says about her own safety is not in what the person gets; so the client's copy leaves out what
naasten told (their wishes, their involvement, the toelichting) and the measures that protect
a victim, and never prints a victim's phone number. The policy decides (``publiek:
plan_client`` in ``data/beleid/gegevensdeling.yaml``) and the one gate applies it
(``reference/policy.plan_case``): without the group ``naasten_toelichting`` these parts go;
without ``naasten`` every naaste goes. An action or phase task that protects a victim (marked
``bescherming``, or one the victim herself does) goes whole, and the table of what naasten want
is left out rather than filled with 'not asked'. The professionals' copy keeps them all. The rest is the
same plan, built by the same view from the gated case.
"""

from __future__ import annotations

from datetime import date

from levensloop_docs.model.casus import Casus
from levensloop_docs.model.vocab import Vocabularies
from levensloop_docs.reference.policy import load_policy, plan_case
from levensloop_docs.views.audience import allowed_groups
from levensloop_docs.views.plan import PlanContext, PlanView

AUDIENCE = "plan_client"


def client_copy(casus: Casus, today: date) -> Casus:
    """The case as the client's copy of the plan may show it (a new case; the input is kept)."""
    return plan_case(casus, allowed_groups(load_policy(), AUDIENCE, casus, today))


def plan_client_context(
    casus: Casus, vocab: Vocabularies, today: date, parameter: str | None = None
) -> PlanContext:
    groups = allowed_groups(load_policy(), AUDIENCE, casus, today)
    context = PlanView(plan_case(casus, groups), vocab, today).plan()
    if "naasten_toelichting" not in groups:
        # without what naasten told, the table 'Wat naasten willen' would print its defaults
        # ('Nog niet gevraagd', 'Niet van toepassing') for a naaste who was asked or is a victim
        for n in context["naasten"]:
            n["stem"] = False
    return context
