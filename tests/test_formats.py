"""Every output format, parsed back, with text from the file that tries to escape its place."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from pathlib import Path

import pytest

from roadmap_cli.errors import ExitCode
from roadmap_cli.report.formats import OutputFormat
from tests.conftest import SAMPLE, Run
from tests.helpers import roadmap, task

HOSTILE_TITLE = (
    r'"Evil\n::add-mask::secret\n::set-output name=x::y <script>alert(1)</script> '
    r'[link](http://evil.example) ![img](http://evil.example/i.png) | cell & \e[31m"'
)
Write = Callable[..., Path]


@pytest.fixture
def hostile(write: Write) -> Path:
    return write(
        roadmap(
            task("T-1", "2026-03-31", "in_progress", title=HOSTILE_TITLE),
            task("T-2", "2026-04-03"),
            task("T-3", "2026-01-31", "cancelled", reason="Merged"),
        )
    )


def test_github_annotations_land_on_the_task_and_text_cannot_start_a_command(run: Run, hostile: Path) -> None:
    result = run("check", str(hostile), "--as-of", "2026-04-01", "--format", "github")
    assert result.exit_code == ExitCode.BREACHES
    file = str(hostile).replace(":", "%3A").replace(",", "%2C")
    assert result.stdout.splitlines() == [
        f"::error file={file},line=11,col=5,title=Deadline missed::"
        "T-1 (energy) was due 2026-03-31, 1 day overdue",
        f"::warning file={file},line=16,col=5,title=Deadline soon::T-2 (energy) is due 2026-04-03, in 2 days",
    ]


def test_github_diff_annotation_escapes_newlines_in_messages() -> None:
    from roadmap_cli.findings import Position
    from roadmap_cli.report.github import annotation

    line = annotation("error", "a,b:c.yaml", Position(3, 7), "x\n::add-mask::s 100%", "T: 1")
    assert line == "::error file=a%2Cb%3Ac.yaml,line=3,col=7,title=T%3A 1::x\\x0a::add-mask::s 100%25"
    assert "\n" not in line


def test_markdown_escapes_titles_and_puts_overdue_work_first(run: Run, hostile: Path) -> None:
    result = run("check", str(hostile), "--as-of", "2026-04-01", "--format", "markdown")
    assert result.exit_code == ExitCode.BREACHES
    lines = result.stdout.splitlines()
    assert lines[0] == "## Roadmap check: 1 overdue, 1 due soon"
    assert lines[4] == "### Overdue (1)"
    row = lines[8]
    assert row.startswith(r"| T\-1 | energy | Evil\\x0a\:\:add\-mask\:\:secret")
    assert "&lt;script&gt;" in row and "<script>" not in result.stdout
    assert "](http" not in result.stdout and "\\[link\\]\\(http" in row
    assert row.count(" | ") == 5  # the '|' in the title did not open a new cell
    assert "\x1b" not in result.stdout
    assert lines.index("### Due within 14 days (1)") > lines.index("### Overdue (1)")


def test_markdown_status_shows_the_worst_20_and_all_with_all(run: Run, write: Write) -> None:
    # A pull-request comment holds 65,536 characters: a list of every late task of a large roadmap
    # would not fit, and nobody reads it there.
    late = [task(f"T-{number}", f"2026-01-{1 + number % 28:02d}") for number in range(1_030)]
    path = write(roadmap(*late))
    shown = run("status", str(path), "--as-of", "2026-04-01", "--format", "markdown").stdout.splitlines()
    rows = [line for line in shown if line.startswith("| T\\-")]
    assert len(rows) == 20 and rows[0].startswith("| T\\-0 |")  # the latest first: 1 January
    assert "_... and 1,010 more: roadmap status --all shows every one_" in shown
    everything = run("status", str(path), "--as-of", "2026-04-01", "--format", "markdown", "--all").stdout
    assert len([line for line in everything.splitlines() if line.startswith("| T\\-")]) == 1_030
    assert "more:" not in everything


def test_junit_parses_back_with_one_case_per_task(run: Run, hostile: Path) -> None:
    result = run("check", str(hostile), "--as-of", "2026-04-01", "--format", "junit")
    assert result.exit_code == ExitCode.BREACHES
    root = ElementTree.fromstring(result.stdout.encode())
    [suite] = root.findall("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("3", "1", "1")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"T-1", "T-2", "T-3"}
    failure = cases["T-1"].find("failure")
    assert failure is not None and failure.get("message") == "T-1 (energy) was due 2026-03-31, 1 day overdue"
    assert cases["T-1"].get("line") == "11"


def test_junit_carries_hostile_text_from_findings_intact(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-31", **{"<x>&\"'": "1"})))
    result = run("validate", str(path), "--format", "junit")
    assert result.exit_code == ExitCode.INVALID
    root = ElementTree.fromstring(result.stdout.encode())
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "16:5: task T-1: unknown key '<x>&\"''"


def test_json_is_a_versioned_document(run: Run, hostile: Path) -> None:
    result = run("check", str(hostile), "--as-of", "2026-04-01", "--format", "json")
    document = json.loads(result.stdout)
    assert (document["schema"], document["version"], document["command"]) == ("roadmap-report", 1, "check")
    assert document["summary"] == {"tasks": 3, "deadlines": 3, "overdue": 1, "due_soon": 1, "at_risk": 0}
    assert document["failed"] is True
    first = document["tasks"][0]
    assert (first["id"], first["state"], first["days_overdue"], first["line"]) == ("T-1", "overdue", 1, 11)
    assert first["title"]["any"].startswith("Evil\n::add-mask::")  # JSON keeps the text exactly
    assert [entry["state"] for entry in document["tasks"]] == ["overdue", "due-soon", "cancelled"]


def test_github_is_the_default_inside_github_actions(run: Run, hostile: Path) -> None:
    result = run("check", str(hostile), "--as-of", "2026-04-01", env={"GITHUB_ACTIONS": "true"})
    assert result.stdout.startswith("::error file=")
    plain = run(
        "check",
        str(hostile),
        "--as-of",
        "2026-04-01",
        env={"GITHUB_ACTIONS": "true"},
    )
    assert plain.stdout == result.stdout
    explicit = run(
        "check", str(hostile), "--as-of", "2026-04-01", "-f", "table", env={"GITHUB_ACTIONS": "true"}
    )
    assert explicit.stdout.startswith(f"{hostile}:11:5: T-1")


MACHINE_FORMATS = [member.value for member in OutputFormat if member is not OutputFormat.TABLE]
COMMANDS = [
    ["validate", str(SAMPLE)],
    ["status", str(SAMPLE), "--as-of", "2026-11-26"],
    ["check", str(SAMPLE), "--as-of", "2026-11-26"],
]


def parses(output_format: str, text: str) -> bool:
    if output_format == "json":
        return isinstance(json.loads(text), dict)
    if output_format == "junit":
        return ElementTree.fromstring(text.encode()).tag == "testsuites"
    if output_format == "github":
        return all(line.startswith("::") for line in text.splitlines())
    return text.startswith("## ")


@pytest.mark.parametrize("output_format", MACHINE_FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=[args[0] for args in COMMANDS])
def test_every_format_serves_every_command(run: Run, output_format: str, args: list[str]) -> None:
    result = run(*args, "--format", output_format)
    assert result.exit_code in (ExitCode.OK, ExitCode.BREACHES)
    assert "Traceback" not in result.stderr
    assert parses(output_format, result.stdout)
