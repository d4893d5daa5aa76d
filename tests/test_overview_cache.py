"""The overviews' cache: same results as reading every file, no names kept, safe to lose."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from _overview_cases import write_case
from test_agenda import MEETING
from test_agenda import _folder as agenda_folder

from levensloop_docs.overview import cases as cases_module
from levensloop_docs.overview.agenda import agenda_items
from levensloop_docs.overview.cache import cache_file
from levensloop_docs.overview.cases import load_folder
from levensloop_docs.overview.deadlines import overview_rows
from levensloop_docs.overview.monitor import Period
from levensloop_docs.overview.monitor_report import build_report

DAY = date(2026, 12, 10)


def _all_results(folder: Path, use_cache: bool) -> tuple[object, ...]:
    found = load_folder(folder, DAY, use_cache=use_cache)
    report = build_report(found, "drenthe", Period(date(2026, 1, 1), DAY), 2, DAY)
    return (overview_rows(found.cases, DAY), agenda_items(found.cases, MEETING),
            report.tables, report.context)


def test_cached_cases_give_the_same_overview_agenda_and_monitor(tmp_path: Path) -> None:
    folder = agenda_folder(tmp_path)
    write_case(folder, 7, status="uitgestroomd", besluit="geincludeerd", besluit_datum=date(2026, 2, 1),
               **{"uitstroom.datum": date(2026, 10, 1), "persoon.geslacht": "vrouw"})
    fresh = _all_results(folder, use_cache=False)
    first = _all_results(folder, use_cache=True)  # fills the cache
    assert cache_file(folder).is_file()
    second = _all_results(folder, use_cache=True)  # from the cache
    assert fresh == first == second


def _stored(folder: Path) -> dict[str, Any]:
    """The cache's JSON (after its checksum line)."""
    text = cache_file(folder).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text.partition("\n")[2])
    return data


def test_a_removed_case_leaves_the_cache_and_the_results(tmp_path: Path) -> None:
    folder = agenda_folder(tmp_path)
    load_folder(folder, DAY)
    gone = sorted(folder.glob("*.yaml"))[0]
    gone.unlink()
    found = load_folder(folder, DAY)
    assert len(found.cases) == 5
    assert gone.name not in _stored(folder)["cases"] and len(_stored(folder)["cases"]) == 5


def test_a_new_program_version_empties_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from levensloop_docs.overview import cache

    folder = agenda_folder(tmp_path)
    load_folder(folder, DAY)
    before = _stored(folder)["environment"]
    read: list[Path] = []
    monkeypatch.setattr(cache, "__version__", "99.0.0")
    cache.environment_key.cache_clear()
    real = cases_module.load_one

    def counted(path: Path, *args: Any) -> Any:
        read.append(path)
        return real(path, *args)

    monkeypatch.setattr(cases_module, "load_one", counted)
    try:
        assert len(load_folder(folder, DAY).cases) == 6
    finally:
        cache.environment_key.cache_clear()
    assert len(read) == 6  # every case read again
    assert _stored(folder)["environment"] != before


def test_a_changed_byte_in_the_cache_is_never_trusted(tmp_path: Path) -> None:
    folder = agenda_folder(tmp_path)
    fresh = _all_results(folder, use_cache=False)
    load_folder(folder, DAY)
    path = cache_file(folder)
    text = path.read_text(encoding="utf-8")
    # still valid JSON, still the file's checksum line: a case without its status
    path.write_text(text.replace('"status":"geincludeerd"', '"statuz":"geincludeerd"', 1), encoding="utf-8")
    assert _all_results(folder, use_cache=True) == fresh
    assert '"statuz"' not in path.read_text(encoding="utf-8")  # rebuilt


