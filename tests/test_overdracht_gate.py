"""The overdracht to another region goes through the one gate (``audience_case``), not key by key.

It used to build the whole plan from the full case and then pick sections by group; what a
section carried inside (an action's ``wie``: a naaste's name) came from the full case. Built
from the gated case, a naaste the policy withholds is not named anywhere in the letter, and a
field added to the model later reaches it only when the gate names it (issue 29 §2, F5).
"""

from __future__ import annotations

import json
from datetime import date

from conftest import EXAMPLES
from test_audience_gate import SECRET, _extended, _leaks

from levensloop_docs.case.casefile import load_case
from levensloop_docs.model.vocab import load_vocabularies
from levensloop_docs.reference.policy import audience_case, load_policy, sharing
from levensloop_docs.views.audience import allowed_groups
from levensloop_docs.views.overgang import OUTSIDE_NETWORK, overdracht

TODAY = date(2026, 11, 23)
CASE = EXAMPLES / "detentie-midden-nederland.yaml"  # the brother agreed to contact, has an action


def test_a_withheld_naaste_is_not_named_through_an_action() -> None:
    casus = load_case(CASE, today=TODAY).casus
    brother = next(n for n in casus.netwerk.naasten if n.id == "broer")
    assert any(a.wie == brother.id for lg in casus.levensgebieden for a in lg.acties)
    context = overdracht(casus, load_vocabularies(), TODAY, "groningen")
    naasten = load_policy().groups["naasten"]
    assert naasten in context["weggelaten"]  # the policy withholds the naasten from this team
    assert context["acties"] and context["naasten"] == []
    assert brother.naam not in json.dumps(context, ensure_ascii=False)  # was the action's 'wie'
    assert any(a["wie_id"] == brother.id for a in context["acties"])  # the task itself goes along


def test_the_overdracht_carries_no_new_field() -> None:
    case = _extended(load_case(CASE, today=TODAY).casus)
    policy = load_policy()
    share = sharing(policy, case, "kliniek", TODAY, {OUTSIDE_NETWORK})
    groups = set(allowed_groups(policy, "overdracht", case, TODAY)) & set(share.groups)
    everyone = {a.wie for lg in case.levensgebieden for a in lg.acties}
    gated = audience_case(case, groups, everyone, share.groups)
    assert gated.levensgebieden and gated.persoon.naam == case.persoon.naam  # not a wall
    assert _leaks(gated) == []
    assert SECRET not in json.dumps(overdracht(case, load_vocabularies(), TODAY, "groningen"), default=str)


def test_what_is_left_out_is_listed_in_the_policys_order() -> None:
    """Not in the order of a set, which changes from one run to the next."""
    casus = load_case(CASE, today=TODAY).casus
    policy = load_policy()
    left = overdracht(casus, load_vocabularies(), TODAY, "groningen")["weggelaten"]
    order = [policy.groups[k] for k in policy.audiences["overdracht"]]
    assert len(left) >= 2 and left == [label for label in order if label in left]
