"""Recurring duties: the reporting periods of a schedule, their due dates and their labels.

A monthly report "by the 10th of the month after the period" has one occurrence per month; each is due
on `due_day` of the month after its period ends (the month's last day when it is shorter). Periods are
calendar periods: months, quarters (Q1 = January to March), halves (H1 = January to June) and years.
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
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"

    @property
    def months(self) -> int:
        return _MONTHS[self]

    def label(self, start: date) -> str:
        """The period's name in `submissions`: 2026-01, 2026-Q1, 2026-H1, 2026."""
        index = (start.month - 1) // self.months + 1
        return {
            Frequency.MONTHLY: f"{start.year:04d}-{start.month:02d}",
            Frequency.QUARTERLY: f"{start.year:04d}-Q{index}",
            Frequency.HALF_YEARLY: f"{start.year:04d}-H{index}",
            Frequency.YEARLY: f"{start.year:04d}",
        }[self]

    def label_example(self) -> str:
        return self.label(date(2026, 1, 1))

    def period_start(self, day: date) -> date:
        """The first day of the period that contains `day`."""
        first_month = (day.month - 1) // self.months * self.months + 1
        return date(day.year, first_month, 1)

    def parse_label(self, label: str) -> date:
        """The first day of the period a label names; ValueError when it names none of this frequency."""
        match = _LABELS[self].fullmatch(label.strip().upper())
        index = 0
        if match is not None:
            index = int(match.group(2)) if match.lastindex == 2 else 1
        if match is None or not 1 <= index <= 12 // self.months:
            raise ValueError(say(NOT_A_PERIOD_KEYS[self], label=label, example=self.label_example()))
        return date(int(match.group(1)), (index - 1) * self.months + 1, 1)

    def canonical(self, label: str) -> str:
        """A label as this tool writes it (``2026-q1`` -> ``2026-Q1``); ValueError as `parse_label`."""
        return self.label(self.parse_label(label))


_MONTHS = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.HALF_YEARLY: 6, Frequency.YEARLY: 12}
_LABELS = {
    Frequency.MONTHLY: re.compile(r"([0-9]{4})-([0-9]{2})"),
    Frequency.QUARTERLY: re.compile(r"([0-9]{4})-Q([0-9])"),
    Frequency.HALF_YEARLY: re.compile(r"([0-9]{4})-H([0-9])"),
    Frequency.YEARLY: re.compile(r"([0-9]{4})"),
}
# What a label that is no period of the frequency is told; a test holds these to the catalogues.
NOT_A_PERIOD_KEYS = {
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


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a duty recurs: `every` period from the one containing `starts`, to the one containing `until`."""

    every: Frequency
    due_day: int | None  # None: due by the last day of the period itself
    starts: date
    until: date | None = None

    def due_date(self, period_start: date) -> date:
        """`due_day` of the month after the period (the first month of the next period), or that
        month's last day when it is shorter (a due_day of 31 means 28 February)."""
        month = _months_later(period_start, self.every.months)
        if self.due_day is None:
            return month - timedelta(days=1)
        return month.replace(day=min(self.due_day, calendar.monthrange(month.year, month.month)[1]))

    def occurrence(self, period_start: date) -> Occurrence:
        ends = _months_later(period_start, self.every.months) - timedelta(days=1)
        return Occurrence(self.every.label(period_start), period_start, ends, self.due_date(period_start))

    def occurrences(self) -> Iterator[Occurrence]:
        """Every occurrence in order; endless when there is no `until` (the years a roadmap may name
        bound it in practice)."""
        start = self.every.period_start(self.starts)
        last = self.every.period_start(self.until) if self.until is not None else None
        while last is None or start <= last:
            yield self.occurrence(start)
            start = _months_later(start, self.every.months)

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
