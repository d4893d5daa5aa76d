"""A folder rerun judges the safety gate on its own date (issue 25).

The manifest used to call a document unchanged when its case file, template and data were:
a plan printed complete while the title under its sharing route ran stayed "complete" on
disk after the title ended. Now each output records the gate's outcome on the run's date
and the case the dates between which that outcome holds; a run after such a date reads the
case again and makes again exactly the documents whose outcome changed.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from conftest import EXAMPLES, TODAY
from docx import Document

from levensloop_docs.batch.manifest import MANIFEST_NAME
from levensloop_docs.batch.run import BatchOptions, Summary, run_batch

# The detentie example shares on the route 'onder voorwaarden', carried by the detention
# (until 15-01-2027) and the bijzondere voorwaarden (until 28-02-2027).
CASE = EXAMPLES / "detentie-midden-nederland.yaml"
PLAN = "LLA-2026-0063_levensloopplan_v1.docx"
SHEET = "LLA-2026-0063_partner-gemeente_v1.docx"
CONSENT = "LLA-2026-0063_toestemmingsverklaring_v1.docx"
REQUESTED = ["levensloopplan", "partner:gemeente", "toestemmingsverklaring"]
AFTER = date(2027, 3, 1)  # both titles have ended


def _folder(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "casussen"
    folder.mkdir()
    shutil.copy(CASE, folder / "detentie.yaml")
    return folder, tmp_path / "uit"


def _run(folder: Path, out: Path, today: date, definitive: bool = False,
         requested: list[str] = REQUESTED) -> Summary:
    return run_batch(BatchOptions(folder=folder, out_dir=out, requested=requested, workers=1,
                                  today=today, definitive=definitive))


def _concept(path: Path) -> bool:
    doc = Document(str(path))
    return any("CONCEPT" in p.text for s in doc.sections for p in s.header.paragraphs)


def test_a_rerun_after_the_title_ended_marks_the_documents_again(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path)
    first = _run(folder, out, TODAY)
    assert sorted(n for n, _r in first.made) == sorted([PLAN, SHEET, CONSENT]) and not first.failed
    assert not any(_concept(out / n) for n in (PLAN, SHEET, CONSENT))

    # a day inside the window of the detention: nothing to make, the outcome is the same
    again = _run(folder, out, date(2027, 1, 10))
    assert again.made == [] and again.unchanged == 3

    later = _run(folder, out, AFTER)
    reasons = dict(later.made)
    assert set(reasons) == {PLAN, SHEET}
    assert set(reasons.values()) == {"veiligheidspunten veranderd op deze datum (een titel of "
                                     "toestemming is afgelopen)"}
    assert _concept(out / PLAN) and _concept(out / SHEET)
    # the consent form cannot do its job any more: refused, and the complete one is gone
    assert not (out / CONSENT).exists()
    (failure,) = later.failed
    text = "\n".join(failure.reason)
    assert "titel die is afgelopen" in text
    assert f"{CONSENT} (eerder als volledig gemaakt) is verwijderd" in text
    manifest = json.loads((out / MANIFEST_NAME).read_text())["casussen"]["detentie.yaml"]
    assert CONSENT not in manifest["bestanden"]
    assert manifest["bestanden"][PLAN]["veiligheid"].startswith("concept:")

    # the same date once more (a refusal counts as a failure, so the case is made again): the
    # consent form stays refused, the plan stays a concept
    _run(folder, out, AFTER)
    assert not (out / CONSENT).exists() and _concept(out / PLAN)


def test_definitief_meets_a_concept_made_earlier(tmp_path: Path) -> None:
    folder, out = _folder(tmp_path)
    made = _run(folder, out, AFTER, requested=["levensloopplan"])
    assert not made.failed and _concept(out / PLAN)
    final = _run(folder, out, AFTER, definitive=True, requested=["levensloopplan"])
    assert PLAN not in {n for n, _r in final.made}
    text = "\n".join(line for f in final.failed for line in f.reason)
    assert "niet definitief gemaakt" in text
    assert (out / PLAN).exists()  # a CONCEPT on disk says what it is; it is not removed
