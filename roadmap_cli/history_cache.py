"""The history's cache: the changes between two revisions of a roadmap file, kept by the pair of
their blob ids in an SQLite database in the repository's git directory (`.git/roadmap-history.sqlite3`,
never in the work tree). A blob id names the file's content exactly, so an entry is never stale:
rewriting history makes new pairs, and the old ones are simply no longer asked for.

Rebuilt when missing, unreadable, corrupt or written by another version of roadmap (its version and
the cache's schema are stored in it); safe under concurrent runs (SQLite's own locking, a short
wait, and a run that cannot write goes on without caching). Nothing in it is ever executed: entries
are JSON of plain values, read back into the history's own types.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from roadmap_cli import __version__
from roadmap_cli.diff import Change, ChangeKind
from roadmap_cli.model import Postponement

FILE_NAME = "roadmap-history.sqlite3"
SCHEMA = f"1/{__version__}"
FIRST = ""  # the "blob" before a file's first revision
INVALID = "invalid"  # (INVALID, blob): that revision does not load, and is skipped

# One step: (change, basis, unrecorded); the history's Event without its revision.
Step = tuple[Change, Postponement | None, bool]


class Cache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.database = _opened(path)

    def get(self, old: str, new: str) -> list[Step] | None:
        if self.database is None:
            return None
        try:
            found = self.database.execute(
                "SELECT steps FROM pairs WHERE old = ? AND new = ?", (old, new)
            ).fetchone()
            return None if found is None else [_step(item) for item in json.loads(found[0])]
        except (sqlite3.Error, ValueError, KeyError, TypeError):  # a damaged entry: computed again
            return None

    def put(self, old: str, new: str, steps: list[Step]) -> None:
        if self.database is None:
            return
        text = json.dumps([_plain_step(step) for step in steps], ensure_ascii=False)
        with contextlib.suppress(sqlite3.Error):  # busy or read-only: this run goes on uncached
            self.database.execute("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)", (old, new, text))

    def close(self) -> None:
        if self.database is not None:
            with contextlib.suppress(sqlite3.Error):
                self.database.commit()
                self.database.close()


@contextlib.contextmanager
def cache_in(git_directory: Path) -> Iterator[Cache]:
    cache = Cache(git_directory / FILE_NAME)
    try:
        yield cache
    finally:
        cache.close()


def _opened(path: Path) -> sqlite3.Connection | None:
    """The database, of this schema; made anew when missing, corrupt or of another version; None
    when it cannot be had at all (a read-only repository): the history is then computed in full."""
    for _attempt in range(2):
        try:
            database = sqlite3.connect(path, timeout=5, isolation_level=None)
            database.execute("PRAGMA journal_mode=WAL")
            database.execute("BEGIN IMMEDIATE")
            database.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            found = database.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if found is None or found[0] != SCHEMA:
                database.execute("DROP TABLE IF EXISTS pairs")
                database.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA,))
            database.execute(
                "CREATE TABLE IF NOT EXISTS pairs (old TEXT, new TEXT, steps TEXT, PRIMARY KEY (old, new))"
            )
            database.execute("COMMIT")
            database.execute("BEGIN")
            return database
        except sqlite3.OperationalError:  # busy with another run past the wait, or not writable
            return None
        except sqlite3.DatabaseError:  # not a database, or a damaged one: made anew
            with contextlib.suppress(OSError):
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
        except (sqlite3.Error, OSError):
            return None
    return None


def _plain_step(step: Step) -> dict[str, Any]:
    change, basis, unrecorded = step
    return {
        "kind": change.kind.value,
        "task": change.task_id,
        "department": change.department,
        "old": _value(change.old),
        "new": _value(change.new),
        "days": change.days,
        "basis": None
        if basis is None
        else [basis.from_.isoformat(), basis.to.isoformat(), basis.reason, basis.decision],
        "unrecorded": unrecorded,
    }


def _step(item: dict[str, Any]) -> Step:
    change = Change(
        ChangeKind(item["kind"]),
        str(item["task"]),
        str(item["department"]),
        _read_value(item["old"]),
        _read_value(item["new"]),
        None if item["days"] is None else int(item["days"]),
    )
    basis = item["basis"]
    record = (
        None
        if basis is None
        else Postponement.model_validate(
            {"from": basis[0], "to": basis[1], "reason": basis[2], "decision": basis[3]}
        )
    )
    return change, record, bool(item["unrecorded"])


def _value(value: date | str | None) -> list[str] | None:
    if value is None:
        return None
    return ["date", value.isoformat()] if isinstance(value, date) else ["text", value]


def _read_value(value: list[str] | None) -> date | str | None:
    if value is None:
        return None
    kind, text = value
    return date.fromisoformat(text) if kind == "date" else str(text)
