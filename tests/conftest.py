from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from roadmap_cli import messages
from roadmap_cli.cli import app

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "data" / "roadmap.yaml"
EXAMPLES = Path(__file__).resolve().parent / "example-files"

Run = Callable[..., "RunResult"]
Write = Callable[..., Path]


class RunResult:
    """What a user sees: exit code, standard output and standard error, kept apart."""

    def __init__(
        self,
        exit_code: int,
        stdout: str,
        stderr: str,
        exception: BaseException | None,
        stdout_bytes: bytes = b"",
    ) -> None:
        self.exit_code = exit_code
        self.stdout = stdout
        self.stdout_bytes = stdout_bytes
        self.stderr = stderr
        self.exception = exception


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run `roadmap ARGS...` in-process at a fixed 80-column, colourless, non-terminal console."""

    def invoke(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> RunResult:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        environment = {
            "COLUMNS": "80",
            "ROADMAP_FILE": "",
            "ROADMAP_LANG": "",
            "NO_COLOR": "",
            "TERM": "dumb",
            **(env or {}),
        }
        result = CliRunner().invoke(app, list(args), env=environment)
        exception = result.exception if not isinstance(result.exception, SystemExit) else None
        return RunResult(result.exit_code, result.stdout, result.stderr, exception, result.stdout_bytes)

    return invoke


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a file below a temporary directory and return its path."""

    def write_file(text: str, name: str = "roadmap.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write_file


@pytest.fixture(autouse=True, scope="session")
def _a_calendar_cache_of_this_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The official calendar's per-machine cache (`official_calendar`) of this test run, not the
    user's own, for commands run here and in child processes."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = previous


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """The language is chosen once per command (`messages.use`); no test inherits another's."""
    yield
    messages.use(messages.DEFAULT_LANGUAGE)
