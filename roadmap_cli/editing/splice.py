"""Writing values as YAML and splicing them into a roadmap's text: only the characters that must change."""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from roadmap_cli.editing.fields import REMOVE, Append, EditRefused, FieldEdit
from roadmap_cli.editing.spans import BREAK, BREAK_CHARACTERS, Span, line_starts
from roadmap_cli.messages import Text, say
from roadmap_cli.model import Task, key_order
from roadmap_cli.source import UTF8_BOM, compose

# The order fields are written in: a new key goes after the last existing key that precedes it.
TASK_KEY_ORDER: Final = key_order(Task)

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


def render_flow_mapping(record: Mapping[str, Written]) -> str:
    entries = (f"{key}: {render_value(value, in_flow=True)}" for key, value in record.items())
    return "{" + ", ".join(entries) + "}"


class Quoted(str):
    """Text that another YAML tool would read as a number (an id "7.1", "2"): written in quotes,
    although this tool reads every scalar as text."""

    __slots__ = ()


# A value an edit writes: text, a flow list, or (for a record added whole) a flow mapping of those.
Written = str | tuple[str, ...] | Mapping[str, "str | tuple[str, ...]"]


def render_value(value: Written, in_flow: bool) -> str:
    if isinstance(value, Mapping):
        return render_flow_mapping(value)
    if isinstance(value, Quoted):
        return render_scalar(value, prefer='"', in_flow=in_flow)
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
        self.line_starts = line_starts(text)
        first_break = BREAK.search(text)
        self.newline = first_break.group() if first_break is not None else "\n"

    def line_start(self, offset: int) -> int:
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def column(self, offset: int) -> int:
        return offset - self.line_start(offset)

    def after_line(self, offset: int) -> int:
        """Where the next line starts after the one holding `offset` (a block scalar ends at one)."""
        if offset > 0 and self.text[offset - 1] in BREAK_CHARACTERS:
            return offset
        found = BREAK.search(self.text, offset)
        return found.end() if found is not None else len(self.text)

    def starts_line(self, offset: int) -> bool:
        return not self.text[self.line_start(offset) : offset].strip(" ")

    def insert_lines(self, at: int, lines: Sequence[str]) -> _Splice:
        """Whole lines inserted at a line start (or at the end of a file without a final newline)."""
        body = "".join(line + self.newline for line in lines)
        if at == len(self.text) and self.text and self.text[-1] not in BREAK_CHARACTERS:
            return _Splice(at, at, self.newline + body.removesuffix(self.newline))
        return _Splice(at, at, body)


def _refuse(task_id: str, why: Text) -> EditRefused:
    return EditRefused(say("edit.unfaithful", task=task_id, why=why))


def _block_mapping_lines(record: Mapping[str, Written], indent: str, gap: str) -> list[str]:
    """A block mapping as a list item: the first key after `indent` and the dash, the others under it."""
    lines = []
    for number, (key, value) in enumerate(record.items()):
        prefix = indent + gap if number == 0 else indent + " " * len(gap)
        lines.append(f"{prefix}{key}: {render_value(value, in_flow=False)}")
    return lines


class Document(_Text):
    """The text, plus how this file lays out a block list: read from its tasks list."""

    def __init__(self, text: str, root: Span) -> None:
        super().__init__(text)
        self.root = root
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

    def new_list(self, key: str, records: Sequence[Mapping[str, Written]]) -> _Splice:
        """A top-level list the file does not have yet (`sections:`), put before `tasks:`."""
        tasks_key = self.root.keys["tasks"][0]
        lines = [f"{key}:"]
        for record in records:
            lines += _block_mapping_lines(record, self.list_indent, self.list_gap)
        return self.insert_lines(self.line_start(tasks_key), [*lines, ""])

    def append_item(self, sequence: Span, record: Mapping[str, Written]) -> _Splice:
        """`record` added as the last item of a list, written the way the list's items are."""
        if sequence.is_flow or not sequence.items:
            close = self.text.rfind("]", sequence.start, sequence.end)
            return _Splice(close, close, (", " if sequence.items else "") + render_flow_mapping(record))
        dash, gap = self.dash_and_gap(sequence.items[0])
        if all(item.is_flow for item in sequence.items):  # `- {period: 2026-01, on: ...}`: one more such
            lines = [" " * dash + gap + render_flow_mapping(record)]
        else:
            lines = _block_mapping_lines(record, " " * dash, gap)
        if self.spaced(sequence.items):
            lines.insert(0, "")
        return self.insert_lines(self.after_line(sequence.items[-1].end), lines)


def task_splices(doc: Document, task: Span, task_id: str, edits: Mapping[str, FieldEdit]) -> list[_Splice]:
    if task.kind != "mapping" or task.anchored:
        raise _refuse(task_id, say("edit.why.not_mapping"))
    splices: list[_Splice] = []
    indent = " " * doc.column(task.start)
    for key, edit in edits.items():
        present = task.keys.get(key)
        if edit is REMOVE:
            if present is not None:
                splices.append(_removal(doc, task, key, task_id))
        elif isinstance(edit, Append) and present is not None:
            if present[1].kind != "sequence" or present[1].anchored:
                raise _refuse(task_id, say("edit.why.not_list", key=key))
            splices.append(doc.append_item(present[1], edit.record))
        elif isinstance(edit, Append) and task.is_flow:
            close = doc.text.rfind("}", task.start, task.end)
            splices.append(_Splice(close, close, f", {key}: [{render_flow_mapping(edit.record)}]"))
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
            splices.append(_Splice(close, close, f", {key}: {render_value(edit, in_flow=True)}"))
        else:
            line = f"{indent}{key}: {render_value(edit, in_flow=False)}"
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
        ends_line = value.end > value.start and doc.text[value.end - 1] in BREAK_CHARACTERS
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


def apply_splices(raw: bytes, text: str, splices: Sequence[_Splice]) -> bytes:
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
