"""What each command reports, as one typed document that every format renders.

A document holds values with their types (a date stays a date, a status a `Status`) and text from
the file as it is written (`Localized`); nothing in it is translated or escaped. Each renderer
(`table`, `text`, `json_format`, `markdown`, `github`, `junit`) takes a document and nothing else,
and puts it into words in the language being spoken. The JSON format writes these documents field
for field; the README documents that structure, and `VERSION` changes when a field changes meaning
or disappears (adding a field does not change it).

The builders at the end turn the core's results (a loaded roadmap, assessments, changes) into
documents; they are the only part of `report` that sees the core's own types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar, assert_never, overload

from roadmap_cli.analysis import (
    Assessment,
    CheckResult,
    CostTotals,
    DepartmentSummary,
    RiskReason,
    StatusReport,
    Window,
    deadline_order,
    planned_costs,
)
from roadmap_cli.diff import Change, ChangeKind, ChangeValue
from roadmap_cli.findings import Finding, Position, Severity, unlisted
from roadmap_cli.model import (
    ActKind,
    Approval,
    DepartmentKind,
    PlanPeriod,
    ProgressNote,
    RelativeDeadline,
    Section,
    Status,
)
from roadmap_cli.values import Localized

if TYPE_CHECKING:
    from roadmap_cli.editing.fields import FieldChange
    from roadmap_cli.load import LoadedRoadmap

VERSION = 1

# The core's value types that documents hold: renderers take them from here, and see nothing else.
__all__ = [
    "ActKind",
    "Approval",
    "ChangeKind",
    "ChangeValue",
    "CostTotals",
    "DepartmentKind",
    "Finding",
    "Localized",
    "PlanPeriod",
    "Position",
    "ProgressNote",
    "RelativeDeadline",
    "RiskReason",
    "Severity",
    "Status",
    "Window",
    "unlisted",
]

# A list of thousands of rows helps no one reading it (and a terminal table takes seconds to lay
# out): the formats read by people show the worst ones and say how many more there are.
DEFAULT_ROWS = 20

T = TypeVar("T")


def first_rows(items: Sequence[T], limit: int | None) -> tuple[Sequence[T], int]:
    """The items a list shows (all when `limit` is None), and how many more it leaves out."""
    if limit is None or len(items) <= limit:
        return items, 0
    return items[:limit], len(items) - limit


class State(StrEnum):
    """Where one deadline stands on the as-of date."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    DONE_LATE = "done-late"
    SUBMITTED = "submitted"  # a period of a duty, reported on time
    DONE = "done"
    CANCELLED = "cancelled"
    ON_TRACK = "on-track"


class WorkingDays(NamedTuple):
    """A deadline's distance in working days (`status` shows it beside the calendar days)."""

    overdue: int
    left: int


class DeadlineRow(NamedTuple):
    """One deadline as judged: a task's, or one period of a recurring duty.

    A named tuple, not a frozen dataclass like the other documents: a roadmap has tens of thousands
    of deadlines, and a tuple is built in half the time.
    """

    task: str
    title: Localized
    department: str  # the first lead
    co_executors: tuple[str, ...]
    deadline: date  # as written (a wording resolved to its date)
    deadline_as_written: str | None  # the wording, when it was not an ISO date
    effective_deadline: date  # the one that counts: moved off a day off when the roadmap says so
    period: str | None
    submitted: date | None
    original_deadline: date | None
    status: Status
    completed: date | None
    position: Position | None
    state: State
    days_overdue: int
    days_left: int
    working_days: WorkingDays | None = None
    periods: int = 1  # the older missed periods of a duty, taken as one
    progress: tuple[ProgressNote, ...] = ()  # the task's progress notes through the as-of day
    leads: tuple[str, ...] = ()  # every lead, when there are several (empty: `department` alone)
    risk: RiskReason | None = None  # why it is at risk of not being met
    starts: date | None = None  # a range's first day ("III–IV кварталы 2026 года": 1 July)
    deadline_wordings: Localized | None = None  # the wording per language, when the file has one each
    standing: str | None = None  # a standing obligation's words: it has no date ("постоянно")
    relative: RelativeDeadline | None = None  # counted from another item's completion
    pending: bool = False  # no date yet: a standing obligation, or a relative deadline not yet started

    @property
    def is_moved(self) -> bool:
        return self.effective_deadline != self.deadline

    @property
    def lead_ids(self) -> tuple[str, ...]:
        return self.leads or (self.department,)


