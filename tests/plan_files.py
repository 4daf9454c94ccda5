"""Plans as they arrive, built for the tests: Word and Excel tables the way offices lay them out, with
merged header cells, a header over two rows, a numbering row, section rows across the table, line
breaks inside cells and several executors."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

LEFT = "<"  # a header cell merged with the one on its left
ABOVE = "^"  # a header cell merged with the one above it


@dataclass(frozen=True)
class Section:
    text: str


Row = Sequence[str] | Section


@dataclass(frozen=True)
class Plan:
    title: str
    header: Sequence[Sequence[str]]  # one or two rows; LEFT and ABOVE mark merged cells
    rows: Sequence[Row]
    numbered: bool = True  # a row "1 2 3 ..." under the header

    @property
    def width(self) -> int:
        return len(self.header[0])


RU_HEADER = (
    ("№ п/п", "Наименование мероприятия", "Форма завершения", "Ответственные исполнители",
     "Срок исполнения", "Предполагаемые расходы", LEFT),
    (ABOVE, ABOVE, ABOVE, ABOVE, ABOVE, "сумма,\nмлн тенге", "источник финансирования"),
)  # fmt: skip
KK_HEADER = (
    ("Р/с №", "Іс-шараның атауы", "Аяқтау нысаны", "Жауапты орындаушылар", "Орындау мерзімі",
     "Болжамды шығыстар", LEFT),
    (ABOVE, ABOVE, ABOVE, ABOVE, ABOVE, "сомасы, млн теңге", "Қаржыландыру көзі"),
)  # fmt: skip


def word(plan: Plan, path: Path) -> Path:
    """The plan as a Word document: its title above one table, merged cells merged as Word does."""
    import docx

    document = docx.Document()
    document.add_paragraph("УТВЕРЖДЕН распоряжением акима области")
    document.add_paragraph(plan.title)
    body = _grid(plan)
    table = document.add_table(rows=len(body), cols=plan.width)
    for row_at, cells in enumerate(body):
        for column_at, text in enumerate(cells):
            if text in (LEFT, ABOVE):
                continue
            table.cell(row_at, column_at).text = text
    for row_at, cells in enumerate(body):
        for column_at, text in enumerate(cells):
            if text == LEFT:
                start = column_at - 1
                while body[row_at][start] == LEFT:
                    start -= 1
                table.cell(row_at, start).merge(table.cell(row_at, column_at))
            elif text == ABOVE:
                table.cell(row_at - 1, column_at).merge(table.cell(row_at, column_at))
    for row_at, row in enumerate(plan.rows, start=len(body) - len(plan.rows)):
        if isinstance(row, Section):
            table.cell(row_at, 0).merge(table.cell(row_at, plan.width - 1))
            table.cell(row_at, 0).text = row.text
    document.save(str(path))
    return path


def excel(plan: Plan, path: Path) -> Path:
    """The plan as an Excel workbook: the title in the first row, merged ranges as Excel merges."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "План"
    sheet.cell(1, 1, plan.title)
    body = _grid(plan)
    first = 3
    for row_at, cells in enumerate(body):
        for column_at, text in enumerate(cells):
            if text not in (LEFT, ABOVE):
                cell = sheet.cell(first + row_at, column_at + 1, text)
                cell.data_type = "s"  # a title that starts with "=" is text in a plan, not a formula
    for row_at, cells in enumerate(body):
        for column_at, text in enumerate(cells):
            if text == LEFT:
                sheet.merge_cells(
                    start_row=first + row_at,
                    start_column=column_at,
                    end_row=first + row_at,
                    end_column=column_at + 1,
                )
            elif text == ABOVE:
                sheet.merge_cells(
                    start_row=first + row_at - 1,
                    start_column=column_at + 1,
                    end_row=first + row_at,
                    end_column=column_at + 1,
                )
    for row_at, row in enumerate(plan.rows, start=first + len(body) - len(plan.rows)):
        if isinstance(row, Section):
            sheet.merge_cells(start_row=row_at, start_column=1, end_row=row_at, end_column=plan.width)
    workbook.save(str(path))
    return path


def csv_text(plan: Plan, separator: str = ";") -> str:
    """The plan as a Russian Excel saves a sheet as CSV: merged cells written once, then empty."""
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator)
    for cells in _grid(plan):
        writer.writerow(["" if text in (LEFT, ABOVE) else text for text in cells])
    return out.getvalue()


