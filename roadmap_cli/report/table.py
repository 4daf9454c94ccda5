"""`roadmap status` as rich tables: a row per department, then overdue and due-soon tasks."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from roadmap_cli.analysis import Assessment, StatusReport
from roadmap_cli.model import LANGUAGES, Roadmap, Status
from roadmap_cli.report.escape import inert
from roadmap_cli.report.lines import plural

OVERDUE_STYLE = "red"
DUE_SOON_STYLE = "yellow"
DONE_STYLE = "green"


def _data(text: str, style: str = "") -> Text:
    """A cell holding text from the file: never parsed as markup, never an escape sequence."""
    return Text(inert(text), style=style)


def _count(value: int, style: str) -> Text:
    return Text(str(value), style=style if value else "dim")


_COUNT_COLUMNS = (
    ("Tasks", "tasks", ""),
    ("Done", "done", DONE_STYLE),
    ("Done\nlate", "done_late", DUE_SOON_STYLE),
    ("In\nwork", "in_progress", ""),
    ("Blocked", "blocked", OVERDUE_STYLE),
    ("Overdue", "overdue", OVERDUE_STYLE),
    ("Due\nsoon", "due_soon", DUE_SOON_STYLE),
)
# Below this width the department names would be squeezed into columns a word wide.
WIDE_ENOUGH_FOR_NAMES = 110


def _summary_table(report: StatusReport, languages: Sequence[str], with_names: bool) -> Table:
    table = Table(
        title="Departments",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_footer=len(report.summaries) > 1,
        pad_edge=False,
    )
    table.add_column("Department", footer="Total", no_wrap=True)
    if with_names:
        table.add_column("Name", ratio=1)
    for header, field, _style in _COUNT_COLUMNS:
        table.add_column(header, justify="right", footer=str(getattr(report.total, field)))
    table.add_column("%", justify="right", footer=f"{report.total.percent_complete}")
    for summary in report.summaries:
        assert summary.department is not None
        cells: list[RenderableType] = [_data(summary.department.id, "bold")]
        if with_names:
            cells.append(_data(summary.department.name.pick(languages)))
        cells.extend(_count(getattr(summary, field), style) for _header, field, style in _COUNT_COLUMNS)
        done_style = DONE_STYLE if summary.percent_complete == 100 else ""
        cells.append(Text(str(summary.percent_complete), style=done_style))
        table.add_row(*cells)
    return table


def _task_table(
    title: str,
    assessments: Sequence[Assessment],
    days_header: str,
    style: str,
    languages: Sequence[str],
    limit: int | None,
) -> RenderableType:
    hidden = len(assessments) - limit if limit is not None and len(assessments) > limit else 0
    table = Table(
        title=title,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        title_style=style,
        pad_edge=False,
    )
    table.add_column("Task", no_wrap=True)
    table.add_column("Title", ratio=1)
    table.add_column("Deadline", no_wrap=True)
    table.add_column(days_header, justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for assessment in assessments[: len(assessments) - hidden]:
        task = assessment.task
        days = assessment.days_overdue if assessment.is_overdue else assessment.days_left
        table.add_row(
            Text.assemble((inert(task.id), f"bold {style}"), "\n", (inert(task.department), "dim")),
            _data(task.title.pick(languages)),
            Text(task.deadline.isoformat()),
            Text(str(days), style=style),
            Text(task.status.value, style=OVERDUE_STYLE if task.status is Status.BLOCKED else ""),
        )
    if hidden:
        return Group(
            table, Text(f"... and {hidden:,} more: roadmap status --all shows every one", style="dim")
        )
    return table


# A table of thousands of rows helps no one (and takes seconds to lay out): the worst ones are shown.
DEFAULT_ROWS = 20


def status_view(
    roadmap: Roadmap,
    report: StatusReport,
    width: int,
    languages: Sequence[str] = LANGUAGES,
    limit: int | None = DEFAULT_ROWS,
) -> RenderableType:
    """The whole `status` screen, laid out for a console `width` columns wide.

    Each task list shows its first `limit` rows (worst first) and says how many more there are.
    """
    zone = roadmap.info.timezone_name
    heading = Text.assemble(
        (inert(roadmap.info.title.pick(languages)), "bold"),
        f"\nas of {report.as_of.isoformat()} ({inert(zone)})",
    )
    parts: list[RenderableType] = [
        heading,
        _summary_table(report, languages, width >= WIDE_ENOUGH_FOR_NAMES),
    ]
    if report.overdue:
        parts.append(
            _task_table(
                f"Overdue ({len(report.overdue)})",
                report.overdue,
                "Days\nlate",
                OVERDUE_STYLE,
                languages,
                limit,
            )
        )
    if report.due_soon:
        parts.append(
            _task_table(
                f"Due within {plural(report.warn_days, 'day')} ({len(report.due_soon)})",
                report.due_soon,
                "Days\nleft",
                DUE_SOON_STYLE,
                languages,
                limit,
            )
        )
    verdict = (
        Text(f"{plural(len(report.overdue), 'task')} overdue", style=f"bold {OVERDUE_STYLE}")
        if report.overdue
        else Text("Nothing overdue.", style=DONE_STYLE)
    )
    parts.append(verdict)
    return Group(*parts)
