"""Reports in Kazakh, Russian and English: every message in every catalogue, nothing left in English."""

from __future__ import annotations

import json
import re
import string

import pytest

from roadmap_cli import messages
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_roadmap
from tests.conftest import SAMPLE, Run, Write
from tests.helpers import HEADER, roadmap, task


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name}


def test_every_message_exists_in_all_three_languages_with_the_same_placeholders() -> None:
    english = messages.catalogue("en")
    for language in ("kk", "ru"):
        other = messages.catalogue(language)
        assert other.keys() == english.keys(), language
        for key, template in english.items():
            assert placeholders(other[key]) == placeholders(template), (language, key)


@pytest.mark.parametrize(
    ("language", "numbers", "shown"),
    [
        ("en", [1, 2, 5], ["1 day", "2 days", "5 days"]),
        (
            "ru",
            [1, 2, 5, 11, 21, 22, 112],
            ["1 день", "2 дня", "5 дней", "11 дней", "21 день", "22 дня", "112 дней"],
        ),
        ("kk", [1, 2, 5], ["1 күн", "2 күн", "5 күн"]),
    ],
)
def test_counted_nouns_follow_each_language(language: str, numbers: list[int], shown: list[str]) -> None:
    messages.use(language)
    try:
        assert [messages.count(number, "day") for number in numbers] == shown
    finally:
        messages.use("en")


def latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", text))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_status_of_the_sample_shows_no_english_words_except_ids(run: Run, language: str) -> None:
    result = run("status", str(SAMPLE), "--as-of", "2026-11-26", "--lang", language, env={"COLUMNS": "220"})
    assert result.exit_code == ExitCode.OK
    loaded = load_roadmap(SAMPLE)
    assert loaded.roadmap is not None
    ids = {word for department in loaded.roadmap.departments for word in latin_words(department.id)} | {"SEZ"}
    zone = {"Asia", "Aqtobe"}
    roman_numerals = {"I", "II", "III", "IV"}  # "III квартал 2026 года" is written with Latin letters
    assert latin_words(result.stdout) <= ids | zone | roman_numerals
    assert "26.11.2026" in result.stdout  # dates the local way


def test_status_in_russian_reads_as_russian(run: Run) -> None:
    result = run("status", str(SAMPLE), "--as-of", "2026-11-26", "--lang", "ru", env={"COLUMNS": "220"})
    assert "по состоянию на 26.11.2026" in result.stdout
    assert "Просрочено (6)" in result.stdout
    assert "Управление энергетики и жилищно-коммунального хозяйства" in result.stdout
    assert "на стадии реализации" in result.stdout
    assert "30.09.2026 (III квартал 2026 года; перенесён 1 раз, первоначально 30.06.2026)" in result.stdout


def test_a_missing_translation_falls_back_and_says_which_language(run: Run, write: Write) -> None:
    plan = roadmap(task("T-1", "2026-03-01", title="{ru: Построить подстанцию}"))
    result = run("status", str(write(plan)), "--as-of", "2026-04-01", "--lang", "en", env={"COLUMNS": "160"})
    assert "Построить подстанцию (ru)" in result.stdout
    kazakh = run("status", str(write(plan)), "--as-of", "2026-04-01", "--lang", "kk", env={"COLUMNS": "160"})
    assert "Построить подстанцию (ru)" in kazakh.stdout
    assert "Энергетика басқармасы" in kazakh.stdout and "Энергетика басқармасы (" not in kazakh.stdout


def test_the_language_comes_from_the_option_then_the_variable_then_the_roadmap(
    run: Run, write: Write
) -> None:
    plan = HEADER.replace("  timezone: Asia/Aqtobe\n", "  timezone: Asia/Aqtobe\n  language: ru\n")
    path = write(plan + task("T-1", "2026-03-01"))
    by_roadmap = run("check", str(path), "--as-of", "2026-04-01")
    assert "T-1 (energy): срок 01.03.2026, просрочено на 31 день" in by_roadmap.stdout
    by_variable = run("check", str(path), "--as-of", "2026-04-01", env={"ROADMAP_LANG": "kk"})
    assert "T-1 (energy): мерзімі 01.03.2026, 31 күн кешікті" in by_variable.stdout
    by_option = run("check", str(path), "--as-of", "2026-04-01", "--lang", "en", env={"ROADMAP_LANG": "kk"})
    assert "T-1 (energy) was due 2026-03-01, 31 days overdue" in by_option.stdout


def test_validation_summary_in_kazakh(run: Run, write: Write) -> None:
    result = run("validate", str(write(roadmap(task("T-1", "2026-03-01")))), "--lang", "kk")
    assert result.stderr.endswith("файл дұрыс: 1 тапсырма, 2 басқарма\n")


@pytest.mark.parametrize(
    ("args", "env"), [(["--lang", "de"], {}), ([], {"ROADMAP_LANG": "fr"})], ids=["option", "variable"]
)
def test_an_unknown_language_is_a_usage_error(
    run: Run, write: Write, args: list[str], env: dict[str, str]
) -> None:
    result = run("check", str(write(roadmap(task("T-1", "2026-03-01")))), *args, env=env)
    assert result.exit_code == ExitCode.USAGE
    assert "unknown language" in result.stderr
    assert "Traceback" not in result.stderr


def test_machine_formats_keep_english_keys_and_iso_dates(run: Run, write: Write) -> None:
    import json

    path = write(roadmap(task("T-1", "IV квартал 2025 года")))
    document = json.loads(
        run("check", str(path), "--as-of", "2026-04-01", "--lang", "ru", "-f", "json").stdout
    )
    (entry,) = document["tasks"]
    assert (entry["deadline"], entry["deadline_as_written"], entry["state"]) == (
        "2025-12-31",
        "IV квартал 2025 года",
        "overdue",
    )
    assert entry["deadline_text"] == "31.12.2025 (IV квартал 2025 года)"


