"""When a reporting command fails: kept apart from the analysis so that parsing options stays cheap."""

from __future__ import annotations

from enum import StrEnum


class FailOn(StrEnum):
    """What makes `check` fail: a daily job fails on overdue work; a pull request may choose never."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"  # overdue, or due within the warning window
    NEVER = "never"

    def is_breached(self, overdue: int, due_soon: int) -> bool:
        if self is FailOn.OVERDUE:
            return overdue > 0
        if self is FailOn.DUE_SOON:
            return overdue + due_soon > 0
        return False
