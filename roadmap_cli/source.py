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

import importlib.util
import re
from collections.abc import Iterator
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

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 64
    max_alias_nodes: int = 10_000  # nodes that aliases may add, counted as if copied out
    max_scalar_chars: int = 100_000


DEFAULT_LIMITS = Limits()

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR_TAGS = frozenset({None, "!", "tag:yaml.org,2002:str"})
_MAP_TAGS = frozenset({None, "tag:yaml.org,2002:map"})
_SEQ_TAGS = frozenset({None, "tag:yaml.org,2002:seq"})
UTF8_BOM = b"\xef\xbb\xbf"
_SURROGATE = re.compile("[\ud800-\udfff]")


def encode_like(raw: bytes, text: str) -> bytes:
    """`text` as the bytes of a file that was `raw`: UTF-8, with a byte-order mark if `raw` had one."""
    return (UTF8_BOM if raw.startswith(UTF8_BOM) else b"") + text.encode("utf-8")


_FOREIGN_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


# A place as one int, line << 32 | column (0-based, as the parser counts): one small object per
# key and value instead of a tuple of two, a third of the memory of a large roadmap's positions.
Mark = int
_COLUMN_BITS = 32
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


@dataclass(slots=True)
class SourceNode:
    """Where a mapping or a sequence, and each of its keys and items, stand in the file."""

    mark: Mark
    keys: dict[str, Mark] = field(default_factory=dict)
    children: dict[str, SourceEntry] | list[SourceEntry] = field(default_factory=dict)


SourceEntry = SourceNode | Mark  # a scalar only needs its own mark


def _position(mark: Mark) -> Position:
    return Position((mark >> _COLUMN_BITS) + 1, (mark & _COLUMN_MASK) + 1)


def _child(children: dict[str, SourceEntry] | list[SourceEntry], step: str | int) -> SourceEntry | None:
    if isinstance(children, dict):
        return children.get(step) if isinstance(step, str) else None
    return children[step] if isinstance(step, int) and 0 <= step < len(children) else None


