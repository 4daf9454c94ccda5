"""The plain ``PATH:LINE:COLUMN: message`` format of `validate` and `check`, one finding a line.

Editors, CI logs and grep all understand it; it needs no terminal library.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING

from roadmap_cli import messages
from roadmap_cli.analysis import Assessment, Window
from roadmap_cli.diff import Change, ChangeKind
from roadmap_cli.findings import Finding, Position, Severity
from roadmap_cli.report.escape import inert

if TYPE_CHECKING:
    from roadmap_cli.edit import FieldChange


def located(path: str, position: Position | None, message: str) -> str:
    place = path if position is None else f"{path}:{position.line}:{position.column}"
    return inert(f"{place}: {message}")


def finding_line(path: str, finding: Finding) -> str:
    if finding.severity is Severity.WARNING:
        return located(path, finding.position, messages.text("line.warning", message=finding.message))
    return located(path, finding.position, finding.message)


def deadline_text(assessment: Assessment) -> str:
    """A deadline as people read it: the date the local way, then (when there are any) the period of a
    duty, the wording as written, and the date it was moved from."""
    notes: list[str] = []
    if assessment.period is not None:
        notes.append(messages.text("period", period=assessment.period))
    shown = messages.day(assessment.due)
    wording = getattr(assessment.stated, "wording", None)
    if wording is not None and wording.strip() not in (shown, assessment.stated.isoformat()):
        notes.append(wording)
    if assessment.is_moved:
        notes.append(messages.text("moved", stated=messages.day(assessment.stated)))
    return f"{shown} ({'; '.join(notes)})" if notes else shown


def overdue_message(task_id: str, department: str, deadline: str, days_overdue: int) -> str:
    """The one sentence every format uses for a missed deadline."""
    return messages.text(
        "line.overdue",
        task=task_id,
        department=department,
        deadline=deadline,
        days=messages.count(days_overdue, "day"),
    )


def due_soon_message(task_id: str, department: str, deadline: str, days_left: int) -> str:
    if days_left == 0:
        return messages.text("line.due_today", task=task_id, department=department, deadline=deadline)
    return messages.text(
        "line.due_in",
        task=task_id,
        department=department,
        deadline=deadline,
        days=messages.count(days_left, "day"),
    )


def overdue_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    message = overdue_message(task.id, task.department, deadline_text(assessment), assessment.days_overdue)
    return located(path, position, message)


def due_soon_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    message = due_soon_message(task.id, task.department, deadline_text(assessment), assessment.days_left)
    return located(path, position, messages.text("line.warning", message=message))


def window_text(window: Window) -> str:
    """``14 days``, ``10 working days``: how far ahead due-soon looks."""
    return messages.count(window.days, "working_day" if window.working else "day")


def findings_summary(path: str, findings: tuple[Finding, ...]) -> str:
    errors = sum(finding.is_error for finding in findings)
    warnings = len(findings) - errors
    parts = [messages.count(errors, "error")]
    if warnings:
        parts.append(messages.count(warnings, "warning"))
    return inert(messages.text("validate.invalid", path=path, problems=", ".join(parts)))


_CHANGE_MARKS = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.DEADLINE_LATER: ">",
    ChangeKind.DEADLINE_EARLIER: "<",
    ChangeKind.REOPENED: "!",
}


def describe_change(change: Change) -> str:
    """One change in words, without its department: ``SEZ-008 deadline moved later: ...``."""
    values = {"task": change.task_id, "old": _as_day(change.old), "new": _as_day(change.new)}
    days = messages.count(abs(change.days or 0), "day")
    return messages.text(f"change.{change.kind.value}", **values, days=days)


def _as_day(value: str | None) -> str | None:
    """A value of a change as shown: an ISO date the local way, anything else as it is."""
    if value is not None and len(value) == 10 and value[4] == "-":
        with contextlib.suppress(ValueError):
            return messages.day(date.fromisoformat(value))
    return value


def diff_lines(changes: list[Change], department_order: list[str]) -> list[str]:
    """Changes grouped by lead department (in the roadmap's order), one indented line each."""
    order = {department: position for position, department in enumerate(department_order)}
    grouped: dict[str, list[Change]] = {}
    for change in changes:
        grouped.setdefault(change.department, []).append(change)
    lines: list[str] = []
    for department in sorted(grouped, key=lambda name: (order.get(name, len(order)), name)):
        lines.append(inert(department))
        lines.extend(
            inert(f"  {_CHANGE_MARKS.get(change.kind, '~')} {describe_change(change)}")
            for change in grouped[department]
        )
    return lines


def change_line(path: str, position: Position | None, change: FieldChange) -> str:
    """One changed field of an edit: where it now stands, and its value before and after."""
    old = messages.text("edit.none") if change.old is None else change.old
    new = messages.text("edit.removed") if change.new is None else change.new
    return located(path, position, f"{change.task_id}: {change.field}: {old} -> {new}")
