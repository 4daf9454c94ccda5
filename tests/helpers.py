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
