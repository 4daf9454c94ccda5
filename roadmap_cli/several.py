"""Several roadmaps read together (an akimat runs the SEZ roadmap, the industrial zones' plan and the
region's comprehensive plan at once): one department across them, and the names they disagree on.

A department is its id: `uk-sez` in two roadmaps is one department, whose counts add up. A task is in
one roadmap only, so the total across roadmaps is the sum of their totals.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from roadmap_cli.analysis import DepartmentSummary
from roadmap_cli.findings import Finding, warning
from roadmap_cli.load import LoadedRoadmap
from roadmap_cli.messages import say
from roadmap_cli.model import Department
from roadmap_cli.values import Localized

# The counts of a summary, which add up across roadmaps (everything but the department itself).
_COUNTS = tuple(field.name for field in dataclasses.fields(DepartmentSummary) if field.name != "department")


def added_up(summaries: Sequence[DepartmentSummary], department: Department | None) -> DepartmentSummary:
    """The summaries' counts added up, under `department` (None: a total)."""
    return DepartmentSummary(
        department, **{count: sum(getattr(summary, count) for summary in summaries) for count in _COUNTS}
    )


def across(per_roadmap: Sequence[Sequence[DepartmentSummary]]) -> tuple[DepartmentSummary, ...]:
    """Each department once, in the order the roadmaps first name it, with its counts over all of them.

    A department keeps the first roadmap's record of it (its name and kind): `name_disagreements`
    tells where another roadmap names it otherwise.
    """
    first: dict[str, Department] = {}
    by_id: dict[str, list[DepartmentSummary]] = {}
    for summaries in per_roadmap:
        for summary in summaries:
            assert summary.department is not None  # a roadmap's total is not among its departments
            first.setdefault(summary.department.id, summary.department)
            by_id.setdefault(summary.department.id, []).append(summary)
    return tuple(added_up(by_id[department_id], department) for department_id, department in first.items())


def name_disagreements(roadmaps: Sequence[LoadedRoadmap]) -> list[tuple[str, Finding]]:
    """A warning, at the name in the later file, for each department a later roadmap names otherwise
    than the first one naming it does (see `_agree`). Each with the file it is in."""
    first: dict[str, tuple[str, Department]] = {}
    found: list[tuple[str, Finding]] = []
    for loaded in roadmaps:
        assert loaded.roadmap is not None
        for index, department in enumerate(loaded.roadmap.departments):
            earlier = first.setdefault(department.id, (loaded.path, department))
            other_file, other = earlier
            if other is department:
                continue
            if _agree(department.name, other.name):
                continue
            text = say(
                "several.name_differs",
                department=department.id,
                name=department.name.joined(),
                other=other.name.joined(),
                file=other_file,
            )
            position = loaded.position(("departments", index, "name"))
            found.append((loaded.path, warning("department-name-differs", text, position)))
    return found


def _agree(one: Localized, other: Localized) -> bool:
    """Two names agree in every language both give; a name given once, in no language, agrees with a
    name per language that says the same in one of them."""
    mine, theirs = dict(one.texts), dict(other.texts)
    if "" in mine or "" in theirs:
        return bool(set(mine.values()) & set(theirs.values()))
    return all(theirs.get(language, text) == text for language, text in mine.items())
