"""What a plan's table says: its header, its sections, and each item's number, title, form of
completion, executors, deadline words, cost and financing, read from the text of its cells.

A plan is a table as Kazakh offices write it ("Наименование мероприятия | Форма завершения |
Ответственные исполнители | Срок исполнения | ..."), in Russian, Kazakh or English. The header is found
by its words, wherever the table has it in its first rows, and may span two rows; a numbering row
("1 2 3 4 5") under it is skipped. A row whose cells all say the same thing (a merged row across the
table) is a section. Every other row is an item, or a finding that says why it is not: nothing is
dropped without a word, and nothing is guessed without one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from itertools import zip_longest
from typing import Final

from roadmap_cli import messages
from roadmap_cli.duty_wording import parse_duty
from roadmap_cli.intake.tables import SourceTable
from roadmap_cli.messages import Text, say
from roadmap_cli.model import FundingSource
from roadmap_cli.values import is_identifier
from roadmap_cli.wording import WordingError, is_standing, normalized, parse_deadline


class Column(StrEnum):
    NUMBER = "number"
    TITLE = "title"
    DELIVERABLE = "deliverable"
    EXECUTORS = "executors"
    DEADLINE = "deadline"
    DEADLINE_DATE = "deadline-date"  # the execution report's Excel form has the date in a column of its own
    COST = "cost"
    SOURCES = "sources"
    PROGRESS = "progress"  # read past: an import takes the plan in, not its execution
    STATUS = "status"


# A column's header, by the words it starts with; the first rule that matches names the column, so
# the more particular come first ("Информация об исполнении" before "Срок исполнения", "Источник
# финансирования" before "Предполагаемые расходы" when one header spans both).
HEADER_WORDS: Final[tuple[tuple[Column, tuple[str, ...]], ...]] = (
    (Column.PROGRESS, ("информация об исполнении", "информация о ходе", "орындалу", "progress")),
    (Column.STATUS, ("статус", "мәртебе", "status")),
    (Column.DEADLINE_DATE, ("дата срока", "мерзім күні", "due date")),
    (Column.SOURCES, ("источник", "қаржыландыру", "көзі", "source", "financ", "funding")),
    (
        Column.COST,
        ("предполагаемые расходы", "расход", "сумма", "стоимость", "шығыс", "болжамды", "cost", "млн"),
    ),
    (Column.DELIVERABLE, ("форма заверш", "аяқтау", "нысаны", "form of completion", "deliverable")),
    (Column.EXECUTORS, ("ответствен", "исполнител", "жауапты", "орындаушы", "executor", "responsible")),
    (Column.DEADLINE, ("срок", "мерзім", "deadline")),
    (
        Column.TITLE,
        ("наименование", "мероприяти", "іс-шара", "іс шара", "атауы", "measure", "title", "action"),
    ),
    (Column.NUMBER, ("№", "п/п", "р/с", "no.", "nr")),
)
_HEADER_RULES: Final = tuple(
    (column, re.compile("|".join(rf"(?<![^\W\d_]){re.escape(word)}" for word in words)))
    for column, words in HEADER_WORDS
)
REQUIRED: Final = (Column.TITLE, Column.DEADLINE, Column.EXECUTORS)
HEADER_ROWS_SEARCHED = 25

_KAZAKH_LETTERS = frozenset("әғқңөұүһі")
_ITEM_NUMBER = re.compile(r"(?:п\.?\s*)?(\d{1,3}(?:\.\d{1,3}){0,4})\.?\)?")
_SECTION = re.compile(
    r"(?:(?:раздел|бөлім|section|направление|глава)\s+)?((?:\d{1,3}(?:\.\d{1,3})*)|[IVXLC]{1,6})[.)]?\s+(.+)"
    r"|(.+?)\s+(?:бөлімі|бөлім)\s*",
    re.IGNORECASE | re.DOTALL,
)
_REPORT_DATE = re.compile(r"(\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})(?:\s+\((.*)\))?", re.DOTALL)
_NAME_SPLIT = re.compile(r"\s*(?:\n|;)\s*|,\s+(?=[«\"“„(]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ])")
_BY_AGREEMENT = re.compile(
    r"\(?\s*(?:по\s+согласованию|келісім\s+бойынша|келісімі\s+бойынша|by\s+agreement)\s*\)?", re.IGNORECASE
)
_NAMES_A_PLAN = re.compile(r"дорожн\w* карт|жол карта|roadmap|(?<!\w)план(?!\w)|жоспары(?!\w)", re.IGNORECASE)
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
# Where the money comes from, as plans write it (the words of our own report are added below).
_SOURCE_WORDS: Final[dict[str, FundingSource]] = {
    "мб": FundingSource.LOCAL_BUDGET,
    "местный бюджет": FundingSource.LOCAL_BUDGET,
    "областной бюджет": FundingSource.LOCAL_BUDGET,
    "жб": FundingSource.LOCAL_BUDGET,
    "жергілікті бюджет": FundingSource.LOCAL_BUDGET,
    "облыстық бюджет": FundingSource.LOCAL_BUDGET,
    "рб": FundingSource.REPUBLICAN_BUDGET,
    "республиканский бюджет": FundingSource.REPUBLICAN_BUDGET,
    "республикалық бюджет": FundingSource.REPUBLICAN_BUDGET,
    "нф": FundingSource.NATIONAL_FUND,
    "национальный фонд": FundingSource.NATIONAL_FUND,
    "ұлттық қор": FundingSource.NATIONAL_FUND,
    "частные инвестиции": FundingSource.PRIVATE_INVESTMENT,
    "средства инвесторов": FundingSource.PRIVATE_INVESTMENT,
    "собственные средства": FundingSource.PRIVATE_INVESTMENT,
    "жеке инвестициялар": FundingSource.PRIVATE_INVESTMENT,
    "инвестор қаражаты": FundingSource.PRIVATE_INVESTMENT,
    "иные источники": FundingSource.OTHER,
    "другие источники": FundingSource.OTHER,
    "басқа көздер": FundingSource.OTHER,
}
_NO_COST: Final = frozenset(
    (
        "",
        "-",
        "–",
        "—",
        "не требуется",
        "не требует финансирования",
        "не требуется финансирования",
        "талап етілмейді",
        "қажет етілмейді",
        "not required",
        "none",
    )
)


@dataclass(frozen=True, slots=True)
class Executor:
    name: str  # as written, its spaces tidied
    external: bool = False  # named "(по согласованию)": outside the akimat


@dataclass(frozen=True, slots=True)
class Finding:
    """Something about one row (or the table) that a person must know: what, where, and what to do."""

    row: int | None  # counted from 1, as a person counts the table's rows
    item: str | None
    text: Text


@dataclass(frozen=True, slots=True)
class PlanSection:
    id: str
    title: str
    row: int


class DeadlineKind(StrEnum):
    WORDING = "wording"  # a date or a wording the rules read ("III квартал 2026 года")
    STANDING = "standing"  # "постоянно": no date at all
    DUTY = "duty"  # "ежемесячно до 10 числа": a recurring duty
    UNREAD = "unread"  # nothing the rules read: kept as written for a person to settle


@dataclass(frozen=True, slots=True)
class PlanDeadline:
    kind: DeadlineKind
    text: str  # the words to keep: the wording as written (without our report's notes)


@dataclass(frozen=True, slots=True)
class PlanItem:
    row: int
    number: str | None  # "7.1"; None when the row gives none
    number_as_written: str
    title: str
    deliverable: str | None
    executors: tuple[Executor, ...]
    executors_as_written: str
    deadline: PlanDeadline
    section: str | None
    cost: Decimal | None = None
    sources: tuple[FundingSource, ...] = ()


@dataclass(slots=True)
class ReadPlan:
    """What one table of a plan says, with the findings of the rows it could not fully read."""

    table: SourceTable
    language: str
    title: str | None
    sections: list[PlanSection] = field(default_factory=list)
    items: list[PlanItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    rows_read: int = 0  # every row after the header: items, sections, blank ones, findings


@dataclass(frozen=True, slots=True)
class Header:
    first_row: int  # indexes into the table's rows, from 0
    last_row: int
    columns: dict[Column, int]
    language: str


def classify(text: str) -> Column | None:
    """The column a header cell names, or None."""
    tidy = " ".join(text.casefold().replace("ё", "е").split())
    for column, rule in _HEADER_RULES:
        if rule.search(tidy) and (column is not Column.NUMBER or len(tidy) <= 12):  # "№ п/п", not "#7 ..."
            return column
    return None


def _columns(cells: Sequence[str]) -> dict[Column, int]:
    found: dict[Column, int] = {}
    for at, text in enumerate(cells):
        column = classify(text) if text else None
        if column is not None and column not in found:
            found[column] = at
    return found


def find_header(table: SourceTable) -> Header | None:
    """The plan's header in the table's first rows: a row that names the item's title and its
    deadline or executors; with the row under it when that row names what the header left general
    ("Предполагаемые расходы" over "сумма" and "источник финансирования")."""
    rows = table.rows
    for at, row in enumerate(rows[:HEADER_ROWS_SEARCHED]):
        columns = _columns(row)
        if Column.TITLE not in columns or not (Column.DEADLINE in columns or Column.EXECUTORS in columns):
            continue
        last = at
        below = rows[at + 1] if at + 1 < len(rows) else ()
        if _is_header_below(row, below):
            row = tuple(
                f"{top} {bottom}" if bottom and bottom != top else top
                for top, bottom in zip_longest(row, below, fillvalue="")
            )
            columns, last = _columns(row), at + 1
        return Header(at, last, columns, _language(row))
    return None


def _is_header_below(header: Sequence[str], below: Sequence[str]) -> bool:
    """A second header row: what it adds under the first names columns, and it holds no item."""
    added = [bottom for top, bottom in zip_longest(header, below, fillvalue="") if bottom and bottom != top]
    across = len(set(added)) == 1 and len(added) > 1  # a row merged across the table: a section
    numbered = any(text[:1].isdigit() for text in added)  # an item, a section "1. ...", or "1 2 3"
    return bool(added) and not across and not numbered and all(classify(text) for text in added)


def is_numbering(cells: Sequence[str]) -> bool:
    """A row that numbers the columns ("1 2 3 4 5"), as official tables have under the header."""
    numbers = [cell.strip() for cell in cells if cell.strip()]
    if len(numbers) < 3 or not all(number.isdigit() for number in numbers):
        return False
    values = [int(number) for number in dict.fromkeys(numbers)]  # a merged cell repeats its number
    return values == sorted(values) and values[0] <= 2


def _language(cells: Iterable[str]) -> str:
    text = " ".join(cells).casefold()
    if any(letter in _KAZAKH_LETTERS for letter in text):
        return "kk"
    if re.search("[а-я]", text):
        return "ru"
    return "en"


def read_plan(table: SourceTable, header: Header, default_year: int) -> ReadPlan:
    """Every row under the header, as sections, items and findings. `default_year` starts a
    recurring duty whose plan says nothing of when (the finding says so)."""
    plan = ReadPlan(table, header.language, _plan_title(table, header))
    columns = header.columns
    missing = [column for column in REQUIRED if column not in columns]
    for column in missing:
        plan.findings.append(Finding(None, None, say("import.no_column", column=_column_name(column))))
    section: str | None = None
    outside = {
        messages.catalogue(language)["execution.outside"].casefold() for language in messages.LANGUAGES
    }
    for at in range(header.last_row + 1, len(table.rows)):
        cells = table.rows[at]
        number = at + 1
        plan.rows_read += 1
        texts = [cell for cell in cells if cell.strip()]
        if not texts or is_numbering(cells):
            continue
        if _is_section_row(cells, columns):
            words = " ".join(texts[0].split())
            if words.casefold() in outside:
                section = None
                continue
            found = _section(words, len(plan.sections) + 1)
            plan.sections.append(PlanSection(found[0], found[1], number))
            section = found[0]
            continue
        item = _item(cells, columns, number, section, default_year, plan.findings)
        if item is not None:
            plan.items.append(item)
    return plan


def _is_section_row(cells: Sequence[str], columns: dict[Column, int]) -> bool:
    """A row merged across the table (every cell the same text), or one with only its first cells
    filled and no deadline or executor: a section's heading."""
    texts = [" ".join(cell.split()) for cell in cells if cell.strip()]
    if len(set(texts)) == 1 and len(texts) > 1:
        return True
    title_at = columns.get(Column.TITLE, 1)
    if len(texts) != 1:
        return False
    filled = next(at for at, cell in enumerate(cells) if cell.strip())
    return (
        filled <= title_at
        and _ITEM_NUMBER.fullmatch(texts[0]) is None
        and not _has_item_cells(cells, columns)
    )


