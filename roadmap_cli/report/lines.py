"""The plain ``PATH:LINE:COLUMN: message`` format of `validate` and `check`, one finding a line.

Editors, CI logs and grep all understand it; it needs no terminal library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from roadmap_cli.analysis import Assessment
from roadmap_cli.diff import Change, ChangeKind
from roadmap_cli.findings import Finding, Position, Severity
from roadmap_cli.report.escape import inert

if TYPE_CHECKING:
    from roadmap_cli.edit import FieldChange


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def located(path: str, position: Position | None, message: str) -> str:
    place = path if position is None else f"{path}:{position.line}:{position.column}"
    return inert(f"{place}: {message}")


def finding_line(path: str, finding: Finding) -> str:
    prefix = "warning: " if finding.severity is Severity.WARNING else ""
    return located(path, finding.position, prefix + finding.message)


def overdue_message(task_id: str, department: str, deadline: object, days_overdue: int) -> str:
    """The one sentence every format uses for a missed deadline."""
    return f"{task_id} ({department}) was due {deadline}, {plural(days_overdue, 'day')} overdue"


def due_soon_message(task_id: str, department: str, deadline: object, days_left: int) -> str:
    when = "today" if days_left == 0 else f"in {plural(days_left, 'day')}"
    return f"{task_id} ({department}) is due {deadline}, {when}"


def overdue_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    return located(
        path, position, overdue_message(task.id, task.department, task.deadline, assessment.days_overdue)
    )


def due_soon_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    message = due_soon_message(task.id, task.department, task.deadline, assessment.days_left)
    return located(path, position, f"warning: {message}")


def findings_summary(path: str, findings: tuple[Finding, ...]) -> str:
    errors = sum(finding.is_error for finding in findings)
    warnings = len(findings) - errors
    parts = [plural(errors, "error")]
    if warnings:
        parts.append(plural(warnings, "warning"))
    return inert(f"{path}: invalid: {', '.join(parts)}")


_CHANGE_MARKS = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.DEADLINE_LATER: ">",
    ChangeKind.DEADLINE_EARLIER: "<",
    ChangeKind.REOPENED: "!",
}


def describe_change(change: Change) -> str:
    """One change in words, without its department: ``SEZ-008 deadline moved later: ...``."""
    task = change.task_id
    if change.kind is ChangeKind.ADDED:
        return f"{task} added, due {change.new}"
    if change.kind is ChangeKind.REMOVED:
        return f"{task} removed (was {change.old})"
    if change.kind is ChangeKind.DEADLINE_LATER:
        return (
            f"{task} deadline moved later: {change.old} -> {change.new} (+{plural(change.days or 0, 'day')})"
        )
    if change.kind is ChangeKind.DEADLINE_EARLIER:
        return f"{task} deadline moved earlier: {change.old} -> {change.new} ({change.days} days)"
    if change.kind is ChangeKind.REOPENED:
        return f"{task} REOPENED: done -> {change.new}"
    if change.kind is ChangeKind.REASSIGNED:
        return f"{task} reassigned: {change.old} -> {change.new}"
    return f"{task} {change.kind.value}: {change.old} -> {change.new}"


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
    old = "(none)" if change.old is None else change.old
    new = "(removed)" if change.new is None else change.new
    return located(path, position, f"{change.task_id}: {change.field}: {old} -> {new}")
