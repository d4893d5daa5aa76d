"""Questionary prompts for the :class:`~levensloop_docs.interview.asker.Asker` protocol.

Every prompt starts from the current value, validates while typing with
``Question.parse`` (the shared validators) and shows the Dutch hint in the bottom
bar instead of failing. Choices can be filtered by typing part of the label.
"""

from __future__ import annotations

from typing import Any

import click

from levensloop_docs.i18n import _
from levensloop_docs.interview.questions import ADD, DONE, Question


class PromptAsker:
    """Ask in a terminal. ``input``/``output`` are for tests (prompt_toolkit objects)."""

    interactive = True

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._io = {"input": input, "output": output} if input is not None else {}

    def say(self, text: str) -> None:
        click.echo(text)

    def ask(self, question: Question) -> Any:
        if question.kind == "confirm":
            return self._confirm(question.label, bool(question.default))
        if question.kind == "choice":
            return self._select(question)
        if question.kind == "multi":
            return self._checkbox(question)
        if question.kind == "list":
            return self._list(question)
        return self._text(question)

    def _text(self, q: Question) -> Any:
        import questionary

        def validate(text: str) -> bool | str:
            try:
                q.parse(text)
            except ValueError as exc:
                return str(exc)
            return True

        multiline = q.multiline or q.kind == "lines"
        hint = q.hint or (_("one per line") if q.kind == "lines" else "")
        if multiline:
            hint = (hint + "; " if hint else "") + _("Esc then Enter to continue")
        answer = questionary.text(
            q.label,
            default=q.show(q.default),
            validate=validate,
            multiline=multiline,
            instruction=f"({hint})" if hint else None,
            **self._io,
        ).unsafe_ask()
        return q.parse(answer)

    def _select(self, q: Question) -> Any:
        import questionary

        choices = [questionary.Choice(label, value=key) for key, label in q.choices]
        default = q.default if q.default is not None else ("" if not q.required else None)
        known = {key for key, _label in q.choices}
        answer = questionary.select(
            q.label,
            choices=choices,
            default=default if default in known else None,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=_("(arrow keys, or type to search)"),
            **self._io,
        ).unsafe_ask()
        return q.parse(answer)

    def _checkbox(self, q: Question) -> Any:
        import questionary

        chosen = set(q.default or [])
        choices = [questionary.Choice(label, value=key, checked=key in chosen) for key, label in q.choices]
        answer = questionary.checkbox(
            q.label,
            choices=choices,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=_("(space to tick, type to search, Enter when done)"),
            **self._io,
        ).unsafe_ask()
        return q.parse(answer)

    def _confirm(self, label: str, default: bool) -> bool:
        import questionary

        choices = [
            questionary.Choice(_("Yes"), value=True, shortcut_key="j"),
            questionary.Choice(_("No"), value=False, shortcut_key="n"),
        ]
        answer = questionary.select(
            label,
            choices=choices,
            default=choices[0] if default else choices[1],
            use_shortcuts=True,
            use_jk_keys=False,
            instruction=_("(j or n, then Enter)"),
            **self._io,
        ).unsafe_ask()
        return bool(answer)

    def _list(self, q: Question) -> str:
        import questionary

        choices = [questionary.Choice(f"{i + 1}. {item}", value=str(i)) for i, item in enumerate(q.items)]
        choices.append(questionary.Choice(_("+ Add"), value=ADD))
        choices.append(questionary.Choice(_("Done"), value=DONE))
        while True:
            picked = questionary.select(
                q.label,
                choices=choices,
                default=choices[-2] if not q.items else choices[-1],
                use_search_filter=True,
                use_jk_keys=False,
                instruction=_("(choose an item to change it, or type to search)"),
                **self._io,
            ).unsafe_ask()
            if picked in (ADD, DONE):
                return str(picked)
            verb = self._item_verb(q.items[int(picked)])
            if verb:
                return f"{verb}:{picked}"

    def _item_verb(self, item: str) -> str | None:
        import questionary

        choices = [
            questionary.Choice(_("Change"), value="bewerk"),
            questionary.Choice(_("Move up"), value="omhoog"),
            questionary.Choice(_("Remove"), value="verwijder"),
            questionary.Choice(_("Back"), value=""),
        ]
        verb = questionary.select(
            item,
            choices=choices,
            use_search_filter=True,
            use_jk_keys=False,
            instruction=_("(arrow keys, or type to search)"),
            **self._io,
        ).unsafe_ask()
        if verb == "verwijder" and not self._confirm(_("Really remove '{item}'?").format(item=item), False):
            return None
        return str(verb) or None
