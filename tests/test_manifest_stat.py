"""An unchanged output is judged by its stat alone (issue 31: a rerun of 2,000 cases with
nothing changed under a second); every kind of change is still seen."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from levensloop_docs.batch import manifest
from levensloop_docs.batch.manifest import OutputRecord, file_hash, output_record_state
from levensloop_docs.platform_os import change_stamp

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no change stamp on Windows: always hashed")


def _record(path: Path, *, stamped: bool = True) -> OutputRecord:
    stat = path.stat()
    record = OutputRecord(document="plan", sjabloon="", documentsoort="", versie="", gegevens="",
                          programma="", opties="", veiligheid="", uitvoer=file_hash(path),
                          grootte=stat.st_size, mtime_ns=stat.st_mtime_ns)
    stamp = change_stamp(stat)
    if stamped and stamp is not None:
        record["ctime_ns"] = stamp
    return record


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    seen: list[Path] = []

    def counting(path: Path) -> str:
        seen.append(path)
        return file_hash(path)

    monkeypatch.setattr(manifest, "file_hash", counting)
    return seen


def test_an_untouched_output_is_not_read(tmp_path: Path, reads: list[Path]) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"inhoud" * 100)
    record = _record(out)
    assert output_record_state(tmp_path, "a.docx", record) is None
    assert reads == []


def test_an_edit_that_puts_size_and_time_back_is_still_seen(tmp_path: Path, reads: list[Path]) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"inhoud" * 100)
    record = _record(out)
    stat = out.stat()
    time.sleep(0.05)  # past the clock tick of the stamp (a learnt stamp is at least 2 s old)
    out.write_bytes(b"INHOUD" * 100)  # same size
    os.utime(out, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time: only ctime tells
    assert output_record_state(tmp_path, "a.docx", record) == "changed"
    assert reads == [out]


def test_an_older_record_is_hashed_once_then_learns_the_stamp(
    tmp_path: Path, reads: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"inhoud" * 100)
    record = _record(out, stamped=False)  # a new output, or a manifest from before the stamp
    assert output_record_state(tmp_path, "a.docx", record) is None
    assert "ctime_ns" not in record  # just written: its stamp may share a tick with an edit
    monkeypatch.setattr(manifest, "SETTLED_NS", 0)  # as if the next run came later
    assert output_record_state(tmp_path, "a.docx", record) is None
    assert output_record_state(tmp_path, "a.docx", record) is None
    assert reads == [out, out]
    assert record["ctime_ns"] == out.stat().st_ctime_ns


def test_a_touched_but_equal_output_counts_as_unchanged(tmp_path: Path, reads: list[Path]) -> None:
    out = tmp_path / "a.docx"
    out.write_bytes(b"inhoud" * 100)
    record = _record(out)
    os.utime(out, ns=(1, 1))
    assert output_record_state(tmp_path, "a.docx", record) is None
    assert reads == [out]
    assert (tmp_path / "b.docx").exists() is False
    assert output_record_state(tmp_path, "b.docx", record) == "missing"
