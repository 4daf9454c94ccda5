"""The documents built from the core's results (a loaded roadmap, assessments, changes): the only part
of `report` that sees the core's own types; renderers take the documents these return."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal, overload

from roadmap_cli.analysis import (
    Assessment,
    CheckResult,
    CostTotals,
    DepartmentSummary,
    StatusReport,
    Window,
    assess_all,
    deadline_order,
    find_department,
    planned_costs,
    roadmap_calendar,
)
from roadmap_cli.diff import Change, ChangeKind
from roadmap_cli.errors import UsageError
from roadmap_cli.findings import Finding, Position
from roadmap_cli.history import Due, History, Kept, Month, Record, Slip
from roadmap_cli.intake import replies
from roadmap_cli.messages import DEFAULT_LANGUAGE, say
from roadmap_cli.model import DepartmentKind, Roadmap, Section, Status, Task
from roadmap_cli.official import OfficialState, official_state
from roadmap_cli.reminders import Digest
from roadmap_cli.report.document import (
    WORKING_TREE,
    BriefDocument,
    BriefHistory,
    BurnUpMonth,
    CalendarDocument,
    CalendarEvent,
    ChangeRow,
    CheckDocument,
    DeadlineRow,
    DepartmentRow,
    DiffDocument,
    DigestDocument,
    DigestPart,
    EditDocument,
    EditedField,
    ExecutionDocument,
    ExecutionRow,
    Executor,
    FileFinding,
    FileResult,
    HistoryDocument,
    HistoryRow,
    KeptRow,
    MovedDeadline,
    PlanRecord,
    RecordDocument,
    RemindDocument,
    ReplyFormDocument,
    RoadmapDocument,
    SectionRow,
    SeveralDocument,
    SlipRow,
    SlipTotal,
    State,
    StatusDocument,
    StatusSlippage,
    TimelineGroup,
    ValidateDocument,
    WorkingDays,
)
from roadmap_cli.several import across, added_up, name_disagreements
from roadmap_cli.values import Localized

if TYPE_CHECKING:
    from roadmap_cli.editing.fields import FieldChange
    from roadmap_cli.load import LoadedRoadmap


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
        official=official_state(assessment),
        working_days=working,
        periods=assessment.periods,
        progress=task.progress_through(assessment.as_of) if task.progress else (),
        leads=task.leads if len(task.leads) > 1 else (),
        risk=assessment.risk,
        starts=getattr(assessment.stated, "starts", None),
        period_starts=assessment.period_starts,
        deadline_wordings=_wordings(assessment.stated),
        standing=task.standing if assessment.standing else None,
        unread=task.review.deadline if task.review is not None and assessment.standing else None,
        relative=task.relative,
        pending=assessment.standing,
        moves=len(task.postponements) if assessment.period is None else 0,
    )


def history_moves(found: History) -> dict[str, tuple[MovedDeadline, ...]]:
    """Each task's deadline moved later, commit by commit, with the record made with it (or none)."""
    zone = found.zone
    moves: dict[str, list[MovedDeadline]] = {}
    for event in found.events:
        change = event.change
        if change.kind is not ChangeKind.DEADLINE_LATER:
            continue
        assert isinstance(change.old, date) and isinstance(change.new, date)
        basis, on = event.basis, event.revision.when.astimezone(zone).date()
        reason, decision = (basis.reason, basis.decision) if basis is not None else (None, None)
        moved = MovedDeadline(change.old, change.new, reason, decision, on, event.revision.author)
        moves.setdefault(change.task_id, []).append(moved)
    return {task: tuple(found_moves) for task, found_moves in moves.items()}


def _moves(task: Task, history: tuple[MovedDeadline, ...]) -> tuple[MovedDeadline, ...]:
    """The file's postponement records; with the history, the records of moves made before the file
    was in git, then the moves git saw (each with its record, if one was made)."""
    records = tuple(
        MovedDeadline(each.from_, each.to, each.reason, each.decision) for each in task.postponements
    )
    if not history:
        return records
    seen = {(each.from_, each.to) for each in history}
    return (*(each for each in records if (each.from_, each.to) not in seen), *history)


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


