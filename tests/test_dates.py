from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from roadmap_cli.dates import KAZAKHSTAN_TIME, parse_iso_date, resolve_timezone, today_in

HINT = "write dates as YYYY-MM-DD, e.g. 2026-03-31"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.12.2025", "'31.12.2025' is written day.month.year; " + HINT),
        ("01/02/2025", "'01/02/2025' is ambiguous (day/month or month/day?); " + HINT),
        ("2025-02-30", "'2025-02-30' is not a real date (there is no day 30 in month 2 of 2025); " + HINT),
        ("2025-13-01", "'2025-13-01' is not a real date (there is no month 13); " + HINT),
        ("2025-1-5", "'2025-1-5' is not a date; " + HINT),
        ("2026-03-31T00:00", "'2026-03-31T00:00' is not a date; " + HINT),
        ("tomorrow", "'tomorrow' is not a date; " + HINT),
    ],
)
def test_dates_in_other_forms_are_refused_with_how_to_write_them(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_iso_date(text)
    assert str(caught.value) == message


def test_iso_dates_parse() -> None:
    assert parse_iso_date("2028-02-29") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("name", "offset_hours"),
    [(None, 5), ("Asia/Aqtobe", 5), ("UTC+05:00", 5), ("+5", 5), ("UTC-03:30", -3.5), ("UTC", 0)],
)
def test_time_zones_by_name_or_offset(name: str | None, offset_hours: float) -> None:
    zone = resolve_timezone(name)
    offset = datetime(2026, 6, 1, tzinfo=zone).utcoffset()
    assert offset == timedelta(hours=offset_hours)


@pytest.mark.parametrize(
    "name",
    # localtime and posixrules are the machine's own zone under a file name: never resolved.
    ["Asia/Atlantis", "../../etc/passwd", "/etc/localtime", "UTC+15", "UTC+05:99", "localtime", "posixrules"],
)
def test_unknown_or_hostile_time_zone_names_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        resolve_timezone(name)


def test_today_is_the_date_in_the_roadmap_zone_not_the_machine_one() -> None:
    evening_in_utc = datetime(2026, 3, 31, 19, 30, tzinfo=UTC)  # 00:30 on 1 April in Aktobe
    assert today_in(KAZAKHSTAN_TIME, evening_in_utc) == date(2026, 4, 1)
    assert today_in(resolve_timezone("Asia/Aqtobe"), evening_in_utc) == date(2026, 4, 1)
    assert today_in(UTC, evening_in_utc) == date(2026, 3, 31)


@pytest.mark.parametrize("text", ["２０２６-１２-０１", "٢٠٢٦-٠١-٣١", "2026-0١-31"])
def test_digits_of_other_scripts_are_no_iso_date(text: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_iso_date(text)
