"""Edit commands: exact output files, refusals that leave the file untouched, and the write itself."""

from __future__ import annotations

import difflib
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from roadmap_cli.editing import operations
from roadmap_cli.editing.edits import add_task, edit_task
from roadmap_cli.editing.fields import REMOVE, EditRefused
from roadmap_cli.editing.reformat import formatted
from roadmap_cli.editing.splice import render_scalar
from roadmap_cli.editing.storage import editing, replace
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.load import load_bytes
from roadmap_cli.source import compose
from tests.conftest import EXAMPLES, SAMPLE, Run
from tests.helpers import roadmap, task

EDIT_FILES = EXAMPLES / "edit"
AWKWARD = (EDIT_FILES / "awkward.yaml").read_bytes()

# (expected output file, the command's arguments): the input is always awkward.yaml.
GOLDEN = [
    ("done", ["done", "T-1", "--on", "2026-11-20", "--evidence", "Акт №5"]),
    ("start", ["start", "T-1"]),
    ("block", ["block", "T-1", "--reason", "нет финансирования: ждём бюджет"]),
    ("cancel", ["cancel", "T-3", "--reason", "merged into T-1"]),
    ("reopen", ["reopen", "T-2"]),
    ("reopen-flow", ["reopen", "T-3"]),
    (
        "postpone",
        [
            "postpone",
            "T-1",
            "--to",
            "2027-03-31",
            "--reason",
            "the investor asked for more time",
            "--decision",
            "Протокол №9 от 20.11.2026",
        ],
    ),
    (
        "add",
        [
            "add",
            "--id",
            "T-4",
            "--title",
            "Connect: the gas line",
            "--department",
            "energy",
            "--deadline",
            "2027-06-30",
            "--depends-on",
            "T-1",
            "--depends-on",
            "T-2",
        ],
    ),
]


def _crlf_with_bom(raw: bytes) -> bytes:
    return b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n")


