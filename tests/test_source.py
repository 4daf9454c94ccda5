"""The YAML layer: plain data, positions, and the limits that protect against hostile files."""

from __future__ import annotations

import gc

import pytest

from roadmap_cli.findings import Position
from roadmap_cli.load import load_bytes
from roadmap_cli.source import HAS_C_PARSER, Limits, compose, decode, encoding_problem
from tests.conftest import SAMPLE
from tests.helpers import dedent


def test_positions_of_keys_and_values_are_one_based() -> None:
    composed = compose(
        dedent("""
        tasks:
          - id: T-1
            deadline: 2026-03-31
        """)
    )
    assert composed.source_map is not None
    assert composed.source_map.position(("tasks", 0)) == Position(2, 5)
    assert composed.source_map.position(("tasks", 0, "deadline")) == Position(3, 15)
    assert composed.source_map.key_position(("tasks", 0, "deadline")) == Position(3, 5)


def test_a_missing_key_points_at_its_mapping() -> None:
    composed = compose("tasks:\n  - id: T-1\n")
    assert composed.source_map is not None
    assert composed.source_map.position(("tasks", 0, "deadline")) == Position(2, 5)


def test_scalars_stay_text_and_only_empty_or_null_plain_scalars_are_none() -> None:
    composed = compose("a: 2026\nb: yes\nc: 2026-03-31\nd: ~\ne:\nf: 'null'\ng: !!str 12\nh: 1e3\ni: null\n")
    assert composed.data == {
        "a": "2026",
        "b": "yes",
        "c": "2026-03-31",
        "d": None,
        "e": None,
        "f": "null",
        "g": "12",
        "h": "1e3",
        "i": None,
    }


def test_crlf_line_endings_and_a_byte_order_mark_do_not_shift_positions() -> None:
    text = decode(b"\xef\xbb\xbfa: 1\r\nb:\r\n  - x\r\n")
    assert text == "a: 1\r\nb:\r\n  - x\r\n"
    composed = compose(text)
    assert composed.data == {"a": "1", "b": ["x"]}
    assert composed.source_map is not None
    assert composed.source_map.position(("b", 0)) == Position(3, 5)


def test_bytes_and_text_give_the_same_data_and_positions() -> None:
    text = dedent("""
        # Жол картасы
        tasks:
          - {id: T-1, title: "Разработать ПСД", depends_on: [T-0]}
          - id: T-2
            title:
              kk: Жоба
              ru: Проект
        """)
    from_text, from_bytes = compose(text), compose(text.encode("utf-8"))
    assert from_bytes.data == from_text.data
    assert from_text.source_map is not None and from_bytes.source_map is not None
    for path in [("tasks", 0, "title"), ("tasks", 0, "depends_on", 0), ("tasks", 1, "title", "ru")]:
        assert from_bytes.source_map.position(path) == from_text.source_map.position(path)
    assert from_bytes.source_map.position(("tasks", 1, "title", "ru")) == Position(7, 11)
    assert from_bytes.source_map.key_position(("tasks", 0, "title")) == Position(3, 15)


def test_a_bad_byte_far_into_a_large_file_is_found_at_its_line_and_column() -> None:
    # Two-byte letters from the start put one across each megabyte boundary of the slice-wise
    # check: a letter cut in two there is still UTF-8.
    line = "ж" * 99 + "\n"
    raw = line.encode("utf-8") * 12_000
    assert encoding_problem(raw) is None
    problem = encoding_problem(raw + b"ab\xff\n")
    assert problem is not None and problem.position == Position(12_001, 3)
    assert "ff" in problem.message


def test_aliases_within_the_budget_are_expanded() -> None:
    composed = compose("common: &c [energy, roads]\nx: *c\n")
    assert composed.problem is None
    assert composed.data == {"common": ["energy", "roads"], "x": ["energy", "roads"]}


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        previous = f"*a{level - 1}"
        lines.append(f"a{level}: &a{level} [{', '.join([previous] * 9)}]")
    composed = compose("\n".join(lines) + "\n")
    assert composed.problem is not None
    assert composed.problem.message == "aliases expand to more than 10,000 nodes"
    assert composed.problem.position is not None and composed.problem.position.line == 5


def test_a_recursive_alias_is_refused() -> None:
    composed = compose("a: &a [*a]\n")
    assert composed.problem is not None
    assert composed.problem.message == "alias '*a' has no anchor '&a' before it"


def test_deep_nesting_stops_at_the_limit() -> None:
    composed = compose("[" * 100_000)
    assert composed.problem is not None
    assert composed.problem.message == "nesting is deeper than the limit of 64"
    assert composed.problem.position == Position(1, 65)


def test_block_nesting_stops_at_the_limit_too() -> None:
    text = "".join(" " * (2 * level) + f"k{level}:\n" for level in range(200))
    composed = compose(text)
    assert composed.problem is not None
    assert composed.problem.message == "nesting is deeper than the limit of 64"


def test_a_value_over_the_length_limit_is_refused() -> None:
    composed = compose("a: " + "x" * 101 + "\n", Limits(max_scalar_chars=100))
    assert composed.problem is not None
    assert composed.problem.message == "a value of 101 characters is longer than the limit of 100"


def test_utf8_errors_are_located_by_line_and_character() -> None:
    problem = decode("a: ok\nb: Жол ".encode() + b"\xff")
    assert not isinstance(problem, str)
    assert problem.message == "not valid UTF-8 (byte 0xff); save the file as UTF-8"
    assert problem.position == Position(2, 8)


@pytest.mark.skipif(not HAS_C_PARSER, reason="libyaml's parser (ruamel.yaml.clib) is not installed")
def test_reading_a_file_leaves_no_reference_cycles_behind() -> None:
    # A cycle would keep the whole input (and all it refers to) in memory until the next full
    # collection: for a diff or an edit of a large file, a second copy of it through the next load.
    raw = SAMPLE.read_bytes()
    gc.collect()
    gc.disable()
    try:
        loaded = load_bytes(raw, "roadmap.yaml")
        assert loaded.roadmap is not None
        assert gc.collect() == 0
    finally:
        gc.enable()
