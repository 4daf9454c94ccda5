"""The README stays true: its two commands, every command and option, every exit code."""

from __future__ import annotations

import re

import pytest
import typer.main

from roadmap_cli.cli import app
from roadmap_cli.errors import ExitCode
from tests.conftest import REPO, Run

README = (REPO / "README.md").read_text(encoding="utf-8")
COMMAND = typer.main.get_command(app)


def test_readme_starts_with_the_install_and_test_commands_and_ci_runs_the_second() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.DOTALL)
    assert first_block is not None and README.index(first_block.group(0)) < README.index("\n## ")
    run_command, test_command = first_block.group(1).strip().splitlines()
    assert run_command.endswith("roadmap status")
    assert "pytest" in test_command
    assert test_command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(COMMAND.commands))  # type: ignore[attr-defined]
def test_every_command_and_option_is_documented(name: str) -> None:
    assert f"### `roadmap {name}" in README
    command = COMMAND.commands[name]  # type: ignore[attr-defined]
    assert command.help, f"{name} has no help text"
    for parameter in command.params:
        for option in parameter.opts:
            if option.startswith("-") and option not in ("-h", "--help"):
                assert f"`{option}" in README or f" {option}" in README, f"{name} {option} is undocumented"


def test_every_exit_code_is_documented() -> None:
    for code in ExitCode:
        assert re.search(rf"^\| {code.value} \| \S", README, re.MULTILINE), f"exit code {code.value}"


def test_the_format_example_lists_keys_in_the_order_fmt_writes_them() -> None:
    # A file typed from the README must pass `roadmap fmt --check`.
    from ruamel.yaml import YAML

    from roadmap_cli.model import (
        Approval,
        CalendarSettings,
        Cost,
        Department,
        PlanPeriod,
        Postponement,
        ProgressNote,
        Recurrence,
        Roadmap,
        RoadmapInfo,
        Submission,
        Task,
        key_order,
    )

    block = README.split("## The file format", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    example = YAML(typ="safe").load(block)

    def in_order(mapping: dict[str, object], model: type) -> None:
        order = [key for key in key_order(model) if key in mapping]
        assert list(mapping) == order, (model.__name__, list(mapping))

    in_order(example, Roadmap)
    in_order(example["roadmap"], RoadmapInfo)
    in_order(example["roadmap"]["approved"], Approval)
    in_order(example["roadmap"]["period"], PlanPeriod)
    in_order(example["calendar"], CalendarSettings)
    for department in example["departments"]:
        in_order(department, Department)
    for task in example["tasks"]:
        in_order(task, Task)
        for record in task.get("postponements", []):
            in_order(record, Postponement)
        if "recurrence" in task:
            in_order(task["recurrence"], Recurrence)
        for record in task.get("submissions", []):
            in_order(record, Submission)
        for record in task.get("progress", []):
            in_order(record, ProgressNote)
        if "cost" in task:
            in_order(task["cost"], Cost)


def test_the_check_example_is_what_check_prints_for_the_sample(run: Run) -> None:
    # The README shows `check`'s lines on the sample; an edit of the sample moves them.
    shown = re.findall(r"^    (data/roadmap\.yaml:\d+:\d+: .*)$", README, re.MULTILINE)
    assert len(shown) == 2
    printed = run("check", "data/roadmap.yaml", "--as-of", "2026-11-26", cwd=REPO).stdout.splitlines()
    assert [line for line in shown if line not in printed] == []
