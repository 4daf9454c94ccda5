"""`roadmap history --on-time` on real git repositories: each department's record of keeping its
deadlines, month by month, with the honest denominator (the open and overdue ones count), judged
against the deadline in force when each fell due (from the history, in the roadmap's zone) and
against the baseline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from roadmap_cli.errors import ExitCode
from tests.conftest import Run
from tests.helpers import roadmap, task
from tests.test_brief import Page
from tests.test_diff import Repo

RECORD = "[{from: %s, to: %s, reason: R, decision: D}]"


def record(run: Run, path: Path, *args: str) -> dict[str, Any]:
    result = run("history", "--file", str(path), "--on-time", "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout)
    return found


def rows(found: list[dict[str, Any]]) -> list[tuple[str, str | None, int, int, int, int | None]]:
    return [
        (row["department"], row["month"], row["on_time"], row["late"], row["overdue"], row["rate"])
        for row in found
    ]


def test_the_rate_counts_what_is_still_open_and_overdue_where_the_naive_one_reads_100(
    run: Run, tmp_path: Path
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(
        roadmap(
            task("A", "2026-03-31", "done", completed="2026-03-20"),
            task("B", "2026-04-30", "done", completed="2026-04-28"),
            task("C", "2026-04-15", "in_progress"),
            task("D", "2026-05-10"),
            task("E", "2026-09-30"),  # not yet due: not counted
            task("F", "2026-04-20", "cancelled", reason="dropped by the akimat"),  # left the plan
        ),
        "approved",
        date="2026-01-15T10:00:00+05:00",
    )
    found = record(run, repo.root / "roadmap.yaml", "--until", "2026-06-01")
    [total] = [row for row in found["in_force"] if row["month"] is None]
    closed_on_time = total["on_time"] / (total["on_time"] + total["late"])
    assert closed_on_time == 1.0  # the scorecard trap: on-time closures over closures
    assert (total["fell_due"], total["on_time"], total["overdue"], total["rate"]) == (4, 2, 2, 50)
    assert rows(found["in_force"]) == [
        ("energy", "2026-03", 1, 0, 0, 100),
        ("energy", "2026-04", 1, 0, 1, 50),
        ("energy", "2026-05", 0, 0, 1, 0),
        ("energy", None, 2, 0, 2, 50),
    ]


def test_judged_against_the_deadline_in_force_when_it_fell_due_and_against_the_baseline(
    run: Run, tmp_path: Path
) -> None:
    repo = Repo(tmp_path / "repo")
    path = repo.root / "roadmap.yaml"
    repo.commit(
        roadmap(
            task("T-1", "2026-03-31"),
            task("T-2", "2026-04-30"),
            task("T-3", "2026-03-31", department="roads"),
        ),
        "approved",
        date="2026-01-10T10:00:00+05:00",
    )
    repo.git("tag", "approved")
    moved_in_time = task("T-1", "2026-06-30", postponements=RECORD % ("2026-03-31", "2026-06-30"))
    repo.commit(
        roadmap(moved_in_time, task("T-2", "2026-04-30"), task("T-3", "2026-03-31", department="roads")),
        "T-1 moved before its day",
        date="2026-03-20T10:00:00+05:00",
    )
    # 20:30 UTC on 31 March is 01:30 on 1 April in Aktobe: T-3's day had passed when it was moved.
    moved_after = task(
        "T-3", "2026-05-31", department="roads", postponements=RECORD % ("2026-03-31", "2026-05-31")
    )
    repo.commit(
        roadmap(moved_in_time, task("T-2", "2026-04-30"), moved_after),
        "T-3 moved after its day",
        date="2026-03-31T20:30:00+00:00",
    )
    repo.commit(
        roadmap(
            task(
                "T-1",
                "2026-06-30",
                "done",
                completed="2026-06-25",
                postponements=RECORD % ("2026-03-31", "2026-06-30"),
            ),
            task(
                "T-2",
                "2026-07-31",
                "done",
                completed="2026-07-20",
                postponements=RECORD % ("2026-04-30", "2026-07-31"),
            ),
            task(
                "T-3",
                "2026-05-31",
                "done",
                department="roads",
                completed="2026-05-20",
                postponements=RECORD % ("2026-03-31", "2026-05-31"),
            ),
        ),
        "done, T-2 moved long after its day",
        date="2026-07-25T10:00:00+05:00",
    )
    found = record(run, path, "--until", "2026-08-01")
    assert rows(found["in_force"]) == [
        ("energy", "2026-04", 0, 1, 0, 0),  # T-2: its 30 April passed while in force
        ("energy", "2026-06", 1, 0, 0, 100),  # T-1: moved before its day, met the new one
        ("energy", None, 1, 1, 0, 50),
        ("roads", "2026-03", 0, 1, 0, 0),  # T-3: moved on 1 April in the roadmap's zone, too late
        ("roads", None, 0, 1, 0, 0),
    ]
    assert rows(found["against_baseline"]) == [
        ("energy", "2026-03", 0, 1, 0, 0),
        ("energy", "2026-04", 0, 1, 0, 0),
        ("energy", None, 0, 2, 0, 0),
        ("roads", "2026-03", 0, 1, 0, 0),
        ("roads", None, 0, 1, 0, 0),
    ]
    # The same answer wherever the machine's clock is set, and from a baseline tag.
    assert (
        record(run, path, "--until", "2026-08-01", "--baseline", "approved")["in_force"] == found["in_force"]
    )
    one = record(run, path, "--until", "2026-08-01", "--department", "roads", "--since", "2026-03-01")
    assert [row["department"] for row in one["in_force"]] == ["roads", "roads"]
    only = record(run, path, "--until", "2026-08-01", "T-1")
    assert rows(only["in_force"]) == [("energy", "2026-06", 1, 0, 0, 100), ("energy", None, 1, 0, 0, 100)]


def test_a_move_recorded_before_the_roadmap_was_in_git_is_the_baseline(run: Run, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(
        roadmap(
            task(
                "T-1",
                "2026-03-31",
                "done",
                completed="2026-03-25",
                postponements=RECORD % ("2026-02-28", "2026-03-31"),
            )
        ),
        "first commit, with an older move on record",
        date="2026-02-10T10:00:00+05:00",
    )
    found = record(run, repo.root / "roadmap.yaml", "--until", "2026-04-01")
    assert rows(found["in_force"]) == [("energy", "2026-03", 1, 0, 0, 100), ("energy", None, 1, 0, 0, 100)]
    assert rows(found["against_baseline"]) == [
        ("energy", "2026-02", 0, 1, 0, 0),
        ("energy", None, 0, 1, 0, 0),
    ]


def test_the_record_in_words_in_kazakh_russian_and_markdown(run: Run, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(
        roadmap(task("A", "2026-03-31", "done", completed="2026-03-20"), task("C", "2026-04-15")),
        "approved",
        date="2026-01-15T10:00:00+05:00",
    )
    path = str(repo.root / "roadmap.yaml")
    russian = run("history", "--file", path, "--on-time", "--until", "2026-06-01", "--lang", "ru").stdout
    assert "Управление энергетики" in russian
    april = "04.2026: наступило сроков: 1; исполнено в срок: 0, с нарушением срока: 0, не исполнено и"
    assert f"{april} просрочено: 1" in russian
    assert "всего: наступило сроков: 2" in russian and "в срок 50 %" in russian
    kazakh = run("history", "--file", path, "--on-time", "--until", "2026-06-01", "--lang", "kk").stdout
    assert "Энергетика басқармасы" in kazakh and "мерзімінде 50 %" in kazakh
    markdown = run("history", "--file", path, "--on-time", "--until", "2026-06-01", "-f", "markdown").stdout
    # In English, a name written in Kazakh and Russian only is shown with its language.
    assert "| Управление энергетики (ru) | **in all** | 2 | 1 | 0 | 1 | 50% |" in markdown


def test_two_views_at_once_or_a_baseline_alone_are_refused(run: Run, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(roadmap(task("A", "2026-03-31")), "approved", date="2026-01-15T10:00:00+05:00")
    path = str(repo.root / "roadmap.yaml")
    both = run("history", "--file", path, "--on-time", "--slippage")
    assert both.exit_code == ExitCode.USAGE and "choose one" in both.stderr
    alone = run("history", "--file", path, "--baseline", "approved")
    assert alone.exit_code == ExitCode.USAGE and "--on-time" in alone.stderr


def test_the_brief_draws_the_slippage_the_on_time_record_and_the_burn_up_from_history(
    run: Run, tmp_path: Path
) -> None:
    repo = Repo(tmp_path / "repo")
    repo.commit(
        roadmap(task("A", "2026-03-31", "done", completed="2026-03-20"), task("C", "2026-04-15")),
        "approved",
        date="2026-01-15T10:00:00+05:00",
    )
    hostile = "<script>alert(1)</script>"
    repo.commit(
        roadmap(
            task("A", "2026-03-31", "done", completed="2026-03-20", title=repr(hostile)),
            task("C", "2026-06-15", department="roads"),  # moved quietly after its day
        ),
        "quiet move",
        date="2026-05-01T10:00:00+05:00",
    )
    output = tmp_path / "brief.html"
    path = str(repo.root / "roadmap.yaml")
    result = run(
        "report",
        path,
        "--kind",
        "brief",
        "--history",
        "--as-of",
        "2026-07-01",
        "-o",
        str(output),
        "--lang",
        "ru",
    )
    assert result.exit_code == 0, result.stderr
    page = Page()
    page.feed(output.read_text(encoding="utf-8"))
    assert "script" not in page.tags and hostile in page.text
    assert "Сдвиг относительно базового плана (1)" in page.text
    assert "C Roads 15.04.2026 15.06.2026 +61 1 1" in page.text  # moved once, without a record
    assert "Соблюдение сроков по исполнителям" in page.text
    assert "Управление энергетики 1 1 0 0 100 % 100 %" in page.text
    assert "Roads 1 0 0 1 0 % 0 %" in page.text  # missed on 15 April, still open
    assert "Запланировано и исполнено по месяцам" in page.text
    assert "03.2026" in page.text and "07.2026" in page.text and "polyline" in page.tags
    without = tmp_path / "plain.html"
    assert run("report", path, "--kind", "brief", "--as-of", "2026-07-01", "-o", str(without)).exit_code == 0
    assert "polyline" not in without.read_text(encoding="utf-8")  # only when asked: it reads every revision
    for refused in (
        ["--kind", "execution", "--history", "--at", "HEAD~1"],
        ["--kind", "brief", "--history", "--at", "HEAD~1"],
    ):
        suffix = "docx" if "execution" in refused else "html"
        wrong = run("report", path, *refused, "-o", str(tmp_path / f"x.{suffix}"))
        assert wrong.exit_code == ExitCode.USAGE and "--history" in wrong.stderr
        assert not (tmp_path / f"x.{suffix}").exists()


def test_a_duty_counts_each_period_that_fell_due(run: Run, tmp_path: Path) -> None:
    from tests.helpers import duty

    repo = Repo(tmp_path / "repo")
    # Monthly, due the 10th of the next month: January on time, February late, March not reported
    # by 1 May, April not yet due (10 May).
    submitted = {"2026-01": "2026-02-09", "2026-02": "2026-03-12"}
    repo.commit(
        roadmap(task("A", "2026-03-31", "done", completed="2026-03-20"))
        + duty("M", "monthly", "2026-01-01", due_day=10, submitted=submitted, department="roads"),
        "approved",
        date="2026-01-15T10:00:00+05:00",
    )
    found = record(run, repo.root / "roadmap.yaml", "--until", "2026-05-01")
    roads = [row for row in rows(found["in_force"]) if row[0] == "roads"]
    assert roads == [
        ("roads", "2026-02", 1, 0, 0, 100),
        ("roads", "2026-03", 0, 1, 0, 0),
        ("roads", "2026-04", 0, 0, 1, 0),
        ("roads", None, 1, 1, 1, 33),
    ]
    assert [row for row in rows(found["against_baseline"]) if row[0] == "roads"] == roads
