"""`roadmap import-progress REPLY.xlsx`: a department's filled-in reply form, taken back into the
roadmap through the edits' own machinery: each row's information becomes a progress note (with its
document and day), and a new status a status edit.

All or nothing: a row whose item, title or deadline no longer matches the roadmap, a day or status
the form does not allow, or an edit the roadmap refuses, is listed with its row, and nothing is
written. A deadline is never changed here: moving one is a postponement, with its own record. The
same reply taken in twice adds nothing the second time (a note already there is not added again).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.analysis import Window
from roadmap_cli.commands.edit import write_edit
from roadmap_cli.commands.shared import speak, tell
from roadmap_cli.editing import operations
from roadmap_cli.editing.edits import edit_task, load_valid
from roadmap_cli.editing.fields import Edited, FieldChange, FieldEdit
from roadmap_cli.editing.operations import Planner
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.intake.replies import Reply, ReplyRow, read_reply
from roadmap_cli.intake.tables import read_tables
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.messages import Text, say
from roadmap_cli.model import Roadmap, Status, Task
from roadmap_cli.report import execution
from roadmap_cli.report.build import REPLY_STATUSES, execution_document
from roadmap_cli.report.sentences import STATUS_KEYS

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})|(\d{2})\.(\d{2})\.(\d{4})")


class ReplyRefused(RoadmapError):
    """Rows of a reply that cannot be taken in, each a line; nothing was written."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def import_progress(reply_path: Path, file: Path | None, dry_run: bool, language: str | None) -> ExitCode:
    speak(language)
    shown_reply = str(reply_path)
    reply = read_reply(read_tables(reply_path, shown_reply), shown_reply)

    def make(raw: bytes, shown: str) -> Edited:
        return _applied(raw, shown, reply, shown_reply)

    try:
        return write_edit(file, dry_run, make)
    except ReplyRefused as refused:
        for line in refused.lines:
            tell(line)
        tell(messages.text("reply.nothing_written", count=messages.Amount(len(refused.lines))))
        return ExitCode.INVALID


def _applied(raw: bytes, shown: str, reply: Reply, shown_reply: str) -> Edited:
    _text, loaded, roadmap = load_valid(raw, shown)  # refused as any edit of an invalid file is
    if reply.roadmap_id != roadmap.info.id:
        raise ReplyRefused([messages.text("reply.other_roadmap", path=shown_reply, roadmap=reply.roadmap_id)])
    department = roadmap.departments_by_id.get(reply.department_id)
    if department is None:
        raise ReplyRefused(
            [messages.text("reply.no_department", path=shown_reply, department=reply.department_id)]
        )
    expected = _shown_cells(loaded, reply)
    refusals: list[str] = []
    planned: list[tuple[ReplyRow, Planner]] = []
    for row in reply.rows:
        problem, planner = _plan(row, roadmap, department.id, expected, reply.as_of)
        if problem is not None:
            refusals.append(_line(shown_reply, reply, row, problem))
        elif planner is not None:
            planned.append((row, planner))
    changes: list[FieldChange] = []
    edited = None
    for row, planner in planned:
        try:
            edited = edit_task(raw, shown, row.task, planner)
        except (
            RoadmapError
        ) as refused:  # what the task does not allow (done on a cancelled one), or unfaithful
            refusals.append(_line(shown_reply, reply, row, refused.args[0]))
            continue
        raw, changes = edited.raw, [*changes, *edited.changes]
    if refusals:
        raise ReplyRefused(refusals)
    if edited is None:
        return Edited(raw, (), loaded)
    return Edited(raw, tuple(changes), edited.loaded)