def status_document(
    loaded: LoadedRoadmap, report: StatusReport, slippage: StatusSlippage | None = None
) -> StatusDocument:
    assert loaded.roadmap is not None

    def row(assessment: Assessment) -> DeadlineRow:
        return deadline_row(assessment, loaded.task_position(assessment.task.id), with_working_days=True)

    info = loaded.roadmap.info
    cost = planned_costs(loaded.roadmap)
    return StatusDocument(
        plan=PlanRecord(info.approved, info.curator, info.period),
        cost=cost,
        file=loaded.path,
        title=loaded.roadmap.info.title,
        as_of=report.as_of,
        timezone=loaded.roadmap.info.timezone_name,
        window=report.window,
        departments=tuple(
            department_row(summary, _cost_of(summary, [cost]))
            for summary in (*report.summaries, report.total)
        ),
        overdue=RowsOnDemand(report.overdue, row),
        due_soon=RowsOnDemand(report.due_soon, row),
        department_deadlines=None
        if report.department_deadlines is None
        else RowsOnDemand(report.department_deadlines, row),
        sections=tuple(_section_row(section, summary, cost) for section, summary in report.sections),
        at_risk=RowsOnDemand(report.at_risk, row),
        to_review=RowsOnDemand(report.to_review, row),
        slippage=slippage,
    )


def department_row(summary: DepartmentSummary, planned_cost: Decimal | None) -> DepartmentRow:
    department = summary.department
    return DepartmentRow(
        id=department.id if department is not None else None,
        name=department.name if department is not None else None,
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
        planned_cost=planned_cost,
        kind=department.kind if department is not None else DepartmentKind.DEPARTMENT,
    )


def _cost_of(summary: DepartmentSummary, costs: Iterable[CostTotals | None]) -> Decimal | None:
    """What a department (or, for a total, everyone) plans to spend over these roadmaps' costs; None
    when none of them states a cost of its items."""
    department = summary.department
    amounts = [
        cost.total if department is None else cost.by_department.get(department.id)
        for cost in costs
        if cost is not None
    ]
    stated = [amount for amount in amounts if amount is not None]
    return sum(stated, Decimal(0)) if stated else None


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


def several_document(
    command: Literal["status", "check", "diff"],
    documents: Sequence[RoadmapDocument],
    loaded: Sequence[LoadedRoadmap],
    reports: Sequence[tuple[LoadedRoadmap, StatusReport]] = (),
    removed: Sequence[str] = (),
    unread: Sequence[str] | None = None,
) -> SeveralDocument:
    """What `command` found in each roadmap (`documents`, of those `loaded` that are valid), and for
    `status` (its `reports`) each department across the roadmaps. `unread`: the files left out, when
    not just the invalid ones among `loaded`."""
    departments: tuple[DepartmentRow, ...] = ()
    if reports:
        costs = [planned_costs(each.roadmap) for each, _report in reports if each.roadmap is not None]
        summaries = across([report.summaries for _loaded, report in reports])
        total = added_up([report.total for _loaded, report in reports], None)
        departments = tuple(
            department_row(summary, _cost_of(summary, costs)) for summary in (*summaries, total)
        )
    readable = [each for each in loaded if each.roadmap is not None]
    return SeveralDocument(
        command=command,
        roadmaps=tuple(documents),
        departments=departments,
        warnings=tuple(FileFinding(file, finding) for file, finding in name_disagreements(readable)),
        unread=tuple(each.path for each in loaded if each.roadmap is None)
        if unread is None
        else tuple(unread),
        removed=tuple(removed),
    )


