"""Reading and writing YAML: case files round-trip (comments and key order kept).

Every read refuses what is not a sensible text file before the parser sees it, so a
stray 50 MB export, a binary file or a file nested thousands deep gives a clear message
instead of a hang.

Two parsers, one strictness: ``load_yaml`` (round-trip, pure Python: comments and line
numbers, for writing and for messages) and ``parse_fast`` (libyaml through
``ruamel.yaml.clib``, several times faster, plain data) for what only reads. Whatever the
fast parser does not accept as it is (a duplicate key, a tag, a date that does not exist, a
second document) it refuses, and the caller reads the file again with ``load_yaml``, whose
message names the line.
"""

from __future__ import annotations

import functools
import io
import os
import re
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from levensloop_docs.errors import Problem, format_loc
from levensloop_docs.i18n import _

MAX_BYTES = 5 * 1024 * 1024
# A case file nests about 6 deep; the round-trip parser recurses per level and needed 30 s
# to fail on 5,000 levels, so anything beyond this is refused before a parser sees it.
MAX_DEPTH = 64
# Wide enough that a save never refolds a line the user wrote (round-trip stays byte-identical).
LINE_WIDTH = 4096
_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")


class YamlReadError(Exception):
    """Internal: carries a Problem up to the caller that knows which error type to raise."""

    def __init__(self, problem: Problem, problems: list[Problem] | None = None) -> None:
        super().__init__(problem.message)
        self.problem = problem
        self.problems = problems or [problem]  # every bad value, when there are several


