"""Reading a file as it was at a git revision, through the real `git` command.

Every revision from a user is verified to a commit id before use (refusing anything that starts with
'-', so it cannot become an option), and files are then read by commit id and path only.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from roadmap_cli.errors import RoadmapError, UsageError
from roadmap_cli.messages import say

GIT_TIMEOUT_SECONDS = 60


# Reading a revision must run nothing that the repository's configuration names: no file-system
# monitor hook, no gpg to verify a signature. (Filters and external diff tools are kept out by the
# commands themselves: `cat-file blob` reads a blob as stored, `diff --cached --no-ext-diff` compares
# stored blobs.) A user's own config cannot change what is parsed, either.
_NO_PROGRAMS = ("-c", "core.fsmonitor=false", "-c", "log.showSignature=false")


def _git(root: Path, *args: str, requests: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """git run in `root`; with `requests`, reading them from standard input (`cat-file --batch`:
    one process for every blob of a history), with the longer time that many reads may take."""
    environment = {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",  # never wait for a password
        "GIT_OPTIONAL_LOCKS": "0",  # a read must not take the index lock from a user's own git
        "LC_ALL": "C",
    }
    timeout = GIT_TIMEOUT_SECONDS if requests is None else GIT_TIMEOUT_SECONDS * 10
    try:
        return subprocess.run(
            ["git", *_NO_PROGRAMS, *args],
            cwd=root,
            capture_output=True,
            timeout=timeout,
            env=environment,
            check=False,
            input=requests or b"",  # nothing to read means at once the end of input: git never waits
        )
    except FileNotFoundError as exc:
        if exc.filename != "git":  # the directory to run in is gone, not git
            raise RoadmapError(say("file.unreadable", path=root, reason=exc.strerror)) from None
        raise RoadmapError(say("git.missing")) from None
    except OSError as exc:  # a directory git cannot be run in (a name too long, no permission)
        raise RoadmapError(say("file.unreadable", path=root, reason=exc.strerror or exc)) from None
    except subprocess.TimeoutExpired:
        raise RoadmapError(say("git.timeout", seconds=timeout)) from None


def _first_line(output: bytes) -> str:
    text = output.decode("utf-8", errors="replace").strip()
    return text.splitlines()[0] if text else ""


def repository_root(start: Path) -> Path:
    """The top of the work tree that `start` (a directory) is in."""
    completed = _git(start, "rev-parse", "--show-toplevel")
    if completed.returncode != 0:
        raise RoadmapError(say("git.no_repository", path=start, reason=_first_line(completed.stderr)))
    # Only git's own line break goes: a folder's name may end in a space, or even a line break.
    return Path(completed.stdout.decode("utf-8", errors="surrogateescape").removesuffix("\n"))


def path_in_repository(root: Path, path: Path) -> str:
    """`path` relative to the repository root, with '/' separators; refuses a path outside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(say("git.outside", path=path, root=root)) from None


def resolve_commit(root: Path, revision: str, option: str) -> str:
    """The commit id that `revision` names; a usage error when it names none."""
    if not revision or revision.startswith("-") or any(char in revision for char in "\0\n\r"):
        raise UsageError(say("git.not_revision", option=option, revision=revision))
    completed = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    if completed.returncode != 0:
        shallow = _git(root, "rev-parse", "--is-shallow-repository")
        if shallow.stdout.strip() == b"true":
            raise UsageError(say("git.unknown_revision_shallow", option=option, revision=revision))
        raise UsageError(say("git.unknown_revision", option=option, revision=revision))
    return completed.stdout.decode("ascii").strip()


def blob_size(root: Path, commit: str, path: str) -> int | None:
    """The size in bytes of the file at `commit`, or None when it did not exist there; asked
    before the file is read, so that a huge file in the history is refused unread."""
    completed = _git(root, "cat-file", "-s", f"{commit}:{path}")
    return int(completed.stdout) if completed.returncode == 0 else None


def read_at(root: Path, commit: str, path: str) -> bytes | None:
    """The file's bytes at `commit`, or None when it did not exist there."""
    completed = _git(root, "cat-file", "blob", f"{commit}:{path}")
    return completed.stdout if completed.returncode == 0 else None


def former_path(root: Path, base: str, head: str | None, path: str) -> str | None:
    """The path at `base` of the file now at `path`, when git sees it as renamed since then."""
    # Against the index, not the working tree, when there is no head revision: comparing files on disk
    # would run the clean filters that the repository's attributes name. A rename is seen once staged.
    revisions = [base, head] if head else ["--cached", base]
    args = ["diff", "--name-status", "-z", "-M", "--no-ext-diff", "--no-textconv", *revisions, "--"]
    completed = _git(root, *args)
    fields = completed.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status.startswith(("R", "C")):
            old, new = fields[index + 1], fields[index + 2]
            if new == path:
                return old
            index += 3
        else:
            index += 2
    return None


