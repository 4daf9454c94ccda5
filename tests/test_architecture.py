"""The core stays free of the CLI and the terminal; `check` does not load the table machinery."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import SAMPLE

CORE = [
    "roadmap_cli.model",
    "roadmap_cli.source",
    "roadmap_cli.load",
    "roadmap_cli.rules",
    "roadmap_cli.dates",
    "roadmap_cli.analysis",
    "roadmap_cli.discover",
    "roadmap_cli.findings",
    "roadmap_cli.errors",
    "roadmap_cli.gate",
    "roadmap_cli.diff",
    "roadmap_cli.git",
    "roadmap_cli.revisions",
    "roadmap_cli.edit",
    "roadmap_cli.operations",
    "roadmap_cli.storage",
    "roadmap_cli.reformat",
    "roadmap_cli.wording",
    "roadmap_cli.recurrence",
    "roadmap_cli.workdays",
    "roadmap_cli.messages",
    "roadmap_cli.report.lines",
]


def loaded_modules(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(completed.stdout.split())


def test_the_core_imports_neither_typer_nor_rich() -> None:
    modules = loaded_modules("\n".join(f"import {module}" for module in CORE))
    assert not {module for module in modules if module.split(".")[0] in ("typer", "rich", "click")}


def _modules_of(*argv: str) -> set[str]:
    return loaded_modules(
        f"import sys\nfrom roadmap_cli.cli import run\nsys.argv = ['roadmap', *{list(argv)!r}]\nrun()"
    )


def test_check_imports_only_what_it_needs() -> None:
    # A regression guard for speed that times nothing: what a command imports, it pays for at every run.
    modules = _modules_of("check", str(SAMPLE), "--as-of", "2026-01-01")
    assert "roadmap_cli.load" in modules  # it did run
    assert not {module for module in modules if module.startswith("rich")}
    assert not {"roadmap_cli.edit", "roadmap_cli.reformat", "roadmap_cli.report.table"} & modules


def test_status_as_json_does_not_import_rich() -> None:
    modules = _modules_of("status", str(SAMPLE), "--format", "json")
    assert "roadmap_cli.report.document" in modules
    assert not {module for module in modules if module.startswith("rich")}
