"""A random walk through an interview, typed into the real questionary prompts.

:class:`Walker` is a :class:`PromptAsker`: for each question it decides (from a seeded
``random.Random``) what a hurried person does, sends those keys into the prompt_toolkit
pipe input and lets the real prompt read them. The mix: valid answers, invalid answers
(refused at the prompt, then corrected), ``<`` (also typed after a prefilled answer),
Ctrl-U, Enter on the default, list add/change/move/remove (sometimes cancelled), and
Ctrl-C (then :func:`walk` resumes, as ``--hervat`` does).

The walker knows what each prompt will accept (``Question.parse``, the same check the
prompt runs), so it always ends a prompt with an accepted answer and can predict the value.
A prompt that waits for keys the walker did not send would hang: a watchdog then sends
Ctrl-C and the walk fails with its seed.

Used by ``tests/test_interview_walk.py`` and ``benchmarks/interview_walk.py``.
"""

from __future__ import annotations

import random
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from levensloop_docs.errors import Interrupted
from levensloop_docs.interview.prompts import BACK, PromptAsker, _list_start
from levensloop_docs.interview.questions import ADD, DONE, Question

ENTER, CLEAR, SUBMIT, CTRL_C, DOWN, SPACE = "\r", "\x15", "\x1b\r", "\x03", "\x1b[B", " "
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z_0-9]*\}")
SENT_BACK = re.compile(r"^[a-z_]+(\[\d+\])?(\.[a-z_]+(\[\d+\])?)*: ")  # 'evaluaties[2].acties[0].actie: why'

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
WORDS = ("Huisbezoek", "Bellen met de wijkagent", "Jérôme van 't Hof", "Woning zoeken", "Gesprek",
         "Meldplicht", "overleg <GGZ> & co", "Afspraak 1", "Sjoerd", "Noord")
INVALID = {"date": ("31-2-2026", "32-1-2026", "morgen"), "month": ("13-2026", "31-2-2026"),
           "when": ("31-2-2026",), "phone": ("050-12", "12345"), "email": ("a@b", "x@@y.nl"),
           "ref": ("met spatie", "é!"), "number": ("twee", "9", "0")}
VALID = {"phone": ("050-1234567", "06-12345678", ""), "email": ("m.de.vries@voorbeeld.nl", ""),
         "ref": ("partner_x", "wijkteam-2"), "when": ("wekelijks", "maandelijks")}


Pending = tuple[str, str, int, int] | None


class WalkFailed(AssertionError):
    """The walk found a problem (an escaped exception, a hang, a wrong value); the seed is in it."""


