"""`roadmap status`: per-department progress, overdue deadlines (worst first) and those due soon."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from roadmap_cli.analysis import Window, status_report
from roadmap_cli.commands.shared import View, emit, judging_day, load
from roadmap_cli.errors import ExitCode
from roadmap_cli.report.build import status_document
from roadmap_cli.report.formats import render


def status(
    path: Path | None,
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    view: View,
) -> ExitCode:
    """A view for people: exit 0 whenever the roadmap could be shown (`check` is the gate)."""
    loaded, roadmap = load(path, view.language)
    if roadmap is None:
        return ExitCode.INVALID
    report = status_report(roadmap, judging_day(roadmap, as_of), window, department)
    emit(render(status_document(loaded, report), view.output_format, view.limit))
    return ExitCode.OK
