"""Questionary prompts for the :class:`~levensloop_docs.interview.asker.Asker` protocol.

Every prompt starts from the current value, validates while typing with
``Question.parse`` (the shared validators) and shows the Dutch hint in the bottom
bar instead of failing. Choices can be filtered by typing part of the label.

Made for a terminal of 80 by 24: a typed answer starts on a line of its own under
the question (``›``), so a long question or hint never squeezes the answer into the
last columns, and the lines of a multi-line answer use the whole width. ``<`` goes
back to the previous question: typed alone in a text prompt, or pressed in a list.
"""

from __future__ import annotations

from typing import Any

import click

from levensloop_docs.i18n import _, ngettext
from levensloop_docs.interview.questions import ADD, DONE, GoBack, Question

BACK = "<"  # typed alone (text) or pressed (lists): the previous question
_BACK_RESULT = "\x00terug"  # what a list prompt returns for BACK; never a real value


def _wrapped(text: str, indent: int) -> str:
    """``text`` broken into lines that fit the terminal (the first line starts ``indent`` in)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size().columns - 2)
    lines = textwrap.wrap(text, width, initial_indent=" " * indent, break_on_hyphens=False)
    return "\n".join(lines).lstrip() if lines else text


def wrap_lines(text: str) -> str:
    """Each line broken at words to fit the terminal, keeping its indent (never mid-word)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size().columns - 1)
    out = []
    for line in text.splitlines() or [""]:
        indent = line[: len(line) - len(line.lstrip())]
        out.extend(textwrap.wrap(line, width, subsequent_indent=indent + "  ", break_on_hyphens=False,
                                 break_long_words=False) or [""])
    return "\n".join(out)


def is_back(q: Question, text: str) -> bool:
    """``<`` typed alone, or after the text a question shows (``maandelijks<``): go back, never data."""
    return q.back and text.strip().endswith(BACK)


def _checked_summary(q: Question, picked: list[str]) -> str:
    """What a closed checkbox shows: the item, or how many were ticked (Dutch, correct plural)."""
    labels = dict(q.choices)
    if not picked:
        return _("nothing ticked")
    if len(picked) == 1:
        return labels.get(picked[0], picked[0])
    return ngettext("{n} item ticked", "{n} items ticked", len(picked)).format(n=len(picked))


def _list_start(q: Question, choices: list[Any]) -> Any:
    """Where a list prompt opens: on the earlier answer when going back, else Add (empty) or Done."""
    earlier = str(q.default or "")
    if earlier == ADD:
        return choices[-2]
    if earlier == DONE:
        return choices[-1]
    _verb, _sep, index = earlier.partition(":")
    if index.isdigit() and int(index) < len(q.items):
        return choices[int(index)]
    return choices[-2] if not q.items else choices[-1]


_SHARED: dict[str, Any] = {}


def _share_default_bindings() -> None:
    """Build prompt_toolkit's default key bindings once per process, not for every prompt.

    Every ``Application`` calls ``load_key_bindings()`` (and questionary makes three for one
    select: two throw-away ``PromptSession`` objects for their layout, and the one that runs),
    which builds 582 emacs and vi bindings anew: half the CPU a prompt cost (0.05 s for a
    select on an idle machine, several times that on a busy one). The bindings hold no state
    of their own (each handler works on ``event.app``) and nothing adds to them, so one set
    serves every application. The vi bindings (331 of them) are left out: they only work in
    vi mode, which no prompt here turns on, and every key pressed is matched against them.
    """
    if _SHARED:
        return
    from prompt_toolkit.application import application
    from prompt_toolkit.filters import buffer_has_focus
    from prompt_toolkit.key_binding.bindings.basic import load_basic_bindings
    from prompt_toolkit.key_binding.bindings.cpr import load_cpr_bindings
    from prompt_toolkit.key_binding.bindings.emacs import (
        load_emacs_bindings,
        load_emacs_search_bindings,
        load_emacs_shift_selection_bindings,
    )
    from prompt_toolkit.key_binding.bindings.mouse import load_mouse_bindings
    from prompt_toolkit.key_binding.bindings.page_navigation import load_page_navigation_bindings
    from prompt_toolkit.key_binding.key_bindings import ConditionalKeyBindings, merge_key_bindings

    # load_key_bindings() of prompt_toolkit 3.0, without load_vi_bindings/load_vi_search_bindings
    editing = merge_key_bindings([load_basic_bindings(), load_emacs_bindings(), load_emacs_search_bindings(),
                                  load_emacs_shift_selection_bindings()])
    keys = merge_key_bindings([ConditionalKeyBindings(editing, buffer_has_focus), load_mouse_bindings(),
                               load_cpr_bindings()])
    pages = load_page_navigation_bindings()
    _SHARED.update(keys=keys, pages=pages)
    application.load_key_bindings = lambda: keys  # type: ignore[attr-defined]
    application.load_page_navigation_bindings = lambda: pages  # type: ignore[attr-defined]
    _share_styles()


