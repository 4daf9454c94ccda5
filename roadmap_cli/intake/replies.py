"""A department's filled-in reply form, read back: whose it is (the roadmap, the department, the day,
from the form's hidden sheet) and each row's item, title, deadline as the form showed it, and what the
department wrote (the information, its document and day, a new status).

The columns are found by their headings, in any of the three languages the form is written in, so a
form exported in Kazakh is read like one in Russian; what a row says is only read here, and checked
against the roadmap by the command."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from roadmap_cli import messages
from roadmap_cli.intake.tables import PlanFileError, SourceTable
from roadmap_cli.messages import say

REPLY_FORMAT = "roadmap-reply-1"
META_SHEET = "roadmap"
# The form's columns, in order, by the message key of their heading.
COLUMN_KEYS: Final = {
    "number": "reply.column.number",
    "title": "reply.column.title",
    "deadline": "reply.column.deadline",
    "state": "reply.column.state",
    "progress": "reply.column.progress",
    "document": "reply.column.document",
    "day": "reply.column.day",
    "status": "reply.column.status",
}
FILLED: Final = ("progress", "document", "day", "status")  # what the department writes


def facts(roadmap_id: str, department_id: str, as_of: date) -> tuple[tuple[str, str], ...]:
    """What the form's hidden sheet says of it, for `read_reply` to check a reply against."""
    return (
        ("format", REPLY_FORMAT),
        ("roadmap", roadmap_id),
        ("department", department_id),
        ("as_of", as_of.isoformat()),
    )


@dataclass(frozen=True, slots=True)
class ReplyRow:
    row: int  # counted from 1, as the sheet shows it
    task: str
    title: str
    deadline: str
    progress: str
    document: str
    day: str
    status: str


@dataclass(frozen=True, slots=True)
class Reply:
    table: SourceTable
    roadmap_id: str
    department_id: str
    as_of: date
    rows: tuple[ReplyRow, ...]
    language: str  # the language of the form's headings: its deadline cells are in it too


def read_reply(tables: list[SourceTable], shown: str) -> Reply:
    """The reply in a workbook's tables; a `PlanFileError` when it is no reply form of ours."""
    meta = next((table for table in tables if table.sheet == META_SHEET), None)
    facts = {row[0]: row[1] for row in meta.rows if len(row) >= 2} if meta is not None else {}
    if facts.get("format") != REPLY_FORMAT:
        raise PlanFileError(say("reply.not_a_form", path=shown))
    try:
        as_of = date.fromisoformat(facts.get("as_of", ""))
    except ValueError:
        raise PlanFileError(say("reply.not_a_form", path=shown)) from None
    headings = {
        (messages.catalogue(language)[key], language): column
        for language in messages.LANGUAGES
        for column, key in COLUMN_KEYS.items()
    }
    for table in tables:
        for at, cells in enumerate(table.rows[:20]):
            for language in messages.LANGUAGES:
                found = {
                    headings[cell, language]: index
                    for index, cell in enumerate(cells)
                    if (cell, language) in headings
                }
                if set(found) == set(COLUMN_KEYS):
                    rows = tuple(_rows(table, at + 1, found))
                    roadmap_id, department_id = facts.get("roadmap", ""), facts.get("department", "")
                    return Reply(table, roadmap_id, department_id, as_of, rows, language)
    raise PlanFileError(say("reply.not_a_form", path=shown))


def _rows(table: SourceTable, first: int, columns: dict[str, int]) -> Iterator[ReplyRow]:
    for at in range(first, len(table.rows)):
        cells = table.rows[at]

        def cell(name: str, cells: tuple[str, ...] = cells) -> str:
            index = columns[name]
            return " ".join(cells[index].split()) if index < len(cells) else ""

        if not any(text.strip() for text in cells):
            continue
        yield ReplyRow(
            at + 1,
            cell("number"),
            cell("title"),
            cell("deadline"),
            cells[columns["progress"]].strip() if columns["progress"] < len(cells) else "",
            cell("document"),
            cell("day"),
            cell("status"),
        )
