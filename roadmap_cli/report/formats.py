"""The `--format` choices and the renderer behind each; `table` is the commands' own text output."""

from __future__ import annotations

import json
import re
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


# json.dumps escapes C0 controls itself; these it leaves raw, and a terminal showing the output may
# act on them (C1 controls such as CSI, and bidi controls that reorder what is read).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _json(document: Document) -> str:
    # Outside strings a JSON text is ASCII, so every such character stands in a string, where an
    # escape means the same.
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


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
