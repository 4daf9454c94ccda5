"""`roadmap status` as rich tables: a row per department, then overdue and due-soon tasks."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roadmap_cli import messages
from roadmap_cli.analysis import Assessment, StatusReport
from roadmap_cli.model import Localized, Roadmap, Status
from roadmap_cli.report.document import DEFAULT_ROWS, first_rows
from roadmap_cli.report.escape import inert
from roadmap_cli.report.lines import deadline_text, window_text

OVERDUE_STYLE = "red"
DUE_SOON_STYLE = "yellow"
DONE_STYLE = "green"


def _data(text: str, style: str = "") -> Text:
    """A cell holding text from the file: never parsed as markup, never an escape sequence."""
    return Text(inert(text), style=style)


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


_COUNT_COLUMNS = (
    ("tasks", ""),
    ("done", DONE_STYLE),
    ("done_late", DUE_SOON_STYLE),
    ("in_progress", ""),
    ("blocked", OVERDUE_STYLE),
    ("overdue", OVERDUE_STYLE),
    ("due_soon", DUE_SOON_STYLE),
)
# Below this width the department names would be squeezed into columns a word wide.
WIDE_ENOUGH_FOR_NAMES = 110


def _localized(value: Localized, language: str) -> Text:
    """Text from the file in `language`, or in the fallback language, marked as such."""
    used, text = value.choose(messages.FALLBACKS[language])
    if used in ("", language):
        return _data(text)
    return Text.assemble(inert(text), " ", (messages.text("fallback", language=used), "dim"))


def _summary_table(report: StatusReport, language: str, with_names: bool) -> Table:
    table = Table(
        title=messages.text("departments"),
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_footer=len(report.summaries) > 1,
        pad_edge=False,
    )
    table.add_column(messages.text("column.department"), footer=messages.text("total"), no_wrap=True)
    if with_names:
        table.add_column(messages.text("column.name"), ratio=1)
    for field, _style in _COUNT_COLUMNS:
        table.add_column(
            messages.text(f"column.{field}"), justify="right", footer=str(getattr(report.total, field))
        )
    table.add_column("%", justify="right", footer=f"{report.total.percent_complete}")
    for summary in report.summaries:
        assert summary.department is not None
        cells: list[RenderableType] = [_data(summary.department.id, "bold")]
        if with_names:
            cells.append(_localized(summary.department.name, language))
        cells.extend(_count(getattr(summary, field), style) for field, style in _COUNT_COLUMNS)
        done_style = DONE_STYLE if summary.percent_complete == 100 else ""
        cells.append(Text(str(summary.percent_complete), style=done_style))
        table.add_row(*cells)
    return table


def _task_table(
    title: str,
    assessments: Sequence[Assessment],
    overdue: bool,
    language: str,
    limit: int | None,
) -> RenderableType:
    shown, hidden = first_rows(assessments, limit)
    style = OVERDUE_STYLE if overdue else DUE_SOON_STYLE
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        title_style=style,
        pad_edge=False,
    )
    table.add_column(messages.text("column.task"), no_wrap=True)
    table.add_column(messages.text("column.title"), ratio=1)
    table.add_column(messages.text("column.deadline"), ratio=1, min_width=10)
    table.add_column(messages.text("column.days_late" if overdue else "column.days_left"), justify="right")
    table.add_column(messages.text("column.status"))
    for assessment in shown:
        task = assessment.task
        if overdue:
            days, working = assessment.days_overdue, assessment.working_days_overdue
        else:
            days, working = assessment.days_left, assessment.working_days_left
        table.add_row(
            Text.assemble((inert(task.id), f"bold {style}"), "\n", (inert(task.department), "dim")),
            _localized(task.title, language),
            _data(deadline_text(assessment)),
            Text(f"{days} ({working})", style=style),
            Text(
                messages.text(f"status.{task.status.value}"),
                style=OVERDUE_STYLE if task.status is Status.BLOCKED else "",
            ),
        )
    if hidden:
        return Group(table, Text(messages.text("more_rows", count=messages.Amount(hidden)), style="dim"))
    return table


def status_view(
    roadmap: Roadmap,
    report: StatusReport,
    width: int,
    limit: int | None = DEFAULT_ROWS,
) -> RenderableType:
    """The whole `status` screen, laid out for a console `width` columns wide.

    Each task list shows its first `limit` rows (worst first) and says how many more there are.
    """
    zone = roadmap.info.timezone_name
    language = messages.current()
    title = _localized(roadmap.info.title, language)
    title.stylize("bold")
    heading = Text.assemble(
        title, "\n", messages.text("as_of", date=messages.day(report.as_of), zone=inert(zone))
    )
    parts: list[RenderableType] = [
        heading,
        _summary_table(report, language, width >= WIDE_ENOUGH_FOR_NAMES),
    ]
    if report.overdue:
        parts.append(
            _task_table(
                messages.text("overdue.heading", count=messages.Amount(len(report.overdue))),
                report.overdue,
                True,
                language,
                limit,
            )
        )
    if report.due_soon:
        parts.append(
            _task_table(
                messages.text(
                    "due_soon.heading",
                    window=window_text(report.window),
                    count=messages.Amount(len(report.due_soon)),
                ),
                report.due_soon,
                False,
                language,
                limit,
            )
        )
    verdict = (
        Text(
            messages.text("verdict.overdue", deadlines=messages.count(len(report.overdue), "deadline")),
            style=f"bold {OVERDUE_STYLE}",
        )
        if report.overdue
        else Text(messages.text("verdict.none"), style=DONE_STYLE)
    )
    parts.append(verdict)
    return Group(*parts)
