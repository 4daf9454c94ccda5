"""`roadmap import`: a plan's Word, Excel or CSV table becomes a roadmap, and every row is accounted
for: an item, a section, or a line that names the row and says what to do."""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from roadmap_cli.load import load_roadmap
from roadmap_cli.model import DepartmentKind, FundingSource, Roadmap
from tests.conftest import REPO, SAMPLE, Run
from tests.plan_files import KK_HEADER, RU_HEADER, Plan, Section, csv_text, excel, forty_five_rows, word
from tests.test_report import client

EXPECTED = REPO / "tests" / "example-files" / "expected"
ENERGY = "Управление энергетики и жилищно-коммунального хозяйства"
BUILDING = "Управление строительства, архитектуры и градостроительства"
ROADS = "Управление пассажирского транспорта и автомобильных дорог"
BUSINESS = "Управление предпринимательства и индустриально-инновационного развития"
SEZ = "Управляющая компания СЭЗ «Актобе»"

RU_PLAN = Plan(
    title="Дорожная карта по развитию специальной экономической зоны «Актобе» на 2026–2027 годы",
    header=RU_HEADER,
    rows=[
        Section("Раздел 1. Инфраструктура"),
        ["1.1", "Разработать ПСД на сети\nэлектроснабжения", "ПСД", f"{ENERGY}\n{BUILDING}",
         "III квартал\n2026 года", "120,5", "МБ"],
        ["1.2", "Получить заключение госэкспертизы", "Заключение",
         f"{BUILDING}, АО «KEGOC» (по согласованию)", "до 20 декабря 2026 года"],
        ["1.3.", "Построить подъездную дорогу", "Акт ввода", ROADS, "III–IV кварталы 2026 года", "1 250,0",
         "местный бюджет, республиканский бюджет"],
        Section("2. Инвесторы"),
        ["2.1", "Провести переговоры с инвесторами", "Протокол", f"{BUSINESS}; {SEZ} (по согласованию)",
         "декабрь 2026 года", "-", "не требуется"],
        ["2.2", "Сопровождать инвесторов", "Информация", f"{SEZ} (по согласованию)", "постоянно"],
        ["2.3", "Информировать акимат о ходе работ", "Информация в акимат", BUSINESS,
         "ежемесячно, до 10 числа месяца, следующего за отчетным"],
        ["2.4", "Привлечь якорного инвестора", "Соглашение", BUSINESS, "в сроки, установленные инвестором"],
        ["", "Согласовать схему участков", "Схема", "Управление земельных отношений", "2026 год"],
        ["2.5", "Подготовить каталог", "Каталог", "", "Q4 2026"],
        ["2.6"],
        ["2.7", "Рассчитать смету", "Смета", "Управление экономики и бюджетного планирования", "2027 год",
         "около 5 млрд", "МБ"],
    ],
)  # fmt: skip
RU_FINDINGS = [
    "table 1, row 13: no item number (“”): the task's id is made from its row; set its id (review.number)",
    "table 1, row 12 (item 2.4): the deadline “в сроки, установленные инвестором” is no date or wording this "
    "tool reads: kept as written in review.deadline; write the deadline in the roadmap",
    "table 1, row 11 (item 2.3): a recurring duty (“ежемесячно, до 10 числа месяца, следующего за "
    "отчетным”): its first period is taken as the one of 1 January 2026; set recurrence.starts if it "
    "begins later",
    "table 1, row 14 (item 2.5): no executor named: the item is given to “unassigned” until you set its "
    "department (review.executors)",
    "table 1, row 15 (item 2.6): a row with no title is not an item: left out; if it goes on from the row "
    "above, join the two in the plan",
    "table 1, row 16 (item 2.7): the cost “около 5 млрд” is no amount: left out; write it in cost.amount",
]


