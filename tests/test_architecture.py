"""The layers hold: the core knows neither the CLI, the terminal, the reports nor the editing; renderers
see documents only; the commands know no Typer; `check` does not load what only other commands use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, SAMPLE

PACKAGE = REPO / "roadmap_cli"


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_module_name(path) for path in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, at its top or inside a function (absolute names)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            for alias in node.names:
                # `from roadmap_cli.report import table` imports the module roadmap_cli.report.table
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in NAMES else node.module)
    return found


MODULES = {_module_name(path): _imports(path) for path in PACKAGE.rglob("*.py")}


def _layer(name: str) -> str:
    parts = name.split(".")
    if len(parts) > 1 and parts[1] in ("commands", "report", "editing", "cli", "intake"):
        return parts[1]
    if parts[:2] in (["roadmap_cli", "messages"], ["roadmap_cli", "invisible"]):
        return "text"  # how text is put into words and made safe to show: every layer may use it
    if name == "roadmap_cli.__main__":
        return "cli"
    return "core"


def _imported_layers(name: str) -> set[str]:
    """The project layers and the outside packages (typer, rich...) that module `name` imports."""
    layers = set()
    for imported in MODULES[name]:
        top = imported.split(".")[0]
        layers.add(_layer(imported) if top == "roadmap_cli" else top)
    return layers


def _modules_in(layer: str) -> list[str]:
    return sorted(name for name in MODULES if _layer(name) == layer)


def test_every_layer_has_modules() -> None:
    # A guard for the tests below: a renamed package must not leave them checking nothing.
    layers = ("core", "commands", "report", "editing", "cli", "text", "intake")
    assert all(_modules_in(layer) for layer in layers)


@pytest.mark.parametrize("name", _modules_in("core") + _modules_in("text"))
def test_the_core_imports_neither_commands_reports_editing_nor_the_terminal(name: str) -> None:
    forbidden = {"commands", "report", "editing", "intake", "cli", "typer", "rich", "click"}
    assert not _imported_layers(name) & forbidden


@pytest.mark.parametrize("name", _modules_in("editing"))
def test_editing_is_core_work_that_reports_nothing(name: str) -> None:
    assert not _imported_layers(name) & {"commands", "report", "cli", "typer", "rich", "click"}


@pytest.mark.parametrize("name", _modules_in("intake"))
def test_intake_reads_documents_in_and_reports_nothing(name: str) -> None:
    # Taking a plan in is core work on office files: it may write YAML the way edits do, never say
    # anything itself (the command does) and never render a report.
    assert not _imported_layers(name) & {"commands", "report", "cli", "typer", "rich", "click"}


DOCUMENT_MODULES = ("roadmap_cli.report.document", "roadmap_cli.report.build")


@pytest.mark.parametrize("name", [name for name in _modules_in("report") if name not in DOCUMENT_MODULES])
def test_renderers_see_documents_only(name: str) -> None:
    # The document modules are where the core's results become documents; every other report module
    # renders those documents and may not reach past them into the core.
    assert _imported_layers(name) & {"core", "editing", "commands", "cli"} == set()
    assert "roadmap_cli.report.build" not in MODULES[name]


@pytest.mark.parametrize("name", _modules_in("commands"))
def test_commands_know_no_typer(name: str) -> None:
    assert not _imported_layers(name) & {"cli", "typer", "click", "rich"}


def loaded_modules(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return set(completed.stdout.split())


def _modules_of(*argv: str) -> set[str]:
    return loaded_modules(
        f"import sys\nfrom roadmap_cli.cli import run\nsys.argv = ['roadmap', *{list(argv)!r}]\nrun()"
    )


def test_check_imports_only_what_it_needs() -> None:
    # A regression guard for speed that times nothing: what a command imports, it pays for at every run.
    modules = _modules_of("check", str(SAMPLE), "--as-of", "2026-01-01")
    assert "roadmap_cli.load" in modules  # it did run
    assert not {module for module in modules if module.startswith("rich")}
    assert not {module for module in modules if module.startswith("roadmap_cli.editing")}
    assert "roadmap_cli.report.table" not in modules
    office = {"docx", "openpyxl", "jinja2", "lxml"}
    assert not {module for module in modules if module.split(".")[0] in office}


def test_each_office_format_imports_only_its_own_library(tmp_path: Path) -> None:
    word = _modules_of("report", str(SAMPLE), "-o", str(tmp_path / "report.docx"))
    assert "docx" in word and not {module for module in word if module.startswith("openpyxl")}
    excel = _modules_of("report", str(SAMPLE), "-o", str(tmp_path / "report.xlsx"))
    assert "openpyxl" in excel and "docx" not in excel
    page = _modules_of("report", str(SAMPLE), "--kind", "brief", "-o", str(tmp_path / "brief.html"))
    assert "jinja2" in page and "docx" not in page and "openpyxl" not in page
    assert not {module for module in word | excel if module.startswith("rich")}


def test_status_as_json_does_not_import_rich() -> None:
    modules = _modules_of("status", str(SAMPLE), "--format", "json")
    assert "roadmap_cli.report.json" in modules
    assert not {module for module in modules if module.startswith("rich")}
