"""What every command does the same way: find and load the roadmap, choose the language, write out.

Writing goes through `emit` and `tell`, so that a reader who leaves (``| head``, ``| true``) ends
nothing but the output: the command still finishes its work and exits with its own code.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

from roadmap_cli import messages
from roadmap_cli.dates import today_in
from roadmap_cli.discover import display_path, find_roadmap, roadmaps_in
from roadmap_cli.errors import OutputError, ReportFileError, RoadmapError, UsageError
from roadmap_cli.load import LoadedRoadmap, load_roadmap
from roadmap_cli.messages import say
from roadmap_cli.model import Roadmap
from roadmap_cli.report.document import SeveralDocument
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import OutputFormat
from roadmap_cli.report.sentences import invalid_summary
from roadmap_cli.report.text import finding_line


@dataclass(frozen=True, slots=True)
class View:
    """How a reporting command shows its document: the format, how many rows each list read by
    people shows (None: all), and the language asked for (None: the roadmap's own, else English)."""

    output_format: OutputFormat
    limit: int | None
    language: str | None


def emit(text: str) -> None:
    """Write `text` to stdout; once the reader has gone, everything after it goes nowhere.

    Any other failure to write (a full disk, an I/O error) is an `OutputError`: the report did not
    reach anyone, and the command says so rather than exit as if it had.
    """
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        reader_left()
    except OSError as exc:
        reader_left()  # what is still buffered would fail again at exit
        raise OutputError(exc.strerror or str(exc)) from None


def emit_bytes(raw: bytes) -> None:
    """Write a binary report (a Word or Excel file) to stdout, as `emit` writes text."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        reader_left()
    except OSError as exc:
        reader_left()
        raise OutputError(exc.strerror or str(exc)) from None


STDOUT = "-"


def deliver(raw: bytes, output: str) -> str:
    """A file made for people (a report, a form, an imported roadmap) to standard output (`-`) or
    to `output`, written whole or not at all; the name to say it by. A file that cannot be written
    is the report's exit code (5), said as the storage says it."""
    if output == STDOUT:
        emit_bytes(raw)
        return messages.text("report.stdout")
    from roadmap_cli.editing.storage import write_whole  # not for `check`, which writes no file

    try:
        write_whole(Path(output), raw, output)
    except RoadmapError as exc:
        raise ReportFileError(str(exc)) from None
    return output


def reader_left() -> None:
    """Point stdout at the null device: what is still buffered, or written later, is dropped
    quietly instead of failing again at the next write or at exit."""
    # A stream without a file descriptor (a test's captured output) has nothing to redirect.
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def tell(line: str) -> None:
    """One line for the person at the terminal, on stderr, inert (a file name or a value typed on the
    command line may hold an escape sequence or a newline). A closed stderr is not our failure."""
    if sys.stderr is None:  # started with stderr closed: print() would write to stdout instead
        return
    with contextlib.suppress(OSError):  # BrokenPipeError among them
        print(inert(line), file=sys.stderr, flush=True)


def locate(path: Path | None) -> tuple[Path, str]:
    """The roadmap file to use, and how to name it in messages and reports."""
    if path is not None:
        return path, _shown(str(path))
    try:
        cwd = Path.cwd()
    except OSError:  # the directory this runs in was removed meanwhile
        raise RoadmapError(say("file.no_directory")) from None
    found = find_roadmap(cwd, os.environ)
    return found, _shown(display_path(found, cwd))


def _shown(name: str) -> str:
    """A file name as text: bytes of it that are not UTF-8 (the system hands them over as they are)
    become U+FFFD, so that JSON stays UTF-8 and JUnit well-formed XML."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def speak(requested: str | None, loaded: LoadedRoadmap | None = None, language: str | None = None) -> None:
    """Speak the language asked for (--lang or $ROADMAP_LANG, already checked), else the roadmap's own
    (as loaded, or as `language` names it), else English."""
    own = loaded.language if loaded is not None else language
    messages.use(requested or own or messages.DEFAULT_LANGUAGE)


def report_invalid(loaded: LoadedRoadmap, with_findings: bool = True) -> None:
    """An invalid file on stderr: its findings (unless a document carries them) and a summary."""
    if with_findings:
        for finding in loaded.findings:
            tell(finding_line(loaded.path, finding))
    tell(invalid_summary(loaded.path, loaded.findings))


def valid(loaded: LoadedRoadmap, requested: str | None) -> Roadmap | None:
    """The roadmap, in its language unless another was asked for; None (its errors told) if invalid."""
    speak(requested, loaded)
    if loaded.roadmap is None:
        report_invalid(loaded)
    return loaded.roadmap


def load(path: Path | None, requested: str | None) -> tuple[LoadedRoadmap, Roadmap | None]:
    """Find and load the roadmap: it, and its valid roadmap (None, its errors told, when invalid)."""
    speak(requested)
    loaded = load_roadmap(*locate(path))
    return loaded, valid(loaded, requested)


def load_one(
    path: Path | None, requested: str | None, at: str | None, as_of: date | datetime | None
) -> tuple[LoadedRoadmap, Roadmap | None, date | datetime | None]:
    """The roadmap as it is, or with `at` as it stood then (a date or a revision, see
    `revisions.load_at`); and the day to judge it on: `as_of` when given, else the day `at` names.
    `--as-of` alone on a past day judges the file as it is now, and says so when it has changed
    since (a task done in March would count as done in February)."""
    if at is None:
        loaded, roadmap = load(path, requested)
        if roadmap is not None and isinstance(as_of, date) and not isinstance(as_of, datetime):
            _tell_if_changed_since(locate(path)[0], roadmap, as_of)
        return loaded, roadmap, as_of
    from roadmap_cli.revisions import load_at

    speak(requested)
    point = load_at(*locate(path), at)
    return point.loaded, valid(point.loaded, requested), as_of if as_of is not None else point.day


def _tell_if_changed_since(path: Path, roadmap: Roadmap, day: date) -> None:
    zone = roadmap.info.tz
    if day >= today_in(zone):
        return
    from roadmap_cli import git

    try:
        root = git.repository_root(path.resolve().parent)
        changed = git.last_change(root, git.path_in_repository(root, path))
    except RoadmapError:  # not in a repository, or git is not there: nothing to compare with
        return
    if changed is not None and changed.astimezone(zone).date() > day:
        tell(
            messages.text(
                "at.as_of_today_file", date=day.isoformat(), changed=changed.astimezone(zone).date()
            )
        )


def locate_all(paths: Sequence[Path | None]) -> list[tuple[Path, str]]:
    """The roadmap files `paths` name, a directory standing for the roadmaps in it, each with how to
    name it (see `locate`)."""
    located: list[tuple[Path, str]] = []
    for path in paths:
        resolved, shown = locate(path)
        if is_directory(resolved):
            located += [(file, _shown(str(file))) for file in roadmaps_in(resolved)]
        else:
            located.append((resolved, shown))
    return located


def load_several(
    paths: Sequence[Path | None], requested: str | None, at: str | None = None
) -> list[LoadedRoadmap] | None:
    """None when `paths` name one roadmap file, which a command reads as it always has. Else every
    roadmap they name (a directory: the roadmaps in it, see `roadmaps_in`), loaded, in the language
    asked for or the one they all speak; the invalid ones' errors told. A file that cannot be read at
    all ends the command: a name given by mistake is not a roadmap to leave out quietly."""
    if len(paths) == 1 and (paths[0] is None or not is_directory(paths[0])):
        return None
    if at is not None:  # the roadmap as it stood is read from one file's history
        raise UsageError(say("at.one_file"))
    speak(requested)
    loaded = [load_roadmap(*each) for each in locate_all(paths)]
    languages = {each.language for each in loaded}
    speak(requested, loaded[0] if len(languages) == 1 else None)
    for each in loaded:
        if each.roadmap is None:
            report_invalid(each)
    return loaded


def tell_warnings(document: SeveralDocument) -> None:
    """What is wrong between the roadmaps (a department named two ways), on stderr in every format."""
    for warned in document.warnings:
        tell(finding_line(warned.file, warned.finding))


def is_directory(path: Path) -> bool:
    """Whether `path` is a directory; one that cannot even be looked at is left to the loading, which
    says why."""
    try:
        return path.is_dir()
    except OSError:
        return False


R = TypeVar("R")


def each_with_department(
    several: Sequence[LoadedRoadmap], department: str | None, work: Callable[[LoadedRoadmap, Roadmap], R]
) -> list[R]:
    """`work` done on each valid roadmap; with `department`, on the roadmaps that have it (`work`
    raises a usage error for the others): none having it is the first one's usage error."""
    done: list[R] = []
    unknown: UsageError | None = None
    for each in several:
        if each.roadmap is None:
            continue
        try:
            done.append(work(each, each.roadmap))
        except UsageError as error:
            if department is None:
                raise
            unknown = unknown or error
    if unknown is not None and not done:
        raise unknown
    return done


def judging_day(roadmap: Roadmap, as_of: date | datetime | None) -> date:
    """The day deadlines are judged on: given, or the day it is (or was, at an instant given) in the
    roadmap's time zone, wherever this runs."""
    if isinstance(as_of, datetime):
        return today_in(roadmap.info.tz, as_of)
    return as_of if as_of is not None else today_in(roadmap.info.tz)
