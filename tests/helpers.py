"""Small builders for roadmap files in tests."""

from __future__ import annotations

import textwrap

HEADER = """\
roadmap:
  id: demo
  title: Demo roadmap
  timezone: Asia/Aqtobe
departments:
  - id: energy
    name: {kk: Энергетика басқармасы, ru: Управление энергетики}
  - id: roads
    name: Roads
tasks:
"""


def task(
    task_id: str,
    deadline: str,
    status: str = "planned",
    department: str = "energy",
    title: str | None = None,
    **extra: str,
) -> str:
    """One task entry in block style; `extra` values are written as they are (YAML text)."""
    lines = [
        f"  - id: {task_id}",
        f"    title: {title if title is not None else 'Task ' + task_id}",
        f"    department: {department}",
        f"    deadline: {deadline}",
        f"    status: {status}",
    ]
    lines.extend(f"    {key}: {value}" for key, value in extra.items())
    return "\n".join(lines) + "\n"


def roadmap(*tasks: str) -> str:
    return HEADER + "".join(tasks)


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def duty(
    task_id: str,
    every: str,
    starts: str,
    *,
    due_day: int | None = None,
    until: str | None = None,
    submitted: dict[str, str] | None = None,
    status: str = "in_progress",
    department: str = "energy",
) -> str:
    """A recurring duty; `submitted` maps a period (2026-01, 2026-Q1...) to the day it was reported."""
    lines = [
        f"  - id: {task_id}",
        f"    title: Duty {task_id}",
        f"    department: {department}",
        "    recurrence:",
        f"      every: {every}",
        f"      starts: {starts}",
    ]
    if due_day is not None:
        lines.append(f"      due_day: {due_day}")
    if until is not None:
        lines.append(f"      until: {until}")
    lines.append(f"    status: {status}")
    if submitted:
        lines.append("    submissions:")
        lines.extend(f"      - {{period: '{period}', on: {on}}}" for period, on in submitted.items())
    return "\n".join(lines) + "\n"
