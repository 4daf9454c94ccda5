"""`roadmap validate`: every problem of each file at its line and column; exit 3 when any is invalid."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from roadmap_cli.commands.shared import emit, locate, report_invalid, speak, tell
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_roadmap
from roadmap_cli.report.document import ValidateDocument, validate_document
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import OutputFormat, render
from roadmap_cli.report.sentences import findings_summary


def validate(
    paths: Sequence[Path | None], output_format: OutputFormat, requested: str | None, limit: int | None
) -> ExitCode:
    """Each file's findings speak the file's own language (unless one was asked for); one document for
    several files speaks theirs when they agree on one."""
    speak(requested)
    results = [load_roadmap(*locate(path)) for path in paths]
    document = validate_document(results)
    if output_format is not OutputFormat.TABLE:
        languages = {loaded.language for loaded in results}
        speak(requested, results[0] if len(languages) == 1 else None)
        emit(render(document, output_format, limit))
    for loaded, file in zip(results, document.files, strict=True):
        speak(requested, loaded)
        if output_format is OutputFormat.TABLE and file.valid:
            emit(render(ValidateDocument((file,)), output_format, limit))
        if file.valid:
            tell(inert(findings_summary(file)))
        else:
            report_invalid(loaded, with_findings=output_format is OutputFormat.TABLE)
    return ExitCode.INVALID if any(not file.valid for file in document.files) else ExitCode.OK
