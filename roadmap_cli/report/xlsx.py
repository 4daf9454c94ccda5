"""The execution report as an Excel workbook (openpyxl): a summary sheet, then one row per item
under its section's row, the header frozen and filtered, dates as real dates, states coloured.

Every value from the file is written as a string cell (never a formula, whatever it starts with:
`=HYPERLINK(...)`, `+`, `-`, `@`), and characters XML cannot hold are spelled out by `inert`.
"""

from __future__ import annotations

import io
from copy import copy
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as SheetCell
from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from roadmap_cli import messages
from roadmap_cli.report import execution, sentences
from roadmap_cli.report.document import ExecutionDocument, OfficialState, ReplyFormDocument
from roadmap_cli.report.sentences import official_word

# A state's fill, in the colours a reader of the terminal table knows.
FILLS = {
    OfficialState.EXECUTED: "C6EFCE",
    OfficialState.EXECUTED_LATE: "FFEB9C",
    OfficialState.NOT_EXECUTED: "FFC7CE",
    OfficialState.AT_RISK: "F8CBAD",
    OfficialState.POSTPONED: "DDEBF7",
}
# Column widths in characters, by column: wide enough for the headings, narrow enough for A4.
WIDTHS = (9, 40, 22, 30, 22, 40, 26, 14, 20, 12)
LINE_HEIGHT = 13.5  # points, for 11-point text
MAX_LINES = 30  # a row taller than that would not fit a printed page; Excel caps a row at 409 points
DATE_FORMAT = "DD.MM.YYYY"
STATUS_COLUMN = execution.COLUMN_KEYS.index("execution.column.status") + 1
FONT = "Times New Roman"
AMOUNT_FORMAT = "#,##0.0##"

# The few looks a cell can have, each a named style of the workbook (LibreOffice and Excel list
# them by these names).
TEXT = "Roadmap text"  # wrapped at the column's width, top-aligned
HEADING = "Roadmap heading"  # the same, bold
SECTION = "Roadmap section"  # bold on one line, running on over the empty cells beside it
PLAIN = "Roadmap value"  # a number, or an empty cell
DATE = "Roadmap date"
AMOUNT = "Roadmap amount"
TO_FILL = "Roadmap to fill"  # a heading of a column a department fills in
STATE = {state: f"Roadmap {state.value}" for state in FILLS}  # the status cell, in its state's colour
REPLY_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells a department fills in


def _named_styles() -> list[NamedStyle]:
    wrapped, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
    plain, bold = Font(name=FONT), Font(name=FONT, bold=True)
    return [
        NamedStyle(TEXT, font=plain, alignment=wrapped),
        NamedStyle(HEADING, font=bold, alignment=wrapped),
        NamedStyle(SECTION, font=bold, alignment=top),
        NamedStyle(PLAIN, font=plain, alignment=top),
        NamedStyle(DATE, font=plain, alignment=top, number_format=DATE_FORMAT),
        NamedStyle(AMOUNT, font=plain, alignment=top, number_format=AMOUNT_FORMAT),
        NamedStyle(TO_FILL, font=bold, alignment=wrapped, fill=REPLY_FILL),
        *(
            NamedStyle(STATE[state], font=plain, alignment=wrapped, fill=PatternFill("solid", fgColor=colour))
            for state, colour in FILLS.items()
        ),
    ]


class _Book:
    """A workbook with our named styles, and the cells it is written in."""

    def __init__(self) -> None:
        self.workbook = Workbook()
        self._looks: dict[str, StyleArray] = {}
        for style in _named_styles():
            self.workbook.add_named_style(style)
            self._looks[style.name] = style.as_tuple()

    def text(self, sheet: Worksheet, row: int, column: int, value: str, look: str = TEXT) -> None:
        """A cell holding `value` as text: set as a string type, so a leading `=` is never a formula."""
        cell = self._cell(sheet, row, column, look)
        cell.value = value
        cell.data_type = "s"

    def value(
        self, sheet: Worksheet, row: int, column: int, value: execution.Cell | int, text_look: str = TEXT
    ) -> None:
        if isinstance(value, str):
            self.text(sheet, row, column, value, text_look)
        elif isinstance(value, date):
            self._cell(sheet, row, column, DATE).value = value
        elif isinstance(value, Decimal):
            # A number a sum can add; the plan's amounts have few digits.
            self._cell(sheet, row, column, AMOUNT).value = float(value)
        else:
            self._cell(sheet, row, column, PLAIN).value = value

    def saved(self) -> bytes:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()

    def _cell(self, sheet: Worksheet, row: int, column: int, look: str) -> SheetCell:
        """The cell, given the named style `look` as `cell.style = look` would, by copying the style's
        indexes: openpyxl's own setter searches the workbook's styles by name for every cell it is
        given to (a quarter of the time of a 10,000-row report). Copying a cell's `_style` is how
        openpyxl itself copies a worksheet."""
        cell = sheet.cell(row=row, column=column)
        assert isinstance(cell, SheetCell)  # nothing here is merged
        cell._style = copy(self._looks[look])  # type: ignore[attr-defined]  # not in the stubs
        return cell


