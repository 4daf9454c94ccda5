"""`roadmap check`, for CI: each overdue deadline at its place in the file; exit 1 when the check fails."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.analysis import Window, check_deadlines
from roadmap_cli.commands.shared import (
    View,
    emit,
    judging_day,
    load_one,
    load_several,
    tell,
    tell_warnings,
)
from roadmap_cli.errors import ExitCode
from roadmap_cli.gate import FailOn
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.model import Roadmap
from roadmap_cli.report.build import check_document, several_document
from roadmap_cli.report.document import CheckDocument
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import render
from roadmap_cli.report.sentences import overdue_verdict, window_text


def check(
    paths: Sequence[Path | None],
    as_of: date | datetime | None,
    window: Window,
    fail_on: FailOn,
    view: View,
    at: str | None = None,
) -> ExitCode:
    """Exit 1 when any roadmap has a breach; 3 when any is invalid (the others are still checked)."""

    def checked(
        loaded: LoadedRoadmap, roadmap: Roadmap, day: date | datetime | None = as_of
    ) -> CheckDocument:
        return check_document(loaded, check_deadlines(roadmap, judging_day(roadmap, day), window, fail_on))

    several = load_several(paths, view.language, at)
    if several is None:
        loaded, roadmap, day = load_one(paths[0], view.language, at, as_of)
        if roadmap is None:
            return ExitCode.INVALID
        document = checked(loaded, roadmap, day)
        emit(render(document, view.output_format, view.limit))
        tell(summary(document))
        return ExitCode.BREACHES if document.failed else ExitCode.OK
    documents = [checked(each, each.roadmap) for each in several if each.roadmap is not None]
    if documents:
        gathered = several_document("check", documents, several)
        tell_warnings(gathered)
        emit(render(gathered, view.output_format, view.limit))
        for each in documents:
            tell(summary(each))
    if any(each.roadmap is None for each in several):
        return ExitCode.INVALID
    return ExitCode.BREACHES if any(each.failed for each in documents) else ExitCode.OK


def summary(document: CheckDocument) -> str:
    """The line on stderr: the verdict, what is due soon, and on which day in which zone."""
    return inert(
        messages.text(
            "check.summary",
            path=document.file,
            verdict=overdue_verdict(len(document.overdue), sentence=False),
            due_soon=messages.Amount(len(document.due_soon)),
            window=window_text(document.window),
            date=messages.day(document.as_of),
            zone=document.timezone,
            tasks=messages.count(document.tasks, "task"),
        )
    )
