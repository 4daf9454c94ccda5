"""The roadmap an imported plan gives, as YAML a person reads and edits: the plan's departments (in
the order the plan first names them), its sections and its items, each item's words as the plan
writes them, and a `review` on each item whose row could not be fully read.

Each value is written by the edits' own `render_scalar`, which keeps a candidate only when the loader
reads it back as the same text: every title, however it is written (quotes, a colon, a leading "=",
a 20,000-character line), comes back as itself. The layout is the sample's: a blank line between the
parts and between tasks, flow lists for co-executors."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Union

from roadmap_cli import messages
from roadmap_cli.editing.splice import Quoted, render_flow_mapping, render_value
from roadmap_cli.intake.names import latin, unique_ids
from roadmap_cli.intake.plan import DeadlineKind, PlanItem, ReadPlan
from roadmap_cli.messages import LANGUAGES
from roadmap_cli.model import DepartmentKind
from roadmap_cli.wording import parse_deadline

UNASSIGNED = "unassigned"  # the lead of an item whose row names no executor, until a person names one


@dataclass(frozen=True, slots=True)
class ImportedDepartment:
    id: str
    name: str
    kind: DepartmentKind
    translated: str | None = None  # its name in the second plan's language, when there is one


@dataclass(frozen=True, slots=True)
class Translation:
    """The same plan in a second language: its items by number, its sections by id, and each
    executor's name in it (paired by place in the rows both plans have)."""

    plan: ReadPlan
    items: dict[str, PlanItem]
    sections: dict[str, str]
    names: dict[str, str]  # a name in the first plan: the same executor's name in this one

    @classmethod
    def of(cls, first: ReadPlan, second: ReadPlan) -> Translation:
        items = {item.number: item for item in second.items if item.number is not None}
        names: dict[str, str] = {}
        for item in first.items:
            other = items.get(item.number) if item.number is not None else None
            if other is not None and len(other.executors) == len(item.executors):
                for mine, theirs in zip(item.executors, other.executors, strict=True):
                    names.setdefault(mine.name, theirs.name)
        return cls(second, items, {section.id: section.title for section in second.sections}, names)


def departments_of(
    items: Iterable[PlanItem], taken: Iterable[str] = (), translation: Translation | None = None
) -> list[ImportedDepartment]:
    """A department for each executor the items name, in the order they are first named; one named
    "(по согласованию)" anywhere is an external body."""
    names: dict[str, bool] = {}
    for item in items:
        for executor in item.executors:
            names[executor.name] = names.get(executor.name, False) or executor.external
    ids = unique_ids(names, taken)
    return [
        ImportedDepartment(
            ids[name],
            name,
            DepartmentKind.EXTERNAL if external else DepartmentKind.DEPARTMENT,
            translation.names.get(name) if translation is not None else None,
        )
        for name, external in names.items()
    ]


def roadmap_id(stem: str) -> str:
    made = re.sub(r"[^a-z0-9]+", "-", latin(stem)).strip("-")[:40].strip("-")
    return made or "plan"


def task_ids(items: Iterable[PlanItem]) -> list[str]:
    """Each item's id: its number ("7.1"); a row with no number, or a number given twice, gets one
    from its place among the items ("item-9", the same in the Word and the Excel form of a plan),
    which the finding and the item's `review` point out."""
    seen: set[str] = set()
    ids = []
    for ordinal, item in enumerate(items, start=1):
        wanted = item.number if item.number is not None and item.number not in seen else f"item-{ordinal}"
        seen.add(wanted)
        ids.append(wanted)
    return ids


# A value as the roadmap writes it: text, a flow list ([a, b]), a flow mapping ({every: ..}) or a
# block mapping (nested, one key a line).
Value = Union[str, tuple[str, ...], "Flow", dict[str, "Value"]]
_NUMBER_LIKE = re.compile(r"[0-9][0-9.]*")


class Flow(dict[str, str | tuple[str, ...]]):
    """A mapping written on one line: `{amount: 120.5, sources: [local_budget]}`."""


Entry = dict[str, Value]


@dataclass(frozen=True, slots=True)
class Entries:
    """What an imported plan adds to a roadmap, as the entries of its parts."""

    info: Entry
    departments: list[Entry]
    sections: list[Entry]
    tasks: list[Entry]


def entries(
    plan: ReadPlan,
    source: str,
    duty_starts: date,
    departments: list[ImportedDepartment],
    department_of: dict[str, str],
    translation: Translation | None = None,
) -> Entries:
    """The roadmap's entries. `department_of` gives each executor's name its department id;
    `source` names the file in each `review` ("plan.docx"); with a `translation`, every text the
    second plan also has is written in both languages."""
    other = translation.plan.language if translation is not None else None

    def words(text: str, translated: str | None) -> Value:
        return _both(plan.language, text, other, translated)

    info: Entry = {
        "id": roadmap_id(source.rsplit("/", 1)[-1].rsplit(".", 1)[0]),
        "title": words(plan.title or source, translation.plan.title if translation is not None else None),
    }
    if translation is None:
        info["language"] = plan.language
    titles = translation.sections if translation is not None else {}
    sections: list[Entry] = [
        {"id": _id(each.id), "title": words(each.title, titles.get(each.id))} for each in plan.sections
    ]
    where = f"{source}: {plan.table.name}"
    items = _Items(
        department_of, {each.id for each in plan.sections}, duty_starts, where, plan.language, translation
    )
    tasks = [
        _task(item, task_id, items) for item, task_id in zip(plan.items, task_ids(plan.items), strict=True)
    ]
    return Entries(info, [_department(each, plan.language, other) for each in departments], sections, tasks)


