from __future__ import annotations

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


@pytest.fixture(autouse=True)
def _english_between_tests() -> Iterator[None]:
    """The language is chosen once per command (`messages.use`); no test inherits another's."""
    yield
    messages.use(messages.DEFAULT_LANGUAGE)
