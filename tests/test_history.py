"""`roadmap history` on real git repositories: every change over the file's history, with who, when
(in the roadmap's zone) and on what basis; renames followed, the main line of merges, a move without
a record marked, invalid revisions skipped, a shallow clone refused."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.helpers import roadmap, task
from tests.test_at import HISTORY
from tests.test_diff import Repo

QUIET = roadmap(
    task("T-1", "2026-03-31", "done", completed="2026-03-05"),
    task("T-2", "2026-04-30", "done", completed="2026-04-29"),
    task("T-3", "2026-08-31", department="energy"),
)


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repository = Repo(tmp_path / "repo")
    for when, tasks in HISTORY:
        repository.commit(roadmap(*tasks), f"as of {when[:10]}", date=when)
    return repository


def changes(run: Run, path: Path, *args: str, env: dict[str, str] | None = None) -> list[dict[str, Any]]:
    result = run("history", "--file", str(path), "--format", "json", *args, env=env)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)["changes"]
    return found


def test_every_change_with_its_commit_and_a_move_without_a_record_marked(run: Run, repo: Repo) -> None:
    repo.commit(QUIET, "quiet move", date="2026-06-01T10:00:00+05:00")
    found = changes(run, repo.root / "roadmap.yaml")
    summary = [(each["date"][:10], each["task"], each["kind"], each["unrecorded"]) for each in found]
    assert summary == [
        ("2026-02-01", "T-1", "added", False),
        ("2026-02-01", "T-2", "added", False),
        ("2026-03-10", "T-1", "status", False),
        ("2026-03-10", "T-2", "deadline-later", False),
        ("2026-05-02", "T-2", "status", False),
        ("2026-05-02", "T-3", "added", False),  # added late: from its own first commit
        ("2026-06-01", "T-3", "deadline-later", True),
        ("2026-06-01", "T-3", "reassigned", False),
    ]
    moved = found[3]
    assert moved["basis"] == {"from": "2026-02-20", "to": "2026-04-30", "reason": "R", "decision": "D"}
    assert moved["author"] == "Staff" and moved["subject"] == "as of 2026-03-10" and moved["days"] == 69
    text = run("history", "--file", str(repo.root / "roadmap.yaml"), "--lang", "ru", "T-3")
    lines = text.stdout.splitlines()
    assert lines[-2].endswith(
        "T-3: срок перенесён позже: 30.06.2026 -> 31.08.2026 (+62 дня); без записи о переносе"
    )
    assert all("T-3" in line for line in lines[1:])


def test_a_rename_is_followed_and_the_main_line_of_a_merge_is_the_history(run: Run, repo: Repo) -> None:
    repo.git("mv", "roadmap.yaml", "plan.yaml")
    repo.git("commit", "-q", "-m", "rename", date="2026-05-03T12:00:00+05:00")
    repo.git("checkout", "-q", "-b", "work")
    (repo.root / "plan.yaml").write_text(QUIET, encoding="utf-8")
    repo.git("commit", "-q", "-am", "on a branch", date="2026-05-20T12:00:00+05:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "merge the work", "work", date="2026-06-02T12:00:00+05:00")
    found = changes(run, repo.root / "plan.yaml")
    assert found[0]["task"] == "T-1" and found[0]["kind"] == "added"  # from before the rename
    moves = [each for each in found if each["task"] == "T-3" and each["kind"] == "deadline-later"]
    assert [each["subject"] for each in moves] == ["merge the work"]  # the merge is the step on main


def test_filters_and_the_roadmaps_zone_whatever_the_machines(run: Run, repo: Repo) -> None:
    repo.commit(QUIET, "late at night", date="2026-05-31T21:30:00+00:00")  # 02:30 on 1 June in Aktobe
    path = repo.root / "roadmap.yaml"
    for zone in ("UTC", "America/New_York"):
        june = changes(run, path, "--since", "2026-06-01", env={"TZ": zone})
        assert {each["task"] for each in june} == {"T-3"} and june[0]["date"].startswith("2026-06-01T02:30")
    assert changes(run, path, "--until", "2026-02-28") == changes(run, path, "--until", "2026-03-09")
    roads = changes(run, path, "--department", "roads")
    assert {each["task"] for each in roads} == {"T-3"}
    unknown = run("history", "--file", str(path), "--department", "nobody")
    assert unknown.exit_code == 2
    markdown = run("history", "--file", str(path), "-f", "markdown", "--lang", "en")
    assert "| When | Commit | Author | Change | Basis |" in markdown.stdout
    refused = run("history", "--file", str(path), "-f", "junit")
    assert refused.exit_code == 2 and not refused.stdout


def test_an_invalid_revision_is_skipped_and_said_and_a_shallow_clone_refused(
    run: Run, repo: Repo, tmp_path: Path
) -> None:
    repo.commit("tasks: [oops\n", "broken", date="2026-05-10T12:00:00+05:00")
    repo.commit(QUIET, "fixed", date="2026-05-11T12:00:00+05:00")
    result = run("history", "--file", str(repo.root / "roadmap.yaml"), "--lang", "en")
    assert result.exit_code == 0
    assert "the file was invalid: that revision is skipped" in result.stdout
    assert "T-3 deadline moved later: 2026-06-30 -> 2026-08-31" in result.stdout  # across the broken one
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)], check=True)
    cut = run("history", "--file", str(shallow / "roadmap.yaml"), "--lang", "en")
    assert cut.exit_code == 2 and "this clone is shallow" in cut.stderr
    hostile = run("history", "--file", str(repo.root / "roadmap.yaml"), "--", "--output=x")
    assert hostile.exit_code == 2


# ---- the cache ---------------------------------------------------------------------------------


def _cli_history(repo: Repo) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "roadmap_cli",
        "history",
        "--file",
        str(repo.root / "roadmap.yaml"),
        "-f",
        "json",
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_the_cache_lives_in_the_git_directory_and_gives_the_same_answer(run: Run, repo: Repo) -> None:
    repo.commit(QUIET, "quiet move", date="2026-06-01T10:00:00+05:00")
    path = repo.root / "roadmap.yaml"
    cold = changes(run, path)
    database = repo.root / ".git" / "roadmap-history.sqlite3"
    assert database.exists() and repo.git("status", "--porcelain") == ""  # nothing in the work tree
    assert changes(run, path) == cold  # warm: every pair from the cache
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM pairs").fetchone()[0] == 4  # one a revision


def test_a_corrupt_or_older_cache_is_rebuilt_and_two_runs_at_once_agree(run: Run, repo: Repo) -> None:
    path = repo.root / "roadmap.yaml"
    expected = changes(run, path)
    database = repo.root / ".git" / "roadmap-history.sqlite3"
    database.write_bytes(b"this is not a database" * 100)
    assert changes(run, path) == expected
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE meta SET value = '0/older' WHERE key = 'schema'")
        connection.execute('UPDATE pairs SET steps = \'[{"kind": "added"}]\'')  # what an old version wrote
    assert changes(run, path) == expected
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] != "0/older"
        connection.execute("UPDATE pairs SET steps = 'not json'")  # damaged entries of this version
    assert changes(run, path) == expected
    database.unlink()
    processes = [_cli_history(repo) for _ in range(3)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert all(process.returncode == 0 for process in processes), [err for _out, err in outputs]
    assert all(json.loads(out)["changes"] == expected for out, _err in outputs)


def test_slippage_against_each_tasks_first_commit_or_a_baseline_revision(run: Run, repo: Repo) -> None:
    repo.git("tag", "approved", "HEAD~1")  # the roadmap of 10 March: T-2 already moved
    repo.commit(QUIET, "quiet move", date="2026-06-01T10:00:00+05:00")
    path = str(repo.root / "roadmap.yaml")
    own = run("history", "--file", path, "--slippage", "-f", "json")
    assert own.exit_code == 0, own.stderr
    tasks = {row["task"]: row for row in json.loads(own.stdout)["tasks"]}
    assert (tasks["T-2"]["baseline"], tasks["T-2"]["days"], tasks["T-2"]["unrecorded"]) == (
        "2026-02-20",
        69,
        0,
    )
    assert (tasks["T-3"]["baseline"], tasks["T-3"]["days"], tasks["T-3"]["unrecorded"]) == (
        "2026-06-30",
        62,
        1,
    )
    approved = json.loads(
        run("history", "--file", path, "--slippage", "--baseline", "approved", "-f", "json").stdout
    )
    slipped = {row["task"]: row["days"] for row in approved["tasks"]}
    assert slipped == {"T-3": 62, "T-1": 0, "T-2": 0}  # T-3 from its own first commit: not in the baseline
    assert approved["departments"] == [{"department": "energy", "tasks": 1, "days": 62}]
    text = run("history", "--file", path, "--slippage", "--lang", "en")
    assert (
        "T-3 (energy): 2026-06-30 -> 2026-08-31, +62 days, moved 1 time (1 without a record)" in text.stdout
    )
    alone = run("history", "--file", path, "--baseline", "approved")
    assert alone.exit_code == 2
