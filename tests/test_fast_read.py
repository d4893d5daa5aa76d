"""Reading a case with the C parser (``read_case``) gives what the round-trip parser gives.

The fast read serves rendering, checking and the overviews; ``load_case`` (round-trip) stays
for editing and for every message with a line. A file the fast read does not accept as it is
goes to ``load_case``, so a broken file gets exactly the round-trip message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from levensloop_docs import yamlio
from levensloop_docs.case.casefile import load_case, read_case
from levensloop_docs.case.check import check_files
from levensloop_docs.errors import CaseFileError

BROKEN = Path(__file__).parent / "corpus" / "kapot"
VALID = Path(__file__).parent / "corpus" / "geldig.yaml"


def _no_round_trip(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> Any:
        raise AssertionError("the round-trip parser ran")

    monkeypatch.setattr(yamlio, "_round_trip", refuse)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_a_valid_case_is_read_without_the_round_trip_parser(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    slow = load_case(path, today=TODAY)
    _no_round_trip(monkeypatch)
    fast = read_case(path, today=TODAY)
    assert fast.casus == slow.casus
    assert fast.digest == slow.digest
    assert isinstance(fast.raw, dict) and not hasattr(fast.raw, "lc")  # plain data: never saved back


@pytest.mark.parametrize("path", sorted(p for p in BROKEN.glob("*.yaml")), ids=lambda p: p.name)
def test_a_broken_case_gets_the_round_trip_message(path: Path) -> None:
    with pytest.raises(CaseFileError) as slow:
        load_case(path, today=TODAY)
    with pytest.raises(CaseFileError) as fast:
        read_case(path, today=TODAY)
    assert fast.value.lines() == slow.value.lines()


def test_warnings_keep_their_line_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """controleer shows warnings with their line; the C parser's nodes give the same lines
    as the round-trip data, which is not read (a third of all cases have a warning)."""
    slow = load_case(VALID, today=TODAY)
    assert any(w.line for w in slow.warnings)
    _no_round_trip(monkeypatch)
    assert read_case(VALID, today=TODAY, warning_lines=True).warnings == slow.warnings
    quick = read_case(VALID, today=TODAY)  # rendering shows no warnings: no lines looked up
    assert [w.message for w in quick.warnings] == [w.message for w in slow.warnings]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=40).filter(lambda s: s.strip() != ""))
def test_free_text_reads_the_same_both_ways(name: str, tmp_path: Path) -> None:
    """Whatever a user types in a text field, written by the program, reads back the same."""
    data = yamlio.load_yaml(EXAMPLES / "caravan-groningen.yaml")
    data["persoon"]["roepnaam"] = name
    path = tmp_path / "casus.yaml"
    path.write_text(yamlio.dump_yaml(data), encoding="utf-8")
    try:
        slow = load_case(path, today=TODAY)
    except CaseFileError as exc:
        with pytest.raises(CaseFileError) as fast_error:
            read_case(path, today=TODAY)
        assert fast_error.value.lines() == exc.lines()
        return
    assert read_case(path, today=TODAY).casus == slow.casus


def _deep_flow(tmp_path: Path) -> Path:
    path = tmp_path / "diep.yaml"
    path.write_text("meta: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    return path


def _deep_block(tmp_path: Path) -> Path:
    path = tmp_path / "diep.yaml"
    path.write_text("meta:\n" + "- " * 5000 + "x\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [_deep_flow, _deep_block])
@pytest.mark.parametrize("read", [load_case, read_case])
def test_a_deep_file_is_refused_before_any_parser_builds_it(
    make: Any, read: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """10 KB nested 5,000 deep: refused by the depth scan, not after the parser recursed
    (issue 29: that took 30 s). Neither parser may build the document."""
    path = make(tmp_path)
    assert path.stat().st_size <= 11_000
    _no_round_trip(monkeypatch)

    real = yamlio._fast_yaml()

    class EventsOnly:  # the depth scan reads events; building the document is refused
        parse = real.parse

        def load(self, _text: str) -> Any:
            raise AssertionError("the fast parser built the document")

    monkeypatch.setattr(yamlio, "_fast_yaml", EventsOnly)
    with pytest.raises(CaseFileError) as exc:
        read(path, today=TODAY)
    assert "te diep genest" in exc.value.lines()[1]


def test_depth_up_to_the_limit_is_read(tmp_path: Path) -> None:
    deep = "a: " + "[" * (yamlio.MAX_DEPTH - 1) + "]" * (yamlio.MAX_DEPTH - 1) + "\n"
    yamlio.check_depth(tmp_path / "x.yaml", deep)  # no error
    with pytest.raises(yamlio.YamlReadError):
        yamlio.check_depth(tmp_path / "x.yaml", "a: " + "[" * yamlio.MAX_DEPTH + "]" * yamlio.MAX_DEPTH)


def test_the_depth_bound_is_never_below_the_real_depth() -> None:
    texts = [
        (EXAMPLES / "detentie-midden-nederland.yaml").read_text(encoding="utf-8"),
        "a:\n- b:\n  - c:\n    - d: 1\n",
        "- - - - x\n",
        "? - a\n  - b\n: {c: [d, {e: f}]}\n",
        "a: '[[[['\nb: ]]]]\n",
    ]
    for text in texts:
        assert yamlio._depth_bound(text) >= yamlio._nesting(text), text


def test_controleer_in_workers_finds_what_one_process_finds(tmp_path: Path) -> None:
    """Over many files the check runs in worker processes: same problems, same order."""
    import shutil

    files = []
    for number, source in enumerate([*sorted(BROKEN.glob("*.yaml")), VALID] * 2):
        target = tmp_path / f"{number:03d}-{source.name}"
        shutil.copy(source, target)
        files.append(target)
    alone = check_files(files, workers=1)
    together = check_files(files, workers=2)
    assert together == alone
    assert len({p.file for p in alone if not p.warning}) >= len(files) // 2
    assert any("staat ook in" in p.message for p in alone)  # the copied valid case, twice


def test_node_lines_are_the_round_trip_lines() -> None:
    """Every place in every example: ``node_line`` on the C parser's nodes = ``line_of``."""
    def places(node: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
        found = [loc]
        if isinstance(node, dict):
            for key, value in node.items():
                found += places(value, (*loc, str(key)))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                found += places(value, (*loc, index))
        return found

    for path in [*sorted(EXAMPLES.glob("*.yaml")), VALID]:
        text = path.read_text(encoding="utf-8")
        data, root = yamlio.load_yaml(path), yamlio.compose_fast(text)
        for loc in [*places(data), ("bestaat", "niet"), ("meta", "bestaat_niet"), ("levensgebieden", 99)]:
            assert yamlio.node_line(root, loc) == yamlio.line_of(data, loc), (path.name, loc)


ODD_YAML = [
    "a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: 2026-12-08\ng: 2026-12-08 10:30:00\nh: '12'\n"
    "i: 0o17\nj: .inf\n",
    "a: &x {b: [1, 2]}\nc: *x\nd: *x\n",  # an alias: the same object, as ruamel makes it
    "base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n",  # a merge key
    "a: !!set {x, y}\nb: !!binary aGFsbG8=\n",
    "a: !eigen x\n",
    "a: 1\na: 2\n",  # a duplicate key
    "? [a, b]\n: 1\n",  # a key that is a list
    "=: 1\n",
    "a: &r [1, *r]\n",  # an alias inside itself
    "a: 2026-02-31\n",
    "",
    "- 1\n- [2, {3: drie}]\n- 'yes'\n- yes\n- 1_000\n",
]


@pytest.mark.parametrize("text", ODD_YAML)
def test_the_fast_constructor_makes_what_ruamel_makes(text: str) -> None:
    """``parse_fast`` builds the data from the C parser's nodes itself; for every kind of
    node it either makes what ruamel's safe constructor makes or leaves it to it."""
    try:
        expected: Any = yamlio._fast_yaml().load(text)
    except Exception as exc:  # whatever ruamel refuses, the fast read refuses
        with pytest.raises(yamlio.NotFast):
            yamlio.parse_fast(Path("x.yaml"), text)
        assert exc is not None
        return
    got, nodes = yamlio.parse_fast_nodes(Path("x.yaml"), text)
    if text in ODD_YAML[:2]:  # the common kinds are made from the nodes, not by ruamel
        assert nodes is not None
    try:
        assert repr(got) == repr(expected)  # repr: the types too (a date is no datetime)
    except RecursionError:
        assert type(got) is type(expected)
    if isinstance(expected, dict) and "d" in expected and "c" in expected and "a" in expected:
        assert (got["c"] is got["d"]) == (expected["c"] is expected["d"])
