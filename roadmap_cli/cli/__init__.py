"""The `roadmap` command line: Typer declarations, argument parsing, and the one guard.

Each command here parses its options into typed values (`options.py`) and calls its module in
`commands/`, which does the work and returns the exit code. Exit codes (see `errors.ExitCode` and the
README): 0 success, 1 deadlines missed, 2 wrong usage, 3 the roadmap cannot be read or is invalid, 4
an internal error, 5 the report could not be written, 130 interrupted.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from roadmap_cli import __version__, messages
from roadmap_cli.cli import options
from roadmap_cli.cli.options import (
    AlarmOption,
    AllOption,
    AsOfOption,
    AtOption,
    BaselineOption,
    BaseOption,
    BriefHistoryOption,
    CalendarOutputOption,
    CoExecutorOption,
    DecisionOption,
    DeliverableOption,
    DepartmentOption,
    DependsOnOption,
    DigestFormatOption,
    DigestOutputOption,
    DocumentOption,
    DryRunOption,
    EveryDepartmentOption,
    EvidenceOption,
    ExportFormatOption,
    FailOnOption,
    FileOption,
    FormatCheckOption,
    FormatOption,
    FormatPathsArgument,
    HeadOption,
    HistoryFileOption,
    HistoryTasksArgument,
    ImportOutputOption,
    IntoOption,
    KazakhPlanOption,
    LangOption,
    LeadOption,
    NewDeadlineOption,
    NewFileArgument,
    NewIdOption,
    NewTitleOption,
    NoteTextOption,
    OnOption,
    OnTimeOption,
    OutputOption,
    PathArgument,
    PathsArgument,
    PeriodOption,
    PlanArgument,
    PolicyOption,
    ReadPathsArgument,
    ReasonOption,
    ReplyArgument,
    ReplyDepartmentOption,
    ReportFormatOption,
    ReportKindOption,
    ReportPathArgument,
    RussianPlanOption,
    SectionOption,
    SenderOption,
    SheetOption,
    SinceOption,
    SlippageOption,
    SmtpOption,
    StatusHistoryOption,
    TableOption,
    TaskArgument,
    ToOption,
    UntilOption,
    WarnDaysOption,
    WithinOption,
)
from roadmap_cli.cli.usage import RoadmapGroup
from roadmap_cli.errors import ExitCode, RoadmapError
from roadmap_cli.gate import FailOn
from roadmap_cli.report.formats import ReportKind

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="roadmap",
    help="Keep a roadmap's deadlines: validate it, see who is late with what, fail CI on missed deadlines.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain one-line usage errors, and no rich import just to parse arguments
    context_settings={"help_option_names": ["-h", "--help"]},
    cls=RoadmapGroup,  # usage errors in the language being spoken
)


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
        except KeyboardInterrupt:
            tell(f"roadmap: {messages.text('cli.interrupted')}")
            code = ExitCode.INTERRUPTED
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


# ---- the commands -------------------------------------------------------------------------------


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
    options.requested_language(None)  # $ROADMAP_LANG or English until a command knows better


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

    return run(list(paths) if paths else [None], options.view(output_format, show_all, lang))


@app.command()
@guarded
def schema() -> ExitCode:
    """Print the JSON Schema of the roadmap file format, for editors (yaml-language-server) and tools."""
    from roadmap_cli.commands.schema import schema as run

    return run()


@app.command()
@guarded
def status(
    paths: ReadPathsArgument = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    department: DepartmentOption = None,
    warn_days: WarnDaysOption = "14",
    show_all: AllOption = False,
    with_history: StatusHistoryOption = False,
    baseline: BaselineOption = None,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """Per-department progress, overdue tasks (worst first) and tasks due soon.

    Days left and days late are shown in calendar days and, in brackets, working days.
    A view for people: it exits 0 whenever it could show the roadmap. `roadmap check` is the gate.
    """
    from roadmap_cli.commands.status import status as run

    view = options.view(output_format, show_all, lang)  # first: the language of what follows
    when = options.given(at, "--at", options.text)
    since = options.given(baseline, "--baseline", options.text)
    window = options.window(warn_days)
    return run(paths or [None], options.as_of(as_of), window, department, view, when, with_history, since)


@app.command()
@guarded
def check(
    paths: ReadPathsArgument = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    warn_days: WarnDaysOption = "14",
    fail_on: FailOnOption = FailOn.OVERDUE,
    show_all: AllOption = False,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """For CI: print each overdue task as PATH:LINE:COLUMN and exit 1 when any deadline was missed.

    A recurring duty is overdue for each period due and not submitted.
    """
    from roadmap_cli.commands.check import check as run

    view = options.view(output_format, show_all, lang)  # first: the language of what follows
    when = options.given(at, "--at", options.text)
    return run(paths or [None], options.as_of(as_of), options.window(warn_days), fail_on, view, when)


@app.command()
@guarded
def diff(
    path: PathArgument = None,
    base: BaseOption = "HEAD",
    head: HeadOption = None,
    check_policy: PolicyOption = False,
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

    return run(path, base, head, check_policy, options.view(output_format, show_all, lang))


@app.command()
@guarded
def history(
    tasks: HistoryTasksArgument = None,
    file: HistoryFileOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    department: DepartmentOption = None,
    slipped: SlippageOption = False,
    on_time: OnTimeOption = False,
    baseline: BaselineOption = None,
    output_format: FormatOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """Who changed which deadline, status, lead or title, when, and on what basis, over the roadmap
    file's git history (the main line, renames followed); a deadline moved without a record is marked."""
    from roadmap_cli.commands.history import show_history as run

    view = options.view(output_format, False, lang)
    first = options.given(since, "--since", options.date_option)
    last = options.given(until, "--until", options.date_option)
    chosen = [options.identifier(task, "TASK") for task in tasks or []]
    since_revision = options.given(baseline, "--baseline", options.text)
    return run(file, chosen, first, last, department, view, slipped, since_revision, on_time)