def imported(run: Run, plan_file: Path, *args: str) -> tuple[Roadmap, str, list[str]]:
    """The roadmap `roadmap import` writes for `plan_file`, its text, and its finding lines."""
    output = plan_file.with_name(f"{plan_file.name}.yaml")
    result = run("import", str(plan_file), "-o", str(output), "--lang", "en", *args)
    assert result.exit_code in (0, 1), result.stderr
    loaded = load_roadmap(output)
    assert loaded.roadmap is not None, [finding.message for finding in loaded.findings]
    prefix = f"{plan_file}: "
    findings = [line.removeprefix(prefix) for line in result.stderr.splitlines() if line.startswith(prefix)]
    return loaded.roadmap, output.read_text(encoding="utf-8"), findings


def without_sources(text: str) -> str:
    """The roadmap text without the `review.source` lines, which name the file and its row."""
    return re.sub(r"\n +source: .*", "", text)


def test_a_russian_word_plan_becomes_a_roadmap_with_every_row_accounted_for(run: Run, tmp_path: Path) -> None:
    roadmap, text, findings = imported(run, word(RU_PLAN, tmp_path / "plan.docx"))
    assert roadmap.info.title.joined() == RU_PLAN.title and roadmap.info.language == "ru"
    assert sorted(findings, key=_row) == sorted(RU_FINDINGS, key=_row)
    tasks = roadmap.tasks_by_id
    assert list(tasks) == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "item-8", "2.5", "2.7"]
    assert [(section.id, section.title.joined()) for section in roadmap.sections] == [
        ("1", "Инфраструктура"),
        ("2", "Инвесторы"),
    ]
    names = {department.id: department for department in roadmap.departments}
    first = tasks["1.1"]
    assert (
        names[first.department].name.joined() == ENERGY
        and names[first.co_executors[0]].name.joined() == BUILDING
    )
    assert (
        first.department == "uezhkkh" and first.title.joined() == "Разработать ПСД на сети электроснабжения"
    )
    assert first.deadline is not None and first.deadline.written() == "III квартал 2026 года"
    assert first.cost is not None and first.cost.amount == Decimal("120.5")
    assert first.cost.sources == (FundingSource.LOCAL_BUDGET,)
    kegoc = names[tasks["1.2"].co_executors[0]]
    assert kegoc.name.joined() == "АО «KEGOC»" and kegoc.kind is DepartmentKind.EXTERNAL
    assert (
        names[tasks["2.1"].co_executors[0]].name.joined() == SEZ
        and names["uk-sez"].kind is DepartmentKind.EXTERNAL
    )
    assert tasks["1.3"].cost is not None and tasks["1.3"].cost.amount == Decimal("1250.0")
    assert tasks["1.3"].cost.sources == (FundingSource.LOCAL_BUDGET, FundingSource.REPUBLICAN_BUDGET)
    assert tasks["2.1"].cost is None
    assert tasks["2.2"].standing == "постоянно"
    assert (
        tasks["2.3"].recurrence is not None
        and tasks["2.3"].recurrence.schedule.starts.isoformat() == "2026-01-01"
    )
    review = tasks["2.4"].review
    assert review is not None and review.deadline == "в сроки, установленные инвестором"
    assert review.source == "plan.docx: table 1, row 12" and tasks["2.4"].deadline is None
    assert tasks["item-8"].review is not None and tasks["item-8"].review.number == ""
    assert tasks["2.5"].department == "unassigned" and tasks["2.5"].review is not None
    assert "2.6" not in tasks
    assert text.count("\n    section:") == 1 and tasks["item-8"].section == "2"  # 1.1 is in 1 by its number


def _row(line: str) -> int:
    return int(re.search(r"row (\d+)", line).group(1))  # type: ignore[union-attr]


def test_the_excel_and_csv_forms_of_the_plan_give_the_same_roadmap(run: Run, tmp_path: Path) -> None:
    _roadmap, from_word, _findings = imported(run, word(RU_PLAN, tmp_path / "plan.docx"))
    _roadmap, from_excel, excel_findings = imported(run, excel(RU_PLAN, tmp_path / "plan.xlsx"))
    assert without_sources(from_excel) == without_sources(from_word)
    assert "sheet План, row 14 (item 2.4)" in " ".join(excel_findings)  # the sheet's own rows: a title above
    for encoding, separator in (("cp1251", ";"), ("utf-8-sig", ","), ("utf-8", "\t")):
        plan_file = tmp_path / f"plan-{encoding}.csv"
        plan_file.write_bytes(csv_text(RU_PLAN, separator).encode(encoding))
        _roadmap, from_csv, _findings = imported(run, plan_file)
        # A CSV keeps no title: the roadmap is named after the file until a person names it.
        assert (
            without_sources(from_csv).split("\n  language:")[1]
            == without_sources(from_word).split("\n  language:")[1]
        )


