"""The values an edit is made of: what a field becomes, what changed, and why an edit is refused."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Final, Literal

from roadmap_cli.errors import RoadmapError
from roadmap_cli.findings import Finding
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.messages import Text


class EditRefused(RoadmapError):
    """The edit cannot be made, or not faithfully; nothing was written."""


class InvalidEdit(EditRefused):
    """The edited roadmap would be invalid; `findings` says why."""

    def __init__(self, message: Text, findings: Sequence[Finding]) -> None:
        super().__init__(message)
        self.findings = tuple(findings)


class _Remove(Enum):
    """The one value that says: take this field out of the task."""

    REMOVE = "REMOVE"


REMOVE: Final = _Remove.REMOVE


@dataclass(frozen=True, slots=True)
class Append:
    """A record added at the end of a list field (a postponement, say)."""

    record: Mapping[str, str]


FieldEdit = str | tuple[str, ...] | Literal[_Remove.REMOVE] | Append


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One change as it is reported: the task, the field, and its value before and after."""

    task_id: str
    field: str
    old: str | None
    new: str | None
    appended: bool = False  # a record added to a list field: `new` is the record, there is no "before"


@dataclass(frozen=True, slots=True)
class Edited:
    """The outcome of an edit: the file's new bytes, what changed, and the roadmap they load to."""

    raw: bytes
    changes: tuple[FieldChange, ...]
    loaded: LoadedRoadmap
