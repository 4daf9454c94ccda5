"""`roadmap remind` in words: one department's reminder as plain text, Markdown, an HTML page (for the
body of an e-mail) or JSON, each in the language the digest is written in.

Every format reads the same lists (`_parts`): what is overdue, what falls due within the window, the
duties' reports coming due and what is at risk, each item with its number, title, deadline as the plan
words it, and how near or late it is. Each format escapes for itself: text is made inert, Markdown
escaped, HTML autoescaped by Jinja2.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any, NamedTuple

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import DeadlineRow, DigestDocument, DigestPart, RemindDocument
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import DigestFormat
from roadmap_cli.report.json import deadline_data, localized_data

TEMPLATE = "reminder.html.jinja"


class _Item(NamedTuple):
    task: str
    title: str
    deadline: str
    when: str  # "17 days overdue", "in 3 working days", "due today"
    role: str | None  # for an item the department co-executes: whose lead it is


class _List(NamedTuple):
    heading: str
    items: tuple[_Item, ...]
    late: bool = False  # the overdue list: the HTML shows how late in red


class _Part(NamedTuple):
    title: str  # the roadmap's
    lists: tuple[_List, ...]  # only the lists with items


def render(document: DigestDocument, digest_format: DigestFormat) -> str:
    """One department's reminder, in its own language."""
    with messages.speaking(document.language):
        if digest_format is DigestFormat.HTML:
            return _html(document)
        if digest_format is DigestFormat.MARKDOWN:
            return _markdown(document)
        if digest_format is DigestFormat.JSON:
            return _dump(_data(document))
        return _text(document)


def render_all(document: RemindDocument, digest_format: DigestFormat) -> str:
    """Every reminder in one text, for standard output: JSON as one document, text and Markdown one
    after another."""
    if digest_format is DigestFormat.JSON:
        every = []
        for digest in document.digests:
            with messages.speaking(digest.language):
                every.append(_data(digest))
        return _dump(
            {
                "schema": "roadmap-reminders",
                "version": 1,
                "within": {"days": document.window.days, "working": document.window.working},
                "quiet": list(document.quiet),
                "digests": every,
            }
        )
    return "\n".join(render(digest, digest_format) for digest in document.digests)


def subject(document: DigestDocument) -> str:
    """The e-mail's subject, on one line whatever the names hold (no line break can start a header)."""
    with messages.speaking(document.language):
        line = f"{messages.text('digest.subject', summary=summary(document))} — {_name(document)}"
    return " ".join(line.split())


def summary(document: DigestDocument) -> str:
    """``2 overdue, 3 due within 5 working days``; or that nothing is."""
    window = sentences.window_text(document.window)
    counts = [
        messages.text(key, count=messages.Amount(number), window=window)
        for key, number in (
            ("digest.count.overdue", document.count("overdue")),
            ("digest.count.due_soon", document.count("due_soon")),
            ("digest.count.duties", document.count("duties")),
            ("digest.count.at_risk", document.count("at_risk")),
        )
        if number
    ]
    return ", ".join(counts) if counts else messages.text("digest.nothing", window=window).rstrip(".")


def _name(document: DigestDocument) -> str:
    return sentences.shown(document.name).plain()


def _heading(document: DigestDocument) -> str:
    return messages.text("digest.heading", department=_name(document), date=messages.day(document.as_of))


def _basis(part: DigestPart) -> str:
    return messages.text("digest.basis", date=messages.day(part.as_of), file=part.file)


def _parts(document: DigestDocument) -> Iterator[_Part]:
    window = document.window
    for part in document.parts:

        def items(rows: tuple[DeadlineRow, ...], part: DigestPart = part) -> tuple[_Item, ...]:
            return tuple(_item(row, document, part) for row in rows)

        lists = (
            _List(sentences.overdue_heading(len(part.overdue)), items(part.overdue), late=True),
            _List(sentences.due_soon_heading(window, len(part.due_soon)), items(part.due_soon)),
            _List(
                messages.text(
                    "digest.duties.heading",
                    window=sentences.window_text(window),
                    count=messages.Amount(len(part.duties)),
                ),
                items(part.duties),
            ),
            _List(sentences.at_risk_heading(len(part.at_risk)), items(part.at_risk)),
        )
        yield _Part(sentences.shown(part.title).plain(), tuple(each for each in lists if each.items))


