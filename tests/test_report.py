"""`roadmap report`: the execution report as Word and Excel files, read back with python-docx and
openpyxl, and opened by a real office suite (LibreOffice headless)."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook

from tests.conftest import EXAMPLES, SAMPLE, Run, Write
from tests.helpers import HEADER, roadmap, task

AS_OF = "2026-06-15"
POSTPONED = "[{from: 2026-05-31, to: 2026-09-30, reason: Survey repeated, decision: Протокол № 12}]"

PLAN = (
    HEADER.replace(
        "tasks:\n", 'sections:\n  - id: "7"\n    title: {ru: Инфраструктура, kk: Инфрақұрылым}\ntasks:\n'
    )
    + task(
        "7.1",
        "2026-05-31",
        "done",
        completed="2026-05-20",
        title="{ru: Построить подстанцию, kk: Қосалқы станция салу}",
    )
    + task("7.2", "2026-06-01", "in_progress", department="roads", co_executors="[energy]")
    + task("7.3", "2026-09-30", "in_progress", postponements=POSTPONED)
    + task("7.4", "2026-12-31", "cancelled", reason="Объединено с 7.3")
    + task(
        "T-5",
        "IV квартал 2026 года",
        progress="[{on: 2026-06-01, text: Письмо направлено, document: № 5 от 01.06.2026}]",
    )
)
# Titles made to hurt: markup, a formula, control characters, right-to-left text, a very long one.
HOSTILE = [
    "<script>alert(1)</script> & <b>bold</b>",
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    "line\u0007bell\u001b[31mred",
    "\u202eRTL override עברית",
    "ж" * 20_000,
]


def written(run: Run, write: Write, text: str, name: str, *args: str) -> Path:
    path = write(text)
    output = path.parent / name
    result = run("report", str(path), "-o", str(output), "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return output


def test_the_word_report_is_the_official_table(run: Run, write: Write) -> None:
    output = written(run, write, PLAN, "report.docx", "--lang", "ru")
    word = Document(str(output))
    section = word.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    fonts = word.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == fonts.get(qn("w:cs")) == "Times New Roman"
    texts = [paragraph.text for paragraph in word.paragraphs]
    assert texts[:2] == ["Информация о ходе исполнения", "Demo roadmap"]
    assert "по состоянию на 15.06.2026" in texts
    assert texts[-1].startswith(
        "Всего мероприятий: 5; исполнено: 1, из них с нарушением срока: 0; не исполнено: 1"
    )
    (table,) = word.tables
    header = [cell.text for cell in table.rows[0].cells]
    assert header == [
        "№ п/п",
        "Наименование мероприятия",
        "Форма завершения",
        "Ответственные исполнители",
        "Срок исполнения",
        "Информация об исполнении",
        "Статус",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on every page
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    assert rows["7. Инфраструктура"][1] == "7. Инфраструктура"  # the section: one cell across
    assert rows["7.1"][1] == "Построить подстанцию" and rows["7.1"][6] == "исполнено"
    assert rows["7.2"][3] == "Roads\nУправление энергетики"  # the lead first, then the co-executor
    assert rows["7.2"][6] == "не исполнено"
    assert rows["7.3"][6] == "перенос срока (с 31.05.2026 на 30.09.2026, основание: Протокол № 12)"
    assert rows["7.4"][6] == "снято с контроля (основание: Объединено с 7.3)"
    assert rows["T-5"][4] == "31.12.2026 (IV квартал 2026 года)"
    assert rows["T-5"][5] == "01.06.2026: Письмо направлено (№ 5 от 01.06.2026)"
    assert list(rows)[-2:] == ["Вне разделов", "T-5"]  # outside every section: last
    footer = word.sections[0].footer.paragraphs[0]._p.xml
    assert "PAGE" in footer


def test_the_word_report_speaks_kazakh(run: Run, write: Write) -> None:
    output = written(run, write, PLAN, "report.docx", "--lang", "kk")
    (table,) = Document(str(output)).tables
    assert table.rows[0].cells[1].text == "Іс-шараның атауы"
    rows = {row.cells[0].text: [cell.text for cell in row.cells] for row in table.rows[1:]}
    assert rows["7.1"][1] == "Қосалқы станция салу" and rows["7.1"][6] == "орындалды"
    assert rows["7.2"][6] == "орындалмады"


def test_the_excel_report_has_a_summary_and_a_filtered_sheet_of_items(run: Run, write: Write) -> None:
    output = written(run, write, PLAN, "report.xlsx", "--lang", "ru")
    workbook = load_workbook(output)
    assert workbook.sheetnames == ["Сводка", "Мероприятия"]
    summary = workbook["Сводка"]
    assert summary["A1"].value == "Информация о ходе исполнения"
    counts = {summary.cell(row, 1).value: summary.cell(row, 2).value for row in range(1, summary.max_row + 1)}
    assert counts["исполнено"] == 1 and counts["не исполнено"] == 1 and counts["перенос срока"] == 1
    items = workbook["Мероприятия"]
    assert items.freeze_panes == "A2" and items.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in items[1]]
    assert header[0] == "№ п/п" and header[-1] == "Дата срока"
    rows = {
        items.cell(row, 1).value: [cell.value for cell in items[row]] for row in range(2, items.max_row + 1)
    }
    assert rows["7.2"][-1] == datetime(2026, 6, 1)  # a real date, not text
    assert items.cell(list(rows).index("7.2") + 2, 7).fill.fgColor.rgb.endswith("FFC7CE")  # not executed: red
    assert rows["7.3"][6].startswith("перенос срока")
    # How a reader sees the cells: Times New Roman; an item's text wrapped in its column, a section's
    # title on one line running on over the empty cells beside it; a due date written as a date.
    section_row = next(row for row in range(2, items.max_row + 1) if items.cell(row, 2).value is None)
    assert items.cell(section_row, 1).font.bold and not items.cell(section_row, 1).alignment.wrap_text
    item_row = list(rows).index("7.2") + 2
    assert (
        items.cell(item_row, 2).alignment.wrap_text and items.cell(item_row, 2).font.name == "Times New Roman"
    )
    assert items.cell(item_row, len(header)).number_format == "DD.MM.YYYY"


def test_a_plan_with_costs_gets_the_cost_and_financing_columns(run: Run, tmp_path: Path) -> None:
    output = tmp_path / "plan.xlsx"
    plan = EXAMPLES / "valid" / "sez-plan.yaml"
    result = run("report", str(plan), "-o", str(output), "--as-of", "2026-11-26", "--lang", "ru")
    assert result.exit_code == 0, result.stderr
    items = load_workbook(output)["Мероприятия"]
    header = [cell.value for cell in items[1]]
    assert header[7:] == ["Предполагаемые расходы, млн тенге", "Источник финансирования", "Дата срока"]
    costs = [items.cell(row, 8).value for row in range(2, items.max_row + 1)]
    assert any(isinstance(cost, float) and cost > 0 for cost in costs)  # numbers a sum can add


def test_a_report_goes_to_standard_output_when_it_is_not_a_terminal(run: Run, write: Write) -> None:
    path = write(PLAN)
    result = run("report", str(path), "-o", "-", "--format", "docx")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes[:2] == b"PK"  # a zip: the document itself
    assert "standard output: the execution report, 5 tasks" in result.stderr


@pytest.mark.parametrize("name", ["report.docx", "report.xlsx"])
def test_hostile_titles_stay_text_in_every_office_format(run: Run, write: Write, name: str) -> None:
    text = roadmap(
        *(task(f"T-{number}", "2026-12-31", title=repr_yaml(title)) for number, title in enumerate(HOSTILE))
    )
    output = written(run, write, text, name)
    if name.endswith(".xlsx"):
        items = load_workbook(output)["Items"]
        cells = [items.cell(row, 2) for row in range(2, items.max_row + 1) if items.cell(row, 2).value]
        titles = [cell.value for cell in cells]
        assert {cell.data_type for cell in cells} == {"s"}  # every title a string cell: none a formula
    else:
        (table,) = Document(str(output)).tables
        titles = [row.cells[1].text for row in table.rows[1:]]
    titles = [title for title in titles if title != "Outside the sections"]
    assert titles[0] == HOSTILE[0] and titles[1] == HOSTILE[1] and titles[4] == "@cmd"
    assert titles[5] == "line\\x07bell\\x1b[31mred"  # control characters spelled out
    assert "\\u202e" in titles[6] and len(titles[7]) == 20_000


def repr_yaml(text: str) -> str:
    """A YAML double-quoted scalar holding `text` exactly."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(
        f"\\u{ord(char):04x}" if ord(char) < 32 or char == "\u202e" else char for char in escaped
    )
    return f'"{escaped}"'


