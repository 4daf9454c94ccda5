"""Compare two versions of a roadmap, and judge the change against the postponement policy.

Pure functions over models; reading revisions from git is `git.py`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TypeVar

from roadmap_cli.findings import Finding, Position, error
from roadmap_cli.messages import Text, say
from roadmap_cli.model import Roadmap, Status, Task

# A value before or after a change: a date (a deadline, the day a period was reported) stays a date
# until a renderer writes it the local way; statuses, ids, titles and schedules are text.
ChangeValue = date | str | None
# Where a value stands in the head file (`LoadedRoadmap.position`), for a violation's position.
Locate = Callable[[tuple[str | int, ...]], Position | None]


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    DEADLINE_LATER = "deadline-later"
    DEADLINE_EARLIER = "deadline-earlier"
    REOPENED = "reopened"  # a done task that is no longer done
    STATUS = "status"
    REASSIGNED = "reassigned"
    TITLE = "title"
    DELIVERABLE = "deliverable"
    SCHEDULE = "schedule"  # a recurrence changed, or a task became (or stopped being) a recurring duty
    SUBMITTED = "submitted"  # a period of a recurring duty was reported
    NOTED = "noted"  # a progress note was added


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Change:
    """One reviewable difference in one task. `department` is the lead after the change."""

    kind: ChangeKind
    task_id: str
    department: str
    old: ChangeValue = None
    new: ChangeValue = None
    days: int | None = None  # for deadline moves: how far, in calendar days


def _localized(task: Task, field: str) -> str | None:
    value = getattr(task, field)
    return None if value is None else value.joined()


# Not calendar.day_name: that follows the locale, and this line is the same on every machine.
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def schedule(task: Task) -> date | str:
    """A task's deadline, or its recurrence in one line: ``monthly by day 10 from 2026-01-01``."""
    if task.recurrence is None:
        if task.relative is not None:
            count, unit = task.relative.within
            return f"{count} {unit}(s) after {task.relative.after}"
        if task.deadline is None:
            assert task.standing is not None
            return task.standing
        return task.deadline
    recurrence = task.recurrence
    terms = recurrence.schedule.terms
    until = f" to {recurrence.until}" if recurrence.until is not None else ""
    if terms.dates:
        dates = ", ".join(f"{month:02d}-{day:02d}" for month, day in sorted(terms.dates))
        due = f"by {dates}" + (" after the period" if terms.after_period else "")
    elif terms.weekday is not None:
        due = f"on {_WEEKDAY_NAMES[terms.weekday]}s"
    elif terms.due_day is not None:
        due = f"by day {terms.due_day}"
    else:
        due = "by the period's end"
    return f"{recurrence.every.value} {due} from {recurrence.starts}{until}"


def _task_changes(old: Task, new: Task) -> list[Change]:
    changes: list[Change] = []

    def add(kind: ChangeKind, before: ChangeValue, after: ChangeValue, days: int | None = None) -> None:
        changes.append(Change(kind, new.id, new.department, before, after, days))

    if new.deadline is not None and old.deadline is not None:
        if new.deadline != old.deadline:
            days = (new.deadline - old.deadline).days
            kind = ChangeKind.DEADLINE_LATER if days > 0 else ChangeKind.DEADLINE_EARLIER
            add(kind, old.deadline, new.deadline, days)
    elif old.recurrence != new.recurrence:
        add(ChangeKind.SCHEDULE, schedule(old), schedule(new))
    for period, on in new.submitted.items():
        if period not in old.submitted:
            add(ChangeKind.SUBMITTED, period, on)
    for note in new.progress:
        if note not in old.progress:
            add(ChangeKind.NOTED, note.on, note.text.joined())
    if new.status != old.status:
        reopened = old.status is Status.DONE
        add(ChangeKind.REOPENED if reopened else ChangeKind.STATUS, old.status.value, new.status.value)
    if new.leads != old.leads:
        add(ChangeKind.REASSIGNED, ", ".join(old.leads), ", ".join(new.leads))
    for field, kind in (("title", ChangeKind.TITLE), ("deliverable", ChangeKind.DELIVERABLE)):
        if _localized(old, field) != _localized(new, field):
            add(kind, _localized(old, field), _localized(new, field))
    return changes