def test_a_kazakh_plan_is_read_by_its_kazakh_header(run: Run, tmp_path: Path) -> None:
    plan = Plan(
        title="«Ақтөбе» арнайы экономикалық аймағын дамыту жөніндегі жол картасы",
        header=KK_HEADER,
        rows=[
            Section("1. Инфрақұрылым"),
            ["1.1", "Электрмен жабдықтау желілеріне ЖСҚ әзірлеу", "ЖСҚ",
             "Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы\n"
             "Құрылыс, сәулет және қала құрылысы басқармасы",
             "2026 жылғы IV тоқсан", "80", "жергілікті бюджет"],
            ["1.2", "Инвесторлармен келіссөздер", "Хаттама",
             "«Ақтөбе» АЭА басқарушы компаниясы (келісім бойынша)", "2026 жылғы 20 желтоқсанға дейін"],
            ["1.3", "Әкімдікке ақпарат беру", "Ақпарат", "Кәсіпкерлік басқармасы",
             "ай сайын, есепті айдан кейінгі айдың 10-күніне дейін"],
            ["1.4", "Сүйемелдеу", "Ақпарат", "Кәсіпкерлік басқармасы", "тұрақты"],
        ],
    )  # fmt: skip
    roadmap, _text, findings = imported(run, word(plan, tmp_path / "жоспар.docx"), "--lang", "kk")
    assert roadmap.info.language == "kk" and roadmap.info.title.joined() == plan.title
    tasks = roadmap.tasks_by_id
    assert tasks["1.1"].department == "etukshb" and tasks["1.1"].co_executors == ("qsqqb",)
    assert tasks["1.1"].cost is not None and tasks["1.1"].cost.sources == (FundingSource.LOCAL_BUDGET,)
    lead = roadmap.departments_by_id[tasks["1.2"].department]
    assert lead.name.joined() == "«Ақтөбе» АЭА басқарушы компаниясы" and lead.kind is DepartmentKind.EXTERNAL
    assert tasks["1.2"].deadline is not None and tasks["1.2"].deadline.isoformat() == "2026-12-20"
    assert tasks["1.3"].recurrence is not None and tasks["1.4"].standing == "тұрақты"
    assert len(findings) == 1 and "1.3" in findings[0]  # the duty's first period, said in Kazakh
    assert "1.3 тармақ" in findings[0]


def test_the_imported_roadmap_shows_what_to_settle_in_validate_and_status(run: Run, tmp_path: Path) -> None:
    _roadmap, _text, _findings = imported(run, word(RU_PLAN, tmp_path / "plan.docx"))
    output = str(tmp_path / "plan.docx.yaml")
    validated = run("validate", output, "--lang", "en")
    assert validated.exit_code == 0
    said = validated.stdout + validated.stderr
    assert "task 2.4: the plan's deadline “в сроки, установленные инвестором” is no date" in said
    assert "task 2.5: the plan's executors “” match no department (plan.docx: table 1, row 14)" in said
    status = run("status", output, "--lang", "en", "--as-of", "2026-06-01", "--format", "json")
    assert status.exit_code == 0, status.stderr
    assert (
        '"to_review"' in status.stdout
        and '"unread_deadline": "в сроки, установленные инвестором"' in status.stdout
    )
    screen = run("status", output, "--lang", "ru", "--as-of", "2026-06-01", "--format", "markdown")
    assert "### Требуют уточнения после импорта (3)" in screen.stdout
    assert "| срок не распознан\\: «в сроки, установленные инвестором» | – |" in screen.stdout


