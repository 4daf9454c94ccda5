"""What the reports say in words, each sentence in one place for every format.

Everything here reads a document's values and speaks the current language (`messages`); nothing
escapes: each renderer makes the result inert for its own medium.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from roadmap_cli import messages
from roadmap_cli.report.document import (
    ActKind,
    ChangeKind,
    ChangeRow,
    ChangeValue,
    CostTotals,
    DeadlineRow,
    DiffDocument,
    FileResult,
    Finding,
    Localized,
    OfficialState,
    PlanRecord,
    ProgressNote,
    RiskReason,
    Severity,
    SlipRow,
    SlipTotal,
    State,
    Status,
    StatusDocument,
    StatusSlippage,
    Window,
    unlisted,
)
from roadmap_cli.report.escape import inert

# Each key written out, so that a test can hold every one to the catalogues (tests/test_languages.py).
STATUS_KEYS: Final[dict[Status, str]] = {
    Status.PLANNED: "status.planned",
    Status.IN_PROGRESS: "status.in_progress",
    Status.DONE: "status.done",
    Status.BLOCKED: "status.blocked",
    Status.CANCELLED: "status.cancelled",
}
SEVERITY_KEYS: Final[dict[Severity, str]] = {
    Severity.ERROR: "severity.error",
    Severity.WARNING: "severity.warning",
}
CHANGE_KEYS: Final[dict[ChangeKind, str]] = {
    ChangeKind.ADDED: "change.added",
    ChangeKind.REMOVED: "change.removed",
    ChangeKind.DEADLINE_LATER: "change.deadline-later",
    ChangeKind.DEADLINE_EARLIER: "change.deadline-earlier",
    ChangeKind.REOPENED: "change.reopened",
    ChangeKind.STATUS: "change.status",
    ChangeKind.REASSIGNED: "change.reassigned",
    ChangeKind.TITLE: "change.title",
    ChangeKind.DELIVERABLE: "change.deliverable",
    ChangeKind.SCHEDULE: "change.schedule",
    ChangeKind.SUBMITTED: "change.submitted",
    ChangeKind.NOTED: "change.noted",
}
# The mark before a change in the text report; every other kind is '~'.
CHANGE_MARKS: Final[dict[ChangeKind, str]] = {
    ChangeKind.ADDED: "+",
    ChangeKind.REMOVED: "-",
    ChangeKind.DEADLINE_LATER: ">",
    ChangeKind.DEADLINE_EARLIER: "<",
    ChangeKind.REOPENED: "!",
}


STATE_KEYS: Final[dict[State, str]] = {
    State.OVERDUE: "state.overdue",
    State.DUE_SOON: "state.due_soon",
    State.DONE_LATE: "state.done_late",
    State.SUBMITTED: "state.submitted",
    State.DONE: "state.done",
    State.CANCELLED: "state.cancelled",
    State.ON_TRACK: "state.on_track",
}

ACT_KEYS: Final[dict[ActKind, str]] = {
    ActKind.ORDER: "act.order",
    ActKind.RESOLUTION: "act.resolution",
    ActKind.DECISION: "act.decision",
    ActKind.DECREE: "act.decree",
    ActKind.PROTOCOL: "act.protocol",
    ActKind.INSTRUCTION: "act.instruction",
}


def state_word(state: State) -> str:
    return messages.text(STATE_KEYS[state])


def status_word(status: Status) -> str:
    return messages.text(STATUS_KEYS[status])


def severity_word(severity: Severity) -> str:
    return messages.text(SEVERITY_KEYS[severity])


@dataclass(frozen=True, slots=True)
class Shown:
    """Text from the file as it is shown: in the language spoken or, when it is missing there, in
    `fallback`, the language it is in (which every format marks: ``Построить подстанцию (ru)``)."""

    text: str
    fallback: str | None = None

    @property
    def marker(self) -> str | None:
        return messages.text("fallback", language=self.fallback) if self.fallback is not None else None

    def plain(self) -> str:
        """Text and marker in one string, for formats without styles."""
        return self.text if self.marker is None else f"{self.text} {self.marker}"


def shown(value: Localized) -> Shown:
    language = messages.current()
    used, text = value.choose(messages.FALLBACKS[language])
    return Shown(text, None if used in ("", language) else used)


def plain_text(value: Localized) -> str:
    """Text from the file in the language spoken (else in another, marked), inert: for the formats
    that hold plain text (Word, Excel, HTML)."""
    return inert(shown(value).plain())


def plan_lines(plan: PlanRecord) -> list[str]:
    """The plan's record as the head of a report says it: the approving act, the curator, the period."""
    lines = []
    if plan.approved is not None:
        act = plan.approved
        lines.append(
            messages.text(
                "plan.approved",
                kind=messages.text(ACT_KEYS[act.kind]),
                by=shown(act.by).plain(),
                date=messages.day(act.date),
                number=act.number,
            )
        )
    if plan.curator is not None:
        lines.append(messages.text("plan.curator", curator=shown(plan.curator).plain()))
    if plan.period is not None:
        starts, ends = messages.day(plan.period.starts), messages.day(plan.period.ends)
        lines.append(messages.text("plan.period", starts=starts, ends=ends))
    return lines