def execution_document(
    loaded: LoadedRoadmap,
    as_of: date,
    window: Window,
    department_id: str | None = None,
    section_id: str | None = None,
    history: dict[str, tuple[MovedDeadline, ...]] | None = None,
) -> ExecutionDocument:
    """The execution report of the roadmap on `as_of`: with `department_id`, the items it leads or
    co-executes; with `section_id`, that section's items. With `history` (`history_moves`), each
    item's deadline moves as git tells them, a move with no record among them."""
    roadmap = loaded.roadmap
    assert roadmap is not None
    if department_id is not None:
        department_id = find_department(roadmap, department_id).id
    section_of = roadmap.section_of
    sections: list[tuple[str | None, Localized | None]] = [(each.id, each.title) for each in roadmap.sections]
    if section_id is not None:
        chosen = [each for each in sections if each[0] == section_id]
        if not chosen:
            known = ", ".join(str(each[0]) for each in sections) or "-"
            raise UsageError(say("usage.unknown_section", section=section_id, known=known))
        sections = chosen
    reported = _reported(assess_all(roadmap, as_of, window))
    rows: dict[str | None, list[ExecutionRow]] = {each_id: [] for each_id, _title in sections}
    rows.setdefault(None, [])  # the items outside every section come last
    for task in roadmap.tasks:
        if department_id is not None and not task.involves(department_id):
            continue
        if section_id is not None and section_of[task.id] != section_id:
            continue
        judged = reported[task.id]
        executors = tuple(
            Executor(department.id, department.name, department.kind is DepartmentKind.EXTERNAL)
            for department_id_ in (*task.leads, *task.co_executors)
            if (department := roadmap.departments_by_id.get(department_id_)) is not None
        )
        moved = history.get(task.id, ()) if history is not None else ()
        row = deadline_row(judged, loaded.task_position(task.id))
        if moved and row.official is OfficialState.IN_WORK:  # moved with no record, as git tells
            row = row._replace(official=OfficialState.POSTPONED)
        rows[section_of[task.id]].append(
            ExecutionRow(
                deadline=row,
                deliverable=task.deliverable,
                executors=executors,
                section=section_of[task.id],
                moves=_moves(task, moved),
                reason=task.reason,
                cost=task.cost.amount if task.cost is not None else None,
                sources=tuple(source.value for source in task.cost.sources) if task.cost is not None else (),
            )
        )
    if rows[None]:
        sections.append((None, None))
    return ExecutionDocument(
        file=loaded.path,
        title=roadmap.info.title,
        plan=PlanRecord(roadmap.info.approved, roadmap.info.curator, roadmap.info.period),
        as_of=as_of,
        timezone=roadmap.info.timezone_name,
        sections=tuple((each_id, title) for each_id, title in sections if rows.get(each_id)),
        rows=tuple(row for each_id, _title in sections for row in rows.get(each_id, ())),
        with_cost=any(task.cost is not None for task in roadmap.tasks),
    )


def history_document(
    shown: str,
    found: History,
    tasks: Sequence[str],
    since: date | None,
    until: date | None,
    department: str | None,
) -> HistoryDocument:
    """The history's changes, as the filters keep them: of these tasks, between these days (in the
    roadmap's zone), of this department (leading the task after the change)."""
    zone = found.zone
    wanted = set(tasks)
    rows = []
    for event in found.events:
        when = event.revision.when.astimezone(zone)
        change = event.change
        if wanted and change.task_id not in wanted:
            continue
        if (since is not None and when.date() < since) or (until is not None and when.date() > until):
            continue
        if department is not None and change.department != department:
            continue
        basis = event.basis
        rows.append(
            HistoryRow(
                event.revision.commit,
                event.revision.author,
                when,
                event.revision.subject,
                ChangeRow(
                    change.kind, change.task_id, change.department, change.old, change.new, change.days, None
                ),
                None if basis is None else MovedDeadline(basis.from_, basis.to, basis.reason, basis.decision),
                event.unrecorded,
            )
        )
    timezone = found.header.info.timezone_name if found.header is not None else "UTC+05:00"
    return HistoryDocument(shown, timezone, tuple(rows), found.revisions, found.invalid)


