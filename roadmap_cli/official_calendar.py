"""Kazakhstan's official calendar for a year, as the `holidays` package computes it, kept on this
machine so that a command need not import the package at all.

Asking the package costs about a fifth of a second per process (its country table imports every
one of the nearly three hundred countries it knows), which is a fifth of `roadmap status` on a
1,000-task roadmap. Its answer for a year changes only with the package itself, so the answer is
kept in the user's cache directory (`$XDG_CACHE_HOME/roadmap/`, by default `~/.cache/roadmap/`)
as JSON, under a key made from the package's version file: upgrading the package starts a new
cache. A missing, unreadable or damaged cache is computed again; one that cannot be written (a
read-only home) is simply not kept. It holds dates only, read back as dates, never executed.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from roadmap_cli import __version__

FILE_NAME = "kazakhstan-calendar.json"


@dataclass(frozen=True, slots=True)
class OfficialYear:
    days_off: frozenset[date]  # public holidays and the days off moved to weekdays
    weekend_working_days: frozenset[date]  # weekend days the Government made working days


def official_year(year: int) -> OfficialYear:
    cached = _KEPT.years.get(year)
    if cached is None:
        cached = _KEPT.years[year] = _computed(year)
        _KEPT.save()
    return cached


def cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "roadmap" / FILE_NAME


def _computed(year: int) -> OfficialYear:
    import holidays

    official = holidays.country_holidays("KZ", years=year)
    return OfficialYear(
        days_off=frozenset(official),
        weekend_working_days=frozenset(day for day in official.weekend_workdays if day.year == year),
    )


def _package_key() -> str:
    """Names the installed `holidays` package: its version file's content, and our own version
    (the cache's format). Found without importing the package."""
    spec = importlib.util.find_spec("holidays")
    origin = None if spec is None else spec.origin
    if origin is None:
        return ""
    try:
        version_file = (Path(origin).parent / "version.py").read_bytes()
    except OSError:
        return ""
    return f"{__version__}/{hashlib.sha256(version_file).hexdigest()}"


class _Kept:
    """The cache of this process: read once on first use, written back when a year was added."""

    def __init__(self) -> None:
        self._years: dict[int, OfficialYear] | None = None
        self._key = ""

    @property
    def years(self) -> dict[int, OfficialYear]:
        if self._years is None:
            self._key = _package_key()
            self._years = _read(cache_path(), self._key) if self._key else {}
        return self._years

    def save(self) -> None:
        if not self._key or self._years is None:
            return
        plain = {
            "key": self._key,
            "years": {
                str(year): {
                    "days_off": sorted(day.isoformat() for day in kept.days_off),
                    "weekend_working_days": sorted(day.isoformat() for day in kept.weekend_working_days),
                }
                for year, kept in sorted(self._years.items())
            },
        }
        path = cache_path()
        # Written beside and renamed over: a reader never sees half a file. Any failure: not kept.
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".calendar-", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    json.dump(plain, stream)
                Path(temporary).replace(path)
            except OSError:
                Path(temporary).unlink(missing_ok=True)
                raise


def _read(path: Path, key: str) -> dict[int, OfficialYear]:
    try:
        plain = json.loads(path.read_bytes())
        if plain["key"] != key:
            return {}
        return {
            int(year): OfficialYear(
                days_off=frozenset(date.fromisoformat(day) for day in kept["days_off"]),
                weekend_working_days=frozenset(
                    date.fromisoformat(day) for day in kept["weekend_working_days"]
                ),
            )
            for year, kept in plain["years"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):  # missing or damaged
        return {}


_KEPT = _Kept()