@dataclass
class Walker(PromptAsker):
    rng: random.Random
    pipe: Any
    today: date
    budget: int = 250  # questions before the walker only finishes (Enter, Done, save)
    ctrl_c: int = 2  # how many Ctrl-C it may press in one walk
    asked: int = 0
    hung: bool = False
    confirmed: dict[str, tuple[str, Any]] = field(default_factory=dict)  # key -> (kind, value)
    # What the engine holds after each recorded answer, so that '<' can undo the last one: the
    # confirmed fields and a list move/removal that waits to be seen in the list's next showing.
    stack: list[tuple[dict[str, tuple[str, Any]], Pending]] = field(default_factory=list)
    pending: Pending = None  # (list key, verb, index in the file, items shown)
    uncertain: str = ""  # why the list items can no longer be followed (the plain fields still are)
    went_back: bool = False  # the question now asked is the one '<' went back to
    saved_asked: bool = False  # 'opslaan' was answered: a recorded question after it is a rewind
    again: dict[str, int] = field(default_factory=dict)  # while finishing: how often each key came
    said: list[str] = field(default_factory=list)
    trace: list[str] = field(default_factory=list)  # the last questions and the keys sent to them

    def __post_init__(self) -> None:
        super().__init__()

    # the walker reads nothing from the screen; keep the output quiet (and fast)
    def say(self, text: str) -> None:
        self.said.append(text)
        del self.said[:-50]
        if SENT_BACK.match(text):  # the engine sends an answer back by itself: '<' no longer mirrors it
            self._lose_track("the engine sent a question back (a rule of the whole case)")

    def problem(self, text: str) -> None:
        self.say(text)

    def page(self, lines: list[str]) -> None:
        self.say("\n".join(lines))

    def send(self, question: Question, keys: str) -> None:
        shown = question.show(question.default)
        self.trace.append(f"{question.key} ({question.kind}, shows {shown!r}): {keys!r}")
        del self.trace[:-6]
        self.pipe.send_text(keys)

    def ask(self, question: Question) -> Any:
        if PLACEHOLDER.search(question.label) or not question.label.strip():
            raise WalkFailed(f"question {question.key} shows {question.label!r}")
        self.asked += 1
        recorded = question.back and question.key != "opslaan"  # the engine keeps this answer
        if recorded and self.saved_asked:
            self._lose_track("the engine went back after the save question")
        if question.kind == "list":
            self._settle(question)
        finishing = self.asked > self.budget
        if finishing and question.kind != "list":
            # the same question again and again while finishing: the engine sent it back with a
            # reason (a rule of the case); keeping the earlier answer would go round for ever
            self.again[question.key] = self.again.get(question.key, 0) + 1
            if self.again[question.key] > 2:
                finishing = False
        if self.asked > self.budget + 1500:
            raise WalkFailed(f"{question.key}: still asking after {self.asked} questions (a loop?)")
        if not finishing and self.ctrl_c and self.rng.random() < 0.004:
            self.ctrl_c -= 1
            if self.went_back:  # the draft then still has the answer '<' undid: the resume replays it
                self._lose_track("Ctrl-C right after '<'")
            self.send(question, CTRL_C)
            return self._run_prompt(question)
        if not finishing and question.back and self.rng.random() < 0.05:
            return self._go_back(question)
        return self._answer(question, finishing, recorded)

    def _go_back(self, question: Question) -> Any:
        if self.went_back and self.stack:  # '<' twice: the answers after it are replayed where they fit
            self._lose_track("'<' twice in a row")
        if self.stack:  # the engine undoes the last recorded answer and asks it again
            self.confirmed, self.pending = self.stack.pop()
            self.went_back = True
        self.send(question, self._w_back(question))
        return self._run_prompt(question)

    def _answer(self, question: Question, finishing: bool, recorded: bool) -> Any:
        keys, value = self._w_answer(question, finishing)
        self.send(question, keys)
        before = (dict(self.confirmed), self.pending)
        answer = self._run_prompt(question)
        if recorded:
            self.stack.append(before)
            self.went_back = False
        self.saved_asked = self.saved_asked or question.key == "opslaan"
        if question.kind != "list":
            self.confirmed[question.key] = (question.kind, answer)
            if answer != value:
                raise WalkFailed(f"{question.key}: typed {value!r}, the prompt gave {answer!r}")
        else:
            verb, _sep, number = str(answer).partition(":")
            index = question.first + int(number or 0)
            if verb == "bewerk":  # asked afresh: a field no longer asked (its condition changed) goes
                self.confirmed = _renumbered(self.confirmed, question.key, {index: None})
            elif verb in ("omhoog", "verwijder"):
                self.pending = (question.key, verb, index, len(question.items))
        return answer

    def _lose_track(self, why: str) -> None:
        self.uncertain = self.uncertain or why

    def _settle(self, question: Question) -> None:
        """A move or removal of the list shown last time: follow it in the confirmed item keys."""
        if self.pending is None:
            return
        key, verb, index, before = self.pending
        self.pending = None
        if key != question.key:
            self._lose_track(f"{key}: {verb} was followed by {question.key}")
            return
        if verb == "verwijder" and len(question.items) == before - 1:
            self.confirmed = _renumbered(self.confirmed, key, {index: None} | {
                m: m - 1 for m in range(index + 1, question.first + before)})
        elif verb == "omhoog" and index > question.first:
            self.confirmed = _renumbered(self.confirmed, key, {index: index - 1, index - 1: index})

    def _run_prompt(self, question: Question) -> Any:
        def hang() -> None:
            self.hung = True
            self.pipe.send_text(CTRL_C * 3)

        watchdog = threading.Timer(10, hang)
        watchdog.start()
        try:
            return super().ask(question)
        finally:
            watchdog.cancel()
            if self.hung:
                raise WalkFailed(f"the prompt {question.key} ({question.kind}) waited for keys; "
                                 f"last keys: {self.trace}; last said: {self.said[-3:]}")

    # -- keys per kind ---------------------------------------------------------------------
    def _w_back(self, q: Question) -> str:
        if q.kind in ("choice", "multi", "list", "confirm"):
            return BACK
        if q.multiline or q.kind == "lines":
            return BACK + SUBMIT  # after whatever the prompt shows: 'text<' goes back
        return (CLEAR + BACK if self.rng.random() < 0.5 else BACK) + ENTER

    def _w_answer(self, q: Question, finishing: bool) -> tuple[str, Any]:
        if q.kind == "confirm":
            if finishing or q.shortcuts:
                return ENTER, bool(q.default)
            yes = self.rng.random() < 0.5
            return ("j" if yes else "n") + ENTER, yes
        if q.kind == "choice":
            return self._w_select(q, finishing)
        if q.kind == "multi":
            return self._w_checkbox(q, finishing)
        if q.kind == "list":
            return self._w_list(q, finishing), None
        if q.multiline or q.kind == "lines":
            return self._w_multiline(q, finishing)
        return self._w_text(q, finishing)

    def _w_accepts(self, q: Question, raw: Any) -> bool:
        try:
            q.parse(raw)
        except ValueError:
            return False
        return True

    def _w_text(self, q: Question, finishing: bool) -> tuple[str, Any]:
        shown = q.show(q.default)
        keys = ""
        if not finishing and self.rng.random() < 0.15:  # a wrong answer first: refused, stays
            wrong = [w for w in INVALID.get(q.kind, ()) if not self._w_accepts(q, w)]
            if q.required:
                wrong.append("")
            if wrong:
                keys += CLEAR + self.rng.choice(wrong) + ENTER
        if (finishing or self.rng.random() < 0.4) and self._w_accepts(q, shown) and not shown.endswith(BACK):
            # Enter keeps what the prompt shows; after a refused answer, the shown text is typed again
            return keys + (CLEAR + shown if keys else "") + ENTER, q.parse(shown)
        for raw in self._w_candidates(q):
            if self._w_accepts(q, raw) and not raw.strip().endswith(BACK):
                return keys + CLEAR + raw + ENTER, q.parse(raw)
        raise WalkFailed(f"no answer found that {q.key} ({q.kind}) accepts")

    def _w_candidates(self, q: Question) -> Iterator[str]:
        if q.kind in ("date", "month", "when"):
            days = [0, -1, -30, -200, -400, -3000, -9000, 14, 60, 180, 365, 400, 800]
            self.rng.shuffle(days)
            base = q.default if isinstance(q.default, date) else self.today
            for d in days:
                for start in (base, self.today):
                    day = start + timedelta(days=d)
                    yield f"{day.day}-{day.month}-{day.year}"
            if q.kind == "month":
                yield "mei 2019"
            if q.kind == "when":
                yield from VALID["when"]
        elif q.kind == "number":
            yield str(self.rng.randint(q.low, q.high))
        elif q.kind in VALID:
            yield from self.rng.sample(VALID[q.kind], len(VALID[q.kind]))
        else:
            if not q.required and self.rng.random() < 0.2:
                yield ""
            yield self.rng.choice(WORDS)
            yield f"LLA-2026-{self.rng.randint(1000, 9999)}"  # a case number
            yield "voorbeeld"
        yield ""

    def _w_multiline(self, q: Question, finishing: bool) -> tuple[str, Any]:
        shown = q.show(q.default)
        if (finishing or self.rng.random() < 0.4) and self._w_accepts(q, shown):
            return SUBMIT, q.parse(shown)
        extra = [self.rng.choice(WORDS) for _ in range(self.rng.randint(1, 2))]
        text = "\n".join([*([shown] if shown else []), *extra])
        keys = ("\r" if shown else "") + "\r".join(extra) + SUBMIT
        return keys, q.parse(text)

    def _w_select(self, q: Question, finishing: bool) -> tuple[str, Any]:
        values = [key for key, _label in q.choices]
        if q.key == "opslaan":  # always save: the walk checks what was saved
            return "j" + ENTER, "ja"
        if q.shortcuts:
            if finishing:
                return ENTER, q.parse(q.default)
            i = self.rng.randrange(len(values))
            return q.shortcuts[i] + ENTER, q.parse(values[i])
        default = q.default if q.default is not None else ("" if not q.required else None)
        start = values.index(default) if default in values else 0
        good = [i for i, v in enumerate(values) if self._w_accepts(q, v)]
        if not good:
            raise WalkFailed(f"no choice of {q.key} is accepted")
        keys = ""
        if finishing:
            target = start if start in good else good[0]
        else:
            bad = [i for i in range(len(values)) if i not in good]
            if bad and self.rng.random() < 0.3:  # a refused choice: said, then asked again on it
                wrong = self.rng.choice(bad)
                keys += DOWN * ((wrong - start) % len(values)) + ENTER
                start = wrong
            keep = start if start in good else good[0]
            target = self.rng.choice(good) if self.rng.random() < 0.6 else keep
        return keys + DOWN * ((target - start) % len(values)) + ENTER, q.parse(values[target])

    def _w_checkbox(self, q: Question, finishing: bool) -> tuple[str, Any]:
        values = [key for key, _label in q.choices]
        ticked = set(q.default or [])
        keys = ""
        if not finishing:
            for value in values:
                if self.rng.random() < 0.15:
                    keys += SPACE
                    ticked ^= {value}
                keys += DOWN
        picked = [v for v in values if v in ticked]
        if not self._w_accepts(q, picked):
            raise WalkFailed(f"{q.key}: the ticks {picked} are refused")
        return keys + ENTER, q.parse(picked)

    def _w_list(self, q: Question, finishing: bool) -> str:
        import questionary

        choices = [questionary.Choice(str(i), value=str(i)) for i in range(len(q.items))]
        choices += [questionary.Choice("add", value=ADD), questionary.Choice("done", value=DONE)]
        start = choices.index(_list_start(q, choices))
        n = len(choices)

        def go(target: int) -> str:
            return DOWN * ((target - start) % n) + ENTER

        enough = len(q.items) > 3 and self.rng.random() < 0.7
        if finishing or enough or (not q.items and self.rng.random() < 0.4):
            return go(n - 1)
        keys = ""
        if q.items and self.rng.random() < 0.2:  # open an item, then think better of it
            keys += go(self.rng.randrange(len(q.items))) + (DOWN * 3 + ENTER if self.rng.random() < 0.5
                                                            else DOWN * 2 + ENTER + "n" + ENTER)
        roll = self.rng.random()
        if not q.items or roll < 0.35:
            return keys + go(n - 2)  # add
        if roll < 0.55:
            return keys + go(n - 1)  # done
        item = self.rng.randrange(len(q.items))
        verb = self.rng.choice(["change", "change", "up", "remove"])
        if verb == "change":
            return keys + go(item) + ENTER
        if verb == "up":
            return keys + go(item) + DOWN + ENTER
        return keys + go(item) + DOWN * 2 + ENTER + "j" + ENTER


