"""The options several commands share, and how option text becomes typed values.

A value that cannot be read is a usage error naming its option (exit 2), raised as Typer's
`BadParameter` so that it is reported like Typer's own.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from roadmap_cli import messages
from roadmap_cli.report.formats import OutputFormat, default_format

if TYPE_CHECKING:
    from roadmap_cli.analysis import Window
    from roadmap_cli.commands.shared import View

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


def requested_language(option: str | None) -> str | None:
    """--lang, else $ROADMAP_LANG, checked; None: the roadmap's own language will be spoken."""
    try:
        language = messages.requested(option, os.environ)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from None
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
        return parse_iso_date(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=option) from None


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
            raise typer.BadParameter(messages.text("cli.not_instant", value=value), param_hint="--as-of")
        return instant
    return date_option(value, "--as-of")


def window(value: str) -> Window:
    """--warn-days: 14 calendar days, or 10wd working days."""
    from roadmap_cli.analysis import Window

    try:
        return Window.parse(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--warn-days") from None


def required_text(value: str, option: str) -> str:
    """A text option that must say something."""
    if not value.strip():
        raise typer.BadParameter(messages.text("invalid.blank"), param_hint=option)
    return value


def ask(value: str | None, option: str, prompt: str) -> str:
    """An option's value, asked for in a terminal when it was not given."""
    if value is None:
        if not sys.stdin.isatty():
            raise typer.BadParameter(messages.text("cli.required"), param_hint=option)
        value = str(typer.prompt(prompt))
    return required_text(value, option)
