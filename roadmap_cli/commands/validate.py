"""`roadmap validate`: every problem of each file at its line and column; exit 3 when any is invalid."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from roadmap_cli.commands.shared import View, emit, locate_all, report_invalid, speak, tell
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_roadmap
from roadmap_cli.report.build import validate_document
from roadmap_cli.report.document import ValidateDocument
from roadmap_cli.report.formats import OutputFormat, render
from roadmap_cli.report.sentences import findings_summary


def validate(paths: Sequence[Path | None], view: View) -> ExitCode:
    """Each file's findings speak the file's own language (unless one was asked for); one document for
    several files speaks theirs when they agree on one."""
    speak(view.language)
    results = [load_roadmap(*each) for each in locate_all(paths)]
    document = validate_document(results)
    if view.output_format is not OutputFormat.TABLE:
        languages = {loaded.language for loaded in results}
        speak(view.language, results[0] if len(languages) == 1 else None)
        emit(render(document, view.output_format, view.limit))
    for loaded, file in zip(results, document.files, strict=True):
        speak(view.language, loaded)
        if view.output_format is OutputFormat.TABLE and file.valid:
            emit(render(ValidateDocument((file,)), view.output_format, view.limit))
        if file.valid:
            tell(findings_summary(file))
        else:
            report_invalid(loaded, with_findings=view.output_format is OutputFormat.TABLE)
    return ExitCode.INVALID if any(not file.valid for file in document.files) else ExitCode.OK
