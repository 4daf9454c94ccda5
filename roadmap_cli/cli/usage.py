"""Usage errors and `--help` in the language being spoken: the argument parser's framing, translated.

The parser (Click, inside Typer) words its errors in English with no catalogue of its own. Its
sentences are few and fixed, so each is recognised by its shape and said again from our catalogues;
what is not recognised stays as the parser wrote it. The value the user typed is echoed inert.
`--help` shows our own help texts from `help_texts.HELP`, and the parser's headings ("Options",
"[default: 14]") through a help formatter that says them again from `help_texts.FRAMING`.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from roadmap_cli import messages
from roadmap_cli.cli.help_texts import FRAMING, translated
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
    _Framing.language = messages.current()  # the usage line is the formatter's
    context = getattr(error, "ctx", None)
    lines = []
    if context is not None:
        usage = context.get_usage()
        framing = _framed("Usage: ").strip()  # the formatter has said the parser's word already
        lines.append(messages.text("usage.usage", usage=usage.strip().removeprefix(framing).strip()))
        lines.append(
            messages.text("usage.try", command=context.command_path, option=context.help_option_names[0])
        )
        lines.append("")
    lines.append(messages.text("usage.error", message=_said(error.format_message())))
    # Each line made inert on its own: a newline typed in a value must not start a line of its own.
    print("\n".join(inert(line) for line in lines), file=sys.stderr)


def _language_at(args: Sequence[str], at: int) -> tuple[str, int] | None:
    """The valid language a `--lang X` or `--lang=X` at `at` names, and how many arguments it spans."""
    arg = args[at]
    if arg == "--lang" and at + 1 < len(args):
        value, span = args[at + 1], 2
    elif arg.startswith("--lang="):
        value, span = arg.removeprefix("--lang="), 1
    else:
        return None
    return (value.lower(), span) if value.lower() in messages.LANGUAGES else None


def _language_asked(args: Sequence[str]) -> str | None:
    """The --lang of the command line, read before the parser has read it (it may be what fails)."""
    found = (_language_at(args, at) for at in range(len(args)))
    return next((language for language, _span in filter(None, found)), None)


def _without_language(args: Sequence[str]) -> list[str]:
    """The arguments less a valid `--lang X` / `--lang=X`, which help has already taken."""
    kept: list[str] = []
    at = 0
    while at < len(args):
        option = _language_at(args, at)
        if option is None:
            kept.append(args[at])
        at += 1 if option is None else option[1]
    return kept


def _help_language(args: Sequence[str]) -> str:
    """The language of `--help`: --lang, else $ROADMAP_LANG, else English. (Not the roadmap's: help
    is asked for before, and without, any roadmap.)"""
    asked = _language_asked(args)
    if asked is not None:
        return asked
    try:
        return messages.requested(None, os.environ) or messages.DEFAULT_LANGUAGE
    except ValueError:  # a wrong $ROADMAP_LANG is the command's to report
        return messages.DEFAULT_LANGUAGE


class _Framing:
    """The language the help formatter speaks; set before the parser formats any help."""

    language = messages.DEFAULT_LANGUAGE


def _framed(english: str) -> str:
    return FRAMING.get(_Framing.language, {}).get(english, english)


_EXTRA = re.compile(r"(?P<help>.*)  \[(?P<extra>[^\]]*)\]", re.DOTALL)


def _definition(english: str) -> str:
    """An option's help as the parser finished it: "... [default: 14]" and "[required]" said again."""
    match = _EXTRA.fullmatch(english)
    if match is None:
        return _framed(english)
    extras = []
    for extra in match["extra"].split("; "):
        word, colon, value = extra.partition(": ")
        extras.append(f"{_framed(word)}{colon}{value}")
    return f"{_framed(match['help'])}  [{'; '.join(extras)}]"


_ClickFormatter: type[Any] = typer.Context.formatter_class


class _Formatter(_ClickFormatter):  # type: ignore[misc]  # Click's class, reached through Typer
    """Click's help formatter, saying its own words (Usage, Options, Arguments...) in `_Framing`'s
    language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        words = " ".join(_framed(word) for word in args.split(" "))
        super().write_usage(prog, words, _framed(prefix if prefix is not None else "Usage: "))

    def write_heading(self, heading: str) -> None:
        super().write_heading(_framed(heading))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(term, _definition(text)) for term, text in rows], col_max, col_spacing)


class _Context(typer.Context):
    formatter_class = _Formatter


def _speak_help(command: Any, language: str) -> None:
    """Put a command's, its options' and its subcommands' help texts in `language`."""
    command.help = translated(command.help, language)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = translated(param.help, language)
    for subcommand in getattr(command, "commands", {}).values():
        _speak_help(subcommand, language)


class RoadmapGroup(TyperGroup):
    """The command group, with usage errors and help said in the language being spoken."""

    context_class = _Context

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            command.context_class = _Context

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
        if not arguments or any(arg in ("-h", "--help") for arg in arguments):
            _Framing.language = _help_language(arguments)
            if _Framing.language != messages.DEFAULT_LANGUAGE:
                _speak_help(self, _Framing.language)
            # Taken: help in a language is asked the same way of every command, with --lang or not.
            arguments = _without_language(arguments)
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
