"""The `roadmap` command's entry point (also `python -m roadmap_cli`): start fast, end fast.

`roadmap` is a short-lived process, so three costs that buy nothing are skipped:
- the garbage collector, which would walk the hundreds of thousands of objects of a large
  roadmap again and again, although loading one creates no reference cycles;
- pydantic's search of every installed package for plugins (our models use none);
- tearing the heap down object by object at exit: output is flushed, then the process ends.
"""

from __future__ import annotations

import gc
import os
import sys
from typing import NoReturn


def main() -> NoReturn:
    gc.disable()
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from roadmap_cli.cli import run

    code = run()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader (`| head`) left: not an error of ours
        code = code or 0
    os._exit(code)


if __name__ == "__main__":
    main()
