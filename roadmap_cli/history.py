"""A roadmap's history from git: every change of a deadline, status, lead executor, title or
postponement record, commit by commit, with who made it, when, and the basis recorded with it.

The history is the branch's first-parent line (the main line: a merge is one step, bringing in what
its branch did), oldest first, following renames. Each revision of the file is loaded as any roadmap
is; a revision that is invalid is skipped (and counted), and the next valid one is compared with
the last valid one before it. A deadline moved later with no postponement record added for it is
marked unrecorded: possible before the policy existed, or pushed past `diff --check`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.analysis import roadmap_calendar
from roadmap_cli.dates import resolve_timezone
from roadmap_cli.diff import Change, ChangeKind, compare
from roadmap_cli.history_cache import FIRST, INVALID, Cache, Step, cache_in
from roadmap_cli.model import DayOffRule, Postponement, Roadmap, Status, Task
from roadmap_cli.revision_loader import RevisionLoader
from roadmap_cli.source import DEFAULT_LIMITS, Limits


@dataclass(frozen=True, slots=True)
class Event:
    revision: git.Revision
    change: Change
    basis: Postponement | None = None  # the record that allowed a move
    unrecorded: bool = False  # a later deadline without a record


@dataclass(frozen=True)
class History:
    events: tuple[Event, ...]
    revisions: int  # the commits that changed the file
    invalid: tuple[str, ...]  # the commits at which the file did not load, skipped
    # The newest valid revision, read when first asked for: whole (`last`), or only what is not its
    # tasks (`header`: the zone, the departments and names), which a history from the cache needs
    # alone and reads in a hundredth of the time.
    read_last: Callable[[], Roadmap | None] = field(repr=False, compare=False)
    read_header: Callable[[], Roadmap | None] = field(repr=False, compare=False)

    @cached_property
    def last(self) -> Roadmap | None:
        """The newest valid revision, its tasks with it."""
        return self.read_last()

    @cached_property
    def header(self) -> Roadmap | None:
        """The newest valid revision's roadmap, its departments, zone and names; its tasks may be left out."""
        return self.__dict__["last"] if "last" in self.__dict__ else self.read_header()

    @property
    def zone(self) -> tzinfo:
        """The time zone commit days are counted in: the newest valid revision's (else Kazakhstan's)."""
        return self.header.info.tz if self.header is not None else resolve_timezone(None)


