"""The roadmap an imported plan gives, as YAML a person reads and edits: the plan's departments (in
the order the plan first names them), its sections and its items, each item's words as the plan
writes them, and a `review` on each item whose row could not be fully read.

ruamel.yaml writes the text, so that every title, however it is written (quotes, a colon, a leading
"=", a 20,000-character line), comes back as the same string."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter

from roadmap_cli import messages
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
    from its row ("row-14"), which the finding and the item's `review` point out."""
    seen: set[str] = set()
    ids = []
    for item in items:
        wanted = item.number if item.number is not None and item.number not in seen else f"row-{item.row}"
        seen.add(wanted)
        ids.append(wanted)
    return ids


def roadmap_yaml(
    plan: ReadPlan,
    source: str,
    duty_starts: date,
    departments: list[ImportedDepartment],
    department_of: dict[str, str],
) -> str:
    """The roadmap text. `department_of` gives each executor's name its department id; `source`
    names the file in each `review` ("plan.docx")."""
    document = CommentedMap()
    info = CommentedMap()
    info["id"] = roadmap_id(source.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    info["title"] = plan.title or source
    info["language"] = plan.language
    document["roadmap"] = info
    document["departments"] = [_department(department) for department in departments]
    if plan.sections:
        document["sections"] = [CommentedMap(id=section.id, title=section.title) for section in plan.sections]
    sections = {section.id for section in plan.sections}
    where = f"{source}: {plan.table.name}"
    document["tasks"] = [
        _task(item, task_id, department_of, sections, duty_starts, where)
        for item, task_id in zip(plan.items, task_ids(plan.items), strict=True)
    ]
    return dump(document)


def _department(department: ImportedDepartment) -> CommentedMap:
    entry = CommentedMap(id=department.id, name=department.name)
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
) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = task_id
    entry["title"] = item.title
    leads = [department_of[executor.name] for executor in item.executors] or [UNASSIGNED]
    entry["department"] = leads[0]
    if len(leads) > 1:
        entry["co_executors"] = _flow(dict.fromkeys(lead for lead in leads[1:] if lead != leads[0]))
    if item.deliverable:
        entry["deliverable"] = item.deliverable
    deadline = item.deadline
    if deadline.kind in (DeadlineKind.WORDING, DeadlineKind.STANDING):
        entry["deadline"] = deadline.text
    elif deadline.kind is DeadlineKind.DUTY:
        entry["recurrence"] = CommentedMap(every=deadline.text, starts=duty_starts)
    if item.section is not None and _section_by_number(task_id, sections) != item.section:
        entry["section"] = item.section
    if item.cost is not None:
        cost = CommentedMap(amount=item.cost)
        if item.sources:
            cost["sources"] = _flow(source.value for source in item.sources)
        entry["cost"] = cost
    review = CommentedMap()
    if deadline.kind is DeadlineKind.UNREAD:
        review["deadline"] = deadline.text
    if not item.executors:
        review["executors"] = item.executors_as_written
    if item.number is None or task_id != item.number:
        review["number"] = item.number_as_written
    if review:
        entry["review"] = CommentedMap(
            source=messages.text("import.where", where=where, row=item.row), **review
        )
    return entry


def _section_by_number(task_id: str, sections: set[str]) -> str | None:
    """The section a roadmap gives an item by its number alone (as `Roadmap.section_of` does)."""
    parts = task_id.split(".")
    prefixes = (".".join(parts[:length]) for length in range(len(parts) - 1, 0, -1))
    return next((prefix for prefix in prefixes if prefix in sections), None)


def _flow(values: Iterable[str]) -> CommentedSeq:
    sequence = CommentedSeq(values)
    sequence.fa.set_flow_style()
    return sequence


def _decimal(representer: RoundTripRepresenter, value: Decimal) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:float", format(value, "f"))


def dump(document: CommentedMap) -> str:
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096  # a long title stays on its line
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    yaml.representer.add_representer(Decimal, _decimal)
    stream = io.StringIO()
    yaml.dump(document, stream)
    return _spaced(stream.getvalue())


def _spaced(text: str) -> str:
    """A blank line before each top-level key and each task, as a person lays a roadmap out."""
    lines: Iterator[str] = iter(text.splitlines())
    out: list[str] = []
    in_tasks = False
    for line in lines:
        top = bool(line) and not line.startswith((" ", "-"))
        if top and out:
            out.append("")
        if top:
            in_tasks = line.startswith("tasks:")
        elif in_tasks and line.startswith("  - ") and out and out[-1] != "tasks:":
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"