# -- one walk -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """One interview to walk: how to set it up, run it once, and where the case ends up."""

    name: str
    setup: Callable[[Path], Path]  # the work folder -> the case (or the folder for a new case)
    run: Callable[[Walker, Path, bool], Any]  # (walker, case or folder, resume) -> Outcome
    new: bool = False


@contextmanager
def _pipe() -> Iterator[Any]:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        yield pipe


def walk(subject: Subject, seed: int, work: Path, today: date, budget: int | None = None) -> dict[str, Any]:
    """One seeded walk; returns what it did. Raises WalkFailed (naming the seed) on any defect."""
    rng = random.Random(seed)
    target = subject.setup(work)
    where = f"{subject.name}, seed {seed}"
    with _pipe() as pipe:
        walker = Walker(rng, pipe, today, budget=budget or rng.choice([40, 120, 250]))
        outcome, runs = _run_until_done(subject, walker, target, where)
    path = outcome.path if outcome is not None and outcome.path else None
    done = {"asked": walker.asked, "runs": runs, "items_checked": 0, "items_not_followed": walker.uncertain}
    if path is None or not outcome.saved:
        return {"saved": False, **done}
    checked = _check_saved(path, walker, today, where)
    return {"saved": True, **done, "items_checked": checked}


def _run_until_done(subject: Subject, walker: Walker, target: Path, where: str) -> tuple[Any, int]:
    """Run the interview; after a Ctrl-C, run it again with the draft (as --hervat does)."""
    for runs in range(1, 7):
        try:
            return subject.run(walker, target, runs > 1), runs
        except Interrupted:
            if walker.hung:
                raise WalkFailed(f"{where}: a prompt waited for keys") from None
            if subject.new and not _new_drafts(target):  # stopped before the case id: starts afresh
                walker.confirmed, walker.stack, walker.pending, walker.went_back = {}, [], None, False
        except WalkFailed as exc:
            raise WalkFailed(f"{where}: {exc}") from None
        except Exception as exc:
            cause = exc.__cause__ if exc.__cause__ is not None else exc
            if isinstance(cause, WalkFailed):
                raise WalkFailed(f"{where}: {cause}") from None
            raise WalkFailed(f"{where}: {type(cause).__name__} escaped: {cause}") from exc
    raise WalkFailed(f"{where}: more than 5 Ctrl-C")


