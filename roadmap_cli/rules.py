"""Rules that span more than one field: unique ids, references, cycles, the ``completed`` rules."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from roadmap_cli.findings import Finding, closest, error, warning
from roadmap_cli.messages import Text, say
from roadmap_cli.model import Status, Task
from roadmap_cli.source import SourceMap


@dataclass(frozen=True, slots=True)
class RuleInput:
    """Ids by their index in the file (None where an entry has no usable id), and the valid tasks."""

    department_ids: Sequence[str | None]
    task_ids: Sequence[str | None]
    tasks: Sequence[tuple[int, Task]]
    section_ids: Sequence[str | None] = ()


def check(rule_input: RuleInput, source_map: SourceMap) -> list[Finding]:
    """Every cross-field problem, each at the position of the value that is wrong."""
    findings = [
        *_duplicates(
            "departments", "department", rule_input.department_ids, source_map, "rule.duplicate_department_id"
        ),
        *_duplicates("tasks", "task", rule_input.task_ids, source_map, "rule.duplicate_task_id"),
        *_duplicates("sections", "section", rule_input.section_ids, source_map, "rule.duplicate_section_id"),
    ]
    sections = {item for item in rule_input.section_ids if item is not None}
    departments = {item for item in rule_input.department_ids if item is not None}
    tasks_by_id: dict[str, tuple[int, Task]] = {}
    for index, task in rule_input.tasks:
        tasks_by_id.setdefault(task.id, (index, task))
    known_tasks = {item for item in rule_input.task_ids if item is not None}
    for index, task in rule_input.tasks:
        findings.extend(_references(index, task, departments, known_tasks, source_map))
        if task.relative is not None and task.relative.after not in known_tasks:
            unknown = say("rule.relative_unknown", task=task.id, after=task.relative.after)
            findings.append(error("unknown-task", unknown, source_map.position(("tasks", index, "deadline"))))
        if task.section is not None and task.section not in sections:
            message = say("rule.unknown_section", task=task.id, section=task.section)
            suggestion = closest(task.section, sections)
            if suggestion is not None:
                message = say("rule.did_you_mean", message=message, suggestion=suggestion)
            findings.append(
                error("unknown-section", message, source_map.position(("tasks", index, "section")))
            )
        findings.extend(_completion(index, task, source_map))
        findings.extend(_deadline_or_recurrence(index, task, source_map))
        findings.extend(_postponement_chain(index, task, source_map))
        findings.extend(_dependency_order(index, task, tasks_by_id, source_map))
        findings.extend(_sub_item_order(index, task, tasks_by_id, source_map))
    findings.extend(_cycles(tasks_by_id, source_map))
    return findings


def _duplicates(
    section: str, noun: str, ids: Sequence[str | None], source_map: SourceMap, key: str
) -> Iterator[Finding]:
    first_seen: dict[str, int] = {}
    for index, item_id in enumerate(ids):
        if item_id is None:
            continue
        if item_id in first_seen:
            first = source_map.position((section, first_seen[item_id], "id"))
            again = source_map.position((section, index, "id"))
            if again == first:  # the same entry again through an alias: point at the alias
                again = source_map.position((section, index))
            yield error(
                f"duplicate-{noun}-id",
                say(key, id=item_id, line=first.line),
                again,
            )
        else:
            first_seen[item_id] = index


def _which(message: Text, department: str, departments: set[str]) -> Text:
    """The message, with the department most likely meant, or else the ones there are."""
    suggestion = closest(department, sorted(departments))
    if suggestion is not None:
        return say("rule.did_you_mean", message=message, suggestion=suggestion)
    known = sorted(departments)
    shown = ", ".join(known[:12]) + (", ..." if len(known) > 12 else "")
    return say("rule.known_departments", message=message, known=shown)


def _references(
    index: int, task: Task, departments: set[str], tasks: set[str], source_map: SourceMap
) -> Iterator[Finding]:
    where = ("tasks", index)
    several = len(task.leads) > 1
    for position, lead in enumerate(task.leads):
        at = (*where, "department", position) if several else (*where, "department")
        if lead not in departments:
            yield error(
                "unknown-department",
                _which(say("rule.unknown_department", task=task.id, department=lead), lead, departments),
                source_map.position(at),
            )
        elif lead in task.leads[:position]:
            yield error(
                "duplicate-lead",
                say("rule.duplicate_lead", task=task.id, department=lead),
                source_map.position(at),
            )
    for position, department in enumerate(task.co_executors):
        if department not in departments:
            yield error(
                "unknown-department",
                _which(
                    say("rule.unknown_co_executor", task=task.id, department=department),
                    department,
                    departments,
                ),
                source_map.position((*where, "co_executors", position)),
            )
        elif department in task.leads:
            yield warning(
                "co-executor-is-lead",
                say("rule.co_executor_is_lead", task=task.id, department=department),
                source_map.position((*where, "co_executors", position)),
            )
    for position, dependency in enumerate(task.depends_on):
        if dependency not in tasks:
            yield error(
                "unknown-task",
                say("rule.unknown_task", task=task.id, dependency=dependency),
                source_map.position((*where, "depends_on", position)),
            )


def _completion(index: int, task: Task, source_map: SourceMap) -> Iterator[Finding]:
    if task.status is Status.DONE and task.completed is None:
        yield error(
            "completed-missing",
            say("rule.completed_missing", task=task.id),
            source_map.position(("tasks", index, "status")),
        )
    elif task.status is not Status.DONE and task.completed is not None:
        yield error(
            "completed-not-done",
            say("rule.completed_not_done", task=task.id, status=task.status.value),
            source_map.key_position(("tasks", index, "completed")),
        )


def _review(index: int, task: Task, source_map: SourceMap) -> Iterator[Finding]:
    """A warning for each thing an import left to settle, at the `review` key, with where it came from."""
    review = task.review
    assert review is not None
    where = source_map.key_position(("tasks", index, "review"))
    source = review.source or ""
    if review.deadline is not None and task.deadline is None and task.recurrence is None:
        yield warning(
            "review-deadline",
            say("rule.review_deadline", task=task.id, words=review.deadline, source=source),
            where,
        )
    if review.executors is not None:
        yield warning(
            "review-executors",
            say("rule.review_executors", task=task.id, words=review.executors, source=source),
            where,
        )
    if review.number is not None:
        yield warning(
            "review-number",
            say("rule.review_number", task=task.id, words=review.number, source=source),
            where,
        )


def _deadline_or_recurrence(index: int, task: Task, source_map: SourceMap) -> Iterator[Finding]:
    """A task has one deadline or a recurrence; submissions belong to a recurrence, postponements to
    a deadline, and each submission names a period of the schedule once."""
    where = ("tasks", index)
    if task.relative is not None:
        if task.relative.after == task.id:
            yield error(
                "relative-self",
                say("rule.relative_self", task=task.id),
                source_map.position((*where, "deadline")),
            )
        return
    if task.review is not None:
        yield from _review(index, task, source_map)
    unread = task.review is not None and task.review.deadline is not None
    if task.deadline is None and task.recurrence is None and task.standing is None and not unread:
        yield error(
            "deadline-missing",
            say("rule.deadline_missing", task=task.id),
            source_map.position(where),
        )
        return
    if task.deadline is not None and task.recurrence is not None:
        yield error(
            "deadline-and-recurrence",
            say("rule.deadline_and_recurrence", task=task.id),
            source_map.key_position((*where, "recurrence")),
        )
        return
    if task.recurrence is None:
        if task.submissions:
            yield error(
                "submissions-without-recurrence",
                say("rule.submissions_without_recurrence", task=task.id),
                source_map.key_position((*where, "submissions")),
            )
        return
    if task.postponements:
        yield error(
            "postponed-recurrence",
            say("rule.postponed_recurrence", task=task.id),
            source_map.key_position((*where, "postponements")),
        )
    schedule = task.recurrence.schedule
    if schedule.until is not None and schedule.until < schedule.starts:
        yield error(
            "recurrence-until",
            say("rule.recurrence_until", task=task.id, until=schedule.until, starts=schedule.starts),
            source_map.position((*where, "recurrence", "until")),
        )
    seen: dict[str, int] = {}
    for position, submission in enumerate(task.submissions):
        at = source_map.position((*where, "submissions", position, "period"))
        try:
            period_start = schedule.every.parse_label(submission.period)
        except ValueError as exc:
            yield error("submission-period", say("rule.in_task", task=task.id, problem=exc), at)
            continue
        label = schedule.every.label(period_start)
        if not schedule.contains(period_start):
            yield error(
                "submission-period",
                say("rule.submission_outside", task=task.id, period=label, starts=schedule.starts)
                if schedule.until is None
                else say(
                    "rule.submission_outside_until",
                    task=task.id,
                    period=label,
                    starts=schedule.starts,
                    until=schedule.until,
                ),
                at,
            )
        elif label in seen:
            yield error(
                "submission-duplicate",
                say("rule.submission_duplicate", task=task.id, period=label, first=seen[label] + 1),
                at,
            )
        else:
            seen[label] = position


def _postponement_chain(index: int, task: Task, source_map: SourceMap) -> Iterator[Finding]:
    """Each record starts where the previous one ended, moves later, and the last ends at the deadline."""
    where = ("tasks", index, "postponements")
    previous_to = None
    for position, record in enumerate(task.postponements):
        if previous_to is not None and record.from_ != previous_to:
            yield error(
                "postponement-chain",
                say(
                    "rule.postponement_chain",
                    task=task.id,
                    number=position + 1,
                    start=record.from_,
                    previous=previous_to,
                ),
                source_map.position((*where, position, "from")),
            )
        if record.to <= record.from_:
            yield error(
                "postponement-earlier",
                say(
                    "rule.postponement_earlier",
                    task=task.id,
                    number=position + 1,
                    start=record.from_,
                    end=record.to,
                ),
                source_map.position((*where, position, "to")),
            )
        previous_to = record.to
    if previous_to is not None and task.deadline is not None and previous_to != task.deadline:
        yield error(
            "postponement-deadline",
            say("rule.postponement_deadline", task=task.id, last=previous_to, deadline=task.deadline),
            source_map.position(("tasks", index, "deadline")),
        )


def _dependency_order(
    index: int, task: Task, tasks_by_id: dict[str, tuple[int, Task]], source_map: SourceMap
) -> Iterator[Finding]:
    for position, dependency_id in enumerate(task.depends_on):
        if dependency_id not in tasks_by_id:
            continue
        dependency = tasks_by_id[dependency_id][1]
        if task.deadline is None or dependency.deadline is None or task.status.is_closed:
            continue  # a task done or cancelled no longer waits for anything
        if task.deadline < dependency.deadline:
            yield warning(
                "due-before-dependency",
                say(
                    "rule.due_before_dependency",
                    task=task.id,
                    deadline=task.deadline,
                    dependency=dependency.id,
                    dependency_deadline=dependency.deadline,
                ),
                source_map.position(("tasks", index, "depends_on", position)),
            )


def _sub_item_order(
    index: int, task: Task, tasks_by_id: dict[str, tuple[int, Task]], source_map: SourceMap
) -> Iterator[Finding]:
    """A sub-item (11.3) due after the item it is numbered under (11): the item cannot be done on time."""
    head, dot, _last = task.id.rpartition(".")
    if not dot or head not in tasks_by_id:
        return
    parent = tasks_by_id[head][1]
    if task.deadline is None or parent.deadline is None or parent.status.is_closed:
        return
    if task.deadline > parent.deadline:
        yield warning(
            "sub-item-after-item",
            say(
                "rule.sub_item_after_item",
                task=task.id,
                deadline=task.deadline,
                parent=parent.id,
                parent_deadline=parent.deadline,
            ),
            source_map.position(("tasks", index, "deadline")),
        )


def _cycles(tasks_by_id: dict[str, tuple[int, Task]], source_map: SourceMap) -> Iterator[Finding]:
    """One finding for each dependency cycle found, named in full, at the edge that closes it."""
    unvisited, in_progress, finished = 0, 1, 2
    state = dict.fromkeys(tasks_by_id, unvisited)
    reported: set[frozenset[str]] = set()
    for start in tasks_by_id:
        if state[start] != unvisited:
            continue
        path: list[str] = [start]
        pending: list[Iterator[str]] = [iter(tasks_by_id[start][1].depends_on)]
        state[start] = in_progress
        while pending:
            dependency = next(pending[-1], None)
            if dependency is None:
                state[path.pop()] = finished
                pending.pop()
                continue
            if dependency not in tasks_by_id:
                continue
            if state[dependency] == in_progress:
                cycle = path[path.index(dependency) :]
                if frozenset(cycle) not in reported:
                    reported.add(frozenset(cycle))
                    yield _cycle_finding(cycle, tasks_by_id, source_map)
            elif state[dependency] == unvisited:
                state[dependency] = in_progress
                path.append(dependency)
                pending.append(iter(tasks_by_id[dependency][1].depends_on))


def _cycle_finding(
    cycle: list[str], tasks_by_id: dict[str, tuple[int, Task]], source_map: SourceMap
) -> Finding:
    closing_id = cycle[-1]
    index, task = tasks_by_id[closing_id]
    position = source_map.position(("tasks", index, "depends_on", task.depends_on.index(cycle[0])))
    if len(cycle) == 1:
        return error("dependency-cycle", say("rule.depends_on_itself", task=closing_id), position)
    names = " -> ".join([*cycle, cycle[0]])
    return error("dependency-cycle", say("rule.dependency_cycle", cycle=names), position)
