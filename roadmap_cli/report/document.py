"""What each command reports, as one typed document that every format renders.

A document holds values with their types (a date stays a date, a status a `Status`) and text from
the file as it is written (`Localized`); nothing in it is translated or escaped. Each renderer
(`table`, `text`, `json_format`, `markdown`, `github`, `junit`) takes a document and nothing else,
and puts it into words in the language being spoken. The JSON format writes these documents field
for field; the README documents that structure, and `VERSION` changes when a field changes meaning
or disappears (adding a field does not change it).

`report/build.py` turns the core's results (a loaded roadmap, assessments, changes) into these
documents; it and this module are the only parts of `report` that see the core's own types.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, NamedTuple, TypeVar, assert_never

from roadmap_cli.analysis import (
    CostTotals,
    RiskReason,
    Window,
)
from roadmap_cli.diff import ChangeKind, ChangeValue
from roadmap_cli.findings import Finding, Position, Severity, unlisted
from roadmap_cli.model import (
    ActKind,
    Approval,
    DepartmentKind,
    PlanPeriod,
    ProgressNote,
    RelativeDeadline,
    Status,
)
from roadmap_cli.official import OfficialState
from roadmap_cli.values import Localized

if TYPE_CHECKING:
    pass

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
    "OfficialState",
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
    official: OfficialState  # the execution report's word for it ("исполнено с нарушением срока")
    working_days: WorkingDays | None = None
    periods: int = 1  # the older missed periods of a duty, taken as one
    progress: tuple[ProgressNote, ...] = ()  # the task's progress notes through the as-of day
    leads: tuple[str, ...] = ()  # every lead, when there are several (empty: `department` alone)
    risk: RiskReason | None = None  # why it is at risk of not being met
    starts: date | None = None  # a range's first day ("III–IV кварталы 2026 года": 1 July)
    deadline_wordings: Localized | None = None  # the wording per language, when the file has one each
    standing: str | None = None  # a standing obligation's words: it has no date ("постоянно")
    unread: str | None = None  # the plan's deadline words an import could not read (no date yet)
    relative: RelativeDeadline | None = None  # counted from another item's completion
    pending: bool = False  # no date yet: a standing obligation, or a relative deadline not yet started
    period_starts: date | None = None  # a duty's reporting period's first day (the timeline's span)
    moves: int = 0  # how many times the deadline was postponed (its records); `original_deadline` the first

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


class SlipTotal(NamedTuple):
    """A department's or a section's slip: its tasks moved from their baselines, in all."""

    id: str | None  # None: the items outside every section
    name: Localized | None
    tasks: int  # the tasks whose deadline is not their baseline's
    days: int  # their days slipped, added up (a deadline moved earlier counts less)
    moves: int  # the deadline changes since the baselines
    unrecorded: int  # of them, later ones without a postponement record


@dataclass(frozen=True, slots=True)
class StatusSlippage:
    """`status --history`: how far the plan has moved from its baseline, from the file's git history."""

    baseline: str | None  # the revision or date asked for; None: each task from the commit that added it
    tasks: tuple[SlipRow, ...]  # the tasks moved at least once, the furthest first
    departments: tuple[SlipTotal, ...]  # by lead department, the most days first
    sections: tuple[SlipTotal, ...]  # in the plan's order; none when the plan has no sections


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
    to_review: Sequence[DeadlineRow] = ()  # what an import left to settle (`review`), in file order
    slippage: StatusSlippage | None = None  # with --history

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


class Executor(NamedTuple):
    """A department as the execution report names it: its name, marked when outside the akimat."""

    id: str
    name: Localized
    external: bool


class MovedDeadline(NamedTuple):
    """One postponement: the basis the report gives with "перенос срока". From the file's record, or
    (with the history) from the commit that moved the deadline, which may have made no record."""

    from_: date
    to: date
    reason: str | None  # None: moved with no postponement record
    decision: str | None
    on: date | None = None  # the day of the commit that moved it (with the history)
    by: str | None = None  # that commit's author


class ExecutionRow(NamedTuple):
    """One item of the execution report: its deadline as judged, and what the official table adds."""

    deadline: DeadlineRow  # the item's one deadline; a duty's worst period (missed, else the next)
    deliverable: Localized | None
    executors: tuple[Executor, ...]  # the leads first, then the co-executors
    section: str | None
    moves: tuple[MovedDeadline, ...]
    reason: str | None  # why it was cancelled (the basis of "снято с контроля") or is blocked
    cost: Decimal | None
    sources: tuple[str, ...]  # funding sources, as the file's closed list names them


