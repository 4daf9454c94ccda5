"""`roadmap diff` on real git repositories: what it reports, and each rule of `--check`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from roadmap_cli.diff import ChangeKind, compare
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.load import load_bytes
from roadmap_cli.model import Roadmap
from roadmap_cli.revisions import load_pair
from roadmap_cli.source import Limits
from tests.conftest import SAMPLE, Run
from tests.helpers import roadmap, task

POSTPONED = """[{from: 2026-03-31, to: 2026-04-30, reason: Survey repeated, decision: Protocol No. 12}]"""


class Repo:
    """A real git repository in a temporary folder, with a roadmap.yaml committed on main."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.email", "staff@example.kz")
        self.git("config", "user.name", "Staff")

    def git(self, *args: str, date: str | None = None) -> str:
        environment = {**os.environ}
        if date is not None:
            environment |= {"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date}
        completed = subprocess.run(
            ["git", *args], cwd=self.root, capture_output=True, text=True, check=True, env=environment
        )
        return completed.stdout

    def write(self, text: str, name: str = "roadmap.yaml") -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, text: str, message: str = "change", date: str = "2026-04-15T10:00:00+05:00") -> None:
        self.write(text)
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, date=date)


BASE_TASKS = {
    "T-1": task("T-1", "2026-03-31"),
    "T-2": task("T-2", "2026-05-31", "done", completed="2026-05-20"),
    "T-3": task("T-3", "2026-06-30", department="roads"),
    "T-4": task("T-4", "2026-07-31", "cancelled", reason="Investor withdrew"),
}


def edited(changes: dict[str, str | None]) -> str:
    """The base roadmap with some tasks replaced (None: removed); new ids are appended."""
    tasks = {**BASE_TASKS, **changes}
    return roadmap(*(entry for entry in tasks.values() if entry is not None))


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    repository = Repo(tmp_path / "repo")
    repository.commit(edited({}), "base")
    repository.git("tag", "base")
    return repository


def diff(run: Run, repo: Repo, *args: str) -> tuple[int, str, str]:
    result = run("diff", "--base", "base", *args, cwd=repo.root)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def test_diff_of_a_file_with_itself_is_empty() -> None:
    loaded = load_bytes(SAMPLE.read_bytes(), "r.yaml")
    assert loaded.roadmap is not None
    assert compare(loaded.roadmap, loaded.roadmap) == []


def test_report_is_grouped_by_department_and_a_reopened_task_stands_out(run: Run, repo: Repo) -> None:
    repo.write(
        roadmap(
            task("T-1", "2026-03-15", title="Survey, renamed"),
            task("T-2", "2026-05-31", "in_progress"),
            task("T-3", "2026-06-30", department="energy"),
            task("T-5", "2026-12-31", department="roads"),
        )
    )
    code, stdout, stderr = diff(run, repo)
    assert code == ExitCode.OK
    assert stdout == (
        "roadmap.yaml: changes from base to the working tree\n"
        "energy\n"
        "  < T-1 deadline moved earlier: 2026-03-31 -> 2026-03-15 (-16 days)\n"
        "  ~ T-1 title: Task T-1 -> Survey, renamed\n"
        "  ! T-2 REOPENED: done -> in_progress\n"
        "  ~ T-3 reassigned: roads -> energy\n"
        "  - T-4 removed (was cancelled)\n"
        "roads\n"
        "  + T-5 added, due 2026-12-31\n"
    )
    assert stderr == "roadmap.yaml: 6 changes\n"


def test_check_passes_what_a_reviewer_should_only_look_at(run: Run, repo: Repo) -> None:
    repo.write(
        edited(
            {
                "T-1": task("T-1", "2026-03-15"),  # earlier
                "T-3": task("T-3", "2026-06-30", department="energy"),  # reassigned
            }
        )
    )
    code, _stdout, stderr = diff(run, repo, "--check")
    assert code == ExitCode.OK
    assert stderr == "roadmap.yaml: 2 changes, 0 policy violations\n"


def test_a_later_deadline_needs_a_postponement_record(run: Run, repo: Repo) -> None:
    repo.write(edited({"T-1": task("T-1", "2026-04-30")}))
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.BREACHES
    assert stdout.splitlines()[-1] == (
        "roadmap.yaml:14:15: T-1: deadline moved later from 2026-03-31 to 2026-04-30 (+30 days) without a "
        "postponement record (from: 2026-03-31, to: 2026-04-30, reason, decision)"
    )


def test_a_moved_deadline_is_reported_in_the_chosen_language(run: Run, repo: Repo) -> None:
    repo.write(edited({"T-1": task("T-1", "2026-04-30")}))
    code, stdout, _stderr = diff(run, repo, "--check", "--lang", "ru")
    assert code == ExitCode.BREACHES
    assert "  > T-1: срок перенесён позже: 31.03.2026 -> 30.04.2026 (+30 дней)" in stdout
    assert stdout.splitlines()[-1] == (
        "roadmap.yaml:14:15: T-1: срок перенесён позже с 31.03.2026 на 30.04.2026 (+30 дн.) без записи о "
        "переносе (from: 2026-03-31, to: 2026-04-30, reason, decision)"
    )


