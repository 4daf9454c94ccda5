"""Pure functions: where each deadline stands on a given date, and per-department summaries.

A task with a deadline has one; a recurring duty has one per reporting period. Nothing here reads a
clock: the as-of date is always a parameter (see `dates.today_in`).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum

from roadmap_cli.errors import UsageError
from roadmap_cli.gate import FailOn
from roadmap_cli.messages import say
from roadmap_cli.model import DayOffRule, Department, RiskSettings, Roadmap, Section, Status, Task
from roadmap_cli.wording import Deadline
from roadmap_cli.workdays import WorkingCalendar, kazakhstan_calendar

DEFAULT_WARN_DAYS = 14
# A duty's latest periods are judged one by one; the missed ones before them, as one deadline (the
# oldest due date, and how many): a duty kept since 1991 has four hundred periods, and a thousand such
# duties would be half a million lines that no one reads.
LISTED_PERIODS = 25
_WINDOW = re.compile(r"([0-9]{1,5})(wd)?")


@dataclass(frozen=True, slots=True)
class Window:
    """How far ahead a deadline counts as due soon: `days` calendar days, or working days."""

    days: int = DEFAULT_WARN_DAYS
    working: bool = False

    @classmethod
    def parse(cls, text: str) -> Window:
        """``14`` (calendar days) or ``10wd`` (working days); ValueError otherwise."""
        match = _WINDOW.fullmatch(text.strip().lower())
        if match is None:
            raise ValueError(say("usage.window", text=text))
        return cls(int(match.group(1)), working=match.group(2) is not None)


def roadmap_calendar(roadmap: Roadmap) -> WorkingCalendar:
    settings = roadmap.calendar
    return _calendar(frozenset(settings.extra_days_off), frozenset(settings.extra_working_days))


@functools.lru_cache(maxsize=16)
def _calendar(extra_days_off: frozenset[date], extra_working_days: frozenset[date]) -> WorkingCalendar:
    # One calendar for every judgement of the same roadmap: a year's holidays are built once (a
    # tenth of a second each), however many times a command assesses it (the brief does twice).
    return kazakhstan_calendar(extra_days_off, extra_working_days)


class RiskReason(StrEnum):
    """Why an open item is at risk of not being done on time (the first that holds, in this order)."""

    BLOCKED = "blocked"
    LATE_PREDECESSOR = "late-predecessor"  # an item it depends on is overdue
    NO_PROGRESS = "no-progress"  # due soon (`RiskSettings`) and no progress note for a while


@dataclass(frozen=True, slots=True)
class Assessment:
    """One deadline seen on the as-of date: a task's, or one period of a recurring duty's."""

    task: Task
    as_of: date
    due: date  # the date that counts: the stated one, or the next working day when the rule moves it
    stated: date  # the date as written (or as the recurrence gives it)
    calendar: WorkingCalendar
    window: Window = Window()
    period: str | None = None  # the reporting period, for a recurring duty
    submitted: date | None = None  # when that period was submitted
    periods: int = 1  # more than one: the older missed periods of a duty, as one (see LISTED_PERIODS)
    risk: RiskReason | None = None  # why an open item is at risk of not being done (`at_risk`)
    standing: bool = False  # a standing obligation ("постоянно"): no date, never late; `due` is the as-of day
    period_starts: date | None = None  # the first day of a duty's reporting period (the oldest, taken as one)

    @property
    def is_moved(self) -> bool:
        """The stated date is a day off and the roadmap's rule moved it to the next working day."""
        return self.due != self.stated

    @property
    def status(self) -> Status:
        """The task's status on the as-of date: a task completed after that day was not done yet
        (judged in the past, the file of today must not make it look done)."""
        status = self.task.status
        if status is Status.DONE and self.task.completed is not None and self.task.completed > self.as_of:
            return Status.IN_PROGRESS
        return status

    @property
    def is_closed(self) -> bool:
        """Done, cancelled, or (for one period of a duty) submitted: it can no longer be late."""
        return self.status.is_closed or self.submitted is not None

    @property
    def days_left(self) -> int:
        """Calendar days from the as-of date to the deadline; negative once it has passed."""
        return (self.due - self.as_of).days

    @property
    def working_days_left(self) -> int:
        """Working days after the as-of date up to the deadline; negative once it has passed."""
        return self.calendar.working_days_between(self.as_of, self.due)

    @property
    def is_overdue(self) -> bool:
        """Open, and its deadline day has ended (a deadline due today is not yet overdue)."""
        return not self.is_closed and not self.standing and self.days_left < 0

    @property
    def days_overdue(self) -> int:
        """How many days late an overdue deadline is; 0 for every other one."""
        return -self.days_left if self.is_overdue else 0

    @property
    def working_days_overdue(self) -> int:
        return -self.working_days_left if self.is_overdue else 0

    @property
    def is_due_soon(self) -> bool:
        if self.is_closed or self.standing or self.days_left < 0:
            return False
        left = self.working_days_left if self.window.working else self.days_left
        return left <= self.window.days

    @property
    def is_done_late(self) -> bool:
        if self.period is not None:
            return self.submitted is not None and self.submitted > self.due
        task = self.task
        return self.status is Status.DONE and task.completed is not None and task.completed > self.due