@dataclass(frozen=True, slots=True)
class ExecutionDocument:
    """`roadmap report --kind execution`: the official table ("Информация о ходе исполнения"), an
    item a row in the plan's order under its sections, with the plan's record and a summary."""

    file: str
    title: Localized
    plan: PlanRecord
    as_of: date
    timezone: str
    sections: tuple[tuple[str | None, Localized | None], ...]  # (id, title) in order; None: outside
    rows: tuple[ExecutionRow, ...]  # grouped by section in that order, each in the plan's order
    with_cost: bool  # some item states a cost: the cost and financing columns are shown

    def count(self, state: OfficialState) -> int:
        return sum(1 for row in self.rows if row.deadline.official is state)


@dataclass(frozen=True, slots=True)
class ReplyFormDocument:
    """`roadmap export --department ID`: the department's rows of the execution report, with empty
    columns for its reply (the information on execution, its document and day, a new status), and
    what `import-progress` checks the reply against (the roadmap, the department, the day)."""

    roadmap_id: str
    department_id: str
    department_name: Localized
    execution: ExecutionDocument
    statuses: tuple[Status, ...]  # what a department may report: the drop-down's values
    columns: tuple[str, ...]  # the message keys of the form's headings, in order
    filled: tuple[str, ...]  # those of the columns the department fills in
    facts_sheet: str  # the hidden sheet that says whose form it is, and its `facts`
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One change of the roadmap's history: the commit that made it, who and when (in the roadmap's
    zone), and for a moved deadline the record that allowed it, or that there was none."""

    commit: str
    author: str
    when: datetime
    subject: str
    change: ChangeRow
    basis: MovedDeadline | None
    unrecorded: bool


class SlipRow(NamedTuple):
    """A task's deadline against its baseline: how many times it moved since, and how far."""

    task: str
    department: str
    baseline: date
    current: date
    moves: int
    unrecorded: int
    days: int


@dataclass(frozen=True, slots=True)
class HistoryDocument:
    """`roadmap history`: the changes over the file's git history, oldest first; with `--slippage`,
    each task's slip from its baseline instead (`slips`), and the baseline it was measured from."""

    file: str
    timezone: str
    rows: tuple[HistoryRow, ...]
    revisions: int
    invalid: tuple[str, ...]
    slips: tuple[SlipRow, ...] | None = None
    baseline: str | None = None  # the revision given, or None: each task from the commit that added it