def test_an_existing_file_is_never_replaced_and_a_bad_table_choice_is_a_usage_error(
    run: Run, tmp_path: Path
) -> None:
    plan_file = word(RU_PLAN, tmp_path / "plan.docx")
    existing = tmp_path / "roadmap.yaml"
    existing.write_text("kept\n", encoding="utf-8")
    refused = run("import", str(plan_file), "-o", str(existing))
    assert refused.exit_code == 2 and "exists" in refused.stderr and existing.read_text() == "kept\n"
    missing = run("import", str(plan_file), "--table", "3", "-o", str(tmp_path / "new.yaml"))
    assert missing.exit_code == 2 and "there is no table 3 (the file has 1)" in missing.stderr
    both = run("import", str(plan_file), "--table", "1", "--sheet", "План")
    assert both.exit_code == 2
    assert not (tmp_path / "new.yaml").exists()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("plan.docx", b"not a zip at all", "not a Word file"),
        ("plan.xlsx", b"PK\x03\x04 broken", "not a Excel file"),
        ("plan.csv", b"\x00\x01\x02", "not a CSV text file"),
        ("plan.csv", b"a;b;c\n1;2;3\n", "has no plan's header"),
        ("plan.pdf", b"%PDF-1.4", "a plan is read from a file named .docx, .xlsx, .csv"),
    ],
)
def test_a_file_that_is_no_plan_is_one_line_and_exit_3(
    run: Run, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    plan_file = tmp_path / name
    plan_file.write_bytes(content)
    result = run("import", str(plan_file), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code == 3, result.stderr
    assert expected in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr and not (tmp_path / "out.yaml").exists()


def test_a_zip_that_is_no_word_document_and_a_zip_bomb_are_refused(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.docx"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("hello.txt", "no document here")
    result = run("import", str(empty))
    assert result.exit_code == 3 and "the Word file cannot be read" in result.stderr
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (450 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    refused = run("import", str(bomb))
    assert refused.exit_code == 3 and "unpacked, the file would be larger than 400 MiB" in refused.stderr


HOSTILE_TITLES = [
    '=HYPERLINK("http://example.org","click")',
    "<script>alert(1)</script> & <b>bold</b>",
    "key: value # not a comment",
    "- a list? no",
    "'quoted' \"twice\"",
    "\u202eRTL override עברית",
    "ж" * 20_000,
]


def test_hostile_titles_come_back_as_the_same_text(run: Run, tmp_path: Path) -> None:
    rows = [[f"{n}", title, "", BUSINESS, "2026 год"] for n, title in enumerate(HOSTILE_TITLES, start=1)]
    plan = Plan(title="План", header=RU_HEADER, rows=rows)
    for plan_file in (word(plan, tmp_path / "plan.docx"), excel(plan, tmp_path / "plan.xlsx")):
        roadmap, _text, _findings = imported(run, plan_file)
        assert [task.title.joined() for task in roadmap.tasks] == [
            " ".join(title.split()) for title in HOSTILE_TITLES
        ]


def test_a_plan_saved_by_libreoffice_is_read_like_one_saved_by_python(run: Run, tmp_path: Path) -> None:
    """Real office files differ from library-made ones: the plan goes through LibreOffice's own
    formats (.odt, .ods) and back to .docx and .xlsx, written by LibreOffice."""
    office = client(
        "libreoffice", "soffice", install="apt-get install libreoffice-writer-nogui libreoffice-calc-nogui"
    )
    _roadmap, from_python, _findings = imported(run, word(RU_PLAN, tmp_path / "python.docx"))
    for made, middle, final in (
        (word(RU_PLAN, tmp_path / "w.docx"), "odt", "docx"),
        (excel(RU_PLAN, tmp_path / "e.xlsx"), "ods", "xlsx"),
    ):
        first_step, second_step = tmp_path / middle, tmp_path / f"lo-{final}"
        _convert(office, made, middle, first_step, tmp_path)
        _convert(office, first_step / f"{made.stem}.{middle}", final, second_step, tmp_path)
        converted = second_step / f"{made.stem}.{final}"
        assert converted.exists(), f"LibreOffice did not write {converted}"
        _roadmap, from_office, _findings = imported(run, converted)
        assert (
            without_sources(from_office).split("\n  language:")[1]
            == without_sources(from_python).split("\n  language:")[1]
        )


def _convert(office: str, source: Path, target_format: str, folder: Path, home: Path) -> None:
    profile = f"-env:UserInstallation=file://{home}/lo-profile"  # not the user's own LibreOffice profile
    arguments = [
        office,
        profile,
        "--headless",
        "--convert-to",
        target_format,
        "--outdir",
        str(folder),
        str(source),
    ]
    subprocess.run(arguments, capture_output=True, timeout=180, check=False)


def test_a_45_row_plan_imports_to_its_expected_roadmap_and_findings(run: Run, tmp_path: Path) -> None:
    """The golden files were made, and looked at, with:
    python -m tests.plan_files p45.docx && roadmap import p45.docx -o import-45.yaml --lang en
    """
    plan_file = word(forty_five_rows(), tmp_path / "p45.docx")
    output = tmp_path / "p45.yaml"
    result = run("import", str(plan_file), "-o", str(output), "--lang", "en")
    assert result.exit_code == 1  # written, with rows to settle
    expected = EXPECTED / "import-45.yaml"
    assert output.read_text(encoding="utf-8") == expected.read_text(encoding="utf-8")
    findings = [
        line.removeprefix(f"{tmp_path}/") for line in result.stderr.splitlines() if "p45.docx: " in line
    ]
    assert findings == (EXPECTED / "import-45.txt").read_text(encoding="utf-8").splitlines()
    loaded = load_roadmap(output)
    assert loaded.roadmap is not None and len(loaded.roadmap.tasks) == 45


def test_a_russian_and_a_kazakh_plan_make_one_roadmap_in_both_languages(run: Run, tmp_path: Path) -> None:
    russian = Plan(
        title="Дорожная карта СЭЗ «Актобе»",
        header=RU_HEADER,
        rows=[
            Section("1. Инфраструктура"),
            ["1.1", "Разработать ПСД", "ПСД", f"{ENERGY}\n{SEZ} (по согласованию)", "IV квартал 2026 года"],
            ["1.2", "Построить дорогу", "Акт", ROADS, "до 20 декабря 2026 года"],
            ["1.3", "Только в русском", "Акт", ROADS, "2027 год"],
        ],
    )
    kazakh = Plan(
        title="«Ақтөбе» АЭА жол картасы",
        header=KK_HEADER,
        rows=[
            Section("1. Инфрақұрылым"),
            ["1.1", "ЖСҚ әзірлеу", "ЖСҚ",
             "Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы\n"
             "«Ақтөбе» АЭА басқарушы компаниясы (келісім бойынша)", "2026 жылғы IV тоқсан"],
            ["1.2", "Жол салу", "Акт", "Жолаушылар көлігі және автомобиль жолдары басқармасы",
             "2026 жылғы 21 желтоқсанға дейін"],
            ["1.4", "Тек қазақша", "Акт", "Жолаушылар көлігі және автомобиль жолдары басқармасы", "2027 жыл"],
        ],
    )  # fmt: skip
    ru_file, kk_file = word(russian, tmp_path / "ru.docx"), word(kazakh, tmp_path / "kk.docx")
    output = tmp_path / "both.yaml"
    result = run("import", "--ru", str(ru_file), "--kk", str(kk_file), "-o", str(output), "--lang", "en")
    assert result.exit_code == 1, result.stderr
    loaded = load_roadmap(output)
    assert loaded.roadmap is not None, [finding.message for finding in loaded.findings]
    roadmap = loaded.roadmap
    assert roadmap.info.title.texts == (("kk", kazakh.title), ("ru", russian.title))
    tasks = roadmap.tasks_by_id
    assert tasks["1.1"].title.texts == (("kk", "ЖСҚ әзірлеу"), ("ru", "Разработать ПСД"))
    assert tasks["1.1"].deadline is not None and tasks["1.1"].deadline.written() == {
        "kk": "2026 жылғы IV тоқсан",
        "ru": "IV квартал 2026 года",
    }
    sez = roadmap.departments_by_id["uk-sez"]
    assert sez.name.texts == (("kk", "«Ақтөбе» АЭА басқарушы компаниясы"), ("ru", SEZ))
    assert roadmap.sections[0].title.texts == (("kk", "Инфрақұрылым"), ("ru", "Инфраструктура"))
    assert tasks["1.2"].deadline is not None and tasks["1.2"].deadline.written() == "до 20 декабря 2026 года"
    assert tasks["1.3"].title.texts == (("", "Только в русском"),) and "1.4" not in tasks
    lines = result.stderr.splitlines()
    assert any(
        "ru.docx: table 1, row 6 (item 1.2): the deadlines “до 20 декабря 2026 года” and" in line
        for line in lines
    )
    assert any("ru.docx: table 1, row 7 (item 1.3): the item is not in" in line for line in lines)
    assert any(
        "ru.docx: table 1 (item 1.4): the item is only in" in line and "(row 7)" in line for line in lines
    )
    alone = run("import", "--ru", str(ru_file), "-o", str(tmp_path / "x.yaml"))
    assert alone.exit_code == 2 and not (tmp_path / "x.yaml").exists()


def test_into_adds_the_new_items_to_a_roadmap_keeping_every_byte_and_matching_names(
    run: Run, tmp_path: Path
) -> None:
    roadmap_file = tmp_path / "roadmap.yaml"
    shutil.copyfile(SAMPLE, roadmap_file)
    before = roadmap_file.read_text(encoding="utf-8")
    addition = Plan(
        title="Дополнение",
        header=RU_HEADER,
        rows=[
            Section("2. Инженерно-коммуникационная инфраструктура"),
            ["SEZ-036", "Сопровождать инвесторов по принципу «одного окна»", "Информация", SEZ, "постоянно"],
            ["2.40", "Построить подстанцию 110 кВ", "Акт", "УЭ и ЖКХ\nАО «KEGOC» (по согласованию)",
             "IV квартал 2027 года", "350", "МБ"],
            ["2.41", "Проложить водовод", "Акт",
             "управление  строительства, архитектуры и градостроительства", "2027 год"],
        ],
    )  # fmt: skip
    plan_file = word(addition, tmp_path / "addition.docx")
    dry = run("import", str(plan_file), "--into", str(roadmap_file), "--dry-run", "--lang", "en")
    assert dry.exit_code == 1 and roadmap_file.read_text(encoding="utf-8") == before
    result = run("import", str(plan_file), "--into", str(roadmap_file), "--lang", "en")
    assert result.exit_code == 1, result.stderr
    after = roadmap_file.read_text(encoding="utf-8")
    changed = [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]
    assert all(line.startswith("+") for line in changed)  # only added lines: every old byte kept
    roadmap = load_roadmap(roadmap_file).roadmap
    assert roadmap is not None
    tasks = roadmap.tasks_by_id
    assert tasks["2.40"].department == "energy" and tasks["2.40"].co_executors == ("ao-kegoc",)  # УЭ и ЖКХ
    assert tasks["2.41"].department == "construction"  # the same name in another case and spacing
    assert roadmap.departments_by_id["ao-kegoc"].kind is DepartmentKind.EXTERNAL
    assert '  - id: "2.40"' in after
    lines = result.stderr.splitlines()
    assert any(
        "“АО «KEGOC»” matches no department of" in line and "added as ao-kegoc" in line for line in lines
    )
    assert any("(item SEZ-036): item SEZ-036 is in" in line and "left as it is" in line for line in lines)
    again = run("import", str(plan_file), "--into", str(roadmap_file), "--lang", "en")
    assert again.exit_code == 1 and "nothing to change" in again.stderr  # each item is there already
    assert roadmap_file.read_text(encoding="utf-8") == after
    both = run("import", str(plan_file), "--into", str(roadmap_file), "-o", str(tmp_path / "new.yaml"))
    assert both.exit_code == 2