def test_the_format_comes_from_the_file_name_or_is_asked_for(run: Run, write: Write) -> None:
    path = write(PLAN)
    result = run("report", str(path), "-o", str(path.parent / "report.pdf"))
    assert result.exit_code == 2
    assert "cannot tell the format from" in result.stderr and not (path.parent / "report.pdf").exists()
    forced = run("report", str(path), "-o", str(path.parent / "report.bin"), "--format", "xlsx")
    assert forced.exit_code == 0 and (path.parent / "report.bin").read_bytes()[:2] == b"PK"


def test_a_report_that_cannot_be_written_exits_5_and_leaves_nothing(run: Run, write: Write) -> None:
    path = write(PLAN)
    missing = path.parent / "no-such-folder" / "report.docx"
    result = run("report", str(path), "-o", str(missing))
    assert result.exit_code == 5
    assert result.stderr.startswith(f"roadmap: {missing}: cannot write:")
    assert not missing.parent.exists()


def test_a_report_replaces_last_months_file_whole(run: Run, write: Write) -> None:
    path = write(PLAN)
    output = path.parent / "report.xlsx"
    output.write_bytes(b"last month")
    assert run("report", str(path), "-o", str(output)).exit_code == 0
    assert output.read_bytes()[:2] == b"PK"
    assert [entry.name for entry in path.parent.iterdir() if entry.name.startswith(".")] == []


