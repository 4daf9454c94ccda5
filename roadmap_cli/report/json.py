"""The `json` format: each document field for field, under a versioned header (README, "Output formats").

Keys and values are for machines (English keys, ISO dates, state words); the texts for people
(`message`, `deadline_text`) speak the current language.
"""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from typing import Any, assert_never

from roadmap_cli.invisible import INVISIBLE_BUT_C0
from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    VERSION,
    ChangeValue,
    CheckDocument,
    DeadlineRow,
    DepartmentRow,
    DiffDocument,
    Document,
    Finding,
    Localized,
    PlanRecord,
    Position,
    SeveralDocument,
    SlipRow,
    SlipTotal,
    StatusDocument,
    StatusSlippage,
    ValidateDocument,
    command_name,
)

Data = dict[str, Any]


def _place(position: Position | None) -> Data:
    return {"line": position.line if position else None, "column": position.column if position else None}


def localized_data(value: Localized | None) -> dict[str, str] | None:
    return None if value is None else {language or "any": text for language, text in value.texts}


def _amount(value: Decimal | None) -> str | None:
    """Money as a decimal string: exact, as JSON numbers are not."""
    return None if value is None else str(value)


def _plan(plan: PlanRecord) -> Data:
    """The plan's record; each part None when the roadmap does not say it."""
    act, period = plan.approved, plan.period
    approved = None
    if act is not None:
        approved = {
            "kind": act.kind.value,
            "by": localized_data(act.by),
            "number": act.number,
            "date": _iso(act.date),
        }
    return {
        "approved": approved,
        "curator": localized_data(plan.curator),
        "period": None if period is None else {"starts": _iso(period.starts), "ends": _iso(period.ends)},
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _value(value: ChangeValue) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _finding(finding: Finding) -> Data:
    return {
        "severity": finding.severity.value,
        "code": finding.code,
        "message": finding.message,
        **_place(finding.position),
    }


def deadline_data(row: DeadlineRow) -> Data:
    data: Data = {
        "id": row.task,
        "title": localized_data(row.title),
        "department": row.department,
        "leads": list(row.lead_ids),
        "co_executors": list(row.co_executors),
        "deadline": None if row.pending else row.deadline.isoformat(),
        "deadline_as_written": row.deadline_as_written,
        "deadline_starts": _iso(row.starts),
        "deadline_wordings": localized_data(row.deadline_wordings),
        "original_deadline": _iso(row.original_deadline),
        "moves": row.moves,
        "status": row.status.value,
        "completed": _iso(row.completed),
        **_place(row.position),
        "effective_deadline": None if row.pending else row.effective_deadline.isoformat(),
        "standing": row.standing,
        "unread_deadline": row.unread,
        "after": None if row.relative is None else row.relative.after,
        "deadline_text": sentences.deadline_text(row),
        "period": row.period,
        "periods": row.periods,
        "submitted": _iso(row.submitted),
        "state": row.state.value,
        "official_state": row.official.value,
        "days_overdue": row.days_overdue,
        "days_left": row.days_left,
        "risk": None if row.risk is None else row.risk.value,
        "progress": [
            {"on": _iso(note.on), "text": localized_data(note.text), "document": note.document}
            for note in row.progress
        ],
    }
    if row.working_days is not None:
        data["working_days_overdue"] = row.working_days.overdue
        data["working_days_left"] = row.working_days.left
    return data


def slip_data(row: SlipRow) -> Data:
    """One task's slip, as `status --history` and `history --slippage` both write it."""
    return {
        "task": row.task,
        "department": row.department,
        "baseline": row.baseline.isoformat(),
        "current": row.current.isoformat(),
        "days": row.days,
        "moves": row.moves,
        "unrecorded": row.unrecorded,
    }


def _slippage(slippage: StatusSlippage) -> Data:
    def total(row: SlipTotal) -> Data:
        return {
            "id": row.id,
            "name": localized_data(row.name),
            "tasks": row.tasks,
            "days": row.days,
            "moves": row.moves,
            "unrecorded": row.unrecorded,
        }

    return {
        "baseline": slippage.baseline,
        "tasks": [slip_data(row) for row in slippage.tasks],
        "departments": [total(row) for row in slippage.departments],
        "sections": [total(row) for row in slippage.sections],
    }


def _body(document: Document) -> Data:
    match document:
        case ValidateDocument():
            return {
                "files": [
                    {
                        "file": file.file,
                        "valid": file.valid,
                        "tasks": file.tasks,
                        "findings": [_finding(finding) for finding in file.findings],
                    }
                    for file in document.files
                ],
            }
        case CheckDocument():
            return {
                "file": document.file,
                "as_of": document.as_of.isoformat(),
                "timezone": document.timezone,
                "warn_days": document.window.days,
                "warn_in_working_days": document.window.working,
                "failed": document.failed,
                "summary": {
                    "tasks": document.tasks,
                    "deadlines": len(document.overdue) + len(document.due_soon) + len(document.others),
                    "overdue": len(document.overdue),
                    "due_soon": len(document.due_soon),
                    "at_risk": len(document.at_risk),
                },
                "tasks": [deadline_data(row) for row in document.deadlines],
            }
        case StatusDocument():
            return {
                "file": document.file,
                "title": localized_data(document.title),
                "plan": _plan(document.plan),
                "cost": None
                if document.cost is None
                else {
                    "total": _amount(document.cost.total),
                    "by_source": {
                        source: _amount(amount) for source, amount in document.cost.by_source.items()
                    },
                },
                "as_of": document.as_of.isoformat(),
                "timezone": document.timezone,
                "warn_days": document.window.days,
                "warn_in_working_days": document.window.working,
                "departments": [_department(row) for row in document.departments],
                "sections": [
                    {
                        "id": row.id,
                        "title": localized_data(row.title),
                        "tasks": row.tasks,
                        "done": row.done,
                        "done_late": row.done_late,
                        "overdue": row.overdue,
                        "due_soon": row.due_soon,
                        "percent_complete": row.percent_complete,
                        "worst": row.worst.value,
                        "planned_cost": _amount(row.planned_cost),
                    }
                    for row in document.sections
                ],
                "overdue": [deadline_data(row) for row in document.overdue],
                "due_soon": [deadline_data(row) for row in document.due_soon],
                "at_risk": [deadline_data(row) for row in document.at_risk],
                "to_review": [deadline_data(row) for row in document.to_review],
                "deadlines": None
                if document.department_deadlines is None
                else [deadline_data(row) for row in document.department_deadlines],
                "slippage": None if document.slippage is None else _slippage(document.slippage),
            }
        case DiffDocument():
            violations = document.violations
            return {
                "file": document.file,
                "base": document.base,
                "head": document.head,
                "changes": [
                    {
                        "kind": change.kind.value,
                        "task": change.task,
                        "department": change.department,
                        "old": _value(change.old),
                        "new": _value(change.new),
                        "days": change.days,
                        **_place(change.position),
                    }
                    for change in document.changes
                ],
                "violations": None
                if violations is None
                else [
                    {
                        "rule": finding.code,
                        "task": finding.task,
                        "message": finding.message,
                        **_place(finding.position),
                    }
                    for finding in violations
                ],
            }
        case SeveralDocument():
            body: Data = {"roadmaps": [_body(roadmap) for roadmap in document.roadmaps]}
            if document.command == "status":
                body["departments"] = [_department(row) for row in document.departments]
            if document.command == "check":
                body["failed"] = document.failed
            if document.command == "diff":
                body["removed"] = list(document.removed)
            body["unread"] = list(document.unread)
            body["warnings"] = [
                {"file": warned.file, **_finding(warned.finding)} for warned in document.warnings
            ]
            return body
        case _:
            assert_never(document)


def _department(row: DepartmentRow) -> Data:
    return {
        "id": row.id,
        "name": localized_data(row.name),
        "kind": row.kind.value,
        "tasks": row.tasks,
        "done": row.done,
        "done_late": row.done_late,
        "in_progress": row.in_progress,
        "blocked": row.blocked,
        "cancelled": row.cancelled,
        "overdue": row.overdue,
        "due_soon": row.due_soon,
        "at_risk": row.at_risk,
        "percent_complete": row.percent_complete,
        "planned_cost": _amount(row.planned_cost),
    }


def data(document: Document) -> Data:
    """The document as plain JSON data, header first."""
    return {
        "schema": "roadmap-report",
        "version": VERSION,
        "command": command_name(document),
        **_body(document),
    }


def render(document: Document, limit: int | None = None) -> str:
    """The JSON text; `limit` is not used (a script gets every row)."""
    # json.dumps escapes C0 controls itself and leaves the other invisible characters raw, where a
    # terminal showing the output may act on them. Outside strings a JSON text is ASCII, so every
    # such character stands in a string, where an escape means the same.
    text = json.dumps(data(document), ensure_ascii=False, indent=2)
    return INVISIBLE_BUT_C0.sub(_json_escape, text) + "\n"


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    high, low = divmod(code - 0x10000, 0x400)  # JSON spells a character past U+FFFF as two halves
    return f"\\u{0xD800 + high:04x}\\u{0xDC00 + low:04x}"
