"""`roadmap calendar`: the deadlines as an iCalendar feed, written whole or not at all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.analysis import find_department
from roadmap_cli.commands.shared import deliver, each_with_department, judging_day, load, load_several, tell
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.model import Roadmap
from roadmap_cli.report.build import calendar_document


def calendar(
    paths: Sequence[Path | None],
    as_of: date | datetime | None,
    department: str | None,
    alarm_working_days: int | None,
    output: str,
    language: str | None,
) -> ExitCode:
    several = load_several(paths, language)
    loaded = [load(paths[0], language)[0]] if several is None else several
    valid = [each for each in loaded if each.roadmap is not None]
    if not valid:
        return ExitCode.INVALID
    found = _chosen(valid, as_of, department)
    from roadmap_cli.report import ics

    document = calendar_document(found, alarm_working_days, datetime.now(UTC).replace(microsecond=0))
    shown = deliver(ics.render(document), output)
    tell(messages.text("calendar.written", events=messages.count(len(document.events), "event"), path=shown))
    return ExitCode.OK if len(valid) == len(loaded) else ExitCode.INVALID


def _chosen(
    loaded: Sequence[LoadedRoadmap], as_of: date | datetime | None, department: str | None
) -> list[tuple[LoadedRoadmap, date, str | None]]:
    """Each roadmap with its day and the department to keep; with `department`, the roadmaps that
    have it."""

    def chosen(each: LoadedRoadmap, roadmap: Roadmap) -> tuple[LoadedRoadmap, date, str | None]:
        kept = find_department(roadmap, department).id if department is not None else None
        return each, judging_day(roadmap, as_of), kept

    return each_with_department(loaded, department, chosen)
