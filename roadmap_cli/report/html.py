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
from roadmap_cli.report import sentences, timeline
from roadmap_cli.report.document import DEFAULT_ROWS, BriefDocument, DeadlineRow, DepartmentRow, first_rows
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
    }


_COUNT_KEYS = ("column.tasks", "column.done", "column.overdue", "column.due_soon", "column.at_risk")


def _department(row: DepartmentRow) -> dict[str, Any]:
    percent = row.percent_complete
    return {
        "name": _name(row) if row.id is not None else messages.text("total"),
        "counts": [row.tasks, row.done, row.overdue, row.due_soon, row.at_risk],
        "percent": sentences.percent_text(percent),
        "percent_width": percent or 0,
    }


def _list(heading: str, headers: list[str], rows: list[list[str]]) -> dict[str, Any]:
    shown, hidden = first_rows(rows, DEFAULT_ROWS)
    more = messages.text("brief.more", count=messages.Amount(hidden)) if hidden else ""
    return {"heading": heading, "headers": headers, "rows": shown, "hidden": more}


def _name(row: DepartmentRow) -> str:
    """A department as a reader expects it: its name (its id only when it has none)."""
    return sentences.plain_text(row.name) if row.name is not None else inert(row.id or "")


def _days(row: DeadlineRow, which: str) -> str:
    working = row.working_days
    if which == "late":
        return f"{row.days_overdue} ({working.overdue})" if working else str(row.days_overdue)
    return f"{row.days_left} ({working.left})" if working else str(row.days_left)
