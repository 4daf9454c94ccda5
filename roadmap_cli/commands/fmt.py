"""`roadmap fmt`: put files in the standard layout; with --check, exit 1 when one is not."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.edit import unified_diff
from roadmap_cli.commands.shared import emit, locate, valid
from roadmap_cli.editing.reformat import formatted
from roadmap_cli.editing.storage import editing, replace
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_bytes
from roadmap_cli.report.escape import inert


def fmt(paths: Sequence[Path | None], check_only: bool, dry_run: bool, requested: str | None) -> ExitCode:
    unformatted = 0
    for path in paths:
        resolved, shown = locate(path)
        with editing(resolved) as snapshot:
            if valid(load_bytes(snapshot.raw, shown), requested) is None:
                return ExitCode.INVALID
            result = formatted(snapshot.raw, shown)
            if result == snapshot.raw:
                continue
            unformatted += 1
            if check_only or dry_run:
                if dry_run:
                    emit(unified_diff(snapshot.raw, result, shown))
                emit(inert(messages.text("format.would", path=shown)) + "\n")
                continue
            replace(snapshot, result, shown)
        emit(inert(messages.text("format.done", path=shown)) + "\n")
    return ExitCode.BREACHES if check_only and unformatted else ExitCode.OK