def roadmap_yaml(made: Entries) -> str:
    """A new roadmap's text: its record, departments, sections (if any) and tasks."""
    parts = [_block("roadmap", made.info), _sequence("departments", made.departments)]
    if made.sections:
        parts.append(_sequence("sections", made.sections))
    parts.append(_sequence("tasks", made.tasks, spaced=True))
    return "\n".join(parts)


def _both(language: str, text: str, other: str | None, translated: str | None) -> Value:
    """A text once, or per language (Kazakh first, as the roadmap's sample writes them) when the
    second plan words it differently."""
    if other is None or translated is None or translated == text:
        return text
    pairs = sorted([(language, text), (other, translated)], key=lambda pair: LANGUAGES.index(pair[0]))
    return dict(pairs)


def _department(department: ImportedDepartment, language: str, other: str | None) -> dict[str, Value]:
    entry: dict[str, Value] = {
        "id": department.id,
        "name": _both(language, department.name, other, department.translated),
    }
    if department.kind is not DepartmentKind.DEPARTMENT:
        entry["kind"] = department.kind.value
    return entry


@dataclass(frozen=True, slots=True)
class _Items:
    """What every item of one import is written with."""

    department_of: dict[str, str]
    sections: set[str]
    duty_starts: date
    where: str  # "plan.docx: table 1"
    language: str
    translation: Translation | None


def _task(item: PlanItem, task_id: str, items: _Items) -> dict[str, Value]:
    translation = items.translation
    other = None
    if translation is not None and item.number is not None:
        other = translation.items.get(item.number)
    other_language = translation.plan.language if translation is not None else None

    def words(text: str, translated: str | None) -> Value:
        return _both(items.language, text, other_language, translated)

    leads = [items.department_of[executor.name] for executor in item.executors] or [UNASSIGNED]
    title = words(item.title, other.title if other is not None else None)
    entry: dict[str, Value] = {"id": _id(task_id), "title": title, "department": leads[0]}
    co_executors = tuple(dict.fromkeys(lead for lead in leads[1:] if lead != leads[0]))
    if co_executors:
        entry["co_executors"] = co_executors
    if item.deliverable:
        entry["deliverable"] = words(item.deliverable, other.deliverable if other is not None else None)
    deadline = item.deadline
    if deadline.kind is DeadlineKind.WORDING:
        same_day = (
            other is not None and other.deadline.kind is DeadlineKind.WORDING and _same_day(item, other)
        )
        entry["deadline"] = words(
            deadline.text, other.deadline.text if other is not None and same_day else None
        )
    elif deadline.kind is DeadlineKind.STANDING:
        entry["deadline"] = deadline.text
    elif deadline.kind is DeadlineKind.DUTY:
        entry["recurrence"] = Flow(every=deadline.text, starts=items.duty_starts.isoformat())
    if item.section is not None and _section_by_number(task_id, items.sections) != item.section:
        entry["section"] = _id(item.section)
    if item.cost is not None:
        cost = Flow(amount=format(item.cost, "f"))
        if item.sources:
            cost["sources"] = tuple(source.value for source in item.sources)
        entry["cost"] = cost
    review: dict[str, Value] = {}
    if deadline.kind is DeadlineKind.UNREAD:
        review["deadline"] = deadline.text
    if not item.executors:
        review["executors"] = item.executors_as_written
    if item.number is None or task_id != item.number:
        review["number"] = item.number_as_written
    if review:
        entry["review"] = {"source": messages.text("import.where", where=items.where, row=item.row), **review}
    return entry


def _same_day(item: PlanItem, other: PlanItem) -> bool:
    first, second = parse_deadline(item.deadline.text), parse_deadline(other.deadline.text)
    return first == second and getattr(first, "starts", None) == getattr(second, "starts", None)


def _id(value: str) -> str:
    return Quoted(value) if _NUMBER_LIKE.fullmatch(value) else value


def _section_by_number(task_id: str, sections: set[str]) -> str | None:
    """The section a roadmap gives an item by its number alone (as `Roadmap.section_of` does)."""
    parts = task_id.split(".")
    prefixes = (".".join(parts[:length]) for length in range(len(parts) - 1, 0, -1))
    return next((prefix for prefix in prefixes if prefix in sections), None)


def _block(key: str, mapping: Mapping[str, Value], indent: str = "") -> str:
    return f"{indent}{key}:\n" + "".join(
        _entry(name, value, indent + "  ") for name, value in mapping.items()
    )


def _entry(key: str, value: Value, indent: str) -> str:
    if isinstance(value, Flow):
        return f"{indent}{key}: {render_flow_mapping(value)}\n"
    if isinstance(value, dict):
        return _block(key, value, indent)
    return f"{indent}{key}: {render_value(value, in_flow=False)}\n"


def _sequence(key: str, entries: Iterable[Mapping[str, Value]], spaced: bool = False) -> str:
    """A list of mappings, `- ` before each one's first key; with `spaced`, a blank line between."""
    items = []
    for mapping in entries:
        lines = "".join(_entry(name, value, "    ") for name, value in mapping.items())
        items.append("  - " + lines[4:])
    return f"{key}:\n" + ("\n" if spaced else "").join(items)
