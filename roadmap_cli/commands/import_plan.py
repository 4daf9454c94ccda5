"""`roadmap import PLAN.docx|PLAN.xlsx|PLAN.csv`: the roadmap a signed plan's table gives.

Every row under the plan's header is accounted for: an item, a section, a blank or numbering row, or
a finding that names the row and says what to do. A row that cannot be fully read still becomes an
item, with what the plan says kept as written under `review`, so that the roadmap is usable at once
and `validate` and `status` keep pointing at what a person must still settle.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import cast

from roadmap_cli import messages
from roadmap_cli.commands.edit import write_edit
from roadmap_cli.commands.shared import STDOUT, deliver, speak, tell
from roadmap_cli.editing.edits import add_entries
from roadmap_cli.editing.fields import Edited
from roadmap_cli.editing.splice import Written
from roadmap_cli.errors import ExitCode, UsageError
from roadmap_cli.intake.names import match_department
from roadmap_cli.intake.plan import (
    Finding,
    PlanItem,
    ReadPlan,
    differences,
    find_header,
    read_plan,
    title_among,
)
from roadmap_cli.intake.tables import PlanFileError, SourceTable, read_tables
from roadmap_cli.intake.writer import (
    UNASSIGNED,
    Entry,
    ImportedDepartment,
    Translation,
    departments_of,
    entries,
    roadmap_yaml,
)
from roadmap_cli.load import load_bytes
from roadmap_cli.messages import Amount, say
from roadmap_cli.model import DepartmentKind, Roadmap


def import_plan(
    plan_path: Path,
    table_number: int | None,
    sheet: str | None,
    output: str,
    language: str | None,
    today: date,
    translation_path: Path | None = None,
    into: Path | None = None,
    dry_run: bool = False,
) -> ExitCode:
    """Import the plan at `plan_path`; with `translation_path`, the same plan in a second language,
    whose words are added beside the first's, item by item; with `into`, add its new items to that
    roadmap instead of writing a new one."""
    speak(language)
    shown = str(plan_path)
    if output not in (STDOUT, "") and os.path.lexists(output):
        raise UsageError(say("import.exists", path=output))
    plan = _read(plan_path, table_number, sheet, today)
    findings = [(shown, plan, finding) for finding in plan.findings]
    translation = None
    if translation_path is not None:
        second = _read(translation_path, table_number, sheet, today)
        if second.language == plan.language:
            raise UsageError(say("import.same_language", path=str(translation_path), language=plan.language))
        translation = Translation.of(plan, second)
        findings += [(str(translation_path), second, finding) for finding in second.findings]
        findings += [(shown, plan, finding) for finding in differences(plan, second, str(translation_path))]
    if into is not None:
        return _into(into, dry_run, plan, translation, findings, shown, today)
    departments = departments_of(plan.items, taken=(UNASSIGNED,), translation=translation)
    departments += _unassigned(plan, translation)
    department_of = {department.name: department.id for department in departments}
    made = entries(plan, plan_path.name, date(today.year, 1, 1), departments, department_of, translation)
    text = roadmap_yaml(made)
    target = output if output != STDOUT else messages.text("report.stdout")
    # Read back as any roadmap is: an import that wrote a file `validate` refuses would be our bug.
    loaded = load_bytes(text.encode("utf-8"), target)
    errors = [finding.message for finding in loaded.findings if finding.is_error]
    assert not errors, errors
    for path, read, finding in findings:
        tell(_finding_line(path, read, finding))
    deliver(text.encode("utf-8"), output)
    tell(
        messages.text(
            "import.written",
            path=target,
            items=messages.count(len(plan.items), "task"),
            plan=shown,
            table=plan.table.name,
            departments=messages.count(len(departments), "department"),
            sections=messages.count(len(plan.sections), "section"),
            rows=Amount(plan.rows_read),
        )
    )
    return _settled(findings)


def _settled(findings: list[tuple[str, ReadPlan, Finding]]) -> ExitCode:
    if findings:
        tell(messages.text("import.to_settle", count=Amount(len(findings))))
        return ExitCode.BREACHES
    return ExitCode.OK


def _into(
    roadmap_path: Path,
    dry_run: bool,
    plan: ReadPlan,
    translation: Translation | None,
    findings: list[tuple[str, ReadPlan, Finding]],
    shown_plan: str,
    today: date,
) -> ExitCode:
    """Add the plan's new items to an existing roadmap, every byte of it kept: an executor's name is
    matched to its departments (case, quotes and abbreviations aside), a name that matches none is
    added as a new department, an item already there is left as it is; each said in a line."""
    added: list[tuple[str, ReadPlan, Finding]] = []

    def make(raw: bytes, shown: str) -> Edited:
        added.clear()

        def additions(roadmap: Roadmap) -> dict[str, list[Mapping[str, Written]]]:
            return _additions(roadmap, plan, translation, shown_plan, today, shown, added)

        return add_entries(raw, shown, additions)

    code = write_edit(roadmap_path, dry_run, make)
    everything = [*findings, *added]
    for path, read, finding in everything:
        tell(_finding_line(path, read, finding))
    return code if code is not ExitCode.OK else _settled(everything)


def _additions(
    roadmap: Roadmap,
    plan: ReadPlan,
    translation: Translation | None,
    shown_plan: str,
    today: date,
    shown: str,
    said: list[tuple[str, ReadPlan, Finding]],
) -> dict[str, list[Mapping[str, Written]]]:
    """What the plan adds to `roadmap`: the departments none of its own matches, the sections and
    items it does not have; each new department and each item already there said in `said`."""
    known = {each.id: [text for _language, text in each.name.texts] for each in roadmap.departments}
    department_of: dict[str, str] = {}
    for item in plan.items:
        for executor in item.executors:
            matched = match_department(executor.name, known)
            if matched is not None:
                department_of[executor.name] = matched
    unmatched = [
        _only_unmatched(item, department_of)
        for item in plan.items
        if any(executor.name not in department_of for executor in item.executors)
    ]
    new_departments = departments_of(unmatched, {*roadmap.departments_by_id, UNASSIGNED}, translation)
    for department in new_departments:
        department_of[department.name] = department.id
        text = say("import.new_department", name=department.name, id=department.id, roadmap=shown)
        said.append((shown_plan, plan, Finding(None, None, text)))
    if UNASSIGNED not in roadmap.departments_by_id:
        new_departments += _unassigned(plan, translation)
    source = Path(shown_plan).name
    made = entries(plan, source, date(today.year, 1, 1), new_departments, department_of, translation)
    tasks = []
    for item, task in zip(plan.items, made.tasks, strict=True):
        if str(task["id"]) in roadmap.tasks_by_id:
            text = say("import.item_exists", item=str(task["id"]), roadmap=shown)
            said.append((shown_plan, plan, Finding(item.row, str(task["id"]), text)))
        else:
            tasks.append(task)
    known_sections = {section.id for section in roadmap.sections}
    sections = [each for each in made.sections if str(each["id"]) not in known_sections]
    lists = {"departments": made.departments, "sections": sections, "tasks": tasks}
    return {key: _written(values) for key, values in lists.items()}


def _unassigned(plan: ReadPlan, translation: Translation | None) -> list[ImportedDepartment]:
    """The department of the items whose row names no executor, in the plan's languages; none
    when every row names one."""
    if all(item.executors for item in plan.items):
        return []
    name = messages.catalogue(plan.language)["import.unassigned"]
    other = messages.catalogue(translation.plan.language)["import.unassigned"] if translation else None
    return [ImportedDepartment(UNASSIGNED, name, DepartmentKind.DEPARTMENT, other)]


def _only_unmatched(item: PlanItem, department_of: dict[str, str]) -> PlanItem:
    executors = tuple(executor for executor in item.executors if executor.name not in department_of)
    return dataclasses.replace(item, executors=executors)


def _written(made: list[Entry]) -> list[Mapping[str, Written]]:
    """The entries as an edit writes them: a nested mapping (a title per language, a `review`) on
    one line, in braces."""
    return [cast("Mapping[str, Written]", entry) for entry in made]


def _read(path: Path, table_number: int | None, sheet: str | None, today: date) -> ReadPlan:
    """The plan's table in the file at `path`, read; its title from another sheet if it has none."""
    shown = str(path)
    tables = read_tables(path, shown)
    table = _chosen_table(tables, shown, table_number, sheet)
    header = find_header(table)
    if header is None:
        raise PlanFileError(say("import.no_header", path=shown, table=table.name))
    plan = read_plan(table, header, today.year)
    if not plan.items:
        raise PlanFileError(say("import.no_items", path=shown, table=table.name))
    if plan.title is None:  # a workbook's item sheet has no title; its first sheet often has
        plan.title = title_among(
            cell for other in tables if other is not table for row in other.rows[:6] for cell in row
        )
    return plan


