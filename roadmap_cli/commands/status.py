"""`roadmap status`: per-department progress, overdue deadlines (worst first) and those due soon."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from roadmap_cli.analysis import StatusReport, Window, find_department, status_report
from roadmap_cli.commands.shared import (
    View,
    each_with_department,
    emit,
    is_directory,
    judging_day,
    load_one,
    load_several,
    locate,
    tell_warnings,
)
from roadmap_cli.errors import ExitCode, UsageError
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap
from roadmap_cli.report.build import several_document, status_document, status_slippage
from roadmap_cli.report.document import StatusSlippage
from roadmap_cli.report.formats import render


def status(
    paths: Sequence[Path | None],
    as_of: date | datetime | None,
    window: Window,
    department: str | None,
    view: View,
    at: str | None = None,
    with_history: bool = False,
    baseline: str | None = None,
) -> ExitCode:
    """A view for people: exit 0 whenever the roadmaps could be shown (`check` is the gate); 3 when
    one of them is invalid (the others are shown)."""
    if baseline is not None and not with_history:
        raise UsageError(say("slip.baseline_alone"))
    if with_history and at is not None:
        raise UsageError(say("report.history_at"))
    if with_history and (len(paths) > 1 or (paths[0] is not None and is_directory(paths[0]))):
        raise UsageError(say("status.history_several"))
    several = load_several(paths, view.language, at)
    if several is None:
        loaded, roadmap, as_of = load_one(paths[0], view.language, at, as_of)
        if roadmap is None:
            return ExitCode.INVALID
        report = status_report(roadmap, judging_day(roadmap, as_of), window, department)
        slipped = _slippage(paths[0], roadmap, baseline, department) if with_history else None
        emit(render(status_document(loaded, report, slipped), view.output_format, view.limit))
        return ExitCode.OK
    reports = _reports(several, as_of, window, department)
    if reports:
        documents = [status_document(each, report) for each, report in reports]
        document = several_document("status", documents, several, reports)
        tell_warnings(document)
        emit(render(document, view.output_format, view.limit))
    return ExitCode.INVALID if any(each.roadmap is None for each in several) else ExitCode.OK


def _slippage(
    path: Path | None, roadmap: Roadmap, baseline: str | None, department: str | None
) -> StatusSlippage:
    """How far the tasks have moved from their baselines, from the file's git history (of the tasks a
    department leads, with `department`)."""
    from roadmap_cli.commands.history import baseline_at
    from roadmap_cli.history import history, slippage

    resolved, shown = locate(path)
    against, since = baseline_at(resolved, shown, baseline)
    lead = find_department(roadmap, department).id if department is not None else None
    return status_slippage(roadmap, slippage(history(resolved), against, since), baseline, lead)


def _reports(
    several: Sequence[LoadedRoadmap], as_of: date | datetime | None, window: Window, department: str | None
) -> list[tuple[LoadedRoadmap, StatusReport]]:
    """Each valid roadmap's report; with `department`, of the roadmaps that have it."""

    def report(loaded: LoadedRoadmap, roadmap: Roadmap) -> tuple[LoadedRoadmap, StatusReport]:
        return loaded, status_report(roadmap, judging_day(roadmap, as_of), window, department)

    return each_with_department(several, department, report)
