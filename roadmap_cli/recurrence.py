"""Recurring duties: the reporting periods of a schedule, their due dates and their labels.

A monthly report "by the 10th of the month after the period" has one occurrence per month; each is due
on `due_day` of the month after its period ends (the month's last day when it is shorter). Periods are
calendar periods: ISO weeks (Monday to Sunday), months, quarters (Q1 = January to March), halves
(H1 = January to June) and years. A duty may instead name its due dates by day and month ("ежегодно до
1 апреля", "до 5 июля и 20 декабря"): one date for each period of a year, see `Schedule.due_date`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from roadmap_cli.messages import say


class Frequency(StrEnum):
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        """How many months a period spans; 0 for a week, which is no whole number of months."""
        return _MONTHS[self]

    @property
    def periods_a_year(self) -> int:
        """How many periods make a year: one due date each when a duty names its dates."""
        return 12 // self.months if self.months else 52

    def label(self, start: date) -> str:
        """The period's name in `submissions`: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026."""
        if self is Frequency.WEEKLY:
            iso = start.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        index = self.index_in_year(start) + 1
        return {
            Frequency.MONTHLY: f"{start.year:04d}-{start.month:02d}",
            Frequency.QUARTERLY: f"{start.year:04d}-Q{index}",
            Frequency.HALF_YEARLY: f"{start.year:04d}-H{index}",
            Frequency.YEARLY: f"{start.year:04d}",
        }[self]

    def label_example(self) -> str:
        return self.label(date(2026, 1, 5) if self is Frequency.WEEKLY else date(2026, 1, 1))

    def index_in_year(self, start: date) -> int:
        """Which period of its year a period is, from 0 (a week counts within its ISO year)."""
        if self is Frequency.WEEKLY:
            return start.isocalendar().week - 1
        return (start.month - 1) // self.months

    def period_start(self, day: date) -> date:
        """The first day of the period that contains `day`."""
        if self is Frequency.WEEKLY:
            return day - timedelta(days=day.weekday())
        first_month = (day.month - 1) // self.months * self.months + 1
        return date(day.year, first_month, 1)

    def next_start(self, start: date) -> date:
        """The first day of the period after the one that starts on `start`."""
        if self is Frequency.WEEKLY:
            return start + timedelta(days=7)
        return _months_later(start, self.months)

    def parse_label(self, label: str) -> date:
        """The first day of the period a label names; ValueError when it names none of this frequency."""
        match = _LABELS[self].fullmatch(label.strip().upper())
        start = None if match is None else self._labelled_start(match)
        if start is None:
            raise ValueError(say(NOT_A_PERIOD_KEYS[self], label=label, example=self.label_example()))
        return start

    def _labelled_start(self, match: re.Match[str]) -> date | None:
        year = int(match.group(1))
        index = int(match.group(2)) if match.lastindex == 2 else 1
        if self is Frequency.WEEKLY:
            try:
                return date.fromisocalendar(year, index, 1)
            except ValueError:  # week 0, or week 53 of a year that has 52
                return None
        if not 1 <= index <= 12 // self.months or year < 1:
            return None
        return date(year, (index - 1) * self.months + 1, 1)

    def canonical(self, label: str) -> str:
        """A label as this tool writes it (``2026-q1`` -> ``2026-Q1``); ValueError as `parse_label`."""
        return self.label(self.parse_label(label))


_MONTHS = {
    Frequency.WEEKLY: 0,
    Frequency.MONTHLY: 1,
    Frequency.QUARTERLY: 3,
    Frequency.HALF_YEARLY: 6,
    Frequency.YEARLY: 12,
}
_LABELS = {
    Frequency.WEEKLY: re.compile(r"([0-9]{4})-W([0-9]{2})"),
    Frequency.MONTHLY: re.compile(r"([0-9]{4})-([0-9]{2})"),
    Frequency.QUARTERLY: re.compile(r"([0-9]{4})-Q([0-9])"),
    Frequency.HALF_YEARLY: re.compile(r"([0-9]{4})-H([0-9])"),
    Frequency.YEARLY: re.compile(r"([0-9]{4})"),
}
# What a label that is no period of the frequency is told; a test holds these to the catalogues.
NOT_A_PERIOD_KEYS = {
    Frequency.WEEKLY: "period.not_weekly",
    Frequency.MONTHLY: "period.not_monthly",
    Frequency.QUARTERLY: "period.not_quarterly",
    Frequency.HALF_YEARLY: "period.not_half_yearly",
    Frequency.YEARLY: "period.not_yearly",
}


