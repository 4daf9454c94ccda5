"""JUnit XML (GitLab, Jenkins and others): one test case per task, a failure per breach."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from typing import Any

from roadmap_cli.report.document import Document
from roadmap_cli.report.escape import inert
from roadmap_cli.report.lines import overdue_message


def xml_text(text: object) -> str:
    """Text XML 1.0 can carry: control characters spelled out, non-characters replaced."""
    return "".join("\ufffd" if char in "\ufffe\uffff" else char for char in inert(str(text)))


def _case(
    suite: ElementTree.Element, classname: str, name: str, file: str, line: object
) -> ElementTree.Element:
    case = ElementTree.SubElement(suite, "testcase", classname=xml_text(classname), name=xml_text(name))
    case.set("file", xml_text(file))
    if line is not None:
        case.set("line", str(line))
    return case


def _fail(case: ElementTree.Element, message: str, kind: str) -> None:
    failure = ElementTree.SubElement(case, "failure", message=xml_text(message), type=kind)
    failure.text = xml_text(message)


def _task_suite(root: ElementTree.Element, name: str, file: str, tasks: list[dict[str, Any]]) -> None:
    suite = ElementTree.SubElement(root, "testsuite", name=name)
    for task in tasks:
        name = task["id"] if task.get("period") is None else f"{task['id']} [{task['period']}]"
        case = _case(suite, task["department"], name, file, task["line"])
        if task.get("state") == "overdue":
            message = overdue_message(
                task["id"], task["department"], task["deadline_text"], task["days_overdue"]
            )
            _fail(case, message, "overdue")
        elif task["status"] == "cancelled":
            ElementTree.SubElement(case, "skipped", message="cancelled")


def render(document: Document) -> str:
    command = document["command"]
    root = ElementTree.Element("testsuites", name=f"roadmap {command}")
    if command == "validate":
        for file in document["files"]:
            suite = ElementTree.SubElement(root, "testsuite", name=xml_text(file["file"]))
            case = _case(suite, "validate", file["file"], file["file"], None)
            for finding in file["findings"]:
                if finding["severity"] == "error":
                    _fail(
                        case, f"{finding['line']}:{finding['column']}: {finding['message']}", finding["code"]
                    )
    elif command == "check":
        _task_suite(root, "roadmap check", document["file"], document["tasks"])
    elif command == "status":
        _task_suite(root, "roadmap status", document["file"], [*document["overdue"], *document["due_soon"]])
    elif command == "diff":
        suite = ElementTree.SubElement(root, "testsuite", name="roadmap diff")
        violations = document["violations"] or []
        for task_id in dict.fromkeys(
            [change["task"] for change in document["changes"]] + [v["task"] for v in violations]
        ):
            case = _case(suite, "diff", task_id, document["file"], None)
            for violation in violations:
                if violation["task"] == task_id:
                    _fail(case, violation["message"], violation["rule"])
    for suite in root.iter("testsuite"):
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for case in cases if case.find("skipped") is not None)))
    ElementTree.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"
