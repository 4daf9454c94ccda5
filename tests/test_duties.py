"""Recurring duties: each period is due on its own day, and a missed one is a breach like any other."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from roadmap_cli.analysis import assess_all
from roadmap_cli.diff import ChangeKind, compare, violations
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_bytes
from roadmap_cli.model import Roadmap
from tests.conftest import Run, Write
from tests.helpers import duty, roadmap, task


def load(*tasks: str) -> Roadmap:
    loaded = load_bytes(roadmap(*tasks).encode(), "r.yaml")
    assert loaded.roadmap is not None, loaded.findings
    return loaded.roadmap


def findings(*tasks: str) -> list[str]:
    loaded = load_bytes(roadmap(*tasks).encode(), "r.yaml")
    return [
        f"{finding.position.line if finding.position else 0}: {finding.message}"
        for finding in loaded.findings
    ]


def states(plan: Roadmap, as_of: date) -> list[tuple[str | None, date, str]]:
    def state(assessment: object) -> str:
        from roadmap_cli.report.build import task_state

        return task_state(assessment)  # type: ignore[arg-type]

    return [(item.period, item.due, state(item)) for item in assess_all(plan, as_of)]


def test_monthly_periods_across_the_year_boundary_missed_late_and_on_time() -> None:
    plan = load(
        duty(
            "REP",
            "ежемесячно до 10 числа месяца, следующего за отчетным",
            "2026-10-01",
            submitted={"2026-10": "2026-11-09", "2026-11": "2026-12-14"},
        )
    )
    assert states(plan, date(2027, 2, 12)) == [
        ("2026-10", date(2026, 11, 10), "submitted"),
        ("2026-11", date(2026, 12, 10), "done-late"),  # submitted four days late
        ("2026-12", date(2027, 1, 10), "overdue"),  # December's report, due in January, never sent
        ("2027-01", date(2027, 2, 10), "overdue"),
        ("2027-02", date(2027, 3, 10), "on-track"),  # the next one, not yet due
    ]


def test_yearly_duty_by_25_january_and_quarterly_with_due_day() -> None:
    plan = load(
        duty("YEAR", "по итогам года, не позднее 25 января", "2025-01-01"),
        duty(
            "QTR",
            "quarterly",
            "2026-01-01",
            due_day=15,
            until="2026-06-30",
            submitted={"2026-Q1": "2026-04-15"},
        ),
    )
    assert states(plan, date(2026, 7, 20)) == [
        ("2025", date(2026, 1, 25), "overdue"),
        ("2026", date(2027, 1, 25), "on-track"),
        ("2026-Q1", date(2026, 4, 15), "submitted"),
        ("2026-Q2", date(2026, 7, 15), "overdue"),  # and the duty ends with Q2: no Q3
    ]


def test_a_short_month_clamps_the_due_day() -> None:
    plan = load(duty("REP", "monthly", "2026-01-01", due_day=31, until="2026-01-31"))
    assert [item.due for item in assess_all(plan, date(2026, 1, 1))] == [date(2026, 2, 28)]


def test_a_closed_duty_has_no_breaches() -> None:
    plan = load(
        duty("REP", "monthly", "2026-01-01", due_day=10, status="cancelled").replace(
            "    status: cancelled\n", "    status: cancelled\n    reason: Merged into REP-2\n"
        )
    )
    assert not any(item.is_overdue for item in assess_all(plan, date(2026, 12, 1)))


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            duty("D", "ежедневно", "2026-01-01"),
            "task D recurrence: 'ежедневно' is not a recurrence: no frequency",
        ),
        (
            duty("D", "ежемесячно до 10 числа", "2026-01-01", due_day=15),
            "task D recurrence: 'every' says day 10 but due_day is 15",
        ),
        (
            duty("D", "monthly", "2026-01-01", due_day=10, submitted={"2026-Q1": "2026-04-01"}),
            "task D: '2026-Q1' is not a monthly period: write it like 2026-01",
        ),
        (
            duty(
                "D",
                "monthly",
                "2026-03-01",
                due_day=10,
                until="2026-06-30",
                submitted={"2026-07": "2026-08-01"},
            ),
            "task D: period 2026-07 is outside the recurrence (starts 2026-03-01, until 2026-06-30)",
        ),
        (
            duty(
                "D",
                "monthly",
                "2026-01-01",
                due_day=10,
                submitted={"2026-01": "2026-02-01", "2026-1": "2026-02-02"},
            ),
            "task D: '2026-1' is not a monthly period: write it like 2026-01",
        ),
        (
            task("D", "2026-01-01") + "    recurrence: {every: monthly, due_day: 10, starts: 2026-01-01}\n",
            "task D: has both a deadline and a recurrence; keep one",
        ),
        (
            task("D", "2026-01-01") + "    submissions: [{period: 2026-01, on: 2026-02-01}]\n",
            "task D: submissions are for recurring duties; this task has a single deadline",
        ),
        (
            "  - id: D\n    title: No date\n    department: energy\n",
            "task D: add a deadline (or a recurrence, for a recurring duty)",
        ),
    ],
)
def test_a_wrong_duty_is_refused_with_its_position(entry: str, message: str) -> None:
    found = findings(entry)
    assert len(found) == 1, found
    assert found[0].split(": ", 1)[1].startswith(message)
    assert not found[0].startswith("0:")  # every one has a line


def test_submitted_twice_is_an_error() -> None:
    found = findings(
        duty("D", "monthly", "2026-01-01", due_day=10).rstrip("\n")
        + "\n    submissions:\n"
        + "      - {period: 2026-01, on: 2026-02-01}\n"
        + "      - {period: 2026-01, on: 2026-02-03}\n"
    )
    assert [line.split(": ", 1)[1] for line in found] == [
        "task D: period 2026-01 is submitted twice (first in submission 1)"
    ]


def test_check_fails_on_a_missed_period_and_points_at_the_duty(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2027-01-01"), duty("REP", "monthly", "2026-01-01", due_day=10)))
    result = run("check", str(path), "--as-of", "2026-02-11")
    assert result.exit_code == ExitCode.BREACHES
    assert result.stdout == f"{path}:16:5: REP (energy) was due 2026-02-10 (period 2026-01), 1 day overdue\n"


def test_status_lists_each_missed_period(run: Run, write: Write) -> None:
    path = write(roadmap(duty("REP", "monthly", "2026-01-01", due_day=10)))
    result = run("status", str(path), "--as-of", "2026-04-20", "--format", "json")
    import json

    document = json.loads(result.stdout)
    assert [(item["id"], item["period"], item["effective_deadline"]) for item in document["overdue"]] == [
        ("REP", "2026-01", "2026-02-10"),
        ("REP", "2026-02", "2026-03-10"),
        ("REP", "2026-03", "2026-04-10"),
    ]
    assert document["departments"][0]["overdue"] == 1  # one task, three missed periods


def test_diff_reports_submissions_and_refuses_quietly_moving_a_missed_period() -> None:
    base = load(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-01": "2026-02-09"}))
    head = load(
        duty(
            "REP",
            "monthly",
            "2026-01-01",
            due_day=25,
            submitted={"2026-01": "2026-02-09", "2026-03": "2026-04-08"},
        )
    )
    assert [(change.kind, change.old, change.new) for change in compare(base, head)] == [
        (ChangeKind.SCHEDULE, "monthly by day 10 from 2026-01-01", "monthly by day 25 from 2026-01-01"),
        (ChangeKind.SUBMITTED, "2026-03", date(2026, 4, 8)),
    ]
    found = violations(base, head, date(2026, 4, 20), lambda where: None)
    assert [(item.code, item.message) for item in found] == [
        (
            "duty-period-moved",
            "REP: period 2026-02 was due 2026-03-10 and not submitted, and is now due 2026-03-25; "
            "a missed period stays missed until it is submitted",
        )
    ]


def test_diff_refuses_removing_a_submission_and_submitting_in_the_future() -> None:
    base = load(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-01": "2026-02-09"}))
    head = load(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-02": "2026-05-01"}))
    rules = [item.code for item in violations(base, head, date(2026, 3, 1), lambda where: None)]
    assert rules == ["submission-changed", "submitted-in-future"]


def test_the_sample_has_a_duty_with_a_missed_october(run: Run) -> None:
    sample = Path(__file__).parent.parent / "data" / "roadmap.yaml"
    result = run("check", str(sample), "--as-of", "2026-11-26")
    assert "SEZ-035 (entrepreneurship) was due 2026-11-10 (period 2026-10), 16 days overdue" in result.stdout


REPORTING = roadmap(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-01": "2026-02-09"}))


def test_done_on_a_running_duty_is_refused_and_says_how_to_report(run: Run, write: Write) -> None:
    # Done would make every missed period vanish from check, and the department's percentage rise.
    path = write(REPORTING)
    result = run("done", "REP", "--on", "2026-04-01", "--file", str(path))
    assert result.exit_code == ExitCode.USAGE
    assert "report each period with `roadmap submit REP --period 2026-02`" in result.stderr
    assert path.read_text(encoding="utf-8") == REPORTING


def test_submit_appends_a_record_byte_for_byte_and_check_stops_counting_the_period(
    run: Run, write: Write
) -> None:
    path = write(REPORTING)
    before = run("check", str(path), "--as-of", "2026-03-20").stdout
    assert "period 2026-02" in before
    result = run("submit", "REP", "--period", "2026-02", "--on", "2026-03-15", "--file", str(path))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout.rstrip().endswith("REP: submissions: + period: 2026-02, on: 2026-03-15")
    assert path.read_text(encoding="utf-8") == REPORTING.replace(
        "      - {period: '2026-01', on: 2026-02-09}\n",
        "      - {period: '2026-01', on: 2026-02-09}\n      - {period: 2026-02, on: 2026-03-15}\n",
    )
    assert "period 2026-02" not in run("check", str(path), "--as-of", "2026-03-20").stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["REP", "--period", "2026-01"], "period 2026-01 of task REP is already reported (2026-02-09)"),
        (["REP", "--period", "2025-12"], "2025-12 is not a period of task REP"),
        (["REP", "--period", "2026-Q1"], "'2026-Q1' is not a monthly period"),
        (["REP", "--period", "2026-02", "--on", "2099-01-01"], "is after today"),
        (["T-1", "--period", "2026-01"], "task T-1 is not a recurring duty: mark it with `roadmap done`"),
    ],
)
def test_submit_refuses_what_is_not_a_new_period(
    run: Run, write: Write, args: list[str], message: str
) -> None:
    text = REPORTING + task("T-1", "2026-03-01")
    path = write(text)
    result = run("submit", *args, "--file", str(path))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert message in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_diff_check_flags_a_duty_marked_done_with_periods_unreported() -> None:
    base = load(duty("REP", "monthly", "2026-01-01", due_day=10, submitted={"2026-01": "2026-02-09"}))
    head = load(
        duty(
            "REP",
            "monthly",
            "2026-01-01",
            due_day=10,
            until="2026-12-31",
            submitted={"2026-01": "2026-02-09"},
        ).replace("status: in_progress", "status: done\n    completed: 2026-04-01")
    )
    found = violations(base, head, date(2026, 4, 20), lambda where: None)
    assert [(item.code, item.message.split(";")[0]) for item in found] == [
        ("duty-done-unreported", "REP: marked done with period 2026-02 (due 2026-03-10) unreported"),
        ("duty-done-unreported", "REP: marked done with period 2026-03 (due 2026-04-10) unreported"),
    ]


def test_a_duty_kept_for_decades_lists_its_latest_periods_and_counts_the_older_missed_ones(
    run: Run, write: Write
) -> None:
    # 430 monthly periods since 1991: judged one by one they made check slow and its output unreadable.
    path = write(
        roadmap(duty("OLD", "monthly", "1991-01-01", due_day=10, submitted={"1991-02": "1991-03-05"}))
    )
    result = run("check", str(path), "--as-of", "2026-11-26")
    assert result.exit_code == ExitCode.BREACHES
    overdue = [line for line in result.stdout.splitlines() if "warning:" not in line]
    assert len(overdue) == 25  # the older missed periods as one, then the 24 latest due ones
    lines = overdue
    assert lines[0].endswith(
        "OLD (energy) was due 1991-02-10 (periods 1991-01…2024-10, 405 missed), 13,073 days overdue"
    )
    document = json.loads(run("check", str(path), "--as-of", "2026-11-26", "--format", "json").stdout)
    older = document["tasks"][0]
    assert (older["period"], older["periods"], older["state"]) == ("1991-01…2024-10", 405, "overdue")


def test_a_duty_with_no_due_day_is_due_by_the_end_of_its_period() -> None:
    # "ежеквартально" meetings are held within the quarter: due by its last day.
    plan = load(duty("MEET", "ежеквартально", "2026-01-01"))
    periods = [(item.period, item.due) for item in assess_all(plan, date(2026, 7, 15))]
    assert periods == [
        ("2026-Q1", date(2026, 3, 31)),
        ("2026-Q2", date(2026, 6, 30)),
        ("2026-Q3", date(2026, 9, 30)),
    ]


def test_a_file_read_twice_by_two_parsers_reports_each_task_once() -> None:
    # libyaml refuses it, the pure parser reads it again to word the error: found by the fuzz run.
    loaded = load_bytes(b"roadmap: &a0 ~\ntasks: &a1 [&a2 ~, &a3 12:30:00]", "r.yaml")
    assert loaded.roadmap is None
    assert [finding.message.split(":")[0] for finding in loaded.findings if "tasks" in finding.message] == [
        "tasks[1]",
        "tasks[2]",
    ]


def test_a_weekly_duty_is_checked_and_submitted_by_iso_week(run: Run, write: Write) -> None:
    path = write(roadmap(duty("WEEK", "еженедельно по пятницам", "2026-11-02")))
    result = run("check", str(path), "--as-of", "2026-11-16", "--format", "json")
    document = json.loads(result.stdout)
    assert result.exit_code == ExitCode.BREACHES
    overdue = [row for row in document["tasks"] if row["state"] == "overdue"]
    assert [(row["period"], row["effective_deadline"]) for row in overdue] == [
        ("2026-W45", "2026-11-06"),
        ("2026-W46", "2026-11-13"),
    ]
    submitted = run("submit", "WEEK", "--period", "2026-w45", "--on", "2026-11-06", "--file", str(path))
    assert submitted.exit_code == ExitCode.OK, submitted.stderr
    assert "+ period: 2026-W45, on: 2026-11-06" in submitted.stdout
    after = json.loads(run("check", str(path), "--as-of", "2026-11-16", "--format", "json").stdout)
    assert [row["period"] for row in after["tasks"] if row["state"] == "overdue"] == ["2026-W46"]
    refused = run("submit", "WEEK", "--period", "2026-W54", "--file", str(path))
    assert refused.exit_code == ExitCode.USAGE
    assert "'2026-W54' is not a week: write it like 2026-W02 (ISO week)" in refused.stderr


def test_a_yearly_duty_due_on_a_named_day_of_its_own_year(run: Run, write: Write) -> None:
    path = write(roadmap(duty("PLAN", "ежегодно, до 1 апреля", "2026-01-01")))
    result = run("check", str(path), "--as-of", "2026-04-02")
    assert result.exit_code == ExitCode.BREACHES
    assert "PLAN (energy) was due 2026-04-01 (period 2026), 1 day overdue" in result.stdout
    assert run("check", str(path), "--as-of", "2026-03-31").exit_code == ExitCode.OK


def test_a_due_day_beside_named_dates_is_refused_at_its_line() -> None:
    assert findings(duty("D", "ежегодно до 1 апреля", "2026-01-01", due_day=5)) == [
        "15: task D recurrence: 'every' names its due dates or a week, so due_day 5 has no meaning: "
        "leave it out"
    ]
