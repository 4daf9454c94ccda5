"""Executors' names as a roadmap keeps them: a short, stable, readable id for each new department, and
the department of an existing roadmap a name means.

An id is the name's initials, as Kazakh offices abbreviate a body ("Управление предпринимательства и
индустриально-инновационного развития" is УПИИР: `upiir`), written in Latin letters; an abbreviation
inside the name is kept whole ("Управляющая компания СЭЗ «Актобе»": `uk-sez`). The same name always
gives the same id, so importing a plan again gives the same roadmap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

# Cyrillic, Russian and Kazakh, in Latin letters (the Kazakh Latin alphabet's plain forms).
_LATIN: Final = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye", strict=True)),
        "ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "",
        "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
        "һ": "h", "і": "i",
    }
)  # fmt: skip
# Words that no abbreviation keeps: conjunctions and prepositions, in Russian, Kazakh and English.
_SMALL_WORDS: Final = frozenset(
    ("и", "в", "во", "на", "по", "при", "для", "с", "со", "к", "о", "об", "от", "из", "мен", "және", "бен",
     "пен", "of", "and", "the", "for", "on", "in")
)  # fmt: skip
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_QUOTED = re.compile(r"[«\"“„][^»\"”“]*[»\"”“]")
MAX_ID = 24


def latin(text: str) -> str:
    return text.casefold().translate(_LATIN)


def department_id(name: str) -> str:
    """The id a department's name gives: its initials (and abbreviations whole), in Latin letters."""
    unquoted = _QUOTED.sub(" ", name)
    initials: list[str] = []
    abbreviations: list[str] = []
    for word in _WORD.findall(unquoted):
        if word.isupper() and len(word) > 1:
            abbreviations.append(latin(word))
        elif word.casefold() not in _SMALL_WORDS:
            initials.append(latin(word[0]))
    letters = "".join(initials)
    if len(letters) + len("".join(abbreviations)) < 3:  # "АО «KEGOC»": the name in quotes says who
        abbreviations += [latin(word) for quoted in _QUOTED.findall(name) for word in _WORD.findall(quoted)]
    parts = [part for part in (letters, *abbreviations) if part]
    made = "-".join(parts)[:MAX_ID].strip("-")
    return re.sub(r"[^a-z0-9-]", "", made) or "department"


def unique_ids(names: Iterable[str], taken: Iterable[str] = ()) -> dict[str, str]:
    """An id for each name, none the same as another's or as one `taken` already: a second name
    with the same initials gets "-2", a third "-3"."""
    used = set(taken)
    ids: dict[str, str] = {}
    for name in names:
        base = department_id(name)
        candidate, count = base, 1
        while candidate in used:
            count += 1
            candidate = f"{base}-{count}"
        used.add(candidate)
        ids[name] = candidate
    return ids


def tidy(name: str) -> str:
    """A name compared the way a reader compares them: case, quotes, spaces and "ё" set aside."""
    return " ".join(re.sub(r"[«»\"“”„'`]", " ", name).casefold().replace("ё", "е").split())


def abbreviation(name: str) -> str:
    """A name as its letters: "УЭ и ЖКХ" and "Управление энергетики и жилищно-коммунального
    хозяйства" are both "уэжкх"."""
    letters = []
    for word in _WORD.findall(_QUOTED.sub(" ", name)):
        if word.isupper() and len(word) > 1:
            letters.append(word.casefold())
        elif word.casefold() not in _SMALL_WORDS:
            letters.append(word.casefold()[:1])
    return "".join(letters)


def match_department(name: str, known: Mapping[str, Iterable[str]]) -> str | None:
    """The id of the department `name` means, among `known` (id: its names in every language): the
    same name set apart from case and quotes, the same abbreviation, or the name as its id. None
    when none matches, or when two do (a guess would be wrong half the time)."""
    wanted = tidy(name)
    letters = abbreviation(name)
    exact = [each for each, names in known.items() if wanted in {tidy(known_name) for known_name in names}]
    if len(exact) == 1:
        return exact[0]
    if name in known:
        return name
    if len(letters) >= 2:
        short = [
            each
            for each, names in known.items()
            if any(abbreviation(known_name) == letters for known_name in names)
        ]
        if len(short) == 1:
            return short[0]
    return None
