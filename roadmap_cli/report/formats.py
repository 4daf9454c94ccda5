"""The `--format` choices, and the one dispatch from a format and a document to its text."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:  # the CLI reads the choices below before it knows whether anything is reported
    from roadmap_cli.report.document import Document


class OutputFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    GITHUB = "github"
    JUNIT = "junit"


class ReportKind(StrEnum):
    """What `roadmap report` writes: the execution report, or the brief for the meeting."""

    EXECUTION = "execution"
    BRIEF = "brief"


class ReportFormat(StrEnum):
    """The files `roadmap report` writes, for people who read them in Word, Excel or a browser."""

    DOCX = "docx"
    XLSX = "xlsx"
    HTML = "html"


class DigestFormat(StrEnum):
    """What `roadmap remind` writes each department's reminder as."""

    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    EML = "eml"  # an RFC 5322 message with a plain-text and an HTML part
    JSON = "json"


# The file name ending of each reminder written to a directory.
DIGEST_SUFFIXES = {
    DigestFormat.TEXT: "txt",
    DigestFormat.MARKDOWN: "md",
    DigestFormat.HTML: "html",
    DigestFormat.EML: "eml",
    DigestFormat.JSON: "json",
}


# The formats each kind is written in; the first is the default when a file's name says none.
REPORT_FORMATS = {
    ReportKind.EXECUTION: (ReportFormat.DOCX, ReportFormat.XLSX),
    ReportKind.BRIEF: (ReportFormat.HTML,),
}


def default_format(environ: Mapping[str, str]) -> OutputFormat:
    """github inside GitHub Actions (annotations land on the YAML lines), else table."""
    return OutputFormat.GITHUB if environ.get("GITHUB_ACTIONS") == "true" else OutputFormat.TABLE


def render(document: Document, output_format: OutputFormat, limit: int | None) -> str:
    """The document in this format. `limit` is how many rows a list read by people shows (None: all);
    the formats read by machines always hold every row.

    Each renderer is imported only when its format is asked for: rich, for one, costs a run of
    `check` a fifth of its time.
    """
    match output_format:
        case OutputFormat.TABLE:
            from roadmap_cli.report.document import SeveralDocument, StatusDocument

            if isinstance(document, StatusDocument) or (
                isinstance(document, SeveralDocument) and document.command == "status"
            ):
                from roadmap_cli.report import table

                return table.render(document, limit)
            from roadmap_cli.report import text

            return text.render(document)
        case OutputFormat.JSON:
            from roadmap_cli.report import json

            return json.render(document)
        case OutputFormat.MARKDOWN:
            from roadmap_cli.report import markdown

            return markdown.render(document, limit)
        case OutputFormat.GITHUB:
            from roadmap_cli.report import github

            return github.render(document)
        case OutputFormat.JUNIT:
            from roadmap_cli.report import junit

            return junit.render(document)
        case _:
            assert_never(output_format)
