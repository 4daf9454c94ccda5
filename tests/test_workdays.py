"""Working days in Kazakhstan, a roadmap's own corrections, and "today" wherever CI runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from roadmap_cli.workdays import kazakhstan_calendar
from tests.conftest import Run, Write
from tests.helpers import HEADER, roadmap, task

# Weekdays that are days off, from the rules in ../shared/domain/DOMAIN.md: the fixed holidays, a
# holiday on a weekend moved to the next working day (not 7 January or Kurban Ait), Kurban Ait
# (6 June 2025, 27 May 2026) and the 2025 decree moving Sunday 5 January to Friday 3 January.
OFFICIAL_DAYS_OFF = {
    2025: [
        "01-01", "01-02", "01-03", "01-07", "03-10", "03-21", "03-24", "03-25", "05-01", "05-07",
        "05-09", "06-06", "07-07", "09-01", "10-27", "12-16",
    ],
    2026: [
        "01-01", "01-02", "01-07", "03-09", "03-23", "03-24", "03-25", "05-01", "05-07", "05-11",
        "05-27", "07-06", "08-31", "10-26", "12-16",
    ],
}  # fmt: skip
OFFICIAL_WORKING_WEEKEND_DAYS = {2025: ["01-05"], 2026: []}
# The holidays package (0.109) has no Constitution Day in 2026: it follows the 2026 amendment of the
# holidays law that moves the day to 15 March from 2027 (its source: adilet.zan.kz, Z010000267_).
# DOMAIN.md, older, still lists 30 August. A roadmap that must keep Monday 31 August 2026 off says so
# with calendar: {extra_days_off: [2026-08-31]}; test_an_override_restores_a_day_the_data_lacks.
KNOWN_DIFFERENCES = {date(2026, 8, 31)}


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_calendar_matches_the_official_one(year: int) -> None:
    calendar = kazakhstan_calendar()
    expected_off = {
        date.fromisoformat(f"{year}-{day}") for day in OFFICIAL_DAYS_OFF[year]
    } - KNOWN_DIFFERENCES
    expected_working = {date.fromisoformat(f"{year}-{day}") for day in OFFICIAL_WORKING_WEEKEND_DAYS[year]}
    day, days_off, working_weekend_days = date(year, 1, 1), set(), set()
    while day.year == year:
        if day.weekday() < 5 and not calendar.is_working_day(day):
            days_off.add(day)
        if day.weekday() >= 5 and calendar.is_working_day(day):
            working_weekend_days.add(day)
        day += timedelta(days=1)
    assert days_off == expected_off
    assert working_weekend_days == expected_working


def test_an_override_restores_a_day_the_data_lacks() -> None:
    assert kazakhstan_calendar().is_working_day(date(2026, 8, 31))
    assert not kazakhstan_calendar(extra_days_off=[date(2026, 8, 31)]).is_working_day(date(2026, 8, 31))


@pytest.mark.parametrize(
    ("earlier", "later", "working_days"),
    [
        (date(2026, 3, 20), date(2026, 3, 26), 1),  # Nauryz: 21-25 March off (23-25 moved from the weekend)
        (date(2026, 3, 19), date(2026, 3, 20), 1),
        (date(2025, 12, 31), date(2026, 1, 5), 1),  # New Year: 1-2 January, then the weekend
        (date(2024, 12, 31), date(2025, 1, 6), 2),  # 2025: Fri 3 Jan off, Sun 5 Jan worked
        (date(2026, 1, 1), date(2026, 12, 31), 247),  # 261 weekdays, 14 of them days off (data)
        (date(2026, 3, 26), date(2026, 3, 20), -1),  # the other way round: negative
        (date(2026, 3, 20), date(2026, 3, 20), 0),
    ],
)
def test_working_days_between(earlier: date, later: date, working_days: int) -> None:
    assert kazakhstan_calendar().working_days_between(earlier, later) == working_days


def test_counting_a_century_ahead_is_cheap_and_sensible() -> None:
    calendar = kazakhstan_calendar()
    count = calendar.working_days_between(date(2026, 1, 1), date(2126, 1, 1))
    assert 100 * 230 < count < 100 * 262  # holidays up to 2100, then weekends only


def roadmap_with_calendar(calendar: str, *tasks: str) -> str:
    return HEADER.replace("tasks:\n", f"calendar:\n{calendar}tasks:\n") + "".join(tasks)


def test_a_roadmap_adds_and_removes_days_off(run: Run, write: Write) -> None:
    plan = roadmap_with_calendar(
        "  extra_days_off: [2026-03-26]\n  extra_working_days: [2026-03-21]\n", task("T-1", "2026-03-27")
    )
    result = run("status", str(write(plan)), "--as-of", "2026-03-20", "--format", "json")
    (entry,) = __import__("json").loads(result.stdout)["due_soon"]
    # 21 March (a Saturday and Nauryz) worked by decree, 26 March off: 21 and 27 March remain.
    assert (entry["days_left"], entry["working_days_left"]) == (7, 2)


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day_when_the_roadmap_says_so(
    run: Run, write: Write
) -> None:
    on_nauryz = task("T-1", "2026-03-21")
    kept = run("check", str(write(roadmap(on_nauryz))), "--as-of", "2026-03-25")
    assert kept.exit_code == ExitCode.BREACHES
    moved_plan = roadmap_with_calendar("  deadline_on_day_off: next_working_day\n", on_nauryz)
    moved = run("check", str(write(moved_plan)), "--as-of", "2026-03-25")
    assert moved.exit_code == ExitCode.OK
    assert moved.stdout.endswith(
        "T-1 (energy) is due 2026-03-26 (moved from 2026-03-21, a day off), in 1 day\n"
    )


def test_warn_days_in_working_days(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-26")))
    calendar_days = run("check", str(path), "--as-of", "2026-03-20", "--warn-days", "3")
    working_days = run("check", str(path), "--as-of", "2026-03-20", "--warn-days", "3wd")
    assert calendar_days.stdout == ""  # six calendar days away
    assert "T-1 (energy) is due 2026-03-26, in 6 days" in working_days.stdout  # one working day away
    assert "due within 3 working days" in working_days.stderr


def test_the_same_instant_gives_the_same_overdue_list_in_every_machine_time_zone(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("LATE", "2026-03-31"), task("DUE", "2026-04-01")), encoding="utf-8")
    # 20:30 UTC on 31 March is 01:30 on 1 April in Aktobe: LATE is one day overdue there, whatever
    # the clock of the machine says the date is.
    outputs = []
    for zone in ("UTC", "America/Los_Angeles", "Asia/Tokyo"):
        completed = subprocess.run(
            [sys.executable, "-m", "roadmap_cli", "check", str(path), "--as-of", "2026-03-31T20:30:00Z"],
            capture_output=True,
            text=True,
            env={**os.environ, "TZ": zone, "ROADMAP_LANG": ""},
            timeout=60,
            check=False,
        )
        assert completed.returncode == ExitCode.BREACHES, completed.stderr
        outputs.append(completed.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].splitlines() == [
        f"{path}:11:5: LATE (energy) was due 2026-03-31, 1 day overdue",
        f"{path}:16:5: warning: DUE (energy) is due 2026-04-01, today",
    ]


def test_an_instant_without_an_offset_is_refused(run: Run, write: Write) -> None:
    result = run("check", str(write(roadmap(task("T", "2026-03-31")))), "--as-of", "2026-03-31T20:30:00")
    assert result.exit_code == ExitCode.USAGE
    assert "is not an instant with a time zone" in result.stderr


# The official calendar is kept per machine (roadmap_cli/official_calendar.py): what a new process
# answers, whether it had to import the holidays package, and what the cache holds afterwards.
CALENDAR_OF_2026 = """
import json, sys
from datetime import date, timedelta
from roadmap_cli.workdays import kazakhstan_calendar
calendar, day, off = kazakhstan_calendar(), date(2026, 1, 1), []
while day.year == 2026:
    if not calendar.is_working_day(day) and day.weekday() < 5:
        off.append(day.isoformat())
    day += timedelta(days=1)
