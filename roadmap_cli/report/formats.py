"""The `--format` choices and the renderer behind each; `table` is the commands' own text output."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import assert_never

from roadmap_cli.report.document import Document


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"
    JUNIT = "junit"


def default_format(environ: Mapping[str, str]) -> OutputFormat:
    """github inside GitHub Actions (annotations land on the YAML lines), else table."""
    return OutputFormat.GITHUB if environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.TABLE


def _json(document: Document) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def renderer(output_format: OutputFormat) -> Callable[[Document], str]:
    """The function that turns a command's document into text in this format."""
    if output_format is OutputFormat.JSON:
        return _json
    if output_format is OutputFormat.MARKDOWN:
        from roadmap_cli.report import markdown

        return markdown.render
    if output_format is OutputFormat.GITHUB:
        from roadmap_cli.report import github

        return github.render
    if output_format is OutputFormat.JUNIT:
        from roadmap_cli.report import junit

        return junit.render
    if output_format is OutputFormat.TABLE:
        raise ValueError("the table format is each command's own output, not a document renderer")
    assert_never(output_format)