@dataclass(frozen=True, slots=True)
class DepartmentSummary:
    """Counts for the tasks a department leads (a duty with a missed period counts as overdue)."""

    department: Department | None  # None for the roadmap-wide total
    tasks: int = 0
    done: int = 0
    done_late: int = 0
    in_progress: int = 0
    blocked: int = 0
    cancelled: int = 0
    overdue: int = 0
    due_soon: int = 0
    at_risk: int = 0

    @property
    def percent_complete(self) -> int | None:
        """Done as a share of the tasks that still count (cancelled ones do not), rounded down; None
        when none counts (a department that leads nothing has not completed anything)."""
        counted = self.tasks - self.cancelled
        return None if counted == 0 else self.done * 100 // counted


@dataclass(frozen=True, slots=True)
class StatusReport:
    as_of: date
    window: Window
    summaries: tuple[DepartmentSummary, ...]
    total: DepartmentSummary
    overdue: tuple[Assessment, ...]  # worst first
    due_soon: tuple[Assessment, ...]  # soonest first
    # For one department: every deadline of the tasks it leads or co-executes, in `deadline_order`.
    department_deadlines: tuple[Assessment, ...] | None = None
    # Per section in the plan's order, then (None) the items outside every section, if any.
    sections: tuple[tuple[Section | None, DepartmentSummary], ...] = ()
    at_risk: tuple[Assessment, ...] = ()  # soonest first
    to_review: tuple[Assessment, ...] = ()  # items an import left to settle (`review`), in file order
    every: tuple[Assessment, ...] = ()  # every deadline of the roadmap, in file order (for a report's rows)


def find_department(roadmap: Roadmap, query: str) -> Department:
    """The department a user means: by id, by id in any case, or by its name in any language
    (`--department Roads`, `--department "Управление энергетики"`)."""
    if query in roadmap.departments_by_id:
        return roadmap.departments_by_id[query]
    wanted = " ".join(query.casefold().split())
    matches = [
        department
        for department in roadmap.departments
        if department.id.casefold() == wanted
        or any(" ".join(text.casefold().split()) == wanted for _language, text in department.name.texts)
    ]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(roadmap.departments_by_id)
    raise UsageError(say("usage.unknown_department", department=query, known=known))


def assess_task(
    task: Task,
    as_of: date,
    calendar: WorkingCalendar,
    window: Window = Window(),
    rule: DayOffRule = DayOffRule.KEEP,
    ahead: date | None = None,
) -> list[Assessment]:
    """The task's deadline, or every period of a duty due by the as-of date and the next one (with
    `ahead`, every one due by that later day: a calendar shows what is coming)."""

    def due(stated: date) -> date:
        return calendar.next_working_day(stated) if rule is DayOffRule.NEXT_WORKING_DAY else stated

    if task.deadline is not None:
        return [Assessment(task, as_of, due(task.deadline), task.deadline, calendar, window)]
    if task.recurrence is None:  # a standing obligation: counted, listed, never late
        return [Assessment(task, as_of, as_of, as_of, calendar, window, standing=True)]
    # A period reported after the as-of day was not reported yet on that day.
    submitted = {period: on for period, on in task.submitted.items() if on <= as_of}
    occurrences = list(task.recurrence.schedule.due_through(max(as_of, ahead or as_of)))
    upcoming = [occurrence for occurrence in occurrences if occurrence.due > as_of]
    fallen_due = occurrences[: len(occurrences) - len(upcoming)]
    shown_due = fallen_due[-(LISTED_PERIODS - 1 if upcoming else LISTED_PERIODS) :]
    listed = shown_due + upcoming
    assessments = [
        Assessment(
            task,
            as_of,
            due(occurrence.due),
            occurrence.due,
            calendar,
            window,
            occurrence.label,
            submitted.get(occurrence.label),
            period_starts=occurrence.starts,
        )
        for occurrence in listed
    ]
    missed = [item for item in fallen_due[: len(fallen_due) - len(shown_due)] if item.label not in submitted]
    if missed:
        first, last = missed[0], missed[-1]
        label = f"{first.label}…{last.label}"
        older = Assessment(
            task,
            as_of,
            due(first.due),
            first.due,
            calendar,
            window,
            label,
            None,
            len(missed),
            period_starts=first.starts,
        )
        assessments.insert(0, older)
    return assessments


