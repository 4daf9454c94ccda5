"""The options several commands share, and how option text becomes typed values.

A value that cannot be read is a usage error naming its option (exit 2), raised as Typer's
`BadParameter` so that it is reported like Typer's own.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from roadmap_cli import messages
from roadmap_cli.gate import FailOn
from roadmap_cli.invisible import is_blank
from roadmap_cli.report.escape import inert
from roadmap_cli.report.formats import DigestFormat, OutputFormat, ReportFormat, ReportKind, default_format

if TYPE_CHECKING:
    from roadmap_cli.analysis import Window
    from roadmap_cli.commands.remind import MailServer, Sender
    from roadmap_cli.commands.shared import View
    from roadmap_cli.wording import Deadline

T = TypeVar("T")

PathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The roadmap file, or a directory of roadmaps. Default: $ROADMAP_FILE, else roadmap.yaml, "
        "roadmap.yml, data/roadmap.yaml or data/roadmap.yml in this directory or a parent, up to the "
        "repository root.",
        show_default=False,
        readable=False,  # the parser would call an unreadable file a usage error: it is exit 3
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Roadmap files (several, for a pre-commit hook), or directories of them. Default: the "
        "roadmap found as for the other commands.",
        show_default=False,
        readable=False,
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
FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help="The roadmap file to edit. Default: found as for the other commands.",
        show_default=False,
        readable=False,
    ),
]
ReadPathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Roadmap files, or directories of them (their *.yaml and *.yml files). Several give a "
        "summary per roadmap and per department across them. Default: $ROADMAP_FILE, else "
        "roadmap.yaml, roadmap.yml, data/roadmap.yaml or data/roadmap.yml in this directory or a "
        "parent, up to the repository root.",
        show_default=False,
        readable=False,
    ),
]
FormatPathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Roadmap files. Default: the roadmap found as for the other commands.",
        show_default=False,
        readable=False,
    ),
]
FormatCheckOption = Annotated[
    bool, typer.Option("--check", help="Write nothing; exit 1 when a file is not in the standard layout.")
]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Show the change as a diff and write nothing.")]
TaskArgument = Annotated[str, typer.Argument(metavar="TASK", help="The id of the task to change.")]
DepartmentOption = Annotated[
    str | None,
    typer.Option(
        "--department",
        "-d",
        metavar="ID",
        help="Only this department's row and the tasks it leads or co-executes.",
    ),
]
NewFileArgument = Annotated[
    Path, typer.Argument(help="The file to write (default: roadmap.yaml here).", readable=False)
]
PeriodOption = Annotated[
    str,
    typer.Option(
        "--period", metavar="PERIOD", help="The period reported: 2026-W05, 2026-01, 2026-Q1, 2026-H1, 2026."
    ),
]
NewIdOption = Annotated[str | None, typer.Option("--id", metavar="ID", help="The new task's id.")]
NewTitleOption = Annotated[str | None, typer.Option("--title", metavar="TEXT", help="What is to be done.")]
LeadOption = Annotated[
    str | None, typer.Option("--department", metavar="ID", help="The lead department's id.")
]
NewDeadlineOption = Annotated[
    str | None,
    typer.Option("--deadline", metavar="DATE", help="The deadline: a date or an official wording."),
]
CoExecutorOption = Annotated[
    list[str] | None,
    typer.Option("--co-executor", metavar="ID", help="A co-executing department (repeat for more)."),
]
DependsOnOption = Annotated[
    list[str] | None,
    typer.Option("--depends-on", metavar="TASK", help="A task this one waits for (repeat for more)."),
]
DeliverableOption = Annotated[
    str | None, typer.Option("--deliverable", metavar="TEXT", help="The form of completion.")
]
FailOnOption = Annotated[
    FailOn,
    typer.Option(
        "--fail-on",
        case_sensitive=False,
        help="Exit 1 on overdue tasks (default), also on tasks due soon, or never.",
    ),
]
BaseOption = Annotated[
    str, typer.Option("--base", metavar="REV", help="The git revision to compare from (e.g. origin/main).")
]
HeadOption = Annotated[
    str | None,
    typer.Option("--head", metavar="REV", help="The revision to compare to. Default: the working tree."),
]
PolicyOption = Annotated[
    bool, typer.Option("--check", help="Exit 1 when the change breaks the postponement policy.")
]
OnOption = Annotated[
    str | None,
    typer.Option(
        "--on",
        metavar="YYYY-MM-DD",
        help="The day it was done, submitted or reported on. Default: today in the roadmap's time zone.",
        show_default=False,
    ),
]
EvidenceOption = Annotated[
    str | None,
    typer.Option("--evidence", metavar="TEXT", help="What shows it is done: a document, a protocol."),
]
ReasonOption = Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why; kept in the file.")]
ToOption = Annotated[str, typer.Option("--to", metavar="DATE", help="The new deadline.")]
DecisionOption = Annotated[
    str,
    typer.Option("--decision", metavar="TEXT", help="The document that allowed it (a protocol, an order)."),
]
NoteTextOption = Annotated[str, typer.Option("--text", metavar="TEXT", help="What was done.")]
DocumentOption = Annotated[
    str | None,
    typer.Option(
        "--document", metavar="TEXT", help="The document it cites, with its number and date (a letter)."
    ),
]


def refused(message: str, option: str) -> typer.BadParameter:
    """A usage error naming the option; what the user typed is echoed inert (an escape sequence or a
    newline in a value must not reach the terminal or a CI log as such)."""
    return typer.BadParameter(inert(message), param_hint=option)


def requested_language(option: str | None) -> str | None:
    """--lang, else $ROADMAP_LANG, checked; None: the roadmap's own language will be spoken."""
    try:
        language = messages.requested(option, os.environ)
    except ValueError as exc:
        raise refused(str(exc), "--lang") from None
    messages.use(language or messages.DEFAULT_LANGUAGE)  # for the usage errors that may follow
    return language


