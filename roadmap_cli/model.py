"""The roadmap file format as Pydantic models. No I/O here.

Every model forbids unknown keys (they are almost always typos). Field validators raise
`PydanticCustomError` so that the loader can show their message as is, next to a file position.
Cross-references (ids that must exist, cycles) are checked in `rules.py`, where every problem can
be reported at once with its own position.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta, tzinfo
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

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
from pydantic.json_schema import SkipJsonSchema

from roadmap_cli import dates
from roadmap_cli.duty_wording import DUTY_FORMS, parse_duty
from roadmap_cli.recurrence import DueTerms, Frequency, Schedule
from roadmap_cli.values import (
    MONEY_SCHEMA,
    DeadlineText,
    EmailAddress,
    Identifier,
    IsoDate,
    Leads,
    Localized,
    Money,
    NonBlank,
    Year,
    check_money,
    check_year,
    checked_timezone,
    describe_value,
    invalid,
    shortened,
)
from roadmap_cli.wording import WordingError, is_standing


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
    timezone: Annotated[str, AfterValidator(checked_timezone)] | None = Field(
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


class DepartmentKind(StrEnum):
    """What kind of executor a department is."""

    DEPARTMENT = "department"  # a body of the akimat: answers to it
    GROUP = "group"  # several bodies named as one ("акиматы районов и городов областного значения")
    EXTERNAL = "external"  # outside the akimat: named "(по согласованию)", it takes part by agreement


class Department(_Strict):
    id: Identifier
    name: Localized
    kind: DepartmentKind = DepartmentKind.DEPARTMENT
    language: Language | None = Field(
        default=None, description="the language its reminders are written in: kk, ru or en"
    )
    email: EmailAddress | None = Field(default=None, description="where its reminders go (`roadmap remind`)")


class Section(_Strict):
    """A numbered part of the plan ("7. Инженерно-коммуникационная инфраструктура"): the items numbered
    under it (7.1, 7.12) belong to it."""

    id: Identifier
    title: Localized


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


class FundingSource(StrEnum):
    """Where a plan's money comes from, as the column "Источник финансирования" names it."""

    LOCAL_BUDGET = "local_budget"  # местный бюджет, МБ
    REPUBLICAN_BUDGET = "republican_budget"  # республиканский бюджет, РБ
    NATIONAL_FUND = "national_fund"  # Национальный фонд, НФ
    PRIVATE_INVESTMENT = "private_investment"  # частные инвестиции
    OTHER = "other"  # иные источники


def _amounts_by_year(value: object) -> object:
    """A mapping of year to amount, checked here so that a message names the year, not a pair index."""
    if not isinstance(value, Mapping):
        raise invalid("invalid.by_year_type", found=describe_value(value))
    return tuple((check_year(year), check_money(amount)) for year, amount in value.items())


class Cost(_Strict):
    """The planned expense of an item ("Предполагаемые расходы, млн тенге") and where it comes from."""

    amount: Money = Field(description="million tenge: 1250.5 or 1 250,5")
    sources: tuple[FundingSource, ...] = ()
    # Written as a mapping (2026: 500); kept as pairs, so that a task stays hashable like its other values.
    by_year: Annotated[
        tuple[tuple[Year, Money], ...],
        BeforeValidator(_amounts_by_year),
        PlainSerializer(lambda pairs: {str(year): str(amount) for year, amount in pairs}),
        WithJsonSchema({"type": "object", "additionalProperties": MONEY_SCHEMA}),
    ] = Field(default=(), description="the amount of each year (2026: 500); they add up to `amount`")

    @model_validator(mode="after")
    def _years_add_up(self) -> Cost:
        total = sum(amount for _year, amount in self.by_year)
        if self.by_year and total != self.amount:
            raise invalid("invalid.cost_years", total=total, amount=self.amount)
        return self


_WITHIN = re.compile(r"\s*([0-9]{1,3})\s+([^\W\d_]+)\s*")
_MONTH_WORDS = frozenset(("month", "months", "месяц", "месяца", "месяцев", "мес", "ай"))
_DAY_WORDS = frozenset(("day", "days", "день", "дня", "дней", "дн", "күн"))


def _within(value: object) -> tuple[int, str]:
    """``2 months``, ``2 месяца``, ``2 ай``, ``30 дней``, ``30 күн``: (count, "month" or "day")."""
    match = _WITHIN.fullmatch(str(value).lower()) if isinstance(value, str) else None
    unit = match.group(2) if match else ""
    if match is None or unit not in _MONTH_WORDS | _DAY_WORDS or int(match.group(1)) == 0:
        raise invalid("invalid.within", value=shortened(value))
    return int(match.group(1)), "month" if unit in _MONTH_WORDS else "day"


class RelativeDeadline(_Strict):
    """A deadline counted from another item's completion: "в течение 2 месяцев после завершения
    разработки ПСД". Unresolved (never late) until that item is done; then due `within` after it."""

    after: Identifier = Field(description="the item whose completion starts the count")
    within: Annotated[tuple[int, str], PlainValidator(_within), WithJsonSchema({"type": "string"})] = Field(
        description="2 months, 2 месяца, 30 дней, 30 күн: months or calendar days"
    )
    wording: Localized | None = Field(default=None, description="the plan's own words")

    def due_after(self, completed: date) -> date:
        count, unit = self.within
        if unit == "day":
            return completed + timedelta(days=count)
        from dateutil.relativedelta import relativedelta  # only relative deadlines need it

        return completed + relativedelta(months=count)


