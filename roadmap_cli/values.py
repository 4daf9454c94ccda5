"""The values of a roadmap file, each with its rule: ids, dates, deadlines, non-blank text, text in
three languages, statuses. The models (`model.py`) are built of these.

Validators raise `PydanticCustomError` through `invalid`, with a catalogue key, so that the loader can
show their message as is, next to a file position, in the language of the command.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, BeforeValidator, PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

from roadmap_cli import dates
from roadmap_cli.invisible import is_blank
from roadmap_cli.messages import LANGUAGES, Text, say
from roadmap_cli.wording import ACCEPTED_FORMS, Deadline, WordingError, parse_deadline

# Latin letters, digits, '-' and '_', in parts joined by single dots, as a signed plan numbers its
# items: SEZ-001, energy, 7, 7.1, 11.3, 1.2.4. Latin only: Cyrillic "а" and Latin "a" look alike, and an
# id is what a command line names.
_IDENTIFIER = re.compile(r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*")
_IDENTIFIER_PATTERN = "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$"


def describe_value(value: object) -> Text:
    """How a value read from YAML is named in a message: 'text', a mapping, a list, nothing."""
    if value is None:
        return say("value.nothing")
    if isinstance(value, Mapping):
        return say("value.mapping")
    if isinstance(value, list | tuple):
        return say("value.list")
    return say("value.text", text=shortened(value))


def shortened(value: object) -> str:
    """A value as one short line: a message is one line, and a whole file read as one block scalar
    must not become one."""
    text = str(value)
    if len(text) > 40 or "\n" in text:
        text = text[:40].replace("\r", " ").replace("\n", " ") + "..."
    return text


def invalid(key: str, **params: object) -> PydanticCustomError:
    """A validation error saying the catalogue's `key` (``invalid.<kind>``; its type is ``<kind>``).

    The message travels as a `Text` so that it is put into words in the language of the command,
    which may only be known once the file is read.
    """
    return PydanticCustomError(key.removeprefix("invalid."), "{message}", {"message": say(key, **params)})


def is_identifier(value: str) -> bool:
    return _IDENTIFIER.fullmatch(value) is not None


def identifier_problem(value: str) -> Text | None:
    """Why `value` is no id; None when it is one."""
    if is_identifier(value):
        return None
    bare = value.rstrip(".")
    if bare != value and is_identifier(bare):  # "7.1." as a typed document numbers its items
        return say("invalid.identifier_final_dot", value=shortened(value), bare=bare)
    return say("invalid.identifier", value=shortened(value))


def _identifier(value: str) -> str:
    problem = identifier_problem(value)
    if problem is not None:
        raise PydanticCustomError("identifier", "{message}", {"message": problem})
    return value


D = TypeVar("D", bound=date)


def _planned(day: D) -> D:
    """`day`, when it lies in the years a roadmap may name (`dates.PLANNING_YEARS`)."""
    if day.year not in dates.PLANNING_YEARS:
        years = dates.PLANNING_YEARS
        raise invalid("invalid.year_range", day=day.isoformat(), first=years[0], last=years[-1])
    return day


# One object for each date or deadline written the same way: a large roadmap repeats the same
# few hundred of them many thousand times (and a wording takes a dozen patterns to read).
_read_iso_date = functools.lru_cache(maxsize=4096)(dates.parse_iso_date)
_read_deadline = functools.lru_cache(maxsize=4096)(parse_deadline)


def _iso_date(value: object) -> date:
    if isinstance(value, date):
        return _planned(value)
    if not isinstance(value, str):
        raise invalid("invalid.date_type", found=describe_value(value))
    try:
        day = _read_iso_date(value)
    except ValueError as exc:
        raise invalid("invalid.date_format", reason=exc) from None
    return _planned(day)


def _deadline(value: object) -> Deadline:
    if isinstance(value, Deadline):
        return value
    if isinstance(value, date):
        return _planned(Deadline.on(value))
    if isinstance(value, Mapping) and value:
        return _deadline_per_language(value)
    if not isinstance(value, str):
        raise invalid("invalid.deadline_type", found=describe_value(value))
    try:
        deadline = _read_deadline(value)
    except WordingError as exc:
        raise invalid(
            "invalid.deadline_format", text=shortened(value), reason=exc, accepted=ACCEPTED_FORMS
        ) from None
    return _planned(deadline)


def _deadline_per_language(value: Mapping[object, object]) -> Deadline:
    """``{ru: IV квартал 2026 года, kk: 2026 жылғы IV тоқсан}``: every wording must name the same day."""
    read: list[tuple[str, Deadline]] = []
    for language, text in value.items():
        if language not in LANGUAGES:
            raise invalid("invalid.language", language=shortened(language))
        read.append((str(language), _deadline(text)))
    first_language, first = read[0]
    for language, deadline in read[1:]:
        if deadline != first or getattr(deadline, "starts", None) != getattr(first, "starts", None):
            raise invalid(
                "invalid.deadline_languages",
                first=first_language,
                day=first,
                other=language,
                other_day=deadline,
            )
    wordings = tuple((language, deadline.as_written()) for language, deadline in read)
    return Deadline.per_language(wordings, first)


def checked_timezone(value: str) -> str:
    try:
        dates.resolve_timezone(value)
    except ValueError as exc:
        raise invalid("invalid.timezone", reason=exc) from None
    return value


def _non_blank(value: str) -> str:
    if is_blank(value):  # a zero-width space alone is no title
        raise invalid("invalid.blank")
    return value


Identifier = Annotated[
    str,
    AfterValidator(_identifier),
    # A YAML tool reads `id: 1` or `id: 7.1` as a number; this tool reads every scalar as text.
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": _IDENTIFIER_PATTERN}, {"type": "number"}]}),
]
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]
_TEXT_SCHEMA = {"type": "string", "minLength": 1}
# A text, or a text per language (a title, a name, a deadline's wording).
TEXT_PER_LANGUAGE_SCHEMA: dict[str, Any] = {
    "anyOf": [
        _TEXT_SCHEMA,
        {
            "type": "object",
            "properties": dict.fromkeys(LANGUAGES, _TEXT_SCHEMA),
            "additionalProperties": False,
            "minProperties": 1,
        },
    ]
}
# Optional as a field, but a key written with no value is an error (hence a plain validator that
# also sees None), not the same as no key.
DeadlineText = Annotated[
    Deadline | None,
    PlainValidator(_deadline),
    PlainSerializer(lambda value: value.written() if value is not None else None),
    WithJsonSchema(
        {
            "anyOf": [
                *TEXT_PER_LANGUAGE_SCHEMA["anyOf"],
                {
                    "type": "object",
                    "properties": {
                        "after": {"type": ["string", "number"]},
                        "within": {"type": "string", "minLength": 1},
                        "wording": TEXT_PER_LANGUAGE_SCHEMA,
                    },
                    "required": ["after", "within"],
                    "additionalProperties": False,
                },
            ],
            "description": "an ISO date, 31.12.2026, or an official wording: 'IV квартал 2026 года', "
            "'до 20 декабря 2026 года', '2026 жылғы 10 қарашадағы', 'Q4 2026'...; or one per language, "
            "all naming the same day: {ru: 'IV квартал 2026 года', kk: '2026 жылғы IV тоқсан'}; or counted "
            "from another item's completion: {after: '7.6', within: '2 месяца'}",
        }
    ),
]
NonBlank = Annotated[str, AfterValidator(_non_blank), WithJsonSchema({"type": "string", "minLength": 1})]

# One mailbox as a person writes it (`uprav@aktobe.gov.kz`): no name, no comment, no space and none of
# the characters that separate addresses or start a header's next line, so that a reminder sent to it
# can only ever go to that one address.
_EMAIL_PATTERN = r"^[^\s@<>(),;:\"\[\]\\]+@[^\s@<>(),;:\"\[\]\\.]+(\.[^\s@<>(),;:\"\[\]\\.]+)+$"
_EMAIL = re.compile(_EMAIL_PATTERN)


def email_problem(value: str) -> Text | None:
    """Why `value` is not one mailbox, or None when it is."""
    return None if _EMAIL.fullmatch(value) else say("invalid.email", value=shortened(value))


def _email(value: str) -> str:
    if _EMAIL.fullmatch(value) is None:
        raise invalid("invalid.email", value=shortened(value))
    return value


EmailAddress = Annotated[
    str, AfterValidator(_email), WithJsonSchema({"type": "string", "pattern": _EMAIL_PATTERN})
]


@dataclass(frozen=True, slots=True)
class Localized:
    """Text given once, or per language (kk, ru, en).

    Kept flat, each language code before its text (``("kk", "Жоба", "ru", "Проект")``), because a
    large roadmap has hundreds of thousands of them; a plain string is kept under the empty code.
    """

    flat: tuple[str, ...]

    @property
    def texts(self) -> tuple[tuple[str, str], ...]:
        """(language, text) pairs, as written."""
        return tuple(zip(self.flat[::2], self.flat[1::2], strict=True))

    def choose(self, preferred: Iterable[str]) -> tuple[str, str]:
        """The text in the first preferred language present, with that language ("" for text given
        once, with no language); else the first one written."""
        by_language = dict(self.texts)
        if "" in by_language:
            return "", by_language[""]
        for language in preferred:
            if language in by_language:
                return language, by_language[language]
        return self.texts[0]

    def joined(self) -> str:
        """Every text, as written, in one line: ``Жоба / Проект`` (to compare or show all of them)."""
        return " / ".join(self.flat[1::2])

    @classmethod
    def _validate(cls, value: object) -> Localized:
        if isinstance(value, Localized):
            return value
        if isinstance(value, str):
            return cls(("", _non_blank(value)))
        if isinstance(value, Mapping) and value:
            flat: list[str] = []
            for language, text in value.items():
                if language not in LANGUAGES:
                    raise invalid("invalid.language", language=shortened(language))
                if not isinstance(text, str) or not text.strip():
                    raise invalid("invalid.localized_text", language=language)
                flat += (language, text)
            return cls(tuple(flat))
        raise invalid("invalid.localized_type", found=describe_value(value))

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: dict(value.texts) if value.texts[0][0] else value.texts[0][1]
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return dict(TEXT_PER_LANGUAGE_SCHEMA)


# An amount of money as a plan's column writes it, in million tenge: 1250.5, 1 250,5, 0,3. A comma and a
# dot together (1,250.5) are refused: which one is the decimal mark is a guess.
_MONEY = re.compile(r"[0-9]{1,3}(?:[ \u00a0\u202f]?[0-9]{3})*(?:[.,][0-9]{1,3})?|[0-9]+(?:[.,][0-9]{1,3})?")


def check_money(value: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if not isinstance(value, str):
        raise invalid("invalid.money_type", found=describe_value(value))
    written = value.strip()
    if _MONEY.fullmatch(written) is None:
        raise invalid("invalid.money", value=shortened(value))
    return Decimal(re.sub(r"[ \u00a0\u202f]", "", written).replace(",", "."))


def check_year(value: object) -> int:
    text = str(value).strip()
    if not (text.isascii() and text.isdigit()) or int(text) not in dates.PLANNING_YEARS:
        raise invalid("invalid.year", value=shortened(value))
    return int(text)


MONEY_SCHEMA = {
    "anyOf": [{"type": "number", "minimum": 0}, {"type": "string", "pattern": f"^(?:{_MONEY.pattern})$"}]
}
Money = Annotated[Decimal, PlainValidator(check_money), PlainSerializer(str), WithJsonSchema(MONEY_SCHEMA)]
Year = Annotated[int, PlainValidator(check_year), WithJsonSchema({"type": ["integer", "string"]})]


def _leads(value: object) -> object:
    """One lead department (``department: uezhkh``) or several equal ones (``[uezhkh, uptad]``)."""
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple):
        raise invalid("invalid.leads_type", found=describe_value(value))
    if not value:
        raise invalid("invalid.no_lead")
    return value


# The lead executors: one, or several equal ones ("УЭЖКХ, УПТАД, Управление строительства").
Leads = Annotated[
    tuple[Identifier, ...],
    BeforeValidator(_leads),
    PlainSerializer(lambda leads: leads[0] if len(leads) == 1 else list(leads)),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "pattern": _IDENTIFIER_PATTERN},
                {"type": "number"},
                {
                    "type": "array",
                    "minItems": 1,
                    "items": {"anyOf": [{"type": "string"}, {"type": "number"}]},
                },
            ]
        }
    ),
]
