"""Text from a roadmap file is data: make it inert before it reaches a terminal."""

from __future__ import annotations

# The one list of characters that must never reach a reader raw: C0 and C1 controls (ESC starts a
# terminal escape sequence, CR and LF fake a line), the line and paragraph separators, and the
# bidirectional controls that make a line read differently from what it says (CVE-2021-42574).
UNSAFE_CHARACTERS = frozenset(
    [
        *map(chr, range(0x20)),
        *map(chr, range(0x7F, 0xA0)),
        "\u2028",
        "\u2029",
        *"\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
    ]
)


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
    return "".join(_visible(char) if char in UNSAFE_CHARACTERS else char for char in text)
