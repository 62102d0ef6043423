"""The registry of language packs, and what is built from all of them.

A pack registers itself when its module is imported (`register(PACK)`);
every module of this package is such a pack and is imported below, so a
new built-in language is one new module here. Extraction reads the words of every
registered pack in every article — Indonesian news quotes English titles
and organisation names, and KB names come in every language — except
where a pack describes its own language only: telling languages apart
(`function_words`), head-final organisation names (`organization_heads`)
and a trained NER model (`ner_model`), which apply to articles in that
language. `compiled` rebuilds what a module derives from the packs (its
regular expressions) whenever a pack is registered or removed.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable, Iterable, Mapping
from functools import wraps
from typing import TypeVar

from loaders.lang.pack import DateWords, EventGrammar, LanguagePack, Triggers

T = TypeVar("T")

DEFAULT = "id"
"""The language a text is taken to be in when its function words do not decide: kabar's sources are Indonesian."""

_PACKS: dict[str, LanguagePack] = {}
_version = 0
_WORD = re.compile(r"[a-z]+")


def register(pack: LanguagePack) -> LanguagePack:
    """Add a pack; a code registered twice, or a word that two packs map differently, is a ValueError."""
    if pack.code in _PACKS:
        raise ValueError(f"language pack {pack.code!r} is registered twice")
    for name, get in _MAPPINGS.items():
        merged_mapping([*_PACKS.values(), pack], get, name)
    global _version
    _PACKS[pack.code] = pack
    _version += 1
    return pack


def unregister(code: str) -> None:
    global _version
    del _PACKS[code]
    _version += 1


def get(code: str) -> LanguagePack:
    try:
        return _PACKS[code]
    except KeyError:
        raise ValueError(f"no language pack for {code!r}; kabar reads {' and '.join(codes())}") from None


def find(code: str) -> LanguagePack | None:
    """The pack of `code`, or None for a language kabar has none for (its words are then every pack's)."""
    return _PACKS.get(code)


def codes() -> tuple[str, ...]:
    """The registered languages, in alphabetical order."""
    return tuple(sorted(_PACKS))


def packs() -> tuple[LanguagePack, ...]:
    return tuple(_PACKS[code] for code in codes())


def detect_language(text: str) -> str:
    """The pack whose function words the text uses most; `DEFAULT` when none uses more than it.

    Function words settle it for news text: a few hundred characters of any
    language contain dozens of them, and the packs' lists share none.
    """
    found = _WORD.findall(text.lower())
    counts = {pack.code: sum(w in pack.function_words for w in found) for pack in packs()}
    best = max(counts, key=lambda code: (counts[code], code == DEFAULT))
    return best if counts[best] > counts.get(DEFAULT, -1) else DEFAULT


def compiled(build: Callable[[tuple[LanguagePack, ...]], T]) -> Callable[[], T]:
    """`build` over the registered packs, remembered until a pack is registered or removed."""
    memo: dict[int, T] = {}

    @wraps(build)
    def current() -> T:
        if _version not in memo:
            memo.clear()
            memo[_version] = build(packs())
        return memo[_version]

    return current


def version() -> int:
    """Changes whenever a pack is registered or removed: what a cache of built pipelines keys on."""
    return _version


def words(packs_: Iterable[LanguagePack], get: Callable[[LanguagePack], Iterable[str]]) -> tuple[str, ...]:
    """The words `get` gives in every pack, each once, in pack order."""
    return tuple(dict.fromkeys(w for pack in packs_ for w in get(pack)))


def merged_mapping(packs_: Iterable[LanguagePack], get: Callable[[LanguagePack], Mapping[str, T]],
                   what: str = "word") -> dict[str, T]:
    """One mapping from every pack's; a key two packs map differently is a ValueError naming both."""
    out: dict[str, T] = {}
    owner: dict[str, str] = {}
    for pack in packs_:
        for key, value in get(pack).items():
            if key in out and out[key] != value:
                raise ValueError(f"language pack {pack.code!r} gives {what} {key!r} as {value!r}, "
                                 f"pack {owner[key]!r} as {out[key]!r}")
            out.setdefault(key, value)
            owner.setdefault(key, pack.code)
    return out


def alternatives(phrases: Iterable[str], *, literal: bool = True) -> str:
    """A regular-expression alternation of phrases, longest first, a phrase's spaces matching any whitespace.

    No phrases give an alternation that never matches, so a pattern built
    around it finds nothing rather than everything."""
    ordered = sorted(dict.fromkeys(phrases), key=len, reverse=True)
    if not ordered:
        return "(?!)"
    return "|".join((re.escape(p) if literal else p).replace(r"\ " if literal else " ", r"\s+") for p in ordered)


_MAPPINGS: dict[str, Callable[[LanguagePack], Mapping[str, object]]] = {
    "month": lambda p: p.dates.months,
    "month abbreviation": lambda p: p.dates.month_abbreviations,
    "weekday": lambda p: p.dates.weekdays,
    "number": lambda p: p.dates.numbers,
    "relative day": lambda p: p.dates.relative_days,
    "demonym": lambda p: p.demonyms,
}

for _module in pkgutil.iter_modules(__path__):  # every module but `pack` is a language pack that registers itself
    if _module.name != "pack":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["DateWords", "EventGrammar", "LanguagePack", "Triggers", "codes", "compiled", "detect_language", "get",
           "packs", "register", "unregister", "version"]
