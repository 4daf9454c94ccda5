"""The deadline and recurrence wordings of official documents, in Kazakh, Russian and English."""

from __future__ import annotations

from datetime import date

import pytest

from roadmap_cli.duty_wording import parse_duty
from roadmap_cli.recurrence import DueTerms, Frequency, Schedule
from roadmap_cli.wording import Period, WordingError, parse_deadline, word_table

ACCEPTED: list[tuple[str, date, Period]] = [
    # ISO and the local day.month.year
    ("2026-12-31", date(2026, 12, 31), Period.DAY),
    ("к 1 июля 2026 года", date(2026, 7, 1), Period.DAY),
    ("к концу 2026 года", date(2026, 12, 31), Period.YEAR),
    # Roman numerals with the Cyrillic І of a Kazakh keyboard
    ("ІV квартал 2026 года", date(2026, 12, 31), Period.QUARTER),
    ("2026 жылғы ІІ тоқсан", date(2026, 6, 30), Period.QUARTER),
    ("І квартал 2026 года", date(2026, 3, 31), Period.QUARTER),
    ("2026 жылғы 25-і желтоқсан", date(2026, 12, 25), Period.DAY),
    ("31.12.2026", date(2026, 12, 31), Period.DAY),
    ("1.2.2026", date(2026, 2, 1), Period.DAY),
    ("до 31.12.2026", date(2026, 12, 31), Period.DAY),
    ("31.12.2026 г.", date(2026, 12, 31), Period.DAY),
    ("  2026-03-01  ", date(2026, 3, 1), Period.DAY),
    # Russian: a day
    ("до 20 декабря 2026 года", date(2026, 12, 20), Period.DAY),
    ("20 декабря 2026 г.", date(2026, 12, 20), Period.DAY),
    ("не позднее 25 января 2027 года", date(2027, 1, 25), Period.DAY),
    ("до 1 марта 2026", date(2026, 3, 1), Period.DAY),
    ("до 9 мая 2026 года", date(2026, 5, 9), Period.DAY),
    ("ДО 29 ФЕВРАЛЯ 2028 ГОДА", date(2028, 2, 29), Period.DAY),
    ("до 15-го июня 2026 года", date(2026, 6, 15), Period.DAY),
    ("30 сентября 2026 года включительно", date(2026, 9, 30), Period.DAY),
    # Russian: a month
    ("декабрь 2026 года", date(2026, 12, 31), Period.MONTH),
    ("в декабре 2026", date(2026, 12, 31), Period.MONTH),
    ("в феврале 2026 года", date(2026, 2, 28), Period.MONTH),
    ("в феврале 2028 года", date(2028, 2, 29), Period.MONTH),
    ("май 2026", date(2026, 5, 31), Period.MONTH),
    ("в мае 2026 года", date(2026, 5, 31), Period.MONTH),
    ("до конца апреля 2026 года", date(2026, 4, 30), Period.MONTH),
    ("в течение ноября 2026 года", date(2026, 11, 30), Period.MONTH),
    ("Сентябрь 2026 г.", date(2026, 9, 30), Period.MONTH),
    # Russian: quarters and halves
    ("IV квартал 2026 года", date(2026, 12, 31), Period.QUARTER),
    ("4 кв. 2026", date(2026, 12, 31), Period.QUARTER),
    ("в первом квартале 2026 года", date(2026, 3, 31), Period.QUARTER),
    ("II квартал 2026 г.", date(2026, 6, 30), Period.QUARTER),
    ("третий квартал 2026 года", date(2026, 9, 30), Period.QUARTER),
    ("в IV квартале 2025 года", date(2025, 12, 31), Period.QUARTER),
    ("до конца 3 квартала 2026 года", date(2026, 9, 30), Period.QUARTER),
    ("в первом полугодии 2026 года", date(2026, 6, 30), Period.HALF_YEAR),
    ("II полугодие 2026 года", date(2026, 12, 31), Period.HALF_YEAR),
    ("во втором полугодии 2026 г.", date(2026, 12, 31), Period.HALF_YEAR),
    # Russian: a year
    ("2026 год", date(2026, 12, 31), Period.YEAR),
    ("до конца 2026 года", date(2026, 12, 31), Period.YEAR),
    ("в течение 2027 года", date(2027, 12, 31), Period.YEAR),
    ("2026 г.", date(2026, 12, 31), Period.YEAR),
    # Kazakh: a day (the year first, as Kazakh dates are written)
    ("2026 жылғы 10 қарашадағы", date(2026, 11, 10), Period.DAY),
    ("10 қарашаға дейін 2026", date(2026, 11, 10), Period.DAY),
    ("2026 жылғы 20 желтоқсанға дейін", date(2026, 12, 20), Period.DAY),
    ("2026 жылғы 1 наурыз", date(2026, 3, 1), Period.DAY),
    ("2027 жылғы 25 қаңтардан кешіктірмей", date(2027, 1, 25), Period.DAY),
    ("2026 жылғы 15 сәуірге дейін", date(2026, 4, 15), Period.DAY),
    ("2026 жылғы 5 қыркүйекте", date(2026, 9, 5), Period.DAY),
    ("2026 жылғы 10-шы қарашадағы", date(2026, 11, 10), Period.DAY),
    # Kazakh: a month
    ("2026 жылғы желтоқсан", date(2026, 12, 31), Period.MONTH),
    ("2026 жылдың қараша айында", date(2026, 11, 30), Period.MONTH),
    ("2026 жылғы ақпан", date(2026, 2, 28), Period.MONTH),
    ("2026 жылдың мамыр айына дейін", date(2026, 5, 31), Period.MONTH),
    ("2026 жылғы шілдеде", date(2026, 7, 31), Period.MONTH),
    ("2026 жылғы қыркүйектің соңына дейін", date(2026, 9, 30), Period.MONTH),
    # Kazakh: quarters, halves, a year
    ("2026 жылғы IV тоқсан", date(2026, 12, 31), Period.QUARTER),
    ("2026 жылдың бірінші тоқсанында", date(2026, 3, 31), Period.QUARTER),
    ("2026 жылғы 2 тоқсан", date(2026, 6, 30), Period.QUARTER),
    ("2026 жылдың бірінші жартыжылдығы", date(2026, 6, 30), Period.HALF_YEAR),
    ("2026 жылдың екінші жарты жылы", date(2026, 12, 31), Period.HALF_YEAR),
    ("2026 жыл", date(2026, 12, 31), Period.YEAR),
    ("2026 жылдың соңына дейін", date(2026, 12, 31), Period.YEAR),
    # English
    ("20 December 2026", date(2026, 12, 20), Period.DAY),
    ("December 20, 2026", date(2026, 12, 20), Period.DAY),
    ("by 1st March 2026", date(2026, 3, 1), Period.DAY),
    ("by 31 Jan 2027", date(2027, 1, 31), Period.DAY),
    ("December 2026", date(2026, 12, 31), Period.MONTH),
    ("by the end of September 2026", date(2026, 9, 30), Period.MONTH),
    ("Q4 2026", date(2026, 12, 31), Period.QUARTER),
    ("q1 2027", date(2027, 3, 31), Period.QUARTER),
    ("in the second quarter of 2026", date(2026, 6, 30), Period.QUARTER),
    ("H1 2026", date(2026, 6, 30), Period.HALF_YEAR),
    ("first half of 2026", date(2026, 6, 30), Period.HALF_YEAR),
    ("by the end of 2026", date(2026, 12, 31), Period.YEAR),
    ("2026 year", date(2026, 12, 31), Period.YEAR),
]