def _months_later(first_of_month: date, months: int) -> date:
    """The first day of the month `months` after the month of `first_of_month` (integer arithmetic:
    a roadmap with a thousand duties since 1991 has half a million periods to walk)."""
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _day_in(year: int, month: int, day: int) -> date:
    """`day` of the month, or the month's last day when it is shorter (31 -> 30 April, 29 -> 28 February)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True, slots=True)
class DueTerms:
    """When each period of a duty is due, as its wording says.

    - `due_day`: that day of the month after the period ("до 10 числа месяца, следующего за отчетным");
    - `dates`: (month, day) pairs, one per period of a year. Without `after_period` the i-th date of the
      year, in calendar order, is the due date of the year's i-th period, in the period's own year
      ("ежегодно до 1 апреля": 1 April of each year; "до 5 июля и 20 декабря": H1 by 5 July, H2 by
      20 December). With `after_period` ("…года, следующего за отчетным", "по итогам года") each period
      is due on the first of the dates after it ends ("по итогам года, не позднее 25 января": the
      next 25 January);
    - `weekday`: for a weekly duty, the day of its week it is due (0 = Monday);
    - none of these: due by the period's own last day (a quarterly meeting held within the quarter).
    """

    due_day: int | None = None
    dates: tuple[tuple[int, int], ...] = ()
    after_period: bool = False
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a duty recurs: `every` period from the one containing `starts`, to the one containing `until`."""

    every: Frequency
    starts: date
    until: date | None = None
    terms: DueTerms = DueTerms()

    def due_date(self, period_start: date) -> date:
        next_start = self.every.next_start(period_start)
        terms = self.terms
        if terms.dates and terms.after_period:
            ends = next_start - timedelta(days=1)
            candidates = (
                _day_in(ends.year + later, month, day) for month, day in terms.dates for later in (0, 1)
            )
            return min(candidate for candidate in candidates if candidate > ends)
        if terms.dates:
            month, day = sorted(terms.dates)[self.every.index_in_year(period_start)]
            return _day_in(period_start.year, month, day)
        if terms.weekday is not None:
            return period_start + timedelta(days=terms.weekday)
        if terms.due_day is None:
            return next_start - timedelta(days=1)
        # `due_day` of the month after the period (the first month of the next period).
        return _day_in(next_start.year, next_start.month, terms.due_day)

    def occurrence(self, period_start: date) -> Occurrence:
        next_start = self.every.next_start(period_start)
        ends = next_start - timedelta(days=1)
        return Occurrence(self.every.label(period_start), period_start, ends, self.due_date(period_start))

    def occurrences(self) -> Iterator[Occurrence]:
        """Every occurrence in order; endless when there is no `until` (the years a roadmap may name
        bound it in practice)."""
        start = self.every.period_start(self.starts)
        last = self.every.period_start(self.until) if self.until is not None else None
        while last is None or start <= last:
            yield self.occurrence(start)
            start = self.every.next_start(start)

    def contains(self, period_start: date) -> bool:
        first = self.every.period_start(self.starts)
        return first <= period_start and (self.until is None or period_start <= self.until)

    def due_through(self, day: date) -> Iterator[Occurrence]:
        """The occurrences due on or before `day`, then the first one due after it (if any)."""
        for occurrence in self.occurrences():
            yield occurrence
            if occurrence.due > day:
                return


@dataclass(frozen=True, slots=True)
class Occurrence:
    label: str
    starts: date
    ends: date
    due: date