def _new_drafts(folder: Path) -> list[Path]:
    from levensloop_docs.interview.draft import find_new_drafts

    return list(find_new_drafts(folder))


def _check_saved(path: Path, walker: Walker, today: date, where: str) -> int:
    """Check the saved case; returns how many confirmed list-item fields were checked."""
    from levensloop_docs.case.casefile import validate_raw
    from levensloop_docs.yamlio import load_yaml

    raw = load_yaml(path, round_trip=False)
    _casus, problems = validate_raw(raw, path, today=today)
    errors = [p.describe() for p in problems if not p.warning]
    if errors:
        raise WalkFailed(f"{where}: the saved case does not validate: {errors[:3]}")
    items = not walker.uncertain
    wrong = _not_saved(walker.confirmed, raw, items=items)
    if wrong:
        raise WalkFailed(f"{where}: last confirmed answer not saved: {wrong[:3]}")
    return sum(1 for key, (kind, _v) in walker.confirmed.items() if items and "[" in key and kind in _SCALAR)


_SCALAR = {"text", "date", "month", "number", "phone", "email", "when", "ref"}


def _renumbered(
    confirmed: dict[str, tuple[str, Any]], key: str, moves: dict[int, int | None]
) -> dict[str, tuple[str, Any]]:
    """The confirmed answers after items of the list ``key`` moved (index -> new index, None: removed)."""
    out = {}
    for field_key, answer in confirmed.items():
        if field_key.startswith(key + "["):
            index, _sep, rest = field_key[len(key) + 1 :].partition("]")
            if index.isdigit() and int(index) in moves:
                target = moves[int(index)]
                if target is None:
                    continue
                field_key = f"{key}[{target}]{rest}"
        out[field_key] = answer
    return out


