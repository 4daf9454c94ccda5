"""`roadmap import PLAN.docx|PLAN.xlsx|PLAN.csv`: the roadmap a signed plan's table gives.

Every row under the plan's header is accounted for: an item, a section, a blank or numbering row, or
a finding that names the row and says what to do. A row that cannot be fully read still becomes an
item, with what the plan says kept as written under `review`, so that the roadmap is usable at once
and `validate` and `status` keep pointing at what a person must still settle.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.shared import emit, speak, tell
from roadmap_cli.editing.storage import write_whole
from roadmap_cli.errors import ExitCode, ReportFileError, RoadmapError, UsageError
from roadmap_cli.intake.plan import Finding, ReadPlan, differences, find_header, read_plan, title_among
from roadmap_cli.intake.tables import PlanFileError, SourceTable, read_tables
from roadmap_cli.intake.writer import (
    UNASSIGNED,
    ImportedDepartment,
    Translation,
    departments_of,
    roadmap_yaml,
)
from roadmap_cli.load import load_bytes
from roadmap_cli.messages import Amount, say
from roadmap_cli.model import DepartmentKind

STDOUT = "-"


def import_plan(
    plan_path: Path,
    table_number: int | None,
    sheet: str | None,
    output: str,
    language: str | None,
    today: date,
    translation_path: Path | None = None,
) -> ExitCode:
    """Import the plan at `plan_path`; with `translation_path`, the same plan in a second language,
    whose words are added beside the first's, item by item."""
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
    departments = departments_of(plan.items, taken=(UNASSIGNED,), translation=translation)
    if any(not item.executors for item in plan.items):
        name = messages.catalogue(plan.language)["import.unassigned"]  # in the plan's language
        other = messages.catalogue(translation.plan.language)["import.unassigned"] if translation else None
        departments.append(ImportedDepartment(UNASSIGNED, name, DepartmentKind.DEPARTMENT, other))
    department_of = {department.name: department.id for department in departments}
    text = roadmap_yaml(plan, plan_path.name, date(today.year, 1, 1), departments, department_of, translation)
    target = output if output != STDOUT else messages.text("report.stdout")
    # Read back as any roadmap is: an import that wrote a file `validate` refuses would be our bug.
    loaded = load_bytes(text.encode("utf-8"), target)
    errors = [finding.message for finding in loaded.findings if finding.is_error]
    assert not errors, errors
    for path, read, finding in findings:
        tell(_finding_line(path, read, finding))
    if output == STDOUT:
        emit(text)
    else:
        try:
            write_whole(Path(output), text.encode("utf-8"), output)
        except RoadmapError as exc:
            raise ReportFileError(str(exc)) from None
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
    if findings:
        tell(messages.text("import.to_settle", count=Amount(len(findings))))
        return ExitCode.BREACHES
    return ExitCode.OK


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
