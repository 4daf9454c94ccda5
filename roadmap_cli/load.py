"""A roadmap file -> a validated `Roadmap`, or every problem in it with its line and column."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from roadmap_cli import rules
from roadmap_cli.errors import RoadmapError
from roadmap_cli.findings import Finding, Position, Severity, closest, error, more_problems, sort_key, warning
from roadmap_cli.messages import LANGUAGES, Amount, Text, say
from roadmap_cli.model import (
    Department,
    Roadmap,
    RoadmapInfo,
    Status,
    Task,
    key_order,
)
from roadmap_cli.source import (
    DEFAULT_LIMITS,
    UTF8_BOM,
    Limits,
    SourceMap,
    Strings,
    compose,
    encoding_problem,
    position_at,
)
from roadmap_cli.values import describe_value, is_identifier

Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class LoadedRoadmap:
    """What loading a file gives: the roadmap when it is valid, the findings in any case."""

    path: str
    roadmap: Roadmap | None
    findings: tuple[Finding, ...]
    source_map: SourceMap | None
    # The roadmap's own ``language``, read even when the file is invalid, so that its authors get
    # its errors in the language they wrote it in.
    language: str | None = None

    def without_positions(self) -> LoadedRoadmap:
        """The same, without the source map, for a roadmap whose places will not be shown again
        (its findings keep theirs): for a large file, about a third of what it holds."""
        return replace(self, source_map=None)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if finding.is_error)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(finding for finding in self.findings if not finding.is_error)

    @cached_property
    def _task_indexes(self) -> dict[str, int]:
        tasks = self.roadmap.tasks if self.roadmap is not None else ()
        return {task.id: index for index, task in enumerate(tasks)}

    def task_index(self, task_id: str) -> int | None:
        """Where a task stands in the tasks list (None when there is no such task)."""
        return self._task_indexes.get(task_id)

    def position(self, where: tuple[str | int, ...]) -> Position | None:
        """Where a value stands; for a top-level section, where its key stands."""
        if self.source_map is None:
            return None
        return self.source_map.key_position(where) if len(where) == 1 else self.source_map.position(where)

    def task_position(self, task_id: str, *within: str) -> Position | None:
        """Where a task's entry starts in the file, or a field of it (``task_position(id, "status")``)."""
        index = self._task_indexes.get(task_id)
        if index is None or self.source_map is None:
            return None
        return self.source_map.position(("tasks", index, *within))


