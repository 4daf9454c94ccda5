"""What each command reports, as one plain, versioned document (the `json` format).

Every other machine format (github, markdown, junit) renders from these documents, so that all of
them say the same thing. The structure is documented in the README; `VERSION` changes when a field
changes meaning or disappears (adding a field does not change it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from datetime import date

    from roadmap_cli.analysis import Assessment, StatusReport, Window
    from roadmap_cli.diff import Change, Violation
    from roadmap_cli.findings import Finding, Position
    from roadmap_cli.load import LoadedRoadmap
    from roadmap_cli.model import Localized, Task

VERSION = 1
Document = dict[str, Any]


def _header(command: str) -> Document:
    return {"schema": "roadmap-report", "version": VERSION, "command": command}


def _place(position: Position | None) -> Document:
    return {"line": position.line if position else None, "column": position.column if position else None}


def _texts(value: Localized | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {language or "any": text for language, text in value.texts}


def finding_entry(finding: Finding) -> Document:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        **_place(finding.position),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def task_entry(task: Task, assessment: Assessment | None, position: Position | None) -> Document:
    """A task; with an assessment, one of its deadlines (a duty has one per period) as judged."""
    deadline = assessment.stated if assessment is not None else task.deadline
    entry: Document = {
        "id": task.id,
        "title": _texts(task.title),
        "department": task.department,
        "co_executors": list(task.co_executors),
        "deadline": _iso(deadline),
        "deadline_as_written": getattr(deadline, "wording", None),
        "original_deadline": _iso(task.original_deadline),
        "status": task.status.value,
        "completed": _iso(task.completed),
        **_place(position),
    }
    if assessment is not None:
        from roadmap_cli.report.lines import deadline_text

        entry["effective_deadline"] = assessment.due.isoformat()
        entry["deadline_text"] = deadline_text(assessment)
        entry["period"] = assessment.period
        entry["submitted"] = _iso(assessment.submitted)
        entry["state"] = task_state(assessment)
        entry["days_overdue"] = assessment.days_overdue
        entry["days_left"] = assessment.days_left
    return entry


def _assessed(loaded: LoadedRoadmap, assessment: Assessment, working_days: bool = False) -> Document:
    entry = task_entry(assessment.task, assessment, loaded.task_position(assessment.task.id))
    if working_days:
        entry["working_days_overdue"] = assessment.working_days_overdue
        entry["working_days_left"] = assessment.working_days_left
    return entry


def task_state(assessment: Assessment) -> str:
    """One word for where a deadline stands: overdue, due-soon, done, done-late, submitted (a duty's
    period, on time), cancelled, on-track."""
    if assessment.is_overdue:
        return "overdue"
    if assessment.is_due_soon:
        return "due-soon"
    if assessment.is_done_late:
        return "done-late"
    if assessment.submitted is not None:
        return "submitted"
    status = assessment.task.status.value
    return status if status in ("done", "cancelled") else "on-track"


def validate_document(results: list[LoadedRoadmap]) -> Document:
    return {
        **_header("validate"),
        "files": [
            {
                "file": loaded.path,
                "valid": loaded.roadmap is not None,
                "tasks": len(loaded.roadmap.tasks) if loaded.roadmap else None,
                "findings": [finding_entry(finding) for finding in loaded.findings],
            }
            for loaded in results
        ],
    }


def check_document(
    loaded: LoadedRoadmap, assessments: list[Assessment], as_of: date, window: Window, failed: bool
) -> Document:
    """Every deadline, with its state on the as-of date (overdue ones worst first, then the rest)."""
    assert loaded.roadmap is not None
    ordered = sorted(
        assessments,
        key=lambda item: (not item.is_overdue, -item.days_overdue, not item.is_due_soon, item.due),
    )
    return {
        **_header("check"),
        "file": loaded.path,
        "as_of": as_of.isoformat(),
        "timezone": loaded.roadmap.info.timezone_name,
        "warn_days": window.days,
        "warn_in_working_days": window.working,
        "failed": failed,
        "summary": {
            "tasks": len(loaded.roadmap.tasks),
            "deadlines": len(assessments),
            "overdue": sum(item.is_overdue for item in assessments),
            "due_soon": sum(item.is_due_soon for item in assessments),
        },
        "tasks": [_assessed(loaded, item) for item in ordered],
    }


# A list of thousands of tasks helps no one reading it (and a terminal table takes seconds to lay
# out): the formats read by people show the worst ones and say how many more there are.
DEFAULT_ROWS = 20

T = TypeVar("T")


def first_rows(items: Sequence[T], limit: int | None) -> tuple[Sequence[T], int]:
    """The items a list shows (all when `limit` is None), and how many more it leaves out."""
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


def status_document(loaded: LoadedRoadmap, report: StatusReport) -> Document:
    assert loaded.roadmap is not None
    summaries = [*report.summaries, report.total]
    return {
        **_header("status"),
        "file": loaded.path,
        "title": _texts(loaded.roadmap.info.title),
        "as_of": report.as_of.isoformat(),
        "timezone": loaded.roadmap.info.timezone_name,
        "warn_days": report.window.days,
        "warn_in_working_days": report.window.working,
        "departments": [
            {
                "id": summary.department.id if summary.department else None,
                "name": _texts(summary.department.name) if summary.department else None,
                "tasks": summary.tasks,
                "done": summary.done,
                "done_late": summary.done_late,
                "in_progress": summary.in_progress,
                "blocked": summary.blocked,
                "cancelled": summary.cancelled,
                "overdue": summary.overdue,
                "due_soon": summary.due_soon,
                "percent_complete": summary.percent_complete,
            }
            for summary in summaries
        ],
        "overdue": [_assessed(loaded, item, working_days=True) for item in report.overdue],
        "due_soon": [_assessed(loaded, item, working_days=True) for item in report.due_soon],
    }


def diff_document(
    head: LoadedRoadmap,
    base_name: str,
    head_name: str,
    changes: list[Change],
    violations: list[Violation] | None,
) -> Document:
    return {
        **_header("diff"),
        "file": head.path,
        "base": base_name,
        "head": head_name,
        "changes": [
            {
                "kind": change.kind.value,
                "task": change.task_id,
                "department": change.department,
                "old": change.old,
                "new": change.new,
                "days": change.days,
                **_place(head.task_position(change.task_id)),
            }
            for change in changes
        ],
        "violations": None
        if violations is None
        else [
            {
                "rule": violation.rule,
                "task": violation.task_id,
                "message": violation.message,
                **_place(head.position(violation.where)),
            }
            for violation in violations
        ],
    }
