"""Exit codes and the one exception the core raises when it cannot continue."""

from __future__ import annotations

from enum import IntEnum

from roadmap_cli.messages import say


class ExitCode(IntEnum):
    """Every command's exit status; documented in the README."""

    OK = 0
    BREACHES = 1  # the roadmap is readable but deadlines were missed (or a policy was broken)
    USAGE = 2  # wrong arguments
    INVALID = 3  # the roadmap cannot be read or is invalid
    INTERNAL = 4  # a bug in roadmap itself
    OUTPUT = 5  # the report could not be written (stdout full or failing)
    INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report it


class RoadmapError(Exception):
    """The work cannot continue (a file cannot be opened, a roadmap cannot be found).

    Expected problems *inside* a roadmap are `Finding`s, not exceptions.
    """

    exit_code: ExitCode = ExitCode.INVALID


class UsageError(RoadmapError):
    """An argument is wrong in a way that only the core can tell (an unknown department id...)."""

    exit_code = ExitCode.USAGE


class OutputError(RoadmapError):
    """Standard output failed (a full disk, an I/O error): the report did not reach its reader."""

    exit_code = ExitCode.OUTPUT

    def __init__(self, reason: str) -> None:
        super().__init__(say("output.failed", reason=reason))
        self.reason = reason


class ReportFileError(RoadmapError):
    """The report file could not be written (a missing folder, a full disk): nothing was written."""

    exit_code = ExitCode.OUTPUT