def too_large(name: str, limits: Limits) -> RoadmapError:
    return RoadmapError(say("file.too_large", path=name, limit=Amount(limits.max_bytes // (1024 * 1024))))


def check_regular_file(path: Path) -> None:
    """Refuse what is not a regular file, before opening it: opening a FIFO would wait for a
    writer, and a device never ends. A path that cannot even be looked at (a name too long, a
    directory the user may not enter) is said as such."""
    try:
        if path.is_dir():
            raise RoadmapError(say("file.directory", path=path))
        if not path.exists():
            raise RoadmapError(say("file.missing", path=path))
        if not path.is_file():
            raise RoadmapError(say("file.not_regular", path=path))
    except OSError as exc:
        raise RoadmapError(say("file.unreadable", path=path, reason=exc.strerror or exc)) from None


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing what is not a regular file or is larger than the limit."""
    check_regular_file(path)
    refusal = too_large(str(path), limits)
    try:
        if path.stat().st_size > limits.max_bytes:
            raise refusal
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        raise RoadmapError(say("file.unreadable", path=path, reason=exc.strerror or exc)) from None
    if len(raw) > limits.max_bytes:
        raise refusal
    return raw


def load_roadmap(
    path: Path,
    display_path: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    strings: Strings | None = None,
) -> LoadedRoadmap:
    """Read and validate the roadmap at `path`. Raises `RoadmapError` only when it cannot be read."""
    return load_bytes(read_file(path, limits), display_path or str(path), limits, strings)


def load_bytes(
    raw: bytes, display_path: str, limits: Limits = DEFAULT_LIMITS, strings: Strings | None = None
) -> LoadedRoadmap:
    """Validate a roadmap given as the bytes of a file (for example, a file at a git revision).

    Loads given one `strings` table share the texts they have in common (two revisions of a file).
    """
    if len(raw) > limits.max_bytes:
        raise too_large(display_path, limits)
    problem = encoding_problem(raw)
    if problem is not None:
        return LoadedRoadmap(display_path, None, (problem,), None, language_hint(raw))
    tasks = _TaskModels()
    with _collector_paused():
        composed = compose(raw.removeprefix(UTF8_BOM), limits, tasks, strings)
        if composed.problem is not None or composed.source_map is None:
            assert composed.problem is not None
            return LoadedRoadmap(display_path, None, (composed.problem,), None, language_hint(raw))
        roadmap, findings = validate_data(composed.data, composed.source_map, tasks)
    if b" #" in raw:
        findings = tuple(sorted((*findings, *_cut_by_a_comment(raw)), key=sort_key))
    return LoadedRoadmap(display_path, roadmap, findings, composed.source_map, _language(composed.data))


# `title: Lot #2 of the tender`: YAML reads " #2 of the tender" as a comment, and the title ends at
# "Lot". One space before '#' and text right after it is how text, not a comment, looks.
_HASH_IN_TEXT = re.compile(rb" #[^\s]")
_TEXT_VALUE_UP_TO_HASH = re.compile(
    rb"[ \t-]*(?:title|deliverable|name|kk|ru|en|reason|evidence|notes):[ \t]+"  # a text key, then
    rb"""[^'"{\[|>#\s][^\n#]*?[^ \t] #"""  # a plain value running up to the " #"
)


def _cut_by_a_comment(raw: bytes) -> list[Finding]:
    """A warning where a text value seems cut short by a '#' that YAML takes for a comment. Only the
    few places with " #x" are looked at, not every line of a large file."""
    found = []
    for hit in _HASH_IN_TEXT.finditer(raw):
        line_start = raw.rfind(b"\n", 0, hit.start()) + 1
        value = _TEXT_VALUE_UP_TO_HASH.match(raw, line_start)
        if value is not None and value.end() == hit.start() + 2:
            found.append(
                warning("text-cut-by-comment", say("load.cut_by_comment"), position_at(raw, hit.start() + 1))
            )
    return found


# A file can hold a million problems (a pull request can send one): people read the first ones, and
# the rest are counted, not put into words. Past this many errors, invalid tasks are only counted.
MAX_FINDINGS = 1_000


def _shown(findings: list[Finding], unsaid: int = 0) -> tuple[Finding, ...]:
    """The findings in file order, the first `MAX_FINDINGS` of them, then one saying how many more
    (`unsaid`: errors counted, not put into words): an error if any of those is, else a warning."""
    ordered = sorted(findings, key=sort_key)
    hidden = ordered[MAX_FINDINGS:]
    if not hidden and not unsaid:
        return tuple(ordered)
    more = len(hidden) + unsaid
    severity = Severity.ERROR if unsaid or any(finding.is_error for finding in hidden) else Severity.WARNING
    return (*ordered[:MAX_FINDINGS], more_problems(severity, more))


_LANGUAGE_LINE = re.compile(
    rb"""^[ \t]+language:[ \t]*["']?(kk|ru|en)["']?[ \t]*(?:#.*)?\r?$""", re.MULTILINE
)


def language_hint(raw: bytes) -> str | None:
    """The language a file names on a ``language:`` line, found without parsing it: a file that does
    not parse (or is not even UTF-8) is still reported in the language its authors wrote it in. Only
    its start is searched: the line belongs in the `roadmap` section, at the top."""
    match = _LANGUAGE_LINE.search(raw, 0, 64 * 1024)
    return match.group(1).decode("ascii") if match is not None else None


def _language(data: Any) -> str | None:
    info = data.get("roadmap") if isinstance(data, dict) else None
    language = info.get("language") if isinstance(info, dict) else None
    return language if language in LANGUAGES else None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading builds hundreds of thousands of objects and no cycles: the garbage collector would
    walk them again and again for nothing (a third of the load time of a 10,000-task file)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def validate_data(
    data: Any, source_map: SourceMap, tasks: _TaskModels | None = None
) -> tuple[Roadmap | None, tuple[Finding, ...]]:
    """Check plain data against the model and the rules; the roadmap is None when any error is found.
    The findings come in file order, at most `MAX_FINDINGS` of them and one that counts the rest.

    Tasks in `data` may already be models, turned so while the file was read by `tasks`, which then
    holds the errors of the invalid ones: the sections around them are validated on their own, and no
    task is validated twice.
    """
    findings: list[Finding] = []
    read = tasks is not None and isinstance(data, dict) and isinstance(data.get("tasks"), list)
    invalid_tasks = tasks is not None and read and tasks.invalid > 0
    roadmap: Roadmap | None = None
    try:
        if invalid_tasks:
            Roadmap.model_validate({**data, "tasks": []})
        else:
            roadmap = Roadmap.model_validate(data)
    except ValidationError as exc:
        findings.extend(_translate_all(exc.errors(include_url=False), data, source_map))
    unsaid = 0
    if tasks is not None and invalid_tasks:
        details = [
            ErrorDetails(**{**detail, "loc": ("tasks", index, *detail["loc"])})
            for index, errors in tasks.errors
            for detail in errors
        ]
        findings.extend(_translate_all(details, data, source_map))
        unsaid = tasks.unsaid
    findings.extend(rules.check(_rule_input(data, roadmap, read), source_map))
    shown = _shown(findings, unsaid)
    if unsaid or any(finding.is_error for finding in findings):
        return None, shown
    return roadmap, shown


class _TaskModels:
    """The hook that turns each task into its model as soon as the file has given it: the plain data of
    a task takes more memory than its model, and this way a large file never holds both for all of
    its tasks. An invalid task stays as it is; its errors are kept until `MAX_FINDINGS` of them are,
    after which invalid tasks are only counted."""

    def __init__(self) -> None:
        self.kept: dict[int, list[ErrorDetails]] = {}  # by index in the tasks list
        self.counted: dict[int, int] = {}  # how many errors each invalid task has
        self.kept_errors = 0

    def __call__(self, section: str, index: int, item: Any) -> Any:
        if section != "tasks":
            return item
        self.kept_errors -= len(self.kept.pop(index, ()))  # the same item, read again
        try:
            return Task.model_validate(item)
        except ValidationError as exc:
            self.counted[index] = exc.error_count()
            if self.kept_errors < MAX_FINDINGS:
                self.kept[index] = exc.errors(include_url=False)
                self.kept_errors += len(self.kept[index])
            return item

    @property
    def invalid(self) -> int:
        return len(self.counted)

    @property
    def errors(self) -> list[tuple[int, list[ErrorDetails]]]:
        return sorted(self.kept.items())

    @property
    def unsaid(self) -> int:
        """The errors of the invalid tasks past the first ones, counted, not kept."""
        return sum(count for index, count in self.counted.items() if index not in self.kept)


def _rule_input(data: Any, roadmap: Roadmap | None, tasks_read: bool = False) -> rules.RuleInput:
    """What the rules need; when the model did not validate, the entries that are valid on their own.
    With `tasks_read`, every task that is valid is a model already (an item still plain failed).

    This way a reviewer sees a wrong type and a reference to a missing department in one run.
    """
    if roadmap is not None:
        return rules.RuleInput(
            department_ids=[department.id for department in roadmap.departments],
            section_ids=[section.id for section in roadmap.sections],
            task_ids=[task.id for task in roadmap.tasks],
            tasks=list(enumerate(roadmap.tasks)),
        )
    mapping = data if isinstance(data, dict) else {}
    raw_departments = _list_at(mapping, "departments")
    raw_tasks = _list_at(mapping, "tasks")
    return rules.RuleInput(
        department_ids=[_raw_id(item) for item in raw_departments],
        section_ids=[_raw_id(item) for item in _list_at(mapping, "sections")],
        task_ids=[_raw_id(item) for item in raw_tasks],
        tasks=[
            (index, task)
            for index, task in enumerate(
                [item if isinstance(item, Task) else None for item in raw_tasks]
                if tasks_read
                else _valid(Task, raw_tasks)
            )
            if task is not None
        ],
    )


def _list_at(mapping: dict[str, Any], key: str) -> list[Any]:
    value = mapping.get(key)
    return value if isinstance(value, list) else []


def _raw_id(item: Any) -> str | None:
    if isinstance(item, Task):
        return item.id
    value = item.get("id") if isinstance(item, dict) else None
    return value if isinstance(value, str) else None


def _valid(model: type[M], items: Sequence[Any]) -> list[M | None]:
    valid: list[M | None] = []
    for item in items:
        try:
            valid.append(model.model_validate(item))
        except ValidationError:
            valid.append(None)
    return valid


# ---- turning Pydantic's errors into messages for people ---------------------------------------

_SECTIONS: dict[str, type[BaseModel]] = {
    "roadmap": RoadmapInfo,
    "departments": Department,
    "tasks": Task,
}


def _model_at(loc: Path_) -> type[BaseModel] | None:
    if not loc:
        return Roadmap
    section = _SECTIONS.get(str(loc[0]))
    if section is RoadmapInfo and len(loc) == 1:
        return section
    if section is not None and len(loc) == 2 and isinstance(loc[1], int):
        return section
    return None


def _subject(loc: Path_, data: Any) -> Text | None:
    """Name what the error is about: ``task SEZ-003 deadline``, ``departments[2] name``."""
    if not loc:
        return None
    head, rest = loc[0], loc[1:]
    parts: list[str] = []
    if head in ("tasks", "departments") and rest and isinstance(rest[0], int):
        item = data[head][rest[0]] if isinstance(data, dict) else None
        item_id = _raw_id(item)
        is_task = head == "tasks"
        if item_id is not None and is_identifier(item_id):
            named = say("subject.task" if is_task else "subject.department", id=item_id)
        else:
            named = say("subject.task_number" if is_task else "subject.department_number", number=rest[0] + 1)
        rest = rest[1:]
    else:
        named = say("subject.key", key=str(head))
    for step in rest:
        if isinstance(step, int) and parts:
            parts[-1] += f"[{step + 1}]"
        else:
            parts.append(f"[{step + 1}]" if isinstance(step, int) else str(step))
    return say("subject.path", subject=named, path=" ".join(parts)) if parts else named


def _about(subject: Text | None, message: Text) -> Text:
    return message if subject is None else say("subject.message", subject=subject, message=message)


def _suggestion(key: str, loc: Path_) -> str | None:
    model = _model_at(loc)
    if model is None:
        return None
    return closest(key, key_order(model))


def _translate_all(details: list[ErrorDetails], data: Any, source_map: SourceMap) -> list[Finding]:
    """One finding per error, except "missing X" where a misspelt key already suggests X."""
    suggested = {
        (tuple(detail["loc"][:-1]), _suggestion(str(detail["loc"][-1]), tuple(detail["loc"][:-1])))
        for detail in details
        if detail["type"] == "extra_forbidden"
    }
    return [
        _translate(detail, data, source_map)
        for detail in details
        if not (detail["type"] == "missing" and (tuple(detail["loc"][:-1]), detail["loc"][-1]) in suggested)
    ]


# Task fields read from another key of the file (`deadline: {after, within}` is `relative`): an error in
# one is said, and placed, at the key the user wrote.
_READ_FROM = {"relative": "deadline", "standing": "deadline"}


def _translate(detail: ErrorDetails, data: Any, source_map: SourceMap) -> Finding:
    loc: Path_ = tuple(
        _READ_FROM.get(part, part)
        if at == 2 and isinstance(part, str) and detail["loc"][0] == "tasks"
        else part
        for at, part in enumerate(detail["loc"])
    )
    kind = detail["type"]
    value = detail.get("input")
    subject = _subject(loc, data)
    context = detail.get("ctx", {})
    if kind == "extra_forbidden":
        key = str(loc[-1])
        suggestion = _suggestion(key, loc[:-1])
        message = (
            say("invalid.unknown_key", key=key)
            if suggestion is None
            else say("invalid.unknown_key_suggestion", key=key, suggestion=suggestion)
        )
        return error("unknown-key", _about(_subject(loc[:-1], data), message), source_map.key_position(loc))
    if kind == "missing":
        message = say("invalid.missing_key", key=loc[-1])
        return error("missing-key", _about(_subject(loc[:-1], data), message), source_map.position(loc))
    if kind == "model_type" and not loc:
        return error("type", say("invalid.file_type", found=describe_value(value)), source_map.position(loc))
    found = describe_value(value)
    if isinstance(context.get("message"), Text):
        message = context["message"]  # one of ours: see model.invalid
    elif kind in ("model_type", "dict_type"):
        message = say("invalid.mapping_type", found=found)
    elif kind in ("tuple_type", "list_type"):
        message = say("invalid.list_type", found=found)
    elif kind == "string_type":
        message = say("invalid.string_type", found=found)
    elif kind == "enum" and loc and loc[-1] == "status":
        message = say("invalid.status", found=found, allowed=", ".join(status.value for status in Status))
    elif kind == "enum":
        message = say("invalid.choice", found=found, allowed=context.get("expected", ""))
    elif kind in ("int_type", "int_parsing", "int_from_float"):
        message = say("invalid.int_type", found=found)
    elif kind == "greater_than_equal":
        message = say("invalid.at_least", found=found, limit=context.get("ge", ""))
    elif kind == "less_than_equal":
        message = say("invalid.at_most", found=found, limit=context.get("le", ""))
    else:
        message = say("invalid.other", message=detail["msg"])  # Pydantic's own words, in English
    # An empty value has no text of its own to point at: point at its key.
    position = source_map.key_position(loc) if value is None else source_map.position(loc)
    return error(kind.replace("_", "-"), _about(subject, message), position)