@pytest.mark.parametrize(("text", "resolved", "period"), ACCEPTED, ids=[case[0] for case in ACCEPTED])
def test_a_wording_resolves_to_the_last_day_it_names(text: str, resolved: date, period: Period) -> None:
    deadline = parse_deadline(text)
    assert deadline == resolved
    assert deadline.period is period
    # The wording is kept for reports (an ISO date needs none).
    assert deadline.as_written() == (text.strip() if deadline.wording is not None else resolved.isoformat())


def test_the_table_has_at_least_sixty_accepted_cases_in_three_languages() -> None:
    assert len(ACCEPTED) >= 60


REJECTED: list[tuple[str, str]] = [
    ("01/02/2026", "01/02/2026 is ambiguous (day/month or month/day?): write 31.12.2026 or 2026-12-31"),
    ("12/31/2026", "12/31/2026 is ambiguous (day/month or month/day?): write 31.12.2026 or 2026-12-31"),
    ("31.12.26", "31.12.26 is not a date: write day.month.year with the year in full, e.g. 31.12.2026"),
    ("до 20 декабря", "no year: the tool does not guess one"),
    ("IV квартал", "no year: the tool does not guess one"),
    ("2026", "a number alone: write '2026 год' or a date"),
    ("31 февраля 2026 года", "there is no day 31 in month 2 of 2026"),
    ("2025-02-30", "there is no day 30 in month 2 of 2025"),
    ("31.04.2026", "there is no day 31 in month 4 of 2026"),
    ("V квартал 2026 года", "unknown word 'v'"),
    ("Q5 2026", "there is no quarter 5"),
    ("H3 2026", "there is no half-year 3"),
    ("III полугодие 2026", "there is no half-year 3"),
    ("квартал 2026 года", "which quarter? no number next to 'квартал'"),
    (
        "ежемесячно до 10 числа",
        "'ежемесячно' makes it a recurring duty: write it under 'recurrence', not 'deadline'",
    ),
    ("до 20 декабря 2026 или 2027 года", "unknown word 'или'"),
    ("2026 или 2027 год", "unknown word 'или'"),
    ("декабрь 2026 - 2027", "more than one year"),
    ("декабрь-январь 2026", "the range 'декабрь' – 'январь 2026' ends before it starts"),
    ("IV–III кварталы 2026 года", "the range 'IV' – 'III кварталы 2026 года' ends before it starts"),
    ("2026 – 2027 учебный год", "unknown word 'учебный'"),
    ("20 декабря 5 2026", "both '20' and '5' could be the number"),
    ("первое декабря 2026", "'первое' is not part of a date"),
    ("soon", "unknown word 'soon'"),
    ("ASAP 2026", "unknown word 'asap'"),
    ("31.12.2026 и 30.06.2026", "unknown word 'и'"),
    ("до 31.12.2026, 30.06.2027", "more than one date"),
    ("2026 ж. #1", "unexpected '#'"),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED, ids=[case[0] for case in REJECTED])
