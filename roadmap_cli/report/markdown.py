"""Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: tables, overdue work first.

Text from the file is escaped so it renders as itself: no link, image, HTML tag or table cell
break can come out of a title.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from roadmap_cli import messages
from roadmap_cli.report.document import Document, first_rows
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


def _day(iso: str) -> str:
    return messages.day(date.fromisoformat(iso))


def _title(task: dict[str, Any]) -> str:
    titles = task.get("title") or {}
    for language in (*messages.FALLBACKS[messages.current()], "any"):
        if language in titles:
            return str(titles[language])
    return ""


def table(headers: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines.extend("| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows)
    return [*lines, ""]


def _task_table(
    heading: str, tasks: list[dict[str, Any]], days_header: str, days_key: str, rows: int | None
) -> list[str]:
    if not tasks:
        return []
    shown, hidden = first_rows(tasks, rows)
    more = [f"_{messages.text('more_rows', count=messages.Amount(hidden))}_", ""] if hidden else []
    cells: list[list[object]] = [
        [
            t["id"],
            t["department"],
            _title(t),
            t["deadline_text"],
            t[days_key],
            messages.text(f"status.{t['status']}"),
        ]
        for t in shown
    ]
    table_lines = table(
        [
            messages.text("column.task"),
            messages.text("column.department"),
            messages.text("column.title"),
            messages.text("column.deadline"),
            days_header,
            messages.text("column.status"),
        ],
        cells,
    )
    return [f"### {heading}", "", *table_lines, *more]


def _task_tables(
    overdue: list[dict[str, Any]], due_soon: list[dict[str, Any]], document: Document, rows: int | None
) -> list[str]:
    noun = "working_day" if document["warn_in_working_days"] else "day"
    window = messages.count(document["warn_days"], noun)
    return [
        *_task_table(
            messages.text("overdue.heading", count=messages.Amount(len(overdue))),
            overdue,
            messages.text("markdown.days_late"),
            "days_overdue",
            rows,
        ),
        *_task_table(
            messages.text("due_soon.heading", window=window, count=messages.Amount(len(due_soon))),
            due_soon,
            messages.text("markdown.days_left"),
            "days_left",
            rows,
        ),
    ]


def _columns(*names: str) -> list[str]:
    return [messages.text(f"markdown.column.{name}") for name in names]


def render(document: Document, rows: int | None = None) -> str:
    """The document as GitHub-flavoured Markdown; a task list shows its first `rows` tasks (None: all)."""
    command = document["command"]
    lines: list[str] = []
    if command == "validate":
        lines += [f"## {messages.text('markdown.validation')}", ""]
        for file in document["files"]:
            verdict = (
                messages.text("markdown.valid")
                if file["valid"]
                else f"**{messages.text('markdown.invalid')}**"
            )
            lines += [f"`{escape(file['file'])}`: {verdict}", ""]
            findings = [
                [f["line"], f["column"], messages.text(f"severity.{f['severity']}"), f["message"]]
                for f in file["findings"]
            ]
            if findings:
                lines += table(_columns("line", "column", "severity", "problem"), findings)
    elif command == "check":
        tasks = document["tasks"]
        summary = document["summary"]
        heading = messages.text(
            "markdown.check",
            overdue=messages.Amount(summary["overdue"]),
            due_soon=messages.Amount(summary["due_soon"]),
        )
        lines += [f"## {heading}", ""]
        as_of = messages.text(
            "markdown.as_of",
            date=_day(document["as_of"]),
            zone=escape(document["timezone"]),
            tasks=messages.count(summary["tasks"], "task"),
        )
        lines += [as_of, ""]
        overdue = [t for t in tasks if t["state"] == "overdue"]
        due_soon = [t for t in tasks if t["state"] == "due-soon"]
        lines += _task_tables(overdue, due_soon, document, rows)
    elif command == "status":
        as_of = messages.text("markdown.status_as_of", date=_day(document["as_of"]))
        lines += [f"## {escape(_title(document))}", "", as_of, ""]
        lines += _task_tables(document["overdue"], document["due_soon"], document, rows)
        lines += [f"### {messages.text('departments')}", ""]
        columns = ("tasks", "done", "done_late", "in_progress", "blocked", "overdue", "due_soon")
        lines += table(
            [
                messages.text("column.department"),
                *(
                    messages.text(f"column.{column}").replace("-\n", "").replace("\n", " ")
                    for column in columns
                ),
                "%",
            ],
            [
                [
                    d["id"] or messages.text("total"),
                    d["tasks"],
                    d["done"],
                    d["done_late"],
                    d["in_progress"],
                    d["blocked"],
                    d["overdue"],
                    d["due_soon"],
                    d["percent_complete"],
                ]
                for d in document["departments"]
            ],
        )
    elif command == "diff":
        heading = messages.text(
            "markdown.changes_heading", base=escape(document["base"]), head=escape(document["head"])
        )
        lines += [f"## {heading}", ""]
        violations = document["violations"]
        if violations:
            lines += [
                f"### {messages.text('markdown.violations', count=messages.Amount(len(violations)))}",
                "",
            ]
            lines += table(
                _columns("task", "line", "problem"),
                [[v["task"], v["line"], v["message"]] for v in violations],
            )
        if document["changes"]:
            lines += [f"### {messages.text('markdown.changes')}", ""]
            lines += table(
                _columns("department", "task", "change", "before", "after"),
                [
                    [c["department"], c["task"], c["kind"], c["old"] or "", c["new"] or ""]
                    for c in document["changes"]
                ],
            )
        else:
            lines += [messages.text("markdown.no_changes"), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