def view(output_format: OutputFormat | None, show_all: bool, lang: str | None) -> View:
    """--format (else the default for where this runs: github inside GitHub Actions), --all (else
    the worst 20 rows of each list read by people) and --lang (else $ROADMAP_LANG), checked."""
    from roadmap_cli.commands.shared import View
    from roadmap_cli.report.document import DEFAULT_ROWS

    return View(
        output_format if output_format is not None else default_format(os.environ),
        None if show_all else DEFAULT_ROWS,
        requested_language(lang),
    )


def date_option(value: str, option: str) -> date:
    """A YYYY-MM-DD option's date; a malformed one is a usage error naming the option."""
    from roadmap_cli.dates import parse_iso_date

    try:
        return _planned(parse_iso_date(text(value, option)), option)
    except ValueError as exc:
        raise refused(str(exc), option) from None


def deadline_option(value: str, option: str) -> Deadline:
    """A date as the file may write it: 2026-12-31, 31.12.2026, "IV квартал 2026 года" (the wording is
    kept, to be written as such)."""
    from roadmap_cli.wording import ACCEPTED_FORMS, WordingError, parse_deadline

    try:
        return _planned(parse_deadline(text(value, option)), option)
    except WordingError as exc:
        message = messages.text("invalid.deadline_format", text=value, reason=exc, accepted=ACCEPTED_FORMS)
        raise refused(message, option) from None


D = TypeVar("D", bound=date)


def _planned(day: D, option: str) -> D:
    from roadmap_cli.dates import PLANNING_YEARS

    if day.year not in PLANNING_YEARS:  # the years a roadmap may name: a date outside them is a typo
        first, last = PLANNING_YEARS[0], PLANNING_YEARS[-1]
        message = messages.text("invalid.year_range", day=day.isoformat(), first=first, last=last)
        raise refused(message, option)
    return day


def as_of(value: str | None) -> date | datetime | None:
    """--as-of: a date, or an instant (2026-11-25T20:30:00Z) judged in the roadmap's time zone."""
    if value is None:
        return None
    if "T" in value.upper():
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            instant = None
        if instant is None or instant.tzinfo is None:
            raise refused(messages.text("cli.not_instant", value=value), "--as-of")
        date_option(instant.date().isoformat(), "--as-of")  # in the years a roadmap may name
        return instant
    return date_option(value, "--as-of")


def window(value: str, option: str = "--warn-days") -> Window:
    """--warn-days (or --within, --alarm): 14 calendar days, or 10wd working days."""
    from roadmap_cli.analysis import Window

    try:
        return Window.parse(value)
    except ValueError as exc:
        raise refused(str(exc), option) from None


def working_days(value: str, option: str) -> int:
    """A count of working days: ``3wd`` (or ``3``, taken as working days all the same)."""
    return window(value.lower().removesuffix("wd"), option).days


