"""`--help` in Kazakh and Russian: every help text translated, the parser's words too, nothing stale."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer.main

from roadmap_cli.cli import app
from roadmap_cli.cli.help_texts import FRAMING, HELP
from roadmap_cli.errors import ExitCode
from tests.conftest import Run


def english_help_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every help text the command line has in English."""

    def walk(command: Any, path: str) -> Iterator[tuple[str, str]]:
        if command.help:
            yield path, command.help
        for param in command.params:
            if getattr(param, "help", None):
                yield f"{path} {param.name}", param.help
        for name, subcommand in getattr(command, "commands", {}).items():
            yield from walk(subcommand, f"{path} {name}")

    yield from walk(typer.main.get_command(app), "roadmap")


@pytest.mark.parametrize("language", sorted(HELP))
def test_every_help_text_has_a_translation_and_none_is_stale(language: str) -> None:
    texts = dict(english_help_texts())
    missing = [where for where, text in texts.items() if text not in HELP[language]]
    assert missing == [], f"translate these into {language} in roadmap_cli/cli/help_texts.py"
    stale = [text for text in HELP[language] if text not in texts.values()]
    assert stale == [], "the English text changed: translate it again"


# What a translation must keep as it is: options, variables, file names, dates, numbers, code.
_KEPT = re.compile(
    r"--[a-z-]+|\$[A-Z_]+|`[^`]+`|[a-z_]+\.ya?ml|origin/main"
    r"|[0-9]+(?:[:./-][0-9][0-9A-Za-z]*|-[QHW][0-9]+|wd)*"  # 2026-Q1, 2026-11-25T20:30:00Z, 10wd
)


@pytest.mark.parametrize("language", sorted(HELP))
def test_a_translation_keeps_the_options_variables_and_examples(language: str) -> None:
    for english, translation in HELP[language].items():
        for kept in _KEPT.findall(english):
            assert kept in translation, f"{language}: {kept!r} is missing from {translation!r}"


@pytest.mark.parametrize(
    ("args", "env", "expected", "english"),
    [
        (
            ["status", "--help", "--lang", "ru"],
            {},
            [
                "Использование: roadmap status [ПАРАМЕТРЫ] [paths]...",
                "Ход исполнения по управлениям",
                "Параметры:",
                "Аргументы:",
                "[по умолчанию: 14]",
                "Показать эту справку и выйти.",
            ],
            ["Usage:", "Options:", "Per-department", "[default: 14]", "Show this message"],
        ),
        (
            ["--help"],
            {"ROADMAP_LANG": "kk"},
            ["Қолданылуы: roadmap [ПАРАМЕТРЛЕР] КОМАНДА [АРГУМЕНТТЕР]...", "Командалар:", "Іс-шараны"],
            ["Usage:", "Commands:", "Mark a task"],
        ),
        (
            ["postpone", "--help"],
            {"ROADMAP_LANG": "kk"},
            ["--to DATE  Жаңа мерзім.  [міндетті]", "--decision TEXT  Негіз болған құжат"],
            ["[required]", "The new deadline."],
        ),
        (
            ["check", "--help"],
            {},
            ["Usage: roadmap check [OPTIONS] [paths]...", "For CI: print each overdue task", "[default: 14]"],
            ["Параметры", "Параметрлер"],
        ),
    ],
    ids=["ru by --lang", "kk by ROADMAP_LANG", "kk required", "en by default"],
)
def test_help_is_said_in_the_language_asked(
    run: Run, args: list[str], env: dict[str, str], expected: list[str], english: list[str]
) -> None:
    result = run(*args, env=env)
    assert result.exit_code == ExitCode.OK, result.stderr
    shown = " ".join(result.stdout.split())  # the formatter wraps at 80 columns
    for text in expected:
        assert " ".join(text.split()) in shown
    for text in english:
        assert text not in result.stdout


def test_a_usage_error_frames_its_usage_line_in_the_language_too(run: Run) -> None:
    result = run("status", "--bogus", "--lang", "kk")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines()[0] == "Қолданылуы: roadmap status [ПАРАМЕТРЛЕР] [paths]..."


def test_the_framing_words_are_the_same_in_each_language() -> None:
    assert FRAMING["kk"].keys() == FRAMING["ru"].keys()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help", "--lang", "ru"], "Использование: roadmap [ПАРАМЕТРЫ] КОМАНДА [АРГУМЕНТЫ]..."),
        (["postpone", "--help", "--lang=kk"], "Қолданылуы: roadmap postpone [ПАРАМЕТРЛЕР] {TASK}"),
        (["done", "--lang", "ru", "-h"], "Использование: roadmap done [ПАРАМЕТРЫ] {TASK}"),
    ],
)
def test_help_takes_lang_of_every_command_even_one_without_that_option(
    run: Run, args: list[str], expected: str
) -> None:
    result = run(*args)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout.splitlines()[0] == expected