def _has_item_cells(cells: Sequence[str], columns: dict[Column, int]) -> bool:
    return any(_cell(cells, columns, column) for column in (Column.DEADLINE, Column.EXECUTORS))


def _section(words: str, ordinal: int) -> tuple[str, str]:
    """A section's id and title from its heading: "Раздел 2. Инфраструктура", "II. ...", "1 ..."."""
    matched = _SECTION.fullmatch(words)
    if matched is not None and matched.group(1):
        label, title = matched.group(1), matched.group(2).strip()
        return (str(_roman(label)) if label.isalpha() else label), title
    return str(ordinal), words


def _roman(label: str) -> int:
    total = 0
    for letter, after in zip_longest(label.upper(), label.upper()[1:], fillvalue=""):
        value = _ROMAN[letter]
        total += -value if after and _ROMAN[after] > value else value
    return total


def _cell(cells: Sequence[str], columns: dict[Column, int], column: Column) -> str:
    at = columns.get(column)
    return cells[at].strip() if at is not None and at < len(cells) else ""


def _item(
    cells: Sequence[str],
    columns: dict[Column, int],
    row: int,
    section: str | None,
    default_year: int,
    findings: list[Finding],
) -> PlanItem | None:
    number_text = " ".join(_cell(cells, columns, Column.NUMBER).split())
    matched = _ITEM_NUMBER.fullmatch(number_text)
    number = matched.group(1) if matched else number_text if is_identifier(number_text) else None
    title = " ".join(_cell(cells, columns, Column.TITLE).split())
    label = number or number_text or None
    if not title:
        findings.append(Finding(row, label, say("import.no_title")))
        return None
    if number is None:
        findings.append(Finding(row, label, say("import.no_number", words=number_text)))
    deadline = read_deadline(_cell(cells, columns, Column.DEADLINE))
    if deadline.kind is DeadlineKind.UNREAD:
        findings.append(Finding(row, label, say("import.unread_deadline", words=deadline.text)))
    elif deadline.kind is DeadlineKind.DUTY:
        findings.append(
            Finding(row, label, say("import.duty_starts", words=deadline.text, year=default_year))
        )
    executors_text = _cell(cells, columns, Column.EXECUTORS)
    executors = read_executors(executors_text)
    if not executors:
        findings.append(Finding(row, label, say("import.no_executor")))
    cost, sources = _money(cells, columns, row, label, findings)
    return PlanItem(
        row=row,
        number=number,
        number_as_written=number_text,
        title=title,
        deliverable=" ".join(_cell(cells, columns, Column.DELIVERABLE).split()) or None,
        executors=executors,
        executors_as_written=" ".join(executors_text.split()),
        deadline=deadline,
        section=section,
        cost=cost,
        sources=sources,
    )


