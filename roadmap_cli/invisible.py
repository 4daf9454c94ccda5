"""Characters a reader cannot see, and that must never reach a terminal, a CI log or a report raw.

- C0 and C1 controls: ESC starts a terminal escape sequence, CR and LF fake a line;
- the line and paragraph separators (U+2028, U+2029);
- the format characters (Unicode category Cf): the bidirectional controls that make a line read
  differently from what it says (CVE-2021-42574), zero-width spaces and joiners, the word joiner,
  the byte-order mark, the soft hyphen, the tag characters. A text made only of these looks empty,
  and an id holding one looks like another id.

The Cf ranges are written out (a scan of Unicode at start-up would cost more than a whole run);
`tests/test_hostile.py` holds them to the Unicode database of the Python running the tests.
"""

from __future__ import annotations

import re

_FORMAT_RANGES = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_SEPARATORS = "\u2028\u2029"
_C1 = "\x7f-\x9f"

# Every invisible character, and the same without C0 controls (which JSON escapes by itself).
INVISIBLE = re.compile(f"[\x00-\x1f{_C1}{_SEPARATORS}{_FORMAT_RANGES}]")
INVISIBLE_BUT_C0 = re.compile(f"[{_C1}{_SEPARATORS}{_FORMAT_RANGES}]")


def is_blank(text: str) -> bool:
    """Whether a text shows nothing: only white space and invisible characters."""
    if text.isprintable():  # the usual case, and a quick one: no invisible character in it
        return not text.strip()
    return not INVISIBLE.sub("", text).strip()
