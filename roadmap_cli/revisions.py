"""The roadmap file at two points of its git history: a base revision, and a revision or the work tree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.dates import parse_iso_date, resolve_timezone, today_in
from roadmap_cli.errors import RoadmapError
from roadmap_cli.load import LoadedRoadmap, load_bytes, load_roadmap, too_large
from roadmap_cli.messages import say
from roadmap_cli.source import DEFAULT_LIMITS, Limits, Strings


@dataclass(frozen=True)
class RoadmapPair:
    """Both versions as loaded (they may be invalid); `base` is None when the file is new."""

    base: LoadedRoadmap | None
    head: LoadedRoadmap
    head_time: datetime | None  # the head commit's time; None for the work tree

    def change_date(self) -> date:
        """The day of the change in the roadmap's zone: the head commit's, or today for the work tree."""
        assert self.head.roadmap is not None
        zone = self.head.roadmap.info.tz
        return today_in(zone) if self.head_time is None else self.head_time.astimezone(zone).date()


def load_pair(
    path: Path, shown: str, base: str, head: str | None, limits: Limits = DEFAULT_LIMITS
) -> RoadmapPair:
    """Load the file at `base` and at `head` (None: as it is on disk), following a rename since base."""
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    base_commit = git.resolve_commit(root, base, "--base")
    head_commit = git.resolve_commit(root, head, "--head") if head is not None else None
    # The base first, and without its positions (its findings already carry theirs; what a diff
    # reports points into the head), then the head sharing the base's texts: two large revisions
    # then take far less than twice the memory of one.
    strings: Strings = {}
    base_loaded = _load_at(root, base_commit, relative, f"{base}:{relative}", strings, limits)
    if base_loaded is None:
        former = git.former_path(root, base_commit, head_commit, relative)
        base_loaded = (
            None
            if former is None
            else _load_at(root, base_commit, former, f"{base}:{former}", strings, limits)
        )
    if base_loaded is not None:
        base_loaded = base_loaded.without_positions()
    if head_commit is None:
        return RoadmapPair(base_loaded, load_roadmap(path, shown, limits, strings), None)
    head_loaded = _load_at(root, head_commit, relative, shown, strings, limits)
    if head_loaded is None:
        raise RoadmapError(say("git.no_file", path=relative, revision=head))
    return RoadmapPair(base_loaded, head_loaded, git.commit_time(root, head_commit))


def _load_at(
    root: Path, commit: str, relative: str, shown: str, strings: Strings, limits: Limits
) -> LoadedRoadmap | None:
    """The file at a commit, loaded (None when it is not there); its bytes are let go on return."""
    size = git.blob_size(root, commit, relative)
    if size is not None and size > limits.max_bytes:
        raise too_large(shown, limits)
    raw = None if size is None else git.read_at(root, commit, relative)
    return None if raw is None else load_bytes(raw, shown, limits, strings)


@dataclass(frozen=True)
class PointInHistory:
    """The roadmap as it stood at a point of its history: the file at that commit, and the day to
    judge it on (the date asked for; for a revision, the commit's day in the roadmap's zone)."""

    loaded: LoadedRoadmap
    day: date
    commit: str


def load_at(path: Path, shown: str, when: str, limits: Limits = DEFAULT_LIMITS) -> PointInHistory:
    """The file as it stood `when`: a date (the last commit on or before the end of that day in the
    roadmap's time zone) or a revision; a rename since then is followed."""
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    day = _as_day(when)
    if day is None:
        commit = git.resolve_commit(root, when, "--at")
        loaded = _load_following(root, commit, relative, shown, limits, when)
        zone = loaded.roadmap.info.tz if loaded.roadmap is not None else resolve_timezone(None)
        return PointInHistory(loaded, git.commit_time(root, commit).astimezone(zone).date(), commit)
    # The day ends at midnight where the roadmap is: its zone as the file names it now, then as it
    # named it at the commit found (a roadmap that moved zones is looked up again in the old one).
    zone = _zone_named(path)
    commit = _commit_on(root, day, zone, when)
    loaded = _load_following(root, commit, relative, shown, limits, when)
    if loaded.roadmap is not None and loaded.roadmap.info.tz != zone:
        again = _commit_on(root, day, loaded.roadmap.info.tz, when)
        if again != commit:
            commit, loaded = again, _load_following(root, again, relative, shown, limits, when)
    return PointInHistory(loaded, day, commit)


def _as_day(when: str) -> date | None:
    try:
        return parse_iso_date(when.strip())
    except ValueError:
        return None


def _commit_on(root: Path, day: date, zone: tzinfo, when: str) -> str:
    cutoff = datetime.combine(day + timedelta(days=1), time(), zone) - timedelta(microseconds=1)
    commit = git.last_commit_before(root, cutoff)
    if commit is None:
        raise RoadmapError(say("git.no_commit_by", date=day, revision=when))
    return commit


def _load_following(
    root: Path, commit: str, relative: str, shown: str, limits: Limits, when: str
) -> LoadedRoadmap:
    loaded = _load_at(root, commit, relative, f"{when}:{relative}", {}, limits)
    if loaded is None:
        former = git.former_path(root, commit, "HEAD", relative)
        loaded = None if former is None else _load_at(root, commit, former, f"{when}:{former}", {}, limits)
    if loaded is None:
        raise RoadmapError(say("git.no_file", path=relative, revision=when))
    return loaded


def _zone_named(path: Path) -> tzinfo:
    """The time zone the file names now (`timezone:` near its top), else Kazakhstan's: read from
    the text, since the file on disk may be invalid or gone."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64 * 1024).decode("utf-8", errors="replace")
    except OSError:
        return resolve_timezone(None)
    found = _TIMEZONE.search(head)
    try:
        return resolve_timezone(found.group(1) if found else None)
    except ValueError:
        return resolve_timezone(None)


_TIMEZONE = re.compile(r"^\s+timezone:\s*[\"']?([A-Za-z0-9_/+:-]+)", re.MULTILINE)
