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

import hashlib
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from roadmap_cli.editing.fields import (
    REMOVE,
    Append,
    Edited,
    EditRefused,
    FieldChange,
    FieldEdit,
    InvalidEdit,
)
from roadmap_cli.editing.spans import spans
from roadmap_cli.editing.splice import TASK_KEY_ORDER, Document, Written, apply_splices, task_splices
from roadmap_cli.errors import UsageError
from roadmap_cli.findings import closest
from roadmap_cli.load import LoadedRoadmap, load_bytes
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap, Task
from roadmap_cli.source import decode

# --- The edits -----------------------------------------------------------------------------------


def load_valid(raw: bytes, display: str) -> tuple[str, LoadedRoadmap, Roadmap]:
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
            found.append(FieldChange(task.id, key, None, added, appended=True))
            continue
        new_text = None if edit is REMOVE else _shown(edit)
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
    text, loaded, roadmap = load_valid(raw, display)
    index = _task_index(loaded, task_id)
    task = roadmap.tasks[index]
    edits = plan(task, roadmap)
    changes = _changes(task, edits)
    if not changes:
        return Edited(raw, (), loaded)
    fields = task.model_dump(by_alias=True, mode="json", exclude_defaults=True)
    for key, edit in edits.items():
        if edit is REMOVE:
            fields.pop(key, None)
        elif isinstance(edit, Append):
            fields[key] = [*fields.get(key, []), dict(edit.record)]
        else:
            fields[key] = _as_data(edit)
    doc = Document(text, spans(text, focus=index))
    new_raw = apply_splices(raw, text, task_splices(doc, doc.tasks.items[index], task_id, edits))
    return _Spliced(new_raw, _intended(roadmap, index, fields), changes)


def add_task(raw: bytes, display: str, fields: Mapping[str, str | tuple[str, ...]]) -> Edited:
    """Append a new task (given as its written fields, in file order) at the end of the tasks list."""
    return _proven(display, _splice_new_task(raw, display, fields))


def _splice_new_task(raw: bytes, display: str, fields: Mapping[str, str | tuple[str, ...]]) -> _Spliced:
    text, _, roadmap = load_valid(raw, display)
    task_id = str(fields["id"])
    if task_id in roadmap.tasks_by_id:
        raise UsageError(say("edit.task_exists", path=display, task=task_id))
    ordered = {key: fields[key] for key in TASK_KEY_ORDER if key in fields}
    intended = _intended(roadmap, None, {key: _as_data(value) for key, value in ordered.items()})
    doc = Document(text, spans(text))
    new_raw = apply_splices(raw, text, [doc.append_item(doc.tasks, ordered)])
    changes = tuple(FieldChange(task_id, key, None, _shown(value)) for key, value in ordered.items())
    return _Spliced(new_raw, intended, changes)


def add_entries(
    raw: bytes, display: str, plan: Callable[[Roadmap], Mapping[str, Sequence[Mapping[str, Written]]]]
) -> Edited:
    """New entries at the end of the roadmap's top-level lists (`departments`, `sections`, `tasks`),
    as `plan` makes them from the roadmap, each written the way its list's items are, every other
    byte as it was; a list the file does not have is added before `tasks:`. The new text must load,
    with every old task as it was."""
    text, _, roadmap = load_valid(raw, display)
    entries = plan(roadmap)
    doc = Document(text, spans(text))
    splices = []
    for key, records in entries.items():
        if not records:
            continue
        if key in doc.root.keys:
            sequence = doc.root.keys[key][1]
            splices += [doc.append_item(sequence, record) for record in records]
        else:
            splices.append(doc.new_list(key, records))
    new_raw = apply_splices(raw, text, splices)
    loaded = load_bytes(new_raw, display)
    if loaded.roadmap is None:
        raise InvalidEdit(say("edit.invalid_after", path=display), loaded.errors)
    kept = {task.id: task for task in loaded.roadmap.tasks}
    if any(kept.get(task.id) != task for task in roadmap.tasks):
        raise EditRefused(say("edit.layout", path=display))
    changes = tuple(
        FieldChange(str(record["id"]), key, None, _shown(record.get("title") or record.get("name") or ""))
        for key, records in entries.items()
        for record in records
    )
    return Edited(new_raw, changes, loaded)


def _task_index(loaded: LoadedRoadmap, task_id: str) -> int:
    index = loaded.task_index(task_id)
    if index is not None:
        return index
    known = [task.id for task in loaded.roadmap.tasks] if loaded.roadmap is not None else []
    suggestion = closest(task_id, known)
    if suggestion is not None:
        raise UsageError(say("edit.no_task_suggestion", task=task_id, suggestion=suggestion))
    raise UsageError(say("edit.no_task", task=task_id))
