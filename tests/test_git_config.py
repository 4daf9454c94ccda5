"""Reading revisions runs nothing a repository's (or a user's) git configuration names, and what git
prints for us to parse cannot be changed by that configuration."""

from __future__ import annotations

import stat
from pathlib import Path

from roadmap_cli.errors import ExitCode
from tests.conftest import Run
from tests.helpers import roadmap, task
from tests.test_diff import Repo

# Signs like gpg (git only needs the status line and an armoured block), and leaves a mark whenever
# it is run, so that a test can tell whether reading a revision ran it.
FAKE_GPG = """#!/bin/sh
touch "$(dirname "$0")/ran-$1"
echo "[GNUPG:] SIG_CREATED D 1 8 00 1700000000 0000000000000000" >&2
echo "-----BEGIN PGP SIGNATURE-----"
echo "c2lnbmVk"
echo "-----END PGP SIGNATURE-----"
"""
MARKING = """#!/bin/sh
touch "$(dirname "$0")/ran-$(basename "$0")"
cat
"""


def _script(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_diff_runs_no_program_the_repository_names(run: Run, tmp_path: Path) -> None:
    tools = tmp_path / "tools"
    tools.mkdir()
    gpg = _script(tools, "gpg", FAKE_GPG)
    repo = Repo(tmp_path / "repo")
    repo.git("config", "gpg.program", str(gpg))
    repo.write("roadmap.yaml filter=marking\n", ".gitattributes")
    repo.commit(roadmap(task("T-1", "2026-03-01")), "base")
    repo.git("tag", "base")
    repo.write(roadmap(task("T-1", "2026-03-01", "in_progress")))
    repo.git("add", "-A")
    repo.git("commit", "-q", "-S", "-m", "signed")
    assert "gpgsig" in repo.git("cat-file", "commit", "HEAD")
    for mark in tools.glob("ran-*"):  # signing ran it, as it should
        mark.unlink()
    for key, value in {
        "log.showSignature": "true",  # common in users' configs: gpg's report before the date
        "filter.marking.clean": str(_script(tools, "clean", MARKING)),
        "filter.marking.smudge": str(_script(tools, "smudge", MARKING)),
        "core.fsmonitor": str(_script(tools, "fsmonitor", MARKING)),
        "diff.external": str(_script(tools, "external", MARKING)),
    }.items():
        repo.git("config", key, value)
    repo.write(roadmap(task("T-1", "2026-03-01", "blocked", reason="Waiting")))
    for args in (["--head", "HEAD", "--check"], ["--check"]):
        result = run("diff", "--base", "base", *args, cwd=repo.root)
        assert result.exit_code == ExitCode.OK, result.stderr
        assert "T-1" in result.stdout
    assert sorted(path.name for path in tools.glob("ran-*")) == []
