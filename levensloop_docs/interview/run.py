"""Running an interview from start to saved file: locks, drafts, summary, conflicts.

``run_interview`` is the one entry point; ``commands/nieuw.py`` and
``commands/bewerk.py`` (and the aanmelding interview) only choose the parts and the
asker. The case file is replaced atomically, only after the summary was confirmed
and only when nobody changed it since it was loaded; otherwise the draft stays.
"""

from __future__ import annotations

import copy
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from levensloop_docs.errors import CaseFileError, ConflictError, Interrupted, InterviewCrash, LevensloopError
from levensloop_docs.i18n import _, ngettext
from levensloop_docs.interview.asker import Asker
from levensloop_docs.interview.draft import Draft, draft_path
from levensloop_docs.interview.lock import CaseLock, LockInfo, read_lock
from levensloop_docs.interview.questions import GoBack, Question
from levensloop_docs.interview.session import Interview, Part
from levensloop_docs.interview.summary import summary, summary_in_words
from levensloop_docs.model.vocab import Vocabularies, load_vocabularies

BeforeSave = Callable[[Any], None]


@dataclass(frozen=True)
class Outcome:
    """What a run did: the case file, and whether it was written."""

    path: Path | None
    saved: bool


def run_interview(
    parts: Sequence[Part],
    asker: Asker,
    *,
    case_path: Path | None = None,
    folder: Path | None = None,
    resume: bool = False,
    today: date | None = None,
    vocab: Vocabularies | None = None,
    before_save: BeforeSave | None = None,
    again: str | None = None,
) -> Outcome:
    """Run ``parts`` on the case at ``case_path``, or on a new case in ``folder``.

    ``again``: the command that goes on after a stop or a crash (default: ``levensloop nieuw
    --map FOLDER --hervat`` or ``levensloop bewerk CASE --hervat``). With ``resume`` an
    existing case takes its draft without asking.

    A new case needs a part that calls ``interview.bind(path)`` once the file name is
    known (the meta part does, right after the case id). ``resume`` offers the drafts
    of new cases in ``folder``; an existing case always offers its draft.
    Raises ``Interrupted`` (exit 130) on Ctrl-C or a closed terminal: the draft keeps
    every answer. Raises ``ConflictError`` when the file changed meanwhile.
    ``before_save(loaded)`` runs after the confirmation, just before an existing case is
    replaced (``levensloop evaluatie`` archives the version it replaces there).
    """
    vocab = vocab or load_vocabularies()
    today = today or date.today()
    if asker.interactive:
        asker.say(
            _(
                "Every answer is kept at once. You can stop at any time (Ctrl-C) and go on later "
                "where you were. Enter keeps what a question already shows."
            )
        )
    if case_path is not None:
        again = again or f"levensloop bewerk {case_path} --hervat"
        return _edit_existing(parts, asker, case_path, vocab, today, before_save, resume, again)
    folder = folder or Path.cwd()
    again = again or f"levensloop nieuw --map {folder} --hervat"
    return _create_new(parts, asker, folder, resume, vocab, today, again)


def _edit_existing(
    parts: Sequence[Part], asker: Asker, path: Path, vocab: Vocabularies, today: date,
    before_save: BeforeSave | None = None, resume: bool = False, again: str = "",
) -> Outcome:
    from levensloop_docs.case.casefile import case_to_data, load_case

    lock = CaseLock.acquire(path, lambda info: _take_over(asker, info))
    try:
        loaded = load_case(path, vocab, today)
        old = case_to_data(loaded.casus)
        replay = _offer_draft(asker, draft_path(path), loaded.digest, resume) or _offer_apart(asker, path)
        interview = Interview(
            asker,
            copy.deepcopy(old),
            vocab,
            today,
            new=False,
            case_path=path,
            draft=Draft.start(path, new=False, basis=loaded.digest, autosave=asker.interactive),
            lock=lock,
            replay=deque(replay),
            again_command=again,
        )
        return _run_and_finish(interview, parts, old, loaded, before_save)
    finally:
        lock.release()


