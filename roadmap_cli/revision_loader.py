"""Many revisions of one roadmap file, loaded one after another, each task's entry read once.

A history reads the same file hundreds of times over, and each commit changes a few of its tasks:
loading every revision whole spends nine tenths of the time parsing YAML that the revision before
already held. Here a revision's text is cut into its header (everything but the tasks) and its task
entries, and only a header or an entry not seen in the revision before is parsed; the rules that span
the file (unique ids, references, cycles) are checked again over the tasks as models.

The result is the roadmap `load_bytes` gives for the same bytes. The cut is made only where it is
exactly equivalent to reading the file whole: a block-style list of tasks under one ``tasks:`` key,
one document with no directives, anchors or aliases, LF line ends and no tabs. Any other revision is
loaded whole, and so is every revision this way finds invalid, so that a verdict of "invalid" is
always the full loader's own (a test holds the two ways to the same answer on mutated files).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import cast

from pydantic import ValidationError

from roadmap_cli import rules
from roadmap_cli.load import load_bytes
from roadmap_cli.model import Roadmap, Task
from roadmap_cli.source import DEFAULT_LIMITS, FOREIGN_BOMS, UTF8_BOM, Limits, compose, encoding_problem

# An anchor (&name) or an alias (*name) where YAML reads one: an entry could name another's anchor.
_ANCHOR_OR_ALIAS = re.compile(rb"(?:^|[\s\[{,:-])[&*][^\s,\]}]", re.MULTILINE)
_FIELDS = tuple(name for name in Roadmap.model_fields if name != "tasks")


@dataclass(frozen=True, slots=True)
class _Cut:
    header: bytes  # the file without its tasks, as a document of its own (``tasks: []``)
    indent: int  # how far the entries' dashes are indented
    entries: list[bytes]  # each task's entry as written, after its dash


def _readable_in_parts(raw: bytes) -> bool:
    """No anchors or aliases, and nothing that makes lines or indentation ambiguous to a cut by
    lines (CR line ends, tabs). What else could make the parts differ from the whole sits at the left
    margin (a second document, a directive, a second ``tasks:``), which ends the tasks: it is then in
    the header, and the header, parsed whole, refuses it."""
    if b"\r" in raw or b"\t" in raw:
        return False
    return not ((b"&" in raw or b"*" in raw) and _ANCHOR_OR_ALIAS.search(raw))


def _cut(raw: bytes) -> _Cut | None:
    """The header and the task entries of a file that can be read this way; None for any other.

    Every search here is one regular expression or one split, run in C: a history cuts thousands of
    revisions, and a loop over a file's lines in Python would cost more than the parsing it saves."""
    if not _readable_in_parts(raw):
        return None
    # The first ``tasks:`` at the margin; a second one is left in the header, which refuses it.
    key = 0 if raw.startswith(b"tasks:") else raw.find(b"\ntasks:") + 1
    line_end = raw.find(b"\n", key)
    if (key == 0 and not raw.startswith(b"tasks:")) or line_end < 0:
        return None
    rest_of_line = raw[key + len(b"tasks:") : line_end].strip(b" ")
    if rest_of_line and not rest_of_line.startswith(b"#"):
        return None  # `tasks: [...]` and the like
    first = _FIRST_LINE.search(raw, line_end)  # the first line that is not blank or a comment
    if first is None or raw[first.end() - 1 : first.end() + 1] != b"- ":
        return None
    indent, begins = len(first.group(1)), first.start()
    past = _past_tasks(indent).search(raw, begins)
    end = past.start() + 1 if past is not None else len(raw)
    entries = raw[begins : end - 1 if past is not None else end].split(b"\n" + b" " * indent + b"- ")
    tail = raw[end:]
    ending = b"" if not tail or tail.endswith(b"\n") else b"\n"
    return _Cut(raw[:key] + tail + ending + b"tasks: []\n", indent, entries[1:])


_FIRST_LINE = re.compile(rb"\n( *)[^ \n#]")


@functools.cache
def _past_tasks(indent: int) -> re.Pattern[bytes]:
    """The first line past the tasks: at the margin (for entries at the margin, one that is not an
    entry). A line within them that is odd in another way (left of an entry's content, and neither
    an entry's start nor a comment) is left in its entry: parsed alone, in the same place under
    ``tasks:``, it is as wrong as in the whole file, and the revision is then read whole."""
    return re.compile(rb"\n[^ \n#]" if indent else rb"\n(?!- )[^ \n#]")


