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
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.diff import Change, ChangeKind, compare
from roadmap_cli.history_cache import FIRST, INVALID, Cache, Step, cache_in
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
    """The file's history; the changes between two revisions are taken from the cache when it has
    them (`history_cache`), so a revision is loaded only when a pair is new."""
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    revisions = git.file_history(root, relative)
    blobs = git.blob_ids(root, [f"{revision.commit}:{revision.path}" for revision in revisions])
    roadmap_of = _Loader(root, limits)
    events: list[Event] = []
    invalid: list[str] = []
    before = FIRST
    with cache_in(git.git_directory(root)) as cache:
        for revision, blob in zip(revisions, blobs, strict=True):
            if blob is None:  # removed at this commit: nothing to compare until it comes back
                continue
            steps = None
            if cache.get(INVALID, blob) is None:
                steps = cache.get(before, blob)
                if steps is None:
                    steps = _judged(cache, roadmap_of, before, blob)
            if steps is None:
                invalid.append(revision.commit)
                continue
            events += [Event(revision, *step) for step in steps]
            before = blob
    return History(
        tuple(events), len(revisions), tuple(invalid), roadmap_of(before) if before != FIRST else None
    )


def _judged(cache: Cache, roadmap_of: _Loader, before: str, blob: str) -> list[Step] | None:
    """The steps from `before` to `blob`, computed and kept; None (kept so) when `blob` is invalid."""
    after = roadmap_of(blob)
    if after is None:
        cache.put(INVALID, blob, [])
        return None
    steps = _steps(roadmap_of(before) if before != FIRST else None, after)
    cache.put(before, blob, steps)
    return steps


class _Loader:
    """A revision's roadmap by its blob id, loaded when first asked for; the last few kept."""

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root, self.limits = root, limits
        self.loaded: dict[str, Roadmap | None] = {}

    def __call__(self, blob: str) -> Roadmap | None:
        if blob not in self.loaded:
            [raw] = git.read_many(self.root, [blob])
            roadmap = None
            if raw is not None and len(raw) <= self.limits.max_bytes:
                roadmap = load_bytes(raw, blob[:7], self.limits).roadmap
            if len(self.loaded) > 2:  # a history is read in order: only the newest are asked again
                self.loaded.pop(next(iter(self.loaded)))
            self.loaded[blob] = roadmap
        return self.loaded[blob]


def _steps(before: Roadmap | None, after: Roadmap) -> list[Step]:
    return [_step(change, before, after) for change in compare(before, after)]


def _step(change: Change, before: Roadmap | None, after: Roadmap) -> Step:
    if change.kind not in (ChangeKind.DEADLINE_LATER, ChangeKind.DEADLINE_EARLIER) or before is None:
        return change, None, False
    old, new = before.tasks_by_id[change.task_id], after.tasks_by_id[change.task_id]
    added = [record for record in new.postponements if record not in old.postponements]
    basis = next((record for record in added if record.to == new.deadline), added[-1] if added else None)
    return change, basis, change.kind is ChangeKind.DEADLINE_LATER and basis is None


@dataclass(frozen=True, slots=True)
class Slip:
    """How far one task's deadline has moved from its baseline: the deadline when the task was first
    committed (or at the baseline revision), against the one now."""

    task: str
    department: str
    baseline: date
    current: date
    moves: int  # deadline changes since the baseline
    unrecorded: int  # of them, later ones without a postponement record

    @property
    def days(self) -> int:
        return (self.current - self.baseline).days


def slippage(found: History, baseline: Roadmap | None = None, since: datetime | None = None) -> list[Slip]:
    """Each dated task's slip, in the newest roadmap's order: against `baseline` (a revision's
    roadmap, from `since`, its commit's time) for the tasks it has, else against the deadline each
    task had in the commit that added it."""
    if found.last is None:
        return []
    added: dict[str, tuple[date, datetime]] = {}
    moves: dict[str, list[Event]] = {}
    for event in found.events:
        change = event.change
        if change.kind is ChangeKind.ADDED and isinstance(change.new, date):
            added.setdefault(change.task_id, (change.new, event.revision.when))
        elif change.kind in (ChangeKind.DEADLINE_LATER, ChangeKind.DEADLINE_EARLIER):
            moves.setdefault(change.task_id, []).append(event)
    slips = []
    for task in found.last.tasks:
        then = baseline.tasks_by_id.get(task.id) if baseline is not None else None
        start: date
        if then is not None and then.deadline is not None and since is not None:
            start, from_time = then.deadline, since
        elif task.id in added:
            start, from_time = added[task.id]
        else:
            continue
        if task.deadline is None:
            continue
        counted = [event for event in moves.get(task.id, []) if event.revision.when > from_time]
        unrecorded = sum(1 for event in counted if event.unrecorded)
        slips.append(Slip(task.id, task.department, start, task.deadline, len(counted), unrecorded))
    return slips