class KeptRow(NamedTuple):
    """A department's deadlines that fell due in one month (`month` None: in all months), and how
    they were kept. The rate divides by every deadline that fell due, the open and overdue ones
    included: met on time / (met + still open and overdue)."""

    department: str
    department_name: Localized
    month: date | None  # its first day
    on_time: int
    late: int
    overdue: int

    @property
    def fell_due(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def rate(self) -> int | None:
        """Whole percent of the deadlines that fell due met on time; None: none fell due."""
        return None if not self.fell_due else round(100 * self.on_time / self.fell_due)


@dataclass(frozen=True, slots=True)
class RecordDocument:
    """`roadmap history --on-time`: each department's record of keeping its deadlines, month by
    month, judged against the deadline in force when each fell due and against the baseline."""

    file: str
    as_of: date
    baseline: str | None  # the revision given, or None: each task as first committed
    in_force: tuple[KeptRow, ...]  # by department (the plan's order), month, then the department's total
    against_baseline: tuple[KeptRow, ...]
    revisions: int
    invalid: tuple[str, ...]


class BurnUpMonth(NamedTuple):
    """The brief's burn-up: by a month's end, the items planned done (by their baseline deadlines)
    and the items done, both counted from the start."""

    month: date
    planned: int
    done: int


class TimelineGroup(NamedTuple):
    """One band of the brief's timeline: a section (or, in a plan without sections, a lead
    department) and its items' deadlines in the plan's order."""

    id: str | None  # None: the items outside every section
    title: Localized | None
    rows: tuple[DeadlineRow, ...]


@dataclass(frozen=True, slots=True)
class BriefDocument:
    """`roadmap report --kind brief`: the page for the governor's meeting. The figures, departments
    and lists are the status document's; the brief adds the postponed items and the timeline."""

    status: StatusDocument
    postponed: tuple[DeadlineRow, ...]  # open items moved at least once, the most moved first
    timeline: tuple[TimelineGroup, ...]
    history: BriefHistory | None = None  # with `--history`: what the file's git history adds


@dataclass(frozen=True, slots=True)
class BriefHistory:
    """What the brief adds from the roadmap file's git history: the tasks that slipped from their
    baseline (the furthest first), each department's on-time record in all (against the deadline in
    force, then against the baseline), and the burn-up, month by month."""

    slips: tuple[SlipRow, ...]
    on_time: tuple[KeptRow, ...]
    on_time_baseline: tuple[KeptRow, ...]
    burn_up: tuple[BurnUpMonth, ...]


@dataclass(frozen=True, slots=True)
class DigestPart:
    """What one roadmap has for a department on its as-of day (a digest gathers one per roadmap)."""

    file: str
    roadmap: str  # the roadmap's id
    title: Localized
    as_of: date
    overdue: tuple[DeadlineRow, ...]  # worst first
    due_soon: tuple[DeadlineRow, ...]  # tasks' deadlines, soonest first
    duties: tuple[DeadlineRow, ...]  # duties' periods coming due, soonest first
    at_risk: tuple[DeadlineRow, ...]  # not already listed as due soon
    names: dict[str, Localized]  # the name of every executor the rows name, by id


@dataclass(frozen=True, slots=True)
class DigestDocument:
    """`roadmap remind`: one department's reminder, across the roadmaps that name it, in the
    language it is written in (the department's own, else the one asked for or the roadmap's)."""

    department: str
    name: Localized
    language: str
    email: str | None
    window: Window
    parts: tuple[DigestPart, ...]  # the roadmaps that have something for it, in the order given

    @property
    def as_of(self) -> date:
        return self.parts[0].as_of

    def count(self, which: Literal["overdue", "due_soon", "duties", "at_risk"]) -> int:
        return sum(len(getattr(part, which)) for part in self.parts)


@dataclass(frozen=True, slots=True)
class RemindDocument:
    digests: tuple[DigestDocument, ...]  # each department with something to say (or all, when asked)
    quiet: tuple[str, ...]  # the departments with nothing to say, left out
    window: Window


class CalendarEvent(NamedTuple):
    """One all-day event of the calendar feed: a deadline, or one period of a duty."""

    uid: str  # the same for the same deadline on every run (a re-import updates, not duplicates)
    roadmap: Localized  # the roadmap's title
    row: DeadlineRow
    alarm: datetime | None  # when to remind, in UTC (None: closed or past, nothing to remind of)


@dataclass(frozen=True, slots=True)
class CalendarDocument:
    """`roadmap calendar`: the deadlines of one or several roadmaps as an iCalendar feed."""

    title: Localized
    timezone: str  # the (first) roadmap's zone: the day each all-day event falls on is that zone's
    created: datetime  # UTC: each event's DTSTAMP
    events: tuple[CalendarEvent, ...]
    names: dict[str, Localized]  # every executor's name, by id


@dataclass(frozen=True, slots=True)
class FileFinding:
    """A finding about one of several files, with the file it is in."""

    file: str
    finding: Finding


# The documents a reading command gives for one roadmap, which `SeveralDocument` gathers.
RoadmapDocument = CheckDocument | StatusDocument | DiffDocument


@dataclass(frozen=True, slots=True)
class SeveralDocument:
    """`status`, `check` or `diff` over several roadmaps (a directory of them, or several files): each
    roadmap's own document in the order given, and what they come to together."""

    command: Literal["status", "check", "diff"]
    roadmaps: tuple[RoadmapDocument, ...]  # each of the command's own kind
    departments: tuple[DepartmentRow, ...] = ()  # status: each department across the roadmaps, total last
    warnings: tuple[FileFinding, ...] = ()  # a department one roadmap names otherwise than another
    unread: tuple[str, ...] = ()  # files that are invalid or could not be read: in none of the figures
    removed: tuple[str, ...] = ()  # diff: roadmap files the base has and the head no longer has

    @property
    def failed(self) -> bool:
        """`check`: a deadline missed in any roadmap."""
        return any(isinstance(document, CheckDocument) and document.failed for document in self.roadmaps)


# What `--format` renders: a new kind here is a type error in every renderer until it handles it.
Document = ValidateDocument | CheckDocument | StatusDocument | DiffDocument | SeveralDocument


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
        case SeveralDocument():
            return document.command
        case _:
            assert_never(document)