def assess_all(
    roadmap: Roadmap, as_of: date, window: Window = Window(), ahead: date | None = None
) -> list[Assessment]:
    """Every deadline of the roadmap in file order, judged on `as_of` (`ahead`: see `assess_task`)."""
    calendar = roadmap_calendar(roadmap)
    rule = roadmap.calendar.deadline_on_day_off
    tasks = roadmap.tasks_by_id
    assessments = [
        assessment
        for task in roadmap.tasks
        for assessment in assess_task(_dated(task, tasks, as_of), as_of, calendar, window, rule, ahead)
    ]
    overdue = {assessment.task.id for assessment in assessments if assessment.is_overdue}
    # A plan that keeps no progress notes cannot be judged by their absence.
    settings = roadmap.risk if any(task.progress for task in roadmap.tasks) else None
    for at, assessment in enumerate(assessments):
        reason = _risk(assessment, overdue, settings)
        if reason is not None:
            assessments[at] = replace(assessment, risk=reason)
    return assessments


def _dated(task: Task, tasks: dict[str, Task], as_of: date) -> Task:
    """A task whose deadline counts from another item's completion, with that deadline when the item
    was done by the as-of day; as it is (no date: never late) until then."""
    relative = task.relative
    if relative is None:
        return task
    before = tasks.get(relative.after)
    completed = before.completed if before is not None and before.status is Status.DONE else None
    if completed is None or completed > as_of:
        return task
    return task.model_copy(update={"deadline": Deadline.on(relative.due_after(completed))})


def _risk(assessment: Assessment, overdue: set[str], settings: RiskSettings | None) -> RiskReason | None:
    """Whether an open item's deadline is at risk (an overdue one is past risk; a duty's periods are
    reports, judged by their own dates)."""
    task = assessment.task
    if assessment.period is not None or assessment.is_closed or assessment.is_overdue:
        return None
    if assessment.status is Status.BLOCKED:
        return RiskReason.BLOCKED
    if assessment.standing:
        return None  # with no date, nothing else can put it at risk
    if any(dependency in overdue for dependency in task.depends_on):
        return RiskReason.LATE_PREDECESSOR
    if settings is None:
        return None
    # Working days never outnumber calendar days: most items are ruled out without the calendar.
    within = settings.due_within_working_days
    if assessment.days_left > within * 2 + 30 or assessment.working_days_left > within:
        return None
    notes = task.progress_through(assessment.as_of) if task.progress else ()
    if notes and (assessment.as_of - notes[-1].on).days < settings.quiet_days:
        return None
    return RiskReason.NO_PROGRESS


def summarize(department: Department | None, assessments: Iterable[Assessment]) -> DepartmentSummary:
    """Counts by task: a task is overdue (or due soon, or done late) when any of its deadlines is."""
    by_task: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        by_task.setdefault(assessment.task.id, []).append(assessment)
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
            "at_risk",
        ),
        0,
    )
    for group in by_task.values():
        status = group[0].status
        counts["tasks"] += 1
        counts["done"] += status is Status.DONE
        counts["done_late"] += any(item.is_done_late for item in group)
        counts["in_progress"] += status is Status.IN_PROGRESS
        counts["blocked"] += status is Status.BLOCKED
        counts["cancelled"] += status is Status.CANCELLED
        counts["overdue"] += any(item.is_overdue for item in group)
        counts["due_soon"] += any(item.is_due_soon for item in group)
        counts["at_risk"] += any(item.risk is not None for item in group)
    return DepartmentSummary(department, **counts)


def deadline_order(item: Assessment) -> tuple[int, int, str, str]:
    """The one order of deadlines: overdue first (the longest overdue first), then due soon (the
    soonest first), then the rest by date; ties by task id and period."""
    rank = 0 if item.is_overdue else 1 if item.is_due_soon else 2
    return (rank, item.days_left, item.task.id, item.period or "")


