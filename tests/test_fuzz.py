"""Any input gives a result, never an exception: random bytes, random YAML and mutations of the
sample, through the loader and through every command.

Bounded for the normal run; for a long run (the README's "Security" section):
    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from roadmap_cli import messages
from roadmap_cli.cli import app
from roadmap_cli.errors import ExitCode
from roadmap_cli.load import load_bytes
from tests.conftest import SAMPLE

# The deadline is the time bound of the property: no input may make a command take this long.
settings.register_profile("default", max_examples=150, deadline=timedelta(seconds=10))
settings.register_profile("long", max_examples=100_000, deadline=timedelta(seconds=10))
# FUZZ_EXAMPLES=N: a run of any other length.
settings.register_profile(
    "custom", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=timedelta(seconds=10)
)
settings.load_profile(
    "custom" if "FUZZ_EXAMPLES" in os.environ else os.environ.get("HYPOTHESIS_PROFILE", "default")
)

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


# ---- random YAML ----------------------------------------------------------------------------------

ODD_SCALARS = [
    "~",
    "null",
    "''",
    '""',
    "yes",
    "0x1F",
    "0o17",
    ".inf",
    "-.nan",
    "1e400",
    "2026-02-30",
    "12:30:00",
    "!!binary AA==",
    "!!python/object/apply:os.system [ls]",
    "!custom x",
    "<<",
    "*undefined",
    "? x",
    "'unterminated",
    '"\\ud800"',
    '"\\e[31m"',
    "|",
    ">-",
    "- x",
    "{",
    "]",
    "%YAML 1.2",
    "---",
    "...",
    "\t",
    "#",
    "&a",
    "@",
    "`",
    "\u202e",
    "Ж" * 50,
]


@st.composite
def random_yaml(draw: st.DrawFn) -> bytes:
    """Nested flow and block collections with anchors, aliases, tags and odd scalars."""
    anchors: list[str] = []

    def node(depth: int) -> str:
        kind = draw(st.sampled_from(["scalar", "alias", "flow-map", "flow-seq"] if depth < 4 else ["scalar"]))
        prefix = ""
        if draw(st.integers(0, 5)) == 0:
            prefix += f"&a{len(anchors)} "
            anchors.append(f"a{len(anchors)}")
        if draw(st.integers(0, 7)) == 0:
            prefix += draw(st.sampled_from(["!!str ", "!!map ", "!!seq ", "!x ", "!!int ", "! "]))
        if kind == "alias" and anchors:
            return "*" + draw(st.sampled_from(anchors))
        if kind == "flow-map":
            items = [f"{node(depth + 1)}: {node(depth + 1)}" for _ in range(draw(st.integers(0, 3)))]
            return prefix + "{" + ", ".join(items) + "}"
        if kind == "flow-seq":
            return prefix + "[" + ", ".join(node(depth + 1) for _ in range(draw(st.integers(0, 3)))) + "]"
        return prefix + draw(st.sampled_from(ODD_SCALARS) | st.text(max_size=12))

    keys = ["roadmap", "departments", "tasks", "id", "title", "deadline", "status", "x"]
    lines = [f"{draw(st.sampled_from(keys))}: {node(0)}" for _ in range(draw(st.integers(1, 6)))]
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


@given(random_yaml())
def test_random_yaml(raw: bytes) -> None:
    assert_consistent(raw)


# ---- every command, on any input ---------------------------------------------------------------

READ_COMMANDS: dict[str, tuple[list[str], set[int]]] = {
    "validate": (["validate"], {ExitCode.OK, ExitCode.INVALID}),
    "status": (["status", "--as-of", "2026-11-26"], {ExitCode.OK, ExitCode.INVALID}),
    "check": (["check", "--as-of", "2026-11-26"], {ExitCode.OK, ExitCode.BREACHES, ExitCode.INVALID}),
    "diff": (["diff", "--base", "base", "--check"], {ExitCode.OK, ExitCode.BREACHES, ExitCode.INVALID}),
    "remind": (["remind", "--as-of", "2026-11-26", "-f", "json"], {ExitCode.OK, ExitCode.INVALID}),
    "calendar": (["calendar", "--as-of", "2026-11-26", "--alarm", "3wd"], {ExitCode.OK, ExitCode.INVALID}),
}
# An edit may also be refused as a usage error (exit 2): a mutation can delete the task, or change
# its status so that the edit does not apply.
EDIT_COMMANDS: dict[str, list[str]] = {
    "done": ["done", "SEZ-011", "--on", "2026-11-01", "--evidence", "Act No. 5"],
    "start": ["start", "SEZ-014"],
    "block": ["block", "SEZ-017", "--reason", "Waiting for the land plot"],
    "cancel": ["cancel", "SEZ-014", "--reason", "Investor withdrew"],
    "reopen": ["reopen", "SEZ-001"],
    "postpone": [
        "postpone",
        "SEZ-011",
        "--to",
        "2027-12-31",
        "--reason",
        "Tender",
        "--decision",
        "Protocol 7",
    ],
    "add": [
        "add",
        "--id",
        "NEW-1",
        "--title",
        "New task",
        "--department",
        "energy",
        "--deadline",
        "2027-03-31",
    ],
    "fmt": ["fmt"],
}
EDIT_EXITS = {ExitCode.OK, ExitCode.USAGE, ExitCode.INVALID}


class Workspace:
    """A git repository whose commit 'base' holds the sample; each example writes roadmap.yaml."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="roadmap-fuzz-"))
        self.path = self.root / "roadmap.yaml"
        self.path.write_bytes(SAMPLE.read_bytes())
        for args in (
            ["init", "-q"],
            ["add", "-A"],
            ["-c", "user.name=F", "-c", "user.email=f@x", "commit", "-qm", "b"],
        ):
            subprocess.run(["git", *args], cwd=self.root, check=True, capture_output=True)
        subprocess.run(["git", "tag", "base"], cwd=self.root, check=True, capture_output=True)

    def run(self, command: str, raw: bytes) -> None:
        """Run `command` on `raw` and hold the outcome to the property."""
        self.path.write_bytes(raw)
        is_edit = command in EDIT_COMMANDS
        args, allowed = (EDIT_COMMANDS[command], EDIT_EXITS) if is_edit else READ_COMMANDS[command]
        file_option = ["--file", str(self.path)] if is_edit and command != "fmt" else [str(self.path)]
        environment = {"ROADMAP_FILE": "", "ROADMAP_LANG": "", "COLUMNS": "80", "TERM": "dumb"}
        result = CliRunner().invoke(app, [*args, *file_option], env=environment)
        messages.use(messages.DEFAULT_LANGUAGE)
        assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert result.exit_code in allowed, (command, result.exit_code, result.stderr)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
        if result.exit_code in (ExitCode.USAGE, ExitCode.INVALID):
            assert result.stderr.strip(), command
        if not (is_edit and result.exit_code == ExitCode.OK):
            assert self.path.read_bytes() == raw, f"{command} changed the file and exited {result.exit_code}"


