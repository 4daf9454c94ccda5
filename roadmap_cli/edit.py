"""Change one task of a roadmap file by rewriting only the characters that must change.

Why not ruamel.yaml's round-trip dump: it re-emits the whole document, and however it is tuned
some layouts come back changed (comments between a key and its value, odd indentation, long
lines). Here the file is parsed once more for the *spans* of the task being edited, and the edit
is a splice: a value replaced in place, a line inserted after its neighbour, a line removed.
Everything outside those spans (comments, blank lines, quoting, line endings, other tasks) is the
same text by construction.

Every edit is then proven: the new text is loaded and validated like any roadmap, and the result
must equal the roadmap the edit intended, field for field. When it does not (anchors and aliases,
a layout this splicer does not understand), the edit is refused and nothing is written.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import itertools
import json
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from pydantic import BaseModel
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.findings import Finding
from roadmap_cli.load import LoadedRoadmap, load_bytes
from roadmap_cli.messages import Text, say
from roadmap_cli.model import Postponement, Roadmap, Task
from roadmap_cli.source import UTF8_BOM, compose, decode, parse_events

_BREAK = re.compile(r"\r\n|[\n\r\x85\u2028\u2029]")  # the line breaks YAML parsers count
_BREAK_CHARACTERS = "\n\r\x85\u2028\u2029"

# The order fields are written in: a new key goes after the last existing key that precedes it.
TASK_KEY_ORDER: Final = tuple(info.alias or name for name, info in Task.model_fields.items())
POSTPONEMENT_KEY_ORDER: Final = tuple(info.alias or name for name, info in Postponement.model_fields.items())


class EditRefused(RoadmapError):
    """The edit cannot be made, or not faithfully; nothing was written."""


class InvalidEdit(EditRefused):
    """The edited roadmap would be invalid; `findings` says why."""

    def __init__(self, message: Text, findings: Sequence[Finding]) -> None:
        super().__init__(message)
        self.findings = tuple(findings)


class _Remove:
    def __repr__(self) -> str:
        return "REMOVE"


REMOVE: Final = _Remove()


@dataclass(frozen=True, slots=True)
class Append:
    """A record added at the end of a list field (a postponement, say)."""

    record: Mapping[str, str]


FieldEdit = str | tuple[str, ...] | _Remove | Append


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change as it is reported: the task, the field, and its value before and after."""

    task_id: str
    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Edited:
    """The outcome of an edit: the file's new bytes, what changed, and the roadmap they load to."""

    raw: bytes
    changes: tuple[FieldChange, ...]
    loaded: LoadedRoadmap


# --- Where things are ----------------------------------------------------------------------------


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


def _line_starts(text: str) -> array[int]:
    """The offset where each line starts, counting line breaks the way YAML parsers do (an array:
    a large file has millions of lines)."""
    return array("q", itertools.chain((0,), (match.end() for match in _BREAK.finditer(text))))


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
    line_starts = _line_starts(text)

    def offset(mark: Any) -> int:
        return int(line_starts[mark.line] + mark.column)

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


# --- Writing values ------------------------------------------------------------------------------


def render_scalar(value: str, prefer: str | None = None, in_flow: bool = False) -> str:
    """`value` as a YAML scalar that reads back as exactly this text, in the preferred style if it can.

    The check is the loader itself: a candidate is used only when it composes back to `value`.
    """
    single = "'" + value.replace("'", "''") + "'"
    double = json.dumps(value, ensure_ascii=False)
    order: tuple[str, ...] = {"'": (single, double), '"': (double, single)}.get(
        prefer or "", (value, single, double)
    )
    for candidate in (*order, json.dumps(value)):
        document = f"k: [{candidate}]\n" if in_flow else f"k: {candidate}\n"
        composed = compose(document)
        if composed.problem is None and composed.data == {"k": [value] if in_flow else value}:
            return candidate
    raise EditRefused(say("edit.unwritable", value=repr(value)))  # unreachable: JSON escapes always read back


def _render_flow_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(render_scalar(value, in_flow=True) for value in values) + "]"


def _flow_mapping(record: Mapping[str, str | tuple[str, ...]]) -> str:
    entries = (f"{key}: {_render_value(value, in_flow=True)}" for key, value in record.items())
    return "{" + ", ".join(entries) + "}"