def history(path: Path, limits: Limits = DEFAULT_LIMITS) -> History:
    """The file's history; the changes between two revisions are taken from the cache when it has
    them (`history_cache`), so a revision is loaded only when a pair is new."""
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    revisions = git.file_history(root, relative)
    blobs = git.blob_ids(root, [f"{revision.commit}:{revision.path}" for revision in revisions])
    roadmap_of = _Loader(root, limits, blobs)
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
    newest = before if before != FIRST else None
    return History(
        tuple(events),
        len(revisions),
        tuple(invalid),
        lambda: roadmap_of(newest) if newest is not None else None,
        lambda: roadmap_of.header(newest) if newest is not None else None,
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
    """A revision's roadmap by its blob id, loaded when first asked for; the last few kept.

    The blobs are read from git a batch at a time, in the order the history asks for them, and
    each revision is loaded by a `RevisionLoader`, which parses only what changed since the last."""

    def __init__(self, root: Path, limits: Limits, blobs: Sequence[str | None]) -> None:
        self.root, self.limits = root, limits
        self.order = [blob for blob in blobs if blob is not None]
        self.position = {blob: at for at, blob in reversed(list(enumerate(self.order)))}
        self.raw: dict[str, bytes | None] = {}
        self.loaded: dict[str, Roadmap | None] = {}
        self.reader = RevisionLoader(limits)

    def __call__(self, blob: str) -> Roadmap | None:
        if blob not in self.loaded:
            raw = self._raw(blob)
            roadmap = None
            if raw is not None and len(raw) <= self.limits.max_bytes:
                roadmap = self.reader.load(raw, blob[:7])
            if len(self.loaded) > 2:  # a history is read in order: only the newest are asked again
                self.loaded.pop(next(iter(self.loaded)))
            self.loaded[blob] = roadmap
        return self.loaded[blob]

    def header(self, blob: str) -> Roadmap | None:
        """The revision's roadmap, perhaps without its tasks: the header alone when it can be cut."""
        if blob in self.loaded:
            return self.loaded[blob]
        raw = self._raw(blob)
        if raw is None or len(raw) > self.limits.max_bytes:
            return None
        return self.reader.header(raw, blob[:7])

    def _raw(self, blob: str) -> bytes | None:
        """The blob's bytes: with the ones the history will ask for next, by one git call."""
        if blob not in self.raw:
            at = self.position.get(blob, len(self.order))
            batch = list(dict.fromkeys([blob, *self.order[at + 1 : at + READ_AHEAD]]))
            self.raw = dict(zip(batch, git.read_many(self.root, batch), strict=True))
        return self.raw.pop(blob)


# How many revisions are read from git at once: one process for many, and a bounded few megabytes.
READ_AHEAD = 32


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
            start, from_time, before_history = then.deadline, since, False
        elif task.id in added:
            deadline_then, from_time = added[task.id]
            moved_to = [event.change.new for event in moves.get(task.id, [])]
            start = _first(task, [deadline_then, *(day for day in moved_to if isinstance(day, date))])
            before_history = start != deadline_then  # from a move recorded before the roadmap was in git
        else:
            continue
        if task.deadline is None:
            continue
        counted = [event for event in moves.get(task.id, []) if event.revision.when > from_time]
        unrecorded = sum(1 for event in counted if event.unrecorded)
        moved = len(counted)
        if before_history:  # the records the history did not add are moves made before it
            moved += max(0, len(task.postponements) - (moved - unrecorded))
        slips.append(Slip(task.id, task.department, start, task.deadline, moved, unrecorded))
    return slips


class Kept(StrEnum):
    """How a deadline that fell due was kept."""

    ON_TIME = "on-time"  # done on or before it
    LATE = "late"  # done after it
    OVERDUE = "overdue"  # still open after it


@dataclass(frozen=True, slots=True)
class Due:
    """One task's deadline that fell due, and how it was kept."""

    task: str
    department: str
    deadline: date
    kept: Kept


@dataclass(frozen=True, slots=True)
class Record:
    """The deadlines that fell due by `as_of`, judged twice: against the deadline in force when it
    fell due (a deadline moved before it passed counts from its new day, one passed and moved only
    afterwards is missed on the day it passed), and against each task's baseline."""

    in_force: tuple[Due, ...]
    baseline: tuple[Due, ...]


def deadlines_kept(
    found: History, as_of: date, zone: tzinfo, baseline: Roadmap | None = None, since: datetime | None = None
) -> Record:
    """Each dated task of the newest roadmap (cancelled ones apart: they left the plan) that fell
    due, judged on `as_of` from its deadlines over the history, commit days in `zone`."""
    in_force: list[Due] = []
    against_baseline: list[Due] = []
    for task, spans in _dated_tasks(found, zone):
        done = task.completed if task.status is Status.DONE else None
        fell_due = _fell_due(spans, done, as_of)
        if fell_due is not None:
            in_force.append(Due(task.id, task.department, *fell_due))
        then = baseline.tasks_by_id.get(task.id) if baseline is not None and since is not None else None
        first: date = (
            then.deadline
            if then is not None and then.deadline is not None
            else _first(task, [deadline for _day, deadline in spans])
        )
        kept = _kept(first, done, as_of)
        if kept is not None:
            against_baseline.append(Due(task.id, task.department, first, kept))
    periods = _periods_kept(found.last, as_of) if found.last is not None else []
    return Record((*in_force, *periods), (*against_baseline, *periods))


def _periods_kept(roadmap: Roadmap, as_of: date) -> list[Due]:
    """Each period of a recurring duty that fell due by `as_of`, and how it was kept: reported by its
    due date (moved to the next working day when the roadmap says so), reported late, or not yet.
    A duty's schedule is the one in force now, so a period counts the same against the baseline."""
    calendar = roadmap_calendar(roadmap)
    next_working_day = roadmap.calendar.deadline_on_day_off is DayOffRule.NEXT_WORKING_DAY
    found: list[Due] = []
    for task in roadmap.tasks:
        if task.recurrence is None or task.status is Status.CANCELLED:
            continue
        submitted = task.submitted
        for occurrence in task.recurrence.schedule.due_through(as_of):
            due = calendar.next_working_day(occurrence.due) if next_working_day else occurrence.due
            on = submitted.get(occurrence.label)
            kept = _kept(due, on if on is not None and on <= as_of else None, as_of)
            if kept is not None:
                found.append(Due(task.id, task.department, due, kept))
    return found


def _dated_tasks(found: History, zone: tzinfo) -> Iterator[tuple[Task, list[tuple[date, date]]]]:
    """The tasks the record and the burn-up count: the newest roadmap's dated tasks, cancelled ones
    apart (they left the plan); each with its deadlines in force over the history (`_deadlines_in_force`;
    a task the history never dated, its deadline now)."""
    if found.last is None:
        return
    deadlines = _deadlines_in_force(found, zone)
    for task in found.last.tasks:
        if task.deadline is not None and task.status is not Status.CANCELLED:
            yield task, deadlines.get(task.id) or [(date.min, task.deadline)]


def _deadlines_in_force(found: History, zone: tzinfo) -> dict[str, list[tuple[date, date]]]:
    """Each task's deadlines as (the day it came into force, the deadline), oldest first; a later
    change on the same day replaces an earlier one."""
    spans: dict[str, list[tuple[date, date]]] = {}
    for event in found.events:
        change = event.change
        moved = change.kind in (ChangeKind.DEADLINE_LATER, ChangeKind.DEADLINE_EARLIER)
        if not isinstance(change.new, date) or not (moved or change.kind is ChangeKind.ADDED):
            continue
        day = event.revision.when.astimezone(zone).date()
        own = spans.setdefault(change.task_id, [])
        if own and own[-1][0] == day:
            own.pop()
        own.append((day, change.new))
    return spans


def _first(task: Task, deadlines: Sequence[date]) -> date:
    """A task's baseline deadline, of the `deadlines` it had over the history (oldest first): the
    one it had in the commit that added it; or, when the file records a postponement from a deadline
    the history never had (a move made before the roadmap was in git), the one that record says
    was first set."""
    recorded = task.postponements[0].from_ if task.postponements else None
    return recorded if recorded is not None and recorded not in deadlines else deadlines[0]


def _fell_due(spans: list[tuple[date, date]], done: date | None, as_of: date) -> tuple[date, Kept] | None:
    """The first deadline in force that passed without the task done, or the one in force when it
    was done on time; None while none has fallen due."""
    for index, (_since, deadline) in enumerate(spans):
        until = spans[index + 1][0] if index + 1 < len(spans) else date.max
        if done is not None and done < until and done <= deadline:
            return deadline, Kept.ON_TIME  # done while this deadline was in force, in time
        passed = deadline < until and deadline < as_of  # its day ended before it was moved
        if passed and (done is None or done > deadline):
            return deadline, Kept.LATE if done is not None else Kept.OVERDUE
    return None


def _kept(deadline: date, done: date | None, as_of: date) -> Kept | None:
    if done is not None:
        return Kept.ON_TIME if done <= deadline else Kept.LATE
    return Kept.OVERDUE if deadline < as_of else None


@dataclass(frozen=True, slots=True)
class Month:
    """A month of the burn-up: the tasks planned to be done by its end (by their baseline
    deadlines) and the tasks done by then, both counted from the start."""

    month: date  # its first day
    planned: int
    done: int


def burn_up(found: History, as_of: date, zone: tzinfo) -> tuple[Month, ...]:
    """Planned against done, month by month, from the first baseline deadline's month to `as_of`'s."""
    planned: list[date] = []
    done: list[date] = []
    for task, spans in _dated_tasks(found, zone):
        planned.append(_first(task, [deadline for _day, deadline in spans]))
        if task.status is Status.DONE and task.completed is not None:
            done.append(task.completed)
    if not planned:
        return ()
    month = min(planned).replace(day=1)
    last = as_of.replace(day=1)
    months = []
    while month <= last:
        following = (month + timedelta(days=32)).replace(day=1)
        months.append(
            Month(month, sum(day < following for day in planned), sum(day < following for day in done))
        )
        month = following
    return tuple(months)