@app.command()
@guarded
def report(
    output: OutputOption,
    path: ReportPathArgument = None,
    kind: ReportKindOption = ReportKind.EXECUTION,
    office_format: ReportFormatOption = None,
    as_of: AsOfOption = None,
    at: AtOption = None,
    department: DepartmentOption = None,
    section: SectionOption = None,
    warn_days: WarnDaysOption = "14",
    with_history: BriefHistoryOption = False,
    lang: LangOption = None,
) -> ExitCode:
    """For people: the official execution report ("Информация о ходе исполнения") as a Word or Excel
    file, or the brief for the meeting as a printable page with a timeline."""
    from roadmap_cli.commands.report import report as run

    language = options.requested_language(lang)
    when, window = options.as_of(as_of), options.window(warn_days)
    point = options.given(at, "--at", options.text)
    return run(
        path, kind, office_format, output, when, window, department, section, language, point, with_history
    )


@app.command()
@guarded
def remind(
    paths: ReadPathsArgument = None,
    within: WithinOption = "5wd",
    department: DepartmentOption = None,
    digest_format: DigestFormatOption = None,
    output: DigestOutputOption = None,
    sender: SenderOption = None,
    smtp: SmtpOption = None,
    every: EveryDepartmentOption = False,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """A reminder for each department: what is overdue (worst first), what falls due within the
    window, its duties' reports coming due and what is at risk, in the department's own language.

    Judged by the rules of `roadmap status`. Printed, written one file per department, or sent as
    e-mail through --smtp; a department with nothing to be reminded of gets none.
    """
    from roadmap_cli.commands.remind import remind as run

    language = options.requested_language(lang)
    window = options.window(within, "--within")
    chosen_sender = options.given(sender, "--from", options.mail_sender)
    server = options.given(smtp, "--smtp", options.mail_server)
    when = options.as_of(as_of)
    return run(
        paths or [None],
        when,
        window,
        department,
        digest_format,
        output,
        chosen_sender,
        server,
        every,
        language,
    )


@app.command()
@guarded
def calendar(
    paths: ReadPathsArgument = None,
    output: CalendarOutputOption = "-",
    department: DepartmentOption = None,
    alarm: AlarmOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """The deadlines as an iCalendar feed (.ics) for Outlook, Thunderbird or a phone: an all-day event
    per deadline and per period of a duty (a year ahead), re-imported as updates, not duplicates."""
    from roadmap_cli.commands.calendar import calendar as run

    language = options.requested_language(lang)
    ringing = options.given(alarm, "--alarm", options.working_days)
    return run(paths or [None], options.as_of(as_of), department, ringing, output, language)


@app.command(name="import")
@guarded
def import_plan(
    plan: PlanArgument = None,
    output: ImportOutputOption = "-",
    table: TableOption = None,
    sheet: SheetOption = None,
    russian: RussianPlanOption = None,
    kazakh: KazakhPlanOption = None,
    into: IntoOption = None,
    dry_run: DryRunOption = False,
    lang: LangOption = None,
) -> ExitCode:
    """Make a roadmap from a plan's table as it arrived (Word, Excel or CSV): its sections, items,
    executors, deadline wordings and costs; every row it cannot fully read is named and kept for review."""
    from datetime import date

    from roadmap_cli.commands.import_plan import import_plan as run

    if table is not None and sheet is not None:
        raise options.refused(messages.text("import.table_and_sheet"), "--sheet")
    if (plan is None) == (russian is None or kazakh is None) or (plan is not None and (russian or kazakh)):
        raise options.refused(messages.text("import.plan_or_languages"), "--ru")
    if into is not None and output != "-":
        raise options.refused(messages.text("import.into_and_output"), "--into")
    chosen_sheet = options.given(sheet, "--sheet", options.text)
    first = plan if plan is not None else russian
    assert first is not None
    language, today = options.requested_language(lang), date.today()
    return run(first, table, chosen_sheet, output, language, today, kazakh, into, dry_run)


@app.command()
@guarded
def export(
    department: ReplyDepartmentOption,
    output: OutputOption,
    path: ReportPathArgument = None,
    export_format: ExportFormatOption = None,
    as_of: AsOfOption = None,
    lang: LangOption = None,
) -> ExitCode:
    """A department's reply form (Excel): its items, with columns to fill in with what was done, the
    document, the day and a new status, for `roadmap import-progress` to take back."""
    from roadmap_cli.commands.export import export as run

    chosen = options.given(export_format, "--format", options.text)
    return run(path, department, output, chosen, options.as_of(as_of), options.requested_language(lang))


@app.command(name="import-progress")
@guarded
def import_progress(
    reply: ReplyArgument,
    file: FileOption = None,
    dry_run: DryRunOption = False,
    lang: LangOption = None,
) -> ExitCode:
    """Take a department's filled-in reply form back into the roadmap: each row's information as a
    progress note and its new status, all or nothing; a row that no longer matches is refused."""
    from roadmap_cli.commands.progress import import_progress as run

    return run(reply, file, dry_run, options.requested_language(lang))


@app.command()
@guarded
def done(
    task: TaskArgument,
    on: OnOption = None,
    evidence: EvidenceOption = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Mark a task done: status done, completed on the date (and the evidence, if given)."""
    from roadmap_cli.commands.edit import done as run

    day = options.given(on, "--on", options.deadline_option)
    return run(file, dry_run, task, day, options.given(evidence, "--evidence", options.text))


@app.command()
@guarded
def submit(
    task: TaskArgument,
    period: PeriodOption,
    on: OnOption = None,
    evidence: EvidenceOption = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Report one period of a recurring duty: a submission record (period, date, evidence) is added."""
    from roadmap_cli.commands.edit import submit as run

    day, proof = (
        options.given(on, "--on", options.deadline_option),
        options.given(evidence, "--evidence", options.text),
    )
    return run(file, dry_run, task, options.text(period, "--period"), day, proof)


@app.command()
@guarded
def note(
    task: TaskArgument,
    text: NoteTextOption,
    on: OnOption = None,
    document: DocumentOption = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Add a progress note to a task: what was done by a day, and the document that shows it."""
    from roadmap_cli.commands.edit import note as run

    day, cited = (
        options.given(on, "--on", options.deadline_option),
        options.given(document, "--document", options.text),
    )
    return run(file, dry_run, task, options.required_text(text, "--text"), day, cited)


@app.command()
@guarded
def start(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> ExitCode:
    """Mark a task in progress (a blocked task's reason is removed)."""
    from roadmap_cli.commands.edit import start as run

    return run(file, dry_run, task)


@app.command()
@guarded
def block(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> ExitCode:
    """Mark a task blocked, with the reason."""
    from roadmap_cli.commands.edit import block as run

    return run(file, dry_run, task, options.required_text(reason, "--reason"))


@app.command()
@guarded
def cancel(
    task: TaskArgument, reason: ReasonOption, file: FileOption = None, dry_run: DryRunOption = False
) -> ExitCode:
    """Cancel a task, with the reason. A cancelled task no longer counts as late."""
    from roadmap_cli.commands.edit import cancel as run

    return run(file, dry_run, task, options.required_text(reason, "--reason"))


@app.command()
@guarded
def reopen(task: TaskArgument, file: FileOption = None, dry_run: DryRunOption = False) -> ExitCode:
    """Put a done, cancelled or blocked task back in progress (removes completed, evidence and reason)."""
    from roadmap_cli.commands.edit import reopen as run

    return run(file, dry_run, task)


@app.command()
@guarded
def postpone(
    task: TaskArgument,
    to: ToOption,
    reason: ReasonOption,
    decision: DecisionOption,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Move a deadline later: records the postponement and changes the deadline in one edit."""
    from roadmap_cli.commands.edit import postpone as run

    new_deadline = options.deadline_option(to, "--to")
    why = options.required_text(reason, "--reason"), options.required_text(decision, "--decision")
    return run(file, dry_run, task, new_deadline, *why)


@app.command()
@guarded
def add(
    task_id: NewIdOption = None,
    title: NewTitleOption = None,
    department: LeadOption = None,
    deadline: NewDeadlineOption = None,
    co_executors: CoExecutorOption = None,
    depends_on: DependsOnOption = None,
    deliverable: DeliverableOption = None,
    file: FileOption = None,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Add a task at the end of the roadmap; in a terminal, asks for what is missing."""
    from roadmap_cli.commands import edit

    edit.speak_for(file)  # the questions in the roadmap's language
    fields: dict[str, str | tuple[str, ...]] = {
        "id": options.ask(task_id, "--id", "prompt.id", options.identifier),
        "title": options.ask(title, "--title", "prompt.title", options.required_text),
        "department": options.ask(department, "--department", "prompt.department", options.identifier),
    }
    if co_executors:
        fields["co_executors"] = tuple(options.identifier(each, "--co-executor") for each in co_executors)
    if deliverable is not None:
        fields["deliverable"] = options.required_text(deliverable, "--deliverable")
    day = options.ask(deadline, "--deadline", "prompt.deadline", options.deadline_option)
    fields["deadline"] = day.as_written()
    if depends_on:
        fields["depends_on"] = tuple(options.identifier(each, "--depends-on") for each in depends_on)
    return edit.add(file, dry_run, fields)


@app.command()
@guarded
def init(
    path: NewFileArgument = Path("roadmap.yaml"),
    lang: LangOption = None,
) -> ExitCode:
    """Write a small commented roadmap to start from; an existing file is never replaced."""
    from roadmap_cli.commands.init import init as run

    return run(path, options.requested_language(lang))


@app.command()
@guarded
def fmt(
    paths: FormatPathsArgument = None,
    check_only: FormatCheckOption = False,
    dry_run: DryRunOption = False,
) -> ExitCode:
    """Put files in the standard layout (2-space indentation, a task's keys in order); content is kept."""
    from roadmap_cli.commands.fmt import fmt as run

    return run(list(paths) if paths else [None], check_only, dry_run, options.requested_language(None))


def run() -> int:
    """Run the command line; the exit code."""
    try:
        app(prog_name="roadmap")
    except SystemExit as exit_:
        code = exit_.code
        return code if isinstance(code, int) else (0 if code is None else ExitCode.USAGE)
    return ExitCode.OK
