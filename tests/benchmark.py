"""Benchmark: whole-process time and peak memory of roadmap's commands, beside check-jsonschema.

Not part of the test run. From a fresh clone:

    python3 -m venv .venv && .venv/bin/pip install -e '.[bench]' && .venv/bin/python tests/benchmark.py

It generates realistic roadmaps (Cyrillic titles in two languages, 20 departments, dependencies,
comments, postponements) of each size in a temporary git repository with two commits, then runs
each command --runs times after one warm-up run (with roadmap_cli's bytecode compiled, as an
installed package has it) and reports the median wall time and the peak resident memory, with
ratios to check-jsonschema validating the same file against the roadmap's JSON Schema (same
Python, same YAML parser). The table goes to stdout; --json FILE keeps it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SCHEMA = REPO / "data" / "roadmap.schema.json"
DEPARTMENTS = 20
WORDS_RU = [
    "разработать",
    "ПСД",
    "сетей",
    "электроснабжения",
    "согласовать",
    "инвестором",
    "участок",
    "дорога",
]
WORDS_KK = ["әзірлеу", "ЖСҚ", "желілер", "электрмен", "жабдықтау", "инвестор", "учаскесі", "жол"]


def write_roadmap(path: Path, count: int, moved: bool = False, plan_fields: bool = False) -> None:
    """A roadmap of `count` tasks; `moved` is the next revision: some done, some postponed;
    `plan_fields`: with what a signed plan adds (the approving act, costs, two leads, progress notes).

    Written a line at a time: a child process starts from its parent's peak memory (Linux counts
    it as the child's own), so the benchmark itself must stay small for the peaks it shows to be true.
    """
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(roadmap_lines(count, moved, plan_fields))


def roadmap_lines(count: int, moved: bool = False, plan_fields: bool = False) -> Iterator[str]:
    lines = [
        "# Generated for the benchmark: the shape of a real regional roadmap, at scale.",
        "roadmap:",
        "  id: bench",
        "  title:",
        '    kk: "Жол картасы"',
        '    ru: "Дорожная карта"',
        "  timezone: Asia/Aqtobe",
    ]
    if plan_fields:
        lines += [
            "  approved: {kind: order, by: {ru: акима Актюбинской области}, number: '123', date: 2025-12-24}",
            "  curator: {ru: Заместитель акима области}",
            "  period: {starts: 2026-01-01, ends: 2028-12-31}",
        ]
    lines += ["", "departments:"]
    for number in range(DEPARTMENTS):
        lines += [
            f"  - id: dept-{number:02d}",
            "    name:",
            f"      kk: Басқарма №{number}",
            f"      ru: Управление №{number}",
            f"    language: {('kk', 'ru')[number % 2]}",
            f"    email: dept-{number:02d}@example.kz",
        ]
    lines += ["", "tasks:"]
    yield from (line + "\n" for line in lines)
    for number in range(count):
        lines = []
        words = [WORDS_RU[(number + shift) % len(WORDS_RU)] for shift in range(5)]
        kk_words = [WORDS_KK[(number + shift) % len(WORDS_KK)] for shift in range(5)]
        month = 1 + number % 12
        deadline = f"2026-{month:02d}-{1 + number % 28:02d}"
        status = ("done", "in_progress", "planned", "planned", "blocked")[number % 5]
        lead = f"dept-{number % DEPARTMENTS:02d}"
        if plan_fields and number % 5 == 0:
            lead = f"[{lead}, dept-{(number + 2) % DEPARTMENTS:02d}]"
        if number % 50 == 0:
            lines.append(f"  # --- Stage {number // 50 + 1} ---")
        lines += [
            f"  - id: T-{number:06d}",
            "    title:",
            f"      kk: {' '.join(kk_words)} №{number}",
            f"      ru: {' '.join(words).capitalize()} №{number}",
            f"    department: {lead}",
            f"    co_executors: [dept-{(number + 1) % DEPARTMENTS:02d}]",
            f"    deliverable: Протокол №{number}",
        ]
        postponed = number % 7 == 3
        moved_now = moved and number % 97 == 5 and status != "done"
        final = "2027-02-26" if moved_now else deadline
        if postponed:
            lines.append(f"    deadline: {'2027-02-26' if moved_now else '2026-12-30'}")
        else:
            lines.append(f"    deadline: {final}")
        if plan_fields and number % 2 == 0:
            lines += [
                "    cost:",
                f"      amount: {number % 900 + 100} {number % 1000:03d},5",
                "      sources: [local_budget]",
            ]
        lines.append(f"    status: {'done' if moved and number % 89 == 2 else status}")
        if status == "done" or (moved and number % 89 == 2):
            lines.append(f"    completed: 2026-{month:02d}-01  # on the protocol's date")
        if status == "blocked":
            lines.append("    reason: Ожидается решение инвестора")
        if number > 0 and number % 3 == 0:
            lines.append(f"    depends_on: [T-{number - 1:06d}]")
        if postponed:
            lines += [
                "    postponements:",
                f"      - from: {deadline}",
                "        to: 2026-12-30",
                "        reason: Перенос по решению штаба",
                f"        decision: Протокол №{number} от 01.02.2026",
            ]
            if moved_now:
                lines += [
                    "      - from: 2026-12-30",
                    "        to: 2027-02-26",
                    "        reason: Новый перенос",
                    "        decision: Протокол №2",
                ]
        elif moved_now:
            lines += [
                "    postponements:",
                f"      - from: {deadline}",
                "        to: 2027-02-26",
                "        reason: Перенос",
                "        decision: Протокол №1",
            ]
        if plan_fields and number % 3 == 0:
            lines += [
                "    progress:",
                "      - on: 2026-10-01",
                f"        text: {{ru: Направлено письмо №{number}, kk: Хат жіберілді №{number}}}",
                f"        document: письмо № {number} от 01.10.2026",
            ]
        lines.append("")
        yield from (line + "\n" for line in lines)
    # One recurring duty, reported monthly, for `roadmap submit`.
    duty = [
        "  - id: D-000001",
        "    title: Ежемесячная информация о ходе исполнения",
        "    department: dept-00",
        "    recurrence: {every: monthly, due_day: 10, starts: 2026-01-01}",
        "    status: in_progress",
        "    submissions:",
        *(f"      - {{period: '2026-{month:02d}', on: 2026-{month + 1:02d}-08}}" for month in range(1, 10)),
    ]
    yield from (line + "\n" for line in duty)


@dataclass
class Measurement:
    size: int
    command: str
    median_s: float
    runs: list[float]
    peak_mb: float
    exit_code: int


def measure(
    argv: list[str], runs: int, cwd: Path, before: list[str] | None = None
) -> tuple[list[float], float, int]:
    """Wall times of `runs` runs after a warm-up, the largest peak RSS, and the last exit code."""
    times: list[float] = []
    peak = 0
    code = 0
    for run in range(runs + 1):
        if before is not None:
            subprocess.run(before, cwd=cwd, check=True, capture_output=True)
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        code = process.returncode
        if run > 0:
            times.append(elapsed)
            peak = max(peak, usage.ru_maxrss)
    return times, peak / 1024, code


# The directory of roadmaps `status`, `check` and `diff` read at once holds this many, sharing the tasks.
PLANS = 4


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


# Reminders of what falls due within two working weeks of the benchmark's day.
SOON = ["--within", "10wd", "--as-of", "2026-11-26"]


def commands(python: str, roadmap: str, checker: str | None) -> dict[str, tuple[list[str], list[str] | None]]:
    found = {
        "python -c pass": ([python, "-c", "pass"], None),
        "roadmap validate": ([roadmap, "validate", "roadmap.yaml"], None),
        "roadmap status": ([roadmap, "status", "roadmap.yaml", "--as-of", "2026-11-26"], None),
        "roadmap check": ([roadmap, "check", "roadmap.yaml", "--as-of", "2026-11-26"], None),
        "roadmap diff": (
            [roadmap, "diff", "roadmap.yaml", "--base", "HEAD~1", "--head", "HEAD", "--check"],
            None,
        ),
        f"roadmap status plans/ ({PLANS} roadmaps)": (
            [roadmap, "status", "plans", "--as-of", "2026-11-26"],
            None,
        ),
        f"roadmap check plans/ ({PLANS} roadmaps)": (
            [roadmap, "check", "plans", "--as-of", "2026-11-26"],
            None,
        ),
        f"roadmap diff plans/ ({PLANS} roadmaps)": (
            [roadmap, "diff", "plans", "--base", "HEAD~1", "--head", "HEAD", "--check"],
            None,
        ),
        "roadmap report docx": (
            [roadmap, "report", "roadmap.yaml", "-o", "report.docx", "--as-of", "2026-11-26"],
            None,
        ),
        "roadmap report xlsx": (
            [roadmap, "report", "roadmap.yaml", "-o", "report.xlsx", "--as-of", "2026-11-26"],
            None,
        ),
        "roadmap report brief": (
            [
                roadmap,
                "report",
                "roadmap.yaml",
                "--kind",
                "brief",
                "-o",
                "brief.html",
                "--as-of",
                "2026-11-26",
            ],
            None,
        ),
        # The file's history: its two commits read and compared (no cache yet: every run reads them all).
        "roadmap history": ([roadmap, "history", "--file", "roadmap.yaml", "--format", "json"], None),
        "roadmap history --on-time": (
            [
                roadmap,
                "history",
                "--file",
                "roadmap.yaml",
                "--on-time",
                "--until",
                "2026-11-26",
                "-f",
                "json",
            ],
            None,
        ),
        # The roadmap as it stood at the commit before, read from git and judged.
        "roadmap status --at": (
            [roadmap, "status", "roadmap.yaml", "--at", "HEAD~1", "--as-of", "2026-11-26"],
            None,
        ),
        # Every department's reminder, as e-mail files (a text and an HTML part each) and as one JSON.
        "roadmap remind eml": (
            [
                roadmap,
                "remind",
                "roadmap.yaml",
                "-f",
                "eml",
                "--from",
                "roadmap@example.kz",
                "-o",
                "mail",
                *SOON,
            ],
            None,
        ),
        "roadmap remind json": (
            [roadmap, "remind", "roadmap.yaml", "-f", "json", *SOON],
            None,
        ),
        # Every deadline and a year of each duty's periods as an iCalendar feed, with alarms.
        "roadmap calendar": (
            [
                roadmap,
                "calendar",
                "roadmap.yaml",
                "--alarm",
                "3wd",
                "-o",
                "deadlines.ics",
                "--as-of",
                "2026-11-26",
            ],
            None,
        ),
        # The reports above, taken in again: a 1,000-item plan as a Word table and as an Excel sheet.
        "roadmap import docx": (
            [roadmap, "import", "report.docx", "-o", "imported.yaml"],
            ["rm", "-f", "imported.yaml"],
        ),
        "roadmap import xlsx": (
            [roadmap, "import", "report.xlsx", "-o", "imported.yaml"],
            ["rm", "-f", "imported.yaml"],
        ),
        # One department's reply form (a twentieth of the items), then that form taken back unchanged:
        # every row read and checked against the roadmap, nothing to write.
        "roadmap export": (
            [roadmap, "export", "roadmap.yaml", "-d", "dept-01", "-o", "reply.xlsx", "--as-of", "2026-11-26"],
            None,
        ),
        "roadmap import-progress": (
            [roadmap, "import-progress", "reply.xlsx", "--file", "roadmap.yaml"],
            None,
        ),
        "roadmap done": (
            [roadmap, "done", "T-000002", "--on", "2026-11-20", "--file", "roadmap.yaml"],
            ["git", "checkout", "--", "roadmap.yaml"],
        ),
        "roadmap init": ([roadmap, "init", "new.yaml"], ["rm", "-f", "new.yaml"]),
        "roadmap note": (
            [
                roadmap,
                "note",
                "T-000003",
                "--text",
                "Письмо направлено",
                "--on",
                "2026-11-20",
                "--file",
                "roadmap.yaml",
            ],
            ["git", "checkout", "--", "roadmap.yaml"],
        ),
        "roadmap submit": (
            [
                roadmap,
                "submit",
                "D-000001",
                "--period",
                "2026-10",
                "--on",
                "2026-11-09",
                "--file",
                "roadmap.yaml",
            ],
            ["git", "checkout", "--", "roadmap.yaml"],
        ),
    }
    if checker is not None:
        found["check-jsonschema"] = ([checker, "--schemafile", str(SCHEMA), "roadmap.yaml"], None)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000,100000", help="task counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per command (after one warm-up)")
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    parser.add_argument(
        "--huge",
        action="store_true",
        help="instead: validate, check and done on a 50 MB file where every task is invalid, and check on "
        "a 60 MB valid one (the bound for any file up to the size limit: 30 s and 600 MiB)",
    )
    parser.add_argument(
        "--plan-fields",
        action="store_true",
        help="generate the roadmaps with what a signed plan adds: the approving act, a cost on every "
        "second task, two leads on every fifth, a progress note on every third",
    )
    parser.add_argument(
        "--history",
        type=int,
        metavar="COMMITS",
        help="instead: `roadmap history` of a 1,000-task roadmap over COMMITS commits (each moving one "
        "deadline with its record, every revision valid), cold (no cache) and warm",
    )
    options = parser.parse_args()
    bin_dir = Path(sys.executable).parent
    roadmap = shutil.which("roadmap", path=str(bin_dir)) or "roadmap"
    checker = shutil.which("check-jsonschema", path=str(bin_dir))
    if checker is None:
        print("check-jsonschema is not installed here: pip install -e '.[bench]'", file=sys.stderr)
    # An installed package comes with its bytecode compiled (pip does it); an editable one may not,
    # and with PYTHONDONTWRITEBYTECODE set every run would compile roadmap_cli from source again.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "roadmap_cli")], check=True)
    results: list[Measurement] = []
    if options.huge:
        return huge_files(roadmap, options.runs)
    if options.history:
        return long_history(roadmap, options.history, options.runs)
    for size in (int(value) for value in options.sizes.split(",")):
        with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as folder:
            cwd = Path(folder)
            git(cwd, "init", "-q")
            git(cwd, "config", "user.email", "bench@example.org")
            git(cwd, "config", "user.name", "bench")
            for moved in (False, True):  # the base commit, then the head with deadlines moved
                write_roadmap(cwd / "roadmap.yaml", size, moved=moved, plan_fields=options.plan_fields)
                # The same number of tasks, as a directory of several roadmaps.
                (cwd / "plans").mkdir(exist_ok=True)
                for number in range(PLANS):
                    part = max(size // PLANS, 1)
                    write_roadmap(cwd / "plans" / f"plan-{number}.yaml", part, moved, options.plan_fields)
                git(cwd, "add", "-A")
                git(cwd, "commit", "-qm", "head" if moved else "base")
            megabytes = (cwd / "roadmap.yaml").stat().st_size / 1e6
            print(f"{size:,} tasks ({megabytes:.1f} MB)", file=sys.stderr)
            for name, (argv, before) in commands(sys.executable, roadmap, checker).items():
                times, peak, code = measure(argv, options.runs, cwd, before)
                results.append(Measurement(size, name, statistics.median(times), times, peak, code))
                print(
                    f"  {name}: {statistics.median(times):.3f} s, {peak:.0f} MB, exit {code}", file=sys.stderr
                )
    print_table(results)
    if options.json is not None:
        machine = {"python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count()}
        document = {"machine": machine, "results": [asdict(result) for result in results]}
        options.json.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return 0


def long_history(roadmap: str, commits: int, runs: int) -> int:
    """`roadmap history` cold and warm over a long history: a commit a day, each postponing a task."""
    with tempfile.TemporaryDirectory(prefix="roadmap-history-") as folder:
        cwd = Path(folder)
        git(cwd, "init", "-q")
        git(cwd, "config", "user.email", "bench@example.org")
        git(cwd, "config", "user.name", "bench")
        lines = list(roadmap_lines(1000))
        # The k-th deadline line is task k's; the ones moved are neither done nor postponed already.
        dated = [at for at, line in enumerate(lines) if line.startswith("    deadline: 20")]
        deadlines = [at for task, at in enumerate(dated) if task % 7 != 3 and task % 5 != 0]
        moves: dict[int, list[str]] = {}
        for number in range(commits):
            at = deadlines[number % len(deadlines)]
            records = moves.setdefault(at, [])
            old = lines[at].split("\n")[0].removeprefix("    deadline: ")
            new = f"2027-{number // len(deadlines) % 12 + 1:02d}-{number % 28 + 1:02d}"
            records.append(
                f"      - {{from: {old}, to: {new}, reason: Перенос, decision: Протокол №{number + 1}}}\n"
            )
            # The move with its record, as `roadmap postpone` writes one: a valid file at every commit.
            lines[at] = f"    deadline: {new}\n    postponements:\n" + "".join(records)
            (cwd / "roadmap.yaml").write_text("".join(lines), encoding="utf-8")
            stamp = f"{1767243600 + number * 86400} +0500"  # a day apart, from 1 January 2026
            dated = {**os.environ, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_DATE": stamp}
            subprocess.run(["git", "add", "-A"], cwd=cwd, check=True, capture_output=True)
            subprocess.run(["git", "commit", "-qm", f"change {number}"], cwd=cwd, check=True, env=dated)
        argv = [roadmap, "history", "--file", "roadmap.yaml", "--format", "json"]
        cache = cwd / ".git" / "roadmap-history.sqlite3"
        cold, cold_peak, _code = measure(argv, runs, cwd, ["rm", "-f", str(cache)])
        warm, warm_peak, code = measure(argv, runs, cwd)
        print(f"roadmap history, {commits:,} commits of 1,000 tasks:")
        print(f"  cold (no cache): {statistics.median(cold):.2f} s, {cold_peak:.0f} MB")
        print(f"  warm: {statistics.median(warm):.2f} s, {warm_peak:.0f} MB, exit {code}")
    return 0


def write_invalid_roadmap(path: Path, count: int) -> None:
    """A roadmap of `count` tasks where every task has four errors: what a hostile pull request sends."""
    broken = {
        "    status: ": "    status: x",
        "    deliverable: ": "    delivrable: ",
        "    deadline: 2026": "    deadline: 3026",
        "    co_executors: [": "    co_executors: {a: [",
    }
    with path.open("w", encoding="utf-8") as handle:
        for line in roadmap_lines(count):
            for good, bad in broken.items():
                if line.startswith(good):
                    line = bad + line.removeprefix(good)
                    line = line.replace("]\n", "]}\n") if good.endswith("[") else line
            handle.write(line)


def huge_files(roadmap: str, runs: int) -> int:
    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as folder:
        cwd = Path(folder)
        write_invalid_roadmap(cwd / "invalid.yaml", 150_000)
        write_roadmap(cwd / "valid.yaml", 140_000)
        rows = [
            ("invalid.yaml", "roadmap validate", [roadmap, "validate", "invalid.yaml"]),
            ("invalid.yaml", "roadmap check", [roadmap, "check", "invalid.yaml", "--as-of", "2026-11-26"]),
            ("invalid.yaml", "roadmap done", [roadmap, "done", "T-000002", "--file", "invalid.yaml"]),
            ("valid.yaml", "roadmap check", [roadmap, "check", "valid.yaml", "--as-of", "2026-11-26"]),
        ]
        print(f"{'file':>22}  {'command':<18} {'median s':>9} {'peak MiB':>9}  exit")
        for name, command, argv in rows:
            megabytes = (cwd / name).stat().st_size / 1e6
            times, peak, code = measure(argv, runs, cwd)
            label = f"{name} ({megabytes:.0f} MB)"
            print(f"{label:>22}  {command:<18} {statistics.median(times):>9.2f} {peak:>9.0f}  {code}")
    return 0


def print_table(results: list[Measurement]) -> None:
    baseline = {result.size: result.median_s for result in results if result.command == "check-jsonschema"}
    check = {result.size: result.median_s for result in results if result.command == "roadmap check"}
    header = ("tasks", "command", "median s", "peak MB", "× check-jsonschema", "× check")
    wide = max(len(result.command) for result in results)
    print(f"{header[0]:>8}  {header[1]:<{wide}} {header[2]:>9} {header[3]:>8} {header[4]:>19} {header[5]:>8}")
    for result in results:
        versus = baseline.get(result.size)
        ratio = f"{result.median_s / versus:.2f}" if versus else "-"
        against_check = f"{result.median_s / check[result.size]:.2f}" if result.size in check else "-"
        print(
            f"{result.size:>8,}  {result.command:<{wide}} {result.median_s:>9.3f} {result.peak_mb:>8.0f} "
            f"{ratio:>19} {against_check:>8}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
