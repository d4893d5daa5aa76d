"""The overview cache keeps only what the overviews print, and ``cache wis`` removes it (F12).

The sentinel case (a unique marker in every text field, a birth date, phone numbers) is put in
a folder; overzicht, agenda and monitor run over it; then every leaf of the cache is walked: a
text in it must be printed by one of the overviews, and the birth date, the phone numbers, the
problems and every other contact's name must not be in it at all.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from conftest import RunCli
from test_partner_sentinel import case_file, sentinel_case

MARKER = re.compile(r"MK\d{4}Z")


def leaves(data: Any, path: str = "") -> list[tuple[str, Any]]:
    if isinstance(data, dict):
        return [leaf for k, v in data.items() for leaf in leaves(v, f"{path}.{k}" if path else k)]
    if isinstance(data, list):
        return [leaf for v in data for leaf in leaves(v, f"{path}[]")]
    return [(path, data)]


def printed(out: Path) -> str:
    """Every text the overviews wrote (HTML without tags, CSV as is)."""
    texts = []
    for path in sorted(out.rglob("*")):
        if path.suffix == ".html":
            texts.append(html.unescape(re.sub(r"<[^>]+>", " ", path.read_text("utf-8"))))
        elif path.suffix == ".csv":
            texts.append(path.read_text("utf-8-sig"))
    return "\n".join(texts)


def cache_payload() -> dict[str, Any]:
    from levensloop_docs.overview.cache import PREFIX, cache_dir

    [path] = cache_dir().glob(f"{PREFIX}*.json")
    payload: dict[str, Any] = json.loads(path.read_text("utf-8").partition("\n")[2])
    return payload


def test_the_cache_holds_only_what_the_overviews_print(run_cli: RunCli, tmp_path: Path) -> None:
    data, markers = sentinel_case("vrijwillig")
    folder = tmp_path / "casussen"
    folder.mkdir()
    case_file(data, folder / "jansen-jan.yaml")
    out = tmp_path / "uit"
    for args in (["overzicht", folder, "--uit", out, "--formaat", "html,csv", "--per", "1-4-2027"],
                 ["agenda", folder, "--datum", "1-4-2027", "--regio", "groningen", "--uit", out,
                  "--formaat", "html"],
                 ["monitor", folder, "--regio", "groningen", "--van", "1-1-2026", "--tot", "31-12-2026",
                  "--uit", out, "--formaat", "html,csv"]):
        result = run_cli(*args)
        assert result.code == 0, result.err
    shown = printed(out)
    payload = cache_payload()
    cases = payload["cases"]
    assert len(cases) == 1 and "jansen" not in json.dumps(payload)  # not even the file name
    walked = leaves(cases)
    assert len(walked) > 50  # the walk reaches the case, not only the entry's envelope
    by_text = {m.text: m for m in markers.all}
    kept = []
    for path, value in walked:
        assert "geboortedatum" not in path and "problematiek" not in path, path
        if not isinstance(value, str):
            continue
        assert value not in ("1980-01-01", "050-0000000", "050-0000999"), (path, value)
        assert "@" not in value, (path, value)  # no e-mail address
        for marker in MARKER.findall(value):
            kept.append(by_text[marker].path)
            assert marker in shown, f"{path}: {by_text[marker].path} staat in de cache maar op geen overzicht"
    # the one name the overviews print is the casusregisseur's; the rest are organisations
    printed_texts = {"aanmelding.casusregisseur", "aanmelding.aanmelder.organisatie",
                     "netwerk.partners[].organisatie"}
    assert "aanmelding.casusregisseur" in kept and set(kept) <= printed_texts, kept
    assert str(folder.resolve()) not in json.dumps(payload)


def test_cache_wis_removes_the_cache_and_says_what(run_cli: RunCli, tmp_path: Path) -> None:
    from levensloop_docs.overview.cache import cache_dir

    data, _markers = sentinel_case("vrijwillig")
    folder = tmp_path / "casussen"
    folder.mkdir()
    case_file(data, folder / "casus.yaml")
    assert run_cli("overzicht", folder).code == 0
    assert list(cache_dir().glob("overzichtcache-*.json"))
    result = run_cli("cache", "wis")
    assert result.code == 0, result.err
    assert "verwijderd" in result.out and "overzichten" in result.out and str(cache_dir()) in result.out
    assert not list(cache_dir().glob("overzichtcache-*")) if cache_dir().exists() else True
    again = run_cli("cache", "wis")
    assert again.code == 0 and "niets verwijderd" in again.out


def test_the_cache_of_a_removed_folder_goes_on_the_next_overview(run_cli: RunCli, tmp_path: Path) -> None:
    import shutil

    from levensloop_docs.overview.cache import MAX_DAYS, cache_dir, sweep

    data, _markers = sentinel_case("vrijwillig")
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
        case_file(data, folder / "casus.yaml")
        assert run_cli("overzicht", folder).code == 0
    assert len(list(cache_dir().glob("overzichtcache-*.json"))) == 2
    shutil.rmtree(first)  # archived or deleted: its cache goes with the next overview of any folder
    assert run_cli("overzicht", second).code == 0
    assert len(list(cache_dir().glob("overzichtcache-*.json"))) == 1
    legacy = cache_dir() / "overzicht-0123456789abcdef0123.json"  # a cache of a version before 0.2
    legacy.write_text("{}", "utf-8")
    import time

    gone = sweep(time.time() + (MAX_DAYS + 1) * 86400)  # a month unused: removed too
    assert legacy in gone and not list(cache_dir().glob("overzicht*"))
