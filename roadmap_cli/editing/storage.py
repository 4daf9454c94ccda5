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
import errno
import functools
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    links = target.stat().st_nlink
    if links > 1:  # replacing the file would leave the other names holding the old text
        raise RoadmapError(say("storage.hard_links", path=path, links=links))
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
    """Write `new_raw` in place of the file, unless the file no longer holds `snapshot.raw`.

    The new bytes go to a temporary file beside it, with the original's mode, owner and group; then
    the two are swapped in one step, and what was swapped out is compared with what the edit
    started from. If someone replaced the file in the meantime (a `git checkout` does not take our
    lock), their file is swapped back and nothing is written. Where the system cannot swap two files,
    the new one is renamed over the old after a last comparison: a narrow window, not none.
    """
    target = snapshot.path
    try:
        current = target.read_bytes()
        status = target.stat()
    except OSError as exc:
        raise RoadmapError(say("storage.cannot_reread", path=shown, reason=exc.strerror or exc)) from None
    if current != snapshot.raw:
        raise RoadmapError(say("storage.changed", path=shown))
    temporary = _written_beside(target, new_raw, status, shown)
    try:
        _before_swap()
        if _exchange(temporary, target):
            if temporary.read_bytes() != snapshot.raw:  # someone else's file was swapped out: put it back
                _exchange(temporary, target)
                raise RoadmapError(say("storage.changed", path=shown))
        else:
            if target.read_bytes() != snapshot.raw:
                raise RoadmapError(say("storage.changed", path=shown))
            temporary.replace(target)
    except OSError as exc:
        raise RoadmapError(say("storage.cannot_write", path=shown, reason=exc.strerror or exc)) from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()  # the old bytes after a swap, or the unused new ones
    _sync_directory(target.parent)


def write_whole(target: Path, raw: bytes, shown: str) -> None:
    """Write a file (a report) whole or not at all: the bytes go to a temporary file beside it, then
    take its place in one rename, so a reader never sees half a file and a failure leaves the old one
    (or none). A file it replaces keeps its mode, owner and group; a new one gets the usual mode."""
    try:
        status: os.stat_result | None = target.stat()
    except FileNotFoundError:
        status = None
    except OSError as exc:
        raise RoadmapError(say("storage.cannot_write", path=shown, reason=exc.strerror or exc)) from None
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise RoadmapError(say("file.not_regular", path=shown))
    temporary = _written_beside(target, raw, status, shown)
    try:
        temporary.replace(target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise RoadmapError(say("storage.cannot_write", path=shown, reason=exc.strerror or exc)) from None
    _sync_directory(target.parent)


def _written_beside(target: Path, raw: bytes, status: os.stat_result | None, shown: str) -> Path:
    """A temporary file in the target's directory holding `raw`, synced, with the target's mode,
    owner and group (a group-shared roadmap stays the group's), or for a new file the mode the umask
    gives; removed again if anything fails."""
    try:
        descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise RoadmapError(say("storage.cannot_write", path=shown, reason=exc.strerror or exc)) from None
    temporary = Path(name)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if status is not None:
            _same_owner(temporary, status, shown)
            temporary.chmod(status.st_mode & 0o7777)
        else:
            temporary.chmod(0o666 & ~_umask())
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):  # a full disk, a quota: nothing was written
            raise RoadmapError(say("storage.cannot_write", path=shown, reason=exc.strerror or exc)) from None
        raise
    return temporary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _same_owner(path: Path, status: os.stat_result, shown: str) -> None:
    """Give `path` the owner and group of the file it replaces. The group must be kept (others may
    edit through it); the owner only a privileged user can give away, so another owner is said."""
    if not hasattr(os, "chown"):
        return
    try:
        os.chown(path, status.st_uid, status.st_gid)
        return
    except PermissionError:
        pass
    try:
        os.chown(path, -1, status.st_gid)
    except PermissionError:
        raise RoadmapError(say("storage.group", path=shown)) from None


def _before_swap() -> None:
    """Nothing: the moment a test may use to replace the file, as a checkout racing the edit would."""


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 with RENAME_EXCHANGE); False where that is not
    available, raising nothing."""
    swap = _renameat2()
    if swap is None:
        return False
    at_working_directory, rename_exchange = -100, 2
    result = swap(
        at_working_directory, os.fsencode(first), at_working_directory, os.fsencode(second), rename_exchange
    )
    if result == 0:
        return True
    import ctypes

    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # the filesystem or kernel cannot swap
        return False
    raise OSError(error, os.strerror(error))


@functools.cache
def _renameat2() -> Any:
    if sys.platform != "linux":
        return None
    import ctypes  # only where a file is swapped in

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.renameat2
    except (OSError, AttributeError):  # a C library without it (glibc before 2.28, some musl)
        return None


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
