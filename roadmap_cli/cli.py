"""The `roadmap` command line: Typer declarations, argument parsing, and the one guard.

Each command here parses its options into typed values and calls its module in `commands/`, which
does the work and returns the exit code. Exit codes (see `errors.ExitCode` and the README): 0
success, 1 deadlines missed, 2 wrong usage, 3 the roadmap cannot be read or is invalid, 4 an
internal error.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from roadmap_cli import __version__, messages
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.gate import FailOn
from roadmap_cli.report.formats import OutputFormat

if TYPE_CHECKING:
    from roadmap_cli.analysis import Window

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
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Roadmap files (several, for a pre-commit hook). Default: the roadmap found as for the "
        "other commands.",
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
AllOption = Annotated[
    bool,
    typer.Option("--all", help="List every row (the table and Markdown show the worst 20 of each list)."),
]


class _Options:
    """Options of the `roadmap` group itself, set by `root` before any command runs."""

    debug = False


def guarded(command: F) -> F:
    """Run a command that returns its exit code; turn every failure into one line on stderr and a
    documented exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        from roadmap_cli.commands.shared import reader_left, tell

        try:
            code = command(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise
        except BrokenPipeError:  # the reader left before the command could say all it had to
            reader_left()
            code = ExitCode.OK
        except RoadmapError as exc:
            tell(f"roadmap: {exc}")
            code = exc.exit_code
        except Exception as exc:
            if _Options.debug:
                raise
            tell(f"roadmap: {messages.text('cli.internal', kind=type(exc).__name__, problem=exc)}")
            code = ExitCode.INTERNAL
        if code:
            raise typer.Exit(int(code))

    return run  # type: ignore[return-value]


# ---- parsing options ----------------------------------------------------------------------------


def _requested_language(option: str | None) -> str | None:
    """--lang, else $ROADMAP_LANG, checked; None: the roadmap's own language will be spoken."""
    try:
        language = messages.requested(option, os.environ)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from None
    messages.use(language or messages.DEFAULT_LANGUAGE)  # for the usage errors that may follow
    return language


def _format(output_format: OutputFormat | None) -> OutputFormat:
    from roadmap_cli.report.formats import default_format

    return output_format if output_format is not None else default_format(os.environ)


def _limit(show_all: bool) -> int | None:
    from roadmap_cli.report.document import DEFAULT_ROWS

    return None if show_all else DEFAULT_ROWS


def _date_option(value: str, option: str) -> date:
    """A YYYY-MM-DD option's date; a malformed one is a usage error naming the option."""
    from roadmap_cli.dates import parse_iso_date

    try:
        return parse_iso_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


def _as_of(value: str | None) -> date | datetime | None:
    """--as-of: a date, or an instant (2026-11-25T20:30:00Z) judged in the roadmap's time zone."""
    if value is None:
        return None
    if "T" in value.upper():
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            instant = None
        if instant is None or instant.tzinfo is None:
            raise typer.BadParameter(messages.text("cli.not_instant", value=value), param_hint="--as-of")
        return instant
    return _date_option(value, "--as-of")


def _window(value: str) -> Window:
    from roadmap_cli.analysis import Window

    try:
        return Window.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--warn-days") from None


def _required_text(value: str, option: str) -> str:
    if not value.strip():
        raise typer.BadParameter(messages.text("invalid.blank"), param_hint=option)
    return value


def _ask(value: str | None, option: str, prompt: str) -> str:
    """An option's value, asked for in a terminal when it was not given."""
    if value is None:
        if not sys.stdin.isatty():
            raise typer.BadParameter(messages.text("cli.required"), param_hint=option)
        value = str(typer.prompt(prompt))
    return _required_text(value, option)


def _show_version(value: bool) -> None:
    if value:
        print(f"roadmap {__version__}")
        raise typer.Exit()


# ---- the commands -------------------------------------------------------------------------------


@app.callback()
def root(
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback for internal errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_show_version),
    ] = False,
) -> None:
    _Options.debug = debug
    _requested_language(None)  # $ROADMAP_LANG or English until a command knows better


@app.command()
@guarded
def validate(
    paths: PathsArgument = None,
    output_format: FormatOption = None,
    show_all: AllOption = False,
    lang: LangOption = None,
) -> ExitCode:
    """Check roadmap files: every problem as PATH:LINE:COLUMN: message. Exit 3 when any is invalid."""
    from roadmap_cli.commands.validate import validate as run

    requested = _requested_language(lang)
    return run(list(paths) if paths else [None], _format(output_format), requested, _limit(show_all))


