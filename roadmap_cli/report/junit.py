"""JUnit XML (GitLab, Jenkins and others): one test case per deadline or task, a failure per breach."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from typing import assert_never

from roadmap_cli.report import sentences
from roadmap_cli.report.document import (
    CheckDocument,
    DeadlineRow,
    DiffDocument,
    Document,
    SeveralDocument,
    Severity,
    State,
    Status,
    StatusDocument,
    ValidateDocument,
    command_name,
)
from roadmap_cli.report.escape import xml_text


def _case(
    suite: ElementTree.Element, classname: str, name: str, file: str, line: int | None
) -> ElementTree.Element:
    case = ElementTree.SubElement(suite, "testcase", classname=xml_text(classname), name=xml_text(name))
    case.set("file", xml_text(file))
    if line is not None:
        case.set("line", str(line))
    return case


def _fail(case: ElementTree.Element, message: str, kind: str) -> None:
    failure = ElementTree.SubElement(case, "failure", message=xml_text(message), type=xml_text(kind))
    failure.text = xml_text(message)


def _deadline_suite(
    root: ElementTree.Element, name: str, file: str, rows: Iterable[DeadlineRow]
) -> ElementTree.Element:
    suite = ElementTree.SubElement(root, "testsuite", name=name)
    for row in rows:
        case_name = row.task if row.period is None else f"{row.task} [{row.period}]"
        case = _case(suite, row.department, case_name, file, row.position.line if row.position else None)
        if row.state is State.OVERDUE:
            _fail(case, sentences.overdue_sentence(row), "overdue")
        elif row.status is Status.CANCELLED:
            ElementTree.SubElement(case, "skipped", message="cancelled")
    return suite


def _plan_properties(suite: ElementTree.Element, document: StatusDocument) -> None:
    """The plan's record and planned cost as the suite's properties, which the JUnit schema puts
    before its cases."""
    lines = [("plan", line) for line in sentences.plan_lines(document.plan)]
    if document.cost is not None:
        lines.append(("cost", sentences.cost_line(document.cost)))
    if not lines:
        return
    properties = ElementTree.Element("properties")
    for name, line in lines:
        ElementTree.SubElement(properties, "property", name=name, value=xml_text(line))
    suite.insert(0, properties)


def _diff_suite(root: ElementTree.Element, name: str, document: DiffDocument) -> None:
    suite = ElementTree.SubElement(root, "testsuite", name=name)
    violations = document.violations or ()
    tasks = dict.fromkeys([change.task for change in document.changes] + [v.task or "" for v in violations])
    for task in tasks:
        case = _case(suite, "diff", task, document.file, None)
        changes = [sentences.change_sentence(change) for change in document.changes if change.task == task]
        if changes:
            output = ElementTree.SubElement(case, "system-out")
            output.text = xml_text("\n".join(changes))
        for violation in violations:
            if (violation.task or "") == task:
                _fail(case, violation.message, violation.code)


def render(document: Document, limit: int | None = None) -> str:
    """JUnit XML for a document; `limit` is not used (every deadline is a test case)."""
    name = f"roadmap {command_name(document)}"
    root = ElementTree.Element("testsuites", name=name)
    _suites(root, name, document)
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for case in cases if case.find("skipped") is not None)))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _suites(root: ElementTree.Element, name: str, document: Document) -> None:
    """The document's test suites, under `root`; `name` names a suite that is not a file's."""
    match document:
        case ValidateDocument():
            for file in document.files:
                suite = ElementTree.SubElement(root, "testsuite", name=xml_text(file.file))
                case = _case(suite, "validate", file.file, file.file, None)
                for finding in file.findings:
                    if finding.severity is Severity.ERROR:
                        place = (
                            f"{finding.position.line}:{finding.position.column}: " if finding.position else ""
                        )
                        _fail(case, place + finding.message, finding.code)
        case CheckDocument():
            _deadline_suite(root, name, document.file, document.deadlines)
        case StatusDocument():
            suite = _deadline_suite(root, name, document.file, (*document.overdue, *document.due_soon))
            _plan_properties(suite, document)
        case DiffDocument():
            _diff_suite(root, name, document)
        case SeveralDocument():
            for roadmap in document.roadmaps:  # a suite each, named by its file
                _suites(root, xml_text(f"{name}: {roadmap.file}"), roadmap)
        case _:
            assert_never(document)
