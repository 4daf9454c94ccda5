"""`roadmap status` as rich tables: a row per department, then overdue and due-soon deadlines.

Laid out for the terminal it will be shown on (its width, and colour only where the terminal has
it and NO_COLOR is not set), then returned as text, so that writing it is the command's job.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    DeadlineRow,
    DepartmentKind,
    DepartmentRow,
    Localized,
    SectionRow,
    SeveralDocument,
    State,
    Status,
    StatusDocument,
    StatusSlippage,
    first_rows,
)
from roadmap_cli.report.escape import inert

OVERDUE_STYLE = "red"
DUE_SOON_STYLE = "yellow"
DONE_STYLE = "green"
# Below this width the department names would be squeezed into columns a word wide.
WIDE_ENOUGH_FOR_NAMES = 110
# Below this width the columns would be cut to a letter or two (`В…`): each department and each
# deadline is then a short block of lines, each figure beside its label, so that none is lost.
WIDE_ENOUGH_FOR_COLUMNS = 80
NARROWEST = 40

# How a state is marked wherever a list shows it.
_STATE_STYLES = {State.OVERDUE: OVERDUE_STYLE, State.DUE_SOON: DUE_SOON_STYLE, State.DONE: DONE_STYLE}

_COUNT_COLUMNS = (
    ("tasks", "column.tasks", ""),
    ("done", "column.done", DONE_STYLE),
    ("done_late", "column.done_late", DUE_SOON_STYLE),
    ("in_progress", "column.in_progress", ""),
    ("blocked", "column.blocked", OVERDUE_STYLE),
    ("overdue", "column.overdue", OVERDUE_STYLE),
    ("due_soon", "column.due_soon", DUE_SOON_STYLE),
)


def _data(text: str, style: str = "") -> Text:
    """A cell holding text from the file: never parsed as markup, never an escape sequence."""
    return Text(inert(text), style=style)


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


def _localized(value: Localized) -> Text:
    """Text from the file in the language spoken, or in another one, marked (dim) as such."""
    shown = sentences.shown(value)
    if shown.marker is None:
        return _data(shown.text)
    return Text.assemble(inert(shown.text), " ", (shown.marker, "dim"))


def _summary_table(
    rows: Sequence[DepartmentRow], with_names: bool, title: str, first_header: str = "column.department"
) -> Table:
    """A row of counts for each department (or roadmap), the total (the last row) in the footer."""
    departments, total = rows[:-1], rows[-1]
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_footer=len(departments) > 1,
        pad_edge=False,
    )
    table.add_column(messages.text(first_header), footer=messages.text("total"), no_wrap=True)
    if with_names:
        table.add_column(messages.text("column.name"), ratio=1)
    for field, header, _style in _COUNT_COLUMNS:
        table.add_column(messages.text(header), justify="right", footer=str(getattr(total, field)))
    table.add_column("%", justify="right", footer=sentences.percent_text(total.percent_complete))
    for row in departments:
        table.add_row(*_department_cells(row, with_names))
    return table


def _department_cells(row: DepartmentRow, with_names: bool) -> list[RenderableType]:
    cells: list[RenderableType] = [_data(row.id or "", "bold")]
    if with_names:
        name = _localized(row.name) if row.name is not None else Text("")
        if row.kind is DepartmentKind.EXTERNAL:
            name.append(" " + messages.text("department.by_agreement"), style="dim")
        cells.append(name)
    cells.extend(_count(getattr(row, field), style) for field, _header, style in _COUNT_COLUMNS)
    percent = row.percent_complete
    cells.append(Text(sentences.percent_text(percent), style=DONE_STYLE if percent == 100 else ""))
    return cells


def _task_table(title: str, rows: Sequence[DeadlineRow], overdue: bool, limit: int | None) -> RenderableType:
    shown, hidden = first_rows(rows, limit)
    style = OVERDUE_STYLE if overdue else DUE_SOON_STYLE
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", title_style=style, pad_edge=False)
    table.add_column(messages.text("column.task"), no_wrap=True)
    table.add_column(messages.text("column.title"), ratio=1)
    table.add_column(messages.text("column.deadline"), ratio=1, min_width=10)
    table.add_column(messages.text("column.days_late" if overdue else "column.days_left"), justify="right")
    table.add_column(messages.text("column.status"))
    for row in shown:
        working = row.working_days
        assert working is not None  # a status document counts them
        days, working_days = (row.days_overdue, working.overdue) if overdue else (row.days_left, working.left)
        table.add_row(
            _task_cell(row, style),
            _localized(row.title),
            _data(sentences.deadline_text(row)),
            Text("–" if row.pending else f"{days} ({working_days})", style=style),  # no date: no days
            Text(
                sentences.status_word(row.status),
                style=OVERDUE_STYLE if row.status is Status.BLOCKED else "",
            ),
        )
    if hidden:
        return Group(table, Text(sentences.more_rows("status", hidden), style="dim"))
    return table


def _figure(label: str, value: str, style: str = "") -> Text:
    return Text.assemble((label + " ", "dim"), (value, style))


def _figures(figures: Sequence[Text], width: int) -> Text:
    """Figures on as few lines as fit `width`, a line breaking between two figures, never inside one."""
    lines: list[Text] = []
    for figure in figures:
        if lines and lines[-1].cell_len + 3 + figure.cell_len <= width:
            lines[-1].append(" · ", style="dim")
            lines[-1].append_text(figure)
        else:
            lines.append(figure.copy())
    return Text("\n").join(lines)


def _indented(*lines: RenderableType) -> RenderableType:
    return Padding(Group(*lines), (0, 0, 0, 2))


def _department_blocks(rows: Sequence[DepartmentRow], width: int, title: str) -> RenderableType:
    blocks: list[RenderableType] = [Text(title, style="italic")]
    for row in rows:
        name = _data(row.id, "bold") if row.id is not None else Text(messages.text("total"), style="bold")
        figures = [
            _figure(sentences.column_label(header), str(value), style if value else "")
            for field, header, style in _COUNT_COLUMNS
            if (value := getattr(row, field)) is not None
        ]
        figures.append(Text(f"{sentences.percent_text(row.percent_complete)} %"))
        blocks += [name, _indented(_figures(figures, width - 2))]
    return Group(*blocks)


# Fewer columns than the departments' table: a section's title needs the room.
_SECTION_COLUMNS = (
    ("tasks", "column.tasks", ""),
    ("done", "column.done", DONE_STYLE),
    ("overdue", "column.overdue", OVERDUE_STYLE),
    ("due_soon", "column.due_soon", DUE_SOON_STYLE),
)


def _section_name(row: SectionRow) -> Text:
    if row.id is None:
        return Text(messages.text("section.outside"), style="italic")
    title = _localized(row.title) if row.title is not None else Text("")
    return Text.assemble((inert(row.id), "bold"), " ", title)


def _sections(document: StatusDocument, width: int) -> RenderableType:
    """The roll-up per section: counts, the share done, and the worst state among its items."""
    worst = [
        (row, Text(sentences.state_word(row.worst), style=_STATE_STYLES.get(row.worst, "")))
        for row in document.sections
    ]
    if width < WIDE_ENOUGH_FOR_COLUMNS:
        blocks: list[RenderableType] = [Text(messages.text("sections"), style="italic")]
        for row, word in worst:
            figures = [
                _figure(sentences.column_label(header), str(value), style if value else "")
                for field, header, style in _SECTION_COLUMNS
                for value in (getattr(row, field),)
            ]
            figures += [Text(f"{sentences.percent_text(row.percent_complete)} %"), word]
            blocks += [_section_name(row), _indented(_figures(figures, width - 2))]
        return Group(*blocks)
    table = Table(title=messages.text("sections"), box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
    table.add_column(messages.text("column.section"), ratio=1, overflow="fold")
    for _field, header, _style in _SECTION_COLUMNS:
        table.add_column(sentences.column_label(header), justify="right")
    table.add_column("%", justify="right")
    table.add_column(messages.text("column.worst"))
    for row, word in worst:
        counts = [_count(getattr(row, field), style) for field, _header, style in _SECTION_COLUMNS]
        table.add_row(_section_name(row), *counts, Text(sentences.percent_text(row.percent_complete)), word)
    return table


def _deadline_blocks(
    title: str, rows: Sequence[DeadlineRow], overdue: bool, limit: int | None, width: int
) -> RenderableType:
    shown, hidden = first_rows(rows, limit)
    style = OVERDUE_STYLE if overdue else DUE_SOON_STYLE
    blocks: list[RenderableType] = [Text(title, style=style)]
    days_label = sentences.column_label("column.days_late" if overdue else "column.days_left")
    for row in shown:
        working = row.working_days
        assert working is not None  # a status document counts them
        days, working_days = (row.days_overdue, working.overdue) if overdue else (row.days_left, working.left)
        status_style = OVERDUE_STYLE if row.status is Status.BLOCKED else ""
        blocks.append(
            Text.assemble(
                (inert(row.task), f"bold {style}"),
                (" · ", "dim"),
                (inert(sentences.leads_text(row)), "dim"),
                (" · ", "dim"),
                (sentences.status_word(row.status), status_style),
            )
        )
        deadline = _figure(sentences.column_label("column.deadline"), inert(sentences.deadline_text(row)))
        late = _figure(days_label, "–" if row.pending else f"{days} ({working_days})", style)
        blocks.append(_indented(_localized(row.title), _figures([deadline, late], width - 2)))
    if hidden:
        blocks.append(Text(sentences.more_rows("status", hidden), style="dim"))
    return Group(*blocks)


def _task_cell(row: DeadlineRow, style: str) -> Text:
    """The task's id, and its lead executors below it (dim)."""
    return Text.assemble((inert(row.task), f"bold {style}"), "\n", (inert(sentences.leads_text(row)), "dim"))


