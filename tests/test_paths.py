"""Paths that cannot be used: each is one line and exit 3, never an internal error."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import Run

COMMANDS = [["check"], ["status"], ["validate"], ["fmt"], ["diff", "--base", "HEAD"]]


def _edit_or_read(command: list[str], path: str) -> list[str]:
    return [*command, path]


@pytest.mark.parametrize("command", [*COMMANDS, ["done", "T-1", "--file"]])
@pytest.mark.parametrize(
    "path",
    ["a" * 300 + ".yaml", "/".join(["b" * 200] * 30) + ".yaml"],
    ids=["name-too-long", "path-too-long"],
)
def test_a_path_the_system_refuses_is_one_line_and_exit_3(run: Run, command: list[str], path: str) -> None:
    result = run(*command, path)
    assert result.exit_code == ExitCode.INVALID, result.stderr
    assert result.exception is None and len(result.stderr.splitlines()) == 1
    assert "File name too long" in result.stderr


@pytest.mark.parametrize("command", [*COMMANDS, ["done", "T-1"]])
def test_a_working_directory_removed_meanwhile_is_said_as_such(tmp_path: Path, command: list[str]) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    script = (
        "import os, sys; os.chdir(sys.argv[1]); os.rmdir(sys.argv[1]); "
        "sys.argv = ['roadmap', *sys.argv[2:]]; from roadmap_cli.__main__ import main; main()"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(gone), *command], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == ExitCode.INVALID, result.stderr
    assert result.stderr == (
        "roadmap: the current directory no longer exists: change to one that does, or name the roadmap file\n"
    )


def test_a_file_name_that_is_not_utf8_keeps_json_utf8_and_junit_well_formed(tmp_path: Path) -> None:
    import json
    import os
    import xml.etree.ElementTree as ElementTree

    from tests.conftest import SAMPLE

    name = os.fsdecode(b"r\xe9.yaml")  # a file system that holds bytes, not text
    (tmp_path / name).write_bytes(SAMPLE.read_bytes())
    for output_format in ("json", "junit"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "roadmap_cli",
                "check",
                name,
                "--as-of",
                "2026-11-26",
                "-f",
                output_format,
            ],
            cwd=tmp_path,
            capture_output=True,
            timeout=60,
        )
        assert result.returncode == ExitCode.BREACHES, result.stderr
        text = result.stdout.decode("utf-8")  # strict: any byte that is not UTF-8 fails here
        if output_format == "json":
            assert json.loads(text)["file"] == "r\ufffd.yaml"
        else:
            ElementTree.fromstring(result.stdout)


@pytest.mark.parametrize("folder", ["plans ", "plans\n"], ids=["trailing-space", "trailing-newline"])
def test_a_repository_whose_folder_name_ends_in_white_space(run: Run, tmp_path: Path, folder: str) -> None:
    from tests.helpers import roadmap, task
    from tests.test_diff import Repo

    repo = Repo(tmp_path / folder)
    repo.commit(roadmap(task("T-1", "2026-03-01")), "base")
    repo.write(roadmap(task("T-1", "2026-04-01")))
    result = run("diff", "--base", "HEAD", cwd=repo.root)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "T-1 deadline moved later" in result.stdout