def read_deadline(cell: str) -> PlanDeadline:
    """The deadline words a cell holds, and what the rules make of them. Line breaks inside the
    cell are layout: the words are kept with single spaces. The execution report's own form, a
    date with the wording in brackets ("30.09.2026 (III квартал 2026 года)"), gives the wording."""
    words = " ".join(cell.split())
    if not words:
        return PlanDeadline(DeadlineKind.UNREAD, "")
    if is_standing(words):
        return PlanDeadline(DeadlineKind.STANDING, words)
    if _reads(words):
        return PlanDeadline(DeadlineKind.WORDING, words)
    reported = _REPORT_DATE.fullmatch(words)
    if reported is not None:
        day = parse_deadline(reported.group(1))
        for note in (reported.group(2) or "").split(";"):
            wording = note.strip()
            if wording and _reads(wording) and parse_deadline(wording) == day:
                return PlanDeadline(DeadlineKind.WORDING, wording)
        return PlanDeadline(DeadlineKind.WORDING, reported.group(1))
    try:
        parse_duty(words)
    except ValueError:
        return PlanDeadline(DeadlineKind.UNREAD, words)
    return PlanDeadline(DeadlineKind.DUTY, words)


def _reads(words: str) -> bool:
    try:
        parse_deadline(words)
    except (WordingError, ValueError):
        return False
    return True


