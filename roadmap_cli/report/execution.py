"""The execution report's words, shared by its Word and Excel forms: the heading, the columns, each
cell of an item's row, the summary. Every text from the file stays text: the writers put it in as
a value, never as markup or a formula."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Final

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import ExecutionDocument, ExecutionRow, Localized, OfficialState
from roadmap_cli.report.escape import inert

Cell = str | date | Decimal | None


def heading_lines(document: ExecutionDocument) -> list[str]:
    """The report's title, the plan's title and record, and the day it reports on."""
    return [
        messages.text("execution.title"),
        sentences.plain_text(document.title),
        *(inert(line) for line in sentences.plan_lines(document.plan)),
        messages.text("execution.as_of", date=messages.day(document.as_of)),
    ]


COLUMN_KEYS: Final = (
    "execution.column.number",
    "execution.column.title",
    "execution.column.deliverable",
    "execution.column.executors",
    "execution.column.deadline",
    "execution.column.progress",
    "execution.column.status",
)
COST_COLUMN_KEYS: Final = ("execution.column.cost", "execution.column.sources")


def headers(document: ExecutionDocument) -> list[str]:
    keys = COLUMN_KEYS + (COST_COLUMN_KEYS if document.with_cost else ())
    return [messages.text(key) for key in keys]


def cells(row: ExecutionRow, document: ExecutionDocument) -> list[Cell]:
    """The item's row, column by column as `headers` names them; the cost a number."""
    deadline = row.deadline
    found: list[Cell] = [
        deadline.task,
        sentences.plain_text(deadline.title),
        sentences.plain_text(row.deliverable) if row.deliverable is not None else "",
        executors_text(row),
        deadline_cell(row),
        progress_text(row),
        status_text(row),
    ]
    if document.with_cost:
        found += [row.cost, ", ".join(messages.text(sentences.SOURCE_KEYS[source]) for source in row.sources)]
    return found


def deadline_cell(row: ExecutionRow) -> str:
    """The "Срок исполнения" cell: the date, the wording as written, a move (the risk is said in
    the status). A department's reply is checked against it: a changed cell is a postponement."""
    return sentences.deadline_text(row.deadline._replace(risk=None))


def reply_cells(row: ExecutionRow) -> list[Cell]:
    """A row of a department's reply form: what it reports on, then the empty columns it fills in."""
    deadline = row.deadline
    return [
        deadline.task,
        sentences.plain_text(deadline.title),
        deadline_cell(row),
        sentences.official_word(deadline.official),
        None,
        None,
        None,
        None,
    ]


def by_section(document: ExecutionDocument) -> Iterator[tuple[str, list[ExecutionRow]]]:
    """Each section's title as its row says it, with its items (the rows are grouped already)."""
    titles = dict(document.sections)
    for section_id, rows in groupby(document.rows, key=lambda row: row.section):
        yield section_title(section_id, titles.get(section_id)), list(rows)


def section_title(section_id: str | None, title: Localized | None) -> str:
    if section_id is None or title is None:
        return messages.text("execution.outside")
    return f"{section_id}. {sentences.plain_text(title)}"


def executors_text(row: ExecutionRow) -> str:
    """Names, the lead first, one a line; a body outside the akimat "(по согласованию)"."""
    by_agreement = messages.text("department.by_agreement")
    names = [(sentences.plain_text(executor.name), executor.external) for executor in row.executors]
    return "\n".join(f"{name} {by_agreement}" if external else name for name, external in names)


def progress_text(row: ExecutionRow) -> str:
    """The progress notes through the as-of day, oldest first, each with its document."""
    notes = row.deadline.progress
    if not notes:
        return messages.text("execution.no_progress")
    return "\n".join(inert(sentences.progress_line(note)) for note in notes)


def status_text(row: ExecutionRow) -> str:
    """The official word, with its basis where the report must give one: a postponement's original
    deadline and decision, a withdrawal's reason, a risk's cause."""
    state = row.deadline.official
    word = sentences.official_word(state)
    if state is OfficialState.POSTPONED and row.moves:
        first, last = row.moves[0], row.moves[-1]
        original, deadline = messages.day(first.from_), messages.day(last.to)
        if last.decision is not None:
            decision = inert(last.decision)
            moved = messages.text("execution.moved", original=original, deadline=deadline, decision=decision)
        else:  # a move git saw, with no record made: said so, with who moved it and when
            by = inert(last.by or "")
            on = messages.day(last.on) if last.on is not None else ""
            moved = messages.text(
                "execution.moved_unrecorded", original=original, deadline=deadline, on=on, by=by
            )
        return f"{word} ({moved})"
    if state is OfficialState.WITHDRAWN and row.reason:
        return f"{word} ({messages.text('execution.basis', reason=inert(row.reason))})"
    if state is OfficialState.AT_RISK and row.deadline.risk is not None:
        return f"{word} ({messages.text(sentences.RISK_KEYS[row.deadline.risk])})"
    return word


def summary_text(document: ExecutionDocument) -> str:
    count = document.count
    return messages.text(
        "execution.summary",
        items=messages.Amount(len(document.rows)),
        done=messages.Amount(count(OfficialState.EXECUTED) + count(OfficialState.EXECUTED_LATE)),
        late=messages.Amount(count(OfficialState.EXECUTED_LATE)),
        overdue=messages.Amount(count(OfficialState.NOT_EXECUTED)),
        at_risk=messages.Amount(count(OfficialState.AT_RISK)),
        postponed=messages.Amount(count(OfficialState.POSTPONED)),
        withdrawn=messages.Amount(count(OfficialState.WITHDRAWN)),
    )
