"""The interview engine: ask through an Asker, record every answer, save on confirmation.

An :class:`Interview` is what a part talks to: typed question helpers (``text``,
``date``, ``choice``, ``edit_list`` ...) that build a
:class:`~levensloop_docs.interview.questions.Question`, ask it (or take it from the
draft being resumed), record the answer in the draft at once, and return the clean
value. Parts write the answers into ``interview.data``: the case as plain data, the
same shape as the case file.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import os
from collections import deque
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from levensloop_docs.errors import AnswersFileError
from levensloop_docs.i18n import _
from levensloop_docs.interview.asker import Asker
from levensloop_docs.interview.draft import Draft, apart_path
from levensloop_docs.interview.lock import CaseLock
from levensloop_docs.interview.questions import ADD, DONE, Check, GoBack, Kind, Question
from levensloop_docs.model.vocab import Vocabularies

_NOTHING = object()
Item = dict[str, Any]


def store(target: MutableMapping[str, Any], key: str, value: Any) -> None:
    """Set ``target[key]``; an empty answer removes the key, so files stay short."""
    if value is None or value == "" or value == [] or value == {} or (value is False and key not in target):
        target.pop(key, None)
    else:
        target[key] = value


@dataclass
class Interview:
    """The state of one interview run, shared by every part."""

    asker: Asker
    data: dict[str, Any]
    vocab: Vocabularies
    today: dt.date
    new: bool
    folder: Path | None = None
    case_path: Path | None = None
    draft: Draft | None = None
    lock: CaseLock | None = None
    replay: deque[tuple[str, Any]] = field(default_factory=deque)
    pending: list[tuple[str, Any]] = field(default_factory=list)
    on_bind: Callable[[Interview, Path], None] | None = None
    # Going back ("terug") replays every answer but the last one from ``start``, silently.
    start: dict[str, Any] = field(default_factory=dict)
    rewinding: bool = False
    held: list[str] = field(default_factory=list)  # what parts said since the last replayed answer
    again: tuple[str, Any, str] | None = None  # (key, earlier answer, why) of the question to ask again
    later: list[tuple[str, Any]] = field(default_factory=list)  # replayed after that question
    taken_over: bool = False  # another session took the lock: answers kept apart, no saving
    # Resuming a draft: answers whose questions were not met at their place (the case or an
    # earlier answer changed); they are kept in the draft on a stop, never silently lost.
    skipped: list[tuple[str, Any]] = field(default_factory=list)
    again_command: str = ""  # the command that goes on after a stop or a crash (named in the message)
    resuming: bool = False  # replaying a draft (not going back): say once where it stops fitting

    def __post_init__(self) -> None:
        self.start = copy.deepcopy(self.data)
        self.resuming = bool(self.replay)

    # -- asking -------------------------------------------------------------------------
    def ask(self, question: Question) -> Any:
        """Ask (or replay from the draft), record the answer in the draft, return it."""
        value = self._replayed(question)
        replayed = value is not _NOTHING
        if not replayed:
            value = self._ask_person(question)
            self.keep_apart_if_taken_over()
        if self.draft is not None:
            self.draft.record(question.key, value, save=not replayed)
        else:
            self.pending.append((question.key, value))
        return value

    def keep_apart_if_taken_over(self) -> bool:
        """True once another session holds the lock; from then on our draft is a file of its own.

        Both sessions would otherwise write the one draft, each over the other's answers.
        """
        if self.taken_over:
            return True
        if self.lock is None or self.draft is None or self.lock.held():
            return False
        self.taken_over = True
        self.draft.path = apart_path(self.draft.case_path, os.getpid())
        self.draft.save()
        self.asker.say(_("Another session took this case over. Your answers are kept apart in {draft}; "
                         "this session can no longer save the case.").format(draft=self.draft.path))
        return True

    def _ask_person(self, question: Question) -> Any:
        self._release_held()
        if self.again is not None and self.again[0] == question.key:
            self.skipped.extend(self.replay)  # answers before the corrected one that were not met
            self.replay.clear()
            question = self._with_earlier_answer(question, self.again[1], self.again[2])
        elif self.resuming and self.replay:
            self.asker.say(_("This question is not in the draft (the case or an earlier answer changed); "
                       "the draft's answers after it come back where they fit."))
        self.resuming = False
        while True:
            try:
                answer = self.asker.ask(question)
                break
            except GoBack:
                if self.answers():
                    raise
                self.asker.say(_("This is the first question; there is no earlier one."))
        if self.again is not None and self.again[0] == question.key:
            self.replay.extend(self.later)  # the answers after the corrected one come back
            self.later, self.again = [], None
        if not self.replay:
            self.rewinding = False
        return answer

    def unfinished(self) -> list[tuple[str, Any]]:
        """Answers not given again yet, in their order: kept in the draft on a stop.

        ``replay`` holds those still to come before the one being corrected (``again``),
        ``later`` those after it; ``skipped`` those whose question was not met.
        """
        again = [self.again[:2]] if self.again is not None else []
        return [*self.replay, *again, *self.later, *self.skipped]

    def end_replay(self) -> None:
        """The parts are done: answers never met stay out of the case; held notices are shown."""
        self.replay.clear()
        self.later, self.again, self.skipped = [], None, []
        self.rewinding = False
        self._release_held()

    def _with_earlier_answer(self, question: Question, raw: Any, why: str) -> Question:
        """The question asked again (going back, or a problem): show the earlier answer, say why."""
        if why:
            self.asker.say(why)  # now, also while later answers still wait to be replayed
        try:
            return dataclasses.replace(question, default=question.parse(raw))
        except ValueError:
            return question

    def answers(self) -> list[tuple[str, Any]]:
        """Every answer so far, in order (before a new case has its file, they wait in ``pending``)."""
        return [*(self.draft.answers if self.draft is not None else []), *self.pending]

    def rewind(self, keep: int, why: str = "") -> None:
        """Start again from the first question, replaying the first ``keep`` answers silently.

        The next question asked is then the one answered ``keep``-th (going back: the last
        answer), shown with its earlier answer; the answers after it are replayed after it
        (each where its question comes again). Parts depend only on earlier answers, so the
        replay rebuilds exactly the state in which that question was asked. Answers not given
        again yet (going back twice) count too: none is lost on the way back.
        """
        given = [*self.answers(), *self.unfinished()]
        self.again = (given[keep][0], given[keep][1], why) if keep < len(given) else None
        self.replay = deque(given[:keep])
        self.later = given[keep + 1 :]
        self.skipped = []
        self.rewinding = True
        self.resuming = False
        self.held.clear()
        self.data = copy.deepcopy(self.start)
        self.pending = []
        if self.draft is not None:
            self.draft.answers = []

    def _replayed(self, question: Question) -> Any:
        """The draft's answer to ``question``, or ``_NOTHING`` (then the person is asked).

        An answer is matched by its key: the next one normally, else a later one (the
        answers passed over belong to questions no longer asked here). A question the
        draft does not have is asked, and the replay goes on after it.
        """
        if not self.replay:
            return _NOTHING
        index = next((i for i, (key, _raw) in enumerate(self.replay) if key == question.key), None)
        if index is None:
            return _NOTHING
        for _i in range(index):
            self.skipped.append(self.replay.popleft())
        key, raw = self.replay.popleft()
        try:
            value = question.parse(raw)
        except ValueError as exc:  # a rule now refuses it: ask this one, keep replaying after it
            self.later = [*self.replay, *self.later]
            self.replay.clear()
            self.again = (key, raw, _("This answer from the draft is not accepted: {why}").format(why=exc))
            return _NOTHING
        self.held.clear()  # what was said before a replayed answer was seen already
        if not self.replay and not self.rewinding and self.resuming and not self.later:
            self.resuming = False
            self.say(_("All answers from the draft are back. Continue where you stopped."))
        if not self.replay and not self.later:
            self.rewinding = False
        return value

    def _release_held(self) -> None:
        held, self.held = self.held, []
        for text in held:
            self.asker.say(text)

    def say(self, text: str) -> None:
        if self.replay:
            self.held.append(text)  # shown only if it belongs to the question that is asked
        else:
            self.asker.say(text)

    def bind(self, case_path: Path) -> None:
        """A new case got its file name (after the case id): lock it and start its draft."""
        if self.case_path == case_path and self.draft is not None:  # replayed after going back
            self.draft.answers.extend(self.pending)
            self.pending.clear()
            return
        if self.case_path is not None and self.draft is not None:  # went back and changed the case id
            self.pending = [*self.draft.answers, *self.pending]  # the answers move to the new draft
            self.draft.remove()
            self.draft = None
            if self.lock is not None:
                self.lock.release()
                self.lock = None
        self.case_path = case_path
        if self.on_bind is not None:
            self.on_bind(self, case_path)
        if self.draft is None:
            self.draft = Draft.start(case_path, new=self.new, basis=None, autosave=self.asker.interactive)
        for key, value in self.pending:
            self.draft.record(key, value)
        self.pending.clear()

    # -- typed helpers ------------------------------------------------------------------
    def question(self, key: str, kind: Kind, label: str, default: Any = None, **extra: Any) -> Any:
        return self.ask(Question(key, kind, label, default, **extra))

    def text(
        self,
        key: str,
        label: str,
        default: Any = "",
        *,
        required: bool = False,
        multiline: bool = False,
        hint: str = "",
    ) -> str:
        value = self.question(
            key, "text", label, default or "", required=required, multiline=multiline, hint=hint
        )
        return str(value)

    def lines(self, key: str, label: str, default: list[str] | None = None, hint: str = "") -> list[str]:
        return list(self.question(key, "lines", label, list(default or []), hint=hint))

    def date(
        self,
        key: str,
        label: str,
        default: dt.date | None = None,
        *,
        required: bool = False,
        check: Check | None = None,
    ) -> dt.date | None:
        value = self.question(key, "date", label, default, required=required, check=check)
        return value if isinstance(value, dt.date) else None

    def when(self, key: str, label: str, default: dt.date | str | None = None) -> dt.date | str | None:
        hint = _("a date such as 3-2-2026, or how often, e.g. wekelijks")
        value = self.question(key, "when", label, default, hint=hint)
        return value if isinstance(value, dt.date | str) else None

    def phone(self, key: str, label: str, default: str | None = None) -> str | None:
        value = self.question(key, "phone", label, default, hint=_("e.g. 050-1234567; empty if unknown"))
        return str(value) if value else None

    def email(self, key: str, label: str, default: str | None = None) -> str | None:
        value = self.question(key, "email", label, default, hint=_("empty if unknown"))
        return str(value) if value else None

    def number(self, key: str, label: str, default: int | None, low: int, high: int) -> int | None:
        hint = _("{low} to {high}; empty if unknown").format(low=low, high=high)
        value = self.question(key, "number", label, default, low=low, high=high, hint=hint)
        return int(value) if value is not None else None

    def confirm(self, key: str, label: str, default: bool = False) -> bool:
        return bool(self.question(key, "confirm", label, default))

    def choice(
        self,
        key: str,
        label: str,
        choices: list[tuple[str, str]] | str,
        default: str | None = None,
        *,
        required: bool = True,
    ) -> str | None:
        options = self.vocab_choices(choices) if isinstance(choices, str) else list(choices)
        if not required:
            options = [("", _("(none)")), *options]
        value = self.question(key, "choice", label, default, choices=tuple(options), required=required)
        return str(value) if value else None

    def multi(
        self, key: str, label: str, choices: list[tuple[str, str]] | str, default: list[str] | None = None
    ) -> list[str]:
        options = self.vocab_choices(choices) if isinstance(choices, str) else list(choices)
        known = {k for k, _label in options}
        current = [d for d in default or [] if d in known]
        return list(self.question(key, "multi", label, current, choices=tuple(options)))

    def edit_list(
        self,
        key: str,
        label: str,
        items: list[Item],
        describe: Callable[[Item], str],
        edit: Callable[[str, Item], Item],
        in_use: Callable[[Item], str | None] | None = None,
        drop: Callable[[Item], bool] | None = None,
        first: int = 0,
    ) -> list[Item]:
        """Let the user add, change, move up and remove items until done.

        ``first``: ``items`` is the tail of a longer list in the file, from this index on (the
        incidents since the last evaluation); keys keep the index in the file.

        ``items`` is changed in place (so a part can see the list while it grows) and returned.
        ``in_use`` says in words what still refers to an item; a person sees it before being
        asked to confirm the removal, and ``drop`` then removes those references too (False:
        it cannot, the item stays). Without ``drop`` an item in use is not removed.
        """
        while True:
            notes = tuple((in_use(i) or "") if in_use else "" for i in items)
            question = Question(key, "list", label, items=tuple(describe(i) for i in items), notes=notes,
                                first=first)
            action = self.ask(question)
            if action == DONE:
                return items
            if action == ADD:
                items.append(edit(f"{key}[{first + len(items)}]", {}))
                continue
            verb, _sep, number = str(action).partition(":")
            i = int(number)
            if verb == "bewerk":
                items[i] = edit(f"{key}[{first + i}]", items[i])
            elif verb == "verwijder":
                self._remove(key, items, i, in_use, drop)
            elif verb == "omhoog" and i > 0:
                items[i - 1], items[i] = items[i], items[i - 1]

    def _remove(
        self,
        key: str,
        items: list[Item],
        i: int,
        in_use: Callable[[Item], str | None] | None,
        drop: Callable[[Item], bool] | None,
    ) -> None:
        reason = in_use(items[i]) if in_use else None
        if not reason:
            del items[i]
        elif not self.asker.interactive:  # a script would ask the same again and again
            refused = _("An answers file does not remove what is still named elsewhere; change those first.")
            raise AnswersFileError(f"{key}: {reason}\n{refused}")
        elif drop is not None and drop(items[i]):  # the person saw the reason and confirmed
            del items[i]
        else:
            self.say(reason)  # removing it would leave a reference to nobody

    # -- data helpers -------------------------------------------------------------------
    def vocab_choices(self, name: str) -> list[tuple[str, str]]:
        vocabulary = self.vocab[name]
        return [(key, vocabulary.label(key)) for key in vocabulary]

    def section(self, *path: str) -> dict[str, Any]:
        """The mapping at ``path`` in the data, created when missing."""
        node = self.data
        for key in path:
            if not isinstance(node.get(key), dict):
                node[key] = {}
            node = node[key]
        return node

    def people(self) -> list[tuple[str, str]]:
        """Partners and naasten as choices for a ``wie`` question, named as a person names them."""
        netwerk = self.data.get("netwerk") or {}
        return [
            (str(x["id"]), person_label(x))
            for group in ("partners", "naasten")
            for x in netwerk.get(group, [])
            if "id" in x
        ]

    def who(self, ref: Any) -> str:
        """A partner or naaste by name and organisation (or relation), never by the bare id."""
        return dict(self.people()).get(str(ref), str(ref))


def person_label(item: Item) -> str:
    """``Ilse Brouwer (ForFACT Oost)`` for a partner, ``Wilma Hoogeveen (moeder)`` for a naaste."""
    if "organisatie" in item or "rol" in item:
        contact, org = str(item.get("contactpersoon") or ""), str(item.get("organisatie") or item.get("id"))
        return f"{contact} ({org})" if contact else org
    return f"{item.get('naam') or item.get('id')} ({item.get('relatie', '')})"


@dataclass(frozen=True)
class Part:
    """One part of an interview: a name for ``--onderdeel``, a title, and the questions."""

    name: str
    title: Callable[[], str]
    run: Callable[[Interview], None]
    applies: Callable[[Interview], bool] = lambda interview: True