def _item(row: DeadlineRow, document: DigestDocument, part: DigestPart) -> _Item:
    if row.days_overdue:
        when = messages.text("digest.late", days=messages.count(row.days_overdue, "day"))
    elif row.pending or row.days_left < 0:
        when = ""
    elif row.days_left == 0:
        when = messages.text("digest.today")
    elif document.window.working and row.working_days is not None:
        when = messages.text("digest.left", days=messages.count(row.working_days.left, "working_day"))
    else:
        when = messages.text("digest.left", days=messages.count(row.days_left, "day"))
    role = None
    if document.department not in row.lead_ids:
        leads = ", ".join(
            sentences.shown(part.names[lead]).plain() if lead in part.names else lead for lead in row.lead_ids
        )
        role = messages.text("digest.co_executor", lead=leads)
    deadline = messages.text("digest.deadline", deadline=sentences.deadline_text(row))
    return _Item(row.task, sentences.shown(row.title).plain(), deadline, when, role)


def _sentence(document: DigestDocument) -> str:
    """The summary as the sentence under the heading: ``Просрочено: 2, ...``."""
    said = summary(document)
    return said[:1].upper() + said[1:]


def _text(document: DigestDocument) -> str:
    lines = [_heading(document), _sentence(document)]
    for part in _parts(document):
        lines += ["", part.title]
        for each in part.lists:
            lines += ["", each.heading]
            for item in each.items:
                lines.append(f"  {item.task}  {item.title}")
                details = [item.deadline, item.when, item.role or ""]
                lines.append("      " + "; ".join(detail for detail in details if detail))
    lines += ["", *(_basis(part) for part in document.parts)]
    return "".join(inert(line) + "\n" for line in lines)


def _markdown(document: DigestDocument) -> str:
    from roadmap_cli.report.markdown import escape

    lines = [f"## {escape(_heading(document))}", "", escape(_sentence(document)), ""]
    for part in _parts(document):
        lines += [f"### {escape(part.title)}", ""]
        for each in part.lists:
            lines += [f"**{escape(each.heading)}**", ""]
            for item in each.items:
                details = [item.deadline, item.when, item.role or ""]
                told = escape("; ".join(detail for detail in details if detail))
                lines.append(f"- **{escape(item.task)}** {escape(item.title)}: {told}")
            lines.append("")
    lines += [f"_{escape(_basis(part))}_" for part in document.parts]
    return "\n".join(lines) + "\n"


def _html(document: DigestDocument) -> str:
    from jinja2 import Environment, StrictUndefined

    environment = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    source = resources.files("roadmap_cli.templates").joinpath(TEMPLATE).read_text(encoding="utf-8")
    return environment.from_string(source).render(
        language=document.language,
        heading=inert(_heading(document)),
        summary=inert(_sentence(document)),
        parts=[
            {
                "title": inert(part.title),
                "lists": [
                    {
                        "heading": inert(each.heading),
                        "late": each.late,
                        "rows": [[inert(field or "") for field in item] for item in each.items],
                    }
                    for each in part.lists
                ],
            }
            for part in _parts(document)
        ],
        basis=[inert(_basis(part)) for part in document.parts],
    )


def _data(document: DigestDocument) -> dict[str, Any]:
    return {
        "department": document.department,
        "name": localized_data(document.name),
        "language": document.language,
        "email": document.email,
        "subject": subject(document),
        "as_of": document.as_of.isoformat(),
        "counts": {
            "overdue": document.count("overdue"),
            "due_soon": document.count("due_soon"),
            "duties": document.count("duties"),
            "at_risk": document.count("at_risk"),
        },
        "roadmaps": [
            {
                "file": part.file,
                "roadmap": part.roadmap,
                "title": localized_data(part.title),
                "as_of": part.as_of.isoformat(),
                "overdue": [deadline_data(row) for row in part.overdue],
                "due_soon": [deadline_data(row) for row in part.due_soon],
                "duties": [deadline_data(row) for row in part.duties],
                "at_risk": [deadline_data(row) for row in part.at_risk],
            }
            for part in document.parts
        ],
    }


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