def _with_progress(title: Text, row: DeadlineRow) -> Text:
    """A title with the task's latest progress note below it (dim): what a head of department asks."""
    if not row.progress:
        return title
    return Text.assemble(title, "\n", (inert(sentences.progress_line(row.progress[-1])), "dim"))


def _every_deadline(
    document: StatusDocument, rows: Sequence[DeadlineRow], limit: int | None, width: int
) -> RenderableType:
    """`status --department`: every deadline of its tasks, overdue first, each with its state."""
    shown, hidden = first_rows(rows, limit)
    title = sentences.department_heading(document, len(rows))
    parts: list[RenderableType]
    if width >= WIDE_ENOUGH_FOR_COLUMNS:
        table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False)
        table.add_column(messages.text("column.task"), no_wrap=True)
        table.add_column(messages.text("column.title"), ratio=1)
        table.add_column(messages.text("column.deadline"), ratio=1, min_width=10)
        table.add_column(messages.text("column.days_left"), justify="right")
        table.add_column(messages.text("column.state"))
        for row in shown:
            style = _STATE_STYLES.get(row.state, "")
            table.add_row(
                _task_cell(row, style),
                _with_progress(_localized(row.title), row),
                _data(sentences.deadline_text(row)),
                Text(sentences.days_text(row), style=style),
                Text(sentences.state_word(row.state), style=style),
            )
        parts = [table]
    else:
        parts = [Text(title, style="italic")]
        for row in shown:
            style = _STATE_STYLES.get(row.state, "")
            name = Text.assemble(
                (inert(row.task), f"bold {style}"), (" · ", "dim"), (sentences.state_word(row.state), style)
            )
            deadline = _figure(sentences.column_label("column.deadline"), inert(sentences.deadline_text(row)))
            days = _figure(sentences.column_label("column.days_left"), sentences.days_text(row), style)
            titled = _with_progress(_localized(row.title), row)
            parts += [name, _indented(titled, _figures([deadline, days], width - 2))]
    if hidden:
        parts.append(Text(sentences.more_rows("status", hidden), style="dim"))
    return Group(*parts)