def files_at(root: Path, commit: str, directory: str) -> list[str] | None:
    """The names of the files directly in `directory` (relative to the root, "" for the root itself)
    at `commit`; None when the directory was not there."""
    completed = _git(root, "ls-tree", "-z", f"{commit}:{directory}")
    if completed.returncode != 0:
        return None
    names = []
    for entry in completed.stdout.decode("utf-8", errors="surrogateescape").split("\0"):
        meta, _tab, name = entry.partition("\t")
        if meta.split(" ")[1:2] == ["blob"]:
            names.append(name)
    return names


def commit_time(root: Path, commit: str) -> datetime:
    """When `commit` was committed (committer date), as an aware datetime."""
    completed = _git(root, "log", "-1", "--no-show-signature", "--format=%cI", commit, "--")
    return datetime.fromisoformat(completed.stdout.decode("ascii").strip())


def last_commit_before(root: Path, cutoff: datetime) -> str | None:
    """The last commit of the current branch's first-parent line made on or before `cutoff`
    (committer date): the state of the branch at that instant. None when the branch is younger.

    The first parent is the branch's own line: a merged branch's commits are its work in progress,
    and the roadmap as it stood on the main line is what the merge brought in, when it did."""
    stamp = cutoff.isoformat()
    completed = _git(root, "rev-list", "-1", "--first-parent", f"--before={stamp}", "HEAD", "--")
    found = completed.stdout.decode("ascii", errors="replace").strip() if completed.returncode == 0 else ""
    if found:
        return found
    # In a shallow clone the older commits are not here: "none yet" would be a guess.
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
        raise UsageError(say("git.shallow_at", at=stamp))
    if completed.returncode != 0:
        raise RoadmapError(say("git.no_history", path=root, reason=_first_line(completed.stderr)))
    return None


def last_change(root: Path, path: str) -> datetime | None:
    """When the file at `path` was last committed (committer date), or None when it never was."""
    completed = _git(root, "log", "-1", "--no-show-signature", "--format=%cI", "HEAD", "--", path)
    text = completed.stdout.decode("ascii", errors="replace").strip()
    return datetime.fromisoformat(text) if completed.returncode == 0 and text else None


@dataclass(frozen=True, slots=True)
class Revision:
    """A commit that changed a file: who, when, what it said, and the file's path in it."""

    commit: str
    author: str
    when: datetime
    subject: str
    path: str


def file_history(root: Path, path: str) -> list[Revision]:
    """Every commit of the branch's first-parent line that changed the file now at `path`, oldest
    first, following renames (`--follow`)."""
    if _git(root, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true":
        raise UsageError(say("git.shallow_history", path=path))  # a cut history would read as complete
    record, field = "\x1e", "\x1f"
    completed = _git(
        root,
        "-c",
        "core.quotePath=false",
        "log",
        "--first-parent",
        "--follow",
        "--no-show-signature",
        "--name-only",
        f"--format={record}%H{field}%an{field}%cI{field}%s",
        "HEAD",
        "--",
        path,
    )
    if completed.returncode != 0:
        raise RoadmapError(say("git.no_history", path=root, reason=_first_line(completed.stderr)))
    revisions = []
    for chunk in completed.stdout.decode("utf-8", errors="replace").split(record)[1:]:
        header, _, names = chunk.partition("\n")
        commit, author, when, subject = header.split(field, 3)
        name = next((line for line in names.splitlines() if line.strip()), path)
        revisions.append(Revision(commit, author, datetime.fromisoformat(when), subject, name))
    return revisions[::-1]


def read_many(root: Path, specs: list[str]) -> list[bytes | None]:
    """The blobs `commit:path` names, read by one `git cat-file --batch`; None for one not there."""
    if not specs:
        return []
    completed = _git(
        root, "cat-file", "--batch", requests="".join(f"{spec}\n" for spec in specs).encode("utf-8")
    )
    out, at = completed.stdout, 0
    blobs: list[bytes | None] = []
    for _spec in specs:
        end = out.find(b"\n", at)
        if end < 0:  # git stopped early: what it did not hand over is not there
            blobs.append(None)
            continue
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3 or header[1] != b"blob":
            blobs.append(None)
            continue
        size = int(header[2])
        blobs.append(out[at : at + size])
        at += size + 1
    return blobs


def git_directory(root: Path) -> Path:
    """The repository's own directory (`.git`, shared by its worktrees): where a cache may live,
    never in the work tree."""
    completed = _git(root, "rev-parse", "--path-format=absolute", "--git-common-dir")
    if completed.returncode != 0:
        raise RoadmapError(say("git.no_repository", path=root, reason=_first_line(completed.stderr)))
    return Path(completed.stdout.decode("utf-8", errors="surrogateescape").removesuffix("\n"))


def blob_ids(root: Path, specs: list[str]) -> list[str | None]:
    """The blob id each `commit:path` names (None: not there), by one `git cat-file --batch-check`."""
    if not specs:
        return []
    completed = _git(
        root, "cat-file", "--batch-check", requests="".join(f"{spec}\n" for spec in specs).encode("utf-8")
    )
    ids: list[str | None] = []
    for line in completed.stdout.decode("ascii", errors="replace").splitlines():
        parts = line.split(" ")
        ids.append(parts[0] if len(parts) == 3 and parts[1] == "blob" else None)
    return ids + [None] * (len(specs) - len(ids))
