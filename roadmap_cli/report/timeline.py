"""The brief's timeline as inline SVG: a band per section (or lead department), a row per item, a bar
from a range's first day to its deadline, a lighter bar from a duty's reporting period's first day to
its due day (marked), or a diamond on a single day, coloured by the item's state, and the as-of day
marked across. Drawn by our own small code: no script, no external request.
Every text is escaped, so a title is shown as itself and cannot become markup."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from html import escape

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import DeadlineRow, State, TimelineGroup
from roadmap_cli.report.escape import xml_text

WIDTH = 1060
LABEL = 330  # the items' labels, left of the chart
RIGHT = 10
ROW = 15
AXIS = 22
MAX_ROWS = 80  # a longer timeline would not fit a printed page or two: the rest is counted
LABEL_CHARACTERS = 52
# The state colours, as the terminal table and the Excel report use them.
COLOURS = {
    State.OVERDUE: "#d9534f",
    State.DUE_SOON: "#f0ad4e",
    State.DONE: "#5cb85c",
    State.DONE_LATE: "#a3b84c",
    State.SUBMITTED: "#5cb85c",
    State.CANCELLED: "#b0b0b0",
    State.ON_TRACK: "#4a7fd6",
}
AT_RISK = "#e8590c"


def svg(groups: Sequence[TimelineGroup], as_of: date) -> str:
    """The timeline of `groups` on `as_of`; at most `MAX_ROWS` items, the rest counted below."""
    rows: list[tuple[str, DeadlineRow | None]] = []
    for group in groups:
        rows.append((_group_title(group), None))
        rows += [(_label(row), row) for row in group.rows]
    shown, hidden = rows[:MAX_ROWS], max(0, len(rows) - MAX_ROWS)
    dated = [row for _label_text, row in shown if row is not None and not row.pending]
    first = min([as_of, *(_span_start(row) or row.effective_deadline for row in dated)]) - timedelta(days=7)
    last = max([as_of, *(row.effective_deadline for row in dated)]) + timedelta(days=7)
    span = max((last - first).days, 1)
    chart = WIDTH - LABEL - RIGHT

    def x(day: date) -> float:
        return LABEL + chart * (day - first).days / span

    height = AXIS + ROW * len(shown) + (ROW if hidden else 0) + 14
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" role="img" font-family="Times New Roman, serif" font-size="10">'
    ]
    parts += _axis(first, last, x, height)
    for number, (label_text, row) in enumerate(shown):
        y = AXIS + ROW * number
        if row is None:
            parts.append(f'<text x="2" y="{y + 11}" font-weight="bold">{_text(label_text)}</text>')
            parts.append(f'<line x1="0" y1="{y}" x2="{WIDTH}" y2="{y}" stroke="#ccc"/>')
            continue
        parts.append(f'<text x="10" y="{y + 11}">{_text(label_text)}</text>')
        parts += _mark(row, x, y)
    if hidden:
        more = messages.text("brief.more", count=messages.Amount(hidden))
        parts.append(
            f'<text x="10" y="{AXIS + ROW * len(shown) + 11}" font-style="italic">{_text(more)}</text>'
        )
    marker = x(as_of)
    parts.append(
        f'<line x1="{marker:.1f}" y1="{AXIS - 6}" x2="{marker:.1f}" y2="{height}" stroke="#c00" '
        f'stroke-width="1.5" stroke-dasharray="4 2"/>'
    )
    # The as-of day is named below the chart, where no month's label stands in its way.
    parts.append(
        f'<text x="{marker + 3:.1f}" y="{height - 2}" fill="#c00">{_text(messages.day(as_of))}</text></svg>'
    )
    return "".join(parts)


def _axis(first: date, last: date, x: Callable[[date], float], height: int) -> list[str]:
    """A tick at the first of each month (each quarter for a plan longer than two years)."""
    step = 3 if (last - first).days > 730 else 1
    parts = []
    month = date(first.year, first.month, 1)
    while month <= last:
        if month >= first and (month.month - 1) % step == 0:
            left = x(month)
            parts.append(
                f'<line x1="{left:.1f}" y1="{AXIS - 4}" x2="{left:.1f}" y2="{height}" stroke="#eee"/>'
            )
            parts.append(f'<text x="{left + 2:.1f}" y="{AXIS - 8}" fill="#666">{month:%m.%Y}</text>')
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return parts


def _mark(row: DeadlineRow, x: Callable[[date], float], y: int) -> list[str]:
    """A range as a bar from its first day; a duty's period as a lighter bar to its due day, which is
    marked; a single day as a diamond; at risk outlined."""
    if row.pending:
        return []
    colour = COLOURS[row.state]
    outline = f' stroke="{AT_RISK}" stroke-width="2"' if row.risk is not None else ""
    title = f"<title>{_text(sentences.deadline_text(row))}</title>"
    end = x(row.effective_deadline)
    starts = _span_start(row)
    if starts is not None and starts < row.effective_deadline:
        start = x(starts)
        period = row.starts is None
        lighter = ' fill-opacity="0.55"' if period else ""
        bar = (
            f'<rect x="{start:.1f}" y="{y + 3}" width="{max(end - start, 2):.1f}" height="9" rx="2" '
            f'fill="{colour}"{lighter}{outline}>{title}</rect>'
        )
        due_mark = f'<rect x="{end - 1.5:.1f}" y="{y + 1}" width="3" height="13" fill="{colour}"/>'
        return [bar, due_mark] if period else [bar]
    points = f"{end:.1f},{y + 2} {end + 5:.1f},{y + 7.5} {end:.1f},{y + 13} {end - 5:.1f},{y + 7.5}"
    return [f'<polygon points="{points}" fill="{colour}"{outline}>{title}</polygon>']


def _span_start(row: DeadlineRow) -> date | None:
    """Where an item's bar begins: a range's first day, else a duty's period's; none for a single day."""
    return row.starts if row.starts is not None else row.period_starts


def _group_title(group: TimelineGroup) -> str:
    if group.title is None:
        return messages.text("execution.outside")
    return f"{group.id} {sentences.shown(group.title).plain()}"


def _label(row: DeadlineRow) -> str:
    title = sentences.shown(row.title).plain()
    text = f"{row.task} {title}"
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _text(text: str) -> str:
    return escape(xml_text(text), quote=True)
