"""Where things are in a roadmap's text: the spans of the nodes an edit needs, and line starts."""

from __future__ import annotations

import itertools
import re
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from roadmap_cli.source import parse_events

BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # the line breaks YAML parsers count
BREAK_CHARACTERS = "\n\r\x85\u2028\u2029"


@dataclass(slots=True)
class Span:
    """A node's place in the text: [start, end) as character offsets, and how it is written."""

    start: int
    end: int
    kind: str  # "scalar", "alias", "mapping" or "sequence"
    style: str | None = None  # a scalar's quote or block indicator; "flow" for a flow container
    anchored: bool = False
    value: str | None = None  # a scalar's text (to read mapping keys)
    keys: dict[str, tuple[int, Span]] = field(default_factory=dict)  # key -> (key offset, value)
    items: list[Span] = field(default_factory=list)

    @property
    def is_flow(self) -> bool:
        return self.style == "flow"


def line_starts(text: str) -> array[int]:
    """The offset where each line starts, counting line breaks the way YAML parsers do (an array:
    a large file has millions of lines)."""
    return array("q", itertools.chain((0,), (match.end() for match in BREAK.finditer(text))))


@dataclass(slots=True)
class _Open:
    """A container being walked: its span (None when not wanted) and whether its children get spans."""

    span: Span | None
    detailed: bool
    is_flow: bool
    is_tasks: bool = False
    pending_key: tuple[str, int] | None = None


def spans(text: str, focus: int | None = None) -> Span:
    """The span tree of a document that has already loaded without problems.

    Only what an edit needs is built, because this walks every event of the file: the top level in
    full, each task's own span, and the inside of the task at index `focus`.
    """
    starts = line_starts(text)

    def offset(mark: Any) -> int:
        return int(starts[mark.line] + mark.column)

    stack: list[_Open] = []
    root: list[Span] = []
    last_end = 0  # where the latest value ended: a block container ends there, not at the next token

    def attach(node: Span | None, key_text: str | None, start: int) -> None:
        if not stack:
            if node is not None:
                root.append(node)
            return
        parent = stack[-1]
        container = parent.span
        if container is None:
            return
        if container.kind == "sequence":
            if node is not None:
                container.items.append(node)
        elif parent.pending_key is None:
            parent.pending_key = (key_text or "", start)
        else:
            if node is not None:
                container.keys[parent.pending_key[0]] = (parent.pending_key[1], node)
            parent.pending_key = None

    def wanted() -> tuple[bool, bool]:
        """Whether the next node gets a span, and whether its own children do."""
        if not stack:
            return True, True
        parent = stack[-1]
        if parent.is_tasks:
            assert parent.span is not None
            return True, len(parent.span.items) == focus
        return parent.detailed, parent.detailed

    events: Iterator[Any] = parse_events(text)
    for event in events:
        kind = type(event)
        anchored = getattr(event, "anchor", None) is not None
        if kind is ScalarEvent or kind is AliasEvent:
            start, last_end = offset(event.start_mark), offset(event.end_mark)
            is_scalar = kind is ScalarEvent
            node = None
            if wanted()[0]:
                node = Span(
                    start,
                    last_end,
                    "scalar" if is_scalar else "alias",
                    (event.style or None) if is_scalar else None,
                    anchored,
                    event.value if is_scalar else None,
                )
            attach(node, event.value if is_scalar else None, start)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            start = offset(event.start_mark)
            has_span, detailed = wanted()
            kind_name = "mapping" if kind is MappingStartEvent else "sequence"
            node = (
                Span(start, start, kind_name, "flow" if event.flow_style else None, anchored)
                if has_span
                else None
            )
            parent = stack[-1] if stack else None
            is_tasks = (
                parent is not None
                and len(stack) == 1
                and parent.pending_key is not None
                and parent.pending_key[0] == "tasks"
            )
            stack.append(_Open(node, detailed, bool(event.flow_style), is_tasks))
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            closed = stack.pop()
            if closed.is_flow:
                last_end = offset(event.end_mark)
            if closed.span is not None:
                closed.span.end = max(last_end, closed.span.start)
            attach(closed.span, None, closed.span.start if closed.span is not None else last_end)
    return root[0]