def _render_value(value: str | tuple[str, ...], in_flow: bool) -> str:
    return _render_flow_list(value) if isinstance(value, tuple) else render_scalar(value, in_flow=in_flow)


# --- Splicing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Splice:
    start: int
    end: int
    text: str


class _Text:
    """The document's text with the layout facts an edit needs: line starts, newline, indents."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = _line_starts(text)
        first_break = _BREAK.search(text)
        self.newline = first_break.group() if first_break is not None else "\n"

    def line_start(self, offset: int) -> int:
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def column(self, offset: int) -> int:
        return offset - self.line_start(offset)

    def after_line(self, offset: int) -> int:
        """Where the next line starts after the one holding `offset` (a block scalar ends at one)."""
        if offset > 0 and self.text[offset - 1] in _BREAK_CHARACTERS:
            return offset
        found = _BREAK.search(self.text, offset)
        return found.end() if found is not None else len(self.text)

    def starts_line(self, offset: int) -> bool:
        return not self.text[self.line_start(offset) : offset].strip(" ")

    def insert_lines(self, at: int, lines: Sequence[str]) -> _Splice:
        """Whole lines inserted at a line start (or at the end of a file without a final newline)."""
        body = "".join(line + self.newline for line in lines)
        if at == len(self.text) and self.text and self.text[-1] not in _BREAK_CHARACTERS:
            return _Splice(at, at, self.newline + body.removesuffix(self.newline))
        return _Splice(at, at, body)


def _refuse(task_id: str, why: Text) -> EditRefused:
    return EditRefused(say("edit.unfaithful", task=task_id, why=why))


def _block_mapping_lines(record: Mapping[str, str | tuple[str, ...]], indent: str, gap: str) -> list[str]:
    """A block mapping as a list item: the first key after `indent` and the dash, the others under it."""
    lines = []
    for number, (key, value) in enumerate(record.items()):
        prefix = indent + gap if number == 0 else indent + " " * len(gap)
        lines.append(f"{prefix}{key}: {_render_value(value, in_flow=False)}")
    return lines


class _Document(_Text):
    """The text, plus how this file lays out a block list: read from its tasks list."""

    def __init__(self, text: str, root: Span) -> None:
        super().__init__(text)
        key_offset, tasks = root.keys["tasks"]
        if tasks.kind != "sequence" or tasks.anchored:
            raise EditRefused(say("edit.tasks_not_list"))
        self.tasks = tasks
        self.list_indent, self.list_gap = "  ", "- "  # used when the file has no block list to copy
        if tasks.items and not tasks.is_flow:
            dash, self.list_gap = self.dash_and_gap(tasks.items[0])
            self.list_indent = " " * max(dash - self.column(key_offset), 0)

    def dash_and_gap(self, item: Span) -> tuple[int, str]:
        """For an item of a block list: the column of its dash, and the text from the dash to the item."""
        before = self.text[self.line_start(item.start) : item.start]
        dash = before.rfind("-")
        if dash < 0 or before[:dash].strip(" "):
            raise EditRefused(say("edit.no_dash"))
        return dash, before[dash:]

    def spaced(self, items: Sequence[Span]) -> bool:
        """Whether the items of a block list are separated by blank lines (comment lines between allowed)."""
        for item in items[1:]:
            index = bisect.bisect_right(self.line_starts, item.start) - 1
            while index > 0:
                index -= 1
                line = self.text[self.line_starts[index] : self.line_starts[index + 1]].strip()
                if not line:
                    return True
                if not line.startswith("#"):
                    break
        return False

    def append_item(self, sequence: Span, record: Mapping[str, str | tuple[str, ...]]) -> _Splice:
        """`record` added as the last item of a list, written the way the list's items are."""
        if sequence.is_flow or not sequence.items:
            close = self.text.rfind("]", sequence.start, sequence.end)
            return _Splice(close, close, (", " if sequence.items else "") + _flow_mapping(record))
        dash, gap = self.dash_and_gap(sequence.items[0])
        lines = _block_mapping_lines(record, " " * dash, gap)
        if self.spaced(sequence.items):
            lines.insert(0, "")
        return self.insert_lines(self.after_line(sequence.items[-1].end), lines)


