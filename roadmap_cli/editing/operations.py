"""What each edit command changes in a task, and when it refuses. `edits.py` makes the change in the file.

Each function returns a planner: given the task as the file has it (and the roadmap, for its time
zone), the fields to change. Preconditions are `UsageError`s: the file is fine, the request is not.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from roadmap_cli.dates import today_in
from roadmap_cli.editing.fields import REMOVE, Append, FieldEdit
from roadmap_cli.errors import UsageError
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap, Status, Task
from roadmap_cli.wording import Deadline

Planner = Callable[[Task, Roadmap], Mapping[str, FieldEdit]]


def _closed(task: Task, key: str) -> UsageError:
    """`key` says which action a closed task refuses (``operation.closed.done``...)."""
    return UsageError(say(key, task=task.id, status=task.status.value))


def _day_of(on: date | None, roadmap: Roadmap) -> date:
    """The day something was done or reported: given, or today in the roadmap's zone; never later."""
    today = today_in(roadmap.info.tz)
    day = on if on is not None else today
    if day > today:
        raise UsageError(say("operation.on_in_future", on=day, today=today, zone=roadmap.info.timezone_name))
    return day


def done(on: date | None, evidence: str | None) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        day = _day_of(on, roadmap)
        if task.status is Status.CANCELLED:
            raise _closed(task, "operation.closed.done")
        if task.recurrence is not None:
            unreported = _unreported_periods(task, day)
            if task.recurrence.until is None or unreported:
                # Done would silence every missed period: a duty is reported a period at a time.
                example = unreported[0] if unreported else task.recurrence.every.label(day)
                raise UsageError(say("operation.done_duty", task=task.id, period=example))
        edits: dict[str, FieldEdit] = {
            "status": Status.DONE.value,
            "completed": day.isoformat(),
            "reason": REMOVE,
        }
        if evidence is not None:
            edits["evidence"] = evidence
        return edits

    return plan


def _unreported_periods(task: Task, day: date) -> list[str]:
    """The periods of a duty due on or before `day` that no submission reports."""
    assert task.recurrence is not None
    return [
        occurrence.label
        for occurrence in task.recurrence.schedule.due_through(day)
        if occurrence.due <= day and occurrence.label not in task.submitted
    ]


def submit(period: str, on: date | None, evidence: str | None) -> Planner:
    """Report one period of a recurring duty: a submission record appended (records only grow)."""

    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.recurrence is None:
            raise UsageError(say("operation.submit_not_duty", task=task.id))
        if task.status is Status.CANCELLED:
            raise _closed(task, "operation.closed.submit")
        day = _day_of(on, roadmap)
        schedule = task.recurrence.schedule
        try:
            start = task.recurrence.every.parse_label(period)
        except ValueError as exc:
            raise UsageError(say("subject.message", subject="--period", message=exc.args[0])) from None
        label = task.recurrence.every.label(start)
        if not schedule.contains(start):
            raise UsageError(say("operation.period_outside", task=task.id, period=label))
        if label in task.submitted:
            raise UsageError(
                say("operation.period_submitted", task=task.id, period=label, on=task.submitted[label])
            )
        record = {"period": label, "on": day.isoformat()}
        if evidence is not None:
            record["evidence"] = evidence
        return {"submissions": Append(record)}

    return plan


def note(text: str, on: date | None, document: str | None) -> Planner:
    """A progress note appended (notes only grow): on a day not after today, on any task but a
    cancelled one (a done task may still be reported on: the act came after the work)."""

    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status is Status.CANCELLED:
            raise _closed(task, "operation.closed.note")
        record = {"on": _day_of(on, roadmap).isoformat(), "text": text}
        if document is not None:
            record["document"] = document
        return {"progress": Append(record)}

    return plan


def start() -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "operation.closed.start")
        return {"status": Status.IN_PROGRESS.value, "reason": REMOVE}

    return plan


def block(reason: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "operation.closed.block")
        return {"status": Status.BLOCKED.value, "reason": reason}

    return plan


def cancel(reason: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status is Status.DONE:
            raise _closed(task, "operation.closed.cancel")
        return {"status": Status.CANCELLED.value, "reason": reason}

    return plan


def reopen() -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if not task.status.is_closed and task.status is not Status.BLOCKED:
            raise UsageError(say("operation.reopen_open", task=task.id, status=task.status.value))
        return {"status": Status.IN_PROGRESS.value, "completed": REMOVE, "evidence": REMOVE, "reason": REMOVE}

    return plan


def postpone(to: date, reason: str, decision: str) -> Planner:
    def plan(task: Task, roadmap: Roadmap) -> Mapping[str, FieldEdit]:
        if task.status.is_closed:
            raise _closed(task, "operation.closed.postpone")
        if task.standing is not None:
            raise UsageError(say("operation.postpone_standing", task=task.id, standing=task.standing))
        if task.relative is not None:
            raise UsageError(say("operation.postpone_relative", task=task.id, after=task.relative.after))
        if task.deadline is None:
            raise UsageError(say("operation.postpone_duty", task=task.id))
        if to <= task.deadline:
            raise UsageError(say("operation.postpone_earlier", to=to, task=task.id, deadline=task.deadline))
        record = {
            "from": task.deadline.isoformat(),
            "to": to.isoformat(),
            "reason": reason,
            "decision": decision,
        }
        # The deadline keeps the way it is written: a wording stays a wording ("I квартал 2027 года").
        written = to.as_written() if isinstance(to, Deadline) else to.isoformat()
        return {"deadline": written, "postponements": Append(record)}

    return plan
