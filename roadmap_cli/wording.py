"""Deadlines as official documents word them, in Kazakh, Russian and English.

A roadmap's deadline column says "IV квартал 2026 года", "до 20 декабря 2026 года", "2026 жылғы
10 қарашадағы" or "Q4 2026"; a reporting duty says "ежемесячно до 10 числа месяца, следующего за
отчетным". This module turns such text into dates, and refuses (with the reason and the accepted
forms) anything it would have to guess at: a missing year, 01/02/2026, an unknown word.

How it works: the text is cut into tokens (numbers, words, written dates); each word is looked up in
one table (`word_table`) built from the month, period, ordinal and filler words of the three languages with
their inflected forms; what remains is read as a day, a month, a quarter, a half-year or a year. A
period resolves to its last day (python-dateutil's relativedelta does the month arithmetic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache

from roadmap_cli.messages import say


class Period(StrEnum):
    """What a deadline names: one day, or the whole of a longer period (due on its last day)."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half-year"
    YEAR = "year"


class Deadline(date):
    """A deadline: the date it falls on, plus the words it was written in.

    It is a `date` (so it compares, subtracts and sorts as one) that also remembers `wording`, the
    text as written in the file (None for an ISO date), and `period`, what the wording named.
    """

    __slots__ = ("period", "starts", "wording", "wordings")
    period: Period
    wording: str | None
    starts: date | None  # a range's first day ("III–IV кварталы 2026 года": 1 July), for timelines
    wordings: tuple[tuple[str, str], ...]  # (language, text), when the file words it per language

    def __new__(
        cls, year: int, month: int, day: int, wording: str | None = None, period: Period = Period.DAY
    ) -> Deadline:
        deadline = super().__new__(cls, year, month, day)
        deadline.wording = wording
        deadline.period = period
        deadline.starts = None
        deadline.wordings = ()
        return deadline

    @classmethod
    def on(cls, day: date, wording: str | None = None, period: Period = Period.DAY) -> Deadline:
        return cls(day.year, day.month, day.day, wording, period)

    def as_written(self) -> str:
        """The text that gives this deadline back: the wording, else the ISO date."""
        return self.wording if self.wording is not None else self.isoformat()

    def written(self) -> str | dict[str, str]:
        """As the file holds it: one text, or a text per language."""
        return dict(self.wordings) if self.wordings else self.as_written()

    @classmethod
    def per_language(cls, wordings: tuple[tuple[str, str], ...], day: Deadline) -> Deadline:
        """A deadline worded in several languages, all of which name `day`."""
        deadline = cls.on(day, wordings[0][1], day.period)
        deadline.starts = day.starts
        deadline.wordings = wordings
        return deadline


# ---- the word tables --------------------------------------------------------------------------


class Kind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"  # the word for a quarter: its number stands next to it
    HALF = "half"  # the word for a half-year
    ORDINAL = "ordinal"  # first, IV, бірінші...
    YEAR_WORD = "year word"  # год, жылғы, year
    FILLER = "filler"  # до, дейін, by, the end of...
    RECURRING = "recurring"  # ежемесячно: a duty, not a deadline


@dataclass(frozen=True, slots=True)
class Word:
    kind: Kind
    value: int = 0


# Russian nouns by declension: the ending sets for the cases a deadline uses.
_RU_SOFT = ("ь", "я", "е", "ю", "ем")  # январь, января, январе...
_RU_HARD = ("", "а", "е", "у", "ом")  # март, марта, марте...
_RU_ADJECTIVE = (
    "ый",
    "ой",
    "ий",
    "ого",
    "его",
    "ом",
    "ем",
    "ая",
    "яя",
    "ей",
    "ое",
    "ее",
    "ую",
    "юю",
    "ья",
    "ье",
    "ьем",
)
# Kazakh case and possessive endings, for both vowel harmonies and both stem endings: a deadline
# says қараша, қарашада, қарашаға, қарашадағы, қарашаның, қарашасы, қарашасында...
KAZAKH_ENDINGS = (
    "", "да", "де", "та", "те", "ға", "ге", "қа", "ке", "на", "не", "а", "е",
    "ның", "нің", "дың", "дің", "тың", "тің", "ы", "і", "сы", "сі",
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    "ында", "інде", "сында", "сінде", "ына", "іне", "сына", "сіне",
    "ынан", "інен", "нан", "нен", "дан", "ден", "тан", "тен",
    "ының", "інің", "сының", "сінің",
)  # fmt: skip

