"""Each command through the CLI: what a user sees and the exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import EXAMPLES, REPO, SAMPLE, Run
from tests.helpers import dedent, roadmap, task

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))
Write = Callable[..., Path]


@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
@pytest.mark.parametrize("command", ["validate", "status", "check"])
def test_an_invalid_file_exits_3_with_its_messages_on_stderr_and_stays_untouched(
    run: Run, path: Path, command: str
) -> None:
    before = path.read_bytes()
    result = run(command, str(path))
    assert result.exit_code == ExitCode.INVALID
    assert result.stdout == ""
    expected = path.with_suffix(".expected").read_text(encoding="utf-8").replace(path.name, str(path))
    assert result.stderr.startswith(expected)
    assert result.stderr.splitlines()[-1].startswith(f"{path}: invalid: ")
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_validate_accepts_the_sample(run: Run) -> None:
    result = run("validate", str(SAMPLE))
    assert result.exit_code == ExitCode.OK
    assert result.stdout == ""
    assert result.stderr == f"{SAMPLE}: valid: 37 tasks in 8 departments\n"


def test_validate_prints_warnings_but_exits_0(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-06-30"), task("T-2", "2026-05-31", depends_on="[T-1]")))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.OK
    assert result.stdout == (
        f"{path}:21:18: warning: task T-2 is due 2026-05-31, before T-1 that it depends on (due 2026-06-30)\n"
    )
    assert result.stderr == f"{path}: valid: 2 tasks in 2 departments, 1 warning\n"


def test_check_lists_overdue_tasks_at_their_position_and_exits_1(run: Run, write: Write) -> None:
    path = write(
        roadmap(
            task("T-1", "2026-03-31", "done", completed="2026-03-30"),
            task("T-2", "2026-03-31", "in_progress"),
            task("T-3", "2026-04-05", department="roads"),
            task("T-4", "2026-03-01", "blocked", department="roads"),
        )
    )
    result = run("check", str(path), "--as-of", "2026-04-12", "--warn-days", "3")
    assert result.exit_code == ExitCode.BREACHES
    assert result.stdout == dedent(f"""
        {path}:27:5: T-4 (roads) was due 2026-03-01, 42 days overdue
        {path}:17:5: T-2 (energy) was due 2026-03-31, 12 days overdue
        {path}:22:5: T-3 (roads) was due 2026-04-05, 7 days overdue
        """)
    assert result.stderr == (
        f"{path}: 3 deadlines overdue, 0 due within 3 days (as of 2026-04-12, Asia/Aqtobe; 4 tasks checked)\n"
    )


def test_check_warns_about_tasks_due_soon_and_exits_0(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-04-01"), task("T-2", "2026-04-03"), task("T-3", "2026-05-01")))
    result = run("check", str(path), "--as-of", "2026-04-01")
    assert result.exit_code == ExitCode.OK
    assert result.stdout == dedent(f"""
        {path}:11:5: warning: T-1 (energy) is due 2026-04-01, today
        {path}:16:5: warning: T-2 (energy) is due 2026-04-03, in 2 days
        """)
    assert "no task overdue, 2 due within 14 days" in result.stderr


def test_check_counts_are_written_with_grouped_thousands(run: Run, write: Write) -> None:
    path = write(roadmap(*(task(f"T-{number}", "2026-04-03") for number in range(1_200))))
    result = run("check", str(path), "--as-of", "2026-04-01", "--format", "json")
    assert "no task overdue, 1,200 due within 14 days" in result.stderr
    assert "1,200 tasks checked" in result.stderr
    russian = run("check", str(path), "--as-of", "2026-04-01", "--format", "json", "--lang", "ru")
    assert "срок в ближайшие 14 дней: 1\u00a0200" in russian.stderr


def test_status_at_80_columns_exact_text(run: Run, write: Write) -> None:
    path = write(
        roadmap(
            task("T-1", "2026-03-31", "done", completed="2026-04-02"),
            task("T-2", "2026-03-31", "in_progress", title='"[red]not markup[/red] \\e]0;title"'),
            task("T-3", "2026-04-20"),
            task("T-4", "2026-09-30", department="roads"),
        )
    )
    result = run("status", str(path), "--as-of", "2026-04-12")
    assert result.exit_code == ExitCode.OK  # a view, not a gate: `check` fails on overdue work
    # Compared line by line without the padding rich adds to fill the width.
    shown = [line.rstrip() for line in result.stdout.splitlines()]
    assert shown == (EXAMPLES / "expected" / "status-80.txt").read_text(encoding="utf-8").splitlines()
    assert "\x1b" not in result.stdout


def test_status_of_the_sample_fits_80_columns_without_escape_codes(run: Run) -> None:
    result = run("status", str(SAMPLE), "--as-of", "2026-11-26")
    assert result.exit_code == ExitCode.OK
    assert "\x1b" not in result.stdout
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80
    assert "Overdue (6)" in result.stdout
    assert result.stdout.index("SEZ-009") < result.stdout.index("SEZ-011")  # worst first


def test_status_colours_only_on_a_terminal_and_never_with_no_color(write: Write) -> None:
    from rich.console import Console

    from roadmap_cli.analysis import status_report
    from roadmap_cli.load import load_roadmap
    from roadmap_cli.report.build import status_document
    from roadmap_cli.report.document import DEFAULT_ROWS
    from roadmap_cli.report.table import status_view

    loaded = load_roadmap(write(roadmap(task("T-1", "2026-03-01"))))
    assert loaded.roadmap is not None
    document = status_document(loaded, status_report(loaded.roadmap, date(2026, 4, 1)))
    view = status_view(document, 80, DEFAULT_ROWS)
    coloured = Console(force_terminal=True, width=80, color_system="standard")
    with coloured.capture() as capture:
        coloured.print(view)
    assert "\x1b[31m" in capture.get()  # overdue is red
    plain = Console(force_terminal=True, width=80, no_color=True)
    with plain.capture() as capture:
        plain.print(view)
    assert "\x1b[31m" not in capture.get()


def test_status_for_one_department(run: Run) -> None:
    result = run("status", str(SAMPLE), "--as-of", "2026-11-26", "--department", "roads")
    assert result.exit_code == ExitCode.OK
    assert " roads " in result.stdout and " energy " not in result.stdout
    assert "SEZ-009" in result.stdout  # led by roads
    assert "SEZ-011" in result.stdout  # roads co-executes it
    assert "SEZ-023" not in result.stdout


def test_status_says_so_when_nothing_is_overdue(run: Run, write: Write) -> None:
    result = run("status", str(write(roadmap(task("T-1", "2026-09-01")))), "--as-of", "2026-04-01")
    assert result.exit_code == ExitCode.OK
    assert result.stdout.rstrip().endswith("Nothing overdue.")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["status", "--as-of", "31.12.2026"], "'31.12.2026' is written day.month.year"),
        (["check", "--warn-days", "-1"], "Invalid value for --warn-days"),
        (["status", "--department", "water"], "no department 'water' in this roadmap"),
        (["frobnicate"], "No such command 'frobnicate'"),
    ],
)
def test_wrong_usage_exits_2(run: Run, args: list[str], message: str) -> None:
    result = run(*args, env={"ROADMAP_FILE": str(SAMPLE)})
    assert result.exit_code == ExitCode.USAGE
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_one_line_and_exit_3(run: Run, tmp_path: Path) -> None:
    result = run("status", str(tmp_path / "nope.yaml"))
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr == f"roadmap: {tmp_path / 'nope.yaml'}: no such file\n"


def test_an_internal_error_is_one_line_and_exit_4_unless_debugging(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import roadmap_cli.commands.status

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(roadmap_cli.commands.status, "status_report", broken)
    result = run("status", str(SAMPLE))
    assert result.exit_code == ExitCode.INTERNAL
    assert result.stderr == (
        "roadmap: internal error: RuntimeError: simulated bug (run with --debug to see where)\n"
    )
    debugging = run("--debug", "status", str(SAMPLE))
    assert isinstance(debugging.exception, RuntimeError)


def test_finds_the_roadmap_in_a_parent_directory_up_to_the_repository_root(run: Run, tmp_path: Path) -> None:
    outer = tmp_path / "roadmap.yaml"
    outer.write_text(roadmap(task("OUT", "2026-01-01")), encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "data").mkdir()
    (repo / "data" / "roadmap.yaml").write_text(roadmap(task("IN", "2026-01-01")), encoding="utf-8")
    (repo / "docs" / "deep").mkdir(parents=True)
    result = run("check", "--as-of", "2026-02-01", cwd=repo / "docs" / "deep")
    assert result.stdout.startswith("../../data/roadmap.yaml:11:5: IN (energy)")
    (repo / "data" / "roadmap.yaml").unlink()
    result = run("check", cwd=repo / "docs" / "deep")  # the roadmap outside the repository is not used
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith("roadmap: no roadmap found: looked for roadmap.yaml, roadmap.yml")


@pytest.mark.parametrize("boundary", ["none", "broken-link", "GIT_DIR"])
def test_outside_a_repository_only_this_directory_is_searched(
    run: Run, tmp_path: Path, boundary: str
) -> None:
    # Without a repository to stop at, the search would climb to / and an edit would change a roadmap
    # that is not this project's.
    (tmp_path / "roadmap.yaml").write_text(roadmap(task("OUT", "2026-01-01")), encoding="utf-8")
    here = tmp_path / "project" / "docs"
    here.mkdir(parents=True)
    env = {}
    if boundary == "broken-link":
        (tmp_path / "project" / ".git").symlink_to(tmp_path / "nowhere")
    if boundary == "GIT_DIR":
        env = {"GIT_DIR": str(tmp_path / "elsewhere.git")}
    result = run("done", "OUT", "--on", "2026-01-01", env=env, cwd=here)
    assert result.exit_code == ExitCode.INVALID
    assert result.stderr.startswith("roadmap: no roadmap found")
    assert "status: planned" in (tmp_path / "roadmap.yaml").read_text(encoding="utf-8")
    (here / "roadmap.yaml").write_text(roadmap(task("HERE", "2026-01-01")), encoding="utf-8")
    assert "HERE (energy)" in run("check", "--as-of", "2026-02-01", env=env, cwd=here).stdout


def test_roadmap_file_variable_names_the_file(run: Run, write: Write, tmp_path: Path) -> None:
    path = write(roadmap(task("ENV", "2026-01-01")), "elsewhere/plan.yaml")
    result = run("check", "--as-of", "2026-02-01", env={"ROADMAP_FILE": str(path)}, cwd=tmp_path)
    assert "ENV (energy)" in result.stdout


def test_in_this_repository_status_without_arguments_shows_the_sample(run: Run) -> None:
    result = run("status", "--as-of", "2026-11-26", cwd=REPO)
    assert "Roadmap for the development strategy of the Aktobe" in result.stdout


def test_module_entry_point_and_version() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "roadmap_cli", "--version"], capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0
    assert completed.stdout.startswith("roadmap ")


def test_a_real_process_never_prints_a_traceback_for_a_hostile_file(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("[" * 200_000, encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "roadmap_cli", "validate", str(bomb)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == ExitCode.INVALID
    assert completed.stderr == (
        f"{bomb}:1:65: nesting is deeper than the limit of 64\n{bomb}: invalid: 1 error\n"
    )


@pytest.mark.parametrize(
    ("fail_on", "as_of", "exit_code"),
    [
        ("overdue", "2026-04-05", ExitCode.BREACHES),
        ("overdue", "2026-03-30", ExitCode.OK),
        ("due-soon", "2026-03-30", ExitCode.BREACHES),
        ("due-soon", "2026-01-01", ExitCode.OK),
        ("never", "2026-04-05", ExitCode.OK),
    ],
)
def test_check_fail_on(run: Run, write: Write, fail_on: str, as_of: str, exit_code: ExitCode) -> None:
    path = write(roadmap(task("T-1", "2026-03-31")))
    result = run("check", str(path), "--as-of", as_of, "--fail-on", fail_on)
    assert result.exit_code == exit_code


def test_status_shows_the_worst_twenty_and_says_how_many_more(run: Run, write: Write) -> None:
    tasks = [task(f"T-{number:02d}", f"2026-01-{number + 1:02d}") for number in range(25)]
    path = write(roadmap(*tasks))
    shown = run("status", str(path), "--as-of", "2026-06-01")
    assert shown.exit_code == 0
    assert "Overdue (25)" in shown.stdout
    assert "T-00" in shown.stdout and "T-19" in shown.stdout  # the worst: the earliest deadlines
    assert "T-20" not in shown.stdout
    assert "... and 5 more: roadmap status --all shows every one" in shown.stdout
    every = run("status", str(path), "--as-of", "2026-06-01", "--all")
    assert all(f"T-{number:02d}" in every.stdout for number in range(25))
    assert "more: roadmap status --all" not in every.stdout


def test_the_installed_entry_point_exits_with_the_command_code_and_survives_a_closed_pipe(
    tmp_path: Path,
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(*(task(f"T-{number}", "2026-01-01") for number in range(300))), encoding="utf-8")
    command = [sys.executable, "-m", "roadmap_cli", "check", str(path), "--as-of", "2026-06-01"]
    assert subprocess.run(command, capture_output=True).returncode == 1
    head = subprocess.run(f"{' '.join(command)} | head -1", shell=True, capture_output=True, text=True)
    assert head.stdout.count("\n") == 1
    assert "Traceback" not in head.stderr


@pytest.mark.parametrize(("width", "language"), [(40, "ru"), (60, "kk")])
def test_status_below_80_columns_keeps_every_figure_beside_its_label(
    run: Run, width: int, language: str
) -> None:
    # A table squeezed below 80 columns cut its numbers to `…`: each department and each deadline
    # becomes a short block of lines instead (exact text of the sample, in a language each).
    args = ("status", str(SAMPLE), "--as-of", "2026-11-26", "--lang", language)
    result = run(*args, env={"COLUMNS": str(width)})
    shown = [line.rstrip() for line in result.stdout.splitlines()]
    expected = EXAMPLES / "expected" / f"status-{width}-{language}.txt"
    assert shown == expected.read_text(encoding="utf-8").splitlines()
    assert max(len(line) for line in shown) <= width and "…" not in result.stdout


@pytest.mark.parametrize("columns", ["0", "5", "39"])
def test_a_terminal_narrower_than_40_columns_gets_the_40_column_layout(run: Run, columns: str) -> None:
    narrow = run("status", str(SAMPLE), "--as-of", "2026-11-26", env={"COLUMNS": columns}).stdout
    assert narrow == run("status", str(SAMPLE), "--as-of", "2026-11-26", env={"COLUMNS": "40"}).stdout


@pytest.mark.parametrize("query", ["roads", "ROADS", "Roads", "  roads  "])
def test_a_department_is_found_by_id_in_any_case_or_by_name(run: Run, write: Write, query: str) -> None:
    path = write(roadmap(task("T-1", "2026-03-01", department="roads")))
    result = run("status", str(path), "--as-of", "2026-02-01", "--department", query)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert " roads " in result.stdout


def test_a_departments_view_lists_every_task_it_leads_or_co_executes_with_its_state(
    run: Run, write: Write
) -> None:
    path = write(
        roadmap(
            task("T-1", "2026-01-15", department="roads"),
            task("T-2", "2026-02-10", department="energy", co_executors="[roads]"),
            task("T-3", "2026-01-10", "done", department="roads", completed="2026-01-09"),
            task("T-4", "2026-09-30", department="roads"),
            task("T-5", "2026-09-30", department="energy"),
        )
    )
    args = ("status", str(path), "--as-of", "2026-02-01", "--department", "Управление энергетики")
    document = json.loads(run(*args, "--format", "json").stdout)
    # energy (found by its Russian name) leads T-2 and T-5
    assert [(row["id"], row["state"]) for row in document["deadlines"]] == [
        ("T-2", "due-soon"),
        ("T-5", "on-track"),
    ]
    roads = json.loads(run("status", str(path), "--as-of", "2026-02-01", "-d", "roads", "-f", "json").stdout)
    assert [(row["id"], row["state"]) for row in roads["deadlines"]] == [
        ("T-1", "overdue"),
        ("T-2", "due-soon"),
        ("T-3", "done"),
        ("T-4", "on-track"),
    ]
    shown = run("status", str(path), "--as-of", "2026-02-01", "-d", "roads", env={"COLUMNS": "100"}).stdout
    assert "Every task of Roads (4)" in shown and "on track" in shown and "done" in shown
    assert (
        json.loads(run("status", str(path), "--as-of", "2026-02-01", "-f", "json").stdout)["deadlines"]
        is None
    )
