"""YAML text -> plain Python data, with the position of every key and value.

Why not ruamel.yaml's own constructor: this module walks the parser's *events* with an explicit
stack, so that in one pass it can
- keep a position for every node (error messages point at the exact line and column),
- stop at the first node past a limit (deep nesting, alias bombs) before the work they would cause,
- refuse duplicate keys and every explicit tag, so nothing in a file can ask for an object to be built.
Scalars stay strings (``yes`` is not a boolean, ``2026`` is a valid id); only an empty or ``null``
plain scalar becomes None. Converting strings to dates and numbers is the model's job.
"""

from __future__ import annotations

import codecs
import importlib.util
import re
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from ruamel.yaml.reader import ReaderError

from roadmap_cli.findings import Finding, Position, error
from roadmap_cli.messages import Amount, say


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds enforced before the work they protect; documented in the README."""

    max_bytes: int = 64 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 10_000  # nodes that aliases may add, counted as if copied out
    max_scalar_chars: int = 100_000


DEFAULT_LIMITS = Limits()

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_MAP_TAGS = frozenset({None, "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "tag:yaml.org,2002:seq"})
UTF8_BOM = b"\xef\xbb\xbf"
_CHECKED_BYTES = 1 << 20
_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_like(raw: bytes, text: str) -> bytes:
    """`text` as the bytes of a file that was `raw`: UTF-8, with a byte-order mark if `raw` had one."""
    return (UTF8_BOM if raw.startswith(UTF8_BOM) else b"") + text.encode("utf-8")


FOREIGN_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


# A place as one int, line << 32 | column (0-based, as the parser counts), kept in one array of
# 64-bit ints for the whole file: no object at all per key and value.
Mark = int
_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


@dataclass(slots=True)
class SourceNode:
    """A mapping or a sequence: where its keys and items stand, as an index into the map's marks.

    Compact, because a large roadmap has hundreds of thousands of them: a mapping's marks are key,
    value, key, value..., its key names are a tuple shared by every mapping with the same keys, and
    only the items that are mappings or sequences themselves have a node.
    """

    keys: tuple[str, ...] | None  # a mapping's keys in file order; None for a sequence
    length: int  # how many keys or items
    start: int  # where its first mark is in the map's array
    nested: tuple[SourceNode | None, ...] | None  # each item's node, None for a scalar (None: all are)

    def index(self, step: str | int) -> int | None:
        """The item that `step` names: a key's index for a mapping, a number for a sequence."""
        if self.keys is None:
            return step if isinstance(step, int) and 0 <= step < self.length else None
        return self.keys.index(step) if isinstance(step, str) and step in self.keys else None

    def child(self, index: int) -> SourceNode | None:
        return None if self.nested is None else self.nested[index]

    def value_at(self, index: int) -> int:
        """Where, in the map's array, the mark of an item or of a key's value is."""
        return self.start + (index if self.keys is None else 2 * index + 1)


def _position(mark: Mark) -> Position:
    return Position((mark >> _COLUMN_BITS) + 1, (mark & _COLUMN_MASK) + 1)


class SourceMap:
    """Answers "where is this value?" for a path like ``("tasks", 3, "deadline")``."""

    def __init__(self, root_mark: Mark, root: SourceNode | None, marks: array[int]) -> None:
        self._root_mark = root_mark
        self._root = root
        self._marks = marks

    def _walk(self, path: tuple[str | int, ...]) -> tuple[Mark, SourceNode | None, bool]:
        """The mark and node at `path`, or of the deepest value on the way there (and False) when
        it is absent."""
        mark, node = self._root_mark, self._root
        for step in path:
            index = None if node is None else node.index(step)
            if node is None or index is None:
                return mark, node, False
            mark, node = self._marks[node.value_at(index)], node.child(index)
        return mark, node, True

    def position(self, path: tuple[str | int, ...]) -> Position:
        """Where the value at `path` starts; for a missing key, where its mapping starts."""
        return _position(self._walk(path)[0])

    def key_position(self, path: tuple[str | int, ...]) -> Position:
        """Where the key of the value at `path` stands (its value's position when not a key)."""
        if path and isinstance(path[-1], str):
            _, parent, found = self._walk(path[:-1])
            index = parent.index(path[-1]) if found and parent is not None and parent.keys else None
            if parent is not None and index is not None:
                return _position(self._marks[parent.start + 2 * index])
        return self.position(path)