def mail_sender(value: str, option: str) -> Sender:
    """--from: a mailbox (roadmap@akimat.kz) or a name and a mailbox (Akimat <roadmap@akimat.kz>),
    as one line; the mailbox checked as a department's e-mail is."""
    from email.utils import formataddr, parseaddr

    from roadmap_cli.commands.remind import Sender
    from roadmap_cli.values import email_problem

    name, address = parseaddr(text(value, option))
    problem = email_problem(address) if address and value.isprintable() else email_problem(value)
    if problem is not None:
        raise refused(str(problem), option)
    return Sender(formataddr((" ".join(name.split()), address)) if name else address, address)


def mail_server(value: str, option: str) -> MailServer:
    """--smtp HOST:PORT (an IPv6 address in brackets: [::1]:25)."""
    from roadmap_cli.commands.remind import MailServer

    host, _colon, port = text(value, option).rpartition(":")
    host = host.removeprefix("[").removesuffix("]")
    port_number = int(port) if port.isascii() and port.isdigit() and len(port) < 6 else 0
    if not host or not host.isprintable() or not 0 < port_number < 65536:
        raise refused(messages.text("usage.smtp", value=value), option)
    return MailServer(host, port_number)


def text(value: str, option: str) -> str:
    """A text option as given, refused when it holds bytes that are not UTF-8 (the shell passes them
    through as they are, and they could be written to the file as nothing valid)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise refused(messages.text("cli.not_utf8"), option) from None
    return value


def required_text(value: str, option: str) -> str:
    """A text option that must say something."""
    if is_blank(text(value, option)):
        raise refused(messages.text("invalid.blank"), option)
    return value


def identifier(value: str, option: str) -> str:
    """An id option (a task, a department), by the file's rule: 7.1, SEZ-001, energy."""
    from roadmap_cli.values import identifier_problem

    problem = identifier_problem(text(value, option))
    if problem is not None:
        raise refused(str(problem), option)
    return value


def given(value: str | None, option: str, check: Callable[[str, str], T]) -> T | None:
    """An optional option's value, checked when it is given."""
    return None if value is None else check(value, option)


def ask(value: str | None, option: str, prompt_key: str, check: Callable[[str, str], T]) -> T:
    """An option's value, checked; asked for in a terminal when it was not given, and asked again
    until the answer passes the check (Ctrl-C stops with 130, the end of input is a usage error)."""
    if value is not None:
        return check(value, option)
    if sys.stdin is None or not sys.stdin.isatty():
        raise refused(messages.text("cli.required"), option)
    try:
        answer: T = typer.prompt(messages.text(prompt_key), value_proc=lambda typed: check(typed, option))
    except typer.Abort as stopped:
        if isinstance(stopped.__context__, KeyboardInterrupt):
            raise KeyboardInterrupt from None
        raise refused(messages.text("cli.required"), option) from None
    return answer


