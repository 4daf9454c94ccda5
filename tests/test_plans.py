"""Real plans as they are signed: items numbered 7.1, 11.3 and edited by those numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap_cli.errors import ExitCode
from tests.conftest import EXAMPLES, Run

NUMBERED = EXAMPLES / "valid" / "numbered.yaml"


def test_items_numbered_as_the_signed_plan_are_edited_by_their_numbers(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    shutil.copy(NUMBERED, path)
    done = run("done", "7.1", "--on", "2026-11-20", "--file", str(path))
    assert done.exit_code == ExitCode.OK, done.stderr
    assert "7.1: status: planned -> done" in done.stdout
    added = run(
        "add", "--id", "7.11", "--title", "Сдать сети", "--department", "uezhkh",
        "--deadline", "31.12.2027", "--depends-on", "7.10", "--file", str(path),
    )  # fmt: skip
    assert added.exit_code == ExitCode.OK, added.stderr
    text = path.read_text(encoding="utf-8")
    assert "  - id: 7.11\n" in text and "    depends_on: [7.10]\n" in text
    assert run("validate", str(path)).exit_code == ExitCode.OK
    # 7.1 and 7.10 are two items: as text, not as the one number a YAML tool would read.
    check = run("check", str(path), "--as-of", "2028-01-10", "--format", "json")
    assert check.exit_code == ExitCode.BREACHES


def test_a_number_with_a_final_dot_is_answered_with_the_number_meant(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    shutil.copy(NUMBERED, path)
    result = run("done", "7.1.", "--file", str(path))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == "roadmap: no task with id '7.1.' in this roadmap; did you mean '7.1'?\n"
    assert path.read_bytes() == NUMBERED.read_bytes()