@app.command()
@guarded
def schema() -> ExitCode:
    """Print the JSON Schema of the roadmap file format, for editors (yaml-language-server) and tools."""
    from roadmap_cli.commands.schema import schema as run

    return run()


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
    show_all: AllOption = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """Per-department progress, overdue tasks (worst first) and tasks due soon.

    Days left and days late are shown in calendar days and, in brackets, working days.
    A view for people: it exits 0 whenever it could show the roadmap. `roadmap check` is the gate.
    """
    from roadmap_cli.commands.status import status as run

    requested = _requested_language(lang)
    window = _window(warn_days)
    return run(path, _as_of(as_of), window, department, _format(output_format), requested, _limit(show_all))


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
    show_all: AllOption = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """For CI: print each overdue task as PATH:LINE:COLUMN and exit 1 when any deadline was missed.

    A recurring duty is overdue for each period due and not submitted.
    """
    from roadmap_cli.commands.check import check as run

    requested = _requested_language(lang)
    window = _window(warn_days)
    return run(path, _as_of(as_of), window, fail_on, _format(output_format), requested, _limit(show_all))


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
    show_all: AllOption = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """Changes to the roadmap between two git revisions, grouped by department.

    With --check, exit 1 when the change moves a deadline later without a postponement record,
    edits or removes a postponement record, removes a task that was not cancelled, cancels one
    without a reason, or marks one done on a date after the change.
    """
    from roadmap_cli.commands.diff import diff as run

    requested = _requested_language(lang)
    return run(path, base, head, check_policy, _format(output_format), requested, _limit(show_all))


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
ReasonOption = Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why; kept in the file.")]


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
) -> ExitCode:
    """Mark a task done: status done, completed on the date (and the evidence, if given)."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    on_date = _date_option(on, "--on") if on is not None else None
    return change_task(file, dry_run, task, operations.done(on_date, evidence))


@app.command()
@guarded
def start(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> ExitCode:
    """Mark a task in progress (a blocked task's reason is removed)."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    return change_task(file, dry_run, task, operations.start())


@app.command()
@guarded
def block(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> ExitCode:
    """Mark a task blocked, with the reason."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    return change_task(file, dry_run, task, operations.block(_required_text(reason, "--reason")))


@app.command()
@guarded
def cancel(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> ExitCode:
    """Cancel a task, with the reason. A cancelled task no longer counts as late."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    return change_task(file, dry_run, task, operations.cancel(_required_text(reason, "--reason")))


@app.command()
@guarded
def reopen(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> ExitCode:
    """Put a done, cancelled or blocked task back in progress (removes completed, evidence and reason)."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    return change_task(file, dry_run, task, operations.reopen())


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
) -> ExitCode:
    """Move a deadline later: records the postponement and changes the deadline in one edit."""
    from roadmap_cli.commands.edit import change_task
    from roadmap_cli.editing import operations

    plan = operations.postpone(
        _date_option(to, "--to"), _required_text(reason, "--reason"), _required_text(decision, "--decision")
    )
    return change_task(file, dry_run, task, plan)


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
) -> ExitCode:
    """Add a task at the end of the roadmap; in a terminal, asks for what is missing."""
    from roadmap_cli.commands.edit import add as run

    fields: dict[str, str | tuple[str, ...]] = {
        "id": _ask(task_id, "--id", "Task id"),
        "title": _ask(title, "--title", "Title"),
        "department": _ask(department, "--department", "Lead department id"),
    }
    if co_executors:
        fields["co_executors"] = tuple(co_executors)
    if deliverable is not None:
        fields["deliverable"] = _required_text(deliverable, "--deliverable")
    fields["deadline"] = _date_option(
        _ask(deadline, "--deadline", "Deadline (YYYY-MM-DD)"), "--deadline"
    ).isoformat()
    if depends_on:
        fields["depends_on"] = tuple(depends_on)
    return run(file, dry_run, fields)


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
) -> ExitCode:
    """Put files in the standard layout (2-space indentation, a task's keys in order); content is kept."""
    from roadmap_cli.commands.fmt import fmt as run

    return run(list(paths) if paths else [None], check_only, dry_run, _requested_language(None))


def run() -> int:
    """Run the command line; the exit code."""
    try:
        app(prog_name="roadmap")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else ExitCode.USAGE)
    return ExitCode.OK