def read_executors(cell: str) -> tuple[Executor, ...]:
    """The names in an executors' cell, the lead first: one a line, or separated by ";", or by ","
    before a capital (a name's own commas, "строительства, архитектуры", stay in it)."""
    executors: list[Executor] = []
    for part in _NAME_SPLIT.split(cell.strip()):
        external = _BY_AGREEMENT.search(part) is not None
        name = " ".join(_BY_AGREEMENT.sub(" ", part).split()).strip(" ,.;")
        if name:
            executors.append(Executor(name, external))
    return tuple(dict.fromkeys(executors))


def _money(
    cells: Sequence[str], columns: dict[Column, int], row: int, label: str | None, findings: list[Finding]
) -> tuple[Decimal | None, tuple[FundingSource, ...]]:
    amount_text = " ".join(_cell(cells, columns, Column.COST).split())
    sources_text = _cell(cells, columns, Column.SOURCES)
    amount: Decimal | None = None
    if amount_text.casefold() not in _NO_COST:
        try:
            amount = Decimal(_number_text(amount_text))
        except InvalidOperation:
            findings.append(Finding(row, label, say("import.unread_cost", words=amount_text)))
        if amount is not None and (not amount.is_finite() or amount < 0):
            findings.append(Finding(row, label, say("import.unread_cost", words=amount_text)))
            amount = None
    sources: list[FundingSource] = []
    known = _source_words()
    for part in re.split(r"\s*(?:,|;|\n|\+|/)\s*", sources_text):
        words = " ".join(part.casefold().split()).strip(" .")
        if not words or words in _NO_COST:
            continue
        source = known.get(words)
        if source is None:
            findings.append(Finding(row, label, say("import.unread_source", words=part.strip())))
            source = FundingSource.OTHER
        sources.append(source)
    if amount is None and sources and amount_text.casefold() in _NO_COST:
        return None, ()  # a source with no amount: nothing the roadmap's `cost` can hold
    return amount, tuple(dict.fromkeys(sources))