def _share_styles() -> None:
    """Parse a merged style once: each prompt merges the same rules into a new ``Style``.

    questionary hands every prompt a new style object, so prompt_toolkit's own cache (per
    merged style, keyed on the objects) never hits and each prompt parses the same few hundred
    rules again, and then finds the attributes of each style string again (a tenth of a
    prompt's CPU). A ``Style`` does not change once made, so equal rules can share one.
    """
    from prompt_toolkit.styles import style

    merged = getattr(style, "_MergedStyle", None)
    if merged is None or not isinstance(getattr(merged, "_merged_style", None), property):
        return  # another prompt_toolkit: its own way, only slower
    parsed: dict[tuple[tuple[str, str], ...], Any] = {}

    def shared(self: Any) -> Any:
        def make() -> Any:
            rules = tuple(self.style_rules)
            if rules not in parsed:
                if len(parsed) > 64:  # a bound, in case a caller makes endless styles
                    parsed.clear()
                parsed[rules] = style.Style(list(rules))
            return parsed[rules]

        return self._style.get(self.invalidation_hash(), make)

    merged._merged_style = property(shared)


class PromptAsker:
    """Ask in a terminal. ``input``/``output`` are for tests (prompt_toolkit objects)."""

    interactive = True

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self._io = {"input": input, "output": output} if input is not None else {}

    def say(self, text: str) -> None:
        import sys

        # a terminal would break a long line mid-word; a file or a pipe keeps the lines whole
        click.echo(wrap_lines(text) if sys.stdout.isatty() else text)

    def page(self, lines: list[str]) -> None:
        """A long text a screen at a time (the pager of the system, e.g. less; q to close)."""
        click.echo_via_pager("\n".join(wrap_lines(line) for line in lines) + "\n")

    def ask(self, question: Question) -> Any:
        """Ask until the answer is accepted: a refused answer is said under the question, never raised.

        Only going back, Ctrl-C and a closed terminal leave this method; any other fault in a
        check is shown as a refusal (so no keystroke can end the interview).
        """
        faults = 0
        while True:
            try:
                return self._ask_once(question)
            except (GoBack, KeyboardInterrupt, EOFError):
                raise
            except ValueError as exc:
                self.problem(str(exc))
            except Exception:
                faults += 1
                if faults > 2:  # the prompt itself fails, not the answer: let the engine keep the draft
                    raise
                self.problem(_("This answer cannot be used here; choose or type another one."))

    def problem(self, text: str) -> None:
        """Why an answer was refused, under the question, wrapped at words."""
        self.say(text)

    def _ask_once(self, question: Question) -> Any:
        _share_default_bindings()
        if question.kind == "confirm":
            return self._confirm(question.label, bool(question.default), back=question.back)
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
            if is_back(q, text):
                return True
            try:
                q.parse(text)
            except ValueError as exc:
                return _wrapped(str(exc), 0)
            except Exception:  # a check that fails in itself: refuse the answer, never end the prompt
                return _("This answer cannot be used here; choose or type another one.")
            return True

        multiline = q.multiline or q.kind == "lines"
        # a list question keeps 'one per line' beside its own hint: both are needed to answer
        hints = [q.hint, _("one per line") if q.kind == "lines" else ""]
        if multiline:
            # Enter alone makes a new line here, unlike every other prompt: say so, and how to go on
            hints.append(_("Enter: new line; Esc then Enter: continue"))
        if q.back:
            hints.append(_("<: previous question"))
        answer = questionary.text(
            _wrapped(q.label, 2),
            default=q.show(q.default),
            validate=validate,
            multiline=multiline,
            # The answer gets a line of its own under the question and the hint, so neither
            # squeezes it; pre-wrapped, because prompt_toolkit cuts the lines above the answer.
            instruction="\n" + _wrapped("(" + "; ".join(h for h in hints if h) + ")", 0) + "\n\u203a",
            **self._io,
        ).unsafe_ask()
        if is_back(q, answer):
            raise GoBack
        return q.parse(answer)

    def _run(self, question: Any, back: bool = True) -> Any:
        """Run a list prompt in which ``<`` means: the previous question (when there is one)."""
        from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings

        if not back:
            return question.unsafe_ask()

        keys = KeyBindings()

        @keys.add(BACK, eager=True)
        def _go_back(event: Any) -> None:
            event.app.exit(result=_BACK_RESULT)

        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings, keys])
        answer = question.unsafe_ask()
        if answer == _BACK_RESULT:
            raise GoBack
        return answer

    def _select(self, q: Question) -> Any:
        import questionary

        if q.shortcuts:
            return q.parse(self._keyed(q))

        choices = [questionary.Choice(label, value=key) for key, label in q.choices]
        default = q.default if q.default is not None else ("" if not q.required else None)
        known = {key for key, _label in q.choices}
        while True:
            answer = questionary.select(
                _wrapped(q.label, 2),
                choices=choices,
                default=default if default in known else None,
                use_search_filter=True,
                use_jk_keys=False,
                instruction=_("(arrow keys, or type to search; <: previous question)")
                if q.back
                else _("(arrow keys, or type to search)"),
                **self._io,
            )
            picked = self._run(answer, q.back)
            try:
                return q.parse(picked)
            except ValueError as exc:  # said under the question; asked again on the same choice
                self.problem(str(exc))
                default = picked

    def _checkbox(self, q: Question) -> Any:
        import questionary

        chosen = set(q.default or [])
        while True:
            choices = [questionary.Choice(label, value=key, checked=key in chosen)
                       for key, label in q.choices]
            answer = questionary.checkbox(
                _wrapped(q.label, 2),
                choices=choices,
                use_search_filter=True,
                use_jk_keys=False,
                instruction=_("(space to tick, type to search, Enter when done; <: previous question)"),
                **self._io,
            )
            # questionary writes its own English summary ("done (2 selections)") over the prompt
            # when it closes; erase it and write ours, in Dutch.
            answer.application.erase_when_done = True
            picked = self._run(answer, q.back)
            self._echo_answer(answer.application.output, q.label, _checked_summary(q, picked))
            try:
                return q.parse(picked)
            except ValueError as exc:  # said under the question; asked again with the same ticks
                self.problem(str(exc))
                chosen = set(picked)

    def _echo_answer(self, output: Any, label: str, summary: str) -> None:
        from prompt_toolkit import print_formatted_text
        from prompt_toolkit.formatted_text import FormattedText
        from questionary.constants import DEFAULT_QUESTION_PREFIX
        from questionary.styles import merge_styles_default

        tokens = [("class:qmark", DEFAULT_QUESTION_PREFIX), ("class:question", f" {label} "),
                  ("class:answer", summary)]  # fmt: skip
        print_formatted_text(FormattedText(tokens), style=merge_styles_default([None]), output=output)

    def _keyed(self, q: Question) -> Any:
        import questionary

        choices = [
            questionary.Choice(label, value=key, shortcut_key=short)
            for (key, label), short in zip(q.choices, q.shortcuts, strict=True)
        ]
        answer = questionary.select(
            _wrapped(q.label, 2),
            choices=choices,
            default=next((c for c in choices if c.value == q.default), None),
            use_shortcuts=True,
            use_jk_keys=False,
            instruction=_("(a letter or the arrow keys, then Enter; <: previous question)"),
            **self._io,
        )
        return self._run(answer, q.back)

    def _confirm(self, label: str, default: bool, back: bool = True) -> bool:
        import questionary

        choices = [
            questionary.Choice(_("Yes"), value=True, shortcut_key="j"),
            questionary.Choice(_("No"), value=False, shortcut_key="n"),
        ]
        hint = _("(j or n, then Enter; <: previous question)") if back else _("(j or n, then Enter)")
        answer = questionary.select(
            _wrapped(label, 2),
            choices=choices,
            default=choices[0] if default else choices[1],
            use_shortcuts=True,
            use_jk_keys=False,
            instruction=hint,
            **self._io,
        )
        return bool(self._run(answer, back))

    def _list(self, q: Question) -> str:
        import questionary

        choices = [questionary.Choice(f"{i + 1}. {item}", value=str(i)) for i, item in enumerate(q.items)]
        choices.append(questionary.Choice(_("+ Add"), value=ADD))
        choices.append(questionary.Choice(_("Done"), value=DONE))
        start = _list_start(q, choices)
        while True:
            picked = questionary.select(
                _wrapped(q.label, 2),
                choices=choices,
                default=start,
                use_search_filter=True,
                use_jk_keys=False,
                instruction=_("(choose an item to change it, or type to search; <: previous question)"),
                **self._io,
            )
            picked = self._run(picked)
            if picked in (ADD, DONE):
                return str(picked)
            note = q.notes[int(picked)] if int(picked) < len(q.notes) else ""
            verb = self._item_verb(q.items[int(picked)], note)
            if verb:
                return f"{verb}:{picked}"

    def _item_verb(self, item: str, note: str = "") -> str | None:
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
        if verb == "verwijder":
            if note:
                self.say(note)  # what still refers to it, before the question
            try:
                sure = self._confirm(_("Really remove '{item}'?").format(item=item), False, back=False)
            except GoBack:  # pragma: no cover - no '<' here
                sure = False
            if not sure:
                return None
        return str(verb) or None
