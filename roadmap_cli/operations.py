"""What each edit command changes in a task, and when it refuses. `edit.py` makes the change in the file.

Each function returns a planner: given the task as the file has it (and the roadmap, for its time
zone), the fields to change. Preconditions are `UsageError`s: the file is fine, the request is not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from roadmap_cli.dates import today_in
from roadmap_cli.edit import REMOVE, Append, FieldEdit
from roadmap_cli.errors import UsageError
from roadmap_cli.model import Roadmap, Status, Task

Planner = Callable[[Task, Roadmap], Mapping[str, FieldEdit]]


def _closed(task: Task, action: str) -> UsageError:
    return UsageError(f"task {task.id} is {task.status.value}: cannot {action}; `roadmap reopen` it first")


def done(on: date | None, evidence: str | None) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        today = today_in(roadmap.info.tz)
        day = on if on is not None else today
        if day > today:
            raise UsageError(
                f"--on {day.isoformat()} is after today ({today.isoformat()}, {roadmap.info.timezone_name})"
            )
        if task.status is Status.CANCELLED:
            raise _closed(task, "mark it done")
        edits: dict[str, FieldEdit] = {
            "status": Status.DONE.value,
            "completed": day.isoformat(),
            "reason": REMOVE,
        }
        if evidence is not None:
            edits["evidence"] = evidence
        return edits

    return plan


def start() -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "start it")
        return {"status": Status.IN_PROGRESS.value, "reason": REMOVE}

    return plan


def block(reason: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "block it")
        return {"status": Status.BLOCKED.value, "reason": reason}

    return plan


def cancel(reason: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status is Status.DONE:
            raise _closed(task, "cancel it")
        return {"status": Status.CANCELLED.value, "reason": reason}

    return plan


def reopen() -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if not task.status.is_closed and task.status is not Status.BLOCKED:
            raise UsageError(
                f"task {task.id} is {task.status.value}: only a done, cancelled or blocked task reopens"
            )
        return {"status": Status.IN_PROGRESS.value, "completed": REMOVE, "evidence": REMOVE, "reason": REMOVE}

    return plan


def postpone(to: date, reason: str, decision: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "postpone it")
        if task.deadline is None:
            raise UsageError(
                f"task {task.id} is a recurring duty with no single deadline: change its recurrence instead"
            )
        if to <= task.deadline:
            raise UsageError(
                f"--to {to.isoformat()} is not after the deadline of task {task.id} "
                f"({task.deadline.isoformat()})"
            )
        record = {
            "from": task.deadline.isoformat(),
            "to": to.isoformat(),
            "reason": reason,
            "decision": decision,
        }
        return {"deadline": to.isoformat(), "postponements": Append(record)}

    return plan