def test_anything_it_would_have_to_guess_at_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(WordingError) as raised:
        parse_deadline(text)
    assert str(raised.value) == reason


def test_the_table_has_at_least_fifteen_rejected_cases() -> None:
    assert len(REJECTED) >= 15


def test_no_word_form_has_two_meanings() -> None:
    # The table is built with a check; this makes a regression in it visible here too.
    words = word_table()
    assert words["декабря"].value == 12 and words["желтоқсанға"].value == 12 and words["dec"].value == 12
    assert words["мая"].value == 5 and words["мамырда"].value == 5


DUTIES: list[tuple[str, Frequency, int | None]] = [
    ("ежемесячно до 10 числа месяца, следующего за отчетным", Frequency.MONTHLY, 10),
    ("ежеквартально", Frequency.QUARTERLY, None),
    ("ежеквартально до 15 числа", Frequency.QUARTERLY, 15),
    (
        "жарты жылда бір рет, есепті кезеңнен кейінгі айдың 25-күнінен кешіктірмей",
        Frequency.HALF_YEARLY,
        25,
    ),
    ("ай сайын, есепті айдан кейінгі айдың 10-ына дейін", Frequency.MONTHLY, 10),
    ("тоқсан сайын", Frequency.QUARTERLY, None),
    ("жыл сайын", Frequency.YEARLY, None),
    ("monthly", Frequency.MONTHLY, None),
    ("half-yearly", Frequency.HALF_YEARLY, None),
    ("Half-yearly by the 20th of the following month", Frequency.HALF_YEARLY, 20),
    ("quarterly, by the 5th day of the month after the period", Frequency.QUARTERLY, 5),
    ("раз в полугодие", Frequency.HALF_YEARLY, None),
    ("ежеквартально до 15 числа месяца, следующего за отчетным кварталом", Frequency.QUARTERLY, 15),
    ("по итогам полугодия до 10 числа месяца, следующего за отчетным полугодием", Frequency.HALF_YEARLY, 10),
    ("ежегодно до 25 числа месяца, следующего за отчетным годом", Frequency.YEARLY, 25),
    ("monthly by day 10", Frequency.MONTHLY, 10),
]


