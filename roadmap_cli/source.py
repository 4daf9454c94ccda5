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
_FOREIGN_BOMS = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
)


@dataclass(slots=True)
class SourceNode:
    """Where a mapping or a sequence, and each of its keys and items, stand in the file."""

    position: Position
    keys: dict[str, Position] = field(default_factory=dict)
    children: dict[str, SourceEntry] | list[SourceEntry] = field(default_factory=dict)


SourceEntry = SourceNode | Position  # a scalar only needs its own position


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
        return entry.position if isinstance(entry, SourceNode) else entry

    def key_position(self, path: tuple[str | int, ...]) -> Position:
        """Where the key of the value at `path` stands (its value's position when not a key)."""
        if path and isinstance(path[-1], str):
            parent, found = self._walk(path[:-1])
            if found and isinstance(parent, SourceNode) and path[-1] in parent.keys:
                return parent.keys[path[-1]]
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
            return error("encoding", f"the file is {name}; save it as UTF-8", Position(1, 1))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        bad = raw[exc.start : exc.start + 1].hex()
        return error(
            "encoding",
            f"not valid UTF-8 (byte 0x{bad}); save the file as UTF-8",
            Position(line, column),
        )


def _syntax_error(exc: MarkedYAMLError) -> Finding:
    """ruamel.yaml's message, at the most useful of its two marks, with a hint where one helps."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if "end of stream" in problem and exc.context_mark is not None and exc.context:
        # An unclosed quote or bracket: the place to fix is where it opens, not the end of the file.
        mark = exc.context_mark
        problem = f"{problem} {exc.context} that starts here"
    elif "'\\t'" in problem:
        problem += " (indent with spaces, not tabs)"
    elif "<block" in problem:
        problem += " (check the indentation)"
    position = Position(mark.line + 1, mark.column + 1) if mark is not None else None
    return error("yaml-syntax", f"YAML syntax error: {problem}", position)


def _mark(event: Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1)


def parse_events(text: str) -> Iterator[Event]:
    # The pure-Python parser: a state machine, so nesting depth cannot exhaust the C stack.
    yield from YAML(typ="safe", pure=True).parse(text)


def _tag(event: Event) -> str | None:
    tag = getattr(event, "tag", None)
    return None if tag is None else str(tag)


def _as_written(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


def _unsupported_tag(event: Event, tag: str) -> _Stop:
    return _Stop(
        error(
            "yaml-tag",
            f"unsupported YAML tag '{_as_written(tag)}': a roadmap holds plain text, lists and mappings",
            _mark(event),
        )
    )


@dataclass(slots=True)
class _Frame:
    value: dict[str, Any] | list[Any]
    node: SourceNode
    anchor: str | None
    first_node: int  # the node count when this container opened, to size it for aliases
    key: str | None = None
    key_position: Position | None = None


def compose(text: str, limits: Limits = DEFAULT_LIMITS) -> Composed:
    """Parse one YAML document into plain data and a `SourceMap`; a problem ends it as a finding."""
    try:
        return _compose(parse_events(text), limits)
    except _Stop as stop:
        return Composed(None, None, stop.finding)
    except MarkedYAMLError as exc:
        return Composed(None, None, _syntax_error(exc))
    except ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        message = f"control character #x{exc.character:04x} is not allowed in YAML"
        return Composed(None, None, error("yaml-character", message, Position(line, column)))
    except YAMLError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "invalid YAML"
        return Composed(None, None, error("yaml-syntax", f"YAML error: {message}"))


def _compose(events: Iterator[Event], limits: Limits) -> Composed:
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
        if isinstance(frame.value, list):
            frame.value.append(value)
            assert isinstance(frame.node.children, list)
            frame.node.children.append(entry)
        elif frame.key_position is None:
            frame.key_position = _key(value, frame, event)
        else:
            assert frame.key is not None and isinstance(frame.node.children, dict)
            frame.value[frame.key] = value
            frame.node.children[frame.key] = entry
            frame.node.keys[frame.key] = frame.key_position
            frame.key, frame.key_position = None, None

    def _key(value: Any, frame: _Frame, event: Event) -> Position:
        position = _mark(event)
        if not isinstance(value, str) or not isinstance(event, ScalarEvent):
            raise _Stop(error("yaml-key", "a key must be plain text", position))
        assert isinstance(frame.value, dict)
        if value == "<<" and event.style is None:
            raise _Stop(
                error("yaml-merge", "merge keys ('<<') are not supported: write the keys out", position)
            )
        if value in frame.value:
            first = frame.node.keys[value]
            raise _Stop(
                error(
                    "duplicate-key",
                    f"duplicate key '{value}' (first at line {first.line})",
                    position,
                )
            )
        frame.key = value
        return position

    for event in events:
        if isinstance(event, ScalarEvent):
            tag = _tag(event)
            if tag not in _STR_TAGS:
                raise _unsupported_tag(event, tag or "")
            if len(event.value) > limits.max_scalar_chars:
                raise _Stop(
                    error(
                        "limit",
                        f"a value of {len(event.value):,} characters is longer than "
                        f"the limit of {limits.max_scalar_chars:,}",
                        _mark(event),
                    )
                )
            scalar = None if event.style is None and tag is None and event.value in _NULLS else event.value
            position = _mark(event)
            nodes += 1
            if event.anchor is not None:
                anchors[event.anchor] = (scalar, position, 1)
            attach(scalar, position, event)
        elif isinstance(event, MappingStartEvent | SequenceStartEvent):
            is_mapping = isinstance(event, MappingStartEvent)
            tag = _tag(event)
            if tag not in (_MAP_TAGS if is_mapping else _SEQ_TAGS):
                raise _unsupported_tag(event, tag or "")
            if stack and isinstance(stack[-1].value, dict) and stack[-1].key_position is None:
                raise _Stop(error("yaml-key", "a key must be plain text", _mark(event)))
            if len(stack) >= limits.max_depth:
                raise _Stop(
                    error(
                        "limit",
                        f"nesting is deeper than the limit of {limits.max_depth}",
                        _mark(event),
                    )
                )
            nodes += 1
            container: dict[str, Any] | list[Any] = {} if is_mapping else []
            node = SourceNode(_mark(event), children={} if is_mapping else [])
            stack.append(_Frame(container, node, event.anchor, nodes))
        elif isinstance(event, MappingEndEvent | SequenceEndEvent):
            frame = stack.pop()
            if frame.anchor is not None:
                anchors[frame.anchor] = (frame.value, frame.node, nodes - frame.first_node + 1)
            attach(frame.value, frame.node, event)
        elif isinstance(event, AliasEvent):
            if event.anchor not in anchors:
                raise _Stop(
                    error(
                        "yaml-alias",
                        f"alias '*{event.anchor}' has no anchor '&{event.anchor}' before it",
                        _mark(event),
                    )
                )
            value, entry, size = anchors[event.anchor]
            alias_nodes += size
            nodes += size
            if alias_nodes > limits.max_alias_nodes:
                raise _Stop(
                    error(
                        "limit",
                        f"aliases expand to more than {limits.max_alias_nodes:,} nodes",
                        _mark(event),
                    )
                )
            attach(value, entry, event)
        elif isinstance(event, DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise _Stop(
                    error(
                        "yaml-documents",
                        "a second YAML document: a roadmap file holds exactly one",
                        _mark(event),
                    )
                )

    if not root:
        return Composed(
            None,
            None,
            error(
                "empty",
                "the file is empty: expected a mapping with roadmap, departments and tasks",
                Position(1, 1),
            ),
        )
    value, entry = root[0]
    return Composed(value, SourceMap(entry))
