"""What other tools consume: the JSON Schema, the pre-commit hook, the example CI files."""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import typer.main

from roadmap_cli.cli import app
from roadmap_cli.errors import ExitCode
from roadmap_cli.source import compose
from tests.conftest import EXAMPLES, REPO, SAMPLE, Run

SHIPPED_SCHEMA = REPO / "data" / "roadmap.schema.json"


def yaml_data(path: Path) -> Any:
    composed = compose(path.read_text(encoding="utf-8"))
    assert composed.problem is None
    return composed.data


def test_schema_command_prints_the_shipped_schema(run: Run) -> None:
    result = run("schema")
    assert result.exit_code == ExitCode.OK
    assert json.loads(result.stdout) == json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")), (
        "regenerate with: roadmap schema > data/roadmap.schema.json"
    )


def test_the_schema_accepts_the_sample_and_rejects_a_typo() -> None:
    schema = json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml_data(SAMPLE))) == []
    errors = list(validator.iter_errors(yaml_data(EXAMPLES / "invalid" / "unknown-key.yaml")))
    assert any("deadlne" in error.message for error in errors)


def test_pre_commit_hook_runs_validate_on_the_files_it_is_given(run: Run) -> None:
    [hook] = yaml_data(REPO / ".pre-commit-hooks.yaml")
    assert hook["entry"] == "roadmap validate"
    assert hook["language"] == "python"
    result = run("validate", str(SAMPLE), str(EXAMPLES / "valid" / "minimal.yaml"))
    assert result.exit_code == ExitCode.OK
    assert result.stderr.count(": valid: ") == 2


def commands_in(value: Any) -> list[str]:
    """Every shell line that runs `roadmap` in a CI file's steps or scripts."""
    if isinstance(value, dict):
        return [line for item in value.values() for line in commands_in(item)]
    if isinstance(value, list):
        return [line for item in value for line in commands_in(item)]
    return [value] if isinstance(value, str) and value.startswith("roadmap ") else []


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_example_ci_files_run_commands_and_options_that_exist(name: str) -> None:
    lines = commands_in(yaml_data(REPO / "examples" / name))
    assert any(line.startswith("roadmap diff") and "--check" in line for line in lines)
    assert any(line.startswith("roadmap check") and "--fail-on overdue" in line for line in lines)
    assert not any(line.startswith("roadmap check") and line.endswith("check") for line in lines)
    group = typer.main.get_command(app)
    assert any("--format markdown" in line or "--format junit" in line for line in lines)
    for line in lines:
        words = shlex.split(line)
        shell_operators = [index for index, word in enumerate(words) if word in (">", ">>", "|", "&&", ";")]
        _program, command_name, *args = words[: shell_operators[0]] if shell_operators else words
        command = group.commands[command_name]  # type: ignore[attr-defined]
        command.make_context(command_name, list(args))  # raises on an unknown option or bad value


@pytest.mark.parametrize("name", ["github-actions-remind.yml", "gitlab-ci-remind.yml"])
def test_example_reminder_jobs_send_through_smtp_and_publish_the_calendar(
    name: str, run: Run, tmp_path: Path
) -> None:
    lines = commands_in(yaml_data(REPO / "examples" / name))
    [remind] = [line for line in lines if line.startswith("roadmap remind")]
    [calendar] = [line for line in lines if line.startswith("roadmap calendar")]
    assert "--smtp" in remind and "-o deadlines.ics" in calendar
    group = typer.main.get_command(app)
    for line in lines:
        _program, command_name, *args = shlex.split(line)
        group.commands[command_name].make_context(command_name, list(args))  # type: ignore[attr-defined]
    # The calendar line as the job runs it, in the repository's directory, on the shipped sample.
    _program, *args = shlex.split(calendar)
    result = run(*args, str(SAMPLE), cwd=tmp_path)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert (tmp_path / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


def _as_yaml_tools_read(path: Path) -> Any:
    """The data as a YAML 1.2 tool reads it (yaml-language-server, check-jsonschema): `1` and `7.1` are
    numbers, `true` a boolean; timestamps stay text, as those tools keep them."""
    from ruamel.yaml import YAML

    reader = YAML(typ="safe", pure=True)
    reader.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda constructor, node: constructor.construct_scalar(node)
    )
    return reader.load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "path", [*sorted((EXAMPLES / "valid").glob("*.yaml")), SAMPLE], ids=lambda path: path.name
)
def test_the_schema_accepts_every_valid_file_as_yaml_tools_read_it(path: Path) -> None:
    validator = jsonschema.Draft202012Validator(json.loads(SHIPPED_SCHEMA.read_text(encoding="utf-8")))
    assert [error.message for error in validator.iter_errors(_as_yaml_tools_read(path))] == []