def slippage_document(
    shown: str, found: History, slips: Sequence[Slip], baseline: str | None, department: str | None
) -> HistoryDocument:
    """Each task's slip (the moved ones first, the furthest first), of one department with one."""
    rows = _slip_rows(slips, department)
    timezone = found.header.info.timezone_name if found.header is not None else "UTC+05:00"
    return HistoryDocument(shown, timezone, (), found.revisions, found.invalid, tuple(rows), baseline)


def record_document(
    shown: str, found: History, record: Record, as_of: date, baseline: str | None, department: str | None
) -> RecordDocument:
    """The on-time record by lead department (in the plan's order) and month, each department
    closed by its total; of one department with one."""
    roadmap = found.last
    return RecordDocument(
        shown,
        as_of,
        baseline,
        () if roadmap is None else _kept_rows(roadmap, record.in_force, department),
        () if roadmap is None else _kept_rows(roadmap, record.baseline, department),
        found.revisions,
        found.invalid,
    )


def _kept_rows(roadmap: Roadmap, dues: Sequence[Due], department: str | None) -> tuple[KeptRow, ...]:
    counted: dict[tuple[str, date | None], dict[Kept, int]] = {}
    for due in dues:
        if department is not None and due.department != department:
            continue
        for month in (due.deadline.replace(day=1), None):
            tally = counted.setdefault((due.department, month), dict.fromkeys(Kept, 0))
            tally[due.kept] += 1
    order = {department.id: index for index, department in enumerate(roadmap.departments)}
    rows = []
    for (department_id, month), tally in sorted(
        counted.items(), key=lambda item: (order.get(item[0][0], len(order)), item[0][1] or date.max)
    ):
        known = roadmap.departments_by_id.get(department_id)
        rows.append(
            KeptRow(
                department_id,
                known.name if known is not None else Localized(("", department_id)),
                month,
                tally[Kept.ON_TIME],
                tally[Kept.LATE],
                tally[Kept.OVERDUE],
            )
        )
    return tuple(rows)


# What a department may say of its own item in a reply: cancelling one takes the akimat's decision.
REPLY_STATUSES: Final = (Status.IN_PROGRESS, Status.DONE, Status.BLOCKED)


def reply_form_document(loaded: LoadedRoadmap, as_of: date, department_id: str) -> ReplyFormDocument:
    """The form a department fills in: its items of the execution report on `as_of`."""
    roadmap = loaded.roadmap
    assert roadmap is not None
    department = find_department(roadmap, department_id)
    execution = execution_document(loaded, as_of, Window(), department.id, None)
    columns = replies.COLUMN_KEYS
    filled = tuple(columns[name] for name in replies.FILLED)
    facts = replies.facts(roadmap.info.id, department.id, as_of)
    return ReplyFormDocument(
        roadmap.info.id,
        department.id,
        department.name,
        execution,
        REPLY_STATUSES,
        tuple(columns.values()),
        filled,
        replies.META_SHEET,
        facts,
    )


def _reported(assessments: Iterable[Assessment]) -> dict[str, Assessment]:
    """Each item's one deadline, as a report's row gives it, by task id: a duty's oldest missed period,
    else its next open one, else its latest; a task's only one."""
    by_task: dict[str, list[Assessment]] = {}
    for assessment in assessments:
        by_task.setdefault(assessment.task.id, []).append(assessment)
    return {task_id: _worst(assessments) for task_id, assessments in by_task.items()}


def _slip_rows(slips: Sequence[Slip], department: str | None) -> list[SlipRow]:
    """The slips as rows, the furthest first (then the most moved), of one lead department with one."""
    kept = [slip for slip in slips if department is None or slip.department == department]
    return sorted(
        (SlipRow(s.task, s.department, s.baseline, s.current, s.moves, s.unrecorded, s.days) for s in kept),
        key=lambda row: (-abs(row.days), -row.moves, row.task),
    )