@dataclass(frozen=True, slots=True)
class FileResult:
    """One file `validate` read: valid or not, what it holds, and every finding in it."""

    file: str
    valid: bool
    tasks: int | None
    departments: int | None
    findings: tuple[Finding, ...]

    @property
    def warnings(self) -> int:
        return sum(unlisted(finding) for finding in self.findings if not finding.is_error)


@dataclass(frozen=True, slots=True)
class ValidateDocument:
    files: tuple[FileResult, ...]


@dataclass(frozen=True, slots=True)
class CheckDocument:
    """Every deadline of the roadmap: overdue (worst first), due soon (soonest first), the others by date."""

    file: str
    as_of: date
    timezone: str
    window: Window
    failed: bool
    tasks: int
    overdue: tuple[DeadlineRow, ...]
    due_soon: tuple[DeadlineRow, ...]
    others: Sequence[DeadlineRow]
    at_risk: tuple[DeadlineRow, ...] = ()  # soonest first: open deadlines at risk, warned of

    @property
    def deadlines(self) -> tuple[DeadlineRow, ...]:
        return (*self.overdue, *self.due_soon, *self.others)


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    """The counts of the tasks one department leads; `id` None for the roadmap's total."""

    id: str | None
    name: Localized | None
    tasks: int
    done: int
    done_late: int
    in_progress: int
    blocked: int
    cancelled: int
    overdue: int
    due_soon: int
    percent_complete: int | None  # None when no task counts
    at_risk: int = 0
    planned_cost: Decimal | None = None  # million tenge, of the items it leads that state a cost
    kind: DepartmentKind = DepartmentKind.DEPARTMENT


@dataclass(frozen=True, slots=True)
class SectionRow:
    """The roll-up of one section's items; `id` None for the items outside every section."""

    id: str | None
    title: Localized | None
    tasks: int
    done: int
    done_late: int
    overdue: int
    due_soon: int
    percent_complete: int | None
    worst: State  # overdue, else due soon, else done (every counted item), else on track
    planned_cost: Decimal | None


@dataclass(frozen=True, slots=True)
class PlanRecord:
    """The plan's own record: the act that approved it, its curator, its period (each may be absent)."""

    approved: Approval | None = None
    curator: Localized | None = None
    period: PlanPeriod | None = None


@dataclass(frozen=True, slots=True)
class StatusDocument:
    file: str
    title: Localized
    as_of: date
    timezone: str
    window: Window
    departments: tuple[DepartmentRow, ...]  # the total last
    overdue: Sequence[DeadlineRow]  # worst first
    due_soon: Sequence[DeadlineRow]  # soonest first
    # With --department: every deadline of its tasks, overdue first (None: the whole roadmap).
    department_deadlines: Sequence[DeadlineRow] | None = None
    plan: PlanRecord = PlanRecord()
    cost: CostTotals | None = None  # None: no item states a cost
    sections: tuple[SectionRow, ...] = ()  # none when the plan has no sections
    at_risk: Sequence[DeadlineRow] = ()  # soonest first

    @property
    def total(self) -> DepartmentRow:
        return self.departments[-1]


@dataclass(frozen=True, slots=True)
class ChangeRow:
    kind: ChangeKind
    task: str
    department: str  # the lead after the change
    old: ChangeValue
    new: ChangeValue
    days: int | None  # for a moved deadline: how far, in calendar days
    position: Position | None


# The head of a diff when it is the file as it is now, not a revision: a machine value, never translated.
WORKING_TREE = "working-tree"


@dataclass(frozen=True, slots=True)
class DiffDocument:
    file: str
    base: str
    head: str  # a revision as given, or WORKING_TREE
    changes: tuple[ChangeRow, ...]  # in the head's task order
    violations: tuple[Finding, ...] | None  # None without --check
    department_order: tuple[str, ...]  # the head's departments, to group changes by

    @property
    def head_is_working_tree(self) -> bool:
        return self.head == WORKING_TREE


@dataclass(frozen=True, slots=True)
class EditedField:
    """One changed field of an edit, where it now stands (None once removed)."""

    task: str
    field: str
    old: str | None
    new: str | None
    position: Position | None
    appended: bool = False  # a record added to a list: there is no value before


@dataclass(frozen=True, slots=True)
class EditDocument:
    file: str
    changes: tuple[EditedField, ...]


# What `--format` renders: a new kind here is a type error in every renderer until it handles it.
Document = ValidateDocument | CheckDocument | StatusDocument | DiffDocument


def command_name(document: Document) -> str:
    """The command a document reports on, as the reports name it (`roadmap check --all`, JSON's `command`)."""
    match document:
        case ValidateDocument():
            return "validate"
        case CheckDocument():
            return "check"
        case StatusDocument():
            return "status"
        case DiffDocument():
            return "diff"
        case _:
            assert_never(document)


