"""The `roadmap` command: parse options, call the core, pick a reporter, return an exit code.

Exit codes (see `errors.ExitCode` and the README): 0 success, 1 deadlines missed, 2 wrong usage,
3 the roadmap cannot be read or is invalid, 4 an internal error.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from roadmap_cli import __version__, messages
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.gate import FailOn
from roadmap_cli.report.formats import OutputFormat

if TYPE_CHECKING:
    from roadmap_cli.analysis import Window
    from roadmap_cli.edit import Edited
    from roadmap_cli.load import LoadedRoadmap
    from roadmap_cli.operations import Planner

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="roadmap",
    help="Keep a roadmap's deadlines: validate it, see who is late with what, fail CI on missed deadlines.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain one-line usage errors, and no rich import just to parse arguments
    context_settings={"help_option_names": ["-h", "--help"]},
)

PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The roadmap file. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, data/roadmap.yaml "
        "or data/roadmap.yml in this directory or a parent, up to the repository root.",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="The date to judge deadlines on, or an instant with its offset (2026-11-25T20:30:00Z). "
        "Default: today in the roadmap's time zone.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="table (default), json, markdown, github (default when GITHUB_ACTIONS=true) or junit.",
        show_default=False,
    ),
]
WarnDaysOption = Annotated[
    str,
    typer.Option(
        "--warn-days",
        metavar="N|Nwd",
        help="Deadlines within N calendar days (14) or N working days (10wd) count as due soon.",
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        metavar="kk|ru|en",
        help="The language of the report. Default: $ROADMAP_LANG, else the roadmap's language, else en.",
        show_default=False,
    ),
]


def _chosen(output_format: OutputFormat | None) -> OutputFormat:
    from roadmap_cli.report.formats import default_format

    return output_format if output_format is not None else default_format(os.environ)


def _emit(output_format: OutputFormat, document: dict[str, Any]) -> None:
    from roadmap_cli.report.formats import renderer

    sys.stdout.write(renderer(output_format)(document))


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def _fail(code: ExitCode, message: str) -> NoReturn:
    _stderr(f"roadmap: {message}")
    raise typer.Exit(code)


class _Options:
    """Options of the `roadmap` group itself, set by `root` before any command runs."""

    debug = False


def guarded(command: F) -> F:
    """Turn every failure into one line on stderr and a documented exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except RoadmapError as exc:
            _fail(exc.exit_code, str(exc))
        except Exception as exc:
            if _Options.debug:
                raise
            _fail(
                ExitCode.INTERNAL,
                messages.text("cli.internal", kind=type(exc).__name__, problem=exc),
            )

    return run  # type: ignore[return-value]


def _parse_as_of(value: str | None) -> date | datetime | None:
    """--as-of: a date, or an instant (2026-11-25T20:30:00Z) judged in the roadmap's time zone."""
    if value is not None and "T" in value.upper():
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            instant = None
        if instant is None or instant.tzinfo is None:
            raise typer.BadParameter(
                messages.text("cli.not_instant", value=value),
                param_hint="--as-of",
            )
        return instant
    return _date_option(value, "--as-of")


def _parse_window(value: str) -> Window:
    from roadmap_cli.analysis import Window

    try:
        return Window.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--warn-days") from None


def _speak(option: str | None, loaded: LoadedRoadmap | None = None) -> None:
    """Choose the language of what follows (see `messages.choose`)."""
    default = loaded.language if loaded is not None else None
    try:
        messages.use(messages.choose(option, os.environ, default))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from None


def _date_option(value: str | None, option: str) -> date | None:
    """A YYYY-MM-DD option's date; a malformed one is a usage error naming the option."""
    if value is None:
        return None
    from roadmap_cli.dates import parse_iso_date

    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def _locate(path: Path | None) -> tuple[Path, str]:
    """The roadmap file to use, and how to name it in messages."""
    from roadmap_cli.discover import display_path, find_roadmap

    cwd = Path.cwd()
    if path is not None:
        return path, str(path)
    found = find_roadmap(cwd, os.environ)
    return found, display_path(found, cwd)


def _load(path: Path | None, lang: str | None) -> LoadedRoadmap:
    """Find and read the roadmap; an invalid one ends the command with its errors and exit 3."""
    from roadmap_cli.load import load_roadmap

    resolved, shown = _locate(path)
    return _valid_or_exit(load_roadmap(resolved, shown), lang)


