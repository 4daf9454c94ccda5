"""Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: tables, overdue work first.

Text from the file is escaped so it renders as itself: no link, image, HTML tag or table cell
break can come out of a title. Each list shows its first rows, like the terminal table: a comment
holds 65,536 characters and a step summary 1 MiB.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import assert_never

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    CheckDocument,
    DeadlineRow,
    DepartmentKind,
    DepartmentRow,
    DiffDocument,
    Document,
    SeveralDocument,
    StatusDocument,
    ValidateDocument,
    command_name,
    first_rows,
)
from roadmap_cli.report.escape import inert

_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN_PUNCTUATION = set("\\`*_{}[]()#+-.!|~\"'=^$:")


def escape(text: object) -> str:
    """`text` as literal characters in a markdown table cell."""
    out = []
    for char in inert(str(text)):
        if char in _HTML:
            out.append(_HTML[char])
        elif char in _MARKDOWN_PUNCTUATION:
            out.append("\\" + char)
        else:
            out.append(char)
    return "".join(out)


def code(text: str) -> str:
    """`text` as a code span: shown as it is (a backslash stays one), fenced by more backticks than
    it holds in a row."""
    shown = inert(text)
    longest = max((len(run) for run in re.findall("`+", shown)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if shown.startswith("`") or shown.endswith("`") else ""
    return f"{fence}{padding}{shown}{padding}{fence}"


def cell(text: object) -> str:
    """A table cell: escaped, and cut to `MAX_CELL` characters (a 99,999-character title would fill a
    pull-request comment by itself)."""
    value = str(text)
    if len(value) > MAX_CELL:
        value = value[: MAX_CELL - 1] + "…"
    return escape(value)


def table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], command: str, limit: int | None
) -> list[str]:
    """A table of the first `limit` rows, and a line saying how many more there are."""
    shown, hidden = first_rows(rows, limit)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines.extend("| " + " | ".join(cell(value) for value in row) + " |" for row in shown)
    more = [f"_{sentences.more_rows(command, hidden)}_", ""] if hidden else []
    return [*lines, "", *more]


def _title(row: DeadlineRow) -> str:
    return sentences.shown(row.title).plain()


def _deadline_table(
    heading: str, rows: Sequence[DeadlineRow], overdue: bool, command: str, limit: int | None
) -> list[str]:
    if not rows:
        return []
    headers = [
        messages.text("column.task"),
        messages.text("column.department"),
        messages.text("column.title"),
        messages.text("column.deadline"),
        messages.text("markdown.days_late" if overdue else "markdown.days_left"),
        messages.text("column.status"),
    ]
    cells = [
        [
            row.task,
            sentences.leads_text(row),
            _title(row),
            sentences.deadline_text(row),
            "–" if row.pending else row.days_overdue if overdue else row.days_left,
            sentences.status_word(row.status),
        ]
        for row in rows
    ]
    return [f"### {heading}", "", *table(headers, cells, command, limit)]


def _deadline_tables(document: CheckDocument | StatusDocument, command: str, limit: int | None) -> list[str]:
    overdue, due_soon, at_risk = document.overdue, document.due_soon, document.at_risk
    return [
        *_deadline_table(sentences.overdue_heading(len(overdue)), overdue, True, command, limit),
        *_deadline_table(
            sentences.due_soon_heading(document.window, len(due_soon)), due_soon, False, command, limit
        ),
        *_deadline_table(sentences.at_risk_heading(len(at_risk)), at_risk, False, command, limit),
        *(
            _deadline_table(
                sentences.review_heading(len(document.to_review)), document.to_review, False, command, limit
            )
            if isinstance(document, StatusDocument)
            else []
        ),
    ]


def _validate(document: ValidateDocument, limit: int | None) -> list[str]:
    lines = [f"## {messages.text('markdown.validation')}", ""]
    for file in document.files:
        verdict = (
            messages.text("markdown.valid") if file.valid else f"**{messages.text('markdown.invalid')}**"
        )
        lines += [f"{code(file.file)}: {verdict}", ""]
        if file.findings:
            headers = [
                messages.text("markdown.column.line"),
                messages.text("markdown.column.column"),
                messages.text("markdown.column.severity"),
                messages.text("markdown.column.problem"),
            ]
            rows = [
                [
                    finding.position.line if finding.position else "",
                    finding.position.column if finding.position else "",
                    sentences.severity_word(finding.severity),
                    finding.message,
                ]
                for finding in file.findings
            ]
            lines += table(headers, rows, "validate", limit)
    return lines


def _check(document: CheckDocument, limit: int | None) -> list[str]:
    heading = messages.text(
        "markdown.check",
        overdue=messages.Amount(len(document.overdue)),
        due_soon=messages.Amount(len(document.due_soon)),
    )
    as_of = messages.text(
        "markdown.as_of",
        date=messages.day(document.as_of),
        zone=escape(document.timezone),
        tasks=messages.count(document.tasks, "task"),
    )
    return [f"## {heading}", "", as_of, "", *_deadline_tables(document, "check", limit)]


def _department(row: DepartmentRow) -> str:
    if row.id is None:
        return messages.text("total")
    external = row.kind is DepartmentKind.EXTERNAL
    return f"{row.id} {messages.text('department.by_agreement')}" if external else row.id


def _money(amount: Decimal | None) -> str:
    return "" if amount is None else messages.money(amount)


def _latest_progress(row: DeadlineRow) -> str:
    return sentences.progress_line(row.progress[-1]) if row.progress else ""


def _status(document: StatusDocument, limit: int | None) -> list[str]:
    as_of = messages.text("markdown.status_as_of", date=messages.day(document.as_of))
    plan = [f"{escape(line)}  " for line in sentences.plan_lines(document.plan)]  # a line break each
    lines = [f"## {escape(sentences.shown(document.title).plain())}", "", *plan, as_of, ""]
    lines += _deadline_tables(document, "status", limit)
    if document.department_deadlines is not None:
        deadlines = document.department_deadlines
        with_progress = any(row.progress for row in deadlines)  # a column only when there is any
        headers = [
            messages.text("column.task"),
            messages.text("column.title"),
            messages.text("column.deadline"),
            sentences.column_label("column.days_left"),
            messages.text("column.state"),
            *([messages.text("column.progress")] if with_progress else []),
        ]
        deadline_cells: list[list[object]] = [
            [
                row.task,
                sentences.shown(row.title).plain(),
                sentences.deadline_text(row),
                sentences.days_text(row),
                sentences.state_word(row.state),
                *([_latest_progress(row)] if with_progress else []),
            ]
            for row in deadlines
        ]
        lines += [
            f"### {sentences.department_heading(document, len(deadlines))}",
            "",
            *table(headers, deadline_cells, "status", limit),
        ]
    lines += [f"### {messages.text('departments')}", ""]
    labelled = [(_department(row), row) for row in document.departments]
    lines += _counts_table("column.department", labelled, document.cost is not None, limit)
    if document.cost is not None:
        lines += ["", escape(sentences.cost_line(document.cost))]
    return lines + _sections(document, limit) + _slippage(document, limit)


def _slippage(document: StatusDocument, limit: int | None) -> list[str]:
    slippage = document.slippage
    if slippage is None:
        return []
    lines = ["", f"### {escape(sentences.slip_heading(slippage))}", ""]
    if not slippage.tasks:
        return [*lines, escape(messages.text("status.slip_none"))]
    shown, hidden = first_rows(slippage.tasks, limit)
    lines += [f"- {escape(sentences.slip_line(row))}" for row in shown]
    if hidden:
        lines += ["", f"_{sentences.more_rows('status', hidden)}_"]
    for heading, totals in (
        ("status.slip_departments", slippage.departments),
        ("status.slip_sections", slippage.sections),
    ):
        if totals:
            lines += ["", f"**{escape(messages.text(heading))}**", ""]
            lines += [f"- {escape(sentences.slip_total_line(total))}" for total in totals]
    return lines


def _counts_table(
    first_header: str, rows: Sequence[tuple[str, DepartmentRow]], with_cost: bool, limit: int | None
) -> list[str]:
    """A row of counts for each department (or roadmap), labelled as given."""
    headers = [
        messages.text(first_header),
        *(
            sentences.column_label(key)
            for key in (
                "column.tasks",
                "column.done",
                "column.done_late",
                "column.in_progress",
                "column.blocked",
                "column.overdue",
                "column.due_soon",
            )
        ),
        "%",
        *([messages.text("column.cost")] if with_cost else []),
    ]
    cells = [
        [
            label,
            row.tasks,
            row.done,
            row.done_late,
            row.in_progress,
            row.blocked,
            row.overdue,
            row.due_soon,
            sentences.percent_text(row.percent_complete),
            *([_money(row.planned_cost)] if with_cost else []),
        ]
        for label, row in rows
    ]
    return table(headers, cells, "status", limit)


def _several(document: SeveralDocument, limit: int | None) -> list[str]:
    lines: list[str] = []
    for roadmap in document.roadmaps:
        heading, *rest = _lines(roadmap, limit)
        lines += [f"{heading} · {code(roadmap.file)}", *rest, ""]  # which file each part is about
    if document.command != "status":
        return lines
    statuses = [roadmap for roadmap in document.roadmaps if isinstance(roadmap, StatusDocument)]
    with_cost = any(roadmap.cost is not None for roadmap in statuses)
    by_roadmap = [
        (f"{sentences.shown(roadmap.title).plain()} ({roadmap.file})", roadmap.total) for roadmap in statuses
    ]
    across = [(_department(row), row) for row in document.departments]
    lines += [f"## {messages.text('several.heading')}", ""]
    lines += [*_counts_table("column.roadmap", by_roadmap, with_cost, None), ""]
    lines += [f"### {messages.text('several.departments')}", ""]
    return lines + _counts_table("column.department", across, with_cost, limit)


def _sections(document: StatusDocument, limit: int | None) -> list[str]:
    if not document.sections:
        return []
    headers = [
        messages.text("column.section"),
        *(
            sentences.column_label(key)
            for key in ("column.tasks", "column.done", "column.overdue", "column.due_soon")
        ),
        "%",
        messages.text("column.worst"),
    ]
    rows = [
        [
            messages.text("section.outside")
            if row.id is None
            else f"{row.id} {sentences.shown(row.title).plain() if row.title is not None else ''}".strip(),
            row.tasks,
            row.done,
            row.overdue,
            row.due_soon,
            sentences.percent_text(row.percent_complete),
            sentences.state_word(row.worst),
        ]
        for row in document.sections
    ]
    return ["", f"### {messages.text('sections')}", "", *table(headers, rows, "status", limit)]


def _diff(document: DiffDocument, limit: int | None) -> list[str]:
    heading = sentences.diff_heading(document, True, escape(document.base), escape(document.head))
    lines = [f"## {heading}", ""]
    violations = document.violations
    if violations:
        lines += [f"### {messages.text('markdown.violations', count=messages.Amount(len(violations)))}", ""]
        headers = [
            messages.text("markdown.column.task"),
            messages.text("markdown.column.line"),
            messages.text("markdown.column.problem"),
        ]
        rows = [
            [finding.task or "", finding.position.line if finding.position else "", finding.message]
            for finding in violations
        ]
        lines += table(headers, rows, "diff", limit)
    if document.changes:
        lines += [f"### {messages.text('markdown.changes')}", ""]
        headers = [messages.text("markdown.column.department"), messages.text("markdown.column.change")]
        rows = [
            [department, f"{sentences.change_mark(change)} {sentences.change_sentence(change)}"]
            for department, changes in sentences.grouped_changes(document)
            for change in changes
        ]
        lines += table(headers, rows, "diff", limit)
    else:
        lines += [messages.text("markdown.no_changes"), ""]
    return lines


def render(document: Document, limit: int | None) -> str:
    """The document as GitHub-flavoured Markdown; each list shows its first `limit` rows (None: all)."""
    text = "\n".join(_lines(document, limit)).rstrip("\n") + "\n"
    return text if limit is None else _bounded(text, command_name(document))


def _lines(document: Document, limit: int | None) -> list[str]:
    match document:
        case ValidateDocument():
            return _validate(document, limit)
        case CheckDocument():
            return _check(document, limit)
        case StatusDocument():
            return _status(document, limit)
        case DiffDocument():
            return _diff(document, limit)
        case SeveralDocument():
            return _several(document, limit)
        case _:
            assert_never(document)


# A pull-request comment holds 65,536 characters; what a tool adds around the report needs some.
MAX_DOCUMENT = 60_000
MAX_CELL = 300


def _bounded(text: str, command: str) -> str:
    """The document cut at a line to fit a comment, saying so, when even its first rows are too long."""
    if len(text) <= MAX_DOCUMENT:
        return text
    note = f"\n_{sentences.cut_here(command)}_\n"
    cut = text.rfind("\n", 0, MAX_DOCUMENT - len(note))
    return text[: cut + 1] + note
