"""The roadmap file at two points of its git history: a base revision, and a revision or the work tree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from roadmap_cli import git
from roadmap_cli.dates import today_in
from roadmap_cli.errors import RoadmapError
from roadmap_cli.load import LoadedRoadmap, load_bytes, load_roadmap
from roadmap_cli.messages import say


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


def load_pair(path: Path, shown: str, base: str, head: str | None) -> RoadmapPair:
    """Load the file at `base` and at `head` (None: as it is on disk), following a rename since base."""
    root = git.repository_root(path.resolve().parent)
    relative = git.path_in_repository(root, path)
    base_commit = git.resolve_commit(root, base, "--base")
    head_commit = git.resolve_commit(root, head, "--head") if head is not None else None
    if head_commit is None:
        head_loaded = load_roadmap(path, shown)
        head_time = None
    else:
        head_bytes = git.read_at(root, head_commit, relative)
        if head_bytes is None:
            raise RoadmapError(say("git.no_file", path=relative, revision=head))
        head_loaded = load_bytes(head_bytes, shown)
        head_time = git.commit_time(root, head_commit)
    base_path = relative
    base_bytes = git.read_at(root, base_commit, base_path)
    if base_bytes is None:
        base_path = git.former_path(root, base_commit, head_commit, relative) or relative
        base_bytes = git.read_at(root, base_commit, base_path)
    base_loaded = None if base_bytes is None else load_bytes(base_bytes, f"{base}:{base_path}")
    return RoadmapPair(base_loaded, head_loaded, head_time)
