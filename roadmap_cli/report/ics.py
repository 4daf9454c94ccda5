"""`roadmap calendar` as an iCalendar feed (RFC 5545, written by the `icalendar` package): one all-day
event per deadline and per period of a duty, for Outlook, Thunderbird or a phone to import or
subscribe to.

Each event's UID names the roadmap, the item and the period, so importing the feed again updates the
events rather than adding them twice. The day an event falls on is the deadline's day in the roadmap's
zone (an all-day event has no zone of its own); the reminder rings at an instant given in UTC, which
every client shows in its own zone.
"""

from __future__ import annotations

from datetime import timedelta

from icalendar import Alarm, Calendar, Event

from roadmap_cli import messages
from roadmap_cli.report import sentences
from roadmap_cli.report.document import CalendarDocument, CalendarEvent, Localized, State
from roadmap_cli.report.escape import inert

PRODUCT = "-//aktobe-roadmap//roadmap calendar//EN"
# How a closed deadline is marked in its title: a calendar shows it, but nobody need act on it.
DONE_MARK = "✓ "


def render(document: CalendarDocument) -> bytes:
    feed = Calendar()
    feed.add("prodid", PRODUCT)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", _one_line(sentences.shown(document.title).plain()))
    feed.add("x-wr-timezone", document.timezone)
    for event in document.events:
        feed.add_component(_event(event, document))
    raw: bytes = feed.to_ical()
    return raw


def _event(event: CalendarEvent, document: CalendarDocument) -> Event:
    row = event.row
    title = _one_line(sentences.shown(row.title).plain())
    closed = row.state in (State.DONE, State.DONE_LATE, State.SUBMITTED, State.CANCELLED)
    summary = f"{DONE_MARK if closed else ''}{row.task} {title}"
    item = Event()
    item.add("uid", event.uid)
    item.add("dtstamp", document.created)
    item.add("dtstart", row.effective_deadline)
    item.add("dtend", row.effective_deadline + timedelta(days=1))
    item.add("summary", summary)
    item.add("description", _description(event, document.names))
    item.add("status", "CANCELLED" if row.state is State.CANCELLED else "CONFIRMED")
    item.add("transp", "TRANSPARENT")  # a deadline does not make anyone busy all day
    item.add("categories", [_one_line(sentences.state_word(row.state))])
    if event.alarm is not None:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", event.alarm, parameters={"VALUE": "DATE-TIME"})
        alarm.add(
            "description",
            messages.text(
                "calendar.alarm", date=messages.day(row.effective_deadline), task=row.task, title=title
            ),
        )
        item.add_component(alarm)
    return item


def _description(event: CalendarEvent, names: dict[str, Localized]) -> str:
    row = event.row
    executors = [
        inert(sentences.shown(names[executor]).plain()) if executor in names else executor
        for executor in (*row.lead_ids, *row.co_executors)
    ]
    lines = [
        inert(sentences.shown(event.roadmap).plain()),
        messages.text("calendar.deadline", deadline=inert(sentences.deadline_text(row))),
        messages.text("calendar.executors", names="; ".join(executors)),
        messages.text("calendar.state", state=sentences.state_word(row.state)),
    ]
    return "\n".join(lines)


def _one_line(text: str) -> str:
    """A title as one line, with nothing invisible in it (the description may keep line breaks:
    iCalendar escapes them)."""
    return inert(" ".join(text.split()))