@pytest.mark.parametrize(("text", "frequency", "due_day"), DUTIES, ids=[case[0] for case in DUTIES])
def test_duty_wordings(text: str, frequency: Frequency, due_day: int | None) -> None:
    assert parse_duty(text) == (frequency, DueTerms(due_day=due_day))


# A duty that names its dates, a week or a weekday: the first periods from 1 January 2026, each with its
# label and due date.
DATED_DUTIES: list[tuple[str, list[tuple[str, str]]]] = [
    ("ежегодно, до 1 апреля", [("2026", "2026-04-01"), ("2027", "2027-04-01")]),
    ("жыл сайын 1 сәуірге дейін", [("2026", "2026-04-01"), ("2027", "2027-04-01")]),
    ("жыл сайын сәуірдің 1-іне дейін", [("2026", "2026-04-01"), ("2027", "2027-04-01")]),
    ("yearly by 1 April", [("2026", "2026-04-01"), ("2027", "2027-04-01")]),
    ("ежегодно до 1 февраля года, следующего за отчетным", [("2026", "2027-02-01"), ("2027", "2028-02-01")]),
    ("по итогам года, не позднее 25 января", [("2026", "2027-01-25"), ("2027", "2028-01-25")]),
    ("ежегодно до 29 февраля", [("2026", "2026-02-28"), ("2027", "2027-02-28"), ("2028", "2028-02-29")]),
    (
        "на полугодовой основе до 5 июля и 20 декабря",
        [("2026-H1", "2026-07-05"), ("2026-H2", "2026-12-20"), ("2027-H1", "2027-07-05")],
    ),
    (
        "раз в полугодие до 10 июля и 10 января года, следующего за отчетным",
        [("2026-H1", "2026-07-10"), ("2026-H2", "2027-01-10"), ("2027-H1", "2027-07-10")],
    ),
    (
        "ежеквартально до 5 апреля, 5 июля, 5 октября и 5 января, следующих за отчетным кварталом",
        [
            ("2026-Q1", "2026-04-05"),
            ("2026-Q2", "2026-07-05"),
            ("2026-Q3", "2026-10-05"),
            ("2026-Q4", "2027-01-05"),
        ],
    ),
    # ISO weeks: 1 January 2026 is a Thursday of week 1, which began on Monday 29 December 2025.
    ("еженедельно", [("2026-W01", "2026-01-04"), ("2026-W02", "2026-01-11")]),
    ("апта сайын", [("2026-W01", "2026-01-04"), ("2026-W02", "2026-01-11")]),
    ("еженедельно по пятницам", [("2026-W01", "2026-01-02"), ("2026-W02", "2026-01-09")]),
    ("апта сайын жұма сайын", [("2026-W01", "2026-01-02"), ("2026-W02", "2026-01-09")]),
    ("weekly on Mondays", [("2026-W01", "2025-12-29"), ("2026-W02", "2026-01-05")]),
]


