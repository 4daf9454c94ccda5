"""`roadmap fmt`: one layout for every roadmap file (indentation, the order of a task's keys).

This is the one place that uses ruamel.yaml's round-trip dumper, because here re-emitting the
whole document is the point. What it must not change is proven, not hoped for: the formatted text
must load to exactly the same data, and hold the same comments, or nothing is written.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from roadmap_cli.editing.fields import EditRefused
from roadmap_cli.messages import say
from roadmap_cli.model import Department, Postponement, RoadmapInfo, Task, key_order
from roadmap_cli.source import compose, decode, encode_like


def _yaml() -> Any:
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class Constructor(RoundTripConstructor):
        """Round-trip reading where a value that looks like a date but is none (``2026-02-30``,
        a valid id) stays text instead of failing: for the roadmap, every value is text."""

        def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
            try:
                return super().construct_yaml_timestamp(node, values)
            except ValueError:
                return self.construct_scalar(node)

    Constructor.add_constructor("tag:yaml.org,2002:timestamp", Constructor.construct_yaml_timestamp)
    yaml = YAML(typ="rt", pure=True)
    yaml.Constructor = Constructor
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long title
    return yaml


def _reorder(mapping: Any, order: Sequence[str]) -> None:
    """Put a mapping's keys in `order` (unknown keys last), keeping each key's comments with it.

    A comment after a mapping's last value (often a blank line and a heading for what follows)
    belongs to the place, not to the key: it stays after whichever key ends up last.
    """
    keys = list(mapping)
    rank = {name: number for number, name in enumerate(order)}
    wanted = sorted(keys, key=lambda key: rank.get(key, len(rank)))
    if wanted == keys:
        return
    comments = mapping.ca.items
    trailing = comments.pop(keys[-1], None)
    for key in wanted:
        mapping.move_to_end(key)
    if trailing is not None:
        last_comment = comments.get(wanted[-1])
        if last_comment is not None and any(last_comment):
            raise EditRefused(say("format.comments_in_task"))
        comments[wanted[-1]] = trailing


def _items(document: Any, key: str) -> Iterable[Any]:
    section = document.get(key) if hasattr(document, "get") else None
    return [item for item in section or () if hasattr(item, "move_to_end")]


def formatted(raw: bytes, display: str) -> bytes:
    """The file in the standard layout; `EditRefused` when that would change content or drop a comment."""
    text = decode(raw)
    if not isinstance(text, str):
        raise EditRefused(say("subject.message", subject=display, message=text.text))
    newline = "\r\n" if "\r\n" in text.split("\n", 1)[0] + "\n" else "\n"
    yaml = _yaml()
    document = yaml.load(text.replace("\r\n", "\n"))
    if hasattr(document.get("roadmap"), "move_to_end"):
        _reorder(document["roadmap"], key_order(RoadmapInfo))
    for department in _items(document, "departments"):
        _reorder(department, key_order(Department))
    for task in _items(document, "tasks"):
        _reorder(task, key_order(Task))
        for record in _items(task, "postponements"):
            _reorder(record, key_order(Postponement))
    output = io.StringIO()
    yaml.dump(document, output)
    result = _indent_comment_lines(output.getvalue()).replace("\n", newline)
    _prove_same(text, result, display)
    return encode_like(raw, result)


def _prove_same(before: str, after: str, display: str) -> None:
    if compose(after).data != compose(before).data:
        raise EditRefused(say("format.content", path=display))
    if _comments(after) != _comments(before):
        raise EditRefused(say("format.comments", path=display))


def _comment_tokens(text: str) -> Iterator[Any]:
    """The scanner's comment tokens: comments as YAML sees them, never a `#` inside a value."""
    from ruamel.yaml import YAML

    def walk(value: Any) -> Iterator[Any]:
        if isinstance(value, list):
            for item in value:
                yield from walk(item)
        elif value is not None and hasattr(value, "value"):
            yield value

    for token in YAML(typ="rt", pure=True).scan(text):
        yield from walk(getattr(token, "comment", None))


def _comments(text: str) -> Counter[str]:
    """Every comment in the text, each line stripped."""
    return Counter(
        line.strip()
        for token in _comment_tokens(text)
        for line in str(token.value).splitlines()
        if line.strip().startswith("#")
    )


def _indent_comment_lines(text: str) -> str:
    """Give each comment on a line of its own the indentation of the line it comments (the next one).

    The dumper keeps a comment's original column, which is wrong once the lines around it moved.
    """
    lines = text.split("\n")
    comment_lines: set[int] = set()
    for token in _comment_tokens(text):
        first = token.start_mark.line
        for number in range(first, first + str(token.value).count("\n") + 1):
            if number < len(lines) and lines[number].lstrip().startswith("#"):
                comment_lines.add(number)
    indent = 0
    for number in range(len(lines) - 1, -1, -1):
        line = lines[number]
        if number in comment_lines:
            lines[number] = " " * indent + line.lstrip()
        elif line.strip():
            indent = len(line) - len(line.lstrip(" "))
    return "\n".join(lines)
