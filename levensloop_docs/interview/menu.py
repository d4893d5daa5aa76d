"""The menu of ``bewerk`` without ``--onderdeel``: choose parts, then run them in order."""

from __future__ import annotations

from levensloop_docs.i18n import _
from levensloop_docs.interview.session import Interview, Part


def run_menu(interview: Interview) -> None:
    from levensloop_docs.interview.parts import PARTS

    available = [p for p in PARTS if p.name != "casus" or not interview.new]
    choices = [(p.name, p.title()) for p in available]
    chosen = interview.multi("onderdelen", _("Which parts do you want to change?"), choices, [])
    for part in available:
        if part.name in chosen:
            interview.say("")
            interview.say(f"== {part.title()} ==")
            part.run(interview)


MenuPart = Part("menu", lambda: _("Choose parts"), run_menu)