@pytest.mark.parametrize(("text", "periods"), DATED_DUTIES, ids=[case[0] for case in DATED_DUTIES])
def test_duties_due_on_named_dates_or_weekdays(text: str, periods: list[tuple[str, str]]) -> None:
    frequency, terms = parse_duty(text)
    schedule = Schedule(frequency, date(2026, 1, 1), None, terms)
    found = zip(schedule.occurrences(), periods, strict=False)
    assert [(occurrence.label, occurrence.due.isoformat()) for occurrence, _ in found] == periods


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("ежедневно", "no frequency (monthly, ежемесячно, ай сайын...)"),
        ("ежемесячно до 10 и 20 числа", "two due days: 10 and 20"),
        ("ежемесячно 10 20", "two due days: 10 and 20"),
        ("ежемесячно до 32 числа", "'32' is not a day of the month"),
        ("ежегодно в апреле", "'апреле': name the day too ('до 1 апреля', '1 сәуірге дейін', 'by 1 April')"),
        ("ежегодно до 31 апреля", "'31 апреля' is not a date"),
        ("ежегодно до 10 числа и 1 апреля", "both a day of the month (10) and dates: name one or the other"),
        (
            "на полугодовой основе до 5 июля",
            "a year has 2 such periods: name one due date for each, not 1",
        ),
        (
            "раз в полугодие до 10 июля и 20 июля года, следующего за отчетным",
            "two periods would be due on the same date: name one date for each period",
        ),
        (
            "еженедельно до 10 числа",
            "a weekly duty is due on a day of its week ('по пятницам', 'жұма сайын', 'on Fridays'), "
            "not on a day of a month",
        ),
        ("ежемесячно по пятницам", "only a weekly duty is due on a day of the week"),
        ("еженедельно по пятницам и понедельникам", "two days of the week: 'пятницам' and 'понедельникам'"),
        ("ежемесячно и ежеквартально", "more than one frequency: 'ежеквартально' and 'ежемесячно'"),
        ("ежемесячно до ١٠ числа", "unexpected '١'"),
        (
            "1 раз в полугодие",  # once a half-year: the 1 is no due day
            "no word says that 1 is a day (write 'до 1 числа', '1-ына дейін' or 'by day 1'), "
            "or leave the number out",
        ),
    ],
)
def test_duty_wordings_refused(text: str, reason: str) -> None:
    with pytest.raises(WordingError) as raised:
        parse_duty(text)
    assert str(raised.value) == reason


RANGES: list[tuple[str, date, date]] = [
    ("2027 – 2028 годы", date(2027, 1, 1), date(2028, 12, 31)),
    ("III–IV кварталы 2026 года", date(2026, 7, 1), date(2026, 12, 31)),
    ("январь – февраль 2026 года", date(2026, 1, 1), date(2026, 2, 28)),
    ("2026 жылғы III–IV тоқсандар", date(2026, 7, 1), date(2026, 12, 31)),
    ("2026 жылғы қаңтар – ақпан", date(2026, 1, 1), date(2026, 2, 28)),
    ("1 марта – 30 июня 2026 года", date(2026, 3, 1), date(2026, 6, 30)),
]


@pytest.mark.parametrize(("text", "starts", "ends"), RANGES, ids=[case[0] for case in RANGES])
def test_a_range_resolves_to_its_end_and_keeps_its_start(text: str, starts: date, ends: date) -> None:
    deadline = parse_deadline(text)
    assert (deadline, deadline.starts, deadline.wording) == (ends, starts, text)


def test_a_hyphen_before_an_ending_is_no_range() -> None:
    assert parse_deadline("2026 жылғы I-ші тоқсан") == date(2026, 3, 31)
    assert parse_deadline("до 10-го декабря 2026 года").starts is None
