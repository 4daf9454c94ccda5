"""The brief's burn-up as inline SVG: month by month, the items planned done by then (by their
baseline deadlines) against the items done, each a line from the first month to the as-of month.
Drawn by our own small code, like the timeline: no script, every text escaped."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from roadmap_cli import messages
from roadmap_cli.report.document import BurnUpMonth

WIDTH = 1060
HEIGHT = 170
LEFT = 40  # the count axis
RIGHT = 30  # room for the last month's label
BOTTOM = 22  # the month labels
TOP = 18  # the legend
PLANNED = "#6c757d"
DONE = "#5cb85c"
MAX_LABELS = 24  # more months than that: every second (third...) one is labelled


def svg(months: Sequence[BurnUpMonth]) -> str:
    if not months:
        return ""
    highest = max(1, *(month.planned for month in months), *(month.done for month in months))
    chart_width = WIDTH - LEFT - RIGHT
    chart_height = HEIGHT - TOP - BOTTOM
    step = chart_width / max(1, len(months) - 1)

    def x(index: int) -> float:
        return LEFT + index * step if len(months) > 1 else LEFT + chart_width / 2

    def y(count: int) -> float:
        return TOP + chart_height * (1 - count / highest)

    def line(counts: Sequence[int], colour: str, dashed: bool) -> str:
        points = " ".join(f"{x(index):.1f},{y(count):.1f}" for index, count in enumerate(counts))
        dash = ' stroke-dasharray="6 3"' if dashed else ""
        dots = "".join(
            f'<circle cx="{x(index):.1f}" cy="{y(count):.1f}" r="2.5" fill="{colour}"/>'
            for index, count in enumerate(counts)
        )
        return f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>{dots}'

    every = -(-len(months) // MAX_LABELS)
    labels = "".join(
        f'<text x="{x(index):.1f}" y="{HEIGHT - 6}" text-anchor="middle">'
        f"{escape(messages.month(month.month))}</text>"
        for index, month in enumerate(months)
        if index % every == 0 or index == len(months) - 1
    )
    planned_label = escape(messages.text("brief.burn_up.planned"))
    done_label = escape(messages.text("brief.burn_up.done"))
    last = months[-1]
    legend = (
        f'<rect x="{LEFT}" y="4" width="14" height="3" fill="{PLANNED}"/>'
        f'<text x="{LEFT + 20}" y="10">{planned_label}: {last.planned}</text>'
        f'<rect x="{LEFT + 260}" y="4" width="14" height="3" fill="{DONE}"/>'
        f'<text x="{LEFT + 280}" y="10">{done_label}: {last.done}</text>'
    )
    base = TOP + chart_height
    axis = (
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" stroke="#999"/>'
        f'<line x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}" stroke="#999"/>'
        f'<text x="{LEFT - 4}" y="{TOP + 4}" text-anchor="end">{highest}</text>'
        f'<text x="{LEFT - 4}" y="{base}" text-anchor="end">0</text>'
    )
    title = escape(messages.text("brief.burn_up"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="burn-up" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" role="img" aria-label="{title}" font-size="10">'
        f"{axis}{legend}"
        f"{line([month.planned for month in months], PLANNED, True)}"
        f"{line([month.done for month in months], DONE, False)}"
        f"{labels}</svg>"
    )
