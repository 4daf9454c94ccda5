"""`roadmap init`: a small commented roadmap to start from, in Kazakh, Russian or English."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from roadmap_cli import messages
from roadmap_cli.commands.shared import emit, speak
from roadmap_cli.errors import ExitCode, RoadmapError, UsageError
from roadmap_cli.messages import say


def init(path: Path, requested: str | None) -> ExitCode:
    """Write the template in the language asked for (else English); an existing file is never replaced."""
    speak(requested)
    language = messages.current()
    template = resources.files("roadmap_cli.templates").joinpath(f"roadmap.{language}.yaml").read_bytes()
    try:
        with path.open("xb") as handle:  # created here, or refused: nothing is overwritten
            handle.write(template)
    except FileExistsError:
        raise UsageError(say("init.exists", path=path)) from None
    except OSError as exc:  # no such folder, no permission, a full disk
        raise RoadmapError(say("storage.cannot_write", path=path, reason=exc.strerror or exc)) from None
    emit(messages.text("init.written", path=path) + "\n")
    return ExitCode.OK