def test_an_unknown_section_or_department_is_a_usage_error(run: Run, write: Write) -> None:
    path = write(PLAN)
    output = path.parent / "report.docx"
    section = run("report", str(path), "-o", str(output), "--section", "9")
    assert section.exit_code == 2 and "no section '9' in this roadmap; known: 7" in section.stderr
    assert run("report", str(path), "-o", str(output), "--department", "nobody").exit_code == 2
    assert not output.exists()


def test_one_department_or_section_gets_its_own_items(run: Run, write: Write) -> None:
    output = written(run, write, PLAN, "report.docx", "--department", "roads")
    (table,) = Document(str(output)).tables
    assert [row.cells[0].text for row in table.rows[1:]] == ["7. Инфраструктура (ru)", "7.2"]
    output = written(run, write, PLAN, "section.docx", "--section", "7")
    (table,) = Document(str(output)).tables
    assert [row.cells[0].text for row in table.rows[1:]][1:] == ["7.1", "7.2", "7.3", "7.4"]


# ---- a real office suite -------------------------------------------------------------------------


# The sample's title in each language, as a reader of the printed report finds it.
SAMPLE_TITLES = {
    "ru": "Дорожная карта стратегии развития специальной экономической зоны «Актобе»",
    "kk": "«Ақтөбе» арнайы экономикалық аймағын дамыту стратегиясының жол картасы",
}


def client(*names: str, install: str) -> str:
    """A real client's command (an office suite, a browser): locally a skip saying how to install it
    when it is missing, under CI=true a failure, never a silent skip."""
    found = next((path for name in names if (path := shutil.which(name)) is not None), None)
    if found is None:
        message = f"{names[0]} is not installed: {install}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


def pdf_text(pdf: Path) -> str:
    pdftotext = client("pdftotext", install="apt-get install poppler-utils")
    completed = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return completed.stdout


@pytest.mark.parametrize("name", ["sez.docx", "sez.xlsx"])
@pytest.mark.parametrize("language", ["ru", "kk"])
def test_libreoffice_opens_the_report_of_the_sample(
    run: Run, tmp_path: Path, name: str, language: str
) -> None:
    soffice = client(
        "soffice", "libreoffice", install="apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
    )
    output = tmp_path / name
    result = run("report", str(SAMPLE), "-o", str(output), "--as-of", "2026-11-26", "--lang", language)
    assert result.exit_code == 0, result.stderr
    converted = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "pdf" / output.with_suffix(".pdf").name
    assert pdf.exists(), converted.stdout + converted.stderr
    text = " ".join(pdf_text(pdf).split())
    assert SAMPLE_TITLES[language] in text
    for task_id in ("SEZ-001", "SEZ-009", "SEZ-037"):
        assert task_id in text
    assert {"ru": "не исполнено", "kk": "орындалмады"}[language] in text


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_execution_report_of_a_small_plan_is_word_for_word_as_expected(
    run: Run, write: Write, language: str
) -> None:
    # Golden text: every paragraph, then every row of the table, its cells joined by " | ".
    output = written(run, write, PLAN, "report.docx", "--lang", language)
    word = Document(str(output))
    lines = [paragraph.text for paragraph in word.paragraphs]
    lines += [" | ".join(cell.text.replace("\n", " / ") for cell in row.cells) for row in word.tables[0].rows]
    expected = EXAMPLES / "expected" / f"execution-{language}.txt"
    assert lines == expected.read_text(encoding="utf-8").splitlines()