# ---- builders -----------------------------------------------------------------------------------


def task_state(assessment: Assessment) -> State:
    if assessment.is_overdue:
        return State.OVERDUE
    if assessment.is_due_soon:
        return State.DUE_SOON
    if assessment.is_done_late:
        return State.DONE_LATE
    if assessment.submitted is not None:
        return State.SUBMITTED
    status = assessment.status
    if status is Status.DONE:
        return State.DONE
    return State.CANCELLED if status is Status.CANCELLED else State.ON_TRACK


def deadline_row(
    assessment: Assessment,
    position: Position | None,
    with_working_days: bool = False,
    state: State | None = None,
) -> DeadlineRow:
    """A deadline as judged; `state` when the caller already knows it (this runs once per deadline of
    the roadmap, so each property of the assessment is read once)."""
    task = assessment.task
    state = state if state is not None else task_state(assessment)
    days_left = assessment.days_left
    working = (
        WorkingDays(assessment.working_days_overdue, assessment.working_days_left)
        if with_working_days
        else None
    )
    return DeadlineRow(
        task=task.id,
        title=task.title,
        department=task.department,
        co_executors=task.co_executors,
        deadline=assessment.stated,
        deadline_as_written=getattr(assessment.stated, "wording", None),
        effective_deadline=assessment.due,
        period=assessment.period,
        submitted=assessment.submitted,
        original_deadline=task.original_deadline,
        status=assessment.status,
        completed=task.completed,
        position=position,
        state=state,
        days_overdue=-days_left if state is State.OVERDUE else 0,
        days_left=days_left,
        working_days=working,
        periods=assessment.periods,
        progress=task.progress_through(assessment.as_of) if task.progress else (),
        leads=task.leads if len(task.leads) > 1 else (),
        risk=assessment.risk,
        starts=getattr(assessment.stated, "starts", None),
        deadline_wordings=_wordings(assessment.stated),
        standing=task.standing if assessment.standing else None,
        relative=task.relative,
        pending=assessment.standing,
    )


def _wordings(stated: date) -> Localized | None:
    wordings: tuple[tuple[str, str], ...] = getattr(stated, "wordings", ())
    return Localized(tuple(part for pair in wordings for part in pair)) if wordings else None


def validate_document(results: Sequence[LoadedRoadmap]) -> ValidateDocument:
    return ValidateDocument(
        tuple(
            FileResult(
                file=loaded.path,
                valid=loaded.roadmap is not None,
                tasks=len(loaded.roadmap.tasks) if loaded.roadmap is not None else None,
                departments=len(loaded.roadmap.departments) if loaded.roadmap is not None else None,
                findings=loaded.findings,
            )
            for loaded in results
        )
    )


class RowsOnDemand(Sequence[DeadlineRow]):
    """Deadline rows built one by one as they are read.

    A roadmap can have tens of thousands of deadlines, and most formats read few of them: the status
    table and Markdown show the first 20 of each list, and no format but json and junit reads the
    deadlines of `check` that are neither late nor near. What is not read is never built. With
    `order`, the assessments are put in that order when the first row is read.
    """

    def __init__(
        self,
        assessments: Sequence[Assessment],
        build: Callable[[Assessment], DeadlineRow],
        order: Callable[[Assessment], Any] | None = None,
    ) -> None:
        self._assessments = assessments
        self._build = build
        self._order = order
        self._rows: list[DeadlineRow | None] = [None] * len(assessments)

    def __len__(self) -> int:
        return len(self._rows)

    def _row(self, index: int) -> DeadlineRow:
        row = self._rows[index]
        if row is None:
            if self._order is not None:
                self._assessments, self._order = sorted(self._assessments, key=self._order), None
            row = self._rows[index] = self._build(self._assessments[index])
        return row

    @overload
    def __getitem__(self, index: int) -> DeadlineRow: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[DeadlineRow]: ...
    def __getitem__(self, index: int | slice) -> DeadlineRow | Sequence[DeadlineRow]:
        if isinstance(index, slice):
            return [self._row(at) for at in range(*index.indices(len(self._rows)))]
        return self._row(range(len(self._rows))[index])  # a negative index counts from the end

    def __iter__(self) -> Iterator[DeadlineRow]:
        return (self._row(index) for index in range(len(self._rows)))


