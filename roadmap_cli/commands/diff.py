"""`roadmap diff`: the changes between two revisions of the roadmap, and with --check the policy."""

from __future__ import annotations

from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.shared import View, emit, locate, speak, tell, valid
from roadmap_cli.diff import compare, violations
from roadmap_cli.errors import ExitCode
from roadmap_cli.report.build import diff_document
from roadmap_cli.report.formats import render
from roadmap_cli.revisions import load_pair


def diff(
    path: Path | None,
    base: str,
    head: str | None,
    check_policy: bool,
    view: View,
) -> ExitCode:
    """`head` None: the file as it is in the working tree. Exit 1 with --check when the change breaks
    the postponement policy."""
    speak(view.language)
    resolved, shown = locate(path)
    pair = load_pair(resolved, shown, base, head)
    head_roadmap = valid(pair.head, view.language)
    if head_roadmap is None:
        return ExitCode.INVALID
    base_roadmap = None
    if pair.base is None:
        tell(messages.text("diff.new_file", path=shown, base=base))
    else:
        base_roadmap = valid(pair.base, view.language)
        if base_roadmap is None:
            return ExitCode.INVALID
        speak(view.language, pair.head)
    changes = compare(base_roadmap, head_roadmap)
    found = (
        violations(base_roadmap, head_roadmap, pair.change_date(), pair.head.position)
        if check_policy
        else None
    )
    emit(render(diff_document(pair.head, base, head, changes, found), view.output_format, view.limit))
    counted = messages.count(len(changes), "change")
    if found is None:
        tell(f"{shown}: {counted}")
        return ExitCode.OK
    tell(f"{shown}: {counted}, {messages.count(len(found), 'violation')}")
    return ExitCode.BREACHES if found else ExitCode.OK
