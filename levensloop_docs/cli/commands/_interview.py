"""What ``nieuw`` and ``bewerk`` share: choosing the asker, SIGHUP, offering the plan."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from levensloop_docs.interview import Asker


def make_asker(answers: Path | None) -> Asker:
    """An answers-file asker with ``--antwoorden``, otherwise terminal prompts."""
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _

    if answers is not None:
        from levensloop_docs.interview.answers import AnswersFileAsker

        return AnswersFileAsker.from_file(answers)
    if not sys.stdin.isatty():
        raise UsageError(
            _("The interview needs a terminal."),
            hint=_("Run it in a terminal, or give the answers in a file with --antwoorden FILE."),
        )
    from levensloop_docs.interview.prompts import PromptAsker

    return PromptAsker()


def missing_case(case: Path, command: str, hint: str) -> Exception:
    """``bewerk`` on a case that is not saved yet: when only its draft exists, say how to go on."""
    from levensloop_docs.errors import UsageError
    from levensloop_docs.i18n import _
    from levensloop_docs.interview.draft import Draft, draft_path

    draft = Draft.load(draft_path(case))
    if draft is not None and draft.new:
        msg = _("{file} is not saved yet: there is only the draft of the interview that makes it.")
        how = _("Go on with that interview, from where you stopped: {command} --map {folder} --hervat")
        return UsageError(msg.format(file=case.name), hint=how.format(command=command, folder=case.parent))
    return UsageError(_("{file}: the file does not exist.").format(file=case), hint=hint)


def hang_up_as_interrupt() -> None:
    """A closed terminal (SIGHUP) stops the interview like Ctrl-C: lock released, draft kept."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    from levensloop_docs.platform_os import on_hangup

    on_hangup(handler)


def offer_plan(
    asker: Asker, case_path: Path, out_dir: Path = Path("uitvoer"), documents: tuple[str, ...] = (),
    label: str | None = None,
) -> None:
    """After saving: make the levensloopplan (or the named documents) at once, if the user wants."""
    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.i18n import _
    from levensloop_docs.interview.questions import Question
    from levensloop_docs.run.renderrun import RenderRun, plan_jobs, render_job

    if label is not None:
        pass
    elif documents:
        label = _("Make the documents of the aanmelding now (in {folder})?").format(folder=out_dir)
    else:
        label = _("Make the levensloopplan now (in {folder})?").format(folder=out_dir)
    if not asker.ask(Question("genereer", "confirm", label, True, back=False)):
        return
    formats = {"docx": ("docx",), "pdf": ("pdf",), "beide": ("docx", "pdf")}
    choices = (("docx", _("Word (to change further)")), ("pdf", _("PDF (to print or send)")),
               ("beide", _("Word and PDF")))
    which = Question("formaat", "choice", _("In which format?"), "docx", choices=choices, back=False)
    picked = asker.ask(which)
    case = load_case(case_path)
    with RenderRun(out_dir=out_dir) as run:
        for job in plan_jobs(case, list(documents or ("levensloopplan",)), formats[str(picked)]):
            for path in render_job(run, job):
                asker.say(_("Written: {file}").format(file=path))
