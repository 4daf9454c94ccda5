"""Every message key the code can ask for exists in the catalogues: keys are written out, never built.

A key built at run time (``f"status.{value}"``) is a message no test can prove exists until a user
meets the KeyError. So the code names keys literally, or looks them up in a table of literals keyed
by an enumeration; this file holds both to the catalogues.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

from roadmap_cli import messages
from roadmap_cli.diff import ChangeKind
from roadmap_cli.findings import Severity
from roadmap_cli.model import ActKind, Status
from roadmap_cli.official import OfficialState
from roadmap_cli.recurrence import NOT_A_PERIOD_KEYS, Frequency
from roadmap_cli.report.document import State
from roadmap_cli.report.sentences import (
    ACT_KEYS,
    CHANGE_KEYS,
    OFFICIAL_KEYS,
    SEVERITY_KEYS,
    STATE_KEYS,
    STATUS_KEYS,
)
from tests.conftest import REPO

CATALOGUE = messages.catalogue("en")  # the three hold the same keys (test_languages.py)
PREFIXES = {key.split(".")[0] for key in CATALOGUE}
# The calls that take a message key, and which argument it is; `count` takes the noun of ``n.<noun>``.
KEY_ARGUMENT = {"text": 0, "say": 0, "invalid": 0, "count": 1}
SOURCES = [
    path
    for path in (REPO / "roadmap_cli").rglob("*.py")
    if path.parent.name != "messages" or path.name == "__init__.py"
]


def _called_name(node: ast.Call) -> str | None:
    """`messages.text`, `messages.say`, `messages.count`, and `say` and `invalid` imported by name."""
    function = node.func
    if isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name):
        return function.attr if function.value.id == "messages" else None
    return function.id if isinstance(function, ast.Name) and function.id in ("say", "invalid") else None


def _key_arguments(tree: ast.AST) -> Iterator[ast.expr]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (name := _called_name(node)) in KEY_ARGUMENT:
            index = KEY_ARGUMENT[name]
            if len(node.args) > index:
                argument = node.args[index]
                yield argument if name != "count" else _counted_noun(argument)


def _counted_noun(node: ast.expr) -> ast.expr:
    """The key ``n.<noun>`` that `count(number, noun)` looks up, for each noun it can be given."""
    if isinstance(node, ast.IfExp):
        return ast.IfExp(node.test, _counted_noun(node.body), _counted_noun(node.orelse))
    assert isinstance(node, ast.Constant) and isinstance(node.value, str), ast.unparse(node)
    return ast.Constant(f"n.{node.value}")


def _literals(node: ast.expr) -> list[str]:
    """The keys a key argument can be when it is written out: a string, or either side of an if."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_no_key_is_built_at_run_time(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    built = [
        ast.unparse(argument)
        for argument in _key_arguments(tree)
        if isinstance(argument, ast.JoinedStr | ast.BinOp)
    ]
    # Nor built anywhere else to be passed on: no f-string starts like a key (but the one in `count`,
    # whose nouns are proven above).
    built += [
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        and node.values
        and isinstance(first := node.values[0], ast.Constant)
        and str(first.value).split(".")[0] in PREFIXES
        and "." in str(first.value)
        and ast.unparse(node) != "f'n.{noun}'"
    ]
    assert built == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(REPO)))
def test_every_key_written_out_exists(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    written = [key for argument in _key_arguments(tree) for key in _literals(argument)]
    # Keys kept in tables and variables: every string shaped like a key of a known family.
    written += [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and "." in node.value
        and " " not in node.value
        and node.value.split(".")[0] in PREFIXES
        and not node.value.endswith(".")
    ]
    assert [key for key in written if key not in CATALOGUE] == []


@pytest.mark.parametrize(
    ("table", "enumeration"),
    [
        (STATUS_KEYS, Status),
        (SEVERITY_KEYS, Severity),
        (CHANGE_KEYS, ChangeKind),
        (NOT_A_PERIOD_KEYS, Frequency),
        (STATE_KEYS, State),
        (ACT_KEYS, ActKind),
        (OFFICIAL_KEYS, OfficialState),
    ],
)
def test_each_table_of_keys_covers_its_enumeration(table: dict[Enum, str], enumeration: type[Enum]) -> None:
    assert set(table) == set(enumeration)
    assert [key for key in table.values() if key not in CATALOGUE] == []


def test_the_proof_finds_keys() -> None:
    # A guard for the tests above: a parser change must not leave them checking nothing.
    found = {
        key
        for path in SOURCES
        for argument in _key_arguments(ast.parse(path.read_text()))
        for key in _literals(argument)
    }
    assert {"line.overdue", "n.day", "n.working_day", "invalid.identifier", "subject.task_number"} <= found
