"""Finding the roadmap file when no PATH is given."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from roadmap_cli.errors import RoadmapError
from roadmap_cli.messages import say

ENV_VAR = "ROADMAP_FILE"
CANDIDATES = ("roadmap.yaml", "roadmap.yml", "data/roadmap.yaml", "data/roadmap.yml")


def find_roadmap(start: Path, environ: Mapping[str, str]) -> Path:
    """The roadmap a user means: $ROADMAP_FILE, else the first of `CANDIDATES` found in `start` or a
    parent directory up to the top of the git repository `start` is in; outside a repository, in
    `start` only (a roadmap found in some parent would be someone else's, and an edit would change it).
    """
    named = environ.get(ENV_VAR)
    if named:
        return Path(named)
    top = repository_top(start, environ)
    searched = [start] if top is None else [start, *start.parents[: len(start.parents) - len(top.parents)]]
    for directory in searched:
        for candidate in CANDIDATES:
            path = directory / candidate
            if path.is_file():
                return path
    names = ", ".join(CANDIDATES)
    raise RoadmapError(say("discover.none", names=names, start=start, variable=ENV_VAR))


def repository_top(start: Path, environ: Mapping[str, str]) -> Path | None:
    """The top of the git work tree `start` is in, as git would see it without running git: the
    nearest directory holding a `.git` (a directory, a file, even a broken link), or with $GIT_DIR set
    the work tree it names ($GIT_WORK_TREE, else the current directory). None outside a repository."""
    if environ.get("GIT_DIR"):
        work_tree = Path(environ.get("GIT_WORK_TREE") or start)
        return work_tree if work_tree == start or work_tree in start.parents else start
    for directory in (start, *start.parents):
        if os.path.lexists(directory / ".git"):
            return directory
    return None


def display_path(path: Path, cwd: Path) -> str:
    """The path as a user would type it: relative to the working directory (editors and CI logs
    resolve such paths against the directory the command ran in)."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)


ROADMAP_SUFFIXES = (".yaml", ".yml")


def is_roadmap_name(name: str) -> bool:
    """Whether a file of this name in a directory of roadmaps is one: a YAML file, not hidden
    (`.pre-commit-config.yaml` is another tool's)."""
    return name.endswith(ROADMAP_SUFFIXES) and not name.startswith(".")


def roadmap_files(directory: Path) -> list[Path]:
    """The roadmaps a directory holds (see `is_roadmap_name`), by name; perhaps none. Subdirectories
    are not read: a folder of plans is flat, and below it live other tools' files."""
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
        return [entry for entry in entries if is_roadmap_name(entry.name) and entry.is_file()]
    except OSError as exc:
        raise RoadmapError(say("file.unreadable", path=directory, reason=exc.strerror or exc)) from None


def roadmaps_in(directory: Path) -> list[Path]:
    """The roadmaps a directory holds, to read: a directory holding none is a mistake to say."""
    found = roadmap_files(directory)
    if not found:
        raise RoadmapError(say("discover.empty_directory", path=directory))
    return found
