"""`roadmap history` in words: a line per change, oldest first, with the commit, its author and day
in the roadmap's zone, and for a moved deadline the basis recorded, or that none was; as JSON for a
script; as Markdown for a pull request or a wiki page."""

from __future__ import annotations

import json
from typing import Any

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import HistoryDocument, HistoryRow, KeptRow, RecordDocument, SlipRow
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import OutputFormat
from roadmap_cli.report.json import slip_data


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
    heading = messages.text(
        "history.heading", path=document.file, revisions=messages.Amount(document.revisions)
    )
    lines = [f"## {_cell(heading)}", ""]
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
            lines.append("| " + " | ".join(_cell(each) for each in cells) + " |")
    else:
        lines.append(_cell(messages.text("history.none")))
    lines += [
        "",
        *(_cell(messages.text("history.invalid", commit=commit[:7])) for commit in document.invalid),
    ]
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
            "tasks": [slip_data(row) for row in rows],
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
    lines = [heading, *(sentences.slip_line(row) for row in rows if row.days or row.moves), *totals]
    if output_format is OutputFormat.MARKDOWN:
        return "\n".join([f"## {inert(heading)}", "", *(f"- {inert(line)}" for line in lines[1:])]) + "\n"
    return "".join(inert(line) + "\n" for line in lines)


def render_record(document: RecordDocument, output_format: OutputFormat) -> str:
    """The on-time record: per department, a line (or a table row) per month and one in all."""
    if output_format is OutputFormat.JSON:
        return json.dumps(_record_data(document), ensure_ascii=False, indent=2) + "\n"
    heading = messages.text("record.heading", path=document.file, date=messages.day(document.as_of))
    baseline = messages.text(
        "record.baseline_heading", baseline=document.baseline or messages.text("slip.baseline_added")
    )
    if output_format is OutputFormat.MARKDOWN:
        parts = [f"## {_cell(heading)}", "", *_record_table(document.in_force)]
        parts += ["", f"### {_cell(baseline)}", "", *_record_table(document.against_baseline)]
        return "\n".join(parts) + "\n"
    lines = [heading, *_record_lines(document.in_force), "", baseline]
    lines += _record_lines(document.against_baseline)
    return "".join(inert(line) + "\n" for line in lines)


def _cell(text: str) -> str:
    return inert(text).replace("|", "\\|")


def _rate(row: KeptRow) -> str:
    return "—" if row.rate is None else messages.text("record.rate", rate=row.rate)


def _record_lines(rows: tuple[KeptRow, ...]) -> list[str]:
    if not rows:
        return [messages.text("record.none")]
    lines: list[str] = []
    previous = None
    for row in rows:
        if row.department != previous:
            lines.append(sentences.plain_text(row.department_name))
        previous = row.department
        when = messages.text("record.all_months") if row.month is None else messages.month(row.month)
        lines.append(
            "  "
            + messages.text(
                "record.line",
                when=when,
                due=messages.Amount(row.fell_due),
                on_time=messages.Amount(row.on_time),
                late=messages.Amount(row.late),
                overdue=messages.Amount(row.overdue),
                rate=_rate(row),
            )
        )
    return lines


RECORD_COLUMNS = (
    "record.column.department",
    "record.column.month",
    "record.column.due",
    "record.column.on_time",
    "record.column.late",
    "record.column.overdue",
    "record.column.rate",
)


def _record_table(rows: tuple[KeptRow, ...]) -> list[str]:
    if not rows:
        return [_cell(messages.text("record.none"))]
    headers = [messages.text(key) for key in RECORD_COLUMNS]
    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    for row in rows:
        when = messages.text("record.all_months") if row.month is None else messages.month(row.month)
        cells = [
            sentences.plain_text(row.department_name),
            f"**{when}**" if row.month is None else when,
            *(messages.grouped(number) for number in (row.fell_due, row.on_time, row.late, row.overdue)),
            _rate(row),
        ]
        lines.append("| " + " | ".join(_cell(each) for each in cells) + " |")
    return lines


def _record_data(document: RecordDocument) -> dict[str, Any]:
    def rows(found: tuple[KeptRow, ...]) -> list[dict[str, Any]]:
        return [
            {
                "department": row.department,
                "department_name": sentences.plain_text(row.department_name),
                "month": None if row.month is None else f"{row.month:%Y-%m}",
                "fell_due": row.fell_due,
                "on_time": row.on_time,
                "late": row.late,
                "overdue": row.overdue,
                "rate": row.rate,
            }
            for row in found
        ]

    return {
        "schema": "roadmap-on-time",
        "version": 1,
        "file": document.file,
        "as_of": document.as_of.isoformat(),
        "baseline": document.baseline,
        "revisions": document.revisions,
        "invalid_revisions": list(document.invalid),
        "in_force": rows(document.in_force),
        "against_baseline": rows(document.against_baseline),
    }
