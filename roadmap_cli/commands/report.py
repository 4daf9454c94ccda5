"""`roadmap report`: what the tool knows, for the people who never open a terminal: the official
execution report as a Word or Excel file, and the brief for the governor's meeting as a printable
page. The file is written whole or not at all."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import Final

from roadmap_cli import messages
from roadmap_cli.analysis import Window, find_department, status_report
from roadmap_cli.commands.shared import STDOUT, deliver, judging_day, load_one, locate, tell
from roadmap_cli.errors import ExitCode, UsageError
from roadmap_cli.history import history
from roadmap_cli.messages import say
from roadmap_cli.report.build import brief_document, brief_history, execution_document, history_moves
from roadmap_cli.report.document import BriefHistory
from roadmap_cli.report.formats import REPORT_FORMATS, ReportFormat, ReportKind

NAME_KEYS: Final = {ReportKind.EXECUTION: "report.name.execution", ReportKind.BRIEF: "report.name.brief"}


def report(
    path: Path | None,
    kind: ReportKind,
    report_format: ReportFormat | None,
    output: str,
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    section: str | None,
    language: str | None,
    at: str | None = None,
    with_history: bool = False,
) -> ExitCode:
    chosen = report_format or _format_of(output, kind)
    if chosen not in REPORT_FORMATS[kind]:
        formats = ", ".join(REPORT_FORMATS[kind])
        raise UsageError(say("report.kind_format", kind=kind.value, formats=formats, format=chosen.value))
    if kind is ReportKind.BRIEF and section is not None:
        raise UsageError(say("report.no_section"))
    if with_history and at is not None:
        raise UsageError(say("report.history_at"))
    if output == STDOUT and chosen is not ReportFormat.HTML and sys.stdout.isatty():
        raise UsageError(say("report.binary_to_terminal", format=chosen.value))
    loaded, roadmap, as_of = load_one(path, language, at, as_of)
    if roadmap is None:
        return ExitCode.INVALID
    day = judging_day(roadmap, as_of)
    if kind is ReportKind.BRIEF:
        from roadmap_cli.report import html

        department_id = find_department(roadmap, department).id if department is not None else None
        past = _from_history(path, day, department_id) if with_history else None
        brief = brief_document(
            loaded, status_report(roadmap, day, window, department_id), department_id, past
        )
        raw, items = html.render(brief).encode("utf-8"), sum(len(group.rows) for group in brief.timeline)
    else:
        moves = history_moves(history(locate(path)[0])) if with_history else None
        execution = execution_document(loaded, day, window, department, section, moves)
        items = len(execution.rows)
        if chosen is ReportFormat.DOCX:
            from roadmap_cli.report import docx

            raw = docx.render(execution)
        else:
            from roadmap_cli.report import xlsx

            raw = xlsx.render(execution)
    shown = deliver(raw, output)
    report_name = messages.text(NAME_KEYS[kind])
    items_text = messages.count(items, "task")
    tell(
        messages.text(
            "report.written", path=shown, report=report_name, items=items_text, date=messages.day(day)
        )
    )
    return ExitCode.OK


def _from_history(path: Path | None, day: date, department_id: str | None) -> BriefHistory:
    """The brief's slippage, on-time record and burn-up, from the roadmap file's git history."""
    from roadmap_cli.history import burn_up, deadlines_kept, slippage

    found = history(locate(path)[0])
    zone = found.zone
    record = deadlines_kept(found, day, zone)
    return brief_history(found, slippage(found), record, burn_up(found, day, zone), department_id)


def _format_of(output: str, kind: ReportKind) -> ReportFormat:
    """The format an output file's name asks for (`report.docx`); for standard output, the kind's
    first; a usage error when a name asks none."""
    if output == STDOUT:
        return REPORT_FORMATS[kind][0]
    suffix = Path(output).suffix.lower().lstrip(".")
    try:
        return ReportFormat(suffix)
    except ValueError:
        raise UsageError(say("report.format_unknown", output=output)) from None