@dataclass(frozen=True, slots=True)
class Composed:
    """A parsed document: its data (None when the file could not be parsed) and positions."""

    data: Any
    source_map: SourceMap | None
    problem: Finding | None = None


class _Stop(Exception):
    """Ends composing with one finding; never leaves this module."""

    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def decode(raw: bytes) -> str | Finding:
    """UTF-8 bytes -> text without a byte-order mark; anything else is a finding with a position."""
    return encoding_problem(raw) or raw.removeprefix(UTF8_BOM).decode("utf-8")


def encoding_problem(raw: bytes) -> Finding | None:
    """Why `raw` is not UTF-8 text, at its line and column; None when it is.

    Checked a slice at a time, so that a large file is not held a second time as text.
    """
    for bom, name in FOREIGN_BOMS:
        if raw.startswith(bom):
            return error("encoding", say("yaml.foreign_encoding", encoding=name), Position(1, 1))
    checker = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(raw)
    try:
        for start in range(0, len(raw), _CHECKED_BYTES):
            checker.decode(view[start : start + _CHECKED_BYTES])
        checker.decode(b"", final=True)
    except UnicodeDecodeError:
        return _first_non_utf8(raw.removeprefix(UTF8_BOM))
    return None


def _first_non_utf8(raw: bytes) -> Finding | None:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        return error("encoding", say("yaml.not_utf8", byte=bad), position_at(raw, exc.start))
    return None


_TYPOGRAPHIC_QUOTES = "“”„«»‘’"


def _line(text: str, number: int) -> str:
    """Line `number` (0-based) of `text`, "" past its end."""
    lines = text.split("\n", number + 1)
    return lines[number] if number < len(lines) else ""


def _syntax_error(exc: MarkedYAMLError, text: str) -> Finding:
    """ruamel.yaml's message, at the most useful of its two marks, with a hint where one helps."""
    mark = exc.problem_mark or exc.context_mark
    # The parser's own words stay as it wrote them (in English); the hint around them is ours.
    problem = exc.problem or exc.context or "invalid YAML"
    message = say("yaml.syntax", problem=problem)
    if "end of stream" in problem and exc.context_mark is not None and exc.context:
        # An unclosed quote or bracket: the place to fix is where it opens, not the end of the file.
        mark = exc.context_mark
        message = say("yaml.syntax_unclosed", problem=problem, context=exc.context)
    elif "'\\t'" in problem:
        message = say("yaml.syntax_tab", problem=problem)
    elif "<block" in problem:
        message = say("yaml.syntax_indentation", problem=problem)
    elif "mapping values are not allowed" in problem and mark is not None:
        # `title: Этап 6: строительство`, or the same between typographic quotes, which YAML reads as text.
        typographic = any(char in _line(text, mark.line) for char in _TYPOGRAPHIC_QUOTES)
        message = say("yaml.syntax_typographic" if typographic else "yaml.syntax_colon", problem=problem)
    elif (
        "could not find expected ':'" in problem
        and mark is not None
        and not _line(text, mark.line)[: mark.column].strip()
    ):
        # The scanner stops at the start of the next line; the key without its colon is the one before.
        before = mark.line - 1
        while before > 0 and not _line(text, before).strip(" \t\r"):
            before -= 1
        line = _line(text, before)
        column = len(line) - len(line.lstrip(" "))
        return error(
            "yaml-syntax", say("yaml.syntax_no_colon", problem=problem), Position(before + 1, column + 1)
        )
    return error("yaml-syntax", message, mark_position(mark) if mark is not None else None)