def _create_new(
    parts: Sequence[Part], asker: Asker, folder: Path, resume: bool, vocab: Vocabularies, today: date,
    again: str = "",
) -> Outcome:
    replay: list[tuple[str, Any]] = []
    if resume:
        replay = _pick_new_draft(asker, folder)
    interview = Interview(
        asker, {}, vocab, today, new=True, folder=folder, replay=deque(replay), on_bind=_bind_new,
        again_command=again,
    )
    try:
        return _run_and_finish(interview, parts, {}, None)
    finally:
        if interview.lock is not None:
            interview.lock.release()


def _bind_new(interview: Interview, path: Path) -> None:
    interview.lock = CaseLock.acquire(path, lambda info: _take_over(interview.asker, info))
    if interview.replay:
        return
    answered = {key for key, _value in interview.pending}
    rest = _offer_draft(interview.asker, draft_path(path), None)
    interview.replay.extend((k, v) for k, v in rest if k not in answered)
    interview.resuming = bool(interview.replay)


def _run_and_finish(
    interview: Interview, parts: Sequence[Part], old: Mapping[str, Any], loaded: Any,
    before_save: BeforeSave | None = None,
) -> Outcome:
    """Run the parts and save; whenever the case is not saved, the draft keeps every answer."""
    from levensloop_docs.errors import AnswersFileError

    try:
        while True:
            try:
                _run_parts(interview, parts)
                return _finish(interview, old, loaded, before_save)
            except GoBack:
                interview.rewind(len(interview.answers()) - 1)
            except _AskAgain as again:
                interview.rewind(again.index, again.why)
    except AnswersFileError:
        raise  # the answers file is the source; fix it and run again
    except BaseException as exc:
        interview.keep_apart_if_taken_over()  # never write over the draft of who took the case
        if interview.draft is not None and (interview.draft.answers or interview.unfinished()):
            interview.draft.answers.extend(interview.unfinished())  # answers not yet replayed stay too
            interview.draft.save()
        if isinstance(exc, Exception) and not isinstance(exc, LevensloopError) and not _debugging():
            raise _crashed(interview) from exc
        raise


def _debugging() -> bool:
    import os

    return bool(os.environ.get("LEVENSLOOP_DEBUG"))


def _crashed(interview: Interview) -> InterviewCrash:
    """A fault in the program, not in the answers: say that nothing is lost and how to go on."""
    msg = _("Something unexpected went wrong in the interview. No file was changed half-way.")
    if interview.draft is not None:
        kept = _("Every answer so far is kept in {draft}.").format(draft=interview.draft.path)
        how = _("Continue with: {command}").format(command=interview.again_command)
    else:
        kept = _("Nothing was saved yet (no case id was given).")
        command = interview.again_command.replace(" --hervat", "")
        how = _("Start again with: {command}").format(command=command)
    debug = _("Run the command again with LEVENSLOOP_DEBUG=1 for technical details for the administrator.")
    return InterviewCrash(f"{msg} {kept}", hint=f"{how}\n{debug}")


class _AskAgain(Exception):
    """The answers do not form a valid case: ask the answer at ``index`` again, saying ``why``."""

    def __init__(self, index: int, why: str) -> None:
        super().__init__(why)
        self.index, self.why = index, why


def _run_parts(interview: Interview, parts: Sequence[Part]) -> None:
    try:
        for part in parts:
            if part.applies(interview):
                interview.say("")
                interview.say(f"== {part.title()} ==")
                part.run(interview)
    except (KeyboardInterrupt, EOFError):
        raise _interrupted(interview) from None


def _interrupted(interview: Interview) -> Interrupted:
    if interview.draft is None:
        return Interrupted(_("Stopped. Nothing was saved yet (no case id was given)."))
    msg = _("Stopped. Every answer so far is kept in {draft}.").format(draft=interview.draft.path)
    how = _("Continue later with: {command}").format(command=interview.again_command)
    return Interrupted(msg, hint=how)


TAKE_OVER_WORD = "overnemen"


