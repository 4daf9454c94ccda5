"""The roadmap file format as Pydantic models. No I/O here.

Every model forbids unknown keys (they are almost always typos). Field validators raise
`PydanticCustomError` so that the loader can show their message as is, next to a file position.
Cross-references (ids that must exist, cycles) are checked in `rules.py`, where every problem can
be reported at once with its own position.
"""

from __future__ import annotations

import contextlib
import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, tzinfo
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError, core_schema

from roadmap_cli import dates
from roadmap_cli.duty_wording import DUTY_FORMS, parse_duty
from roadmap_cli.invisible import is_blank
from roadmap_cli.messages import LANGUAGES, Text, say
from roadmap_cli.recurrence import DueTerms, Frequency, Schedule
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
    if not isinstance(value, str):
        raise invalid("invalid.deadline_type", found=describe_value(value))
    try:
        deadline = _read_deadline(value)
    except WordingError as exc:
        raise invalid(
            "invalid.deadline_format", text=shortened(value), reason=exc, accepted=ACCEPTED_FORMS
        ) from None
    return _planned(deadline)


def _timezone_name(value: str) -> str:
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
# Optional as a field, but a key written with no value is an error (hence a plain validator that
# also sees None), not the same as no key.
DeadlineText = Annotated[
    Deadline | None,
    PlainValidator(_deadline),
    PlainSerializer(lambda value: value.as_written() if value is not None else None),
    WithJsonSchema(
        {
            "type": "string",
            "minLength": 1,
            "description": "an ISO date, 31.12.2026, or an official wording: 'IV квартал 2026 года', "
            "'до 20 декабря 2026 года', '2026 жылғы 10 қарашадағы', 'Q4 2026'...",
        }
    ),
]
NonBlank = Annotated[str, AfterValidator(_non_blank), WithJsonSchema({"type": "string", "minLength": 1})]


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
        text = {"type": "string", "minLength": 1}
        return {
            "anyOf": [
                text,
                {
                    "type": "object",
                    "properties": dict.fromkeys(LANGUAGES, text),
                    "additionalProperties": False,
                    "minProperties": 1,
                },
            ]
        }


class Language(StrEnum):
    KAZAKH = "kk"
    RUSSIAN = "ru"
    ENGLISH = "en"