def _round_trip() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = LINE_WIDTH
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read ``path`` as UTF-8 text, or raise YamlReadError with a Dutch explanation."""
    raw = _read_regular(path, max_bytes)
    if b"\x00" in raw[:8192]:
        raise YamlReadError(Problem(path, "", _("This is not a text file (it contains binary data).")))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        msg = _("The file is not saved as UTF-8 text. Save it again as UTF-8.")
        raise YamlReadError(Problem(path, "", msg, line=line)) from None
    return text


def _read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``.

    A pipe, a device or a link to one (/dev/zero) is refused before a byte is read: opening
    a pipe without a writer blocks, and a device never ends. The file is opened without
    blocking and checked on the open handle (no race with a swap), and never more than
    ``max_bytes`` + 1 bytes are read, whatever the size the file claims.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise YamlReadError(Problem(path, "", _("The file does not exist."))) from None
    except OSError:
        raise YamlReadError(Problem(path, "", _("The file cannot be read."))) from None
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            msg = _("This is not a regular file (but a pipe, a device or a folder). Give a case file.")
            raise YamlReadError(Problem(path, "", msg))
        try:
            raw = fh.read(max_bytes + 1)
        except OSError:
            raise YamlReadError(Problem(path, "", _("The file cannot be read."))) from None
    if len(raw) > max_bytes:
        size = os.stat(path).st_size
        msg = _("The file is too large ({size} MB; at most {limit} MB). Is this the right file?")
        limit = max_bytes // (1024 * 1024)
        raise YamlReadError(Problem(path, "", msg.format(size=size // (1024 * 1024), limit=limit)))
    return raw


def check_depth(path: Path, text: str) -> None:
    """Refuse at once a text nested deeper than ``MAX_DEPTH`` (raises YamlReadError).

    A cheap upper bound from the text decides for nearly every file; only when it is over
    the limit are the parser's events counted (libyaml: a loop, no recursion).
    """
    if _depth_bound(text) <= MAX_DEPTH or _nesting(text) <= MAX_DEPTH:
        return
    msg = _("The file is nested too deeply to be a case file. Is this the right file?")
    raise YamlReadError(Problem(path, "", msg))


_LINE_START = re.compile(r"^[ \t]*(?:[-?:][ \t]+)*", re.MULTILINE)


def _depth_bound(text: str) -> int:
    """At least the nesting depth of ``text``.

    A flow collection opens with ``[`` or ``{`` (every one counted, quoted or not). A block
    collection two levels down starts at least one column further right, so block depth is
    at most twice the widest start of a line (indent plus ``- ``, ``? ``, ``: `` markers).
    """
    flow = text.count("[") + text.count("{")
    widest = max(map(len, _LINE_START.findall(text)), default=0)
    return flow + 2 * widest + 2


def _nesting(text: str) -> int:
    """The real nesting depth, from the parser's events; what it cannot parse ends the count."""
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent

    depth = deepest = 0
    try:
        for event in _fast_yaml().parse(text):
            if isinstance(event, CollectionStartEvent):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > MAX_DEPTH:
                    break
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except YAMLError:
        pass  # the parser that reads the file names this error, with its line
    return deepest


class _Resolver:
    """Made on first use: ruamel's resolver with the YAML version looked up once per file.

    ruamel asks for the version for every scalar (two million times for 2,000 cases), each
    time through a caught AttributeError when the C parser is used; with the C parser the
    answer is always the loader's version (a ``%YAML`` directive is not passed on), so it is
    the same answer, given once. YAML 1.2, as the round-trip parser reads it.
    """

    made: type | None = None

    @classmethod
    def get(cls) -> type:
        if cls.made is None:
            from ruamel.yaml.nodes import ScalarNode
            from ruamel.yaml.resolver import VersionedResolver

            known: dict[str, Any] = {}  # plain scalar -> its tag; keys repeat in every file

            class OnceResolver(VersionedResolver):
                @property
                def processing_version(self) -> Any:
                    return self._loader_version or (1, 2)

                def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
                    # a plain scalar's tag depends on its text alone (one version, no path
                    # resolvers): field names and small values are looked up once per process;
                    # anything else gets the default tag of its kind, as in ruamel
                    if kind is not ScalarNode or not implicit[0] or self.yaml_path_resolvers:
                        return super().resolve(kind, value, implicit)
                    tag = known.get(value)
                    if tag is None:
                        tag = super().resolve(kind, value, implicit)
                        if len(value) <= 64 and len(known) < 50_000:
                            known[value] = tag
                    return tag

            cls.made = OnceResolver
        return cls.made


@functools.cache
def _fast_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")  # libyaml when ruamel.yaml.clib is installed, else pure Python
    if "CParser" in getattr(yaml.Parser, "__name__", ""):
        yaml.Resolver = _Resolver.get()
    return yaml


class NotFast(Exception):
    """``parse_fast`` did not accept the text: read it with ``load_yaml`` for the message."""


def parse_fast(path: Path, text: str) -> Any:
    """``text`` as plain data (dicts, lists, dates) with the C parser, for reading only.

    Raises YamlReadError for a file nested too deeply, NotFast for anything else the
    parser refuses: a duplicate key, an unknown tag, an impossible date, two documents.
    The data has no line numbers and no comments: never save it back.
    """
    return parse_fast_nodes(path, text)[0]


def parse_fast_nodes(path: Path, text: str) -> tuple[Any, Any]:
    """``parse_fast`` and the node tree it was made from (``node_line`` finds lines in it).

    The C parser composes the nodes; ``_plain`` makes the data from them for everything a
    case file holds (mappings with plain keys, lists, strings, numbers, booleans, null,
    dates). Anything else (a merge key, a tag, an alias back into itself, a duplicate key)
    goes through ruamel's own constructor, which accepts or refuses it as it always did.
    """
    from ruamel.yaml.error import YAMLError

    check_depth(path, text)
    yaml = _fast_yaml()
    try:
        root = yaml.compose(text)
        try:
            return _plain(root, yaml.constructor), root
        except _Unusual:
            return yaml.load(text), None
    except (YAMLError, ValueError, RecursionError, TypeError) as exc:
        raise NotFast from exc


class _Unusual(Exception):
    """A node ``_plain`` leaves to ruamel's constructor."""


_TAG = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR = _TAG + "map", _TAG + "seq", _TAG + "str"
_VALUES = frozenset(_TAG + name for name in ("null", "bool", "int", "float", "timestamp"))


def _plain(root: Any, constructor: Any) -> Any:
    """The data of a composed node tree, as ruamel's safe constructor makes it.

    Several times cheaper than the constructor, which builds every object through
    generators and looks each tag up as a string. A value other than a string (a number, a
    date) is still made by ruamel's own function for its tag, so it is the same value.
    Raises ``_Unusual`` for what it does not handle; the tree is at most ``MAX_DEPTH`` deep.
    """
    return None if root is None else _Plain(constructor).build(root)


class _Plain:
    def __init__(self, constructor: Any) -> None:
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        self.constructor = constructor
        self.makers = constructor.yaml_constructors
        self.kinds = ScalarNode, MappingNode, SequenceNode
        self.made: dict[int, Any] = {}  # an alias is the same node: the same object, as in ruamel

    def scalar(self, node: Any) -> Any:
        tag = node.ctag.trval
        if tag == _STR:
            return node.value
        if tag in _VALUES:
            return self.makers[tag](self.constructor, node)
        raise _Unusual

    def build(self, node: Any) -> Any:
        scalar, mapping, sequence = self.kinds
        kind = type(node)
        if kind is scalar:
            return self.scalar(node)
        seen = self.made.get(id(node), self)
        if seen is None:  # an alias inside the node it names
            raise _Unusual
        if seen is not self:
            return seen
        self.made[id(node)] = None
        tag = node.ctag.trval
        if kind is mapping and tag == _MAP:
            data: Any = self.mapping(node.value)
        elif kind is sequence and tag == _SEQ:
            data = [self.build(item) for item in node.value]
        else:
            raise _Unusual
        self.made[id(node)] = data
        return data

    def mapping(self, pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
        data: dict[Any, Any] = {}
        scalar = self.kinds[0]
        for key_node, value_node in pairs:
            if type(key_node) is not scalar:
                raise _Unusual
            key = self.scalar(key_node)
            if key in data:  # a duplicate: ruamel's constructor names it
                raise _Unusual
            data[key] = self.build(value_node)
        return data


T = TypeVar("T")


def compose_fast(text: str) -> Any:
    """The node tree of ``text`` by the C parser (positions, no values): lines for messages
    about a file that ``parse_fast`` read, without the round-trip parser."""
    return _fast_yaml().compose(text)


def node_line(root: Any, loc: tuple[str | int, ...]) -> int | None:
    """``line_of`` on a node tree from ``compose_fast``: the line of the deepest key (or list
    item) of ``loc`` that is there, as the round-trip data gives it."""
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    node, line = root, None
    for key in loc:
        if isinstance(node, MappingNode) and isinstance(key, str):
            pairs = node.value
            found = next(((k, v) for k, v in pairs if isinstance(k, ScalarNode) and k.value == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def load_checked(path: Path, check: Callable[[Any], T], max_bytes: int = MAX_BYTES) -> T:
    """``check(load_yaml(path))`` for a file that is only read: the C parser first.

    ``check`` validates the data and raises with line numbers (``line_of``) when it is
    wrong. Only when the fast parser refuses the text, or ``check`` raises on its plain
    data, is the file read again round-trip and checked again: that raises what it always
    did, with the lines.
    """
    text = read_text(path, max_bytes)
    try:
        raw = parse_fast(path, text)
    except NotFast:
        return check(load_yaml(path, max_bytes=max_bytes))
    try:
        return check(raw)
    except Exception:  # whatever it is, the round-trip data says it again, with its line
        return check(load_yaml(path, max_bytes=max_bytes))


def load_yaml(path: Path, *, round_trip: bool = True, max_bytes: int = MAX_BYTES) -> Any:
    """Parse a YAML file. Round-trip mode keeps comments and line numbers for messages.

    Without round trip the C parser reads it; what it refuses is read again by the pure
    parser, whose message says the same as ever.
    """
    text = read_text(path, max_bytes)
    check_depth(path, text)
    if not round_trip:
        try:
            return parse_fast(path, text)
        except NotFast:
            pass
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = _round_trip() if round_trip else YAML(typ="safe", pure=True)
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        raise YamlReadError(_marked_problem(path, exc, text)) from None
    except YAMLError:
        msg = _("This is not valid YAML. Check indentation, colons and quotes.")
        raise YamlReadError(Problem(path, "", msg)) from None
    except RecursionError:
        msg = _("The file is nested too deeply to be a case file. Is this the right file?")
        raise YamlReadError(Problem(path, "", msg)) from None
    except ValueError:
        # The YAML loader turns 2026-02-31, hour 25 or a 5,000-digit number into a value
        # itself and fails without a position: find the values again, with line and field.
        date_msg = _("This date does not exist. Check day and month.")
        problems = _value_problems(path, text) or [Problem(path, "", date_msg, _impossible_date_line(text))]
        raise YamlReadError(problems[0], problems) from None


def _marked_problem(path: Path, exc: Any, text: str) -> Problem:
    from ruamel.yaml.constructor import DuplicateKeyError

    mark = exc.problem_mark or exc.context_mark
    at_end = mark is not None and mark.line + 1 >= text.count("\n")
    if at_end and exc.context_mark is not None:
        mark = exc.context_mark  # an unclosed quote or bracket: point where it was opened
    line = mark.line + 1 if mark is not None else None
    if isinstance(exc, DuplicateKeyError):
        msg = _("A field appears twice in the same section. Keep one of them.")
    elif "another document" in str(getattr(exc, "problem", "")):
        msg = _("A case file holds one case. Remove the line '---' and what follows, or split the file.")
    else:
        msg = _("This is not valid YAML. Check indentation, colons and quotes.")
    return Problem(path, "", msg, line)


def _value_problems(path: Path, text: str) -> list[Problem]:
    """Every value the loader cannot make (a date, a time, a number), with line and field.

    The document is composed again (structure only, no values made) and each scalar is
    made on its own, so the one that fails is known together with its place.
    """
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    yaml = _round_trip()
    try:
        root = yaml.compose(text)
    except Exception:  # the first load got past composing; be safe, fall back to the old search
        return []
    problems: list[Problem] = []
    seen: set[int] = set()
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(root, ())]
    while stack:  # a loop, not recursion: a deep file must not end in RecursionError here
        node, loc = stack.pop()
        if node is None or id(node) in seen:  # an alias points back at a node already seen
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode):
            message = _bad_value(yaml, node)
            if message:
                problems.append(Problem(path, format_loc(loc), message, node.start_mark.line + 1))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                name = key.value if isinstance(key, ScalarNode) else "?"
                stack.append((value, (*loc, str(name))))
                stack.append((key, loc))  # a bad key belongs to its section
        elif isinstance(node, SequenceNode):
            stack.extend((item, (*loc, i)) for i, item in reversed(list(enumerate(node.value))))
    return problems


def _bad_value(yaml: Any, node: Any) -> str | None:
    """Why the loader cannot make this scalar, in Dutch; None when it can."""
    try:
        yaml.constructor.construct_object(node, deep=True)
        return None
    except ValueError:
        pass
    except Exception:  # other errors have their own message with a line; not ours to explain
        return None
    tag = str(getattr(node.tag, "value", node.tag))
    if tag.endswith(":int"):
        return _("This number has far too many digits. Check the field.")
    if tag.endswith(":timestamp"):
        value = str(node.value)
        if value[:4] == "0000":
            return _("The year 0000 does not exist. Check the year.")
        if len(value) > 10:
            return _(
                "This date and time do not exist. Check day, month and time (hours 0 to 23, minutes 0 to 59)."
            )
        return _("This date does not exist. Check day and month.")
    return _("This value cannot be read. Check the field.")


def _impossible_date_line(text: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        for m in _ISO_DATE.finditer(line.split("#", 1)[0]):
            try:
                date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return number
    return None


def dump_yaml(data: Any) -> str:
    """Serialise round-trip data (CommentedMap) back to text, comments included."""
    stream = io.StringIO()
    _round_trip().dump(data, stream)
    return stream.getvalue()


def line_of(data: Any, loc: tuple[str | int, ...]) -> int | None:
    """The 1-based line in the source of the node at ``loc``, as far as it can be followed."""
    node = data
    line: int | None = None
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if lc is not None:
                position = lc.item(key) if isinstance(key, int) else lc.key(key)
                line = position[0] + 1
            node = node[key]
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return line
