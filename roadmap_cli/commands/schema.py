"""`roadmap schema`: the JSON Schema of the file format, for editors and other tools."""

from __future__ import annotations

import json

from roadmap_cli.commands.shared import emit
from roadmap_cli.errors import ExitCode
from roadmap_cli.model import json_schema


def schema() -> ExitCode:
    emit(json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n")
    return ExitCode.OK
