"""`roadmap report`: the official execution report as a Word or Excel file, for the people who never
open a terminal. The file is written whole or not at all."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.analysis import Window
from roadmap_cli.commands.shared import emit_bytes, judging_day, load, tell
from roadmap_cli.editing.storage import write_whole
from roadmap_cli.errors import ExitCode, ReportFileError, RoadmapError, UsageError
from roadmap_cli.messages import say
from roadmap_cli.report.build import execution_document
from roadmap_cli.report.formats import OfficeFormat, ReportKind

STDOUT = "-"


def report(
    path: Path | None,
    kind: ReportKind,
    office_format: OfficeFormat | None,
    output: str,
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    section: str | None,
    language: str | None,
) -> ExitCode:
    chosen = office_format or _format_of(output)
    if output == STDOUT and sys.stdout.isatty():
        raise UsageError(say("report.binary_to_terminal", format=chosen.value))
    loaded, roadmap = load(path, language)
    if roadmap is None:
        return ExitCode.INVALID
    document = execution_document(loaded, judging_day(roadmap, as_of), window, department, section)
    if chosen is OfficeFormat.DOCX:
        from roadmap_cli.report import docx

        raw = docx.render(document)
    else:
        from roadmap_cli.report import xlsx

        raw = xlsx.render(document)
    if output == STDOUT:
        emit_bytes(raw)
    else:
        try:
            write_whole(Path(output), raw, output)
        except RoadmapError as exc:  # said as the storage says it; the exit code is the report's
            raise ReportFileError(str(exc)) from None
    tell(
        messages.text(
            "report.written",
            path=output if output != STDOUT else messages.text("report.stdout"),
            items=messages.count(len(document.rows), "task"),
            date=messages.day(document.as_of),
        )
    )
    return ExitCode.OK


def _format_of(output: str) -> OfficeFormat:
    """The format an output file's name asks for (`report.docx`); a usage error when it asks none."""
    suffix = Path(output).suffix.lower().lstrip(".")
    try:
        return OfficeFormat(suffix)
    except ValueError:
        raise UsageError(say("report.format_unknown", output=output)) from None
