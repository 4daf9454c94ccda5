"""Read a file for an edit and replace it atomically, refusing when someone else changed it meanwhile.

- Editors of the same file take turns: each holds an exclusive lock on the file from reading it to
  replacing it (an advisory `flock`; `roadmap` processes respect it, a text editor does not).
- Just before replacing, the file is read again; if its bytes differ from what the edit started
  from (an editor that does not lock, a `git checkout`), nothing is written.
- The new bytes go to a temporary file in the same directory, flushed and synced, with the
  original's permissions, then renamed over the original: a reader, or a crash at any point, sees
  either the old file or the new one. A crash can leave the temporary file behind, never a
  truncated roadmap.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from roadmap_cli.errors import RoadmapError
from roadmap_cli.load import check_regular_file, read_file
from roadmap_cli.messages import say
from roadmap_cli.source import DEFAULT_LIMITS, Limits

LOCK_WAIT_SECONDS = 10.0


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A file as an edit read it: where it really is, and its bytes at that moment."""

    path: Path  # symlinks resolved: the file that will be replaced
    raw: bytes


@contextlib.contextmanager
def editing(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Snapshot]:
    """Hold the file's edit lock while the block runs, and give its current bytes."""
    target = Path(os.path.realpath(path))
    check_regular_file(target)  # before opening it to lock it
    if not os.access(target, os.W_OK) or not os.access(target.parent, os.W_OK):
        raise RoadmapError(say("storage.read_only", path=path))
    with _locked(target, path):
        yield Snapshot(target, read_file(target, limits))


@contextlib.contextmanager
def _locked(target: Path, shown: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # not on POSIX: no lock, the changed-on-disk check still applies
        yield
        return
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            handle = target.open("rb")
        except OSError as exc:
            raise RoadmapError(say("storage.cannot_open", path=shown, reason=exc.strerror or exc)) from None
        with handle:
            while True:
                try:
                    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise RoadmapError(
                            say("storage.locked", path=shown, seconds=f"{LOCK_WAIT_SECONDS:.0f}")
                        ) from None
                    time.sleep(0.02)
            # The previous holder may have replaced the file: then this lock is on the old one.
            try:
                same_file = os.fstat(handle.fileno()).st_ino == target.stat().st_ino
            except OSError:
                same_file = False
            if same_file:
                yield
                return
        if time.monotonic() > deadline:
            raise RoadmapError(say("storage.replaced", path=shown))


def replace(snapshot: Snapshot, new_raw: bytes, shown: str) -> None:
    """Write `new_raw` in place of the file, unless the file no longer holds `snapshot.raw`."""
    target = snapshot.path
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise RoadmapError(say("storage.cannot_reread", path=shown, reason=exc.strerror or exc)) from None
    if current != snapshot.raw:
        raise RoadmapError(say("storage.changed", path=shown))
    mode = target.stat().st_mode & 0o7777
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new_raw)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(mode)
        temporary.replace(target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _sync_directory(target.parent)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable (a no-op where directories cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
