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
    "roadmap_cli.report.lines",
]


def loaded_modules(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(completed.stdout.split())


def test_the_core_imports_neither_typer_nor_rich() -> None:
    modules = loaded_modules("\n".join(f"import {module}" for module in CORE))
    assert not {module for module in modules if module.split(".")[0] in ("typer", "rich", "click")}


def test_check_does_not_import_rich() -> None:
    modules = loaded_modules(
        "import sys\nfrom roadmap_cli.cli import main\n"
        f"sys.argv = ['roadmap', 'check', {str(SAMPLE)!r}, '--as-of', '2026-01-01']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass"
    )
    assert "roadmap_cli.load" in modules  # it did run
    assert not {module for module in modules if module.startswith("rich")}