def _chosen_table(
    tables: list[SourceTable], shown: str, number: int | None, sheet: str | None
) -> SourceTable:
    """The table asked for, else the first one with a plan's header."""
    if number is not None:
        if not 1 <= number <= len(tables):
            raise UsageError(
                say("import.no_such_table", path=shown, number=number, count=Amount(len(tables)))
            )
        return tables[number - 1]
    if sheet is not None:
        for table in tables:
            if table.sheet == sheet:
                return table
        names = ", ".join(table.sheet or "" for table in tables)
        raise UsageError(say("import.no_such_sheet", path=shown, name=sheet, names=names))
    for table in tables:
        if find_header(table) is not None:
            return table
    if len(tables) == 1:
        raise PlanFileError(say("import.no_header", path=shown, table=tables[0].name))
    raise PlanFileError(say("import.no_table", path=shown, count=Amount(len(tables))))


def _finding_line(shown: str, plan: ReadPlan, finding: Finding) -> str:
    table = plan.table.name
    if finding.row is None and finding.item is not None:
        return messages.text(
            "import.finding_item_only", path=shown, table=table, item=finding.item, message=finding.text
        )
    if finding.row is None:
        return messages.text("import.finding_table", path=shown, table=table, message=finding.text)
    if finding.item is None:
        return messages.text(
            "import.finding_row", path=shown, table=table, row=finding.row, message=finding.text
        )
    return messages.text(
        "import.finding_item",
        path=shown,
        table=table,
        row=finding.row,
        item=finding.item,
        message=finding.text,
    )