def compare(base: Roadmap | None, head: Roadmap) -> list[Change]:
    """Every reviewable change from `base` to `head` (None: the file is new), in head's task order."""
    old_tasks = base.tasks_by_id if base is not None else {}
    changes: list[Change] = []
    for task in head.tasks:
        old = old_tasks.get(task.id)
        if old is None:
            changes.append(Change(ChangeKind.ADDED, task.id, task.department, None, schedule(task)))
        elif old is not task:  # the very same model: a history's revisions share unchanged tasks
            changes.extend(_task_changes(old, task))
    changes.extend(
        Change(ChangeKind.REMOVED, task.id, task.department, task.status.value, None)
        for task in (base.tasks if base is not None else ())
        if task.id not in head.tasks_by_id
    )
    return changes


@dataclass(frozen=True, slots=True)
class _Violation:
    """A change the policy forbids, with a path into the head file where it shows."""

    rule: str
    task_id: str
    text: Text
    where: tuple[str | int, ...]


def violations(base: Roadmap | None, head: Roadmap, change_date: date, locate: Locate) -> list[Finding]:
    """What the change does that the policy forbids, as findings at their place in the head file;
    `change_date` is the head commit's date."""
    return [
        error(found.rule, found.text, locate(found.where), task=found.task_id)
        for found in _violations(base, head, change_date)
    ]


def _violations(base: Roadmap | None, head: Roadmap, change_date: date) -> list[_Violation]:
    found: list[_Violation] = []
    old_tasks = base.tasks_by_id if base is not None else {}
    for index, task in enumerate(head.tasks):
        old = old_tasks.get(task.id)
        if old is not None:
            found.extend(_history_violations(index, old, task))
            found.extend(_duty_violations(index, old, task, change_date))
            found.extend(_progress_violations(index, old, task, change_date))
            if task.status is Status.CANCELLED and old.status is not Status.CANCELLED and not task.reason:
                found.append(
                    _Violation(
                        "cancel-without-reason",
                        task.id,
                        say("policy.cancel_without_reason", task=task.id),
                        ("tasks", index, "status"),
                    )
                )
        newly_done = task.status is Status.DONE and (old is None or old.status is not Status.DONE)
        if newly_done and task.completed is not None and task.completed > change_date:
            found.append(
                _Violation(
                    "completed-in-future",
                    task.id,
                    say(
                        "policy.completed_in_future",
                        task=task.id,
                        completed=task.completed,
                        change=change_date,
                    ),
                    ("tasks", index, "completed"),
                )
            )
    for task in base.tasks if base is not None else ():
        if task.id not in head.tasks_by_id and task.status is not Status.CANCELLED:
            found.append(
                _Violation(
                    "removed-not-cancelled",
                    task.id,
                    say("policy.removed_not_cancelled", task=task.id, status=task.status.value),
                    ("tasks",),
                )
            )
    return found


def _history_violations(index: int, old: Task, new: Task) -> list[_Violation]:
    """Postponement records are append-only, and a later deadline needs a new one."""
    found: list[_Violation] = []
    where = ("tasks", index, "postponements")
    for position, record in enumerate(old.postponements):
        removed = position >= len(new.postponements)
        if removed or new.postponements[position] != record:
            rule, key = (
                ("postponement-removed", "policy.postponement_removed")
                if removed
                else ("postponement-edited", "policy.postponement_edited")
            )
            found.append(
                _Violation(
                    rule,
                    new.id,
                    say(
                        key,
                        task=new.id,
                        number=position + 1,
                        start=record.from_,
                        end=record.to,
                    ),
                    (*where, position) if not removed else where if new.postponements else ("tasks", index),
                )
            )
        if removed:
            break
    if new.deadline is not None and old.deadline is not None and new.deadline > old.deadline:
        # The appended records must lead from the old deadline to the new one; `rules` has already
        # checked that the head's records form a chain.
        added = new.postponements[len(old.postponements) :]
        if not added or added[0].from_ != old.deadline or added[-1].to != new.deadline:
            found.append(
                _Violation(
                    "deadline-moved-without-record",
                    new.id,
                    say(
                        "policy.moved_without_record",
                        task=new.id,
                        old=old.deadline,
                        new=new.deadline,
                        days=(new.deadline - old.deadline).days,
                        old_iso=old.deadline.isoformat(),
                        new_iso=new.deadline.isoformat(),
                    ),
                    ("tasks", index, "deadline"),
                )
            )
    return found


