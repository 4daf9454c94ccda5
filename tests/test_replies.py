"""Departments' replies: `roadmap export --department` writes the form a department fills in, and
`roadmap import-progress` takes the filled-in form back as progress notes and status edits, all or
nothing, refusing what no longer matches the roadmap and any moved deadline."""

from __future__ import annotations

import difflib
import shutil
import subprocess
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import SAMPLE, Run
from tests.test_report import client, pdf_text

AS_OF = "2026-11-26"
HEADER_ROW = 5


@pytest.fixture
def roadmap_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "roadmap.yaml"
    shutil.copyfile(SAMPLE, copy)
    return copy


def exported(run: Run, roadmap: Path, department: str = "energy", language: str = "ru") -> Path:
    form = roadmap.parent / f"reply-{department}-{language}.xlsx"
    result = run(
        "export", str(roadmap), "-d", department, "-o", str(form), "--as-of", AS_OF, "--lang", language
    )
    assert result.exit_code == 0, result.stderr
    return form


def fill(form: Path, answers: dict[str, dict[int, object]], name: str = "filled.xlsx") -> Path:
    """The form with the cells of each item's row set: {task: {column (1-based): value}}."""
    workbook = openpyxl.load_workbook(form)
    sheet = workbook.worksheets[0]
    for row in sheet.iter_rows(min_row=HEADER_ROW + 1):
        for column, value in answers.get(str(row[0].value), {}).items():
            row[column - 1].value = value
    filled = form.parent / name
    workbook.save(filled)
    return filled


def test_the_form_lists_the_departments_items_with_columns_to_fill_and_a_status_drop_down(
    run: Run, roadmap_copy: Path
) -> None:
    workbook = openpyxl.load_workbook(exported(run, roadmap_copy))
    sheet = workbook["Ответ"]
    header = [cell.value for cell in sheet[HEADER_ROW]]
    assert header == [
        "№ п/п",
        "Наименование мероприятия",
        "Срок исполнения",
        "Текущее состояние",
        "Информация об исполнении (заполнить)",
        "Документ (номер, дата)",
        "По состоянию на (дата)",
        "Новый статус",
    ]
    items = [row[0] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True)]
    # Energy leads or co-executes these, in the plan's order under its sections.
    assert items == ["SEZ-003", "SEZ-006", "SEZ-007", "SEZ-008", "SEZ-010", "SEZ-011", "SEZ-012", "SEZ-014",
                     "SEZ-015", "SEZ-016"]  # fmt: skip
    assert all(row[4] is None and row[7] is None for row in sheet.iter_rows(min_row=6, values_only=True))
    [choices] = sheet.data_validations.dataValidation
    assert choices.formula1 == '"на стадии реализации,исполнено,приостановлено"'
    assert str(choices.sqref) == "H6:H15"
    assert workbook["roadmap"].sheet_state == "hidden"
    assert "Управление энергетики и жилищно-коммунального хозяйства" in str(sheet["A1"].value)


def test_a_filled_in_reply_becomes_notes_and_status_edits_and_a_second_time_nothing(
    run: Run, roadmap_copy: Path
) -> None:
    before = roadmap_copy.read_text(encoding="utf-8")
    reply = fill(
        exported(run, roadmap_copy),
        {
            "SEZ-008": {
                5: "ПСД разработана\nи передана на экспертизу",
                6: "письмо № 12-3/456",
                7: date(2026, 11, 20),
            },
            "SEZ-014": {
                5: "Строительство начато",
                6: "протокол № 4",
                7: "21.11.2026",
                8: "исполнено",
            },
        },
    )
    result = run("import-progress", str(reply), "--file", str(roadmap_copy), "--lang", "en")
    assert result.exit_code == 0, result.stderr
    after = roadmap_copy.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert changed == [
        "+     progress:",
        "+       - on: 2026-11-20",
        '+         text: "ПСД разработана\\nи передана на экспертизу"',
        "+         document: письмо № 12-3/456",
        "-     status: planned",
        "+     status: done",
        "+     completed: 2026-11-21",
        "+     evidence: протокол № 4",
        "+     progress:",
        "+       - on: 2026-11-21",
        "+         text: Строительство начато",
        "+         document: протокол № 4",
    ]  # every other line of the file as it was
    again = run("import-progress", str(reply), "--file", str(roadmap_copy), "--lang", "en")
    assert again.exit_code == 0 and "nothing to change" in again.stderr
    assert roadmap_copy.read_text(encoding="utf-8") == after