def _report_invalid(loaded: LoadedRoadmap, with_findings: bool = True) -> None:
    """An invalid file on stderr: its findings (unless a document carries them) and a summary."""
    from roadmap_cli.report.lines import finding_line, findings_summary

    if with_findings:
        for finding in loaded.findings:
            _stderr(finding_line(loaded.path, finding))
    _stderr(findings_summary(loaded.path, loaded.findings))


def _valid_or_exit(loaded: LoadedRoadmap, lang: str | None = None) -> LoadedRoadmap:
    """The roadmap when it is valid; else its errors, in its language, and exit 3."""
    _speak(lang, loaded)
    if loaded.roadmap is None:
        _report_invalid(loaded)
        raise typer.Exit(ExitCode.INVALID)
    return loaded


def _as_of(loaded: LoadedRoadmap, as_of: date | datetime | None) -> date:
    """The day deadlines are judged on: given, or the day it is (or was, at an instant given) in the
    roadmap's time zone, wherever this runs."""
    from roadmap_cli.dates import today_in

    assert loaded.roadmap is not None
    if isinstance(as_of, datetime):
        return today_in(loaded.roadmap.info.tz, as_of)
    return as_of if as_of is not None else today_in(loaded.roadmap.info.tz)


def _show_version(value: bool) -> None:
    if value:
        print(f"roadmap {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    _Options.debug = debug
    _speak(None)  # $ROADMAP_LANG or English until a command knows better


@app.command()
@guarded
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Roadmap files (several, for a pre-commit hook). Default: the roadmap found as for the "
            "other commands.",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Check roadmap files: every problem as PATH:LINE:COLUMN: message. Exit 3 when any is invalid."""
    from roadmap_cli.load import load_roadmap
    from roadmap_cli.report.lines import finding_line

    _speak(lang)
    chosen = _chosen(output_format)
    requested: list[Path | None] = list(paths) if paths else [None]
    results = [load_roadmap(*_locate(path)) for path in requested]
    if chosen is not OutputFormat.TABLE:
        from roadmap_cli.report.document import validate_document

        # One document for all the files: in their own language when they agree on one.
        if len({loaded.language for loaded in results}) == 1:
            _speak(lang, results[0])
        _emit(chosen, validate_document(results))
    for loaded in results:
        _speak(lang, loaded)
        if loaded.roadmap is None:
            _report_invalid(loaded, with_findings=chosen is OutputFormat.TABLE)
            continue
        if chosen is OutputFormat.TABLE:
            for finding in loaded.findings:
                print(finding_line(loaded.path, finding))
        roadmap = loaded.roadmap
        counts = {
            "path": loaded.path,
            "tasks": messages.count(len(roadmap.tasks), "task"),
            "departments": messages.count(len(roadmap.departments), "department"),
        }
        if loaded.warnings:
            warnings = messages.count(len(loaded.warnings), "warning")
            _stderr(messages.text("validate.with_warnings", **counts, warnings=warnings))
        else:
            _stderr(messages.text("validate.valid", **counts))
    if any(loaded.roadmap is None for loaded in results):
        raise typer.Exit(ExitCode.INVALID)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of the roadmap file format, for editors (yaml-language-server) and tools."""
    import json

    from roadmap_cli.model import json_schema

    print(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@app.command()
@guarded
def status(
    path: PathArgument = None,
    as_of: AsOfOption = None,
    department: Annotated[
        str | None,
        typer.Option(
            "--department",
            "-d",
            metavar="ID",
            help="Only this department's row and the tasks it leads or co-executes.",
        ),
    ] = None,
    warn_days: WarnDaysOption = "14",
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="List every overdue and due-soon task (the table and Markdown show the worst 20)."
        ),
    ] = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Per-department progress, overdue tasks (worst first) and tasks due soon.

    Days left and days late are shown in calendar days and, in brackets, working days.
    A view for people: it exits 0 whenever it could show the roadmap. `roadmap check` is the gate.
    """
    _speak(lang)
    as_of_date = _parse_as_of(as_of)
    window = _parse_window(warn_days)
    chosen = _chosen(output_format)
    loaded = _load(path, lang)
    from roadmap_cli.analysis import status_report

    assert loaded.roadmap is not None
    report = status_report(loaded.roadmap, _as_of(loaded, as_of_date), window, department)
    from roadmap_cli.report.document import DEFAULT_ROWS

    rows = None if show_all else DEFAULT_ROWS
    if chosen is OutputFormat.MARKDOWN:
        from roadmap_cli.report import markdown
        from roadmap_cli.report.document import status_document

        sys.stdout.write(markdown.render(status_document(loaded, report), rows))
        return
    if chosen is not OutputFormat.TABLE:
        from roadmap_cli.report.document import status_document

        _emit(chosen, status_document(loaded, report))
        return
    from rich.console import Console

    from roadmap_cli.report.table import status_view

    console = Console(highlight=False)
    console.print(status_view(loaded.roadmap, report, console.width, limit=rows))


@app.command()
@guarded
def check(
    path: PathArgument = None,
    as_of: AsOfOption = None,
    warn_days: WarnDaysOption = "14",
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="Exit 1 on overdue tasks (default), also on tasks due soon, or never.",
        ),
    ] = FailOn.OVERDUE,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """For CI: print each overdue task as PATH:LINE:COLUMN and exit 1 when any deadline was missed.

    A recurring duty is overdue for each period due and not submitted.
    """
    _speak(lang)
    as_of_date = _parse_as_of(as_of)
    window = _parse_window(warn_days)
    chosen = _chosen(output_format)
    loaded = _load(path, lang)
    from roadmap_cli.analysis import assess_all, due_soon_first, overdue_first
    from roadmap_cli.report.lines import due_soon_line, overdue_line, window_text

    assert loaded.roadmap is not None
    day = _as_of(loaded, as_of_date)
    assessments = assess_all(loaded.roadmap, day, window)
    overdue = overdue_first(assessments)
    due_soon = due_soon_first(assessments)
    failed = fail_on.is_breached(len(overdue), len(due_soon))
    if chosen is OutputFormat.TABLE:
        for assessment in overdue:
            print(overdue_line(loaded.path, loaded.task_position(assessment.task.id), assessment))
        for assessment in due_soon:
            print(due_soon_line(loaded.path, loaded.task_position(assessment.task.id), assessment))
    else:
        from roadmap_cli.report.document import check_document

        _emit(chosen, check_document(loaded, assessments, day, window, failed))
    verdict = (
        messages.text("check.verdict.overdue", deadlines=messages.count(len(overdue), "deadline"))
        if overdue
        else messages.text("check.verdict.none")
    )
    _stderr(
        messages.text(
            "check.summary",
            path=loaded.path,
            verdict=verdict,
            due_soon=messages.Amount(len(due_soon)),
            window=window_text(window),
            date=messages.day(day),
            zone=loaded.roadmap.info.timezone_name,
            tasks=messages.count(len(loaded.roadmap.tasks), "task"),
        )
    )
    if failed:
        raise typer.Exit(ExitCode.BREACHES)


@app.command()
@guarded
def diff(
    path: PathArgument = None,
    base: Annotated[
        str,
        typer.Option("--base", metavar="REV", help="The git revision to compare from (e.g. origin/main)."),
    ] = "HEAD",
    head: Annotated[
        str | None,
        typer.Option("--head", metavar="REV", help="The revision to compare to. Default: the working tree."),
    ] = None,
    check_policy: Annotated[
        bool,
        typer.Option("--check", help="Exit 1 when the change breaks the postponement policy."),
    ] = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> None:
    """Changes to the roadmap between two git revisions, grouped by department.

    With --check, exit 1 when the change moves a deadline later without a postponement record,
    edits or removes a postponement record, removes a task that was not cancelled, cancels one
    without a reason, or marks one done on a date after the change.
    """
    from roadmap_cli.diff import compare, violations
    from roadmap_cli.report.lines import diff_lines, located
    from roadmap_cli.revisions import load_pair

    _speak(lang)
    resolved, shown = _locate(path)
    pair = load_pair(resolved, shown, base, head)
    head_loaded = _valid_or_exit(pair.head, lang)
    if pair.base is None:
        _stderr(messages.text("diff.new_file", path=shown, base=base))
    base_roadmap = _valid_or_exit(pair.base, lang).roadmap if pair.base is not None else None
    head_roadmap = head_loaded.roadmap
    assert head_roadmap is not None
    chosen = _chosen(output_format)
    changes = compare(base_roadmap, head_roadmap)
    head_name = head if head is not None else messages.text("diff.working_tree")
    found = violations(base_roadmap, head_roadmap, pair.change_date()) if check_policy else None
    if chosen is OutputFormat.TABLE:
        print(messages.text("diff.heading", path=shown, base=base, head=head_name))
        for line in diff_lines(changes, [department.id for department in head_roadmap.departments]):
            print(line)
        for violation in found or []:
            print(located(shown, head_loaded.position(violation.where), violation.message))
    else:
        from roadmap_cli.report.document import diff_document

        _emit(chosen, diff_document(head_loaded, base, head_name, changes, found))
    if found is None:
        _stderr(f"{shown}: {messages.count(len(changes), 'change')}")
        return
    _stderr(f"{shown}: {messages.count(len(changes), 'change')}, {messages.count(len(found), 'violation')}")
    if found:
        raise typer.Exit(ExitCode.BREACHES)


FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help="The roadmap file to edit. Default: found as for the other commands.",
        show_default=False,
    ),
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff and write nothing.")]
TaskArgument = Annotated[str, typer.Argument(metavar="TASK", help="The id of the task to change.")]


def _required_text(value: str, option: str) -> str:
    if not value.strip():
        raise typer.BadParameter(messages.text("invalid.blank"), param_hint=option)
    return value


def _write_edit(file: Path | None, dry_run: bool, make: Callable[[bytes, str], Edited]) -> None:
    """Lock the file, make the edit, prove it, write it atomically; report what changed."""
    from roadmap_cli.edit import InvalidEdit
    from roadmap_cli.report.lines import change_line, finding_line
    from roadmap_cli.storage import editing, replace

    resolved, shown = _locate(file)
    with editing(resolved) as snapshot:
        try:
            edited = make(snapshot.raw, shown)
        except InvalidEdit as exc:
            for finding in exc.findings:
                _stderr(finding_line(shown, finding))
            _fail(ExitCode.INVALID, str(exc))
        if not edited.changes:
            _stderr(messages.text("edit.nothing", path=shown))
            return
        if dry_run:
            sys.stdout.write(_unified_diff(snapshot.raw, edited.raw, shown))
            _stderr(messages.text("edit.dry_run", path=shown))
            return
        replace(snapshot, edited.raw, shown)
    for change in edited.changes:
        position = (
            edited.loaded.task_position(change.task_id, change.field) if change.new is not None else None
        )
        print(change_line(shown, position, change))


def _unified_diff(old: bytes, new: bytes, shown: str) -> str:
    import difflib

    before = old.decode("utf-8", errors="replace").splitlines(keepends=True)
    after = new.decode("utf-8", errors="replace").splitlines(keepends=True)
    from roadmap_cli.report.escape import inert

    lines = difflib.unified_diff(before, after, fromfile=f"a/{shown}", tofile=f"b/{shown}")
    return "".join(inert(line.rstrip("\r\n")) + "\n" for line in lines)


def _edit_task(file: Path | None, dry_run: bool, task_id: str, plan: Planner) -> None:
    from roadmap_cli.edit import edit_task

    _write_edit(file, dry_run, lambda raw, shown: edit_task(raw, shown, task_id, plan))


@app.command()
@guarded
def done(
    task: TaskArgument,
    on: Annotated[
        str | None,
        typer.Option(
            "--on",
            metavar="YYYY-MM-DD",
            help="When it was done. Default: today in the roadmap's time zone.",
            show_default=False,
        ),
    ] = None,
    evidence: Annotated[
        str | None,
        typer.Option("--evidence", metavar="TEXT", help="What shows it is done: a document, a protocol."),
    ] = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Mark a task done: status done, completed on the date (and the evidence, if given)."""
    from roadmap_cli import operations

    on_date = _date_option(on, "--on")
    _edit_task(file, dry_run, task, operations.done(on_date, evidence))


@app.command()
@guarded
def start(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> None:
    """Mark a task in progress (a blocked task's reason is removed)."""
    from roadmap_cli import operations

    _edit_task(file, dry_run, task, operations.start())


ReasonOption = Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why; kept in the file.")]


@app.command()
@guarded
def block(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> None:
    """Mark a task blocked, with the reason."""
    from roadmap_cli import operations

    _edit_task(file, dry_run, task, operations.block(_required_text(reason, "--reason")))


@app.command()
@guarded
def cancel(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> None:
    """Cancel a task, with the reason. A cancelled task no longer counts as late."""
    from roadmap_cli import operations

    _edit_task(file, dry_run, task, operations.cancel(_required_text(reason, "--reason")))


@app.command()
@guarded
def reopen(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> None:
    """Put a done, cancelled or blocked task back in progress (removes completed, evidence and reason)."""
    from roadmap_cli import operations

    _edit_task(file, dry_run, task, operations.reopen())


@app.command()
@guarded
def postpone(
    task: TaskArgument,
    to: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="The new deadline.")],
    reason: ReasonOption,
    decision: Annotated[
        str,
        typer.Option(
            "--decision", metavar="TEXT", help="The document that allowed it (a protocol, an order)."
        ),
    ],
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Move a deadline later: records the postponement and changes the deadline in one edit."""
    from roadmap_cli import operations

    new_deadline = _date_option(to, "--to")
    assert new_deadline is not None
    plan = operations.postpone(
        new_deadline, _required_text(reason, "--reason"), _required_text(decision, "--decision")
    )
    _edit_task(file, dry_run, task, plan)


def _ask(value: str | None, option: str, prompt: str) -> str:
    """An option's value, asked for in a terminal when it was not given."""
    if value is None:
        if not sys.stdin.isatty():
            raise typer.BadParameter(messages.text("cli.required"), param_hint=option)
        value = str(typer.prompt(prompt))
    return _required_text(value, option)


@app.command()
@guarded
def add(
    task_id: Annotated[str | None, typer.Option("--id", metavar="ID", help="The new task's id.")] = None,
    title: Annotated[str | None, typer.Option("--title", metavar="TEXT", help="What is to be done.")] = None,
    department: Annotated[
        str | None, typer.Option("--department", metavar="ID", help="The lead department's id.")
    ] = None,
    deadline: Annotated[
        str | None, typer.Option("--deadline", metavar="YYYY-MM-DD", help="The deadline.")
    ] = None,
    co_executors: Annotated[
        list[str] | None,
        typer.Option("--co-executor", metavar="ID", help="A co-executing department (repeat for more)."),
    ] = None,
    depends_on: Annotated[
        list[str] | None,
        typer.Option("--depends-on", metavar="TASK", help="A task this one waits for (repeat for more)."),
    ] = None,
    deliverable: Annotated[
        str | None, typer.Option("--deliverable", metavar="TEXT", help="The form of completion.")
    ] = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Add a task at the end of the roadmap; in a terminal, asks for what is missing."""
    from roadmap_cli.edit import add_task

    fields: dict[str, str | tuple[str, ...]] = {
        "id": _ask(task_id, "--id", "Task id"),
        "title": _ask(title, "--title", "Title"),
        "department": _ask(department, "--department", "Lead department id"),
    }
    if co_executors:
        fields["co_executors"] = tuple(co_executors)
    if deliverable is not None:
        fields["deliverable"] = _required_text(deliverable, "--deliverable")
    day = _date_option(_ask(deadline, "--deadline", "Deadline (YYYY-MM-DD)"), "--deadline")
    assert day is not None
    fields["deadline"] = day.isoformat()
    if depends_on:
        fields["depends_on"] = tuple(depends_on)
    _write_edit(file, dry_run, lambda raw, shown: add_task(raw, shown, fields))


@app.command()
@guarded
def fmt(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Roadmap files. Default: the roadmap found as for the other commands.", show_default=False
        ),
    ] = None,
    check_only: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a file is not in the standard layout.")
    ] = False,
    dry_run: DryRunOption = False,
) -> None:
    """Put files in the standard layout (2-space indentation, a task's keys in order); content is kept."""
    from roadmap_cli.load import load_bytes
    from roadmap_cli.reformat import formatted
    from roadmap_cli.storage import editing, replace

    unformatted = 0
    for path in list(paths) if paths else [None]:
        resolved, shown = _locate(path)
        with editing(resolved) as snapshot:
            _valid_or_exit(load_bytes(snapshot.raw, shown))
            result = formatted(snapshot.raw, shown)
            if result == snapshot.raw:
                continue
            unformatted += 1
            if check_only or dry_run:
                if dry_run:
                    sys.stdout.write(_unified_diff(snapshot.raw, result, shown))
                print(messages.text("format.would", path=shown))
                continue
            replace(snapshot, result, shown)
        print(messages.text("format.done", path=shown))
    if check_only and unformatted:
        raise typer.Exit(ExitCode.BREACHES)


def run() -> int:
    """Run the command line; the exit code."""
    try:
        app(prog_name="roadmap")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else ExitCode.USAGE)
    return ExitCode.OK
