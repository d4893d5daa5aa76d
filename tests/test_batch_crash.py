"""kill -9 during ``genereer MAP``: old or new files, a consistent manifest, and a re-run finishes.

The batch runs as a real subprocess (its own process group, so the kill hits the workers
too) and is killed while it replaces the outputs of a previous run, in its first second,
or while LibreOffice makes PDFs: LibreOffice and every temporary file must go with it.
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
from _pdf_helpers import fake_soffice
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


def _finish(cases: Path, out: Path) -> str:
    proc = _genereer(cases, out)
    stdout, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    return stdout.decode()


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
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    for path in out.glob("*.docx"):
        _content(path)  # every file present is a complete zip
    _finish(cases, out)
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    recorded = {n for c in manifest["casussen"].values() for n in c["bestanden"]}
    assert recorded == {p.name for p in out.glob("*.docx")}
    assert len(manifest["casussen"]) == len(list(cases.glob("*.yaml")))


def test_outputs_of_the_first_second_survive_a_kill(tmp_path: Path) -> None:
    """The manifest is saved after the first outputs: a re-run does not make them again."""
    cases, out = tmp_path / "casussen", tmp_path / "uit"
    _corpus(cases)
    proc = _genereer(cases, out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and any(out.glob("*.docx")):
            break
        time.sleep(0.005)
    time.sleep(0.3)  # long enough to record a finished case, far less than a second
    assert proc.poll() is None, "the batch ended before it could be killed"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert (out / MANIFEST_NAME).exists(), "nothing was recorded before the kill"
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    recorded = {n for c in manifest["casussen"].values() for n in c["bestanden"]}
    assert recorded
    mtimes = {name: (out / name).stat().st_mtime_ns for name in recorded}
    summary = _finish(cases, out)
    assert f", {len(recorded)} ongewijzigd" in summary
    assert {name: (out / name).stat().st_mtime_ns for name in recorded} == mtimes


def _alive_with(marker: str) -> list[str]:
    """Processes (not zombies) whose environment mentions ``marker``: found via /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z" and marker.encode() in (entry / "environ").read_bytes():
                found.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except (OSError, IndexError):
            continue
    return found


def _wait_for_nothing_left(tmp: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive_with(str(tmp)) and not any(tmp.iterdir()):
            return
        time.sleep(0.2)
    assert _alive_with(str(tmp)) == [], "processes of the killed run are still running"
    assert sorted(p.name for p in tmp.iterdir()) == [], "temporary files of the killed run are left"


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
def test_a_killed_converter_takes_its_libreoffice_and_profile_along(tmp_path: Path) -> None:
    """Without LibreOffice: a soffice and a bridge that never answer, and a kill -9."""
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    soffice = fake_soffice(tmp_path)
    (tmp_path / "brug").mkdir()
    bridge = fake_soffice(tmp_path / "brug")  # a 'Python with uno' that never answers either
    code = (
        "from pathlib import Path; from levensloop_docs.pdf.converter import Converter\n"
        f"Converter(soffice=Path({str(soffice)!r}), uno_python={str(bridge)!r}, start_timeout=300)"
        ".convert(Path('a.docx'), Path('a.pdf'))\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, start_new_session=True,
                            env={**os.environ, "TMPDIR": str(tmp)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len([c for c in _alive_with(str(tmp)) if "sleep" in c]) < 2:
        assert proc.poll() is None
        time.sleep(0.05)
    assert len([c for c in _alive_with(str(tmp)) if "sleep" in c]) == 2  # 'soffice' and 'bridge'
    assert any(tmp.iterdir())  # the run's folder with the profile
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    _wait_for_nothing_left(tmp)


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs /proc")
@pytest.mark.parametrize("target", ["group", "batch"])
def test_kill_of_a_pdf_batch_ends_libreoffice_and_leaves_no_temporary_files(
    needs_libreoffice: None, tmp_path: Path, target: str
) -> None:
    """kill -9 of the whole process group, or of the batch process alone (its workers live on)."""
    cases, out, tmp = tmp_path / "casussen", tmp_path / "uit", tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    command = [sys.executable, "-m", "levensloop_docs", "genereer", str(cases), "--formaat", "pdf",
               "--processen", "2", "--uit"]
    cases.mkdir()
    example = EXAMPLES / "caravan-groningen.yaml"
    (cases / example.name).write_bytes(example.read_bytes())
    clean = subprocess.run([*command, str(tmp_path / "schoon")], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=600, check=False)
    assert clean.returncode == 0, clean.stderr
    assert list((tmp_path / "schoon").glob("*.pdf"))
    _wait_for_nothing_left(tmp, seconds=5)  # a clean run leaves nothing, lu*.tmp included

    _corpus_of(cases, copies=4)
    proc = subprocess.Popen([*command, str(out)], cwd=ROOT, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and any(out.glob("*.pdf")) and any("soffice" in c for c in _alive_with(str(tmp))):
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be killed"
    assert any("soffice.bin" in c for c in _alive_with(str(tmp)))
    if target == "group":
        os.killpg(proc.pid, signal.SIGKILL)
    else:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    _wait_for_nothing_left(tmp)


def _corpus_of(folder: Path, copies: int) -> None:
    for number, example in enumerate(sorted(EXAMPLES.glob("*.yaml"))):
        text = example.read_text(encoding="utf-8")
        for copy in range(copies):
            case_id = f"PDF-{number}-{copy:02d}"
            body = re.sub(r"casus_id: \S+", f"casus_id: {case_id}", text, count=1)
            (folder / f"{case_id}.yaml").write_text(body, encoding="utf-8")
