"""Task states on chosen as-of dates, and the per-department summary."""

from __future__ import annotations

import json
from datetime import date

import pytest

from roadmap_cli.analysis import Assessment, Window, assess_task, status_report
from roadmap_cli.errors import UsageError
from roadmap_cli.load import load_bytes
from roadmap_cli.model import Roadmap, Task
from roadmap_cli.workdays import kazakhstan_calendar
from tests.conftest import Run, Write
from tests.helpers import duty, roadmap, task


def load(*tasks: str) -> Roadmap:
    loaded = load_bytes(roadmap(*tasks).encode(), "r.yaml")
    assert loaded.roadmap is not None, loaded.findings
    return loaded.roadmap


def only_task(entry: str) -> Task:
    return load(entry).tasks[0]


def assess(one: Task, as_of: date, warn_days: int = 14) -> Assessment:
    (assessment,) = assess_task(one, as_of, kazakhstan_calendar(), Window(warn_days))
    return assessment


DEADLINE = "2026-03-31"


@pytest.mark.parametrize(
    ("status", "as_of", "overdue", "days_overdue"),
    [
        ("planned", date(2026, 3, 30), False, 0),
        ("planned", date(2026, 3, 31), False, 0),  # the deadline day itself is not late
        ("planned", date(2026, 4, 1), True, 1),
        ("in_progress", date(2026, 4, 12), True, 12),
        ("blocked", date(2026, 4, 12), True, 12),
        ("cancelled", date(2026, 4, 12), False, 0),  # a closed task is never late
    ],
)
def test_overdue(status: str, as_of: date, overdue: bool, days_overdue: int) -> None:
    assessment = assess(only_task(task("T-1", DEADLINE, status)), as_of)
    assert assessment.is_overdue is overdue
    assert assessment.days_overdue == days_overdue


@pytest.mark.parametrize(
    ("completed", "late"), [("2026-03-30", False), ("2026-03-31", False), ("2026-04-01", True)]
)
def test_done_tasks_are_never_overdue_but_may_be_done_late(completed: str, late: bool) -> None:
    done = only_task(task("T-1", DEADLINE, "done", completed=completed))
    assessment = assess(done, date(2027, 1, 1))
    assert not assessment.is_overdue
    assert assessment.is_done_late is late


@pytest.mark.parametrize(
    ("as_of", "warn_days", "due_soon"),
    [
        (date(2026, 3, 17), 14, True),  # exactly 14 days ahead
        (date(2026, 3, 16), 14, False),
        (date(2026, 3, 31), 0, True),  # due today
        (date(2026, 4, 1), 14, False),  # overdue is not due soon
    ],
)
def test_due_soon_window(as_of: date, warn_days: int, due_soon: bool) -> None:
    assert assess(only_task(task("T-1", DEADLINE)), as_of, warn_days).is_due_soon is due_soon


def test_summary_counts_by_lead_department_and_percent_ignores_cancelled() -> None:
    plan = load(
        task("T-1", "2026-03-31", "done", completed="2026-04-02"),
        task("T-2", "2026-03-31", "cancelled"),
        task("T-3", "2026-03-01", "in_progress"),
        task("T-4", "2026-04-10", "blocked"),
        task("T-5", "2026-09-30", department="roads", co_executors="[energy]"),
    )
    report = status_report(plan, date(2026, 4, 3), Window(14))  # the day after T-1 was completed
    energy, roads = report.summaries
    assert (energy.tasks, energy.done, energy.done_late, energy.cancelled) == (4, 1, 1, 1)
    assert (energy.in_progress, energy.blocked, energy.overdue, energy.due_soon) == (1, 1, 1, 1)
    assert energy.percent_complete == 33  # 1 done of 3 that still count
    assert (roads.tasks, roads.percent_complete) == (1, 0)
    assert report.total.tasks == 5


def test_overdue_list_is_worst_first_and_due_soon_soonest_first() -> None:
    plan = load(
        task("A", "2026-03-20"),
        task("B", "2026-03-01"),
        task("C", "2026-03-25"),
        task("D", "2026-04-10"),
        task("E", "2026-04-03"),
    )
    report = status_report(plan, date(2026, 4, 1))
    assert [item.task.id for item in report.overdue] == ["B", "A", "C"]
    assert [item.task.id for item in report.due_soon] == ["E", "D"]


def test_department_filter_keeps_its_row_and_the_tasks_it_leads_or_co_executes() -> None:
    plan = load(
        task("A", "2026-03-01", department="roads", co_executors="[energy]"),
        task("B", "2026-03-01", department="roads"),
        task("C", "2026-03-01"),
    )
    report = status_report(plan, date(2026, 4, 1), department_id="energy")
    assert [summary.department.id for summary in report.summaries if summary.department] == ["energy"]
    assert [item.task.id for item in report.overdue] == ["A", "C"]


def test_unknown_department_and_negative_window_are_usage_errors() -> None:
    plan = load(task("A", "2026-03-01"))
    with pytest.raises(UsageError, match="no department 'water' in this roadmap; known: energy, roads"):
        status_report(plan, date(2026, 4, 1), department_id="water")
    with pytest.raises(UsageError, match="--warn-days must be 0 or more"):
        status_report(plan, date(2026, 4, 1), Window(-1))


def test_a_department_that_leads_nothing_shows_no_percentage(run: Run, write: Write) -> None:
    # 100 % for a department with no task would be a figure no one earned, read out at the meeting.
    path = write(roadmap(task("T-1", "2026-03-01")))  # roads leads nothing
    table = run("status", str(path), "--as-of", "2026-02-01").stdout
    roads = next(line for line in table.splitlines() if line.startswith(" roads "))
    assert roads.rstrip().endswith("–") and "100" not in roads
    document = json.loads(run("status", str(path), "--as-of", "2026-02-01", "--format", "json").stdout)
    assert [row["percent_complete"] for row in document["departments"]] == [0, None, 0]


def test_judged_in_the_past_a_task_completed_later_was_not_done_yet() -> None:
    # The file of today must not rewrite the past: on 1 April, T-1 (completed 2 April) was late work.
    plan = load(task("T-1", "2026-03-31", "done", completed="2026-04-02"))
    before = status_report(plan, date(2026, 4, 1))
    assert (before.total.done, before.total.done_late, before.total.in_progress) == (0, 0, 1)
    assert [item.task.id for item in before.overdue] == ["T-1"]
    after = status_report(plan, date(2026, 4, 2))
    assert (after.total.done, after.total.done_late, after.overdue) == (1, 1, ())


def test_judged_in_the_past_a_period_reported_later_was_not_reported_yet() -> None:
    plan = load(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-01": "2026-02-20"}))
    on_the_15th = [
        item for item in status_report(plan, date(2026, 2, 15)).overdue if item.period == "2026-01"
    ]
    assert [item.days_overdue for item in on_the_15th] == [5]
    assert not [item for item in status_report(plan, date(2026, 2, 21)).overdue if item.period == "2026-01"]
