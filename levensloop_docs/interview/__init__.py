"""The interview: an engine that asks questions and parts that know which questions.

Layers (each a module):

- ``questions.py``: a :class:`Question` is plain data (key, kind, Dutch label,
  current value as default) with ``parse`` built on ``validators.py``: the same code
  checks a typed answer, an answers file and ``controleer``.
- ``asker.py``: the :class:`Asker` protocol, one ``ask(question)`` for every kind
  (text, lines, date, date-or-frequency, phone, e-mail, choice, multi-choice,
  confirm, number, list editing) and ``say(text)``. ``prompts.PromptAsker`` asks
  in a terminal with questionary; ``answers.AnswersFileAsker`` reads ``--antwoorden``.
- ``session.py``: :class:`Interview`, what a part talks to. Its helpers
  (``text``, ``date``, ``choice``, ``edit_list``, ...) ask, replay a resumed draft,
  and record every answer in the draft at once. :class:`Part` names a part.
- ``draft.py`` (``.CASE.yaml.concept``; a person's answers are written one by one, a
  script's only when it ends unsaved), ``lock.py`` (``.CASE.yaml.lock``),
  ``summary.py`` (what changed), ``run.py`` (:func:`run_interview`: lock, resume,
  parts, summary, confirmation, conflict check, atomic save that changes only the
  changed values, so comments and untouched text stay byte for byte).
- ``menu.py``: the ``bewerk`` menu (which parts), as a :class:`Part` itself.
- ``parts/``: the casemanager's parts, in order, listed in ``parts.PARTS``.

Using it (e.g. for another interview such as the aanmelding)::

    from levensloop_docs.interview import Part, run_interview
    from levensloop_docs.interview.prompts import PromptAsker

    outcome = run_interview([MY_PART], PromptAsker(), case_path=Path("LLA-1.yaml"))
    outcome = run_interview([META_PART, MY_PART], asker, folder=Path("casussen"))  # new case

Adding a part: write a function ``run(interview)`` in ``parts/NAME.py`` that reads
the current values from ``interview.data`` (they are the defaults) and writes the
answers back (``session.store`` drops empty answers), then add
``Part("NAME", lambda: _("Title"), run, applies=...)`` to ``parts.PARTS``. Rules:

- Give every question a stable key that mirrors the case file
  (``persoon.naam``, ``netwerk.partners[2].telefoon``): it is the key in the answers
  file and in the draft; a resumed draft gives each question the draft's answer with the
  same key (the next one, or a later one when questions fell away); a question the draft
  does not have is asked, and the rest of the draft comes back after it.
- The order of questions may depend only on earlier answers (then replaying a draft
  gives the same interview).
- Lists: ``interview.edit_list(key, label, items, describe, edit, in_use=..., drop=...)``;
  ``edit`` gets the item key (``netwerk.partners[2]``) and the item to change in place;
  ``in_use`` says in words what still refers to an item (shown before "echt verwijderen?"),
  ``drop`` removes those references when the person confirms.
- Rules that span answers are written once, as ``checks.Rule`` (``controleer`` uses them
  too); ``parts/datechecks.py`` turns one into the ``check=`` of the question where the
  second value is typed (``later_than``, ``earlier_than``).
- Going back: an asker raises ``GoBack`` ('<'); the run replays every answer but the last
  from the start, silently, so the previous question is asked in exactly its state (the
  answers after it come back after it, also when going back several questions). The
  same replay brings a person back to an answer that fails validation at the end, or to
  the question of a note ('a' at the save question).
- A check (``check=``) raises ``ValueError`` with a Dutch message: every prompt, also a
  choice, shows it under the question and asks again. Any other exception in a part ends
  the run with ``InterviewCrash``: the draft keeps every answer and the message names the
  command that goes on (``again=`` of ``run_interview``, always with ``--hervat``).
- Answers files: every answer in the file must be used by a question of the run (else
  ``AnswersFileError`` with key and line); engine questions are in ``answers.ENGINE_KEYS``.
- A new case is named by its case id: the part that asks it calls
  ``interview.bind(path)`` (see ``parts/meta.py``, ``ask_case_id``).
- Questions of the engine itself, answerable in an answers file: ``concept_hervatten``,
  ``concept`` (which draft), ``vergrendeling_overnemen``, ``eerdere_sessie`` (answers of a
  session that lost its lock), ``opslaan``.
- User text in English inside ``_()``; Dutch in ``locales/nl/LC_MESSAGES/interview.po``.
"""

from __future__ import annotations

from levensloop_docs.interview.asker import Asker
from levensloop_docs.interview.questions import Question
from levensloop_docs.interview.run import Outcome, run_interview
from levensloop_docs.interview.session import Interview, Part, store

__all__ = ["Asker", "Interview", "Outcome", "Part", "Question", "run_interview", "store"]