def _number_text(text: str) -> str:
    """An amount as Decimal reads it: "1 250,5" (a Kazakh or Russian plan) and "1,250.5" (English)
    are both 1250.5; spaces group thousands, a lone comma is the decimal one."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", text)
    if "," in digits and "." in digits:
        return digits.replace(",", "")
    return digits.replace(",", ".")


@functools.cache
def _source_words() -> dict[str, FundingSource]:
    words = dict(_SOURCE_WORDS)
    values = {source.value: source for source in FundingSource}
    for language in messages.LANGUAGES:  # the names our own report gives them, in every language
        for key, text in messages.catalogue(language).items():
            source = values.get(key.removeprefix("source.")) if key.startswith("source.") else None
            if source is not None:
                words[text.casefold()] = source
    return words


def _plan_title(table: SourceTable, header: Header) -> str | None:
    """The plan's name, from the lines above its table (or the rows above its header)."""
    return title_among([*table.above, *(cell for row in table.rows[: header.first_row] for cell in row)])


def title_among(lines: Iterable[str]) -> str | None:
    """The first line that names a roadmap or plan, else the longest; never the execution report's
    own heading or a stamp ("УТВЕРЖДЕН", "Приложение 1")."""
    skipped = {messages.catalogue(language)["execution.title"].casefold() for language in messages.LANGUAGES}
    candidates = [
        tidy
        for tidy in dict.fromkeys(" ".join(line.split()) for line in lines)
        if tidy and tidy.casefold() not in skipped and not _is_stamp(tidy)
    ]
    named = [
        line for line in candidates if re.search(r"дорожн|карт|жоспар|план|roadmap", line, re.IGNORECASE)
    ]
    chosen = named or candidates
    return max(chosen, key=len) if chosen else None


def _is_stamp(line: str) -> bool:
    """ "УТВЕРЖДЕН", "Приложение 1 к распоряжению", "по состоянию на ...": no title."""
    first = normalized(line)[:40]
    return bool(
        re.match(r"(утвержд|бекіт|приложени|қосымша|по состоянию|жағдай бойынша|as of|approved|annex)", first)
    )


def _column_name(column: Column) -> str:
    key = {
        Column.TITLE: "execution.column.title",
        Column.DEADLINE: "execution.column.deadline",
        Column.EXECUTORS: "execution.column.executors",
    }[column]
    return messages.text(key)


def differences(first: ReadPlan, second: ReadPlan, second_path: str) -> list[Finding]:
    """Where the two language versions of one plan disagree, item by item (by number): an item only
    one has, a different number of executors, deadlines that name different days. The first plan's
    words are kept; each finding points at its row."""
    theirs = {item.number: item for item in second.items if item.number is not None}
    ours = {item.number for item in first.items if item.number is not None}
    found: list[Finding] = []
    for item in first.items:
        other = theirs.get(item.number) if item.number is not None else None
        if item.number is None:
            continue
        if other is None:
            found.append(Finding(item.row, item.number, say("import.only_in_first", other=second_path)))
            continue
        if len(other.executors) != len(item.executors):
            found.append(
                Finding(
                    item.row,
                    item.number,
                    say("import.executors_differ", other=second_path, count=len(other.executors)),
                )
            )
        kinds = (item.deadline.kind, other.deadline.kind)
        if kinds == (DeadlineKind.WORDING, DeadlineKind.WORDING) and parse_deadline(
            item.deadline.text
        ) != parse_deadline(other.deadline.text):
            found.append(
                Finding(
                    item.row,
                    item.number,
                    say(
                        "import.deadlines_differ",
                        words=item.deadline.text,
                        other_words=other.deadline.text,
                        other=second_path,
                    ),
                )
            )
    for item in second.items:
        if item.number is not None and item.number not in ours:
            found.append(
                Finding(None, item.number, say("import.only_in_second", other=second_path, row=item.row))
            )
    return found