class ProgressNote(_Strict):
    """What was done by a day: a line of the execution report's "Информация об исполнении"."""

    on: IsoDate = Field(description="the day it reports on")
    text: Localized
    document: str | None = Field(
        default=None, description="the document it cites: a letter, a protocol, with its number and date"
    )


class Review(_Strict):
    """What `roadmap import` could not read in a plan's row, kept as written for a person to settle:
    `validate` warns until it is gone, and an item without a readable deadline is listed as needing
    one (never late: no date was set)."""

    source: str | None = Field(default=None, description="where the row is: plan.docx: table 1, row 14")
    deadline: str | None = Field(default=None, description="the plan's deadline words, which no rule reads")
    executors: str | None = Field(default=None, description="the plan's executor names, which match none")
    number: str | None = Field(default=None, description="the item number as written, when it is not one")


class Task(_Strict):
    id: Identifier
    title: Localized
    leads: Leads = Field(
        alias="department",
        description="the lead executor: a department id, or a list of several equal ones",
    )
    co_executors: tuple[Identifier, ...] = ()
    deliverable: Localized | None = Field(default=None, description="the form of completion")
    deadline: DeadlineText = Field(
        default=None, description="required unless the task is a recurring duty (recurrence)"
    )
    recurrence: Recurrence | None = None
    cost: Cost | None = None
    section: Identifier | None = Field(
        default=None, description="the section it belongs to, when its number does not say (7.1 is in 7)"
    )
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
    review: Review | None = Field(default=None, description="what an import left for a person to settle")
    # A standing obligation's words ("постоянно"), read from `deadline`: never overdue itself.
    standing: SkipJsonSchema[str | None] = Field(default=None, exclude=True)
    # A deadline counted from another item's completion, read from `deadline: {after, within}`.
    relative: SkipJsonSchema[RelativeDeadline | None] = Field(default=None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _standing_obligation(cls, data: Any) -> Any:
        """`deadline: постоянно` is no date: the task keeps the words in `standing`, with no deadline.
        (A before-validator, not a wrap one: every task of a large roadmap passes here.)"""
        if not isinstance(data, Mapping):
            return data
        if "standing" in data:  # the words come from `deadline`, never as a key of their own
            raise invalid("invalid.standing_key")
        if "relative" in data:
            raise invalid("invalid.relative_key")
        wording = data.get("deadline")
        rest = {key: value for key, value in data.items() if key != "deadline"}
        if isinstance(wording, Mapping) and "after" in wording:  # counted from another item's completion
            return {**rest, "relative": wording}
        if not isinstance(wording, str) or not is_standing(wording):
            return data
        return {**rest, "standing": wording}

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
        notes = tuple(note for note in self.progress if note.on <= day)
        if all(earlier.on <= later.on for earlier, later in itertools.pairwise(notes)):
            return notes  # as a file appends them: in date order already
        return tuple(sorted(notes, key=lambda note: note.on))

    @property
    def department(self) -> str:
        """The first lead executor: the one a task is listed under where one name is shown."""
        return self.leads[0]

    def involves(self, department_id: str) -> bool:
        return department_id in self.leads or department_id in self.co_executors


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


class RiskSettings(_Strict):
    """When an open item counts as at risk of not being done ("риск неисполнения"), besides being
    blocked or waiting for an overdue item: due within this many working days with no progress note
    in the last `quiet_days` days."""

    due_within_working_days: int = Field(default=10, ge=0, le=250)
    quiet_days: int = Field(default=30, ge=1, le=3650)


class Roadmap(_Strict):
    """The whole file: ``roadmap`` (about it), ``calendar`` (optional), ``departments`` and ``tasks``."""

    info: RoadmapInfo = Field(alias="roadmap")
    calendar: CalendarSettings = CalendarSettings()
    risk: RiskSettings = RiskSettings()
    departments: tuple[Department, ...]
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...]

    @cached_property
    def departments_by_id(self) -> dict[str, Department]:
        return {department.id: department for department in self.departments}

    @cached_property
    def tasks_by_id(self) -> dict[str, Task]:
        return {task.id: task for task in self.tasks}

    @cached_property
    def section_of(self) -> dict[str, str | None]:
        """Each task's section, by task id: the one it names, else the longest part of its number
        that is a section's id (7.1.2 is in 7.1 if there is such a section, else in 7); None: none."""
        sections = {section.id for section in self.sections}
        found: dict[str, str | None] = {}
        for task in self.tasks:
            if task.section is not None or not sections:
                found[task.id] = task.section
                continue
            parts = task.id.split(".")
            prefixes = (".".join(parts[:length]) for length in range(len(parts) - 1, 0, -1))
            found[task.id] = next((prefix for prefix in prefixes if prefix in sections), None)
        return found


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