def _shown_cells(loaded: LoadedRoadmap, reply: Reply) -> dict[str, tuple[str, str]]:
    """Each item's title and deadline cells as the form showed them on its day, in its language (a
    title the roadmap has in other languages only is shown in one of them, marked so)."""
    spoken = messages.current()
    messages.use(reply.language)
    try:
        document = execution_document(loaded, reply.as_of, Window(), reply.department_id, None)
        return {
            row.deadline.task: (_tidy(execution.reply_cells(row)[1]), _tidy(execution.deadline_cell(row)))
            for row in document.rows
        }
    finally:
        messages.use(spoken)


def _tidy(cell: object) -> str:
    return " ".join(str(cell).split())


def _plan(
    row: ReplyRow, roadmap: Roadmap, department_id: str, shown: Mapping[str, tuple[str, str]], as_of: date
) -> tuple[Text | None, Planner | None]:
    """What a row asks for, or why it cannot be taken in."""
    task = roadmap.tasks_by_id.get(row.task)
    if task is None:
        return say("reply.unknown_item", item=row.task), None
    if not task.involves(department_id):
        return say("reply.not_departments", item=row.task), None
    title, deadline = shown.get(task.id, (row.title, row.deadline))
    if row.title != title:
        return say("reply.title_changed", title=row.title), None
    if row.deadline != deadline:
        return say("reply.deadline_changed", item=task.id, deadline=row.deadline), None
    day = _day(row.day, as_of)
    if day is None:
        return say("reply.bad_day", day=row.day), None
    status = _status(row.status)
    if row.status and status is None:
        words = ", ".join(messages.text(STATUS_KEYS[each]) for each in REPLY_STATUSES)
        return say("reply.unknown_status", status=row.status, allowed=words), None
    if status is Status.BLOCKED and not row.progress:
        return say("reply.blocked_without_reason"), None
    planners = []
    text = row.progress.strip()
    if text and not any(note.on == day and note.text.joined() == text for note in task.progress):
        planners.append(operations.note(text, day, row.document or None))
    if status is not None and status is not task.status:
        planners.append(_status_change(status, day, row, task))
    return None, (_together(planners) if planners else None)


_STATUS_KEYS = {
    Status.IN_PROGRESS: "status.in_progress",
    Status.DONE: "status.done",
    Status.BLOCKED: "status.blocked",
}


# The official words a department may write instead of the drop-down's ("в работе", "исполнено").
_OFFICIAL_SYNONYMS = {Status.IN_PROGRESS: "official.in_work", Status.DONE: "official.executed"}


def _status(word: str) -> Status | None:
    """The status a row's word names: a drop-down value, or its official word, in any language."""
    wanted = " ".join(word.casefold().split())
    for status in REPLY_STATUSES:
        keys = [STATUS_KEYS[status], *([_OFFICIAL_SYNONYMS[status]] if status in _OFFICIAL_SYNONYMS else [])]
        for language in messages.LANGUAGES:
            if any(messages.catalogue(language)[key].casefold() == wanted for key in keys):
                return status
    return None


def _status_change(status: Status, day: date, row: ReplyRow, task: Task) -> Planner:
    if status is Status.DONE:
        return operations.done(day, row.document or None)
    if status is Status.BLOCKED:
        return operations.block(row.progress.strip())
    return operations.start()


def _together(planners: list[Planner]) -> Planner:
    """One edit of a task made of several: a note and a status change, say."""

    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        edits: dict[str, FieldEdit] = {}
        for planner in planners:
            edits.update(planner(task, roadmap))
        return edits

    return plan


def _day(text: str, as_of: date) -> date | None:
    """The day a row's information is as of: as written (2026-11-20, 20.11.2026), else the form's."""
    if not text:
        return as_of
    matched = _DAY.fullmatch(text.strip().split(" ")[0])
    if matched is None:
        return None
    year, month, day = (
        (matched[1], matched[2], matched[3]) if matched[1] else (matched[6], matched[5], matched[4])
    )
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _line(shown: str, reply: Reply, row: ReplyRow, problem: object) -> str:
    return messages.text(
        "import.finding_item", path=shown, table=reply.table.name, row=row.row, item=row.task, message=problem
    )