def _take_over(asker: Asker, info: LockInfo) -> bool:
    """May this run take someone else's lock? Never a live session's with one keystroke.

    Dead here: always, and said. Running here: never. Fresh from another computer: a
    person types the word 'overnemen' (after reading who holds it); never a script. Old
    (over 12 hours): a person or ``vergrendeling_overnemen: ja`` confirms.
    """
    if info.dead_here():
        asker.say(_("The lock of {who} (since {since}) belongs to a session that no longer runs on this "
                    "computer; this session takes it over.").format(who=info.who(), since=info.when()))
        return True
    if info.old():
        label = _(
            "An old lock from {who} (since {since}) is still there; that session seems to have "
            "stopped. Take it over?"
        ).format(who=info.who(), since=info.when())
        return bool(asker.ask(Question("vergrendeling_overnemen", "confirm", label, False, back=False)))
    if not asker.interactive or info.host == LockInfo.mine().host:
        return False  # a live session here, or a script: never
    label = _(
        "{who} is editing this case since {since} on another computer. Only if that session is "
        "certainly over (the computer is off or hangs), type '{word}' to take the case over; "
        "Enter stops."
    ).format(who=info.who(), since=info.when(), word=TAKE_OVER_WORD)
    typed = asker.ask(Question("vergrendeling_overnemen", "text", label, "", back=False))
    return str(typed).strip().lower() == TAKE_OVER_WORD


def _offer_draft(asker: Asker, path: Path, digest: str | None, resume: bool = False) -> list[tuple[str, Any]]:
    draft = Draft.load(path)
    if draft is None or not draft.answers:
        return []
    if resume:
        asker.say(_("Going on with the draft from {when}.").format(when=draft.started.replace("T", " ")))
        return list(draft.answers)
    if draft.basis is not None and digest is not None and draft.basis != digest:
        asker.say(
            _(
                "Note: the case file changed after this draft was made; the draft's answers "
                "are applied to the current file."
            )
        )
    label = ngettext(
        "There is a draft from {when} with {n} answer. Continue with it?",
        "There is a draft from {when} with {n} answers. Continue with it?",
        len(draft.answers),
    ).format(when=draft.started.replace("T", " "), n=len(draft.answers))
    if asker.ask(Question("concept_hervatten", "confirm", label, True, back=False)):
        return list(draft.answers)
    draft.remove()
    return []


def _offer_apart(asker: Asker, case_path: Path) -> list[tuple[str, Any]]:
    """The answers of a session that lost its lock: shown and taken over here, never left hidden.

    Taken over, they become this run's draft at once (so they are never only in memory)
    and the separate file goes.
    """
    from levensloop_docs.interview.draft import find_apart_drafts

    for path in find_apart_drafts(case_path):
        apart = Draft.load(path)
        if apart is None or not apart.answers:
            continue
        label = ngettext(
            "There are answers of an earlier session ({n} answer, from {when}): view and take them over?",
            "There are answers of an earlier session ({n} answers, from {when}): view and take them over?",
            len(apart.answers),
        ).format(n=len(apart.answers), when=apart.started.replace("T", " "))
        choices = (("ja", _("View and take over")), ("nee", _("Not now (they stay kept)")),
                   ("weg", _("Throw them away")))
        picked = asker.ask(Question("eerdere_sessie", "choice", label, "ja" if asker.interactive else "nee",
                                    choices=choices, back=False))
        if picked == "weg":
            path.unlink(missing_ok=True)
            continue
        if picked != "ja":
            continue
        for key, value in apart.answers:
            asker.say(f"  {key}: {value}")
        if not asker.ask(Question("eerdere_sessie_overnemen", "confirm", _("Take these answers over?"), True,
                                  back=False)):
            continue
        taken = Draft.start(case_path, new=False, basis=apart.basis)
        taken.answers = list(apart.answers)
        taken.save()
        path.unlink(missing_ok=True)
        return list(apart.answers)
    return []