INVALID_EXAMPLES = sorted((SAMPLE.parent.parent / "tests" / "example-files" / "invalid").glob("*.yaml"))


def finding_messages(stderr: str) -> list[str]:
    """The message part of each ``file:line:column: message`` line."""
    return [line.split(": ", 1)[1] for line in stderr.splitlines() if re.match(r"\S+:\d+:\d+: ", line)]


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("example", INVALID_EXAMPLES, ids=lambda path: path.stem)
def test_every_finding_in_the_invalid_examples_is_said_in_the_chosen_language(
    run: Run, example: object, language: str
) -> None:
    english = finding_messages(run("validate", str(example), "--lang", "en").stderr)
    translated = run("validate", str(example), "--lang", language)
    assert translated.exit_code == ExitCode.INVALID
    said = finding_messages(translated.stderr)
    assert english and len(said) == len(english)
    for theirs, ours in zip(english, said, strict=True):
        assert ours != theirs  # nothing fell through in English


def test_findings_follow_the_language_the_roadmap_itself_names(run: Run, write: Write) -> None:
    # The language is only known once the file is read, after the findings were made: they are
    # put into words when shown.
    plan = HEADER.replace("  timezone: Asia/Aqtobe\n", "  timezone: Asia/Aqtobe\n  language: ru\n")
    path = write(plan + task("T-1", "2026-03-01", department="enrgy"))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.INVALID
    said = "задача T-1: управление 'enrgy' не описано в departments; может быть, 'energy'?"
    assert said in result.stderr
    as_json = json.loads(run("validate", str(path), "--format", "json").stdout)
    assert as_json["files"][0]["findings"][0]["message"] == said


def test_deadline_wording_errors_and_dates_in_them_are_translated(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "IV квартал"), task("T-2", "5 квартал 2026")))
    result = run("validate", str(path), "--lang", "kk")
    assert "'IV квартал' мерзім емес: жыл жоқ: құрал жылды болжамайды; қабылданатын түрлер:" in result.stderr
    assert "'5 квартал 2026' мерзім емес: 5-тоқсан болмайды;" in result.stderr


def test_usage_errors_of_the_core_are_translated(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01")))
    result = run("status", str(path), "--department", "enrgy", "--lang", "ru")
    assert result.exit_code == ExitCode.USAGE
    assert "в дорожной карте нет управления 'enrgy'; есть: energy, roads" in result.stderr


def test_edit_refusals_speak_the_language_of_the_environment(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01", "cancelled", reason="Investor withdrew")))
    before = path.read_bytes()
    result = run("done", "T-1", "--file", str(path), env={"ROADMAP_LANG": "ru"})
    assert result.exit_code == ExitCode.USAGE
    assert "задача T-1 в статусе cancelled: её нельзя отметить исполненной; сначала `roadmap reopen`" in (
        result.stderr
    )
    assert path.read_bytes() == before
    unknown = run("start", "T-9", "--file", str(path), env={"ROADMAP_LANG": "kk"})
    assert "жол картасында 'T-9' кодты тапсырма жоқ" in unknown.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b'roadmap:\n  id: x\n  language: ru\n  title: "unclosed\n', "синтаксическая ошибка YAML"),
        (b"roadmap:\n  language: kk\n  id: x\n  title: \xff\n", "UTF-8"),
    ],
    ids=["syntax-error", "not-utf8"],
)
def test_a_file_that_does_not_parse_is_reported_in_the_language_it_names(
    run: Run, write: Write, raw: bytes, expected: str
) -> None:
    path = write("")
    path.write_bytes(raw)
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.INVALID
    assert expected in result.stderr
    assert ("файл содержит ошибки" if b"ru" in raw else "файлда қателер бар") in result.stderr


def test_edits_speak_the_language_of_the_roadmap(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01")).replace("  timezone:", "  language: kk\n  timezone:"))
    refused = run("start", "T-9", "--file", str(path))
    assert "жол картасында 'T-9' кодты тапсырма жоқ" in refused.stderr
    dry = run("start", "T-1", "--file", str(path), "--dry-run")
    assert "сынақ іске қосу: ештеңе жазылмады" in dry.stderr


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (
            ["check", "--warn-days", "-1", "--lang", "ru"],
            {},
            "Ошибка: Недопустимое значение --warn-days: '-1' — не число дней",
        ),
        (["block", "T-1"], {"ROADMAP_LANG": "kk"}, "Қате: '--reason' параметрі көрсетілмеген."),
        (["status", "--bogus"], {"ROADMAP_LANG": "ru"}, "Ошибка: Нет такого параметра: --bogus"),
        (
            ["check", "--warn-days", "-1"],
            {},
            "Error: Invalid value for --warn-days: '-1' is not a number of days",
        ),
    ],
)
def test_usage_errors_speak_the_language_of_the_run(
    run: Run, args: list[str], env: dict[str, str], expected: str
) -> None:
    result = run(*args, env={"ROADMAP_FILE": str(SAMPLE), **env})
    assert result.exit_code == ExitCode.USAGE
    assert expected in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(("Usage: roadmap", "Использование: roadmap", "Қолданылуы: roadmap"))


def test_a_value_in_a_usage_error_cannot_start_a_line_of_its_own(run: Run) -> None:
    result = run("check", "--as-of", "a\n::error::b", env={"ROADMAP_FILE": str(SAMPLE)})
    assert result.exit_code == ExitCode.USAGE
    assert not any(line.startswith("::error::") for line in result.stderr.splitlines())
    assert "a\\x0a::error::b" in result.stderr