# Characters that YAML parsers count as line breaks and editors, GitHub and `grep -n` do not (the line
# and paragraph separators a word processor pastes): with one in the file, every position after it
# would be a line off from what the reader sees. (A NEL, U+0085, is a line break to both: it stays.)
_SEPARATORS = (("\u2028", b"\xe2\x80\xa8"), ("\u2029", b"\xe2\x80\xa9"))


def _line_separator(document: str | bytes) -> Finding | None:
    if isinstance(document, bytes):
        found = [(at, char) for char, encoded in _SEPARATORS if (at := document.find(encoded)) >= 0]
    else:
        found = [(at, char) for char, _encoded in _SEPARATORS if (at := document.find(char)) >= 0]
    if not found:
        return None
    at, char = min(found)
    message = say("yaml.line_separator", code=f"{ord(char):04x}")
    return error("yaml-character", message, position_at(document, at))


_VERSION_DIRECTIVE = re.compile(r"%YAML[ \t]+(\S*)")


def _unsupported_version(text: str) -> Finding | None:
    """A ``%YAML`` directive for a version other than 1.1 or 1.2, at its line. (The pure parser
    would stop on an assertion; libyaml refuses it too.) Directives stand before the document, among
    comments and blank lines only."""
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and not stripped.startswith(("%", "#")):
            break
        match = _VERSION_DIRECTIVE.match(line)
        if match is not None and match.group(1) not in ("1.1", "1.2"):
            message = say("yaml.version", version=match.group(1))
            return error("yaml-version", message, position_at(text, offset + match.start(1)))
        offset += len(line)
    return None


def mark_position(mark: Any) -> Position:
    """Where a parser's mark (0-based line and column) stands, as people count."""
    return Position(mark.line + 1, mark.column + 1)


def position_at(text: str | bytes, offset: int) -> Position:
    """The line and column (counted in characters) of an offset into a text, or into its UTF-8 bytes."""
    if isinstance(text, bytes):
        line_start = text.rfind(b"\n", 0, offset) + 1
        return Position(
            text.count(b"\n", 0, offset) + 1, len(text[line_start:offset].decode(errors="replace")) + 1
        )
    line_start = text.rfind("\n", 0, offset) + 1
    return Position(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _mark(event: Event) -> Position:
    return mark_position(event.start_mark)


def parse_events(text: str | bytes, pure: bool = False) -> Iterator[Event]:
    """The parser's events, from libyaml when ruamel.yaml.clib is installed (about 4x faster).

    Both parsers are state machines, so nesting depth cannot exhaust the stack. A plain scalar's
    style is None from one and "" from the other: test it as a truth value.
    """
    if pure or not HAS_C_PARSER:
        events: Iterator[Event] = YAML(typ="safe", pure=True).parse(text)
        return events
    # libyaml's parser on its own: YAML().parse would wrap it in a class made for the call, a
    # reference cycle that keeps the whole input alive until the next full garbage collection.
    # Its get_event gives None once the stream has ended.
    from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]  # untyped C extension

    events = iter(CParser(text).get_event, None)
    return events


def _has_c_parser() -> bool:
    return importlib.util.find_spec("_ruamel_yaml") is not None  # ruamel.yaml.clib


HAS_C_PARSER = _has_c_parser()


def _tag(event: Event) -> str | None:
    tag = getattr(event, "tag", None)
    return None if tag is None else str(tag)


def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _unsupported_tag(event: Event, tag: str) -> _Stop:
    return _Stop(
        error(
            "yaml-tag",
            say("yaml.tag", tag=_as_written(tag)),
            _mark(event),
        )
    )


@dataclass(slots=True)
class _Frame:
    value: Any  # the dict or list being built
    mark: Mark
    keys: list[str] | None  # a mapping's keys so far; None for a sequence
    anchor: str | None
    first_node: int  # the node count when this container opened, to size it for aliases
    marks: list[Mark] = field(default_factory=list)
    nested: list[SourceNode | None] | None = None  # from the first nested item on, one per item
    key: str | None = None  # a mapping's key whose value comes next


