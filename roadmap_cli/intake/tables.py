"""The tables of a plan as it arrives: a Word document, an Excel workbook or a CSV file, read into
plain text, cell by cell, and nothing more. What the cells mean is `plan.py`'s business.

A merged cell is read into every cell it covers (a section's row spanning the table reads as the same
text in each column; a header cell over two rows, in both rows), so the reader of the rows sees the
grid a person sees. A line break inside a cell is kept as a newline. Each reader imports its office
library only when it runs: `roadmap check` never loads either.

An office file is a zip archive of XML: before a library opens one, its size, its number of parts and
their unpacked size are bounded, so a hostile file ends in one line instead of filling the memory.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from roadmap_cli.errors import RoadmapError
from roadmap_cli.load import check_regular_file
from roadmap_cli.messages import Amount, Text, say

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024
MAX_PARTS = 10_000
MAX_CELLS = 2_000_000  # a 45-row plan has about 400; a 10,000-row one, 100,000


class PlanFileError(RoadmapError):
    """The plan's file cannot be read as a table at all (not an office file, damaged, too large)."""


@dataclass(frozen=True, slots=True)
class SourceTable:
    """One table of a document as text: its rows of cells, and the lines written above it (where a
    plan's title stands). A Word or CSV table is known by its `number`, a sheet by its name."""

    number: int
    rows: tuple[tuple[str, ...], ...]
    above: tuple[str, ...] = ()
    sheet: str | None = None

    @property
    def name(self) -> Text:
        """How a message points at it: "table 2", "sheet План"."""
        if self.sheet is not None:
            return say("import.sheet", name=self.sheet)
        return say("import.table", number=self.number)


class Formats:
    DOCX = ".docx"
    XLSX = ".xlsx"
    CSV = ".csv"
    ALL = (DOCX, XLSX, CSV)