def status_slippage(
    roadmap: Roadmap, slips: Sequence[Slip], baseline: str | None, department: str | None
) -> StatusSlippage:
    """What `status --history` adds: the tasks moved from their baselines, and the totals per lead
    department and per section (of the tasks a department leads, with `department`)."""
    rows = [row for row in _slip_rows(slips, department) if row.days or row.moves]

    def total(key: str | None, name: Localized | None, of: Sequence[SlipRow]) -> SlipTotal:
        days, moves = sum(row.days for row in of), sum(row.moves for row in of)
        return SlipTotal(
            key, name, sum(bool(row.days) for row in of), days, moves, sum(r.unrecorded for r in of)
        )

    by_department: dict[str, list[SlipRow]] = {}
    by_section: dict[str | None, list[SlipRow]] = {}
    for row in rows:
        by_department.setdefault(row.department, []).append(row)
        by_section.setdefault(roadmap.section_of.get(row.task), []).append(row)
    names = roadmap.departments_by_id
    departments = sorted(
        (total(key, names[key].name if key in names else None, of) for key, of in by_department.items()),
        key=lambda each: (-each.days, each.id or ""),
    )
    sections = [
        total(section.id, section.title, by_section[section.id])
        for section in roadmap.sections
        if section.id in by_section
    ]
    if roadmap.sections and None in by_section:
        sections.append(total(None, None, by_section[None]))
    return StatusSlippage(baseline, tuple(rows), tuple(departments), tuple(sections))


def _worst(assessments: Sequence[Assessment]) -> Assessment:
    for wanted in (lambda each: each.is_overdue, lambda each: not each.is_closed):
        found = [each for each in assessments if wanted(each)]
        if found:
            return found[0]
    return assessments[-1]


def brief_history(
    found: History, slips: Sequence[Slip], record: Record, burn_up: Sequence[Month], department: str | None
) -> BriefHistory:
    """The brief's part from the history: of one department with `department`."""
    slipped = slippage_document("", found, slips, None, department).slips or ()
    if found.last is None:
        return BriefHistory((), (), (), ())

    def totals(dues: Sequence[Due]) -> tuple[KeptRow, ...]:
        assert found.last is not None
        return tuple(row for row in _kept_rows(found.last, dues, department) if row.month is None)

    return BriefHistory(
        tuple(row for row in slipped if row.days or row.moves),
        totals(record.in_force),
        totals(record.baseline),
        tuple(BurnUpMonth(month.month, month.planned, month.done) for month in burn_up),
    )


def brief_document(
    loaded: LoadedRoadmap,
    report: StatusReport,
    department_id: str | None,
    history: BriefHistory | None = None,
) -> BriefDocument:
    """The meeting brief: the status of `report` (one department's, with `department_id`), the
    postponed items, and a timeline of every item by section (by lead department without sections)."""
    roadmap = loaded.roadmap
    assert roadmap is not None
    status = status_document(loaded, report)
    reported = _reported(report.every)  # judged once, for the lists and the timeline
    rows = [
        deadline_row(reported[task.id], loaded.task_position(task.id))  # the lists count working days
        for task in roadmap.tasks
        if department_id is None or task.involves(department_id)
    ]
    if roadmap.sections:
        section_of = roadmap.section_of
        groups = [(section.id, section.title) for section in roadmap.sections] + [(None, None)]
        timeline = [
            TimelineGroup(group_id, title, tuple(row for row in rows if section_of[row.task] == group_id))
            for group_id, title in groups
        ]
    else:
        timeline = [
            TimelineGroup(
                department.id, department.name, tuple(row for row in rows if row.department == department.id)
            )
            for department in roadmap.departments
        ]
    postponed = sorted(
        (row for row in rows if row.moves and row.status not in (Status.DONE, Status.CANCELLED)),
        key=lambda row: -row.moves,
    )
    return BriefDocument(status, tuple(postponed), tuple(group for group in timeline if group.rows), history)


