"""The roadmap file at two points of its git history: a base revision, and a revision or the work tree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.dates import today_in
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