# Lists the interview keeps in date order (it sorts them after editing): an item's index can
# change without a move, so an answer there is looked for in any item of the list.
_SORTED = ("aanmelding.voorgeschiedenis", "incidenten")
# Items that may live elsewhere (one fact in one place): the attendees of a notuleer item go to
# meta.aanwezig when the plan was set in that meeting, to aanmelding.overleg for a registration.
_ELSEWHERE = re.compile(r"^overleggen\[\d+\]\.aanwezigen\[")


def _not_saved(confirmed: dict[str, tuple[str, Any]], raw: Any, items: bool = True) -> list[str]:
    """Fields whose saved value is not the last one confirmed for them.

    Plain fields, and (``items``) the fields of list items, followed through every add,
    change, move and removal the walk made: ``netwerk.partners[2].telefoon`` is checked at
    the index the partner has in the saved file.
    """
    wrong = []
    # evaluatie asks the levensgebieden by position (levensgebieden[2].situatie), the plan's part by
    # name (levensgebieden.financien.situatie) and may add some, which moves the positions
    by_name = any(k.startswith("levensgebieden.") for k in confirmed)
    for key, (kind, value) in confirmed.items():
        if "." not in key or kind not in _SCALAR or key.startswith(("plan.", "x.")):
            continue
        if by_name and key.startswith("levensgebieden["):
            continue
        if "[" in key and not items:
            continue
        head, _sep, rest = key.partition("[")
        if head in _SORTED:
            found_any = _at(raw, head)
            rest = rest.partition("]")[2].lstrip(".")
            saved = [_at(item, rest) for item in found_any] if isinstance(found_any, list) else []
            if _norm(value) and not any(_norm(x) == _norm(value) for x in saved if x is not _ABSENT):
                wrong.append(f"{key}: confirmed {value!r}, in no item of {head}: {saved!r}")
            continue
        found = _at(raw, key)
        if found is _ABSENT:
            if "[" in key and _norm(value) and not _ELSEWHERE.match(key) and _item_missing(raw, key):
                wrong.append(f"{key}: confirmed {value!r}, but the item is not in the saved case")
            continue  # a part that was not run to the end (or a key that is no field)
        if _norm(found) != _norm(value):
            wrong.append(f"{key}: confirmed {value!r}, saved {found!r}")
    return wrong


