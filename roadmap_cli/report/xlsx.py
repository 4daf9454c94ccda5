"""The execution report as an Excel workbook (openpyxl): a summary sheet, then one row per item
under its section's row, the header frozen and filtered, dates as real dates, states coloured.

Every value from the file is written as a string cell (never a formula, whatever it starts with:
`=HYPERLINK(...)`, `+`, `-`, `@`), and characters XML cannot hold are spelled out by `inert`.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roadmap_cli import messages
from roadmap_cli.report import execution, sentences
from roadmap_cli.report.document import ExecutionDocument, OfficialState, ReplyFormDocument
from roadmap_cli.report.sentences import official_word

# A state's fill, in the colours a reader of the terminal table knows.
FILLS = {
    state: PatternFill("solid", fgColor=colour)
    for state, colour in (
        (OfficialState.EXECUTED, "C6EFCE"),
        (OfficialState.EXECUTED_LATE, "FFEB9C"),
        (OfficialState.NOT_EXECUTED, "FFC7CE"),
        (OfficialState.AT_RISK, "F8CBAD"),
        (OfficialState.POSTPONED, "DDEBF7"),
    )
}
# Column widths in characters, by column: wide enough for the headings, narrow enough for A4.
WIDTHS = (9, 40, 22, 30, 22, 40, 26, 14, 20, 12)
LINE_HEIGHT = 13.5  # points, for 11-point text
MAX_LINES = 30  # a row taller than that would not fit a printed page; Excel caps a row at 409 points
DATE_FORMAT = "DD.MM.YYYY"
STATUS_COLUMN = execution.COLUMN_KEYS.index("execution.column.status") + 1
FONT = "Times New Roman"
# Each style made once: openpyxl hashes a new style object for every cell it is given to.
PLAIN = Font(name=FONT)
BOLD = Font(name=FONT, bold=True)
WRAPPED = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def render(document: ExecutionDocument) -> bytes:
    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = _sheet_name(messages.text("execution.summary_sheet"))
    _summary(summary, document)
    _items(workbook.create_sheet(_sheet_name(messages.text("execution.items_sheet"))), document)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# The reply form: the columns a department fills in are shaded, and a hidden sheet says whose it is.
TO_FILL = PatternFill("solid", fgColor="FFF2CC")
REPLY_WIDTHS = (9, 50, 26, 20, 50, 26, 14, 18)
REPLY_HEADER_ROW = 5


def render_reply_form(document: ReplyFormDocument) -> bytes:
    """A department's reply form: its items, with the columns it fills in shaded, and the allowed
    new statuses as a drop-down. A hidden sheet names the roadmap, the department and the day, for
    `import-progress` to check the reply against."""
    from openpyxl.worksheet.datavalidation import DataValidation

    execution_report = document.execution
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _sheet_name(messages.text("reply.sheet"))
    department = sentences.plain_text(document.department_name)
    heading = [
        messages.text("reply.title", department=department),
        sentences.plain_text(execution_report.title),
        messages.text("execution.as_of", date=messages.day(execution_report.as_of)),
        messages.text("reply.how"),
    ]
    for number, text in enumerate(heading, start=1):
        _text(sheet, number, 1, text).font = BOLD if number <= 2 else PLAIN
    filled = {document.columns.index(key) + 1 for key in document.filled}
    for column, key in enumerate(document.columns, start=1):
        cell = _text(sheet, REPLY_HEADER_ROW, column, messages.text(key))
        cell.font, cell.alignment = BOLD, WRAPPED
        if column in filled:
            cell.fill = TO_FILL
        sheet.column_dimensions[get_column_letter(column)].width = REPLY_WIDTHS[column - 1]
    line = REPLY_HEADER_ROW + 1
    for row in execution_report.rows:
        values = execution.reply_cells(row)
        for column, value in enumerate(values, start=1):
            _value(sheet, line, column, value)
            if column in filled:
                sheet.cell(row=line, column=column).fill = TO_FILL
        sheet.row_dimensions[line].height = LINE_HEIGHT * _lines_needed(values)
        line += 1
    words = ",".join(sentences.status_word(status) for status in document.statuses)
    choices = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
    status_column = get_column_letter(len(document.columns))
    choices.add(f"{status_column}{REPLY_HEADER_ROW + 1}:{status_column}{max(line - 1, REPLY_HEADER_ROW + 1)}")
    sheet.add_data_validation(choices)
    sheet.freeze_panes = f"A{REPLY_HEADER_ROW + 1}"
    _printed(sheet)
    meta = workbook.create_sheet(document.facts_sheet)
    for number, (key, value) in enumerate(document.facts, start=1):
        _text(meta, number, 1, key)
        _text(meta, number, 2, value)
    meta.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    """A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\\."""
    return "".join(" " if char in "[]:*?/\\" else char for char in name)[:31]


def _text(sheet: Worksheet, row: int, column: int, value: str) -> SheetCell:
    """A cell holding `value` as text: set as a string type, so a leading `=` is never a formula."""
    cell = sheet.cell(row=row, column=column)
    assert isinstance(cell, SheetCell)  # nothing here is merged
    cell.value = value
    cell.data_type = "s"
    cell.font = PLAIN
    return cell


def _summary(sheet: Worksheet, document: ExecutionDocument) -> None:
    lines = [*execution.heading_lines(document), "", execution.summary_text(document)]
    for number, line in enumerate(lines, start=1):
        _text(sheet, number, 1, line).font = BOLD if number <= 2 else PLAIN
    first = len(lines) + 2
    for offset, state in enumerate(OfficialState):
        _text(sheet, first + offset, 1, official_word(state))
        count = sheet.cell(row=first + offset, column=2, value=document.count(state))
        count.font = PLAIN
        if state in FILLS:
            sheet.cell(row=first + offset, column=1).fill = FILLS[state]
    for number in range(1, len(lines) + 1):
        sheet.cell(row=number, column=1).alignment = WRAPPED
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 10
    _printed(sheet)


def _items(sheet: Worksheet, document: ExecutionDocument) -> None:
    headers = [*execution.headers(document), messages.text("execution.column.date")]
    for column, header in enumerate(headers, start=1):
        cell = _text(sheet, 1, column, header)
        cell.font = BOLD
        cell.alignment = WRAPPED
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[min(column, len(WIDTHS)) - 1]
    line = 2
    for title, rows in execution.by_section(document):
        _text(sheet, line, 1, title).font = BOLD
        line += 1
        for row in rows:
            values = execution.cells(row, document)
            for column, value in enumerate(values, start=1):
                _value(sheet, line, column, value)
            # Excel and LibreOffice do not grow a row for wrapped text they did not lay out themselves.
            sheet.row_dimensions[line].height = LINE_HEIGHT * _lines_needed(values)
            due = row.deadline
            _value(sheet, line, len(headers), None if due.pending else due.effective_deadline)
            fill = FILLS.get(due.official)
            if fill is not None:
                sheet.cell(row=line, column=STATUS_COLUMN).fill = fill
            line += 1
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # the header on every printed page
    _printed(sheet)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(line - 1, 1)}"


def _lines_needed(values: list[execution.Cell]) -> int:
    """How many lines the row's tallest cell takes at its column's width (about a character a unit)."""
    needed = 1
    for column, value in enumerate(values):
        if isinstance(value, str):
            width = WIDTHS[min(column, len(WIDTHS) - 1)]
            lines = sum(max(1, -(-len(part) // width)) for part in value.split("\n"))
            needed = max(needed, lines)
    return min(needed, MAX_LINES)


def _value(sheet: Worksheet, row: int, column: int, value: execution.Cell) -> None:
    if isinstance(value, str):
        _text(sheet, row, column, value).alignment = WRAPPED
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, Decimal):
        cell.value = float(value)  # a number a sum can add; the plan's amounts have few digits
        cell.number_format = "#,##0.0##"
    cell.font = PLAIN
    cell.alignment = TOP


def _printed(sheet: Worksheet) -> None:
    """Printed on A4 landscape, as wide as the page (as many pages down as it takes)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
