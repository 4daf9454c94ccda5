"""The write under stress: writers killed mid-write, and editors running at the same time (real processes)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from roadmap_cli.editing import operations
from roadmap_cli.editing.edits import edit_task
from roadmap_cli.load import load_bytes
from tests.helpers import roadmap, task

WRITER = """
import sys
from pathlib import Path
from roadmap_cli.editing.storage import editing, replace

path = Path(sys.argv[1])
states = [Path(sys.argv[2]).read_bytes(), Path(sys.argv[3]).read_bytes()]
print("ready", flush=True)
turn = 0
while True:
    with editing(path) as snapshot:
        replace(snapshot, states[turn % 2], "roadmap.yaml")
    turn += 1
"""


def _big_roadmap(count: int, status: str = "planned") -> bytes:
    tasks = [
        task(f"T-{number}", "2026-06-30", status=status, title=f"Задача {number} " + "ж" * 200)
        for number in range(count)
    ]
    return roadmap(*tasks).encode("utf-8")


def test_a_writer_killed_at_random_points_never_leaves_a_truncated_or_mixed_file(tmp_path: Path) -> None:
    first, second = _big_roadmap(3000), _big_roadmap(3000, status="in_progress")
    (tmp_path / "a").write_bytes(first)
    (tmp_path / "b").write_bytes(second)
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(first)
    chance = random.Random(20261126)
    for _ in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(tmp_path / "a"), str(tmp_path / "b")],
            stdout=subprocess.PIPE,
        )
        assert writer.stdout is not None and writer.stdout.readline() == b"ready\n"
        time.sleep(chance.uniform(0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        assert path.read_bytes() in (first, second)
    leftovers = [item.name for item in tmp_path.iterdir() if item.name not in ("a", "b", "roadmap.yaml")]
    assert all(name.startswith(".roadmap.yaml.") and name.endswith(".tmp") for name in leftovers)


def test_the_edit_command_killed_at_random_points_leaves_the_old_file_or_the_new_one(tmp_path: Path) -> None:
    before = _big_roadmap(500)
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(before)
    expected = edit_task(before, "roadmap.yaml", "T-250", operations.start()).raw
    chance = random.Random(7)
    command = [sys.executable, "-m", "roadmap_cli", "start", "T-250", "--file", str(path)]
    for _ in range(6):
        path.write_bytes(before)
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(chance.uniform(0.1, 1.2))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert path.read_bytes() in (before, expected)


def test_editors_running_at_the_same_time_each_keep_their_change(tmp_path: Path) -> None:
    count = 6
    path = tmp_path / "roadmap.yaml"
    path.write_text(
        roadmap(*(task(f"T-{number}", "2026-06-30") for number in range(count))), encoding="utf-8"
    )
    environment = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    editors = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "roadmap_cli",
                "done",
                f"T-{number}",
                "--on",
                "2026-06-01",
                "--file",
                str(path),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
        for number in range(count)
    ]
    outcomes = [
        (editor.wait(timeout=60), editor.stderr.read() if editor.stderr else b"") for editor in editors
    ]
    assert [code for code, _ in outcomes] == [0] * count, outcomes
    loaded = load_bytes(path.read_bytes(), "roadmap.yaml")
    assert loaded.roadmap is not None
    assert [task_.status.value for task_ in loaded.roadmap.tasks] == ["done"] * count