# Each key written out, for the test that holds them to the catalogues.
SOURCE_KEYS: Final[dict[str, str]] = {
    "local_budget": "source.local_budget",
    "republican_budget": "source.republican_budget",
    "national_fund": "source.national_fund",
    "private_investment": "source.private_investment",
    "other": "source.other",
    "several": "source.several",
    "unstated": "source.unstated",
}


def cost_line(cost: CostTotals) -> str:
    """``Предполагаемые расходы: 1 750,5 млн тенге (местный бюджет 500; частные инвестиции 1 250,5)``."""
    parts = "; ".join(
        messages.text("cost.part", source=messages.text(key), amount=cost.by_source[source])
        for source, key in SOURCE_KEYS.items()  # in the table's order, every time
        if source in cost.by_source
    )
    return messages.text("cost.total", amount=cost.total, sources=parts)


def progress_line(note: ProgressNote) -> str:
    """One progress note: ``20.11.2026: ПСД направлена на экспертизу (письмо № 12 от 19.11.2026)``."""
    text = shown(note.text).plain()
    if note.document is None:
        return messages.text("progress.line", date=messages.day(note.on), text=text)
    return messages.text(
        "progress.line_with_document", date=messages.day(note.on), text=text, document=note.document
    )


def deadline_text(row: DeadlineRow) -> str:
    """A deadline as people read it: the date the local way, then (when there are any) the period of a
    duty, the wording as written, and the date it was moved from. A standing obligation has only words."""
    if row.pending:
        if row.standing is not None:
            words = row.standing
        elif row.unread is not None:
            words = messages.text("deadline.unread", words=row.unread)
        else:
            words = relative_text(row)
        return words if row.risk is None else f"{words} ({risk_text(row.risk)})"
    notes: list[str] = []
    if row.relative is not None:
        notes.append(relative_text(row))
    if row.period is not None and row.periods > 1:
        notes.append(messages.text("periods", period=row.period, count=messages.Amount(row.periods)))
    elif row.period is not None:
        notes.append(messages.text("period", period=row.period))
    day = messages.day(row.effective_deadline)
    # A deadline worded per language says it in the language spoken (else in another one).
    wording = (
        shown(row.deadline_wordings).text if row.deadline_wordings is not None else row.deadline_as_written
    )
    if wording is not None and wording.strip() not in (day, row.deadline.isoformat()):
        notes.append(wording)
    if row.is_moved:
        notes.append(messages.text("moved", stated=messages.day(row.deadline)))
    if row.moves and row.original_deadline is not None:
        times, original = messages.count(row.moves, "time"), messages.day(row.original_deadline)
        notes.append(messages.text("postponed.note", times=times, original=original))
    if row.risk is not None:
        notes.append(risk_text(row.risk))
    return f"{day} ({'; '.join(notes)})" if notes else day


OFFICIAL_KEYS: Final[dict[OfficialState, str]] = {
    OfficialState.EXECUTED: "official.executed",
    OfficialState.EXECUTED_LATE: "official.executed_late",
    OfficialState.NOT_EXECUTED: "official.not_executed",
    OfficialState.AT_RISK: "official.at_risk",
    OfficialState.POSTPONED: "official.postponed",
    OfficialState.IN_WORK: "official.in_work",
    OfficialState.WITHDRAWN: "official.withdrawn",
}