def _task_splices(doc: _Document, task: Span, task_id: str, edits: Mapping[str, FieldEdit]) -> list[_Splice]:
    if task.kind != "mapping" or task.anchored:
        raise _refuse(task_id, say("edit.why.not_mapping"))
    splices: list[_Splice] = []
    indent = " " * doc.column(task.start)
    for key, edit in edits.items():
        present = task.keys.get(key)
        if isinstance(edit, _Remove):
            if present is not None:
                splices.append(_removal(doc, task, key, task_id))
        elif isinstance(edit, Append) and present is not None:
            if present[1].kind != "sequence" or present[1].anchored:
                raise _refuse(task_id, say("edit.why.not_list", key=key))
            splices.append(doc.append_item(present[1], edit.record))
        elif isinstance(edit, Append) and task.is_flow:
            close = doc.text.rfind("}", task.start, task.end)
            splices.append(_Splice(close, close, f", {key}: [{_flow_mapping(edit.record)}]"))
        elif isinstance(edit, Append):
            lines = [
                f"{indent}{key}:",
                *_block_mapping_lines(edit.record, indent + doc.list_indent, doc.list_gap),
            ]
            splices.append(doc.insert_lines(_insertion_point(doc, task, key), lines))
        elif present is not None:
            splices.append(_replacement(doc, present[1], edit, task_id, key, task.is_flow))
        elif task.is_flow:
            close = doc.text.rfind("}", task.start, task.end)
            splices.append(_Splice(close, close, f", {key}: {_render_value(edit, in_flow=True)}"))
        else:
            line = f"{indent}{key}: {_render_value(edit, in_flow=False)}"
            splices.append(doc.insert_lines(_insertion_point(doc, task, key), [line]))
    return splices


def _replacement(
    doc: _Text, value: Span, edit: str | tuple[str, ...], task_id: str, key: str, in_flow: bool
) -> _Splice:
    if value.anchored or value.kind == "alias":
        raise _refuse(task_id, say("edit.why.alias", key=key))
    if isinstance(edit, tuple):
        if value.kind != "sequence" or not value.is_flow:
            raise _refuse(task_id, say("edit.why.not_flow_list", key=key))
        return _Splice(value.start, value.end, _render_flow_list(edit))
    if value.kind != "scalar":
        raise _refuse(task_id, say("edit.why.not_scalar", key=key))
    if value.style in ("|", ">"):
        # A block scalar's span runs to the start of the line after it: keep that line break.
        ends_line = value.end > value.start and doc.text[value.end - 1] in _BREAK_CHARACTERS
        rendered = render_scalar(edit, in_flow=in_flow)
        return _Splice(value.start, value.end, rendered + (doc.newline if ends_line else ""))
    rendered = render_scalar(edit, prefer=value.style, in_flow=in_flow)
    if value.start == value.end and doc.text[value.start - 1 : value.start] == ":":
        rendered = " " + rendered  # `key:` with nothing after it
    return _Splice(value.start, value.end, rendered)


def _insertion_point(doc: _Text, task: Span, key: str) -> int:
    """Where a new line for `key` goes: after the value of the last key that comes before it in order."""
    rank = {name: number for number, name in enumerate(TASK_KEY_ORDER)}
    own = rank.get(key, len(rank))
    earlier = [value for name, (_, value) in task.keys.items() if rank.get(name, len(rank)) < own]
    after = max(earlier or [value for _, value in task.keys.values()], key=lambda value: value.end)
    return doc.after_line(after.end)


def _removal(doc: _Text, task: Span, key: str, task_id: str) -> _Splice:
    key_offset, value = task.keys[key]
    if value.anchored or value.kind == "alias":
        raise _refuse(task_id, say("edit.why.alias", key=key))
    if task.is_flow:
        previous_ends = [entry.end for _, entry in task.keys.values() if entry.end <= key_offset]
        if not previous_ends:
            raise _refuse(task_id, say("edit.why.first_flow_key", key=key))
        return _Splice(max(previous_ends), value.end, "")
    if not doc.starts_line(key_offset) or key_offset == task.start:
        raise _refuse(task_id, say("edit.why.shared_line", key=key))
    return _Splice(doc.line_start(key_offset), doc.after_line(value.end), "")


