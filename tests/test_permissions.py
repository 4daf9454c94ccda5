"""What a user without the permissions meets: files they cannot read or write, folders they cannot
enter, a PATH entry they may not search. Each is one line and a documented code, never exit 4.

Root may read and write everything, so as root (the CI machine) each case runs in a forked child that
has given up root for `nobody` (uid 65534); as any other user it runs as that user. The child reuses
the modules already imported: the interpreter's own files may be where `nobody` cannot read them.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import roadmap_cli
from roadmap_cli.cli import app
from roadmap_cli.errors import ExitCode
from tests.helpers import roadmap, task

NOBODY = 65534
Unprivileged = Callable[..., tuple[int, str, str]]


def _import_everything() -> None:
    """Every module the commands may import late, imported now, while the files can be read."""
    for module in pkgutil.walk_packages(roadmap_cli.__path__, "roadmap_cli."):
        importlib.import_module(module.name)
    for name in ("difflib", "subprocess", "json", "xml.etree.ElementTree", "fcntl", "importlib.readers"):
        importlib.import_module(name)


def _invoke(args: tuple[str, ...], env: dict[str, str], cwd: Path | None) -> tuple[int, str, str]:
    if cwd is not None:
        os.chdir(cwd)
    result = CliRunner().invoke(app, list(args), env={"ROADMAP_LANG": "", "ROADMAP_FILE": "", **env})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A folder the other user can reach (pytest's own lies below a folder only its owner may enter),
    and write in: their own folder to work in."""
    folder = Path(tempfile.mkdtemp(prefix="roadmap-permissions-"))
    folder.chmod(0o777)
    yield folder
    for below in (folder, *folder.rglob("*")):
        if below.is_dir() and not below.is_symlink():
            below.chmod(0o777)
    shutil.rmtree(folder)


@pytest.fixture
def unprivileged() -> Unprivileged:
    """Run `roadmap ARGS` as a user without root's rights; (exit code, stdout, stderr)."""
    _import_everything()

    def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[int, str, str]:
        if os.geteuid() != 0:
            here = Path.cwd()
            try:
                return _invoke(args, env or {}, cwd)
            finally:
                os.chdir(here)
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child reports through the pipe
            os.close(reading)
            outcome: tuple[int, str, str] = (99, "", "the child failed before it could run")
            try:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
                outcome = _invoke(args, env or {}, cwd)
            except BaseException as exc:
                outcome = (98, "", f"{type(exc).__name__}: {exc}")
            finally:
                os.write(writing, json.dumps(outcome).encode())
                os._exit(0)
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe:
            received = pipe.read()
        os.waitpid(child, 0)
        code, stdout, stderr = json.loads(received)
        return int(code), str(stdout), str(stderr)

    return run


def test_a_roadmap_the_user_cannot_read_is_exit_3_with_the_reason(
    unprivileged: Unprivileged, tmp_path: Path
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("A", "2026-01-01")), encoding="utf-8")
    path.chmod(0o200)
    for command in (["check", str(path)], ["status", str(path)], ["validate", str(path)], ["fmt", str(path)]):
        code, stdout, stderr = unprivileged(*command)
        assert code == ExitCode.INVALID, (command, stderr)
        assert stderr.count("\n") == 1 and str(path) in stderr and "ermission" in stderr, stderr
        assert "Traceback" not in stderr + stdout


def test_a_roadmap_the_user_cannot_write_is_refused_and_left_as_it_was(
    unprivileged: Unprivileged, tmp_path: Path
) -> None:
    path = tmp_path / "roadmap.yaml"
    text = roadmap(task("A", "2026-01-01"))
    path.write_text(text, encoding="utf-8")
    path.chmod(0o444)
    code, _stdout, stderr = unprivileged("start", "A", "--file", str(path))
    assert code == ExitCode.INVALID, stderr
    assert "not writable" in stderr
    assert path.read_text(encoding="utf-8") == text
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["roadmap.yaml"]


def test_a_folder_the_user_may_not_write_in_refuses_the_edit(
    unprivileged: Unprivileged, tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "roadmap.yaml"
    text = roadmap(task("A", "2026-01-01"))
    path.write_text(text, encoding="utf-8")
    path.chmod(0o666)
    folder.chmod(0o555)
    try:
        code, _stdout, stderr = unprivileged("start", "A", "--file", str(path))
        new_code, _stdout, new_stderr = unprivileged("init", str(folder / "new.yaml"))
    finally:
        folder.chmod(0o755)
    assert code == ExitCode.INVALID, stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr
    assert path.read_text(encoding="utf-8") == text
    assert new_code == ExitCode.INVALID, new_stderr
    assert new_stderr.count("\n") == 1 and "Traceback" not in new_stderr
    assert sorted(entry.name for entry in folder.iterdir()) == ["roadmap.yaml"]


def test_a_working_folder_the_user_cannot_search_is_one_line(
    unprivileged: Unprivileged, tmp_path: Path
) -> None:
    folder = tmp_path / "closed"
    folder.mkdir()
    (folder / "roadmap.yaml").write_text(roadmap(task("A", "2026-01-01")), encoding="utf-8")
    folder.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IXUSR | stat.S_IXOTH)  # enter, but not list or read
    (folder / "roadmap.yaml").chmod(0o600)
    try:
        code, stdout, stderr = unprivileged("status", cwd=folder)
    finally:
        folder.chmod(0o755)
    assert code in (ExitCode.USAGE, ExitCode.INVALID), stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr + stdout


def test_a_path_entry_the_user_may_not_search_does_not_hide_git(
    unprivileged: Unprivileged, tmp_path: Path
) -> None:
    closed = tmp_path / "closed-bin"
    closed.mkdir(mode=0o700)
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("A", "2026-01-01")), encoding="utf-8")
    env = {"PATH": f"{closed}:{os.environ.get('PATH', '')}"}
    code, stdout, stderr = unprivileged("diff", str(path), env=env, cwd=tmp_path)
    assert code in (ExitCode.USAGE, ExitCode.INVALID), stderr  # not a repository: said in one line
    assert stderr.count("\n") == 1 and "Traceback" not in stderr + stdout