def official_word(state: OfficialState) -> str:
    """The execution report's word for a state, in the language spoken: ``исполнено с нарушением
    срока``, ``орындалмау қаупі бар``."""
    return messages.text(OFFICIAL_KEYS[state])


RISK_KEYS: Final[dict[RiskReason, str]] = {
    RiskReason.BLOCKED: "risk.blocked",
    RiskReason.LATE_PREDECESSOR: "risk.late_predecessor",
    RiskReason.NO_PROGRESS: "risk.no_progress",
}


def risk_text(reason: RiskReason) -> str:
    """``риск неисполнения: приостановлено``: the official words, and why."""
    return messages.text("risk.line", reason=messages.text(RISK_KEYS[reason]))


def at_risk_sentence(row: DeadlineRow) -> str:
    return messages.text(
        "line.at_risk", task=row.task, department=leads_text(row), deadline=deadline_text(row)
    )


def review_heading(count: int) -> str:
    return messages.text("review.heading", count=messages.Amount(count))


def at_risk_heading(count: int) -> str:
    return messages.text("at_risk.heading", count=messages.Amount(count))


def relative_text(row: DeadlineRow) -> str:
    """A deadline counted from another item: the plan's words, else ``в течение 2 месяцев после
    исполнения 7.6``."""
    relative = row.relative
    assert relative is not None
    if relative.wording is not None:
        return shown(relative.wording).plain()
    count, unit = relative.within
    within = messages.count(count, "within_month" if unit == "month" else "within_day")
    return messages.text("relative.pending", within=within, task=relative.after)


def leads_text(row: DeadlineRow) -> str:
    """The lead executors as a report names them: ``uezhkh`` or ``uezhkh, uptad``."""
    return ", ".join(row.lead_ids)


def overdue_sentence(row: DeadlineRow) -> str:
    """The one sentence every format uses for a missed deadline."""
    return messages.text(
        "line.overdue",
        task=row.task,
        department=leads_text(row),
        deadline=deadline_text(row),
        days=messages.count(row.days_overdue, "day"),
    )


def due_soon_sentence(row: DeadlineRow) -> str:
    if row.days_left == 0:
        return messages.text(
            "line.due_today", task=row.task, department=leads_text(row), deadline=deadline_text(row)
        )
    return messages.text(
        "line.due_in",
        task=row.task,
        department=leads_text(row),
        deadline=deadline_text(row),
        days=messages.count(row.days_left, "day"),
    )


def column_label(key: str) -> str:
    """A column's header on one line (the table breaks some over two: ``Done\nlate``)."""
    return messages.text(key).replace("-\n", "").replace("\n", " ")


def percent_text(percent: int | None) -> str:
    """A share of tasks done, or a dash when no task counts."""
    return "–" if percent is None else str(percent)


def days_text(row: DeadlineRow) -> str:
    """Days left (negative once late), working days in brackets; a dash for a closed deadline."""
    if row.pending or row.state in (
        State.DONE,
        State.DONE_LATE,
        State.SUBMITTED,
        State.CANCELLED,
    ):
        return "–"
    working = f" ({row.working_days.left})" if row.working_days is not None else ""
    return f"{row.days_left}{working}"


def department_heading(document: StatusDocument, count: int) -> str:
    """``Every task of roads (7)``: the list `status --department` adds, named as the file names it."""
    row = document.departments[0]
    name = shown(row.name).plain() if row.name is not None else row.id or ""
    return messages.text("department.deadlines", department=name, count=messages.Amount(count))


def window_text(window: Window) -> str:
    """``14 days``, ``10 working days``: how far ahead due-soon looks."""
    return messages.count(window.days, "working_day" if window.working else "day")


def overdue_heading(count: int) -> str:
    return messages.text("overdue.heading", count=messages.Amount(count))


def due_soon_heading(window: Window, count: int) -> str:
    return messages.text("due_soon.heading", window=window_text(window), count=messages.Amount(count))


def overdue_verdict(count: int, sentence: bool) -> str:
    """``3 deadlines overdue``, or that nothing is: a `sentence` of its own, or a clause in a line."""
    if not count:
        return messages.text("verdict.none" if sentence else "check.verdict.none")
    verdict = messages.text("verdict.overdue", deadlines=messages.count(count, "deadline"))
    return verdict[:1].upper() + verdict[1:] if sentence else verdict