def read_tables(path: Path, shown: str) -> list[SourceTable]:
    """Every table of the file at `path`, by its suffix; `shown` is how messages name the file."""
    check_regular_file(path)
    suffix = path.suffix.lower()
    if suffix not in Formats.ALL:
        raise PlanFileError(say("import.format_unknown", path=shown, formats=", ".join(Formats.ALL)))
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PlanFileError(say("file.unreadable", path=shown, reason=exc.strerror or exc)) from None
    if size > MAX_FILE_BYTES:
        raise PlanFileError(say("file.too_large", path=shown, limit=Amount(MAX_FILE_BYTES // (1024 * 1024))))
    if suffix == Formats.CSV:
        return [_csv_table(_read_bytes(path, shown), shown)]
    _check_archive(path, shown, suffix)
    return _docx_tables(path, shown) if suffix == Formats.DOCX else _xlsx_tables(path, shown)


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise PlanFileError(say("file.unreadable", path=shown, reason=exc.strerror or exc)) from None


def _check_archive(path: Path, shown: str, suffix: str) -> None:
    kind = "Word" if suffix == Formats.DOCX else "Excel"
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PlanFileError(say("import.not_office", path=shown, kind=kind)) from None
    if len(parts) > MAX_PARTS or sum(part.file_size for part in parts) > MAX_UNPACKED_BYTES:
        raise PlanFileError(
            say("import.unpacks_too_large", path=shown, limit=Amount(MAX_UNPACKED_BYTES // 2**20))
        )


def _damaged(shown: str, kind: str, exc: Exception) -> PlanFileError:
    reason = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    return PlanFileError(say("import.damaged", path=shown, kind=kind, reason=reason))


# ---- Word ------------------------------------------------------------------------------------


def _docx_tables(path: Path, shown: str) -> list[SourceTable]:
    import docx
    from docx.oxml.ns import qn

    try:
        body = docx.Document(str(path)).element.body
    except Exception as exc:  # a hostile or damaged file can fail anywhere in the library's parsing
        raise _damaged(shown, "Word", exc) from None
    tables: list[SourceTable] = []
    above: list[str] = []
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            line = _paragraph_text(child, qn)
            if line.strip():
                above.append(line.strip())
        elif child.tag == qn("w:tbl"):
            rows = tuple(_word_rows(child, qn))
            tables.append(SourceTable(len(tables) + 1, rows, tuple(above[-6:])))
            above = []
    return tables


def _word_rows(table: Any, qn: Any) -> Iterator[tuple[str, ...]]:
    """Each row as the grid's columns: a cell spanning columns (gridSpan) is repeated across them,
    a cell continuing a vertical merge (vMerge) takes the text of the cell above it."""
    previous: list[str] = []
    cells = 0
    for row in table.iterchildren(qn("w:tr")):
        texts: list[str] = []
        for cell in row.iterchildren(qn("w:tc")):
            properties = cell.find(qn("w:tcPr"))
            span, continued = 1, False
            if properties is not None:
                grid_span = properties.find(qn("w:gridSpan"))
                if grid_span is not None:
                    span = max(1, min(_int(grid_span.get(qn("w:val"))), 64))
                merge = properties.find(qn("w:vMerge"))
                continued = merge is not None and merge.get(qn("w:val"), "continue") == "continue"
            at = len(texts)
            if continued:
                text = previous[at] if at < len(previous) else ""
            else:
                text = "\n".join(_paragraph_text(paragraph, qn) for paragraph in cell.iter(qn("w:p"))).strip()
            texts.extend([text] * span)
        cells += len(texts)
        if cells > MAX_CELLS:
            break
        previous = texts
        yield tuple(texts)


def _paragraph_text(paragraph: Any, qn: Any) -> str:
    text_tag, tab, breaks = qn("w:t"), qn("w:tab"), (qn("w:br"), qn("w:cr"))
    parts: list[str] = []
    for element in paragraph.iter(text_tag, tab, *breaks):
        if element.tag == text_tag:
            parts.append(element.text or "")
        elif element.tag == tab:
            parts.append(" ")
        else:
            parts.append("\n")
    return "".join(parts)


def _int(value: str | None) -> int:
    try:
        return int(value or 1)
    except ValueError:
        return 1


# ---- Excel -----------------------------------------------------------------------------------


def _xlsx_tables(path: Path, shown: str) -> list[SourceTable]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(str(path), data_only=True)
    except Exception as exc:  # a hostile or damaged file can fail anywhere in the library's parsing
        raise _damaged(shown, "Excel", exc) from None
    tables: list[SourceTable] = []
    for sheet in workbook.worksheets:
        grid = [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            top = merged.min_row - 1
            if top >= len(grid) or merged.min_col - 1 >= len(grid[top]):
                continue
            value = grid[top][merged.min_col - 1]
            for row_at in range(top, min(merged.max_row, len(grid))):
                row = grid[row_at]
                for column_at in range(merged.min_col - 1, min(merged.max_col, len(row))):
                    row[column_at] = value
        if sum(len(row) for row in grid) > MAX_CELLS:
            raise PlanFileError(
                say("file.too_large", path=shown, limit=Amount(MAX_FILE_BYTES // (1024 * 1024)))
            )
        tables.append(SourceTable(len(tables) + 1, tuple(tuple(row) for row in grid), sheet=sheet.title))
    return tables


def _cell_text(value: object) -> str:
    """A cell's value as the plan's text: a date as ISO, a whole number without ".0"."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return str(value).strip()


# ---- CSV -------------------------------------------------------------------------------------


def _csv_table(raw: bytes, shown: str) -> SourceTable:
    """A CSV as Excel saves it: UTF-8 (with or without its mark), or Windows-1251 from a Russian
    Excel; the separator a comma, a semicolon (the Russian default) or a tab."""
    if b"\x00" in raw:
        raise PlanFileError(say("import.not_text", path=shown))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1251", errors="replace")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = tuple(tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text), dialect))
    return SourceTable(1, rows)
