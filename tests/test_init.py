"""`roadmap init`: a roadmap to start from, in each language, that the tool itself accepts as it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import Run


@pytest.mark.parametrize(
    ("language", "title"), [("kk", "Өңірлік"), ("ru", "Дорожная карта"), ("en", "Roadmap")]
)
def test_init_writes_a_valid_roadmap_in_the_standard_layout(
    run: Run, tmp_path: Path, language: str, title: str
) -> None:
    result = run("init", "--lang", language, cwd=tmp_path)
    assert result.exit_code == ExitCode.OK, result.stderr
    path = tmp_path / "roadmap.yaml"
    assert title in path.read_text(encoding="utf-8")
    assert run("validate", cwd=tmp_path).exit_code == ExitCode.OK
    assert run("fmt", "--check", cwd=tmp_path).exit_code == ExitCode.OK
    status = run("status", "--as-of", "2027-02-15", cwd=tmp_path)
    assert status.exit_code == ExitCode.OK and "(" + language + ")" not in status.stdout  # no fallback marker


def test_init_never_replaces_a_file(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = run("init", str(path))
    assert result.exit_code == ExitCode.USAGE
    assert "exists already: nothing written" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"
    missing = run("init", str(tmp_path / "no" / "such" / "folder.yaml"))
    assert missing.exit_code == ExitCode.INVALID and "cannot write" in missing.stderr