# Called with the key of a top-level sequence and each of its items as soon as the item is read;
# what it returns takes the item's place in the data.
# Called with the section, the item's index in it, and the item. (A file that libyaml refuses is read
# again by the pure parser, to word its error: a hook may see the same index twice.)
ItemHook = Callable[[str, int, Any], Any]
# Each text read (and each set of keys), as the one object that stands for it: composing two
# revisions of a file with one table keeps what they have in common once.
Strings = dict[Any, Any]


def compose(
    document: str | bytes,
    limits: Limits = DEFAULT_LIMITS,
    on_item: ItemHook | None = None,
    strings: Strings | None = None,
) -> Composed:
    """Parse one YAML document into plain data and a `SourceMap`; a problem ends it as a finding.

    The document is text, or UTF-8 bytes that `encoding_problem` has passed: libyaml reads bytes as
    they are, where text would be copied back into UTF-8 first (for a large file, twice the memory).
    `on_item` lets a caller turn each task into its model while the file is read, so that the
    plain data of all the tasks is never held at once. `strings` is a table of the texts read so
    far, to share them with another document.
    """
    separator = _line_separator(document)
    if separator is not None:
        return Composed(None, None, separator)
    if HAS_C_PARSER:
        try:
            return _compose(parse_events(document), limits, on_item, strings)
        except _Stop as stop:
            return Composed(None, None, stop.finding)
        except YAMLError:
            pass  # said again below by the pure parser, whose messages the tests and docs pin down
    text = document.removeprefix(UTF8_BOM).decode("utf-8") if isinstance(document, bytes) else document
    version = _unsupported_version(text)
    if version is not None:
        return Composed(None, None, version)
    try:
        return _compose(parse_events(text, pure=True), limits, on_item, strings)
    except _Stop as stop:
        return Composed(None, None, stop.finding)
    except MarkedYAMLError as exc:
        return Composed(None, None, _syntax_error(exc, text))
    except ReaderError as exc:
        message = say("yaml.control_character", code=f"{exc.character:04x}")
        return Composed(None, None, error("yaml-character", message, position_at(text, exc.position)))
    except YAMLError as exc:
        problem = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return Composed(None, None, error("yaml-syntax", say("yaml.error", problem=problem)))