def render(document: ExecutionDocument) -> bytes:
    book = _Book()
    summary = book.workbook.active
    assert summary is not None
    summary.title = _sheet_name(messages.text("execution.summary_sheet"))
    _summary(book, summary, document)
    _items(book, book.workbook.create_sheet(_sheet_name(messages.text("execution.items_sheet"))), document)
    return book.saved()


# The reply form: the columns a department fills in are shaded, and a hidden sheet says whose it is.
REPLY_WIDTHS = (9, 50, 26, 20, 50, 26, 14, 18)
REPLY_HEADER_ROW = 5


def render_reply_form(document: ReplyFormDocument) -> bytes:
    """A department's reply form: its items, with the columns it fills in shaded, and the allowed
    new statuses as a drop-down. A hidden sheet names the roadmap, the department and the day, for
    `import-progress` to check the reply against."""
    from openpyxl.worksheet.datavalidation import DataValidation

    execution_report = document.execution
    book = _Book()
    sheet = book.workbook.active
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
        book.text(sheet, number, 1, text, HEADING if number <= 2 else TEXT)
    filled = {document.columns.index(key) + 1 for key in document.filled}
    for column, key in enumerate(document.columns, start=1):
        book.text(
            sheet, REPLY_HEADER_ROW, column, messages.text(key), TO_FILL if column in filled else HEADING
        )
        sheet.column_dimensions[get_column_letter(column)].width = REPLY_WIDTHS[column - 1]
    line = REPLY_HEADER_ROW + 1
    for row in execution_report.rows:
        values = execution.reply_cells(row)
        for column, value in enumerate(values, start=1):
            book.value(sheet, line, column, value)
            if column in filled:
                sheet.cell(row=line, column=column).fill = REPLY_FILL
        sheet.row_dimensions[line].height = LINE_HEIGHT * _lines_needed(values)
        line += 1
    words = ",".join(sentences.status_word(status) for status in document.statuses)
    choices = DataValidation(type="list", formula1=f'"{words}"', allow_blank=True)
    status_column = get_column_letter(len(document.columns))
    choices.add(f"{status_column}{REPLY_HEADER_ROW + 1}:{status_column}{max(line - 1, REPLY_HEADER_ROW + 1)}")
    sheet.add_data_validation(choices)
    sheet.freeze_panes = f"A{REPLY_HEADER_ROW + 1}"
    _printed(sheet)
    meta = book.workbook.create_sheet(document.facts_sheet)
    for number, (key, value) in enumerate(document.facts, start=1):
        book.text(meta, number, 1, key)
        book.text(meta, number, 2, value)
    meta.sheet_state = "hidden"
    return book.saved()


def _sheet_name(name: str) -> str:
    """A sheet's name as Excel allows it: at most 31 characters, none of []:*?/\\."""
    return "".join(" " if char in "[]:*?/\\" else char for char in name)[:31]


def _summary(book: _Book, sheet: Worksheet, document: ExecutionDocument) -> None:
    lines = [*execution.heading_lines(document), "", execution.summary_text(document)]
    for number, line in enumerate(lines, start=1):
        book.text(sheet, number, 1, line, HEADING if number <= 2 else TEXT)
    first = len(lines) + 2
    for offset, state in enumerate(OfficialState):
        book.text(sheet, first + offset, 1, official_word(state), STATE.get(state, TEXT))
        book.value(sheet, first + offset, 2, document.count(state))
    sheet.column_dimensions["A"].width = 70
    sheet.column_dimensions["B"].width = 10
    _printed(sheet)


def _items(book: _Book, sheet: Worksheet, document: ExecutionDocument) -> None:
    headers = [*execution.headers(document), messages.text("execution.column.date")]
    for column, header in enumerate(headers, start=1):
        book.text(sheet, 1, column, header, HEADING)
    for column in range(1, len(headers) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = WIDTHS[min(column, len(WIDTHS)) - 1]
    line = 2
    for title, rows in execution.by_section(document):
        book.text(sheet, line, 1, title, SECTION)
        line += 1
        for row in rows:
            values = execution.cells(row, document)
            look = STATE.get(row.deadline.official, TEXT)
            for column, value in enumerate(values, start=1):
                book.value(sheet, line, column, value, look if column == STATUS_COLUMN else TEXT)
            # Excel and LibreOffice do not grow a row for wrapped text they did not lay out themselves.
            sheet.row_dimensions[line].height = LINE_HEIGHT * _lines_needed(values)
            due = row.deadline
            book.value(sheet, line, len(headers), None if due.pending else due.effective_deadline)
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


def _printed(sheet: Worksheet) -> None:
    """Printed on A4 landscape, as wide as the page (as many pages down as it takes)."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