def status_view(document: StatusDocument, width: int, limit: int | None) -> RenderableType:
    """The whole `status` screen, laid out for a console `width` columns wide.

    Each deadline list shows its first `limit` rows (worst first) and says how many more there are.
    """
    title = _localized(document.title)
    title.stylize("bold")
    plan = [_data(line) for line in sentences.plan_lines(document.plan)]
    as_of = messages.text("as_of", date=messages.day(document.as_of), zone=inert(document.timezone))
    heading = Text("\n").join([title, *plan, Text(as_of)])
    columns = width >= WIDE_ENOUGH_FOR_COLUMNS

    def deadlines(title: str, rows: Sequence[DeadlineRow], overdue: bool) -> RenderableType:
        if columns:
            return _task_table(title, rows, overdue, limit)
        return _deadline_blocks(title, rows, overdue, limit, width)

    parts: list[RenderableType] = [
        heading,
        _counts(document.departments, width, messages.text("departments")),
    ]
    if document.cost is not None:
        parts.append(Text(sentences.cost_line(document.cost)))
    if document.sections:
        parts.append(_sections(document, width))
    if document.overdue:
        parts.append(deadlines(sentences.overdue_heading(len(document.overdue)), document.overdue, True))
    if document.due_soon:
        heading_text = sentences.due_soon_heading(document.window, len(document.due_soon))
        parts.append(deadlines(heading_text, document.due_soon, False))
    if document.at_risk:
        parts.append(deadlines(sentences.at_risk_heading(len(document.at_risk)), document.at_risk, False))
    if document.to_review:
        parts.append(deadlines(sentences.review_heading(len(document.to_review)), document.to_review, False))
    if document.department_deadlines is not None:
        parts.append(_every_deadline(document, document.department_deadlines, limit, width))
    if document.slippage is not None:
        parts.append(_slippage(document.slippage, limit))
    verdict = sentences.overdue_verdict(len(document.overdue), sentence=True)
    parts.append(
        Text(verdict, style=f"bold {OVERDUE_STYLE}") if document.overdue else Text(verdict, style=DONE_STYLE)
    )
    return Group(*parts)


