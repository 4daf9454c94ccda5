"""GitHub Actions workflow commands: annotations that land on the lines of the YAML file.

Text from the file cannot start a command of its own: control characters (a newline before
``::add-mask::``, say) are spelled out by `inert`, and '%', ',' and ':' are escaped as GitHub's
toolkit does. Every breach is annotated: a gate shows all it found.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import assert_never

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    CheckDocument,
    DeadlineRow,
    DiffDocument,
    Document,
    Finding,
    Position,
    SeveralDocument,
    Severity,
    State,
    StatusDocument,
    ValidateDocument,
)
from roadmap_cli.report.escape import inert


def _data(text: str) -> str:
    return inert(text).replace("%", "%25")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(
    level: str, file: str, position: Position | None, message: str, title: str | None = None
) -> str:
    properties = [f"file={_property(file)}"]
    if position is not None:
        properties += [f"line={position.line}", f"col={position.column}"]
    if title:
        properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(message)}"


def _deadline_lines(file: str, rows: Iterable[DeadlineRow]) -> list[str]:
    lines = []
    for row in rows:
        if row.state is State.OVERDUE:
            title = messages.text("annotation.missed")
            lines.append(annotation("error", file, row.position, sentences.overdue_sentence(row), title))
        elif row.state is State.DUE_SOON:
            title = messages.text("annotation.soon")
            lines.append(annotation("warning", file, row.position, sentences.due_soon_sentence(row), title))
        elif row.risk is not None:
            title = messages.text("annotation.at_risk")
            lines.append(annotation("warning", file, row.position, sentences.at_risk_sentence(row), title))
    return lines


def _finding_line(file: str, finding: Finding, title: str | None = None) -> str:
    level = "error" if finding.severity is Severity.ERROR else "warning"
    return annotation(level, file, finding.position, finding.message, title)


def render(document: Document, limit: int | None = None) -> str:
    """Annotations for a document; `limit` is not used (every breach is annotated)."""
    return "".join(line + "\n" for line in _lines(document))


def _lines(document: Document) -> list[str]:
    lines: list[str]
    match document:
        case ValidateDocument():
            lines = [
                _finding_line(file.file, finding) for file in document.files for finding in file.findings
            ]
        case CheckDocument() | StatusDocument():
            # A deadline due soon and at risk is annotated once, as due soon (its text says the risk).
            others_at_risk = [row for row in document.at_risk if row.state is not State.DUE_SOON]
            lines = _deadline_lines(document.file, (*document.overdue, *document.due_soon, *others_at_risk))
        case DiffDocument():
            change_title = messages.text("annotation.change")
            lines = [
                annotation(
                    "notice", document.file, change.position, sentences.change_sentence(change), change_title
                )
                for change in document.changes
            ]
            policy_title = messages.text("annotation.policy")
            lines += [
                _finding_line(document.file, finding, policy_title) for finding in document.violations or ()
            ]
        case SeveralDocument():
            lines = [line for roadmap in document.roadmaps for line in _lines(roadmap)]
            lines += [_finding_line(warned.file, warned.finding) for warned in document.warnings]
        case _:
            assert_never(document)
    return lines