def overdue_first(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Overdue deadlines, the longest overdue first."""
    return sorted((item for item in assessments if item.is_overdue), key=deadline_order)


def at_risk_first(assessments: Iterable[Assessment]) -> tuple[Assessment, ...]:
    return tuple(sorted((item for item in assessments if item.risk is not None), key=deadline_order))


def due_soon_first(assessments: Iterable[Assessment]) -> list[Assessment]:
    """Deadlines within the warning window, the soonest first."""
    return sorted((item for item in assessments if item.is_due_soon), key=deadline_order)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """`check`'s verdict: the breaches in `deadline_order`, every other deadline (in no order: most
    reports never list them), and whether the breaches fail the check."""

    as_of: date
    window: Window
    overdue: tuple[Assessment, ...]
    due_soon: tuple[Assessment, ...]
    others: tuple[Assessment, ...]
    failed: bool

    @property
    def at_risk(self) -> tuple[Assessment, ...]:
        """The open deadlines at risk of not being met, soonest first (never a breach by themselves)."""
        return at_risk_first((*self.due_soon, *self.others))


def check_deadlines(roadmap: Roadmap, as_of: date, window: Window, fail_on: FailOn) -> CheckResult:
    """Judge every deadline on `as_of`; `fail_on` says which of them fail the check."""
    overdue: list[Assessment] = []
    due_soon: list[Assessment] = []
    others: list[Assessment] = []
    for assessment in assess_all(roadmap, as_of, window):
        (overdue if assessment.is_overdue else due_soon if assessment.is_due_soon else others).append(
            assessment
        )
    overdue.sort(key=deadline_order)
    due_soon.sort(key=deadline_order)
    return CheckResult(
        as_of=as_of,
        window=window,
        overdue=tuple(overdue),
        due_soon=tuple(due_soon),
        others=tuple(others),
        failed=fail_on.is_breached(len(overdue), len(due_soon)),
    )


def status_report(
    roadmap: Roadmap,
    as_of: date,
    window: Window = Window(),
    department_id: str | None = None,
) -> StatusReport:
    """Per-department counts (by lead department) and the overdue and due-soon lists.

    With `department_id`, one department's row, and the tasks it leads or co-executes.
    """
    if window.days < 0:
        raise UsageError(say("usage.negative_window", days=window.days))
    departments = roadmap.departments
    if department_id is not None:
        department = find_department(roadmap, department_id)
        department_id, departments = department.id, (department,)
    assessments = assess_all(roadmap, as_of, window)
    # A task with several equal leads counts in full in each lead's row, and once in the total.
    by_lead: dict[str, list[Assessment]] = {department.id: [] for department in departments}
    counted: list[Assessment] = []
    for assessment in assessments:
        groups = [by_lead[lead] for lead in assessment.task.leads if lead in by_lead]
        for group in groups:
            group.append(assessment)
        if groups:
            counted.append(assessment)
    listed = (
        assessments
        if department_id is None
        else [assessment for assessment in assessments if assessment.task.involves(department_id)]
    )
    return StatusReport(
        as_of=as_of,
        window=window,
        summaries=tuple(summarize(department, by_lead[department.id]) for department in departments),
        total=summarize(None, counted),
        overdue=tuple(overdue_first(listed)),
        due_soon=tuple(due_soon_first(listed)),
        department_deadlines=None if department_id is None else tuple(sorted(listed, key=deadline_order)),
        sections=section_summaries(roadmap, listed),
        at_risk=at_risk_first(listed),
        to_review=tuple(assessment for assessment in listed if assessment.task.review is not None),
        every=tuple(assessments),
    )


def section_summaries(
    roadmap: Roadmap, assessments: Iterable[Assessment]
) -> tuple[tuple[Section | None, DepartmentSummary], ...]:
    """The counts of each section's items (a section rolls up every item numbered under it), in the
    plan's order; the items outside every section last. Nothing when the plan has no sections."""
    if not roadmap.sections:
        return ()
    by_section: dict[str | None, list[Assessment]] = {section.id: [] for section in roadmap.sections}
    for assessment in assessments:
        by_section.setdefault(roadmap.section_of[assessment.task.id], []).append(assessment)
    found: list[tuple[Section | None, DepartmentSummary]] = [
        (section, summarize(None, by_section[section.id])) for section in roadmap.sections
    ]
    if by_section.get(None):
        found.append((None, summarize(None, by_section[None])))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class CostTotals:
    """The planned cost of a roadmap's items, in million tenge: in all, per lead department, per source.

    A cancelled item's money is no longer planned, so it is left out. An item with several sources
    counts under "several" (its column does not say how it is split), one with none under "unstated".
    """

    total: Decimal
    by_department: dict[str, Decimal]
    by_source: dict[str, Decimal]  # FundingSource values, "several" and "unstated"
    by_section: dict[str | None, Decimal]  # None: the items outside every section


def planned_costs(roadmap: Roadmap) -> CostTotals | None:
    """The totals of the items that state a cost; None when none does."""
    total = Decimal(0)
    by_department: defaultdict[str, Decimal] = defaultdict(Decimal)
    by_source: defaultdict[str, Decimal] = defaultdict(Decimal)
    by_section: defaultdict[str | None, Decimal] = defaultdict(Decimal)
    stated = False
    for task in roadmap.tasks:
        if task.cost is None or task.status is Status.CANCELLED:
            continue
        stated = True
        amount = task.cost.amount
        total += amount
        for lead in task.leads:  # each lead answers for the whole amount; the total counts it once
            by_department[lead] += amount
        sources = task.cost.sources
        source = sources[0].value if len(sources) == 1 else ("several" if sources else "unstated")
        by_source[source] += amount
        by_section[roadmap.section_of[task.id]] += amount
    return CostTotals(total, dict(by_department), dict(by_source), dict(by_section)) if stated else None