def _compose(
    events: Iterator[Any], limits: Limits, on_item: ItemHook | None, strings: Strings | None
) -> Composed:
    # The hot loop of every command: classes are compared by identity and marks packed into ints,
    # because this runs for each of the hundreds of thousands of events of a large roadmap.
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, SourceNode | None, int]] = {}
    root: list[tuple[Any, Mark, SourceNode | None]] = []
    all_marks: array[int] = array("q")
    # One str for each distinct text, and one tuple for each distinct set of keys: a large roadmap
    # repeats the same few dozen keys and values hundreds of thousands of times, and two revisions
    # of it share most of their text (see `Strings`).
    shared: Strings = {} if strings is None else strings
    nodes = 0  # every node so far, aliased ones counted again
    alias_nodes = 0
    documents = 0

    def attach(value: Any, mark: Mark, node: SourceNode | None, event: Event) -> None:
        if not stack:
            root.append((value, mark, node))
            return
        frame = stack[-1]
        if frame.keys is None:  # a sequence
            if on_item is not None and len(stack) == 2 and stack[0].key is not None:
                value = on_item(stack[0].key, len(frame.value), value)
            frame.value.append(value)
        elif frame.key is not None:  # a mapping, with the key of this value
            frame.value[frame.key] = value
            frame.key = None
        else:
            _key(value, frame, event)
            return
        frame.marks.append(mark)
        if frame.nested is not None:
            frame.nested.append(node)
        elif node is not None:
            frame.nested = [None] * (len(frame.value) - 1) + [node]

    def _key(value: Any, frame: _Frame, event: Event) -> None:
        if not isinstance(value, str) or type(event) is not ScalarEvent:
            raise _Stop(error("yaml-key", say("yaml.key"), _mark(event)))
        assert frame.keys is not None
        if value == "<<" and not event.style:
            raise _Stop(error("yaml-merge", say("yaml.merge"), _mark(event)))
        if value in frame.value:
            first = _position(frame.marks[2 * frame.keys.index(value)])
            raise _Stop(
                error("duplicate-key", say("yaml.duplicate_key", key=value, line=first.line), _mark(event))
            )
        frame.key = value
        frame.keys.append(value)
        mark = event.start_mark
        frame.marks.append(mark.line << _COLUMN_BITS | mark.column)

    for event in events:
        kind = type(event)
        if kind is ScalarEvent:
            tag = event.tag
            if tag is not None and str(tag) not in _STR_TAGS:
                raise _unsupported_tag(event, str(tag))
            text = event.value
            if len(text) > limits.max_scalar_chars:
                raise _Stop(
                    error(
                        "limit",
                        say("limit.value", length=Amount(len(text)), limit=Amount(limits.max_scalar_chars)),
                        _mark(event),
                    )
                )
            # Only a double-quoted escape ("\ud800") can make half of a UTF-16 pair, which is not text.
            half = _SURROGATE.search(text) if event.style == '"' else None
            if half is not None:
                code = f"{ord(half.group()):04x}"
                raise _Stop(error("yaml-character", say("yaml.surrogate", code=code), _mark(event)))
            if not event.style and tag is None and text in _NULLS:
                scalar = None
            else:
                scalar = shared.setdefault(text, text)
            start = event.start_mark
            mark = start.line << _COLUMN_BITS | start.column
            nodes += 1
            if event.anchor is not None:
                anchors[event.anchor] = (scalar, None, 1)
            attach(scalar, mark, None, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            is_mapping = kind is MappingStartEvent
            tag = _tag(event)
            if tag not in (_MAP_TAGS if is_mapping else _SEQ_TAGS):
                raise _unsupported_tag(event, tag or "")
            if stack and stack[-1].keys is not None and stack[-1].key is None:
                raise _Stop(error("yaml-key", say("yaml.key"), _mark(event)))
            if len(stack) >= limits.max_depth:
                raise _Stop(error("limit", say("limit.depth", limit=limits.max_depth), _mark(event)))
            nodes += 1
            start = event.start_mark
            mark = start.line << _COLUMN_BITS | start.column
            if is_mapping:
                stack.append(_Frame({}, mark, [], event.anchor, nodes))
            else:
                stack.append(_Frame([], mark, None, event.anchor, nodes))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            keys = None if frame.keys is None else tuple(frame.keys)
            nested = None if frame.nested is None else tuple(frame.nested)
            node = SourceNode(shared.setdefault(keys, keys), len(frame.value), len(all_marks), nested)
            all_marks.extend(frame.marks)
            if frame.anchor is not None:
                anchors[frame.anchor] = (frame.value, node, nodes - frame.first_node + 1)
            attach(frame.value, frame.mark, node, event)
        elif kind is AliasEvent:
            if event.anchor not in anchors:
                raise _Stop(
                    error(
                        "yaml-alias",
                        say("yaml.alias", anchor=event.anchor),
                        _mark(event),
                    )
                )
            value, aliased, size = anchors[event.anchor]
            alias_nodes += size
            nodes += size
            if alias_nodes > limits.max_alias_nodes:
                raise _Stop(
                    error("limit", say("limit.aliases", limit=Amount(limits.max_alias_nodes)), _mark(event))
                )
            # The value stands where the alias is; what is inside it, where the anchor's content is.
            start = event.start_mark
            attach(value, start.line << _COLUMN_BITS | start.column, aliased, event)
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Stop(
                    error(
                        "yaml-documents",
                        say("yaml.documents"),
                        _mark(event),
                    )
                )

    if not root:
        return Composed(
            None,
            None,
            error(
                "empty",
                say("yaml.empty"),
                Position(1, 1),
            ),
        )
    value, mark, root_node = root[0]
    return Composed(value, SourceMap(mark, root_node, all_marks))
