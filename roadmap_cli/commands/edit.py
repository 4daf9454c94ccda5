"""The edit commands (`done`, `start`, `block`, `cancel`, `reopen`, `postpone`, `add`): lock the
file, make the edit, prove it, write it atomically, and say what changed where."""

from __future__ import annotations

import contextlib
import difflib
import os
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.shared import emit, locate, speak, tell
from roadmap_cli.editing import operations
from roadmap_cli.editing.edits import add_task, edit_task
from roadmap_cli.editing.fields import Edited, InvalidEdit
from roadmap_cli.editing.operations import Planner
from roadmap_cli.editing.storage import editing, replace
from roadmap_cli.errors import ExitCode, OutputError, RoadmapError
from roadmap_cli.load import language_hint
from roadmap_cli.report.build import edit_document
from roadmap_cli.report.escape import inert
from roadmap_cli.report.text import edit_lines, finding_line

# Makes an edit: given the file's bytes and its name in messages, the edited file.
Edit = Callable[[bytes, str], Edited]


def change_task(file: Path | None, dry_run: bool, task_id: str, plan: Planner) -> ExitCode:
    """Change one task as `plan` says."""
    return write_edit(file, dry_run, lambda raw, shown: edit_task(raw, shown, task_id, plan))


def done(file: Path | None, dry_run: bool, task_id: str, on: date | None, evidence: str | None) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.done(on, evidence))


def submit(
    file: Path | None, dry_run: bool, task_id: str, period: str, on: date | None, evidence: str | None
) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.submit(period, on, evidence))


def note(
    file: Path | None, dry_run: bool, task_id: str, text: str, on: date | None, document: str | None
) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.note(text, on, document))


def start(file: Path | None, dry_run: bool, task_id: str) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.start())


def block(file: Path | None, dry_run: bool, task_id: str, reason: str) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.block(reason))


def cancel(file: Path | None, dry_run: bool, task_id: str, reason: str) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.cancel(reason))


def reopen(file: Path | None, dry_run: bool, task_id: str) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.reopen())


def postpone(
    file: Path | None, dry_run: bool, task_id: str, to: date, reason: str, decision: str
) -> ExitCode:
    return change_task(file, dry_run, task_id, operations.postpone(to, reason, decision))


def add(file: Path | None, dry_run: bool, fields: Mapping[str, str | tuple[str, ...]]) -> ExitCode:
    """Add a task, given as its written fields, at the end of the tasks list."""
    return write_edit(file, dry_run, lambda raw, shown: add_task(raw, shown, fields))


def speak_for(file: Path | None) -> None:
    """Speak the language of the roadmap an edit will change (unless $ROADMAP_LANG says another),
    before reading it in full: for the questions `add` asks first."""
    with contextlib.suppress(RoadmapError, OSError):  # no file yet: the edit itself will say so
        resolved, _shown = locate(file)
        with resolved.open("rb") as handle:
            speak(messages.requested(None, os.environ), language=language_hint(handle.read(64 * 1024)))


def write_edit(file: Path | None, dry_run: bool, make: Edit) -> ExitCode:
    resolved, shown = locate(file)
    with editing(resolved) as snapshot:
        # Refusals and reports in the file's language (unless $ROADMAP_LANG says another).
        speak(messages.requested(None, os.environ), language=language_hint(snapshot.raw))
        try:
            edited = make(snapshot.raw, shown)
        except InvalidEdit as refused:
            for finding in refused.findings:
                tell(finding_line(shown, finding))
            tell(f"roadmap: {refused}")
            return ExitCode.INVALID
        if not edited.changes:
            tell(messages.text("edit.nothing", path=shown))
            return ExitCode.OK
        if dry_run:
            emit(unified_diff(snapshot.raw, edited.raw, shown))
            tell(messages.text("edit.dry_run", path=shown))
            return ExitCode.OK
        replace(snapshot, edited.raw, shown)
    # The file is written: whatever happens to the report now, the exit code says the edit was made.
    try:
        emit("".join(line + "\n" for line in edit_lines(edit_document(shown, edited.loaded, edited.changes))))
    except OutputError as lost:
        tell(messages.text("edit.unreported", path=shown, reason=lost.reason))
    return ExitCode.OK


def unified_diff(old: bytes, new: bytes, shown: str) -> str:
    """The change as a unified diff, every line inert (a file's bytes are data)."""
    before = old.decode("utf-8", errors="replace").splitlines(keepends=True)
    after = new.decode("utf-8", errors="replace").splitlines(keepends=True)
    lines = difflib.unified_diff(before, after, fromfile=f"a/{shown}", tofile=f"b/{shown}")
    return "".join(inert(line.rstrip("\r\n")) + "\n" for line in lines)
