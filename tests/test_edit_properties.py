"""Property tests of edits: generated roadmaps in varied layouts, with comments, and random edit sequences.

After every edit, the file reloads to exactly the roadmap a simple model of the commands predicts,
and every line outside the edited task is unchanged. Long run:
HYPOTHESIS_PROFILE=long python -m pytest tests/test_edit_properties.py
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_cli.editing import operations
from roadmap_cli.editing.edits import add_task, edit_task
from roadmap_cli.editing.fields import EditRefused
from roadmap_cli.errors import UsageError
from roadmap_cli.load import LoadedRoadmap, load_bytes
from roadmap_cli.messages import LANGUAGES

settings.register_profile("default", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=5_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

STATUSES = ("planned", "in_progress", "done", "blocked", "cancelled")
WORDS = st.sampled_from(["Build", "the", "substation", "ПСД", "жол", "a: b", "#7", "it's", "«Ақтөбе»", "-x"])


@dataclass
class Layout:
    """How a generated file is written; every choice is one a person might make."""

    dash_indent: int
    gap: int
    newline: str
    blank_between: bool
    comments: bool
    quote: str  # "", "'" or '"' for titles


@dataclass
class TaskState:
    """What the test expects of a task: the fields edits change."""

    id: str
    title: str
    deadline: date
    status: str
    completed: date | None = None
    evidence: str | None = None
    reason: str | None = None
    postponements: list[tuple[date, date]] = field(default_factory=list)
    progress: list[tuple[date, str]] = field(default_factory=list)
    cost: str | None = None  # the amount as the file writes it (1 250,5); no edit changes it
    wording: str | None = None  # the deadline as the plan words it, when not a date; postpone replaces it
    standing: bool = False  # a standing obligation ("постоянно"): no date, and postpone is refused
    after: str | None = None  # due within 2 months after this task is done: no date of its own yet
    leads: tuple[str, ...] = ("energy",)  # no edit changes them


def _quoted(text: str, quote: str) -> str:
    if quote == "'" or (quote == "" and not text.replace(" ", "").isalnum()):
        return "'" + text.replace("'", "''") + "'"
    if quote == '"':
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def render(layout: Layout, tasks: list[TaskState]) -> bytes:
    lines = ["# generated roadmap", "roadmap:", "  id: gen", "  title: Generated", "departments:"]
    lines += ["  - id: energy", "    name: Energy", "  - id: roads", "    name: Roads"]
    lines += ["sections:", '  - id: "7"', "    title: Infrastructure", "tasks:"]  # 7.1, 7.2... are in 7
    dash = " " * layout.dash_indent + "-" + " " * layout.gap
    inner = " " * len(dash)
    for number, state in enumerate(tasks):
        if number and layout.blank_between:
            lines.append("")
        if layout.comments:
            lines.append(f"{' ' * layout.dash_indent}# task {state.id}")
        lines.append(f'{dash}id: "{state.id}"' if "." in state.id else f"{dash}id: {state.id}")
        beside = "  # the title" if layout.comments else ""
        lines.append(f"{inner}title: {_quoted(state.title, layout.quote)}{beside}")
        leads = state.leads[0] if len(state.leads) == 1 else f"[{', '.join(state.leads)}]"
        lines.append(f"{inner}department: {leads}")
        deadline = "постоянно" if state.standing else state.wording or state.deadline.isoformat()
        if state.after is not None:
            deadline = f'{{after: "{state.after}", within: 2 months}}'
        lines.append(f"{inner}deadline: {deadline}")
        if state.cost is not None:
            lines += [f"{inner}cost:", f"{inner}  amount: {state.cost}", f"{inner}  sources: [local_budget]"]
        if layout.comments:
            lines.append(f"{inner}# status below")
        lines.append(f"{inner}status: {state.status}")
        if state.completed is not None:
            lines.append(f"{inner}completed: {state.completed.isoformat()}")
        if state.reason is not None:
            lines.append(f"{inner}reason: {_quoted(state.reason, layout.quote)}")
    lines.append("# end")
    return (layout.newline.join(lines) + layout.newline).encode("utf-8")


@st.composite
def roadmaps(draw: st.DrawFn) -> tuple[Layout, list[TaskState]]:
    layout = Layout(
        dash_indent=draw(st.integers(0, 4)),
        gap=draw(st.integers(1, 3)),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        blank_between=draw(st.booleans()),
        comments=draw(st.booleans()),
        quote=draw(st.sampled_from(["", "'", '"'])),
    )
    tasks = []
    for number in range(draw(st.integers(1, 4))):
        status = draw(st.sampled_from(STATUSES))
        title = " ".join(draw(st.lists(WORDS, min_size=1, max_size=3)))
        task_id = f"7.{number + 1}" if draw(st.booleans()) else f"T{number}"  # numbered as a plan is
        state = TaskState(
            task_id, title, date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 300))), status
        )
        kind = draw(st.sampled_from(["date", "date", "range", "per-language", "standing", "relative"]))
        if kind == "range":
            state.wording, state.deadline = "III–IV кварталы 2026 года", date(2026, 12, 31)
        if kind == "per-language":  # one wording a language, the same day in each
            state.wording = "{ru: IV квартал 2026 года, kk: 2026 жылғы IV тоқсан}"
            state.deadline = date(2026, 12, 31)
        state.standing = kind == "standing"
        if kind == "relative" and tasks:
            state.after = tasks[0].id
        state.leads = draw(st.sampled_from([("energy",), ("energy", "roads")]))
        if status == "done":
            state.completed = date(2025, 12, 1)
        if status in ("blocked", "cancelled"):
            state.reason = "because: " + title
        state.cost = draw(st.sampled_from([None, "1 250,5", "0.3", "12"]))
        tasks.append(state)
    return layout, tasks


EDITS = st.tuples(
    st.sampled_from(["done", "start", "block", "cancel", "reopen", "postpone", "add", "note"]),
    st.integers(0, 10),  # which task
    st.sampled_from(["a reason", "причина: бюджет", "it's #1", "x"]),
    st.integers(1, 90),  # days to postpone by
)


def _expected_after(state: TaskState, command: str, text: str, days: int) -> TaskState | None:
    """The model of each command: the state after it, or None when it must be refused."""
    expected = _expected_status_after(state, command, text, days)
    if command == "note":
        if state.status == "cancelled":
            return None
        return replace(state, progress=[*state.progress, (date(2025, 12, days % 28 + 1), text)])
    if expected is None:
        return None
    kept = replace(expected, progress=state.progress, cost=state.cost, leads=state.leads)
    if command == "postpone":  # the new deadline is a date
        return kept
    return replace(kept, wording=state.wording, standing=state.standing, after=state.after)


def _expected_status_after(state: TaskState, command: str, text: str, days: int) -> TaskState | None:
    closed = state.status in ("done", "cancelled")
    if command == "done":
        if state.status == "cancelled":
            return None
        return TaskState(
            state.id, state.title, state.deadline, "done", date(2025, 12, 31), text, None, state.postponements
        )
    if command == "start":
        return (
            None
            if closed
            else TaskState(
                state.id, state.title, state.deadline, "in_progress", postponements=state.postponements
            )
        )
    if command == "block":
        return (
            None
            if closed
            else TaskState(
                state.id,
                state.title,
                state.deadline,
                "blocked",
                reason=text,
                postponements=state.postponements,
            )
        )
    if command == "cancel":
        if state.status == "done":
            return None
        return TaskState(
            state.id,
            state.title,
            state.deadline,
            "cancelled",
            state.completed,
            state.evidence,
            text,
            state.postponements,
        )
    if command == "reopen":
        if not closed and state.status != "blocked":
            return None
        return TaskState(
            state.id, state.title, state.deadline, "in_progress", postponements=state.postponements
        )
    if command == "note":
        return None
    assert command == "postpone"
    # A standing obligation has no date to move; a relative deadline moves by its span; a deadline
    # worded per language is edited by hand (one date would lose the wordings).
    if closed or state.standing or state.after is not None or (state.wording or "").startswith("{"):
        return None
    moved = state.deadline + timedelta(days=days)
    return TaskState(
        state.id,
        state.title,
        moved,
        state.status,
        state.completed,
        state.evidence,
        state.reason,
        [*state.postponements, (state.deadline, moved)],
    )


def _planner(command: str, state: TaskState, text: str, days: int) -> operations.Planner:
    return {
        "done": lambda: operations.done(date(2025, 12, 31), text),
        "start": operations.start,
        "block": lambda: operations.block(text),
        "cancel": lambda: operations.cancel(text),
        "reopen": operations.reopen,
        "postpone": lambda: operations.postpone(state.deadline + timedelta(days=days), text, "Protocol"),
        "note": lambda: operations.note(text, date(2025, 12, days % 28 + 1), None),
    }[command]()


def _as_loaded(state: TaskState) -> dict[str, Any]:
    return {
        "id": state.id,
        "status": state.status,
        "deadline": None if state.standing or state.after is not None else state.deadline,
        "after": state.after,
        "standing": state.standing,
        "completed": state.completed,
        "evidence": state.evidence,
        "reason": state.reason,
        "postponements": state.postponements,
        "title": state.title,
        "progress": state.progress,
        "cost": None if state.cost is None else Decimal(state.cost.replace(" ", "").replace(",", ".")),
        "leads": state.leads,
        "section": "7" if state.id.startswith("7.") else None,
    }


def _observed(loaded: LoadedRoadmap) -> list[dict[str, Any]]:
    assert loaded.roadmap is not None, loaded.errors
    return [
        {
            "id": task.id,
            "status": task.status.value,
            "deadline": task.deadline,
            "standing": task.standing is not None,
            "after": None if task.relative is None else task.relative.after,
            "completed": task.completed,
            "evidence": task.evidence,
            "reason": task.reason,
            "postponements": [(record.from_, record.to) for record in task.postponements],
            "title": task.title.choose(LANGUAGES)[1],
            "progress": [(note.on, note.text.choose(LANGUAGES)[1]) for note in task.progress],
            "cost": None if task.cost is None else task.cost.amount,
            "leads": task.leads,
            "section": loaded.roadmap.section_of[task.id],
        }
        for task in loaded.roadmap.tasks
    ]


def _task_line_ranges(loaded: LoadedRoadmap, line_count: int) -> list[tuple[int, int]]:
    """Each task's lines as [first, end): from its own first line to the next task's, 0-based."""
    assert loaded.roadmap is not None
    starts = []
    for task in loaded.roadmap.tasks:
        position = loaded.task_position(task.id)
        assert position is not None
        starts.append(position.line - 1)
    ends = [*starts[1:], line_count]
    return list(zip(starts, ends, strict=True))


@given(roadmaps(), st.lists(EDITS, min_size=1, max_size=6))
def test_edit_sequences_give_the_intended_roadmap_and_touch_no_other_line(
    generated: tuple[Layout, list[TaskState]], edits: list[tuple[str, int, str, int]]
) -> None:
    layout, states = generated
    raw = render(layout, states)
    for command, which, text, days in edits:
        loaded = load_bytes(raw, "gen.yaml")
        old_lines = raw.split(b"\n")
        if command == "add":
            new_id = f"N{len(states)}"
            fields = {"id": new_id, "title": text, "department": "energy", "deadline": "2027-01-01"}
            raw = add_task(raw, "gen.yaml", fields).raw
            states.append(TaskState(new_id, text, date(2027, 1, 1), "planned"))
            new_lines = raw.split(b"\n")
            last_start = _task_line_ranges(loaded, len(old_lines))[-1][0]
            assert new_lines[:last_start] == old_lines[:last_start]
            assert new_lines[-2:] == old_lines[-2:]  # the closing comment stays last
        else:
            index = which % len(states)
            expected = _expected_after(states[index], command, text, days)
            planner = _planner(command, states[index], text, days)
            try:
                edited = edit_task(raw, "gen.yaml", states[index].id, planner)
            except (UsageError, EditRefused):  # refused with a reason, the file untouched
                assert expected is None, f"{command} {states[index]} was refused"
                continue
            assert expected is not None, f"{command} {states[index]} was allowed"
            raw = edited.raw
            states[index] = expected
            new_lines = raw.split(b"\n")
            first, end = _task_line_ranges(loaded, len(old_lines))[index]
            after = len(old_lines) - end
            assert new_lines[:first] == old_lines[:first]
            assert new_lines[len(new_lines) - after :] == old_lines[end:]
        reloaded = load_bytes(raw, "gen.yaml")
        assert _observed(reloaded) == [_as_loaded(state) for state in states]
        assert (layout.newline == "\r\n") == (raw.count(b"\r\n") == raw.count(b"\n"))
