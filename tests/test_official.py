"""The official report's word for each deadline: исполнено, исполнено с нарушением срока, не исполнено,
риск неисполнения, перенос срока, в работе, снято с контроля."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Run, Write
from tests.helpers import roadmap, task

AS_OF = "2026-06-15"
POSTPONED = "[{from: 2026-05-31, to: 2026-09-30, reason: Survey repeated, decision: Protocol No. 12}]"

PLAN = roadmap(
    task("T-1", "2026-05-31", "done", completed="2026-05-20"),
    task("T-2", "2026-05-31", "done", completed="2026-06-02"),
    task("T-3", "2026-06-01", "in_progress"),
    task("T-4", "2026-06-20", "blocked", reason="No funds"),
    task("T-5", "2026-09-30", "in_progress", postponements=POSTPONED),
    task("T-6", "2026-12-31", "in_progress"),
    task("T-7", "2026-12-31", "cancelled", reason="Merged into T-6"),
    task("T-8", "2026-05-31", "done", completed="2026-06-20"),  # done after the as-of day: not yet
)

EXPECTED = {
    "T-1": ("executed", "исполнено", "орындалды"),
    "T-2": ("executed-late", "исполнено с нарушением срока", "мерзімі бұзылып орындалды"),
    "T-3": ("not-executed", "не исполнено", "орындалмады"),
    "T-4": ("at-risk", "риск неисполнения", "орындалмау қаупі бар"),
    "T-5": ("postponed", "перенос срока", "мерзімі ауыстырылды"),
    "T-6": ("in-work", "в работе", "орындалуда"),
    "T-7": ("withdrawn", "снято с контроля", "бақылаудан алынды"),
    "T-8": ("not-executed", "не исполнено", "орындалмады"),
}


def test_each_deadline_has_its_official_state_in_json(run: Run, write: Write) -> None:
    path = write(PLAN)
    result = run("check", str(path), "--as-of", AS_OF, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    states = {row["id"]: row["official_state"] for row in json.loads(result.stdout)["tasks"]}
    assert states == {task_id: expected[0] for task_id, expected in EXPECTED.items()}


@pytest.mark.parametrize(("language", "column"), [("ru", 1), ("kk", 2)])
def test_every_official_state_has_the_words_official_documents_use(language: str, column: int) -> None:
    from roadmap_cli import messages
    from roadmap_cli.official import OfficialState
    from roadmap_cli.report.sentences import official_word

    messages.use(language)
    words = {official_word(OfficialState(expected[0])) for expected in EXPECTED.values()}
    assert words == {expected[column] for expected in EXPECTED.values()}


def test_status_says_how_often_a_deadline_moved_and_its_original_day(run: Run, write: Write) -> None:
    twice = (
        "[{from: 2026-03-31, to: 2026-05-31, reason: Survey, decision: Protocol 3},"
        " {from: 2026-05-31, to: 2026-06-20, reason: Funds, decision: Protocol 7}]"
    )
    path = write(roadmap(task("T-1", "2026-06-20", "in_progress", postponements=twice)))
    shown = run("status", str(path), "--as-of", AS_OF, env={"COLUMNS": "160"}).stdout
    assert "2026-06-20 (postponed 2 times, originally 2026-03-31)" in shown
    data = json.loads(run("status", str(path), "--as-of", AS_OF, "--format", "json").stdout)
    assert (data["due_soon"][0]["moves"], data["due_soon"][0]["original_deadline"]) == (2, "2026-03-31")
    ru = run("status", str(path), "--as-of", AS_OF, "--lang", "ru", env={"COLUMNS": "160"}).stdout
    assert "20.06.2026 (перенесён 2 раза, первоначально 31.03.2026)" in ru
