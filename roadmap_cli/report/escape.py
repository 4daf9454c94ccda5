"""Text from a roadmap file is data: make it inert before it reaches a terminal."""

from __future__ import annotations

import unicodedata

# Bidirectional controls can make a line read differently from what it says (CVE-2021-42574).
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """`text` with control and bidi characters spelled out (ESC becomes ``\\x1b``).

    Terminal escape sequences, carriage returns and newlines from a file cannot then move the
    cursor, recolour the screen, set a window title or fake a second line of output.
    """
    if text.isprintable():
        return text
    return "".join(
        _visible(char) if char in _BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Zl", "Zp") else char
        for char in text
    )
