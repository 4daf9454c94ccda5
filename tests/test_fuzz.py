"""Any input gives a result, never an exception: random bytes and mutations of the sample.

Bounded for the normal run; for a long run: HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os

from hypothesis import example, given, settings
from hypothesis import strategies as st

from roadmap_cli.load import load_bytes
from tests.conftest import SAMPLE

settings.register_profile("default", max_examples=150, deadline=None)
settings.register_profile("long", max_examples=100_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SAMPLE_LINES = SAMPLE.read_bytes().splitlines(keepends=True)


def assert_consistent(raw: bytes) -> None:
    loaded = load_bytes(raw, "fuzz.yaml")
    assert (loaded.roadmap is None) == bool(loaded.errors)
    for finding in loaded.findings:
        assert finding.message and "\n" not in finding.message
        if finding.position is not None:
            assert finding.position.line >= 1 and finding.position.column >= 1


@given(st.binary(max_size=4000))
def test_random_bytes(raw: bytes) -> None:
    assert_consistent(raw)


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    lines = list(SAMPLE_LINES)
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "replace-char", "indent", "swap-value"]))
        line = lines[index]
        if operation == "delete":
            del lines[index]
        elif operation == "duplicate":
            lines.insert(index, line)
        elif operation == "replace-char" and line:
            at = draw(st.integers(0, len(line) - 1))
            lines[index] = line[:at] + bytes([draw(st.integers(0, 255))]) + line[at + 1 :]
        elif operation == "indent":
            lines[index] = b" " + line
        elif operation == "swap-value" and b":" in line:
            key = line.split(b":", 1)[0]
            value = draw(
                st.sampled_from([b"[]", b"{}", b"", b"~", b"*x", b"&x 1", b"!!binary AA==", b"2026-02-30"])
            )
            lines[index] = key + b": " + value + b"\n"
    return b"".join(lines)


@given(mutated_sample())
@example(b">\n" + b"".join(SAMPLE_LINES))  # found by a long run: the whole file became one scalar
def test_mutations_of_the_sample(raw: bytes) -> None:
    assert_consistent(raw)
