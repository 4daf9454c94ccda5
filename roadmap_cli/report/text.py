"""The plain ``PATH:LINE:COLUMN: message`` lines of `validate`, `check`, `diff` and the edits.

Editors, CI logs and grep all understand them; they need no terminal library. A gate's lines hold
every breach (a CI log that hid some would hide them from the people it exists to tell), so no row
limit applies here; `status`, the one view meant for reading at a glance, is the rich table.
"""

from __future__ import annotations

from typing import assert_never

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    CheckDocument,
    DiffDocument,
    EditDocument,
    Finding,
    Position,
    SeveralDocument,
    Severity,
    State,
    StatusDocument,
    ValidateDocument,
)
from roadmap_cli.report.escape import inert


def located(path: str, position: Position | None, message: str) -> str:
    place = path if position is None else f"{path}:{position.line}:{position.column}"
    return inert(f"{place}: {message}")


def finding_line(path: str, finding: Finding) -> str:
    if finding.severity is Severity.WARNING:
        return located(path, finding.position, messages.text("line.warning", message=finding.message))
    return located(path, finding.position, finding.message)


def _check_lines(document: CheckDocument) -> list[str]:
    lines = [
        located(document.file, row.position, sentences.overdue_sentence(row)) for row in document.overdue
    ]
    lines.extend(
        located(
            document.file,
            row.position,
            messages.text("line.warning", message=sentences.due_soon_sentence(row)),
        )
        for row in document.due_soon
    )
    # A deadline due soon says its risk in its own line; the others at risk get one of their own.
    lines.extend(
        located(
            document.file,
            row.position,
            messages.text("line.warning", message=sentences.at_risk_sentence(row)),
        )
        for row in document.at_risk
        if row.state is not State.DUE_SOON
    )
    return lines


def _diff_lines(document: DiffDocument) -> list[str]:
    lines = [inert(sentences.diff_heading(document, False, document.base, document.head, document.file))]
    for department, changes in sentences.grouped_changes(document):
        lines.append(inert(department))
        lines.extend(
            inert(f"  {sentences.change_mark(change)} {sentences.change_sentence(change)}")
            for change in changes
        )
    lines.extend(finding_line(document.file, finding) for finding in document.violations or ())
    return lines


def edit_lines(document: EditDocument) -> list[str]:
    """One line per changed field: where it now stands, and its value before and after."""
    lines = []
    for change in document.changes:
        if change.appended:
            lines.append(
                located(document.file, change.position, f"{change.task}: {change.field}: + {change.new}")
            )
            continue
        old = messages.text("edit.none") if change.old is None else change.old
        new = messages.text("edit.removed") if change.new is None else change.new
        lines.append(
            located(document.file, change.position, f"{change.task}: {change.field}: {old} -> {new}")
        )
    return lines


# The documents shown as lines; `status` is shown as a table (`report/table.py`).
LinesDocument = ValidateDocument | CheckDocument | DiffDocument | SeveralDocument


def _lines(document: LinesDocument | StatusDocument) -> list[str]:
    match document:
        case ValidateDocument():
            return [finding_line(file.file, finding) for file in document.files for finding in file.findings]
        case CheckDocument():
            return _check_lines(document)
        case DiffDocument():
            return _diff_lines(document)
        case SeveralDocument():
            # The warnings about the roadmaps together go to stderr with the other findings.
            return [line for roadmap in document.roadmaps for line in _lines(roadmap)]
        case StatusDocument():  # only among several, and shown as a table there
            return []
        case _:
            assert_never(document)


def render(document: LinesDocument) -> str:
    """The document as lines, every one of them (see the module's docstring)."""
    return "".join(line + "\n" for line in _lines(document))