_ABSENT = object()


def _steps(key: str) -> list[str | int]:
    """``a.b[2].c`` -> ``["a", "b", 2, "c"]``."""
    steps: list[str | int] = []
    for part in key.split("."):
        name, *indexes = part.replace("]", "").split("[")
        if name:
            steps.append(name)
        steps.extend(int(i) for i in indexes)
    return steps


def _at(raw: Any, key: str) -> Any:
    """The value at ``key`` in the saved file: None for an empty answer (no key), _ABSENT for no place."""
    node = raw
    steps = _steps(key)
    for i, step in enumerate(steps):
        if isinstance(step, int):
            if not isinstance(node, list) or step >= len(node):
                return _ABSENT
            node = node[step]
        elif isinstance(node, list) and i > 0 and steps[i - 1] == "levensgebieden":
            node = next((g for g in node if isinstance(g, dict) and g.get("gebied") == step), None)
            if node is None:
                return _ABSENT
        elif not isinstance(node, dict):
            return _ABSENT
        elif step not in node:
            return None if i == len(steps) - 1 else _ABSENT
        else:
            node = node[step]
    return node


def _item_missing(raw: Any, key: str) -> bool:
    """An item of ``key`` is not in the saved file, although the place of its list is.

    A list that became empty has no key in the file (``store``), so a missing list under an
    existing mapping counts as empty.
    """
    for match in re.finditer(r"\[(\d+)\]", key):
        head, index = key[: match.start()], int(match[1])
        found = _at(raw, head)
        if found is _ABSENT:
            return False  # the part of the file this list is in was not made: nothing to say
        if found is None or (isinstance(found, list) and index >= len(found)):
            return True
    return False


