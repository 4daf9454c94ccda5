"""Who is to be reminded of what: each department's overdue deadlines, what falls due within a window,
its duties' periods coming due, and what is at risk, judged by the rules `status` uses (nothing here
invents urgency: an item is in a digest only when `status` would list it).

A department is reminded of the items it leads and of those it co-executes: under Kazakh document
control a co-executor answers to the lead by the lead's deadline, so it must hear of it too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from roadmap_cli.analysis import (
    Assessment,
    Window,
    assess_all,
    at_risk_first,
    due_soon_first,
    find_department,
    overdue_first,
)
from roadmap_cli.model import Department, Roadmap


@dataclass(frozen=True, slots=True)
class Digest:
    """What one department of one roadmap is to hear on the as-of day."""

    department: Department
    overdue: tuple[Assessment, ...]  # worst first (duties' missed periods among them)
    due_soon: tuple[Assessment, ...]  # tasks' deadlines within the window, soonest first
    duties: tuple[Assessment, ...]  # duties' periods due within the window, soonest first
    at_risk: tuple[Assessment, ...]  # open, at risk, and not already listed as due soon

    @property
    def is_empty(self) -> bool:
        return not (self.overdue or self.due_soon or self.duties or self.at_risk)


def digests(roadmap: Roadmap, as_of: date, window: Window, department: str | None = None) -> list[Digest]:
    """A digest per department of the roadmap, in the file's order (with `department`, its own only;
    an unknown one is a usage error). Empty digests are kept: whether to send them is the caller's
    choice."""
    involved: dict[str, list[Assessment]] = defaultdict(list)
    for assessment in assess_all(roadmap, as_of, window):
        if assessment.is_overdue or assessment.is_due_soon or assessment.risk is not None:
            task = assessment.task
            for executor in dict.fromkeys((*task.leads, *task.co_executors)):
                involved[executor].append(assessment)
    chosen = roadmap.departments if department is None else (find_department(roadmap, department),)
    return [_digest(each, involved.get(each.id, [])) for each in chosen]


def _digest(department: Department, items: list[Assessment]) -> Digest:
    soon = due_soon_first(item for item in items if item.is_due_soon)
    return Digest(
        department=department,
        overdue=tuple(overdue_first(item for item in items if item.is_overdue)),
        due_soon=tuple(item for item in soon if item.period is None),
        duties=tuple(item for item in soon if item.period is not None),
        at_risk=at_risk_first(item for item in items if item.risk is not None and not item.is_due_soon),
    )
