"""Working days in Kazakhstan: weekends, public holidays, days off moved by law or decree.

The holiday rules (a holiday on a weekend moves the day off to the next working day, the Government's
transfers, Kurban Ait) come from the `holidays` package (country KZ), its answer kept per machine
(`official_calendar`). A roadmap corrects it for
decrees the package does not know yet with ``calendar: {extra_days_off, extra_working_days}``.

Counting is arithmetic on weekdays plus a sorted list of exceptions per year, so counting the working
days to a deadline costs the same for a week and for a decade.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from roadmap_cli.dates import PLANNING_YEARS
from roadmap_cli.official_calendar import official_year


@dataclass(frozen=True, slots=True)
class _YearExceptions:
    days_off: list[date]  # weekdays that are days off, sorted
    working_days: list[date]  # weekend days that are working days, sorted


def _weekdays_through(day: date) -> int:
    """How many Mondays to Fridays there are from 1 January of year 1 to `day`, inclusive."""
    weeks, rest = divmod(day.toordinal(), 7)  # ordinal 1 is a Monday
    return weeks * 5 + min(rest, 5)


def _count_between(items: list[date], earlier: date, later: date) -> int:
    """How many of the sorted `items` fall after `earlier` and on or before `later`."""
    return bisect.bisect_right(items, later) - bisect.bisect_right(items, earlier)


@dataclass
class WorkingCalendar:
    """Kazakhstan's working days, with a roadmap's own corrections."""

    extra_days_off: frozenset[date] = frozenset()
    extra_working_days: frozenset[date] = frozenset()
    _years: dict[int, _YearExceptions] = field(default_factory=dict, repr=False)

    def _exceptions(self, year: int) -> _YearExceptions:
        cached = self._years.get(year)
        if cached is None:
            cached = self._years[year] = self._build(year)
        return cached

    def _build(self, year: int) -> _YearExceptions:
        days_off: set[date] = set()
        working: set[date] = set()
        if year in PLANNING_YEARS:  # outside them (an --as-of far off), only weekends are days off
            official = official_year(year)
            days_off.update(official.days_off)
            working.update(official.weekend_working_days)
        days_off.update(day for day in self.extra_days_off if day.year == year)
        days_off -= self.extra_working_days
        working.update(day for day in self.extra_working_days if day.year == year)
        working -= self.extra_days_off
        return _YearExceptions(
            days_off=sorted(day for day in days_off if day.weekday() < 5),
            working_days=sorted(day for day in working if day.weekday() >= 5),
        )

    def is_working_day(self, day: date) -> bool:
        exceptions = self._exceptions(day.year)
        if day.weekday() >= 5:
            index = bisect.bisect_left(exceptions.working_days, day)
            return index < len(exceptions.working_days) and exceptions.working_days[index] == day
        index = bisect.bisect_left(exceptions.days_off, day)
        return not (index < len(exceptions.days_off) and exceptions.days_off[index] == day)

    def next_working_day(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def working_days_before(self, day: date, count: int) -> date:
        """The working day `count` working days before `day` (a reminder's day: "3 working days
        before the deadline"); `day` itself for 0."""
        while count > 0:
            day -= timedelta(days=1)
            count -= self.is_working_day(day)
        return day

    def working_days_between(self, earlier: date, later: date) -> int:
        """Working days after `earlier`, up to and including `later`; negative when `later` is earlier."""
        if later < earlier:
            return -self.working_days_between(later, earlier)
        count = _weekdays_through(later) - _weekdays_through(earlier)
        for year in range(earlier.year, later.year + 1):
            exceptions = self._exceptions(year)
            count -= _count_between(exceptions.days_off, earlier, later)
            count += _count_between(exceptions.working_days, earlier, later)
        return count


def kazakhstan_calendar(
    extra_days_off: Iterable[date] = (), extra_working_days: Iterable[date] = ()
) -> WorkingCalendar:
    return WorkingCalendar(frozenset(extra_days_off), frozenset(extra_working_days))
