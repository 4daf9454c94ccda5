"""The meeting brief as one self-contained HTML page (Jinja2, autoescaped): the headline figures,
the departments by name with progress bars, the overdue, at-risk, postponed and due-soon items, and
the timeline (`timeline.py`). Inline CSS and SVG only: no script, no font, image or link fetched from
anywhere, and `@page` sets A4 landscape for printing."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from typing import Any

from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from roadmap_cli import messages
from roadmap_cli.report import burnup, sentences, timeline
from roadmap_cli.report.document import (
    DEFAULT_ROWS,
    BriefDocument,
    BriefHistory,
    DeadlineRow,
    DepartmentRow,
    KeptRow,
    first_rows,
)
from roadmap_cli.report.escape import inert

TEMPLATE = "meeting_brief.html.jinja"


def render(document: BriefDocument) -> str:
    environment = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = resources.files("roadmap_cli.templates").joinpath(TEMPLATE)
    source = template.read_text(encoding="utf-8")
    return environment.from_string(source).render(_context(document))


def _context(document: BriefDocument) -> dict[str, Any]:
    status = document.status
    names = {row.id: row for row in status.departments if row.id is not None}
    total = status.total

    def department(row: DeadlineRow) -> str:
        return ", ".join(_name(names[lead]) if lead in names else lead for lead in row.lead_ids)

    def deadline_rows(rows: Sequence[DeadlineRow], days: str) -> list[list[str]]:
        return [
            [
                row.task,
                sentences.plain_text(row.title),
                department(row),
                inert(sentences.deadline_text(row)),
                _days(row, days),
            ]
            for row in rows
        ]

    postponed = [
        [
            row.task,
            sentences.plain_text(row.title),
            department(row),
            inert(sentences.deadline_text(row)),
            str(row.moves),
            str((row.effective_deadline - row.original_deadline).days) if row.original_deadline else "",
        ]
        for row in document.postponed
    ]
    common = [messages.text("column.task"), messages.text("column.title"), messages.text("column.department")]
    deadline = messages.text("column.deadline")
    return {
        "language": messages.current(),
        "title": sentences.plain_text(status.title),
        "plan": [inert(line) for line in sentences.plan_lines(status.plan)],
        "as_of": messages.text("as_of", date=messages.day(status.as_of), zone=inert(status.timezone)),
        "figures": [
            {"kind": "", "value": total.tasks, "label": sentences.column_label("column.tasks")},
            {
                "kind": "done",
                "value": f"{sentences.percent_text(total.percent_complete)} %",
                "label": sentences.column_label("column.done"),
            },
            {
                "kind": "overdue",
                "value": len(status.overdue),
                "label": sentences.column_label("column.overdue"),
            },
            {
                "kind": "due-soon",
                "value": len(status.due_soon),
                "label": sentences.column_label("column.due_soon"),
            },
            {
                "kind": "at-risk",
                "value": len(status.at_risk),
                "label": sentences.column_label("column.at_risk"),
            },
            {"kind": "", "value": len(document.postponed), "label": messages.text("brief.postponed_figure")},
        ],
        "headings": {
            "departments": messages.text("departments"),
            "timeline": messages.text("brief.timeline"),
        },
        "department_headers": [
            messages.text("column.department"),
            *(sentences.column_label(key) for key in _COUNT_KEYS),
            "",
            "%",
        ],
        "departments": [_department(row) for row in status.departments],
        "lists": [
            _list(
                sentences.overdue_heading(len(status.overdue)),
                [*common, deadline, sentences.column_label("column.days_late")],
                deadline_rows(status.overdue, "late"),
            ),
            _list(
                sentences.at_risk_heading(len(status.at_risk)),
                [*common, deadline, sentences.column_label("column.days_left")],
                deadline_rows(status.at_risk, "left"),
            ),
            _list(
                messages.text("brief.postponed", count=messages.Amount(len(postponed))),
                [*common, deadline, messages.text("brief.moves"), messages.text("brief.slipped")],
                postponed,
            ),
            _list(
                sentences.due_soon_heading(status.window, len(status.due_soon)),
                [*common, deadline, sentences.column_label("column.days_left")],
                deadline_rows(status.due_soon, "left"),
            ),
        ],
        "timeline": Markup(timeline.svg(document.timeline, status.as_of)),
        "history": None if document.history is None else _history(document.history, names),
    }


def _history(history: BriefHistory, names: dict[str, DepartmentRow]) -> dict[str, Any]:
    """The slippage from the baseline, the on-time record and the burn-up, from the git history."""

    def name(department_id: str) -> str:
        return _name(names[department_id]) if department_id in names else inert(department_id)

    slips = [
        [
            row.task,
            name(row.department),
            messages.day(row.baseline),
            messages.day(row.current),
            f"{row.days:+d}",
            str(row.moves),
            str(row.unrecorded),
        ]
        for row in history.slips
    ]
    baseline = {row.department: row for row in history.on_time_baseline}
    record = [
        [
            name(row.department),
            str(row.fell_due),
            str(row.on_time),
            str(row.late),
            str(row.overdue),
            _rate(row),
            _rate(baseline[row.department]) if row.department in baseline else "",
        ]
        for row in history.on_time
    ]
    return {
        "lists": [
            _list(
                messages.text("brief.slippage", count=messages.Amount(len(slips))),
                [
                    messages.text("column.task"),
                    messages.text("column.department"),
                    messages.text("brief.baseline"),
                    messages.text("column.deadline"),
                    messages.text("brief.slipped"),
                    messages.text("brief.moves"),
                    messages.text("brief.unrecorded"),
                ],
                slips,
                numbers_from=4,
            ),
            _list(
                messages.text("brief.on_time"),
                [
                    messages.text("column.department"),
                    *(
                        messages.text(key)
                        for key in (
                            "record.column.due",
                            "record.column.on_time",
                            "record.column.late",
                            "record.column.overdue",
                            "record.column.rate",
                        )
                    ),
                    messages.text("brief.rate_baseline"),
                ],
                record,
                numbers_from=1,
            ),
        ],
        "burn_up_heading": messages.text("brief.burn_up"),
        "burn_up": Markup(burnup.svg(history.burn_up)),
    }


def _rate(row: KeptRow) -> str:
    return "—" if row.rate is None else f"{row.rate} %"


_COUNT_KEYS = ("column.tasks", "column.done", "column.overdue", "column.due_soon", "column.at_risk")


def _department(row: DepartmentRow) -> dict[str, Any]:
    percent = row.percent_complete
    return {
        "name": _name(row) if row.id is not None else messages.text("total"),
        "counts": [row.tasks, row.done, row.overdue, row.due_soon, row.at_risk],
        "percent": sentences.percent_text(percent),
        "percent_width": percent or 0,
    }


def _list(heading: str, headers: list[str], rows: list[list[str]], numbers_from: int = 4) -> dict[str, Any]:
    """A table of the brief: its columns from `numbers_from` (counted from 0) on are figures."""
    shown, hidden = first_rows(rows, DEFAULT_ROWS)
    more = messages.text("brief.more", count=messages.Amount(hidden)) if hidden else ""
    return {
        "heading": heading,
        "headers": headers,
        "rows": shown,
        "hidden": more,
        "numbers_from": numbers_from,
    }


def _name(row: DepartmentRow) -> str:
    """A department as a reader expects it: its name (its id only when it has none)."""
    return sentences.plain_text(row.name) if row.name is not None else inert(row.id or "")


def _days(row: DeadlineRow, which: str) -> str:
    working = row.working_days
    if which == "late":
        return f"{row.days_overdue} ({working.overdue})" if working else str(row.days_overdue)
    return f"{row.days_left} ({working.left})" if working else str(row.days_left)
