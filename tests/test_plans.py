"""Real plans as they are signed: items numbered 7.1, 11.3 and edited by those numbers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from tests.conftest import EXAMPLES, Run

NUMBERED = EXAMPLES / "valid" / "numbered.yaml"


def copied(example: Path, folder: Path) -> Path:
    """The example as the roadmap.yaml of a folder, to edit."""
    path = folder / "roadmap.yaml"
    shutil.copy(example, path)
    return path


def test_items_numbered_as_the_signed_plan_are_edited_by_their_numbers(run: Run, tmp_path: Path) -> None:
    path = copied(NUMBERED, tmp_path)
    done = run("done", "7.1", "--on", "2026-11-20", "--file", str(path))
    assert done.exit_code == ExitCode.OK, done.stderr
    assert "7.1: status: planned -> done" in done.stdout
    added = run(
        "add", "--id", "7.11", "--title", "Сдать сети", "--department", "uezhkh",
        "--deadline", "31.12.2027", "--depends-on", "7.10", "--file", str(path),
    )  # fmt: skip
    assert added.exit_code == ExitCode.OK, added.stderr
    text = path.read_text(encoding="utf-8")
    assert "  - id: 7.11\n" in text and "    depends_on: [7.10]\n" in text
    assert run("validate", str(path)).exit_code == ExitCode.OK
    # 7.1 and 7.10 are two items: as text, not as the one number a YAML tool would read.
    check = run("check", str(path), "--as-of", "2028-01-10", "--format", "json")
    assert check.exit_code == ExitCode.BREACHES


def test_a_number_with_a_final_dot_is_answered_with_the_number_meant(run: Run, tmp_path: Path) -> None:
    path = copied(NUMBERED, tmp_path)
    result = run("done", "7.1.", "--file", str(path))
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == "roadmap: no task with id '7.1.' in this roadmap; did you mean '7.1'?\n"
    assert path.read_bytes() == NUMBERED.read_bytes()


PLAN = EXAMPLES / "valid" / "plan-record.yaml"


def test_the_plan_record_heads_the_status_in_each_language(run: Run) -> None:
    ru = run("status", str(PLAN), "--as-of", "2026-12-01").stdout.splitlines()
    assert ru[:5] == [
        "Дорожная карта СЭЗ «Актобе»",
        "Утверждена распоряжением акима Актюбинской области от 24.12.2025 № 123",
        "Куратор: Заместитель акима области Иванов И. И.",
        "Период: 01.01.2026 – 31.12.2028",
        "по состоянию на 01.12.2026 (UTC+05:00)",
    ]
    kk = run("status", str(PLAN), "--as-of", "2026-12-01", "--lang", "kk").stdout.splitlines()
    assert kk[1:4] == [
        "Ақтөбе облысы әкімінің 24.12.2025 № 123 өкімімен бекітілген",
        "Жетекшісі: Облыс әкімінің орынбасары И. И. Иванов",
        "Кезеңі: 01.01.2026 – 31.12.2028",
    ]
    markdown = run("status", str(PLAN), "--as-of", "2026-12-01", "--format", "markdown").stdout
    assert "Утверждена распоряжением акима Актюбинской области от 24\\.12\\.2025 № 123  \n" in markdown
    junit = run("status", str(PLAN), "--as-of", "2026-12-01", "--format", "junit").stdout
    assert '<property name="plan" value="Куратор: Заместитель акима области Иванов И. И." />' in junit


def test_json_carries_the_plan_record_and_the_notes_up_to_the_as_of_day(run: Run) -> None:
    import json

    document = json.loads(run("status", str(PLAN), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert document["plan"] == {
        "approved": {
            "kind": "order",
            "by": {"ru": "акима Актюбинской области", "kk": "Ақтөбе облысы әкімінің"},
            "number": "123",
            "date": "2025-12-24",
        },
        "curator": {
            "ru": "Заместитель акима области Иванов И. И.",
            "kk": "Облыс әкімінің орынбасары И. И. Иванов",
        },
        "period": {"starts": "2026-01-01", "ends": "2028-12-31"},
    }
    (row,) = document["overdue"]
    assert row["progress"] == [  # the note of 15 December is not yet written on 1 December
        {
            "on": "2026-11-20",
            "text": {"ru": "ПСД направлена на государственную экспертизу"},
            "document": "письмо № 12 от 19.11.2026",
        }
    ]
    later = json.loads(run("status", str(PLAN), "--as-of", "2026-12-20", "--format", "json").stdout)
    assert [note["on"] for note in later["overdue"][0]["progress"]] == ["2026-11-20", "2026-12-15"]


def test_a_department_sees_each_task_with_its_latest_note(run: Run) -> None:
    shown = run("status", str(PLAN), "--as-of", "2026-12-20", "-d", "uezhkh", "--lang", "kk").stdout
    assert "15.12.2026: Сараптама қорытындысы алынды" in " ".join(shown.split())
    narrow = run("status", str(PLAN), "--as-of", "2026-12-01", "-d", "uezhkh", env={"COLUMNS": "40"}).stdout
    assert "20.11.2026: ПСД направлена на" in narrow
    markdown = run(
        "status", str(PLAN), "--as-of", "2026-12-01", "-d", "uezhkh", "--format", "markdown"
    ).stdout
    assert "| Ход исполнения |" in markdown


def test_note_appends_a_record_and_nothing_else(run: Run, tmp_path: Path) -> None:
    path = copied(PLAN, tmp_path)
    result = run(
        "note", "7.1", "--text", "Начат тендер", "--on", "2026-11-29", "--document", "протокол № 3",
        "--file", str(path),
    )  # fmt: skip
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout.endswith(
        "7.1: progress: + on: 2026-11-29, text: Начат тендер, document: протокол № 3\n"
    )
    assert path.read_text(encoding="utf-8") == PLAN.read_text(encoding="utf-8") + (
        "      - on: 2026-11-29\n        text: Начат тендер\n        document: протокол № 3\n"
    )


def test_note_refuses_a_future_day_a_blank_text_and_a_cancelled_task(run: Run, tmp_path: Path) -> None:
    path = copied(PLAN, tmp_path)
    future = run("note", "7.1", "--text", "x", "--on", "2099-01-01", "--file", str(path))
    assert future.exit_code == ExitCode.USAGE and "позже сегодняшнего дня" in future.stderr
    blank = run("note", "7.1", "--text", " ", "--file", str(path))
    assert blank.exit_code == ExitCode.USAGE and "--text" in blank.stderr
    assert run("cancel", "7.1", "--reason", "снято", "--file", str(path)).exit_code == ExitCode.OK
    cancelled_text = path.read_bytes()
    cancelled = run("note", "7.1", "--text", "x", "--file", str(path))
    assert cancelled.exit_code == ExitCode.USAGE
    assert "отметка о ходе исполнения ни о чём не скажет" in cancelled.stderr
    assert path.read_bytes() == cancelled_text


def test_diff_shows_a_new_note_and_check_refuses_a_rewritten_one(run: Run, tmp_path: Path) -> None:
    from tests.test_diff import Repo

    repository = Repo(tmp_path / "repo")
    text = PLAN.read_text(encoding="utf-8")
    repository.commit(text, "base", date="2026-11-25T10:00:00+05:00")
    added = text + "      - {on: 2026-11-24, text: Объявлен конкурс}\n"
    repository.write(added)
    shown = run("diff", "--base", "HEAD", "--format", "json", "--lang", "en", cwd=repository.root)
    assert shown.exit_code == ExitCode.OK, shown.stderr
    import json

    changes = json.loads(shown.stdout)["changes"]
    assert [(change["kind"], change["old"], change["new"]) for change in changes] == [
        ("noted", "2026-11-24", "Объявлен конкурс")
    ]
    rewritten = text.replace("ПСД направлена на государственную экспертизу", "ПСД утверждена")
    repository.write(rewritten)
    checked = run("diff", "--base", "HEAD", "--check", "--lang", "en", cwd=repository.root)
    assert checked.exit_code == ExitCode.BREACHES
    assert "7.1: a progress note was removed or changed; progress notes are append-only" in checked.stdout


def test_planned_costs_add_up_per_department_and_source_in_each_format(run: Run) -> None:
    import json

    ru = run("status", str(PLAN), "--as-of", "2026-12-01").stdout
    assert "Предполагаемые расходы: 1 750,5 млн тенге (местный бюджет 1 250,5; несколько источников 500)" in (
        " ".join(ru.split())
    )
    kk = run("status", str(PLAN), "--as-of", "2026-12-01", "--lang", "kk").stdout
    assert "Болжамды шығыстар: 1 750,5 млн теңге (жергілікті бюджет 1 250,5; бірнеше көз 500)" in (
        " ".join(kk.split())
    )
    document = json.loads(run("status", str(PLAN), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert document["cost"] == {"total": "1750.5", "by_source": {"local_budget": "1250.5", "several": "500"}}
    assert [row["planned_cost"] for row in document["departments"]] == ["1750.5", "1750.5"]
    markdown = run(
        "status", str(PLAN), "--as-of", "2026-12-01", "--format", "markdown", "--lang", "en"
    ).stdout
    assert "| % | Cost, mln tenge |" in markdown and "| 0 | 1,750\\.5 |" in markdown
    junit = run("status", str(PLAN), "--as-of", "2026-12-01", "--format", "junit", "--lang", "en").stdout
    assert (
        'name="cost" value="Planned cost: 1,750.5 mln tenge (local budget 1,250.5; several sources 500)"'
        in junit
    )


def test_a_cancelled_item_leaves_the_planned_cost(run: Run, tmp_path: Path) -> None:
    import json

    path = copied(PLAN, tmp_path)
    assert run("cancel", "6.1", "--reason", "снято", "--file", str(path)).exit_code == ExitCode.OK
    document = json.loads(run("status", str(path), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert document["cost"]["total"] == "1250.5"
    assert "      amount: 1 250,5\n" in path.read_text(encoding="utf-8")  # the edit left the cost as written


EXECUTORS = EXAMPLES / "valid" / "executors.yaml"


def test_a_task_with_two_leads_counts_in_full_for_each_and_once_in_the_total(run: Run) -> None:
    import json

    document = json.loads(run("status", str(EXECUTORS), "--as-of", "2026-12-01", "--format", "json").stdout)
    counts = [(row["id"], row["kind"], row["tasks"], row["overdue"]) for row in document["departments"]]
    assert counts == [
        ("uezhkh", "department", 1, 1),
        ("uptad", "department", 1, 1),
        ("districts", "group", 1, 0),
        ("kegoc", "external", 1, 0),
        (None, "department", 3, 1),
    ]
    assert [row["planned_cost"] for row in document["departments"]] == ["100", "100", None, None, "100"]
    (overdue,) = document["overdue"]
    assert (overdue["department"], overdue["leads"]) == ("uezhkh", ["uezhkh", "uptad"])
    check = run("check", str(EXECUTORS), "--as-of", "2026-12-01")
    assert check.stdout.startswith(
        f"{EXECUTORS}:18:5: 7.1 (uezhkh, uptad): срок 30.11.2026, просрочено на 1 день"
    )
    # Each lead sees the task as its own.
    for lead in ("uezhkh", "uptad"):
        own = json.loads(
            run("status", str(EXECUTORS), "-d", lead, "--as-of", "2026-12-01", "--format", "json").stdout
        )
        assert [row["id"] for row in own["deadlines"]] == ["7.1"]


def test_a_body_outside_the_akimat_is_named_by_agreement(run: Run) -> None:
    wide = run("status", str(EXECUTORS), "--as-of", "2026-12-01", env={"COLUMNS": "120"}).stdout
    assert "АО «KEGOC» (по согласованию)" in wide
    markdown = run(
        "status", str(EXECUTORS), "--as-of", "2026-12-01", "--format", "markdown", "--lang", "kk"
    ).stdout
    assert "| kegoc \\(келісім бойынша\\) |" in markdown


def test_done_on_a_task_with_two_leads_keeps_the_list_as_written(run: Run, tmp_path: Path) -> None:
    path = copied(EXECUTORS, tmp_path)
    result = run("done", "7.1", "--on", "2026-11-29", "--file", str(path))
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "    department: [uezhkh, uptad]\n" in path.read_text(encoding="utf-8")


SECTIONS = EXAMPLES / "valid" / "sections.yaml"


def test_sections_roll_up_the_items_numbered_under_them(run: Run) -> None:
    import json

    document = json.loads(run("status", str(SECTIONS), "--as-of", "2026-12-01", "--format", "json").stdout)
    rows = [
        (row["id"], row["tasks"], row["done"], row["overdue"], row["worst"], row["planned_cost"])
        for row in document["sections"]
    ]
    # 11.1.1 is in 11 (there is no section 11.1); A-1 names its section.
    assert rows == [("7", 2, 0, 1, "overdue", "120"), ("11", 3, 2, 0, "due-soon", None)]
    table = run("status", str(SECTIONS), "--as-of", "2026-12-01").stdout
    assert " 11 Привлечение инвесторов         3      2        0       1   66   срок близко " in table
    kk = run("status", str(SECTIONS), "--as-of", "2026-12-01", "--lang", "kk", env={"COLUMNS": "40"}).stdout
    assert "Бөлімдер\n7 Инженерлік-коммуникациялық \nинфрақұрылым\n" in kk
    markdown = run(
        "status", str(SECTIONS), "--as-of", "2026-12-01", "--format", "markdown", "--lang", "en"
    ).stdout
    assert (
        "| 7 Инженерно\\-коммуникационная инфраструктура \\(ru\\) | 2 | 0 | 1 | 0 | 0 | overdue |" in markdown
    )


def test_items_outside_every_section_are_counted_as_such(run: Run, tmp_path: Path) -> None:
    import json

    path = copied(SECTIONS, tmp_path)
    added = run(
        "add", "--id", "12.1", "--title", "Отчитаться", "--department", "uezhkh", "--deadline", "2027-01-31",
        "--file", str(path),
    )  # fmt: skip
    assert added.exit_code == ExitCode.OK, added.stderr
    document = json.loads(run("status", str(path), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert [(row["id"], row["tasks"]) for row in document["sections"]] == [("7", 2), ("11", 3), (None, 1)]


AT_RISK = EXAMPLES / "valid" / "at-risk.yaml"


def test_open_items_at_risk_are_named_with_the_reason_and_never_fail_the_check(run: Run) -> None:
    import json

    result = run("check", str(AT_RISK), "--as-of", "2026-12-01", "--lang", "en")
    assert result.exit_code == ExitCode.BREACHES  # item 1 is overdue; the risks alone would pass
    assert result.stdout.splitlines()[1:] == [
        f"{AT_RISK}:26:5: warning: 4 (uezhkh) is due 2026-12-10 (at risk: due soon with no recent progress "
        "note), in 9 days",
        f"{AT_RISK}:33:5: warning: 5 (uezhkh) is due 2026-12-11, in 10 days",  # a note 6 days old
        f"{AT_RISK}:20:5: warning: 3 (uezhkh) is due 2027-03-31 (at risk: blocked)",
        f"{AT_RISK}:15:5: warning: 2 (uezhkh) is due 2027-06-30 (at risk: an item it waits for is overdue)",
    ]
    document = json.loads(run("status", str(AT_RISK), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert [(row["id"], row["risk"]) for row in document["at_risk"]] == [
        ("4", "no-progress"),
        ("3", "blocked"),
        ("2", "late-predecessor"),
    ]
    assert document["departments"][0]["at_risk"] == 3
    table = run("status", str(AT_RISK), "--as-of", "2026-12-01").stdout
    assert "Риск неисполнения (3)" in table
    kk = run("status", str(AT_RISK), "--as-of", "2026-12-01", "--lang", "kk", "--format", "markdown").stdout
    assert "### Орындалмау қаупі (3)" in kk


def test_a_plan_without_progress_notes_is_not_judged_by_their_absence(run: Run, tmp_path: Path) -> None:
    import json

    path = copied(AT_RISK, tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("    progress:\n      - {on: 2026-10-01, text: Объявлен конкурс}\n", "")
    path.write_text(
        text.replace("    progress:\n      - {on: 2026-11-25, text: Подписан договор}\n", ""), "utf-8"
    )
    document = json.loads(run("status", str(path), "--as-of", "2026-12-01", "--format", "json").stdout)
    assert [(row["id"], row["risk"]) for row in document["at_risk"]] == [
        ("3", "blocked"),
        ("2", "late-predecessor"),
    ]


DEADLINE_KINDS = EXAMPLES / "valid" / "deadline-kinds.yaml"


def test_a_range_and_a_wording_per_language_keep_their_words_in_each_report(run: Run) -> None:
    import json

    kk = run("check", str(DEADLINE_KINDS), "--as-of", "2026-12-20", "--lang", "kk").stdout
    assert "7.2 (uezhkh): мерзімі 31.12.2026 (2026 жылғы IV тоқсан), 11 күн қалды" in kk
    ru = run("check", str(DEADLINE_KINDS), "--as-of", "2026-12-20").stdout
    assert "7.2 (uezhkh): срок 31.12.2026 (IV квартал 2026 года), осталось 11 дней" in ru
    document = json.loads(
        run("check", str(DEADLINE_KINDS), "--as-of", "2027-01-05", "--format", "json").stdout
    )
    rows = {row["id"]: row for row in document["tasks"]}
    assert (rows["7.1"]["deadline"], rows["7.1"]["deadline_starts"]) == ("2026-12-31", "2026-07-01")
    assert rows["7.2"]["deadline_wordings"] == {"ru": "IV квартал 2026 года", "kk": "2026 жылғы IV тоқсан"}


def test_edits_keep_a_wording_per_language_and_refuse_to_guess_a_new_one(run: Run, tmp_path: Path) -> None:
    path = copied(DEADLINE_KINDS, tmp_path)
    assert run("start", "7.2", "--file", str(path)).exit_code == ExitCode.OK
    assert "    deadline: {ru: IV квартал 2026 года, kk: 2026 жылғы IV тоқсан}\n" in path.read_text("utf-8")
    before = path.read_bytes()
    moved = run(
        "postpone",
        "7.2",
        "--to",
        "I квартал 2027 года",
        "--reason",
        "r",
        "--decision",
        "d",
        "--file",
        str(path),
    )
    assert moved.exit_code == ExitCode.INVALID  # which Kazakh words would say it? edit it by hand
    assert path.read_bytes() == before


SEZ_PLAN = EXAMPLES / "valid" / "sez-plan.yaml"


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_a_signed_plan_of_42_items_shows_as_expected_at_100_columns(run: Run, language: str) -> None:
    # Sections, 1.1-style numbers, several leads, bodies by agreement, costs, deadlines per language,
    # a range, progress notes, the approving act: the status the akimat's staff would see.
    result = run("status", str(SEZ_PLAN), "--as-of", "2026-12-01", "--lang", language, env={"COLUMNS": "100"})
    assert result.exit_code == ExitCode.OK, result.stderr
    shown = [line.rstrip() for line in result.stdout.splitlines()]
    expected = EXAMPLES / "expected" / f"sez-plan-100-{language}.txt"
    assert shown == expected.read_text(encoding="utf-8").splitlines()
    assert run("validate", str(SEZ_PLAN)).exit_code == ExitCode.OK
    assert run("fmt", "--check", str(SEZ_PLAN)).exit_code == ExitCode.OK


STANDING = EXAMPLES / "valid" / "standing.yaml"


def test_a_standing_obligation_is_counted_and_listed_but_never_late(run: Run) -> None:
    import json

    check = run("check", str(STANDING), "--as-of", "2030-01-01", "--lang", "en")
    overdue = [line for line in check.stdout.splitlines() if ": warning: " not in line]
    assert overdue == [f"{STANDING}:27:5: 5.4 (upi) was due 2026-11-30, 1,128 days overdue"]
    document = json.loads(
        run("status", str(STANDING), "--as-of", "2026-12-01", "--format", "json", "-d", "upi").stdout
    )
    assert document["departments"][0]["tasks"] == 4
    rows = {row["id"]: row for row in document["deadlines"]}
    assert (rows["5.2"]["deadline"], rows["5.2"]["standing"], rows["5.2"]["state"]) == (
        None,
        "по мере поступления заявок",
        "on-track",
    )
    assert rows["5.3"]["risk"] == "blocked"  # blocked, it is at risk all the same


def test_a_standing_obligation_has_no_deadline_to_postpone(run: Run, tmp_path: Path) -> None:
    path = copied(STANDING, tmp_path)
    result = run(
        "postpone", "5.1", "--to", "2027-01-01", "--reason", "r", "--decision", "d", "--file", str(path)
    )
    assert result.exit_code == ExitCode.USAGE
    assert "постоянное обязательство (постоянно): переносить нечего" in result.stderr
    assert run("done", "5.2", "--on", "2026-11-30", "--file", str(path)).exit_code == ExitCode.OK
    assert "    deadline: по мере поступления заявок\n    status: done\n" in path.read_text("utf-8")


RELATIVE = EXAMPLES / "valid" / "relative.yaml"


def test_a_deadline_after_another_item_waits_for_it_then_counts_from_its_completion(run: Run) -> None:
    import json

    early = json.loads(
        run("status", str(RELATIVE), "--as-of", "2026-12-01", "-d", "us", "--format", "json").stdout
    )
    rows = {row["id"]: row for row in early["deadlines"]}
    # 3.1 was done on 20 October: 3.2 is due two months later; 4.1 waits for 3.2, with no date yet.
    assert (rows["3.2"]["deadline"], rows["3.2"]["after"]) == ("2026-12-20", "3.1")
    assert rows["3.2"]["deadline_text"] == "20.12.2026 (в течение 2 месяцев после исполнения 3.1)"
    assert (rows["4.1"]["deadline"], rows["4.1"]["state"]) == (None, "on-track")
    assert rows["4.1"]["deadline_text"] == "в течение 1 месяца после получения заключения экспертизы"
    late = run("check", str(RELATIVE), "--as-of", "2026-12-25", "--lang", "kk")
    assert late.exit_code == ExitCode.BREACHES
    assert "3.2 (us): мерзімі 20.12.2026 (3.1 орындалғаннан кейін 2 ай ішінде), 5 күн кешікті" in late.stdout


def test_a_deadline_after_another_item_is_not_postponed_by_date(run: Run, tmp_path: Path) -> None:
    path = copied(RELATIVE, tmp_path)
    result = run(
        "postpone", "3.2", "--to", "2027-03-01", "--reason", "r", "--decision", "d", "--file", str(path)
    )
    assert result.exit_code == ExitCode.USAGE
    assert "отсчитывается от 3.1" in result.stderr
    assert run("start", "4.1", "--file", str(path)).exit_code == ExitCode.OK
    assert "      after: 3.2\n      within: 30 дней\n" in path.read_text("utf-8")
