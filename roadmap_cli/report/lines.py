"""The plain ``PATH:LINE:COLUMN: message`` format of `validate` and `check`, one finding a line.

Editors, CI logs and grep all understand it; it needs no terminal library.
"""

from __future__ import annotations

from roadmap_cli.analysis import Assessment
from roadmap_cli.findings import Finding, Position, Severity
from roadmap_cli.report.escape import inert


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def located(path: str, position: Position | None, message: str) -> str:
    place = path if position is None else f"{path}:{position.line}:{position.column}"
    return inert(f"{place}: {message}")


def finding_line(path: str, finding: Finding) -> str:
    prefix = "warning: " if finding.severity is Severity.WARNING else ""
    return located(path, finding.position, prefix + finding.message)


def overdue_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    return located(
        path,
        position,
        f"{task.id} ({task.department}) was due {task.deadline}, "
        f"{plural(assessment.days_overdue, 'day')} overdue",
    )


def due_soon_line(path: str, position: Position | None, assessment: Assessment) -> str:
    task = assessment.task
    when = "today" if assessment.days_left == 0 else f"in {plural(assessment.days_left, 'day')}"
    return located(path, position, f"warning: {task.id} ({task.department}) is due {task.deadline}, {when}")


def findings_summary(path: str, findings: tuple[Finding, ...]) -> str:
    errors = sum(finding.is_error for finding in findings)
    warnings = len(findings) - errors
    parts = [plural(errors, "error")]
    if warnings:
        parts.append(plural(warnings, "warning"))
    return inert(f"{path}: invalid: {', '.join(parts)}")
