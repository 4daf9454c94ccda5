"""The history's loader of revisions reads a file in parts (its header, its task entries) and parses
only what changed since the revision before: it must give the roadmap the whole loader gives, for
every file, valid or not, in every order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from roadmap_cli.load import load_bytes
from roadmap_cli.revision_loader import RevisionLoader, _cut
from tests.conftest import EXAMPLES, SAMPLE
from tests.test_fuzz import mutated_sample

SAMPLE_RAW = SAMPLE.read_bytes()


def same_as_whole(loader: RevisionLoader, raw: bytes) -> None:
    found = loader.load(raw, "revision")
    expected = load_bytes(raw, "revision").roadmap
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert found.model_dump() == expected.model_dump()
        assert found.tasks_by_id.keys() == expected.tasks_by_id.keys()


def test_the_sample_is_read_in_parts_and_equals_the_whole() -> None:
    loader = RevisionLoader()
    same_as_whole(loader, SAMPLE_RAW)
    same_as_whole(loader, SAMPLE_RAW)  # every entry from memory now
    assert loader.whole == 1 and loader.cut == 1  # the first whole, the second from its parts


EXAMPLE_FILES = sorted((EXAMPLES / "valid").glob("*.yaml")) + sorted((EXAMPLES / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=str)
def test_every_example_file_gives_the_whole_loaders_verdict(path: Path) -> None:
    loader = RevisionLoader()
    same_as_whole(loader, SAMPLE_RAW)  # after a valid revision: what the file changes is checked
    same_as_whole(loader, path.read_bytes())


def _edited(old: bytes, new: bytes, count: int = 1) -> bytes:
    assert old in SAMPLE_RAW, old
    return SAMPLE_RAW.replace(old, new, count)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # One task now depends on another that depends on it: a cycle only the whole rules see.
        (b"  - id: SEZ-001\n", b"  - id: SEZ-001\n    depends_on: [SEZ-003]\n"),
        # Two tasks with one id.
        (b"  - id: SEZ-002\n", b"  - id: SEZ-001\n"),
        # A task that others depend on removed: its id is gone from the set.
        (b"  - id: SEZ-003\n", b"  - id: SEZ-003-renamed\n"),
        # A lead that is no department.
        (b"    department: energy\n", b"    department: nowhere\n"),
        # The header changes: a department's id, which tasks name.
        (b"  - id: energy\n", b"  - id: power\n"),
        # An anchor and an alias: read whole.
        (b"  - id: SEZ-001\n", b"  - &first id: SEZ-001\n"),
        # Windows line ends and a tab: read whole.
        (b"\n", b"\r\n"),
        (b"    status: done\n", b"    status:\tdone\n"),
        # A second document.
        (b"\ntasks:\n", b"\n---\ntasks:\n"),
        # Tasks in flow style, and at the margin.
        (b"\ntasks:\n", b"\ntasks: []\nx:\n"),
    ],
)
def test_a_change_the_parts_could_miss_is_judged_as_the_whole_loader_does(old: bytes, new: bytes) -> None:
    loader = RevisionLoader()
    same_as_whole(loader, SAMPLE_RAW)
    same_as_whole(loader, _edited(old, new, -1 if new == b"\r\n" else 1))
    same_as_whole(loader, SAMPLE_RAW)  # and back


def test_a_changed_task_is_checked_by_every_rule_of_one_task() -> None:
    loader = RevisionLoader()
    same_as_whole(loader, SAMPLE_RAW)
    retitled = _edited(b"  - id: SEZ-002\n    title:\n", b"  - id: SEZ-002\n    title: New\n    x_title:\n")
    same_as_whole(loader, retitled)  # an unknown key: invalid on its own
    moved = SAMPLE_RAW.replace(b"deadline: 2026-02-27", b"deadline: 2026-03-27", 1)
    assert moved != SAMPLE_RAW
    same_as_whole(loader, moved)  # a move without a record: valid, read in parts
    done = SAMPLE_RAW.replace(b"    status: in_progress\n", b"    status: done\n", 1)
    same_as_whole(loader, done)  # done with no completion date: an error of that task alone
    assert loader.cut >= 1  # the move, read in parts


def test_entries_at_the_margin_and_a_key_after_the_tasks() -> None:
    start = SAMPLE_RAW.index(b"\ntasks:\n") + len(b"\ntasks:\n")
    head, tasks = SAMPLE_RAW[:start], SAMPLE_RAW[start:]
    at_margin = head + b"\n".join(line[2:] if line.startswith(b"  ") else line for line in tasks.split(b"\n"))
    assert _cut(at_margin) is not None
    moved = head.replace(b"\ntasks:\n", b"\n") + b"\ntasks:\n" + tasks  # tasks last, as always
    calendar_after = head + tasks + b"calendar:\n  deadline_on_day_off: next_working_day\n"
    for raw in (at_margin, moved, calendar_after):
        same_as_whole(RevisionLoader(), raw)


@given(st.lists(mutated_sample(), min_size=1, max_size=4))
@settings(max_examples=60, deadline=None)
@example([SAMPLE_RAW.replace(b"    status: done\n", b"    status: done\n  - id: extra\n", 1)])
def test_any_sequence_of_mutated_revisions_reads_as_the_whole_loader_reads_it(revisions: list[bytes]) -> None:
    loader = RevisionLoader()
    for raw in [SAMPLE_RAW, *revisions, SAMPLE_RAW]:
        same_as_whole(loader, raw)
