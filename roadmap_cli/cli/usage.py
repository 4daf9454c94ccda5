"""Usage errors in the language being spoken: the argument parser's framing, translated.

The parser (Click, inside Typer) words its errors in English with no catalogue of its own. Its
sentences are few and fixed, so each is recognised by its shape and said again from our catalogues;
what is not recognised stays as the parser wrote it. The value the user typed is echoed inert.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from roadmap_cli import messages
from roadmap_cli.report.escape import inert

# The parser's base class of usage errors: found from the one Typer exports, so that it is the same
# class whether Typer brings Click along or uses it from outside.
_USAGE_ERROR: type[Exception] = next(
    base for base in type.mro(typer.BadParameter) if base.__name__ == "UsageError"
)
_SENTENCES: Sequence[tuple[re.Pattern[str], str]] = (
    (re.compile(r"Invalid value for (?P<option>.+?): (?P<message>.*)", re.DOTALL), "usage.invalid_value"),
    (re.compile(r"Missing option (?P<option>.+?)\.(?: .*)?", re.DOTALL), "usage.missing_option"),
    (re.compile(r"Missing argument (?P<option>.+?)\.(?: .*)?", re.DOTALL), "usage.missing_argument"),
    (re.compile(r"No such option: (?P<option>\S+)(?: .*)?", re.DOTALL), "usage.no_such_option"),
    (re.compile(r"No such command (?P<option>.+?)\.", re.DOTALL), "usage.no_such_command"),
    (re.compile(r"Got unexpected extra arguments? \((?P<option>.*)\)", re.DOTALL), "usage.extra_arguments"),
)


def _said(english: str) -> str:
    for shape, key in _SENTENCES:
        match = shape.fullmatch(english)
        if match is not None:
            return messages.text(key, **match.groupdict())
    return english


def show(error: Any) -> None:
    """Say a usage error on stderr the way the parser lays it out, in the current language."""
    context = getattr(error, "ctx", None)
    lines = []
    if context is not None:
        usage = context.get_usage()
        lines.append(messages.text("usage.usage", usage=usage.removeprefix("Usage:").strip()))
        lines.append(
            messages.text("usage.try", command=context.command_path, option=context.help_option_names[0])
        )
        lines.append("")
    lines.append(messages.text("usage.error", message=_said(error.format_message())))
    # Each line made inert on its own: a newline typed in a value must not start a line of its own.
    print("\n".join(inert(line) for line in lines), file=sys.stderr)


def _language_asked(args: Sequence[str]) -> str | None:
    """The --lang of the command line, read before the parser has read it (it may be what fails)."""
    for at, arg in enumerate(args):
        value = args[at + 1] if arg == "--lang" and at + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value.lower() in messages.LANGUAGES:
            return value.lower()
    return None


class RoadmapGroup(TyperGroup):
    """The command group, with usage errors said in the language being spoken."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        arguments = list(sys.argv[1:] if args is None else args)
        try:
            result = super().main(arguments, prog_name, complete_var, False, windows_expand_args, **extra)
        except _USAGE_ERROR as error:
            asked = _language_asked(arguments)
            if asked is not None:
                messages.use(asked)
            show(error)
            sys.exit(2)
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)