class RevisionLoader:
    """Loads revisions of one file in order; remembers the last revision's header and entries."""

    def __init__(self, limits: Limits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self._header: tuple[bytes, Roadmap | None] = (b"", None)
        self._tasks: dict[bytes, Task] = {}
        self._positions = compose("{}").source_map  # the rules' places are not shown here
        self._last: Roadmap | None = None  # the last revision read in parts: valid, its rules kept
        self._last_ids: list[str] = []
        # How many revisions were read in parts, and how many whole (the tests look at them).
        self.cut = self.whole = 0

    def load(self, raw: bytes, name: str) -> Roadmap | None:
        """The roadmap the bytes hold, or None when they are not a valid roadmap (as `load_bytes`)."""
        if len(raw) > self.limits.max_bytes:
            return None
        # UTF-8 is checked piece by piece as each new piece is read (a cut at a line end never
        # splits a character); a foreign byte-order mark is the whole loader's to say.
        foreign = any(raw.startswith(mark) for mark, _encoding in FOREIGN_BOMS)
        cut = None if foreign else _cut(raw.removeprefix(UTF8_BOM))
        roadmap = None
        if cut is not None and not self._mostly_new(cut):
            roadmap = self._from_parts(cut)
        if roadmap is None:
            self.whole += 1
            roadmap = load_bytes(raw, name, self.limits).roadmap
            if roadmap is not None and cut is not None:
                self._remember(cut, roadmap)
            return roadmap
        self.cut += 1
        return roadmap

    def header(self, raw: bytes, name: str) -> Roadmap | None:
        """A valid revision's roadmap without its tasks, when its header can be cut off (else whole):
        its zone, departments and names, for a history taken from the cache."""
        cut = _cut(raw.removeprefix(UTF8_BOM))
        header = load_bytes(cut.header, name, self.limits).roadmap if cut is not None else None
        return header if header is not None else self.load(raw, name)

    def _mostly_new(self, cut: _Cut) -> bool:
        """Whether most entries are new (the first revision, or one rewritten): one whole parse is
        then faster than an entry at a time, and gives the models to remember all the same."""
        known = self._tasks
        return sum(entry not in known for entry in cut.entries) * 2 > len(cut.entries)

    def _remember(self, cut: _Cut, roadmap: Roadmap) -> None:
        """A revision read whole, remembered as if read in parts: its tasks are its entries, in order."""
        if len(roadmap.tasks) != len(cut.entries):
            return
        self._header = (cut.header, roadmap)  # only the fields other than the tasks are read from it
        self._tasks = dict(zip(cut.entries, roadmap.tasks, strict=True))
        self._last, self._last_ids = roadmap, [task.id for task in roadmap.tasks]

    def _from_parts(self, cut: _Cut) -> Roadmap | None:
        if cut.header != self._header[0]:
            self._header, self._last = (
                (cut.header, load_bytes(cut.header, "header", self.limits).roadmap),
                None,
            )
        header = self._header[1]
        if header is None:
            return None
        # An entry seen in the revision before is that revision's model (the memory holds valid
        # ones only); only the others are read, and they are the tasks that changed.
        found = list(map(self._tasks.get, cut.entries))
        read = [at for at, task in enumerate(found) if task is None]
        for at in read:
            found[at] = self._task(cut.entries[at], cut.indent)
            if found[at] is None:
                return None
        tasks = cast(list[Task], found)
        self._tasks = dict(zip(cut.entries, tasks, strict=True))
        ids = [task.id for task in tasks]
        if self._breaks_a_rule(header, tasks, ids, read):
            return None
        kept = {name: getattr(header, name) for name in _FIELDS}
        self._last, self._last_ids = Roadmap.model_construct(**kept, tasks=tuple(tasks)), ids
        return self._last

    def _breaks_a_rule(self, header: Roadmap, tasks: list[Task], ids: list[str], read: list[int]) -> bool:
        """Whether the rules that span the file find an error.

        Against the revision before (valid, with the same header and the same task ids in the same
        order) only the tasks that changed are checked: every rule that makes an error looks at one
        task and the sets of ids, which are the same; the one that looks across tasks, a cycle of
        dependencies, can only appear when a changed task depends on other tasks than before. The
        rules that look across tasks otherwise (a sub-item due after its item) only warn."""
        assert self._positions is not None
        checked = list(enumerate(tasks))
        last = self._last
        # With the same ids in the same order, the entries read anew are the tasks that changed
        # (an entry kept is the revision before's model, at the place of its id).
        if last is not None and ids == self._last_ids:
            before = last.tasks
            if all(tasks[at].depends_on == before[at].depends_on for at in read):
                checked = [(at, tasks[at]) for at in read]
        rule_input = rules.RuleInput(
            department_ids=[department.id for department in header.departments],
            section_ids=[section.id for section in header.sections],
            task_ids=ids,
            tasks=checked,
        )
        return any(finding.is_error for finding in rules.check(rule_input, self._positions))

    def _task(self, entry: bytes, indent: int) -> Task | None:
        if encoding_problem(entry) is not None:
            return None
        composed = compose(b"tasks:\n" + b" " * indent + b"- " + entry + b"\n", self.limits)
        data = composed.data
        if composed.problem is not None or not isinstance(data, dict) or len(data.get("tasks") or ()) != 1:
            return None
        try:
            return Task.model_validate(data["tasks"][0])
        except ValidationError:
            return None
