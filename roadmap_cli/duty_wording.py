"""Reporting duties as official documents word them: how often ("ежемесячно", "тоқсан сайын",
"weekly") and when each period is due ("до 10 числа месяца, следующего за отчетным", "ежегодно до
1 апреля", "по пятницам"), in Kazakh, Russian and English.

The words of dates (months and their inflected forms) come from the deadline wordings' one table,
`wording.word_table`; what they mean for a duty is `recurrence.DueTerms`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from roadmap_cli.messages import say
from roadmap_cli.recurrence import DueTerms, Frequency, Schedule
from roadmap_cli.wording import KAZAKH_ENDINGS, Kind, Word, WordingError, normalized, word_table

_FREQUENCY_PHRASES: tuple[tuple[str, Frequency], ...] = (
    # Longer phrases first: "half yearly" must not be read as "yearly".
    ("жарты жылда бір рет", Frequency.HALF_YEARLY),
    ("на полугодовой основе", Frequency.HALF_YEARLY),
    ("раз в полугодие", Frequency.HALF_YEARLY),
    ("раз в полгода", Frequency.HALF_YEARLY),
    ("два раза в год", Frequency.HALF_YEARLY),
    ("по итогам полугодия", Frequency.HALF_YEARLY),
    ("half yearly", Frequency.HALF_YEARLY),
    ("semi annually", Frequency.HALF_YEARLY),
    ("twice a year", Frequency.HALF_YEARLY),
    ("ежеполугодно", Frequency.HALF_YEARLY),
    ("по итогам года", Frequency.YEARLY),
    ("на годовой основе", Frequency.YEARLY),
    ("жылына бір рет", Frequency.YEARLY),
    ("жыл сайын", Frequency.YEARLY),
    ("ежегодно", Frequency.YEARLY),
    ("yearly", Frequency.YEARLY),
    ("annually", Frequency.YEARLY),
    ("по итогам квартала", Frequency.QUARTERLY),
    ("на квартальной основе", Frequency.QUARTERLY),
    ("тоқсан сайын", Frequency.QUARTERLY),
    ("ежеквартально", Frequency.QUARTERLY),
    ("quarterly", Frequency.QUARTERLY),
    ("по итогам месяца", Frequency.MONTHLY),
    ("на ежемесячной основе", Frequency.MONTHLY),
    ("ай сайын", Frequency.MONTHLY),
    ("ежемесячно", Frequency.MONTHLY),
    ("monthly", Frequency.MONTHLY),
    ("раз в неделю", Frequency.WEEKLY),
    ("каждую неделю", Frequency.WEEKLY),
    ("аптасына бір рет", Frequency.WEEKLY),
    ("апта сайын", Frequency.WEEKLY),
    ("еженедельно", Frequency.WEEKLY),
    ("every week", Frequency.WEEKLY),
    ("weekly", Frequency.WEEKLY),
)
# Phrases that say a period is reported on after it ends ("по итогам года").
_AFTER_PHRASES = ("по итогам",)
# Words that say the due dates follow the period: "до 1 февраля года, следующего за отчетным".
_AFTER_WORDS = frozenset(
    ("следующего", "следующем", "следующих", "следующим", "после", "кейінгі", "following", "after")
)
# The rest of "до 10 числа месяца, следующего за отчетным" and its Kazakh and English equivalents.
_DUTY_FILLERS = frozenset(
    (
        "до", "не", "позднее", "числа", "число", "месяца", "за", "отчетным", "отчетного",
        "периода", "периодом", "отчетного", "квартала", "года", "кварталом", "полугодием", "годом",
        "и", "по", "в", "во", "сайын",
        "есепті", "кезеңнен", "айдың", "айынан", "күнінен", "күніне", "кешіктірмей", "дейін",
        "айдан", "ай", "тоқсаннан", "жылдан", "жылдың", "ына", "іне", "на", "не", "ы", "і", "шы", "ші", "го",
        "және",
        "by", "the", "of", "month", "period", "day", "no", "later", "than", "and", "every",
        "st", "nd", "rd", "th", "on",
    )
)  # fmt: skip
# Endings written after a day with a hyphen, between it and its month: "5-го июля", "1-і сәуір".
_DAY_ENDINGS = frozenset(("го", "е", "ы", "і", "ына", "іне", "st", "nd", "rd", "th"))
_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    # Russian forms, Kazakh words, English names; Monday first
    ("понедельник", "понедельника", "понедельникам", "понедельнику", "дүйсенбі", "monday", "mondays"),
    ("вторник", "вторника", "вторникам", "вторнику", "сейсенбі", "tuesday", "tuesdays"),
    ("среда", "среду", "средам", "среды", "сәрсенбі", "wednesday", "wednesdays"),
    ("четверг", "четверга", "четвергам", "четвергу", "бейсенбі", "thursday", "thursdays"),
    ("пятница", "пятницу", "пятницам", "пятницы", "жұма", "friday", "fridays"),
    ("суббота", "субботу", "субботам", "субботы", "сенбі", "saturday", "saturdays"),
    ("воскресенье", "воскресеньям", "жексенбі", "sunday", "sundays"),
)


@cache
def _weekday_table() -> dict[str, int]:
    kazakh = {"дүйсенбі", "сейсенбі", "сәрсенбі", "бейсенбі", "жұма", "сенбі", "жексенбі"}
    table: dict[str, int] = {}
    for number, forms in enumerate(_WEEKDAYS):
        for form in forms:
            endings = KAZAKH_ENDINGS if form in kazakh else ("",)
            table.update((form + ending, number) for ending in endings)
    return table


DUTY_FORMS = say(
    "wording.duty_accepted",
    forms="'ежемесячно до 10 числа месяца, следующего за отчетным', 'ежеквартально до 15 числа', "
    "'по итогам года, не позднее 25 января', 'ежегодно до 1 апреля', 'до 5 июля и 20 декабря', "
    "'еженедельно по пятницам', 'ай сайын, есепті айдан кейінгі айдың 10-ына дейін'",
)


def parse_duty(text: str) -> tuple[Frequency, DueTerms]:
    """Read how often a duty recurs and when each period is due (see `DueTerms`). Raise
    `WordingError` saying why when the text is not such a wording."""
    foreign_digit = next((char for char in text if char.isdigit() and not char.isascii()), None)
    if foreign_digit is not None:  # not dropped as if it were punctuation
        raise WordingError(say("wording.unexpected", text=foreign_digit))
    words = " ".join(re.findall(r"[0-9]+|[^\W\d_]+", normalized(text)))
    try:
        return Frequency(words.replace(" ", "-")), DueTerms()
    except ValueError:
        pass
    found = [(phrase, frequency) for phrase, frequency in _FREQUENCY_PHRASES if f" {phrase} " in f" {words} "]
    if not found:
        raise WordingError(say("wording.no_frequency"))
    phrase, frequency = found[0]
    rest_text = f" {words} ".replace(f" {phrase} ", " ", 1)
    for other, _frequency in _FREQUENCY_PHRASES:
        if f" {other} " in rest_text:
            raise WordingError(say("wording.two_frequencies", first=phrase, second=other))
    terms = _due_terms(rest_text.split(), after=phrase.startswith(_AFTER_PHRASES))
    _check_terms(frequency, terms)
    return frequency, terms


def _due_terms(words: list[str], after: bool) -> DueTerms:
    """The due day, dates or weekday that the words after the frequency name."""
    due_day: int | None = None
    dates: list[tuple[int, int]] = []
    weekday: int | None = None
    weekday_word = ""
    day_named = False
    months_used: set[int] = set()
    for at, word in enumerate(words):
        if word.isascii() and word.isdigit():
            day = int(word)
            if not 1 <= day <= 31:
                raise WordingError(say("wording.not_a_day", word=word))
            month_at = _month_beside(words, at, months_used)
            if month_at is not None:
                months_used.add(month_at)
                dates.append(_month_and_day(words[month_at], day))
                continue
            if due_day is not None:
                raise WordingError(say("wording.two_due_days", first=due_day, second=word))
            due_day, day_named = day, _names_a_day(words, at)
        elif word_table().get(word, Word(Kind.FILLER)).kind is Kind.MONTH:
            if at not in months_used and not _month_beside_a_day(words, at):
                raise WordingError(say("wording.month_without_day", word=word))
        elif (named := _weekday_table().get(word)) is not None:
            if weekday is not None and weekday != named:
                raise WordingError(say("wording.two_weekdays", first=weekday_word, second=word))
            weekday, weekday_word = named, word
        elif word in _AFTER_WORDS:
            after = True
        elif word not in _DUTY_FILLERS:
            raise WordingError(say("wording.unknown_word", word=word))
    if due_day is not None and not day_named:
        # "1 раз в полугодие": a number that no word makes a day is not a due day.
        raise WordingError(say("wording.number_not_a_day", number=due_day))
    if due_day is not None and dates:
        raise WordingError(say("wording.day_and_dates", day=due_day))
    return DueTerms(due_day, tuple(dates), after and bool(dates), weekday)


def _month_beside(words: list[str], at: int, used: set[int]) -> int | None:
    """Where the month of the day at `at` is: after it ("1 апреля", "5-го июля", "1 сәуірге"), or before
    it ("сәуірдің 1-іне"); None when the day names no month."""
    after = at + 2 if at + 2 < len(words) and words[at + 1] in _DAY_ENDINGS else at + 1
    for candidate in (at + 1, after, at - 1):
        if 0 <= candidate < len(words) and candidate not in used and _is_month(words[candidate]):
            return candidate
    return None


def _month_beside_a_day(words: list[str], at: int) -> bool:
    # A month before its day ("сәуірдің 1-іне") is seen before the day is: the day will claim it.
    return at + 1 < len(words) and words[at + 1].isascii() and words[at + 1].isdigit()


def _is_month(word: str) -> bool:
    return word_table().get(word, Word(Kind.FILLER)).kind is Kind.MONTH


def _month_and_day(month_word: str, day: int) -> tuple[int, int]:
    month = word_table()[month_word].value
    if day > calendar.monthrange(2024, month)[1]:  # a leap year: 29 февраля is a date
        raise WordingError(say("wording.not_a_day_of_month", day=day, month=month_word))
    return month, day


def _check_terms(frequency: Frequency, terms: DueTerms) -> None:
    """Refuse terms that do not fit the frequency, naming why."""
    if frequency is Frequency.WEEKLY and (terms.due_day is not None or terms.dates):
        raise WordingError(say("wording.weekly_day_of_month"))
    if frequency is not Frequency.WEEKLY and terms.weekday is not None:
        raise WordingError(say("wording.weekday_not_weekly"))
    if not terms.dates:
        return
    if len(terms.dates) != frequency.periods_a_year:
        raise WordingError(say("wording.dates_count", count=frequency.periods_a_year, found=len(terms.dates)))
    year = Schedule(frequency, date(2024, 1, 1), date(2024, 12, 31), terms)
    if len({(occurrence.due.month, occurrence.due.day) for occurrence in year.occurrences()}) != len(
        terms.dates
    ):
        raise WordingError(say("wording.dates_shared"))


# Around a number that is a due day: "до 10 числа", "10-го", "10-ына дейін", "25-күнінен", "by the
# 20th", "by day 5".
_DAY_AFTER = frozenset(
    ("числа", "число", "го", "ына", "іне", "ы", "і", "шы", "ші", "күнінен", "күніне", "күні",
     "st", "nd", "rd", "th", "day")
)  # fmt: skip
_DAY_BEFORE = frozenset(("до", "позднее", "by", "day", "on"))


def _names_a_day(words: list[str], at: int) -> bool:
    after = words[at + 1] if at + 1 < len(words) else ""
    before = words[at - 1] if at > 0 else ""
    return after in _DAY_AFTER or before in _DAY_BEFORE
