"""Problems found in a roadmap, as plain values with a position in the file."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from roadmap_cli.messages import Text


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Position:
    """A place in the source file; 1-based line and column (columns count characters)."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: what is wrong, where, and how bad.

    `code` is a stable short name (e.g. ``unknown-key``) for scripts and tests; `text` is for
    people, and `message` is that text in the language being spoken. `task` names the task a
    finding is about when that is what a reader looks for (a policy violation of `diff`).
    """

    severity: Severity
    code: str
    text: Text
    position: Position | None = None
    task: str | None = None

    @property
    def message(self) -> str:
        return str(self.text)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(code: str, text: Text, position: Position | None = None, task: str | None = None) -> Finding:
    return Finding(Severity.ERROR, code, text, position, task)


def warning(code: str, text: Text, position: Position | None = None) -> Finding:
    return Finding(Severity.WARNING, code, text, position)


def sort_key(finding: Finding) -> tuple[int, int]:
    """Order findings as they appear in the file; findings without a place come first."""
    if finding.position is None:
        return (0, 0)
    return (finding.position.line, finding.position.column)


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name `word` was most likely meant to be (for a "did you mean"), if one is close."""
    matches = difflib.get_close_matches(word, list(known), n=1)
    return matches[0] if matches else None


MORE_PROBLEMS = "more-problems"


def more_problems(severity: Severity, count: int) -> Finding:
    """The finding that stands for `count` problems not listed (a file with too many to read)."""
    from roadmap_cli.messages import Amount, say

    return Finding(severity, MORE_PROBLEMS, say("load.more_problems", count=Amount(count)))


def unlisted(finding: Finding) -> int:
    """How many problems a finding stands for: 1, or the count of a `more_problems` one."""
    if finding.code != MORE_PROBLEMS:
        return 1
    count = dict(finding.text.params)["count"]
    assert isinstance(count, int)
    return count