def test_a_later_deadline_with_its_record_passes(run: Run, repo: Repo) -> None:
    repo.write(edited({"T-1": task("T-1", "2026-04-30", postponements=POSTPONED)}))
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.OK
    assert "> T-1 deadline moved later: 2026-03-31 -> 2026-04-30 (+30 days)" in stdout


def test_postponement_history_is_append_only(run: Run, repo: Repo) -> None:
    repo.commit(edited({"T-1": task("T-1", "2026-04-30", postponements=POSTPONED)}))
    repo.git("tag", "-f", "base")
    repo.write(
        edited({"T-1": task("T-1", "2026-04-30", postponements=POSTPONED.replace("No. 12", "No. 13"))})
    )
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.BREACHES
    assert stdout.splitlines()[-1] == (
        "roadmap.yaml:16:21: T-1: postponement 1 (2026-03-31 -> 2026-04-30) was edited; "
        "postponement history is append-only"
    )
    repo.write(edited({}))
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.BREACHES
    assert "T-1: postponement 1 (2026-03-31 -> 2026-04-30) was removed" in stdout


def test_removing_a_task_that_was_not_cancelled_fails(run: Run, repo: Repo) -> None:
    repo.write(edited({"T-3": None, "T-4": None}))
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.BREACHES
    violations = [line for line in stdout.splitlines() if re.match(r"roadmap\.yaml:\d", line)]
    assert violations == [
        "roadmap.yaml:10:1: T-3 was removed while planned; cancel it with a reason first, "
        "and remove it in a later change"
    ]  # T-4 was cancelled first, so removing it is fine


def test_cancelling_needs_a_reason(run: Run, repo: Repo) -> None:
    repo.write(edited({"T-1": task("T-1", "2026-03-31", "cancelled")}))
    code, stdout, _stderr = diff(run, repo, "--check")
    assert code == ExitCode.BREACHES
    assert stdout.splitlines()[-1] == "roadmap.yaml:15:13: T-1 is cancelled without a reason: add reason: ..."
    repo.write(edited({"T-1": task("T-1", "2026-03-31", "cancelled", reason="Merged into T-3")}))
    assert diff(run, repo, "--check")[0] == ExitCode.OK


def test_done_on_a_date_after_the_head_commit_fails(run: Run, repo: Repo) -> None:
    repo.git("checkout", "-q", "-b", "feature")
    repo.commit(
        edited({"T-1": task("T-1", "2026-03-31", "done", completed="2026-04-20")}),
        date="2026-04-15T23:30:00+05:00",
    )
    code, stdout, _stderr = diff(run, repo, "--check", "--head", "feature")
    assert code == ExitCode.BREACHES
    assert stdout.splitlines()[-1] == (
        "roadmap.yaml:16:16: T-1 is marked done on 2026-04-20, after the date of this change (2026-04-15)"
    )
    # The commit's day is judged in the roadmap's zone: 19:30 UTC is already the 16th in Aktobe.
    repo.commit(
        edited({"T-1": task("T-1", "2026-03-31", "done", completed="2026-04-16")}),
        date="2026-04-15T19:30:00+00:00",
    )
    assert diff(run, repo, "--check", "--head", "feature")[0] == ExitCode.OK


def test_a_renamed_file_is_followed_to_its_old_path(run: Run, repo: Repo) -> None:
    (repo.root / "data").mkdir()
    repo.git("mv", "roadmap.yaml", "data/roadmap.yaml")
    code, stdout, stderr = diff(run, repo)
    assert code == ExitCode.OK
    assert stdout == "data/roadmap.yaml: changes from base to the working tree\n"
    assert stderr == "data/roadmap.yaml: 0 changes\n"


def test_a_file_that_did_not_exist_at_base_counts_as_all_added(run: Run, repo: Repo) -> None:
    repo.write(roadmap(task("N-1", "2026-12-31")), "other/plan.yaml")
    result = run("diff", "other/plan.yaml", "--base", "base", "--check", cwd=repo.root)
    assert result.exit_code == ExitCode.OK
    assert "other/plan.yaml: did not exist at base; every task counts as added" in result.stderr
    assert "  + N-1 added, due 2026-12-31" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "--output=/tmp/owned"], "roadmap: --base: '--output=/tmp/owned' is not a git revision"),
        (["--base", "no-such-branch"], "roadmap: --base: unknown revision 'no-such-branch'"),
        (["--base", "base..HEAD"], "roadmap: --base: unknown revision 'base..HEAD'"),
        (["--base", "base", "--head", "-x"], "roadmap: --head: '-x' is not a git revision"),
        (["--base", "HEAD:../../etc/passwd"], "roadmap: --base: unknown revision 'HEAD:../../etc/passwd'"),
        (
            ["--base", "base\n--output=/tmp/owned"],
            # spelled out: a newline in a value must not fake a second line of output (issue 15)
            "roadmap: --base: 'base\\x0a--output=/tmp/owned' is not a git revision",
        ),
    ],
)
def test_hostile_or_unknown_revisions_are_usage_errors(
    run: Run, repo: Repo, args: list[str], message: str
) -> None:
    result = run("diff", *args, cwd=repo.root)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == message + "\n"
    assert not Path("/tmp/owned").exists()


