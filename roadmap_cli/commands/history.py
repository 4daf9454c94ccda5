"""`roadmap history [PATH] [TASK...]`: who changed which deadline, status, lead or title, when,
and on what basis, over the roadmap file's git history."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from roadmap_cli.analysis import find_department
from roadmap_cli.commands.shared import View, emit, locate, speak
from roadmap_cli.errors import ExitCode, UsageError
from roadmap_cli.history import history
from roadmap_cli.messages import say
from roadmap_cli.report import history as rendered
from roadmap_cli.report.build import history_document
from roadmap_cli.report.formats import OutputFormat

FORMATS = (OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.MARKDOWN)


def show_history(
    path: Path | None,
    tasks: Sequence[str],
    since: date | None,
    until: date | None,
    department: str | None,
    view: View,
) -> ExitCode:
    if view.output_format not in FORMATS:
        formats = ", ".join(each.value for each in FORMATS)
        raise UsageError(say("history.format", format=view.output_format.value, formats=formats))
    speak(view.language)
    resolved, shown = locate(path)
    found = history(resolved)
    if found.last is not None:
        speak(view.language, language=found.last.info.language)
        if department is not None:  # by id or by name, as everywhere
            department = find_department(found.last, department).id
    emit(rendered.render(history_document(shown, found, tasks, since, until, department), view.output_format))
    return ExitCode.OK