def more_rows(command: str, hidden: int) -> str:
    """The line under a list that shows only its first rows."""
    return messages.text("more_rows", count=messages.Amount(hidden), command=command)


def cut_here(command: str) -> str:
    """The line that ends a report cut to fit a pull-request comment."""
    return messages.text("markdown.cut", command=command)


def findings_summary(file: FileResult) -> str:
    """``PATH: valid: 45 tasks in 9 departments``, ``PATH: invalid: 2 errors, 1 warning``."""
    if file.valid:
        counts = {
            "path": file.file,
            "tasks": messages.count(file.tasks or 0, "task"),
            "departments": messages.count(file.departments or 0, "department"),
        }
        if file.warnings:
            warnings = messages.count(file.warnings, "warning")
            return messages.text("validate.with_warnings", **counts, warnings=warnings)
        return messages.text("validate.valid", **counts)
    return invalid_summary(file.file, file.findings)


def invalid_summary(path: str, findings: tuple[Finding, ...]) -> str:
    errors = sum(unlisted(finding) for finding in findings if finding.is_error)
    warnings = sum(unlisted(finding) for finding in findings if not finding.is_error)
    parts = [messages.count(errors, "error")]
    if warnings:
        parts.append(messages.count(warnings, "warning"))
    return messages.text("validate.invalid", path=path, problems=", ".join(parts))


def value_text(value: ChangeValue) -> str:
    """A value of a change as shown: a date the local way, text as it is."""
    if value is None:
        return ""
    return messages.day(value) if isinstance(value, date) else value


def change_sentence(change: ChangeRow) -> str:
    """One change in words, without its department: ``SEZ-008 deadline moved later: ...``."""
    return messages.text(
        CHANGE_KEYS[change.kind],
        task=change.task,
        old=value_text(change.old),
        new=value_text(change.new),
        days=messages.count(abs(change.days or 0), "day"),
    )


def change_mark(change: ChangeRow) -> str:
    return CHANGE_MARKS.get(change.kind, "~")


def grouped_changes(document: DiffDocument) -> list[tuple[str, list[ChangeRow]]]:
    """Changes grouped by lead department, in the roadmap's order (departments gone from it last)."""
    order = {department: position for position, department in enumerate(document.department_order)}
    grouped: dict[str, list[ChangeRow]] = {}
    for change in document.changes:
        grouped.setdefault(change.department, []).append(change)
    return [
        (department, grouped[department])
        for department in sorted(grouped, key=lambda name: (order.get(name, len(order)), name))
    ]


def diff_heading(document: DiffDocument, markdown: bool, base: str, head: str, path: str = "") -> str:
    """A diff's heading, with `base`, `head` and `path` as the format writes them. Each language words
    "from BASE to HEAD" and "from BASE to the working tree" as whole sentences of their own: the
    working tree is no revision name to put in a slot."""
    working_tree = document.head_is_working_tree
    if markdown and working_tree:
        return messages.text("markdown.changes_heading.working_tree", base=base)
    if markdown:
        return messages.text("markdown.changes_heading", base=base, head=head)
    if working_tree:
        return messages.text("diff.heading.working_tree", path=path, base=base)
    return messages.text("diff.heading", path=path, base=base, head=head)


def slip_line(row: SlipRow) -> str:
    """``SEZ-008 (energy): 30.06.2026 -> 30.09.2026, +92 days, moved 1 time (0 without a record)``."""
    return messages.text(
        "slip.line",
        task=row.task,
        department=row.department,
        baseline=messages.day(row.baseline),
        current=messages.day(row.current),
        days=f"{row.days:+d}",
        moves=messages.count(row.moves, "time"),
        unrecorded=messages.Amount(row.unrecorded),
    )


def slip_total_line(total: SlipTotal) -> str:
    """A department's or a section's slip in all: ``Энергетика: сдвинуто 3, всего +120 дн.``."""
    if total.name is not None:
        name = shown(total.name).plain()
    else:
        name = total.id or messages.text("section.outside")
    days = f"{total.days:+d}"
    return messages.text("slip.total", department=name, count=messages.count(total.tasks, "task"), days=days)


def slip_heading(slippage: StatusSlippage) -> str:
    baseline = slippage.baseline or messages.text("slip.baseline_added")
    return messages.text("status.slip_heading", baseline=baseline, count=messages.Amount(len(slippage.tasks)))
