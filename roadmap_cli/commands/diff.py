"""`roadmap diff`: the changes between two revisions of the roadmap (or of a directory of roadmaps),
and with --check the policy."""

from __future__ import annotations

from pathlib import Path

from roadmap_cli import git, messages
from roadmap_cli.commands.shared import View, emit, is_directory, locate, speak, tell, tell_warnings, valid
from roadmap_cli.diff import compare, violations
from roadmap_cli.discover import is_roadmap_name, roadmap_files
from roadmap_cli.errors import ExitCode
from roadmap_cli.report.build import diff_document, several_document
from roadmap_cli.report.document import DiffDocument
from roadmap_cli.report.formats import render
from roadmap_cli.revisions import RoadmapPair, load_pair


def diff(
    path: Path | None,
    base: str,
    head: str | None,
    check_policy: bool,
    view: View,
) -> ExitCode:
    """`head` None: the file as it is in the working tree. Exit 1 with --check when the change breaks
    the postponement policy."""
    speak(view.language)
    if path is not None and is_directory(path):
        return _diff_directory(path, base, head, check_policy, view)
    resolved, shown = locate(path)
    document = _compared(load_pair(resolved, shown, base, head), base, head, check_policy, view.language)
    if document is None:
        return ExitCode.INVALID
    emit(render(document, view.output_format, view.limit))
    tell(_counted(document))
    return ExitCode.BREACHES if document.violations else ExitCode.OK


def _compared(
    pair: RoadmapPair, base: str, head: str | None, check_policy: bool, language: str | None
) -> DiffDocument | None:
    """The changes in one file; None (its errors told) when either version is invalid."""
    head_roadmap = valid(pair.head, language)
    if head_roadmap is None:
        return None
    base_roadmap = None
    if pair.base is None:
        tell(messages.text("diff.new_file", path=pair.head.path, base=base))
    else:
        base_roadmap = valid(pair.base, language)
        if base_roadmap is None:
            return None
        speak(language, pair.head)
    changes = compare(base_roadmap, head_roadmap)
    found = (
        violations(base_roadmap, head_roadmap, pair.change_date(), pair.head.position)
        if check_policy
        else None
    )
    return diff_document(pair.head, base, head, changes, found)


def _counted(document: DiffDocument) -> str:
    counted = messages.count(len(document.changes), "change")
    if document.violations is None:
        return f"{document.file}: {counted}"
    return f"{document.file}: {counted}, {messages.count(len(document.violations), 'violation')}"


def _diff_directory(directory: Path, base: str, head: str | None, check_policy: bool, view: View) -> ExitCode:
    """Each roadmap in the directory at the head against itself at the base (a new one against
    nothing), and the roadmaps the base had that the head no longer has: with --check, removing a
    roadmap file fails, as removing a task that was not cancelled does."""
    resolved, shown = locate(directory)
    root = git.repository_root(resolved.resolve())
    relative = git.path_in_repository(root, resolved)
    inside = "" if relative == "." else relative
    base_commit = git.resolve_commit(root, base, "--base")
    head_commit = git.resolve_commit(root, head, "--head") if head is not None else None
    base_names = {name for name in git.files_at(root, base_commit, inside) or () if is_roadmap_name(name)}
    if head_commit is None:
        head_names = [file.name for file in roadmap_files(resolved)]
    else:
        listed = git.files_at(root, head_commit, inside) or ()
        head_names = sorted(name for name in listed if is_roadmap_name(name))
    documents: list[DiffDocument] = []
    unread: list[str] = []
    renamed: set[str] = set()
    heads = []
    for name in head_names:
        pair = load_pair(*locate(resolved / name), base, head)
        heads.append(pair.head)
        if name not in base_names:
            former = git.former_path(root, base_commit, head_commit, f"{inside}/{name}".lstrip("/"))
            if former is not None and former.rpartition("/")[0] == inside:
                renamed.add(former.rpartition("/")[2])
        document = _compared(pair, base, head, check_policy, view.language)
        if document is None:
            unread.append(pair.head.path)
        else:
            documents.append(document)
    languages = {each.language for each in heads}
    speak(view.language, heads[0] if len(languages) == 1 else None)  # one language for them all
    removed = [str(Path(shown, name)) for name in sorted(base_names - set(head_names) - renamed)]
    for file in removed:
        tell(messages.text("diff.removed_file", path=file, base=base))
    gathered = several_document("diff", documents, heads, removed=removed, unread=unread)
    tell_warnings(gathered)
    emit(render(gathered, view.output_format, view.limit))
    for document in documents:
        tell(_counted(document))
    if unread:
        return ExitCode.INVALID
    broken = removed or any(document.violations for document in documents)
    return ExitCode.BREACHES if check_policy and broken else ExitCode.OK