def _norm(value: Any) -> str:
    return "" if value in (None, "", []) else str(value).strip()


# -- the interviews --------------------------------------------------------------------------


def _copy(name: str) -> Callable[[Path], Path]:
    def setup(work: Path) -> Path:
        target = work / Path(name).name
        shutil.copy(EXAMPLES / name, target)
        return target

    return setup


def _folder(work: Path) -> Path:
    folder = work / "casussen"
    folder.mkdir(exist_ok=True)
    return folder


def _edit(parts: Callable[[], list[Any]], today: date, **extra: Any) -> Callable[[Walker, Path, bool], Any]:
    def run(walker: Walker, case: Path, resume: bool) -> Any:
        from levensloop_docs.interview import run_interview

        return run_interview(parts(), walker, case_path=case, today=today, resume=resume, **extra)

    return run


def _new(parts: Callable[[], list[Any]], today: date) -> Callable[[Walker, Path, bool], Any]:
    def run(walker: Walker, folder: Path, resume: bool) -> Any:
        from levensloop_docs.interview import run_interview

        return run_interview(parts(), walker, folder=folder, today=today, resume=resume)

    return run


def subjects(today: date) -> list[Subject]:
    from levensloop_docs.cli.commands.evaluatie import archive_replaced
    from levensloop_docs.interview import aanmelding
    from levensloop_docs.interview.evaluatie import evaluation_parts
    from levensloop_docs.interview.menu import MenuPart
    from levensloop_docs.interview.parts import PARTS, find_part

    def part(name: str) -> list[Any]:
        found = find_part(name)
        assert found is not None
        return [found]

    return [
        Subject("nieuw", _folder, _new(lambda: list(PARTS), today), new=True),
        Subject("bewerk", _copy("caravan-groningen.yaml"), _edit(lambda: [MenuPart], today)),
        Subject("bewerk --onderdeel incidenten", _copy("caravan-groningen.yaml"),
                _edit(lambda: part("incidenten"), today)),
        Subject("evaluatie", _copy("evaluatie/LLA-2022-0031.yaml"),
                _edit(lambda: list(evaluation_parts()), today, before_save=archive_replaced)),
        Subject("aanmelding nieuw", _folder, _new(lambda: list(aanmelding.PARTS), today), new=True),
        Subject("aanmelding bewerk", _copy("aanmelding-drenthe.yaml"),
                _edit(lambda: [p for p in aanmelding.PARTS if p.name != "casus"], today)),
        Subject("notuleer", _minutes_setup, _minutes_run(today)),
    ]


def _minutes_setup(work: Path) -> Path:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _overview_cases import case_data

    from levensloop_docs.yamlio import dump_yaml

    folder = work / "vergadering"
    folder.mkdir(exist_ok=True)
    partners: Any = [{"id": "forfact", "rol": "levensloopaanbieder",
                      "organisatie": "ForFACT Noord (voorbeeld)"},
                {"id": "gemeente", "rol": "gemeente", "organisatie": "Gemeente Assen (voorbeeld)"}]
    data = case_data(3, status="geincludeerd", besluit="geincludeerd", besluit_datum=date(2026, 6, 1),
                     **{"netwerk.partners": partners})
    path = folder / "syn-00003.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    return path


def _minutes_run(today: date) -> Callable[[Walker, Path, bool], Any]:
    def run(walker: Walker, case: Path, resume: bool) -> Any:
        from levensloop_docs.interview import Outcome, run_interview
        from levensloop_docs.interview.notulen import Punt, Vergadering, minutes_parts

        meeting = today - timedelta(days=3)
        organisations = ("ForFACT Noord (voorbeeld)", "Gemeente Assen (voorbeeld)")
        punt = Punt(1, "plan", f"1. Plan vaststellen: {case.stem}", "", organisations)
        parts = list(minutes_parts([punt], Vergadering(meeting, "levensloopteam")))
        outcome: Outcome = run_interview(parts, walker, case_path=case, today=today, resume=resume)
        return outcome

    return run
