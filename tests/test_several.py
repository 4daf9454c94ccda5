"""Several roadmaps at once: `status`, `check`, `validate` and `diff` on a directory or several files."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.helpers import HEADER, roadmap, task
from tests.test_diff import Repo

AS_OF = "2026-06-15"

# Two plans sharing the energy department: the SEZ roadmap and the industrial zones' plan.
SEZ = roadmap(
    task("S-1", "2026-05-31"),  # overdue
    task("S-2", "2026-06-20"),  # due soon
    task("S-3", "2026-09-30", department="roads"),
)
ZONES = HEADER.replace("id: demo", "id: zones").replace("Demo roadmap", "Industrial zones") + "".join(
    (
        task("Z-1", "2026-04-30", "done", completed="2026-04-20"),
        task("Z-2", "2026-06-01", department="roads"),  # overdue
    )
)


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    directory = tmp_path / "plans"
    directory.mkdir()
    (directory / "sez.yaml").write_text(SEZ, encoding="utf-8")
    (directory / "zones.yml").write_text(ZONES, encoding="utf-8")
    return directory


def status_json(run: Run, *args: str) -> dict[str, object]:
    result = run("status", *args, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_status_of_a_directory_adds_each_department_up_across_its_roadmaps(run: Run, plans: Path) -> None:
    data = status_json(run, str(plans))
    roadmaps = data["roadmaps"]
    assert isinstance(roadmaps, list)
    assert [each["file"] for each in roadmaps] == [str(plans / "sez.yaml"), str(plans / "zones.yml")]
    departments = {row["id"]: row for row in data["departments"]}  # type: ignore[attr-defined]
    assert departments["energy"]["tasks"] == 3 and departments["energy"]["done"] == 1
    assert departments["energy"]["overdue"] == 1 and departments["energy"]["due_soon"] == 1
    assert departments["roads"]["tasks"] == 2 and departments["roads"]["overdue"] == 1
    total = departments[None]
    assert (total["tasks"], total["done"], total["overdue"], total["percent_complete"]) == (5, 1, 2, 20)
    assert data["unread"] == [] and data["warnings"] == []


def test_status_table_shows_a_row_per_roadmap_and_the_departments_across_them(run: Run, plans: Path) -> None:
    result = run("status", "plans", "--as-of", AS_OF, env={"COLUMNS": "120"}, cwd=plans.parent)
    assert result.exit_code == 0
    out = result.stdout
    assert out.count("\n1 deadline overdue\n\n") == 2  # each roadmap's own screen, a blank line after
    summary = out[out.index("All roadmaps") :]
    assert re.search(r"plans/sez\.yaml\s+Demo roadmap\s+3\s+0\s", summary)
    assert re.search(r"plans/zones\.yml\s+Industrial zones\s+2\s+1\s", summary)
    across = summary[summary.index("Departments across the roadmaps") :]
    assert re.search(r"energy\s+.*\s3\s+1\s", across)
    assert re.search(r"Total\s+5\s+1\s", across)


def test_several_files_named_one_by_one_are_read_together(run: Run, plans: Path) -> None:
    data = status_json(run, str(plans / "zones.yml"), str(plans / "sez.yaml"))
    assert [each["file"] for each in data["roadmaps"]] == [  # type: ignore[attr-defined]
        str(plans / "zones.yml"),
        str(plans / "sez.yaml"),
    ]


def test_one_file_keeps_the_shape_of_one_roadmap(run: Run, plans: Path) -> None:
    data = status_json(run, str(plans / "sez.yaml"))
    assert "roadmaps" not in data and data["file"] == str(plans / "sez.yaml")


def test_a_directory_of_one_roadmap_still_gives_the_shape_of_several(run: Run, tmp_path: Path) -> None:
    # A script reading `status plans/ --format json` must not see the shape change with the count.
    (tmp_path / "only.yaml").write_text(SEZ, encoding="utf-8")
    assert len(status_json(run, str(tmp_path))["roadmaps"]) == 1  # type: ignore[arg-type]


def test_hidden_files_and_subdirectories_are_not_roadmaps(run: Run, plans: Path) -> None:
    (plans / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    (plans / "old").mkdir()
    (plans / "old" / "archived.yaml").write_text("not: a roadmap\n", encoding="utf-8")
    (plans / "notes.txt").write_text("minutes\n", encoding="utf-8")
    assert len(status_json(run, str(plans))["roadmaps"]) == 2  # type: ignore[arg-type]


def test_a_directory_without_roadmaps_is_said_and_exits_3(run: Run, tmp_path: Path) -> None:
    result = run("status", str(tmp_path))
    assert result.exit_code == 3
    assert result.stderr.strip() == f"roadmap: {tmp_path}: no roadmap files (*.yaml, *.yml) in this directory"


def test_a_department_named_otherwise_in_another_roadmap_is_warned_of_at_its_name(
    run: Run, plans: Path
) -> None:
    other = ZONES.replace("name: Roads", "name: Roads and bridges")
    (plans / "zones.yml").write_text(other, encoding="utf-8")
    result = run("status", str(plans), "--as-of", AS_OF)
    assert result.exit_code == 0
    line = next(line for line in other.splitlines() if "Roads and bridges" in line)
    number, column = other.splitlines().index(line) + 1, line.index("Roads") + 1
    assert (
        f"{plans / 'zones.yml'}:{number}:{column}: warning: department 'roads' is named "
        f'"Roads and bridges" here but "Roads" in {plans / "sez.yaml"}: one id is one department, '
        "so give it one name"
    ) in result.stderr
    warnings = status_json(run, str(plans))["warnings"]
    assert [(w["file"], w["code"], w["line"]) for w in warnings] == [  # type: ignore[attr-defined]
        (str(plans / "zones.yml"), "department-name-differs", number)
    ]


def test_a_name_given_per_language_agrees_with_the_same_name_given_once(run: Run, plans: Path) -> None:
    once = ZONES.replace("{kk: Энергетика басқармасы, ru: Управление энергетики}", "Управление энергетики")
    (plans / "zones.yml").write_text(once, encoding="utf-8")
    result = run("status", str(plans), "--as-of", AS_OF)
    assert "warning" not in result.stderr


def test_status_with_a_department_reads_the_roadmaps_that_have_it(run: Run, plans: Path) -> None:
    (plans / "zones.yml").write_text(ZONES.replace("energy", "industry"), encoding="utf-8")
    data = status_json(run, str(plans), "--department", "energy")
    assert [each["file"] for each in data["roadmaps"]] == [str(plans / "sez.yaml")]  # type: ignore[attr-defined]
    result = run("status", str(plans), "--department", "nobody")
    assert result.exit_code == 2 and "nobody" in result.stderr


def test_check_fails_when_any_roadmap_has_a_breach_naming_each_file_and_line(run: Run, plans: Path) -> None:
    result = run("check", str(plans), "--as-of", AS_OF)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    sez_line = SEZ.splitlines().index("  - id: S-1") + 1
    zones_line = ZONES.splitlines().index("  - id: Z-2") + 1
    assert lines[0].startswith(f"{plans / 'sez.yaml'}:{sez_line}:5: S-1 (energy)")
    assert any(line.startswith(f"{plans / 'zones.yml'}:{zones_line}:5: Z-2 (roads)") for line in lines)
    assert f"{plans / 'sez.yaml'}: 1 deadline overdue, 1 due within 14 days" in result.stderr
    assert f"{plans / 'zones.yml'}: 1 deadline overdue, 0 due within 14 days" in result.stderr


def test_check_passes_when_no_roadmap_has_a_breach(run: Run, plans: Path) -> None:
    assert run("check", str(plans), "--as-of", "2026-04-01").exit_code == 0


def test_an_invalid_roadmap_among_several_exits_3_and_the_others_are_still_checked(
    run: Run, plans: Path
) -> None:
    (plans / "broken.yaml").write_text("roadmap: [\n", encoding="utf-8")
    result = run("check", str(plans), "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["unread"] == [str(plans / "broken.yaml")] and data["failed"] is True
    assert len(data["roadmaps"]) == 2
    assert f"{plans / 'broken.yaml'}:" in result.stderr


def test_a_missing_file_among_several_ends_the_command(run: Run, plans: Path) -> None:
    result = run("check", str(plans / "sez.yaml"), str(plans / "typo.yaml"))
    assert result.exit_code == 3 and result.stdout == ""
    assert "typo.yaml" in result.stderr


def test_validate_reads_a_directory(run: Run, plans: Path) -> None:
    result = run("validate", str(plans), "--format", "json")
    assert result.exit_code == 0
    assert [file["file"] for file in json.loads(result.stdout)["files"]] == [
        str(plans / "sez.yaml"),
        str(plans / "zones.yml"),
    ]


@pytest.mark.parametrize("output_format", ["markdown", "github", "junit"])
def test_every_format_names_each_roadmap_and_its_breaches(run: Run, plans: Path, output_format: str) -> None:
    result = run("check", str(plans), "--as-of", AS_OF, "--format", output_format)
    assert result.exit_code == 1
    for file, task_id in (("sez.yaml", "S-1"), ("zones.yml", "Z-2")):
        shown = task_id.replace("-", "\\-") if output_format == "markdown" else task_id
        assert str(plans / file) in result.stdout and shown in result.stdout


def test_markdown_status_of_several_ends_with_what_they_come_to(run: Run, plans: Path) -> None:
    result = run("status", str(plans), "--as-of", AS_OF, "--format", "markdown")
    out = result.stdout
    assert out.startswith("## Demo roadmap · `")
    tail = out[out.index("## All roadmaps") :]
    assert "| Total | 5 | 1 |" in tail
    assert "### Departments across the roadmaps" in tail


# ---- diff on a directory -------------------------------------------------------------------------


@pytest.fixture
def plans_repo(tmp_path: Path) -> Repo:
    repository = Repo(tmp_path / "repo")
    repository.write(SEZ, "plans/sez.yaml")
    repository.write(ZONES, "plans/zones.yaml")
    repository.write(SEZ.replace("id: demo", "id: old"), "plans/old.yaml")
    repository.git("add", "-A")
    repository.git("commit", "-q", "-m", "plans")
    return repository


def test_diff_on_a_directory_reports_each_roadmaps_changes_and_the_removed_ones(
    run: Run, plans_repo: Repo
) -> None:
    plans_repo.write(SEZ.replace("2026-09-30", "2026-12-31"), "plans/sez.yaml")
    plans_repo.git("rm", "-q", "plans/old.yaml")
    plans_repo.git("mv", "plans/zones.yaml", "plans/industrial-zones.yaml")
    result = run("diff", "plans", "--check", "--format", "json", cwd=plans_repo.root)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [each["file"] for each in data["roadmaps"]] == ["plans/industrial-zones.yaml", "plans/sez.yaml"]
    moved = data["roadmaps"][1]["changes"]
    assert [(change["kind"], change["task"]) for change in moved] == [("deadline-later", "S-3")]
    assert data["roadmaps"][1]["violations"][0]["task"] == "S-3"
    assert data["removed"] == ["plans/old.yaml"]  # the renamed file is not removed
    assert "plans/old.yaml: removed since HEAD" in result.stderr


def test_removing_a_roadmap_file_fails_the_policy_check(run: Run, plans_repo: Repo) -> None:
    plans_repo.git("rm", "-q", "plans/old.yaml")
    assert run("diff", "plans", cwd=plans_repo.root).exit_code == 0
    checked = run("diff", "plans", "--check", cwd=plans_repo.root)
    assert checked.exit_code == 1 and "plans/old.yaml: removed since HEAD" in checked.stderr


def test_diff_on_a_directory_between_two_revisions(run: Run, plans_repo: Repo) -> None:
    plans_repo.write(ZONES.replace("2026-06-01", "2026-05-01"), "plans/zones.yaml")
    plans_repo.write(SEZ, "plans/new.yaml")
    plans_repo.git("add", "-A")
    plans_repo.git("commit", "-q", "-m", "earlier")
    result = run(
        "diff", "plans", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", cwd=plans_repo.root
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    files = [each["file"] for each in data["roadmaps"]]
    assert files == ["plans/new.yaml", "plans/old.yaml", "plans/sez.yaml", "plans/zones.yaml"]
    assert [change["kind"] for change in data["roadmaps"][3]["changes"]] == ["deadline-earlier"]
    assert "plans/new.yaml: did not exist at HEAD~1; every task counts as added" in result.stderr


def test_a_fifo_named_like_a_roadmap_in_the_directory_is_not_read(run: Run, plans: Path) -> None:
    # Opening a FIFO would wait for a writer forever: only regular files are roadmaps.
    os.mkfifo(plans / "pipe.yaml")
    assert len(status_json(run, str(plans))["roadmaps"]) == 2  # type: ignore[arg-type]
