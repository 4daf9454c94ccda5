"""Text from a roadmap file is data: make it inert before it reaches a terminal."""

from __future__ import annotations

from roadmap_cli.invisible import INVISIBLE


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def inert(text: str) -> str:
    """`text` with control, format and separator characters spelled out (ESC becomes ``\\x1b``, a
    zero-width space ``\\u200b``).

    Terminal escape sequences, carriage returns and newlines from a file cannot then move the
    cursor, recolour the screen, set a window title or fake a second line of output, and nothing
    invisible passes for nothing.
    """
    if text.isprintable():
        return text
    return INVISIBLE.sub(lambda match: _visible(match.group()), text)


def xml_text(text: object) -> str:
    """Text XML 1.0 can carry: control characters spelled out, non-characters replaced."""
    return "".join("\ufffd" if char in "\ufffe\uffff" else char for char in inert(str(text)))
