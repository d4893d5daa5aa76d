"""kill -9 during ``genereer MAP``: old or new files, a consistent manifest, and a re-run finishes.

The batch runs as a real subprocess (its own process group, so the kill hits the workers
too) and is killed while it replaces the outputs of a previous run.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT

from levensloop_docs.batch.manifest import MANIFEST_NAME, file_hash

COPIES = 30  # per example: enough work that the kill lands in the middle


def _corpus(folder: Path) -> None:
    folder.mkdir()
    for number, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        text = example.read_text(encoding="utf-8")
        for copy in range(COPIES):
            case_id = f"TST-{number}-{copy:04d}"
            body = re.sub(r"casus_id: \S+", f"casus_id: {case_id}", text, count=1)
            (folder / f"{case_id}.yaml").write_text(body, encoding="utf-8")


def _rename_everyone(folder: Path) -> None:
    """Change every case so that every output is made again, with visibly different text."""
    for path in folder.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        changed = re.sub(r"(\npersoon:\n(?:  .*\n)*?  naam: )(.*)", r"\1\2 Tweede", text, count=1)
        assert changed != text, path
        path.write_text(changed, encoding="utf-8")


def _genereer(cases: Path, out: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "levensloop_docs", "genereer", str(cases), "--uit", str(out)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def _finish(cases: Path, out: Path) -> None:
    proc = _genereer(cases, out)
    _out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()


def _content(path: Path) -> dict[str, bytes]:
    """Every part of a DOCX except the core properties (they hold the time of making)."""
    with zipfile.ZipFile(path) as zf:
        assert zf.testzip() is None
        return {n: zf.read(n) for n in zf.namelist() if n != "docProps/core.xml"}


def _snapshot(out: Path) -> dict[str, dict[str, bytes]]:
    return {p.name: _content(p) for p in sorted(out.glob("*.docx"))}


def _kill_midway(cases: Path, out: Path, old: dict[str, int]) -> None:
    """Start the batch and SIGKILL its whole process group once some outputs are replaced."""
    proc = _genereer(cases, out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        replaced = sum(1 for name, mtime in old.items()
                       if (out / name).exists() and (out / name).stat().st_mtime_ns != mtime)
        if replaced >= 15:
            break
        assert proc.poll() is None, "the batch ended before it could be killed"
        time.sleep(0.005)
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert replaced < len(old), "everything was already replaced: the kill came too late"


def test_kill_during_batch_then_rerun_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    cases, out, reference = tmp_path / "casussen", tmp_path / "uit", tmp_path / "referentie"
    _corpus(cases)
    _finish(cases, out)
    before = _snapshot(out)
    mtimes = {name: (out / name).stat().st_mtime_ns for name in before}
    _rename_everyone(cases)
    _finish(cases, reference)
    after = _snapshot(reference)
    assert before.keys() == after.keys() and before != after

    _kill_midway(cases, out, mtimes)

    # every output is the old complete file or the new complete file
    killed = _snapshot(out)
    assert killed.keys() == before.keys()
    states = {name: "old" if content == before[name] else "new" if content == after[name] else "?"
              for name, content in killed.items()}
    assert "?" not in states.values()
    assert "new" in states.values() and "old" in states.values()
    # the manifest is readable and never vouches for an old file as if it were new
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    for record in manifest["casussen"].values():
        for name, entry in record["bestanden"].items():
            if file_hash(out / name) != entry["uitvoer"]:
                assert states[name] == "new", name  # renamed in place, not yet recorded: made again

    _finish(cases, out)
    assert _snapshot(out) == after
    assert not list(out.glob(".*.tmp"))
    ref_manifest = json.loads((reference / MANIFEST_NAME).read_text())
    final = json.loads((out / MANIFEST_NAME).read_text())
    assert {k: sorted(v["bestanden"]) for k, v in final["casussen"].items()} == {
        k: sorted(v["bestanden"]) for k, v in ref_manifest["casussen"].items()}
    for record in final["casussen"].values():
        for name, entry in record["bestanden"].items():
            assert file_hash(out / name) == entry["uitvoer"]
    dry = subprocess.run(
        [sys.executable, "-m", "levensloop_docs", "genereer", str(cases), "--uit", str(out), "--droog"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )
    assert "Zou 0 bestanden maken" in dry.stdout


@pytest.mark.parametrize("when", ["early", "late"])
def test_kill_at_any_moment_leaves_no_half_file(tmp_path: Path, when: str) -> None:
    """Killed right at the start or near the end of a first run: the re-run completes it."""
    cases, out = tmp_path / "casussen", tmp_path / "uit"
    _corpus(cases)
    proc = _genereer(cases, out)
    wanted = 1 if when == "early" else 120
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and len(list(out.glob("*.docx"))) >= wanted:
            break
        time.sleep(0.005)
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    for path in out.glob("*.docx"):
        _content(path)  # every file present is a complete zip
    _finish(cases, out)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    recorded = {n for c in manifest["casussen"].values() for n in c["bestanden"]}
    assert recorded == {p.name for p in out.glob("*.docx")}
    assert len(manifest["casussen"]) == len(list(cases.glob("*.yaml")))