def _kept(old: Sequence[T], new: Sequence[T]) -> bool:
    """Whether `new` begins with every record of `old`, unchanged: append-only records grew only."""
    return tuple(new[: len(old)]) == tuple(old)


def _progress_violations(index: int, old: Task, new: Task, change_date: date) -> list[_Violation]:
    """Progress notes are records like submissions: they only grow, and none is dated after the change."""
    found: list[_Violation] = []
    where = ("tasks", index, "progress") if new.progress else ("tasks", index)
    if not _kept(old.progress, new.progress):
        found.append(
            _Violation("progress-changed", new.id, say("policy.progress_changed", task=new.id), where)
        )
    for note in new.progress[len(old.progress) :]:
        if note.on > change_date:
            violation = say("policy.noted_in_future", task=new.id, on=note.on, change=change_date)
            found.append(_Violation("noted-in-future", new.id, violation, where))
    return found


def _duty_violations(index: int, old: Task, new: Task, change_date: date) -> list[_Violation]:
    """Submissions are records like postponements (append-only, not dated after the change), and a
    period that was due unreported may not quietly become due later or stop being due."""
    found: list[_Violation] = []
    where = ("tasks", index)
    for period, on in old.submitted.items():
        if new.submitted.get(period) != on:
            found.append(
                _Violation(
                    "submission-changed",
                    new.id,
                    say("policy.submission_changed", task=new.id, period=period, on=on),
                    (*where, "submissions") if new.submissions else where,
                )
            )
    for period, on in new.submitted.items():
        if period not in old.submitted and on > change_date:
            found.append(
                _Violation(
                    "submitted-in-future",
                    new.id,
                    say("policy.submitted_in_future", task=new.id, period=period, on=on, change=change_date),
                    (*where, "submissions"),
                )
            )
    if old.recurrence is not None and new.status is Status.DONE and old.status is not Status.DONE:
        # Marking a duty done would silence every missed period at once: each must be reported first.
        found.extend(
            _Violation(
                "duty-done-unreported",
                new.id,
                say("policy.duty_done_unreported", task=new.id, period=occurrence.label, due=occurrence.due),
                (*where, "status"),
            )
            for occurrence in old.recurrence.schedule.due_through(change_date)
            if occurrence.due <= change_date and occurrence.label not in new.submitted
        )
    if old.recurrence is None or new.status.is_closed:
        return found
    head_due = (
        {occurrence.label: occurrence.due for occurrence in new.recurrence.schedule.due_through(change_date)}
        if new.recurrence is not None
        else {}
    )
    for occurrence in old.recurrence.schedule.due_through(change_date):
        if occurrence.due > change_date or occurrence.label in new.submitted:
            continue
        due_now = head_due.get(occurrence.label)
        if due_now is None or due_now > occurrence.due:
            found.append(
                _Violation(
                    "duty-period-moved",
                    new.id,
                    say(
                        "policy.duty_period_dropped", task=new.id, period=occurrence.label, due=occurrence.due
                    )
                    if due_now is None
                    else say(
                        "policy.duty_period_moved",
                        task=new.id,
                        period=occurrence.label,
                        due=occurrence.due,
                        now=due_now,
                    ),
                    (*where, "recurrence") if new.recurrence is not None else where,
                )
            )
    return found