class SourceMap:
    """Answers "where is this value?" for a path like ``("tasks", 3, "deadline")``."""

    def __init__(self, root: SourceEntry) -> None:
        self._root = root

    def _walk(self, path: tuple[str | int, ...]) -> tuple[SourceEntry, bool]:
        """The entry at `path`, or the deepest one on the way there (and False) when it is absent."""
        entry = self._root
        for step in path:
            if not isinstance(entry, SourceNode):
                return entry, False
            child = _child(entry.children, step)
            if child is None:
                return entry, False
            entry = child
        return entry, True

    def position(self, path: tuple[str | int, ...]) -> Position:
        """Where the value at `path` starts; for a missing key, where its mapping starts."""
        entry, _ = self._walk(path)
        return _position(entry.mark if isinstance(entry, SourceNode) else entry)

    def key_position(self, path: tuple[str | int, ...]) -> Position:
        """Where the key of the value at `path` stands (its value's position when not a key)."""
        if path and isinstance(path[-1], str):
            parent, found = self._walk(path[:-1])
            if found and isinstance(parent, SourceNode) and path[-1] in parent.keys:
                return _position(parent.keys[path[-1]])
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
    for bom, name in _FOREIGN_BOMS:
        if raw.startswith(bom):
            return error("encoding", say("yaml.foreign_encoding", encoding=name), Position(1, 1))
    if raw.startswith(UTF8_BOM):
        raw = raw[len(UTF8_BOM) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        return error(
            "encoding",
            say("yaml.not_utf8", byte=bad),
            Position(line, column),
        )


def _syntax_error(exc: MarkedYAMLError) -> Finding:
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
    position = Position(mark.line + 1, mark.column + 1) if mark is not None else None
    return error("yaml-syntax", message, position)


def _mark(event: Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1)


def parse_events(text: str, pure: bool = False) -> Iterator[Event]:
    """The parser's events, from libyaml when ruamel.yaml.clib is installed (about 4x faster).

    Both parsers are state machines, so nesting depth cannot exhaust the stack. A plain scalar's
    style is None from one and "" from the other: test it as a truth value.
    """
    yield from YAML(typ="safe", pure=pure or not HAS_C_PARSER).parse(text)


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
    value: Any  # the dict or list being built (Any: the hot loop tells them apart by `key_mark`)
    node: SourceNode
    anchor: str | None
    first_node: int  # the node count when this container opened, to size it for aliases
    key: str | None = None
    key_mark: Mark | None = None


def compose(text: str, limits: Limits = DEFAULT_LIMITS) -> Composed:
    """Parse one YAML document into plain data and a `SourceMap`; a problem ends it as a finding."""
    if HAS_C_PARSER:
        try:
            return _compose(parse_events(text), limits)
        except _Stop as stop:
            return Composed(None, None, stop.finding)
        except YAMLError:
            pass  # said again below by the pure parser, whose messages the tests and docs pin down
    try:
        return _compose(parse_events(text, pure=True), limits)
    except _Stop as stop:
        return Composed(None, None, stop.finding)
    except MarkedYAMLError as exc:
        return Composed(None, None, _syntax_error(exc))
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = say("yaml.control_character", code=f"{exc.character:04x}")
        return Composed(None, None, error("yaml-character", message, Position(line, column)))
    except YAMLError as exc:
        problem = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return Composed(None, None, error("yaml-syntax", say("yaml.error", problem=problem)))


def _compose(events: Iterator[Any], limits: Limits) -> Composed:
    # The hot loop of every command: classes are compared by identity and marks packed into ints,
    # because this runs for each of the hundreds of thousands of events of a large roadmap.
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, SourceEntry, int]] = {}
    root: list[tuple[Any, SourceEntry]] = []
    nodes = 0  # every node so far, aliased ones counted again
    alias_nodes = 0
    documents = 0

    def attach(value: Any, entry: SourceEntry, event: Event) -> None:
        if not stack:
            root.append((value, entry))
            return
        frame = stack[-1]
        children: Any = frame.node.children
        if frame.key_mark is not None:
            frame.value[frame.key] = value
            children[frame.key] = entry
            frame.node.keys[frame.key] = frame.key_mark  # type: ignore[index]
            frame.key, frame.key_mark = None, None
        elif isinstance(frame.value, list):
            frame.value.append(value)
            children.append(entry)
        else:
            frame.key_mark = _key(value, frame, event)

    def _key(value: Any, frame: _Frame, event: Event) -> Mark:
        if not isinstance(value, str) or type(event) is not ScalarEvent:
            raise _Stop(error("yaml-key", say("yaml.key"), _mark(event)))
        assert isinstance(frame.value, dict)
        if value == "<<" and not event.style:
            raise _Stop(error("yaml-merge", say("yaml.merge"), _mark(event)))
        if value in frame.value:
            first = _position(frame.node.keys[value])
            raise _Stop(
                error("duplicate-key", say("yaml.duplicate_key", key=value, line=first.line), _mark(event))
            )
        frame.key = value
        mark = event.start_mark
        return int(mark.line << _COLUMN_BITS | mark.column)

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
            scalar = None if not event.style and tag is None and text in _NULLS else text
            start = event.start_mark
            mark = start.line << _COLUMN_BITS | start.column
            nodes += 1
            if event.anchor is not None:
                anchors[event.anchor] = (scalar, mark, 1)
            attach(scalar, mark, event)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            is_mapping = kind is MappingStartEvent
            tag = _tag(event)
            if tag not in (_MAP_TAGS if is_mapping else _SEQ_TAGS):
                raise _unsupported_tag(event, tag or "")
            if stack and isinstance(stack[-1].value, dict) and stack[-1].key_mark is None:
                raise _Stop(error("yaml-key", say("yaml.key"), _mark(event)))
            if len(stack) >= limits.max_depth:
                raise _Stop(error("limit", say("limit.depth", limit=limits.max_depth), _mark(event)))
            nodes += 1
            start = event.start_mark
            container: dict[str, Any] | list[Any] = {} if is_mapping else []
            node = SourceNode(start.line << _COLUMN_BITS | start.column, children={} if is_mapping else [])
            stack.append(_Frame(container, node, event.anchor, nodes))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            frame = stack.pop()
            if frame.anchor is not None:
                anchors[frame.anchor] = (frame.value, frame.node, nodes - frame.first_node + 1)
            attach(frame.value, frame.node, event)
        elif kind is AliasEvent:
            if event.anchor not in anchors:
                raise _Stop(
                    error(
                        "yaml-alias",
                        say("yaml.alias", anchor=event.anchor),
                        _mark(event),
                    )
                )
            value, entry, size = anchors[event.anchor]
            alias_nodes += size
            nodes += size
            if alias_nodes > limits.max_alias_nodes:
                raise _Stop(
                    error("limit", say("limit.aliases", limit=Amount(limits.max_alias_nodes)), _mark(event))
                )
            attach(value, entry, event)
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
    value, entry = root[0]
    return Composed(value, SourceMap(entry))
