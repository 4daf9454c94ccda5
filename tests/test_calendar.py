"""`roadmap calendar`: an iCalendar feed read back by `icalendar` and by an independent parser
(`vobject`), with stable UIDs, alarms in working days and the roadmap's time zone."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import icalendar
import pytest
import vobject

from roadmap_cli.errors import ExitCode
from tests.conftest import Run, Write
from tests.helpers import dedent

AS_OF = "2026-12-02"
ROADMAP = dedent(
    """
    roadmap:
      id: demo
      title: {kk: Демо жол картасы, ru: Демо дорожная карта}
      timezone: Asia/Aqtobe
      language: ru
    departments:
      - id: energy
        name: {kk: Энергетика басқармасы, ru: Управление энергетики}
      - id: roads
        name: {kk: Жолдар басқармасы, ru: Управление дорог}
    tasks:
      - id: "1.1"
        title: {kk: Қосалқы станция салу, ru: Построить подстанцию}
        department: energy
        co_executors: [roads]
        deadline: 2026-12-08
      - id: "1.2"
        title: {kk: Дайын, ru: Готово}
        department: energy
        deadline: 2026-11-20
        status: done
        completed: 2026-11-19
      - id: "1.3"
        title: {kk: Тоқтатылды, ru: Отменено}
        department: energy
        deadline: 2026-12-20
        status: cancelled
        reason: не нужно
      - id: "2.1"
        title: "Evil\\r\\nUID:evil@example.org\\r\\nBEGIN:VALARM"
        department: roads
        deadline: IV квартал 2026 года
      - id: "2.2"
        title: Постоянно
        department: roads
        deadline: постоянно
      - id: "3.1"
        title: {kk: Тоқсандық есеп, ru: Квартальный отчёт}
        department: energy
        recurrence: {every: quarterly, starts: 2026-01-01, due_day: 10}
        status: in_progress
        submissions: [{period: 2026-Q1, on: 2026-04-08}, {period: 2026-Q2, on: 2026-07-09}]
    """
)


@pytest.fixture
def plan(write: Write) -> Path:
    return write(ROADMAP)


def _feed(run: Run, plan: Path, tmp_path: Path, *extra: str) -> bytes:
    output = tmp_path / "deadlines.ics"
    result = run("calendar", str(plan), "--as-of", AS_OF, "-o", str(output), *extra)
    assert result.exit_code == ExitCode.OK, result.stderr
    return output.read_bytes()


def _events(raw: bytes) -> dict[str, Any]:
    """The events as `icalendar` reads them, by UID."""
    return {str(event["UID"]): event for event in icalendar.Calendar.from_ical(raw).walk("VEVENT")}


def _vobject_events(raw: bytes) -> dict[str, Any]:
    calendar = vobject.readOne(raw.decode("utf-8"))
    return {event.uid.value: event for event in calendar.vevent_list}


def test_an_event_per_deadline_and_per_period_read_alike_by_two_parsers(
    run: Run, plan: Path, tmp_path: Path
) -> None:
    raw = _feed(run, plan, tmp_path, "--alarm", "3wd")
    events, second = _events(raw), _vobject_events(raw)
    assert set(events) == set(second)
    dated = {f"demo/{task}@roadmap" for task in ("1.1", "1.2", "1.3", "2.1")}
    # The quarters reported, the one missed, and the coming ones a year ahead (to Q3 2027, due
    # 10 October 2027; Q4 2027 is due after 3 December 2027, the year's end of the feed, and is the
    # one listed beyond it).
    periods = {
        f"demo/3.1/{year}-Q{quarter}@roadmap"
        for year, quarter in [
            (2026, 1),
            (2026, 2),
            (2026, 3),
            (2026, 4),
            (2027, 1),
            (2027, 2),
            (2027, 3),
            (2027, 4),
        ]
    }
    assert set(events) == dated | periods  # the standing obligation has no day to be on
    substation = events["demo/1.1@roadmap"]
    assert substation["DTSTART"].dt == date(2026, 12, 8)
    assert str(substation["SUMMARY"]) == "1.1 Построить подстанцию"
    assert second["demo/1.1@roadmap"].summary.value == "1.1 Построить подстанцию"
    description = second["demo/1.1@roadmap"].description.value
    assert "Исполнители: Управление энергетики; Управление дорог" in description
    assert "Срок: 08.12.2026" in description
    assert events["demo/2.1@roadmap"]["DTSTART"].dt == date(2026, 12, 31)
    assert "IV квартал 2026 года" in str(events["demo/2.1@roadmap"]["DESCRIPTION"])
    assert events["demo/3.1/2026-Q3@roadmap"]["DTSTART"].dt == date(2026, 10, 10)


def test_done_and_cancelled_are_marked_and_ring_no_alarm(run: Run, plan: Path, tmp_path: Path) -> None:
    events = _events(_feed(run, plan, tmp_path, "--alarm", "3wd"))
    done, cancelled = events["demo/1.2@roadmap"], events["demo/1.3@roadmap"]
    assert str(done["SUMMARY"]).startswith("✓ 1.2") and str(done["STATUS"]) == "CONFIRMED"
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert not done.walk("VALARM") and not cancelled.walk("VALARM")
    # The missed quarter rang before the judging day: no alarm popping up at import.
    assert not events["demo/3.1/2026-Q3@roadmap"].walk("VALARM")
    assert events["demo/3.1/2026-Q4@roadmap"].walk("VALARM")


def test_uids_are_stable_across_runs(run: Run, plan: Path, tmp_path: Path) -> None:
    first = _feed(run, plan, tmp_path)
    again = _feed(run, plan, tmp_path)
    assert list(_events(first)) == list(_events(again))

    def without_stamps(raw: bytes) -> list[bytes]:
        return [line for line in raw.splitlines() if not line.startswith(b"DTSTAMP")]

    assert without_stamps(first) == without_stamps(again)


def test_alarm_in_working_days_in_the_roadmaps_zone_whatever_the_machines(plan: Path, tmp_path: Path) -> None:
    output = tmp_path / "deadlines.ics"
    environment = {**os.environ, "TZ": "America/Los_Angeles", "ROADMAP_LANG": "kk"}
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "roadmap_cli",
            "calendar",
            str(plan),
            "--as-of",
            AS_OF,
            "--alarm",
            "3wd",
            "-o",
            str(output),
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == ExitCode.OK, completed.stderr
    raw = output.read_bytes()
    for trigger in (
        _events(raw)["demo/1.1@roadmap"].walk("VALARM")[0]["TRIGGER"].dt,
        _vobject_events(raw)["demo/1.1@roadmap"].valarm.trigger.value,
    ):
        # Tuesday 8 December: 3 working days before is Thursday the 3rd (the weekend does not
        # count), at 09:00 in Aktobe, UTC+5.
        assert trigger == datetime(2026, 12, 3, 4, 0, tzinfo=UTC)
    assert _events(raw)["demo/1.1@roadmap"]["DTSTART"].dt == date(2026, 12, 8)
    assert str(_events(raw)["demo/1.1@roadmap"]["SUMMARY"]) == "1.1 Қосалқы станция салу"


def test_hostile_text_stays_inside_its_property(run: Run, plan: Path, tmp_path: Path) -> None:
    raw = _feed(run, plan, tmp_path, "--alarm", "3wd")
    assert b"\r\nUID:evil" not in raw and b"\r\nBEGIN:VALARM\r\nEND:VEVENT" not in raw
    events = _vobject_events(raw)
    assert "evil@example.org" not in events
    # The line breaks became spaces: the title is one line of text, in its own property.
    assert events["demo/2.1@roadmap"].summary.value == "2.1 Evil UID:evil@example.org BEGIN:VALARM"
    assert len(events["demo/2.1@roadmap"].contents["valarm"]) == 1


def test_one_department_and_a_bad_output(run: Run, plan: Path, tmp_path: Path) -> None:
    events = _events(_feed(run, plan, tmp_path, "--department", "roads"))
    assert set(events) == {"demo/1.1@roadmap", "demo/2.1@roadmap"}  # it co-executes 1.1
    missing = tmp_path / "no" / "such" / "deadlines.ics"
    result = run("calendar", str(plan), "-o", str(missing))
    assert result.exit_code == ExitCode.OUTPUT
    assert not missing.parent.exists()
    assert run("calendar", str(plan), "--alarm", "soon").exit_code == ExitCode.USAGE
    assert run("calendar", str(plan), "--department", "nowhere").exit_code == ExitCode.USAGE
