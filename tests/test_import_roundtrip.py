"""Round trip: the execution report of a generated roadmap, in Word and in Excel, imports back to the
same plan: the same items in order, sections, executors (the lead first), deadline wordings, forms of
completion and costs. Long run: HYPOTHESIS_PROFILE=long python -m pytest tests/test_import_roundtrip.py
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_cli import messages
from roadmap_cli.analysis import Window
from roadmap_cli.intake.plan import DeadlineKind, find_header, read_plan
from roadmap_cli.intake.tables import read_tables
from roadmap_cli.load import load_bytes
from roadmap_cli.report import docx, xlsx
from roadmap_cli.report.build import execution_document
from roadmap_cli.wording import parse_deadline

settings.register_profile("default", max_examples=25, deadline=None)
settings.register_profile("long", max_examples=1_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DEPARTMENTS = [
    ("energy", "Управление энергетики и жилищно-коммунального хозяйства", False),
    ("building", "Управление строительства, архитектуры и градостроительства", False),
    ("roads", "Управление пассажирского транспорта и автомобильных дорог", False),
    ("sez", "Управляющая компания СЭЗ «Актобе»", True),
    ("kegoc", "АО «KEGOC»", True),
]
WORDINGS = [
    "III квартал 2026 года",
    "до 20 декабря 2026 года",
    "декабрь 2026 года",
    "2027 год",
    "III–IV кварталы 2026 года",
    "первое полугодие 2027 года",
    "постоянно",
    "2026-09-15",
    "31.03.2027",
]
WORD = st.sampled_from(
    ["Разработать", "ПСД", "сетей", "«Ақтөбе»", "жол", "a: b", "#7", "=SUM(A1)", "(1-кезең)", "и"]
)
TITLE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    leads: tuple[str, ...]  # department ids, the lead first
    deadline: str
    deliverable: str | None
    cost: Decimal | None
    sources: tuple[str, ...]
    section: str | None


@st.composite
def plans(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[Item]]:
    section_count = draw(st.integers(0, 3))
    sections = [(str(number), draw(TITLE)) for number in range(1, section_count + 1)]
    items: list[Item] = []
    for section_id in [each for each, _title in sections] or [None]:
        for number in range(1, draw(st.integers(1, 4)) + 1):
            people = draw(
                st.lists(
                    st.sampled_from([each for each, _name, _external in DEPARTMENTS]),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
            cost = draw(st.none() | st.decimals(0, 100_000, places=1, allow_nan=False, allow_infinity=False))
            sources = (
                draw(
                    st.lists(
                        st.sampled_from(["local_budget", "republican_budget", "national_fund"]),
                        max_size=2,
                        unique=True,
                    )
                )
                if cost is not None
                else []
            )
            items.append(
                Item(
                    id=f"{section_id}.{number}" if section_id else str(number),
                    title=draw(TITLE),
                    leads=tuple(people),
                    deadline=draw(st.sampled_from(WORDINGS)),
                    deliverable=draw(st.none() | TITLE),
                    cost=cost,
                    sources=tuple(sources),
                    section=section_id,
                )
            )
    return sections, items


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def roadmap_text(sections: list[tuple[str, str]], items: list[Item]) -> str:
    lines = ["roadmap:", "  id: generated", "  title: Дорожная карта", "  language: ru", "departments:"]
    for department_id, name, external in DEPARTMENTS:
        lines += [f"  - id: {department_id}", f"    name: {_quoted(name)}"]
        lines += ["    kind: external"] if external else []
    if sections:
        lines.append("sections:")
        lines += [f"  - {{id: {_quoted(each)}, title: {_quoted(title)}}}" for each, title in sections]
    lines.append("tasks:")
    for item in items:
        lines += [f"  - id: {_quoted(item.id)}", f"    title: {_quoted(item.title)}"]
        lines.append(f"    department: {item.leads[0]}")
        if len(item.leads) > 1:
            lines.append(f"    co_executors: [{', '.join(item.leads[1:])}]")
        lines.append(f"    deadline: {_quoted(item.deadline)}")
        if item.deliverable is not None:
            lines.append(f"    deliverable: {_quoted(item.deliverable)}")
        if item.cost is not None:
            lines.append(f"    cost: {{amount: '{item.cost}', sources: [{', '.join(item.sources)}]}}")
    return "\n".join(lines) + "\n"


@given(plans(), st.sampled_from(["docx", "xlsx"]))
def test_the_execution_report_imports_back_to_the_same_plan(
    plan: tuple[list[tuple[str, str]], list[Item]], office_format: str
) -> None:
    sections, items = plan
    loaded = load_bytes(roadmap_text(sections, items).encode(), "generated.yaml")
    assert loaded.roadmap is not None, [finding.message for finding in loaded.findings]
    messages.use("ru")
    document = execution_document(loaded, date(2026, 6, 1), Window(), None, None)
    raw = docx.render(document) if office_format == "docx" else xlsx.render(document)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report.{office_format}"
        path.write_bytes(raw)
        tables = read_tables(path, path.name)
    table = next(each for each in tables if find_header(each) is not None)
    header = find_header(table)
    assert header is not None
    read = read_plan(table, header, 2026)
    assert read.findings == []
    assert [(section.id, section.title) for section in read.sections] == sections
    names = {department_id: (name, external) for department_id, name, external in DEPARTMENTS}
    assert [item.number for item in read.items] == [item.id for item in items]
    for got, wanted in zip(read.items, items, strict=True):
        assert got.title == wanted.title and got.section == wanted.section
        assert got.deliverable == wanted.deliverable
        assert [(each.name, each.external) for each in got.executors] == [
            names[lead] for lead in wanted.leads
        ]
        if got.deadline.kind is DeadlineKind.STANDING:
            assert got.deadline.text == wanted.deadline
        else:
            assert got.deadline.kind is DeadlineKind.WORDING
            assert parse_deadline(got.deadline.text) == parse_deadline(wanted.deadline)
            if not wanted.deadline[:1].isdigit():  # a wording comes back as written; a date as a date
                assert got.deadline.text == wanted.deadline
        assert got.cost == wanted.cost
        assert [source.value for source in got.sources] == list(wanted.sources)