WORKSPACE: list[Workspace] = []


def workspace() -> Workspace:
    if not WORKSPACE:
        WORKSPACE.append(Workspace())
    return WORKSPACE[0]


COMMANDS = st.sampled_from([*READ_COMMANDS, *EDIT_COMMANDS])
ANY_INPUT = st.one_of(mutated_sample(), random_yaml(), st.binary(max_size=2000))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(COMMANDS, ANY_INPUT)
@example("done", SAMPLE.read_bytes())
@example("diff", b"")
@example("fmt", SAMPLE.read_bytes().replace(b"id: aktobe-sez", b"id: 2026-02-30"))  # a date that is none
def test_every_command_on_any_input(command: str, raw: bytes) -> None:
    workspace().run(command, raw)


# ---- options and environments ---------------------------------------------------------------------

# Values a user could type or a script could pass: ids, dates and texts, with invisible and control
# characters, lone surrogates (bytes that are not UTF-8, as the shell hands them over), and wordings.
TYPED = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        [
            "",
            " ",
            "SEZ-011",
            "sez-011",
            "T 1",
            "7.1",
            "X/1",
            "\udce9t\udce9",
            "\x1b]0;x\x07",
            "a\n::error::b",
            "2026-11-26",
            "31.12.2026",
            "01/02/2026",
            "9999-12-31",
            "0001-01-01",
            "2026-02-30",
            "2026-11-26T20:30:00Z",
            "9999-12-31T23:59:59-14:00",
            "IV квартал 2026 года",
            "２０２６-１２-０１",
            "14",
            "10wd",
            "-1",
            "99999wd",
            "kk",
            "RU",
            "de",
            "2026-10",
            "2026-Q4",
            "\u200b",
        ]
    ),
)
OPTION_COMMANDS: dict[str, list[str]] = {
    "status": ["status", "--as-of", "{}", "--warn-days", "{}", "--department", "{}", "--lang", "{}"],
    "check": ["check", "--as-of", "{}", "--fail-on", "due-soon", "--lang", "{}", "-f", "markdown"],
    "diff": ["diff", "--base", "{}", "--head", "{}", "--check", "-f", "github"],
    "done": ["done", "{}", "--on", "{}", "--evidence", "{}", "--file"],
    "submit": ["submit", "{}", "--period", "{}", "--on", "{}", "--file"],
    "postpone": ["postpone", "{}", "--to", "{}", "--reason", "{}", "--decision", "{}", "--file"],
    "add": ["add", "--id", "{}", "--title", "{}", "--department", "{}", "--deadline", "{}", "--file"],
    "block": ["block", "{}", "--reason", "{}", "--file"],
    "remind": [
        "remind",
        "--within",
        "{}",
        "--department",
        "{}",
        "--from",
        "{}",
        "-f",
        "eml",
        "--lang",
        "{}",
        "--as-of",
        "{}",
    ],
    "calendar": [
        "calendar",
        "--alarm",
        "{}",
        "--department",
        "{}",
        "--as-of",
        "{}",
        "--lang",
        "{}",
        "-o",
        "-",
    ],
}
ENVIRONMENTS = st.fixed_dictionaries(
    {
        "ROADMAP_LANG": st.sampled_from(["", "kk", "ru", "en", "xx"]),
        "COLUMNS": st.sampled_from(["80", "40", "0", "abc", "100000"]),
        "GITHUB_ACTIONS": st.sampled_from(["", "true"]),
    }
)


@given(st.sampled_from(sorted(OPTION_COMMANDS)), st.lists(TYPED, min_size=5, max_size=5), ENVIRONMENTS)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_every_command_on_any_option_value_and_environment(
    command: str, values: list[str], environment: dict[str, str]
) -> None:
    place = workspace()
    place.path.write_bytes(SAMPLE.read_bytes())
    pattern = OPTION_COMMANDS[command]
    typed = iter(values)
    args = [next(typed) if part == "{}" else part for part in pattern]
    args += [str(place.path)]
    if command == "diff":
        args = [*args[:-1], str(place.path)]
    with contextlib.chdir(place.root):
        result = CliRunner().invoke(app, args, env={"ROADMAP_FILE": "", "TERM": "dumb", **environment})
    messages.use(messages.DEFAULT_LANGUAGE)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        command,
        args,
        result.exception,
    )
    assert result.exit_code in (0, 1, 2, 3), (command, args, result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr
    changed = place.path.read_bytes() != SAMPLE.read_bytes()
    assert not changed or (
        command not in ("status", "check", "diff", "remind", "calendar") and result.exit_code == ExitCode.OK
    )
