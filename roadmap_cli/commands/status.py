"""`roadmap status`: per-department progress, overdue deadlines (worst first) and those due soon."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from roadmap_cli.analysis import StatusReport, Window, status_report
from roadmap_cli.commands.shared import (
    View,
    each_with_department,
    emit,
    judging_day,
    load_one,
    load_several,
    tell_warnings,
)
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.model import Roadmap
from roadmap_cli.report.build import several_document, status_document
from roadmap_cli.report.formats import render


def status(
    paths: Sequence[Path | None],
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    view: View,
    at: str | None = None,
) -> ExitCode:
    """A view for people: exit 0 whenever the roadmaps could be shown (`check` is the gate); 3 when
    one of them is invalid (the others are shown)."""
    several = load_several(paths, view.language, at)
    if several is None:
        loaded, roadmap, as_of = load_one(paths[0], view.language, at, as_of)
        if roadmap is None:
            return ExitCode.INVALID
        report = status_report(roadmap, judging_day(roadmap, as_of), window, department)
        emit(render(status_document(loaded, report), view.output_format, view.limit))
        return ExitCode.OK
    reports = _reports(several, as_of, window, department)
    if reports:
        documents = [status_document(each, report) for each, report in reports]
        document = several_document("status", documents, several, reports)
        tell_warnings(document)
        emit(render(document, view.output_format, view.limit))
    return ExitCode.INVALID if any(each.roadmap is None for each in several) else ExitCode.OK


def _reports(
    several: Sequence[LoadedRoadmap], as_of: date | datetime | None, window: Window, department: str | None
) -> list[tuple[LoadedRoadmap, StatusReport]]:
    """Each valid roadmap's report; with `department`, of the roadmaps that have it."""

    def report(loaded: LoadedRoadmap, roadmap: Roadmap) -> tuple[LoadedRoadmap, StatusReport]:
        return loaded, status_report(roadmap, judging_day(roadmap, as_of), window, department)

    return each_with_department(several, department, report)
