"""The execution report as a Word document (python-docx): A4 landscape, Times New Roman (the official
norm, with every Kazakh letter), the heading, the summary, then one table whose header row repeats on
every page, a section a row across it, and the pages numbered in the footer.

Every value from the file is added as a run's text: Word never reads it as markup or a field.
"""

from __future__ import annotations

import io
from decimal import Decimal
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from docx.table import _Row
from docx.text.run import Run

from roadmap_cli import messages
from roadmap_cli.report import execution
from roadmap_cli.report.document import ExecutionDocument
from roadmap_cli.report.escape import xml_text

FONT = "Times New Roman"
TWIPS_PER_MM = 1440 / 25.4
# Column widths in millimetres: 277 mm of an A4 landscape page between 10 mm margins.
WIDTHS = (20, 58, 30, 48, 32, 53, 36)
COST_WIDTHS = (20, 44, 26, 44, 28, 48, 30, 16, 21)


def render(document: ExecutionDocument) -> bytes:
    word = Document()
    _page(word)
    for number, line in enumerate(execution.heading_lines(document)):
        paragraph = word.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(line).bold = number < 2
    word.add_paragraph(execution.summary_text(document))
    headers = execution.headers(document)
    widths = COST_WIDTHS if document.with_cost else WIDTHS
    table = word.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    _repeat_as_header(table.rows[0])
    for column, width in zip(table.columns, widths, strict=True):  # LibreOffice reads the grid
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths, strict=True):  # Word reads each cell's
        cell.width = Mm(width)
    # The body is written as XML in one piece: python-docx adds a row in about 2 ms, which for a
    # plan of 10,000 items is most of a minute.
    twips = [round(width * TWIPS_PER_MM) for width in widths]
    body: list[str] = []
    for section_id, title in document.sections:
        body.append(_section_row(execution.section_title(section_id, title), sum(twips), len(twips)))
        for row in document.rows:
            if row.section == section_id:
                cells = execution.cells(row, document)
                body.append("<w:tr>" + "".join(map(_cell, cells, twips)) + "</w:tr>")
    rows = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(body)}</w:tbl>")
    table._tbl.extend(list(rows))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _cell(value: execution.Cell, twips: int) -> str:
    """A cell of `twips` width holding the value's text; its lines (the executors, the notes) as line
    breaks within one paragraph. The text is escaped: Word reads it as text, never as markup."""
    lines = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(xml_text(line))}</w:t>' for line in _shown(value).split("\n")
    )
    return f'<w:tc><w:tcPr><w:tcW w:w="{twips}" w:type="dxa"/></w:tcPr><w:p><w:r>{lines}</w:r></w:p></w:tc>'


def _section_row(title: str, twips: int, columns: int) -> str:
    """A section's row: one bold cell across every column."""
    properties = f'<w:tcW w:w="{twips}" w:type="dxa"/><w:gridSpan w:val="{columns}"/>'
    text = f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{escape(xml_text(title))}</w:t></w:r>'
    return f"<w:tr><w:tc><w:tcPr>{properties}</w:tcPr><w:p>{text}</w:p></w:tc></w:tr>"


def _shown(value: execution.Cell) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return messages.money(value)
    return "" if value is None else messages.day(value)


def _page(word: WordDocument) -> None:
    """A4 landscape with 10 mm margins, Times New Roman 10 pt, the page number in the footer."""
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(10))
    style = word.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(10)
    fonts = style.element.rPr.rFonts
    for script in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):  # Cyrillic is hAnsi; be sure of all
        fonts.set(qn(script), FONT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(messages.text("execution.page") + " ")
    _page_number(footer.add_run())


def _page_number(run: Run) -> None:
    """A PAGE field: Word (and LibreOffice) put the page's number there."""
    begin, instruction, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = "PAGE"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, end):
        run._r.append(element)


def _repeat_as_header(row: _Row) -> None:
    """Mark the row as the table's header, which Word repeats at the top of every page."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
