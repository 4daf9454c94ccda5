"""Pure functions: where each task stands on a given date, and per-department summaries.

Nothing here reads a clock: the as-of date is always a parameter (see `dates.today_in`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from roadmap_cli.errors import UsageError
from roadmap_cli.model import Department, Roadmap, Status, Task

DEFAULT_WARN_DAYS = 14


@dataclass(frozen=True, slots=True)
class Assessment:
    """One task seen on the as-of date."""

    task: Task
    as_of: date
    warn_days: int

    @property
    def days_left(self) -> int:
        """Calendar days from the as-of date to the deadline; negative once it has passed."""
        return (self.task.deadline - self.as_of).days

    @property
    def is_overdue(self) -> bool:
        """Open, and its deadline day has ended (a task due today is not yet overdue)."""
        return not self.task.status.is_closed and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        """How many days late an overdue task is; 0 for every other task (done, cancelled, not yet due)."""
        return -self.days_left if self.is_overdue else 0

    @property
    def is_due_soon(self) -> bool:
        return not self.task.status.is_closed and 0 <= self.days_left <= self.warn_days

    @property
    def is_done_late(self) -> bool:
        task = self.task
        return task.status is Status.DONE and task.completed is not None and task.completed > task.deadline


@dataclass(frozen=True, slots=True)
class DepartmentSummary:
    """Counts for the tasks a department leads."""

    department: Department | None  # None for the roadmap-wide total
    tasks: int = 0
    done: int = 0
    done_late: int = 0
    in_progress: int = 0
    blocked: int = 0
    cancelled: int = 0
    overdue: int = 0
    due_soon: int = 0

    @property
    def percent_complete(self) -> int:
        """Done as a share of the tasks that still count (cancelled ones do not), rounded down."""
        counted = self.tasks - self.cancelled
        return 100 if counted == 0 else self.done * 100 // counted


@dataclass(frozen=True, slots=True)
class StatusReport:
    as_of: date
    warn_days: int
    summaries: tuple[DepartmentSummary, ...]
    total: DepartmentSummary
    overdue: tuple[Assessment, ...]  # worst first
    due_soon: tuple[Assessment, ...]  # soonest first


def assess_all(roadmap: Roadmap, as_of: date, warn_days: int = DEFAULT_WARN_DAYS) -> list[Assessment]:
    return [Assessment(task, as_of, warn_days) for task in roadmap.tasks]


def summarize(department: Department | None, assessments: Iterable[Assessment]) -> DepartmentSummary:
    counts = dict.fromkeys(
        (
            "tasks",
            "done",
            "done_late",
            "in_progress",
            "blocked",
            "cancelled",
            "overdue",
            "due_soon",
        ),
        0,
    )
    for assessment in assessments:
        status = assessment.task.status
        counts["tasks"] += 1
        counts["done"] += status is Status.DONE
        counts["done_late"] += assessment.is_done_late
        counts["in_progress"] += status is Status.IN_PROGRESS
        counts["blocked"] += status is Status.BLOCKED
        counts["cancelled"] += status is Status.CANCELLED
        counts["overdue"] += assessment.is_overdue
        counts["due_soon"] += assessment.is_due_soon
    return DepartmentSummary(department, **counts)


def overdue_first(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Overdue tasks, the longest overdue first."""
    late = [assessment for assessment in assessments if assessment.is_overdue]
    return sorted(late, key=lambda item: (-item.days_overdue, item.task.id))


def due_soon_first(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Tasks due within the warning window, the soonest first."""
    soon = [assessment for assessment in assessments if assessment.is_due_soon]
    return sorted(soon, key=lambda item: (item.days_left, item.task.id))


def status_report(
    roadmap: Roadmap,
    as_of: date,
    warn_days: int = DEFAULT_WARN_DAYS,
    department_id: str | None = None,
) -> StatusReport:
    """Per-department counts (by lead department) and the overdue and due-soon lists.

    With `department_id`, one department's row, and the tasks it leads or co-executes.
    """
    if warn_days < 0:
        raise UsageError(f"--warn-days must be 0 or more, not {warn_days}")
    departments = roadmap.departments
    if department_id is not None:
        if department_id not in roadmap.departments_by_id:
            known = ", ".join(roadmap.departments_by_id)
            raise UsageError(f"no department '{department_id}' in this roadmap; known: {known}")
        departments = (roadmap.departments_by_id[department_id],)
    assessments = assess_all(roadmap, as_of, warn_days)
    by_lead: dict[str, list[Assessment]] = {department.id: [] for department in departments}
    for assessment in assessments:
        if assessment.task.department in by_lead:
            by_lead[assessment.task.department].append(assessment)
    listed = (
        assessments
        if department_id is None
        else [assessment for assessment in assessments if assessment.task.involves(department_id)]
    )
    return StatusReport(
        as_of=as_of,
        warn_days=warn_days,
        summaries=tuple(summarize(department, by_lead[department.id]) for department in departments),
        total=summarize(None, [item for group in by_lead.values() for item in group]),
        overdue=tuple(overdue_first(listed)),
        due_soon=tuple(due_soon_first(listed)),
    )