class Status(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    CANCELLED = "cancelled"

    @property
    def is_closed(self) -> bool:
        """Closed tasks can no longer be late."""
        return self in (Status.DONE, Status.CANCELLED)


# One set of given field names for all the instances given the same fields (see _Strict).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    def model_post_init(self, context: Any, /) -> None:
        # Pydantic keeps a set of the fields each instance was given: 728 bytes for a task, more
        # than all of its values. Instances given the same fields share one: the models are frozen,
        # and pydantic's model_copy copies the set before it adds to it.
        given = self.__pydantic_fields_set__
        object.__setattr__(self, "__pydantic_fields_set__", _FIELD_SETS.setdefault(frozenset(given), given))


class ActKind(StrEnum):
    """The kind of act that approves a plan, as Kazakhstan's legal acts name them."""

    ORDER = "order"  # распоряжение, өкім
    RESOLUTION = "resolution"  # постановление, қаулы
    DECISION = "decision"  # решение, шешім
    DECREE = "decree"  # указ, жарлық
    PROTOCOL = "protocol"  # протокол, хаттама
    INSTRUCTION = "instruction"  # приказ, бұйрық


class Approval(_Strict):
    """The act that approved the plan: "распоряжение акима Актюбинской области от 24.12.2025 № 123"."""

    kind: ActKind
    by: Localized = Field(
        description="who issued it, as the words after the kind of act say it in each language "
        "(ru: акима Актюбинской области; kk: Ақтөбе облысы әкімінің)"
    )
    number: NonBlank
    date: IsoDate


class PlanPeriod(_Strict):
    """The years a plan covers: its first and last day."""

    starts: IsoDate
    ends: IsoDate

    @model_validator(mode="after")
    def _in_order(self) -> PlanPeriod:
        if self.ends < self.starts:
            raise invalid("invalid.period_order", starts=self.starts, ends=self.ends)
        return self


class RoadmapInfo(_Strict):
    id: Identifier
    title: Localized
    language: Language | None = Field(
        default=None, description="the language of reports unless --lang or ROADMAP_LANG says otherwise"
    )
    timezone: Annotated[str, AfterValidator(_timezone_name)] | None = Field(
        default=None,
        description="IANA name (Asia/Aqtobe) or fixed offset (UTC+05:00); default UTC+5",
    )
    approved: Approval | None = Field(default=None, description="the act that approved the plan")
    curator: Localized | None = Field(
        default=None, description="who oversees the plan: the deputy akim, with the position"
    )
    period: PlanPeriod | None = Field(default=None, description="the years the plan covers")

    @cached_property
    def tz(self) -> tzinfo:
        return dates.resolve_timezone(self.timezone)

    @property
    def timezone_name(self) -> str:
        """The zone as reports name it: as written, or Kazakhstan's UTC+05:00 when not given."""
        return self.timezone or dates.KAZAKHSTAN_TIME_NAME


class Department(_Strict):
    id: Identifier
    name: Localized


class Postponement(_Strict):
    """One move of a deadline, with the decision that allowed it. A task's list is oldest first."""

    from_: IsoDate = Field(alias="from", description="the deadline before this move")
    to: IsoDate = Field(description="the deadline after this move")
    reason: NonBlank
    decision: NonBlank = Field(description="the document that allowed it: a protocol, an order...")


def _due_day_optional_in_schema(schema: dict[str, Any]) -> None:
    # `every` may carry the due day in its wording, so the schema cannot require `due_day`.
    schema["required"] = [name for name in schema.get("required", []) if name != "due_day"]


class Recurrence(_Strict):
    """A standing duty: a report every period, due on `due_day` of the month after the period, on the
    dates or weekday its wording names (`recurrence.DueTerms`), or (with none of these: a duty held
    within its period, like a quarterly meeting) by the period's end."""

    model_config = ConfigDict(json_schema_extra=_due_day_optional_in_schema)

    every: Annotated[Frequency, WithJsonSchema({"type": "string", "minLength": 1})] = Field(
        description="weekly, monthly, quarterly, half-yearly, yearly, or the official wording "
        "('ежемесячно до 10 числа месяца, следующего за отчетным', 'ежегодно до 1 апреля')"
    )
    due_day: int | None = Field(
        default=None,
        ge=1,
        le=31,
        description="the day of the month after the period it is due by; none: due by the period's end",
    )
    starts: IsoDate = Field(description="the first period is the one containing this date")
    until: IsoDate | None = Field(default=None, description="the last period is the one containing this date")
    # The dates or weekday the wording of `every` names; a field of no key, so compared like one.
    _terms: DueTerms = PrivateAttr(default=DueTerms())

    @model_validator(mode="wrap")
    @classmethod
    def _read_wording(cls, data: Any, handler: ModelWrapValidatorHandler[Recurrence]) -> Recurrence:
        """`every` may be the official wording; the due day it names fills in `due_day`."""
        if not isinstance(data, Mapping) or not isinstance(data.get("every"), str):
            return handler(data)
        try:
            frequency, terms = parse_duty(data["every"])
        except WordingError as exc:
            raise invalid(
                "invalid.recurrence_format", text=shortened(data["every"]), reason=exc, accepted=DUTY_FORMS
            ) from None
        written_day = data.get("due_day")
        if written_day is not None and (
            terms.dates or terms.weekday is not None or frequency is Frequency.WEEKLY
        ):
            raise invalid("invalid.recurrence_due_day_unused", written=shortened(written_day))
        if terms.due_day is not None and written_day is not None and str(written_day) != str(terms.due_day):
            raise invalid("invalid.recurrence_due_day", said=terms.due_day, written=shortened(written_day))
        due_day = written_day if written_day is not None else terms.due_day
        recurrence = handler({**data, "every": frequency, "due_day": due_day})
        recurrence._terms = terms
        return recurrence

    @property
    def schedule(self) -> Schedule:
        return Schedule(self.every, self.starts, self.until, replace(self._terms, due_day=self.due_day))


class Submission(_Strict):
    """One period of a recurring duty, reported."""

    period: str = Field(description="the period: 2026-01 (monthly), 2026-Q1, 2026-H1, 2026 (yearly)")
    on: IsoDate = Field(description="the day it was submitted")
    evidence: str | None = None


class ProgressNote(_Strict):
    """What was done by a day: a line of the execution report's "Информация об исполнении"."""

    on: IsoDate = Field(description="the day it reports on")
    text: Localized
    document: str | None = Field(
        default=None, description="the document it cites: a letter, a protocol, with its number and date"
    )


class Task(_Strict):
    id: Identifier
    title: Localized
    department: Identifier = Field(description="the lead executor: a department id")
    co_executors: tuple[Identifier, ...] = ()
    deliverable: Localized | None = Field(default=None, description="the form of completion")
    deadline: DeadlineText = Field(
        default=None, description="required unless the task is a recurring duty (recurrence)"
    )
    recurrence: Recurrence | None = None
    status: Status = Status.PLANNED
    completed: IsoDate | None = Field(default=None, description="required when status is done")
    evidence: str | None = Field(
        default=None, description="what shows the task is done: a document number, a protocol, a link"
    )
    depends_on: tuple[Identifier, ...] = ()
    reason: str | None = Field(default=None, description="why the task is blocked or cancelled")
    postponements: tuple[Postponement, ...] = ()
    submissions: tuple[Submission, ...] = Field(default=(), description="a recurring duty's reported periods")
    progress: tuple[ProgressNote, ...] = Field(default=(), description="progress notes; append-only")
    notes: str | None = None

    @property
    def original_deadline(self) -> date | None:
        """The deadline first set: slippage is measured against it. None for a recurring duty."""
        return self.postponements[0].from_ if self.postponements else self.deadline

    @cached_property
    def submitted(self) -> dict[str, date]:
        """When each period of a recurring duty was submitted, by period label."""
        if self.recurrence is None:
            return {}
        every = self.recurrence.every
        submitted: dict[str, date] = {}
        for submission in self.submissions:
            with contextlib.suppress(ValueError):  # a period the rules report as wrong
                submitted.setdefault(every.canonical(submission.period), submission.on)
        return submitted

    def progress_through(self, day: date) -> tuple[ProgressNote, ...]:
        """The progress notes dated on or before `day`, oldest first (a note is kept in file order
        among notes of its day)."""
        return tuple(sorted((note for note in self.progress if note.on <= day), key=lambda note: note.on))

    def involves(self, department_id: str) -> bool:
        return self.department == department_id or department_id in self.co_executors


class DayOffRule(StrEnum):
    KEEP = "keep"
    NEXT_WORKING_DAY = "next_working_day"


class CalendarSettings(_Strict):
    """The working-day calendar: Kazakhstan's, corrected for decrees the holiday data does not know."""

    extra_days_off: tuple[IsoDate, ...] = ()
    extra_working_days: tuple[IsoDate, ...] = ()
    deadline_on_day_off: DayOffRule = Field(
        default=DayOffRule.KEEP,
        description="next_working_day: a deadline on a weekend or holiday moves to the next working day",
    )


class Roadmap(_Strict):
    """The whole file: ``roadmap`` (about it), ``calendar`` (optional), ``departments`` and ``tasks``."""

    info: RoadmapInfo = Field(alias="roadmap")
    calendar: CalendarSettings = CalendarSettings()
    departments: tuple[Department, ...]
    tasks: tuple[Task, ...]

    @cached_property
    def departments_by_id(self) -> dict[str, Department]:
        return {department.id: department for department in self.departments}

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.tasks}


def key_order(model: type[BaseModel]) -> tuple[str, ...]:
    """A model's keys as a file writes them (by alias), in the order the model declares them."""
    return tuple(info.alias or name for name, info in model.model_fields.items())


SCHEMA_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a roadmap file, generated from these models (for editors and other tools).

    It checks shapes and types; the cross-reference rules (ids that must exist, cycles, postponement
    chains) only `roadmap validate` checks.
    """
    schema = Roadmap.model_json_schema(by_alias=True)
    schema["title"] = "roadmap file"
    return {"$schema": SCHEMA_DRAFT, **schema}
