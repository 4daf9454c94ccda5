"""Exit codes and the one exception the core raises when it cannot continue."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every command's exit status; documented in the README."""

    OK = 0
    BREACHES = 1  # the roadmap is readable but deadlines were missed (or a policy was broken)
    USAGE = 2  # wrong arguments
    INVALID = 3  # the roadmap cannot be read or is invalid
    INTERNAL = 4  # a bug in roadmap itself


class RoadmapError(Exception):
    """The work cannot continue (a file cannot be opened, a roadmap cannot be found).

    Expected problems *inside* a roadmap are `Finding`s, not exceptions.
    """

    exit_code: ExitCode = ExitCode.INVALID


class UsageError(RoadmapError):
    """An argument is wrong in a way that only the core can tell (an unknown department id...)."""

    exit_code = ExitCode.USAGE
