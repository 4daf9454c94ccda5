"""GitHub Actions workflow commands: annotations that land on the lines of the YAML file.

Text from the file cannot start a command of its own: control characters (a newline before
``::add-mask::``, say) are spelled out by `inert`, and '%', ',' and ':' are escaped as GitHub's
toolkit does.
"""

from __future__ import annotations

from typing import Any

from roadmap_cli import messages
from roadmap_cli.report.document import Document
from roadmap_cli.report.escape import inert
from roadmap_cli.report.lines import due_soon_message, overdue_message


def _data(text: str) -> str:
    return inert(text).replace("%", "%25")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str, entry: dict[str, Any], message: str, title: str | None = None) -> str:
    properties = [f"file={_property(file)}"]
    if entry.get("line") is not None:
        properties += [f"line={entry['line']}", f"col={entry['column']}"]
    if title:
        properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(message)}"


def _task_lines(document: Document, tasks: list[dict[str, Any]]) -> list[str]:
    lines = []
    for task in tasks:
        facts = (task["id"], task["department"], task["deadline_text"])
        if task.get("state") == "overdue":
            message = overdue_message(*facts, task["days_overdue"])
            lines.append(
                annotation("error", document["file"], task, message, messages.text("annotation.missed"))
            )
        elif task.get("state") == "due-soon":
            message = due_soon_message(*facts, task["days_left"])
            lines.append(
                annotation("warning", document["file"], task, message, messages.text("annotation.soon"))
            )
    return lines


def render(document: Document) -> str:
    command = document["command"]
    lines: list[str] = []
    if command == "validate":
        for file in document["files"]:
            for finding in file["findings"]:
                level = "error" if finding["severity"] == "error" else "warning"
                lines.append(annotation(level, file["file"], finding, finding["message"]))
    elif command == "check":
        lines = _task_lines(document, document["tasks"])
    elif command == "status":
        lines = _task_lines(document, [*document["overdue"], *document["due_soon"]])
    elif command == "diff":
        for change in document["changes"]:
            message = f"{change['task']} {change['kind']}: {change['old']} -> {change['new']}"
            title = messages.text("annotation.change")
            lines.append(annotation("notice", document["file"], change, message, title))
        for violation in document["violations"] or []:
            title = messages.text("annotation.policy")
            lines.append(annotation("error", document["file"], violation, violation["message"], title))
    return "".join(line + "\n" for line in lines)