def test_a_row_that_no_longer_matches_or_moves_a_deadline_refuses_the_whole_reply(
    run: Run, roadmap_copy: Path
) -> None:
    before = roadmap_copy.read_bytes()
    reply = fill(
        exported(run, roadmap_copy),
        {
            "SEZ-003": {2: "Другое наименование", 5: "сделано"},
            "SEZ-006": {3: "31.12.2026", 5: "перенесли сами"},
            "SEZ-007": {5: "текст", 7: "вчера"},
            "SEZ-008": {5: "текст", 8: "готово"},
            "SEZ-010": {8: "приостановлено"},
            "SEZ-011": {5: "хорошая строка"},
        },
    )
    result = run("import-progress", str(reply), "--file", str(roadmap_copy), "--lang", "en")
    assert result.exit_code == 3
    lines = result.stderr.splitlines()
    assert "row 6 (item SEZ-003): the title “Другое наименование” is not the roadmap's" in lines[0]
    assert "row 7 (item SEZ-006): the deadline “31.12.2026” is not the roadmap's: a deadline is moved by a " \
           "postponement (roadmap postpone SEZ-006" in lines[1]  # fmt: skip
    assert "row 8 (item SEZ-007): the day “вчера” is no date" in lines[2]
    assert "row 9 (item SEZ-008): the status “готово” is none a department reports" in lines[3]
    assert "row 10 (item SEZ-010): a suspended item needs its reason" in lines[4]
    assert lines[5] == "5 rows refused: nothing was written; correct them in the reply and take it in again"
    assert roadmap_copy.read_bytes() == before  # the good row was not taken in either


def test_a_kazakh_form_is_read_back_by_its_kazakh_headings(run: Run, roadmap_copy: Path) -> None:
    reply = fill(exported(run, roadmap_copy, language="kk"), {"SEZ-011": {5: "Келісілді", 8: "орындалды"}})
    result = run("import-progress", str(reply), "--file", str(roadmap_copy))
    assert result.exit_code == 0, result.stderr
    text = roadmap_copy.read_text(encoding="utf-8")
    assert "text: Келісілді" in text and f"completed: {AS_OF}" in text  # the form's day, when none is given


def test_a_form_of_another_roadmap_or_no_form_at_all_is_one_line_and_exit_3(
    run: Run, roadmap_copy: Path, tmp_path: Path
) -> None:
    form = exported(run, roadmap_copy)
    other = tmp_path / "other.yaml"
    other.write_text(
        roadmap_copy.read_text(encoding="utf-8").replace("id: aktobe-sez", "id: another"), "utf-8"
    )
    refused = run("import-progress", str(form), "--file", str(other), "--lang", "en")
    assert refused.exit_code == 3 and "the form is of another roadmap (aktobe-sez)" in refused.stderr
    plain = tmp_path / "plain.xlsx"
    openpyxl.Workbook().save(plain)
    not_form = run("import-progress", str(plain), "--file", str(roadmap_copy), "--lang", "en")
    assert not_form.exit_code == 3 and "not a reply form of `roadmap export`" in not_form.stderr
    assert len(not_form.stderr.strip().splitlines()) == 1
    wrong = run("export", str(roadmap_copy), "-d", "nobody", "-o", str(tmp_path / "x.xlsx"))
    assert wrong.exit_code == 2 and not (tmp_path / "x.xlsx").exists()


def test_libreoffice_opens_the_reply_form(run: Run, roadmap_copy: Path, tmp_path: Path) -> None:
    office = client("libreoffice", "soffice", install="apt-get install libreoffice-calc-nogui")
    form = exported(run, roadmap_copy)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo-profile"
    arguments = [office, profile, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(form)]
    subprocess.run(arguments, capture_output=True, timeout=180, check=False)
    text = " ".join(pdf_text(tmp_path / f"{form.stem}.pdf").split())
    assert "Информация об исполнении (заполнить)" in text and "SEZ-016" in text


def test_a_form_in_a_language_the_titles_lack_is_read_back_unchanged(run: Run, tmp_path: Path) -> None:
    """A title the roadmap has in Russian only is shown in an English form marked "(ru)": taken
    back, it is the same title (found by the benchmark: every row of such a form was refused)."""
    roadmap = tmp_path / "roadmap.yaml"
    roadmap.write_text(
        "roadmap: {id: t, title: T}\n"
        "departments:\n  - {id: energy, name: {ru: Энергетика}}\n"
        "tasks:\n"
        "  - {id: T-1, title: {ru: Построить подстанцию}, department: energy, deadline: 2026-12-20}\n",
        encoding="utf-8",
    )
    form = exported(run, roadmap, language="en")
    unchanged = run("import-progress", str(form), "--file", str(roadmap), "--lang", "en")
    assert unchanged.exit_code == 0 and "nothing to change" in unchanged.stderr, unchanged.stderr
    filled = fill(form, {"T-1": {5: "Начато"}})
    noted = run("import-progress", str(filled), "--file", str(roadmap), "--lang", "en")
    assert noted.exit_code == 0 and "text: Начато" in roadmap.read_text(encoding="utf-8")
