"""Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY: tables, overdue work first.

Text from the file is escaped so it renders as itself: no link, image, HTML tag or table cell
break can come out of a title.
"""

from __future__ import annotations

from typing import Any

from roadmap_cli.report.document import Document
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


def _title(task: dict[str, Any]) -> str:
    titles = task.get("title") or {}
    for language in ("kk", "ru", "en", "any"):
        if language in titles:
            return str(titles[language])
    return ""


def table(headers: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    lines.extend("| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows)
    return [*lines, ""]


def _task_table(heading: str, tasks: list[dict[str, Any]], days_header: str, days_key: str) -> list[str]:
    if not tasks:
        return []
    rows = [[t["id"], t["department"], _title(t), t["deadline"], t[days_key], t["status"]] for t in tasks]
    return [
        f"### {heading} ({len(tasks)})",
        "",
        *table(["Task", "Department", "Title", "Deadline", days_header, "Status"], rows),
    ]


def _task_tables(overdue: list[dict[str, Any]], due_soon: list[dict[str, Any]], warn_days: int) -> list[str]:
    return [
        *_task_table("Overdue", overdue, "Days late", "days_overdue"),
        *_task_table(f"Due within {warn_days} days", due_soon, "Days left", "days_left"),
    ]


def render(document: Document) -> str:
    command = document["command"]
    lines: list[str] = []
    if command == "validate":
        lines += ["## Roadmap validation", ""]
        for file in document["files"]:
            verdict = "valid" if file["valid"] else "**invalid**"
            lines += [f"`{escape(file['file'])}`: {verdict}", ""]
            rows = [[f["line"], f["column"], f["severity"], f["message"]] for f in file["findings"]]
            if rows:
                lines += table(["Line", "Column", "Severity", "Problem"], rows)
    elif command == "check":
        tasks = document["tasks"]
        summary = document["summary"]
        lines += [f"## Roadmap check: {summary['overdue']} overdue, {summary['due_soon']} due soon", ""]
        lines += [
            f"As of {document['as_of']} ({escape(document['timezone'])}), {summary['tasks']} tasks.",
            "",
        ]
        overdue = [t for t in tasks if t["state"] == "overdue"]
        due_soon = [t for t in tasks if t["state"] == "due-soon"]
        lines += _task_tables(overdue, due_soon, document["warn_days"])
    elif command == "status":
        lines += [f"## {escape(_title(document))}", "", f"As of {document['as_of']}.", ""]
        lines += _task_tables(document["overdue"], document["due_soon"], document["warn_days"])
        lines += ["### Departments", ""]
        lines += table(
            ["Department", "Tasks", "Done", "Done late", "In work", "Blocked", "Overdue", "Due soon", "%"],
            [
                [
                    d["id"] or "Total",
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
        lines += [f"## Roadmap changes: {escape(document['base'])} → {escape(document['head'])}", ""]
        violations = document["violations"]
        if violations:
            lines += [f"### Policy violations ({len(violations)})", ""]
            lines += table(
                ["Task", "Line", "Problem"], [[v["task"], v["line"], v["message"]] for v in violations]
            )
        if document["changes"]:
            lines += ["### Changes", ""]
            lines += table(
                ["Department", "Task", "Change", "Before", "After"],
                [
                    [c["department"], c["task"], c["kind"], c["old"] or "", c["new"] or ""]
                    for c in document["changes"]
                ],
            )
        else:
            lines += ["No changes.", ""]
    return "\n".join(lines).rstrip("\n") + "\n"
