"""How an edit meets the file system: a full disk, a shared group, hard links, a checkout racing it.
Each leaves the original whole and no temporary file behind, or keeps what must be kept."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from roadmap_cli.editing import storage
from roadmap_cli.errors import ExitCode
from tests.conftest import Run
from tests.helpers import roadmap, task


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: room for a roadmap, not for a second copy of it (mounting needs root)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (run the tests as root): {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=False)


def _big_roadmap(count: int = 220) -> str:
    return roadmap(*(task(f"T-{number}", "2026-03-01", title="Подстанция " * 3) for number in range(count)))


@pytest.mark.parametrize("command", [["start", "T-1"], ["fmt"]])
def test_a_full_disk_during_an_edit_leaves_the_file_whole_and_no_temporary(
    run: Run, small_disk: Path, command: list[str]
) -> None:
    path = small_disk / "roadmap.yaml"
    # Keys out of the standard order, so that fmt has something to change too.
    text = _big_roadmap().replace(
        "    department: energy\n    deadline: 2026-03-01\n",
        "    deadline: 2026-03-01\n    department: energy\n",
        1,
    )
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 32 * 1024  # a second copy cannot fit
    where = ["--file", str(path)] if command[0] != "fmt" else [str(path)]
    result = run(*command, *where)
    assert result.exit_code == ExitCode.INVALID, result.stderr
    assert result.stderr.strip().endswith("No space left on device; nothing written")
    assert result.exception is None
    assert path.read_text(encoding="utf-8") == text
    assert sorted(entry.name for entry in small_disk.iterdir()) == ["roadmap.yaml"]


def test_an_edit_keeps_the_files_owner_and_group(run: Run, tmp_path: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("giving a file to another owner needs root")
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "2026-03-01")), encoding="utf-8")
    os.chown(path, 65534, 65534)  # nobody, nogroup: a file this user does not own
    path.chmod(0o664)
    assert run("start", "T-1", "--file", str(path)).exit_code == ExitCode.OK
    status = path.stat()
    assert (status.st_uid, status.st_gid, status.st_mode & 0o777) == (65534, 65534, 0o664)
    assert "status: in_progress" in path.read_text(encoding="utf-8")


def test_an_edit_through_a_hard_link_is_refused(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "2026-03-01")), encoding="utf-8")
    (tmp_path / "copy.yaml").hardlink_to(path)
    result = run("start", "T-1", "--file", str(path))
    assert result.exit_code == ExitCode.INVALID
    assert "has 2 names (hard links)" in result.stderr
    assert "status: planned" in (tmp_path / "copy.yaml").read_text(encoding="utf-8")


def test_a_checkout_that_replaces_the_file_at_the_last_moment_is_not_overwritten(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The worst moment: after the edit's last look at the file, right before its own file goes in.
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "2026-03-01")), encoding="utf-8")
    checked_out = roadmap(task("T-1", "2026-03-01"), task("T-2", "2026-04-01"))

    def checkout() -> None:
        replacement = tmp_path / "checkout.tmp"
        replacement.write_text(checked_out, encoding="utf-8")
        replacement.replace(path)  # what git does: a new file renamed over the old

    monkeypatch.setattr(storage, "_before_swap", checkout)
    result = run("start", "T-1", "--file", str(path))
    assert result.exit_code == ExitCode.INVALID
    assert "changed on disk while this edit was being made; nothing written" in result.stderr
    assert path.read_text(encoding="utf-8") == checked_out
    assert sorted(entry.name for entry in tmp_path.iterdir()) == ["roadmap.yaml"]