_MONTHS: tuple[tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    # (Russian forms, Kazakh stems, English names), January first
    (tuple("январ" + e for e in _RU_SOFT), ("қаңтар",), ("january", "jan")),
    (tuple("феврал" + e for e in _RU_SOFT), ("ақпан",), ("february", "feb")),
    (tuple("март" + e for e in _RU_HARD), ("наурыз",), ("march", "mar")),
    (tuple("апрел" + e for e in _RU_SOFT), ("сәуір",), ("april", "apr")),
    (("май", "мая", "мае", "маю", "маем"), ("мамыр",), ("may",)),
    (tuple("июн" + e for e in _RU_SOFT), ("маусым",), ("june", "jun")),
    (tuple("июл" + e for e in _RU_SOFT), ("шілде",), ("july", "jul")),
    (tuple("август" + e for e in _RU_HARD), ("тамыз",), ("august", "aug")),
    (tuple("сентябр" + e for e in _RU_SOFT), ("қыркүйек", "қыркүйег"), ("september", "sep", "sept")),
    (tuple("октябр" + e for e in _RU_SOFT), ("қазан",), ("october", "oct")),
    (tuple("ноябр" + e for e in _RU_SOFT), ("қараша",), ("november", "nov")),
    (tuple("декабр" + e for e in _RU_SOFT), ("желтоқсан",), ("december", "dec")),
)

_ORDINALS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    # (Russian stems, Kazakh and English words and numerals), first to fourth
    (("перв",), ("i", "бірінші", "first")),
    (("втор",), ("ii", "екінші", "second")),
    (("трет",), ("iii", "үшінші", "third")),
    (("четверт",), ("iv", "төртінші", "fourth")),
)

_QUARTER_WORDS = (
    *("квартал" + e for e in _RU_HARD), "кварталы", "кварталах", "кв",
    *("тоқсан" + e for e in KAZAKH_ENDINGS), "тоқсандар", "тоқсандары",
    "quarter", "q",
)  # fmt: skip
_HALF_WORDS = (
    *("полугоди" + e for e in ("е", "я", "и", "ю", "ем")), "полугодье",
    "жарты",
    *("жартыжылдық" + e for e in ("", "та", "қа", "тың")),
    *("жартыжылдығ" + e for e in ("ы", "ында", "ына")),
    "half", "h",
)  # fmt: skip
_YEAR_WORDS = (
    "год", "года", "году", "годом", "годы", "годах", "г", "гг",
    "жыл", "жылы", "жылғы", "жылдың", "жылға", "жылда", "жылдан", "жылдар", "жылдары", "ж",
    "year",
)  # fmt: skip
# Endings written after a number with a hyphen: 10-го, 25-ы, 1-ші, 20th.
_ENDINGS = frozenset(
    (
        "й",
        "го",
        "е",
        "ы",
        "і",
        "шы",
        "ші",
        "ыншы",
        "інші",
        "ншы",
        "нші",
        "ына",
        "іне",
        "сы",
        "сі",
        "st",
        "nd",
        "rd",
        "th",
    )
)
_FILLERS = (
    # Russian
    "до", "к", "в", "во", "на", "не", "позднее", "позже", "конца", "конец", "конце", "концу", "срок",
    "течение", "течении", "по", "итогам", "число", "числа", "включительно", "период", "окончания",
    # Kazakh
    "дейін", "дейінгі", "шейін", "ішінде", "соңына", "соңы", "соңында", "аяғына", "аяғы", "айы",
    "айында", "айына", "айының", "кешіктірмей", "мерзімде", "күні", "күнге", "күнінен", "қорытындысы",
    # English
    "by", "in", "the", "end", "of", "until", "no", "later", "than", "on", "due", "within",
    *_ENDINGS,
)  # fmt: skip
_RECURRING = (
    "ежемесячно", "ежеквартально", "ежегодно", "ежедекадно", "еженедельно", "ежедневно",
    "сайын", "monthly", "quarterly", "yearly", "annually", "weekly",
)  # fmt: skip


