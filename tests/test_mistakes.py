"""What people type wrong on the command line: every mistake is a usage error naming its option,
never a traceback, and the file stays as it was. Prompts run in a real pseudo-terminal."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import Run
from tests.helpers import roadmap, task

ORIGINAL = roadmap(task("T-1", "2026-03-01"))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "roadmap.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


ADD = ["add", "--id", "T-9", "--title", "x", "--department", "energy", "--deadline", "2026-12-31"]


def _with(arguments: list[str], option: str, value: str) -> list[str]:
    changed = list(arguments)
    if option in changed:
        changed[changed.index(option) + 1] = value
    else:
        changed += [option, value]
    return changed


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (_with(ADD, "--id", "26 а"), "--id"),
        (_with(ADD, "--id", "X/1"), "--id"),
        (_with(ADD, "--department", "энергетика басқармасы"), "--department"),
        (_with(ADD, "--co-executor", "УЭ ЖКХ"), "--co-executor"),
        (_with(ADD, "--depends-on", "7.1."), "--depends-on"),
        (_with(ADD, "--deadline", "2101-01-01"), "--deadline"),
        (["done", "T-1", "--on", "1900-01-01"], "--on"),
        (["postpone", "T-1", "--to", "9999-12-31", "--reason", "r", "--decision", "d"], "--to"),
        (["check", "--as-of", "9999-12-31T23:59:59-14:00"], "--as-of"),
        (["check", "--as-of", "0001-01-01T00:00:00+14:00"], "--as-of"),
    ],
)
def test_a_value_the_file_could_not_hold_is_a_usage_error_naming_its_option(
    run: Run, plan: Path, args: list[str], option: str
) -> None:
    where = ["--file", str(plan)] if args[0] != "check" else [str(plan)]
    result = run(*args, *where)
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert f"Invalid value for {option}" in result.stderr or f"Invalid value for '{option}'" in result.stderr
    assert "Traceback" not in result.stderr and result.exception is None
    assert plan.read_text(encoding="utf-8") == ORIGINAL


def _process(argv: list[bytes | str], **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "roadmap_cli", *argv], capture_output=True, timeout=60, **options
    )


@pytest.mark.parametrize("option", ["--title", "--deliverable"])
def test_bytes_that_are_not_utf8_in_a_text_option_are_refused(plan: Path, option: str) -> None:
    arguments: list[bytes | str] = [*_with(ADD, option, "placeholder"), "--file", str(plan)]
    arguments[arguments.index("placeholder")] = b"\xe9t\xe9"
    result = _process(arguments)
    assert result.returncode == ExitCode.USAGE
    assert b"not valid UTF-8" in result.stderr and b"Traceback" not in result.stderr
    assert plan.read_text(encoding="utf-8") == ORIGINAL


def test_reasons_and_evidence_that_are_not_utf8_are_refused(plan: Path) -> None:
    for argv in (
        ["block", "T-1", "--reason", b"\xff"],
        ["done", "T-1", "--on", "2026-02-01", "--evidence", b"\xff"],
        ["postpone", "T-1", "--to", "2026-05-01", "--reason", "r", "--decision", b"\xff"],
    ):
        result = _process([*argv, "--file", str(plan)])
        assert result.returncode == ExitCode.USAGE, result.stderr
        assert b"Traceback" not in result.stderr
    assert plan.read_text(encoding="utf-8") == ORIGINAL


def test_add_with_stdin_closed_says_what_is_missing(plan: Path) -> None:
    result = _process(["add", "--title", "x", "--file", str(plan)], stdin=subprocess.DEVNULL)
    assert result.returncode == ExitCode.USAGE and b"--id" in result.stderr
    closed = _process(["add", "--title", "x", "--file", str(plan)], preexec_fn=lambda: os.close(0))
    assert closed.returncode == ExitCode.USAGE and b"Traceback" not in closed.stderr


def _own_terminal() -> None:
    """Make the pseudo-terminal the child's controlling terminal, so that Ctrl-C sends it SIGINT."""
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """`roadmap` in a pseudo-terminal: what it shows, and what is typed at it."""

    def __init__(self, *args: str) -> None:
        self.master, slave = pty.openpty()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "roadmap_cli", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**os.environ, "ROADMAP_LANG": "", "TERM": "dumb"},
            preexec_fn=_own_terminal,
        )
        os.close(slave)
        self.screen = b""

    def wait_for(self, text: str, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while text.encode() not in self.screen:
            assert time.monotonic() < deadline, self.screen.decode(errors="replace")
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.screen += os.read(self.master, 4096)
                except OSError:  # the other side closed
                    break

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def exited(self, within: float) -> bool:
        try:
            self.process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            return False
        return True

    def exit_code(self) -> int:
        code = self.process.wait(timeout=20)
        os.close(self.master)
        return code


def test_a_prompt_asks_again_until_the_answer_fits(plan: Path) -> None:
    terminal = Terminal("add", "--title", "Подстанция", "--department", "energy", "--file", str(plan))
    terminal.wait_for("Task id:")
    terminal.type("26 а\r".encode())
    terminal.wait_for("is not a valid id")
    terminal.type(b"T-9\r")
    terminal.wait_for("Deadline (a date or an official wording):")
    terminal.type(b"2101-01-01\r")
    terminal.wait_for("outside the years a roadmap may name")
    terminal.type(b"2026-12-31\r")
    assert terminal.exit_code() == ExitCode.OK, terminal.screen
    assert "id: T-9" in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize(("key", "code"), [(b"\x03", ExitCode.INTERRUPTED), (b"\x04", ExitCode.USAGE)])
def test_ctrl_c_at_a_prompt_is_130_and_ctrl_d_is_a_usage_error(plan: Path, key: bytes, code: int) -> None:
    terminal = Terminal("add", "--title", "x", "--file", str(plan))
    terminal.wait_for("Task id:")
    # The question is on the screen a moment before the program reads the answer (readline sets the
    # terminal up in between, and a Ctrl-C in that moment is lost); a person is never that fast.
    time.sleep(0.5)
    terminal.type(key)
    # On a loaded machine that moment can be longer: a person whose Ctrl-C seems lost presses it again.
    for _again in range(5):
        if key != b"\x03" or terminal.exited(within=3):
            break
        terminal.type(key)
    assert terminal.exit_code() == code, terminal.screen
    assert b"Traceback" not in terminal.screen
    assert plan.read_text(encoding="utf-8") == ORIGINAL
