"""Dates as the roadmap means them: ISO calendar dates, and "today" in the roadmap's time zone."""

from __future__ import annotations

import functools
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from roadmap_cli.messages import say

# The years a roadmap may name: from independence to the end of the century. A date outside them is
# a typo (0206 for 2026), and bounding them bounds the periods a recurring duty can have.
PLANNING_YEARS = range(1991, 2101)

# All of Kazakhstan has been on UTC+5 since 1 March 2024; a fixed offset needs no zone database.
KAZAKHSTAN_TIME_NAME = "UTC+05:00"
KAZAKHSTAN_TIME = timezone(timedelta(hours=5), KAZAKHSTAN_TIME_NAME)

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DOTTED_DATE = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}")
_SLASHED_DATE = re.compile(r"[0-9]{1,4}/[0-9]{1,2}/[0-9]{1,4}")
_FIXED_OFFSET = re.compile(r"(?:UTC)?([+-])([0-9]{1,2})(?::?([0-9]{2}))?")


def parse_iso_date(text: str) -> date:
    """Parse ``YYYY-MM-DD`` strictly; raise ValueError with a message that says how to write it.

    Other spellings (31.12.2025, 01/02/2025) are refused rather than guessed: 01/02 is the 1st of
    February to some readers and the 2nd of January to others.
    """
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        if _DOTTED_DATE.fullmatch(text):
            raise ValueError(say("date.dotted", text=text))
        if _SLASHED_DATE.fullmatch(text):
            raise ValueError(say("date.ambiguous", text=text))
        raise ValueError(say("date.not_a_date", text=text))
    year, month, day = (int(part) for part in match.groups())
    try:
        return date(year, month, day)
    except ValueError:  # 2025-02-30, 2026-13-01
        reason = (
            say("date.no_such_month", month=month)
            if not 1 <= month <= 12
            else say("wording.no_such_day", day=day, month=month, year=year)
        )
        raise ValueError(say("date.not_real", text=text, reason=reason)) from None


def resolve_timezone(name: str | None) -> tzinfo:
    """Turn the roadmap's ``timezone`` into a tzinfo; None means Kazakhstan time (UTC+5).

    Accepts an IANA name (Asia/Aqtobe) or a fixed offset (UTC+05:00, +5). Raises ValueError.
    """
    if name is None:
        return KAZAKHSTAN_TIME
    offset = _FIXED_OFFSET.fullmatch(name)
    if offset is not None:
        sign, hours, minutes = offset.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta > timedelta(hours=14) or int(minutes or 0) >= 60:
            raise ValueError(say("date.offset_range", offset=name))
        return timezone(-delta if sign == "-" else delta, f"UTC{sign}{hours.zfill(2)}:{minutes or '00'}")
    if _ZONE_NAME.fullmatch(name) is None:  # no '.', so no way out of the database's folder
        raise ValueError(say("date.unknown_zone", zone=name))
    try:
        return _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError(say("date.unknown_zone", zone=name)) from None


_ZONE_NAME = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")


@functools.cache
def _zone(name: str) -> ZoneInfo:
    """A zone read from the IANA database the `tzdata` package ships, not from the machine's: a
    roadmap's "today" must not depend on how up to date a machine's zone files are, and the machine's
    own "localtime" and "posixrules" are no zones of the database at all."""
    with resources.files("tzdata.zoneinfo").joinpath(*name.split("/")).open("rb") as data:
        return ZoneInfo.from_file(data, key=name)


def today_in(zone: tzinfo, now: datetime | None = None) -> date:
    """The calendar date in `zone` at instant `now` (default: the current instant).

    A deadline day ends at midnight in the roadmap's zone, so "today" never depends on the
    machine's own time zone.
    """
    instant = now if now is not None else datetime.now(UTC)
    return instant.astimezone(zone).date()
