"""Every format renders the same document, and the bugs of the old two-path design stay fixed:
a reader who leaves the pipe, Markdown without a row limit, untranslated changes, a translated
word in a machine field, the missing fallback marker, a diff heading put together from fragments."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from roadmap_cli import messages
from roadmap_cli.analysis import Window, check_deadlines, status_report
from roadmap_cli.diff import compare, violations
from roadmap_cli.errors import ExitCode
from roadmap_cli.gate import FailOn
from roadmap_cli.load import load_bytes, load_roadmap
from roadmap_cli.report.build import (
    check_document,
    diff_document,
    several_document,
    status_document,
    validate_document,
)
from roadmap_cli.report.document import Document
from roadmap_cli.report.formats import OutputFormat, render
from tests.conftest import EXAMPLES, SAMPLE, Run, Write
from tests.helpers import roadmap, task
from tests.test_diff import Repo

AS_OF = "2026-06-01"


def _late_roadmap(count: int) -> str:
    """`count` overdue tasks, each due before the task it depends on (a warning for `validate`)."""
    return roadmap(
        *(
            task(f"T-{number}", f"2026-01-{1 + number % 28:02d}", depends_on=f"[T-{number + 1}]")
            for number in range(count)
        ),
        task(f"T-{count}", "2026-12-31"),
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """A repository whose roadmap was empty at `base` and now has 1,500 overdue tasks."""
    repo = Repo(tmp_path_factory.mktemp("pipes") / "repo")
    repo.commit(roadmap(task("T-0", "2026-01-01")), "base")
    repo.git("tag", "base")
    repo.write(_late_roadmap(1_500))
    return repo


COMMANDS = {
    "check": (["check", "roadmap.yaml", "--as-of", AS_OF], ExitCode.BREACHES),
    "status": (["status", "roadmap.yaml", "--as-of", AS_OF, "--all"], ExitCode.OK),
    "validate": (["validate", "roadmap.yaml"], ExitCode.OK),
    "diff": (["diff", "roadmap.yaml", "--base", "base"], ExitCode.OK),
}


@pytest.mark.parametrize("output_format", list(OutputFormat))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_reader_who_leaves_ends_only_the_output(
    big: Repo, command: str, output_format: OutputFormat
) -> None:
    # `roadmap check | true`: the read end is closed before the first byte is written.
    args, code = COMMANDS[command]
    argv = [sys.executable, "-m", "roadmap_cli", *args, "--format", output_format.value]
    process = subprocess.Popen(argv, cwd=big.root, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert b"Traceback" not in stderr and b"internal error" not in stderr
    assert len(stderr.decode().splitlines()) <= 2  # the command's own summary, if it has one


def test_check_piped_to_head_exits_1_with_one_line(big: Repo) -> None:
    command = f"{sys.executable} -m roadmap_cli check roadmap.yaml --as-of {AS_OF}"
    script = f"{command} | head -1; exit ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", script], cwd=big.root, capture_output=True, text=True, timeout=60)
    assert result.returncode == ExitCode.BREACHES
    assert result.stdout.count("\n") == 1 and "T-" in result.stdout
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def _markdown_rows(text: str, prefix: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(prefix)]


@pytest.mark.parametrize("command", ["check", "status"])
def test_markdown_shows_the_worst_20_of_each_list_for_every_command(
    run: Run, big: Repo, command: str
) -> None:
    path = str(big.root / "roadmap.yaml")
    shown = run(command, path, "--as-of", AS_OF, "--format", "markdown").stdout
    assert len(_markdown_rows(shown, "| T\\-")) == 20
    assert f"_... and 1,480 more: roadmap {command} --all shows every one_" in shown
    assert len(shown) < 65_536  # fits a pull-request comment
    every = run(command, path, "--as-of", AS_OF, "--format", "markdown", "--all").stdout
    assert len(_markdown_rows(every, "| T\\-")) == 1_500


def test_markdown_diff_shows_the_first_20_changes(run: Run, big: Repo) -> None:
    shown = run("diff", "--base", "base", "--format", "markdown", cwd=big.root).stdout
    assert len(_markdown_rows(shown, "| energy |")) == 20
    assert "roadmap diff --all shows every one" in shown
    every = run("diff", "--base", "base", "--format", "markdown", "--all", cwd=big.root).stdout
    assert len(_markdown_rows(every, "| energy |")) == 1_500  # T-0 changed, 1,499 added, T-1500 added


@pytest.fixture
def moved(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.commit(roadmap(task("T-1", "2026-03-01")), "base")
    repo.git("tag", "base")
    repo.write(roadmap(task("T-1", "2026-05-01")))
    return repo


def test_diff_changes_are_translated_in_every_format(run: Run, moved: Repo) -> None:
    def shown(output_format: str) -> str:
        result = run("diff", "--base", "base", "--lang", "ru", "--format", output_format, cwd=moved.root)
        assert result.exit_code == ExitCode.OK
        return result.stdout

    expected = "T-1: срок перенесён позже: 01.03.2026 -> 01.05.2026 (+61 день)"
    assert expected in shown("table")
    assert "срок перенесён позже\\: 01.03.2026 \\-&gt; 01.05.2026" in shown("markdown").replace("\\.", ".")
    assert "deadline\\-later" not in shown("markdown")
    assert expected in shown("github") and "deadline-later" not in shown("github")
    assert expected.replace(">", "&gt;") in shown("junit")
    machine = json.loads(shown("json"))["changes"][0]
    assert (machine["kind"], machine["old"], machine["new"]) == ("deadline-later", "2026-03-01", "2026-05-01")


@pytest.mark.parametrize(
    ("language", "table", "markdown"),
    [
        ("en", "changes from base to the working tree", "## Roadmap changes: base → working tree"),
        ("ru", "изменения от base до рабочей копии", "## Изменения дорожной карты: base → рабочая копия"),
        (
            "kk",
            "base нұсқасынан жұмыс көшірмесіне дейінгі өзгерістер",
            "## Жол картасының өзгерістері: base → жұмыс көшірмесі",
        ),
    ],
)
def test_the_working_tree_is_a_literal_in_json_and_a_whole_phrase_for_people(
    run: Run, moved: Repo, language: str, table: str, markdown: str
) -> None:
    def shown(*args: str) -> str:
        return run("diff", "--base", "base", "--lang", language, *args, cwd=moved.root).stdout

    assert json.loads(shown("--format", "json"))["head"] == "working-tree"
    assert table in shown().splitlines()[0]
    assert markdown in shown("--format", "markdown").splitlines()
    assert json.loads(shown("--head", "HEAD", "--format", "json"))["head"] == "HEAD"


def test_a_title_in_another_language_is_marked_in_the_table_and_in_markdown(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01", title="{ru: Построить подстанцию}")))
    # Markdown escapes the brackets of a cell, so that they render as themselves.
    for output_format, marked in (
        ("table", "Построить подстанцию (ru)"),
        ("markdown", r"Построить подстанцию \(ru\)"),
    ):
        arguments = ("status", str(path), "--as-of", AS_OF, "--lang", "kk", "--format", output_format)
        assert marked in run(*arguments, env={"COLUMNS": "120"}).stdout


def _documents() -> dict[str, Document]:
    loaded = load_roadmap(SAMPLE)
    assert loaded.roadmap is not None
    day = date(2026, 11, 26)
    base = load_bytes(SAMPLE.read_bytes().replace(b"2026-07-31", b"2026-05-31"), "base").roadmap
    assert base is not None
    plan = load_roadmap(EXAMPLES / "valid" / "sez-plan.yaml")
    assert plan.roadmap is not None
    reports = [
        (each, status_report(each.roadmap, day)) for each in (loaded, plan) if each.roadmap is not None
    ]
    checks = [
        check_document(each, check_deadlines(each.roadmap, day, Window(), FailOn.OVERDUE))
        for each in (loaded, plan)
        if each.roadmap is not None
    ]
    changes = diff_document(
        loaded,
        "base",
        None,
        compare(base, loaded.roadmap),
        violations(base, loaded.roadmap, day, loaded.position),
    )
    statuses = [status_document(*each) for each in reports]
    return {
        "validate": validate_document([load_roadmap(EXAMPLES / "invalid" / "unknown-key.yaml")]),
        "check": checks[0],
        "status": statuses[0],
        "diff": changes,
        "several-status": several_document("status", statuses, [loaded, plan], reports),
        "several-check": several_document("check", checks, [loaded, plan]),
        "several-diff": several_document("diff", [changes], [loaded]),
    }


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize("output_format", list(OutputFormat))
@pytest.mark.parametrize(
    "kind", ["validate", "check", "status", "diff", "several-status", "several-check", "several-diff"]
)
def test_every_format_renders_every_document_and_names_what_it_is_about(
    kind: str, output_format: OutputFormat, language: str
) -> None:
    messages.use(language)
    document = _documents()[kind]
    text = render(document, output_format, None)
    facts = json.loads(render(document, OutputFormat.JSON, None))
    if kind.startswith("several-"):  # what each roadmap's own document names
        kind, parts = kind.removeprefix("several-"), facts["roadmaps"]
        named = [name for part in parts for name in _named(kind, part)]
        assert len(parts) == (1 if kind == "diff" else 2)
    else:
        named = _named(kind, facts)
    assert named, "the example must give every document something to say"
    # What each format does to text (Markdown's backslashes, XML's and HTML's entities) undone:
    plain = text.replace("\\", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    assert [name for name in named if name not in plain] == []


def _named(kind: str, facts: dict[str, Any]) -> list[str]:
    """What a document in JSON names that every format must show: the overdue tasks, the changes,
    the findings."""
    if kind == "check":
        return [row["id"] for row in facts["tasks"] if row["state"] == "overdue"]
    if kind == "status":
        return [row["id"] for row in facts["overdue"]]
    if kind == "diff":
        return [change["task"] for change in facts["changes"]] + [v["message"] for v in facts["violations"]]
    return [finding["message"] for finding in facts["files"][0]["findings"]]


def test_markdown_of_a_huge_roadmap_fits_a_pull_request_comment(run: Run, write: Write) -> None:
    departments = "".join(f"  - id: d-{number}\n    name: Department {number}\n" for number in range(3_000))
    text = roadmap(task("T-1", "2026-03-01", title="x" * 99_999)).replace(
        "departments:\n", "departments:\n" + departments
    )
    path = write(text)
    shown = run("status", str(path), "--as-of", AS_OF, "--format", "markdown").stdout
    assert len(shown) <= 60_000
    assert "x" * 299 + "…" in shown and "x" * 301 not in shown
    assert "_... and 2,983 more: roadmap status --all shows every one_" in shown
    every = run("status", str(path), "--as-of", AS_OF, "--format", "markdown", "--all").stdout
    assert len([line for line in every.splitlines() if line.startswith("| d\\-")]) == 3_000


def test_a_path_in_a_markdown_code_span_shows_no_backslashes(run: Run, write: Write) -> None:
    path = write(roadmap(task("T-1", "2026-03-01")), "data/road_map.yaml")
    shown = run("validate", str(path), "--format", "markdown").stdout
    assert f"`{path}`: valid" in shown


def test_markdown_that_would_still_be_too_long_is_cut_at_a_line_and_says_so() -> None:
    # Rows and cells are bounded already; this is the net under them (long ids, long wordings).
    from roadmap_cli.report.markdown import MAX_DOCUMENT, _bounded

    text = "".join(f"| T-{number} | {'ж' * 200} |\n" for number in range(1_000))
    cut = _bounded(text, "status")
    assert len(cut) <= MAX_DOCUMENT
    assert cut.endswith(
        "\n_... the rest is cut to fit a pull-request comment: roadmap status --all shows everything_\n"
    )
    assert all(line.endswith(" |") for line in cut.splitlines()[:-2])  # whole lines only
    assert _bounded("short\n", "status") == "short\n"
