"""`roadmap history [PATH] [TASK...]`: who changed which deadline, status, lead or title, when,
and on what basis, over the roadmap file's git history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.analysis import find_department
from roadmap_cli.commands.shared import View, emit, locate, speak
from roadmap_cli.dates import today_in
from roadmap_cli.errors import ExitCode, RoadmapError, UsageError
from roadmap_cli.history import History, Record, deadlines_kept, history, slippage
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap
from roadmap_cli.report import history as rendered
from roadmap_cli.report.build import history_document, record_document, slippage_document
from roadmap_cli.report.document import RecordDocument
from roadmap_cli.report.formats import OutputFormat
from roadmap_cli.revisions import load_at

FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.MARKDOWN)


def show_history(
    path: Path | None,
    tasks: Sequence[str],
    since: date | None,
    until: date | None,
    department: str | None,
    view: View,
    slipped: bool = False,
    baseline: str | None = None,
    on_time: bool = False,
) -> ExitCode:
    if view.output_format not in FORMATS:
        formats = ", ".join(each.value for each in FORMATS)
        raise UsageError(say("history.format", format=view.output_format.value, formats=formats))
    if slipped and on_time:
        raise UsageError(say("history.one_view"))
    if baseline is not None and not (slipped or on_time):
        raise UsageError(say("slip.baseline_alone"))
    speak(view.language)
    resolved, shown = locate(path)
    found = history(resolved)
    if found.header is not None:
        speak(view.language, language=found.header.info.language)
        if department is not None:  # by id or by name, as everywhere
            department = find_department(found.header, department).id
    if on_time:
        emit(
            rendered.render_record(
                _record(resolved, shown, found, tasks, since, until, department, baseline), view.output_format
            )
        )
        return ExitCode.OK
    if slipped:
        against, since_time = baseline_at(resolved, shown, baseline)
        slips = slippage(found, against, since_time)
        chosen = [slip for slip in slips if not tasks or slip.task in tasks]
        document = slippage_document(shown, found, chosen, baseline, department)
    else:
        document = history_document(shown, found, tasks, since, until, department)
    emit(rendered.render(document, view.output_format))
    return ExitCode.OK


def _record(
    path: Path,
    shown: str,
    found: History,
    tasks: Sequence[str],
    since: date | None,
    until: date | None,
    department: str | None,
    baseline: str | None,
) -> RecordDocument:
    """The on-time record judged on `until` (default: today in the roadmap's zone), of the months
    from `since`'s on, of these tasks."""
    zone = found.zone
    as_of = until or today_in(zone)
    against, since_time = baseline_at(path, shown, baseline)
    record = deadlines_kept(found, as_of, zone, against, since_time)
    if tasks or since is not None:
        first_month = since.replace(day=1) if since is not None else date.min
        record = Record(
            *(
                tuple(due for due in dues if (not tasks or due.task in tasks) and due.deadline >= first_month)
                for dues in (record.in_force, record.baseline)
            )
        )
    return record_document(shown, found, record, as_of, baseline, department)


def baseline_at(path: Path, shown: str, baseline: str | None) -> tuple[Roadmap | None, datetime | None]:
    """The roadmap at the baseline revision (or date) and its commit's time; none: each task's own."""
    if baseline is None:
        return None, None
    point = load_at(path, shown, baseline)
    if point.loaded.roadmap is None:
        raise RoadmapError(say("slip.baseline_invalid", baseline=baseline))
    root = git.repository_root(path.resolve().parent)
    return point.loaded.roadmap, git.commit_time(root, point.commit)
