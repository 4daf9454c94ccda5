"""`roadmap history` in words: a line per change, oldest first, with the commit, its author and day
in the roadmap's zone, and for a moved deadline the basis recorded, or that none was; as JSON for a
script; as Markdown for a pull request or a wiki page."""

from __future__ import annotations

import json
from typing import Any

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import HistoryDocument, HistoryRow, SlipRow
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import OutputFormat


def render(document: HistoryDocument, output_format: OutputFormat) -> str:
    if document.slips is not None:
        return _slippage(document, output_format)
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


def _slip_text(row: SlipRow) -> str:
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


def _totals(rows: tuple[SlipRow, ...]) -> list[tuple[str, int, int]]:
    """Per lead department: the tasks that slipped, and the days they slipped in all."""
    totals: dict[str, list[int]] = {}
    for row in rows:
        if row.days:
            entry = totals.setdefault(row.department, [0, 0])
            entry[0] += 1
            entry[1] += row.days
    return sorted(((name, count, days) for name, (count, days) in totals.items()), key=lambda item: -item[2])


def _slippage(document: HistoryDocument, output_format: OutputFormat) -> str:
    rows = document.slips or ()
    baseline = document.baseline or messages.text("slip.baseline_added")
    if output_format is OutputFormat.JSON:
        data = {
            "schema": "roadmap-slippage",
            "version": 1,
            "file": document.file,
            "baseline": document.baseline,
            "tasks": [
                {
                    "task": row.task,
                    "department": row.department,
                    "baseline": row.baseline.isoformat(),
                    "current": row.current.isoformat(),
                    "days": row.days,
                    "moves": row.moves,
                    "unrecorded": row.unrecorded,
                }
                for row in rows
            ],
            "departments": [
                {"department": name, "tasks": count, "days": days} for name, count, days in _totals(rows)
            ],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    heading = messages.text("slip.heading", path=document.file, baseline=baseline)
    totals = [
        messages.text("slip.total", department=name, count=messages.count(count, "task"), days=f"{days:+d}")
        for name, count, days in _totals(rows)
    ]
    lines = [heading, *(_slip_text(row) for row in rows if row.days or row.moves), *totals]
    if output_format is OutputFormat.MARKDOWN:
        return "\n".join([f"## {inert(heading)}", "", *(f"- {inert(line)}" for line in lines[1:])]) + "\n"
    return "".join(inert(line) + "\n" for line in lines)