def _apply(raw: bytes, text: str, splices: Sequence[_Splice]) -> bytes:
    """The file's new bytes: `raw` with the splices (made at character offsets of `text`, its
    text) put in. Built from the old bytes in one copy, not through a new text and its encoding,
    which for a large file would hold it three more times."""
    ordered = sorted(splices, key=lambda splice: (splice.start, splice.end))
    for earlier, later in itertools.pairwise(ordered):
        if later.start < earlier.end:
            raise EditRefused(say("edit.overlapping"))  # a bug if it ever happens; never written
    view = memoryview(raw)
    at = len(UTF8_BOM) if raw.startswith(UTF8_BOM) else 0  # a byte-order mark stays
    pieces: list[bytes | memoryview] = [view[:at]]
    position = 0
    for splice in ordered:
        start = at + _utf8_length(text, position, splice.start)
        pieces += (view[at:start], splice.text.encode("utf-8"))
        at = start + _utf8_length(text, splice.start, splice.end)
        position = splice.end
    pieces.append(view[at:])
    return b"".join(pieces)


def _utf8_length(text: str, start: int, end: int, chunk: int = 1 << 20) -> int:
    """How many bytes ``text[start:end]`` takes in UTF-8, counted a slice at a time."""
    return sum(len(text[at : min(at + chunk, end)].encode("utf-8")) for at in range(start, end, chunk))


# --- The edits -----------------------------------------------------------------------------------


def _load_valid(raw: bytes, display: str) -> tuple[str, LoadedRoadmap, Roadmap]:
    """The file's text and its loaded roadmap; an invalid roadmap is not edited.

    The roadmap comes without its positions: an edit finds its way in the text it parses itself.
    """
    loaded = load_bytes(raw, display)
    if loaded.roadmap is None:
        raise InvalidEdit(say("edit.invalid_before", path=loaded.path), loaded.findings)
    text = decode(raw)
    assert isinstance(text, str)  # it loaded, so it decoded
    return text, loaded.without_positions(), loaded.roadmap


def _changes(task: Task, edits: Mapping[str, FieldEdit]) -> tuple[FieldChange, ...]:
    current = task.model_dump(by_alias=True, mode="json")
    found = []
    for key, edit in edits.items():
        old = current.get(key)
        old_text = None if old in (None, [], ()) else _shown(old)
        if isinstance(edit, Append):
            added = ", ".join(f"{name}: {value}" for name, value in edit.record.items())
            found.append(FieldChange(task.id, key, None, f"+ {added}"))
            continue
        new_text = None if isinstance(edit, _Remove) else _shown(edit)
        if old_text != new_text:
            found.append(FieldChange(task.id, key, old_text, new_text))
    return tuple(found)


