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
from roadmap_cli.editing.splice import render_flow_mapping, render_scalar, render_value
from roadmap_cli.intake.names import latin, unique_ids
from roadmap_cli.intake.plan import DeadlineKind, PlanItem, ReadPlan
from roadmap_cli.model import DepartmentKind

UNASSIGNED = "unassigned"  # the lead of an item whose row names no executor, until a person names one


@dataclass(frozen=True, slots=True)
class ImportedDepartment:
    id: str
    name: str
    kind: DepartmentKind


def departments_of(items: Iterable[PlanItem], taken: Iterable[str] = ()) -> list[ImportedDepartment]:
    """A department for each executor the items name, in the order they are first named; one named
    "(по согласованию)" anywhere is an external body."""
    names: dict[str, bool] = {}
    for item in items:
        for executor in item.executors:
            names[executor.name] = names.get(executor.name, False) or executor.external
    ids = unique_ids(names, taken)
    return [
        ImportedDepartment(
            ids[name], name, DepartmentKind.EXTERNAL if external else DepartmentKind.DEPARTMENT
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
DOUBLE_QUOTE = '"'
_NUMBER_LIKE = re.compile(r"[0-9][0-9.]*")


class Flow(dict[str, str | tuple[str, ...]]):
    """A mapping written on one line: `{amount: 120.5, sources: [local_budget]}`."""


class Quoted(str):
    """Text that another YAML tool would read as a number (an id "7.1", "2"): written in quotes."""

    __slots__ = ()


def roadmap_yaml(
    plan: ReadPlan,
    source: str,
    duty_starts: date,
    departments: list[ImportedDepartment],
    department_of: dict[str, str],
) -> str:
    """The roadmap text. `department_of` gives each executor's name its department id; `source`
    names the file in each `review` ("plan.docx")."""
    info: dict[str, Value] = {
        "id": roadmap_id(source.rsplit("/", 1)[-1].rsplit(".", 1)[0]),
        "title": plan.title or source,
        "language": plan.language,
    }
    parts: list[str] = [_block("roadmap", info)]
    parts.append(_sequence("departments", [_department(department) for department in departments]))
    if plan.sections:
        entries: list[dict[str, Value]] = [
            {"id": _id(each.id), "title": each.title} for each in plan.sections
        ]
        parts.append(_sequence("sections", entries))
    sections = {section.id for section in plan.sections}
    where = f"{source}: {plan.table.name}"
    tasks = [
        _task(item, task_id, department_of, sections, duty_starts, where)
        for item, task_id in zip(plan.items, task_ids(plan.items), strict=True)
    ]
    parts.append(_sequence("tasks", tasks, spaced=True))
    return "\n".join(parts)


def _department(department: ImportedDepartment) -> dict[str, Value]:
    entry: dict[str, Value] = {"id": department.id, "name": department.name}
    if department.kind is not DepartmentKind.DEPARTMENT:
        entry["kind"] = department.kind.value
    return entry


def _task(
    item: PlanItem,
    task_id: str,
    department_of: dict[str, str],
    sections: set[str],
    duty_starts: date,
    where: str,
) -> dict[str, Value]:
    leads = [department_of[executor.name] for executor in item.executors] or [UNASSIGNED]
    entry: dict[str, Value] = {"id": _id(task_id), "title": item.title, "department": leads[0]}
    co_executors = tuple(dict.fromkeys(lead for lead in leads[1:] if lead != leads[0]))
    if co_executors:
        entry["co_executors"] = co_executors
    if item.deliverable:
        entry["deliverable"] = item.deliverable
    deadline = item.deadline
    if deadline.kind in (DeadlineKind.WORDING, DeadlineKind.STANDING):
        entry["deadline"] = deadline.text
    elif deadline.kind is DeadlineKind.DUTY:
        entry["recurrence"] = Flow(every=deadline.text, starts=duty_starts.isoformat())
    if item.section is not None and _section_by_number(task_id, sections) != item.section:
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
        entry["review"] = {"source": messages.text("import.where", where=where, row=item.row), **review}
    return entry


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
    if isinstance(value, Quoted):
        return f"{indent}{key}: {render_scalar(str(value), prefer=DOUBLE_QUOTE)}\n"
    return f"{indent}{key}: {render_value(value, in_flow=False)}\n"


def _sequence(key: str, entries: Iterable[Mapping[str, Value]], spaced: bool = False) -> str:
    """A list of mappings, `- ` before each one's first key; with `spaced`, a blank line between."""
    items = []
    for mapping in entries:
        lines = "".join(_entry(name, value, "    ") for name, value in mapping.items())
        items.append("  - " + lines[4:])
    return f"{key}:\n" + ("\n" if spaced else "").join(items)