def check_document(loaded: LoadedRoadmap, result: CheckResult) -> CheckDocument:
    assert loaded.roadmap is not None
    position = loaded.task_position

    def row(assessment: Assessment) -> DeadlineRow:
        return deadline_row(assessment, position(assessment.task.id))

    return CheckDocument(
        file=loaded.path,
        as_of=result.as_of,
        timezone=loaded.roadmap.info.timezone_name,
        window=result.window,
        failed=result.failed,
        tasks=len(loaded.roadmap.tasks),
        overdue=tuple(
            deadline_row(item, position(item.task.id), state=State.OVERDUE) for item in result.overdue
        ),
        due_soon=tuple(
            deadline_row(item, position(item.task.id), state=State.DUE_SOON) for item in result.due_soon
        ),
        others=RowsOnDemand(result.others, row, order=deadline_order),
        at_risk=tuple(row(item) for item in result.at_risk),
    )


def status_document(loaded: LoadedRoadmap, report: StatusReport) -> StatusDocument:
    assert loaded.roadmap is not None

    def row(assessment: Assessment) -> DeadlineRow:
        return deadline_row(assessment, loaded.task_position(assessment.task.id), with_working_days=True)

    info = loaded.roadmap.info
    cost = planned_costs(loaded.roadmap)

    def department_cost(department_id: str | None) -> Decimal | None:
        if cost is None:
            return None
        return cost.total if department_id is None else cost.by_department.get(department_id)

    return StatusDocument(
        plan=PlanRecord(info.approved, info.curator, info.period),
        cost=cost,
        file=loaded.path,
        title=loaded.roadmap.info.title,
        as_of=report.as_of,
        timezone=loaded.roadmap.info.timezone_name,
        window=report.window,
        departments=tuple(
            DepartmentRow(
                id=summary.department.id if summary.department is not None else None,
                name=summary.department.name if summary.department is not None else None,
                tasks=summary.tasks,
                done=summary.done,
                done_late=summary.done_late,
                in_progress=summary.in_progress,
                blocked=summary.blocked,
                cancelled=summary.cancelled,
                overdue=summary.overdue,
                due_soon=summary.due_soon,
                percent_complete=summary.percent_complete,
                at_risk=summary.at_risk,
                planned_cost=department_cost(summary.department.id if summary.department else None),
                kind=summary.department.kind if summary.department else DepartmentKind.DEPARTMENT,
            )
            for summary in (*report.summaries, report.total)
        ),
        overdue=RowsOnDemand(report.overdue, row),
        due_soon=RowsOnDemand(report.due_soon, row),
        department_deadlines=None
        if report.department_deadlines is None
        else RowsOnDemand(report.department_deadlines, row),
        sections=tuple(_section_row(section, summary, cost) for section, summary in report.sections),
        at_risk=RowsOnDemand(report.at_risk, row),
    )


def _section_row(section: Section | None, summary: DepartmentSummary, cost: CostTotals | None) -> SectionRow:
    counted = summary.tasks - summary.cancelled
    if summary.overdue:
        worst = State.OVERDUE
    elif summary.due_soon:
        worst = State.DUE_SOON
    elif counted and summary.done == counted:
        worst = State.DONE
    elif not counted and summary.tasks:
        worst = State.CANCELLED
    else:
        worst = State.ON_TRACK
    section_id = section.id if section is not None else None
    return SectionRow(
        id=section_id,
        title=section.title if section is not None else None,
        tasks=summary.tasks,
        done=summary.done,
        done_late=summary.done_late,
        overdue=summary.overdue,
        due_soon=summary.due_soon,
        percent_complete=summary.percent_complete,
        worst=worst,
        planned_cost=cost.by_section.get(section_id) if cost is not None else None,
    )


def diff_document(
    head: LoadedRoadmap,
    base_name: str,
    head_name: str | None,
    changes: Sequence[Change],
    violations: Sequence[Finding] | None,
) -> DiffDocument:
    """`head_name` None: the head is the working tree."""
    assert head.roadmap is not None
    return DiffDocument(
        file=head.path,
        base=base_name,
        head=head_name if head_name is not None else WORKING_TREE,
        changes=tuple(
            ChangeRow(
                kind=change.kind,
                task=change.task_id,
                department=change.department,
                old=change.old,
                new=change.new,
                days=change.days,
                position=head.task_position(change.task_id),
            )
            for change in changes
        ),
        violations=tuple(violations) if violations is not None else None,
        department_order=tuple(department.id for department in head.roadmap.departments),
    )


def edit_document(file: str, loaded: LoadedRoadmap, changes: Sequence[FieldChange]) -> EditDocument:
    """What an edit changed; `loaded` is the roadmap after it, for where each field now stands."""
    return EditDocument(
        file,
        tuple(
            EditedField(
                change.task_id,
                change.field,
                change.old,
                change.new,
                loaded.task_position(change.task_id, change.field) if change.new is not None else None,
                change.appended,
            )
            for change in changes
        ),
    )
