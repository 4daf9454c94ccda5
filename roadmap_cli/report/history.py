"""`roadmap history` in words: a line per change, oldest first, with the commit, its author and day
in the roadmap's zone, and for a moved deadline the basis recorded, or that none was; as JSON for a
script; as Markdown for a pull request or a wiki page."""

from __future__ import annotations

import json
from typing import Any

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import HistoryDocument, HistoryRow
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import OutputFormat


def render(document: HistoryDocument, output_format: OutputFormat) -> str:
    if output_format is OutputFormat.JSON:
        return json.dumps(_data(document), ensure_ascii=False, indent=2) + "\n"
    if output_format is OutputFormat.MARKDOWN:
        return _markdown(document)
    return "".join(inert(line) + "\n" for line in _lines(document))


def _when(row: HistoryRow) -> str:
    return f"{messages.day(row.when.date())} {row.when:%H:%M}"


def _basis(row: HistoryRow) -> str:
    if row.unrecorded:
        return messages.text("history.unrecorded")
    if row.basis is not None:
        return messages.text("history.basis", reason=row.basis.reason, decision=row.basis.decision)
    return ""


def _lines(document: HistoryDocument) -> list[str]:
    lines = [
        messages.text("history.heading", path=document.file, revisions=messages.Amount(document.revisions))
    ]
    for row in document.rows:
        basis = _basis(row)
        change = sentences.change_sentence(row.change)
        lines.append(
            f"{_when(row)} {row.commit[:7]} {row.author}: {change}" + (f"; {basis}" if basis else "")
        )
    if not document.rows:
        lines.append(messages.text("history.none"))
    lines += [messages.text("history.invalid", commit=commit[:7]) for commit in document.invalid]
    return lines


def _markdown(document: HistoryDocument) -> str:
    def cell(text: str) -> str:
        return inert(text).replace("|", "\\|")

    heading = messages.text(
        "history.heading", path=document.file, revisions=messages.Amount(document.revisions)
    )
    lines = [f"## {cell(heading)}", ""]
    if document.rows:
        headers = [
            messages.text(key)
            for key in (
                "history.column.when",
                "history.column.commit",
                "history.column.author",
                "history.column.change",
                "history.column.basis",
            )
        ]
        lines += ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
        for row in document.rows:
            cells = [
                _when(row),
                f"`{row.commit[:7]}`",
                row.author,
                sentences.change_sentence(row.change),
                _basis(row),
            ]
            lines.append("| " + " | ".join(cell(each) for each in cells) + " |")
    else:
        lines.append(cell(messages.text("history.none")))
    lines += ["", *(cell(messages.text("history.invalid", commit=commit[:7])) for commit in document.invalid)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _data(document: HistoryDocument) -> dict[str, Any]:
    return {
        "schema": "roadmap-history",
        "version": 1,
        "file": document.file,
        "timezone": document.timezone,
        "revisions": document.revisions,
        "invalid_revisions": list(document.invalid),
        "changes": [
            {
                "commit": row.commit,
                "author": row.author,
                "date": row.when.isoformat(),
                "subject": row.subject,
                "task": row.change.task,
                "department": row.change.department,
                "kind": row.change.kind.value,
                "old": _plain(row.change.old),
                "new": _plain(row.change.new),
                "days": row.change.days,
                "basis": None
                if row.basis is None
                else {
                    "from": row.basis.from_.isoformat(),
                    "to": row.basis.to.isoformat(),
                    "reason": row.basis.reason,
                    "decision": row.basis.decision,
                },
                "unrecorded": row.unrecorded,
            }
            for row in document.rows
        ],
    }


def _plain(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value
