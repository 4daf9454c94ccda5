"""What the terminal and the standard streams do to a run: a console that cannot show Cyrillic, a
full disk behind stdout, a stream closed before the start. Real processes, since each fault is one
of the process's own streams. The exit codes are the README's ("How the streams change the code")."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import SAMPLE
from tests.helpers import roadmap, task
from tests.test_diff import Repo

AS_OF = "2026-11-26"


def roadmap_process(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, **streams: object
) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "ROADMAP_LANG": "", "PYTHONUTF8": "0", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "roadmap_cli", *args],
        cwd=cwd,
        env=environment,
        timeout=60,
        **(streams if streams else {"capture_output": True}),  # type: ignore[arg-type]
    )


@pytest.fixture
def changed(tmp_path: Path) -> Repo:
    """A repository whose roadmap (with Kazakh and Russian titles) has a moved deadline."""
    repo = Repo(tmp_path / "repo")
    repo.commit(SAMPLE.read_text(encoding="utf-8"), "base")
    repo.write(SAMPLE.read_text(encoding="utf-8").replace("2026-07-31", "2026-08-31"))
    return repo


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1251"])
@pytest.mark.parametrize("output_format", ["table", "markdown", "json", "github", "junit"])
@pytest.mark.parametrize("command", ["status", "check", "diff"])
def test_a_console_that_cannot_show_cyrillic_gets_escapes_not_a_crash(
    changed: Repo, command: str, output_format: str, encoding: str
) -> None:
    args = [command, "--format", output_format, "--lang", "kk"]
    args += ["--as-of", AS_OF] if command != "diff" else ["--check"]
    result = roadmap_process(*args, cwd=changed.root, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == (ExitCode.OK if command == "status" else ExitCode.BREACHES), result.stderr
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    assert b"SEZ" in result.stdout
    if encoding == "ascii" and output_format in ("table", "markdown"):
        assert result.stdout.isascii() and b"\\u049b" in result.stdout + result.stderr  # қ, spelled out


def test_an_edit_on_an_ascii_console_is_written_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "2026-03-01", title="Подстанция")), encoding="utf-8")
    env = {"PYTHONIOENCODING": "ascii", "ROADMAP_LANG": "ru"}
    dry = roadmap_process("done", "T-1", "--on", "2026-02-01", "--file", str(path), "--dry-run", env=env)
    assert dry.returncode == ExitCode.OK and b"Traceback" not in dry.stderr
    done = roadmap_process("done", "T-1", "--on", "2026-02-01", "--file", str(path), env=env)
    assert done.returncode == ExitCode.OK and b"Traceback" not in done.stderr
    assert "status: done" in path.read_text(encoding="utf-8")


def test_a_full_disk_behind_stdout_is_exit_5_with_one_line(tmp_path: Path) -> None:
    with Path("/dev/full").open("wb") as full:
        result = roadmap_process("check", str(SAMPLE), "--as-of", AS_OF, stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == ExitCode.OUTPUT
    # Beside the note that --as-of judges today's file (the sample has been committed since):
    said = [line for line in result.stderr.decode().splitlines() if not line.startswith("note: ")]
    assert said[0] == "roadmap: cannot write the report: No space left on device"
    assert b"Traceback" not in result.stderr


def test_an_edit_whose_report_cannot_be_written_still_exits_0(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "2026-03-01")), encoding="utf-8")
    with Path("/dev/full").open("wb") as full:
        result = roadmap_process("start", "T-1", "--file", str(path), stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == ExitCode.OK
    assert "status: in_progress" in path.read_text(encoding="utf-8")
    assert "the edit was written, but its report could not be" in result.stderr.decode()


def _closed(descriptor: int) -> None:
    os.close(descriptor)


def test_closed_streams_keep_the_commands_own_code() -> None:
    # `roadmap check >&-` and `2>&-`: what nobody can read is dropped, the verdict stays.
    no_stdout = roadmap_process(
        "check",
        str(SAMPLE),
        "--as-of",
        AS_OF,
        capture_output=False,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: _closed(1),
    )
    assert no_stdout.returncode == ExitCode.BREACHES
    assert b"Traceback" not in no_stdout.stderr
    no_stderr = roadmap_process(
        "check",
        str(SAMPLE),
        "--as-of",
        AS_OF,
        capture_output=False,
        stdout=subprocess.PIPE,
        preexec_fn=lambda: _closed(2),
    )
    assert no_stderr.returncode == ExitCode.BREACHES
    assert b"SEZ-009" in no_stderr.stdout and b"deadlines overdue" not in no_stderr.stdout