def _entries() -> Iterator[tuple[str, Word]]:
    for number, (russian, kazakh_stems, english) in enumerate(_MONTHS, start=1):
        month = Word(Kind.MONTH, number)
        yield from ((form, month) for form in russian)
        yield from ((stem + ending, month) for stem in kazakh_stems for ending in KAZAKH_ENDINGS)
        yield from ((name, month) for name in english)
    for number, (russian_stems, others) in enumerate(_ORDINALS, start=1):
        ordinal = Word(Kind.ORDINAL, number)
        yield from ((stem + ending, ordinal) for stem in russian_stems for ending in _RU_ADJECTIVE)
        yield from ((word, ordinal) for word in others)
    yield from ((word, Word(Kind.QUARTER)) for word in _QUARTER_WORDS)
    yield from ((word, Word(Kind.HALF)) for word in _HALF_WORDS)
    yield from ((word, Word(Kind.YEAR_WORD)) for word in _YEAR_WORDS)
    yield from ((word, Word(Kind.FILLER)) for word in _FILLERS)
    yield from ((word, Word(Kind.RECURRING)) for word in _RECURRING)


def _table(entries: Iterable[tuple[str, Word]]) -> dict[str, Word]:
    table: dict[str, Word] = {}
    for form, word in entries:
        # Two meanings for one form would make a deadline depend on the table's order.
        assert table.get(form, word) == word, f"'{form}' is both {table[form]} and {word}"
        table[form] = word
    return table


@cache
def word_table() -> dict[str, Word]:
    """Every word form and its meaning; built on first use, since a roadmap of ISO dates needs none."""
    return _table(_entries())


# Obligations with no date of their own, as plans word them: never overdue, yet reported on.
_STANDING = frozenset(
    (
        "постоянно", "на постоянной основе", "по мере поступления заявок", "по мере необходимости",
        "по отдельному графику", "тұрақты", "тұрақты негізде", "үнемі", "қажеттілігіне қарай",
        "өтінімдер түскен сайын", "жеке кесте бойынша", "ongoing", "continuously", "as needed",
        "on a separate schedule",
    )
)  # fmt: skip


def is_standing(text: str) -> bool:
    """Whether a deadline's text names a standing obligation ("постоянно", "по мере поступления
    заявок", "тұрақты"): one with no date at all."""
    if not text or text.lstrip()[:1].isdigit() or any(char.isdigit() for char in text):
        return False  # a date, or a wording with one: every task's deadline passes here
    return " ".join(re.findall(r"[^\W\d_]+", normalized(text))) in _STANDING


ACCEPTED_FORMS = say(
    "wording.accepted",
    forms="2026-12-31, 31.12.2026, 20 декабря 2026 года, 2026 жылғы 20 желтоқсан, 20 December 2026, "
    "декабрь 2026 года, IV квартал 2026 года, 2026 жылғы IV тоқсан, Q4 2026, "
    "первое полугодие 2026 года, H1 2026, 2026 год, до конца 2026 года",
)


class WordingError(ValueError):
    """Text that is not a deadline; the message gives the reason, without the accepted forms."""


# ---- reading a deadline -----------------------------------------------------------------------

# Digits are ASCII digits: "٢٠٢٦-٠١-٣١" or "２０２６" look like a date, but no one types them on purpose.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TOKEN = re.compile(
    r"(?P<written>[0-9]+(?:[./-][0-9]+){2})|(?P<number>[0-9]+)|(?P<word>[^\W\d_]+)|(?P<mark>[.,;:()«»\"'–—-])|(?P<other>\S)"
)
_DAY_MONTH_YEAR = re.compile(r"([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})")


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    kind: Kind | None = None  # None for a number
    value: int = 0

    @property
    def is_year(self) -> bool:
        return self.kind is None and len(self.text) == 4

    @property
    def is_small_number(self) -> bool:
        return self.kind is None and len(self.text) <= 2


# Roman numerals typed on a Kazakh keyboard, whose I is the Cyrillic І: "ІV квартал", "ІІ тоқсан". A
# lone "і" is also a Kazakh ending ("25-і"), so it is read as a numeral only before a quarter or half.
_CYRILLIC_NUMERAL = re.compile(
    r"(?<![^\W\d_])(?:і[іi]{1,2}|[іi]*і[іi]*v|і(?=\s+(?:квартал|тоқсан|полугод|жарты)))(?![^\W\d_])"
)