def _pick_new_draft(asker: Asker, folder: Path) -> list[tuple[str, Any]]:
    from levensloop_docs.interview.draft import find_new_drafts

    drafts = [d for p in find_new_drafts(folder) if (d := Draft.load(p)) is not None and d.answers]
    if not drafts:
        asker.say(_("There is no draft of a new case in {folder}; starting afresh.").format(folder=folder))
        return []
    choices = tuple(
        (str(i), f"{d.case_path.stem} ({d.started.replace('T', ' ')})") for i, d in enumerate(drafts)
    )
    picked = 0
    if len(drafts) > 1:
        which = Question("concept", "choice", _("Which draft?"), "0", choices=choices, back=False)
        picked = int(asker.ask(which))
    return list(drafts[picked].answers)


def _finish(
    interview: Interview, old: Mapping[str, Any], loaded: Any, before_save: BeforeSave | None = None
) -> Outcome:
    from levensloop_docs.case.casefile import case_to_data, save_case, validate_raw

    interview.end_replay()  # draft answers whose question never came stay out; held notices shown
    path, draft = interview.case_path, interview.draft
    assert path is not None and draft is not None, "a part must bind a new case to a file"
    if interview.keep_apart_if_taken_over():
        draft.save()
        raise ConflictError(
            _("{file} was taken over by another session; this session did not save it.").format(
                file=path.name),
            hint=_("Your answers are kept in {draft}. Compare them with the case once the other session "
                   "is done.").format(draft=draft.path),
        )
    check_used = getattr(interview.asker, "check_used", None)
    if check_used is not None:
        check_used()  # an answers file: no answer may be dropped silently
    casus, problems = validate_raw(interview.data, path, interview.vocab, interview.today)
    errors = [p for p in problems if not p.warning]
    if errors or casus is None:
        _ask_failing_again(interview, errors)
        draft.save()
        hint = _("Your answers are kept in {draft}; continue the interview to correct them.")
        raise CaseFileError(
            problems=errors,
            summary=_("The answers do not form a valid case yet."),
            hint=hint.format(draft=draft.path),
        )
    new = case_to_data(casus)
    said = summary_in_words(old, new, interview.vocab, values=interview.asker.interactive)
    paged = _page_warnings(interview, problems, said)  # too many for one screen: first, a page at a time
    for line in said:
        interview.say(line)
    if not paged:  # after the summary, so they are on the screen with the save question
        _show_warnings(interview, problems)
    if new == old and loaded is not None:
        draft.remove()
        return Outcome(path, saved=False)
    notes = [w for w in problems if w.warning]
    at = _question_of(interview, notes) if not paged else None  # 'a' goes to the note on the screen
    fix = (at, notes[0].describe()) if at is not None else None
    if not _save_wanted(interview, old, new, fix):
        draft.save()
        interview.say(_("Not saved. Your answers are kept in {draft}.").format(draft=draft.path))
        return Outcome(path, saved=False)
    if before_save is not None and loaded is not None:
        before_save(loaded)
    try:
        save_case(path, casus, loaded)
    except ConflictError as refused:
        raise _conflict(path, refused) from None
    draft.remove()
    interview.say(_("Saved: {file}").format(file=path))
    return Outcome(path, saved=True)


def _notes(warnings: Sequence[Any]) -> list[str]:
    # the field and the message; the file is the one being edited (its path would fill the screen)
    return [_("Note: ") + (f"{w.path}: {w.message}" if w.path else w.message) for w in warnings]


