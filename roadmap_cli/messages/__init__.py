"""What the tool says, in Kazakh, Russian and English: one catalogue per language.

Each catalogue (`kk.py`, `ru.py`, `en.py`) maps the same keys to templates with the same
``{placeholders}``; a test holds them to that. A key starting with ``n.`` is a counted noun: its
forms are separated by ``|`` and picked by the language's plural rule (English: 1 day, 2 days;
Russian: 1 день, 2 дня, 5 дней; Kazakh nouns do not change after a number).

The language is chosen once per command (`use`), from --lang, $ROADMAP_LANG, the roadmap's
``language`` or English, in that order; everything that talks to people then goes through `text`.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache

LANGUAGES = ("kk", "ru", "en")
DEFAULT_LANGUAGE = "en"
# When a title is missing in the chosen language, the one shown instead (and marked as such).
FALLBACKS = {"kk": ("kk", "ru", "en"), "ru": ("ru", "kk", "en"), "en": ("en", "ru", "kk")}
LANGUAGE_VARIABLE = "ROADMAP_LANG"


@cache
def catalogue(language: str) -> Mapping[str, str]:
    module = importlib.import_module(f"roadmap_cli.messages.{language}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


class _Current:
    language = DEFAULT_LANGUAGE


def use(language: str) -> None:
    """Speak `language` (kk, ru or en) from now on."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}': use kk, ru or en")
    _Current.language = language


def current() -> str:
    return _Current.language


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Speak `language` within the block, then the language spoken before (a reminder is written in
    its department's language, whatever the command speaks)."""
    before = _Current.language
    use(language)
    try:
        yield
    finally:
        _Current.language = before


def requested(option: str | None, environ: Mapping[str, str]) -> str | None:
    """The language asked for: --lang, else $ROADMAP_LANG; None when neither says (then the roadmap's
    own language is spoken, else English).

    Raises ValueError naming where an unknown language came from.
    """
    for value, source in ((option, "--lang"), (environ.get(LANGUAGE_VARIABLE) or None, LANGUAGE_VARIABLE)):
        if value is not None:
            if value.lower() not in LANGUAGES:
                raise ValueError(
                    say("subject.message", subject=source, message=say("invalid.language", language=value))
                )
            return value.lower()
    return None


def text(key: str, /, **params: object) -> str:
    """The message `key` in the current language, with its placeholders filled in (dates and
    `Amount`s written the local way)."""
    return catalogue(_Current.language)[key].format(**{name: _shown(value) for name, value in params.items()})


@dataclass(frozen=True, slots=True)
class Text:
    """A message not yet put into words: `str()` renders it in the language current at that moment.

    The core says things before the command knows which language to speak (the roadmap's own
    ``language`` is read with the file), so findings and errors carry a `Text`, not a string.
    Dates among the parameters are written the local way, and so are `Amount`s (plain numbers are
    left alone: a year is a number too); a parameter may itself be a `Text`.
    """

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return text(self.key, **dict(self.params))


def say(key: str, /, **params: object) -> Text:
    """The message `key` with its parameters, rendered when it is shown."""
    return Text(key, tuple(params.items()))


class Amount(int):
    """A number shown with its thousands grouped the local way: 10,000 or 10 000."""


def _shown(value: object) -> object:
    if isinstance(value, date):
        return day(value)
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, Amount):
        return grouped(value)
    return value


def grouped(value: int) -> str:
    """10,000 in English, 10 000 (with a no-break space) in Kazakh and Russian."""
    written = f"{value:,}"
    return written if _Current.language == "en" else written.replace(",", "\u00a0")


def money(value: Decimal) -> str:
    """An amount the local way: 1,250.5 in English, 1 250,5 in Kazakh and Russian (a no-break space
    between thousands, a decimal comma)."""
    whole, _, fraction = f"{value:f}".partition(".")
    written = grouped(int(whole))
    if fraction:
        written += ("." if _Current.language == "en" else ",") + fraction
    return written


def count(number: int, noun: str) -> str:
    """``3 days``, ``3 дня``, ``3 күн``: a number with the noun ``n.<noun>`` in the right form."""
    forms = catalogue(_Current.language)[f"n.{noun}"].split("|")
    return forms[_plural_form(_Current.language, number, len(forms))].format(n=grouped(number))


def _plural_form(language: str, number: int, forms: int) -> int:
    if forms == 1:
        return 0
    if language == "ru" and forms == 3:
        last, last_two = number % 10, number % 100
        if last == 1 and last_two != 11:
            return 0
        if 2 <= last <= 4 and not 12 <= last_two <= 14:
            return 1
        return 2
    return 0 if number == 1 else 1


def day(value: date) -> str:
    """A date the local way: 31.12.2026 in Kazakh and Russian, 2026-12-31 in English."""
    if _Current.language == "en":
        return value.isoformat()
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


def month(value: date) -> str:
    """The month of a date the local way: 12.2026 in Kazakh and Russian, 2026-12 in English."""
    if _Current.language == "en":
        return f"{value.year:04d}-{value.month:02d}"
    return f"{value.month:02d}.{value.year:04d}"