def normalized(text: str) -> str:
    lowered = " ".join(text.lower().replace("ё", "е").split())
    return _CYRILLIC_NUMERAL.sub(lambda match: match.group().replace("і", "i"), lowered)


def _written_date(text: str) -> date:
    """31.12.2026 (day.month.year, the local habit); ISO dates; nothing else with slashes or 2-digit years."""
    if _ISO_DATE.fullmatch(text):
        return _real_date(int(text[:4]), int(text[5:7]), int(text[8:]))
    match = _DAY_MONTH_YEAR.fullmatch(text)
    if match is not None:
        day, month, year = (int(part) for part in match.groups())
        return _real_date(year, month, day)
    if "/" in text:
        raise WordingError(say("wording.ambiguous", text=text))
    raise WordingError(say("wording.not_a_date", text=text))


def _real_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise WordingError(say("wording.no_such_day", day=day, month=month, year=year)) from None


def _tokens(text: str) -> tuple[list[_Token], list[date]]:
    tokens: list[_Token] = []
    written: list[date] = []
    for match in _TOKEN.finditer(normalized(text)):
        piece = match.group()
        if match.lastgroup == "written":
            written.append(_written_date(piece))
        elif match.lastgroup == "number":
            tokens.append(_Token(piece))
        elif match.lastgroup == "word":
            word = word_table().get(piece)
            if word is None:
                raise WordingError(say("wording.unknown_word", word=piece))
            if word.kind is Kind.RECURRING:
                raise WordingError(say("wording.recurring", word=piece))
            if word.kind not in (Kind.FILLER, Kind.YEAR_WORD):
                tokens.append(_Token(piece, word.kind, word.value))
        elif match.lastgroup == "other":
            raise WordingError(say("wording.unexpected", text=piece))
    return tokens, written


def _adjacent_number(tokens: list[_Token], at: int, used: set[int], ordinals: bool) -> int | None:
    """The index of the number or ordinal right before or after `tokens[at]` that belongs to it."""
    found = [
        index
        for index in (at - 1, at + 1)
        if 0 <= index < len(tokens)
        and index not in used
        and (tokens[index].is_small_number or (ordinals and tokens[index].kind is Kind.ORDINAL))
    ]
    if len(found) > 1:
        raise WordingError(
            say("wording.two_numbers", first=tokens[found[0]].text, second=tokens[found[1]].text)
        )
    return found[0] if found else None


def _number(token: _Token) -> int:
    return token.value if token.kind is Kind.ORDINAL else int(token.text)


# A range of periods: "2027 – 2028 годы", "III–IV кварталы 2026 года", "январь – февраль 2026 года".
_RANGE = re.compile(r"(?P<first>[^–—-]*[^\W\d_]|[0-9]{4})\s*[–—-]\s*(?P<second>\S.*)", re.DOTALL)


def parse_deadline(text: str) -> Deadline:
    """Read a deadline; raise `WordingError` saying why when the text is not one. A range resolves to
    its end and keeps its first day in `starts`."""
    stripped = text.strip()
    if _ISO_DATE.fullmatch(stripped):
        return Deadline.on(_written_date(stripped))
    matched = _RANGE.fullmatch(stripped)
    if matched is not None and not _is_ending(matched["second"]):
        return _range(stripped, matched["first"].strip(), matched["second"].strip())
    return _single(stripped)


def _is_ending(text: str) -> bool:
    """Whether the text after a hyphen starts with an ending written after a numeral ("I-ші",
    "10-го"), not with the second part of a range."""
    first_word = re.match(r"[^\W\d_]+", text)
    return first_word is not None and first_word.group().lower() in _ENDINGS