ENCODINGS = {"lf": lambda raw: raw, "crlf-bom": _crlf_with_bom}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
@pytest.mark.parametrize(("expected", "args"), GOLDEN, ids=[name for name, _ in GOLDEN])
def test_each_command_changes_exactly_the_expected_bytes(
    run: Run, tmp_path: Path, expected: str, args: list[str], encoding: str
) -> None:
    convert: Callable[[bytes], bytes] = ENCODINGS[encoding]
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(convert(AWKWARD))
    result = run(*args, "--file", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == convert((EDIT_FILES / f"{expected}.yaml").read_bytes())
    assert result.stdout.startswith(f"{path}:")


def test_edits_work_on_a_roadmap_with_a_recurring_duty(run: Run, tmp_path: Path) -> None:
    # Found by the fuzz tests: a duty has no deadline, and the proof of an edit once wrote it as
    # ``deadline: null``, which does not read back.
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(SAMPLE.read_bytes())
    result = run("done", "SEZ-011", "--on", "2026-11-01", "--file", str(path))
    assert result.exit_code == 0, result.stderr
    assert [line for line in path.read_text(encoding="utf-8").splitlines() if "2026-11-01" in line] == [
        "    completed: 2026-11-01"
    ]


def test_an_edit_deep_in_a_large_file_of_cyrillic_text_changes_only_its_line() -> None:
    # The new bytes are spliced into the old ones at offsets counted in the text a megabyte at a
    # time: two-letter characters before the edit must not shift it.
    lines = SAMPLE.read_bytes().splitlines(keepends=True)
    tasks_at = lines.index(b"tasks:\n")
    padding = [f"# {'Жол картасы ' * 6}{number}\n".encode() for number in range(20_000)]
    raw = b"\xef\xbb\xbf" + b"".join(lines[: tasks_at + 1] + padding + lines[tasks_at + 1 :])
    assert len(raw) > 2 * 1024 * 1024
    edited = edit_task(raw, "roadmap.yaml", "SEZ-014", operations.block("Ожидается решение"))
    changed = [
        line
        for line in difflib.unified_diff(raw.decode().splitlines(), edited.raw.decode().splitlines(), n=0)
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
    ]
    assert edited.raw.startswith(b"\xef\xbb\xbf")
    assert changed == ["-    status: planned", "+    status: blocked", "+    reason: Ожидается решение"]


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_fmt_gives_the_standard_layout_and_keeps_every_comment(
    run: Run, tmp_path: Path, encoding: str
) -> None:
    convert = ENCODINGS[encoding]
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(convert(AWKWARD))
    assert run("fmt", "--check", str(path)).exit_code == 1
    assert path.read_bytes() == convert(AWKWARD)
    result = run("fmt", str(path))
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == convert((EDIT_FILES / "fmt.yaml").read_bytes())
    assert run("fmt", "--check", str(path)).exit_code == 0


def test_the_sample_is_in_the_standard_layout(run: Run) -> None:
    assert formatted(SAMPLE.read_bytes(), "sample") == SAMPLE.read_bytes()
    assert run("fmt", "--check", str(SAMPLE)).exit_code == 0


def test_fmt_puts_a_tasks_keys_in_order_and_comments_move_with_the_key_above_them() -> None:
    text = roadmap(
        "  - status: planned  # not started\n"
        "    deadline: 2026-05-01\n"
        "    id: A\n"
        "    # the department leads it\n"
        "    department: energy\n"
        "    title: Out of order\n"
    )
    result = formatted(text.encode(), "f").decode()
    assert result.endswith(
        "  - id: A\n"
        "    # the department leads it\n"
        "    title: Out of order\n"
        "    department: energy\n"
        "    deadline: 2026-05-01\n"
        "    status: planned  # not started\n"
    )
    assert compose(result).data == compose(text).data


def test_a_dry_run_shows_the_diff_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(AWKWARD)
    result = run("done", "T-1", "--on", "2026-11-20", "--dry-run", "--file", str(path))
    assert result.exit_code == 0
    assert path.read_bytes() == AWKWARD
    assert (
        "-        status: planned\n+        status: done\n+        completed: 2026-11-20\n" in result.stdout
    )
    assert "dry run: nothing written" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["done", "T1"], 2, "no task with id 'T1' in this roadmap; did you mean 'T-1'?"),
        (["done", "T-1", "--on", "2099-01-01"], 2, "--on 2099-01-01 is after today"),
        (["done", "T-1", "--on", "01/02/2026"], 2, "Invalid value for --on"),  # 1 Feb or 2 Jan?
        (["start", "T-2"], 2, "task T-2 is done: cannot start it; `roadmap reopen` it first"),
        (["cancel", "T-2", "--reason", "x"], 2, "task T-2 is done: cannot cancel it"),
        (["reopen", "T-1"], 2, "task T-1 is planned: only a done, cancelled or blocked task reopens"),
        (["block", "T-1", "--reason", "  "], 2, "must not be empty"),
        (
            ["postpone", "T-1", "--to", "2026-01-01", "--reason", "r", "--decision", "d"],
            2,
            "--to 2026-01-01 is not after the deadline of task T-1 (2026-12-31)",
        ),
        (
            ["postpone", "T-2", "--to", "2027-01-01", "--reason", "r", "--decision", "d"],
            2,
            "task T-2 is done: cannot postpone it",
        ),
        (
            ["add", "--id", "T-5", "--title", "x", "--department", "water", "--deadline", "2027-01-01"],
            3,
            "task T-5: department 'water' is not defined under departments",
        ),
        (
            ["add", "--id", "T-1", "--title", "x", "--department", "energy", "--deadline", "2027-01-01"],
            2,
            "already exists",
        ),
    ],
)
def test_a_refused_edit_says_why_and_leaves_the_file_untouched(
    run: Run, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(AWKWARD)
    result = run(*args, "--file", str(path))
    assert result.exit_code == code, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == AWKWARD
    assert sorted(item.name for item in tmp_path.iterdir()) == ["roadmap.yaml"]


def test_an_edit_of_an_invalid_roadmap_is_refused_with_its_errors(
    run: Run, write: Callable[..., Path]
) -> None:
    text = roadmap(task("A", "2026-01-01", department="nowhere"))
    path = write(text)
    result = run("start", "A", "--file", str(path))
    assert result.exit_code == 3
    assert "department 'nowhere' is not defined" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_an_edit_through_an_alias_is_refused_not_made_wrong(run: Run, write: Callable[..., Path]) -> None:
    text = roadmap(task("A", "2026-01-01", status="&s planned"), task("B", "2026-02-01", status="*s"))
    path = write(text)
    result = run("start", "A", "--file", str(path))
    assert result.exit_code == 3
    assert "cannot edit task A faithfully: its 'status' uses a YAML anchor or alias" in result.stderr
    assert path.read_text(encoding="utf-8") == text
    assert run("start", "B", "--file", str(path)).exit_code == 3
    assert path.read_text(encoding="utf-8") == text


def test_the_write_keeps_permissions_and_follows_a_symlink(run: Run, tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_bytes(AWKWARD)
    real.chmod(0o640)
    link = tmp_path / "roadmap.yaml"
    link.symlink_to(real)
    assert run("start", "T-1", "--file", str(link)).exit_code == 0
    assert link.is_symlink()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert real.read_bytes() == (EDIT_FILES / "start.yaml").read_bytes()


def test_a_change_on_disk_between_reading_and_writing_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(AWKWARD)
    someone_else = AWKWARD.replace(b"status: planned", b"status: in_progress")
    with editing(path) as snapshot:
        edited = edit_task(snapshot.raw, "roadmap.yaml", "T-1", lambda task, roadmap: {"status": "blocked"})
        path.write_bytes(someone_else)  # an editor that does not take the lock saves meanwhile
        with pytest.raises(RoadmapError, match="changed on disk while this edit was being made"):
            replace(snapshot, edited.raw, "roadmap.yaml")
    assert path.read_bytes() == someone_else


def test_nothing_to_change_writes_nothing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(AWKWARD)
    before = path.stat().st_mtime_ns
    result = run("done", "T-2", "--on", "2026-06-20", "--evidence", "Протокол №1", "--file", str(path))
    assert result.exit_code == 0
    assert "nothing to change" in result.stderr
    assert path.stat().st_mtime_ns == before


def test_the_printed_positions_point_at_the_new_values(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(AWKWARD)
    result = run("done", "T-1", "--on", "2026-11-20", "--file", str(path))
    lines = path.read_text(encoding="utf-8").splitlines()
    for printed in result.stdout.splitlines():
        _, line, column, rest = printed.split(":", 3)
        field = rest.split(":")[1].strip()
        assert lines[int(line) - 1][int(column) - 1 :].startswith(
            {"status": "done", "completed": "2026-11-20"}[field]
        )


def test_add_writes_into_an_empty_flow_list(tmp_path: Path) -> None:
    text = roadmap().replace("tasks:\n", "tasks: []  # none yet\n")
    edited = add_task(
        text.encode(), "f", {"id": "A", "title": "First", "department": "roads", "deadline": "2026-05-01"}
    )
    assert edited.raw.decode().endswith(
        "tasks: [{id: A, title: First, department: roads, deadline: 2026-05-01}]  # none yet\n"
    )


def test_a_block_scalar_value_is_replaced_cleanly() -> None:
    text = roadmap(task("A", "2026-01-01", status="blocked", reason="|\n      waiting for\n      the budget"))
    edited = edit_task(text.encode(), "f", "A", lambda task, roadmap: {"reason": "the budget came"})
    assert edited.raw.decode().endswith("    reason: the budget came\n")


def test_removing_a_key_removes_its_whole_value() -> None:
    text = roadmap(task("A", "2026-01-01", status="blocked", reason=">\n      two\n      lines"))
    edited = edit_task(text.encode(), "f", "A", lambda task, roadmap: {"status": "planned", "reason": REMOVE})
    assert edited.raw.decode() == roadmap(task("A", "2026-01-01"))


@pytest.mark.parametrize(
    "value",
    [
        "plain",
        "yes",
        "null",
        "",
        " padded ",
        "a: b",
        "a #b",
        "- dash",
        "[x]",
        "{x}",
        "it's",
        'say "hi"',
        "line\nbreak",
        "tab\there",
        "\x1b[31mred",
        "@at",
        "%percent",
        "*star",
        "&amp",
        "!bang",
        "2026-01-01",
        "\u202eevil",
        "...",
        "---",
        "\ufeffbom",
        "\x85nel",
        "\u2028ls",
    ],
)
@pytest.mark.parametrize("in_flow", [False, True])
def test_a_rendered_scalar_reads_back_as_the_same_text(value: str, in_flow: bool) -> None:
    rendered = render_scalar(value, in_flow=in_flow)
    document = f"k: [{rendered}]\n" if in_flow else f"k: {rendered}\n"
    assert compose(document).data == {"k": [value] if in_flow else value}


def test_an_edit_is_refused_when_the_result_would_not_be_what_was_intended() -> None:
    # A key repeated through an anchor is shared: changing one would change both.
    text = roadmap(task("A", "2026-01-01", title="&t Shared"), task("B", "2026-02-01", title="*t"))
    with pytest.raises(EditRefused):
        edit_task(text.encode(), "f", "A", lambda task, roadmap: {"title": "Mine"})
    assert load_bytes(text.encode(), "f").roadmap is not None


def test_a_flow_style_task_is_postponed_in_flow_style() -> None:
    plan = operations.postpone(date(2026, 12, 31), "r, with a comma", "Protocol 1")
    edited = edit_task(AWKWARD, "f", "T-3", plan)
    assert (
        b"status: blocked, reason: waiting, postponements: [{from: 2026-09-30, to: 2026-12-31, "
        b"reason: 'r, with a comma', decision: Protocol 1}]}\n" in edited.raw
    )


def test_edits_take_dates_the_way_the_file_writes_them(run: Run, tmp_path: Path) -> None:
    # A date on the command line is read like one in the file: 31.12.2026, or an official wording,
    # which a deadline keeps.
    path = tmp_path / "roadmap.yaml"
    path.write_text(roadmap(task("T-1", "IV квартал 2026 года")), encoding="utf-8")
    postponed = run(
        "postpone",
        "T-1",
        "--to",
        "I квартал 2027 года",
        "--reason",
        "r",
        "--decision",
        "d",
        "--file",
        str(path),
    )
    assert postponed.exit_code == ExitCode.OK, postponed.stderr
    text = path.read_text(encoding="utf-8")
    assert "deadline: I квартал 2027 года" in text
    assert "      - from: 2026-12-31\n        to: 2027-03-31\n" in text  # the record holds dates
    assert run("done", "T-1", "--on", "01.06.2026", "--file", str(path)).exit_code == ExitCode.OK
    assert "completed: 2026-06-01" in path.read_text(encoding="utf-8")
    added = run(
        "add",
        "--id",
        "T-2",
        "--title",
        "x",
        "--department",
        "energy",
        "--deadline",
        "31.12.2026",
        "--file",
        str(path),
    )
    assert added.exit_code == ExitCode.OK and "deadline: 31.12.2026" in path.read_text(encoding="utf-8")