def remind_document(
    found: Sequence[tuple[LoadedRoadmap, date, Sequence[Digest]]],
    window: Window,
    language: str | None,
    every: bool = False,
) -> RemindDocument:
    """Each department's digest across the roadmaps (`found`: each roadmap, its day, its digests),
    in the order the departments first appear; a department with nothing to say is left out (named
    in `quiet`) unless `every`. Written in the department's `language`, else in `language` (asked
    for), else in the roadmap's own, else English."""
    parts: dict[str, list[DigestPart]] = {}
    first: dict[str, tuple[LoadedRoadmap, Digest]] = {}
    for loaded, day, digests in found:
        roadmap = loaded.roadmap
        assert roadmap is not None

        position = loaded.task_position
        for digest in digests:
            first.setdefault(digest.department.id, (loaded, digest))
            listed = parts.setdefault(digest.department.id, [])
            if digest.is_empty and not every:
                continue
            overdue, due_soon, duties, at_risk = (
                tuple(deadline_row(item, position(item.task.id), with_working_days=True) for item in items)
                for items in (digest.overdue, digest.due_soon, digest.duties, digest.at_risk)
            )
            named = {
                executor
                for each in (*overdue, *due_soon, *duties, *at_risk)
                for executor in (*each.lead_ids, *each.co_executors)
            }
            names = {key: roadmap.departments_by_id[key].name for key in sorted(named)}
            info = roadmap.info
            part = DigestPart(
                loaded.path, info.id, info.title, day, overdue, due_soon, duties, at_risk, names
            )
            listed.append(part)
    documents = []
    for department_id, (loaded, digest) in first.items():
        if not parts[department_id]:
            continue
        department = digest.department
        written_in = department.language or language or loaded.language or DEFAULT_LANGUAGE
        documents.append(
            DigestDocument(
                department_id,
                department.name,
                str(written_in),
                department.email,
                window,
                tuple(parts[department_id]),
            )
        )
    quiet = tuple(department_id for department_id in first if not parts[department_id])
    return RemindDocument(tuple(documents), quiet, window)


# How far ahead the calendar lists a duty's periods: a year, renewed by every run (a feed is
# re-imported, or re-published by CI, far more often than that).
CALENDAR_AHEAD = timedelta(days=366)
# The hour of the day a calendar's reminder rings, in the roadmap's zone: the start of a working day.
ALARM_HOUR = time(9)


def calendar_document(
    found: Sequence[tuple[LoadedRoadmap, date, str | None]],
    alarm_working_days: int | None,
    created: datetime,
) -> CalendarDocument:
    """Every dated deadline of the roadmaps (`found`: each roadmap, its day, the department to keep,
    or None for all), and each duty's periods due within a year, as calendar events."""
    events: list[CalendarEvent] = []
    names: dict[str, Localized] = {}
    for loaded, day, department_id in found:
        roadmap = loaded.roadmap
        assert roadmap is not None
        names.update((department.id, department.name) for department in roadmap.departments)
        calendar, zone = roadmap_calendar(roadmap), roadmap.info.tz
        for assessment in assess_all(roadmap, day, ahead=day + CALENDAR_AHEAD):
            task = assessment.task
            if assessment.standing or assessment.periods > 1:
                continue  # no date to put it on; the older missed periods, taken as one, have none either
            if department_id is not None and not task.involves(department_id):
                continue
            alarm = None
            if alarm_working_days is not None and not assessment.is_closed:
                ringing = calendar.working_days_before(assessment.due, alarm_working_days)
                # A reminder before the judging day has rung already: importing it would only
                # pop up at once.
                if ringing >= day:
                    alarm = datetime.combine(ringing, ALARM_HOUR, tzinfo=zone).astimezone(UTC)
            period = f"/{assessment.period}" if assessment.period is not None else ""
            events.append(
                CalendarEvent(
                    uid=f"{roadmap.info.id}/{task.id}{period}@roadmap",
                    roadmap=roadmap.info.title,
                    row=deadline_row(assessment, loaded.task_position(task.id)),
                    alarm=alarm,
                )
            )
    first = found[0][0].roadmap
    assert first is not None
    return CalendarDocument(first.info.title, first.info.timezone_name, created, tuple(events), names)