def test_a_path_outside_the_repository_is_refused(run: Run, repo: Repo, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(roadmap(task("X", "2026-01-01")), encoding="utf-8")
    result = run("diff", str(outside), "--base", "base", cwd=repo.root)
    assert result.exit_code in (ExitCode.USAGE, ExitCode.INVALID)
    assert "not inside a git repository" in result.stderr or "outside the git repository" in result.stderr


def test_an_invalid_head_is_reported_with_positions_and_exit_3(run: Run, repo: Repo) -> None:
    repo.write(roadmap(task("T-1", "31/03/2026")))
    code, stdout, stderr = diff(run, repo, "--check")
    assert code == ExitCode.INVALID
    assert stdout == ""
    assert stderr.startswith(
        "roadmap.yaml:14:15: task T-1 deadline: '31/03/2026' is not a deadline: 31/03/2026 is ambiguous"
    )


def changes_between(base: str, head: str) -> list[tuple[ChangeKind, str]]:
    loaded = [load_bytes(text.encode(), "r.yaml").roadmap for text in (base, head)]
    assert all(isinstance(item, Roadmap) for item in loaded)
    before, after = loaded
    assert after is not None
    return [(change.kind, change.task_id) for change in compare(before, after)]


def test_compare_lists_deadline_and_status_changes() -> None:
    base = roadmap(task("A", "2026-01-31"), task("B", "2026-02-28", "done", completed="2026-02-01"))
    head = roadmap(task("A", "2026-03-31", "blocked", reason="Waiting"), task("B", "2026-02-28", "planned"))
    assert changes_between(base, head) == [
        (ChangeKind.DEADLINE_LATER, "A"),
        (ChangeKind.STATUS, "A"),
        (ChangeKind.REOPENED, "B"),
    ]


def test_done_without_a_completed_date_is_refused_as_an_invalid_roadmap(run: Run, repo: Repo) -> None:
    # The file format itself requires `completed` for a done task, so the head is invalid (exit 3)
    # before any policy is judged; the message points at the status.
    repo.write(edited({"T-1": task("T-1", "2026-03-31", "done")}))
    code, stdout, stderr = diff(run, repo, "--check")
    assert code == ExitCode.INVALID
    assert stdout == ""
    assert stderr.splitlines()[0] == (
        "roadmap.yaml:15:13: task T-1: status is done but 'completed' is missing; add completed: YYYY-MM-DD"
    )


def test_without_git_the_message_says_so(run: Run, repo: Repo, tmp_path: Path) -> None:
    empty = tmp_path / "no-git-here"
    empty.mkdir()
    result = run("diff", "--base", "base", cwd=repo.root, env={"PATH": str(empty)})
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == "roadmap: git is not installed (or not on PATH); roadmap diff needs it\n"


def test_a_shallow_clone_says_to_fetch_the_history(run: Run, repo: Repo, tmp_path: Path) -> None:
    repo.commit(edited({"T-1": task("T-1", "2026-03-31", title="Renamed")}), "second")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(shallow)],
        check=True,
        capture_output=True,
    )
    result = run("diff", "--base", "HEAD~1", cwd=shallow)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == (
        "roadmap: --base: unknown revision 'HEAD~1' (this clone is shallow: fetch the history, "
        "e.g. fetch-depth: 0 in actions/checkout)\n"
    )


def test_a_file_over_the_size_limit_at_a_revision_is_refused(repo: Repo) -> None:
    # git is asked for the size first, so that a huge file in the history is not read at all.
    padding = "".join(f"# {'x' * 97}\n" for _ in range(12_000))
    repo.commit(roadmap(*BASE_TASKS.values()) + padding, "a large base")
    repo.commit(roadmap(*BASE_TASKS.values()), "back to small")
    path = repo.root / "roadmap.yaml"
    one_mebibyte = Limits(max_bytes=1024 * 1024)
    with pytest.raises(RoadmapError) as caught:
        load_pair(path, "roadmap.yaml", "HEAD~1", "HEAD", one_mebibyte)
    assert str(caught.value) == "HEAD~1:roadmap.yaml: the file is larger than the limit of 1 MiB"
    pair = load_pair(path, "roadmap.yaml", "HEAD", None, one_mebibyte)
    assert pair.base is not None and pair.base.roadmap is not None