def test_many_files_read_in_workers_give_the_same_results(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Over PARALLEL_FROM files the cold read uses worker processes: same cases, same broken files."""
    folder = agenda_folder(tmp_path)
    for number in range(10, 10 + cases_module.PARALLEL_FROM):
        write_case(folder, number, status="aangemeld", aangemeld=date(2026, 11, 1))
    (folder / "kapot-a.yaml").write_text("meta: [", encoding="utf-8")
    (folder / "kapot-b.yaml").write_text("meta:\n  casus_id: LLA-2026-0999\n", encoding="utf-8")
    parallel = load_folder(folder, DAY, use_cache=False)
    monkeypatch.setattr(cases_module, "PARALLEL_FROM", 10_000)
    alone = load_folder(folder, DAY, use_cache=False)
    names = ["kapot-a.yaml", "kapot-b.yaml"]
    assert [p.name for p in parallel.broken] == names == [p.name for p in alone.broken]
    assert parallel.broken == alone.broken
    assert overview_rows(parallel.cases, DAY) == overview_rows(alone.cases, DAY)
    assert [c.meta.casus_id for c in parallel.cases] == [c.meta.casus_id for c in alone.cases]


def test_cache_keeps_no_names_and_is_owner_only(tmp_path: Path) -> None:
    folder = agenda_folder(tmp_path)
    load_folder(folder, DAY)
    path = cache_file(folder)
    text = path.read_text(encoding="utf-8")
    assert "Persoon 1" not in text and "Ilse" not in text and "toezicht" not in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_a_changed_file_is_read_again_and_a_damaged_cache_is_rebuilt(tmp_path: Path) -> None:
    folder = agenda_folder(tmp_path)
    load_folder(folder, DAY)
    path = write_case(folder, 1, status="aangemeld", aangemeld=date(2026, 12, 2))
    found = load_folder(folder, DAY)
    case = next(c for c in found.cases if c.meta.casus_id.endswith("00001"))
    assert case.aanmelding is not None and case.aanmelding.datum == date(2026, 12, 2)
    cache_file(folder).write_text("{kapot", encoding="utf-8")
    assert len(load_folder(folder, DAY).cases) == 6
    assert _stored(folder)["cases"]
    path.write_text("meta: [", encoding="utf-8")  # now broken: named, never served from the cache
    assert list(load_folder(folder, DAY).broken) == [path]


def test_a_case_valid_later_is_checked_again_for_an_earlier_day(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    taxatie = [{"instrument": "HKT-R", "datum": date(2026, 12, 1), "uitkomst": "Matig."}]
    path = write_case(folder, 1, status="aangemeld", **{"risicotaxaties": taxatie})
    assert load_folder(folder, DAY).cases  # valid on 10 December, and cached
    early = load_folder(folder, date(2026, 11, 1))  # the taxatie lies in the future then
    assert list(early.broken) == [path] and not early.cases


def test_restore_builds_the_same_model_as_validation() -> None:
    from conftest import example_paths

    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.model.casus import Casus
    from levensloop_docs.model.vocab import load_vocabularies
    from levensloop_docs.overview.cache import prune, restore

    vocab = load_vocabularies()
    for path in example_paths():
        data = _stand_ins(prune(load_case(path, today=DAY).casus))
        validated = Casus.model_validate(data, context={"vocab": vocab})
        assert restore(json.loads(json.dumps(data)), vocab) == validated


def _stand_ins(data: dict[str, Any]) -> dict[str, Any]:
    """The pruned case with a valid value where it keeps only a dot (a phone, the stay), and
    without the age band: what validation accepts, to compare the two ways of building it."""
    data = json.loads(json.dumps(data))
    data.pop("leeftijd", None)
    data["persoon"]["verblijf"] = "zelfstandig"
    for p in data.get("netwerk", {}).get("partners", []):
        for key in ("telefoon", "buiten_kantoortijd"):
            if p.get(key):
                p[key] = "0500000000"
    return data


def test_fast_construct_equals_pydantic_model_construct() -> None:
    """The cache's own construct gives what pydantic's gives: values, defaults, fields set."""
    from conftest import example_paths

    from levensloop_docs.case.casefile import load_case
    from levensloop_docs.overview import cache

    for path in example_paths():
        data = json.loads(json.dumps(cache.prune(load_case(path, today=DAY).casus)))
        data.pop("leeftijd", None)  # the made-up birth date: compared in the results test
        fast = cache.restore(data, None)  # type: ignore[arg-type]
        slow = _slow_construct(type(fast), data)
        assert fast == slow and fast.model_dump() == slow.model_dump()
        assert fast.model_fields_set == slow.model_fields_set
        assert fast.persoon.model_fields_set == slow.persoon.model_fields_set
        fast.netwerk.naasten.append(None)  # type: ignore[arg-type]  # a default list is never shared
        assert not cache.restore(data, None).netwerk.naasten  # type: ignore[arg-type]


def _slow_construct(model: type, data: object) -> object:
    """pydantic's ``model_construct`` all the way down, with the cache's conversions."""
    from pydantic import BaseModel

    from levensloop_docs.overview.cache import _plan

    assert isinstance(data, dict) and issubclass(model, BaseModel)
    fields, _fast = _plan(model)
    values = {name: convert(data[name]) for name, (convert, _d) in fields.items() if name in data}
    return model.model_construct(_fields_set=set(values), **values)