print(json.dumps({"off": off, "asked_the_package": "holidays" in sys.modules}))
"""


def _calendar_of_2026(cache_home: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", CALENDAR_OF_2026],
        env={**os.environ, "XDG_CACHE_HOME": str(cache_home)},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return dict(json.loads(completed.stdout))


def _official_days_off_2026() -> list[str]:
    return sorted(f"2026-{day}" for day in OFFICIAL_DAYS_OFF[2026] if f"2026-{day}" != "2026-08-31")


def test_the_official_calendar_is_asked_once_per_machine(tmp_path: Path) -> None:
    first = _calendar_of_2026(tmp_path)
    assert first == {"off": _official_days_off_2026(), "asked_the_package": True}
    assert (tmp_path / "roadmap" / "kazakhstan-calendar.json").is_file()
    assert _calendar_of_2026(tmp_path) == {"off": _official_days_off_2026(), "asked_the_package": False}


@pytest.mark.parametrize(
    "kept",
    [
        "not json {",
        '{"key": "another version of the package", "years": {}}',
        '["a list"]',
        '{"key": null}',
        "\x00\xff",
    ],
)
def test_a_damaged_or_foreign_calendar_cache_is_computed_again(tmp_path: Path, kept: str) -> None:
    cache = tmp_path / "roadmap" / "kazakhstan-calendar.json"
    cache.parent.mkdir()
    cache.write_text(kept, encoding="utf-8")
    assert _calendar_of_2026(tmp_path) == {"off": _official_days_off_2026(), "asked_the_package": True}
    assert "2026" in json.loads(cache.read_text(encoding="utf-8"))["years"]  # and kept anew
    assert _calendar_of_2026(tmp_path)["asked_the_package"] is False


def test_a_damaged_year_in_the_calendar_cache_is_computed_again(tmp_path: Path) -> None:
    _calendar_of_2026(tmp_path)
    cache = tmp_path / "roadmap" / "kazakhstan-calendar.json"
    kept = json.loads(cache.read_text(encoding="utf-8"))
    kept["years"]["2026"]["days_off"] = ["not a date"]
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert _calendar_of_2026(tmp_path) == {"off": _official_days_off_2026(), "asked_the_package": True}


def test_a_calendar_cache_that_cannot_be_written_is_not_kept(tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("", encoding="utf-8")
    for _run in range(2):
        assert _calendar_of_2026(not_a_directory) == {
            "off": _official_days_off_2026(),
            "asked_the_package": True,
        }
    assert not_a_directory.read_text(encoding="utf-8") == ""