def _page_warnings(interview: Interview, warnings: Sequence[Any], summary_lines: Sequence[str]) -> bool:
    """Notes that would push the summary or themselves off a screen go through the pager first."""
    import shutil

    lines = _notes(warnings)
    page = getattr(interview.asker, "page", None)
    if not lines or not interview.asker.interactive or page is None:
        return False
    size = shutil.get_terminal_size()
    used = sum(1 + len(line) // max(20, size.columns - 2) for line in [*summary_lines, *lines])
    if used + 6 <= size.lines:  # 6: the save question and its choices
        return False
    page([_("(q closes this list; the summary and the save question follow)"), "", *lines])
    return True


def _show_warnings(interview: Interview, warnings: Sequence[Any]) -> None:
    """The notes, right above the save question (the save question offers to go to the first one)."""
    for line in _notes(warnings):
        interview.say(line)


def _question_of(interview: Interview, problems: Sequence[Any]) -> int | None:
    """The index of the last answer given for the field of the first problem (or for the item or
    section it is in), if this run asked one."""
    given = interview.answers()
    for problem in problems[:1]:
        field = _question_key(problem.path, interview.data)
        while field:
            for index in range(len(given) - 1, -1, -1):
                key = given[index][0]
                if key == field or field.startswith(key + ".") or key.startswith((field + ".", field + "[")):
                    return index
            field = field.rpartition(".")[0]
    return None


def _save_wanted(
    interview: Interview, old: Mapping[str, Any], new: Mapping[str, Any], fix: tuple[int, str] | None = None
) -> bool:
    """Save? A person may first see every changed field, a page at a time, or go to a note's question."""
    asker = interview.asker
    if not asker.interactive:
        return bool(asker.ask(Question("opslaan", "confirm", _("Save these changes?"), True)))
    choices: tuple[tuple[str, str], ...] = (
        ("ja", _("Yes, save")), ("nee", _("No")), ("lijst", _("First show every changed field")))
    keys: tuple[str, ...] = ("j", "n", "l")
    if fix is not None:
        choices += (("aanpassen", _("First change the answer of the first note")),)
        keys += ("a",)
    while True:
        label = _("Save these changes?")
        question = Question("opslaan", "choice", label, "ja", choices=choices, shortcuts=keys)
        answer = asker.ask(question)
        if answer == "aanpassen" and fix is not None:
            raise _AskAgain(*fix)
        if answer != "lijst":
            return bool(answer == "ja")
        lines = summary(old, new)
        page = getattr(asker, "page", None)
        if page is not None:
            page(lines)
        else:
            for line in lines:
                asker.say(line)


def _ask_failing_again(interview: Interview, errors: Sequence[Any]) -> None:
    """A person at the screen goes back to the question whose answer breaks a rule (never a dead end).

    The question is the last one answered for the failing field (or a field inside it).
    A script, or a field that this run did not ask, ends with the error instead.
    """
    if not interview.asker.interactive:
        return
    given = interview.answers()
    for problem in errors:
        field = _question_key(problem.path, interview.data)
        # a field no question sets (an evaluation's link to its plan action) goes to a question
        # of the item it is in (that action's status), never to a whole top-level section
        while field and ("." in field or "[" in field):
            for index in range(len(given) - 1, -1, -1):
                key = given[index][0]
                if key == field or field.startswith(key + ".") or key.startswith((field + ".", field + "[")):
                    raise _AskAgain(index, f"{problem.path}: {problem.message}")
            field = field.rpartition(".")[0]


def _question_key(path: str, data: Mapping[str, Any]) -> str:
    """A field path as the question key: levensgebieden are asked by name, not by position."""
    head, sep, rest = path.partition("]")
    if not head.startswith("levensgebieden[") or not sep:
        return path
    try:
        gebied = data["levensgebieden"][int(head.removeprefix("levensgebieden["))]["gebied"]
    except (KeyError, IndexError, ValueError, TypeError):
        return path
    return f"levensgebieden.{gebied}{rest}"


def _conflict(path: Path, refused: ConflictError) -> ConflictError:
    """The writer's refusal, plus who holds the case now and where the answers are kept."""
    detail = [refused.hint] if refused.hint else []
    other = read_lock(path)
    if other is not None and other.pid and not _is_me(other):
        detail.append(
            _("It is being edited by {who} since {since}.").format(who=other.who(), since=other.when())
        )
    detail.append(
        _(
            "Nothing was overwritten. Your answers are kept in {draft}; run the interview again "
            "to apply them to the new version."
        ).format(draft=draft_path(path).name)
    )
    return ConflictError(refused.message, hint="\n".join(detail))


def _is_me(info: LockInfo) -> bool:
    mine = LockInfo.mine()
    return info.pid == mine.pid and info.host == mine.host
