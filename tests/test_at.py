"""`--at DATE|REV`: the roadmap as it stood then, read from its git history on real repositories, and
judged on that day; `--as-of` alone on a past day judges today's file and says so."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.helpers import roadmap, task
from tests.test_diff import Repo

# The history of a small roadmap: what it said on each day, committed at noon in Aktobe.
HISTORY = [
    ("2026-02-01T12:00:00+05:00", [task("T-1", "2026-03-31"), task("T-2", "2026-02-20")]),
    (
        "2026-03-10T12:00:00+05:00",
        [
            task("T-1", "2026-03-31", "done", completed="2026-03-05"),
            task(
                "T-2",
                "2026-04-30",
                postponements="[{from: 2026-02-20, to: 2026-04-30, reason: R, decision: D}]",
            ),
        ],
    ),
    (
        "2026-05-02T12:00:00+05:00",
        [
            task("T-1", "2026-03-31", "done", completed="2026-03-05"),
            task("T-2", "2026-04-30", "done", completed="2026-04-29"),
            task("T-3", "2026-06-30", department="roads"),
        ],
    ),
]


@pytest.fixture
def history(tmp_path: Path) -> Repo:
    repository = Repo(tmp_path / "repo")
    for when, tasks in HISTORY:
        repository.commit(roadmap(*tasks), f"as of {when[:10]}", date=when)
    return repository


def _json(run: Run, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    result = run(*args, "--format", "json", env=env)
    assert result.exit_code in (0, 1), result.stderr
    document = json.loads(result.stdout)
    document.pop("file", None)  # named after the revision or the checkout
    return document


def _tasks(document: dict[str, Any]) -> int:
    """The roadmap's task count: its total row."""
    total: int = document["departments"][-1]["tasks"]
    return total


@pytest.mark.parametrize(
    "day", ["2026-02-10", "2026-02-25", "2026-03-10", "2026-04-15", "2026-05-02", "2026-06-01"]
)
def test_status_at_a_day_equals_status_of_the_commit_of_that_day(run: Run, history: Repo, day: str) -> None:
    commits = history.git("rev-list", "--first-parent", f"--before={day}T23:59:59+05:00", "HEAD").split()
    checkout = history.root.parent / f"at-{day}.yaml"
    checkout.write_text(history.git("show", f"{commits[0]}:roadmap.yaml"), encoding="utf-8")
    path = str(history.root / "roadmap.yaml")
    assert _json(run, "status", path, "--at", day) == _json(run, "status", str(checkout), "--as-of", day)
    assert _json(run, "check", path, "--at", day) == _json(run, "check", str(checkout), "--as-of", day)


def test_a_task_done_later_is_not_done_on_an_earlier_day(run: Run, history: Repo) -> None:
    path = str(history.root / "roadmap.yaml")
    then = run("check", path, "--at", "2026-02-25", "--lang", "en")
    assert then.exit_code == 1 and "T-2" in then.stdout  # overdue on 25 February, moved only in March
    today_file = run("check", path, "--as-of", "2026-02-25", "--lang", "en")
    assert today_file.exit_code == 0  # today's file: T-2 moved and done
    assert "note: --as-of 2026-02-25 judges the file as it is now, changed since" in today_file.stderr
    assert "use --at 2026-02-25" in today_file.stderr


def test_a_revision_is_judged_on_its_own_day_and_a_rename_is_followed(run: Run, history: Repo) -> None:
    first = history.git("rev-list", "--max-parents=0", "HEAD").strip()
    history.git("mv", "roadmap.yaml", "plan.yaml")
    history.git("commit", "-q", "-m", "rename", date="2026-05-03T12:00:00+05:00")
    document = _json(run, "status", str(history.root / "plan.yaml"), "--at", first)
    assert document["as_of"] == "2026-02-01" and _tasks(document) == 2
    assert document["overdue"] == [] and document["due_soon"] == []  # T-2: 19 days left then


def test_the_day_ends_at_midnight_in_the_roadmaps_zone_whatever_the_machine_says(
    run: Run, history: Repo
) -> None:
    # 22:00 UTC on 15 May is 03:00 on 16 May in Aktobe: not yet the roadmap of the 15th there.
    history.commit(
        roadmap(*HISTORY[-1][1], task("T-9", "2026-07-01")), "late", date="2026-05-15T22:00:00+00:00"
    )
    path = str(history.root / "roadmap.yaml")
    for zone in ("UTC", "America/New_York", "Asia/Tokyo"):
        on_15th = _json(run, "status", path, "--at", "2026-05-15", env={"TZ": zone})
        on_16th = _json(run, "status", path, "--at", "2026-05-16", env={"TZ": zone})
        assert _tasks(on_15th) == 3 and _tasks(on_16th) == 4, zone


def test_bad_points_in_history_are_one_line_each(run: Run, history: Repo, tmp_path: Path) -> None:
    path = str(history.root / "roadmap.yaml")
    unknown = run("status", path, "--at", "no-such-tag", "--lang", "en")
    assert unknown.exit_code == 2 and "unknown revision" in unknown.stderr
    option_like = run("status", path, "--at", "--output=x", "--lang", "en")
    assert option_like.exit_code == 2
    before = run("status", path, "--at", "2025-01-01", "--lang", "en")
    assert before.exit_code == 3 and "no commit on or before 2025-01-01" in before.stderr
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{history.root}", str(shallow)], check=True)
    cut = run("status", str(shallow / "roadmap.yaml"), "--at", "2026-02-10", "--lang", "en")
    assert cut.exit_code == 2 and "this clone is shallow" in cut.stderr
    several = run("status", path, path, "--at", "2026-02-10", "--lang", "en")
    assert several.exit_code == 2 and "--at reads one roadmap file" in several.stderr
    outside = tmp_path / "outside.yaml"
    outside.write_text(roadmap(task("T-1", "2026-03-31")), encoding="utf-8")
    no_repo = run("status", str(outside), "--at", "2026-02-10", "--lang", "en")
    assert no_repo.exit_code == 3 and len(no_repo.stderr.strip().splitlines()) == 1


def test_the_report_at_a_day_is_the_roadmap_of_that_day(run: Run, history: Repo) -> None:
    output = history.root.parent / "report.html"
    result = run(
        "report",
        str(history.root / "roadmap.yaml"),
        "--kind",
        "brief",
        "--at",
        "2026-02-25",
        "-o",
        str(output),
    )
    assert result.exit_code == 0, result.stderr
    page = output.read_text(encoding="utf-8")
    assert "T-2" in page and "T-3" not in page  # T-3 came in May
