"""Loading a file: every invalid example gives exactly its expected messages; valid ones load."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.load import load_bytes, load_roadmap
from roadmap_cli.model import Status
from roadmap_cli.report.text import finding_line
from roadmap_cli.source import Limits
from tests.conftest import EXAMPLES, SAMPLE, Run, Write
from tests.helpers import roadmap, task

INVALID = sorted((EXAMPLES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", INVALID, ids=[path.stem for path in INVALID])
def test_invalid_example_gives_exactly_the_expected_messages(path: Path) -> None:
    loaded = load_roadmap(path, path.name)
    assert loaded.roadmap is None
    lines = [finding_line(path.name, finding) for finding in loaded.findings]
    assert lines == path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()


def test_the_minimal_example_loads_into_the_model() -> None:
    loaded = load_roadmap(EXAMPLES / "valid" / "minimal.yaml")
    assert loaded.findings == ()
    assert loaded.roadmap is not None
    first, second = loaded.roadmap.tasks
    assert first.deadline == date(2026, 3, 31)
    assert first.status is Status.DONE and first.completed == date(2026, 3, 20)
    assert first.title.choose(["ru"])[1] == "Получить технические условия"
    assert second.deadline == date(2026, 5, 31)  # written quoted
    assert second.co_executors == ("energy",) and second.depends_on == ("T-1",)
    assert second.title.choose(["kk"])[1] == "Design documents for the road"  # one text serves every language
    assert loaded.roadmap.departments_by_id["energy"].name.choose(["en", "ru"])[1] == "Управление энергетики"


def test_the_shipped_sample_is_valid_and_as_large_as_promised() -> None:
    loaded = load_roadmap(SAMPLE)
    assert loaded.findings == ()
    assert loaded.roadmap is not None
    assert len(loaded.roadmap.tasks) >= 30
    assert len(loaded.roadmap.departments) >= 7
    assert "sez-company" in loaded.roadmap.departments_by_id
    assert all({"kk", "ru"} <= dict(task.title.texts).keys() for task in loaded.roadmap.tasks)


def test_type_errors_and_reference_errors_are_reported_in_one_run() -> None:
    text = roadmap(
        task("T-1", "31/12/2026"),
        task("T-2", "2026-12-31", department="water"),
    )
    loaded = load_bytes(text.encode(), "r.yaml")
    assert [finding.code for finding in loaded.findings] == ["deadline-format", "unknown-department"]


def test_a_task_due_before_its_dependency_is_a_warning_only() -> None:
    text = roadmap(task("T-1", "2026-06-30"), task("T-2", "2026-05-31", depends_on="[T-1]"))
    loaded = load_bytes(text.encode(), "r.yaml")
    assert loaded.roadmap is not None
    [finding] = loaded.findings
    assert finding_line("r.yaml", finding) == (
        "r.yaml:21:18: warning: task T-2 is due 2026-05-31, before T-1 that it depends on (due 2026-06-30)"
    )


def test_a_file_over_the_size_limit_is_refused_before_parsing(write: Callable[..., Path]) -> None:
    path = write("a: " + "x" * 2000 + "\n")
    with pytest.raises(RoadmapError, match=r"larger than the limit of 0 MiB"):
        load_roadmap(path, limits=Limits(max_bytes=1000))


def test_a_file_over_64_megabytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024 + 1)
    with pytest.raises(RoadmapError) as caught:
        load_roadmap(path)
    assert str(caught.value) == f"{path}: the file is larger than the limit of 64 MiB"


def test_a_directory_a_missing_file_and_a_fifo_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RoadmapError, match="is a directory"):
        load_roadmap(tmp_path)
    with pytest.raises(RoadmapError, match="no such file"):
        load_roadmap(tmp_path / "absent.yaml")
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(RoadmapError, match="not a regular file"):
        load_roadmap(fifo)  # opening it would wait forever for a writer


def test_postponements_keep_the_original_deadline() -> None:
    loaded = load_roadmap(SAMPLE)
    assert loaded.roadmap is not None
    gas = loaded.roadmap.tasks_by_id["SEZ-008"]
    assert gas.deadline == date(2026, 9, 30)
    assert gas.original_deadline == date(2026, 6, 30)
    assert gas.postponements[0].decision.startswith("Протокол")


def test_a_file_with_more_problems_than_anyone_reads_lists_the_first_thousand(run: Run, write: Write) -> None:
    # A pull request can send a file with a million problems: the first ones are put into words, the
    # rest counted, so that a CI runner neither runs out of memory nor prints for minutes.
    path = write(roadmap(*(task(f"T-{number}", "2026-03-01", status="unknown") for number in range(1_500))))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.INVALID
    lines = result.stderr.splitlines()
    assert len(lines) == 1_002
    assert lines[-2] == f"{path}: ... and 500 more problems not listed: fix these first"
    assert lines[-1] == f"{path}: invalid: 1,500 errors"
    document = json.loads(run("validate", str(path), "--format", "json").stdout)
    assert len(document["files"][0]["findings"]) == 1_001
    assert document["files"][0]["findings"][-1]["code"] == "more-problems"


def test_many_warnings_leave_a_valid_file_valid(run: Run, write: Write) -> None:
    chained = [task(f"T-{n}", "2026-01-01", depends_on="[T-1200]") for n in range(1_200)]
    path = write(roadmap(*chained, task("T-1200", "2026-12-31")))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.OK
    assert "... and 200 more problems not listed" in result.stdout
    assert result.stderr.strip().endswith("1,201 tasks in 2 departments, 1,200 warnings")


def test_the_due_before_dependency_warning_stops_once_the_task_is_closed() -> None:
    # Once the task is done (or cancelled), the order of two deadlines no longer matters to anyone.
    def warnings(status: str, **extra: str) -> list[str]:
        text = roadmap(
            task("T-1", "2026-03-01", status, depends_on="[T-2]", **extra), task("T-2", "2026-04-01")
        )
        return [finding.code for finding in load_bytes(text.encode(), "r.yaml").findings]

    assert warnings("in_progress") == ["due-before-dependency"]
    assert warnings("done", completed="2026-02-20") == []
    assert warnings("cancelled", reason="Merged") == []


def test_a_title_cut_short_by_a_hash_is_a_warning_and_a_comment_is_not(run: Run, write: Write) -> None:
    # `title: Lot #2 of the tender` is the title "Lot": YAML takes " #2 of the tender" for a comment.
    path = write(
        roadmap(
            task("T-1", "2026-03-01", title="Lot #2 of the tender"),
            task("T-2", "2026-03-01", title="Build the road  # as agreed with the investor"),
            task("T-3", "2026-03-01", title='"Lot #3, quoted"'),
        )
    )
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.OK
    assert result.stdout.splitlines() == [
        f"{path}:12:16: warning: the text stops before this ' #': YAML reads the rest of the line as a "
        "comment; put the whole text in quotes"
    ]
