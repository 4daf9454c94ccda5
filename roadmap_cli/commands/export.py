"""`roadmap export --department ID -o reply.xlsx`: the form a department fills in with its monthly
"информация об исполнении" and sends back, for `roadmap import-progress` to take in."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.shared import STDOUT, deliver, judging_day, load, tell
from roadmap_cli.errors import ExitCode, UsageError
from roadmap_cli.messages import say
from roadmap_cli.report import sentences
from roadmap_cli.report.build import reply_form_document

FORMATS = ("xlsx",)


def export(
    path: Path | None,
    department: str,
    output: str,
    export_format: str | None,
    as_of: date | datetime | None,
    language: str | None,
) -> ExitCode:
    chosen = export_format or (Path(output).suffix.lower().lstrip(".") if output != STDOUT else "xlsx")
    if chosen not in FORMATS:
        raise UsageError(say("export.format", format=chosen, formats=", ".join(FORMATS)))
    if output == STDOUT and sys.stdout.isatty():
        raise UsageError(say("report.binary_to_terminal", format=chosen))
    loaded, roadmap = load(path, language)
    if roadmap is None:
        return ExitCode.INVALID
    from roadmap_cli.report import xlsx

    form = reply_form_document(loaded, judging_day(roadmap, as_of), department)
    raw = xlsx.render_reply_form(form)
    shown = deliver(raw, output)
    tell(
        messages.text(
            "export.written",
            path=shown,
            department=sentences.plain_text(form.department_name),
            items=messages.count(len(form.execution.rows), "task"),
            date=messages.day(form.execution.as_of),
        )
    )
    return ExitCode.OK