def _range(text: str, first: str, second: str) -> Deadline:
    """A range: the second part as a deadline of its own; the first part completed with the words
    after the second part's first word ("III" + "кварталы 2026 года")."""
    try:
        end = _single(second)
    except WordingError:  # "2026 жылғы III–IV тоқсандар": the year is before the range
        end = _single(f"{first.rsplit(maxsplit=1)[0]} {second}" if " " in first else second)
    rest = second.split(maxsplit=1)[1] if " " in second else ""
    year = re.search(r"[0-9]{4}.*", second)
    candidates = [first, f"{first} {rest}", *([f"{first} {year.group()}"] if year else [])]
    start = _first_read(candidates)
    first_day = _period_start(start)
    if first_day > end:
        raise WordingError(say("wording.range_backwards", first=first, second=second))
    deadline = Deadline.on(end, text, end.period)
    deadline.starts = first_day
    return deadline


def _first_read(candidates: list[str]) -> Deadline:
    """The first of the texts that reads as a deadline; the first one's reason when none does."""
    reason: WordingError | None = None
    for candidate in candidates:
        try:
            return _single(candidate)
        except WordingError as exc:
            reason = reason or exc
    assert reason is not None
    raise reason


def _period_start(deadline: Deadline) -> date:
    """The first day of the period a deadline names (the day itself for a day)."""
    months = {Period.MONTH: 1, Period.QUARTER: 3, Period.HALF_YEAR: 6, Period.YEAR: 12}.get(deadline.period)
    if months is None:
        return date(deadline.year, deadline.month, deadline.day)
    return date(deadline.year, deadline.month - months + 1, 1)


def _single(stripped: str) -> Deadline:
    if _ISO_DATE.fullmatch(stripped):
        return Deadline.on(_written_date(stripped))
    tokens, written = _tokens(stripped)
    if written:
        if len(written) > 1 or tokens:
            raise WordingError(say("wording.two_dates"))
        return Deadline.on(written[0], stripped)
    years = [index for index, token in enumerate(tokens) if token.is_year]
    if not years:
        raise WordingError(say("wording.no_year"))
    if len(years) > 1:
        raise WordingError(say("wording.two_years"))
    year = int(tokens[years[0]].text)
    used = {years[0]}
    periods = [
        index for index, token in enumerate(tokens) if token.kind in (Kind.MONTH, Kind.QUARTER, Kind.HALF)
    ]
    if len(periods) > 1:
        raise WordingError(
            say("wording.two_periods", first=tokens[periods[0]].text, second=tokens[periods[1]].text)
        )
    if not periods:
        leftover = [token for index, token in enumerate(tokens) if index not in used]
        if leftover:
            raise WordingError(say("wording.leftover", text=leftover[0].text))
        if stripped.isascii() and stripped.isdigit():
            raise WordingError(say("wording.number_alone"))
        return Deadline(year, 12, 31, stripped, Period.YEAR)
    at = periods[0]
    used.add(at)
    marker = tokens[at]
    if marker.kind is Kind.MONTH:
        day_at = _adjacent_number(tokens, at, used, ordinals=False)
        deadline = _month_deadline(year, marker.value, tokens, day_at, stripped)
        if day_at is not None:
            used.add(day_at)
    else:
        count = 4 if marker.kind is Kind.QUARTER else 2
        number_at = _adjacent_number(tokens, at, used, ordinals=True)
        if number_at is None:
            which = "wording.which_quarter" if count == 4 else "wording.which_half"
            raise WordingError(say(which, word=marker.text))
        used.add(number_at)
        number = _number(tokens[number_at])
        if not 1 <= number <= count:
            no_such = "wording.no_such_quarter" if count == 4 else "wording.no_such_half"
            raise WordingError(say(no_such, number=number))
        months = 12 // count
        period = Period.QUARTER if count == 4 else Period.HALF_YEAR
        deadline = Deadline.on(_last_day(year, number * months), stripped, period)
    leftover = [token for index, token in enumerate(tokens) if index not in used]
    if leftover:
        raise WordingError(say("wording.leftover", text=leftover[0].text))
    return deadline


def _month_deadline(year: int, month: int, tokens: list[_Token], day_at: int | None, text: str) -> Deadline:
    if day_at is None:
        return Deadline.on(_last_day(year, month), text, Period.MONTH)
    return Deadline.on(_real_date(year, month, int(tokens[day_at].text)), text)


def _last_day(year: int, month: int) -> date:
    from dateutil.relativedelta import relativedelta  # only wordings need it: kept off start-up

    # relativedelta's day=31 stops at the month's last day: 30 April, 28 or 29 February.
    return date(year, month, 1) + relativedelta(day=31)
