"""A roadmap's history from git: every change of a deadline, status, lead executor, title or
postponement record, commit by commit, with who made it, when, and the basis recorded with it.

The history is the branch's first-parent line (the main line: a merge is one step, bringing in what
its branch did), oldest first, following renames. Each revision of the file is loaded as any roadmap
is; a revision that is invalid is skipped (and counted), and the next valid one is compared with
the last valid one before it. A deadline moved later with no postponement record added for it is
marked unrecorded: possible before the policy existed, or pushed past `diff --check`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.diff import Change, ChangeKind, compare
from roadmap_cli.load import load_bytes
from roadmap_cli.model import Postponement, Roadmap
from roadmap_cli.source import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, slots=True)
class Event:
    revision: git.Revision
    change: Change
    basis: Postponement | None = None  # the record that allowed a move
    unrecorded: bool = False  # a later deadline without a record


@dataclass(frozen=True, slots=True)
class History:
    events: tuple[Event, ...]
    revisions: int  # the commits that changed the file
    invalid: tuple[str, ...]  # the commits at which the file did not load, skipped
    last: Roadmap | None  # the newest valid revision: its departments, zone and names


def history(path: Path, limits: Limits = DEFAULT_LIMITS) -> History:
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    revisions = git.file_history(root, relative)
    blobs = git.read_many(root, [f"{revision.commit}:{revision.path}" for revision in revisions])
    events: list[Event] = []
    invalid: list[str] = []
    before: Roadmap | None = None
    for revision, raw in zip(revisions, blobs, strict=True):
        if raw is None:  # removed at this commit: nothing to compare until it comes back
            continue
        if len(raw) > limits.max_bytes:
            invalid.append(revision.commit)
            continue
        roadmap = load_bytes(raw, f"{revision.commit[:7]}:{revision.path}", limits).roadmap
        if roadmap is None:
            invalid.append(revision.commit)
            continue
        events += [_event(revision, change, before, roadmap) for change in compare(before, roadmap)]
        before = roadmap
    return History(tuple(events), len(revisions), tuple(invalid), before)


def _event(revision: git.Revision, change: Change, before: Roadmap | None, after: Roadmap) -> Event:
    if change.kind not in (ChangeKind.DEADLINE_LATER, ChangeKind.DEADLINE_EARLIER) or before is None:
        return Event(revision, change)
    old, new = before.tasks_by_id[change.task_id], after.tasks_by_id[change.task_id]
    added = [record for record in new.postponements if record not in old.postponements]
    basis = next((record for record in added if record.to == new.deadline), added[-1] if added else None)
    return Event(revision, change, basis, change.kind is ChangeKind.DEADLINE_LATER and basis is None)