def _slippage(slippage: StatusSlippage, limit: int | None) -> RenderableType:
    """`status --history`: the tasks moved from their baselines, then the totals, as lines (they
    wrap at any width)."""
    lines: list[RenderableType] = [Text(sentences.slip_heading(slippage), style="bold")]
    if not slippage.tasks:
        lines.append(Text(messages.text("status.slip_none"), style=DONE_STYLE))
        return Group(*lines)
    shown, hidden = first_rows(slippage.tasks, limit)
    lines += [Text(inert(sentences.slip_line(row))) for row in shown]
    if hidden:
        lines.append(Text(sentences.more_rows("status", hidden), style="dim"))
    for heading, totals in (
        ("status.slip_departments", slippage.departments),
        ("status.slip_sections", slippage.sections),
    ):
        if totals:
            lines.append(Text(messages.text(heading), style="bold"))
            said = (Text(inert(sentences.slip_total_line(total))) for total in totals)
            lines += [Padding(line, (0, 0, 0, 2)) for line in said]
    return Group(*lines)


def _counts(
    rows: Sequence[DepartmentRow], width: int, title: str, first_header: str = "column.department"
) -> RenderableType:
    """Counts per department (or roadmap), the total last: a table, or on a narrow terminal a block each."""
    if width >= WIDE_ENOUGH_FOR_COLUMNS:
        return _summary_table(rows, width >= WIDE_ENOUGH_FOR_NAMES, title, first_header)
    return _department_blocks(rows, width, title)


def several_view(document: SeveralDocument, width: int, limit: int | None) -> RenderableType:
    """Each roadmap's status screen, then a row per roadmap and a row per department across them."""
    statuses = [roadmap for roadmap in document.roadmaps if isinstance(roadmap, StatusDocument)]
    # A roadmap's row is its total, labelled with its file and title.
    by_roadmap = [replace(roadmap.total, id=roadmap.file, name=roadmap.title) for roadmap in statuses]
    total = replace(document.departments[-1], id=None, name=None)
    screens = [part for roadmap in statuses for part in (status_view(roadmap, width, limit), Text(""))]
    return Group(
        *screens,  # a blank line after each: where one roadmap ends is plain to see
        _counts((*by_roadmap, total), width, messages.text("several.heading"), "column.roadmap"),
        _counts(document.departments, width, messages.text("several.departments")),
    )


def render(document: StatusDocument | SeveralDocument, rows: int | None) -> str:
    """The status screen as the terminal on stdout shows it."""
    console = Console(highlight=False)
    # No layout fits fewer columns; `COLUMNS=0` (a wrong setting, not a terminal) would print nothing.
    console.width = max(console.width, NARROWEST)
    view = (
        status_view(document, console.width, rows)
        if isinstance(document, StatusDocument)
        else several_view(document, console.width, rows)
    )
    with console.capture() as captured:
        console.print(view)
    return captured.get()
