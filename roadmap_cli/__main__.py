"""The `roadmap` command's entry point (also `python -m roadmap_cli`): start fast, end fast.

`roadmap` is a short-lived process, so three costs that buy nothing are skipped:
- the garbage collector, which would walk the hundreds of thousands of objects of a large
  roadmap again and again, although loading one creates no reference cycles;
- pydantic's search of every installed package for plugins (our models use none);
- tearing the heap down object by object at exit: output is flushed, then the process ends.

And it makes the standard streams safe to write before anything runs: a stream the process was
started without (`>&-`) becomes the null device, and a character the terminal's encoding cannot
hold (Cyrillic on an ASCII or cp1252 console) is written as its escape (`\u049b`) instead of
failing the command.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
from pathlib import Path
from typing import NoReturn


def _safe_streams() -> None:
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            # Kept open for the life of the process, like the stream it stands for.
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
        elif isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def main() -> NoReturn:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _safe_streams()
    from roadmap_cli.cli import run

    code = run()
    for stream in (sys.stdout, sys.stderr):
        # The reader left, or the output failed: already said, or not ours to say.
        with contextlib.suppress(OSError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