ReportKindOption = Annotated[
    ReportKind,
    typer.Option(
        "--kind",
        case_sensitive=False,
        help="execution: the official execution report (docx, xlsx); brief: the page for the meeting (html).",
    ),
]
ReportFormatOption = Annotated[
    ReportFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="docx (Word), xlsx (Excel) or html (the brief). Default: as the --output file's name ends.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="The file to write (replaced whole, never half-written), or - for standard output.",
    ),
]
SectionOption = Annotated[
    str | None,
    typer.Option("--section", metavar="ID", help="Only this section's items."),
]
ReportPathArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The roadmap file. Default: $ROADMAP_FILE, else roadmap.yaml, roadmap.yml, data/roadmap.yaml "
        "or data/roadmap.yml in this directory or a parent, up to the repository root.",
        show_default=False,
        readable=False,
    ),
]
PlanArgument = Annotated[
    Path | None,
    typer.Argument(
        help="The plan as it arrived: a Word (.docx), Excel (.xlsx) or CSV file with the plan's table.",
        show_default=False,
        readable=False,
    ),
]
TableOption = Annotated[
    int | None,
    typer.Option(
        "--table", metavar="N", help="Read the Nth table (from 1). Default: the first with a plan's header."
    ),
]
SheetOption = Annotated[
    str | None,
    typer.Option("--sheet", metavar="NAME", help="Read the Excel sheet of this name."),
]
ImportOutputOption = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="The roadmap file to write (never an existing one), or - for standard output.",
    ),
]
RussianPlanOption = Annotated[
    Path | None,
    typer.Option(
        "--ru",
        metavar="FILE",
        help="The plan in Russian, with --kk: one roadmap with every text in both languages.",
        readable=False,
    ),
]
KazakhPlanOption = Annotated[
    Path | None,
    typer.Option("--kk", metavar="FILE", help="The same plan in Kazakh, with --ru.", readable=False),
]
ReplyDepartmentOption = Annotated[
    str,
    typer.Option(
        "--department", "-d", metavar="ID", help="The department whose form it is: its id or its name."
    ),
]
ExportFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", metavar="xlsx", help="xlsx (Excel), the one form there is.", show_default=False
    ),
]
ReplyArgument = Annotated[
    Path,
    typer.Argument(help="The department's filled-in reply form (.xlsx).", show_default=False, readable=False),
]
IntoOption = Annotated[
    Path | None,
    typer.Option(
        "--into",
        metavar="ROADMAP",
        help="Add the plan's new items to this roadmap (every other byte kept) instead of writing one.",
        readable=False,
    ),
]
AtOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        metavar="DATE|REV",
        help="The roadmap as it stood then, from git: the last commit on or before DATE (in the "
        "roadmap's time zone), judged on DATE; or a revision, judged on its day.",
        show_default=False,
    ),
]
HistoryTasksArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="[TASK]...", help="Only these tasks' changes.", show_default=False),
]
SinceOption = Annotated[
    str | None,
    typer.Option("--since", metavar="DATE", help="Only changes committed on or after DATE (roadmap's zone)."),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", metavar="DATE", help="Only changes committed on or before DATE (roadmap's zone)."
    ),
]
HistoryFileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        metavar="PATH",
        help="The roadmap file (default: found as for every command).",
        readable=False,
    ),
]
SlippageOption = Annotated[
    bool,
    typer.Option(
        "--slippage", help="Instead: each task's deadline against its baseline, and the days slipped."
    ),
]
BriefHistoryOption = Annotated[
    bool,
    typer.Option(
        "--history",
        help="Add from the file's git history: to the brief, the tasks slipped from their baseline, each "
        "department's on-time record and the burn-up; to the execution report, each deadline move with "
        "its basis, a move made with no record said so.",
    ),
]
StatusHistoryOption = Annotated[
    bool,
    typer.Option(
        "--history",
        help="Add, from the file's git history, each task moved from its baseline (days slipped, times "
        "moved) and the totals per lead department and per section.",
    ),
]
OnTimeOption = Annotated[
    bool,
    typer.Option(
        "--on-time",
        help="Instead: each department's record of keeping its deadlines, month by month, against the "
        "deadline in force when each fell due and against the baseline (--until: the day judged).",
    ),
]
BaselineOption = Annotated[
    str | None,
    typer.Option(
        "--baseline",
        metavar="REV|DATE",
        help="With --history (status), --slippage or --on-time (history): measure from the roadmap at this "
        "revision or date (default: each task from the commit that added it).",
        show_default=False,
    ),
]
WithinOption = Annotated[
    str,
    typer.Option(
        "--within",
        metavar="N|Nwd",
        help="Remind of deadlines within N calendar days or N working days (5wd).",
    ),
]
DigestFormatOption = Annotated[
    DigestFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="text, markdown, html, eml (an e-mail message per department) or json. Default: text, "
        "or eml with --smtp.",
        show_default=False,
    ),
]
DigestOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="DIR",
        help="Write one file per department into this directory (DEPARTMENT.txt, .md, .html, .eml or "
        ".json). Default: standard output.",
        show_default=False,
        file_okay=False,
    ),
]
SenderOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        metavar="ADDRESS",
        envvar="ROADMAP_MAIL_FROM",
        help="Who the e-mails are from (roadmap@akimat.kz, or Akimat <roadmap@akimat.kz>). Default: "
        "$ROADMAP_MAIL_FROM.",
        show_default=False,
    ),
]
SmtpOption = Annotated[
    str | None,
    typer.Option(
        "--smtp",
        metavar="HOST:PORT",
        help="Send the e-mails through this mail server: STARTTLS when it offers it, and the login from "
        "$ROADMAP_SMTP_USER and $ROADMAP_SMTP_PASSWORD when set (never from the roadmap).",
        show_default=False,
    ),
]
EveryDepartmentOption = Annotated[
    bool,
    typer.Option(
        "--every-department",
        help="Write a reminder for a department with nothing to remind it of, too (it says so).",
    ),
]
AlarmOption = Annotated[
    str | None,
    typer.Option(
        "--alarm",
        metavar="Nwd",
        help="Remind N working days before each open deadline, at 09:00 in the roadmap's time zone.",
        show_default=False,
    ),
]
CalendarOutputOption = Annotated[
    str,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="The .ics file to write (replaced whole, never half-written), or - for standard output.",
    ),
]