def _grid(plan: Plan) -> list[list[str]]:
    """Every row of the table as cell texts: the header, the numbering row, the sections (their
    text in the first cell, the rest merged), the items."""
    rows = [list(cells) for cells in plan.header]
    if plan.numbered:
        rows.append([str(number) for number in range(1, plan.width + 1)])
    for row in plan.rows:
        if isinstance(row, Section):
            rows.append([row.text] + [""] * (plan.width - 1))
        else:
            rows.append(list(row) + [""] * (plan.width - len(row)))
    return rows


# ---- a plan of 45 rows, as a regional akimat signs one ---------------------------------------------

_EXECUTORS = [
    "Управление энергетики и жилищно-коммунального хозяйства",
    "Управление строительства, архитектуры и градостроительства",
    "Управление пассажирского транспорта и автомобильных дорог",
    "Управление предпринимательства и индустриально-инновационного развития",
    "Управление экономики и бюджетного планирования",
    "Управление земельных отношений",
    "Управляющая компания СЭЗ «Актобе» (по согласованию)",
    "АО «KEGOC» (по согласованию)",
    "Акиматы городов и районов",
]
_WORDINGS = [
    "I квартал 2026 года",
    "до 1 апреля 2026 года",
    "май 2026 года",
    "первое полугодие 2026 года",
    "III квартал\n2026 года",
    "30.09.2026",
    "до 20 декабря 2026 года",
    "IV квартал 2026 года",
    "2026 год",
    "III–IV кварталы 2026 года",
    "2027 год",
    "постоянно",
    "ежеквартально, до 5 числа месяца, следующего за отчетным кварталом",
]
_SECTIONS = [
    ("Раздел 1. Организационные мероприятия", ["Утвердить", "Разработать", "Согласовать"],
     ["регламент работы штаба", "план-график", "состав рабочей группы", "порядок отчётности"]),
    ("Раздел 2. Инженерная инфраструктура", ["Разработать ПСД на", "Провести экспертизу ПСД на", "Построить"],
     ["сети электроснабжения", "сети водоснабжения", "сети газоснабжения", "подъездную дорогу"]),
    ("Раздел 3. Привлечение инвесторов", ["Провести переговоры по", "Заключить соглашение по", "Сопроводить"],
     ["проекту лифтового завода", "проекту сборки техники", "проекту переработки масел"]),
    ("Раздел 4. Мониторинг", ["Представить информацию о", "Провести анализ"],
     ["ходе исполнения дорожной карты", "привлечённых инвестициях"]),
]  # fmt: skip
_UNREADABLE = {  # row number among the items: what makes it one a person must settle
    9: ("deadline", "в сроки, установленные проектом"),
    17: ("executors", ""),
    28: ("number", ""),
    36: ("cost", "по смете"),
    41: ("deadline", "по мере готовности ПСД и выделения средств"),
}


def forty_five_rows() -> Plan:
    """45 items in four sections: every wording the parser knows, costs on the second section's
    items, several executors, and five rows it cannot fully read (`_UNREADABLE`)."""
    rows: list[Row] = []
    ordinal = 0
    per_section = [12, 13, 12, 8]
    for (heading, verbs, objects), count in zip(_SECTIONS, per_section, strict=True):
        rows.append(Section(heading))
        section_number = heading.split()[1].rstrip(".")
        for number in range(1, count + 1):
            ordinal += 1
            title = f"{verbs[number % len(verbs)]} {objects[number % len(objects)]} (этап {number})"
            leads = [_EXECUTORS[(ordinal * 7) % len(_EXECUTORS)]]
            if ordinal % 3 == 0:
                leads.append(_EXECUTORS[(ordinal * 5 + 1) % len(_EXECUTORS)])
            cost, source = ("", "")
            if section_number == "2":
                cost, source = f"{ordinal * 37 % 900 + 10},5", ["МБ", "РБ", "местный бюджет, НФ"][ordinal % 3]
            executors, wording = "\n".join(dict.fromkeys(leads)), _WORDINGS[ordinal % len(_WORDINGS)]
            cells = [
                f"{section_number}.{number}",
                title,
                "Информация в акимат области",
                executors,
                wording,
                cost,
                source,
            ]
            broken = _UNREADABLE.get(ordinal)
            if broken is not None:
                field, text = broken
                at = {"deadline": 4, "executors": 3, "number": 0, "cost": 5}[field]
                cells[at] = text
            rows.append(cells)
    return Plan(
        title="Дорожная карта по реализации стратегии развития специальной экономической зоны «Актобе» "
        "на 2026–2027 годы",
        header=RU_HEADER,
        rows=rows,
    )


if __name__ == "__main__":  # python -m tests.plan_files PLAN.docx: the 45-row plan, to look at
    import sys

    word(forty_five_rows(), Path(sys.argv[1]))