def _shown(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return " / ".join(str(item) for item in value.values())
    return str(value)


def _as_data(value: str | tuple[str, ...]) -> str | list[str]:
    """A written value as the model's plain data has it (lists, not tuples)."""
    return list(value) if isinstance(value, tuple) else value


def _as_written(model: BaseModel, **options: Any) -> dict[str, Any]:
    """A model as the plain data of a file: no key for an absent value (a recurring duty has no
    ``deadline: null``, which would not read back)."""
    return model.model_dump(by_alias=True, mode="json", exclude_none=True, **options)


def _fingerprint(model: BaseModel, **options: Any) -> bytes:
    """A digest of a model's written form. The proof of an edit compares these, so that it need not
    keep the roadmap before the edit while it loads the roadmap after it."""
    written = json.dumps(_as_written(model, **options), ensure_ascii=False)
    return hashlib.blake2b(written.encode("utf-8"), digest_size=16).digest()


def _roadmap_fingerprints(roadmap: Roadmap, tasks: Iterable[Task]) -> tuple[bytes, list[bytes]]:
    """The fingerprints of a roadmap with these tasks: of all but the tasks, and of each task."""
    return _fingerprint(roadmap, exclude={"tasks"}), [_fingerprint(task) for task in tasks]


@dataclass(frozen=True)
class _Spliced:
    """An edit made on the text, not yet proven: the new bytes, what they must read back as (the
    roadmap the edit intended, computed on the models), and the changes to report."""

    raw: bytes
    intended: tuple[bytes, list[bytes]]
    changes: tuple[FieldChange, ...]


def _intended(
    roadmap: Roadmap, task_index: int | None, task_fields: Mapping[str, Any]
) -> tuple[bytes, list[bytes]]:
    tasks = list(roadmap.tasks)
    task = Task.model_validate(dict(task_fields))
    if task_index is None:
        tasks.append(task)
    else:
        tasks[task_index] = task
    return _roadmap_fingerprints(roadmap, tasks)


def _proven(display: str, spliced: _Spliced) -> Edited:
    """The edit, once its new bytes load and read back as the roadmap intended, field for field."""
    loaded = load_bytes(spliced.raw, display)
    if loaded.roadmap is None:
        raise InvalidEdit(say("edit.invalid_after", path=display), loaded.errors)
    if _roadmap_fingerprints(loaded.roadmap, loaded.roadmap.tasks) != spliced.intended:
        raise EditRefused(say("edit.layout", path=display))
    return Edited(spliced.raw, spliced.changes, loaded)


def edit_task(
    raw: bytes, display: str, task_id: str, plan: Callable[[Task, Roadmap], Mapping[str, FieldEdit]]
) -> Edited:
    """Change one task of the file given as bytes, as `plan` says: the new bytes, proven, or `EditRefused`.

    `plan` sees the task as the file has it and returns the fields to change.
    """
    spliced = _splice_task(raw, display, task_id, plan)
    # Proven after the old text and roadmap are let go: a large roadmap is not held twice.
    return spliced if isinstance(spliced, Edited) else _proven(display, spliced)


def _splice_task(
    raw: bytes, display: str, task_id: str, plan: Callable[[Task, Roadmap], Mapping[str, FieldEdit]]
) -> _Spliced | Edited:
    text, loaded, roadmap = _load_valid(raw, display)
    index = _task_index(loaded, task_id)
    task = roadmap.tasks[index]
    edits = plan(task, roadmap)
    changes = _changes(task, edits)
    if not changes:
        return Edited(raw, (), loaded)
    fields = task.model_dump(by_alias=True, mode="json", exclude_defaults=True)
    for key, edit in edits.items():
        if isinstance(edit, _Remove):
            fields.pop(key, None)
        elif isinstance(edit, Append):
            fields[key] = [*fields.get(key, []), dict(edit.record)]
        else:
            fields[key] = _as_data(edit)
    doc = _Document(text, spans(text, focus=index))
    new_raw = _apply(raw, text, _task_splices(doc, doc.tasks.items[index], task_id, edits))
    return _Spliced(new_raw, _intended(roadmap, index, fields), changes)


def add_task(raw: bytes, display: str, fields: Mapping[str, str | tuple[str, ...]]) -> Edited:
    """Append a new task (given as its written fields, in file order) at the end of the tasks list."""
    return _proven(display, _splice_new_task(raw, display, fields))


def _splice_new_task(raw: bytes, display: str, fields: Mapping[str, str | tuple[str, ...]]) -> _Spliced:
    text, _, roadmap = _load_valid(raw, display)
    task_id = str(fields["id"])
    if task_id in roadmap.tasks_by_id:
        raise UsageError(say("edit.task_exists", path=display, task=task_id))
    ordered = {key: fields[key] for key in TASK_KEY_ORDER if key in fields}
    intended = _intended(roadmap, None, {key: _as_data(value) for key, value in ordered.items()})
    doc = _Document(text, spans(text))
    new_raw = _apply(raw, text, [doc.append_item(doc.tasks, ordered)])
    changes = tuple(FieldChange(task_id, key, None, _shown(value)) for key, value in ordered.items())
    return _Spliced(new_raw, intended, changes)


def _task_index(loaded: LoadedRoadmap, task_id: str) -> int:
    index = loaded.task_index(task_id)
    if index is not None:
        return index
    known = [task.id for task in loaded.roadmap.tasks] if loaded.roadmap is not None else []
    close = difflib.get_close_matches(task_id, known, n=1)
    if close:
        raise UsageError(say("edit.no_task_suggestion", task=task_id, suggestion=close[0]))
    raise UsageError(say("edit.no_task", task=task_id))
