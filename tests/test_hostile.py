"""Hostile input: the hard cases of YAML, text that tries to act in each output format, limits.

Hard YAML cases also tested elsewhere, each with its exact message: duplicate keys, unknown and
Python tags, several documents, control characters, UTF-16 and invalid UTF-8, tabs, unclosed quotes
(`tests/example-files/invalid/`); alias bombs, recursive aliases, deep nesting, a byte-order mark
with CRLF (`test_source.py`); a file over the size limit (`test_load.py`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_bytes
from roadmap_cli.report.escape import inert
from roadmap_cli.source import DEFAULT_LIMITS, Limits, compose
from tests.conftest import Run, Write
from tests.helpers import HEADER, roadmap, task

MINIMAL = roadmap(task("T-1", "2026-03-31")).encode()


def findings(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> list[tuple[int, int, str]]:
    loaded = load_bytes(raw, "f.yaml", limits)
    return [
        (finding.position.line, finding.position.column, finding.message) if finding.position else (0, 0, "")
        for finding in loaded.findings
    ]


# ---- the hard cases of YAML -------------------------------------------------------------------

HARD_CASES = {
    "a YAML directive is read and ignored": (b"%YAML 1.1\n---\n" + MINIMAL, []),
    "a TAG directive is read and ignored": (b"%TAG !e! tag:example.com,2000:\n---\n" + MINIMAL, []),
    "a lone surrogate escape is not text": (
        MINIMAL.replace(b"title: Task T-1", b'title: "Sur\\ud800vey"'),
        [
            (
                12,
                12,
                "the escape for \\ud800 is half of a UTF-16 pair, not a character; "
                "write the character itself",
            )
        ],
    ),
    "a binary scalar": (
        MINIMAL.replace(b"title: Task T-1", b"title: !!binary U3VydmV5"),
        [(12, 12, "unsupported YAML tag '!!binary': a roadmap holds plain text, lists and mappings")],
    ),
    "a set": (
        MINIMAL.replace(b"title: Task T-1", b"title: !!set {a, b}"),
        [(12, 12, "unsupported YAML tag '!!set': a roadmap holds plain text, lists and mappings")],
    ),
    "a timestamp tag does not make a date": (
        MINIMAL.replace(b"deadline: 2026-03-31", b"deadline: !!timestamp 2026-03-31"),
        [(14, 15, "unsupported YAML tag '!!timestamp': a roadmap holds plain text, lists and mappings")],
    ),
    "content after the document end marker": (
        MINIMAL + b"...\nextra: 1\n",
        [(17, 1, "a second YAML document: a roadmap file holds exactly one")],
    ),
    "a document of nothing but its marker": (
        b"---\n",
        [(2, 1, "the file must be a mapping with keys roadmap, departments and tasks; found nothing")],
    ),
    "an empty key": (
        MINIMAL.replace(b"    status: planned\n", b"    status: planned\n    : x\n"),
        [(16, 5, "a key must be plain text")],
    ),
    "a key longer than YAML allows a plain key": (
        MINIMAL.replace(b"    status: planned\n", b"    status: planned\n    " + b"k" * 2000 + b": 1\n"),
        [(16, 2005, "YAML syntax error: could not find expected ':'")],
    ),
    "a line of 99,000 characters is fine": (MINIMAL.replace(b"Task T-1", b"x" * 99_000), []),
    "old Mac line ends (CR only) keep positions": (
        roadmap(task("T-1", "2026-03-31", department="enrgy")).replace("\n", "\r").encode(),
        [(13, 17, "task T-1: department 'enrgy' is not defined under departments; did you mean 'energy'?")],
    ),
    "a NEL line break counts as a line": (
        roadmap(task("T-1", "2026-03-31", department="enrgy")).replace("\n", "\u0085", 3).encode(),
        [(13, 17, "task T-1: department 'enrgy' is not defined under departments; did you mean 'energy'?")],
    ),
}


@pytest.mark.parametrize(("raw", "expected"), HARD_CASES.values(), ids=HARD_CASES.keys())
def test_hard_yaml_cases_give_their_exact_message(raw: bytes, expected: list[tuple[int, int, str]]) -> None:
    assert findings(raw) == expected


# ---- text that tries to act in an output --------------------------------------------------------

# Written in YAML double-quoted style, where escapes make any character.
HOSTILE = (
    r"[bold red]RED[/bold red] [link=http://evil.example]click[/link] "
    r"\e[2J\e[31m \e]0;owned\a \e]8;;http://evil.example\e\\here\e]8;;\e\\ \x9b2J "
    r"<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    r"![i](http://evil.example/i.png) | cell &amp; &<>\"' \x01\x0b\uFFFE "
    r"\n::error file=x.yaml::fake\n::add-mask::secret\r\n##[error]fake "
    r"\u202eevil\u202c \u2066x\u2069"
)
LONG = "Ж" * 20_000
# Characters that must never reach a terminal, a log or a file raw: C0 and C1 controls (but line
# breaks and tabs), DEL, bidi controls.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def hostile_roadmap(title: str = f'"{HOSTILE}"') -> str:
    header = HEADER.replace("name: Roads", f'name: "{HOSTILE}"')
    return header + "".join(
        [
            task("T-1", "2026-03-31", "in_progress", title=title, department="roads"),
            task("T-2", "2026-04-03", "blocked", title=LONG, department="roads", reason=f'"{HOSTILE}"'),
            task("T-3", "2026-01-31", "cancelled", reason=f'"{HOSTILE}"', notes=f'"{HOSTILE}"'),
        ]
    )


def assert_inert(output: str) -> None:
    assert UNSAFE.search(output) is None, UNSAFE.search(output)


def assert_well_formed(output_format: str, output: str, annotations: int) -> None:
    if output_format == "json":
        json.loads(output)
    elif output_format == "junit":
        ElementTree.fromstring(output.encode())
    elif output_format == "github":
        lines = output.splitlines()
        assert len(lines) == annotations
        assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
    elif output_format == "markdown":
        for block in output.split("\n\n"):
            rows = [line for line in block.splitlines() if line.startswith("|")]
            cells = {re.findall(r"\\.|(\|)", row).count("|") for row in rows}  # "\\x": one escaped character
            assert len(cells) <= 1, cells  # every row of a table has its header's cells: no '|' opened one
        assert "<script>" not in output and "<img" not in output and "](javascript" not in output
        assert "](http" not in output


READ_COMMANDS = {
    "status": (["status", "--as-of", "2026-04-01"], ExitCode.OK, 2),
    "check": (["check", "--as-of", "2026-04-01"], ExitCode.BREACHES, 2),
}


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "github", "junit"])
@pytest.mark.parametrize("command", READ_COMMANDS)
def test_text_from_the_file_comes_out_inert_in_every_format(
    run: Run, write: Write, command: str, output_format: str
) -> None:
    args, exit_code, annotations = READ_COMMANDS[command]
    path = write(hostile_roadmap())
    result = run(args[0], str(path), *args[1:], "--format", output_format, env={"COLUMNS": "200"})
    assert result.exit_code == exit_code, result.stderr
    assert_inert(result.stdout + result.stderr)
    assert_well_formed(output_format, result.stdout, annotations)
    if output_format == "table" and command == "status":
        assert "[bold red]RED[/bold red]" in result.stdout  # shown as written, not as markup
    if output_format == "json":
        loaded = load_bytes(path.read_bytes(), "f.yaml")
        assert loaded.roadmap is not None
        written = loaded.roadmap.tasks[0].title.texts[0][1]
        document = json.loads(result.stdout)
        entries = document["tasks"] if command == "check" else document["overdue"]
        assert written in {
            text for entry in entries for text in entry["title"].values()
        }  # exact, for programs


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "github", "junit"])
def test_findings_quoting_hostile_text_come_out_inert(run: Run, write: Write, output_format: str) -> None:
    path = write(roadmap(task("T-1", "2026-03-31", department=f'"{HOSTILE}"', **{f'"{HOSTILE}"': "1"})))
    result = run("validate", str(path), "--format", output_format)
    assert result.exit_code == ExitCode.INVALID
    assert_inert(result.stdout + result.stderr)
    assert_well_formed(output_format, result.stdout, 2)


def test_inert_spells_out_every_unsafe_character() -> None:
    every = "".join(chr(code) for code in range(0x250)) + "\u061c\u200e\u200f\u202a\u202e\u2066\u2069\u2028"
    shown = inert(every)
    assert UNSAFE.search(shown) is None
    assert "\\x1b" in shown and "\\x9b" in shown and "\\u202e" in shown and "\\u2028" in shown


# ---- limits, at and just over --------------------------------------------------------------------


def nested(depth: int) -> str:
    return "a: " + "[" * (depth - 1) + "]" * (depth - 1) + "\n"


def aliases(copies: int) -> str:
    return "x: &x [1, 2, 3, 4, 5, 6, 7, 8, 9]\n" + "".join(f"y{index}: *x\n" for index in range(copies))


LIMIT_CASES = {
    "nesting at the limit": (nested(DEFAULT_LIMITS.max_depth), DEFAULT_LIMITS, None),
    "nesting just over": (
        nested(DEFAULT_LIMITS.max_depth + 1),
        DEFAULT_LIMITS,
        "nesting is deeper than the limit of 64",
    ),
    # Each alias of a 10-node list adds 10 nodes: 1,000 aliases are exactly the 10,000 allowed.
    "aliases at the limit": (aliases(1_000), DEFAULT_LIMITS, None),
    "aliases just over": (aliases(1_001), DEFAULT_LIMITS, "aliases expand to more than 10,000 nodes"),
    "a value at the limit": ("a: " + "x" * 100 + "\n", Limits(max_scalar_chars=100), None),
    "a value just over": (
        "a: " + "x" * 101 + "\n",
        Limits(max_scalar_chars=100),
        "a value of 101 characters is longer than the limit of 100",
    ),
}


@pytest.mark.parametrize(("text", "limits", "message"), LIMIT_CASES.values(), ids=LIMIT_CASES.keys())
def test_each_limit_holds_at_its_value_and_refuses_just_over(
    text: str, limits: Limits, message: str | None
) -> None:
    composed = compose(text, limits)
    assert (composed.problem.message if composed.problem else None) == message


def test_the_size_limit_at_and_just_over(tmp_path: Path) -> None:
    from roadmap_cli.errors import RoadmapError
    from roadmap_cli.load import load_roadmap

    limits = Limits(max_bytes=len(MINIMAL))
    path = tmp_path / "roadmap.yaml"
    path.write_bytes(MINIMAL)
    assert load_roadmap(path, limits=limits).roadmap is not None
    path.write_bytes(MINIMAL + b"\n")
    with pytest.raises(RoadmapError, match="the file is larger than the limit of 0 MiB"):
        load_roadmap(path, limits=limits)


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("1991-01-01", None),
        ("2100-12-31", None),
        (
            "1990-12-31",
            "1990-12-31 is outside the years a roadmap may name (1991–2100); is the year mistyped?",
        ),
        (
            "2101-01-01",
            "2101-01-01 is outside the years a roadmap may name (1991–2100); is the year mistyped?",
        ),
        (
            "IV квартал 2101 года",
            "2101-12-31 is outside the years a roadmap may name (1991–2100); is the year mistyped?",
        ),
    ],
)
def test_dates_stay_within_the_years_a_roadmap_may_name(day: str, message: str | None) -> None:
    # This bounds how many periods a recurring duty can have: 1,320 monthly ones at most.
    found = findings(roadmap(task("T-1", day)).encode())
    assert found == ([] if message is None else [(14, 15, f"task T-1 deadline: {message}")])


@pytest.mark.parametrize("output_format", ["table", "json", "markdown", "github", "junit"])
def test_a_diff_of_hostile_titles_comes_out_inert(run: Run, tmp_path: Path, output_format: str) -> None:
    from tests.test_diff import Repo

    repo = Repo(tmp_path / "repo")
    repo.commit(HEADER + task("T-1", "2026-03-31", "in_progress", department="roads"))
    repo.git("tag", "base")
    repo.write(hostile_roadmap())
    result = run("diff", "--base", "base", "--check", "--format", output_format, cwd=repo.root)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert_inert(result.stdout + result.stderr)
    assert_well_formed(output_format, result.stdout, 3)


def test_the_invisible_characters_cover_every_format_character_of_unicode() -> None:
    import sys
    import unicodedata

    from roadmap_cli.invisible import INVISIBLE

    format_characters = [
        chr(code) for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"
    ]
    assert [f"U+{ord(char):04X}" for char in format_characters if not INVISIBLE.fullmatch(char)] == []


INVISIBLE_ONLY = "\u200b\u2060\ufeff"


def test_a_text_of_invisible_characters_is_blank(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01", title=f'"{INVISIBLE_ONLY}"')))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.INVALID and "must not be empty" in result.stderr
    path = write(roadmap(task("T-1", "2026-03-01")))
    refused = run("cancel", "T-1", "--reason", INVISIBLE_ONLY, "--file", str(path))
    assert refused.exit_code == ExitCode.USAGE and "must not be empty" in refused.stderr


def test_invisible_characters_are_spelled_out_in_every_format(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01", title='"Sub\u00adstation\u200b \U000e0041"')))
    for output_format in ("table", "markdown", "github", "junit", "json"):
        result = run("check", str(path), "--as-of", "2026-04-01", "--format", output_format, "--lang", "en")
        assert not any(char in result.stdout for char in "\u00ad\u200b\U000e0041"), output_format
    table = run("status", str(path), "--as-of", "2026-04-01", env={"COLUMNS": "120"}).stdout
    assert "Sub\\xadstation\\u200b \\U000e0041" in table


def test_an_id_with_a_zero_width_space_shows_it(run: Run, write: Write) -> None:
    path = write(roadmap(task("SEZ-001\u200b", "2026-03-01")))
    result = run("validate", str(path))
    assert result.exit_code == ExitCode.INVALID
    assert "'SEZ-001\\u200b' is not a valid id" in result.stderr
