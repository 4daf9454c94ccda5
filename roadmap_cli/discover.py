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
    """The roadmap a user means: $ROADMAP_FILE, else the first of `CANDIDATES` found in `start`
    or a parent directory, stopping at the root of the git repository `start` is in.
    """
    named = environ.get(ENV_VAR)
    if named:
        return Path(named)
    for directory in (start, *start.parents):
        for candidate in CANDIDATES:
            path = directory / candidate
            if path.is_file():
                return path
        if (directory / ".git").exists():
            break  # never pick up a roadmap from outside the repository
    names = ", ".join(CANDIDATES)
    raise RoadmapError(say("discover.none", names=names, start=start, variable=ENV_VAR))


def display_path(path: Path, cwd: Path) -> str:
    """The path as a user would type it: relative to the working directory (editors and CI logs
    resolve such paths against the directory the command ran in)."""
    try:
        return os.path.relpath(path, cwd)
    except ValueError:  # another drive on Windows
        return str(path)
